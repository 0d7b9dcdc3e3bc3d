/**
 * The incremental ingest is the full ingest: after each change to the sample corpus (a duplicate copy
 * removed and added back, the published copy of a merged article deleted, a title edited, a dump made
 * unreadable as text), the Markdown, the report entries and the compact archive are what a full ingest
 * of the same dumps with the same ledger makes, while the dumps that did not change are not read.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { archiveIndexOf, ingest, type IngestResult } from '../src/ingest/ingest.ts';
import { contentEntry, loadArchiveIndex, saveArchiveIndex } from '../src/ingest/archiveIndex.ts';
import { tempDir } from './support/tmp.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const KEPT = '2023/09/022_7f3a9d1c5e2b8046.txt';
const RECRAWL = '2023/09/recrawl/022_7f3a9d1c5e2b8046.txt';

async function tree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.set(path.relative(dir, path.join(entry.parentPath, entry.name)), await readFile(path.join(entry.parentPath, entry.name)));
  }
  return out;
}

describe('incremental ingest', () => {
  let parent: string;
  let input: string;
  let state: string;
  let reads = 0;
  const readDump = (file: string) => {
    reads++;
    return readFile(file);
  };
  const options = () => ({ inputDir: input, outputDir: path.join(state, 'content'), cacheRoot: path.join(parent, 'cache'), stateDir: state, readDump });

  before(async () => {
    parent = await tempDir('ingest-incremental-');
    input = path.join(parent, 'articles');
    state = path.join(parent, 'state');
    await mkdir(state);
    await cp(path.join(ROOT, 'articles'), input, { recursive: true });
    const first = await ingest(options());
    assert.equal(first.changes.full, true);
    assert.deepEqual(first.archive, await loadArchiveIndex(archiveIndexOf(path.join(state, 'content'))));
  });
  after(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  /** Ingests after `change`, and checks it against a full ingest with the ledger the run started from. */
  async function step(change: () => Promise<void>): Promise<{ result: IngestResult; read: number }> {
    const ledger = await readFile(path.join(state, 'slugs.json'));
    await change();
    reads = 0;
    const result = await ingest(options());
    const read = reads;
    assert.equal(result.changes.full, false, 'incremental');
    const fresh = await mkdtemp(path.join(parent, 'fresh-'));
    await writeFile(path.join(fresh, 'slugs.json'), ledger);
    const reference = await ingest({ inputDir: input, outputDir: path.join(fresh, 'content'), cacheRoot: path.join(parent, 'cache'), stateDir: fresh });
    assert.deepEqual(result.entries, reference.entries);
    assert.deepEqual([result.articles, result.undated, result.truncated], [reference.articles, reference.undated, reference.truncated]);
    const [mine, theirs] = await Promise.all([tree(path.join(state, 'content')), tree(path.join(fresh, 'content'))]);
    assert.deepEqual([...mine.keys()].sort(), [...theirs.keys()].sort());
    for (const [name, bytes] of mine) assert.ok(bytes.equals(theirs.get(name)!), name);
    // The compact archive describes the folder exactly.
    const index = (await loadArchiveIndex(archiveIndexOf(path.join(state, 'content'))))!;
    // Updated without being parsed (none in memory to hand on), into what saving it whole writes.
    assert.equal(result.archive, null);
    const whole = path.join(parent, 'whole.archive.json');
    await saveArchiveIndex(whole, index);
    assert.ok((await readFile(archiveIndexOf(path.join(state, 'content')))).equals(await readFile(whole)));
    assert.deepEqual([...index.keys()].sort(), [...mine.keys()].map((f) => f.split(path.sep).join('/')).sort());
    // Built from the front matter the ingest wrote, not parsed back: the same entry, keys in the same order.
    for (const [name, entry] of index) assert.equal(JSON.stringify(entry), JSON.stringify(contentEntry(name, mine.get(name.split('/').join(path.sep))!)), name);
    await rm(fresh, { recursive: true, force: true });
    return { result, read };
  }

  test('nothing changed: nothing read, nothing written', async () => {
    const saved = () => Promise.all(['content.ingest.json', 'content.archive.json', 'slugs.json'].map(async (f) => (await stat(path.join(state, f))).mtimeMs));
    const before = await saved();
    const { result, read } = await step(async () => {});
    assert.equal(read, 0);
    // Not even what the next run compares with is written again.
    assert.deepEqual(await saved(), before);
    assert.deepEqual(result.changes, { full: false, written: 0, removed: 0 });
    assert.equal(result.unread, result.entries.length - 0);
  });

  test('a merged copy removed: only the copies of that article are read', async () => {
    const saved = await readFile(path.join(input, RECRAWL));
    const { result, read } = await step(() => rm(path.join(input, RECRAWL)));
    // The article's other copies (its kept dump and the mirror's), not the other 49 dumps.
    assert.ok(read > 0 && read <= 3, `${read} read`);
    assert.equal(result.entries.find((e) => e.file === RECRAWL), undefined);
    // Added back: a new dump, read and published again.
    const added = await step(() => writeFile(path.join(input, RECRAWL), saved));
    assert.equal(added.result.entries.find((e) => e.file === RECRAWL)?.status, 'merged');
  });

  test('the published copy of a merged article deleted: a copy is published at the same URL', async () => {
    const before = JSON.parse(await readFile(path.join(state, 'content.ingest.json'), 'utf8')) as { files: Record<string, { entry: { url?: string } }> };
    const url = before.files[KEPT]!.entry.url;
    const saved = await readFile(path.join(input, KEPT));
    const { result } = await step(() => rm(path.join(input, KEPT)));
    const published = result.entries.find((e) => e.status === 'published' && e.url === url);
    assert.ok(published && published.file !== KEPT, 'another copy keeps the URL');
    await step(() => writeFile(path.join(input, KEPT), saved));
  });

  test('a title edited: the article moves to its new URL, the old Markdown is gone', async () => {
    const dump = (await readdir(path.join(input, '2021'))).find((f) => f.endsWith('.txt'))!;
    const file = path.join(input, '2021', dump);
    const text = await readFile(file, 'utf8');
    const title = text.split('\n').find((l) => l.trim().length > 20 && !/\d{2}[/:]\d{2}/.test(l))!;
    const { result } = await step(() => writeFile(file, text.replace(title, `${title.trim()} trong mùa mưa lũ`)));
    assert.ok(result.changes.written >= 1 && result.changes.removed >= 1, JSON.stringify(result.changes));
  });

  test('an edit that keeps the size: found by its bytes, written', async () => {
    const dump = (await readdir(path.join(input, '2020'))).find((f) => f.endsWith('.txt'))!;
    const file = path.join(input, '2020', dump);
    const text = await readFile(file, 'utf8');
    // One letter of the body's longest paragraph: the same number of bytes.
    const paragraph = text.split('\n').reduce((a, b) => (b.length > a.length ? b : a));
    const at = text.indexOf(paragraph) + paragraph.indexOf('a');
    const { result } = await step(() => writeFile(file, `${text.slice(0, at)}o${text.slice(at + 1)}`));
    assert.equal(result.changes.written, 1);
  });

  test('a dump touched, its bytes the same: read and compared, nothing written', async () => {
    const dump = (await readdir(path.join(input, '2022'))).find((f) => f.endsWith('.txt'))!;
    const file = path.join(input, '2022', dump);
    const later = new Date(Date.now() + 60_000);
    const { result, read } = await step(() => utimes(file, later, later));
    assert.equal(read, 1);
    assert.deepEqual(result.changes, { full: false, written: 0, removed: 0 });
  });

  test('a dump that is no longer text: rejected, its article removed', async () => {
    const dump = (await readdir(path.join(input, '2022'))).find((f) => f.endsWith('.txt'))!;
    const { result } = await step(() => writeFile(path.join(input, '2022', dump), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254])));
    assert.equal(result.entries.find((e) => e.file === `2022/${dump}`)?.status, 'rejected');
    assert.equal(result.changes.removed, 1);
  });

  test('the state saved later (the build): the folder stays marked dirty until then, so a kill before makes the next run a full one', async () => {
    const snapshot = path.join(state, 'content.ingest.json');
    const dirty = path.join(state, 'content.dirty');
    const dump = (await readdir(path.join(input, '2021'))).find((f) => f.endsWith('.txt'))!;
    const file = path.join(input, '2021', dump);
    const edit = async (): Promise<void> => writeFile(file, (await readFile(file, 'utf8')).replace(/\n\n(?=[^\n]{200})/, '\n\nĐơn vị duy trì nghiêm chế độ trực. '));
    await edit();
    const before = (await stat(snapshot)).mtimeMs;
    const killed = await ingest({ ...options(), deferStateSave: true });
    assert.equal(killed.changes.written, 1);
    assert.equal((await stat(snapshot)).mtimeMs, before, 'not saved yet');
    await stat(dirty);
    // Killed before `saveState`: the next run cannot trust the snapshot.
    assert.equal((await ingest(options())).changes.full, true);

    await edit();
    const deferred = await ingest({ ...options(), deferStateSave: true });
    assert.equal(deferred.changes.full, false);
    await Promise.all([deferred.saveState(), deferred.saveState()]);
    await assert.rejects(stat(dirty), /ENOENT/);
    reads = 0;
    const next = await ingest(options());
    assert.deepEqual([next.changes, reads], [{ full: false, written: 0, removed: 0 }, 0]);
  });
});
