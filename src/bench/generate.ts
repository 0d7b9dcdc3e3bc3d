/**
 * A deterministic synthetic corpus for the benchmark: N raw dumps in the real dump format (crawl
 * header, title, `Ngày đăng:`, series, `QK2 – ` lead, captions, body, byline, boilerplate tail), each
 * 5–8 KB, naming 1–4 of a few hundred units, dated over ten years, some undated.
 *
 * Dump `i` depends only on (seed, i): a corpus of N+10 is the corpus of N plus ten dumps, which is
 * what the incremental benchmark adds. Files are written as they are made, so 100k dumps need no
 * more memory than a few dozen.
 *
 * Run alone: `npx tsx src/bench/generate.ts --count 1000 --output /tmp/corpus [--seed 7]`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as bank from './phrases.ts';

/** Bumped whenever the output changes, so the benchmark regenerates a cached corpus. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 2;

/** Dumps are 5–8 KB: the body grows until it reaches a target drawn from this byte range. */
const TARGET_BYTES = { min: 5200, max: 7400 } as const;
/** Publication dates: the ten years 2015–2024. Crawls happen up to mid-2025. */
const FIRST_DAY = Date.UTC(2015, 0, 1) / 86_400_000;
const LAST_DAY = Date.UTC(2024, 11, 31) / 86_400_000;
const LAST_CRAWL_DAY = Date.UTC(2025, 5, 30) / 86_400_000;

/** How often each variant occurs, as probabilities per dump. */
const ODDS = {
  crawlHeader: 0.8,
  /** A mirror site: no crawl header, no date, `Quân khu 2 – ` before the title. */
  mirror: 0.04,
  undated: 0.05,
  series: 0.08,
  dateline: 0.92,
  doubleSpaceAfterDateline: 0.03,
  singleNewlines: 0.3,
  repeatedCaptions: 0.03,
  truncated: 0.02,
} as const;

/** A small, fast, seedable PRNG (mulberry32): the generator never touches `Math.random`. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Draws without replacement, reshuffling when empty, so an article repeats no sentence it can avoid. */
class Deck<T> {
  private cards: T[] = [];

  constructor(
    private readonly rng: Random,
    private readonly items: readonly T[],
  ) {}

  draw(): T {
    if (this.cards.length === 0) this.cards = [...this.items];
    const i = Math.floor(this.rng.next() * this.cards.length);
    const card = this.cards[i] as T;
    this.cards[i] = this.cards[this.cards.length - 1] as T;
    this.cards.pop();
    return card;
  }
}

/** One seed per dump, so dump `i` is the same whatever the corpus size (murmur3's finalizer). */
export function dumpSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A unit the corpus can name, with the province it belongs to when it has one. */
export interface SyntheticUnit {
  name: string;
  province?: string;
}

/** The few hundred units the corpus draws from, in a fixed order. */
export const UNITS: readonly SyntheticUnit[] = (() => {
  const units: SyntheticUnit[] = [];
  for (const p of bank.PROVINCES) {
    units.push({ name: `Bộ CHQS tỉnh ${p.name}`, province: p.name });
    units.push({ name: `Ban CHQS thành phố ${p.capital}`, province: p.name });
    for (const d of p.districts) units.push({ name: `Ban CHQS huyện ${d}`, province: p.name });
  }
  for (const n of bank.DIVISIONS) units.push({ name: `Sư đoàn ${n}` });
  for (const n of bank.BRIGADES) units.push({ name: `Lữ đoàn ${n}` });
  for (const n of bank.REGIMENTS) units.push({ name: `Trung đoàn ${n}` });
  for (const n of bank.ECONOMIC_DEFENCE_GROUPS) units.push({ name: `Đoàn KT-QP ${n}` });
  bank.COMMUNES.forEach((c, i) => {
    const p = bank.PROVINCES[i % bank.PROVINCES.length];
    units.push({ name: `Đồn Biên phòng ${c}`, province: p?.name });
  });
  for (const name of bank.NAMED_UNITS) units.push({ name });
  return units;
})();

