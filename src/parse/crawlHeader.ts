/**
 * The page header above an article: the site's clock (the crawl time), and the noise some sites wrap
 * it in — a hotline, a search overlay's buttons, a breadcrumb, tokens left by icons.
 */
import { BREADCRUMB, CRAWL_HEADER, GARBAGE_TOKEN, HOTLINE, OVERLAY_WORD, SHORT_HEADER } from './grammar.ts';
import { localDateTime } from './dates.ts';
import { dumpLines, type DumpLine } from './lines.ts';

export interface Prelude {
  /** ISO 8601 with `+07:00`, or null when the header is absent, has no time, or is not a real date. */
  crawledAt: string | null;
  /** How many lines the header and its noise take: the title (or the lead) comes next. */
  length: number;
  warnings: string[];
}

/** The header never runs longer than this; a "noise" line further down is article text. */
const PRELUDE_MAX = 12;

/** A breadcrumb's last crumb is the title, printed again on the next line. */
function isBreadcrumb(line: DumpLine, next: DumpLine | undefined): boolean {
  if (BREADCRUMB.test(line.text)) return true;
  return !!next && next.text.length >= 12 && line.text.length > next.text.length && line.text.endsWith(next.text);
}

/** Reads the header and noise at the top of a dump. */
export function readPrelude(lines: readonly DumpLine[]): Prelude {
  let crawledAt: string | null = null;
  const warnings: string[] = [];
  // The long clock is unmistakable: whatever the site printed above it (a banner, a menu) is noise too.
  const clockAt = lines.slice(0, PRELUDE_MAX).findIndex((l) => CRAWL_HEADER.test(l.text));
  let i = Math.max(0, clockAt);
  for (; i < Math.min(lines.length, PRELUDE_MAX); i++) {
    const { text } = lines[i]!;
    const full = CRAWL_HEADER.exec(text) ?? SHORT_HEADER.exec(text);
    if (full?.groups) {
      const g = full.groups;
      // The short form often has no time: then there is no crawl time to give, only a day.
      if (g.hour && g.minute && crawledAt === null) {
        const date = { day: g.day!, month: g.month!, year: g.year! };
        crawledAt = localDateTime(date, { hour: g.hour, minute: g.minute, second: g.second });
        if (!crawledAt) warnings.push(`invalid crawl time: ${JSON.stringify(text)}`);
      }
      continue;
    }
    if (HOTLINE.test(text) || OVERLAY_WORD.test(text) || GARBAGE_TOKEN.test(text)) continue;
    if (isBreadcrumb(lines[i]!, lines[i + 1])) continue;
    break;
  }
  return { crawledAt, length: i, warnings };
}

/** The crawl time of any page, an article or not: the evaluation scores it on listing pages too. */
export function readCrawlTime(text: string): string | null {
  return readPrelude(dumpLines(text)).crawledAt;
}
