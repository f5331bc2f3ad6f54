// The reader's reading settings: what the toolbar offers, how they are stored, and how they show on
// <html>. public/reading-prefs.js applies the stored settings before the page is drawn and must agree
// with STORAGE_KEY, SIZES and the attribute names here.

export const STORAGE_KEY = 'gongshi-reading';
/** Text size steps, in percent of the default. */
export const SIZES = [100, 125, 150, 175, 200] as const;
export type TextSize = (typeof SIZES)[number];

/** The large pointer and text cursor (大鼠标), in two sizes. */
export const CURSORS = ['normal', 'large', 'larger'] as const;
/** The reading guide (辅助线): a horizontal line, or a line and a vertical one (crosshair). */
export const GUIDES = ['off', 'line', 'cross'] as const;
/** Speaking rates offered for 语音阅读, as the Web Speech API's `rate` (1 is the voice's normal speed). */
export const SPEECH_RATES = [0.6, 0.8, 1, 1.25, 1.5] as const;
export type SpeechRate = (typeof SPEECH_RATES)[number];

export interface ReadingPrefs {
  size: TextSize;
  lineSpacing: 'normal' | 'wide';
  /** `system`: follow prefers-contrast; `high` or `normal`: the reader chose. */
  contrast: 'system' | 'high' | 'normal';
  script: 'hans' | 'hant';
  cursor: (typeof CURSORS)[number];
  guide: (typeof GUIDES)[number];
  /** 大字幕: the text under the pointer or focus, magnified in a bar at the foot of the window. */
  caption: boolean;
  /** 简约模式: the page's text and the contact block only. */
  plain: boolean;
  speechRate: SpeechRate;
}

export const DEFAULT_PREFS: ReadingPrefs = {
  size: 100,
  lineSpacing: 'normal',
  contrast: 'system',
  script: 'hans',
  cursor: 'normal',
  guide: 'off',
  caption: false,
  plain: false,
  speechRate: 1,
};

const oneOf = <T extends string | number>(values: readonly T[], value: unknown, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

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
    cursor: oneOf(CURSORS, raw.cursor, DEFAULT_PREFS.cursor),
    guide: oneOf(GUIDES, raw.guide, DEFAULT_PREFS.guide),
    caption: raw.caption === true,
    plain: raw.plain === true,
    speechRate: oneOf(SPEECH_RATES, raw.speechRate, DEFAULT_PREFS.speechRate),
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
    'data-cursor': prefs.cursor === 'normal' ? undefined : prefs.cursor,
    'data-guide': prefs.guide === 'off' ? undefined : prefs.guide,
    'data-caption': prefs.caption ? '' : undefined,
    'data-plain': prefs.plain ? '' : undefined,
  };
}
