/**
 * Reads, decodes and parses the dumps found in the input (cached by content). Parsing is CPU-bound,
 * so a large archive is spread over worker threads, one per core (`parseWorker.ts`); a small one, or
 * a run with an injected parser or reader (tests), stays on this thread.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { ReadArticle } from '../pipeline.ts';
import { openParseCache, type CachedRead, type ParseCache } from './cache.ts';
import { decodeDump } from './decode.ts';
import type { Found } from './walk.ts';
import { forEachLimited } from '../concurrency.ts';
import { tsWorker } from '../worker.ts';

export type ReadArticleFn = (text: string, source: string) => ReadArticle;

export interface Outcome {
  file: string;
  read: CachedRead;
  /** Notes from reading, before the parser's warnings: a legacy encoding, a repaired file. */
  notes: string[];
  cached: boolean;
  /** Of the dump's bytes, when it was read: a rebuild compares it with a dump whose time stamp moved. */
  bytesHash?: string;
}

export interface ReadOptions {
  readArticle?: ReadArticleFn;
  readDump?: (absolute: string) => Promise<Uint8Array>;
  /** The parse cache folder, or null for none. */
  cacheRoot: string | null;
  maxBytes: number;
  onProgress?: (done: number, total: number) => void;
}

/** Files read at once per thread: enough to hide disk latency, few enough to bound memory. */
const READ_CONCURRENCY = 16;
/** Below this many dumps, starting workers (each loads the parser) costs more than it saves. */
const PARALLEL_FROM = 400;
/** Dumps a worker is handed at a time: small enough to balance the threads, large enough to be cheap. */
const BATCH = 50;

export async function readDumps(found: Found[], options: ReadOptions): Promise<Outcome[]> {
  const injected = options.readArticle !== undefined || options.readDump !== undefined;
  const threads = Math.min(availableParallelism(), 4);
  if (injected || threads < 2 || found.length < PARALLEL_FROM) return readHere(found, options);
  return readInWorkers(found, options, threads);
}

async function readHere(found: Found[], options: ReadOptions): Promise<Outcome[]> {
  const read = options.readArticle ?? (await import('../pipeline.ts')).readArticle;
  const readDump = options.readDump ?? ((file: string) => readFile(file));
  const cache = options.cacheRoot ? await openParseCache(options.cacheRoot) : null;
  const outcomes: Outcome[] = new Array(found.length);
  let done = 0;
  await forEachLimited(found.length, READ_CONCURRENCY, async (i) => {
    outcomes[i] = await readFound(found[i]!, { read, readDump, cache, maxBytes: options.maxBytes });
    options.onProgress?.(++done, found.length);
  });
  await cache?.flush();
  return outcomes;
}

/** A job for a worker thread: dumps by index into the list both sides hold. */
export interface WorkerJob {
  found: Found[];
  first: number;
}
export interface WorkerSetup {
  cacheRoot: string | null;
  codeHash: string | null;
  maxBytes: number;
}

async function readInWorkers(found: Found[], options: ReadOptions, threads: number): Promise<Outcome[]> {
  // Opened once here, so the stale-folder clean-up never races between threads.
  const cache = options.cacheRoot ? await openParseCache(options.cacheRoot) : null;
  const setup: WorkerSetup = { cacheRoot: options.cacheRoot, codeHash: cache?.codeHash ?? null, maxBytes: options.maxBytes };
  const outcomes: Outcome[] = new Array(found.length);
  let next = 0;
  let done = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = tsWorker(new URL('./parseWorker.ts', import.meta.url), { workerData: setup });
      const send = () => {
        if (next >= found.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const first = next;
        next = Math.min(found.length, next + BATCH);
        worker.postMessage({ found: found.slice(first, next), first } satisfies WorkerJob);
      };
      worker.on('message', (reply: { first: number; outcomes: Outcome[] }) => {
        reply.outcomes.forEach((o, k) => (outcomes[reply.first + k] = o));
        done += reply.outcomes.length;
        options.onProgress?.(done, found.length);
        send();
      });
      worker.once('error', reject);
      worker.once('online', send);
    });
  await Promise.all(Array.from({ length: threads }, runWorker));
  return outcomes;
}

export interface ReadContext {
  read: ReadArticleFn;
  readDump: (absolute: string) => Promise<Uint8Array>;
  cache: ParseCache | null;
  maxBytes: number;
}

/** One entry of the walk to its outcome; never throws for anything a dump or the disk can do. */
export async function readFound(entry: Found, context: ReadContext): Promise<Outcome> {
  const rejected = (reason: string): Outcome => ({ file: entry.file, read: { ok: false, reason }, notes: [], cached: false });
  if (entry.kind === 'rejected') return rejected(entry.reason);
  if (entry.size > context.maxBytes) {
    return rejected(`too large: ${megabytes(entry.size)} (a dump is at most ${megabytes(context.maxBytes)})`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await context.readDump(entry.absolute);
  } catch (error) {
    return rejected(`unreadable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const bytesHash = hashBytes(bytes);
  const decoded = decodeDump(bytes);
  if (!decoded.ok) return { ...rejected(decoded.reason), bytesHash };
  const notes: string[] = [];
  if (decoded.repaired) notes.push('repaired double-encoded UTF-8 (mojibake) on reading');
  if (decoded.encoding === 'windows-1258' || decoded.encoding === 'tcvn3') {
    notes.push(`decoded from the legacy ${decoded.encoding === 'tcvn3' ? 'TCVN3' : 'Windows-1258'} encoding`);
  }

  const hit = await context.cache?.get(entry.file, decoded.text);
  if (hit) return { file: entry.file, read: hit, notes, cached: true, bytesHash };
  const result = parse(decoded.text, entry.file, context.read);
  await context.cache?.set(entry.file, decoded.text, result);
  return { file: entry.file, read: result, notes, cached: false, bytesHash };
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

/** `DumpParseError` carries its reason in its message; any other failure is a parser bug, reported as such. */
function parse(text: string, file: string, read: ReadArticleFn): CachedRead {
  try {
    return { ok: true, ...read(text, file) };
  } catch (error) {
    const e = error as Error;
    if (e.name === 'DumpParseError') return { ok: false, reason: e.message };
    return { ok: false, reason: `parser failed (a bug, please report it): ${e.message}` };
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
