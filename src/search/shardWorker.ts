/** Worker-thread entry: builds the shards the main thread posts, one at a time. */
import { parentPort } from 'node:worker_threads';
import { reply } from '../worker.ts';
import { buildShard, type ShardJob } from './buildShard.ts';

parentPort?.on('message', (job: ShardJob) => reply(buildShard(job)));
