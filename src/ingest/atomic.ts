/**
 * Writes that a killed process cannot leave half done: a file is written beside its target and
 * renamed over it; a folder is built beside its target and swapped in with two renames, and the one
 * moment between them is recovered by the next run (`recoverFolder`).
 */
import { copyFile, link, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

const STAGING = '.staging-';
const PREVIOUS = '.previous-';

/** `folderExists`: the caller made the folder already (a `mkdir` per file costs as much as the write). */
export async function writeFileAtomic(file: string, content: string | Uint8Array, { folderExists = false } = {}): Promise<void> {
  if (!folderExists) await mkdir(path.dirname(file), { recursive: true });
  // Per thread: the parse workers of one process may write the same cache entry at once.
  const temporary = `${file}.${process.pid}.${threadId}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Puts back the folder a killed swap left aside, and removes the staging folders of killed runs.
 * Call before building `target`.
 */
export async function recoverFolder(target: string): Promise<void> {
  const parent = path.dirname(target);
  const name = path.basename(target);
  const siblings = await readdir(parent).catch(() => [] as string[]);
  const previous = siblings.filter((s) => s.startsWith(`${name}${PREVIOUS}`));
  if (!(await exists(target)) && previous.length > 0) {
    await rename(path.join(parent, previous.sort().at(-1)!), target);
  }
  for (const s of siblings) {
    if (s.startsWith(`${name}${STAGING}`) || (s.startsWith(`${name}${PREVIOUS}`) && (await exists(target)))) {
      await rm(path.join(parent, s), { recursive: true, force: true });
    }
  }
}

/** A fresh, empty folder beside `target` (same file system, so the swap is a rename). */
export async function stagingFolder(target: string): Promise<string> {
  await mkdir(path.dirname(path.resolve(target)), { recursive: true });
  const staging = `${path.resolve(target)}${STAGING}${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  return staging;
}

/** Replaces `target` by `staging`; the old folder is removed only once the new one is in place. */
export async function swapFolder(staging: string, target: string): Promise<void> {
  const resolved = path.resolve(target);
  const previous = `${resolved}${PREVIOUS}${process.pid}`;
  const hadTarget = await exists(resolved);
  if (hadTarget) await rename(resolved, previous);
  await rename(staging, resolved);
  if (hadTarget) await rm(previous, { recursive: true, force: true });
}

/**
 * Recreates the tree `from` at `to` with hard links: a copy of a folder whose files are only ever
 * replaced (written beside and renamed in), never changed in place, without copying a byte. The
 * search index of 100,000 articles is ~107,000 files.
 */
export async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else if (entry.isFile()) await linkOrCopy(source, target);
  }
}

/** A hard link, or a copy where the file system has none (`EPERM`, `ENOTSUP`); a missing `from` throws. */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  await link(from, to).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'EEXIST') throw error;
    await copyFile(from, to);
  });
}

/** Which version of a file: a replaced file (`writeFileAtomic` renames) has another inode. */
export async function fileStamp(file: string): Promise<string | null> {
  const s = await stat(file).catch(() => null);
  return s ? `${s.ino} ${s.size} ${s.mtimeMs}` : null;
}
