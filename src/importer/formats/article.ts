// Finds the notice in a saved web page: the CMS's article container when there is one (TRS, 大汉, 博达,
// 新点 and the other government CMSs have their own), otherwise the element holding most of the page's
// paragraph text, as Readability does; and tells the page's chrome (navigation, breadcrumbs, the
// 发布时间/来源 line, print/close/share links, 上一篇/下一篇, related links, footer) from the notice.
import type { Element, Root } from 'hast';
import { hanOutsideLinks, rawText, walkBlocks, type WalkedBlock, type WalkedParagraph } from './hast-blocks';
import { cleanText, compactText, hanCount } from './text';

const classesOf = (el: Element): string[] => {
  const c: unknown = el.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};
const idOf = (el: Element): string => (typeof el.properties?.id === 'string' ? el.properties.id : '');

/**
 * Article containers of the CMSs government sites run on, by class or id: TRS WCM (TRS_Editor, TRS_UEDITOR,
 * its Word-paste wrapper), 大汉 Hanweb (#zoom, #UCAP-CONTENT, .bt_content), 博达 VSB (#vsb_content*,
 * .v_news_content), 苏迪 WebPlus (.wp_articlecontent), 新点 Epoint (.ewb-article-info/.ewb-info-con), and
 * the ids and classes the gov.cn templates and other CMSs use for the body.
 */
const CMS_CLASS =
  /^(trs_editor|trs_ueditor|trs_editor_view|trs_paper_default|v_news_content|wp_articlecontent|pages_content|article-content|article_content|articlecontent|article-con|article_con|news_content|newscontent|news-content|news_txt|detail-content|detail_content|content-text|content_text|art_con|artcon|xl_con|xl-con|zoom|fontzoom|ewb-article-info|ewb-info-con|bt_content|zw|zwnr|nr_con|txt_con|view-content|infocontent|info_content|info-content)$/i;
const CMS_ID =
  /^(zoom|fontzoom|ucap-content|vsb_content(_\d+)?|info_?content|infocontent|article_?content|articlecontent|news_?content|newscontent|mainText|artibody|zoomcon|fontzoomtext|content_text|con_text|zw|zwnr|ivs_content|Zoom|BodyLabel|textbox)$/i;
/** Generic names: the body, or a wrapper round the body and its chrome. */
const GENERIC_CLASS =
  /^(article|content|detail|view|text|main-content|maincontent|main_content|con|wz|nr|news|articlebox|article-box|main-text)$/i;
const GENERIC_ID = /^(content|article|detail|text|main|maincontent|main-content|artical)$/i;

function containerTier(el: Element): 1 | 2 | undefined {
  const classes = classesOf(el);
  const id = idOf(el);
  if (classes.some((c) => CMS_CLASS.test(c) || /trs_editor/i.test(c)) || CMS_ID.test(id)) return 1;
  if (el.tagName === 'article' || classes.some((c) => GENERIC_CLASS.test(c)) || GENERIC_ID.test(id)) return 2;
  return undefined;
}

/** Words that name page chrome in class names and ids (pinyin ones too: dqwz 当前位置, xglj 相关链接, fenxiang 分享). */
const CHROME_TOKENS = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'menus',
  'submenu',
  'footer',
  'foot',
  'copyright',
  'banquan',
  'position',
  'location',
  'crumb',
  'crumbs',
  'breadcrumb',
  'breadcrumbs',
  'dqwz',
  'share',
  'bdshare',
  'fenxiang',
  'print',
  'tools',
  'toolbar',
  'prev',
  'next',
  'prevnext',
  'sxp',
  'related',
  'relate',
  'xglj',
  'xgwz',
  'comment',
  'comments',
  'vote',
  'qrcode',
  'ewm',
  'sidebar',
  'aside',
  'friendlink',
  'search',
  'login',
  'logo',
]);
/** The page header by name: left out only when it is mostly links (an article's own header holds its title). */
const HEADER_NAME = /^(header|head|top|topbar|top-bar|site-?header|page-?header|g-header|head-?wrap|top-?wrap|headbox|topbox)$/i;

