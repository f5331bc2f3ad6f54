// The reading settings model: what is stored, what the toolbar steps through, and what <html> carries.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, parsePrefs, prefsAttributes, SIZES, stepSize, STORAGE_KEY } from '../../src/lib/reading-prefs';

describe('parsePrefs', () => {
  it('reads stored settings', () => {
    expect(parsePrefs('{"size":150,"lineSpacing":"wide","contrast":"high","script":"hant"}')).toEqual({
      size: 150,
      lineSpacing: 'wide',
      contrast: 'high',
      script: 'hant',
    });
  });

  it.each([null, '', 'not json', '[]', '{"size":300,"lineSpacing":"huge","contrast":"max","script":"latin"}'])(
    'falls back to the defaults for %j',
    (stored) => {
      expect(parsePrefs(stored)).toEqual(DEFAULT_PREFS);
    },
  );
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
    expect(prefsAttributes({ size: 175, lineSpacing: 'wide', contrast: 'normal', script: 'hant' })).toEqual({
      'data-text-size': '175',
      'data-line-spacing': 'wide',
      'data-contrast': 'normal',
      'data-script': 'hant',
    });
  });
});

describe('public/reading-prefs.js, which applies saved settings before the page is drawn', () => {
  const early = readFileSync(resolve(import.meta.dirname, '../../public/reading-prefs.js'), 'utf8');

  it('uses the same storage key and text sizes as the toolbar', () => {
    expect(early).toContain(`'${STORAGE_KEY}'`);
    expect(early).toContain(`[${SIZES.filter((s) => s !== 100).join(', ')}]`);
  });

  it('sets the same attributes as the toolbar', () => {
    for (const name of Object.keys(prefsAttributes(DEFAULT_PREFS))) expect(early).toContain(`'${name}'`);
  });
});
