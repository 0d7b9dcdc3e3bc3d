/**
 * How the archive's search index is split. One Pagefind index for 100,000 pages needs ~24 GB to build,
 * so the archive is indexed as shards that each fit: runs of consecutive publication years (the year is
 * in the article's URL, `/YYYY/MM/DD/<slug>/`) of at most `MAX_SHARD_PAGES` pages (the newest, which
 * answers first, of at most `NEWEST_SHARD_PAGES`), a year too large for one shard cut into runs of
 * months, undated articles in a shard of their own. The browser merges the shards with Pagefind's
 * `mergeIndex`. An undated article with an estimated date is placed by that date, like a dated one (its
 * URL stays `/khong-ro-ngay/<slug>/`): the search page sorts it among them.
 *
 * Shards are ordered newest first, which is what makes date sorting work across shards: Pagefind's
 * merged search re-sorts every result by score, so the search page sorts within each shard (a
 * `shard` filter) and concatenates the shards in this order.
 *
 * A rebuild keeps each shard's articles where they were (`updateShards`), so that adding articles
 * indexes few pages again: articles newer than the newest shard's oldest join the newest shard, which
 * is planned anew; undated ones join the undated shard; older ones go to `ADDED_SHARD`, whose results
 * the search page merges into the others by date.
 */

/** Articles without a publication date: `/khong-ro-ngay/<slug>/`. */
export const UNDATED_SHARD = 'khong-ro-ngay';

/** Dated articles added after the shards of their dates were planned; last in the manifest. */
export const ADDED_SHARD = 'bo-sung';

/**
 * Articles `ADDED_SHARD` holds at most: above, they go to the shards of their dates (`updateShards`). It is
 * indexed again at every rebuild that adds an article (~5 ms a page) and merged into the first results. Each
 * merged result of it costs the search page one more result loaded when sorting by date.
 */
export const MAX_ADDED_PAGES = 300;

/**
 * Pages per shard, at most. Consecutive years are packed together up to this size; a year above it is
 * cut into month runs. Smaller shards mean less to rebuild when an article is added; fewer shards mean
 * fewer bytes for the whole archive's results (each costs its metadata and one index chunk per word).
 * Memory decides the ceiling: Pagefind needs ~2 GB for 5,000 of these pages, ~5 GB for 10,000, and two
 * shards are built at once, at 100,000 articles too.
 */
export const MAX_SHARD_PAGES = 5_000;

/**
 * Pages in the newest shard, at most (a newest year above it gives its newest months, at least one):
 * that shard answers a reader's first query alone, and the bytes and time it takes grow with its size
 * (its metadata and each word's index chunk). Not smaller: a query that finds nothing in the newest
 * shard waits for every shard.
 */
export const NEWEST_SHARD_PAGES = 1_500;

/** `/2023/05/01/slug/` */
const DATED_URL = /^\/(\d{4})\/(\d{2})\/(\d{2})\//;

/**
 * One article to index: its URL on the site (without the deploy prefix) and its Markdown file, relative
 * to the content folder.
 */
export interface IndexedPage {
  url: string;
  file: string;
  /** The estimated date of an undated article (`YYYY-MM-DD`): it is placed by it. */
  date?: string;
  /** `contentHash` of the file, when the compact archive index gave it: the shard's hash without reading it. */
  hash?: string;
}

/**
 * A page a shard's index still holds but that the search page must not show: a deleted article, or
 * the version an edit replaced (the new one is indexed in `ADDED_SHARD`). Pagefind cannot drop a page
 * from an index without indexing the shard again (~5 ms a page, 20–30 s for a large shard), so the
 * shard is kept and the page is marked: `pagefind/shards.json` lists its Pagefind page id, which the
 * search page has for every result before loading any (`result.id`).
 */
export interface SupersededPage {
  url: string;
  /** `contentHash` of the Markdown it was indexed from: part of the shard's hash while it is kept. */
  hash: string;
  /** Its Pagefind page id (the name of its fragment), once read from the shard (`fragments.ts`). */
  id?: string;
  /** Its filter values in the index (unit, year, author): the search page takes them off its counts. */
  filters?: Record<string, string[]>;
}

export interface Shard {
  /**
   * `2023`, `2016-2020` (five years packed), `2023-01-06` (January to June of a large year),
   * `khong-ro-ngay` or `bo-sung`: also its directory name.
   */
  key: string;
  pages: IndexedPage[];
  /**
   * Pages its previous index holds that are gone from `pages`: the index is kept and these are hidden.
   * Set only when every page of `pages` is in that index with the same hash; a shard indexed again for
   * any reason drops them (its index is fresh).
   */
  superseded?: SupersededPage[];
}

