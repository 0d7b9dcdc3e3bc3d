/**
 * The title index (IO): for every pair of words side by side in some article's title (folded, as the
 * search page reads a query: `Sư đoàn 316` gives `su doan` and `doan 316`), which shards have such
 * titles and how many, and the newest `TITLE_TOP` of them with what the search page needs to show them
 * at once: the Pagefind page id (its fragment file), the shard, the date.
 *
 * Why: by relevance the search page lists first the articles whose title has the query's words side by
 * side, newest first, and shows first results before the whole archive has loaded only when nothing
 * else can come first. A Pagefind search of the newest shard cannot know whether an older shard has
 * such a title (`su doan` at 10,000 articles: none in the newest shard, so the page waited a second for
 * every shard), and an older shard's search costs its metadata and index chunks (~150 KB). One bucket
 * file (a few KB) answers for the whole archive: the page shows a two-word query's newest titles from
 * their fragments, knows when no title has a longer phrase (its newest articles' text then comes first),
 * and loads no title-twin index chunk for them.
 *
 * Written to `pagefind/titles/<bucket>.json`, each pair by its hash (`pairKey`) in one of `buckets` files
 * (`titleBucket`; both the same as in `public/js/search-text.js`); the count is in `shards.json` (`titles`). Each shard's titles
 * are read from its own fragments once, when it is indexed, and kept in the build's state folder
 * (`search-titles/<shard>.json`, with the shard's hash), so a rebuild that keeps a shard reads one file.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { writeFileAtomic } from '../ingest/atomic.ts';
import { join } from 'node:path';
import { forEachLimited } from '../concurrency.ts';
import { tokenCore } from './fold.ts';
import { allFragments, type Fragment } from './fragments.ts';
import { readJson } from '../readJson.ts';
import { fnv1a } from '../text.ts';

/** The folder of the bucket files, inside the bundle (beside the shards' folders). */
export const TITLE_DIR = 'titles';
/**
 * A rebuild in place's changed bucket files, in the staging bundle: the build moves each into the live
 * `TITLE_DIR` (`src/site/inPlace.ts`), which it does not replace whole.
 */
export const TITLE_CHANGES_DIR = 'titles.changed';
/** Entries listed per pair: two pages of results (the search page shows 10 at a time). */
export const TITLE_TOP = 20;
/**
 * At most this many pairs per bucket file (~2 KB gzipped at 10,000 articles); at 100,000 articles of
 * varied titles (~1M pairs) that is ~8,000 files, ~7% of the index's.
 */
const PAIRS_PER_BUCKET = 128;

/**
 * One article of a shard: Pagefind's page id (fragment file), its fragment group if bundled, its sort
 * date, its title's pairs of words (`pairKey`: hashed, so that no dump text is written outside
 * Pagefind's own records).
 */
export interface TitleEntry {
  id: string;
  group?: string;
  /** `date`, else `estimated`, else '' (undated: last). */
  date: string;
  pairs: string[];
}

/** A pair's entry in a bucket: shard index (in `shards.json`), page id, date, fragment group. */
export type TopEntry = [number, string, string] | [number, string, string, string];
export interface PairEntry {
  /** Titles with the pair, per shard index. */
  n: Record<string, number>;
  /** The newest `TITLE_TOP`, newest first (undated last; ties by shard order, then id). */
  top: TopEntry[];
}

/** The folded words of a title as the index and the search page see them (`tokenCore`, `wordKey`). */
export function titleWords(title: string): string[] {
  return title.split(/\s+/).map(tokenCore).filter(Boolean);
}

/** `Sư đoàn 316` → `su doan`, `doan 316`: every pair of words side by side, once. */
export function titlePairs(title: string): string[] {
  const words = titleWords(title);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) pairs.add(`${words[i]} ${words[i + 1]}`);
  return [...pairs];
}

/**
 * A pair as the title index writes it: 64 bits of two FNV-1a hashes in hex (`pairKey` of search-text.js
 * must agree). Hashed: the files hold no dump text; 64 bits: among a million pairs, no two alike.
 */
export function pairKey(pair: string): string {
  return [fnv1a(pair, 0x811c9dc5), fnv1a(pair, 0x050c5d1f)].map((h) => h.toString(16).padStart(8, '0')).join('');
}

/** The bucket of a pair: its first hash (`titleBucket` of search-text.js must agree). */
export function titleBucket(pair: string, buckets: number): number {
  return fnv1a(pair, 0x811c9dc5) % buckets;
}

/** The bucket of a pair from its `pairKey`: the same as `titleBucket`. */
const keyBucket = (key: string, buckets: number): number => Number.parseInt(key.slice(0, 8), 16) % buckets;

const entryOf = (id: string, fragment: Fragment, group?: string): TitleEntry => ({
  id,
  ...(group ? { group } : {}),
  date: fragment.meta?.date ?? fragment.meta?.estimated ?? '',
  pairs: titlePairs(fragment.meta?.title ?? '').map(pairKey),
});

