/**
 * The date of the event an undated article reports, read the way a careful reader reads it: the day and
 * month from the lead's opening (`Sáng 30-6,`), the year from the same words (`Tối 8/4/2025,`) or from what
 * the text says about the period (`6 tháng đầu năm 2016`, `tổng kết năm 2023`), never after the crawl.
 *
 * Each period phrase says which years the event can fall in, given its month: `7 tháng đầu năm 2016` read
 * in August is 2016, `tổng kết năm 2023` in December is 2023 and in January 2024, `triển khai nhiệm vụ năm
 * 2024` in December is 2023. Some phrases are evidence (they name the year), others only bound it (`kế
 * hoạch … năm 2017` may be spoken of in 2016). The estimate is the one year every phrase allows, when at
 * least one names it; phrases that disagree, a phrase at odds with the month, a year after the crawl, or no
 * phrase at all give no estimate: a wrong date is worse than none. Pure.
 */
import { calendarDate } from './dates.ts';
import {
  AHEAD_PERIOD,
  ANNIVERSARY,
  ANY_YEAR,
  COMPARED_PERIOD,
  DATE_RANGE,
  FIRST_MONTHS,
  FULL_DATE,
  LAST_MONTHS,
  LEAD_DAY,
  PAST_EVENT,
  QUARTER,
  YEAR_EVENT,
  YEAR_PLAN,
  YEAR_REVIEW,
} from './grammar.ts';

export interface Estimate {
  /** `YYYY-MM-DD`. */
  date: string;
  /** The lead's words for the day, then each phrase the year was read from, joined by ` … `. */
  from: string;
}

export interface EstimateInput {
  /** The lead without its dateline: the day is read from its first sentence. */
  summary: string;
  /**
   * The lead (as printed) and the title: what they say about the year is about the event they report. The
   * lead first: `from` names the phrases a reader meets first.
   */
  head: readonly string[];
  /**
   * The other paragraphs and the captions: they also speak of other events (`Tại hội nghị tổng kết năm 2023,
   * đơn vị được tặng cờ`), so only phrases tied to the lead's month are read there (`9 tháng đầu năm 2021`,
   * an anniversary, a full date with the lead's day).
   */
  body: readonly string[];
  /** The page's clock: the event cannot be after it. */
  crawledAt: string | null;
}

/** The day the lead reports. */
export interface LeadDay {
  /** As printed, spaces collapsed: `Sáng 30-6`, `Trong các ngày 15 và 16-9`. */
  phrase: string;
  day: number;
  month: number;
  /** When the lead prints it (`Tối 8/4/2025`). */
  year: number | null;
}

/**
 * The sites went online in the 2000s: a lead dated earlier tells history (`Ngày 7/5/1954, Chiến dịch Điện
 * Biên Phủ toàn thắng`), not the event it reports.
 */
const EARLIEST_YEAR = 2000;
/** The lead's first sentence ends at a full stop before a capital this far in or more (`TP. Hồ Chí Minh` does not end it). */
const SENTENCE_MIN = 25;
/** A lead's opening clause is never longer: past it, a date is another day's. */
const OPENING_MAX = 300;
/** At most this many of the phrases that support the year are named in `from`; more would not help a reader. */
const FROM_MAX = 2;
/** How far back a phrase's clause is read for `so với`, `kết quả`, `chuẩn bị`. */
const CLAUSE_BEFORE = 80;
/** An anniversary's events come up to this many days before it and this many after. */
const ANNIVERSARY_BEFORE_DAYS = 75;
const ANNIVERSARY_AFTER_DAYS = 20;

const spaced = (text: string) => text.replace(/\s+/gu, ' ').trim();

