/**
 * Builds one shard's Pagefind index (IO). Runs inside a worker thread (`shardWorker.ts`), which makes
 * the shard's pages and runs the Pagefind CLI on them (`pagefindCli.ts`): two shards really index on
 * two cores, and a shard's memory is returned to the system as soon as it is written.
 *
 * Each article's Markdown becomes the page Pagefind indexes (`page.ts`), folded and its title marked (`fold.ts`), written
 * to a scratch directory that Pagefind reads, rather than one `addHTMLFile` message each: a message
 * costs ~3 ms of Pagefind's time (5,000 pages: 14 s), reading the same pages from disk ~0.6 ms (3 s),
 * and the copy is written in well under a second. The CLI binary, not the Node API's service on the
 * same binary: the same bytes out for less CPU (`pagefindCli.ts`).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { forEachLimited } from '../concurrency.ts';
import { folderSize } from '../folderSize.ts';
import type { FrontMatter } from '../schema.ts';
import { contentHash, markdownBody, parseContentFile, type ContentFile } from '../site/archive.ts';
import { foldPage } from './fold.ts';
import { runPagefindCli } from './pagefindCli.ts';
import { indexPage } from './page.ts';
import { readFragments } from './fragments.ts';
import { scratchDir } from './scratch.ts';
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
  /** The hash the previous build recorded for the shard, if its output is still there (`keptShard`). */
  previousHash: string | null;
  /** Where the previous build's shards are (`bundleDir` unless the site is updated in place). */
  previousBundleDir?: string;
  /** Hash of the code that makes what Pagefind is handed (`INDEX_CODE`), Pagefind's version included. */
  code: string;
  maxFragments?: number;
  /**
   * Each page's front matter, in `shard.pages` order, when the compact archive gave it: the page is
   * made from it and the file's body, without parsing the file's YAML (~0.2 ms a page).
   */
  frontMatter?: FrontMatter[];
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
  /** Bytes of its index's files, when indexed again (a kept one's are the previous build's). */
  bytes?: number;
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

/** Hashes of a shard's pages: from the compact archive index when it gave them, else read (and kept) here. */
async function pageHashes(job: ShardJob, files: Array<Buffer | undefined>): Promise<Array<{ url: string; hash: string }>> {
  const { shard } = job;
  if (shard.pages.some((p) => p.hash === undefined)) {
    await forEachLimited(shard.pages.length, FILES_AT_ONCE, async (i) => {
      if (shard.pages[i]!.hash === undefined && files[i] === undefined) files[i] = await readFile(join(job.contentDir, shard.pages[i]!.file));
    });
  }
  return shard.pages.map((page, i) => ({ url: page.url, hash: page.hash ?? contentHash(files[i]!) }));
}

/** The shard's hash: of the code and every page its index holds (`entries`), sorted by URL. */
function digestOf(job: ShardJob, entries: Array<{ url: string; hash: string }>): string {
  const hash = createHash('sha256').update(`${job.code}${(job.fold ?? true) ? '' : '-unfolded'}\n`);
  for (const e of [...entries].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) hash.update(`${e.url} ${e.hash}\n`);
  return hash.digest('hex');
}

/**
 * The shard's previous index when it holds the shard's pages as they are now (and its superseded
 * pages, which the result lists with their ids), else null: to be indexed again (`buildShard`). What
 * is indexed is a function of the articles' Markdown and the code, so a rebuild compares hashes without
 * making a page; a kept index with superseded pages still holds them, and its hash is of every page it
 * holds, sorted by URL. Cheap (the pages' hashes, a stat; a superseded page's id read once from the
 * fragments): the build asks it in the main thread, so that a kept shard's pages and front matter are
 * never posted to a worker.
 */
export async function keptShard(job: ShardJob): Promise<ShardResult | null> {
  const { shard } = job;
  const live = await pageHashes(job, []);
  const superseded = shard.superseded ?? [];
  const previousDir = join(job.previousBundleDir ?? job.bundleDir, shard.key);
  const keptDigest = digestOf(job, [...live, ...superseded]);
  if (job.previousHash !== keptDigest) return null;
  const entry = await stat(join(previousDir, 'pagefind-entry.json')).catch(() => null);
  if (!entry) return null;
  const marked = await resolveSuperseded(previousDir, superseded);
  // A superseded page the kept index does not hold as planned: the shard is indexed again instead.
  return marked ? { key: shard.key, pages: shard.pages.length, hash: keptDigest, rebuilt: false, superseded: marked } : null;
}