/** Text that only page chrome carries, in a line of its own (short lines only: the notice's sentences are never matched). */
const CHROME_LINE = [
  /^(当前位置|[您你]?(现在)?(所在|当前)?的?位置|当前栏目)\s*[：:]/,
  /^[【[]?\s*(打印本页|打印此页|打印文章|打印正文|打印|关闭窗口|关闭本页|关闭|返回顶部|回到顶部|收藏本页|加入收藏|保存本页|我要纠错|纠错|分享到|分享至|分享|微信|微博|QQ空间|QQ|字号|字体|大|中|小|默认|视力保护色|繁体|简体|\s|[|｜/:：])+[】\]]?(\s*[【[]?\s*(打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|收藏本页|加入收藏|保存本页|分享|大|中|小|默认)\s*[】\]]?)*$/,
  /^(上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇|上一页|下一页)\s*[：:]/,
  /^(相关链接|相关文章|相关阅读|相关新闻|相关信息|相关稿件|相关文件|热点推荐|推荐阅读|猜你喜欢|延伸阅读|友情链接)\s*[：:]?$/,
  /^(分享到|分享至)/,
  /(版权所有|Copyright|©|ICP备|ICP证|公网安备|网站标识码|技术支持\s*[：:]|主办单位\s*[：:]|承办单位\s*[：:]|^主办\s*[：:]|承办\s*[：:]|建议使用.{0,20}浏览器|最佳分辨率|网站地图)/i,
  /^(扫一扫|手机扫|用手机扫描|微信扫)/,
  /^[【[(（]?\s*(责任编辑|编辑|审核|校对|终审|初审|审校)\s*[：:][^】\])）]{0,20}[】\])）]?$/,
];
/** The date/source line: 发布时间, 来源, 浏览次数, 字号… (two of them, or one that only the line has). */
const INFO_LABEL =
  /(发布时间|发布日期|发文日期|时间|日期|来源|信息来源|文章来源|作者|浏览次数|浏览量|浏览|点击数|点击量|点击率|点击|阅读次数|阅读量|阅读|访问量|访问次数|字号|字体)\s*[：:]/g;
