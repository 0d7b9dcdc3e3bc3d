/**
 * Which pages an incremental build renders. Every page of the paginated lists gets a fingerprint of
 * the data its template reads; a page whose fingerprint is the one it had when the previous site was
 * written is kept from that site, the others are rendered. Templates, site code and configuration are
 * not in the fingerprints: when they change, nothing is kept (`previousBuild.ts`).
 *
 * Pure. A fingerprint must cover everything a page shows: a page that reads more of the archive than
 * its own entry (the home page's year list, the undated count) has that in its fingerprint too.
 */
import { hash } from 'node:crypto';
import { SINGLE_PAGES, type Archive, type ArchiveArticle, type ArchiveAuthor, type ArchiveUnit, type ArticleCard, type PageLists, type UnitArticle } from './archive.ts';

/** What the statistics page shows of the build report (`templates/stats.njk`); null without a report. */
export type ReportCounts = { merged: number; rejected: number } | null;

export interface RenderPlan {
  /** What the templates render. */
  pages: PageLists;
  /** URLs of the pages kept from the previous build, which must be copied from it. */
  kept: string[];
  /** The URL → fingerprint of every page in the lists, for the next build to compare with. */
  fingerprints: Map<string, string>;
}

/** SHA-1 of the parts, each followed by a NUL; one-shot, which for ~30,000 short inputs a build is a third the cost of a `Hash` object each. */
function digest(...parts: string[]): string {
  return hash('sha1', `${parts.join('\0')}\0`, 'base64url');
}

/**
 * What a unit's front page and feed show of the unit: everything but the article lists, which are the
 * pages' items, and the feed's `updated`, which follows from the feed's entries (their Markdown is in
 * the feed's fingerprint).
 */
function unitFacts({ articles: _articles, feed: _feed, feedUpdated: _updated, undatedArticles, ...facts }: ArchiveUnit, ids: CardIds): object {
  return { ...facts, undatedArticles: ids.entries(undatedArticles) };
}

/** What an author's front page and feed show of the author: as `unitFacts`. */
function authorFacts({ articles: _articles, feed: _feed, feedUpdated: _updated, undatedArticles, ...facts }: ArchiveAuthor, ids: CardIds): object {
  return { ...facts, undatedArticles: ids.list(undatedArticles) };
}

/**
 * What a feed shows of an entry: its Markdown (by hash) and the URLs of its authors, which come from the
 * whole archive (a new author can take another's plain URL, `authorSlugs`), not from its Markdown.
 */
function feedEntry(a: ArchiveArticle): string {
  return `${a.url} ${a.contentHash} ${a.authorLinks.map((link) => link.url).join(' ')}`;
}

/** What a numbered unit page shows of its unit (`templates/unit.njk`): nothing that changes as its list grows. */
function unitName({ name, url, feedUrl, kindLabel }: ArchiveUnit): Pick<ArchiveUnit, 'name' | 'url' | 'feedUrl' | 'kindLabel'> {
  return { name, url, feedUrl, kindLabel };
}

/** What a numbered author page shows of its author: as `unitName`. */
function authorName({ name, url, feedUrl }: ArchiveAuthor): Pick<ArchiveAuthor, 'name' | 'url' | 'feedUrl'> {
  return { name, url, feedUrl };
}

/**
 * Cards (what a list or a related box shows of an article) by a digest of their JSON, each computed
 * once: a card is on its article's pages, its lists, its neighbours' and related boxes, and a page's
 * fingerprint names its cards by digest instead of serializing each again (17,500 pages at 10,000
 * articles hashed ~90 MB of JSON before).
 */
class CardIds {
  private readonly ids = new WeakMap<ArticleCard, string>();

  of(card: ArticleCard): string;
  of(card: ArticleCard | undefined): string | null;
  of(card: ArticleCard | undefined): string | null {
    if (!card) return null;
    let id = this.ids.get(card);
    if (id === undefined) this.ids.set(card, (id = digest(JSON.stringify(card))));
    return id;
  }

  list(cards: readonly ArticleCard[]): string[] {
    return cards.map((card) => this.of(card));
  }

  /** A unit's entries: the primary ones marked. */
  entries(entries: readonly UnitArticle[]): string[] {
    return entries.map(({ article, primary }) => (primary ? `*${this.of(article)}` : this.of(article)));
  }
}

/**
 * What each page outside the lists reads (`SINGLE_PAGES`): the pages made of the site code alone (404,
 * robots, glossary, search) only ever change with it, and the code is not in the fingerprints.
 */
function singleFingerprints(archive: Archive, report: ReportCounts, ids: CardIds): Record<string, string> {
  const feed = archive.feed.map(feedEntry);
  const unitKinds = archive.unitKinds.map(({ kind, label, units }) => ({ kind, label, units: units.map((u) => unitFacts(u, ids)) }));
  const authorGroups = archive.authorGroups.map(({ letter, authors }) => ({ letter, authors: authors.map((a) => authorFacts(a, ids)) }));
  return {
    '/404.html': digest('404'),
    '/robots.txt': digest('robots'),
    '/thuat-ngu/': digest('glossary'),
    '/tim-kiem/': digest('search'),
    '/feed.xml': digest('feed', archive.feedUpdated, JSON.stringify(feed)),
    '/thong-ke/': digest('statistics', JSON.stringify(archive.statistics), JSON.stringify(report)),
    '/don-vi/': digest('units', JSON.stringify(unitKinds)),
    '/tac-gia/': digest('authors', JSON.stringify(authorGroups)),
  };
}

