/**
 * Category listing pages: several articles' titles, each followed by a date and a lead snippet cut
 * with ` […]`. They are pages of the site, not articles, and are never published.
 */
import { DumpParseError } from './error.ts';
import { BARE_DATE, LISTING_SNIPPET, TAIL_MARKER } from './grammar.ts';
import type { DumpLine } from './lines.ts';

/** Two cut snippets make a list; one alone can be a teaser inside an article. */
const LISTING_MIN_SNIPPETS = 2;
/** Without cut snippets, item dates make a list only when there are more than an article's date lines. */
const LISTING_MIN_DATES = 3;

/**
 * Throws `DumpParseError` (`listing`) when the lines after the header are a listing's items: two cut
 * snippets, three item dates, or one snippet under an item date (a capture cut after the first item).
 * Related-article teasers below an article's end (`Tin liên quan`, …) are not looked at.
 */
export function rejectListing(lines: readonly DumpLine[], from: number, source: string): void {
  const tailAt = lines.findIndex((l, i) => i > from && TAIL_MARKER.test(l.text));
  const body = lines.slice(from, tailAt < 0 ? undefined : tailAt);
  const snippets = body.filter((l) => LISTING_SNIPPET.test(l.text));
  // Item dates under titles: `Title` / `05/09/2019` / `Lead […]`.
  const itemDates = body.filter((l, i) => i > 0 && BARE_DATE.test(l.text) && !BARE_DATE.test(body[i - 1]!.text));
  const datedSnippet = body.some((l, i) => LISTING_SNIPPET.test(l.text) && i > 0 && BARE_DATE.test(body[i - 1]!.text));
  if (snippets.length < LISTING_MIN_SNIPPETS && itemDates.length < LISTING_MIN_DATES && !datedSnippet) return;
  // Point at the first line that shows it: a reader checking the message finds the list starting there.
  const evidence = [...snippets, ...itemDates].sort((a, b) => a.number - b.number)[0]!;
  throw new DumpParseError('listing', source, evidence.number, evidence.text);
}