const INFO_ONLY = /^[【[]?\s*(发布时间|发布日期|浏览次数|点击数|点击量|访问量|访问次数|阅读次数|字号|字体)\s*[：:]/;

export function isChromeLine(text: string): boolean {
  if (text.length > 150) return false;
  if (CHROME_LINE.some((re) => re.test(text))) return true;
  return INFO_ONLY.test(text) || (text.length <= 120 && (text.match(INFO_LABEL)?.length ?? 0) >= 2);
}

/** A link to a document (an attachment), which belongs to a notice, unlike links to other pages. */
const ATTACHMENT = /\.(pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|txt|jpe?g|png)([?#]|$)/i;

/** A paragraph that is (almost) all links to other pages: a navigation or related-links item. */
function isLinkLine(p: WalkedParagraph): boolean {
  return p.chars > 0 && p.linkChars >= p.chars * 0.8 && !p.hrefs.some((h) => ATTACHMENT.test(h));
}

/**
 * Page chrome by its class or id, but only when it is short or mostly links: an element named `right` or
 * `content-top` that holds the article is never left out.
 */
export function isChromeElement(el: Element): boolean {
  if (el.tagName === 'nav' || el.tagName === 'footer' || el.tagName === 'aside') return isShortOrLinks(el);
  const names = [...classesOf(el), idOf(el)].filter(Boolean);
  if (el.tagName === 'header' || names.some((n) => HEADER_NAME.test(n))) return mostlyLinks(el);
  const chromeNamed =
    names.some((n) => n.split(/[\s_-]+/).some((t) => CHROME_TOKENS.has(t.toLowerCase()))) ||
    names.some((n) => /breadcrumb|crumbs?|copyright|share|fenxiang|prevnext|pre_?next|xiangguan/i.test(n));
  if (chromeNamed) return isShortOrLinks(el);
  // An unnamed info line (发布时间… 来源…) or breadcrumb.
  const text = cleanText(rawText(el));
  return text.length <= 150 && text.length > 0 && !/[。；]/.test(text) && isChromeLine(text);
}

function isShortOrLinks(el: Element): boolean {
  return cleanText(rawText(el)).length < 200 || mostlyLinks(el);
}

function mostlyLinks(el: Element): boolean {
  const han = hanCount(rawText(el));
  return han > 0 && hanOutsideLinks(el) < han * 0.5;
}

/** How much of a paragraph's text counts as the page's reading text: none for chrome and link lists. */
function weight(b: WalkedBlock): number {
  if (b.kind === 'table') return b.rows.flat().reduce((n, c) => n + hanCount(c), 0);
  if (isLinkLine(b) || isChromeLine(b.text)) return 0;
  const han = hanCount(b.text);
  // Short lines (menu items, labels) weigh nothing on their own; a short line in the notice sits among long ones.
  return han >= 10 ? Math.round(han * (1 - b.linkChars / Math.max(1, b.chars))) : 0;
}

export interface Article {
  /** The element holding the notice. */
  body: Element;
  /** Whether the body is a CMS's own article container (which holds nothing but the notice). */
  known: boolean;
  /** The notice's title from just before the body (h1 or a title-named element), when there is one. */
  title?: string;
}

/** The page's body element (or the root when the page has none). */
function pageBody(root: Root): Element | Root {
  const html = root.children.find((c): c is Element => c.type === 'element' && c.tagName === 'html');
  return html?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'body') ?? html ?? root;
}

export function findArticle(root: Root): Article | undefined {
  const page = pageBody(root);
  // Tables are read through here, so that an article laid out in a table's cell is found in that cell.
  const blocks = walkBlocks(page, { isDataTable: () => false });
  // Every element's share of the reading text: each paragraph counts for all the elements that hold it.
  const weights = new Map<Element, number>();
  let total = 0;
  for (const b of blocks) {
    const w = weight(b);
    if (!w) continue;
    total += w;
    for (const el of b.chain) weights.set(el, (weights.get(el) ?? 0) + w);
  }
  if (total === 0) return undefined;
  const w = (el: Element) => weights.get(el) ?? 0;

  const elements = [...weights.keys()]; // document order: a paragraph's chain lists outer elements first
  const tier = (t: 1 | 2) => elements.filter((el) => containerTier(el) === t && w(el) >= total * 0.6);
  let body: Element | undefined;
  const known = tier(1);
  if (known.length) {
    // The one with the most text; on a tie the outer one (a TRS_Editor round its Word-paste wrapper).
    body = known.reduce((best, el) => (w(el) > w(best) ? el : best));
  } else {
    const generic = tier(2);
    const start = generic.length ? generic.reduce((best, el) => (w(el) > w(best) ? el : best)) : undefined;
    body = descend(start ?? (page.type === 'element' ? page : undefined), w, page);
  }
  if (!body) return undefined;
  return { body, known: known.length > 0, title: findTitle(root, page, body) };
}

/**
 * From a wrapper down to the element that holds (nearly) all of its reading text: the article rather than
 * the column round it with the title, info line and links. Stops where the text is split between children.
 */
function descend(start: Element | undefined, w: (el: Element) => number, page: Element | Root): Element | undefined {
  let current: Element | undefined = start ?? (page.type === 'element' ? page : undefined);
  if (!current) {
    for (const c of page.children) if (c.type === 'element' && (!current || w(c) > w(current))) current = c;
  }
  while (current) {
    const total = w(current);
    const next: Element | undefined = current.children.find((c): c is Element => c.type === 'element' && w(c) >= total * 0.95);
    if (!next) return current;
    current = next;
  }
  return current;
}

/** Title-named elements: title, tit, bt (标题), biaoti, headline, in class or id. */
const TITLE_NAME =
  /(^|[\s_-])(title|tit|bt|biaoti|headline|arti_title|article-title|news_title|newstitle|articletitle|content-title|detail-title)s?($|[\s_-])|title/i;

/**
 * The notice's title: the nearest h1 or title-named element before the body, outside page chrome; one that
 * the document's <title> (or TRS's ArticleTitle meta) contains is preferred.
 */
function findTitle(root: Root, page: Element | Root, body: Element): string | undefined {
  const candidates: Array<{ text: string; strong: boolean }> = [];
  let reached = false;
  const visit = (el: Element, inChrome: boolean) => {
    if (reached) return;
    if (el === body) {
      reached = true;
      return;
    }
    const chrome = inChrome || isChromeElement(el) || el.tagName === 'a';
    if (!chrome && !['script', 'style', 'noscript', 'template'].includes(el.tagName)) {
      const named = [...classesOf(el), idOf(el)].some((n) => TITLE_NAME.test(n) && !/sub|related|xg|lm|column|side/i.test(n));
      if (el.tagName === 'h1' || named || /^h[23]$/.test(el.tagName)) {
        const text = cleanText(rawText(el));
        if (hanCount(text) >= 4 && text.length <= 200 && !isChromeLine(text) && hanOutsideLinks(el) >= hanCount(text) * 0.5) {
          candidates.push({ text, strong: el.tagName === 'h1' || named });
        }
      }
    }
    for (const child of el.children) if (child.type === 'element') visit(child, chrome);
  };
  for (const child of page.children) if (child.type === 'element') visit(child, false);
  if (!reached || candidates.length === 0) return undefined;
  const docTitles = documentTitles(root).map(compactText);
  const matching = candidates.filter((c) => docTitles.some((t) => t.includes(compactText(c.text))));
  // Titles the CMS also put in <title> first; otherwise an h1 or title-named element (never a column's h2/h3).
  return (matching.at(-1) ?? candidates.filter((c) => c.strong).at(-1))?.text;
}

/** The <title> and the title metas (TRS ArticleTitle, og:title) of the page. */
function documentTitles(root: Root): string[] {
  const titles: string[] = [];
  const visit = (node: Element | Root) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'title') titles.push(cleanText(rawText({ ...child, tagName: 'span' })));
      if (child.tagName === 'meta') {
        const name = String(child.properties?.name ?? child.properties?.property ?? '').toLowerCase();
        if (['articletitle', 'og:title', 'title', 'dc.title'].includes(name)) titles.push(String(child.properties?.content ?? ''));
      }
      visit(child);
    }
  };
  visit(root);
  return titles.filter(Boolean);
}

/**
 * The notice's blocks with the chrome at either end taken off: breadcrumbs and the info line before it,
 * print/close/share links, 上一篇/下一篇, related links and the footer after it. Only a run at either end
 * goes, so nothing between two lines of the notice is ever dropped.
 */
export function trimChrome(blocks: WalkedBlock[]): WalkedBlock[] {
  const chrome = (b: WalkedBlock) => b.kind === 'paragraph' && (isChromeLine(b.text) || isLinkLine(b));
  let start = 0;
  let end = blocks.length;
  while (start < end && chrome(blocks[start])) start++;
  while (end > start && chrome(blocks[end - 1])) end--;
  return blocks.slice(start, end);
}
