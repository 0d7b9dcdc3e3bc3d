/**
 * A build killed with SIGKILL while rendering, and again while indexing, leaves the previous site
 * intact; the next build succeeds and leaves nothing of the killed ones behind.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const INPUT = path.join(ROOT, 'articles');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Runs a build in its own process group; once a stderr line matches `killAfter`, waits `delayMs`,
 * calls `atKill` (to see the build mid-way) and kills the whole group, as a crash or an OOM killer would.
 */
function buildUntil(output: string, work: string, killAfter?: RegExp, delayMs = 0, atKill?: () => Promise<void>): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/build.ts', '--input', INPUT, '--output', output, '--work', work], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, CI: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let killing = false;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (killAfter && !killing && killAfter.test(stderr)) {
      killing = true;
      setTimeout(async () => {
        await atKill?.();
        process.kill(-child.pid!, 'SIGKILL');
      }, delayMs);
    }
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

async function listing(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

test('build: SIGKILL during rendering and during indexing leaves the previous site; the next build succeeds', async () => {
  const parent = await mkdtemp(path.join(tmpdir(), 'build-kill-'));
  const output = path.join(parent, '_site');
  const work = path.join(parent, '.build');
  const first = await buildUntil(output, work);
  assert.equal(first.code, 0, first.stderr);
  await writeFile(path.join(output, 'previous-build'), 'still here');
  const before = await listing(output);

  for (const [stage, after, delay] of [
    ['rendering', /^ingest .*\n/m, 1000],
    ['indexing', /^render .*\n/m, 300],
  ] as const) {
    let midway: string[] = [];
    const killed = await buildUntil(output, work, after, delay, async () => {
      midway = await readdir(parent);
    });
    assert.equal(killed.signal, 'SIGKILL', `${stage}: ${killed.stderr}`);
    assert.ok(
      midway.some((name) => name.startsWith('_site.staging-')),
      `${stage}: killed while the new site was being built (${midway.join(', ')})`,
    );
    if (stage === 'rendering') assert.doesNotMatch(killed.stderr, /^render /m);
    else assert.doesNotMatch(killed.stderr, /^index /m);
    assert.deepEqual(await listing(output), before, `${stage}: the previous site is untouched`);
    assert.equal(await readFile(path.join(output, 'previous-build'), 'utf8'), 'still here');
  }

  const next = await buildUntil(output, work);
  assert.equal(next.code, 0, next.stderr);
  const after = await listing(output);
  assert.ok(!after.includes('previous-build'), 'the next build replaced the site');
  assert.ok(after.includes('index.html') && after.includes('pagefind/shards.json'));
  assert.deepEqual((await readdir(parent)).sort(), ['.build', '_site']);
  // Every parse cache entry a killed build left is whole.
  for (const file of (await listing(path.join(work, 'cache'))).filter((f) => f.endsWith('.json'))) {
    JSON.parse(await readFile(path.join(work, 'cache', file), 'utf8'));
  }
});
