// The 阅读辅助 panel's controls (src/components/ReadingControls.astro), loaded by <gongshi-reading-controls> when the
// panel first opens: line spacing, contrast, 简/繁, large cursor, reading guide, caption, plain mode, read-aloud and
// reset. Each change is set on <html>, saved in localStorage for every page and announced; the aids that follow the
// pointer, the 简/繁 converter and read-aloud load only when they are first used.
import { CURSORS, DEFAULT_PREFS, GUIDES, parsePrefs, prefsAttributes, STORAGE_KEY, type ReadingPrefs } from '../prefs';
import type { Panel, ReadingControls } from './reading-controls';

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

class ReadingPanel implements Panel {
  #bar: ReadingControls;
  #pointerAids: Promise<typeof import('./pointer-aids')> | undefined;
  #readAloud: Promise<import('./read-aloud').ReadAloud> | undefined;

  constructor(bar: ReadingControls) {
    this.#bar = bar;
    void this.#apply(load());
    // The panel's controls work from here on (the browser tests wait for this before using them).
    bar.querySelector('#reading-panel')!.setAttribute('data-ready', '');
  }

  #button(action: string): HTMLButtonElement {
    return this.#bar.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  }

  #press(action: string, pressed: boolean, state?: string): void {
    const button = this.#button(action);
    button.setAttribute('aria-pressed', String(pressed));
    const label = button.querySelector('[data-state]');
    if (label) label.textContent = state ?? '';
  }

  async #apply(prefs: ReadingPrefs, announce?: string): Promise<void> {
    const root = document.documentElement;
    for (const [name, value] of Object.entries(prefsAttributes(prefs))) {
      if (value === undefined) root.removeAttribute(name);
      else root.setAttribute(name, value);
    }
    this.#bar.showSize();
    this.#press('line-spacing', prefs.lineSpacing === 'wide');
    this.#press('contrast', highContrastWanted(prefs));
    this.#press('script', prefs.script === 'hant');
    this.#press('cursor', prefs.cursor !== 'normal', CURSOR_STATE[prefs.cursor]);
    this.#press('guide', prefs.guide !== 'off', GUIDE_STATE[prefs.guide]);
    this.#press('caption', prefs.caption);
    this.#press('plain', prefs.plain);
    if (announce) this.#bar.announce(announce);
    if (prefs.guide !== 'off' || prefs.caption || this.#pointerAids) {
      (this.#pointerAids ??= import('./pointer-aids')).then(
        (aids) => aids.setPointerAids(prefs),
        () => (this.#pointerAids = undefined),
      );
    }
    // The converter is loaded only for a reader who asks for 繁體 (or comes back to 简体 from it).
    if (prefs.script === 'hant') await (await import('./script-conversion')).showTraditional();
    else if (root.lang !== 'zh-CN') (await import('./script-conversion')).showSimplified();
  }

  /** Saves `update` over the stored settings (the toolbar may have changed the size meanwhile) and shows it. */
  #change(update: Partial<ReadingPrefs>, announce: string): void {
    const prefs = { ...load(), ...update };
    save(prefs);
    void this.#apply(prefs, announce);
  }

  #readAloudControls(): Promise<import('./read-aloud').ReadAloud> {
    return (this.#readAloud ??= import('./read-aloud').then(
      ({ ReadAloud }) =>
        new ReadAloud(this.#bar.querySelector<HTMLElement>('#read-aloud')!, {
          rate: () => load().speechRate,
          setRate: (speechRate) => save({ ...load(), speechRate }),
        }),
    ));
  }

  onClick(event: Event): void {
    const target = event.target as Element;
    const speech = target.closest<HTMLButtonElement>('button[data-speech]')?.dataset.speech;
    if (speech) {
      void this.#readAloudControls().then((controls) => controls.run(speech));
      return;
    }
    const prefs = load();
    const action = target.closest<HTMLButtonElement>('button[data-action]')?.dataset.action;
    if (action === 'line-spacing') {
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
      const section = this.#bar.querySelector<HTMLElement>('#read-aloud')!;
      section.hidden = !section.hidden;
      this.#button('speech').setAttribute('aria-expanded', String(!section.hidden));
      if (!section.hidden) void this.#readAloudControls();
    } else if (action === 'reset') {
      void this.#readAloud?.then((controls) => controls.run('stop'));
      this.#change({ ...DEFAULT_PREFS }, '已恢复默认阅读设置');
    }
  }
}

export function attachPanel(bar: ReadingControls): Panel {
  return new ReadingPanel(bar);
}