/** Reads a shard's titles from its fragment files (a page's, or a group of pages' with `maxFragments`). */
export async function readShardTitles(shardDir: string): Promise<TitleEntry[]> {
  return (await allFragments(shardDir)).map(({ id, group, fragment }) => entryOf(id, fragment, group));
}

/**
 * A shard's titles: from `cacheFile` (the build's state folder, not the site) when it was written for
 * the same shard (`hash`, the shard's index hash), else read from its fragments and written there.
 * `before`: what the file held, whatever its hash (a rebuild's title index compares with it).
 */
export async function shardTitles(
  shardDir: string,
  hash: string,
  cacheFile: string | null,
): Promise<{ entries: TitleEntry[]; before: { hash: string; entries: TitleEntry[] } | null }> {
  const kept = cacheFile ? await readTitleCache(cacheFile) : null;
  if (kept?.hash === hash) return { entries: kept.entries, before: kept };
  const entries = await readShardTitles(shardDir);
  if (cacheFile) await writeFileAtomic(cacheFile, JSON.stringify({ hash, entries }));
  return { entries, before: kept };
}

/** A shard's titles as `shardTitles` keeps them, or null. */
export async function readTitleCache(cacheFile: string): Promise<{ hash: string; entries: TitleEntry[] } | null> {
  return readJson(cacheFile);
}

/** Newest first, undated last; ties by shard order, then id: the order the search page shows. */
function newerFirst(a: { shard: number; entry: TitleEntry }, b: { shard: number; entry: TitleEntry }): number {
  if (a.entry.date !== b.entry.date) {
    if (!a.entry.date) return 1;
    if (!b.entry.date) return -1;
    return a.entry.date > b.entry.date ? -1 : 1;
  }
  return a.shard - b.shard || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0);
}

/**
 * A pair's entry from the titles that have it (pure). The newest `TITLE_TOP` are picked in one pass, not
 * by sorting the list: a common pair of a large archive has tens of thousands of titles (`quan khu`).
 */
function pairEntry(list: Array<{ shard: number; entry: TitleEntry }>): PairEntry {
  const n: Record<string, number> = {};
  const newest: Array<{ shard: number; entry: TitleEntry }> = [];
  for (const item of list) {
    n[item.shard] = (n[item.shard] ?? 0) + 1;
    if (newest.length === TITLE_TOP && newerFirst(item, newest[TITLE_TOP - 1]!) >= 0) continue;
    let at = newest.length;
    while (at > 0 && newerFirst(item, newest[at - 1]!) < 0) at--;
    newest.splice(at, 0, item);
    if (newest.length > TITLE_TOP) newest.pop();
  }
  const top = newest.map(({ shard, entry }): TopEntry => (entry.group ? [shard, entry.id, entry.date, entry.group] : [shard, entry.id, entry.date]));
  return { n, top };
}

/**
 * Every pair's entry by `pairKey` (pure), from each shard's titles, shards in `shards.json` order; with
 * `only`, those pairs' entries only.
 */
export function pairEntries(shards: TitleEntry[][], only?: ReadonlySet<string>): Map<string, PairEntry> {
  const found = new Map<string, Array<{ shard: number; entry: TitleEntry }>>();
  shards.forEach((entries, shard) => {
    for (const entry of entries) {
      for (const pair of entry.pairs) {
        if (only && !only.has(pair)) continue;
        let list = found.get(pair);
        if (!list) found.set(pair, (list = []));
        list.push({ shard, entry });
      }
    }
  });
  const out = new Map<string, PairEntry>();
  for (const [pair, list] of found) out.set(pair, pairEntry(list));
  return out;
}

/** Bucket files for `pairs` pairs: a power of two, at least 16, of at most `PAIRS_PER_BUCKET` pairs each. */
function bucketsFor(pairs: number): number {
  let buckets = 16;
  while (buckets * PAIRS_PER_BUCKET < pairs) buckets *= 2;
  return buckets;
}

/**
 * A bucket file's text: its pairs in `pairKey` order, so that a bucket a rebuild patches has the
 * bytes a cold build writes, whatever order the pairs were found in.
 */
function bucketText(pairs: Record<string, PairEntry>): string {
  const sorted: Record<string, PairEntry> = {};
  for (const key of Object.keys(pairs).sort()) sorted[key] = pairs[key]!;
  return JSON.stringify(sorted);
}

/** What `shards.json` says of the title index (`ShardManifest.titles`). */
export interface TitleIndexInfo {
  buckets: number;
  top: number;
  /** Pairs listed: a rebuild that changes a few knows the bucket count without counting every pair. */
  pairs: number;
}

/**
 * Writes the bucket files into `<bundleDir>/titles/` (swapped in whole) from each shard's titles,
 * shards in `shards.json` order.
 */
