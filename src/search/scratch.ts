/**
 * Where a shard's pages are written for Pagefind to read (IO): in memory, under `/dev/shm`, where the
 * system has it. The pages live for the seconds Pagefind takes to read them, and on a disk each costs a
 * file and a folder made and removed (10,000 files and ~14,000 folders for 10,000 articles): ext4 took
 * ~0.8 ms of system CPU a page on this machine, tmpfs ~0.02 ms. They take ~14 KB of memory a page
 * while they exist (~63 MB for a shard of 4,500), against ~385 KB a page for Pagefind indexing them.
 *
 * Each folder is named by the build's process id, so that the next build can tell a killed build's
 * folder (its process is gone) and remove it: outside the build's staging site, nothing else would, and
 * it would hold its memory until the machine restarts.
 */
import { randomUUID } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
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

/** A new folder name for the pages of shard `key`: in memory, or `fallback` where there is none. */
export function scratchDir(key: string, fallback: string): string {
  return memoryDir ? join(memoryDir, `${PREFIX}${process.pid}-${randomUUID().slice(0, 8)}-${key}`) : fallback;
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
