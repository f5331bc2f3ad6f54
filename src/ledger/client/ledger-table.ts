// <gongshi-ledger>, the ledger's table in the browser (src/components/LedgerTable.astro): filters by issuer, year and text,
// sort buttons in the column headers (aria-sort), and a polite status line `显示 N 条，共 M 条`. Nothing is
// reloaded: rows are hidden or moved. The filters and sort are kept in the address (?issuer=&year=&q=&sort=)
// so a filtered view can be shared. Without JavaScript the page shows the whole table and no controls.
import {
  DEFAULT_SORT,
  formatSort,
  keepsRow,
  nextSort,
  comparableText,
  parseSort,
  queryTerms,
  rowText,
  sortRows,
  type Sort,
  type SortKey,
} from '../ledger';

interface Row {
  el: HTMLTableRowElement;
  order: number;
  title: string;
  issuer: string;
  date: string;
  year: string;
  measures: number;
  /** Normalised text to search, read once (before the 简/繁 control can change the page's text). */
  text: string;
  /** The row's text as shown when the page is in Traditional characters, read when first needed. */
  shown?: string;
}

const SORT_NAMES: Record<SortKey, string> = { title: '问题', issuer: '发布机构', date: '发布日期', measures: '整改措施数' };
const DIRECTION_NAMES: Record<SortKey, [string, string]> = {
  title: ['按拼音升序', '按拼音降序'],
  issuer: ['按拼音升序', '按拼音降序'],
  date: ['从旧到新', '从新到旧'],
  measures: ['从少到多', '从多到少'],
};

const cellText = (el: Element | null | undefined) => (el?.textContent ?? '').trim();

function readRows(tbody: HTMLTableSectionElement): Row[] {
  return [...tbody.rows].map((el, order) => {
    const [problem, issuerCell, dateCell, place, measures] = el.cells;
    const statusCell = el.querySelector('td.ledger-status');
    const date = dateCell?.querySelector('time')?.dateTime ?? '';
    const row = {
      el,
      order,
      title: cellText(problem),
      issuer: cellText(issuerCell),
      date,
      year: date.slice(0, 4),
      measures: Number(cellText(measures)) || 0,
      section: cellText(place?.querySelector('.ledger-section')),
      group: cellText(place?.querySelector('.ledger-group')) || undefined,
      status: cellText(statusCell) || undefined,
    };
    return { ...row, text: rowText(row) };
  });
}

const isDefault = (sort: Sort) => formatSort(sort) === formatSort(DEFAULT_SORT);

class LedgerTable extends HTMLElement {
  #rows: Row[] = [];
  #sort: Sort = DEFAULT_SORT;
  #headers = new Map<SortKey, HTMLTableCellElement>();
  #typing: ReturnType<typeof setTimeout> | undefined;
  /** The page's language when the rows' shown text was read (the 简/繁 control changes it). */
  #lang = document.documentElement.lang;

