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
  let i = from;
  for (; i < lines.length && i < from + HEAD_MAX; i++) {
    const line = lines[i]!;
    const { text } = line;
    if (!head.published && PUBLISHED.test(text)) head.published = line;
    else if (!head.series && SERIES.test(text)) head.series = text;
    // A repeated clock or an item date under the title is page furniture, not text.
    else if (CRAWL_HEADER.test(text) || SHORT_HEADER.test(text) || BARE_DATE.test(text) || HEAD_FURNITURE.test(text)) continue;
    else if (!head.byline && readByline(text, 'head')) head.byline = readByline(text, 'head');
    // A page that prints its title twice (the document's title, then the heading).
    else if (head.title && text === head.title.text) continue;
    else if (!head.title && i === firstTextLine(lines, from) && isTitle(text)) head.title = line;
    else break;
  }
  head.end = i;
  return head;
}

/** The title can only be the first line that is not a date, series or byline. */
function firstTextLine(lines: readonly DumpLine[], from: number): number {
  let i = from;
  while (
    i < lines.length &&
    (PUBLISHED.test(lines[i]!.text) ||
      SERIES.test(lines[i]!.text) ||
      BARE_DATE.test(lines[i]!.text) ||
      HEAD_FURNITURE.test(lines[i]!.text) ||
      readByline(lines[i]!.text, 'head'))
  ) {
    i++;
  }
  return i;
}
