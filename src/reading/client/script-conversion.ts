// Shows the page in Traditional characters (or back in Simplified) in the browser. The converter
// (opencc-js cn→tw cut to this site's phrases, see src/integrations/opencc-modules) is fetched the first
// time a reader asks for it. Text added later, such as
// search results, is converted as it appears. Form fields keep what the reader typed.
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'NOSCRIPT']);
const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt'];

let converter: Promise<(text: string) => string> | undefined;
const loadConverter = () => (converter ??= import('virtual:gongshi/to-traditional').then(({ toTraditional }) => toTraditional));

/** Original text of every converted node and attribute, to go back to Simplified exactly. */
const originals = new Map<Node, string>();
const originalAttributes = new Map<Element, Map<string, string>>();
let originalTitle: string | undefined;
let observer: MutationObserver | undefined;
let convert: ((text: string) => string) | undefined;

function skipped(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (SKIP.has(el.tagName) || el.hasAttribute('data-keep-script')) return true;
  }
  return false;
}

function convertTree(root: Node): void {
  if (!convert) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node: Node | null = root; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.nodeValue ?? '';
      if (!/\p{Script=Han}/u.test(text) || skipped(node)) continue;
      const converted = convert(text);
      if (converted === text) continue;
      if (!originals.has(node)) originals.set(node, text);
      node.nodeValue = converted;
    } else if (node instanceof Element && !skipped(node)) {
      for (const name of ATTRIBUTES) {
        const value = node.getAttribute(name);
        if (!value || !/\p{Script=Han}/u.test(value)) continue;
        const converted = convert(value);
        if (converted === value) continue;
        if (!originalAttributes.has(node)) originalAttributes.set(node, new Map());
        if (!originalAttributes.get(node)!.has(name)) originalAttributes.get(node)!.set(name, value);
        node.setAttribute(name, converted);
      }
    }
  }
}

/** Converts the page to Traditional characters and keeps converting what is added; `lang` becomes zh-Hant. */
export async function showTraditional(): Promise<void> {
  convert = await loadConverter();
  originalTitle ??= document.title;
  document.title = convert(originalTitle);
  convertTree(document.body);
  document.documentElement.lang = 'zh-Hant';
  observer ??= new MutationObserver((records) => {
    if (!convert) return;
    for (const record of records) {
      if (record.type === 'childList') record.addedNodes.forEach((n) => convertTree(n));
      else {
        // Text changed in place by the page: that is new Simplified text. Our own changes are already Traditional.
        const value = record.target.nodeValue ?? '';
        const converted = convert(value);
        if (converted !== value && !skipped(record.target)) {
          originals.set(record.target, value);
          record.target.nodeValue = converted;
        }
      }
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}

/** Puts back every original Simplified text; `lang` becomes zh-CN again. */
export function showSimplified(): void {
  observer?.disconnect();
  observer = undefined;
  convert = undefined;
  for (const [node, text] of originals) node.nodeValue = text;
  originals.clear();
  for (const [el, attrs] of originalAttributes) for (const [name, value] of attrs) el.setAttribute(name, value);
  originalAttributes.clear();
  if (originalTitle !== undefined) document.title = originalTitle;
  document.documentElement.lang = 'zh-CN';
}
