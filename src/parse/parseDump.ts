/**
 * A dump, top to bottom: the page header (crawl time, site noise), the head (title, `Ngày đăng:`, a
 * series line), the lead with its dateline, paragraphs and photo captions, the byline, and the site's
 * boilerplate. Pure: text in, `Article` out, or a `DumpParseError` for a file that cannot be published.
 */
import type { Article, Block } from '../schema.ts';
import { normalizeText } from '../text.ts';
import { captionEvidence, SUSPICIOUS_LENGTH, type BodyLine, type CaptionEvidence } from './captions.ts';
import { readPrelude } from './crawlHeader.ts';
import { calendarDate } from './dates.ts';
import { DumpParseError } from './error.ts';
import { estimateDate } from './estimate.ts';
import {
  BARE_DASH_LEAD,
  DATELINE,
  IMAGE_REMNANT,
  IMAGE_TAIL,
  INLINE_IMAGE,
  INLINE_LINK,
  isGarbageToken,
  PIPE_LINE,
  PIPED,
  PUBLISHED,
  PUBLISHED_IN_WORDS,
} from './grammar.ts';
import { readHead, type Head } from './head.ts';
import { deriveTitle, readLead, withoutGluedJunk } from './lead.ts';
import { dumpLines, type DumpLine } from './lines.ts';
import { rejectListing } from './listing.ts';
import { rejectNonDump } from './notADump.ts';
import { readEnd } from './tail.ts';

export interface ParsedDump {
  /** The article, `units` still empty: `recognizeUnits` fills them (see `src/pipeline.ts`). */
  article: Article;
  /** Human-readable notes about this dump: a derived title, no date, a truncated capture, … */
  warnings: string[];
}

