/**
 * The compact archive: every generated Markdown file's front matter, hash and reading time in one file
 * beside the folder (`<content>.archive.json`), kept up to date by the ingest as it writes. The render
 * and the search index load it instead of parsing 10,000 Markdown files; a page's body is read from its
 * file only when that page is rendered or indexed.
 */
import { readFile } from 'node:fs/promises';
import { validateFrontMatter, type FrontMatter } from '../schema.ts';
import { contentHash, parseContentFile } from '../site/archive.ts';
import { readingMinutes } from '../site/readingTime.ts';
import { writeFileAtomic } from './atomic.ts';

export interface IndexEntry {
  /** `contentHash` of the file's bytes. */
  hash: string;
  frontMatter: FrontMatter;
  readingMinutes: number;
}

/** Markdown file (relative to the content folder, `/`-separated) → its entry. */
export type ArchiveIndex = Map<string, IndexEntry>;

const VERSION = 1;

/** The entry of a Markdown file, parsed from its bytes. */
export function contentEntry(name: string, bytes: Buffer): IndexEntry {
  const { hash, frontMatter, body } = parseContentFile(name, bytes);
  return { hash, frontMatter, readingMinutes: readingMinutes(body) };
}

/**
 * The same entry from what the file was made of (`articleContent`), without parsing it back: the
 * front matter goes through the validation a parsed file's does, so it has the same keys in the same
 * order (`tests/ingest-incremental.test.ts` compares the two on every file of a run).
 */
export function entryOf(name: string, bytes: Buffer, frontMatter: FrontMatter, body: string): IndexEntry {
  return { hash: contentHash(bytes), frontMatter: validateFrontMatter({ ...frontMatter }, name), readingMinutes: readingMinutes(body) };
}

export async function loadArchiveIndex(file: string): Promise<ArchiveIndex | null> {
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { version: number; entries: Array<[string, IndexEntry]> };
    return saved.version === VERSION ? new Map(saved.entries) : null;
  } catch {
    return null;
  }
}

/** Sorted by file, as `contentFiles` lists the folder. */
export async function saveArchiveIndex(file: string, index: ArchiveIndex): Promise<void> {
  const entries = [...index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  await writeFileAtomic(file, JSON.stringify({ version: VERSION, entries }));
}
