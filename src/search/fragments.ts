/**
 * Reads a built Pagefind 1.6 shard's fragments (IO): which page id Pagefind gave each URL. The search
 * page has a result's id (`result.id`) before it loads the result, so a page of a kept index can be
 * hidden by its id (`SupersededPage`) without indexing the shard again.
 *
 * Pagefind names a page's fragment `fragment/<id>.pf_fragment` (`vi_0573b77`), the id `search()` gives;
 * with `maxFragments` it bundles pages into `fragment/<lang>_group_<hash>.pf_fragment`, a JSON object
 * from id to fragment. Each file is gzip of `pagefind_dcd` followed by the JSON (the `url`, `filters`,
 * `meta` and `content` of the page). Ids are unique within a shard only: seven hex digits, lengthened by
 * Pagefind on a clash inside one index, so another shard may hold the same id (`clashes` in indexSite.ts).
 */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';
const FRAGMENT = '.pf_fragment';
const GROUP = /_group_[0-9a-f]+\.pf_fragment$/;
/**
 * Fragments read between two turns of the event loop. They are read synchronously, one after another:
 * the promise API's open, stat, read and close for each of a shard's ~4,500 small files cost about
 * twice the CPU (27,567 fragments: 4.8–5.0 CPU s against 2.1); the turns keep the thread answering
 * its workers' messages.
 */
const FILES_PER_TURN = 256;

export interface Fragment {
  url: string;
  filters: Record<string, string[]>;
  meta?: Record<string, string>;
}

export interface PageEntry {
  id: string;
  filters: Record<string, string[]>;
}

function readFragmentJson(file: string, bytes = readFileSync(file)): unknown {
  const text = gunzipSync(bytes).toString('utf8');
  if (!text.startsWith(SIGNATURE)) throw new Error(`${file}: not a Pagefind fragment`);
  return JSON.parse(text.slice(SIGNATURE.length));
}

async function fragmentFiles(shardDir: string): Promise<string[]> {
  return (await readdir(join(shardDir, 'fragment'))).filter((f) => f.endsWith(FRAGMENT));
}

/** The pages of one fragment file (`name`, its JSON read): its own page, or a group's (`maxFragments`). */
function pagesOf(name: string, json: unknown): Array<{ id: string; group?: string; fragment: Fragment }> {
  const base = name.slice(0, -FRAGMENT.length);
  return GROUP.test(name)
    ? Object.entries(json as Record<string, Fragment>).map(([id, fragment]) => ({ id, group: base, fragment }))
    : [{ id: base, fragment: json as Fragment }];
}

/** A page's fragment opens on its URL: `pagefind_dcd{"url":"/2023/05/01/slug/",…`. */
const URL_FIRST = /^pagefind_dcd\{"url":"((?:[^"\\]|\\.)*)"/;
/** Compressed bytes inflated to read a fragment's URL: more than a URL's worth of text. */
const HEAD_BYTES = 1024;

/**
 * The URL a single page's fragment (`bytes`, compressed) opens on, inflating its first bytes only
 * (~0.02 ms, not ~0.15 ms for the whole file); null when it does not open on one.
 */
function headUrl(bytes: Buffer): string | null {
  try {
    const head = gunzipSync(bytes.subarray(0, HEAD_BYTES), { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
    const match = URL_FIRST.exec(head);
    return match ? (JSON.parse(`"${match[1]}"`) as string) : null;
  } catch {
    return null;
  }
}

/**
 * The pages of the shard at `shardDir`: URL (as indexed, `/2023/05/01/slug/`) → its id and filters;
 * with `wanted`, those pages only, each other fragment inflated only as far as its URL.
 */
export async function readFragments(shardDir: string, wanted?: ReadonlySet<string>): Promise<Map<string, PageEntry>> {
  const files = await fragmentFiles(shardDir);
  const pages = new Map<string, PageEntry>();
  for (let i = 0; i < files.length && !(wanted && pages.size === wanted.size); i++) {
    if (i % FILES_PER_TURN === FILES_PER_TURN - 1) await turn();
    const name = files[i]!;
    const file = join(shardDir, 'fragment', name);
    const bytes = readFileSync(file);
    if (wanted && !GROUP.test(name)) {
      const url = headUrl(bytes);
      if (url !== null && !wanted.has(url)) continue;
    }
    for (const { id, fragment } of pagesOf(name, readFragmentJson(file, bytes))) {
      if (!wanted || wanted.has(fragment.url)) pages.set(fragment.url, { id, filters: fragment.filters ?? {} });
    }
  }
  return pages;
}

/** Every page of the shard at `shardDir`: its id, its group file's name with `maxFragments`, its fragment. */
export async function allFragments(shardDir: string): Promise<Array<{ id: string; group?: string; fragment: Fragment }>> {
  const files = await fragmentFiles(shardDir);
  const found: Array<{ id: string; group?: string; fragment: Fragment }> = [];
  for (let i = 0; i < files.length; i++) {
    if (i % FILES_PER_TURN === FILES_PER_TURN - 1) await turn();
    for (const page of pagesOf(files[i]!, readFragmentJson(join(shardDir, 'fragment', files[i]!)))) found.push(page);
  }
  return found;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
