/**
 * Worker threads whose entry is a TypeScript module, and the one reply they send per job. On Node 20 a
 * worker given tsx's `--import` flag still cannot load a `.ts` entry ("Unknown file extension"): the
 * worker registers tsx's loader first, then imports its entry.
 */
import { parentPort, Worker, type WorkerOptions } from 'node:worker_threads';

type Reply<T> = { ok: true; result: T } | { ok: false; error: string };
/** What a worker has done of its job so far, posted any number of times before the reply. */
type Progress = { progress: { done: number; total: number } };

export interface TsWorkerOptions extends Omit<WorkerOptions, 'eval'> {
  /**
   * Resolved URLs of the JavaScript packages the entry needs, imported before tsx's loader is registered:
   * once it is, every module resolved and loaded goes through its hooks, which doubles the time a worker
   * takes to load Eleventy (~0.27 → ~0.55 s), on the critical path of a small rebuild. One that fails to
   * load here fails again, with its error, where the entry imports it.
   */
  preload?: string[];
}

export function tsWorker(entry: URL, options: TsWorkerOptions = {}): Worker {
  const { preload = [], ...workerOptions } = options;
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `Promise.allSettled(${JSON.stringify(preload)}.map((href) => import(href)))
    .then(() => import(${JSON.stringify(api)}))
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { ...workerOptions, eval: true });
}

/** In a worker: posts the outcome of `work` to the main thread, an error as its message. */
export function reply<T>(work: Promise<T>): void {
  work.then(
    (result) => parentPort?.postMessage({ ok: true, result } satisfies Reply<T>),
    (error: unknown) =>
      parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies Reply<T>),
  );
}

/** In a worker: how far its job is, for the main thread's `onProgress`. */
export function reportProgress(done: number, total: number): void {
  parentPort?.postMessage({ progress: { done, total } } satisfies Progress);
}

/**
 * On the main thread: the worker's next reply, or its failure if it errs or exits first; the progress
 * it reports before goes to `onProgress`.
 */
export function nextReply<T>(worker: Worker, onProgress?: (done: number, total: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => settle(() => reject(error));
    const onExit = (code: number): void => settle(() => reject(new Error(`the worker thread stopped (exit code ${code})`)));
    const onMessage = (message: Reply<T> | Progress): void => {
      if ('progress' in message) onProgress?.(message.progress.done, message.progress.total);
      else settle(() => (message.ok ? resolve(message.result) : reject(new Error(message.error))));
    };
    const settle = (then: () => void): void => {
      worker.off('error', onError).off('exit', onExit).off('message', onMessage);
      then();
    };
    worker.once('error', onError).once('exit', onExit).on('message', onMessage);
  });
}
