// 语音阅读: reads the page aloud with the browser's own speech synthesis (Web Speech API; nothing is sent to a
// server by gongshi). 连读 reads from the start or from the part in view, sentence by sentence, highlighting the
// sentence being read and keeping it in view; 指读 reads what the pointer rests on or the keyboard focuses.
// Loaded by the reading controls the first time the reader opens 语音阅读.
import { SPEECH_RATES, type SpeechRate } from '../prefs';

/** The blocks read in turn: the innermost of these in the page's main text. */
const BLOCKS = 'h1, h2, h3, h4, p, li, dt, dd, th, td, caption, figcaption, address';
/** Parts of the page that are not its text: contents, provenance, pager, links to problems. */
const SKIPPED = '.toc, .provenance, .pager, .problem-link, [aria-hidden="true"], noscript, [hidden]';
/** What 指读 reads: a block, or a control under the pointer or focus. */
const POINTED = `a, button, summary, label, select, input, ${BLOCKS}`;
const HIGHLIGHT = 'gongshi-reading';
const NO_VOICE = '本浏览器没有中文语音，无法朗读。请在系统设置中安装中文语音后重试，或改用读屏软件。';

interface Sentence {
  text: string;
  range: Range;
  block: Element;
}

interface Settings {
  rate(): SpeechRate;
  setRate(rate: SpeechRate): void;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The page's language as speech synthesis names it: zh-TW when the page is shown in Traditional characters. */
const speechLang = () => (document.documentElement.lang === 'zh-Hant' ? 'zh-TW' : 'zh-CN');

/** The voice for `lang`: that exact language, else any Chinese voice of the same script family. */
function pickVoice(voices: SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
  const norm = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase();
  const wanted = lang.toLowerCase();
  const family = wanted === 'zh-tw' ? ['zh-tw', 'zh-hk', 'zh-hant'] : ['zh-cn', 'zh-hans', 'zh-sg'];
  return (
    voices.find((v) => norm(v) === wanted) ??
    voices.find((v) => family.some((f) => norm(v).startsWith(f))) ??
    voices.find((v) => /^(zh|cmn|yue)\b/.test(norm(v)))
  );
}

/** The voices, waiting briefly for browsers that load them after the page. */
function voices(): Promise<SpeechSynthesisVoice[]> {
  const now = speechSynthesis.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => resolve(speechSynthesis.getVoices());
    speechSynthesis.addEventListener('voiceschanged', done, { once: true });
    setTimeout(done, 1500);
  });
}

/** The readable blocks of the page's main text, in reading order. */
function readableBlocks(): Element[] {
  const root = document.querySelector('main article') ?? document.querySelector('main');
  if (!root) return [];
  return [...root.querySelectorAll(BLOCKS)].filter(
    (el) => !el.closest(SKIPPED) && !el.querySelector(BLOCKS) && el.getClientRects().length > 0 && collapse(el.textContent ?? ''),
  );
}

/** A block's sentences, each with the range of the page it covers (for the highlight). */
function sentences(block: Element): Sentence[] {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIPPED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const out: Sentence[] = [];
  let range: Range | undefined;
  let text = '';
  const finish = () => {
    if (range && collapse(text)) out.push({ text: collapse(text), range, block });
    range = undefined;
    text = '';
  };
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const value = node.data;
    const ends = /[。！？；!?]+[”’」』）)]*/gu;
    let from = 0;
    for (let m = ends.exec(value); m; m = ends.exec(value)) {
      const to = m.index + m[0].length;
      if (!range) (range = document.createRange()).setStart(node, from);
      range.setEnd(node, to);
      text += value.slice(from, to);
      finish();
      from = to;
    }
    if (from < value.length) {
      if (!range) (range = document.createRange()).setStart(node, from);
      range.setEnd(node, value.length);
      text += value.slice(from);
    }
  }
  finish();
  return out;
}

type Highlights = { set(name: string, h: unknown): void; delete(name: string): void };
const highlights = (): Highlights | undefined => (globalThis.CSS as unknown as { highlights?: Highlights }).highlights;

