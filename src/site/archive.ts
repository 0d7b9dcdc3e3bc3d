/**
 * The site's data: every generated Markdown file read once, and everything the templates need computed
 * in one pass over the articles sorted newest first. Templates only iterate precomputed lists: one
 * paginated template per page kind, never a template or a collection lookup per article (Eleventy 3.1's
 * template map is O(n²) in templates, `getPreviousCollectionItem` O(n) a call).
 *
 * Every step here is O(n log n) or better, so that 100,000 articles build.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import matter from 'gray-matter';
import { validateFrontMatter, type FrontMatter } from '../schema.ts';
import { collator } from '../text.ts';
import { authorInitial, authorSlugs, canonicalAuthor } from './authors.ts';
import { renderBody } from './markdown.ts';
import { readingMinutes } from './readingTime.ts';
import { ui } from './strings.ts';
import type { UnitDirectory } from './unitDirectory.ts';

/** A generated `.md` file: validated front matter and its Markdown body. */
export interface ContentFile {
  file: string;
  /** Of the file's bytes: what the article's own page shows changes with it. */
  hash: string;
  frontMatter: FrontMatter;
  /** A getter that reads the file, for content loaded from the compact index (`src/ingest/archiveIndex.ts`). */
  readonly body: string;
  /** Known without the body when loaded from the compact index. */
  readingMinutes?: number;
}

export interface UnitLink {
  name: string;
  url: string;
}

/** What a listing shows of an article; shared by every list the article appears in. */
export interface ArticleCard {
  title: string;
  url: string;
  date?: string;
  /** An undated article's estimated event date: listed by it, always shown as an estimate. */
  estimatedDate?: string;
  series?: string;
  summary: string;
  primaryUnit?: UnitLink;
}

/** One article page: the front matter (what Pagefind's fields read) plus its place in the archive. */
export interface ArchiveArticle extends FrontMatter {
  url: string;
  /** `ContentFile.hash` of the article's Markdown. */
  contentHash: string;
  /** The body, rendered when a page first reads it: an incremental build renders few of the pages. */
  readonly html: string;
  readingMinutes: number;
  unitLinks: UnitLink[];
  /** The article's authors by canonical name (`authors.ts`), each linking to the author's page. */
  authorLinks: UnitLink[];
  /**
   * The printed byline cut at the names it prints, each name linking to its author's page; absent when
   * a name cannot be found in it as printed (the page then lists `authorLinks` beside the byline).
   */
  bylineParts?: BylinePart[];
  /**
   * The Atom entry's `updated`: the publication date; for an estimated date, the crawl time (when this
   * copy of the text was taken: the one instant the archive knows), else the estimate itself.
   */
  atomUpdated?: string;
  card: ArticleCard;
  /**
   * By publication date, or the estimated date of an undated article: `older` before, `newer` after.
   * Articles with neither have neither.
   */
  older?: ArticleCard;
  newer?: ArticleCard;
  related: ArticleCard[];
}

/** A link of a list's page navigation: the front page, a numbered page, or a gap (`…`) between numbers. */
export type PageLink =
  | { kind: 'front'; url: string; current?: true }
  | { kind: 'number'; number: number; url: string; current?: true }
  | { kind: 'gap' };

/**
 * One page of a paginated list (`paginate`): the front page (the list's own URL, no `number`) or a
 * numbered page `trang/N/`, counted from the oldest end, which shows the same articles forever.
 * Nothing here depends on how many pages follow a numbered page, so its HTML never changes when newer
 * articles arrive (but for the three newest numbered pages' links when a page is added).
 */
export interface ListingPage<T> {
  url: string;
  /** The page's number counted from the oldest end; absent on the front page. */
  number?: number;
  items: T[];
  /** Newest first: the front page, then numbers; empty when the list has one page. */
  links: PageLink[];
  /** The newer page (`rel="prev"`: the list is read from the front page on). */
  previousUrl?: string;
  /** The older page. */
  nextUrl?: string;
}

/** A piece of a byline: printed text, and the author page it links to when it is a name. */
export interface BylinePart {
  text: string;
  url?: string;
}

export interface UnitArticle {
  article: ArticleCard;
  /** The article is mainly about this unit (it is the article's first, primary unit). */
  primary: boolean;
}

