// <gongshi-print-meta>, the line at the foot of a printed page (src/components/PrintMeta.astro): the page's address and the date it was printed, filled in when
// the page loads and again just before printing (the page may have been open since another day, or the
// reader may have followed an in-page link). Links to other sites whose text already is their address are
// marked so the print stylesheet does not print the address twice.
import { formatChineseDate } from '../../base/format';

/** Today's date in the reader's time zone, as `YYYY-MM-DD`. */
function todayIso(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `https://www.example.gov.cn/a/` → `www.example.gov.cn/a` */
function bare(url: string): string {
  return url
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/$/, '');
}

/** The address as a reader would type it: `?q=%E8%BF%9D…` shows as `?q=违…`. */
function readable(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

function fillPrintMeta(meta: HTMLElement, now: Date = new Date()): void {
  const href = location.href;
  if (href) {
    for (const el of meta.querySelectorAll<HTMLElement>('[data-print-url]')) {
      el.textContent = readable(href);
      // A page that could not know its own address at build time (404) shows it once it is known.
      el.closest('.print-address')?.removeAttribute('hidden');
    }
  }
  const date = formatChineseDate(todayIso(now));
  for (const el of meta.querySelectorAll<HTMLElement>('[data-print-date]')) el.textContent = date;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('main a[href^="http"]')) {
    const text = bare(a.textContent ?? '');
    if (text === bare(a.href) || text === bare(readable(a.href)) || text === bare(a.getAttribute('href') ?? '')) {
      a.setAttribute('data-print-plain', '');
    }
  }
}

class PrintMeta extends HTMLElement {
  #fill = () => fillPrintMeta(this);

  connectedCallback(): void {
    this.#fill();
    window.addEventListener('beforeprint', this.#fill);
  }

  disconnectedCallback(): void {
    window.removeEventListener('beforeprint', this.#fill);
  }
}

customElements.define('gongshi-print-meta', PrintMeta);
