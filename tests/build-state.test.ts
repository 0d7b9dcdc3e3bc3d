/**
 * Per-archive state and the build lock, end to end: two archives built from one work folder keep their
 * own caches and ledgers; a second build of the same archive waits for the running one (or, with
 * `--no-wait`, stops naming it); a lock left by a dead process is taken over; two builds started at
 * once both succeed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { LOCK_FILE, stateFolder } from '../src/cli/state.ts';
import { tempDir } from './support/tmp.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A build in a child process; `onStderr` sees its error output as it comes. */
function build(input: string, output: string, work: string, flags: string[] = [], onStderr?: (text: string) => void): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/build.ts', '--input', input, '--output', output, '--work', work, ...flags], {
    cwd: ROOT,
    env: { ...process.env, CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    onStderr?.(stderr);
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

/** Two small archives: the sample's dumps of 2023 and of 2024. */
async function archives(): Promise<{ parent: string; a: string; b: string; work: string }> {
  const parent = await tempDir('build-state-');
  const a = path.join(parent, 'a');
  const b = path.join(parent, 'b');
  await cp(path.join(ROOT, 'articles/2023'), path.join(a, '2023'), { recursive: true });
  await cp(path.join(ROOT, 'articles/2024'), path.join(b, '2024'), { recursive: true });
  return { parent, a, b, work: path.join(parent, '.build') };
}

test('two archives from one work folder keep their own state; the first rebuilt renders nothing', async () => {
  const { parent, a, b, work } = await archives();
  const x = path.join(parent, 'x');
  const y = path.join(parent, 'y');
  assert.equal((await build(a, x, work)).code, 0);
  assert.equal((await build(b, y, work)).code, 0);
  const again = await build(a, x, work);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /^ingest .* (\d+) unchanged and not read, 0 written, 0 removed/m);
  assert.match(again.stderr, /^site +nothing changed/m);
  assert.doesNotMatch(again.stderr, /^(render|index) /m);
  const states = (await readdir(path.join(work, 'archives'))).sort();
  assert.deepEqual(states, [path.basename(stateFolder(work, a, x)), path.basename(stateFolder(work, b, y))].sort());
  for (const [input, output] of [[a, x], [b, y]] as const) {
    const folder = stateFolder(work, input, output);
    const ledger = JSON.parse(await readFile(path.join(folder, 'slugs.json'), 'utf8')) as { urls: Record<string, string> };
    const year = input === a ? '2023' : '2024';
    assert.ok(Object.values(ledger.urls).length > 0 && Object.values(ledger.urls).every((url) => url.startsWith(`${year}/`)), folder);
    const pair = JSON.parse(await readFile(path.join(folder, 'pair.json'), 'utf8')) as { input: string; output: string };
    assert.deepEqual(pair, { input, output });
  }
  await rm(parent, { recursive: true, force: true });
});

test('a running build: the second waits for it, or with --no-wait stops naming it; a dead one is taken over', async () => {
  const { parent, a, work } = await archives();
  const x = path.join(parent, 'x');
  const folder = stateFolder(work, a, x);
  await build(a, x, work);
  // This test process stands for a running build of the archive.
  const holder = { pid: process.pid, host: hostname(), started: '2026-01-01T00:00:00.000Z', input: a, output: x };
  await writeFile(path.join(folder, LOCK_FILE), JSON.stringify(holder));

  const refused = await build(a, x, work, ['--no-wait']);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, new RegExp(`^build failed \\(lock\\): another build of this archive is running: pid ${process.pid} on .*, started 2026-01-01T00:00:00.000Z, .* → ${x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; not waiting`, 'm'));

  let released = false;
  const waited = await build(a, x, work, [], (stderr) => {
    if (released || !stderr.includes('waiting for the running build of this archive: pid')) return;
    released = true;
    void rm(path.join(folder, LOCK_FILE));
  });
  assert.ok(released, 'the second build said it was waiting');
  assert.equal(waited.code, 0, waited.stderr);

  // A lock whose process is gone (a killed build) is taken over without waiting.
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
  await writeFile(path.join(folder, LOCK_FILE), JSON.stringify({ ...holder, pid: dead }));
  const taken = await build(a, x, work, ['--no-wait']);
  assert.equal(taken.code, 0, taken.stderr);
  assert.deepEqual((await readdir(folder)).filter((f) => f.startsWith(LOCK_FILE)), [], 'no lock left behind');
  await rm(parent, { recursive: true, force: true });
});

test('two builds of one archive started at once both succeed, one after the other', async () => {
  const { parent, a, work } = await archives();
  const x = path.join(parent, 'x');
  const [first, second] = await Promise.all([build(a, x, work), build(a, x, work)]);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(second.code, 0, second.stderr);
  assert.equal([first, second].filter((r) => r.stderr.includes('waiting for the running build')).length, 1);
  const report = JSON.parse(await readFile(path.join(stateFolder(work, a, x), 'report.json'), 'utf8')) as { published: number };
  assert.ok(report.published > 0);
  await rm(parent, { recursive: true, force: true });
});