export interface ArchiveUnit {
  name: string;
  slug: string;
  url: string;
  feedUrl: string;
  kind: string;
  kindLabel: string;
  parent?: UnitLink;
  children: UnitLink[];
  count: number;
  primaryCount: number;
  firstDate?: string;
  lastDate?: string;
  /** Newest first, undated last (related articles are found in it). */
  articles: UnitArticle[];
  /**
   * Its undated articles, listed on the unit's front page: kept out of its numbered pages, which only
   * dated articles fill from the oldest end, since an undated one arriving would shift every page.
   */
  undatedArticles: UnitArticle[];
  /** The newest dated or estimated articles, full, for the unit's Atom feed. */
  feed: ArchiveArticle[];
  /** The feed's `updated`: the newest of its entries'. */
  feedUpdated: string;
}

export interface ArchiveAuthor {
  /** Canonical (`authors.ts`). */
  name: string;
  slug: string;
  url: string;
  feedUrl: string;
  /** Every spelling the bylines print for this author, in collation order. */
  printed: string[];
  count: number;
  /** Publication dates only: an estimate is shown marked, in the list. */
  firstDate?: string;
  lastDate?: string;
  /** Newest first, undated last. */
  articles: ArticleCard[];
  /** Its undated articles, listed on its front page, out of the numbered pages (as a unit's). */
  undatedArticles: ArticleCard[];
  /** The newest dated or estimated articles, full, for the author's Atom feed. */
  feed: ArchiveArticle[];
  /** The feed's `updated`: the newest of its entries'. */
  feedUpdated: string;
}

/** `/tac-gia/` lists authors under their initial letter. */
export interface AuthorGroup {
  letter: string;
  authors: ArchiveAuthor[];
}

export interface AuthorPage extends ListingPage<ArticleCard> {
  author: ArchiveAuthor;
}

export interface UnitKindGroup {
  kind: string;
  label: string;
  units: ArchiveUnit[];
}

export interface UnitPage extends ListingPage<UnitArticle> {
  unit: ArchiveUnit;
}

export interface MonthEntry {
  year: string;
  /** 1–12 */
  month: number;
  url: string;
  label: string;
  count: number;
}

export interface YearEntry {
  year: string;
  url: string;
  label: string;
  count: number;
  months: MonthEntry[];
}

export interface MonthPage extends ListingPage<ArticleCard> {
  month: MonthEntry;
  yearUrl: string;
}

export interface SitemapEntry {
  url: string;
  lastmod?: string;
}

/** `/sitemap.xml` is one urlset, or an index of parts when the site has more than 50,000 URLs. */
export type SitemapFile =
  | { url: string; kind: 'urlset'; entries: SitemapEntry[] }
  | { url: string; kind: 'index'; parts: string[] };

export interface NamedCount {
  name: string;
  url?: string;
  count: number;
}

export interface ArchiveStatistics {
  articles: number;
  /** With a publication date. */
  dated: number;
  /** Without one, placed by an estimated date. */
  estimated: number;
  /** With neither: `/khong-ro-ngay/`. */
  undated: number;
  truncated: number;
  /** Dumps merged into another article as duplicates. */
  merged: number;
  units: number;
  authors: number;
  perMonth: Array<{ month: string; count: number }>;
  topUnits: NamedCount[];
  topAuthors: NamedCount[];
}

/**
 * What the paginated templates render: every page, or in an incremental build only the pages whose
 * data changed (`incremental.ts`); the others are kept from the previous build.
 */
export interface PageLists {
  articles: ArchiveArticle[];
  homePages: Array<ListingPage<ArticleCard>>;
  undatedPages: Array<ListingPage<ArticleCard>>;
  unitPages: UnitPage[];
  monthPages: MonthPage[];
  /** Units whose Atom feed is rendered. */
  unitFeeds: ArchiveUnit[];
  authorPages: AuthorPage[];
  /** Authors whose Atom feed is rendered. */
  authorFeeds: ArchiveAuthor[];
  years: YearEntry[];
  sitemap: SitemapFile[];
  /**
   * The pages outside the lists (`SINGLE_PAGES`) to render: each such template paginates over this list
   * filtered to its own URL, so that a rebuild renders only those whose data changed (`incremental.ts`).
   */
  singles: string[];
}

