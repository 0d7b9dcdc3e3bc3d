/**
 * The title index updated by a rebuild (`updateTitleIndex`): only the buckets whose content changes are
 * written, each with the bytes a cold build writes for the same shards; the others are left alone.
 */
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { syntheticArchive, writeArticleContent } from '../src/bench/search.ts';
import { folderSize } from '../src/folderSize.ts';
import { MANIFEST_FILE } from '../src/search/bundle.ts';
import { indexSite } from '../src/search/indexSite.ts';
import type { ShardManifest } from '../src/search/shards.ts';
import {
  changedPairs,
  pairKey,
  readShardTitles,
  TITLE_CHANGES_DIR,
  TITLE_DIR,
  titlePairs,
  updateTitleIndex,
  writeTitleIndex,
  type TitleEntry,
  type TitleShard,
} from '../src/search/titleIndex.ts';
import { commitInPlace } from '../src/site/inPlace.ts';

/** Every file of a folder: name → bytes. */
async function contents(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const name of (await readdir(dir)).sort()) out.set(name, await readFile(join(dir, name)));
  return out;
}

function assertSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>, what: string): void {
  assert.deepEqual([...actual.keys()], [...expected.keys()], `${what}: the same files`);
  for (const [name, bytes] of expected) assert.ok(actual.get(name)!.equals(bytes), `${what}: ${name} is what a cold build writes`);
}

/** Titles of made-up articles: shared words (`quan khu`, `bien gioi`) and a word of their own each. */
function entry(id: string, date: string, title: string): TitleEntry {
  return { id, date, pairs: titlePairs(title).map(pairKey) };
}

function shardsOf(count: number, perShard: number): TitleShard[] {
  const words = ['Quân khu', 'biên giới', 'huấn luyện', 'dân vận', 'Sư đoàn 316', 'diễn tập'];
  return Array.from({ length: count }, (_, s) => ({
    key: `${2020 - s}`,
    entries: Array.from({ length: perShard }, (_, i) => {
      const n = s * perShard + i;
      const day = String(1 + (n % 28)).padStart(2, '0');
      return entry(`vi_${n.toString(16).padStart(7, '0')}`, n % 17 === 0 ? '' : `${2020 - s}-03-${day}`, `${words[n % words.length]} ${words[(n * 5 + 2) % words.length]} bài ${n}`);
    }),
  }));
}

describe('updateTitleIndex', () => {
  let work = '';
  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'qk2-titles-'));
  });
  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** Writes `before` cold, updates it to `now`, and checks the result against `now` written cold. */
  async function update(name: string, beforeShards: TitleShard[], now: TitleShard[]): Promise<{ written: number; buckets: number } | null> {
    const live = join(work, name, 'live');
    const { info, bytes } = await writeTitleIndex(live, beforeShards.map((s) => s.entries));
    const was = await contents(join(live, TITLE_DIR));
    const changes = join(work, name, 'changes');
    const updated = await updateTitleIndex(join(live, TITLE_DIR), info, beforeShards, now, changes);
    if (!updated) return null;
    const cold = join(work, name, 'cold');
    const coldIndex = await writeTitleIndex(cold, now.map((s) => s.entries));
    assert.deepEqual(updated.info, coldIndex.info, `${name}: what shards.json says`);
    assert.equal(bytes + updated.growth, coldIndex.bytes, `${name}: its size`);
    const written = await readdir(changes).catch(() => [] as string[]);
    assert.equal(written.length, updated.written);
    // The changed buckets only: each differs from the live one.
    for (const file of written) assert.ok(!was.get(file)!.equals(await readFile(join(changes, file))), `${name}: ${file} changed`);
    await cp(changes, join(live, TITLE_DIR), { recursive: true });
    assertSameFiles(await contents(join(live, TITLE_DIR)), await contents(join(cold, TITLE_DIR)), name);
    return { written: updated.written, buckets: info.buckets };
  }

  test('a shard of new titles added last: the buckets of their pairs only', async () => {
    const shards = shardsOf(5, 600);
    const added: TitleShard = { key: 'bo-sung', entries: [entry('vi_aaaaaaa', '2021-01-02', 'Quân khu tổ chức hội nghị 9001'), entry('vi_bbbbbbb', '2021-01-03', 'Đồn Biên phòng Y Tý 9002')] };
    const result = await update('added', shards, [...shards, added]);
    assert.ok(result, 'updated, not written whole');
    assert.ok(result.buckets >= 32, `${result.buckets} buckets`);
    const pairs = new Set(added.entries.flatMap((e) => e.pairs)).size;
    assert.ok(result.written > 0 && result.written <= pairs, `${result.written} buckets written for ${pairs} pairs`);
  });

  test('titles hidden (superseded), a date changed, a shard gone: the same bytes as cold', async () => {
    const shards = [...shardsOf(5, 500), { key: 'bo-sung', entries: [entry('vi_ddddddd', '2021-02-02', 'Quân khu diễn tập 9003')] }];
    const now = shards.slice(0, 5).map((s) => ({ ...s, entries: [...s.entries] }));
    now[1]!.entries.splice(10, 3);
    now[2]!.entries[5] = { ...now[2]!.entries[5]!, date: '2019-12-31' };
    const result = await update('hidden', shards, now);
    assert.ok(result);
    assert.ok(result.written < result.buckets, `${result.written} of ${result.buckets} written`);
  });

  test('a shard moved in the order: every pair of it is listed again', async () => {
    const shards = shardsOf(4, 300);
    const now = [shards[1]!, shards[0]!, ...shards.slice(2)];
    const changed = changedPairs(shards, now);
    for (const e of [...shards[0]!.entries, ...shards[1]!.entries]) for (const p of e.pairs) assert.ok(changed.has(p));
    assert.ok(await update('moved', shards, now));
  });

  test('nothing changed: nothing written, nothing read', async () => {
    const shards = shardsOf(3, 300);
    assert.equal(changedPairs(shards, shards).size, 0);
    const result = await update('same', shards, shards);
    assert.equal(result?.written, 0);
  });

  test('the bucket count changes: null (the index is written whole)', async () => {
    const shards = shardsOf(2, 300);
    const grown = [...shards, ...shardsOf(8, 300).slice(2).map((s, i) => ({ ...s, key: `${1990 - i}`, entries: s.entries.map((e) => ({ ...e, id: `${e.id}x` })) }))];
    assert.equal(await update('grown', shards, grown), null);
  });

  test('a bucket to change that cannot be read: null', async () => {
    const shards = shardsOf(3, 300);
    const live = join(work, 'unreadable');
    const { info } = await writeTitleIndex(live, shards.map((s) => s.entries));
    await rm(join(live, TITLE_DIR), { recursive: true });
    const added = [...shards, { key: 'bo-sung', entries: [entry('vi_ccccccc', '2021-01-02', 'Quân khu mới')] }];
    assert.equal(await updateTitleIndex(join(live, TITLE_DIR), info, shards, added, join(live, 'changes')), null);
  });
});

