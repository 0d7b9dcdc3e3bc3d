/**
 * `renderSite` on a worker thread, for the build: it renders on one core while the search index is
 * built on the other, and Eleventy's process-wide caches (compiled templates, a batch's pages) go with
 * the thread when it ends.
 *
 * The thread is started before its job is known (`startRenderThread`; the build starts it first of all):
 * loading Eleventy, its template engines and the site code takes ~0.5–1 s of CPU, which then overlaps the
 * ingest on the other core instead of following it. This module does not load Eleventy itself, so a
 * build with nothing to render never does on its main thread.
 */
import type { Worker } from 'node:worker_threads';
import { nextReply, tsWorker } from '../worker.ts';
import type { RenderOptions, RenderResult } from './render.ts';
import type { RenderMessage } from './renderWorker.ts';

export interface RenderThread {
  /** What the thread may read while it waits for its job (before `run`). */
  prepare(preparation: RenderPreparation): void;
  /** Renders the site; the thread ends with the job. */
  run(opts: RenderOptions, onProgress?: (done: number, total: number) => void): Promise<RenderResult>;
  /** Ends the thread (nothing to render, or the build failed); harmless after `run`. */
  stop(): Promise<void>;
}

/**
 * What the build knows before the ingest ends: where the previous build's manifest of pages is. The
 * thread reads it (and hashes the site code) while it waits, and the job uses that reading if the job
 * names the same manifest and the file was not replaced meanwhile (`prepareKeep` in previousBuild.ts).
 */
export interface RenderPreparation {
  pagesManifest: string;
  /** The compact archive, parsed while the thread waits (`prepareContent` in content.ts). */
  archiveIndex: string;
}

/**
 * The JavaScript the render loads, Eleventy's lazily loaded engines included: loaded before the site's
 * TypeScript (`tsWorker`'s `preload`).
 */
const ELEVENTY = import.meta.resolve('@11ty/eleventy');
const RENDER_PRELOAD = [
  ELEVENTY,
  new URL('./defaultConfig.js', ELEVENTY).href,
  new URL('./Engines/Nunjucks.js', ELEVENTY).href,
  new URL('./Engines/JavaScript.js', ELEVENTY).href,
  new URL('./Engines/Html.js', ELEVENTY).href,
  new URL('./Engines/Custom.js', ELEVENTY).href,
  ...['nunjucks', 'markdown-it', 'luxon', 'gray-matter'].map((name) => import.meta.resolve(name)),
];

export function startRenderThread(): RenderThread {
  const worker: Worker = tsWorker(new URL('./renderWorker.ts', import.meta.url), { preload: RENDER_PRELOAD });
  // Loading, the thread must not keep a build that fails meanwhile from exiting.
  worker.unref();
  let failed: Error | null = null;
  let exited = false;
  worker.on('error', (error) => (failed ??= error));
  worker.once('exit', () => (exited = true));
  return {
    prepare(preparation) {
      // Queued until the thread has loaded its entry, then handled before the job, which comes after it.
      worker.postMessage({ prepare: preparation } satisfies RenderMessage);
    },
    async run(opts, onProgress) {
      try {
        if (failed || exited) throw failed ?? new Error('the render thread stopped before its job');
        worker.ref();
        const result = nextReply<RenderResult>(worker, onProgress);
        worker.postMessage({ render: opts } satisfies RenderMessage);
        return await result;
      } finally {
        await worker.terminate();
      }
    },
    async stop() {
      await worker.terminate();
    },
  };
}

/** `renderSite` on a thread of its own, started now. */
export function renderSiteInWorker(opts: RenderOptions, onProgress?: (done: number, total: number) => void): Promise<RenderResult> {
  return startRenderThread().run(opts, onProgress);
}
