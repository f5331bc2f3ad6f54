// The ledger's table in the browser (src/components/LedgerTable.astro): filters by issuer, year and text,
// sort buttons in the column headers (aria-sort), and a polite status line `显示 N 条，共 M 条`. Nothing is
// reloaded: rows are hidden or moved. The filters and sort are kept in the address (?issuer=&year=&q=&sort=)
// so a filtered view can be shared. Without JavaScript the page shows the whole table and no controls.
import {
  DEFAULT_SORT,
  formatSort,
  matchesTerms,
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
    };
    return { ...row, text: rowText(row) };
  });
}

export function startLedger(root: Document = document): void {
  const section = root.querySelector<HTMLElement>('[data-ledger]');
  const table = section?.querySelector<HTMLTableElement>('[data-ledger-table]');
  const tbody = table?.tBodies[0];
  const form = section?.querySelector<HTMLFormElement>('[data-ledger-filters]');
  const status = section?.querySelector<HTMLElement>('[data-ledger-status]');
  const empty = section?.querySelector<HTMLElement>('[data-ledger-empty]');
  if (!section || !table || !tbody || !form || !status || !empty) return;

  const rows = readRows(tbody);
  const issuerSelect = form.querySelector<HTMLSelectElement>('select[name="issuer"]');
  const yearSelect = form.querySelector<HTMLSelectElement>('select[name="year"]');
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  let sort: Sort = DEFAULT_SORT;

  // Sort buttons in the headers that can sort.
  const headers = new Map<SortKey, HTMLTableCellElement>();
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
      sort = nextSort(sort, key);
      applySort();
      update(true);
    });
    th.replaceChildren(button);
    headers.set(key, th);
  }
  table.classList.add('is-sortable');

  const hasOption = (select: HTMLSelectElement | null, value: string) => !!select && [...select.options].some((o) => o.value === value);

  // State from the address.
  const params = new URLSearchParams(location.search);
  const issuer = params.get('issuer') ?? '';
  if (hasOption(issuerSelect, issuer)) issuerSelect!.value = issuer;
  const year = params.get('year') ?? '';
  if (hasOption(yearSelect, year)) yearSelect!.value = year;
  input.value = params.get('q') ?? '';
  sort = parseSort(params.get('sort')) ?? DEFAULT_SORT;

  const sortText = () => `，按${SORT_NAMES[sort.key]}${DIRECTION_NAMES[sort.key][sort.direction === 'ascending' ? 0 : 1]}排列`;
  const caption = table.querySelector<HTMLElement>('[data-ledger-order]');

  function applySort() {
    if (caption) caption.textContent = sortText();
    const sorted = sortRows(rows, sort);
    const fragment = document.createDocumentFragment();
    for (const r of sorted) fragment.append(r.el);
    tbody!.append(fragment);
    for (const [key, th] of headers) {
      const icon = th.querySelector('.sort-icon')!;
      if (key === sort.key) {
        th.setAttribute('aria-sort', sort.direction);
        icon.textContent = sort.direction === 'ascending' ? '▲' : '▼';
      } else {
        th.removeAttribute('aria-sort');
        icon.textContent = '';
      }
    }
  }

  /** The row's displayed text, when the reader has switched the page to Traditional characters. */
  const shownText = (r: Row) => (r.shown ??= comparableText(r.el.textContent ?? ''));
  let lang = document.documentElement.lang;

  function update(sorted = false) {
    const terms = queryTerms(input.value);
    const wantIssuer = issuerSelect?.value ?? '';
    const wantYear = yearSelect?.value ?? '';
    if (document.documentElement.lang !== lang) {
      lang = document.documentElement.lang;
      for (const r of rows) r.shown = undefined;
    }
    const traditional = lang === 'zh-Hant';
    let shown = 0;
    for (const r of rows) {
      const visible =
        (!wantIssuer || r.issuer === wantIssuer) &&
        (!wantYear || r.year === wantYear) &&
        (matchesTerms(r.text, terms) || (traditional && terms.length > 0 && matchesTerms(shownText(r), terms)));
      if (r.el.hidden === visible) r.el.hidden = !visible;
      if (visible) shown++;
    }
    empty!.hidden = shown > 0;
    const order = sorted ? sortText() : '';
    status!.textContent = `显示 ${shown} 条，共 ${rows.length} 条${order}`;

    const url = new URL(location.href);
    const set = (name: string, value: string) => (value ? url.searchParams.set(name, value) : url.searchParams.delete(name));
    set('issuer', wantIssuer);
    set('year', wantYear);
    set('q', input.value.trim());
    set('sort', sort.key === DEFAULT_SORT.key && sort.direction === DEFAULT_SORT.direction ? '' : formatSort(sort));
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => update(), 250);
  });
  issuerSelect?.addEventListener('change', () => update());
  yearSelect?.addEventListener('change', () => update());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    update();
  });
  form.addEventListener('reset', () => {
    // The form's fields are reset after this event; the sort goes back to the default too.
    setTimeout(() => {
      sort = DEFAULT_SORT;
      applySort();
      update();
    });
  });

  form.hidden = false;
  applySort();
  const filtered = !!(issuerSelect?.value || yearSelect?.value || input.value.trim()) || formatSort(sort) !== formatSort(DEFAULT_SORT);
  if (filtered) update(formatSort(sort) !== formatSort(DEFAULT_SORT));
}
