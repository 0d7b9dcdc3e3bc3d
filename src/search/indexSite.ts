/**
 * Builds the site's search index into `<siteDir>/pagefind/` (IO) from the generated Markdown: one
 * Pagefind index per shard (`shards.ts`), up to two shards at a time on two worker threads, each with
 * its own Pagefind process, and `pagefind/shards.json`, which the search page reads to merge the
 * shards. A shard whose articles' Markdown did not change since the last build, indexed by the same
 * code, is kept as it is; a rebuild keeps every article in the shard it was in (`updateShards`), so that
 * new articles change few shards.
 */
import { availableParallelism } from 'node:os';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_DIR, MANIFEST_FILE } from './bundle.ts';
import { keptShard, type ShardJob, type ShardResult } from './buildShard.ts';
import { membershipOf, updateShards, type IndexedPage, type Shard, type ShardManifest, type ShardMembership } from './shards.ts';
import { hashSources } from '../codeHash.ts';
import { folderSize } from '../folderSize.ts';
import { INDEX_CODE } from './indexCode.ts';
import { removeDeadScratch } from './scratch.ts';
import { writeFileAtomic } from '../ingest/atomic.ts';
import { contentFiles, readContentFile } from '../site/archive.ts';
import { loadArchiveIndex, type ArchiveIndex } from '../ingest/archiveIndex.ts';
import { nextReply, tsWorker } from '../worker.ts';
import { readJson } from '../readJson.ts';
import {
  readTitleCache,
  shardTitles,
  TITLE_CHANGES_DIR,
  TITLE_DIR,
  updateTitleIndex,
  writeTitleIndex,
  type TitleEntry,
  type TitleIndexInfo,
  type TitleShard,
} from './titleIndex.ts';

/** Each shard's titles (`titleIndex.ts`), beside `planFile` in the build's state folder. */
const TITLE_CACHE_DIR = 'search-titles';
/**
 * The bytes of each shard's index (by its hash) and of the title index (by what the manifest says of
 * it), beside `planFile`: a rebuild counts the bundle's size without a stat of each of its files
 * (~107,000 at 100,000 articles).
 */
const SIZES_FILE = 'search-sizes.json';
interface BundleSizes {
  version: 1;
  shards: Record<string, { hash: string; bytes: number }>;
  titles: { info: string; bytes: number };
}

export { INDEX_CODE } from './indexCode.ts';

export interface IndexSiteOptions {
  /** The generated Markdown (`.build/content/`): one indexed page per article. */
  contentDir: string;
  /** The index is written to `<siteDir>/pagefind/`. */
  siteDir: string;
  /** Shards built at once; defaults to the number of cores (2 here), at most 2 (each may take ~3 GB). */
  concurrency?: number;
  /**
   * The site rendering beside the index, on one core: one shard is built at a time until this settles,
   * then `concurrency`.
   */
  otherWorkDone?: Promise<unknown>;
  /** Pagefind's cap on fragment files per shard, for static hosts with file-count limits. */
  maxFragments?: number;
  /**
   * Where the shards' articles are kept between builds (`.build/search-shards.json`), so that a rebuild
   * keeps each article in its shard (`updateShards`); without it, shards are planned anew every time.
   */
  planFile?: string;
  /** False only to measure what the `đ` fold costs. */
  fold?: boolean;
  /** The compact index of the Markdown (`src/ingest/archiveIndex.ts`): pages and their hashes without reading every file. */
  archiveIndex?: string;
  /** The same, already in memory (the build's ingest returns it): used instead of `archiveIndex`. */
  archive?: ArchiveIndex | null;
  /**
   * The live site's index, when the build updates the site in place: its shards are compared with and
   * kept there, and `siteDir` receives only the shards indexed again and the manifest.
   */
  previousBundle?: string;
  /** Called after each shard, for the build's progress display. */
  onShard?: (done: number, total: number, shard: ShardResult) => void;
}

export interface IndexSiteResult {
  pages: number;
  /** Size of `<siteDir>/pagefind/` on disk. */
  bytes: number;
  shards: number;
  /** Shards indexed by this run (the others were unchanged and kept). */
  rebuilt: number;
  /** Shards of the previous index that are gone (`previousBundle` only: the build removes them). */
  removed: string[];
}

/** The generated Markdown mirrors the site: `2023/05/01/slug.md` is `/2023/05/01/slug/`. */
const urlOf = (file: string): string => `/${file.slice(0, -'.md'.length)}/`;
const UNDATED_FILES = 'khong-ro-ngay/';

/** The JavaScript a shard worker loads (through `site/archive.ts`), loaded before its TypeScript (`tsWorker`). */
const SHARD_PRELOAD = ['gray-matter', 'markdown-it'].map((name) => import.meta.resolve(name));

