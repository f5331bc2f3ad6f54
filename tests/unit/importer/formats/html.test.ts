// The web-page reader on pages as saved from TRS, 大汉 and 博达 sites (GB2312 and UTF-8), and on pages of no
// known CMS: the notice back exactly and in order, and none of the page's chrome with it.
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../src/importer/decode';
import { readHtml, readHtmlDocument } from '../../../../src/importer/formats/html';
import { importFile } from '../../../../src/importer';
import { extractBlocks } from '../../../../src/importer/formats';
import { blocksFromText, CHROME_TEXTS, htmlPageFrom, type Cms } from '../../../helpers/documents';
import { ROOT } from '../../../helpers/fixtures';
import { SAMPLE_BLOCKS, SAMPLE_TITLE, blockLines, boldLeads } from './notice-sample';

const CMSS: Cms[] = ['trs', 'hanweb', 'vsb'];
const utf8 = (s: string) => Buffer.from(s, 'utf8');

function refusal(bytes: Uint8Array): ImportError {
  try {
    readHtml(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected a refusal');
}

/** Chrome text that reached the blocks (none may). */
function chromeIn(blocks: ReturnType<typeof readHtml>): string[] {
  const text = blockLines(blocks).join('\n');
  return CHROME_TEXTS.filter((c) => text.includes(c));
}

describe.each(CMSS)('readHtml on a page saved from a %s site', (cms) => {
  const page = htmlPageFrom(SAMPLE_BLOCKS.slice(1), cms, SAMPLE_TITLE);

  it('gives back the title and every paragraph and table exactly, in order, and nothing else', () => {
    const blocks = readHtml(page);
    expect(blockLines(blocks)).toEqual(blockLines(SAMPLE_BLOCKS));
    expect(chromeIn(blocks)).toEqual([]);
  });

  it('keeps the <strong>/<b>/bold-span leads as bold leads', () => {
    expect(boldLeads(readHtml(page))).toEqual(boldLeads(SAMPLE_BLOCKS));
  });

  it('does not repeat the title when the body already starts with it', () => {
    const blocks = readHtml(htmlPageFrom(SAMPLE_BLOCKS, cms, SAMPLE_TITLE));
    expect(blockLines(blocks)).toEqual(blockLines(SAMPLE_BLOCKS));
  });

  it('is what extractBlocks gives for the page under any name', async () => {
    const result = await extractBlocks(page, cms === 'trs' ? 't20230920_1234567.html' : '通报.txt');
    expect(result?.format).toBe('html');
    expect(blockLines(result!.blocks)).toEqual(blockLines(SAMPLE_BLOCKS));
  });
});

describe('readHtml: encodings and markup', () => {
  it('the TRS page really is GB2312 (not UTF-8) and is decoded by its <meta>', () => {
    const page = htmlPageFrom(SAMPLE_BLOCKS.slice(1), 'trs', SAMPLE_TITLE);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(page)).toThrow();
    expect(page.toString('latin1')).toContain('charset=gb2312');
    expect(readHtml(page)[0]).toEqual({ kind: 'paragraph', text: SAMPLE_TITLE });
  });

  it('GBK without a declaration, a gb2312 <meta> on UTF-8 bytes, and a UTF-8 BOM all decode right', () => {
    const html = (meta: string) =>
      `<html><head>${meta}</head><body><div id="zoom"><p>　　根据市委巡察工作统一部署，开展巡察整改。</p><p>2023年9月20日</p></div></body></html>`;
    const want = ['根据市委巡察工作统一部署，开展巡察整改。', '2023年9月20日'];
    expect(blockLines(readHtml(iconv.encode(html(''), 'gbk')))).toEqual(want);
    expect(blockLines(readHtml(utf8(html('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'))))).toEqual(want);
    expect(blockLines(readHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(html('<meta charset="gbk">'))])))).toEqual(want);
    expect(blockLines(readHtml(iconv.encode(html('<meta charset="utf-8">'), 'gb18030')))).toEqual(want);
  });

  it('does not repeat a title that the body sets on two lines', () => {
    const blocks = readHtml(
      utf8(
        `<html><body><h1 class="title">${SAMPLE_TITLE}</h1><div class="TRS_Editor"><p align="center">中共示例市交通运输局党组</p><p align="center">关于巡察集中整改进展情况的通报</p><p>根据市委巡察工作统一部署，开展巡察。</p></div></body></html>`,
      ),
    );
    expect(blockLines(blocks)).toEqual([
      '中共示例市交通运输局党组',
      '关于巡察集中整改进展情况的通报',
      '根据市委巡察工作统一部署，开展巡察。',
    ]);
  });

  it('trims &nbsp; and full-width indentation, collapses white space inside, and splits at <br>', () => {
    const blocks = readHtml(
      utf8(`<html><body><div class="TRS_Editor">
        <p>&nbsp;&nbsp;&nbsp;&nbsp;根据市委巡察工作统一部署，
        现将整改情况公布如下。&nbsp;</p>
        <p>\u3000\u3000联系电话：0999-12345678&nbsp;&nbsp;&nbsp;传真：0999-12345679</p>
        <p>&nbsp;&nbsp;欢迎监督。<br/>&nbsp;&nbsp;联系电话：0999-1234<br><br>电子邮箱：a@example.gov.cn<br></p>
        <div>&nbsp;</div><p>&nbsp;</p>
        <p style="text-align:right">中共示例市交通运输局党组<br>2023年9月20日</p>
      </div></body></html>`),
    );
    expect(blockLines(blocks)).toEqual([
      '根据市委巡察工作统一部署，现将整改情况公布如下。',
      '联系电话：0999-12345678 传真：0999-12345679',
      '欢迎监督。',
      '联系电话：0999-1234',
      '电子邮箱：a@example.gov.cn',
      '中共示例市交通运输局党组',
      '2023年9月20日',
    ]);
  });

  it('reads a data table in the body as a table and leaves the page’s layout tables alone', () => {
    const blocks = readHtml(
      utf8(`<html><body><table width="980"><tr><td width="180"><a href="/a">通知公告栏目</a><br><a href="/b">工作动态栏目</a><br><a href="/c">政策法规栏目</a></td>
        <td><table><tr><td><div class="zoom">
          <p>整改任务完成情况统计如下：</p>
          <table border="1"><tr><th>类别</th><th>问题数</th></tr><tr><td rowspan="2">政治建设</td><td>8</td></tr><tr><td>7</td></tr><tr><td colspan="2">合计14个</td></tr></table>
          <p>欢迎广大干部群众监督。</p>
        </div></td></tr></table></td></tr></table></body></html>`),
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '整改任务完成情况统计如下：' },
      {
        kind: 'table',
        rows: [
          ['类别', '问题数'],
          ['政治建设', '8'],
          ['', '7'],
          ['合计14个', ''],
        ],
      },
      { kind: 'paragraph', text: '欢迎广大干部群众监督。' },
    ]);
  });
});

