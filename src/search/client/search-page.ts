// <gongshi-search>, the search page's form and results (src/components/SearchPanel.astro). `?q=` runs on load
// so results can be shared. The newest part of the index answers first and the page says it is still looking
// while the older parts join (src/search/client/engine). Each result shown costs a download of its indexed
// text, so the first five come at once and the rest ten at a time, on request.
// Excerpts are rebuilt from the index (src/search/text) and only what matched the query is marked.
import { formatChineseDate } from '../../base/format';
import { markedExcerpt, matchSpans, sectionHits, type ExcerptPart } from '../match';
import { readableText } from '../text';
import { loadSearchEngine, type SearchEngine, type SearchHit } from './engine';

const FIRST_BATCH = 5;
const NEXT_BATCH = 10;
const EXCERPT_LENGTH = 80;
const SUB_RESULTS = 3;

declare global {
  interface Window {
    /** The search the page uses, for the benchmark (scripts/bench-search.ts) and for debugging. */
    gongshiSearch?: {
      ready: Promise<void>;
      search(query: string, options?: { filters?: Record<string, string> }): Promise<{ total: number; ids: string[] }>;
    };
  }
}

function el(tag: string, props: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

function excerptNodes(parts: ExcerptPart[]): Node[] {
  return parts.map((p) => (p.mark ? el('mark', {}, p.text) : document.createTextNode(p.text)));
}

/** How much of a section's text is its title: a heading's own text, or a paragraph's first sentence. */
function titleLength(anchor: { element: string; text: string }): number {
  const text = readableText(anchor.text).text;
  if (/^h[1-6]$/.test(anchor.element)) return text.length;
  const sentence = /^.*?[。！？]/u.exec(text)?.[0] ?? text;
  return Math.min(sentence.length, 60);
}

async function renderHit(hit: SearchHit): Promise<HTMLElement> {
  const { data, terms } = await hit.load();
  const readable = readableText(data.content);
  const spans = matchSpans(readable, terms);
  const text = readable.text;
  const end = text.length;
  // Marks the matched words in text[from, to), cut to `length` characters around `at`.
  const marked = (at: number, from: number, to: number, length = EXCERPT_LENGTH) =>
    excerptNodes(markedExcerpt(text, spans, at, from, to, length));

  const title = readableText(data.meta.title ?? '').text || data.url;
  // The page's text starts with its title (the h1), so matches in the title are marked there too.
  const titleNodes = text.startsWith(title) ? marked(0, 0, title.length, title.length) : [title];
  const meta = [data.meta.date && formatChineseDate(data.meta.date), data.meta.issuer].filter(Boolean).join(' · ');
  const item = el('li', { class: 'search-result' }, el('h2', {}, el('a', { href: data.url }, ...titleNodes)));
  if (meta) item.append(el('p', { class: 'search-result-meta' }, meta));

  const positions = terms.flatMap((t) => t.starts).sort((a, b) => a - b);
  const anchors = [...data.anchors].sort((a, b) => a.location - b.location);
  const at = (location: number) => readable.offsets[Math.min(location, readable.offsets.length - 1)] ?? end;
  const startOf = (location: number) => readable.starts[Math.min(location, readable.starts.length - 1)] ?? end;
  const firstAnchor = anchors.length ? startOf(anchors[0].location) : end;
  // Matches before the first section (the opening paragraph), or a page without sections.
  const opening = positions.find((p) => at(p) >= Math.min(title.length, firstAnchor) && at(p) < firstAnchor);
  if (opening !== undefined || positions.length === 0) {
    item.append(el('p', { class: 'search-excerpt' }, ...marked(opening === undefined ? 0 : at(opening), title.length, firstAnchor)));
  }
  const sections = sectionHits(anchors, positions).slice(0, SUB_RESULTS);
  if (sections.length) {
    const list = el('ul', { class: 'search-subresults' });
    for (const { anchor } of sections) {
      const next = anchors.find((a) => a.location > anchor.location);
      const from = startOf(anchor.location);
      const to = next ? startOf(next.location) : end;
      const afterTitle = Math.min(from + titleLength(anchor), to);
      const firstAfter = positions.find((p) => at(p) >= afterTitle && at(p) < to);
      const item = el('li', {}, el('a', { href: `${data.url}#${anchor.id}` }, ...marked(from, from, afterTitle, afterTitle - from)));
      // The excerpt goes on after the title: around the first match there, or the section's opening words.
      if (afterTitle < to)
        item.append(
          el('p', { class: 'search-excerpt' }, ...marked(firstAfter === undefined ? afterTitle : at(firstAfter), afterTitle, to)),
        );
      list.append(item);
    }
    item.append(list);
  }
  return item;
}

class SearchPanel extends HTMLElement {
  #engine: Promise<SearchEngine> | undefined;
  #selects = new Map<string, HTMLSelectElement>();
  /** Counts searches, so that a slower earlier search does not overwrite a later one's results. */
  #generation = 0;
  #shown: { hits: SearchHit[]; count: number; mine: number } | undefined;
  #typing: ReturnType<typeof setTimeout> | undefined;

  #part<T extends HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-search-${name}]`)!;
  }
  get #input(): HTMLInputElement {
    return this.querySelector<HTMLInputElement>('form[role=search] input[name=q]')!;
  }

  #getEngine(): Promise<SearchEngine> {
    const base = document.documentElement.dataset.base ?? '/';
    return (this.#engine ??= loadSearchEngine(base, this.dataset.indexParts?.split(' ') ?? []));
  }

  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('form[role=search]')!;
    const input = this.#input;
    const engine = () => this.#getEngine();
    window.gongshiSearch = {
      ready: engine().then(() => undefined),
      async search(query, options) {
        // The final result: every part merged.
        const ready = await engine();
        await ready.complete();
        const { hits } = await ready.search(query, options);
        return { total: hits.length, ids: hits.map((h) => h.id) };
      },
    };
    // Start fetching the index parts a query will need while the reader is still typing.
    input.addEventListener('input', () => {
      clearTimeout(this.#typing);
      this.#typing = setTimeout(
        () =>
          void engine()
            .then((e) => e.preload(input.value))
            .catch(() => undefined),
        200,
      );
    });
    // Keyboard and screen reader users land on the first of the results just added.
    this.#part<HTMLButtonElement>('more').addEventListener(
      'click',
      () => void this.#showMore().then((items) => items[0]?.querySelector('a')?.focus()),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const url = new URL(location.href);
      url.searchParams.set('q', input.value.trim());
      history.replaceState(null, '', url);
      void this.#run(input.value);
    });
    const initial = new URLSearchParams(location.search).get('q') ?? '';
    input.value = initial;
    this.#setupFilters();
    if (initial) void this.#run(initial);
  }

  #chosenFilters(): Record<string, string> {
    const filters: Record<string, string> = {};
    for (const [name, select] of this.#selects) if (select.value) filters[name] = select.value;
    return filters;
  }

  async #showMore(): Promise<HTMLElement[]> {
    const shown = this.#shown;
    if (!shown) return [];
    const { hits, count, mine } = shown;
    const items = await Promise.all(hits.slice(count, count < FIRST_BATCH ? FIRST_BATCH : count + NEXT_BATCH).map(renderHit));
    if (mine !== this.#generation) return [];
    this.#part('results').append(...items);
    shown.count = count + items.length;
    this.#updateMore();
    return items;
  }

  /** The 显示更多结果 button says how many results are not shown yet. */
  #updateMore(): void {
    const shown = this.#shown;
    const left = shown ? shown.hits.length - shown.count : 0;
    const more = this.#part<HTMLButtonElement>('more');
    more.hidden = left <= 0;
    more.textContent = `显示更多结果（还有 ${left} 份）`;
  }

  async #run(query: string): Promise<void> {
    const mine = ++this.#generation;
    const q = query.trim();
    const status = this.#part('status');
    const progress = this.#part('progress');
    progress.hidden = true;
    this.#part('results').replaceChildren();
    this.#part('more').hidden = true;
    this.#shown = undefined;
    if (!q) {
      status.textContent = '请输入要搜索的词语。';
      return;
    }
    status.textContent = '正在搜索…';
    try {
      const engine = await this.#getEngine();
      const filters = this.#chosenFilters();
      // The newest part answers first; the older parts are merged after it and the search runs again over
      // every part, which gives the final result. Until then the page says that it is still looking.
      const partial = !engine.merged;
      let search = await engine.search(q, { filters });
      if (mine !== this.#generation) return;
      if (search.terms.length === 0) {
        status.textContent = '请输入要搜索的文字（标点符号不参与搜索）。';
        return;
      }
      const converted = () => (search.query !== q ? `（已按简体“${search.query}”搜索）` : '');
      this.#shown = { hits: search.hits, count: 0, mine };
      await this.#showMore();
      if (mine !== this.#generation) return;
      if (partial) {
        // The count so far, in the final sentence's words, so the line keeps its height when the final count
        // replaces it; the note after the results says what is still going on.
        status.textContent = `已找到 ${search.hits.length} 份与“${q}”相关的通报${converted()}…`;
        progress.hidden = false;
        await engine.complete().finally(() => (progress.hidden = true));
        const earlier = search.hits;
        search = await engine.search(q, { filters });
        if (mine !== this.#generation) return;
        const shown = this.#shown;
        // Results already shown stay where they are when the final list begins with them (newest first, it
        // does for every whole word); otherwise the list is drawn again from the final result.
        const kept = shown.count > 0 && earlier.slice(0, shown.count).every((hit, i) => search.hits[i]?.id === hit.id);
        this.#shown = { hits: search.hits, count: kept ? shown.count : 0, mine };
        if (!kept) this.#part('results').replaceChildren();
        // The first batch is filled up from the older parts when the newest had fewer results.
        if (this.#shown.count < FIRST_BATCH) await this.#showMore();
        else this.#updateMore();
        if (mine !== this.#generation) return;
      }
      status.textContent = search.hits.length
        ? `找到 ${search.hits.length} 份与“${q}”相关的通报${converted()}。`
        : `没有找到与“${q}”相关的通报${converted()}。请换一个词，或减少词语再试。`;
    } catch {
      if (mine === this.#generation) status.textContent = '搜索暂时无法使用，请刷新页面后重试，或浏览通报列表。';
    }
  }

  /** The filters drawn with the page (src/components/SearchPanel.astro): a change searches again. */
  #setupFilters(): void {
    for (const select of this.querySelectorAll<HTMLSelectElement>('[data-search-filters] select')) {
      select.addEventListener('change', () => void this.#run(this.#input.value));
      this.#selects.set(select.name, select);
    }
  }
}

customElements.define('gongshi-search', SearchPanel);
