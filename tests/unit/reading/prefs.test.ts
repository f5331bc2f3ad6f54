// The reading settings model: what is stored, what the toolbar steps through, and what <html> carries.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  CURSORS,
  DEFAULT_PREFS,
  GUIDES,
  parsePrefs,
  prefsAttributes,
  SIZES,
  stepSize,
  STORAGE_KEY,
  type ReadingPrefs,
} from '../../../src/reading/prefs';

describe('parsePrefs', () => {
  it('reads stored settings', () => {
    expect(
      parsePrefs(
        '{"size":150,"lineSpacing":"wide","contrast":"high","script":"hant","cursor":"larger","guide":"cross","caption":true,"plain":true,"speechRate":1.25}',
      ),
    ).toEqual({
      size: 150,
      lineSpacing: 'wide',
      contrast: 'high',
      script: 'hant',
      cursor: 'larger',
      guide: 'cross',
      caption: true,
      plain: true,
      speechRate: 1.25,
    });
  });

  it.each([
    null,
    '',
    'not json',
    '[]',
    '{"size":300,"lineSpacing":"huge","contrast":"max","script":"latin"}',
    '{"cursor":"huge","guide":"dots","caption":"yes","plain":1,"speechRate":3}',
  ])('falls back to the defaults for %j', (stored) => {
    expect(parsePrefs(stored)).toEqual(DEFAULT_PREFS);
  });
});

describe('stepSize', () => {
  it('goes up through every step to 200% and stops there', () => {
    const seen = [100 as (typeof SIZES)[number]];
    while (seen.length < 10) seen.push(stepSize(seen[seen.length - 1], 1));
    expect(seen.slice(0, 5)).toEqual([100, 125, 150, 175, 200]);
    expect(seen.slice(5).every((s) => s === 200)).toBe(true);
  });

  it('goes down to 100% and no further', () => {
    expect(stepSize(125, -1)).toBe(100);
    expect(stepSize(100, -1)).toBe(100);
  });
});

describe('prefsAttributes', () => {
  it('puts nothing on <html> for the defaults', () => {
    expect(Object.values(prefsAttributes(DEFAULT_PREFS)).every((v) => v === undefined)).toBe(true);
  });

  it('names every non-default setting', () => {
    expect(
      prefsAttributes({
        size: 175,
        lineSpacing: 'wide',
        contrast: 'normal',
        script: 'hant',
        cursor: 'large',
        guide: 'line',
        caption: true,
        plain: true,
        speechRate: 0.8,
      }),
    ).toEqual({
      'data-text-size': '175',
      'data-line-spacing': 'wide',
      'data-contrast': 'normal',
      'data-script': 'hant',
      'data-cursor': 'large',
      'data-guide': 'line',
      'data-caption': '',
      'data-plain': '',
    });
  });
});

describe('public/reading-prefs.js, which applies saved settings before the page is drawn', () => {
  const early = readFileSync(resolve(import.meta.dirname, '../../../public/reading-prefs.js'), 'utf8');

  /** Runs the script as a page's <head> would, on `stored` in localStorage; the attributes it left on <html>. */
  function applyEarly(stored: string | null, storage: 'works' | 'throws' = 'works'): Record<string, string> {
    const attributes: Record<string, string> = {};
    const documentElement = { setAttribute: (name: string, value: string) => (attributes[name] = value) };
    const localStorage = {
      getItem: (key: string) => {
        if (storage === 'throws') throw new Error('SecurityError');
        return key === STORAGE_KEY ? stored : null;
      },
    };
    runInNewContext(early, { document: { documentElement }, localStorage });
    return attributes;
  }

  /** What the toolbar sets for `prefs`, plus the marker that the toolbar is shown from the first paint. */
  const expected = (prefs: ReadingPrefs) => ({
    'data-reading-controls': '',
    ...Object.fromEntries(Object.entries(prefsAttributes(prefs)).filter((e): e is [string, string] => e[1] !== undefined)),
  });

  it.each([
    ...SIZES.map((size) => ({ ...DEFAULT_PREFS, size })),
    { ...DEFAULT_PREFS, lineSpacing: 'wide' as const },
    { ...DEFAULT_PREFS, contrast: 'high' as const },
    { ...DEFAULT_PREFS, contrast: 'normal' as const },
    { ...DEFAULT_PREFS, script: 'hant' as const },
    ...CURSORS.map((cursor) => ({ ...DEFAULT_PREFS, cursor })),
    ...GUIDES.map((guide) => ({ ...DEFAULT_PREFS, guide })),
    { ...DEFAULT_PREFS, caption: true },
    { ...DEFAULT_PREFS, plain: true },
    {
      size: 200 as const,
      lineSpacing: 'wide' as const,
      contrast: 'high' as const,
      script: 'hant' as const,
      cursor: 'larger' as const,
      guide: 'cross' as const,
      caption: true,
      plain: true,
      speechRate: 1.5 as const,
    },
  ])('sets the attributes the toolbar sets, read from the toolbar storage key: %j', (prefs) => {
    expect(applyEarly(JSON.stringify(prefs))).toEqual(expected(prefs));
  });

  it('keeps the defaults for nothing stored, unreadable JSON, unknown values, and storage that refuses access', () => {
    for (const stored of [
      null,
      '{',
      '{"size":130,"contrast":"loud","script":"latn","cursor":"big","guide":1,"caption":"true","plain":"yes"}',
    ])
      expect(applyEarly(stored)).toEqual(expected(DEFAULT_PREFS));
    expect(applyEarly('{"size":150}', 'throws')).toEqual(expected(DEFAULT_PREFS));
  });
});
