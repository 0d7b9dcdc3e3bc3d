/**
 * What an ingest run read, kept beside the Markdown (`<content>.ingest.json`) for the next run: each
 * dump's size, modification time, inode and bytes hash, with the report entry it got; each article's
 * title key, identity, place and files. A dump whose size, time and inode are unchanged is not read
 * again; only articles that share a title with a changed dump are merged again (`ingest.ts`).
 */
import { readFile } from 'node:fs/promises';
import { hashSources } from '../codeHash.ts';
import type { ReportEntry } from '../report.ts';
import { writeFileAtomic } from './atomic.ts';

/** Everything an ingest's output depends on besides the dumps: other code runs the whole ingest again. */
const INGEST_CODE = ['src/parse', 'src/units', 'src/pipeline.ts', 'src/schema.ts', 'src/text.ts', 'src/ingest', 'src/site/archive.ts', 'src/site/readingTime.ts'];

export interface FileState {
  size: number;
  mtimeMs: number;
  ino: number;
  /** Of the bytes (`hashBytes`), when they were read. */
  hash?: string;
  entry: ReportEntry;
}

export interface ArticleState {
  /** `titleKey` of its title: duplicates are only ever found among articles sharing it. */
  titleKey: string;
  identity: string;
  aliases: string[];
  title: string;
  date: string | null;
  crawledAt: string | null;
  /** `2023/03/20/<slug>`: its Markdown is `<path>.md`. */
  path: string;
  /** The dump published first, then the copies merged into it. */
  files: string[];
  undated?: true;
  truncated?: true;
}

export interface Snapshot {
  version: 1;
  code: string;
  files: Record<string, FileState>;
  articles: ArticleState[];
}

export function ingestCode(): Promise<string> {
  return hashSources(INGEST_CODE);
}

/** The last run's snapshot, or null when there is none, it is unreadable, or other code wrote it. */
export async function loadSnapshot(file: string, code: string): Promise<Snapshot | null> {
  try {
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as Snapshot;
    return snapshot.version === 1 && snapshot.code === code ? snapshot : null;
  } catch {
    return null;
  }
}

export async function saveSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(snapshot));
}