/** How much of a line a warning quotes. */
const QUOTE_MAX = 60;
const quote = (text: string) => JSON.stringify(text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX)}…` : text);

/**
 * @param text the dump, decoded (normalized to NFC here again: cheap, and the parser relies on it)
 * @param source the dump's path, for the article and for error messages
 * @throws DumpParseError when the dump is empty, not a dump, a listing page, or has no article text
 */
export function parseDump(text: string, source: string): ParsedDump {
  const normalized = normalizeText(text);
  rejectNonDump(normalized, source);
  const lines = dumpLines(normalized);
  const warnings: string[] = [];

  const prelude = readPrelude(lines);
  warnings.push(...prelude.warnings);
  rejectListing(lines, prelude.length, source);
  const head = readHead(lines, prelude.length);
  const end = readEnd(lines.slice(head.end));
  const body = markImages(end.body);
  if (body.lines.length === 0) {
    const last = lines.at(-1)!;
    throw new DumpParseError('no-text', source, last.number, last.text);
  }

  const evidence = body.lines.map((_, i) => captionEvidence(body.lines, i, body.markupMode));
  // The line a capture cut off is a paragraph's start, never a caption.
  if (!end.reachesEnd) evidence[evidence.length - 1] = null;
  const leadAt = findLead(body.lines, evidence);
  evidence[leadAt] = null;
  const lead = readLead(body.lines[leadAt]!.text);

  const blocks: Block[] = body.lines.map((line, i): Block => {
    if (i === leadAt) return { kind: 'paragraph', text: lead.printed };
    return evidence[i] ? { kind: 'caption', text: line.text } : { kind: 'paragraph', text: line.text };
  });
  const captions = blocks.filter((b) => b.kind === 'caption').map((b) => b.text);
  for (const [i, e] of evidence.entries()) {
    if (e === 'shape' && body.lines[i]!.text.length > SUSPICIOUS_LENGTH) {
      warnings.push(`suspicious caption: ${quote(body.lines[i]!.text)}`);
    }
  }

  const title = head.title?.text ?? deriveTitle(lead.summary);
  if (!head.title) warnings.push('title derived from the lead');
  const date = publicationDate(head, prelude.crawledAt, warnings);
  const truncated = !end.reachesEnd;
  if (truncated) warnings.push(`truncated: the dump ends mid-sentence: ${quote(body.lines.at(-1)!.text.slice(-40))}`);

  // Only an undated article gets an estimate: it is the event's day, never a stand-in for a printed date.
  const estimate =
    date === null
      ? estimateDate({
          summary: lead.summary,
          head: [lead.printed, ...(head.title ? [head.title.text] : [])],
          body: blocks.filter((_, i) => i !== leadAt).map((b) => b.text),
          crawledAt: prelude.crawledAt,
        })
      : null;

  const article: Article = {
    title,
    titleDerived: !head.title,
    date,
    estimatedDate: estimate?.date ?? null,
    estimatedFrom: estimate?.from ?? null,
    crawledAt: prelude.crawledAt,
    series: head.series,
    dateline: lead.dateline,
    summary: lead.summary,
    byline: end.byline?.printed ?? head.byline?.printed ?? null,
    authors: end.byline?.authors ?? head.byline?.authors ?? [],
    units: [],
    captions,
    body: blocks,
    truncated,
    source,
  };
  return { article, warnings };
}

/**
 * The lead is the first line that is not a caption. A caption-shaped first line counts as a caption
 * only when it has no dateline and a longer paragraph follows: leads open on their dateline or their
 * time (`Sáng 7/4, …`), a photo's caption on who is in it.
 */
function findLead(lines: readonly BodyLine[], evidence: ReadonlyArray<CaptionEvidence | null>): number {
  const first = evidence.findIndex((e) => e !== 'markup' && e !== 'words');
  if (first < 0) return 0;
  const text = lines[first]!.text;
  if (evidence[first] !== 'shape' || DATELINE.test(text) || BARE_DASH_LEAD.test(text)) return first;
  const next = evidence.findIndex((e, i) => i > first && e === null);
  return next > first && lines[next]!.text.length > text.length ? next : first;
}

/** `Ngày đăng: 20/03/2023` → `2023-03-20`; a date that does not exist is dropped with a warning. */
function publicationDate(head: Head, crawledAt: string | null, warnings: string[]): string | null {
  const printed = head.published?.text ?? '';
  const parts = (PUBLISHED.exec(printed) ?? PUBLISHED_IN_WORDS.exec(printed))?.groups;
  if (!head.published || !parts) {
    warnings.push('no publication date');
    return null;
  }
  const date = calendarDate({ day: parts.day!, month: parts.month!, year: parts.year! });
  if (!date) {
    warnings.push(`invalid publication date: ${quote(head.published.text)}`);
    return null;
  }
  // Both are Vietnamese calendar days, so comparing the strings compares the days.
  if (crawledAt && date > crawledAt.slice(0, 10)) {
    warnings.push(`publication date ${date} is after the crawl time ${crawledAt}`);
  }
  return date;
}

/**
 * Drops image remnants and table pipes, marking the line they stand beside. A dump that keeps real
 * image markup (`![](…)`, `.jpg)`, pipes) is in markup mode: its captions are exactly those lines.
 */
function markImages(lines: readonly DumpLine[]): { lines: BodyLine[]; markupMode: boolean } {
  const out: BodyLine[] = [];
  let markupMode = false;
  let besideImage = false;
  for (const line of lines) {
    const text = line.text.replace(INLINE_IMAGE, '').replace(INLINE_LINK, '$<words>').trim();
    if (!text || IMAGE_REMNANT.test(line.text) || IMAGE_TAIL.test(text) || PIPE_LINE.test(text)) {
      markupMode = true;
      besideImage = true;
      continue;
    }
    // A token an image left is weaker evidence: it marks its neighbour, not the whole dump.
    if (isGarbageToken(text)) {
      besideImage = true;
      continue;
    }
    // Checking the ends first spares the pattern's backtracking on every long paragraph.
    const piped = text.startsWith('|') || text.endsWith('|') ? PIPED.exec(text)?.groups : undefined;
    if (piped) {
      markupMode = true;
      out.push({ ...line, text: (piped.left ?? piped.right)!, besideImage: true });
      besideImage = false;
      continue;
    }
    const unglued = withoutGluedJunk(text);
    // Junk glued to the lead's dateline belongs to the lead, which `readLead` cleans itself.
    const glued = unglued !== text && out.length > 0;
    out.push({ ...line, text: glued ? unglued : text, besideImage: besideImage || glued });
    besideImage = false;
  }
  return { lines: out, markupMode };
}
