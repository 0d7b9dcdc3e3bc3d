/** Worker-thread entry: reads, decodes and parses the batches of dumps the main thread posts. */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { readArticle } from '../pipeline.ts';
import { openParseCache } from './cache.ts';
import { forEachLimited } from '../concurrency.ts';
import { readFound, type Outcome, type WorkerJob, type WorkerSetup } from './readDumps.ts';

/** Dumps in progress at once in this thread (their reads are synchronous: this bounds the awaits only). */
const CONCURRENCY = 8;

const setup = workerData as WorkerSetup;
const cache = setup.cacheRoot ? await openParseCache(setup.cacheRoot, setup.codeHash ?? undefined, { keepStale: true }) : null;
// A synchronous read is one call where the promise API makes four trips through the thread pool; this
// thread has nothing else to do meanwhile, and the dumps just listed are usually in the page cache.
const context = { read: readArticle, readDump: async (file: string) => readFileSync(file), cache, maxBytes: setup.maxBytes };

parentPort?.on('message', async (job: WorkerJob) => {
  const outcomes: Outcome[] = new Array(job.found.length);
  await forEachLimited(job.found.length, CONCURRENCY, async (i) => {
    outcomes[i] = await readFound(job.found[i]!, context);
  });
  // Before the reply: the thread is stopped once the last job's reply arrives.
  await cache?.flush();
  parentPort?.postMessage({ first: job.first, outcomes });
});
