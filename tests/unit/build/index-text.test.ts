// Each notice's index document is made once from the checked notice and kept by its file's SHA-256: a second
// build makes none, a changed notice makes its own again, and documents of notices gone are removed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexTexts } from '../../../src/build/index-text';
import { checkContent } from '../../../src/notice/check';
import { CheckCache } from '../../../src/notice/check-cache';
import { copyOfContent, tempDir } from '../../helpers/temp';

describe('indexTexts', () => {
  it('makes each document on first asking, keeps it, and makes a changed notice’s again', () => {
    const { content } = copyOfContent();
    const caches = tempDir();
    const check = () => {
      const cache = new CheckCache(join(caches, 'check.json'));
      return { notices: checkContent(content, process.cwd(), cache).notices, renderedDir: cache.renderedDir };
    };
    const first = check();
    const [notice] = first.notices;
    const texts = indexTexts(first.notices, first.renderedDir, join(caches, 'texts'));
    const document = texts.document(notice.slug);
    expect(document).toContain('data-pagefind-body');
    expect(document).toContain('联系 系电 电话');
    expect(texts.made).toBe(1);
    expect(texts.document(notice.slug)).toBe(document);
    expect(texts.made).toBe(1);

    expect(indexTexts(check().notices, first.renderedDir, join(caches, 'texts')).document(notice.slug)).toBe(document);

    writeFileSync(notice.path, readFileSync(notice.path, 'utf8').replace('予以公布。', '予以公布，接受监督。'));
    const changed = check();
    const again = indexTexts(changed.notices, changed.renderedDir, join(caches, 'texts'));
    expect(again.document(notice.slug)).toContain('接受 受监 监督');
    expect(again.made).toBe(1);
    // The old document went when the new set of notices was read.
    expect(readdirSync(join(caches, 'texts'))).toHaveLength(1);
    expect(() => again.document('no-such-notice')).toThrow('no-such-notice');
  });
});
