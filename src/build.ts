/**
 * The build (`npm run build`, whose command line is `src/cli/build.ts`): dumps → Markdown → Eleventy site
 * → Pagefind index, with the report, all in the archive's state folder `.build/archives/<name>-<hash>/`
 * (`cli/state.ts`): one per input/output pair, locked while a build of that archive runs.
 *
 * The site is built in a staging folder beside the output and swapped in only when everything,
 * search index included, succeeded: a build killed at any moment leaves the previous site in place,
 * and the next build puts back a site a kill caught mid-swap (`recoverFolder`).
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { linkTree, recoverFolder, stagingFolder, swapFolder, writeFileAtomic } from './ingest/atomic.ts';
import { archiveIndexOf, ingest, type IngestResult } from './ingest/ingest.ts';
import { hashSources } from './codeHash.ts';
import { folderSize } from './folderSize.ts';
import { BUNDLE_DIR } from './search/bundle.ts';
import { INDEX_CODE } from './search/indexCode.ts';
import { readSiteConfig, type SiteConfig } from './site/config.ts';
import { commitInPlace } from './site/inPlace.ts';
import { startRenderThread, type RenderThread } from './site/renderThread.ts';
import { folderIdentity, manifestIsCurrent, siteCode } from './site/previousBuild.ts';
import { summarize, type BuildReport, type StageTiming } from './report.ts';
import { countsLine, entryLines, formatBytes, stagesLine } from './cli/reportText.ts';
import { runStage } from './cli/stages.ts';
import { archiveState, describeHolder, lockArchive, LockedError, type ArchiveState } from './cli/state.ts';
import { readJson } from './readJson.ts';

/** Lines of rejected/merged/warned dumps printed before pointing at the report instead. */
const MAX_ENTRY_LINES = 200;

export interface BuildOptions {
  input: string;
  output: string;
  work: string;
  strict: boolean;
  cache: boolean;
  /** Wait for a running build of the same archive (default), or stop at once. */
  wait?: boolean;
  /** Pagefind's cap on fragment files per shard; none by default (one file per article). */
  maxFragments?: number;
}

export class BuildError extends Error {
  constructor(
    readonly stage: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BuildError';
  }
}

/**
 * Builds the site. `renderThread`: started by the caller before it loaded this module (the CLI), else
 * here; the build tells it where the previous build's state is and stops it when it ends.
 */
export async function build(options: BuildOptions, renderThread?: RenderThread): Promise<BuildReport> {
  const started = performance.now();
  // Started first: loading Eleventy and the site code (~0.6 s of CPU) runs on the other core beside the
  // ingest instead of after it, on the critical path of every rebuild with a change. A build with
  // nothing to do stops it unused, which costs it ~0.2 s of its ~1 s.
  const thread = renderThread ?? startRenderThread();
  try {
    const output = path.resolve(options.output);
    guardOutput(output, path.resolve(options.input));
    const state = await archiveState(options.work, options.input, output);
    const release = await lockArchive(state, {
      wait: options.wait ?? true,
      onWait: (holder) => console.error(`waiting for the running build of this archive: ${describeHolder(holder)}`),
    }).catch((error: unknown) => {
      if (error instanceof LockedError) throw new BuildError('lock', `${error.message}; not waiting (--no-wait)`);
      throw error;
    });
    try {
      // The thread reads the previous build's manifest of pages and its compact archive while it waits for its job.
      thread.prepare({ pagesManifest: path.join(state.dir, 'pages.json'), archiveIndex: archiveIndexOf(path.join(state.dir, 'content')) });
      return await buildWith(options, state, started, thread);
    } finally {
      await release();
    }
  } finally {
    await thread.stop();
  }
}

async function buildWith(options: BuildOptions, state: ArchiveState, started: number, renderThread: RenderThread): Promise<BuildReport> {
  const output = state.output;
  const contentDir = path.join(state.dir, 'content');
  const stages: StageTiming[] = [];
  await recoverFolder(output);

  const { result: ingested, timing: ingestTiming } = await runStage(
    'ingest',
    (progress) =>
      ingest({
        inputDir: options.input,
        outputDir: contentDir,
        cacheRoot: options.cache ? path.join(options.work, 'cache') : null,
        stateDir: state.dir,
        // Saved once the render has its job (`saveState` below), or on the way out.
        deferStateSave: true,
        onProgress: (done, total) => progress.tick(done, total),
      }),
    (r) =>
      `${r.articles} articles from ${r.entries.length} inputs, ${r.unread} unchanged and not read, ${r.changes.written} written, ${r.changes.removed} removed (${r.cacheHits} parses from the cache)`,
  );
  stages.push(ingestTiming);
  try {
    return await publish(options, state, started, renderThread, ingested, stages);
  } finally {
    await ingested.saveState();
  }
}

