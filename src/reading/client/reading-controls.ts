// <gongshi-reading-controls>, the 阅读辅助 toolbar (src/components/ReadingControls.astro): changes the settings on
// <html>, saves them in localStorage for every page, and announces each change to screen readers. Alt+Shift+A
// opens and closes its panel from anywhere on the page. public/reading-prefs.js applies saved settings before the
// first paint; the aids that follow the pointer and read aloud are loaded the first time they are used.
import { CURSORS, DEFAULT_PREFS, GUIDES, parsePrefs, prefsAttributes, SIZES, stepSize, STORAGE_KEY, type ReadingPrefs } from '../prefs';
import { showSimplified, showTraditional } from './script-conversion';

function load(): ReadingPrefs {
  try {
    return parsePrefs(localStorage.getItem(STORAGE_KEY));
  } catch {
    return { ...DEFAULT_PREFS };
  }
}

function save(prefs: ReadingPrefs): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // Storage blocked: the setting holds for this page only.
  }
}

const highContrastWanted = (prefs: ReadingPrefs) =>
  prefs.contrast === 'high' || (prefs.contrast === 'system' && matchMedia('(prefers-contrast: more)').matches);

const next = <T>(values: readonly T[], value: T): T => values[(values.indexOf(value) + 1) % values.length];

const CURSOR_STATE = { normal: '', large: '（大）', larger: '（特大）' } as const;
const CURSOR_SAID = { normal: '已关闭大鼠标', large: '已开启大鼠标', larger: '已换成特大鼠标' } as const;
const GUIDE_STATE = { off: '', line: '（横线）', cross: '（十字线）' } as const;
const GUIDE_SAID = { off: '已关闭辅助线', line: '已开启辅助线', cross: '已换成十字辅助线' } as const;

class ReadingControls extends HTMLElement {
  #prefs = load();
  #pointerAids: Promise<typeof import('./pointer-aids')> | undefined;
  #readAloud: Promise<import('./read-aloud').ReadAloud> | undefined;

