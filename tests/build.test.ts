/** `npm run build` end to end on a small corpus: the report, the site, the atomic swap, --strict. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BuildReport } from '../src/report.ts';
import type { ShardManifest } from '../src/search/shards.ts';
import { stateFolder } from '../src/cli/state.ts';
import { tempDir } from './support/tmp.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const BAD = path.join(ROOT, 'tests/fixtures/ingest/bad');

/** A few valid dumps (the bad-input fixtures that still publish), a duplicate and a rejected file. */
async function corpus(): Promise<string> {
  const dir = await tempDir('build-in-');
  for (const file of ['after-crawl.txt', 'invalid-date.txt', 'two-digit-year.txt', 'listing.txt']) {
    await cp(path.join(BAD, file), path.join(dir, file));
  }
  await mkdir(path.join(dir, 'mirror'));
  const copy = (await readFile(path.join(BAD, 'after-crawl.txt'), 'utf8')).replace('08:30:00', '11:45:10');
  await writeFile(path.join(dir, 'mirror', 'after-crawl.txt'), copy);
  return dir;
}

async function build(input: string, output: string, work: string, ...flags: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/build.ts', '--input', input, '--output', output, '--work', work, ...flags], {
    cwd: ROOT,
    env: { ...process.env, CI: 'true' },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

test('build: every input is in the report, every published URL is a page, the search index exists', async () => {
  const input = await corpus();
  const work = await tempDir('build-work-');
  const output = path.join(await tempDir('build-out-'), '_site');
  const result = await build(input, output, work);
  assert.equal(result.code, 0, result.stderr);

  const report = JSON.parse(await readFile(path.join(stateFolder(work, input, output), 'report.json'), 'utf8')) as BuildReport;
  assert.equal(report.inputs, 5);
  assert.equal(report.inputs, report.published + report.merged + report.rejected);
  assert.deepEqual([report.published, report.merged, report.rejected], [3, 1, 1]);
  assert.deepEqual(
    report.stages.map((s) => s.stage),
    ['ingest', 'render', 'index', 'total'],
  );
  for (const stage of report.stages.slice(0, 3)) assert.ok(stage.peakRssBytes! > 0, stage.stage);
  for (const entry of report.entries) {
    if (entry.status !== 'published') continue;
    await stat(path.join(output, entry.url, 'index.html'));
  }
  await stat(path.join(output, 'pagefind'));
  // Nothing of the build is left beside the output.
  assert.deepEqual(await readdir(path.dirname(output)), ['_site']);

  // One line per stage when not a terminal, then the summary.
  assert.match(result.stderr, /^ingest +[\d.]+ s/m);
  assert.match(result.stderr, /^render +[\d.]+ s/m);
  assert.match(result.stderr, /^index +[\d.]+ s/m);
  assert.match(result.stdout, /^5 inputs: 3 published, 1 merged, 1 rejected, \d+ warnings/m);
  assert.match(result.stdout, /^listing\.txt: rejected: listing page, not an article/m);
  assert.match(result.stdout, /^mirror\/after-crawl\.txt: merged into after-crawl\.txt/m);

  // --strict fails on the rejection and leaves the site as it was.
  await writeFile(path.join(output, 'marker'), 'previous site');
  const strict = await build(input, output, work, '--strict');
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /^build failed \(strict\): --strict: 1 rejected and \d+ warnings/m);
  assert.equal(await readFile(path.join(output, 'marker'), 'utf8'), 'previous site');
});

test('build: refuses an output folder that holds the input or the project', async () => {
  const input = await corpus();
  const work = await tempDir('build-work-');
  for (const output of [path.dirname(input), ROOT]) {
    const result = await build(input, output, work);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /refusing to replace/);
  }
});

test('build: --max-fragments caps the search-result files of every shard; a bad value is refused', async () => {
  const input = await corpus();
  const work = await tempDir('build-work-');
  const output = path.join(await tempDir('build-out-'), '_site');
  const bad = await build(input, output, work, '--max-fragments', 'many');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^build failed \(options\): --max-fragments wants a whole number above 0, not "many"/m);

  const result = await build(input, output, work, '--max-fragments', '1');
  assert.equal(result.code, 0, result.stderr);
  const manifest = JSON.parse(await readFile(path.join(output, 'pagefind', 'shards.json'), 'utf8')) as ShardManifest;
  assert.ok(manifest.shards.some((s) => s.pages > 1), 'a shard with more pages than fragment files');
  for (const shard of manifest.shards) {
    const fragments = await readdir(path.join(output, 'pagefind', shard.key, 'fragment'));
    assert.equal(fragments.length, 1, shard.key);
  }
});
