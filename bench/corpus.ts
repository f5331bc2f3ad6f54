// Generates a benchmark corpus: a content folder (site.yaml + notices/*.md) of N notices of about 8,000
// characters each, in the structure of the bundled sample, which is included as it is. The text is the
// sample's own sentences recombined with templates that name organisations, people, places, dates,
// amounts and phone numbers (bench/vocabulary.ts). Deterministic: same options, same files.
//
//   import { writeCorpus } from './bench/corpus';
//   writeCorpus('/tmp/corpus', { notices: 1000 });  // then GONGSHI_CONTENT=/tmp/corpus npm run build
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { Random, Zipf } from './random';
import { ROOT, readSeedText, type SeedText } from './seed-text';
import {
  AMOUNTS,
  CONTACTS,
  DOCUMENTS,
  GROUP_TITLES,
  HOTLINES,
  MEASURE_LEADS,
  ORGANISATIONS,
  PEOPLE,
  PLACES,
  POINT_LEADS,
  POSITIONS,
  PROBLEM_TITLES,
  PROJECTS,
  SUBSIDIARY_KINDS,
  TEMPLATES,
  type Organisation,
} from './vocabulary';

export interface CorpusOptions {
  /** Notices in the corpus, the bundled sample included (at least 1). */
  notices: number;
  /** PRNG seed; the default gives the corpus the benchmarks report on. */
  seed?: number;
  /** Mean body length in characters (each notice varies ±10 %). */
  chars?: number;
}

export interface CorpusNotice {
  /** File name under notices/, e.g. 2023-05-12-n0042.md. */
  name: string;
  text: string;
}

export interface CorpusSummary {
  dir: string;
  notices: number;
  /** Characters of all notice files together. */
  chars: number;
}

export const DEFAULT_SEED = 20230920;
const DEFAULT_CHARS = 8000;
const CN = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 23 → 二十三 (1–99). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CN[tens]}十${n % 10 ? CN[n % 10] : ''}`;
}

/** All notices of a corpus, the sample first. Pure: nothing is written. */
export function generateNotices(options: CorpusOptions): CorpusNotice[] {
  const seedText = readSeedText();
  const random = new Random(options.seed ?? DEFAULT_SEED);
  const generator = new NoticeGenerator(seedText, random, options.chars ?? DEFAULT_CHARS);
  const notices: CorpusNotice[] = [{ name: seedText.sample.name, text: seedText.sample.text }];
  for (let i = 1; i < options.notices; i++) notices.push(generator.notice(i));
  return notices;
}

/** Writes `<dir>/site.yaml` (the project's own) and `<dir>/notices/*.md`, replacing what was there. */
export function writeCorpus(dir: string, options: CorpusOptions): CorpusSummary {
  const root = resolve(dir);
  rmSync(join(root, 'notices'), { recursive: true, force: true });
  mkdirSync(join(root, 'notices'), { recursive: true });
  copyFileSync(join(ROOT, 'content/site.yaml'), join(root, 'site.yaml'));
  let chars = 0;
  const notices = generateNotices(options);
  for (const notice of notices) {
    writeFileSync(join(root, 'notices', notice.name), notice.text);
    chars += notice.text.length;
  }
  return { dir: root, notices: notices.length, chars };
}

interface Inspected {
  name: string;
  short: string;
}

/**
 * What one notice's sentences refer to. Each notice has its own small cast (a few people, places, other
 * organisations, amounts and templates), drawn by Zipf weights, so a name or a topic occurs in some
 * notices and not in others, as in real notices.
 */
interface NoticeContext {
  org: Organisation;
  phone: string;
  inspected: Inspected[];
  /** Years the notice's events fall in: up to its own year. */
  lastYear: number;
  people: string[];
  places: string[];
  orgs: string[];
  amounts: string[];
  hotline: string;
  templates: string[];
  /** Measure leads: the sample's and three of the vocabulary's. */
  leads: string[];
}

class NoticeGenerator {
  private readonly people = new Zipf(PEOPLE, 1);
  private readonly places = new Zipf(PLACES, 1);
  private readonly orgs = new Zipf(
    ORGANISATIONS.map((o) => o.name),
    0.8,
  );
  private readonly amounts = new Zipf(AMOUNTS, 1);
  private readonly hotlines = new Zipf(HOTLINES, 1);
  private readonly titleDates = new Set<string>();

