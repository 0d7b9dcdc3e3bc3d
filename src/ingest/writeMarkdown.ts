/**
 * Writes articles' Markdown files and makes their compact-archive entries (IO). A full ingest writes
 * a whole staging folder: at 100,000 articles, making the files (~0.13 ms of CPU each: front matter,
 * body, hash, reading time) and writing them kept the main thread busy for most of ~36 s, so a large
 * folder is written by worker threads (`writeWorker.ts`), one file after another in each (27 s).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Article } from '../schema.ts';
import { forEachLimited } from '../concurrency.ts';
import { nextReply, tsWorker } from '../worker.ts';
import { entryOf, type ArchiveWriter, type IndexEntry } from './archiveIndex.ts';
import { writeFileAtomic } from './atomic.ts';
import { articleContent, type Placement } from './markdown.ts';

/** One article's file: its name in the content folder (`2023/05/01/slug.md`), the article and its place. */
export interface MarkdownFile {
  name: string;
  article: Article;
  placement: Placement;
}

/** A job for a write worker: files to write into `folder`. */
export interface WriteJob {
  folder: string;
  files: MarkdownFile[];
}

/** Files an incremental ingest writes at once (each atomically, in place). */
const WRITE_CONCURRENCY = 16;
/** Below this many files, starting workers (each loads the Markdown and schema code) costs more than it saves. */
const PARALLEL_FROM = 400;
/** Files a worker is handed at a time: small enough to balance the threads, large enough to be cheap. */
const BATCH = 250;

/** The JavaScript a write worker loads, loaded before its TypeScript (`tsWorker`). */
const WRITE_PRELOAD = ['gray-matter', 'markdown-it'].map((name) => import.meta.resolve(name));

/** The file's bytes and its compact-archive entry (pure). */
export function markdownOf({ name, article, placement }: MarkdownFile): { bytes: Buffer; entry: IndexEntry } {
  const { markdown, frontMatter, body } = articleContent(article, placement);
  const bytes = Buffer.from(markdown);
  return { bytes, entry: entryOf(name, bytes, frontMatter, body) };
}

/** Writes `files` into `folder`, which a full ingest swaps in whole (plain writes); their entries, in order. */
export async function writeFolder(files: MarkdownFile[], folder: string): Promise<IndexEntry[]> {
  const threads = Math.min(availableParallelism(), 4);
  return threads < 2 || files.length < PARALLEL_FROM ? writeHere({ folder, files }) : writeInWorkers(files, folder, threads);
}

/**
 * In this thread, one file after another: the kernel's work of making a file in a new folder (~0.1–0.4
 * ms of system CPU here) grew by half or more when several threads made files at once (60,000 files in
 * random day folders: 5.6 and 12.6 CPU s one at a time against 12.7 and 15.8 with 16 writes in flight).
 */
export function writeHere({ folder, files }: WriteJob): IndexEntry[] {
  const folders = new Set<string>();
  return files.map((file) => {
    const { bytes, entry } = markdownOf(file);
    const target = path.join(folder, file.name);
    const dir = path.dirname(target);
    if (!folders.has(dir)) mkdirSync(dir, { recursive: true });
    folders.add(dir);
    writeFileSync(target, bytes);
    return entry;
  });
}

/**
 * An incremental ingest's: writes, each atomically in place, the files whose bytes differ from what
 * `archive` says of them, and sets their entries. Returns how many were written.
 */
export async function updateFolder(files: MarkdownFile[], folder: string, archive: ArchiveWriter): Promise<number> {
  let written = 0;
  await forEachLimited(files.length, WRITE_CONCURRENCY, async (i) => {
    const { bytes, entry } = markdownOf(files[i]!);
    if (archive.hashOf(files[i]!.name) === entry.hash) return;
    archive.set(files[i]!.name, entry);
    await writeFileAtomic(path.join(folder, files[i]!.name), bytes);
    written++;
  });
  return written;
}

async function writeInWorkers(files: MarkdownFile[], folder: string, threads: number): Promise<IndexEntry[]> {
  const entries: IndexEntry[] = new Array(files.length);
  let next = 0;
  // After a failure (a full disk) no thread takes another batch: the caller removes the folder.
  let failed = false;
  const drain = async (): Promise<void> => {
    const worker = tsWorker(new URL('./writeWorker.ts', import.meta.url), { preload: WRITE_PRELOAD });
    try {
      while (!failed && next < files.length) {
        const first = next;
        next = Math.min(files.length, next + BATCH);
        const written = nextReply<IndexEntry[]>(worker);
        worker.postMessage({ folder, files: files.slice(first, next) } satisfies WriteJob);
        (await written).forEach((entry, k) => (entries[first + k] = entry));
      }
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: threads }, drain));
  return entries;
}
