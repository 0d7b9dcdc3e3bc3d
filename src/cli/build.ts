/**
 * `npm run build [-- --input DIR --output DIR --strict]`: the command line of the build (`src/build.ts`).
 * It starts the render thread before it loads the build's modules, so that the thread loads Eleventy
 * and the site code meanwhile (`src/site/renderThread.ts`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BuildOptions } from '../build.ts';
import { startRenderThread } from '../site/renderThread.ts';
import { respawnWithHeap } from './heap.ts';

const USAGE = `usage: npm run build -- [--input articles/] [--output _site/] [--work .build/] [--strict] [--no-cache] [--no-wait] [--max-fragments N]
  --strict    fail when any dump is rejected or has a warning (for CI)
  --no-wait   when a build of the same archive is running, stop (naming it) instead of waiting for it
  --max-fragments N
              at most N search-result files per index shard (Pagefind bundles the rest), for static
              hosts that limit how many files a site may have
  --work      where the parse cache (cache/) and each archive's state go (archives/<output>-<hash>/: the
              Markdown, the URL ledger, report.json and what the next build compares with)`;

function parseOptions(argv: string[]): BuildOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      input: { type: 'string', default: 'articles' },
      output: { type: 'string', default: '_site' },
      work: { type: 'string', default: '.build' },
      strict: { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      'no-wait': { type: 'boolean', default: false },
      'max-fragments': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return null;
  const maxFragments = values['max-fragments'] === undefined ? undefined : Number(values['max-fragments']);
  if (maxFragments !== undefined && !(Number.isInteger(maxFragments) && maxFragments > 0)) {
    throw new Error(`--max-fragments wants a whole number above 0, not ${JSON.stringify(values['max-fragments'])}`);
  }
  return {
    input: values.input,
    output: values.output,
    work: values.work,
    strict: values.strict,
    cache: !values['no-cache'],
    wait: !values['no-wait'],
    ...(maxFragments ? { maxFragments } : {}),
  };
}

async function main(): Promise<void> {
  let options: BuildOptions | null;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`build failed (options): ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exitCode = 1;
    return;
  }
  if (!options) {
    console.log(USAGE);
    return;
  }
  const respawned = respawnWithHeap(fileURLToPath(import.meta.url));
  if (respawned) {
    process.exitCode = await respawned;
    return;
  }
  // Started before the pipeline's modules load (~0.23 s): the thread loads Eleventy and the site code
  // meanwhile, and its loading is on the critical path of a small rebuild.
  const renderThread = startRenderThread();
  const { build, BuildError } = await import('../build.ts');
  try {
    await build(options, renderThread);
  } catch (error) {
    const stage = error instanceof BuildError ? error.stage : 'build';
    const code = (error as NodeJS.ErrnoException)?.code;
    const message = code === 'ENOSPC' ? 'the disk is full' : error instanceof Error ? error.message : String(error);
    console.error(`build failed (${stage}): ${message}`);
    // A bug, not a known failure: the stack helps whoever reports it.
    if (!(error instanceof BuildError) && code === undefined && error instanceof Error && error.stack) console.error(error.stack);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