export interface Archive {
  /** Newest first (by publication or estimated date); articles with neither last. */
  articles: ArchiveArticle[];
  homePages: Array<ListingPage<ArticleCard>>;
  undatedPages: Array<ListingPage<ArticleCard>>;
  units: ArchiveUnit[];
  unitKinds: UnitKindGroup[];
  unitPages: UnitPage[];
  /** Canonical authors in collation order. */
  authors: ArchiveAuthor[];
  authorGroups: AuthorGroup[];
  authorPages: AuthorPage[];
  years: YearEntry[];
  monthPages: MonthPage[];
  /** The newest dated or estimated articles, for `/feed.xml`. */
  feed: ArchiveArticle[];
  /** `/feed.xml`'s `updated`: the newest of its entries'. */
  feedUpdated: string;
  sitemap: SitemapFile[];
  statistics: ArchiveStatistics;
  pages: PageLists;
}

export interface ArchiveOptions {
  units: UnitDirectory;
  homePageSize?: number;
  unitPageSize?: number;
  authorPageSize?: number;
  monthPageSize?: number;
  feedSize?: number;
  relatedSize?: number;
  /** Sitemaps allow at most 50,000 URLs a file: https://www.sitemaps.org/protocol.html */
  sitemapPartSize?: number;
  /** Pages outside the archive's lists, for the sitemap: `/don-vi/`, `/thuat-ngu/`, … */
  staticPages?: string[];
}

/** The templates of one page (`templates/404.njk`, `feed.njk`, `stats.njk`…), by URL. */
export const SINGLE_PAGES = ['/404.html', '/robots.txt', '/thuat-ngu/', '/tim-kiem/', '/feed.xml', '/thong-ke/', '/don-vi/', '/tac-gia/'];

export const STATIC_PAGES = ['/don-vi/', '/tac-gia/', '/thuat-ngu/', '/thong-ke/', '/tim-kiem/', '/khong-ro-ngay/'];

const SUMMARY_LENGTH = 280;
const TOP = 15;

/** Thrown when two articles would be written to the same URL. */
export class ArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveError';
  }
}

/** The IO edge: every `.md` under `dir`, in a stable order, parsed and validated. */
export function readContent(dir: string): ContentFile[] {
  return contentFiles(dir).map((name) => readContentFile(dir, name));
}

/** Every `.md` under `dir`, as paths relative to it with `/`, sorted. */
export function contentFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.split(sep).join('/'))
    .sort();
}

/** One generated Markdown file (`name` relative to `dir`), parsed and validated. */
export function readContentFile(dir: string, name: string): ContentFile {
  return parseContentFile(name, readFileSync(join(dir, name)));
}

/** The bytes of the generated Markdown file `name`, parsed and validated. */
export function parseContentFile(name: string, bytes: Buffer): ContentFile {
  // Passing options disables gray-matter's cache, which would otherwise keep every file in memory.
  // A Buffer, not a string: gray-matter copies a string into a Buffer it never uses, and decodes a
  // Buffer as UTF-8 without its BOM like a string.
  const parsed = matter(bytes, {});
  const data = parsed.data as Record<string, unknown>;
  // A hand-edited file may leave a date unquoted, which YAML reads as a UTC-midnight Date.
  if (data.date instanceof Date) data.date = data.date.toISOString().slice(0, 10);
  return { file: name, hash: contentHash(bytes), frontMatter: validateFrontMatter(data, name), body: parsed.content };
}

/**
 * The Markdown body of a generated file, cut after its front matter as gray-matter cuts it (a BOM
 * dropped, the closing `---` line and one line break after it skipped), without parsing the YAML: a page
 * of content loaded from the compact index needs the body only (a third of the render's time at 10,000
 * articles went to parsing front matter the index already had).
 */
export function markdownBody(bytes: Buffer): string {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.startsWith('---') || text.charAt(3) === '-') return parseContentFile('', bytes).body;
  const firstLine = text.slice(3).search(/\r?\n/);
  // `---yaml` and the like: gray-matter's own path.
  if (firstLine !== 0 && text.slice(3, 3 + firstLine).trim() !== '') return parseContentFile('', bytes).body;
  const close = text.indexOf('\n---', 3);
  if (close === -1) return '';
  let body = text.slice(close + 4);
  if (body[0] === '\r') body = body.slice(1);
  if (body[0] === '\n') body = body.slice(1);
  return body;
}

