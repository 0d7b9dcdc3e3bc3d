/**
 * `npm start`: ingest, then serve the site on 127.0.0.1 with live reload; a change in `articles/`
 * re-ingests, and Eleventy's watcher rebuilds the pages from the Markdown that changed. The search
 * index is not rebuilt while serving (it takes a build); run `npm run build` for it.
 */
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../ingest/atomic.ts';
import { ingest } from '../ingest/ingest.ts';
import { summarize } from '../report.ts';
import { countsLine, entryLines } from './reportText.ts';
import { archiveState, describeHolder, lockArchive } from './state.ts';

/** Editors write a file in several steps: wait for the folder to settle before re-ingesting. */
const SETTLE_MS = 300;

async function listFiles(dir: string): Promise<Set<string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return new Set(entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))));
}

/**
 * Makes `to` hold what `from` holds, writing only the files that changed: the dev server watches `to`
 * file by file, so it must not be swapped as a whole the way a build swaps it.
 */
async function mirrorFolder(from: string, to: string): Promise<number> {
  const [source, target] = await Promise.all([listFiles(from), listFiles(to)]);
  let changed = 0;
  for (const file of source) {
    const content = await readFile(path.join(from, file));
    const current = target.has(file) ? await readFile(path.join(to, file)) : null;
    if (current && current.equals(content)) continue;
    await mkdir(path.dirname(path.join(to, file)), { recursive: true });
    await writeFile(path.join(to, file), content);
    changed++;
  }
  for (const file of target) {
    if (source.has(file)) continue;
    await rm(path.join(to, file));
    changed++;
  }
  return changed;
}

/** The same configuration `renderSite` reads from the environment, given to Eleventy's command line. */
function serveWithEleventyCli(contentDir: string, output: string, reportFile: string, port: string): void {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=.eleventy.ts', '--input=templates', `--output=${output}`, '--serve', `--port=${port}`],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        ARCHIVE_CONTENT_DIR: path.resolve(contentDir),
        ARCHIVE_OUTPUT_DIR: path.resolve(output),
        ARCHIVE_REPORT: path.resolve(reportFile),
      },
    },
  );
  child.on('exit', (code) => process.exit(code ?? 1));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      input: { type: 'string', default: 'articles' },
      output: { type: 'string', default: '_site' },
      work: { type: 'string', default: '.build' },
      port: { type: 'string', default: '8080' },
    },
  });
  // The archive's own state folder: its ledger is the build's. Each re-ingest takes the archive's lock,
  // so a build run beside the server waits for it (and it for the build) instead of failing.
  const state = await archiveState(values.work, values.input, values.output);
  const contentDir = path.join(state.dir, 'serve-content');
  const ingested = path.join(state.dir, 'serve-ingest');
  const reportFile = path.join(state.dir, 'serve-report.json');

  const refresh = async (): Promise<void> => {
    const release = await lockArchive(state, { onWait: (holder) => console.log(`waiting for: ${describeHolder(holder)}`) });
    const result = await ingest({
      inputDir: values.input,
      outputDir: ingested,
      cacheRoot: path.join(values.work, 'cache'),
      stateDir: state.dir,
    }).finally(release);
    const report = summarize(result.entries, result);
    await writeFileAtomic(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    const changed = await mirrorFolder(ingested, contentDir);
    for (const line of entryLines(result.entries)) console.log(line);
    console.log(`${countsLine(report)}; ${changed} Markdown files changed`);
  };
  await refresh();

  const { serveSite } = await import('../site/render.ts');
  try {
    await serveSite({ contentDir, outputDir: values.output, reportFile, port: Number(values.port) });
  } catch (error) {
    console.error(`serveSite failed (${error instanceof Error ? error.message : String(error)}); using Eleventy's own dev server`);
    serveWithEleventyCli(contentDir, values.output, reportFile, values.port);
  }

  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  watch(values.input, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(refresh).catch((error: unknown) => {
        console.error(`re-ingest failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }, SETTLE_MS);
  });
  console.log(`watching ${values.input}/ for dumps`);
}

main().catch((error: unknown) => {
  console.error(`serve failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