/** Marks the sentence being read and scrolls it into view when it is not. */
function highlight(sentence: Sentence | undefined): void {
  for (const el of document.querySelectorAll('[data-reading-now]')) el.removeAttribute('data-reading-now');
  const registry = highlights();
  const HighlightClass = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (!sentence) {
    registry?.delete(HIGHLIGHT);
    return;
  }
  if (registry && HighlightClass) registry.set(HIGHLIGHT, new HighlightClass(sentence.range));
  else sentence.block.setAttribute('data-reading-now', '');
  const box = sentence.range.getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight) {
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    scrollBy({ top: box.top - innerHeight / 3, behavior: reduce ? 'auto' : 'smooth' });
  }
}

export class ReadAloud {
  #section: HTMLElement;
  #settings: Settings;
  #voices: Promise<SpeechSynthesisVoice[]> | undefined;
  #pointing = false;
  #pointTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts readings, so that events of a cancelled reading change nothing. */
  #reading = 0;
  /** The reading under way and the sentence it is at, to go on from there at a new speed. */
  #current: { list: Sentence[]; at: number; what: string } | undefined;

  constructor(section: HTMLElement, settings: Settings) {
    this.#section = section;
    this.#settings = settings;
    this.#showRate();
    if (!('speechSynthesis' in window)) {
      this.#say('本浏览器不支持语音朗读。可以改用系统自带的读屏软件，或换用其他浏览器。');
      for (const b of section.querySelectorAll('button')) b.disabled = true;
    }
    // Leaving the page stops the voice rather than leaving it reading a page no longer shown.
    addEventListener('pagehide', () => speechSynthesis.cancel());
  }

