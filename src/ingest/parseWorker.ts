/** Worker-thread entry: reads, decodes and parses the batches of dumps the main thread posts. */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { readArticle } from '../pipeline.ts';
import { openParseCache } from './cache.ts';
import { forEachLimited } from '../concurrency.ts';
import { readFound, type Outcome, type WorkerJob, type WorkerSetup } from './readDumps.ts';

/** Files read at once in this thread. */
const CONCURRENCY = 8;

const setup = workerData as WorkerSetup;
const cache = setup.cacheRoot ? await openParseCache(setup.cacheRoot, setup.codeHash ?? undefined, { keepStale: true }) : null;
const context = { read: readArticle, readDump: (file: string) => readFile(file), cache, maxBytes: setup.maxBytes };

parentPort?.on('message', async (job: WorkerJob) => {
  const outcomes: Outcome[] = new Array(job.found.length);
  await forEachLimited(job.found.length, CONCURRENCY, async (i) => {
    outcomes[i] = await readFound(job.found[i]!, context);
  });
  parentPort?.postMessage({ first: job.first, outcomes });
});
