// The reader's reading settings: what the toolbar offers, how they are stored, and how they show on
// <html>. public/reading-prefs.js applies the stored settings before the page is drawn and must agree
// with STORAGE_KEY, SIZES and the attribute names here.

export const STORAGE_KEY = 'gongshi-reading';
/** Text size steps, in percent of the default. */
export const SIZES = [100, 125, 150, 175, 200] as const;
export type TextSize = (typeof SIZES)[number];

export interface ReadingPrefs {
  size: TextSize;
  lineSpacing: 'normal' | 'wide';
  /** `system`: follow prefers-contrast; `high` or `normal`: the reader chose. */
  contrast: 'system' | 'high' | 'normal';
  script: 'hans' | 'hant';
}

export const DEFAULT_PREFS: ReadingPrefs = { size: 100, lineSpacing: 'normal', contrast: 'system', script: 'hans' };

/** Settings from stored JSON; anything missing or unknown falls back to the default. */
export function parsePrefs(stored: string | null): ReadingPrefs {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(stored ?? '{}');
    if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
  } catch {
    // Corrupt storage: defaults.
  }
  return {
    size: SIZES.includes(raw.size as TextSize) ? (raw.size as TextSize) : DEFAULT_PREFS.size,
    lineSpacing: raw.lineSpacing === 'wide' ? 'wide' : 'normal',
    contrast: raw.contrast === 'high' || raw.contrast === 'normal' ? raw.contrast : 'system',
    script: raw.script === 'hant' ? 'hant' : 'hans',
  };
}

/** The next text size up (+1) or down (-1), staying within SIZES. */
export function stepSize(size: TextSize, direction: 1 | -1): TextSize {
  const i = SIZES.indexOf(size) + direction;
  return SIZES[Math.max(0, Math.min(SIZES.length - 1, i))];
}

/** The attributes <html> carries for these settings; `undefined` means the attribute is removed. */
export function prefsAttributes(prefs: ReadingPrefs): Record<string, string | undefined> {
  return {
    'data-text-size': prefs.size === 100 ? undefined : String(prefs.size),
    'data-line-spacing': prefs.lineSpacing === 'wide' ? 'wide' : undefined,
    'data-contrast': prefs.contrast === 'system' ? undefined : prefs.contrast,
    'data-script': prefs.script === 'hant' ? 'hant' : undefined,
  };
}
