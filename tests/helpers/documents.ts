// Test fixtures in the formats webmasters receive notices in: a real Word file (the `docx` package), a
// page as saved from a government CMS (TRS, 大汉, 博达; GB2312 or UTF-8, with all its page chrome), a text
// PDF printed by Chromium (wrapping lines and pages, page numbers, a running header) and a scanned PDF.
// All are made from one list of blocks, so a test can check that a reader gives back exactly those blocks.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IParagraphOptions } from 'docx';
import iconv from 'iconv-lite';
import type { Browser } from 'playwright-core';
import { launch } from '../../scripts/lib/chromium';

export type DocBlock =
  { kind: 'paragraph'; text: string; bold?: string; align?: 'left' | 'right' | 'center' } | { kind: 'table'; rows: string[][] };

const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
/** A signing body: short, no sentence punctuation, ends like an organisation's name. */
const SIGNATURE_LINE = /^[^，。；：！？、]{2,40}(委员会|党委|党组|党工委|纪委|监委|公司|集团|局|厅|委|办公室|政府|中心|学校|大学|医院|部)$/;
/** A title: names its kind of document at the end, or says what it is about (关于…). */
const TITLE_LINE = /(通报|公告|公示|情况|报告|通知|决定|意见)$|^关于|关于.+的/;

/**
 * Each non-empty line a paragraph; consecutive lines starting with `|` form a Markdown table (separator row
 * `|---|` skipped). A line `**X**rest` gives bold X. Title-like first line centred; the last two lines
 * (signature, date) right-aligned when they look like them.
 */
