declare module 'virtual:gongshi/traditional-chars' {
  /** Whether the text has a character that Traditional→Simplified conversion would change. */
  export function hasTraditional(text: string): boolean;
}

declare module 'virtual:gongshi/to-traditional' {
  /** Simplified → Traditional (Taiwan) for the text of this site. */
  export function toTraditional(text: string): string;
}

declare module 'opencc-js/dict/*' {
  /** An OpenCC dictionary: "key value|key value|…". */
  const dict: string;
  export default dict;
}