  constructor(
    private readonly seed: SeedText,
    private readonly random: Random,
    private readonly chars: number,
  ) {
    const sample = seed.sample.text;
    this.titleDates.add(`${sample.match(/^title: (.+)$/m)?.[1]}|${sample.match(/^date: (.+)$/m)?.[1]}`);
  }

  notice(index: number): CorpusNotice {
    const r = this.random;
    const orgIndex = r.int(0, ORGANISATIONS.length - 1);
    const org = ORGANISATIONS[orgIndex];
    const contact = CONTACTS[orgIndex];
    const issuer = `中共${org.name}委员会`;
    const inspected = r.sample(SUBSIDIARY_KINDS, r.chance(0.3) ? 1 : 2).map((kind) => ({
      name: `武汉${org.stem}${kind}有限公司`,
      short: `${org.stem}${kind}公司`,
    }));
    const groups = r.sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], r.chance(0.6) ? 1 : 2).map((n) => `市委第${chineseNumber(n)}巡察组`);

    // Signed 4–11 months after the inspection's feedback, which came 2–3 months after it started.
    const start = new Date(Date.UTC(r.int(2020, 2023), r.int(0, 11), 1));
    const end = addMonths(start, 2);
    const feedback = addMonths(start, r.int(3, 4));
    const titleStyle = r.int(0, 2);
    const title = [
      `${issuer}关于巡察集中整改进展情况的通报`,
      `${issuer}关于${feedback.getUTCFullYear()}年巡察整改进展情况的通报`,
      `${issuer}关于${groups[0]}巡察反馈意见整改进展情况的通报`,
    ][titleStyle];
    let date = new Date(addMonths(feedback, r.int(4, 11)).getTime() + r.int(0, 27) * 86_400_000);
    while (this.titleDates.has(`${title}|${iso(date)}`)) date = new Date(date.getTime() + 86_400_000);
    this.titleDates.add(`${title}|${iso(date)}`);

    const ctx: NoticeContext = {
      org,
      phone: contact.phone,
      inspected,
      lastYear: date.getUTCFullYear(),
      people: this.cast(this.people, r.int(3, 6)),
      places: this.cast(this.places, r.int(2, 3)),
      orgs: this.cast(this.orgs, r.int(2, 3)),
      amounts: this.cast(this.amounts, 2),
      hotline: this.hotlines.draw(r),
      templates: r.sample(TEMPLATES, r.int(3, 6)),
      leads: [...this.seed.measureLeads, ...r.sample(MEASURE_LEADS, 3)],
    };
    const period =
      start.getUTCFullYear() === end.getUTCFullYear()
        ? `${ym(start)}上旬至${end.getUTCMonth() + 1}月中旬`
        : `${ym(start)}上旬至${ym(end)}中旬`;
    const frontmatter = {
      title,
      issuer,
      date: iso(date),
      ...(r.chance(0.5) ? { indexNumber: `011043-${date.getUTCFullYear()}-${String(index).padStart(5, '0')}` } : {}),
      inspected,
      inspection: { groups, period, feedback: ym(feedback) },
      contact: { ...contact },
    };

    const called = inspected.map((s) => `${s.name}（以下简称“${s.short}”）`).join('、');
    const opening = `根据市委巡察工作统一部署，${period}，${groups.join('、')}对${called}开展了政治巡察，并于${ym(feedback)}反馈了巡察意见。按照巡察工作有关要求，现将巡察集中整改进展情况予以公布。`;
    const target = this.chars * (0.9 + r.next() * 0.2);

    const blocks: string[] = [opening, '## 一、巡察整改组织领导情况', this.adapt(this.seed.sectionIntros.first, ctx)];
    const leads = r.sample([...this.seed.pointLeads, ...POINT_LEADS], 6);
    leads.slice(0, 3).forEach((lead, i) => blocks.push(`**（${chineseNumber(i + 1)}）${lead}**${this.fill(ctx, r.int(3, 5))}`));
    const closing = [
      '## 三、下一步工作打算',
      this.adapt(this.seed.sectionIntros.last, ctx),
      ...leads.slice(3, 3 + r.int(2, 3)).map((lead, i) => `**（${chineseNumber(i + 1)}）${lead}**${this.fill(ctx, r.int(2, 4))}`),
      '欢迎广大干部群众对巡察集中整改落实情况进行监督。如有意见建议，请及时向我们反映。',
      `联系电话：${contact.phone}`,
      `邮件地址：${contact.address}，邮政编码：${contact.postcode}`,
      `电子邮箱：${contact.email}`,
      issuer,
      `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`,
    ];
    blocks.push('## 二、整改进展情况及成效');

    const length = () => [...blocks, ...closing].reduce((n, b) => n + b.length, 0);
    const groupTitles = r.sample([...this.seed.groupTitles, ...GROUP_TITLES], 6);
    const problemTitles = r.sample([...this.seed.problemTitles, ...PROBLEM_TITLES], 40);
    let group = 0;
    let problem = 0;
    let inGroup = 0;
    let perGroup = 0;
    while (length() < target && problem < problemTitles.length) {
      if (inGroup === perGroup && group < groupTitles.length) {
        group++;
        inGroup = 0;
        perGroup = r.int(2, 5);
        blocks.push(`### （${chineseNumber(group)}）关于“${groupTitles[group - 1]}”的问题。`);
      }
      inGroup++;
      blocks.push(`#### ${inGroup}、关于“${this.adapt(problemTitles[problem++], ctx)}”的问题${r.chance(0.6) ? '。' : ''}`);
      blocks.push(`**整改情况：**${this.rectification(ctx)}`);
    }
    blocks.push(...closing);

    const name = `${iso(date)}-n${String(index).padStart(4, '0')}.md`;
    return { name, text: `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${blocks.join('\n\n')}\n` };
  }

  /** 一是……。二是……。 with 2–4 measures, sometimes after an introductory sentence. */
  private rectification(ctx: NoticeContext): string {
    const r = this.random;
    const leads = r.sample(ctx.leads, r.int(2, 4));
    const intro = r.chance(0.3) ? this.fill(ctx, 1) : '';
    return intro + leads.map((lead, i) => `${chineseNumber(i + 1)}是${lead}${this.fill(ctx, r.int(1, 3))}`).join('');
  }

  /** `count` sentences: the sample's own or the templates', about half each. */
  private fill(ctx: NoticeContext, count: number): string {
    let text = '';
    for (let i = 0; i < count; i++) {
      text += this.random.chance(0.5) ? this.adapt(this.random.pick(this.seed.sentences), ctx) : this.template(ctx);
    }
    return text;
  }

  /** A sample sentence about this notice's organisations instead of the sample's. */
  private adapt(text: string, ctx: NoticeContext): string {
    const [first, second = first] = ctx.inspected;
    return text
      .replaceAll('{short}', this.random.pick(ctx.inspected).short)
      .replaceAll('产投集团', first.short)
      .replaceAll('商贸集团', second.short)
      .replaceAll('武投控集团', ctx.org.short);
  }

  /** `count` distinct items drawn by Zipf weights. */
  private cast(zipf: Zipf<string>, count: number): string[] {
    const items = new Set<string>();
    while (items.size < Math.min(count, zipf.items.length)) items.add(zipf.draw(this.random));
    return [...items];
  }

  private template(ctx: NoticeContext): string {
    const r = this.random;
    const [person, person2] = r.sample(ctx.people, 2);
    const year = r.chance(0.8) ? ctx.lastYear - r.int(0, 1) : ctx.lastYear - r.int(2, 3);
    const date = r.chance(0.7) ? `${year}年${r.int(1, 12)}月` : `${year}年${r.int(1, 12)}月${r.int(1, 28)}日`;
    const amount = () => {
      if (r.chance(0.3)) return r.pick(ctx.amounts);
      // A made-up amount never contains a listed one (11.5亿元 would match a search for 1.5亿元).
      let made: string;
      do made = r.chance(0.5) ? `${r.int(5, 99) / 10}亿元` : `${r.int(12, 9800)}万元`;
      while (AMOUNTS.some((listed) => made !== listed && made.includes(listed)));
      return made;
    };
    const slots: Record<string, () => string> = {
      short: () => r.pick([...ctx.inspected.map((s) => s.short), ctx.org.short]),
      org: () => r.pick(ctx.orgs),
      person: () => person,
      person2: () => person2,
      position: () => r.pick(POSITIONS),
      place: () => r.pick(ctx.places),
      date: () => date,
      year: () => String(year),
      amount,
      amount2: amount,
      phone: () => (r.chance(0.5) ? ctx.phone : ctx.hotline),
      doc: () => r.pick(DOCUMENTS),
      project: () => r.pick(PROJECTS),
      count: () => String(r.int(2, 36)),
    };
    return r.pick(ctx.templates).replace(/\{(\w+)\}/g, (_, slot: string) => slots[slot]());
  }
}

function addMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const ym = (date: Date) => `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月`;
