/**
 * Worker threads whose entry is a TypeScript module. On Node 20 a worker given tsx's `--import` flag
 * still cannot load a `.ts` entry ("Unknown file extension"): the worker registers tsx's loader first,
 * then imports its entry.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function tsWorker(entry: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
