/**
 * The generated Markdown as the archive model reads it: from the compact index the ingest keeps beside
 * the folder (`src/ingest/archiveIndex.ts`) when there is one, each body read from its file only when
 * a page needs it; else by parsing every file (a content folder written by hand, the tests' fixtures).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileStamp } from '../ingest/atomic.ts';
import { loadArchiveIndex, type ArchiveChanges, type ArchiveIndex } from '../ingest/archiveIndex.ts';
import { markdownBody, readContent, type ContentFile } from './archive.ts';

/** The compact archive as `prepareContent` read it, with the file's stamp from before the reading. */
let prepared: { file: string; read: Promise<{ stamp: string | null; index: ArchiveIndex | null }> } | null = null;

/**
 * Parses the compact archive while the render thread waits for its job (~1.5 s at 100,000 articles,
 * on the critical path of a rebuild when parsed after the job came): `loadContent` takes it if the file
 * is still the one read, or if it is the file the ingest made of it by `ArchiveChanges`.
 */
export function prepareContent(indexFile: string): Promise<void> {
  const file = resolve(indexFile);
  const read = (async () => {
    const stamp = await fileStamp(file);
    return { stamp, index: stamp === null ? null : await loadArchiveIndex(file) };
  })();
  prepared = { file, read };
  // Awaited by the job only: a failure here is met again when the job reads for itself.
  return read.then(
    () => {},
    () => {},
  );
}

/**
 * The prepared archive, taken (once), brought up to date: as read when the file has not been replaced
 * since; with `changes` applied when it was read before the ingest made them. Setting and removing
 * entries is idempotent, so a reading that caught the file just after the ingest replaced it (its
 * stamp taken before) is brought to the same archive. Else null: the file is read again.
 */
async function preparedIndex(indexFile: string, changes: ArchiveChanges | null): Promise<ArchiveIndex | null> {
  const taken = prepared;
  prepared = null;
  if (!taken || taken.file !== resolve(indexFile)) return null;
  const early = await taken.read.catch(() => null);
  if (!early?.index || early.stamp === null) return null;
  const now = await fileStamp(indexFile);
  if (now === early.stamp) return early.index;
  if (!changes || changes.from !== early.stamp || changes.to !== now) return null;
  for (const [name, entry] of changes.entries) {
    if (entry) early.index.set(name, entry);
    else early.index.delete(name);
  }
  return early.index;
}

export async function loadContent(dir: string, indexFile?: string, changes: ArchiveChanges | null = null): Promise<ContentFile[]> {
  const index = indexFile ? ((await preparedIndex(indexFile, changes)) ?? (await loadArchiveIndex(indexFile))) : null;
  if (!index) return readContent(dir);
  return [...index]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, entry]) => ({
      file,
      hash: entry.hash,
      frontMatter: entry.frontMatter,
      readingMinutes: entry.readingMinutes,
      get body(): string {
        return markdownBody(readFileSync(join(dir, file)));
      },
    }));
}