/**
 * Indexes the shard's pages anew: the build asks `keptShard` first, in the main thread. Its hash is of
 * the code and its pages' hashes, which come from the compact archive index when it gave them; else
 * from the files, which are then kept for making the pages.
 */
export async function buildShard(job: ShardJob): Promise<ShardResult> {
  const { shard, bundleDir } = job;
  const outDir = join(bundleDir, shard.key);
  const fold = job.fold ?? true;
  const files: Array<Buffer | undefined> = new Array(shard.pages.length);
  const live = await pageHashes(job, files);
  const digest = digestOf(job, live);

  // Pagefind makes a page's URL from its path under the directory: `2023/05/01/slug/index.html`. In
  // memory where they fit (`scratch.ts`), else inside the bundle, so that a killed build's copy goes
  // with its staging site.
  const scratch = await scratchDir(shard.key, shard.pages.length, `${outDir}.source`);
  await rm(scratch, { recursive: true, force: true });
  try {
    // Pagefind numbers the pages in the order it finds them, and tmpfs lists a folder's entries in the
    // order they were made: the pages' folders are made one after another in URL order first, so that
    // the same pages give the same index whatever the order the pages are written in below.
    const dirOf = (url: string): string => join(scratch, ...url.split('/').filter(Boolean));
    for (const url of shard.pages.map((p) => p.url).sort()) mkdirSync(dirOf(url), { recursive: true });
    // Each page is read, made and written in one go, none kept: the thread never holds a shard's
    // pages (~200 MB for 5,000) while Pagefind, beside the render, needs the memory. Synchronously, in
    // this thread of its own: the promise API's open, stat, read, write and close cost ~2.5× the CPU
    // (9,209 pages copied: 0.77 CPU s against 0.29).
    for (let i = 0; i < shard.pages.length; i++) {
      const bytes = files[i] ?? readFileSync(join(job.contentDir, shard.pages[i]!.file));
      files[i] = undefined;
      const { url, html } = indexPage(contentFile(shard.pages[i]!.file, bytes, job.frontMatter?.[i]), live[i]!.hash);
      // The Markdown file's path is the page's URL (`IndexedPage`): made above.
      if (url !== shard.pages[i]!.url) throw new SearchIndexError(shard.key, [`${shard.pages[i]!.file} is the page of ${url}`]);
      writeFileSync(join(dirOf(url), 'index.html'), fold ? foldPage(html) : html);
    }
    await writeIndex(shard.key, scratch, outDir, shard.pages.length, job.maxFragments);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { key: shard.key, pages: shard.pages.length, hash: digest, rebuilt: true, superseded: [], bytes: folderSize(outDir).bytes };
}

/** A Markdown file as the page needs it: with its front matter known, only its body is cut out, no YAML read. */
function contentFile(name: string, bytes: Buffer, frontMatter: FrontMatter | undefined): Pick<ContentFile, 'frontMatter' | 'body'> {
  return frontMatter ? { frontMatter, body: markdownBody(bytes) } : parseContentFile(name, bytes);
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
  // Written beside the live shard and swapped in, so a failed build never leaves half an index.
  const partial = `${outDir}.partial`;
  await rm(partial, { recursive: true, force: true });
  try {
    await runPagefindCli({ site: sourceDir, output: partial, ...(maxFragments ? { maxFragments } : {}) });
  } catch (error) {
    throw new SearchIndexError(key, [error instanceof Error ? error.message : String(error)]);
  }
  const entry = JSON.parse(await readFile(join(partial, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  if (indexed !== expected) throw new SearchIndexError(key, [`indexed ${indexed} pages of ${expected}`]);
  await Promise.all(UNUSED_BUNDLE_FILES.map((f) => rm(join(partial, f), { recursive: true, force: true })));
  await rm(outDir, { recursive: true, force: true });
  await rename(partial, outDir);
}

/** What `pagefind-entry.json` says of each language's index. */
interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}
