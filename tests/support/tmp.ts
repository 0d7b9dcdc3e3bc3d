/**
 * Temporary folders for tests, removed when the test file's process exits: a full `npm test` makes
 * ~16 MB of sites, caches and dumps, which would otherwise pile up in the system's temp folder run
 * after run. `KEEP_TMP=1` keeps them, to look at what a failing test left.
 */
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
let cleanupRegistered = false;

/** A new folder `<tmp>/<prefix>XXXXXX`, removed at exit. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  if (!cleanupRegistered && !process.env.KEEP_TMP) {
    cleanupRegistered = true;
    // `exit` handlers must be synchronous; each test file runs in a process of its own.
    process.once('exit', () => {
      for (const folder of made) rmSync(folder, { recursive: true, force: true });
    });
  }
  return dir;
}