/** What the search page reads first (`pagefind/shards.json`), and what a rebuild compares against. */
export interface ShardManifest {
  version: 1;
  pagefind: string;
  /**
   * Newest first: the order of date sorting, and the first one is Pagefind's primary index. `superseded`:
   * the Pagefind page ids (and filter values) of the pages the search page must drop (`SupersededPage`).
   */
  shards: Array<{ key: string; pages: number; hash: string; superseded?: Array<{ id: string; filters: Record<string, string[]> }> }>;
  /**
   * The title index (`titleIndex.ts`): its bucket files, how many titles each pair lists, how many pairs
   * it lists (absent before the index was updated incrementally).
   */
  titles?: { buckets: number; top: number; pairs?: number };
}

/** What a build keeps of its shards for the next one to update (`.build/search-shards.json`). */
export interface ShardMembership {
  key: string;
  urls: string[];
  /** Each URL's `contentHash` as indexed (when every page had one): an edited article is told by it. */
  hashes?: string[];
  /** The pages its index holds that are hidden (`Shard.superseded`). */
  superseded?: SupersededPage[];
}

/** Newest first, then undated articles, then the added ones. */
export function compareShardKeys(a: string, b: string): number {
  const rank = (k: string): number => (k === UNDATED_SHARD ? 1 : k === ADDED_SHARD ? 2 : 0);
  return rank(a) - rank(b) || (a < b ? 1 : a > b ? -1 : 0);
}

/** `2023-05-01` (from the URL, else the estimated date), or null for an article with neither. */
function dateOf(page: IndexedPage): string | null {
  const match = DATED_URL.exec(page.url);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : (page.date ?? null);
}

function monthOf(page: IndexedPage): string {
  return dateOf(page)?.slice(5, 7) ?? '01';
}

/**
 * Whether an article dated `date` (null: neither dated nor estimated) belongs in the shard `key`: an
 * estimated date can change, or appear, while the URL stays, and date sorting needs every shard to hold
 * only its own dates.
 */
function belongs(key: string, date: string | null): boolean {
  if (key === UNDATED_SHARD) return date === null;
  if (date === null) return false;
  if (key === ADDED_SHARD) return true;
  const year = date.slice(0, 4);
  const years = /^(\d{4})-(\d{4})$/.exec(key);
  if (years) return year >= years[1]! && year <= years[2]!;
  const months = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (months) return year === months[1] && date.slice(5, 7) >= months[2]! && date.slice(5, 7) <= months[3]!;
  return year === key;
}

/** A year's pages (any order) by month, months in order. */
function byMonth(pages: IndexedPage[]): Array<[string, IndexedPage[]]> {
  const months = new Map<string, IndexedPage[]>();
  for (const page of pages) {
    const month = monthOf(page);
    const list = months.get(month) ?? [];
    list.push(page);
    months.set(month, list);
  }
  return [...months].sort(([a], [b]) => (a < b ? -1 : 1));
}

/** Consecutive months packed into runs of at most `max` pages, keyed `2023-01-06`. */
function monthRuns(year: string, months: Array<[string, IndexedPage[]]>, max: number): Shard[] {
  const shards: Shard[] = [];
  let run: { from: string; to: string; pages: IndexedPage[] } | null = null;
  const flush = (): void => {
    if (run) shards.push({ key: `${year}-${run.from}-${run.to}`, pages: run.pages });
    run = null;
  };
  for (const [month, monthPages] of months) {
    if (run && run.pages.length + monthPages.length > max) flush();
    if (!run) run = { from: month, to: month, pages: [] };
    run.to = month;
    run.pages.push(...monthPages);
  }
  flush();
  // A single month above `max` stays whole: months are the finest cut the URL offers.
  return shards;
}

/**
 * Cuts a year's pages (any order) into runs of whole months of at most `max` pages each; with a smaller
 * `newestMax` (the archive's newest year), its newest months form a run of their own of at most that.
 */
