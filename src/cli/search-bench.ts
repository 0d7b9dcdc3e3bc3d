/**
 * `npx tsx src/cli/search-bench.ts [--count 10000] [--dir /tmp/qk2-search-bench] [--keep] [--no-fold] [query…]`
 *
 * Measures search alone on a synthetic archive of built article pages (src/bench/search.ts): the time
 * and size of the index build, then, in headless Chromium on the real search page, per query, the
 * bytes the first query transfers (Pagefind's own files included; raw, and gzipped as a static host
 * would serve its text files) and the time from the last keystroke to the first results on screen,
 * both when the first results are shown (the newest shard's) and when the whole archive's replace them.
 * Prints a table and writes it as JSON (`<dir>/search-bench.json`).
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { syntheticArchive, writeArticleContent, writeSearchPage } from '../bench/search.ts';
import { indexSite } from '../search/indexSite.ts';
import { launchChromium, serveDirectory, type ServedRequest } from '../../tests/support/browser.ts';

// Typical queries (a place, a border post), the archive's most common words, and words of several
// syllables whose first starts longer ones (`lu` → `luyện`: the phrase ranking's cost).
const DEFAULT_QUERIES = ['lung cu', 'pha long', 'y ty', 'quan khu', 'su doan', 'bien phong', 'lu doan', 'dien tap khu vuc', 'dan quan tu ve'];
/** Time between keystrokes: a fast typist. */
const KEY_DELAY_MS = 60;

interface Transfer {
  requests: number;
  bytes: number;
  /** The same, text files (JS, JSON) gzipped as a static host serves them. */
  gzipBytes: number;
  /** Of which under /pagefind/. */
  pagefindBytes: number;
  /** Raw bytes by kind of Pagefind file: runtime (JS, worker, WebAssembly), meta, titles (the title index), filter, index, fragment. */
  breakdown: Record<string, number>;
}

interface QueryMeasure {
  query: string;
  results: string;
  /** From opening the page to the index being ready (before the reader types). */
  readyMs: number;
  /** Everything the page fetched from opening it to the first results of the query. */
  first: Transfer;
  /** From the last keystroke to the first results on screen. */
  keystrokeToResultsMs: number;
  /** Everything fetched until the whole archive's results were on screen. */
  complete: Transfer;
  keystrokeToCompleteMs: number;
}

