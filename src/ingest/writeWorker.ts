/** Worker-thread entry: writes the batches of Markdown files the main thread posts (`writeMarkdown.ts`). */
import { parentPort } from 'node:worker_threads';
import { reply } from '../worker.ts';
import { writeHere, type WriteJob } from './writeMarkdown.ts';

parentPort?.on('message', (job: WriteJob) => reply(Promise.resolve().then(() => writeHere(job))));