/** A worker thread that builds shards. */
function startWorker(): { run(job: ShardJob): Promise<ShardResult>; stop(): Promise<number> } {
  const worker = tsWorker(new URL('./shardWorker.ts', import.meta.url), { preload: SHARD_PRELOAD });
  return {
    run: (job) => {
      const result = nextReply<ShardResult>(worker);
      worker.postMessage(job);
      return result;
    },
    stop: () => worker.terminate(),
  };
}

export async function indexSite(opts: IndexSiteOptions): Promise<IndexSiteResult> {
  // The render's failure is the render's to report: the index goes on regardless.
  const othersMayStart = (opts.otherWorkDone ?? Promise.resolve()).then(
    () => {},
    () => {},
  );
  const siteDir = opts.siteDir;
  const bundleDir = join(siteDir, BUNDLE_DIR);
  await removeDeadScratch();
  const index = opts.archive ?? (opts.archiveIndex ? await loadArchiveIndex(opts.archiveIndex) : null);
  const pages: IndexedPage[] = index
    ? [...index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, entry]) => {
        const page: IndexedPage = { url: urlOf(file), file, hash: entry.hash };
        if (entry.frontMatter.estimatedDate) page.date = entry.frontMatter.estimatedDate;
        return page;
      })
    : contentFiles(opts.contentDir).map((file) => ({ url: urlOf(file), file }));
  // An undated article's URL has no date: the one it is placed by, if estimated, is in its front matter.
  if (!index) {
    for (const page of pages) {
      if (!page.file.startsWith(UNDATED_FILES)) continue;
      const estimated = readContentFile(opts.contentDir, page.file).frontMatter.estimatedDate;
      if (estimated) page.date = estimated;
    }
  }
  const plan = opts.planFile ? await readJson<{ version: 1; shards: ShardMembership[] }>(opts.planFile) : null;
  const shards = updateShards(pages, plan?.version === 1 ? plan.shards : null);
  await mkdir(bundleDir, { recursive: true });
  const previousBundle = opts.previousBundle ?? bundleDir;
  const manifestBefore = await readJson<ShardManifest>(join(previousBundle, MANIFEST_FILE));
  const previous = new Map(manifestBefore?.shards.map((s) => [s.key, s.hash]) ?? []);
  const code = await hashSources(INDEX_CODE);

  const results: ShardResult[] = [];
  /** Each shard's titles (`titleIndex.ts`), read as it is done, while the other shards are indexed. */
  const titles = new Map<string, Promise<TitleEntry[]>>();
  /** What the state folder held of each shard's titles before this run (the first read of a shard). */
  const cachedBefore = new Map<string, Promise<{ hash: string; entries: TitleEntry[] } | null>>();
  const workers: Array<ReturnType<typeof startWorker>> = [];
  const jobOf = (shard: Shard, withFrontMatter = true): ShardJob => ({
    shard,
    contentDir: opts.contentDir,
    bundleDir,
    previousBundleDir: previousBundle,
    previousHash: previous.get(shard.key) ?? null,
    code,
    ...(opts.maxFragments ? { maxFragments: opts.maxFragments } : {}),
    ...(opts.fold === false ? { fold: false } : {}),
    ...(index && withFrontMatter ? { frontMatter: shard.pages.map((p) => index.get(p.file)!.frontMatter) } : {}),
  });
  const cacheOf = (key: string): string | null => (opts.planFile ? join(dirname(opts.planFile), TITLE_CACHE_DIR, `${key}.json`) : null);
  const readTitles = (result: ShardResult): void => {
    const read = shardTitles(join(result.rebuilt ? bundleDir : previousBundle, result.key), result.hash, cacheOf(result.key));
    const entries = read.then((r) => r.entries);
    entries.catch(() => {});
    titles.set(result.key, entries);
    if (!cachedBefore.has(result.key)) cachedBefore.set(result.key, read.then((r) => r.before, () => null));
  };
  // A shard whose index is kept is told here, from its pages' hashes: its pages and front matter (at
  // 100,000 articles, ~95,000 of them) are not posted to a worker, and no worker starts when none is
  // indexed again.
  const toIndex: Shard[] = [];
  for (const shard of shards) {
    const kept = await keptShard(jobOf(shard, false));
    if (!kept) {
      toIndex.push(shard);
      continue;
    }
    readTitles(kept);
    results.push(kept);
    opts.onShard?.(results.length, shards.length, kept);
  }
  // Largest first: the shards left when the render ends and the second worker joins are the small
  // ones, which the two workers finish at about the same time; the manifest keeps the planned order.
  const queue = toIndex.sort((a, b) => b.pages.length - a.pages.length);
  let next = 0;
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? availableParallelism(), 2, queue.length));
  /** A worker thread that takes the next shard until none is left. */
  const drain = async (): Promise<void> => {
    if (next >= queue.length) return;
    const worker = startWorker();
    workers.push(worker);
    while (next < queue.length) {
      const shard = queue[next++]!;
      const result = await worker.run(jobOf(shard));
      readTitles(result);
      results.push(result);
      opts.onShard?.(results.length, shards.length, result);
    }
  };
  const first = drain();
  const others = async (): Promise<void> => {
    // Once the first worker has taken the last shard, there is nothing left to start others for.
    await Promise.race([othersMayStart, first]);
    await Promise.all(Array.from({ length: concurrency - 1 }, drain));
  };
  try {
    await Promise.all([first, concurrency > 1 ? others() : undefined]);
    // A superseded page is hidden by its id, which another shard may give a live page (ids are unique
    // within a shard only): that shard is indexed again instead (rare: ~1 in 27,000 at 10,000 pages).
    // Each shard's page ids are those of its titles, which hold every page of its index.
    const idsOf = async (key: string): Promise<Set<string>> => new Set((await titles.get(key)!).map((entry) => entry.id));
    // Each round leaves fewer shards with marks; a shard indexed again may clash with another's marks.
    for (let clashing = await clashes(shards, results, idsOf); clashing.length > 0; clashing = await clashes(shards, results, idsOf)) {
      const worker = startWorker();
      workers.push(worker);
      for (const shard of clashing) {
        const { superseded: _, ...plain } = shard;
        const result = await worker.run(jobOf(plain));
        results.splice(results.findIndex((r) => r.key === shard.key), 1, result);
        readTitles(result);
      }
    }
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }

  // Shards of a previous build that no longer exist (every article of a year removed).
  const live = new Set(shards.map((s) => s.key));
  const removed: string[] = [];
  for (const entry of await readdir(previousBundle, { withFileTypes: true })) {
    if (!entry.isDirectory() || live.has(entry.name) || entry.name === TITLE_DIR || entry.name === TITLE_CHANGES_DIR) continue;
    removed.push(entry.name);
    if (previousBundle === bundleDir) await rm(join(bundleDir, entry.name), { recursive: true });
  }

  const byKey = new Map(results.map((r) => [r.key, r]));
  const indexed = shards.map((s) => byKey.get(s.key)!);
  // A kept shard still holds its superseded pages: their titles are no one's.
  const titleShards: TitleShard[] = await Promise.all(
    indexed.map(async (r) => ({ key: r.key, entries: visible(await titles.get(r.key)!, r.superseded) })),
  );
  // Updating the live site in place, whose last build completed (the build passes `previousBundle` only
  // then): its title index is the one its manifest describes, and only the buckets that change are
  // written (`<bundle>/titles.changed/`, moved into the live `titles/` by the build). Else, or when the
  // previous titles are not all known, every bucket is written.
  const sizesFile = opts.planFile ? join(dirname(opts.planFile), SIZES_FILE) : null;
  const sizesBefore = sizesFile ? await readJson<BundleSizes>(sizesFile) : null;
  let titleIndex: { info: TitleIndexInfo; bytes: number } | null = null;
  const infoBefore = manifestBefore?.titles;
  if (opts.previousBundle && opts.previousBundle !== bundleDir && infoBefore?.pairs !== undefined) {
    const before = await titlesBefore(manifestBefore!, titleShards, cachedBefore, cacheOf);
    const info = { buckets: infoBefore.buckets, top: infoBefore.top, pairs: infoBefore.pairs };
    const titlesDir = join(previousBundle, TITLE_DIR);
    const updated = before && (await updateTitleIndex(titlesDir, info, before, titleShards, join(bundleDir, TITLE_CHANGES_DIR)));
    if (updated) {
      const was = sizesBefore?.version === 1 && sizesBefore.titles.info === JSON.stringify(infoBefore) ? sizesBefore.titles.bytes : folderSize(titlesDir).bytes;
      titleIndex = { info: updated.info, bytes: was + updated.growth };
    } else await rm(join(bundleDir, TITLE_CHANGES_DIR), { recursive: true, force: true });
  }
  titleIndex ??= await writeTitleIndex(
    bundleDir,
    titleShards.map((s) => s.entries),
  );
  const manifest: ShardManifest = {
    version: 1,
    pagefind: await pagefindVersion(),
    shards: indexed.map(({ key, pages: count, hash, superseded }) => ({
      key,
      pages: count,
      hash,
      ...(superseded.length > 0 ? { superseded: superseded.map((m) => ({ id: m.id!, filters: m.filters ?? {} })) } : {}),
    })),
    titles: titleIndex.info,
  };
  const manifestText = `${JSON.stringify(manifest, null, 1)}\n`;
  // Renamed in, never written in place: the bundle may be hard links to the live site's (`linkTree`).
  await writeFileAtomic(join(bundleDir, MANIFEST_FILE), manifestText);
  // The bundle's size: a shard indexed again was counted by its worker, a kept one by the last build
  // that counted it (else walked), the title index as written or updated.
  const sizes: BundleSizes = { version: 1, shards: {}, titles: { info: JSON.stringify(titleIndex.info), bytes: titleIndex.bytes } };
  for (const r of indexed) {
    const known = sizesBefore?.version === 1 && sizesBefore.shards[r.key]?.hash === r.hash ? sizesBefore.shards[r.key]!.bytes : undefined;
    sizes.shards[r.key] = { hash: r.hash, bytes: r.bytes ?? known ?? folderSize(join(r.rebuilt ? bundleDir : previousBundle, r.key)).bytes };
  }
  const bytes = Object.values(sizes.shards).reduce((sum, s) => sum + s.bytes, sizes.titles.bytes + Buffer.byteLength(manifestText));
  if (opts.planFile) {
    // The titles of shards that are gone.
    const cacheDir = join(dirname(opts.planFile), TITLE_CACHE_DIR);
    for (const file of await readdir(cacheDir).catch(() => [])) {
      if (!live.has(file.replace(/\.json$/, ''))) await rm(join(cacheDir, file), { force: true });
    }
    const kept: ShardMembership[] = shards.map((s) => membershipOf(s, byKey.get(s.key)!.superseded));
    await writeFileAtomic(opts.planFile, JSON.stringify({ version: 1, shards: kept }));
    await writeFileAtomic(sizesFile!, JSON.stringify(sizes));
  }
  return {
    pages: indexed.reduce((sum, s) => sum + s.pages, 0),
    bytes,
    shards: indexed.length,
    rebuilt: results.filter((r) => r.rebuilt).length,
    removed,
  };
}