function firstSentence(summary: string): string {
  const head = summary.slice(0, OPENING_MAX);
  const end = /[.!?](?=\s+["“]?\p{Lu})/gu;
  for (let m = end.exec(head); m; m = end.exec(head)) if (m.index >= SENTENCE_MIN) return head.slice(0, m.index);
  return head;
}

/** `Sáng 30-6, …` → day 30, month 6; null when the lead's first sentence names no day. */
export function readLeadDay(summary: string): LeadDay | null {
  const g = LEAD_DAY.exec(firstSentence(summary))?.groups;
  if (!g) return null;
  const day = Number(g.day ?? g.dayW);
  const month = Number(g.month ?? g.monthW);
  const year = g.year ?? g.yearW;
  if (calendarDate({ day: String(day), month: String(month), year: '2000' }) === null) return null;
  return { phrase: spaced(g.phrase!), day, month, year: year === undefined ? null : Number(year) };
}

/** What one phrase says about the event's year. */
interface PeriodPhrase {
  text: string;
  /** The years it allows; empty when it is at odds with the month. */
  years: number[];
  /** It names the year (rather than only bounding it). */
  evidence: boolean;
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
const HAS_YEAR = /\d{4}/u;
/** Day of the year, near enough to compare two days of one year (31-day months). */
const ordinal = (month: number, day: number) => month * 31 + day;

/**
 * Every period phrase of one text, each read once: a phrase found is blanked before the looser patterns run.
 * `head`: the text is the title or the lead, whose review, plan and event phrases are the event's.
 */
function periodPhrases(source: string, event: LeadDay, head: boolean): PeriodPhrase[] {
  // Every phrase names a year: most paragraphs name none, and are read no further.
  if (!HAS_YEAR.test(source)) return [];
  let text = source;
  const out: PeriodPhrase[] = [];
  const { month } = event;
  const scan = (
    pattern: RegExp,
    read: (g: Record<string, string | undefined>, before: string) => Omit<PeriodPhrase, 'text'> | null,
    where: 'anywhere' | 'head' = 'anywhere',
  ): void => {
    if (where === 'head' && !head) return;
    const found: Array<[number, number]> = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      found.push([m.index, m.index + m[0].length]);
      const before = text.slice(Math.max(0, m.index - CLAUSE_BEFORE), m.index);
      if (COMPARED_PERIOD.test(before)) continue;
      const said = read(m.groups ?? {}, before);
      if (said) out.push({ text: spaced(source.slice(m.index, m.index + m[0].length)), ...said });
    }
    // `;` stops every filler, so no looser pattern reads across a phrase already read.
    for (const [start, end] of found) text = text.slice(0, start) + ';'.repeat(end - start) + text.slice(end);
  };
  const at = (years: number[], evidence = true) => ({ years, evidence });
  const bound = (years: number[]) => at(years, false);

  // An anniversary is kept in its year: the event is in it when near the day, else in it or the year before.
  // Without its day it is the event's only in the title or lead: the body also recalls past anniversaries.
  const anniversary = (to: number, g: Record<string, string | undefined>) => {
    if (g.month === undefined) return head ? at([to]) : null;
    const offset = ordinal(month, event.day) - ordinal(Number(g.month), Number(g.day));
    return offset >= -ANNIVERSARY_BEFORE_DAYS && offset <= ANNIVERSARY_AFTER_DAYS ? at([to]) : bound([to - 1, to]);
  };
  scan(ANNIVERSARY, (g) => {
    const to = Number(g.to);
    if (to - Number(g.from) !== Number(g.years)) return null;
    return g.ahead ? bound([to - 1, to]) : anniversary(to, g);
  });
  scan(DATE_RANGE, (g) => {
    const to = Number(g.to);
    if (g.day0 !== g.day || g.month0 !== g.month || to <= Number(g.from)) return null;
    return anniversary(to, g);
  });
  scan(FIRST_MONTHS, (g) => {
    const n = Number(g.months);
    return at(n >= 1 && month >= n && month <= n + 2 ? [Number(g.year)] : []);
  });
  scan(LAST_MONTHS, (g) => {
    const n = Number(g.months);
    return at(n >= 1 && n <= 11 && month >= 12 - n ? [Number(g.year)] : []);
  });
  scan(QUARTER, (g) => {
    const q = ROMAN[g.quarter!.toUpperCase()] ?? Number(g.quarter);
    const year = Number(g.year);
    if (month >= 3 * q - 2 && month <= 3 * q + 1) return at([year]);
    return at(q === 4 && month === 1 ? [year + 1] : []);
  });
  scan(
    YEAR_REVIEW,
    (g) => {
      const year = Number(g.year);
      return at(month >= 10 ? [year] : month <= 3 ? [year + 1] : []);
    },
    'head',
  );
  scan(
    YEAR_PLAN,
    (g) => {
      const year = Number(g.year);
      if (!g.ahead) return bound([year - 1, year]);
      return month >= 10 ? at([year - 1]) : month <= 3 ? at([year]) : bound([year - 1, year]);
    },
    'head',
  );
  scan(
    YEAR_EVENT,
    (g, before) => {
      const year = Number(g.year);
      if (PAST_EVENT.test(before)) return null;
      if (AHEAD_PERIOD.test(before) || (g.early && month >= 10)) return bound([year - 1, year]);
      return at([year]);
    },
    'head',
  );
  scan(FULL_DATE, (g) =>
    Number(g.day) === event.day && Number(g.month) === month ? at([Number(g.year)]) : null,
  );
  return out;
}

/** The event's date when the article says it clearly enough; null otherwise. */
export function estimateDate({ summary, head, body, crawledAt }: EstimateInput): Estimate | null {
  const event = readLeadDay(summary);
  if (!event) return null;
  const crawlDay = crawledAt?.slice(0, 10) ?? null;
  const dateIn = (year: number): string | null => {
    if (year < EARLIEST_YEAR) return null;
    const date = calendarDate({ day: String(event.day), month: String(event.month), year: String(year) });
    // Both are Vietnamese calendar days: comparing the strings compares the days.
    return date !== null && (crawlDay === null || date <= crawlDay) ? date : null;
  };
  if (event.year !== null) {
    // `Ngày 19/10/1946, Quân khu 2 được thành lập. Trải qua …`: a lead that opens on history, not on the event.
    const later = [...head, ...body].some((text) => [...text.matchAll(ANY_YEAR)].some((m) => Number(m[0]) > event.year!));
    const date = later ? null : dateIn(event.year);
    return date === null ? null : { date, from: event.phrase };
  }

  const phrases = [...head.map((text) => periodPhrases(text, event, true)), ...body.map((text) => periodPhrases(text, event, false))].flat();
  const evidence = phrases.filter((p) => p.evidence);
  if (evidence.length === 0) return null;
  let years = new Set(phrases[0]!.years);
  for (const p of phrases) years = new Set(p.years.filter((y) => years.has(y)));
  const dates = [...years].map(dateIn).filter((d): d is string => d !== null);
  if (years.size !== 1 || dates.length !== 1) return null;
  const supporting = [...new Set(evidence.map((p) => p.text))].slice(0, FROM_MAX);
  return { date: dates[0]!, from: [event.phrase, ...supporting].join(' … ') };
}
