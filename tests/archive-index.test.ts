/**
 * The compact archive updated in place (`ArchiveEdits`): entries set, replaced and removed anywhere
 * in the file give, byte for byte, what saving the whole archive gives; unchanged entries are never parsed.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileStamp } from '../src/ingest/atomic.ts';
import { ArchiveEdits, loadArchiveIndex, saveArchiveIndex, type ArchiveChanges, type ArchiveIndex, type IndexEntry } from '../src/ingest/archiveIndex.ts';
import { loadContent, prepareContent } from '../src/site/content.ts';
import type { FrontMatter } from '../src/schema.ts';
import { tempDir } from './support/tmp.ts';

const dir = await tempDir('archive-index-');
after(() => rm(dir, { recursive: true, force: true }));

const entry = (name: string, version = 1): IndexEntry => ({
  hash: `${name}-${version}`,
  // Text with what JSON escapes: quotes, a new line, the separator of the entries.
  frontMatter: { title: `Bài "${name}",\nbản ${version}` } as unknown as FrontMatter,
  readingMinutes: version,
});
const names = ['2015/04/01/a.md', '2019/11/02/b.md', '2019/11/02/c.md', '2023/03/20/d.md', 'khong-ro-ngay/e.md'];

/** Applies `edit` to a saved archive of `start` both ways and compares the files. */
async function check(start: string[], edit: (apply: { set(name: string, e: IndexEntry): void; delete(name: string): void }) => void): Promise<void> {
  const map: ArchiveIndex = new Map(start.map((n) => [n, entry(n)]));
  const file = path.join(dir, 'edited.json');
  await saveArchiveIndex(file, map);
  const edits = (await ArchiveEdits.load(file))!;
  const both = {
    set(name: string, e: IndexEntry) {
      edits.set(name, e);
      map.set(name, e);
      assert.equal(edits.hashOf(name), e.hash);
    },
    delete(name: string) {
      edits.delete(name);
      map.delete(name);
      assert.equal(edits.hashOf(name), undefined);
    },
  };
  const before = new Map(map);
  const stamp = await fileStamp(file);
  edit(both);
  const changes = (await edits.save(file))!;
  // What changed, told to a reader of the file as it was (the render thread's prepared archive).
  assert.deepEqual([changes.from, changes.to], [stamp, await fileStamp(file)]);
  assert.notEqual(changes.from, changes.to);
  for (const [name, e] of changes.entries) {
    if (e) before.set(name, e);
    else before.delete(name);
  }
  assert.deepEqual(before, map);
  const whole = path.join(dir, 'whole.json');
  await saveArchiveIndex(whole, map);
  assert.equal(await readFile(file, 'utf8'), await readFile(whole, 'utf8'));
  assert.deepEqual(await loadArchiveIndex(file), new Map([...map].sort(([a], [b]) => (a < b ? -1 : 1))));
}

test('archive edits: the saved hashes are read where they are', async () => {
  const file = path.join(dir, 'read.json');
  await saveArchiveIndex(file, new Map(names.map((n) => [n, entry(n)])));
  const edits = (await ArchiveEdits.load(file))!;
  for (const name of names) assert.equal(edits.hashOf(name), `${name}-1`);
  assert.equal(edits.hashOf('2019/11/02/bb.md'), undefined);
  assert.equal(edits.hashOf('zz.md'), undefined);
  assert.equal(edits.hashOf('0.md'), undefined);
});

test('archive edits: replaced, added and removed at the start, the middle and the end', async () => {
  await check(names, (a) => a.set('2019/11/02/c.md', entry('2019/11/02/c.md', 2)));
  await check(names, (a) => {
    a.set('0000/a.md', entry('0000/a.md'));
    a.set('2019/11/02/bb.md', entry('2019/11/02/bb.md'));
    a.set('zz.md', entry('zz.md'));
  });
  await check(names, (a) => {
    a.delete(names[0]!);
    a.delete(names[2]!);
    a.delete(names[4]!);
  });
  await check(names, (a) => {
    a.delete(names[1]!);
    a.set('2019/11/02/bb.md', entry('2019/11/02/bb.md'));
    a.set(names[3]!, entry(names[3]!, 3));
    a.delete('not-there.md');
  });
  await check(names, (a) => names.forEach((n) => a.delete(n)));
  await check([], (a) => a.set('a.md', entry('a.md')));
  await check([names[0]!], (a) => a.delete(names[0]!));
});

test('archive edits: a file in another form is not edited', async () => {
  const file = path.join(dir, 'other.json');
  await writeFile(file, JSON.stringify({ version: 1, entries: [[names[0], entry(names[0]!)]] }));
  assert.equal(await ArchiveEdits.load(file), null);
  assert.equal(await ArchiveEdits.load(path.join(dir, 'missing.json')), null);
});

describe("the render thread's prepared archive (prepareContent): used only for the file it became", () => {
  const x = names[1]!;
  const file = path.join(dir, 'prepared.json');
  const start: ArchiveIndex = new Map(names.map((n) => [n, entry(n)]));
  const read = async (changes: ArchiveChanges | null = null): Promise<Array<[string, string]>> =>
    (await loadContent(dir, file, changes)).map((c) => [c.file, c.hash]);
  const fresh = async (): Promise<Array<[string, string]>> =>
    [...(await loadArchiveIndex(file))!].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, e]) => [name, e.hash]);
  /** The file saved at `start`, read ahead, then changed by an ingest's edit of `x`. */
  async function editedAfterPrepare(version: number): Promise<ArchiveChanges> {
    await saveArchiveIndex(file, start);
    await prepareContent(file);
    const edits = (await ArchiveEdits.load(file))!;
    edits.set(x, entry(x, version));
    return (await edits.save(file))!;
  }

  test('the file untouched since: the reading ahead', async () => {
    await saveArchiveIndex(file, start);
    await prepareContent(file);
    assert.deepEqual(await read(), await fresh());
  });
  test("changed by the ingest: the changes applied to the reading ahead, not the file read again", async () => {
    const changes = await editedAfterPrepare(2);
    // Changes that say another version than the file has show which was read.
    assert.ok((await read({ ...changes, entries: [[x, entry(x, 9)]] })).some(([name, hash]) => name === x && hash === `${x}-9`));
    const again = await editedAfterPrepare(2);
    assert.deepEqual(await read(again), await fresh());
  });
  test('changes that start from another version, none, or a file saved whole: the file read again', async () => {
    // Each told with changes that would show if they were applied.
    const lie: Array<[string, IndexEntry | null]> = [[x, entry(x, 9)]];
    const changes = await editedAfterPrepare(3);
    assert.deepEqual(await read({ ...changes, from: 'another', entries: lie }), await fresh());
    const other = await editedAfterPrepare(3);
    assert.deepEqual(await read({ ...other, to: 'another', entries: lie }), await fresh());
    await editedAfterPrepare(4);
    assert.deepEqual(await read(null), await fresh());
    await saveArchiveIndex(file, start);
    await prepareContent(file);
    await saveArchiveIndex(file, new Map([...start, [x, entry(x, 5)]]));
    assert.deepEqual(await read(null), await fresh());
  });
  test('read ahead for another file: not used', async () => {
    await saveArchiveIndex(file, start);
    const another = path.join(dir, 'another.json');
    await saveArchiveIndex(another, new Map([...start, [x, entry(x, 7)]]));
    await prepareContent(another);
    assert.deepEqual(await read(), await fresh());
  });
});