/** A shard's titles less those of its superseded pages. */
function visible(entries: TitleEntry[], superseded: ReadonlyArray<{ id?: string }>): TitleEntry[] {
  const hidden = new Set(superseded.map((m) => m.id));
  return hidden.size > 0 ? entries.filter((e) => !hidden.has(e.id)) : entries;
}

/**
 * The titles the previous title index was made of, shard by shard as its manifest lists them (`before`):
 * a shard kept with the same hash has the titles it has now, one indexed again those the state folder
 * held before this run (`cachedBefore`), a shard that is gone those its state file still holds; each
 * less its superseded pages as the manifest lists them. Null when one is not known for that hash.
 */
async function titlesBefore(
  before: ShardManifest,
  now: TitleShard[],
  cachedBefore: Map<string, Promise<{ hash: string; entries: TitleEntry[] } | null>>,
  cacheOf: (key: string) => string | null,
): Promise<TitleShard[] | null> {
  const shards: TitleShard[] = [];
  for (const s of before.shards) {
    const file = cacheOf(s.key);
    const kept = cachedBefore.has(s.key) ? await cachedBefore.get(s.key)! : file ? await readTitleCache(file) : null;
    if (kept?.hash !== s.hash) return null;
    const hidden = s.superseded ?? [];
    const current = now.find((n) => n.key === s.key);
    // Unchanged: the very array the index is made from now, which `changedPairs` skips unread.
    const same = current && before.shards.indexOf(s) === now.indexOf(current) && hidden.length === 0 && current.entries === kept.entries;
    shards.push({ key: s.key, entries: same ? current.entries : visible(kept.entries, hidden) });
  }
  return shards;
}

/**
 * The shards whose superseded ids another shard gives a page it shows (`idsOf`: every page id of a
 * shard's index). Asked only when a page is superseded.
 */
export async function clashes(shards: Shard[], results: ShardResult[], idsOf: (key: string) => Promise<Set<string>>): Promise<Shard[]> {
  const marked = results.filter((r) => r.superseded.length > 0);
  if (marked.length === 0) return [];
  const shown = new Map<string, Set<string>>();
  for (const r of results) {
    const ids = await idsOf(r.key);
    for (const m of r.superseded) ids.delete(m.id!);
    shown.set(r.key, ids);
  }
  return marked
    .filter((r) => r.superseded.some((m) => results.some((other) => other.key !== r.key && shown.get(other.key)!.has(m.id!))))
    .map((r) => shards.find((s) => s.key === r.key)!);
}

/** Pagefind's package exports no `package.json`: read it beside its entry point. */
async function pagefindVersion(): Promise<string> {
  const entry = fileURLToPath(import.meta.resolve('pagefind'));
  const pkg = JSON.parse(await readFile(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
