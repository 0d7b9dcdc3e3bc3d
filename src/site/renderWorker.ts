/** Worker-thread entry: renders the site described by `workerData` and posts the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { renderSite, type RenderOptions } from './render.ts';

renderSite(workerData as RenderOptions).then(
  (result) => parentPort?.postMessage({ ok: true, result }),
  (error: unknown) => parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
);
