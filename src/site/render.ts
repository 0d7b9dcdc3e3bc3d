/**
 * Renders the site with Eleventy's programmatic API and `.eleventy.ts`. The configuration is read
 * from the environment (src/site/config.ts), so the options are set there for the duration of the
 * build and restored after: the CLI and this function configure a build the same way.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import type { ArchiveChanges } from '../ingest/archiveIndex.ts';
import { buildArchive, type PageLists } from './archive.ts';
import { loadContent } from './content.ts';
import { provideArchive, provideReport, readReport } from './archivePlugin.ts';
import { renderBatches } from './batches.ts';
import { readSiteConfig } from './config.ts';
import { reuseAtomEntries } from './html/feeds.ts';
import { outputPath } from './incremental.ts';
import { keepUnchangedPages } from './previousBuild.ts';
import { onPageWritten } from './progressPlugin.ts';
import { unitDirectory } from './units.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface RenderOptions {
  contentDir: string;
  outputDir: string;
  reportFile?: string;
  /**
   * Where the fingerprints of the rendered pages are written; with `previousDir`, the previous build's
   * site, the pages that did not change since it are kept from it (hard links) instead of rendered.
   */
  pagesManifest?: string;
  previousDir?: string;
  /** The compact index of `contentDir` the ingest wrote (`src/ingest/archiveIndex.ts`), read instead of every file. */
  archiveIndex?: string;
  /** What an incremental ingest changed in it, for a thread that parsed it before (`prepareContent`). */
  archiveChanges?: ArchiveChanges | null;
  /** Render only the changed pages into `outputDir`, for the build to move into `previousDir` (`previousBuild.ts`). */
  inPlace?: boolean;
  /** Pages per Eleventy run (`batches.ts`). */
  batchPages?: number;
  /** Default: `SITE_URL` from the environment. */
  siteUrl?: string;
  /** Default: `PATH_PREFIX` from the environment, else `/`. */
  pathPrefix?: string;
}

