/** The one error a dump that cannot be published is rejected with. */

/**
 * Why a dump was rejected; stable codes that ingest reports and tests match on.
 * - `empty`: nothing but whitespace.
 * - `not-a-dump`: an HTML page, a JSON file or binary data saved as a dump.
 * - `listing`: a category page (several titles, dates and leads ending in `[…]`), not an article.
 * - `no-text`: a header, a title, a date perhaps, but no article text at all.
 */
export type DumpParseReason = 'empty' | 'not-a-dump' | 'listing' | 'no-text';

/** The stable phrase each message starts with, so a reader (and a grep) knows the reason at a glance. */
const PHRASE: Record<DumpParseReason, string> = {
  empty: 'empty dump',
  'not-a-dump': 'not a dump',
  listing: 'listing page, not an article',
  'no-text': 'no article text',
};

/** Longest quoted input in a message: a binary or one-line file must not flood the report. */
const QUOTE_MAX = 80;

export class DumpParseError extends Error {
  /**
   * @param file the dump's path as given to `parseDump`
   * @param line 1-based line the reason was found on
   * @param input that line, as printed
   * @param detail what kind of non-dump it is (`HTML page`, `JSON file`, …), when the reason needs one
   */
  constructor(
    readonly reason: DumpParseReason,
    readonly file: string,
    readonly line: number,
    readonly input: string,
    readonly detail?: string,
  ) {
    const quoted = input.length > QUOTE_MAX ? `${input.slice(0, QUOTE_MAX)}…` : input;
    const phrase = detail ? `${PHRASE[reason]} (${detail})` : PHRASE[reason];
    super(`${phrase}: ${file}:${line}: ${JSON.stringify(quoted)}`);
    this.name = 'DumpParseError';
  }
}