/** From the ingested Markdown to the live site: the report, then the render and the index, then the swap. */
async function publish(
  options: BuildOptions,
  state: ArchiveState,
  started: number,
  renderThread: RenderThread,
  ingested: IngestResult,
  stages: StageTiming[],
): Promise<BuildReport> {
  const output = state.output;
  const contentDir = path.join(state.dir, 'content');
  const reportFile = path.join(state.dir, 'report.json');
  let report = summarize(ingested.entries, ingested, stages);
  // Written before rendering: the site may show its statistics.
  await writeFileAtomic(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  printEntries(report);
  if (options.strict && (report.rejected > 0 || report.warnings > 0)) {
    throw new BuildError('strict', `--strict: ${report.rejected} rejected and ${report.warnings} warnings; the site was not built (see ${reportFile})`);
  }

  // Nothing to do when the content, the report's counts, the code and the configuration are those the
  // live site was built from (`built.json`): no render, no index, the site untouched.
  const site = readSiteConfig();
  const builtFile = path.join(state.dir, 'built.json');
  // The key hashes the whole compact archive (110 MB at 100,000 articles). When an incremental ingest
  // wrote or removed Markdown (it writes only files whose bytes differ), the content differs from the
  // last ingest's: the key is not needed to decide and is hashed while the render and the index run. (An
  // edit undone after a failed build is then rendered: with nothing to write.)
  const keying = buildKey(archiveIndexOf(contentDir), report, site, options);
  keying.catch(() => {}); // awaited below; a failure elsewhere first must not leave it unhandled
  const { changes } = ingested;
  const contentChanged = !changes.full && changes.written + changes.removed > 0;
  const built = await readJson<{ folder: string; key: string }>(builtFile);
  const liveFolder = await folderIdentity(output);
  const pagesManifest = path.join(state.dir, 'pages.json');
  if (!contentChanged && built && liveFolder !== null && built.folder === liveFolder && built.key === (await keying)) {
    console.error('site     nothing changed: every page and search shard kept as it is');
    await ingested.saveState();
    return finish(ingested, stages, started, reportFile, output);
  }
  // A live site this archive's last build wrote, by the same site code: updated in place (`inPlace.ts`),
  // with the changed pages only. Else (no site yet, other code, a site replaced by hand) built anew
  // beside it and swapped in, keeping what it can.
  const inPlace = Boolean(built && liveFolder !== null && built.folder === liveFolder && (await manifestIsCurrent(pagesManifest, output, site)));

  const hadSite = await exists(output);
  const staging = await stagingFolder(output);
  try {
    if (!inPlace) {
      // The previous index lets the indexer keep the shards whose articles did not change.
      const previousIndex = path.join(output, BUNDLE_DIR);
      if (await exists(previousIndex)) await linkTree(previousIndex, path.join(staging, BUNDLE_DIR));
    }
    // So are the pages whose data did not change (src/site/previousBuild.ts).
    const rendering = runStage(
      'render',
      (progress) =>
        renderThread.run(
          {
            contentDir,
            outputDir: staging,
            reportFile,
            pagesManifest,
            archiveIndex: archiveIndexOf(contentDir),
            archiveChanges: ingested.archiveChanges,
            ...(hadSite ? { previousDir: output } : {}),
            ...(inPlace ? { inPlace: true } : {}),
          },
          (done, total) => progress.tick(done, total),
        ).catch(fail('render')),
      (r) => (r.kept ? `${r.pages} pages rendered, ${r.kept} unchanged kept` : `${r.pages} pages`),
    );
    rendering.catch(() => {}); // settled below, with the index
    // What follows waits until the render thread has its job: it starts on it meanwhile. The ingest's
    // articles are garbage now, collected before the indexer needs the memory (1.6 GB at 100,000 dumps;
    // `gc` is there with the npm scripts' `--expose-gc`).
    const { indexSite } = await import('./search/indexSite.ts');
    (globalThis as { gc?: () => void }).gc?.();
    const index = () =>
      runStage(
        'index',
        (progress) =>
          indexSite({
            contentDir,
            siteDir: staging,
            otherWorkDone: rendering,
            planFile: path.join(state.dir, 'search-shards.json'),
            // The ingest's compact archive, in memory: parsing its file again costs ~1 s at 100,000 articles.
            archive: ingested.archive,
            archiveIndex: archiveIndexOf(contentDir),
            ...(inPlace ? { previousBundle: path.join(output, BUNDLE_DIR) } : {}),
            ...(options.maxFragments ? { maxFragments: options.maxFragments } : {}),
            onShard: (done, total) => progress.tick(done, total),
          }).catch(fail('index')),
        (r) => `${r.pages} pages in ${r.shards} shards (${r.rebuilt} rebuilt), ${formatBytes(r.bytes)}`,
      );
    // The search index is built from the Markdown, not the rendered pages: it runs beside Eleventy, which
    // keeps one core busy, and takes the second core too once the site is written. Memory allows it at
    // any size: the render holds one batch of pages at a time (src/site/batches.ts).
    const indexing = index();
    // Both threads have their work: what the next ingest compares with is saved meanwhile.
    const savingState = ingested.saveState();
    // All settle before the staging folder may be removed, whichever fails first.
    const [rendered, indexed, saved] = await Promise.allSettled([rendering, indexing, savingState]);
    if (rendered.status === 'rejected') throw rendered.reason;
    if (indexed.status === 'rejected') throw indexed.reason;
    if (saved.status === 'rejected') throw saved.reason;
    stages.push(rendered.value.timing, indexed.value.timing);
    await rm(builtFile, { force: true });
    if (inPlace) {
      const moved = await commitInPlace(staging, output, rendered.value.result.removed, indexed.value.result.removed);
      await rename(`${pagesManifest}.next`, pagesManifest);
      console.error(`site     in place: ${moved.written} files written, ${moved.unchanged} rendered unchanged and left, ${moved.removed} removed`);
    } else {
      await swapFolder(staging, output);
    }
    await writeFileAtomic(builtFile, JSON.stringify({ folder: await folderIdentity(output), key: await keying }));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return finish(ingested, stages, started, reportFile, output, !inPlace);
}

/** What the live site is built from: content, report counts, site and index code, configuration. */
async function buildKey(indexFile: string, report: BuildReport, site: SiteConfig, options: BuildOptions): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(indexFile).catch(() => Buffer.from(String(Math.random()))));
  hash.update(`\0${report.merged} ${report.rejected}\0${await siteCode(site)}\0${await hashSources(INDEX_CODE)}\0${options.maxFragments ?? ''}`);
  return hash.digest('hex');
}