function splitYear(year: string, pages: IndexedPage[], max: number, newestMax = max): Shard[] {
  if (pages.length <= newestMax) return [{ key: year, pages }];
  const months = byMonth(pages);
  if (newestMax >= max) return monthRuns(year, months, max);
  let cut = months.length - 1;
  let size = months[cut]![1].length;
  while (cut > 0 && size + months[cut - 1]![1].length <= newestMax) size += months[--cut]![1].length;
  return [...monthRuns(year, months.slice(0, cut), max), ...monthRuns(year, months.slice(cut), Infinity)];
}

/**
 * Packs consecutive single-year shards (newest first) into `oldest-newest` runs of at most `max` pages,
 * the first run of at most `newestMax`.
 */
function packYears(years: Shard[], max: number, newestMax: number): Shard[] {
  const packed: Shard[] = [];
  let run: Shard[] = [];
  const flush = (): void => {
    if (run.length === 1) packed.push(run[0]!);
    else if (run.length > 1) {
      const pages = run.flatMap((s) => s.pages).sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
      packed.push({ key: `${run[run.length - 1]!.key}-${run[0]!.key}`, pages });
    }
    run = [];
  };
  for (const year of years) {
    const size = run.reduce((n, s) => n + s.pages.length, 0);
    const cap = packed.length === 0 ? newestMax : max;
    if (!/^\d{4}$/.test(year.key) || size + year.pages.length > cap) flush();
    run.push(year);
    if (!/^\d{4}$/.test(year.key)) flush();
  }
  flush();
  return packed;
}

/** Groups the pages to index into shards, newest first. Pure. */
export function planShards(pages: IndexedPage[], max = MAX_SHARD_PAGES, newestMax = Math.min(max, NEWEST_SHARD_PAGES)): Shard[] {
  const byYear = new Map<string, IndexedPage[]>();
  for (const page of pages) {
    const key = dateOf(page)?.slice(0, 4) ?? UNDATED_SHARD;
    const list = byYear.get(key) ?? [];
    list.push(page);
    byYear.set(key, list);
  }
  const newestYear = [...byYear.keys()].filter((k) => /^\d{4}$/.test(k)).sort().at(-1);
  const shards: Shard[] = [];
  for (const [key, list] of byYear) {
    list.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    if (!/^\d{4}$/.test(key)) shards.push({ key, pages: list });
    else shards.push(...splitYear(key, list, max, key === newestYear ? newestMax : max));
  }
  return packYears(shards.sort((a, b) => compareShardKeys(a.key, b.key)), max, newestMax);
}

/**
 * The shards of `pages` given the previous build's (`previous`, newest first): every article stays in
 * its shard, and new ones, whatever their date, go to `ADDED_SHARD`, the one shard indexed again: a
 * rebuild after ten new dumps indexes those few pages (and the added earlier), not the newest shard's
 * ~1,500. An edited article (its hash is not the one its shard indexed) is new too: its new version goes
 * to `ADDED_SHARD`. A shard that lost articles (deleted, edited, their estimated date moved) and gained
 * none keeps its index, the lost ones `superseded` (hidden by the search page); one that gained or
 * changed an article is indexed again, which clears its marks. An article coming back as it was
 * indexed (an edit or a deletion undone) returns to the shard that still holds it. The search page merges
 * the added shard into the newest one's answers and, by date, into the whole archive's. When it would
 * outgrow `maxAdded`, its articles go to the shards of their dates: the newest planned anew with those
 * at least as new as its oldest, the undated one, and the older shard whose dates hold each other (those
 * are indexed again, once). Every shard is planned anew (`planShards`) when there is no previous plan,
 * or an added article's date falls in no shard. Pure.
 */