describe('indexSite: a rebuild in place updates the title index', () => {
  let work = '';
  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('a new article: its buckets written, the others left as they were, the bytes of a cold index', async () => {
    work = await mkdtemp(join(tmpdir(), 'qk2-titles-site-'));
    const content = join(work, 'content');
    const live = join(work, 'site');
    const planFile = join(work, 'state', 'search-shards.json');
    const articles = syntheticArchive(500, 11);
    const [older, newer] = [articles.slice(0, 499), articles.slice(499)];
    await writeArticleContent(content, older);
    await indexSite({ contentDir: content, siteDir: live, planFile });
    const titlesDir = join(live, 'pagefind', TITLE_DIR);
    const stamps = async (): Promise<Map<string, string>> => {
      const out = new Map<string, string>();
      for (const f of await readdir(titlesDir)) {
        const s = await stat(join(titlesDir, f));
        out.set(f, `${s.ino} ${s.mtimeMs}`);
      }
      return out;
    };
    const was = await stamps();
    assert.ok(was.size >= 16, `${was.size} buckets`);

    // An article more, as the build adds it in place: indexed into a staging bundle, then moved in.
    await writeArticleContent(content, newer);
    const staging = join(work, 'staging');
    await mkdir(staging, { recursive: true });
    const result = await indexSite({ contentDir: content, siteDir: staging, planFile, previousBundle: join(live, 'pagefind') });
    assert.equal(result.rebuilt, 1);
    const changed = await readdir(join(staging, 'pagefind', TITLE_CHANGES_DIR));
    assert.ok(!(await readdir(join(staging, 'pagefind'))).includes(TITLE_DIR), 'the title index is not written whole');
    await commitInPlace(staging, live, [], result.removed);
    assert.equal(result.bytes, folderSize(join(live, 'pagefind')).bytes, 'the size of the bundle, counted without walking the kept shards');

    const now = await stamps();
    assert.deepEqual([...now.keys()].sort(), [...was.keys()].sort(), 'the same bucket files');
    const kept = [...now].filter(([f, s]) => was.get(f) === s).map(([f]) => f);
    assert.deepEqual(
      [...now.keys()].filter((f) => !kept.includes(f)).sort(),
      [...changed].sort(),
      'the buckets written are the changed ones; the others keep their inode and time stamp',
    );
    const pairs = titlePairs(newer[0]!.title).length;
    assert.ok(changed.length > 0 && changed.length <= pairs && changed.length < was.size, `${changed.length} of ${was.size} buckets written for ${pairs} pairs`);

    // The same shards' titles written cold.
    const manifest = JSON.parse(await readFile(join(live, 'pagefind', MANIFEST_FILE), 'utf8')) as ShardManifest;
    const shards: TitleEntry[][] = [];
    for (const s of manifest.shards) {
      const hidden = new Set((s.superseded ?? []).map((m) => m.id));
      shards.push((await readShardTitles(join(live, 'pagefind', s.key))).filter((e) => !hidden.has(e.id)));
    }
    const cold = join(work, 'cold');
    assert.deepEqual(manifest.titles, (await writeTitleIndex(cold, shards)).info);
    assertSameFiles(await contents(titlesDir), await contents(join(cold, TITLE_DIR)), 'the rebuilt title index');
  });
});