  #button(name: string): HTMLButtonElement {
    return this.#section.querySelector<HTMLButtonElement>(`[data-speech="${name}"]`)!;
  }

  #say(text: string): void {
    this.#section.querySelector('[data-speech-status]')!.textContent = text;
  }

  #showRate(): void {
    const rate = this.#settings.rate();
    this.#section.querySelector('[data-rate-value]')!.textContent = rate.toFixed(2).replace(/\.?0+$/, '');
    this.#button('slower').disabled = rate === SPEECH_RATES[0];
    this.#button('faster').disabled = rate === SPEECH_RATES[SPEECH_RATES.length - 1];
  }

  #playing(on: boolean): void {
    this.#button('pause').disabled = !on;
    this.#button('stop').disabled = !on;
    this.#button('pause').textContent = '暂停';
  }

  /**
   * The Chinese voice for the page's script, or `null` when the browser lists no voices at all (some load them
   * only when speaking starts: the reading then goes ahead and a watchdog says so if nothing is spoken).
   * Undefined, after saying so, when the browser's voices include no Chinese one.
   */
  async #chineseVoice(): Promise<SpeechSynthesisVoice | null | undefined> {
    const all = await (this.#voices ??= voices());
    // Voices may yet arrive (a browser still loading them): look again next time.
    if (all.length === 0) this.#voices = undefined;
    const voice = pickVoice(all, speechLang());
    if (voice) return voice;
    if (all.length === 0) return null;
    this.#say(NO_VOICE);
    return undefined;
  }

  /** Reads `list` in order: all are queued at once; each one's start moves the highlight to it. */
  async #read(list: Sentence[], what: string): Promise<void> {
    const reading = ++this.#reading;
    speechSynthesis.cancel();
    highlight(undefined);
    const voice = await this.#chineseVoice();
    if (voice === undefined || reading !== this.#reading) return;
    if (list.length === 0) {
      this.#say('这里没有可以朗读的文字。');
      return;
    }
    this.#playing(true);
    this.#say(`正在朗读${what}`);
    this.#current = { list, at: 0, what };
    let started = false;
    // Nothing spoken after a while, with no voice to name: the browser cannot speak Chinese here.
    const watchdog = setTimeout(() => {
      if (!started && reading === this.#reading) this.#stop(NO_VOICE);
    }, 6000);
    list.forEach((sentence, i) => {
      const utterance = new SpeechSynthesisUtterance(sentence.text);
      utterance.lang = speechLang();
      if (voice) utterance.voice = voice;
      utterance.rate = this.#settings.rate();
      utterance.addEventListener('start', () => {
        if (reading !== this.#reading) return;
        started = true;
        clearTimeout(watchdog);
        this.#current = { list, at: i, what };
        highlight(sentence);
      });
      utterance.addEventListener('end', () => {
        if (reading !== this.#reading || i < list.length - 1) return;
        highlight(undefined);
        this.#current = undefined;
        this.#playing(false);
        this.#say('朗读完毕。');
      });
      utterance.addEventListener('error', (event) => {
        if (reading !== this.#reading || event.error === 'interrupted' || event.error === 'canceled') return;
        clearTimeout(watchdog);
        // Failing before anything was spoken, with no voice named, is the browser having no voice to speak with.
        const noVoice = /unavailable/.test(event.error) || (!started && voice === null);
        this.#stop(noVoice ? NO_VOICE : `朗读出错（${event.error}），已停止。`);
      });
      speechSynthesis.speak(utterance);
    });
  }

  #stop(message: string): void {
    this.#reading++;
    this.#current = undefined;
    speechSynthesis.cancel();
    highlight(undefined);
    this.#playing(false);
    this.#say(message);
  }

  #onPoint = (event: Event): void => {
    const target = event.target instanceof Element ? event.target.closest(POINTED) : null;
    if (!target || target.closest('.reading-controls') || target.closest(SKIPPED)) return;
    clearTimeout(this.#pointTimer);
    // Reads what the pointer rests on, not everything it passes over.
    this.#pointTimer = setTimeout(
      () => {
        const label = target.getAttribute('aria-label');
        const list = label || !target.matches(BLOCKS) ? [] : sentences(target);
        if (list.length) void this.#read(list, '');
        else {
          const text = collapse(label ?? (target instanceof HTMLElement ? target.innerText : '') ?? '');
          const range = document.createRange();
          range.selectNodeContents(target);
          if (text) void this.#read([{ text, range, block: target }], '');
        }
      },
      event.type === 'focusin' ? 0 : 400,
    );
  };

  run(action: string): void {
    const rate = this.#settings.rate();
    if (action === 'all') {
      void this.#read(readableBlocks().flatMap(sentences), '全文');
    } else if (action === 'here') {
      const blocks = readableBlocks();
      const start = blocks.findIndex((b) => b.getBoundingClientRect().bottom > 0);
      void this.#read(blocks.slice(Math.max(0, start)).flatMap(sentences), '，从当前位置开始');
    } else if (action === 'pause') {
      if (speechSynthesis.paused) {
        speechSynthesis.resume();
        this.#button('pause').textContent = '暂停';
        this.#say('继续朗读');
      } else {
        speechSynthesis.pause();
        this.#button('pause').textContent = '继续';
        this.#say('已暂停');
      }
    } else if (action === 'stop') {
      this.#stop('已停止朗读');
    } else if (action === 'point') {
      this.#pointing = !this.#pointing;
      this.#button('point').setAttribute('aria-pressed', String(this.#pointing));
      const method = this.#pointing ? 'addEventListener' : 'removeEventListener';
      document[method]('pointerover', this.#onPoint);
      document[method]('focusin', this.#onPoint);
      this.#say(this.#pointing ? '已开启指读：指向或用键盘移到哪里，就读哪里' : '已关闭指读');
      if (this.#pointing) void this.#chineseVoice();
    } else if (action === 'slower' || action === 'faster') {
      const i = SPEECH_RATES.indexOf(rate) + (action === 'faster' ? 1 : -1);
      const next = SPEECH_RATES[Math.max(0, Math.min(SPEECH_RATES.length - 1, i))];
      this.#settings.setRate(next);
      this.#showRate();
      // Queued sentences keep the speed they were queued with: queue the rest again from the one being read.
      const current = this.#current;
      if (current && !speechSynthesis.paused) void this.#read(current.list.slice(current.at), current.what);
      this.#say(`语速 ${next} 倍`);
    }
  }
}
