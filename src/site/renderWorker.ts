/**
 * Worker-thread entry (`renderThread.ts`): loads Eleventy and the site code at once, reads ahead what
 * the job will need of the previous build when told where it is (a `prepare` message), then renders the
 * site described by the `render` message, reporting progress, and posts the result.
 */
import { parentPort } from 'node:worker_threads';
import { reply, reportProgress } from '../worker.ts';
import { prepareContent } from './content.ts';
import { prepareKeep } from './previousBuild.ts';
import { renderSite, type RenderOptions } from './render.ts';
import type { RenderPreparation } from './renderThread.ts';

/**
 * What the site loads lazily on a build's first run: imported while the thread waits for its job (the
 * ingest, on the main thread), so that the job starts rendering sooner. Eleventy imports the
 * configuration and the templates again with a cache-busting query, but what they import is loaded.
 * (Eleventy's own modules are preloaded before tsx: `RENDER_PRELOAD` in renderThread.ts.)
 */
const WARM = [
  new URL('../../.eleventy.ts', import.meta.url).href,
  new URL('../../templates/article.11ty.ts', import.meta.url).href,
  new URL('../../templates/unit.11ty.ts', import.meta.url).href,
  new URL('../../templates/author.11ty.ts', import.meta.url).href,
  new URL('../../templates/unit-feed.11ty.ts', import.meta.url).href,
];
// A module that fails to load here fails again, with its error, when the render needs it.
const warm = Promise.allSettled(WARM.map((href) => import(href)));

/** Progress is posted at most this often, and once at the end. */
const PROGRESS_MS = 200;
let last = 0;

/** Sent by `startRenderThread` before the job, or the job itself. */
export type RenderMessage = { prepare: RenderPreparation } | { render: RenderOptions };

const onMessage = (message: RenderMessage): void => {
  if ('prepare' in message) {
    prepareKeep(message.prepare.pagesManifest);
    void prepareContent(message.prepare.archiveIndex);
    return;
  }
  parentPort!.off('message', onMessage);
  reply(
    warm.then(() => renderSite(message.render, (done, total) => {
      const now = performance.now();
      if (now - last < PROGRESS_MS && done < total) return;
      last = now;
      reportProgress(done, total);
    })),
  );
};
parentPort!.on('message', onMessage);
