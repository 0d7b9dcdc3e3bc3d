/**
 * The files under a folder and their bytes (IO). Synchronously: one `stat` promise a file cost ~2.8×
 * the CPU and time (the 100,000-article site, 236,966 files: 9.2 s and 9.6 CPU s against 3.4 s and
 * 3.2 CPU s), and the build waits for nothing else when it counts its site.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function folderSize(folder: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}
