// A notice body rendered by gongshi's own pipeline (the notice pages use it instead of Astro's Markdown).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { renderNoticeBody } from '../../../src/notice/html';
import { splitFrontmatter } from '../../../src/base/source-text';
import { ROOT } from '../../helpers/build';

const sample = splitFrontmatter(readFileSync(join(ROOT, 'content/notices/2023-09-20-wuhan-industrial-investment.md'), 'utf8'))!.body;

describe('renderNoticeBody', () => {
  const { html, outline } = renderNoticeBody(sample);
  const doc = parse(html);

  it('returns the outline and gives each section, group and problem heading its anchor', () => {
    expect(outline.problems).toHaveLength(15);
    for (const id of [...outline.sections.map((s) => s.id), ...outline.problems.map((p) => p.id)]) {
      expect(doc.querySelector(`#${id}`), id).not.toBeNull();
    }
    const first = doc.querySelector(`#${outline.problems[0].id}`)!;
    expect(first.tagName).toMatch(/^H[2-6]$/);
    expect(first.querySelector('a.problem-link')?.getAttribute('href')).toBe(`#${outline.problems[0].id}`);
  });

  it('marks the 整改情况 paragraphs and links the contact block', () => {
    expect(doc.querySelectorAll('p.rectification').length).toBe(15);
    expect(doc.querySelector('a[href="tel:027-85615369"]')).not.toBeNull();
    expect(doc.querySelector('a[href="mailto:whtkjt@126.com"]')).not.toBeNull();
  });

  it('sets bold 整改情况： as official documents do (CJK-friendly emphasis)', () => {
    expect(renderNoticeBody('**整改情况：**一是加强。').html).toBe('<p class="rectification"><strong>整改情况：</strong>一是加强。</p>');
  });

  it('gives other headings GitHub-style ids, unique on the page', () => {
    expect(renderNoticeBody('## 附件\n\n## 附件\n').html).toBe('<h2 id="附件">附件</h2>\n<h2 id="附件-1">附件</h2>');
  });

  it('never passes raw HTML through', () => {
    const { html } = renderNoticeBody('正文<script>alert(1)</script>\n\n<iframe src="x"></iframe>\n');
    expect(html).not.toMatch(/<script|<iframe/);
  });
});