/** A page from no known CMS: layout tables, a link column, breadcrumbs, the title in an h2, info line, tools, footer. */
const UNKNOWN_CMS = `<html><head><meta charset="utf-8"><title>关于巡察整改进展情况的通报 - 示例县水务局</title></head><body>
<table width="100%"><tr><td><img src="logo.png">示例县水务局</td></tr><tr><td><a href="/">首页</a> <a href="/a">机构设置</a> <a href="/b">政务公开</a> <a href="/c">水务动态</a></td></tr></table>
<table width="1000"><tr>
<td width="200" valign="top"><div><a href="/x1">通知公告</a></div><div><a href="/x2">水务动态</a></div><div><a href="/x3">政策法规</a></div><div>本栏目推荐</div></td>
<td valign="top">
<div>您所在的位置：<a href="/">首页</a> &gt; <a href="/c">通知公告</a></div>
<h2 style="text-align:center">关于巡察整改进展情况的通报</h2>
<div>发布日期：2023-09-01　　作者：办公室　　阅读：356次</div>
<div><p>　　根据县委巡察工作统一部署，县委第一巡察组于2023年4月对县水务局党组开展了常规巡察。现将整改进展情况公布如下。</p>
<p>　　<b>一、整改工作开展情况</b></p>
<p>　　局党组高度重视巡察反馈问题整改工作，成立整改工作领导小组，制定整改方案，逐项明确责任人和完成时限。</p>
<p>　　欢迎广大干部群众对巡察整改落实情况进行监督。<br>　　联系电话：0888-1234567<br>　　电子邮箱：swj@example.cn</p>
<p style="text-align:right">中共示例县水务局党组</p><p style="text-align:right">2023年9月1日</p>
<p>附件：<a href="/uploads/zhenggai.xlsx">整改台账.xlsx</a></p></div>
<div>【<a href="javascript:print()">打印</a>】【<a href="javascript:close()">关闭</a>】</div>
<div>上一条：<a href="/p1">水务局召开安全生产工作会议</a></div>
<div>下一条：<a href="/p2">水务局开展防汛演练活动</a></div>
</td></tr></table>
<table width="100%"><tr><td>主办：示例县水务局　地址：示例县人民路1号　电话：0888-1234000<br>示例ICP备12345678号</td></tr></table>
<script>document.write("访问统计");</script>
</body></html>`;