export async function writeTitleIndex(bundleDir: string, shards: TitleEntry[][]): Promise<{ info: TitleIndexInfo; bytes: number }> {
  const pairs = pairEntries(shards);
  const buckets = bucketsFor(pairs.size);
  const files: Array<Record<string, PairEntry>> = Array.from({ length: buckets }, () => ({}));
  for (const [key, entry] of pairs) files[keyBucket(key, buckets)]![key] = entry;
  const dir = join(bundleDir, TITLE_DIR);
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  let bytes = 0;
  await forEachLimited(buckets, 32, async (i) => {
    const text = bucketText(files[i]!);
    bytes += Buffer.byteLength(text);
    await writeFile(join(partial, `${i}.json`), text);
  });
  await rm(dir, { recursive: true, force: true });
  await rename(partial, dir);
  return { info: { buckets, top: TITLE_TOP, pairs: pairs.size }, bytes };
}

/** A shard's titles as the title index lists them (its superseded pages left out), by shard key. */
export interface TitleShard {
  key: string;
  entries: TitleEntry[];
}

/** An entry as a rebuild compares it: the same id in the same shard may have another title or date. */
const signature = (e: TitleEntry): string => `${e.id}\0${e.group ?? ''}\0${e.date}\0${e.pairs.join(' ')}`;

/**
 * The pairs whose entries may differ between the title index of `before` and that of `now` (pure):
 * every pair of a title that one has and the other has not (a shard's new, changed, removed or
 * hidden titles), and every pair of a shard that moved in the order (its index is in each entry).
 * Shards whose `entries` are the same array are skipped unread.
 */
export function changedPairs(before: TitleShard[], now: TitleShard[]): Set<string> {
  const changed = new Set<string>();
  const add = (entries: Iterable<TitleEntry>): void => {
    for (const entry of entries) for (const pair of entry.pairs) changed.add(pair);
  };
  const at = new Map(before.map((s, i) => [s.key, i]));
  now.forEach((shard, i) => {
    const j = at.get(shard.key);
    at.delete(shard.key);
    if (j === undefined) return add(shard.entries);
    const old = before[j]!.entries;
    if (old === shard.entries && j === i) return;
    if (j !== i) {
      add(old);
      add(shard.entries);
      return;
    }
    const oldSigs = new Set(old.map(signature));
    const newSigs = new Set(shard.entries.map(signature));
    add(old.filter((e) => !newSigs.has(signature(e))));
    add(shard.entries.filter((e) => !oldSigs.has(signature(e))));
  });
  for (const j of at.values()) add(before[j]!.entries);
  return changed;
}

/**
 * Updates the title index of `before` (its bucket files in `beforeDir`, described by `info`) to that of
 * `now`, writing into `outDir` only the buckets whose content changed (`growth`: the bytes they gained),
 * each with the bytes `writeTitleIndex` would write for `now`; the other files are neither read nor
 * written. Null when the bucket count changes (every pair moves: `writeTitleIndex` then) or a bucket to
 * change cannot be read. `outDir` may be `beforeDir`: each file is replaced by a rename (it may be a
 * hard link to the live site's).
 */
export async function updateTitleIndex(
  beforeDir: string,
  info: TitleIndexInfo,
  before: TitleShard[],
  now: TitleShard[],
  outDir: string,
): Promise<{ info: TitleIndexInfo; written: number; growth: number } | null> {
  if (info.top !== TITLE_TOP) return null;
  const changed = changedPairs(before, now);
  const entries = pairEntries(
    now.map((s) => s.entries),
    changed,
  );
  const byBucket = new Map<number, string[]>();
  for (const key of changed) {
    const bucket = keyBucket(key, info.buckets);
    const list = byBucket.get(bucket);
    if (list) list.push(key);
    else byBucket.set(bucket, [key]);
  }
  let pairs = info.pairs;
  const texts = new Map<number, string>();
  let growth = 0;
  const toRead = [...byBucket];
  try {
    await forEachLimited(toRead.length, 32, async (i) => {
      const [bucket, keys] = toRead[i]!;
      const text = await readFile(join(beforeDir, `${bucket}.json`), 'utf8');
      const file = JSON.parse(text) as Record<string, PairEntry>;
      for (const key of keys) {
        const entry = entries.get(key);
        if (Object.hasOwn(file, key)) pairs -= 1;
        if (entry) {
          file[key] = entry;
          pairs += 1;
        } else delete file[key];
      }
      const next = bucketText(file);
      if (next === text) return;
      texts.set(bucket, next);
      growth += Buffer.byteLength(next) - Buffer.byteLength(text);
    });
  } catch {
    return null;
  }
  if (bucketsFor(pairs) !== info.buckets) return null;
  await mkdir(outDir, { recursive: true });
  const toWrite = [...texts];
  await forEachLimited(toWrite.length, 32, async (i) => {
    const [bucket, text] = toWrite[i]!;
    await writeFileAtomic(join(outDir, `${bucket}.json`), text, { folderExists: true });
  });
  return { info: { buckets: info.buckets, top: TITLE_TOP, pairs }, written: texts.size, growth };
}
