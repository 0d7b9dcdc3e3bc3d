/**
 * The one definition of an article, shared by ingest (which writes it as front matter) and by the
 * site (which reads it back). Keys are pinned by the foundation issue: later work relies on them.
 */

/** A block of the article body, in the order the dump printed it. */
export type Block =
  | { kind: 'paragraph'; text: string }
  // A photo caption: the photo itself is lost in the dump, the caption is all that remains.
  | { kind: 'caption'; text: string };

/** What the parser extracts from one dump: everything but the URL, which depends on the archive. */
export interface Article {
  title: string;
  /** True when the dump had no title and `title` was derived from the lead's first sentence. */
  titleDerived: boolean;
  /** Publication date `YYYY-MM-DD` (a calendar date in Vietnam), or null when not printed or not real. */
  date: string | null;
  /**
   * For an undated article only: the date of the event the lead reports, `YYYY-MM-DD`, read from the
   * lead's dateline and what the text says about the period. Never a publication date; null when unclear.
   */
  estimatedDate: string | null;
  /**
   * The words of the dump `estimatedDate` was read from, as printed (spaces collapsed): the lead's words for
   * the day, then at most two phrases that gave the year, joined by ` … ` — `Sáng 30-6 … 6 tháng cuối năm
   * 2022`, `Ngày 20/12 … tổng kết công tác năm 2022 … triển khai nhiệm vụ năm 2023`; the lead's words alone
   * when they print the year (`Tối 8/4/2025`). Null exactly when `estimatedDate` is.
   */
  estimatedFrom: string | null;
  /** Crawl time, ISO 8601 with `+07:00`: the page's clock, never the publication date. */
  crawledAt: string | null;
  /** `Bài 1: …` as printed. */
  series: string | null;
  /** `QK2`, `QK7 Online`, … as printed before the dash of the lead. */
  dateline: string | null;
  /** The lead paragraph without its dateline. */
  summary: string;
  /** The byline line exactly as printed. */
  byline: string | null;
  /** Names in the byline, as printed. */
  authors: string[];
  /** Canonical unit names; the article's primary unit first. */
  units: string[];
  /** Photo-caption lines, as printed, in order (repeats kept). */
  captions: string[];
  /** The body: lead, paragraphs and captions in order. Boilerplate is never here. */
  body: Block[];
  /** The dump was cut off (mid-sentence, no byline). */
  truncated: boolean;
  /** The dump's file path relative to the input folder. */
  source: string;
}

/** The front matter of a generated Markdown file: an `Article` minus its body, plus its place in the archive. */
export interface FrontMatter {
  title: string;
  titleDerived?: true;
  date?: string;
  /** Never set together with `date`. */
  estimatedDate?: string;
  estimatedFrom?: string;
  crawledAt?: string;
  series?: string;
  dateline?: string;
  summary: string;
  byline?: string;
  authors: string[];
  units: string[];
  captions: string[];
  source: string;
  /** Every dump merged into this article (duplicates), `source` first. */
  sources?: string[];
  slug: string;
  truncated?: true;
  /** Parser warnings, kept so the site's statistics and the build report can count them. */
  warnings?: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CRAWLED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Thrown when a generated Markdown file does not match `FrontMatter`. */
export class FrontMatterError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    value: unknown,
  ) {
    super(`invalid front matter in ${file}: ${key}=${JSON.stringify(value)}`);
    this.name = 'FrontMatterError';
  }
}

/** Checks untyped front matter (from gray-matter) against `FrontMatter`; used by the site's data loader. */
export function validateFrontMatter(data: Record<string, unknown>, file: string): FrontMatter {
  const fail = (key: string): never => {
    throw new FrontMatterError(file, key, data[key]);
  };
  const str = (key: string, re?: RegExp): string | undefined => {
    const v = data[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || (re && !re.test(v))) fail(key);
    return v as string;
  };
  const list = (key: string): string[] => {
    const v = data[key] ?? [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) fail(key);
    return v as string[];
  };
  const flag = (key: string): true | undefined => {
    const v = data[key];
    if (v === undefined || v === false) return undefined;
    if (v !== true) fail(key);
    return true;
  };
  const title = str('title') ?? fail('title');
  const slug = str('slug', SLUG) ?? fail('slug');
  const source = str('source') ?? fail('source');
  const fm: FrontMatter = {
    title,
    summary: str('summary') ?? '',
    authors: list('authors'),
    units: list('units'),
    captions: list('captions'),
    source,
    slug,
  };
  const optional = {
    titleDerived: flag('titleDerived'),
    date: str('date', DATE),
    estimatedDate: str('estimatedDate', DATE),
    estimatedFrom: str('estimatedFrom'),
    crawledAt: str('crawledAt', CRAWLED_AT),
    series: str('series'),
    dateline: str('dateline'),
    byline: str('byline'),
    sources: data.sources === undefined ? undefined : list('sources'),
    truncated: flag('truncated'),
    warnings: data.warnings === undefined ? undefined : list('warnings'),
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) Object.assign(fm, { [k]: v });
  if (fm.date && fm.estimatedDate) fail('estimatedDate');
  return fm;
}
