/**
 * The head of an article, between the page header and the lead: the title, `Ngày đăng:`, a series
 * line, sometimes a byline, in whatever order the site prints them.
 */
import { readByline, type Byline } from './byline.ts';
import {
  BARE_DASH_LEAD,
  BARE_DATE,
  CRAWL_HEADER,
  DATELINE,
  HEAD_FURNITURE,
  IMAGE_REMNANT,
  LIST_ITEM,
  PUBLISHED,
  PUBLISHED_IN_WORDS,
  SERIES,
  SHORT_HEADER,
  TAIL_MARKER,
} from './grammar.ts';
import type { DumpLine } from './lines.ts';

export interface Head {
  title: DumpLine | null;
  /** The `Ngày đăng:` line, parsed later (its date may not be real). */
  published: DumpLine | null;
  series: string | null;
  byline: Byline | null;
  /** Index of the first line after the head. */
  end: number;
}

/** Longest title; a longer first line is a lead without a title above it. */
export const TITLE_MAX = 200;
/** The head is a handful of lines; past this, a `Bài 2:` line is the body's. */
const HEAD_MAX = 8;

/** A title: one line of words that is no lead (dateline, dash), no sentence (final period), no list. */
export function isTitle(text: string): boolean {
  return (
    text.length <= TITLE_MAX &&
    // A capture that starts mid-sentence starts in lower case: that is text, not a title.
    /^["“‘«(\[]?[\p{Lu}\d]/u.test(text) &&
    !DATELINE.test(text) &&
    !BARE_DASH_LEAD.test(text) &&
    !LIST_ITEM.test(text) &&
    !IMAGE_REMNANT.test(text) &&
    !TAIL_MARKER.test(text) &&
    // `…` and `...` end titles (`Giặc đến nhà đàn bà cũng đánh…`); a single period ends a sentence.
    !/(?:^|[^.])\.$|[,;:]$/u.test(text) &&
    !/[.!?]["”]?\s+[\p{Lu}]/u.test(text)
  );
}

/** Reads the head starting at `from` (the first line after the page header). */
export function readHead(lines: readonly DumpLine[], from: number): Head {
  const head: Head = { title: null, published: null, series: null, byline: null, end: from };
  // The title can only be the first line that is not a date, series or byline.
  let titleAt = firstTextLine(lines, from);
  let i = from;
  for (; i < lines.length && i < from + HEAD_MAX; i++) {
    const line = lines[i]!;
    const { text } = line;
    if (!head.published && (PUBLISHED.test(text) || PUBLISHED_IN_WORDS.test(text))) {
      head.published = line;
    } else if (!head.series && SERIES.test(text)) {
      head.series = text;
    } else if (isFurniture(text) || text === head.title?.text) {
      // A repeated clock, an item date, a view count; or the title printed twice (document title, heading).
    } else if (!head.byline && readByline(text, 'head')) {
      head.byline = readByline(text, 'head');
    } else if (!head.title && i === titleAt && isTitle(text)) {
      // `Tin tức - Sự kiện` above the title: a short section name followed by a longer title.
      const next = lines[i + 1]?.text;
      if (next && isSectionName(text, next)) titleAt = firstTextLine(lines, i + 1);
      else head.title = line;
    } else {
      break;
    }
  }
  head.end = i;
  return head;
}

/** A section's name has a few words; what follows it is the real, longer title. */
const SECTION_NAME_MAX_WORDS = 5;

function isSectionName(text: string, next: string): boolean {
  return (
    text.split(/\s+/u).length <= SECTION_NAME_MAX_WORDS &&
    next.length > text.length &&
    isTitle(next) &&
    !PUBLISHED.test(next) &&
    !PUBLISHED_IN_WORDS.test(next) &&
    !SERIES.test(next) &&
    !isFurniture(next) &&
    !readByline(next, 'head')
  );
}

/** Lines of the head that carry nothing the article keeps. */
function isFurniture(text: string): boolean {
  return CRAWL_HEADER.test(text) || SHORT_HEADER.test(text) || BARE_DATE.test(text) || HEAD_FURNITURE.test(text);
}

/** The first line from `from` that is not a date, series, byline or furniture. */
function firstTextLine(lines: readonly DumpLine[], from: number): number {
  let i = from;
  while (i < lines.length) {
    const { text } = lines[i]!;
    const meta =
      PUBLISHED.test(text) || PUBLISHED_IN_WORDS.test(text) || SERIES.test(text) || isFurniture(text) || readByline(text, 'head');
    if (!meta) break;
    i++;
  }
  return i;
}