function args(argv: string[]): { count: number; dir: string; keep: boolean; fold: boolean; queries: string[] } {
  let count = 10_000;
  let dir = '/tmp/qk2-search-bench';
  let keep = false;
  let fold = true;
  const queries: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--count') count = Number(argv[++i]);
    else if (a === '--dir') dir = argv[++i]!;
    else if (a === '--keep') keep = true;
    else if (a === '--no-fold') fold = false;
    else queries.push(a);
  }
  if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive integer`);
  return { count, dir, keep, fold, queries: queries.length ? queries : DEFAULT_QUERIES };
}

const TEXT = /\.(js|json|html|css)$/;
const gzipCache = new Map<string, number>();
async function gzipSize(siteDir: string, path: string, bytes: number): Promise<number> {
  if (!TEXT.test(path)) return bytes;
  const cached = gzipCache.get(path);
  if (cached !== undefined) return cached;
  const file = path.endsWith('/') ? `${path}index.html` : path;
  const size = gzipSync(await readFile(join(siteDir, file))).length;
  gzipCache.set(path, size);
  return size;
}

function kindOf(path: string): string {
  if (!path.startsWith('/pagefind/')) return 'page';
  if (/\.pf_meta$|pagefind-entry\.json$|shards\.json$/.test(path)) return 'meta';
  if (path.includes('/titles/')) return 'titles';
  const dir = /\/(filter|index|fragment)\//.exec(path)?.[1];
  return dir ?? 'runtime';
}

function breakdown(served: Array<{ path: string; bytes: number }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of served) out[kindOf(s.path)] = (out[kindOf(s.path)] ?? 0) + s.bytes;
  return out;
}

async function transfer(siteDir: string, served: ServedRequest[]): Promise<Transfer> {
  let gzipBytes = 0;
  for (const s of served) gzipBytes += await gzipSize(siteDir, s.path, s.bytes);
  return {
    requests: served.length,
    bytes: served.reduce((sum, s) => sum + s.bytes, 0),
    gzipBytes,
    pagefindBytes: served.filter((s) => s.path.startsWith('/pagefind/')).reduce((sum, s) => sum + s.bytes, 0),
    breakdown: breakdown(served),
  };
}

async function main(): Promise<void> {
  const { count, dir, keep, fold, queries } = args(process.argv.slice(2));
  const siteDir = join(dir, `site-${count}`);
  const contentDir = join(dir, `content-${count}`);
  const exists = await stat(join(siteDir, 'pagefind', 'shards.json')).catch(() => null);
  let indexMs = 0;
  if (!keep || !exists) {
    await rm(siteDir, { recursive: true, force: true });
    await rm(contentDir, { recursive: true, force: true });
    await mkdir(siteDir, { recursive: true });
    const t0 = performance.now();
    await writeArticleContent(contentDir, syntheticArchive(count));
    console.log(`content  ${((performance.now() - t0) / 1000).toFixed(1)} s  ${count} synthetic articles`);
  }
  await writeSearchPage(siteDir);
  const t1 = performance.now();
  const index = await indexSite({ contentDir, siteDir, fold });
  indexMs = performance.now() - t1;
  console.log(
    `index    ${(indexMs / 1000).toFixed(1)} s  ${index.pages} pages, ${index.shards} shards (${index.rebuilt} rebuilt), ` +
      `${(index.bytes / 1e6).toFixed(1)} MB`,
  );

  const site = await serveDirectory(siteDir);
  const browser = await launchChromium();
  const measures: QueryMeasure[] = [];
  try {
    for (const query of queries) {
      // A fresh context: an empty cache, as for a reader's first search.
      const context = await browser.newContext();
      const page = await context.newPage();
      site.served.length = 0;
      const opened = performance.now();
      await page.goto(`${site.url}tim-kiem/`);
      await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.startsWith('Nhập'));
      const readyMs = performance.now() - opened;
      const expected = `?q=${encodeURIComponent(query).replace(/%20/g, '+')}`;
      await page.evaluate((want) => {
        const root = document.querySelector('[data-search]')!;
        // Date.now() for the moments requests are compared with (the server's clock), performance.now()
        // for durations.
        const timing = { lastKey: 0, shown: 0, shownAt: 0, complete: 0 };
        Object.assign(window, { searchTiming: timing });
        document.addEventListener('keydown', () => (timing.lastKey = performance.now()), true);
        new MutationObserver(() => {
          if (root.getAttribute('data-shown') === want && !timing.shown) {
            timing.shown = performance.now();
            timing.shownAt = Date.now();
          }
          if (root.getAttribute('data-searched') === want && !timing.complete) timing.complete = performance.now();
        }).observe(root, { attributes: true, attributeFilter: ['data-shown', 'data-searched'] });
      }, expected);
      await page.locator('#search-q').pressSequentially(query, { delay: KEY_DELAY_MS });
      await page.waitForFunction(() => (window as unknown as { searchTiming: { complete: number } }).searchTiming.complete > 0);
      const timing = await page.evaluate(
        () => (window as unknown as { searchTiming: { lastKey: number; shown: number; shownAt: number; complete: number } }).searchTiming,
      );
      const results = (await page.textContent('[data-search-status]')) ?? '';
      measures.push({
        query,
        results,
        readyMs: Math.round(readyMs),
        first: await transfer(siteDir, site.served.filter((s) => s.at <= timing.shownAt)),
        keystrokeToResultsMs: Math.round(timing.shown - timing.lastKey),
        complete: await transfer(siteDir, site.served),
        keystrokeToCompleteMs: Math.round(timing.complete - timing.lastKey),
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }

  const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
  console.log(`\n${count} articles, ${index.shards} shards; first query on an empty cache, ready = index open:`);
  console.log('                    first results (newest shard)                  whole archive');
  console.log('query         ready    requests  gzip      pagefind  keystroke→   requests  gzip      keystroke→  results');
  for (const m of measures) {
    const cells = (t: Transfer, ms: number, pagefind: boolean): string =>
      `${String(t.requests).padStart(8)}  ${kb(t.gzipBytes).padEnd(9)} ${pagefind ? `${kb(t.pagefindBytes).padEnd(9)} ` : ''}` +
      `${`${ms} ms`.padEnd(11)}`;
    console.log(
      `${m.query.padEnd(13)} ${`${m.readyMs} ms`.padEnd(8)} ${cells(m.first, m.keystrokeToResultsMs, true)}  ` +
        `${cells(m.complete, m.keystrokeToCompleteMs, false)} ${m.results}`,
    );
  }
  const report = { count, index: { ...index, ms: Math.round(indexMs) }, queries: measures };
  await writeFile(join(dir, 'search-bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${join(dir, 'search-bench.json')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
