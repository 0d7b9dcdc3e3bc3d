/**
 * Finds the dumps in the input folder: `*.txt` at any depth, and files without an extension (decoding
 * decides later whether they are text). Whatever else is found is accounted for, never silently lost:
 * an entry that cannot be a dump (a FIFO, a dangling link, a `.json` file) comes back as rejected.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export type Found =
  /** `mtimeMs` and `ino` with `size`: what tells a rebuild that a dump did not change without reading it. */
  | { kind: 'dump'; file: string; absolute: string; size: number; mtimeMs: number; ino: number }
  | { kind: 'rejected'; file: string; reason: string };

/** Hidden entries (`.git`, `.DS_Store`, editor swap files) are not the archivist's dumps. */
const HIDDEN = /^\./;
const DUMP_EXTENSION = '.txt';

/**
 * Yields every entry in a stable order (code-point order of relative paths), so the report and any
 * tie-break downstream do not depend on the file system's order.
 */
export async function findDumps(inputDir: string): Promise<Found[]> {
  const input = await stat(inputDir).catch(() => null);
  if (!input?.isDirectory()) throw new Error(`the input folder ${JSON.stringify(inputDir)} does not exist or is not a folder`);
  const found: Found[] = [];
  // Real paths of the folders entered, so a symlink loop (`a/b → a`) is walked once.
  const entered = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    let real: string;
    let names: string[];
    try {
      real = await realpath(dir);
      names = (await readdir(dir)).filter((n) => !HIDDEN.test(n)).sort();
    } catch (error) {
      if (dir === inputDir) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      found.push({ kind: 'rejected', file: relative(inputDir, dir), reason: `unreadable folder: ${code}` });
      return;
    }
    if (entered.has(real)) {
      found.push({ kind: 'rejected', file: relative(inputDir, dir), reason: 'symlink loop: folder already read' });
      return;
    }
    entered.add(real);
    for (const name of names) {
      const absolute = path.join(dir, name);
      const file = relative(inputDir, absolute);
      const entry = await classify(absolute);
      if (entry.kind === 'dir') await walk(absolute);
      else if (entry.kind === 'file') {
        const ext = path.extname(name).toLowerCase();
        if (ext === DUMP_EXTENSION || ext === '') found.push({ kind: 'dump', file, absolute, size: entry.size, mtimeMs: entry.mtimeMs, ino: entry.ino });
        else found.push({ kind: 'rejected', file, reason: `not a dump: a ${ext} file (dumps are *.txt)` });
      } else found.push({ kind: 'rejected', file, reason: entry.reason });
    }
  };
  await walk(inputDir);
  return found;
}

type Entry = { kind: 'dir' } | { kind: 'file'; size: number; mtimeMs: number; ino: number } | { kind: 'other'; reason: string };

async function classify(absolute: string): Promise<Entry> {
  let target;
  try {
    target = await stat(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const link = await lstat(absolute).catch(() => null);
    if (link?.isSymbolicLink()) {
      return { kind: 'other', reason: code === 'ELOOP' ? 'symlink loop' : `unreadable: dangling symlink (${code})` };
    }
    return { kind: 'other', reason: `unreadable: ${code ?? String(error)}` };
  }
  if (target.isDirectory()) return { kind: 'dir' };
  if (target.isFile()) return { kind: 'file', size: target.size, mtimeMs: target.mtimeMs, ino: target.ino };
  return { kind: 'other', reason: 'unreadable: not a regular file (a FIFO, socket or device)' };
}

/** Relative path with `/` on every platform: it is the dump's name in the report and in `source`. */
function relative(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