export function updateShards(
  pages: IndexedPage[],
  previous: ShardMembership[] | null,
  { max = MAX_SHARD_PAGES, newestMax = Math.min(max, NEWEST_SHARD_PAGES), maxAdded = MAX_ADDED_PAGES } = {},
): Shard[] {
  const fresh = (): Shard[] => planShards(pages, max, newestMax);
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  // What each previous shard's index holds: URL → hash (only when its plan recorded every hash).
  const indexed = new Map<string, Map<string, string>>();
  const marks = new Map<string, Map<string, SupersededPage>>();
  for (const s of previous ?? []) {
    marks.set(s.key, new Map((s.superseded ?? []).map((m) => [m.url, m])));
    if (s.hashes?.length !== s.urls.length) continue;
    indexed.set(s.key, new Map([...s.urls.map((u, i): [string, string] => [u, s.hashes![i]!]), ...(s.superseded ?? []).map((m): [string, string] => [m.url, m.hash])]));
  }
  // A page whose date no longer fits its shard (an estimate changed), or whose hash is not the one its
  // shard indexed (edited), is left in `byUrl`, placed as new.
  const kept = (from: ShardMembership, key: string): IndexedPage[] => {
    const list: IndexedPage[] = [];
    const hashes = indexed.get(from.key);
    for (const url of from.urls) {
      const page = byUrl.get(url);
      if (!page || !belongs(key, dateOf(page))) continue;
      const before = hashes?.get(url);
      if (before !== undefined && page.hash !== undefined && page.hash !== before) continue;
      list.push(page);
      byUrl.delete(url);
    }
    return list;
  };
  const [newestBefore, ...olderBefore] = (previous ?? []).filter((s) => s.key !== ADDED_SHARD && s.key !== UNDATED_SHARD);
  if (!newestBefore) return fresh();
  // The newest shard is planned anew: any date from its oldest on fits it.
  const newest = kept(newestBefore, ADDED_SHARD);
  const since = newest.map(dateOf).sort()[0];
  if (!since) return fresh();
  const older = olderBefore.map((s) => ({ key: s.key, pages: kept(s, s.key) }));
  const undatedBefore = previous!.find((s) => s.key === UNDATED_SHARD);
  const addedBefore = previous!.find((s) => s.key === ADDED_SHARD);
  const undated = undatedBefore ? kept(undatedBefore, UNDATED_SHARD) : [];
  const added = addedBefore ? kept(addedBefore, ADDED_SHARD) : [];
  // What is left in `byUrl` is new, unless a shard's index still holds it as it is (marked superseded):
  // it goes back there, and no shard is indexed again for it.
  const homes = new Map<string, IndexedPage[]>([
    [newestBefore.key, newest],
    ...older.map((s): [string, IndexedPage[]] => [s.key, s.pages]),
    [UNDATED_SHARD, undated],
    [ADDED_SHARD, added],
  ]);
  const markedShards = [...marks];
  for (const page of byUrl.values()) {
    const home = markedShards.find(
      ([key, m]) => page.hash !== undefined && m.get(page.url)?.hash === page.hash && belongs(key === newestBefore.key ? ADDED_SHARD : key, dateOf(page)),
    );
    (home ? homes.get(home[0])! : added).push(page);
  }
  if (added.length > maxAdded) {
    for (const page of added.splice(0)) {
      const date = dateOf(page);
      if (date === null) undated.push(page);
      else if (date >= since) newest.push(page);
      else {
        const home = older.find((s) => belongs(s.key, date));
        if (!home) return fresh();
        home.pages.push(page);
      }
    }
  }
  const byPath = (a: IndexedPage, b: IndexedPage): number => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
  const shards: Shard[] = [
    ...planShards(newest, max, newestMax),
    ...older.filter((s) => s.pages.length > 0).map((s) => ({ key: s.key, pages: s.pages.sort(byPath) })),
    ...(undated.length > 0 ? [{ key: UNDATED_SHARD, pages: undated.sort(byPath) }] : []),
    ...(added.length > 0 ? [{ key: ADDED_SHARD, pages: added.sort(byPath) }] : []),
  ];
  // The newest shards planned anew are named by their dates, which an older shard's name could share.
  if (new Set(shards.map((s) => s.key)).size !== shards.length) return fresh();
  for (const shard of shards) {
    const before = indexed.get(shard.key);
    // Its index is kept only if it holds every page as it is now: the others are hidden, not indexed.
    if (!before || !shard.pages.every((p) => p.hash !== undefined && before.get(p.url) === p.hash)) continue;
    const live = new Set(shard.pages.map((p) => p.url));
    const superseded = [...before]
      .filter(([url]) => !live.has(url))
      .map(([url, hash]): SupersededPage => {
        const mark = marks.get(shard.key)?.get(url);
        return mark?.hash === hash ? mark : { url, hash };
      });
    if (superseded.length > 0) shard.superseded = superseded;
  }
  return shards;
}

/** What the plan file keeps of a shard (`ShardMembership`), `superseded` as its index left them. */
export function membershipOf(shard: Shard, superseded: SupersededPage[]): ShardMembership {
  const urls = shard.pages.map((p) => p.url);
  const hashes = shard.pages.map((p) => p.hash);
  return {
    key: shard.key,
    urls,
    ...(hashes.every((h) => h !== undefined) ? { hashes: hashes as string[] } : {}),
    ...(superseded.length > 0 ? { superseded } : {}),
  };
}
