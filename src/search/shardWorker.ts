/** Worker-thread entry: builds the shards the main thread posts, one at a time. */
import { parentPort } from 'node:worker_threads';
import { buildShard, type ShardJob } from './buildShard.ts';

parentPort?.on('message', (job: ShardJob) => {
  buildShard(job).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (error: unknown) =>
      parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
