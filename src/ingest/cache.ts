/**
 * The parse cache: a dump whose text (and name) was parsed before by the same parser code is not
 * parsed again. One small JSON file per dump under `.build/cache/<code hash>/`, each written
 * atomically, so a killed build leaves whole entries or none. A change to the parser, the unit
 * catalog or the schema changes the code hash: the old folder is dropped and everything is parsed anew.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { hashSources } from '../codeHash.ts';
import type { ReadArticle } from '../pipeline.ts';
import { writeFileAtomic } from './atomic.ts';

/** What a parse gave: the article, or why the dump cannot be published. */
export type CachedRead = ({ ok: true } & ReadArticle) | { ok: false; reason: string };

export interface ParseCache {
  /** The parser code the entries belong to. */
  codeHash: string;
  get(source: string, text: string): Promise<CachedRead | undefined>;
  set(source: string, text: string, value: CachedRead): Promise<void>;
}

/** Everything the parse result depends on; `units.json` lives in `src/units`. */
const PARSER_CODE = ['src/parse', 'src/units', 'src/pipeline.ts', 'src/schema.ts', 'src/text.ts'];

/** `keepStale`: leave older parser code's entries to whoever opened the cache first (worker threads). */
export async function openParseCache(
  cacheRoot: string,
  codeHash?: string,
  options: { keepStale?: boolean } = {},
): Promise<ParseCache> {
  const code = codeHash ?? (await hashSources(PARSER_CODE));
  const folder = path.join(cacheRoot, code);
  // Entries of older parser code can never be hit again.
  for (const stale of options.keepStale ? [] : await readdir(cacheRoot).catch(() => [] as string[])) {
    if (stale !== code) await rm(path.join(cacheRoot, stale), { recursive: true, force: true });
  }
  const fileOf = (source: string, text: string) => {
    const key = createHash('sha256').update(source).update('\0').update(text).digest('hex');
    return path.join(folder, key.slice(0, 2), `${key}.json`);
  };
  // A miss is followed by a `set` of the same dump: hashing its text once serves both. Held from the
  // miss to the `set`, so only the dumps being parsed at the moment are remembered.
  const missed = new Map<string, { text: string; file: string }>();
  // A subfolder absent when the cache was opened holds no entry from an earlier run: its dumps are misses
  // without a failed open each (the whole first run after a parser change).
  const present = new Set(await readdir(folder).catch(() => [] as string[]));
  // Each of the 256 subfolders is made once per run, not once per entry.
  const madeFolders = new Set<string>();
  // A cached read is one synchronous call, where the promise API makes four trips through libuv's
  // thread pool (open, stat, read, close) for each of 10,000 small files.
  return {
    codeHash: code,
    async get(source, text) {
      const file = fileOf(source, text);
      if (!present.has(path.basename(path.dirname(file)))) {
        missed.set(source, { text, file });
        return undefined;
      }
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as CachedRead;
      } catch {
        // Missing, or unreadable for any reason: parse again.
        missed.set(source, { text, file });
        return undefined;
      }
    },
    async set(source, text, value) {
      const miss = missed.get(source);
      missed.delete(source);
      const file = miss !== undefined && miss.text === text ? miss.file : fileOf(source, text);
      const subfolder = path.dirname(file);
      const content = JSON.stringify(value);
      // Not synchronous like the reads: creating 10,000 files waits on the disk, which the parsing hides.
      if (!madeFolders.has(subfolder)) {
        mkdirSync(subfolder, { recursive: true });
        madeFolders.add(subfolder);
      }
      try {
        await writeFileAtomic(file, content, { folderExists: true });
      } catch {
        // The folder went away under us (the cache was cleared): made again.
        await writeFileAtomic(file, content);
      }
    },
  };
}
