/** The folder swap and its recovery: the states a kill can leave, and what the next run makes of them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { linkOrCopy, linkTree, recoverFolder, stagingFolder, swapFolder, writeFileAtomic } from '../src/ingest/atomic.ts';
import { tempDir } from './support/tmp.ts';

async function site(dir: string, marker: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'index.html'), marker);
}

test('atomic: a swap replaces the folder whole and leaves nothing beside it', async () => {
  const parent = await tempDir('atomic-');
  const target = path.join(parent, '_site');
  await site(target, 'old');
  const staging = await stagingFolder(target);
  await site(staging, 'new');
  await swapFolder(staging, target);
  assert.equal(await readFile(path.join(target, 'index.html'), 'utf8'), 'new');
  assert.deepEqual(await readdir(parent), ['_site']);
});

test('atomic: killed between the two renames, the previous folder is put back', async () => {
  const parent = await tempDir('atomic-');
  const target = path.join(parent, '_site');
  // The state after `rename(target, previous)` and before `rename(staging, target)`.
  await site(path.join(parent, '_site.previous-4242'), 'old');
  await site(path.join(parent, '_site.staging-4242'), 'half');
  await recoverFolder(target);
  assert.equal(await readFile(path.join(target, 'index.html'), 'utf8'), 'old');
  assert.deepEqual(await readdir(parent), ['_site']);
});

test('atomic: killed after the swap, the leftover previous folder is removed', async () => {
  const parent = await tempDir('atomic-');
  const target = path.join(parent, '_site');
  await site(target, 'new');
  await site(path.join(parent, '_site.previous-4242'), 'old');
  await recoverFolder(target);
  assert.equal(await readFile(path.join(target, 'index.html'), 'utf8'), 'new');
  assert.deepEqual(await readdir(parent), ['_site']);
});

test('atomic: folders that merely share the prefix are not touched', async () => {
  const parent = await tempDir('atomic-');
  const target = path.join(parent, '_site');
  await site(target, 'new');
  await site(path.join(parent, '_site-backup'), 'keep');
  await recoverFolder(target);
  assert.deepEqual((await readdir(parent)).sort(), ['_site', '_site-backup']);
});

test('atomic: a linked tree shares the files, and replacing or removing them in the copy leaves the original', async () => {
  const parent = await tempDir('atomic-');
  const from = path.join(parent, 'live', 'pagefind');
  await site(path.join(from, '2024'), 'shard 2024');
  await site(path.join(from, '2023'), 'shard 2023');
  await writeFile(path.join(from, 'shards.json'), 'old manifest');
  const to = path.join(parent, 'staging', 'pagefind');
  await linkTree(from, to);
  assert.equal((await stat(path.join(to, '2024', 'index.html'))).ino, (await stat(path.join(from, '2024', 'index.html'))).ino);
  await writeFileAtomic(path.join(to, 'shards.json'), 'new manifest');
  await rm(path.join(to, '2023'), { recursive: true });
  assert.equal(await readFile(path.join(from, 'shards.json'), 'utf8'), 'old manifest');
  assert.equal(await readFile(path.join(from, '2023', 'index.html'), 'utf8'), 'shard 2023');
  assert.equal(await readFile(path.join(to, '2024', 'index.html'), 'utf8'), 'shard 2024');
});

test('atomic: linkOrCopy links on one file system, copies across two, and throws for a missing file', async () => {
  const dir = await tempDir('atomic-link-');
  // Another file system: Linux always has the tmpfs /dev/shm (Docker's containers too).
  const other = await mkdtemp('/dev/shm/atomic-link-');
  try {
    const source = path.join(dir, 'page.html');
    await writeFile(source, 'trang');
    assert.notEqual((await stat(dir)).dev, (await stat(other)).dev);

    await linkOrCopy(source, path.join(dir, 'linked.html'));
    assert.equal((await stat(path.join(dir, 'linked.html'))).ino, (await stat(source)).ino);

    await linkOrCopy(source, path.join(other, 'copied.html'));
    assert.equal(await readFile(path.join(other, 'copied.html'), 'utf8'), 'trang');

    await assert.rejects(linkOrCopy(path.join(dir, 'missing.html'), path.join(dir, 'x.html')), { code: 'ENOENT' });
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(other, { recursive: true, force: true });
  }
});
