/**
 * Builds one shard's Pagefind index (IO). Runs inside a worker thread (`shardWorker.ts`) so that each
 * shard gets its own Pagefind service process: two shards really index on two cores, and a shard's
 * memory is returned to the system as soon as it is written.
 *
 * Each article's Markdown becomes the page Pagefind indexes (`page.ts`), folded and its title marked (`fold.ts`), written
 * to a scratch directory that Pagefind reads, rather than one `addHTMLFile` message each: a message
 * costs ~3 ms of Pagefind's time (5,000 pages: 14 s), reading the same pages from disk ~0.6 ms (3 s),
 * and the copy is written in well under a second.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { forEachLimited } from '../concurrency.ts';
import { contentHash, parseContentFile } from '../site/archive.ts';
import { foldPage } from './fold.ts';
import { indexPage } from './page.ts';
import { readFragments } from './fragments.ts';
import type { Shard, SupersededPage } from './shards.ts';

/**
 * Files of Pagefind's bundle the search page never loads: its three prebuilt UIs, highlighting and the
 * playground. The search page uses the JS API (`pagefind.js`, worker, WebAssembly) only.
 */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'playground',
];

/** Files read or written at once: one at a time waits on the disk for each of thousands. */
const FILES_AT_ONCE = 32;

export interface ShardJob {
  shard: Shard;
  /** The generated Markdown: each page's `file` is relative to it. */
  contentDir: string;
  /** `<site>/pagefind`: the shard is written to `<bundleDir>/<key>/`. */
  bundleDir: string;
  /** The hash recorded by the previous build, if its output is still there. */
  previousHash: string | null;
  /** Where the previous build's shards are (`bundleDir` unless the site is updated in place). */
  previousBundleDir?: string;
  /** Hash of the code that makes what Pagefind is handed (`INDEX_CODE`), Pagefind's version included. */
  code: string;
  maxFragments?: number;
  /** False only to measure what the `đ` fold costs (search-bench `--no-fold`). */
  fold?: boolean;
}

export interface ShardResult {
  key: string;
  pages: number;
  hash: string;
  /** False when the shard's pages had not changed and its previous index was kept. */
  rebuilt: boolean;
  /**
   * The kept index's pages to hide, each with its Pagefind id and filters (`Shard.superseded`); empty when
   * the shard was indexed again.
   */
  superseded: SupersededPage[];
}

export class SearchIndexError extends Error {
  constructor(
    readonly shard: string,
    readonly errors: string[],
  ) {
    super(`search index failed for shard ${shard}: ${errors.join('; ')}`);
    this.name = 'SearchIndexError';
  }
}

