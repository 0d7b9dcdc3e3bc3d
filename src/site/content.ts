/**
 * The generated Markdown as the archive model reads it: from the compact index the ingest keeps beside
 * the folder (`src/ingest/archiveIndex.ts`) when there is one, each body read from its file only when
 * a page needs it; else by parsing every file (a content folder written by hand, the tests' fixtures).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadArchiveIndex } from '../ingest/archiveIndex.ts';
import { markdownBody, readContent, type ContentFile } from './archive.ts';

export async function loadContent(dir: string, indexFile?: string): Promise<ContentFile[]> {
  const index = indexFile ? await loadArchiveIndex(indexFile) : null;
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