/** URL → fingerprint of every page `PageLists` can hold; `report` is what the statistics page shows of the build report. */
export function fingerprintPages(archive: Archive, report: ReportCounts = null): Map<string, string> {
  const fingerprints = new Map<string, string>();
  const ids = new CardIds();
  const { years, statistics } = archive;
  const yearList = JSON.stringify(years.map(({ url, year, count }) => ({ url, year, count })));
  const undated = String(statistics.undated);

  for (const a of archive.articles) {
    // The article's own fields and body are its Markdown; the rest is its place among the others.
    const around = {
      unitLinks: a.unitLinks,
      authorLinks: a.authorLinks,
      bylineParts: a.bylineParts,
      older: ids.of(a.older),
      newer: ids.of(a.newer),
      related: ids.list(a.related),
    };
    fingerprints.set(a.url, digest('article', a.contentHash, a.url, JSON.stringify(around)));
  }
  // A numbered page (`paginate`) shows its own items and links only; the front page of a list also
  // what changes as the list grows (counts, the year list).
  for (const page of archive.homePages) {
    const shown = JSON.stringify({ ...page, items: ids.list(page.items) });
    fingerprints.set(page.url, page.number ? digest('home', shown) : digest('home', shown, yearList, undated));
  }
  for (const page of archive.undatedPages) {
    const shown = JSON.stringify({ ...page, items: ids.list(page.items) });
    fingerprints.set(page.url, page.number ? digest('undated', shown) : digest('undated', shown, undated));
  }
  for (const { month, ...page } of archive.monthPages) {
    const shown = page.number ? { year: month.year, month: month.month, label: month.label } : month;
    fingerprints.set(page.url, digest('month', JSON.stringify({ ...page, items: ids.list(page.items), month: shown })));
  }
  for (const page of archive.unitPages) {
    const unit = page.number ? unitName(page.unit) : unitFacts(page.unit, ids);
    fingerprints.set(page.url, digest('unit', JSON.stringify({ ...page, items: ids.entries(page.items), unit })));
  }
  for (const unit of archive.units) {
    const entries = unit.feed.map(feedEntry);
    fingerprints.set(unit.feedUrl, digest('unit-feed', JSON.stringify(unitFacts(unit, ids)), ...entries));
  }
  for (const page of archive.authorPages) {
    const author = page.number ? authorName(page.author) : authorFacts(page.author, ids);
    fingerprints.set(page.url, digest('author', JSON.stringify({ ...page, items: ids.list(page.items), author })));
  }
  for (const author of archive.authors) {
    const entries = author.feed.map(feedEntry);
    fingerprints.set(author.feedUrl, digest('author-feed', JSON.stringify(authorFacts(author, ids)), ...entries));
  }
  // A year page shows its months and counts, and every year's link.
  const yearLinks = JSON.stringify(years.map(({ url, year }) => ({ url, year })));
  for (const year of years) fingerprints.set(year.url, digest('year', JSON.stringify(year), yearLinks));
  for (const file of archive.sitemap) fingerprints.set(file.url, digest('sitemap', JSON.stringify(file)));
  const singles = singleFingerprints(archive, report, ids);
  for (const url of SINGLE_PAGES) fingerprints.set(url, singles[url]!);
  return fingerprints;
}

/**
 * Keeps the pages whose fingerprint is in `previous` unchanged; renders the rest. With no previous
 * build, renders everything.
 */
export function planRender(
  archive: Archive,
  previous: ReadonlyMap<string, string> | null,
  report: ReportCounts = null,
  /** `fingerprintPages(archive, report)` when already computed: planning again (pages missing from the live site) does not hash every page again. */
  fingerprints: Map<string, string> = fingerprintPages(archive, report),
): RenderPlan {
  const kept: string[] = [];
  const changed = <T>(items: T[], urlOf: (item: T) => string): T[] =>
    items.filter((item) => {
      const url = urlOf(item);
      if (previous?.get(url) !== fingerprints.get(url)) return true;
      kept.push(url);
      return false;
    });
  const byUrl = (item: { url: string }): string => item.url;
  const pages: PageLists = {
    articles: changed(archive.articles, byUrl),
    homePages: changed(archive.homePages, byUrl),
    undatedPages: changed(archive.undatedPages, byUrl),
    unitPages: changed(archive.unitPages, byUrl),
    monthPages: changed(archive.monthPages, byUrl),
    unitFeeds: changed(archive.units, (unit) => unit.feedUrl),
    authorPages: changed(archive.authorPages, byUrl),
    authorFeeds: changed(archive.authors, (author) => author.feedUrl),
    years: changed(archive.years, byUrl),
    sitemap: changed(archive.sitemap, byUrl),
    singles: changed(SINGLE_PAGES, (url) => url),
  };
  return { pages, kept, fingerprints };
}

/** Where Eleventy writes a page: `/a/b/` → `a/b/index.html`, `/a/feed.xml` → `a/feed.xml`. */
export function outputPath(url: string): string {
  return (url.endsWith('/') ? `${url}index.html` : url).replace(/^\/+/, '');
}