/** A generated dump and what it says, so tests can check the parser against the truth. */
export interface SyntheticDump {
  /** Relative path in the corpus: `YYYY/MM/qk2-000042.txt`, `khong-ro-ngay/00/qk2-000042.txt`. */
  path: string;
  text: string;
  title: string;
  date: string | null;
  crawledAt: string | null;
  series: string | null;
  byline: string | null;
  authors: string[];
  /** Every unit the text names, primary first. */
  units: string[];
  captions: string[];
  truncated: boolean;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A calendar day (days since 1970-01-01) as `YYYY-MM-DD`: day arithmetic, no time zone involved. */
function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** `Thứ sáu Ngày 19 Tháng 07 Năm 2024, 12:54:42` and its ISO form. */
function crawlHeader(rng: Random, day: number): { line: string; iso: string } {
  const date = isoDay(day);
  const [y, m, d] = date.split('-');
  const weekday = bank.WEEKDAYS[new Date(day * 86_400_000).getUTCDay()];
  const time = `${pad2(rng.int(0, 23))}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}`;
  return { line: `${weekday} Ngày ${d} Tháng ${m} Năm ${y}, ${time}`, iso: `${date}T${time}+07:00` };
}

function titleCase(upper: string): string {
  return upper
    .toLowerCase()
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** The byline forms the reference dumps show, and the names each one carries. */
function makeByline(rng: Random, primary: string): { byline: string | null; authors: string[] } {
  const reporter = rng.pick(bank.REPORTERS);
  const r = rng.next();
  if (r < 0.33) return { byline: `Bài, ảnh: ${reporter}`, authors: [reporter] };
  if (r < 0.66) return { byline: `Tin, ảnh: ${reporter}`, authors: [reporter] };
  if (r < 0.73) {
    let second = rng.pick(bank.REPORTERS);
    if (second === reporter) second = bank.REPORTERS[(bank.REPORTERS.indexOf(reporter) + 1) % bank.REPORTERS.length]!;
    return { byline: `Tin, ảnh: ${reporter}-${second}`, authors: [reporter, second] };
  }
  if (r < 0.82) {
    const name = `${rng.pick(bank.FAMILY_NAMES)} ${rng.pick(bank.MIDDLE_NAMES)} ${rng.pick(bank.GIVEN_NAMES)}`.toUpperCase();
    return { byline: `${rng.pick(bank.SENIOR_RANKS)} ${name}, ${rng.pick(bank.ROLES)} ${primary}`, authors: [name] };
  }
  if (r < 0.86) {
    const initials = rng.pick(bank.INITIALS);
    return { byline: initials, authors: [initials] };
  }
  if (r < 0.92) {
    const name = titleCase(reporter.split(' ').slice(-2).join(' '));
    return { byline: name, authors: [name] };
  }
  return { byline: null, authors: [] };
}

/** Draws 1–4 distinct units, weighted towards one or two. */
function pickUnits(rng: Random, max: number): SyntheticUnit[] {
  const r = rng.next();
  const count = Math.min(max, r < 0.4 ? 1 : r < 0.7 ? 2 : r < 0.9 ? 3 : 4);
  const units: SyntheticUnit[] = [];
  while (units.length < count) {
    const u = rng.pick(UNITS);
    if (!units.includes(u)) units.push(u);
  }
  return units;
}

/** Fills `{slot}`s; each slot draws afresh, except the article's own people and units. */
function filler(rng: Random, units: readonly SyntheticUnit[], year: number, provinceName: string) {
  const province = bank.PROVINCES.find((p) => p.name === provinceName) ?? bank.PROVINCES[0]!;
  const person = () =>
    `${rng.pick(bank.RANKS)} ${rng.pick(bank.FAMILY_NAMES)} ${rng.pick(bank.MIDDLE_NAMES)} ${rng.pick(bank.GIVEN_NAMES)}, ${rng.pick(bank.ROLES)} ${units[0]!.name}`;
  let nextSecondary = 0;
  const secondary = () => {
    if (units.length === 1) return units[0]!.name;
    const u = units[1 + (nextSecondary % (units.length - 1))]!;
    nextSecondary++;
    return u.name;
  };
  const day = rng.int(1, 25);
  const month = rng.int(1, 12);
  const slots: Record<string, () => string> = {
    unit: () => units[0]!.name,
    unit2: secondary,
    commune: () => rng.pick(bank.COMMUNES),
    place: () => `xã ${rng.pick(bank.COMMUNES)}, huyện ${rng.pick(province.districts)}, tỉnh ${province.name}`,
    province: () => province.name,
    person,
    name: () => `${rng.pick(bank.RANKS)} ${rng.pick(bank.FAMILY_NAMES)} ${rng.pick(bank.MIDDLE_NAMES)} ${rng.pick(bank.GIVEN_NAMES)}`,
    role: () => rng.pick(bank.ROLES).toLowerCase(),
    n: () => String(rng.int(2, 48)),
    pct: () => String(rng.int(60, 99)),
    year: () => String(year),
    topic: () => rng.pick(bank.TOPICS),
    day: () => String(day),
    day2: () => String(day + rng.int(1, 3)),
    month: () => String(month),
  };
  return (template: string) =>
    template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      const fill = slots[slot];
      if (!fill) throw new Error(`phrase bank: unknown slot {${slot}} in ${JSON.stringify(template)}`);
      return fill();
    });
}

