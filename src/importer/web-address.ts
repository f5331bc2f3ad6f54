// Where a web address written into Chinese text ends, for the importer's two passes over addresses (punctuation
// left alone inside them, and addresses kept as code in the Markdown it writes): at white space or Chinese text,
// and punctuation at its very end belongs to the sentence (`见http://a.cn/x,欢迎`).
const STOP = '\\s\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”';

/**
 * A regular-expression source for the rest of an address after its scheme or `www.`. `alsoStop` are more
 * characters that end it; `notLast` more characters that may not be its last one.
 */
export function addressRest(alsoStop = '', notLast = ''): string {
  return `(?:[^${STOP}${alsoStop}]*[^${STOP}${alsoStop},.;:!?()${notLast}])?`;
}
