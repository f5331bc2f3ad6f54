// The search page: runs Pagefind in the browser. `?q=` runs on load so results can be shared.
// Pagefind is loaded only here, from the site's own /pagefind/ folder.
import { formatChineseDate } from '../lib/format';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: PagefindSubResult[];
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string, o?: { filters?: Record<string, string> }): Promise<{ results: Array<{ id: string; data(): Promise<PagefindData> }> }>;
}

const base = document.documentElement.dataset.base ?? '/';
let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const pf: Pagefind = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
    await pf.options({ baseUrl: base, excerptLength: 40 });
    await pf.init();
    return pf;
  })();
  return pagefind;
}

/** Keeps only Pagefind's <mark> highlighting; everything else in an excerpt is shown as text. */
export function excerptToNodes(excerpt: string): Node[] {
  const parts = excerpt.split(/(<mark>|<\/mark>)/);
  const nodes: Node[] = [];
  let marked = false;
  const decode = (s: string) => new DOMParser().parseFromString(`<!doctype html><body>${s.replace(/</g, '&lt;')}`, 'text/html').body.textContent ?? '';
  for (const part of parts) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) {
      const text = document.createTextNode(decode(part));
      if (marked) {
        const mark = document.createElement('mark');
        mark.append(text);
        nodes.push(mark);
      } else nodes.push(text);
    }
  }
  return nodes;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function renderResult(data: PagefindData): HTMLLIElement {
  const meta = [data.meta.date && formatChineseDate(data.meta.date), data.meta.issuer].filter(Boolean).join(' · ');
  const item = el('li', { className: 'search-result' });
  item.append(el('h2', {}, el('a', { href: data.url }, data.meta.title ?? data.url)));
  if (meta) item.append(el('p', { className: 'search-result-meta' }, meta));
  const subs = data.sub_results.filter((s) => s.url !== data.url && s.url.includes('#')).slice(0, 3);
  if (subs.length) {
    const list = el('ul', { className: 'search-subresults' });
    for (const s of subs) {
      list.append(el('li', {}, el('a', { href: s.url }, s.title), el('p', { className: 'search-excerpt' }, ...excerptToNodes(s.excerpt))));
    }
    item.append(list);
  } else {
    item.append(el('p', { className: 'search-excerpt' }, ...excerptToNodes(data.excerpt)));
  }
  return item;
}


export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('main form[role=search]');
  const input = form?.querySelector<HTMLInputElement>('input[name=q]');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const filterBox = document.getElementById('search-filters');
  if (!form || !input || !status || !list || !filterBox) return;
  const selects = new Map<string, HTMLSelectElement>();
  let generation = 0;

  const run = async (query: string) => {
    const mine = ++generation;
    const q = query.trim();
    list.replaceChildren();
    if (!q) {
      status.textContent = '请输入要搜索的词语。';
      return;
    }
    status.textContent = '正在搜索…';
    try {
      const pf = await loadPagefind();
      const filters: Record<string, string> = {};
      for (const [name, select] of selects) if (select.value) filters[name] = select.value;
      const search = await pf.search(q, { filters });
      const data = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
      if (mine !== generation) return;
      list.replaceChildren(...data.map(renderResult));
      status.textContent = search.results.length
        ? `找到 ${search.results.length} 份与“${q}”相关的通报${search.results.length > 20 ? '，显示前 20 份' : ''}。`
        : `没有找到与“${q}”相关的通报。请换一个词，或减少词语再试。`;
    } catch {
      if (mine === generation) status.textContent = '搜索暂时无法使用，请刷新页面后重试，或浏览通报列表。';
    }
  };

  const setupFilters = async () => {
    const pf = await loadPagefind();
    const available = await pf.filters();
    for (const [name, values] of Object.entries(available)) {
      const keys = Object.keys(values).sort().reverse();
      if (keys.length < 2) continue;
      const id = `filter-${selects.size}`;
      const select = el('select', { id, name });
      select.append(el('option', { value: '' }, '全部'), ...keys.map((k) => el('option', { value: k }, `${k}（${values[k]}）`)));
      select.addEventListener('change', () => run(input.value));
      selects.set(name, select);
      filterBox.append(el('label', { htmlFor: id }, name), select);
    }
    filterBox.hidden = selects.size === 0;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', input.value.trim());
    history.replaceState(null, '', url);
    run(input.value);
  });
  const initial = new URLSearchParams(location.search).get('q') ?? '';
  input.value = initial;
  if (initial) run(initial);
  setupFilters().catch(() => undefined);
}