/** Sentences that name a second unit: every secondary unit gets one, so the text names them all. */
const SECONDARY_SENTENCES = bank.SENTENCES.filter((s) => s.includes('{unit2}'));

/** Days before the corpus's last publication day that a `recent` dump may be dated. */
const RECENT_DAYS = 30;

/** Days after the corpus's last publication day that a `newest` dump may be dated. */
const NEWEST_DAYS = 14;

/**
 * Dump `index` of the corpus with this seed: a pure function of (seed, index, recent, newest). `recent`
 * dates it in the corpus's last month, like the new articles an archivist adds; `newest` in the two
 * weeks after its last day, after every other, and always printed (`Ngày đăng`).
 */
export function generateDump(seed: number, index: number, { recent = false, newest = false } = {}): SyntheticDump {
  const rng = new Random(dumpSeed(seed, index));
  const mirror = rng.chance(ODDS.mirror);
  // A mirror's title prefix names Quân khu 2, which then counts among the article's 1–4 units.
  const drawn = pickUnits(rng, mirror ? 3 : 4);
  const units = mirror && !drawn.some((u) => u.name === 'Quân khu 2') ? [...drawn, { name: 'Quân khu 2' }] : drawn;
  const primary = units[0]!;
  const day = newest ? rng.int(LAST_DAY + 1, LAST_DAY + NEWEST_DAYS) : rng.int(recent ? LAST_DAY - RECENT_DAYS : FIRST_DAY, LAST_DAY);
  const date = isoDay(day);
  const year = Number(date.slice(0, 4));
  const province = primary.province ?? rng.pick(bank.PROVINCES).name;
  const fill = filler(rng, units, year, province);

  // A `newest` dump is the benchmark's "ten new dumps dated newest": dated, whatever else it is (the
  // draw is still made, so every other dump stays as it was).
  const dated = (!mirror && !rng.chance(ODDS.undated)) || newest;
  const header = !mirror && rng.chance(ODDS.crawlHeader) ? crawlHeader(rng, Math.min(day + rng.int(0, 1500), Math.max(LAST_CRAWL_DAY, day))) : null;
  const series = rng.chance(ODDS.series) ? rng.pick(bank.SERIES) : null;
  const title = fill(rng.pick(bank.TITLES));
  const { byline, authors } = makeByline(rng, primary.name);
  const captions = Array.from({ length: rng.int(1, 3) }, () => fill(rng.pick(bank.CAPTIONS)));
  const sep = rng.chance(ODDS.singleNewlines) ? '\n' : '\n\n';
  const repeatCaptions = rng.chance(ODDS.repeatedCaptions);
  const truncated = rng.chance(ODDS.truncated);

  const lines: string[] = [];
  if (header) lines.push(header.line, '');
  lines.push(mirror ? `Quân khu 2 – ${title}` : title, '');
  if (dated) lines.push(`Ngày đăng: ${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`, '');
  if (series) lines.push(series, '');
  const dateline = mirror || rng.chance(ODDS.dateline) ? (rng.chance(ODDS.doubleSpaceAfterDateline) ? 'QK2 –  ' : 'QK2 – ') : '';
  lines.push(dateline + fill(rng.pick(bank.LEADS)), '');
  let text = `${lines.join('\n')}\n`;

  // The body grows sentence by sentence until the dump reaches its target size, so sizes spread
  // evenly over the range; then the captions go in: the first after the lead, the others between
  // paragraphs, never after the last one (a line before the byline would read as a byline).
  const target = rng.int(TARGET_BYTES.min, TARGET_BYTES.max);
  const captionBlocks = captions.map((c) => `${c}\n${repeatCaptions ? `\n${c}\n` : ''}\n${rng.chance(0.2) ? '\n' : ''}`);
  let bytes = Buffer.byteLength(text) + captionBlocks.reduce((n, b) => n + Buffer.byteLength(b), 0);
  const deck = new Deck(rng, bank.SENTENCES);
  const paragraphs: string[] = [];
  while (bytes < target) {
    const sentences: string[] = [];
    if (paragraphs.length + 1 < units.length) sentences.push(fill(rng.pick(SECONDARY_SENTENCES)));
    const length = rng.int(3, 6);
    let paragraphBytes = 0;
    while (sentences.length < length && bytes + paragraphBytes < target) {
      const sentence = fill(deck.draw());
      sentences.push(sentence);
      paragraphBytes += Buffer.byteLength(sentence) + 1;
    }
    const block = sentences.join(' ') + sep;
    paragraphs.push(block);
    bytes += Buffer.byteLength(block);
  }
  // Last caption first: when two share a slot, the earlier one still ends up in front.
  for (let i = captionBlocks.length - 1; i >= 0; i--) {
    const slot = i === 0 ? 0 : Math.min(2 * i - rng.int(0, 1), paragraphs.length - 1);
    paragraphs[slot] = captionBlocks[i] + paragraphs[slot]!;
  }
  text += paragraphs.join('');

  if (truncated) {
    // Cut mid-word, as a crawler capturing the first part of a page does: no byline, no tail.
    const cut = text.trimEnd();
    text = cut.slice(0, cut.length - rng.int(20, 60)).trimEnd().slice(0, -2);
  } else {
    text = `${text.trimEnd()}\n${byline ? `${byline}\n${rng.chance(0.3) ? ' \n' : ''}` : ''}${rng.pick(bank.TAILS).slice(byline ? 1 : 0)}`;
  }
  const name = `qk2-${String(index).padStart(6, '0')}.txt`;
  return {
    path: dated ? `${date.slice(0, 4)}/${date.slice(5, 7)}/${name}` : `khong-ro-ngay/${pad2(Math.floor(index / 10_000) % 100)}/${name}`,
    // The phrase bank is NFC (a test holds it to that), so the dump is too without normalizing 100k texts.
    text,
    title,
    date: dated ? date : null,
    crawledAt: header?.iso ?? null,
    series,
    byline: truncated ? null : byline,
    authors: truncated ? [] : authors,
    units: units.map((u) => u.name),
    // A cut can fall inside the last caption: only whole caption lines remain captions.
    // Repeated captions (alt text and visible caption) are two captions, as the page shows them.
    captions: (truncated ? captions.filter((c) => text.split('\n').includes(c)) : captions).flatMap((c) => (repeatCaptions ? [c, c] : [c])),
    truncated,
  };
}

