/**
 * A hash of source files, for caches that must be dropped when the code that filled them changes: the
 * parse cache (parser code) and the kept pages of an incremental render (templates and site code).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function filesUnder(absolute: string): Promise<string[]> {
  const entries = await readdir(absolute, { withFileTypes: true }).catch(() => null);
  if (entries === null) return [absolute];
  const nested = await Promise.all(
    entries.sort((a, b) => (a.name < b.name ? -1 : 1)).map((e) => filesUnder(path.join(absolute, e.name))),
  );
  return nested.flat();
}

/**
 * Hash of every file under `parts` (files or folders, relative to `root`), names included, so a
 * renamed or added file counts too; a missing part counts as empty.
 */
export async function hashSources(parts: readonly string[], root = REPO): Promise<string> {
  const hash = createHash('sha256');
  for (const part of parts) {
    for (const file of await filesUnder(path.join(root, part))) {
      hash.update(path.relative(root, file)).update('\0');
      hash.update(await readFile(file).catch(() => Buffer.alloc(0))).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}
