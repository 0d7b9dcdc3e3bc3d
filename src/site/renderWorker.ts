/** Worker-thread entry: renders the site the main thread posts and replies with the result. */
import { parentPort } from 'node:worker_threads';
import { reply } from '../worker.ts';
import { renderSite, type RenderOptions } from './render.ts';

parentPort?.once('message', (opts: RenderOptions) => reply(renderSite(opts)));
