/**
 * Where a build keeps what the next build of the same archive needs, and who may build it now.
 *
 * The state belongs to an input/output pair: `<work>/archives/<output name>-<hash of both paths>/`
 * holds that archive's Markdown, URL ledger, report, page fingerprints, search shards and change index,
 * so that two archives built from one checkout (`--input B --output Y`) never replace each other's.
 * The parse cache (`<work>/cache/`) is shared: it is keyed by a dump's name and text.
 *
 * One build of an archive at a time: a build takes `lock` in its state folder (an exclusive create),
 * and a second build of the same archive (a build beside `npm start`, two terminals) waits for it, or
 * with `--no-wait` stops with a message naming it. A lock whose process is gone (killed, crashed) is
 * taken over.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { slugify } from '../text.ts';

export const LOCK_FILE = 'lock';
/** How often a waiting build looks at the lock again. */
const POLL_MS = 250;
/** A lock file without a holder for this long was left by a process killed while taking it. */
const EMPTY_LOCK_MS = 10_000;

export interface ArchiveState {
  /** The archive's state folder. */
  dir: string;
  input: string;
  output: string;
}

/** The state folder of the archive built from `input` into `output` (paths resolved from the working directory). */
export function stateFolder(work: string, input: string, output: string): string {
  const hash = createHash('sha256').update(`${path.resolve(input)}\0${path.resolve(output)}`).digest('hex').slice(0, 10);
  const name = slugify(path.basename(path.resolve(output)), 30) || 'site';
  return path.join(work, 'archives', `${name}-${hash}`);
}

/** The state folder of the archive built from `input` into `output`, made if needed. */
export async function archiveState(work: string, input: string, output: string): Promise<ArchiveState> {
  const resolvedInput = path.resolve(input);
  const resolvedOutput = path.resolve(output);
  const dir = stateFolder(work, input, output);
  await mkdir(dir, { recursive: true });
  const pairFile = path.join(dir, 'pair.json');
  if (!(await exists(pairFile))) {
    await writeFile(pairFile, `${JSON.stringify({ input: resolvedInput, output: resolvedOutput }, null, 1)}\n`);
    // Before state was kept per archive, the URL ledger was `<work>/slugs.json`: an archive that has
    // none yet starts from it, so that no URL an earlier build gave is lost or reused.
    const legacy = path.join(work, 'slugs.json');
    if ((await exists(legacy)) && !(await exists(path.join(dir, 'slugs.json')))) await copyFile(legacy, path.join(dir, 'slugs.json'));
  }
  return { dir, input: resolvedInput, output: resolvedOutput };
}

/** What a lock file says about the build holding it. */
export interface LockHolder {
  pid: number;
  host: string;
  started: string;
  input: string;
  output: string;
}

export class LockedError extends Error {
  constructor(readonly holder: LockHolder) {
    super(`another build of this archive is running: ${describeHolder(holder)}`);
    this.name = 'LockedError';
  }
}

export function describeHolder(holder: LockHolder): string {
  return `pid ${holder.pid} on ${holder.host}, started ${holder.started}, ${holder.input} → ${holder.output}`;
}

function alive(holder: LockHolder): boolean {
  // A lock from another machine (a shared disk) cannot be checked: it is trusted.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LockOptions {
  /** Wait for a running build (default), or throw `LockedError` at once. */
  wait?: boolean;
  /** Told once when this build starts waiting. */
  onWait?: (holder: LockHolder) => void;
}

/**
 * Takes the archive's lock, waiting for (or refusing) a running build, taking over a dead one's.
 * Resolves to the function that releases it.
 */
export async function lockArchive(state: ArchiveState, options: LockOptions = {}): Promise<() => Promise<void>> {
  const file = path.join(state.dir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), input: state.input, output: state.output };
  let told = false;
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${JSON.stringify(me)}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(file);
    if (holder && !alive(holder)) {
      // Moved aside first: of two builds taking over the same dead lock, one rename wins.
      const aside = `${file}.stale-${process.pid}`;
      if (await rename(file, aside).then(() => true, () => false)) await rm(aside, { force: true });
      continue;
    }
    // No holder: the lock was just created and is being written, or just released: look again. One
    // left empty for long was made by a process killed before it wrote its name: taken over.
    if (!holder && Date.now() - ((await stat(file).catch(() => null))?.mtimeMs ?? Date.now()) > EMPTY_LOCK_MS) {
      await rm(file, { force: true });
      continue;
    }
    if (holder) {
      if (options.wait === false) throw new LockedError(holder);
      if (!told) options.onWait?.(holder);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return async () => {
    const holder = await readHolder(file);
    if (holder?.pid === process.pid && holder.host === me.host) await rm(file, { force: true });
  };
}

async function readHolder(file: string): Promise<LockHolder | null> {
  try {
    const holder = JSON.parse(await readFile(file, 'utf8')) as LockHolder;
    return typeof holder.pid === 'number' ? holder : null;
  } catch {
    return null;
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
