/** Worker-thread entry: renders the site described by `workerData` and posts the result. */
import { workerData } from 'node:worker_threads';
import { reply } from '../worker.ts';
import { renderSite, type RenderOptions } from './render.ts';

reply(renderSite(workerData as RenderOptions));