export function contentHash(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

export function loadArchive(dir: string, options: ArchiveOptions): Archive {
  return buildArchive(readContent(dir), options);
}

export function articleUrl(fm: Pick<FrontMatter, 'date' | 'slug'>): string {
  if (!fm.date) return `/khong-ro-ngay/${fm.slug}/`;
  const [y, m, d] = fm.date.split('-');
  return `/${y}/${m}/${d}/${fm.slug}/`;
}

/**
 * The date an article is placed by in lists, archives, neighbours and feeds: its publication date, else
 * the estimated date of the event it reports (shown as an estimate wherever it appears).
 */
export function placeDate(fm: Pick<FrontMatter, 'date' | 'estimatedDate'>): string | undefined {
  return fm.date ?? fm.estimatedDate;
}

/**
 * Newest first by `placeDate`; the same day in Vietnamese title order; articles with neither date
 * after every other.
 */
export function compareNewestFirst(a: FrontMatter, b: FrontMatter): number {
  const [da, db] = [placeDate(a), placeDate(b)];
  if (da !== db) {
    if (!da) return 1;
    if (!db) return -1;
    return da < db ? 1 : -1;
  }
  return collator.compare(a.title, b.title) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/**
 * Page numbers to show on page `current` (0: the front page) of a list with `numbered` numbered pages,
 * newest first: the front page, then two either side of the current one, and page 1, with gaps. Never
 * the highest number but from the pages next to it, so that a page's links do not change as the list
 * grows (only the three newest numbered pages' do, when a page is added).
 */
export function pageLinks(current: number, numbered: number, urlOf: (n: number) => string): PageLink[] {
  const middle = current === 0 ? numbered : current;
  const shown = new Set([1, middle - 2, middle - 1, middle, middle + 1, middle + 2]);
  const numbers = [...shown].filter((n) => n >= 1 && n <= numbered).sort((a, b) => b - a);
  const links: PageLink[] = [current === 0 ? { kind: 'front', url: urlOf(0), current: true } : { kind: 'front', url: urlOf(0) }];
  let above = numbered + 1;
  for (const n of numbers) {
    if (above - n > 1) links.push({ kind: 'gap' });
    const link: PageLink = { kind: 'number', number: n, url: urlOf(n) };
    if (n === current) link.current = true;
    links.push(link);
    above = n;
  }
  return links;
}

/**
 * A newest-first list cut where the entries with neither a date nor an estimate begin (they sort last).
 * Numbered pages hold only the first part: an undated entry arriving would land at the oldest end and
 * shift every numbered page.
 */
function splitUndated<T>(items: T[], cardOf: (item: T) => ArticleCard): [dated: T[], undated: T[]] {
  const at = items.findIndex((item) => !placeDate(cardOf(item)));
  return at < 0 ? [items, []] : [items.slice(0, at), items.slice(at)];
}

/**
 * Pages of a list given newest first, numbered from the oldest end so that a page, once full, shows
 * the same articles forever: `base` + `trang/N/` holds the list's articles (N−1)·size+1 … N·size
 * counted from the oldest; `base` itself, the front page, holds the newest articles that fill no
 * numbered page, between `size` and 2·size−1 of them (all of a shorter list). New articles only change
 * the front page, and add a numbered page each time `size` more have come. An empty list still has
 * its front page.
 */
export function paginate<T>(items: T[], size: number, base: string): Array<ListingPage<T>> {
  const numbered = Math.max(0, Math.floor(items.length / size) - 1);
  const urlOf = (n: number): string => (n === 0 ? base : `${base}trang/${n}/`);
  const frontSize = items.length - numbered * size;
  const front: ListingPage<T> = { url: base, items: items.slice(0, frontSize), links: numbered > 0 ? pageLinks(0, numbered, urlOf) : [] };
  if (numbered > 0) front.nextUrl = urlOf(numbered);
  const pages: Array<ListingPage<T>> = [front];
  for (let n = numbered; n >= 1; n--) {
    // Page n's articles counted from the oldest end of a newest-first list.
    const end = items.length - (n - 1) * size;
    const page: ListingPage<T> = { url: urlOf(n), number: n, items: items.slice(end - size, end), links: pageLinks(n, numbered, urlOf) };
    page.previousUrl = urlOf(n < numbered ? n + 1 : 0);
    if (n > 1) page.nextUrl = urlOf(n - 1);
    pages.push(page);
  }
  return pages;
}

/**
 * `Tin, ảnh: ĐĂNG NINH` with the printed names (`authors`, in order) cut out as links, or null when one of
 * them is not in the byline as printed.
 */
export function linkByline(byline: string, authors: readonly string[], linkOf: (printed: string) => UnitLink | undefined): BylinePart[] | null {
  const parts: BylinePart[] = [];
  let at = 0;
  for (const printed of authors) {
    const link = linkOf(printed);
    if (!link) continue;
    const found = byline.indexOf(printed, at);
    if (found < 0) return null;
    if (found > at) parts.push({ text: byline.slice(at, found) });
    parts.push({ text: printed, url: link.url });
    at = found + printed.length;
  }
  if (at < byline.length) parts.push({ text: byline.slice(at) });
  return parts;
}

/**
 * An Atom `updated` value for an article in a feed. A publication date is the entry's date. An estimated
 * date is not when anything was published or changed, so it is never given as `published`; `updated`
 * (which Atom requires) is the crawl time, the one instant the archive knows for the text, else the
 * estimated day itself, which the entry's content marks as an estimate.
 */
function atomUpdatedOf(fm: FrontMatter): string | undefined {
  if (fm.date) return fm.date;
  if (fm.estimatedDate) return fm.crawledAt ?? fm.estimatedDate;
  return undefined;
}

/**
 * The newest of entries' `updated` values. Dates (`2023-03-20`, the start of that day) and crawl times
 * (`2023-03-20T10:00:00+07:00`, always in Vietnam's offset) compare as strings.
 */
function newestUpdate(entries: readonly ArchiveArticle[]): string {
  let newest = '1970-01-01';
  for (const entry of entries) if (entry.atomUpdated && entry.atomUpdated > newest) newest = entry.atomUpdated;
  return newest;
}

export function buildArchive(content: ContentFile[], options: ArchiveOptions): Archive {
  const homePageSize = options.homePageSize ?? 20;
  const unitPageSize = options.unitPageSize ?? 20;
  const authorPageSize = options.authorPageSize ?? unitPageSize;
  const monthPageSize = options.monthPageSize ?? 50;
  const feedSize = options.feedSize ?? 20;
  const relatedSize = options.relatedSize ?? 5;
  const sitemapPartSize = options.sitemapPartSize ?? 50_000;

  // Units first: every article's unit links need their slugs.
  const unitNames = new Set<string>();
  for (const { frontMatter } of content) for (const u of frontMatter.units) unitNames.add(u);
  const units = new Map<string, ArchiveUnit>();
  const slugs = options.units.slugs(unitNames);
  for (const name of [...unitNames].sort(collator.compare)) {
    const info = options.units.describe(name);
    const slug = slugs.get(name)!;
    const url = `/don-vi/${slug}/`;
    units.set(name, {
      name,
      slug,
      url,
      feedUrl: `${url}feed.xml`,
      kind: info.kind,
      kindLabel: options.units.kindLabel(info.kind),
      children: [],
      count: 0,
      primaryCount: 0,
      articles: [],
      undatedArticles: [],
      feed: [],
      feedUpdated: '',
    });
  }
  // One link object a unit (and an author), shared by every article naming it: read only, and 10,000
  // articles made ~40,000 of them for each build.
  const unitLinkByName = new Map([...units.values()].map((unit): [string, UnitLink] => [unit.name, { name: unit.name, url: unit.url }]));
  const unitLink = (name: string): UnitLink => unitLinkByName.get(name)!;

  // Authors by canonical name, for the same reason.
  const canonical = new Map<string, string | null>();
  for (const { frontMatter } of content) {
    for (const printed of frontMatter.authors) if (!canonical.has(printed)) canonical.set(printed, canonicalAuthor(printed));
  }
  const authorNames = new Set([...canonical.values()].filter((n): n is string => n !== null));
  const authorSlug = authorSlugs(authorNames);
  const authors = new Map<string, ArchiveAuthor>();
  for (const name of [...authorNames].sort(collator.compare)) {
    const url = `/tac-gia/${authorSlug.get(name)!}/`;
    authors.set(name, { name, slug: authorSlug.get(name)!, url, feedUrl: `${url}feed.xml`, printed: [], count: 0, articles: [], undatedArticles: [], feed: [], feedUpdated: '' });
  }
  const authorLinkByName = new Map([...authors.values()].map((author): [string, UnitLink] => [author.name, { name: author.name, url: author.url }]));
  const authorLink = (printed: string): UnitLink | undefined => {
    const name = canonical.get(printed);
    return name ? authorLinkByName.get(name)! : undefined;
  };

  // Articles, newest first, each with its URL, rendered body and card.
  const sorted = [...content].sort((a, b) => compareNewestFirst(a.frontMatter, b.frontMatter));
  const seenUrls = new Map<string, string>();
  const articles: ArchiveArticle[] = sorted.map((content) => {
    const { file, hash, frontMatter } = content;
    const url = articleUrl(frontMatter);
    const clash = seenUrls.get(url);
    if (clash) throw new ArchiveError(`two articles have the same URL ${url}: ${clash} and ${file}`);
    seenUrls.set(url, file);
    const unitLinks = frontMatter.units.map(unitLink);
    const authorLinks: UnitLink[] = [];
    for (const printed of frontMatter.authors) {
      const link = authorLink(printed);
      if (link && !authorLinks.some((l) => l.name === link.name)) authorLinks.push(link);
    }
    const bylineParts = frontMatter.byline && authorLinks.length ? linkByline(frontMatter.byline, frontMatter.authors, authorLink) : null;
    const card: ArticleCard = { title: frontMatter.title, url, summary: shorten(frontMatter.summary, SUMMARY_LENGTH) };
    if (frontMatter.date) card.date = frontMatter.date;
    else if (frontMatter.estimatedDate) card.estimatedDate = frontMatter.estimatedDate;
    if (frontMatter.series) card.series = frontMatter.series;
    if (unitLinks[0]) card.primaryUnit = unitLinks[0];
    // The body is read (from a file, for content loaded from the compact index) only when a page shows it.
    let source: ContentFile | null = content;
    let html: string | undefined;
    const atomUpdated = atomUpdatedOf(frontMatter);
    return {
      ...frontMatter,
      url,
      contentHash: hash,
      authorLinks,
      ...(bylineParts ? { bylineParts } : {}),
      ...(atomUpdated ? { atomUpdated } : {}),
      get html(): string {
        html ??= renderBody(source!.body);
        source = null;
        return html;
      },
      readingMinutes: content.readingMinutes ?? readingMinutes(content.body),
      unitLinks,
      card,
      related: [],
    };
  });

  // One pass: unit and author lists (newest first because articles are), month groups, counts.
  const months = new Map<string, ArticleCard[]>();
  const undated: ArticleCard[] = [];
  const feed: ArchiveArticle[] = [];
  let estimated = 0;
  /** Per article, its place in each of its units' lists (by its `units` index); per unit, its articles' indexes. */
  const unitPositions: number[][] = [];
  const unitMembers = new Map<ArchiveUnit, number[]>();
  for (const unit of units.values()) unitMembers.set(unit, []);
  let truncated = 0;
  let merged = 0;
  for (const [i, article] of articles.entries()) {
    const newer = articles[i - 1];
    const older = articles[i + 1];
    const date = placeDate(article);
    if (article.estimatedDate && !article.date) estimated++;
    if (date) {
      if (newer && placeDate(newer)) article.newer = newer.card;
      if (older && placeDate(older)) article.older = older.card;
      if (feed.length < feedSize) feed.push(article);
      const key = date.slice(0, 7);
      let month = months.get(key);
      if (!month) months.set(key, (month = []));
      month.push(article.card);
    } else {
      undated.push(article.card);
    }
    const positions: number[] = (unitPositions[i] = []);
    for (const [position, name] of article.units.entries()) {
      const unit = units.get(name)!;
      positions.push(unit.articles.length);
      unitMembers.get(unit)!.push(i);
      unit.articles.push({ article: article.card, primary: position === 0 });
      unit.count++;
      if (position === 0) unit.primaryCount++;
      if (unit.feed.length < feedSize && date) unit.feed.push(article);
      if (article.date) {
        unit.lastDate ??= article.date;
        unit.firstDate = article.date;
      }
    }
    for (const link of article.authorLinks) {
      const author = authors.get(link.name)!;
      author.articles.push(article.card);
      author.count++;
      if (author.feed.length < feedSize && date) author.feed.push(article);
      if (article.date) {
        author.lastDate ??= article.date;
        author.firstDate = article.date;
      }
    }
    for (const printed of article.authors) {
      const name = canonical.get(printed);
      const author = name ? authors.get(name)! : undefined;
      if (author && !author.printed.includes(printed)) author.printed.push(printed);
    }
    if (article.truncated) truncated++;
    if (article.sources) merged += Math.max(0, article.sources.length - 1);
  }

  // Related: the articles nearest in time that share the most units, among the `relatedSize` either side
  // of the article in each of its units' lists; nearest first, then newer. Near in time rather than the
  // newest: a new article enters the boxes of the few articles next to it in its units, not of every
  // article of those units, so adding one renders a few pages again. Work per article: units × relatedSize.
  // By article index, with plain arrays: ~10 candidates an article, so a linear search beats a Map, and
  // this loop ran ~0.3 s at 10,000 articles with Maps and Sets of cards and string keys (issue #14).
  // Units by number: names compared as strings (long, sharing long prefixes, not interned) made the
  // count of shared units half of this loop's time.
  const unitNumber = new Map([...units.keys()].map((name, n) => [name, n]));
  const distinctUnits = articles.map((a) => [...new Set(a.units.map((name) => unitNumber.get(name)!))]);
  const found: number[] = [];
  const shares: number[] = [];
  const distances: number[] = [];
  const order: number[] = [];
  for (const [i, article] of articles.entries()) {
    found.length = shares.length = distances.length = 0;
    const mine = distinctUnits[i]!;
    const positions = unitPositions[i]!;
    for (const name of article.units) {
      const unit = units.get(name)!;
      const list = unit.articles;
      const members = unitMembers.get(unit)!;
      // A unit named twice: its last place, as a map by name would give.
      const at = positions[article.units.lastIndexOf(name)]!;
      for (let j = Math.max(0, at - relatedSize); j <= Math.min(list.length - 1, at + relatedSize); j++) {
        if (j === at) continue;
        const k = members[j]!;
        const distance = Math.abs(j - at);
        const known = found.indexOf(k);
        if (known >= 0) {
          distances[known] = Math.min(distances[known]!, distance);
          continue;
        }
        let shared = 0;
        for (const u of distinctUnits[k]!) if (mine.includes(u)) shared++;
        found.push(k);
        shares.push(shared);
        distances.push(distance);
      }
    }
    order.length = 0;
    for (let c = 0; c < found.length; c++) order.push(c);
    order.sort((x, y) => shares[y]! - shares[x]! || distances[x]! - distances[y]! || found[x]! - found[y]!);
    const related: ArticleCard[] = [];
    for (let c = 0; c < order.length && c < relatedSize; c++) related.push(articles[found[order[c]!]!]!.card);
    article.related = related;
  }

  // Parents and children that have pages.
  for (const unit of units.values()) {
    const parent = options.units.describe(unit.name).parent;
    const parentUnit = parent && parent !== unit.name ? units.get(parent) : undefined;
    if (parentUnit) {
      unit.parent = { name: parentUnit.name, url: parentUnit.url };
      parentUnit.children.push({ name: unit.name, url: unit.url });
    }
  }

  // Kinds in the catalog's military order, then any kind it does not know; names by collation.
  const unitList = [...units.values()].sort((a, b) => collator.compare(a.name, b.name));
  const groups = new Map<string, ArchiveUnit[]>();
  for (const unit of unitList) {
    let group = groups.get(unit.kind);
    if (!group) groups.set(unit.kind, (group = []));
    group.push(unit);
  }
  const kindOrder = options.units.kinds;
  const rank = (kind: string): number => {
    const i = kindOrder.indexOf(kind);
    return i === -1 ? kindOrder.length : i;
  };
  const unitKinds: UnitKindGroup[] = [...groups]
    .sort(([a], [b]) => rank(a) - rank(b) || collator.compare(a, b))
    .map(([kind, list]) => ({ kind, label: options.units.kindLabel(kind), units: list }));

  const unitPages: UnitPage[] = [];
  for (const unit of unitList) {
    unit.feedUpdated = newestUpdate(unit.feed);
    const [dated, undated] = splitUndated(unit.articles, (a) => a.article);
    unit.undatedArticles = undated;
    for (const page of paginate(dated, unitPageSize, unit.url)) unitPages.push({ ...page, unit });
  }

  // Authors: pages paginated like units', and grouped under their initial for `/tac-gia/`.
  const authorList = [...authors.values()];
  const authorPages: AuthorPage[] = [];
  const authorGroups: AuthorGroup[] = [];
  for (const author of authorList) {
    author.printed.sort(collator.compare);
    author.feedUpdated = newestUpdate(author.feed);
    const [dated, undated] = splitUndated(author.articles, (card) => card);
    author.undatedArticles = undated;
    for (const page of paginate(dated, authorPageSize, author.url)) authorPages.push({ ...page, author });
    const letter = authorInitial(author.name);
    let group = authorGroups.find((g) => g.letter === letter);
    if (!group) authorGroups.push((group = { letter, authors: [] }));
    group.authors.push(author);
  }
  authorGroups.sort((a, b) => collator.compare(a.letter, b.letter));

  // Date archives: years newest first, months newest first within a year.
  const years: YearEntry[] = [];
  const monthPages: MonthPage[] = [];
  for (const key of [...months.keys()].sort().reverse()) {
    const [year, mm] = key.split('-') as [string, string];
    let entry = years[years.length - 1];
    if (entry?.year !== year) {
      entry = { year, url: `/${year}/`, label: ui.year(year), count: 0, months: [] };
      years.push(entry);
    }
    const cards = months.get(key)!;
    const month: MonthEntry = {
      year,
      month: Number(mm),
      url: `/${year}/${mm}/`,
      label: ui.month(Number(mm), year),
      count: cards.length,
    };
    entry.months.push(month);
    entry.count += cards.length;
    for (const page of paginate(cards, monthPageSize, month.url)) {
      monthPages.push({ ...page, month, yearUrl: entry.url });
    }
  }

  const cards = articles.map((a) => a.card);
  // The undated have their own list (`/khong-ro-ngay/`), which the home page links with its count.
  const homePages = paginate(splitUndated(cards, (card) => card)[0], homePageSize, '/');
  const undatedPages = paginate(undated, monthPageSize, '/khong-ro-ngay/');

  const sitemapEntries: SitemapEntry[] = [
    ...homePages.map((p) => ({ url: p.url })),
    ...articles.map((a) => (a.date ? { url: a.url, lastmod: a.date } : { url: a.url })),
    ...(options.staticPages ?? STATIC_PAGES).map((url) => ({ url })),
    ...undatedPages.slice(1).map((p) => ({ url: p.url })),
    ...unitPages.map((p) => ({ url: p.url })),
    ...authorPages.map((p) => ({ url: p.url })),
    ...years.map((y) => ({ url: y.url })),
    ...monthPages.map((p) => ({ url: p.url })),
  ];
  const sitemap: SitemapFile[] = [];
  if (sitemapEntries.length <= sitemapPartSize) {
    sitemap.push({ url: '/sitemap.xml', kind: 'urlset', entries: sitemapEntries });
  } else {
    const parts: string[] = [];
    for (let i = 0; i * sitemapPartSize < sitemapEntries.length; i++) {
      const url = `/sitemap-${i + 1}.xml`;
      parts.push(url);
      sitemap.push({ url, kind: 'urlset', entries: sitemapEntries.slice(i * sitemapPartSize, (i + 1) * sitemapPartSize) });
    }
    sitemap.unshift({ url: '/sitemap.xml', kind: 'index', parts });
  }

  const byCount = (a: NamedCount, b: NamedCount): number => b.count - a.count || collator.compare(a.name, b.name);
  const statistics: ArchiveStatistics = {
    articles: articles.length,
    dated: articles.length - estimated - undated.length,
    estimated,
    undated: undated.length,
    truncated,
    merged,
    units: units.size,
    authors: authors.size,
    perMonth: [...months].map(([month, list]) => ({ month, count: list.length })).sort((a, b) => (a.month < b.month ? -1 : 1)),
    topUnits: unitList
      .map((u) => ({ name: u.name, url: u.url, count: u.count }))
      .sort(byCount)
      .slice(0, TOP),
    topAuthors: authorList
      .map((a) => ({ name: a.name, url: a.url, count: a.count }))
      .sort(byCount)
      .slice(0, TOP),
  };

  return {
    articles,
    homePages,
    undatedPages,
    units: unitList,
    unitKinds,
    unitPages,
    authors: authorList,
    authorGroups,
    authorPages,
    years,
    monthPages,
    feed,
    feedUpdated: newestUpdate(feed),
    sitemap,
    statistics,
    pages: {
      articles,
      homePages,
      undatedPages,
      unitPages,
      monthPages,
      unitFeeds: unitList,
      authorPages,
      authorFeeds: authorList,
      years,
      sitemap,
      singles: SINGLE_PAGES,
    },
  };
}
