/** Worker-thread entry: renders the site described by `workerData`, reporting progress, and posts the result. */
import { workerData } from 'node:worker_threads';
import { reply, reportProgress } from '../worker.ts';
import { renderSite, type RenderOptions } from './render.ts';

/** Progress is posted at most this often, and once at the end. */
const PROGRESS_MS = 200;
let last = 0;

reply(
  renderSite(workerData as RenderOptions, (done, total) => {
    const now = performance.now();
    if (now - last < PROGRESS_MS && done < total) return;
    last = now;
    reportProgress(done, total);
  }),
);
