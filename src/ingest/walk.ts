/**
 * Finds the dumps in the input folder: `*.txt` at any depth, and files without an extension (decoding
 * decides later whether they are text). Whatever else is found is accounted for, never silently lost:
 * an entry that cannot be a dump (a FIFO, a dangling link, a `.json` file) comes back as rejected.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
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
 *
 * Synchronous on purpose: one awaited `stat` after another left the thread idle between them (0.6 s
 * for 10,000 dumps, seconds for 100,000, on every rebuild's critical path); the same calls made in a
 * loop cost a tenth of that, and nothing else is waiting on this thread while the ingest starts.
 */
export async function findDumps(inputDir: string): Promise<Found[]> {
  const input = statSync(inputDir, { throwIfNoEntry: false });
  if (!input?.isDirectory()) throw new Error(`the input folder ${JSON.stringify(inputDir)} does not exist or is not a folder`);
  const found: Found[] = [];
  // Real paths of the folders entered, so a symlink loop (`a/b → a`) is walked once.
  const entered = new Set<string>();
  // `rel` is `dir` relative to the input, `/`-separated, with a trailing `/` (empty at the top).
  const walk = (dir: string, rel: string): void => {
    let real: string;
    let names: string[];
    try {
      real = realpathSync(dir);
      names = readdirSync(dir).filter((n) => !HIDDEN.test(n)).sort();
    } catch (error) {
      if (dir === inputDir) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      found.push({ kind: 'rejected', file: rel.slice(0, -1), reason: `unreadable folder: ${code}` });
      return;
    }
    if (entered.has(real)) {
      found.push({ kind: 'rejected', file: rel.slice(0, -1), reason: 'symlink loop: folder already read' });
      return;
    }
    entered.add(real);
    for (const name of names) {
      const absolute = path.join(dir, name);
      const file = rel + name;
      const entry = classify(absolute);
      if (entry.kind === 'dir') walk(absolute, `${file}/`);
      else if (entry.kind === 'file') {
        const ext = path.extname(name).toLowerCase();
        if (ext === DUMP_EXTENSION || ext === '') found.push({ kind: 'dump', file, absolute, size: entry.size, mtimeMs: entry.mtimeMs, ino: entry.ino });
        else found.push({ kind: 'rejected', file, reason: `not a dump: a ${ext} file (dumps are *.txt)` });
      } else found.push({ kind: 'rejected', file, reason: entry.reason });
    }
  };
  walk(inputDir, '');
  return found;
}

type Entry = { kind: 'dir' } | { kind: 'file'; size: number; mtimeMs: number; ino: number } | { kind: 'other'; reason: string };

function classify(absolute: string): Entry {
  let target;
  try {
    target = statSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    let link = null;
    try {
      link = lstatSync(absolute);
    } catch {
      // Gone between the listing and the stat: reported with the stat's error below.
    }
    if (link?.isSymbolicLink()) {
      return { kind: 'other', reason: code === 'ELOOP' ? 'symlink loop' : `unreadable: dangling symlink (${code})` };
    }
    return { kind: 'other', reason: `unreadable: ${code ?? String(error)}` };
  }
  if (target.isDirectory()) return { kind: 'dir' };
  if (target.isFile()) return { kind: 'file', size: target.size, mtimeMs: target.mtimeMs, ino: target.ino };
  return { kind: 'other', reason: 'unreadable: not a regular file (a FIFO, socket or device)' };
}
