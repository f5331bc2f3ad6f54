// The reading-controls toolbar: changes the settings on <html>, saves them in localStorage for every page,
// and announces each change to screen readers. public/reading-prefs.js applies saved settings early.
import { DEFAULT_PREFS, parsePrefs, prefsAttributes, stepSize, STORAGE_KEY, type ReadingPrefs } from '../prefs';
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

export function startReadingControls(): void {
  const bar = document.querySelector<HTMLElement>('.reading-controls');
  if (!bar) return;
  const status = bar.querySelector<HTMLElement>('[data-reading-status]')!;
  const sizeValue = bar.querySelector<HTMLOutputElement>('[data-size-value]')!;
  const button = (action: string) => bar.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  let prefs = load();

  const apply = async (announce?: string) => {
    const root = document.documentElement;
    for (const [name, value] of Object.entries(prefsAttributes(prefs))) {
      if (value === undefined) root.removeAttribute(name);
      else root.setAttribute(name, value);
    }
    sizeValue.textContent = `${prefs.size}%`;
    const [smaller, larger] = [button('smaller'), button('larger')];
    const focused = document.activeElement;
    smaller.disabled = prefs.size === DEFAULT_PREFS.size;
    larger.disabled = prefs.size === 200;
    // A button disabled under the keyboard focus would drop it to the top of the page: move it to the other size button.
    if (focused === larger && larger.disabled) smaller.focus();
    else if (focused === smaller && smaller.disabled) larger.focus();
    button('line-spacing').setAttribute('aria-pressed', String(prefs.lineSpacing === 'wide'));
    button('contrast').setAttribute('aria-pressed', String(highContrastWanted(prefs)));
    button('script').setAttribute('aria-pressed', String(prefs.script === 'hant'));
    if (prefs.script === 'hant') await showTraditional();
    else if (root.lang !== 'zh-CN') showSimplified();
    if (announce) status.textContent = announce;
  };

  const change = (update: Partial<ReadingPrefs>, announce: string) => {
    prefs = { ...prefs, ...update };
    save(prefs);
    void apply(announce);
  };

  bar.addEventListener('click', (event) => {
    const action = (event.target as Element).closest<HTMLButtonElement>('button[data-action]')?.dataset.action;
    if (action === 'smaller' || action === 'larger') {
      const size = stepSize(prefs.size, action === 'larger' ? 1 : -1);
      change({ size }, `字号 ${size}%`);
    } else if (action === 'line-spacing') {
      const wide = prefs.lineSpacing !== 'wide';
      change({ lineSpacing: wide ? 'wide' : 'normal' }, wide ? '已加大行距' : '已恢复正常行距');
    } else if (action === 'contrast') {
      const high = !highContrastWanted(prefs);
      change({ contrast: high ? 'high' : 'normal' }, high ? '已开启高对比度' : '已关闭高对比度');
    } else if (action === 'script') {
      const hant = prefs.script !== 'hant';
      change({ script: hant ? 'hant' : 'hans' }, hant ? '已切換為繁體中文' : '已切换为简体中文');
    } else if (action === 'reset') {
      change({ ...DEFAULT_PREFS }, '已恢复默认阅读设置');
    }
  });

  bar.hidden = false;
  void apply();
}
