/**
 * Moves a rebuild's new files into the live site, in place: the pages rendered, the search shards
 * indexed again and the title index's changed buckets (`staging` holds only those), then the search
 * manifest last; removes the pages and
 * shards the archive no longer has. A file whose bytes are the live one's is left alone, so it keeps
 * its time stamp (the assets Eleventy copies every run, a page rendered again to the same HTML).
 *
 * A rebuild of 10 articles into a site of 20,000 pages moves a few hundred files instead of linking
 * every page into a new folder (seconds at 10,000 articles, a minute at 100,000). What it gives up:
 * the site is replaced file by file, not as a whole. A build killed during the moves (a fraction of a
 * second) leaves a mix that the next build completes, since the manifest of the live site is renamed
 * in only after them (`previousBuild.ts`): every page that was to change still differs from it.
 */
import { readdir, readFile, rename, rm, rmdir, stat, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { BUNDLE_DIR, MANIFEST_FILE } from '../search/bundle.ts';
import { TITLE_CHANGES_DIR, TITLE_DIR } from '../search/titleIndex.ts';
import { outputPath } from './incremental.ts';

export interface CommitResult {
  /** Files moved into the live site (new or changed). */
  written: number;
  /** Files rendered again to the bytes the live site has. */
  unchanged: number;
  /** Pages and shards removed. */
  removed: number;
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  if (!x || !y || x.size !== y.size) return false;
  const [p, q] = await Promise.all([readFile(a), readFile(b)]);
  return p.equals(q);
}

/** Removes `dir` and its parents up to `root` while they are empty. */
async function pruneEmpty(dir: string, root: string): Promise<void> {
  for (let d = dir; d.startsWith(root + path.sep); d = path.dirname(d)) {
    if (!(await rmdir(d).then(() => true, () => false))) return;
  }
}

export async function commitInPlace(staging: string, live: string, removedUrls: string[], removedShards: string[]): Promise<CommitResult> {
  const result: CommitResult = { written: 0, unchanged: 0, removed: 0 };
  const bundle = path.join(staging, BUNDLE_DIR);
  const shards = (await readdir(bundle, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory() && e.name !== TITLE_CHANGES_DIR)
    .map((e) => e.name);
  const files = (await readdir(staging, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(staging, path.join(e.parentPath, e.name)))
    .filter((f) => !f.startsWith(BUNDLE_DIR + path.sep));
  for (const file of files) {
    const target = path.join(live, file);
    if (await sameBytes(path.join(staging, file), target)) {
      result.unchanged++;
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await rename(path.join(staging, file), target);
    result.written++;
  }
  await mkdir(path.join(live, BUNDLE_DIR), { recursive: true });
  for (const key of shards) {
    const target = path.join(live, BUNDLE_DIR, key);
    const aside = `${target}.previous-${process.pid}`;
    const had = await rename(target, aside).then(() => true, () => false);
    await rename(path.join(bundle, key), target);
    if (had) await rm(aside, { recursive: true, force: true });
    result.written++;
  }
  for (const url of removedUrls) {
    const file = path.join(live, outputPath(url));
    await rm(file, { force: true });
    await pruneEmpty(path.dirname(file), live);
    result.removed++;
  }
  for (const key of removedShards) {
    await rm(path.join(live, BUNDLE_DIR, key), { recursive: true, force: true });
    result.removed++;
  }
  // The title index's changed buckets, each in place of its live file: the ~8,000 others (at 100,000
  // articles) are left as they are.
  const changedBuckets = await readdir(path.join(bundle, TITLE_CHANGES_DIR)).catch(() => [] as string[]);
  if (changedBuckets.length > 0) await mkdir(path.join(live, BUNDLE_DIR, TITLE_DIR), { recursive: true });
  for (const name of changedBuckets) {
    await rename(path.join(bundle, TITLE_CHANGES_DIR, name), path.join(live, BUNDLE_DIR, TITLE_DIR, name));
    result.written++;
  }
  // Last: the search page reads it first, and it names the shards now in place.
  const manifest = path.join(bundle, MANIFEST_FILE);
  if (await stat(manifest).then(() => true, () => false)) {
    if (await sameBytes(manifest, path.join(live, BUNDLE_DIR, MANIFEST_FILE))) result.unchanged++;
    else {
      await rename(manifest, path.join(live, BUNDLE_DIR, MANIFEST_FILE));
      result.written++;
    }
  }
  await rm(staging, { recursive: true, force: true });
  return result;
}