export function blocksFromText(text: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  let table: string[][] | undefined;
  for (const raw of text.split(/\r\n?|\n/)) {
    const line = raw.trim();
    if (line.startsWith('|')) {
      if (/^\|[\s|:-]*-[\s|:-]*$/.test(line)) continue;
      const cells = line
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split('|')
        .map((c) => c.trim());
      if (!table) blocks.push({ kind: 'table', rows: (table = []) });
      table.push(cells);
      continue;
    }
    table = undefined;
    if (!line) continue;
    const bold = /^\*\*(.+?)\*\*(.*)$/.exec(line);
    blocks.push(bold ? { kind: 'paragraph', text: bold[1] + bold[2], bold: bold[1] } : { kind: 'paragraph', text: line });
  }
  const first = blocks[0];
  if (first?.kind === 'paragraph' && TITLE_LINE.test(first.text) && first.text.length <= 80 && !/[。；！？]/.test(first.text)) {
    first.align = 'center';
  }
  const last = blocks.at(-1);
  const before = blocks.at(-2);
  if (last?.kind === 'paragraph' && DATE_LINE.test(last.text)) {
    last.align = 'right';
    if (before?.kind === 'paragraph' && SIGNATURE_LINE.test(before.text)) before.align = 'right';
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------- Word

const FANGSONG = '仿宋_GB2312';
const HEITI = '黑体';
const KAITI = '楷体_GB2312';
const TITLE_FONT = '方正小标宋简体';
/** 三号 (16 pt) in half-points, the official body size; the title is 二号 (22 pt). */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;

function docxFont(block: { text: string; align?: string }, index: number): string {
  if (index === 0 && block.align === 'center') return TITLE_FONT;
  if (/^[一二三四五六七八九十]+、/.test(block.text)) return HEITI;
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(block.text)) return KAITI;
  return FANGSONG;
}

/** Runs for one paragraph's text; a line feed in the text is a soft line break (Shift+Enter). */
function runs(text: string, options: { bold?: boolean; font: string; size: number }): TextRun[] {
  return text.split('\n').map(
    (part, i) =>
      new TextRun({
        text: part,
        bold: options.bold,
        font: { eastAsia: options.font, ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
        size: options.size,
        break: i > 0 ? 1 : undefined,
      }),
  );
}

/** A real Word file: 仿宋/黑体 fonts named, first-line indent of 2 characters, tables as real tables. */
export async function docxFrom(blocks: DocBlock[]): Promise<Buffer> {
  const children: Array<Paragraph | Table> = blocks.map((block, index) => {
    if (block.kind === 'table') {
      const columns = Math.max(...block.rows.map((r) => r.length));
      return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: block.rows.map(
          (row, r) =>
            new TableRow({
              tableHeader: r === 0,
              children: row.map(
                (cell, c) =>
                  new TableCell({
                    // A short last row spans the remaining columns (a merged cell).
                    columnSpan: c === row.length - 1 && row.length < columns ? columns - row.length + 1 : undefined,
                    children: cell
                      .split('\n')
                      .map((line) => new Paragraph({ children: runs(line, { font: FANGSONG, size: 24, bold: r === 0 }) })),
                  }),
              ),
            }),
        ),
      });
    }
    const size = index === 0 && block.align === 'center' ? TITLE_SIZE : BODY_SIZE;
    const font = docxFont(block, index);
    const options: IParagraphOptions = {
      alignment: block.align === 'center' ? AlignmentType.CENTER : block.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
      // 2 characters of first-line indent (Word's own "首行缩进 2 字符"), none for centred and right-aligned lines.
      indent: block.align ? undefined : { firstLineChars: 200, firstLine: 640 },
      spacing: { line: 560, lineRule: 'exact' },
      children: block.bold
        ? [
            ...runs(block.bold, { bold: true, font: index > 0 && /^[（(]/.test(block.bold) ? KAITI : font, size }),
            ...runs(block.text.slice(block.bold.length), { font: FANGSONG, size }),
          ]
        : runs(block.text, { font, size }),
    };
    return new Paragraph(options);
  });
  const doc = new Document({
    creator: 'gongshi tests',
    styles: { default: { document: { run: { font: { eastAsia: FANGSONG, ascii: 'Times New Roman' }, size: BODY_SIZE } } } },
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}

// ------------------------------------------------------------------------------------------ Web pages

export type Cms = 'trs' | 'hanweb' | 'vsb';

interface CmsChrome {
  site: string;
  nav: string[];
  crumbs: string[];
  info: string[];
  share: string;
  tools: string[];
  prev: string;
  next: string;
  related: string[];
  footer: string[];
  script: string;
  /** Text in a display:none element inside the body container. */
  hidden: string;
}

const CHROME: Record<Cms, CmsChrome> = {
  trs: {
    site: '清风江城网',
    nav: ['网站首页', '要闻动态', '廉政文化', '互动交流', '专题专栏'],
    crumbs: ['当前位置：', '网站首页', '专题专栏', '整改公示栏目'],
    info: ['发布时间：2023-09-20 16:30', '来源：江城巡察工作网', '浏览次数：1024'],
    share: '分享到：',
    tools: ['【打印本页】', '【关闭窗口】'],
    prev: '关于召开二〇二三年第三季度廉政文化座谈会的预告',
    next: '江城廉政文化周活动圆满落幕的消息',
    related: ['江城廉政文化周活动掠影', '廉政文化进万家图片展'],
    footer: [
      '版权所有：清风江城网编辑部',
      '鄂ICP备05001234号-1',
      '网站标识码：4201000001',
      '鄂公网安备 42010202000123号',
      '技术支持：拓尔思信息技术股份有限公司',
    ],
    script: '江城网页访问统计脚本',
    hidden: '',
  },
  hanweb: {
    site: '示例县人民政府门户网站',
    nav: ['本站首页', '县情概况', '政务服务网上大厅', '政民互动平台', '数据开放栏目'],
    crumbs: ['您现在的位置：', '本站首页', '信息公开目录', '巡察整改专栏'],
    info: ['发布日期：2023年09月20日', '信息来源：示例县委巡察办网站', '访问量：[ 2048 ]', '字体：【大 中 小】'],
    share: '分享至：',
    tools: ['【打印此页】', '【关闭本页】'],
    prev: '示例县二〇二三年秋季森林防火工作安排',
    next: '示例县举办农民丰收节庆祝活动的报道',
    related: ['示例县政务服务网上大厅使用指南', '示例县数据开放平台上线公告'],
    footer: [
      '主办单位：示例县人民政府办公室',
      '承办：示例县大数据中心网站组',
      '网站标识码：5301230001',
      '滇ICP备06005678号',
      '技术支持：南京大汉网络有限公司',
    ],
    script: '大汉网站访问计数脚本',
    hidden: '隐藏的大汉信息元数据',
  },
  vsb: {
    site: '示例大学纪委监察专员办网站',
    nav: ['机构概况', '工作动态栏目', '学习教育园地', '廉洁校园建设', '监督举报入口'],
    crumbs: ['当前位置：', '机构概况', '巡察工作专栏', '正文'],
    info: ['作者：示例大学纪委办公室', '时间：2023-09-20', '点击数：', '[字体：大 中 小]'],
    share: '分享到微信朋友圈',
    tools: ['【打印】', '【关闭】'],
    prev: '示例大学召开二〇二三年新生入学廉洁教育大会',
    next: '示例大学廉洁校园建设专题讲座举行',
    related: ['示例大学监督举报入口使用说明', '学习教育园地书目推荐'],
    footer: [
      '版权所有 © 示例大学纪委监察专员办',
      '地址：示例市大学城路1号行政楼305室 邮编：999001',
      '苏ICP备07009012号',
      '技术支持：南京博达软件',
    ],
    script: '博达站群浏览统计脚本',
    hidden: '',
  },
};

/** Every piece of page chrome text htmlPageFrom adds (that must never reach an imported notice). */
export const CHROME_TEXTS: readonly string[] = Object.freeze([
  ...new Set(
    Object.values(CHROME).flatMap((c) => [
      c.site,
      ...c.nav,
      ...c.crumbs.filter((t) => t.length > 2),
      ...c.info.filter((t) => !/^点击数/.test(t)),
      c.share,
      ...c.tools,
      c.prev,
      c.next,
      ...c.related,
      ...c.footer,
      c.script,
      ...(c.hidden ? [c.hidden] : []),
      '上一篇',
      '下一篇',
      '相关链接',
    ]),
  ),
]);

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A paragraph's inline HTML: the bold lead in <strong>, line feeds as <br>. */
function inline(block: { text: string; bold?: string }, strong = 'strong'): string {
  const html = (s: string) => escapeHtml(s).replace(/\n/g, '<br />');
  if (!block.bold) return html(block.text);
  return `<${strong}>${html(block.bold)}</${strong}>${html(block.text.slice(block.bold.length))}`;
}

function tableHtml(rows: string[][], attributes: string): string {
  const columns = Math.max(...rows.map((r) => r.length));
  const body = rows
    .map((row) => {
      const cells = row.map((cell, c) => {
        const span = c === row.length - 1 && row.length < columns ? ` colspan="${columns - row.length + 1}"` : '';
        return `<td${span} valign="center"><p style="text-align:center"><span style="font-family:仿宋_GB2312;font-size:12pt">${escapeHtml(cell).replace(/\n/g, '</span></p><p><span>')}</span></p></td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table ${attributes}><tbody>\n${body}\n</tbody></table>`;
}

const alignStyle = (align?: string) =>
  align === 'center' ? 'text-align:center' : align === 'right' ? 'text-align:right' : 'text-indent:2em';

/** TRS WCM: GB2312, `.TRS_Editor` with its own <style>, Word-pasted <p class=MsoNormal>, &nbsp;&nbsp; indentation. */
function trsBody(blocks: DocBlock[]): string {
  const parts = blocks.map((b) => {
    if (b.kind === 'table')
      return tableHtml(b.rows, 'class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse"');
    const indent = b.align ? '' : '&nbsp;&nbsp;&nbsp;&nbsp;';
    return `<p class="MsoNormal" style="${alignStyle(b.align)};line-height:28pt"><span style="font-family:仿宋_GB2312;font-size:16pt">${indent}${inline(b)}<o:p></o:p></span></p>`;
  });
  return `<div class="TRS_Editor"><style type="text/css">.TRS_Editor P{margin-top:0px;margin-bottom:12px;line-height:1.8;font-family:宋体;font-size:12pt;}.TRS_Editor TD,.TRS_Editor TH{font-size:12pt;}</style>
<div class="Custom_UnionStyle">
${parts.join('\n')}
</div></div>`;
}

/** 大汉 Hanweb: `#zoom` inside layout tables, paragraphs as lines ended by <br>, indented with &nbsp; and U+3000. */
function hanwebBody(blocks: DocBlock[], hidden: string): string {
  const parts = blocks.map((b) => {
    if (b.kind === 'table') return tableHtml(b.rows, 'border="1" cellspacing="0" cellpadding="4" width="100%"');
    const indent = b.align === 'center' ? '' : b.align === 'right' ? '&nbsp;'.repeat(40) : '&nbsp;&nbsp;&nbsp;&nbsp;';
    return `${indent}${inline(b, 'b')}<br />`;
  });
  return `<div id="zoom" style="font-size:16px;line-height:2">
<!--<$[信息内容]>begin--><div style="display:none">${hidden}</div>${parts.join('\n')}
<!--<$[信息内容]>end-->
</div>`;
}

/** 博达 VSB: `.v_news_content` in `#vsb_content` inside its form, <p> with nested spans and full-width indentation. */
function vsbBody(blocks: DocBlock[]): string {
  const parts = blocks.map((b, i) => {
    if (b.kind === 'table') return tableHtml(b.rows, 'class="vsbtable" style="width:100%" border="1"');
    const cls = i === 0 ? ' class="vsbcontent_start"' : i === blocks.length - 1 ? ' class="vsbcontent_end"' : '';
    const indent = b.align ? '' : '\u3000\u3000';
    const lead = b.bold ? `<span style="font-weight:bold"><span style="font-family:黑体">${escapeHtml(b.bold)}</span></span>` : '';
    const rest = escapeHtml(b.text.slice(b.bold?.length ?? 0)).replace(/\n/g, '<br>');
    return `<p${cls} style="${alignStyle(b.align)}">\n    <span style="font-size:16px;font-family:仿宋">${indent}${lead}${rest}</span>\n</p>`;
  });
  return `<div id="vsb_content"><div class="v_news_content">
${parts.join('\n')}
</div></div><div id="div_vote_id"></div>`;
}

/**
 * A page as saved from a CMS: GB2312/GBK-encoded for 'trs' (meta charset=gb2312), UTF-8 for others; realistic
 * chrome: header with site name and nav links, breadcrumbs 当前位置, title h1/div, a 发布时间/来源/浏览次数/【字号
 * 大 中 小】 line, the body in the CMS's container with &nbsp; indentation, <br> line breaks in one CMS
 * (hanweb), <strong> leads, share/打印本页/关闭窗口 links, 上一篇/下一篇 links, related links, footer with
 * 版权所有/ICP备案/网站标识码, a <script>.
 */
export function htmlPageFrom(blocks: DocBlock[], cms: Cms, title: string): Buffer {
  const c = CHROME[cms];
  const t = escapeHtml(title);
  const nav = c.nav
    .map((n, i) => `<li${i === 0 ? ' class="on"' : ''}><a href="${i === 0 ? '../../' : `../../col${i}/`}" target="_self">${n}</a></li>`)
    .join('');
  const crumbs = `${c.crumbs[0]}${c.crumbs
    .slice(1)
    .map((x, i) => `<a href="../${'../'.repeat(2 - i)}">${x}</a>`)
    .join(' &gt; ')}`;
  const related = c.related
    .map((r, i) => `<li><a href="./t2023091${i}_10${i}.html" title="${r}">${r}</a><span class="date">2023-09-1${i}</span></li>`)
    .join('\n');
  const script = `<script type="text/javascript">var _stat = "${c.script}"; (function(){ var s = document.createElement("script"); s.src = "./stat.js?" + Math.random(); document.body.appendChild(s); })();</script>`;
  let html: string;
  if (cms === 'trs') {
    html = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<meta name="SiteName" content="${c.site}" />
<meta name="ArticleTitle" content="${t}" />
<meta name="PubDate" content="2023-09-20 16:30" />
<title>${t}_${c.site}</title>
<link href="../../images/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="../../images/jquery.js"></script>
</head>
<body>
<div class="header"><div class="logo"><a href="../../">${c.site}</a></div>
<div class="nav"><ul>${nav}</ul></div></div>
<div class="main">
<div class="position">${crumbs}</div>
<div class="article">
<h1>${t}</h1>
<div class="info"><span>${c.info[0]}</span>&nbsp;&nbsp;<span>${c.info[1]}</span>&nbsp;&nbsp;<span>${c.info[2]}</span>&nbsp;&nbsp;【字号 <a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</div>
<div class="article-con">
${trsBody(blocks)}
</div>
<div class="share">${c.share}<a href="javascript:void(0)" class="wx">微信</a><a href="javascript:void(0)" class="wb">微博</a></div>
<div class="tools"><a href="javascript:window.print()">${c.tools[0]}</a>&nbsp;<a href="javascript:window.close()">${c.tools[1]}</a></div>
<div class="prevnext"><p>上一篇：<a href="./t20230918_101.html">${c.prev}</a></p><p>下一篇：<a href="./t20230921_103.html">${c.next}</a></p></div>
</div>
<div class="related"><h3>相关链接</h3><ul>
${related}
</ul></div>
</div>
<div class="footer"><p>${c.footer[0]}</p><p><a href="https://beian.miit.gov.cn/" target="_blank">${c.footer[1]}</a>&nbsp;&nbsp;${c.footer[2]}&nbsp;&nbsp;<a href="#">${c.footer[3]}</a></p><p>${c.footer[4]}</p></div>
${script}
</body>
</html>
`;
    return iconv.encode(html, 'gbk');
  }
  if (cms === 'hanweb') {
    html = `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>${c.site}</title>
<meta name="keywords" content="巡察整改">
<link rel="stylesheet" href="/images/hanweb.css">
<script src="/script/jquery.min.js"></script>
</head>
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="top"><tr><td class="logo"><img src="/images/logo.png" alt="${c.site}"> ${c.site}</td></tr>
<tr><td class="menu">${c.nav.map((n) => `<a href="/col/${n.length}/index.html">${n}</a>`).join(' | ')}</td></tr></table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td class="bt_link" height="36">${crumbs}</td></tr>
<tr><td>
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td class="title" align="center" style="font-size:22px;font-weight:bold;padding:20px 0">${t}</td></tr>
<tr><td align="center" class="bt_info">${c.info[0]}&nbsp;&nbsp;&nbsp;${c.info[1]}&nbsp;&nbsp;&nbsp;${c.info[2]}&nbsp;&nbsp;&nbsp;${c.info[3]}</td></tr>
<tr><td style="padding:20px 40px">
${hanwebBody(blocks, c.hidden)}
</td></tr>
<tr><td align="right" class="bt_tools">${c.share} <a href="javascript:void(0)">微信</a> <a href="javascript:window.print()">${c.tools[0]}</a> <a href="javascript:window.opener=null;window.close()">${c.tools[1]}</a></td></tr>
<tr><td class="prevnext">上一篇：<a href="/art/2023/9/18/art_1_1.html">${c.prev}</a><br>下一篇：<a href="/art/2023/9/21/art_1_3.html">${c.next}</a></td></tr>
<tr><td class="related"><div class="related-title">相关链接</div><ul>${related}</ul></td></tr>
</table>
</td></tr></table>
<table width="1000" border="0" align="center" class="foot"><tr><td align="center">${c.footer.join('&nbsp;&nbsp;')}</td></tr></table>
${script}
</body>
</html>
`;
    return Buffer.from(html, 'utf8');
  }
  html = `<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>${t}-${c.site}</title>
<meta name="description" content="${t}">
<link rel="stylesheet" href="/dfiles/style.css">
<script language="javascript" src="/system/resource/js/counter.js"></script>
<script language="javascript" src="/system/resource/js/dynclicks.js"></script>
</head>
<body>
<header class="head"><div class="logo"><h1><a href="/">${c.site}</a></h1></div>
<nav class="menu"><ul>${nav}</ul></nav></header>
<div class="ny-main">
<div class="lm-left"><h2>${c.crumbs[2]}</h2><ul><li><a href="/xcgz.htm">${c.crumbs[2]}</a></li></ul></div>
<div class="lm-right">
<div class="dqwz">${crumbs}</div>
<form name="_newscontent_fromname">
<div class="content-title"><h3>${t}</h3></div>
<div class="content-info"><span>${c.info[0]}</span><span>${c.info[1]}</span><span>${c.info[2]}<script>_showDynClicks("wbnews", 1234567, 8901)</script></span><span>${c.info[3]}</span></div>
${vsbBody(blocks)}
<div class="share">${c.share}</div>
<div class="prevnext"><ul><li>上一篇：<a href="/info/1002/1233.htm">${c.prev}</a></li><li>下一篇：<a href="/info/1002/1235.htm">${c.next}</a></li></ul></div>
<div class="tools"><a href="javascript:window.print()">${c.tools[0]}</a> <a href="javascript:window.close()">${c.tools[1]}</a></div>
</form>
<div class="related"><h4>相关链接</h4><ul>${related}</ul></div>
</div></div>
<footer class="foot"><p>${c.footer[0]}</p><p>${c.footer[1]}</p><p>${c.footer[2]}&nbsp;&nbsp;${c.footer[3]}</p></footer>
${script}
</body></html>
`;
  return Buffer.from(html, 'utf8');
}

// ---------------------------------------------------------------------------------------------- PDFs

/** The running header on every page of pdfFrom's PDFs (it must not reach the imported text). */
export const PDF_RUNNING_HEADER = '巡察整改工作专刊（内部资料）';

/** The notice as HTML for printing: official layout (三号 serif, 2-character indent, centred title, signature and date at the right). */
function printHtml(blocks: DocBlock[]): string {
  const body = blocks
    .map((b, i) => {
      if (b.kind === 'table') {
        const rows = b.rows
          .map(
            (row, r) =>
              `<tr>${row.map((cell) => `<${r === 0 ? 'th' : 'td'}>${escapeHtml(cell).replace(/\n/g, '<br>')}</${r === 0 ? 'th' : 'td'}>`).join('')}</tr>`,
          )
          .join('');
        return `<table>${rows}</table>`;
      }
      const cls =
        i === 0 && b.align === 'center'
          ? 'title'
          : b.align === 'right'
            ? 'right'
            : b.align === 'center'
              ? 'center'
              : /^[一二三四五六七八九十]+、/.test(b.text)
                ? 'h1'
                : '';
      return `<p${cls ? ` class="${cls}"` : ''}>${inline(b)}</p>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
    html, body { margin: 0; padding: 0; }
    body { font-family: "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28pt; color: #000; }
    p { margin: 0; text-indent: 2em; text-align: justify; }
    p.title { text-indent: 0; text-align: center; font-size: 22pt; line-height: 36pt; margin: 0 0 28pt; }
    p.h1 { font-family: "Noto Sans CJK SC", sans-serif; }
    p.center { text-indent: 0; text-align: center; }
    p.right { text-indent: 0; text-align: right; padding-right: 2em; }
    table { border-collapse: collapse; width: 100%; margin: 8pt 0; font-size: 12pt; line-height: 18pt; }
    th, td { border: 1px solid #000; padding: 3pt 6pt; text-align: left; vertical-align: top; }
    strong { font-weight: bold; }
  </style></head><body>${body}</body></html>`;
}

/** One Chromium for every PDF a test file makes (a launch costs seconds); closed by closePdfBrowser in afterAll. */
let shared: Promise<Browser> | undefined;
function pdfBrowser(): Promise<Browser> {
  return (shared ??= launch());
}

export async function closePdfBrowser(): Promise<void> {
  const browser = shared;
  shared = undefined;
  if (browser) await (await browser).close();
}

/**
 * A text PDF rendered by Chromium's page.pdf() (A4, 仿宋-like font, long paragraphs that wrap across lines
 * and pages, page numbers "- N -" in the footer, a running header text on every page).
 */
export async function pdfFrom(blocks: DocBlock[]): Promise<Buffer> {
  const page = await (await pdfBrowser()).newPage();
  try {
    await page.setContent(printHtml(blocks), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const font = 'font-family: "Noto Serif CJK SC", serif; width: 100%; text-align: center; color: #000;';
    return await page.pdf({
      format: 'A4',
      // GB/T 9704 margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right.
      margin: { top: '37mm', bottom: '35mm', left: '28mm', right: '26mm' },
      displayHeaderFooter: true,
      headerTemplate: `<div style="${font} font-size: 10pt; padding-top: 12mm;">${PDF_RUNNING_HEADER}</div>`,
      footerTemplate: `<div style="${font} font-size: 14pt; padding-bottom: 14mm;">- <span class="pageNumber"></span> -</div>`,
      printBackground: false,
    });
  } finally {
    await page.close();
  }
}

/** A PDF with no text layer (an image-only page, as a scanner makes): a screenshot of a notice page, printed as an image. */
export async function scannedPdf(): Promise<Buffer> {
  const page = await (await pdfBrowser()).newPage({ viewport: { width: 794, height: 1123 } });
  try {
    const blocks = blocksFromText(
      '关于巡察整改进展情况的通报\n根据县委巡察工作统一部署，县委第二巡察组对县农业农村局党组开展了常规巡察。现将整改进展情况予以公布。\n中共示例县农业农村局党组\n2023年9月20日',
    );
    await page.setContent(printHtml(blocks).replace('<body>', '<body style="padding:60px 80px">'), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const scan = await page.screenshot({ type: 'png' });
    await page.setContent(
      `<!DOCTYPE html><html><head><style>html,body{margin:0}img{display:block;width:210mm;height:297mm}</style></head><body><img src="data:image/png;base64,${scan.toString('base64')}"></body></html>`,
      { waitUntil: 'load' },
    );
    return await page.pdf({ format: 'A4', margin: { top: '0', bottom: '0', left: '0', right: '0' }, printBackground: true });
  } finally {
    await page.close();
  }
}
