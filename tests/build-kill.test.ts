/**
 * A build killed with SIGKILL while rendering, and again while a search shard is being written, leaves
 * the previous site intact; the next build succeeds and leaves nothing of the killed ones behind.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tempDir } from './support/tmp.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const POLL_MS = 10;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Runs a build in its own process group; once `killWhen` holds (checked every few milliseconds), kills
 * the whole group, as a crash or an OOM killer would.
 */
function buildUntil(input: string, output: string, work: string, killWhen?: () => Promise<boolean>): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/build.ts', '--input', input, '--output', output, '--work', work], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, CI: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<Run>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  let running = true;
  void exited.then(() => {
    running = false;
  });
  const poll = async (): Promise<void> => {
    while (running && killWhen) {
      if (await killWhen()) {
        if (running) process.kill(-child.pid!, 'SIGKILL');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  void poll();
  return exited;
}

/** Entries of `dir` (recursively) whose name matches, or none when it does not exist. */
async function find(dir: string, name: RegExp): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return entries.filter((e) => name.test(path.basename(e)));
}

function alive(pid: number): boolean {
  try {
    return process.kill(pid, 0);
  } catch {
    return false;
  }
}

async function listing(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

test('build: SIGKILL during rendering and while a search shard is written leaves the previous site; the next build succeeds', async () => {
  const parent = await tempDir('build-kill-');
  const input = path.join(parent, 'articles');
  await cp(path.join(ROOT, 'articles'), input, { recursive: true });
  const output = path.join(parent, '_site');
  const work = path.join(parent, '.build');
  const first = await buildUntil(input, output, work);
  assert.equal(first.code, 0, first.stderr);
  await writeFile(path.join(output, 'previous-build'), 'still here');
  const before = await listing(output);
  // A changed article: its search shard is rebuilt, so there is a shard being written to kill.
  const dump = path.join(input, '2023/02/ra-quan-huan-luyen-su-doan-316.txt');
  await writeFile(dump, (await readFile(dump, 'utf8')).replace('bắn súng', 'bắn súng quân dụng'));

  const staging = async (): Promise<string | undefined> =>
    (await readdir(parent)).find((name) => name.startsWith('_site.staging-'));
  // Only the staging folder is looked into: a rebuild in place writes its few pages and moves them out
  // within a fraction of a second, which a walk of the whole site and state folder could miss.
  const inStaging = async (name: RegExp): Promise<boolean> => {
    const folder = await staging();
    return folder !== undefined && (await find(path.join(parent, folder), name)).length > 0;
  };
  // A shard's pages for Pagefind are in a scratch folder from the first page made to Pagefind's last file
  // written: in the staging folder (`.source`) or in memory (`src/search/scratch.ts`). Pagefind's own
  // `.partial` output alone lasts a fraction of a second for the one small shard rebuilt here, which a
  // poll could miss. Only a live process's folder counts: the build killed while rendering may have left one.
  const scratchBefore = new Set(await readdir('/dev/shm').catch(() => [] as string[]));
  const newScratch = async (): Promise<boolean> =>
    (await readdir('/dev/shm').catch(() => [] as string[])).some((name) => {
      const pid = /^qk2-shard-pages-(\d+)-/.exec(name)?.[1];
      return pid !== undefined && !scratchBefore.has(name) && alive(Number(pid));
    });
  for (const [stage, killWhen] of [
    ['rendering', () => inStaging(/^index\.html$/)],
    ['indexing', async () => (await inStaging(/\.(source|partial)$/)) || ((await staging()) !== undefined && (await newScratch()))],
  ] as const) {
    let midway: string | undefined;
    const killed = await buildUntil(input, output, work, async () => {
      if (!(await killWhen())) return false;
      midway = await staging();
      return true;
    });
    assert.equal(killed.signal, 'SIGKILL', `${stage}: ${killed.stderr}`);
    assert.ok(midway, `${stage}: killed while the new site was being built`);
    // Killed before the stage it was killed in ended (the index of one changed shard may end before
    // the render does, and the other way round).
    assert.doesNotMatch(killed.stderr, stage === 'rendering' ? /^render /m : /^index /m, stage);
    assert.deepEqual(await listing(output), before, `${stage}: the previous site is untouched`);
    assert.equal(await readFile(path.join(output, 'previous-build'), 'utf8'), 'still here');
  }

  const next = await buildUntil(input, output, work);
  assert.equal(next.code, 0, next.stderr);
  assert.match(next.stderr, /^index .*\(1 rebuilt\)/m);
  const after = await listing(output);
  assert.ok(after.includes('index.html') && after.includes('pagefind/shards.json'));
  // The killed builds left the live site and its manifest alone: the next one updates it in place.
  const pages = await Promise.all(after.filter((f) => f.endsWith('.html')).map((f) => readFile(path.join(output, f), 'utf8')));
  assert.ok(pages.some((html) => html.includes('bắn súng quân dụng')), 'the edited article is on the site');
  assert.deepEqual((await readdir(parent)).sort(), ['.build', '_site', 'articles']);
  // The pages the killed builds wrote for Pagefind in memory (`src/search/scratch.ts`, named by the
  // process that wrote them) are gone too: none is left of a process that is gone.
  const leftover = (await readdir('/dev/shm')).filter((name) => {
    const pid = /^qk2-shard-pages-(\d+)-/.exec(name)?.[1];
    return pid !== undefined && !alive(Number(pid));
  });
  assert.deepEqual(leftover, []);
  // Every parse cache entry a killed build listed is whole.
  const packs = (await listing(path.join(work, 'cache'))).filter((f) => f.endsWith('.keys'));
  assert.ok(packs.length > 0);
  for (const keys of packs) {
    const data = await readFile(path.join(work, 'cache', keys.replace(/\.keys$/, '.data')));
    for (const line of (await readFile(path.join(work, 'cache', keys), 'utf8')).trim().split('\n')) {
      const [key, offset, length] = line.split(' ').map((field, i) => (i === 0 ? field : Number(field))) as [string, number, number];
      assert.equal(JSON.parse(data.subarray(offset, offset + length).toString('utf8')).key, key);
    }
  }
});
