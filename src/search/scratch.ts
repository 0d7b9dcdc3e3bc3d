/**
 * Where a shard's pages are written for Pagefind to read (IO): in memory, under `/dev/shm`, where the
 * system has it and they fit. The pages live for the seconds Pagefind takes to read them, and on a disk
 * each costs a file and a folder made and removed (10,000 files and ~14,000 folders for 10,000
 * articles): ext4 took ~0.8 ms of system CPU a page on this machine, tmpfs ~0.02 ms. They take ~14 KB
 * of memory a page while they exist (~63 MB for a shard of 4,500), against ~385 KB a page for Pagefind
 * indexing them.
 *
 * Each folder is named by the build's process id, so that the next build can tell a killed build's
 * folder (its process is gone) and remove it: outside the build's staging site, nothing else would, and
 * it would hold its memory until the machine restarts.
 */
import { randomUUID } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import { readdir, rm, statfs } from 'node:fs/promises';
import { join } from 'node:path';

const MEMORY_DIR = '/dev/shm';

/** `qk2-shard-pages-<pid>-<random>-<shard key>` */
const PREFIX = 'qk2-shard-pages-';
const NAMED = /^qk2-shard-pages-(\d+)-/;

/** `/dev/shm` when it is a folder this process can write to (Linux), else null. */
const memoryDir = ((): string | null => {
  try {
    accessSync(MEMORY_DIR, constants.W_OK);
    return MEMORY_DIR;
  } catch {
    return null;
  }
})();

/**
 * What a page takes there, with room: ~14 KB of memory and a file and a folder (and its day's, month's
 * and year's folders, shared).
 */
const PAGE_BYTES = 32 * 1024;
const PAGE_FILES = 3;

/**
 * Whether the pages of a shard fit in memory, where `free` is what the file system has left: with room
 * for the other shard indexed at once. A container's `/dev/shm` is 64 MB unless told otherwise, less
 * than a shard of 5,000 pages (~70 MB): there the pages go to the disk.
 */
export function fitsInMemory(pages: number, free: { bytes: number; files: number }): boolean {
  return free.bytes >= 2 * pages * PAGE_BYTES && free.files >= 2 * pages * PAGE_FILES;
}

/** A new folder for the pages of shard `key`: in memory when they fit there, else `fallback`. */
export async function scratchDir(key: string, pages: number, fallback: string): Promise<string> {
  if (!memoryDir) return fallback;
  const { bavail, bsize, ffree } = await statfs(memoryDir);
  if (!fitsInMemory(pages, { bytes: bavail * bsize, files: ffree })) return fallback;
  return join(memoryDir, `${PREFIX}${process.pid}-${randomUUID().slice(0, 8)}-${key}`);
}

/** Removes the page folders of builds whose process is gone (killed before they removed their own). */
export async function removeDeadScratch(root: string | null = memoryDir): Promise<string[]> {
  if (!root) return [];
  const removed: string[] = [];
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const pid = NAMED.exec(name)?.[1];
    if (pid === undefined || alive(Number(pid))) continue;
    await rm(join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
