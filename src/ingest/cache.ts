/**
 * The parse cache: a dump whose text (and name) was parsed before by the same parser code is not
 * parsed again. Under `.build/cache/<code hash>/`, in packs: each batch of parses a thread flushes is
 * one `<name>.data` file (the entries, one after another) and one `<name>.keys` file (each entry's key,
 * offset and length), written last and atomically, so that a killed build leaves whole packs or
 * unlisted data. One file per entry cost a cold ingest of 10,000 dumps ~3 s of its wall time and
 * ~5 CPU s, in making 10,000 files. A change to the parser, the unit catalog or the schema changes
 * the code hash: the old folder is dropped and everything is parsed anew.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { hashSources } from '../codeHash.ts';
import type { ReadArticle } from '../pipeline.ts';
import { writeFileAtomic } from './atomic.ts';

/** What a parse gave: the article, or why the dump cannot be published. */
export type CachedRead = ({ ok: true } & ReadArticle) | { ok: false; reason: string };

export interface ParseCache {
  /** The parser code the entries belong to. */
  codeHash: string;
  get(source: string, text: string): Promise<CachedRead | undefined>;
  /** Kept in memory until `flush`. */
  set(source: string, text: string, value: CachedRead): Promise<void>;
  /** Writes what was `set` since the last flush as one pack. */
  flush(): Promise<void>;
}

/**
 * Everything the parse result depends on (`units.json` lives in `src/units`), and this file, which
 * decides how it is stored: a cache of another layout is dropped, not left beside.
 */
const PARSER_CODE = ['src/parse', 'src/units', 'src/pipeline.ts', 'src/schema.ts', 'src/text.ts', 'src/ingest/cache.ts'];

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
  const keyOf = (source: string, text: string) => createHash('sha256').update(source).update('\0').update(text).digest('hex');
  // A miss is followed by a `set` of the same dump: hashing its text once serves both. Held from the
  // miss to the `set`, so only the dumps being parsed at the moment are remembered.
  const missed = new Map<string, { text: string; key: string }>();
  // Read at the first lookup (~20–40 ms for 10,000 entries): a build that parses nothing never reads them.
  let listed: Promise<Map<string, EntryAt>> | null = null;
  let pending: Array<{ key: string; bytes: Buffer }> = [];
  let packs = 0;
  return {
    codeHash: code,
    async get(source, text) {
      const key = keyOf(source, text);
      listed ??= readPackKeys(folder);
      const at = (await listed).get(key);
      const entry = at ? readEntry(at) : null;
      if (entry?.key === key) return entry.value;
      // Not listed, or unreadable for any reason: parse again.
      missed.set(source, { text, key });
      return undefined;
    },
    async set(source, text, value) {
      const miss = missed.get(source);
      missed.delete(source);
      const key = miss !== undefined && miss.text === text ? miss.key : keyOf(source, text);
      pending.push({ key, bytes: Buffer.from(JSON.stringify({ key, value } satisfies PackEntry)) });
    },
    async flush() {
      if (pending.length === 0) return;
      const entries = pending;
      pending = [];
      // Unique across the threads and processes that share the folder.
      const name = `${process.pid}-${threadId}-${Date.now().toString(36)}-${packs++}`;
      const lines: string[] = [];
      let offset = 0;
      for (const { key, bytes } of entries) {
        lines.push(`${key} ${offset} ${bytes.length}`);
        offset += bytes.length;
      }
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, `${name}${DATA}`), Buffer.concat(entries.map((e) => e.bytes)));
      await writeFileAtomic(path.join(folder, `${name}${KEYS}`), `${lines.join('\n')}\n`, { folderExists: true });
    },
  };
}

/** What a pack holds for each entry: its key, so that a misplaced read is told from a hit. */
interface PackEntry {
  key: string;
  value: CachedRead;
}

const DATA = '.data';
const KEYS = '.keys';

interface EntryAt {
  pack: string;
  offset: number;
  length: number;
}

/**
 * Every entry the packs in `folder` list, by key (a key two packs list has the same entry in both: the
 * same dump parsed by the same code). Read synchronously: ~200 small files for 10,000 entries, each one
 * call instead of four thread-pool trips.
 */
async function readPackKeys(folder: string): Promise<Map<string, EntryAt>> {
  const listed = new Map<string, EntryAt>();
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith(KEYS))) {
    const pack = path.join(folder, name.slice(0, -KEYS.length) + DATA);
    let text = '';
    try {
      text = readFileSync(path.join(folder, name), 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      const [key, offset, length] = line.split(' ');
      if (key && offset && length) listed.set(key, { pack, offset: Number(offset), length: Number(length) });
    }
  }
  return listed;
}

/**
 * One entry, read synchronously: one call where the promise API makes four trips through libuv's
 * thread pool. Null when it cannot be read whole.
 */
function readEntry(at: EntryAt): PackEntry | null {
  let fd: number | null = null;
  try {
    fd = openSync(at.pack, 'r');
    const bytes = Buffer.alloc(at.length);
    if (readSync(fd, bytes, 0, at.length, at.offset) !== at.length) return null;
    return JSON.parse(bytes.toString('utf8')) as PackEntry;
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