function withEnvironment<T>(opts: RenderOptions, run: () => Promise<T>): Promise<T> {
  const values: Record<string, string | undefined> = {
    ARCHIVE_CONTENT_DIR: resolve(opts.contentDir),
    ARCHIVE_OUTPUT_DIR: resolve(opts.outputDir),
    ARCHIVE_REPORT: opts.reportFile ? resolve(opts.reportFile) : undefined,
    SITE_URL: opts.siteUrl ?? process.env.SITE_URL,
    PATH_PREFIX: opts.pathPrefix ?? process.env.PATH_PREFIX,
  };
  const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  const apply = (env: Record<string, string | undefined>): void => {
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(values);
  return run().finally(() => apply(saved));
}

// Eleventy resolves its input, includes and passthrough paths against the working directory.
function eleventyFor(opts: RenderOptions, runMode: 'build' | 'serve'): Eleventy {
  if (resolve(process.cwd()) !== ROOT) {
    throw new Error(`renderSite must run from the project root ${ROOT} (cwd=${JSON.stringify(process.cwd())})`);
  }
  return new Eleventy(join('templates'), relative(ROOT, resolve(opts.outputDir)) || '.', {
    configPath: '.eleventy.ts',
    quietMode: true,
    runMode,
  });
}

interface EventBus {
  emit(event: string, ...args: unknown[]): unknown;
}

/**
 * Eleventy keeps compiled templates and layouts in process-wide caches, bound to the filters (and so
 * the path prefix) of the first build: a second build in the same process would reuse them. Its own
 * watch mode clears them through its event bus, which the package does not export; it sits next to
 * the entry point.
 */
async function resetEleventyCaches(): Promise<void> {
  const bus = (await import(new URL('./EventBus.js', import.meta.resolve('@11ty/eleventy')).href)) as { default: EventBus };
  await bus.default.emit('eleventy.compileCacheReset');
  await bus.default.emit('eleventy.resourceModified', './templates/');
}

/** The text of the feeds `pages` renders again, as the previous site has them (a feed it lacks: none). */
async function previousFeeds(pages: PageLists, previousDir: string): Promise<string[]> {
  const urls = [...pages.unitFeeds.map((u) => u.feedUrl), ...pages.authorFeeds.map((a) => a.feedUrl), ...pages.singles.filter((url) => url === '/feed.xml')];
  const texts = await Promise.all(urls.map((url) => readFile(join(previousDir, outputPath(url)), 'utf8').catch(() => '')));
  return texts.filter((text) => text !== '');
}

export interface RenderResult {
  /** Pages Eleventy rendered. */
  pages: number;
  /** Pages kept from the previous build. */
  kept: number;
  /** URLs of the previous site that the archive no longer has (in place only: the build removes them). */
  removed: string[];
}

/**
 * Builds the site from the generated Markdown in `contentDir` into `outputDir`; `onProgress` hears of
 * every page written, out of the pages to render.
 */
export async function renderSite(opts: RenderOptions, onProgress?: (done: number, total: number) => void): Promise<RenderResult> {
  return withEnvironment(opts, async () => {
    const site = readSiteConfig();
    let archive = buildArchive(await loadContent(site.contentDir, opts.archiveIndex, opts.archiveChanges ?? null), { units: unitDirectory });
    let kept = 0;
    let removed: string[] = [];
    const report = readReport(site.reportFile);
    if (opts.pagesManifest) {
      const manifestFile = resolve(opts.pagesManifest);
      const previousDir = opts.previousDir ? resolve(opts.previousDir) : null;
      ({ archive, kept, removed } = await keepUnchangedPages(archive, {
        site,
        previousDir,
        outputDir: site.outputDir,
        manifestFile,
        report: report ? { merged: report.merged, rejected: report.rejected } : null,
        ...(opts.inPlace ? { inPlace: true } : {}),
      }));
    }
    // The feeds rendered again take the entries of kept articles from their previous files.
    if (kept > 0 && opts.previousDir) reuseAtomEntries(await previousFeeds(archive.pages, resolve(opts.previousDir)), new Set(archive.pages.articles.map((a) => a.url)));
    let pages = 0;
    const batches = renderBatches(archive, opts.batchPages);
    // Every page to render: the lists' and the few outside them (404, feed, statistics…: `singles`).
    const total = batches.reduce((sum, b) => sum + Object.values(b.pages).reduce((n: number, list: unknown[]) => n + list.length, 0), 0);
    let written = 0;
    onPageWritten(() => onProgress?.(Math.min(++written, total), total));
    provideReport({ report });
    try {
      for (const batch of batches) {
        await resetEleventyCaches();
        provideArchive(batch);
        const results = (await eleventyFor(opts, 'build').write()) as [unknown[], unknown[]] | unknown[];
        // write() resolves to [passthroughCopies, templates] in Eleventy 3.
        pages += Array.isArray(results[1]) ? (results[1] as unknown[]).flat().length : 0;
        // The batch's pages are garbage now: collected before the next batch makes more, when the
        // process runs with `--expose-gc` (the build does), so that memory stays one batch's.
        (globalThis as { gc?: () => void }).gc?.();
      }
    } finally {
      reuseAtomEntries(null);
      provideArchive(null);
      provideReport(null);
      onPageWritten(null);
    }
    return { pages, kept, removed };
  });
}

/**
 * A development server with live reload on 127.0.0.1: rebuilds when templates, assets or the content
 * folder change. Resolves once the server is listening; the environment stays set while it runs.
 */
export async function serveSite(opts: RenderOptions & { port?: number }): Promise<void> {
  const values = {
    ARCHIVE_CONTENT_DIR: resolve(opts.contentDir),
    ARCHIVE_OUTPUT_DIR: resolve(opts.outputDir),
    ...(opts.reportFile ? { ARCHIVE_REPORT: resolve(opts.reportFile) } : {}),
    ...(opts.siteUrl ? { SITE_URL: opts.siteUrl } : {}),
    ...(opts.pathPrefix ? { PATH_PREFIX: opts.pathPrefix } : {}),
  };
  Object.assign(process.env, values);
  const eleventy = eleventyFor(opts, 'serve');
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(opts.port ?? 8080);
}