async function finish(ingested: IngestResult, stages: StageTiming[], started: number, reportFile: string, output: string, whole = false): Promise<BuildReport> {
  stages.push({ stage: 'total', seconds: Math.round(performance.now() - started) / 1000 });
  const report = summarize(ingested.entries, ingested, stages);
  await writeFileAtomic(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(countsLine(report));
  console.log(stagesLine(report));
  const shown = path.relative(process.cwd(), output);
  // Its size only when it was built anew: counting 20,000 files costs what a small rebuild does.
  const size = whole ? folderSize(output) : null;
  console.log(`${shown.startsWith('..') ? output : shown}/: ${size ? `${size.files} files, ${formatBytes(size.bytes)}; ` : ''}report: ${reportFile}`);
  return report;
}

function fail(stage: string): (error: unknown) => never {
  return (error) => {
    const e = error as NodeJS.ErrnoException;
    const why = e?.code === 'ENOSPC' ? 'the disk is full' : (e?.message ?? String(error));
    throw new BuildError(stage, why, { cause: error });
  };
}

/** The output folder is replaced as a whole: it must not hold the input, the project or anything above. */
function guardOutput(output: string, input: string): void {
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
  if (inside(process.cwd(), output) || inside(input, output) || inside(output, input) || path.dirname(output) === output) {
    throw new BuildError('options', `refusing to replace ${JSON.stringify(output)}: it holds the input or the project`);
  }
}

function printEntries(report: BuildReport): void {
  const lines = entryLines(report.entries);
  for (const line of lines.slice(0, MAX_ENTRY_LINES)) console.log(line);
  if (lines.length > MAX_ENTRY_LINES) console.log(`… and ${lines.length - MAX_ENTRY_LINES} more lines in the report`);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