describe('readHtml on pages of no known CMS', () => {
  it('finds the notice by its text, with its title, and leaves the chrome out', () => {
    expect(blockLines(readHtml(utf8(UNKNOWN_CMS)))).toEqual([
      '关于巡察整改进展情况的通报',
      '根据县委巡察工作统一部署，县委第一巡察组于2023年4月对县水务局党组开展了常规巡察。现将整改进展情况公布如下。',
      '一、整改工作开展情况',
      '局党组高度重视巡察反馈问题整改工作，成立整改工作领导小组，制定整改方案，逐项明确责任人和完成时限。',
      '欢迎广大干部群众对巡察整改落实情况进行监督。',
      '联系电话：0888-1234567',
      '电子邮箱：swj@example.cn',
      '中共示例县水务局党组',
      '2023年9月1日',
      '附件：整改台账.xlsx',
    ]);
  });

  it('with semantic markup: header, nav, aside, footer and the article’s own header with its h1', () => {
    const blocks = readHtml(
      utf8(`<!doctype html><html><body><header class="site-header"><a href="/">示例市国资委</a><nav><a href="/1">首页</a><a href="/2">国企改革</a><a href="/3">党建工作</a></nav></header>
      <main><aside class="sidebar"><h3>热门文章</h3><ul><li><a href="/h1">示例市国资委召开年度工作会议</a></li><li><a href="/h2">国企改革三年行动总结</a></li></ul></aside>
      <article><header><h1>中共示例集团委员会关于巡察整改进展情况的通报</h1><p class="meta">来源：集团纪委　时间：2023-09-20</p></header>
      <p>根据市委巡察工作统一部署，市委第二巡察组对示例集团党委开展了巡察。</p><p>一、整改工作情况</p><p>集团党委召开专题会议，研究部署整改工作。</p><p>中共示例集团委员会</p><p>2023年9月20日</p>
      <div class="share">分享到：<a href="#">微信</a><a href="#">微博</a></div></article></main>
      <footer><p>版权所有：示例市国资委</p><p>网站标识码：1234567890</p></footer></body></html>`),
    );
    expect(blockLines(blocks)).toEqual([
      '中共示例集团委员会关于巡察整改进展情况的通报',
      '根据市委巡察工作统一部署，市委第二巡察组对示例集团党委开展了巡察。',
      '一、整改工作情况',
      '集团党委召开专题会议，研究部署整改工作。',
      '中共示例集团委员会',
      '2023年9月20日',
    ]);
  });

  it('a Word document saved as a web page (“.doc” that is HTML) is read whole', () => {
    const blocks = readHtml(
      utf8(`<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style>p.MsoNormal{margin:0}</style></head><body lang=ZH-CN>
      <div class=WordSection1><p class=MsoNormal align=center style='text-align:center'><span style='font-family:方正小标宋简体'>关于巡察整改进展情况的通报<o:p></o:p></span></p>
      <p class=MsoNormal style='text-indent:32.0pt'><b><span>一、</span></b><b><span>整改情况。</span></b><span>局党组召开专题会议。<o:p></o:p></span></p>
      <p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal align=right style='text-align:right'><span>2023年9月20日</span></p></div></body></html>`),
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '关于巡察整改进展情况的通报' },
      { kind: 'paragraph', text: '一、整改情况。局党组召开专题会议。', bold: '一、整改情况。' },
      { kind: 'paragraph', text: '2023年9月20日' },
    ]);
  });

  it('refuses a page without a body of Chinese text, saying to copy the text into a .txt file', () => {
    const nav = refusal(
      utf8(
        '<html><body><ul><li><a href="/1">首页</a></li><li><a href="/2">工作动态</a></li><li><a href="/3">通知公告</a></li></ul><div class="footer">版权所有：示例县人民政府</div></body></html>',
      ),
    );
    expect(nav.message).toContain('没有在网页里找到通报正文');
    expect(nav.message).toContain('复制正文粘贴到一个 .txt 文件');
    // A page that shows its text only by script.
    refusal(
      utf8(
        '<html><head><script>var text = "根据市委巡察工作统一部署，开展巡察整改，现将情况公布如下。";</script></head><body><div id="app"></div></body></html>',
      ),
    );
    refusal(utf8('<html><body><p>Hello world, this page has no Chinese.</p></body></html>'));
  });
});

describe('a saved page’s own date', () => {
  // Without its last line (the date) a notice of the layout corpus is dated only by the page it was saved from.
  const layout = readFileSync(join(ROOT, 'tests/fixtures/layouts/sample-form.txt'), 'utf8').trimEnd().split('\n');
  const undated = blocksFromText(layout.slice(0, -1).join('\n'));

  it.each([
    ['trs', '网页元数据的发布时间 PubDate'],
    ['hanweb', '网页上的发布时间'],
    ['vsb', '网页上的发布时间'],
  ] as const)('is read from a %s page, and an undated notice takes it with a warning', async (cms, from) => {
    const page = htmlPageFrom(undated, cms, layout[0]);
    expect(readHtmlDocument(page).properties.date).toEqual({ iso: '2023-09-20', from });
    const result = await importFile(page, { sourceName: 'W020230920.html' });
    expect(result.date).toBe('2023-09-20');
    expect(result.report.dateFrom).toBe(from);
    expect(result.report.warnings.map((w) => w.message).join()).toContain(`成文日期取自${from}：2023-09-20`);
  });
});