export async function buildShard(job: ShardJob): Promise<ShardResult> {
  const { shard, bundleDir } = job;
  const outDir = join(bundleDir, shard.key);
  const fold = job.fold ?? true;
  // What is indexed is a function of the articles' Markdown and the code: a rebuild with nothing
  // changed compares hashes of files, without making a page. A kept index with superseded pages
  // still holds them: its hash is of every page it holds, sorted by URL.
  const files: Array<{ name: string; bytes: Buffer }> = new Array(shard.pages.length);
  const read = async (): Promise<void> =>
    forEachLimited(shard.pages.length, FILES_AT_ONCE, async (i) => {
      const { file } = shard.pages[i]!;
      files[i] ??= { name: file, bytes: await readFile(join(job.contentDir, file)) };
    });
  // The hashes come from the compact archive index when it gave them; else from the files.
  if (shard.pages.some((p) => p.hash === undefined)) await read();
  const live = shard.pages.map((page, i) => ({ url: page.url, hash: page.hash ?? contentHash(files[i]!.bytes) }));
  const digestOf = (entries: Array<{ url: string; hash: string }>): string => {
    const hash = createHash('sha256').update(`${job.code}${fold ? '' : '-unfolded'}\n`);
    for (const e of [...entries].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) hash.update(`${e.url} ${e.hash}\n`);
    return hash.digest('hex');
  };
  const superseded = shard.superseded ?? [];
  const previousDir = join(job.previousBundleDir ?? bundleDir, shard.key);
  const keptDigest = digestOf([...live, ...superseded]);
  const kept = job.previousHash === keptDigest && (await stat(join(previousDir, 'pagefind-entry.json')).catch(() => null));
  if (kept) {
    const marked = await resolveSuperseded(previousDir, superseded);
    // A superseded page the kept index does not hold as planned: the shard is indexed again instead.
    if (marked) return { key: shard.key, pages: shard.pages.length, hash: keptDigest, rebuilt: false, superseded: marked };
  }
  const digest = superseded.length > 0 ? digestOf(live) : keptDigest;
  await read();

  const documents = files.map(({ name, bytes }, i) => {
    const { url, html } = indexPage(parseContentFile(name, bytes), live[i]!.hash);
    return { url, content: fold ? foldPage(html) : html };
  });

  // Pagefind makes a page's URL from its path under the directory: `2023/05/01/slug/index.html`.
  // Inside the bundle, so that a killed build's copy goes with its staging site.
  const scratch = `${outDir}.source`;
  await rm(scratch, { recursive: true, force: true });
  try {
    for (let i = 0; i < documents.length; i += FILES_AT_ONCE) {
      await Promise.all(
        documents.slice(i, i + FILES_AT_ONCE).map(async (doc) => {
          const dir = join(scratch, ...doc.url.split('/').filter(Boolean));
          await mkdir(dir, { recursive: true });
          await writeFile(join(dir, 'index.html'), doc.content);
        }),
      );
    }
    await writeIndex(shard.key, scratch, outDir, documents.length, job.maxFragments);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { key: shard.key, pages: documents.length, hash: digest, rebuilt: true, superseded: [] };
}

/**
 * The Pagefind ids and filters of `superseded` pages in the index at `dir`: those already known are kept,
 * the others read from the shard's fragments (only when a page was newly superseded). Null when one is
 * not in the index.
 */
async function resolveSuperseded(dir: string, superseded: SupersededPage[]): Promise<SupersededPage[] | null> {
  if (superseded.every((m) => m.id !== undefined && m.filters !== undefined)) return superseded;
  const fragments = await readFragments(dir, new Set(superseded.filter((m) => m.id === undefined || m.filters === undefined).map((m) => m.url)));
  const resolved: SupersededPage[] = [];
  for (const mark of superseded) {
    const found = mark.id !== undefined && mark.filters !== undefined ? mark : fragments.get(mark.url);
    if (!found) return null;
    resolved.push({ url: mark.url, hash: mark.hash, id: found.id!, filters: found.filters! });
  }
  return resolved;
}

/** Indexes the pages under `sourceDir` and swaps the result in at `outDir`. */
async function writeIndex(key: string, sourceDir: string, outDir: string, expected: number, maxFragments?: number): Promise<void> {
  const created = await pagefind.createIndex({
    forceLanguage: 'vi',
    ...(maxFragments ? { maxFragments } : {}),
  });
  if (!created.index) throw new SearchIndexError(key, created.errors);
  const { index } = created;
  try {
    const added = await index.addDirectory({ path: sourceDir });
    if (added.errors.length) throw new SearchIndexError(key, added.errors);
    if (added.page_count !== expected) {
      throw new SearchIndexError(key, [`indexed ${added.page_count} pages of ${expected}`]);
    }
    // Written beside the live shard and swapped in, so a failed build never leaves half an index.
    const partial = `${outDir}.partial`;
    await rm(partial, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: partial });
    if (written.errors.length) throw new SearchIndexError(key, written.errors);
    await Promise.all(UNUSED_BUNDLE_FILES.map((f) => rm(join(partial, f), { recursive: true, force: true })));
    await rm(outDir, { recursive: true, force: true });
    await rename(partial, outDir);
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