  connectedCallback(): void {
    this.addEventListener('click', this.#onClick);
    this.addEventListener('keydown', this.#onKeydown);
    document.addEventListener('keydown', this.#onShortcut);
    this.hidden = false;
    void this.#apply();
  }

  disconnectedCallback(): void {
    this.removeEventListener('click', this.#onClick);
    this.removeEventListener('keydown', this.#onKeydown);
    document.removeEventListener('keydown', this.#onShortcut);
  }

  #button(action: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  }

  #press(action: string, pressed: boolean, state?: string): void {
    const button = this.#button(action);
    button.setAttribute('aria-pressed', String(pressed));
    const label = button.querySelector('[data-state]');
    if (label) label.textContent = state ?? '';
  }

  async #apply(announce?: string): Promise<void> {
    const prefs = this.#prefs;
    const root = document.documentElement;
    for (const [name, value] of Object.entries(prefsAttributes(prefs))) {
      if (value === undefined) root.removeAttribute(name);
      else root.setAttribute(name, value);
    }
    this.querySelector<HTMLOutputElement>('[data-size-value]')!.textContent = `${prefs.size}%`;
    const [smaller, larger] = [this.#button('smaller'), this.#button('larger')];
    const focused = document.activeElement;
    smaller.disabled = prefs.size === SIZES[0];
    larger.disabled = prefs.size === SIZES[SIZES.length - 1];
    // A button disabled under the keyboard focus would drop it to the top of the page: move it to the other size button.
    if (focused === larger && larger.disabled) smaller.focus();
    else if (focused === smaller && smaller.disabled) larger.focus();
    this.#press('line-spacing', prefs.lineSpacing === 'wide');
    this.#press('contrast', highContrastWanted(prefs));
    this.#press('script', prefs.script === 'hant');
    this.#press('cursor', prefs.cursor !== 'normal', CURSOR_STATE[prefs.cursor]);
    this.#press('guide', prefs.guide !== 'off', GUIDE_STATE[prefs.guide]);
    this.#press('caption', prefs.caption);
    this.#press('plain', prefs.plain);
    if (announce) this.querySelector<HTMLElement>('[data-reading-status]')!.textContent = announce;
    if (prefs.guide !== 'off' || prefs.caption || this.#pointerAids) {
      (this.#pointerAids ??= import('./pointer-aids')).then(
        (aids) => aids.setPointerAids(prefs),
        () => (this.#pointerAids = undefined),
      );
    }
    if (prefs.script === 'hant') await showTraditional();
    else if (root.lang !== 'zh-CN') showSimplified();
  }

  #change(update: Partial<ReadingPrefs>, announce: string): void {
    this.#prefs = { ...this.#prefs, ...update };
    save(this.#prefs);
    void this.#apply(announce);
  }

  #togglePanel(open: boolean, focus: boolean): void {
    const panel = this.querySelector<HTMLElement>('#reading-panel')!;
    const toggle = this.#button('panel');
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (focus) (open ? panel.querySelector<HTMLButtonElement>('button') : toggle)?.focus();
  }

  #readAloudControls(): Promise<import('./read-aloud').ReadAloud> {
    return (this.#readAloud ??= import('./read-aloud').then(
      ({ ReadAloud }) =>
        new ReadAloud(this.querySelector<HTMLElement>('#read-aloud')!, {
          rate: () => this.#prefs.speechRate,
          setRate: (speechRate) => {
            this.#prefs = { ...this.#prefs, speechRate };
            save(this.#prefs);
          },
        }),
    ));
  }

  #onClick = (event: Event): void => {
    const target = event.target as Element;
    const speech = target.closest<HTMLButtonElement>('button[data-speech]')?.dataset.speech;
    if (speech) {
      void this.#readAloudControls().then((controls) => controls.run(speech));
      return;
    }
    const prefs = this.#prefs;
    const action = target.closest<HTMLButtonElement>('button[data-action]')?.dataset.action;
    if (action === 'panel') {
      this.#togglePanel(this.#button('panel').getAttribute('aria-expanded') !== 'true', false);
    } else if (action === 'smaller' || action === 'larger') {
      const size = stepSize(prefs.size, action === 'larger' ? 1 : -1);
      this.#change({ size }, `字号 ${size}%`);
    } else if (action === 'line-spacing') {
      const wide = prefs.lineSpacing !== 'wide';
      this.#change({ lineSpacing: wide ? 'wide' : 'normal' }, wide ? '已加大行距' : '已恢复正常行距');
    } else if (action === 'contrast') {
      const high = !highContrastWanted(prefs);
      this.#change({ contrast: high ? 'high' : 'normal' }, high ? '已开启高对比度' : '已关闭高对比度');
    } else if (action === 'script') {
      const hant = prefs.script !== 'hant';
      this.#change({ script: hant ? 'hant' : 'hans' }, hant ? '已切換為繁體中文' : '已切换为简体中文');
    } else if (action === 'cursor') {
      const cursor = next(CURSORS, prefs.cursor);
      this.#change({ cursor }, CURSOR_SAID[cursor]);
    } else if (action === 'guide') {
      const guide = next(GUIDES, prefs.guide);
      this.#change({ guide }, GUIDE_SAID[guide]);
    } else if (action === 'caption') {
      this.#change({ caption: !prefs.caption }, prefs.caption ? '已关闭大字幕' : '已开启大字幕');
    } else if (action === 'plain' || action === 'plain-off') {
      const plain = action === 'plain' && !prefs.plain;
      this.#change({ plain }, plain ? '已进入简约模式，只显示正文和联系方式' : '已退出简约模式');
    } else if (action === 'speech') {
      const section = this.querySelector<HTMLElement>('#read-aloud')!;
      section.hidden = !section.hidden;
      this.#button('speech').setAttribute('aria-expanded', String(!section.hidden));
      if (!section.hidden) void this.#readAloudControls();
    } else if (action === 'reset') {
      void this.#readAloud?.then((controls) => controls.run('stop'));
      this.#change({ ...DEFAULT_PREFS }, '已恢复默认阅读设置');
    }
  };

  /** Esc in the panel closes it and returns to its button. */
  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || this.querySelector<HTMLElement>('#reading-panel')!.hidden) return;
    event.preventDefault();
    this.#togglePanel(false, true);
  };

  /** Alt+Shift+A, from anywhere on the page: open the panel at its first control, or close it. */
  #onShortcut = (event: KeyboardEvent): void => {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.code !== 'KeyA') return;
    event.preventDefault();
    this.#togglePanel(Boolean(this.querySelector<HTMLElement>('#reading-panel')!.hidden), true);
  };
}

customElements.define('gongshi-reading-controls', ReadingControls);
