/**
 * Category listing pages: several articles' titles, each followed by a date and a lead snippet cut
 * with ` […]`. They are pages of the site, not articles, and are never published.
 */
import { DumpParseError } from './error.ts';
import { BARE_DATE, LISTING_SNIPPET } from './grammar.ts';
import type { DumpLine } from './lines.ts';

/** One cut snippet can be an article quoting a teaser; two make a list. */
const LISTING_MIN_ITEMS = 2;

/** Throws `DumpParseError` (`listing`) when the lines after the header are a listing's items. */
export function rejectListing(lines: readonly DumpLine[], from: number, source: string): void {
  const body = lines.slice(from);
  const snippets = body.filter((l) => LISTING_SNIPPET.test(l.text));
  // Item dates under titles: `Title` / `05/09/2019` / `Lead […]`.
  const itemDates = body.filter((l, i) => i > 0 && BARE_DATE.test(l.text) && !BARE_DATE.test(body[i - 1]!.text));
  if (snippets.length < LISTING_MIN_ITEMS && itemDates.length < LISTING_MIN_ITEMS) return;
  // Point at the first line that shows it: a reader checking the message finds the list starting there.
  const evidence = [...snippets, ...itemDates].sort((a, b) => a.number - b.number)[0]!;
  throw new DumpParseError('listing', source, evidence.number, evidence.text);
}