export interface CorpusStats {
  files: number;
  bytes: number;
  seconds: number;
}

/**
 * Writes dumps `start … start+count-1` under `dir`, a bounded number of writes in flight, so memory
 * stays flat whatever the count. Returns when every file is on disk.
 */
export async function writeCorpus(
  dir: string,
  count: number,
  options: { seed?: number; start?: number; recent?: boolean; newest?: boolean; onProgress?: (done: number) => void } = {},
): Promise<CorpusStats> {
  const { seed = DEFAULT_SEED, start = 0, recent = false, newest = false, onProgress } = options;
  const began = performance.now();
  // One mkdir per folder, shared by every worker that needs it before it has finished.
  const folders = new Map<string, Promise<unknown>>();
  let next = start;
  let done = 0;
  let bytes = 0;
  const end = start + count;
  const worker = async () => {
    while (next < end) {
      const dump = generateDump(seed, next++, { recent, newest });
      const file = path.join(dir, dump.path);
      const folder = path.dirname(file);
      if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
      await folders.get(folder);
      const data = Buffer.from(dump.text);
      await writeFile(file, data);
      bytes += data.length;
      if (++done % 5000 === 0) onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return { files: done, bytes, seconds: (performance.now() - began) / 1000 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      output: { type: 'string' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      start: { type: 'string', default: '0' },
    },
  });
  if (!values.output) throw new Error('usage: generate.ts --count N --output DIR [--seed S] [--start I]');
  const stats = await writeCorpus(values.output, Number(values.count), {
    seed: Number(values.seed),
    start: Number(values.start),
  });
  console.log(`${stats.files} dumps, ${(stats.bytes / 1e6).toFixed(1)} MB in ${stats.seconds.toFixed(1)} s → ${values.output}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
