/**
 * `npm run build` rebuilds end to end: after each change (nothing, dumps dated newest, dumps dated at
 * random, an edit, a deletion, a touched file) the incrementally updated site is byte for byte the site
 * a cold build of the same dumps makes (the search index aside: its shards are kept, not planned anew),
 * the pages whose inputs did not change are never written (same inode and time stamp), and the new
 * articles are in the search index.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateDump, writeCorpus } from '../src/bench/generate.ts';
import type { ShardManifest } from '../src/search/shards.ts';
import { tempDir } from './support/tmp.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const SEED = 7;
const COUNT = 60;

async function build(input: string, output: string, work: string): Promise<string> {
  const result = await run(process.execPath, ['--import', 'tsx', 'src/cli/build.ts', '--input', input, '--output', output, '--work', work], {
    cwd: ROOT,
    env: { ...process.env, CI: 'true' },
  });
  return result.stderr;
}

/** Every file of a site, relative, with its bytes' identity: inode, mtime and contents. */
async function files(dir: string): Promise<Map<string, { ino: number; mtimeMs: number; bytes: Buffer }>> {
  const out = new Map<string, { ino: number; mtimeMs: number; bytes: Buffer }>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const s = await stat(file);
    out.set(path.relative(dir, file), { ino: s.ino, mtimeMs: s.mtimeMs, bytes: await readFile(file) });
  }
  return out;
}

const outsideIndex = (file: string) => !file.startsWith(`pagefind${path.sep}`) && file !== '.build-id';

describe('incremental builds are cold builds', () => {
  let parent: string;
  let input: string;
  let output: string;
  let work: string;
  let next = COUNT;

  before(async () => {
    parent = await tempDir('incremental-build-');
    input = path.join(parent, 'articles');
    output = path.join(parent, '_site');
    work = path.join(parent, '.build');
    await writeCorpus(input, COUNT, { seed: SEED });
    await build(input, output, work);
  });
  after(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  /** Rebuilds after `change`, checks the site against a cold build, and returns what changed on disk. */
  async function rebuild(
    change: () => Promise<void>,
  ): Promise<{ log: string; written: string[]; kept: number; was: Awaited<ReturnType<typeof files>>; now: Awaited<ReturnType<typeof files>> }> {
    const was = await files(output);
    await change();
    const log = await build(input, output, work);
    const now = await files(output);
    const cold = path.join(parent, `cold-${next}`);
    await build(input, path.join(cold, '_site'), path.join(cold, '.build'));
    const reference = await files(path.join(cold, '_site'));
    const names = (m: Map<string, unknown>) => [...m.keys()].filter(outsideIndex).sort();
    assert.deepEqual(names(now), names(reference), 'the same files');
    for (const name of names(now)) assert.ok(now.get(name)!.bytes.equals(reference.get(name)!.bytes), `${name} is what a cold build makes`);
    await rm(cold, { recursive: true, force: true });
    const written: string[] = [];
    let kept = 0;
    for (const [name, file] of now) {
      const old = was.get(name);
      if (old && old.ino === file.ino && old.mtimeMs === file.mtimeMs) kept++;
      else written.push(name);
      // A page whose bytes did not change was not written (a shard indexed again is written whole).
      if (old && outsideIndex(name) && old.bytes.equals(file.bytes)) assert.equal(file.mtimeMs, old.mtimeMs, `${name} rewritten unchanged`);
    }
    return { log, written, kept, was, now };
  }

  const dumpsOf = (start: number, count: number, options: { newest?: boolean } = {}) =>
    Array.from({ length: count }, (_, i) => generateDump(SEED, start + i, options));

  test('nothing changed: nothing written, no render, no index', async () => {
    const { log, written } = await rebuild(async () => {});
    assert.deepEqual(written, []);
    assert.match(log, /^site +nothing changed/m);
  });

  test('ten dumps dated after all others: few pages written, the new articles in the added search shard', async () => {
    const { log, written, kept, was, now } = await rebuild(async () => {
      await writeCorpus(input, 10, { seed: SEED, start: next, newest: true });
    });
    next += 10;
    assert.match(log, /^ingest .* 60 unchanged and not read, 10 written, 0 removed/m);
    assert.ok(kept > written.length, `${written.length} written, ${kept} kept`);
    // The numbered pages of the home list that existed hold the same articles (/trang/1/ the oldest):
    // at most their links changed, a page having been added.
    const list = (html: string) => html.slice(html.indexOf('<ol class="articles">'), html.indexOf('</ol>'));
    const numbered = [...was.keys()].filter((f) => /^trang\/\d+\/index\.html$/.test(f));
    assert.ok(numbered.length > 0);
    for (const f of numbered) assert.equal(list(now.get(f)!.bytes.toString()), list(was.get(f)!.bytes.toString()), f);
    const manifest = JSON.parse(await readFile(path.join(output, 'pagefind/shards.json'), 'utf8')) as ShardManifest;
    assert.deepEqual(manifest.shards.at(-1)?.key, 'bo-sung');
    assert.match(log, /^index .*\(1 rebuilt\)/m);
  });

  test('ten dumps dated at random', async () => {
    const { log } = await rebuild(async () => {
      await writeCorpus(input, 10, { seed: SEED, start: next });
    });
    next += 10;
    assert.match(log, /^ingest .* 70 unchanged and not read, 10 written, 0 removed/m);
  });

  test('one dump edited: its page changes', async () => {
    const [dump] = dumpsOf(3, 1);
    const file = path.join(input, dump!.path);
    const { log, written } = await rebuild(async () => {
      const text = await readFile(file, 'utf8');
      const lines = text.split('\n');
      // The first paragraph of the body (the lead) gains a sentence.
      const last = lines.findIndex((l) => l.length > 200);
      lines[last] = `${lines[last]} Đơn vị tiếp tục duy trì nghiêm chế độ trực sẵn sàng chiến đấu.`;
      await writeFile(file, lines.join('\n'));
    });
    assert.match(log, /^ingest .* 79 unchanged and not read, 1 written, 0 removed/m);
    assert.ok(written.some((f) => f.endsWith('index.html') && f.split(path.sep).length === 5), `an article page: ${written.join(' ')}`);
  });

  test('one dump deleted: its page is gone, its neighbours and lists updated', async () => {
    const [dump] = dumpsOf(5, 1);
    const { log } = await rebuild(async () => {
      await rm(path.join(input, dump!.path));
    });
    assert.match(log, /^ingest .* 79 unchanged and not read, \d+ written, 1 removed/m);
  });

  test('a dump touched but not changed: read, not parsed, nothing written', async () => {
    const [dump] = dumpsOf(8, 1);
    const { log, written } = await rebuild(async () => {
      const later = new Date(Date.now() + 60_000);
      await utimes(path.join(input, dump!.path), later, later);
    });
    assert.match(log, /^ingest .* 78 unchanged and not read, 0 written, 0 removed/m);
    assert.deepEqual(written, []);
  });
});
