// The copy of a built page that Pagefind indexes: searchable text in bigram tokens, everything else as it was.
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { toSearchIndexHtml } from '../../../src/search/index-html';
import { BLOCK_END, readableText, toIndexBlock } from '../../../src/search/text';

const page = (body: string, lang = 'zh-CN') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>关于巡察整改的通报</title>` +
  `<style>.notice::before{content:"董事会"}</style></head><body>${body}</body></html>`;

/** The index copy, parsed; fails the test when the page is not indexed. */
function indexCopy(html: string): HTMLElement {
  const out = toSearchIndexHtml(html);
  expect(out).toBeDefined();
  return parse(out!);
}

/** The tokens as Pagefind reads them; the block ends (BLOCK_END, checked on their own below) left out. */
const tokensOf = (el: HTMLElement | null) => el!.text.replaceAll(BLOCK_END, '').split(/\s+/u).filter(Boolean);

const NOTICE = page(
  '<header><a href="/">巡察公示</a></header>' +
    '<main data-pagefind-body>' +
    '<h1>中共武汉产业投资控股集团有限公司委员会关于巡察集中整改进展情况的通报</h1>' +
    '<dl class="notice-meta" data-pagefind-ignore>' +
    '<dt>发布单位</dt><dd data-pagefind-filter="发布单位">中共武汉产业投资控股集团有限公司委员会</dd>' +
    '<dt>发布日期</dt><dd><time datetime="2023-09-20" data-pagefind-meta="date:2023-09-20">2023年9月20日</time></dd>' +
    '</dl>' +
    '<h2 id="s2">二、整改进展情况及成效</h2>' +
    '<h4 id="s2-g1-p1" class="problem">1、关于“违规借贷”的问题</h4>' +
    '<p>关于<strong>董事会</strong>审议</p>' +
    '<p>整改情况：已完成。</p>' +
    '<ul><li>规范董事</li><li>会运作</li></ul>' +
    '<script>window.search = "董事会审议";</script>' +
    '</main>' +
    '<footer><p>联系电话：027-85615369</p></footer>',
);

describe('toSearchIndexHtml', () => {
  it('leaves a page without data-pagefind-body out of the index', () => {
    expect(toSearchIndexHtml(page('<main><p>董事会审议</p></main>'))).toBeUndefined();
  });

  it('sets the document language to the index language, zxx', () => {
    expect(indexCopy(NOTICE).querySelector('html')!.getAttribute('lang')).toBe('zxx');
    const withoutLang = '<!doctype html><html><head><title>t</title></head><body><main data-pagefind-body><p>整改</p></main></body></html>';
    expect(indexCopy(withoutLang).querySelector('html')!.getAttribute('lang')).toBe('zxx');
  });

  it('rewrites the text of the searchable body into index tokens', () => {
    const doc = indexCopy(NOTICE);
    expect(doc.querySelector('h1')!.text).toBe(toIndexBlock('中共武汉产业投资控股集团有限公司委员会关于巡察集中整改进展情况的通报'));
    // 1、 then 关 alone: a Han run after digits starts with its first character alone.
    expect(tokensOf(doc.querySelector('h4'))).toEqual(['1、', '关', '关于', '于“', '违规', '规借', '借贷', '贷”', '的问', '问题', '题']);
  });

  it('keeps element ids, classes and the body marker, so sub-results still find their anchors', () => {
    const doc = indexCopy(NOTICE);
    const h4 = doc.querySelector('#s2-g1-p1');
    expect(h4?.tagName).toBe('H4');
    expect(h4!.getAttribute('class')).toBe('problem');
    expect(doc.querySelector('#s2')?.tagName).toBe('H2');
    expect(doc.querySelector('main')!.hasAttribute('data-pagefind-body')).toBe(true);
  });

  it('leaves an ignored subtree unchanged, with its filters and metadata', () => {
    const doc = indexCopy(NOTICE);
    const dl = doc.querySelector('dl[data-pagefind-ignore]')!;
    expect(dl.querySelector('[data-pagefind-filter]')!.getAttribute('data-pagefind-filter')).toBe('发布单位');
    expect(dl.querySelector('[data-pagefind-filter]')!.text).toBe('中共武汉产业投资控股集团有限公司委员会');
    expect(dl.querySelector('time')!.getAttribute('data-pagefind-meta')).toBe('date:2023-09-20');
    expect(dl.querySelector('time')!.text).toBe('2023年9月20日');
    expect(dl.querySelectorAll('dt').map((dt) => dt.text)).toEqual(['发布单位', '发布日期']);
  });

  it('leaves text outside the searchable body unchanged', () => {
    const doc = indexCopy(NOTICE);
    expect(doc.querySelector('title')!.text).toBe('关于巡察整改的通报');
    expect(doc.querySelector('header')!.text).toBe('巡察公示');
    expect(doc.querySelector('footer')!.text).toBe('联系电话：027-85615369');
  });

  it('leaves out scripts, styles and stylesheet links, which Pagefind does not read and whose names change with every build', () => {
    const withAssets = NOTICE.replace(
      '</head>',
      '<link rel="stylesheet" href="/_astro/Base.Bv1.css"><script type="module" src="/_astro/a.C1.js"></script></head>',
    );
    const out = toSearchIndexHtml(withAssets)!;
    expect(out).not.toMatch(/<script|<style|<link/);
    expect(out).not.toContain('_astro/');
    const renamed = withAssets.replaceAll('Bv1', 'Xy9').replaceAll('C1.js', 'D2.js');
    expect(toSearchIndexHtml(renamed)).toBe(out);
    expect(parse(out).querySelector('title')?.text).toBe('关于巡察整改的通报');
  });

  it('ends every block with BLOCK_END, so that excerpts keep blocks apart', () => {
    const doc = indexCopy(page('<main data-pagefind-body><p>联系电话：027-85615369</p><p>邮件地址：武汉市</p></main>'));
    const [phone, address] = doc.querySelectorAll('p');
    expect(phone.text.trimEnd().endsWith(`85615369${BLOCK_END}`)).toBe(true);
    expect(address.text.trimEnd().endsWith(`市${BLOCK_END}`)).toBe(true);
    expect(readableText(doc.querySelector('main')!.text).text).toBe('联系电话：027-85615369 邮件地址：武汉市');
  });

  it('tokenises a paragraph split across inline elements as one stretch of text', () => {
    const doc = indexCopy(NOTICE);
    const p = doc.querySelectorAll('p')[0];
    expect(tokensOf(p)).toEqual(['关于', '于董', '董事', '事会', '会审', '审议', '议']);
    expect(readableText(p.text).text).toBe('关于董事会审议');
  });

  it('tokenises inline text across several inline elements and keeps the link', () => {
    const doc = indexCopy(page('<article data-pagefind-body><p><a href="#s1">整改</a>到<em>位</em>。</p></article>'));
    expect(tokensOf(doc.querySelector('p'))).toEqual(['整改', '改到', '到位', '位。']);
    expect(doc.querySelector('a')!.getAttribute('href')).toBe('#s1');
  });

  it('never makes a pair across two blocks', () => {
    const doc = indexCopy(NOTICE);
    const items = doc.querySelectorAll('li');
    expect(tokensOf(items[0])).toEqual(['规范', '范董', '董事', '事']);
    expect(tokensOf(items[1])).toEqual(['会运', '运作', '作']);
    expect(tokensOf(doc.querySelector('ul'))).not.toContain('事会');
    const paragraphs = doc.querySelectorAll('p').slice(0, 2);
    expect(tokensOf(paragraphs[1])).toEqual(['整改', '改情', '情况', '况：', '已完', '完成', '成。']);
    expect(tokensOf(doc.querySelector('main'))).not.toContain('议整');
    expect(tokensOf(doc.querySelector('h2'))).toEqual(['二、', '整改', '改进', '进展', '展情', '情况', '况及', '及成', '成效', '效']);
  });

  it('treats paragraphs, headings and list items as boundaries', () => {
    const doc = indexCopy(
      page('<main data-pagefind-body><h2>董事</h2><p>会审</p><ul><li>议通</li><li>过了</li></ul><div>整</div>改</main>'),
    );
    const all = tokensOf(doc.querySelector('main'));
    expect(all).toEqual(['董事', '事', '会审', '审', '议通', '通', '过了', '了', '整', '改']);
  });

  it('tokenises every data-pagefind-body on the page', () => {
    const doc = indexCopy(
      page('<section data-pagefind-body><p>董事会</p></section><p>审议通过</p><section data-pagefind-body><p>整改到位</p></section>'),
    );
    const [first, outside, second] = doc.querySelectorAll('p');
    expect(tokensOf(first)).toEqual(['董事', '事会', '会']);
    expect(outside.text).toBe('审议通过');
    expect(tokensOf(second)).toEqual(['整改', '改到', '到位', '位']);
  });
});
