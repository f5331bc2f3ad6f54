// The document Pagefind indexes for one notice, made from the checked notice itself (its frontmatter and the
// body the content check rendered), not from the page Astro writes: so the index can be built while Astro
// renders, and kept per notice between builds. It holds what Pagefind reads from the notice page, in the
// page's own element structure (src/pages/notices/[slug].astro): the title as the h1, the filters and
// metadata of NoticeMeta, the body with its anchors, and the notice's own contact block when the page shows
// one. Nothing else of the page is read by Pagefind (the rest is data-pagefind-ignore), and a site test
// checks that Pagefind reads from this exactly what it reads from the built page.
import type { NoticeData } from '../schemas';
import { mailtoHref, postalLines, telHref, unlinkedContact } from '../notice/contact';
import { toSearchIndexHtml } from './index-html';

/** What the index needs of a notice: its frontmatter and its rendered body. */
export interface IndexedNotice {
  data: Pick<NoticeData, 'title' | 'issuer' | 'date' | 'published' | 'contact'>;
  html: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const list = (v?: string | string[]) => (v === undefined ? [] : [v].flat());

/** The text of ContactBlock (heading 本通报的联系方式, id notice-contact), in its elements. */
function contactBlock(contact: NonNullable<IndexedNotice['data']['contact']>): string {
  const links = (values: string[], href: (v: string) => string) =>
    values.map((v, i) => `${i > 0 ? '、' : ''}<a href="${escape(href(v))}">${escape(v)}</a>`).join('');
  const row = (label: string, content: string) => `<div><dt>${label}</dt><dd>${content}</dd></div>`;
  const phones = list(contact.phone);
  const emails = list(contact.email);
  const lines = postalLines(contact.address, contact.postcode);
  const address = lines
    .map(
      ({ address, postcode }, i) =>
        `${i > 0 ? '<br>' : ''}${escape(address)}${postcode ? `${address ? '，' : ''}邮政编码：<span>${escape(postcode)}</span>` : ''}`,
    )
    .join('');
  return [
    '<section><h2 id="notice-contact-heading">本通报的联系方式</h2><address><dl>',
    phones.length ? row('联系电话', links(phones, telHref)) : '',
    lines.length ? row('通信地址', address) : '',
    emails.length
      ? row(
          '电子邮箱',
          links(emails, (e) => mailtoHref(e)),
        )
      : '',
    contact.hours ? row('办公时间', escape(contact.hours)) : '',
    '</dl></address></section>',
  ].join('');
}

/** The minimal page Pagefind is given for a notice, already in index tokens (src/search/index-html). */
export function indexDocument({ data, html }: IndexedNotice): string {
  const published = data.published ?? data.date;
  const ownContact = data.contact && unlinkedContact(data.contact, html) ? contactBlock(data.contact) : '';
  const page = [
    '<!doctype html><html><head><meta charset="utf-8"></head><body><article data-pagefind-body>',
    `<h1>${escape(data.title)}</h1>`,
    '<table data-pagefind-ignore><tbody><tr>',
    `<td data-pagefind-filter="发布机构" data-pagefind-meta="issuer">${escape(data.issuer)}</td>`,
    `<td><time datetime="${published}" data-pagefind-meta="date[datetime]"></time>`,
    `<span hidden data-pagefind-filter="年份">${data.date.slice(0, 4)}年</span></td>`,
    '</tr></tbody></table>',
    `<div>${html}</div>`,
    ownContact,
    '</article></body></html>',
  ].join('');
  return toSearchIndexHtml(page)!;
}
