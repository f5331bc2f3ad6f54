// The aids that follow the pointer and the keyboard focus: 辅助线 (a reading guide, a horizontal line or a
// crosshair) and 大字幕 (the text under the pointer or focus, magnified at the foot of the window). Loaded by the
// reading controls the first time either is on; their look is in src/reading/reading-aids.css.
import type { ReadingPrefs } from '../prefs';

/** What the caption shows: the innermost of these under the pointer or focus. */
const CAPTIONED = 'a, button, summary, label, output, option, h1, h2, h3, h4, p, li, dt, dd, th, td, caption, figcaption, address';
/** Longer texts are cut to the sentence under the pointer, so the caption stays within a few lines. */
const SHORT = 60;

let guides: HTMLElement[] = [];
let caption: HTMLElement | undefined;
let listening = false;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The sentence of `text` around `offset` (a sentence ends at 。！？；!? and any closing quotes). */
function sentenceAt(text: string, offset: number): string {
  const ends = /[。！？；!?]+[”’」』）)]*/gu;
  let start = 0;
  for (let m = ends.exec(text); m; m = ends.exec(text)) {
    const end = m.index + m[0].length;
    if (end > offset) return text.slice(start, end);
    start = end;
  }
  return text.slice(start);
}

/** Where in `element`'s text the point (x, y) is, or undefined where the browser cannot say. */
function offsetAt(element: Element, x: number, y: number): number | undefined {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  const position = doc.caretPositionFromPoint?.(x, y);
  const range = position ? undefined : doc.caretRangeFromPoint?.(x, y);
  const node = position?.offsetNode ?? range?.startContainer;
  const offset = position?.offset ?? range?.startOffset;
  if (!node || offset === undefined || !element.contains(node)) return undefined;
  const before = document.createRange();
  before.setStart(element, 0);
  before.setEnd(node, offset);
  return before.toString().length;
}

function captionText(element: Element, point?: { x: number; y: number }): string {
  const own = element.getAttribute('aria-label');
  const text = own ?? (element instanceof HTMLElement ? element.innerText : element.textContent) ?? '';
  if (collapse(text).length <= SHORT || !point) return collapse(text);
  const offset = offsetAt(element, point.x, point.y);
  return collapse(offset === undefined ? text : sentenceAt(element.textContent ?? '', offset));
}

function showCaption(element: Element | null, point?: { x: number; y: number }): void {
  if (!caption) return;
  const source = element?.closest(CAPTIONED);
  if (!source || source.closest('.reading-caption')) return;
  caption.textContent = captionText(source, point);
}

function moveGuides(x: number, y: number): void {
  for (const guide of guides) guide.style.transform = guide.dataset.axis === 'x' ? `translateY(${y}px)` : `translateX(${x}px)`;
}

/** The element the guide was last put under by the keyboard, while the pointer has not moved since. */
let focused: Element | null = null;

function underFocused(): void {
  if (!focused) return;
  const box = focused.getBoundingClientRect();
  moveGuides(box.left, box.bottom);
}

/** Where the pointer last was: when the page scrolls under a still pointer, engines send events from the same place. */
let pointer: { x: number; y: number } | undefined;
const moved = (event: PointerEvent) => !pointer || pointer.x !== event.clientX || pointer.y !== event.clientY;

const onPointerMove = (event: PointerEvent) => {
  if (!moved(event)) return;
  pointer = { x: event.clientX, y: event.clientY };
  focused = null;
  moveGuides(event.clientX, event.clientY);
};
// After the keyboard moved the focus (and scrolled it into view), what slides under the still pointer is not
// what the reader is pointing at: the caption keeps the focused control until the pointer moves.
const onPointerOver = (event: PointerEvent) => {
  if (focused && !moved(event)) return;
  showCaption(event.target as Element, { x: event.clientX, y: event.clientY });
};
const onFocusIn = (event: FocusEvent) => {
  const target = event.target;
  if (!(target instanceof Element)) return;
  focused = target;
  underFocused();
  // Some engines (WebKit) fire focusin before scrolling the element into view: place the guide again after it.
  requestAnimationFrame(underFocused);
  showCaption(target);
};
const onScroll = () => underFocused();

function box(className: string, attributes: Record<string, string>): HTMLElement {
  const el = document.createElement('div');
  el.className = className;
  el.setAttribute('aria-hidden', 'true');
  el.dataset.pagefindIgnore = 'all';
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  return el;
}

/** Shows or removes the guide and the caption as the settings say. */
export function setPointerAids({ guide, caption: wanted }: Pick<ReadingPrefs, 'guide' | 'caption'>): void {
  const axes = guide === 'off' ? [] : guide === 'line' ? ['x'] : ['x', 'y'];
  if (guides.map((g) => g.dataset.axis).join() !== axes.join()) {
    for (const g of guides) g.remove();
    guides = axes.map((axis) => box('reading-guide', { 'data-axis': axis }));
    // Until the pointer moves, the guide waits under the middle of the window.
    moveGuides(innerWidth / 2, innerHeight / 2);
  }
  if (wanted && !caption) caption = box('reading-caption', { 'data-keep-script': '' });
  if (!wanted && caption) {
    caption.remove();
    caption = undefined;
  }
  const on = guides.length > 0 || caption !== undefined;
  if (on !== listening) {
    if (on) {
      document.addEventListener('pointermove', onPointerMove, { passive: true });
      document.addEventListener('pointerover', onPointerOver);
      document.addEventListener('focusin', onFocusIn);
      addEventListener('scroll', onScroll, { passive: true });
    } else {
      document.removeEventListener('pointermove', onPointerMove);
      document.removeEventListener('pointerover', onPointerOver);
      document.removeEventListener('focusin', onFocusIn);
      removeEventListener('scroll', onScroll);
    }
    listening = on;
  }
}