  get #table(): HTMLTableElement {
    return this.querySelector<HTMLTableElement>('[data-ledger-table]')!;
  }
  get #form(): HTMLFormElement {
    return this.querySelector<HTMLFormElement>('[data-ledger-filters]')!;
  }
  #select(name: string): HTMLSelectElement | null {
    return this.#form.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
  }
  get #input(): HTMLInputElement {
    return this.#form.querySelector<HTMLInputElement>('input[name="q"]')!;
  }

  connectedCallback(): void {
    const tbody = this.#table.tBodies[0];
    if (!tbody) return;
    this.#rows = readRows(tbody);
    this.#addSortButtons();
    this.#readAddress();
    const form = this.#form;
    this.#input.addEventListener('input', () => {
      clearTimeout(this.#typing);
      this.#typing = setTimeout(() => this.#update(), 250);
    });
    this.#select('issuer')?.addEventListener('change', () => this.#update());
    this.#select('year')?.addEventListener('change', () => this.#update());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.#typing);
      this.#update();
    });
    form.addEventListener('reset', () => {
      // The form's fields are reset after this event; the sort goes back to the default too.
      setTimeout(() => {
        this.#sort = DEFAULT_SORT;
        this.#applySort();
        this.#update();
      });
    });
    form.hidden = false;
    this.#applySort();
    const filtered = !!(this.#select('issuer')?.value || this.#select('year')?.value || this.#input.value.trim()) || !isDefault(this.#sort);
    if (filtered) this.#update(!isDefault(this.#sort));
  }

  /** Sort buttons in the headers that can sort. */
  #addSortButtons(): void {
    const table = this.#table;
    for (const th of table.tHead?.querySelectorAll<HTMLTableCellElement>('th[data-sort]') ?? []) {
      const key = th.dataset.sort as SortKey;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      button.textContent = th.textContent;
      const icon = document.createElement('span');
      icon.className = 'sort-icon';
      icon.setAttribute('aria-hidden', 'true');
      button.append(icon);
      button.addEventListener('click', () => {
        this.#sort = nextSort(this.#sort, key);
        this.#applySort();
        this.#update(true);
      });
      th.replaceChildren(button);
      this.#headers.set(key, th);
    }
    table.classList.add('is-sortable');
  }

  /** Filters and sort from the address, where they name something the page has. */
  #readAddress(): void {
    const params = new URLSearchParams(location.search);
    for (const name of ['issuer', 'year']) {
      const select = this.#select(name);
      const value = params.get(name) ?? '';
      if (select && [...select.options].some((o) => o.value === value)) select.value = value;
    }
    this.#input.value = params.get('q') ?? '';
    this.#sort = parseSort(params.get('sort')) ?? DEFAULT_SORT;
  }

  #sortText(): string {
    const { key, direction } = this.#sort;
    return `，按${SORT_NAMES[key]}${DIRECTION_NAMES[key][direction === 'ascending' ? 0 : 1]}排列`;
  }

  #applySort(): void {
    const caption = this.#table.querySelector<HTMLElement>('[data-ledger-order]');
    if (caption) caption.textContent = this.#sortText();
    const fragment = document.createDocumentFragment();
    for (const r of sortRows(this.#rows, this.#sort)) fragment.append(r.el);
    this.#table.tBodies[0].append(fragment);
    for (const [key, th] of this.#headers) {
      const icon = th.querySelector('.sort-icon')!;
      if (key === this.#sort.key) {
        th.setAttribute('aria-sort', this.#sort.direction);
        icon.textContent = this.#sort.direction === 'ascending' ? '▲' : '▼';
      } else {
        th.removeAttribute('aria-sort');
        icon.textContent = '';
      }
    }
  }

  /** Shows the rows the filters keep, says how many, and puts the filters in the address. */
  #update(sorted = false): void {
    const test = {
      issuer: this.#select('issuer')?.value ?? '',
      year: this.#select('year')?.value ?? '',
      terms: queryTerms(this.#input.value),
    };
    const lang = document.documentElement.lang;
    if (lang !== this.#lang) {
      this.#lang = lang;
      for (const r of this.#rows) r.shown = undefined;
    }
    // In Traditional characters a reader may type what they see: the row's shown text is matched as well.
    const traditional = lang === 'zh-Hant';
    let shown = 0;
    for (const r of this.#rows) {
      const visible = keepsRow(r, test, traditional ? () => (r.shown ??= comparableText(r.el.textContent ?? '')) : undefined);
      if (r.el.hidden === visible) r.el.hidden = !visible;
      if (visible) shown++;
    }
    this.querySelector<HTMLElement>('[data-ledger-empty]')!.hidden = shown > 0;
    const order = sorted ? this.#sortText() : '';
    this.querySelector<HTMLElement>('[data-ledger-status]')!.textContent = `显示 ${shown} 条，共 ${this.#rows.length} 条${order}`;

    const url = new URL(location.href);
    const set = (name: string, value: string) => (value ? url.searchParams.set(name, value) : url.searchParams.delete(name));
    set('issuer', test.issuer);
    set('year', test.year);
    set('q', this.#input.value.trim());
    set('sort', isDefault(this.#sort) ? '' : formatSort(this.#sort));
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  }
}

customElements.define('gongshi-ledger', LedgerTable);
