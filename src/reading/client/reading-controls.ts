// <gongshi-reading-controls>, the 阅读辅助 toolbar (src/components/ReadingControls.astro). What a page loads before
// the reader touches it is only this: the text size (the one setting on the compact row), the panel's button and
// Alt+Shift+A. Everything in the panel lives in ./reading-panel, loaded when the panel first opens, or at once for a
// reader whose saved settings need a script (繁體, reading guide, caption). Nothing is imported here, so that the
// panel costs a page nothing until then: the size steps repeat SIZES of src/reading/prefs, as public/reading-prefs.js
// does (the browser tests step through all of them).
const STEPS = [100, 125, 150, 175, 200];
const KEY = 'gongshi-reading';

/** What the panel module gives the toolbar. */
export interface Panel {
  onClick(event: Event): void;
}

class ReadingControls extends HTMLElement {
  #panel: Promise<Panel> | undefined;

  connectedCallback(): void {
    this.addEventListener('click', this.#onClick);
    this.addEventListener('keydown', this.#onKeydown);
    document.addEventListener('keydown', this.#onShortcut);
    this.hidden = false;
    this.showSize();
    const root = document.documentElement;
    if (root.dataset.script || root.dataset.guide || root.hasAttribute('data-caption')) void this.#loadPanel();
  }

  disconnectedCallback(): void {
    this.removeEventListener('click', this.#onClick);
    this.removeEventListener('keydown', this.#onKeydown);
    document.removeEventListener('keydown', this.#onShortcut);
  }

  #loadPanel(): Promise<Panel> {
    return (this.#panel ??= import('./reading-panel').then(({ attachPanel }) => attachPanel(this)));
  }

  #button(action: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  }

  /** Shows the size <html> carries (public/reading-prefs.js put it there before the first paint). */
  showSize(): void {
    const size = Number(document.documentElement.dataset.textSize ?? STEPS[0]);
    this.querySelector('[data-size-value]')!.textContent = `${size}%`;
    const [smaller, larger] = [this.#button('smaller'), this.#button('larger')];
    const focused = document.activeElement;
    smaller.disabled = size === STEPS[0];
    larger.disabled = size === STEPS[STEPS.length - 1];
    // A button disabled under the keyboard focus would drop it to the top of the page: move it to the other size button.
    if (focused === larger && larger.disabled) smaller.focus();
    else if (focused === smaller && smaller.disabled) larger.focus();
  }

  announce(text: string): void {
    this.querySelector('[data-reading-status]')!.textContent = text;
  }

  #stepSize(direction: 1 | -1): void {
    const root = document.documentElement;
    const at = STEPS.indexOf(Number(root.dataset.textSize ?? STEPS[0]));
    const size = STEPS[Math.max(0, Math.min(STEPS.length - 1, at + direction))];
    if (size === STEPS[0]) root.removeAttribute('data-text-size');
    else root.setAttribute('data-text-size', String(size));
    try {
      const saved: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
      localStorage.setItem(KEY, JSON.stringify({ ...(saved && typeof saved === 'object' ? saved : {}), size }));
    } catch {
      // Storage blocked or unreadable: the size holds for this page only.
    }
    this.showSize();
    this.announce(`字号 ${size}%`);
  }

  togglePanel(open: boolean, focus: boolean): void {
    const panel = this.querySelector<HTMLElement>('#reading-panel')!;
    const toggle = this.#button('panel');
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) void this.#loadPanel();
    if (focus) (open ? panel.querySelector<HTMLButtonElement>('button') : toggle)?.focus();
  }

  #onClick = (event: Event): void => {
    const target = event.target as Element;
    const action = target.closest<HTMLButtonElement>('button[data-action]')?.dataset.action;
    if (action === 'panel') this.togglePanel(this.#button('panel').getAttribute('aria-expanded') !== 'true', false);
    else if (action === 'smaller' || action === 'larger') this.#stepSize(action === 'larger' ? 1 : -1);
    else if (action || target.closest('button[data-speech]')) void this.#loadPanel().then((panel) => panel.onClick(event));
  };

  /** Esc in the panel closes it and returns to its button. */
  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || this.querySelector<HTMLElement>('#reading-panel')!.hidden) return;
    event.preventDefault();
    this.togglePanel(false, true);
  };

  /** Alt+Shift+A, from anywhere on the page: open the panel at its first control, or close it. */
  #onShortcut = (event: KeyboardEvent): void => {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.code !== 'KeyA') return;
    event.preventDefault();
    this.togglePanel(Boolean(this.querySelector<HTMLElement>('#reading-panel')!.hidden), true);
  };
}

export type { ReadingControls };
customElements.define('gongshi-reading-controls', ReadingControls);
