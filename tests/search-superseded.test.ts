/**
 * Superseded pages: an edited or deleted article's shard keeps its index, the stale page marked and
 * hidden by the search page (`updateShards`, `fragments.ts`, `dropSuperseded` in search-text.js).
 */
import assert from 'node:assert/strict';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { syntheticArchive, writeArticleContent } from '../src/bench/search.ts';
import { allFragments, readFragments } from '../src/search/fragments.ts';
import { clashes, indexSite } from '../src/search/indexSite.ts';
import type { ShardResult } from '../src/search/buildShard.ts';
import { ADDED_SHARD, membershipOf, planShards, UNDATED_SHARD, updateShards, type IndexedPage, type Shard, type ShardMembership } from '../src/search/shards.ts';
// @ts-expect-error: plain JavaScript served to the browser, without types.
import { dropSuperseded, supersededPages, withoutCounts } from '../public/js/search-text.js';
import { tempDir } from './support/tmp.ts';

const OPTIONS = { max: 3, newestMax: 2 };
const page = (name: string, hash = 'h0', date = '2017/01/01'): IndexedPage => ({
  url: name.startsWith('khong-ro-ngay') ? `/${name}/` : `/${date}/${name}/`,
  file: `${name}.md`,
  hash,
});
const byName = (pages: IndexedPage[]) => new Map(pages.map((p) => [p.url.split('/').at(-2)!, p]));

/** The shards a build plans from `pages` and the plan the previous one left, and the plan it leaves. */
function build(pages: IndexedPage[], previous: ShardMembership[] | null, maxAdded = 3): { shards: Shard[]; plan: ShardMembership[] } {
  const shards = updateShards(pages, previous, { ...OPTIONS, maxAdded });
  // As when every kept shard's marks are read from its fragments (`buildShard`): kept as planned.
  return { shards, plan: shards.map((s) => membershipOf(s, s.superseded ?? [])) };
}

/** `key → [live names, superseded names as name@hash]` */
const view = (shards: Shard[]) =>
  Object.fromEntries(
    shards.map((s) => [
      s.key,
      [s.pages.map((p) => p.url.split('/').at(-2)).join(' '), (s.superseded ?? []).map((m) => `${m.url.split('/').at(-2)}@${m.hash}`).join(' ')],
    ]),
  );

describe('updateShards: edited and deleted articles are superseded, not indexed again in their shard', () => {
  const start = [
    page('a', 'h0', '2016/02/18'),
    page('b', 'h0', '2016/07/26'),
    page('c', 'h0', '2018/03/03'),
    page('d', 'h0', '2023/02/06'),
    page('e', 'h0', '2024/05/01'),
    page('f', 'h0', '2024/06/01'),
    page('khong-ro-ngay/u'),
  ];
  const first = build(start, null);
  const edit = (pages: IndexedPage[], name: string, hash: string) => pages.map((p) => (p.url.split('/').at(-2) === name ? { ...p, hash } : p));
  const drop = (pages: IndexedPage[], name: string) => pages.filter((p) => p.url.split('/').at(-2) !== name);

  test('the plan records every hash', () => {
    assert.deepEqual(view(first.shards), {
      '2024': ['e f', ''],
      '2018-2023': ['c d', ''],
      '2016': ['a b', ''],
      [UNDATED_SHARD]: ['u', ''],
    });
    assert.ok(first.plan.every((s) => s.hashes?.length === s.urls.length));
  });

  const cases: Array<{ name: string; steps: Array<(pages: IndexedPage[]) => IndexedPage[]>; expected: Record<string, [string, string]> }> = [
    {
      name: 'an edit: the new version in the added shard, the old one superseded in its shard',
      steps: [(p) => edit(p, 'c', 'h1')],
      expected: { '2024': ['e f', ''], '2018-2023': ['d', 'c@h0'], '2016': ['a b', ''], [UNDATED_SHARD]: ['u', ''], [ADDED_SHARD]: ['c', ''] },
    },
    {
      name: 'a deletion: superseded in its shard, no shard indexed again',
      steps: [(p) => drop(p, 'a')],
      expected: { '2024': ['e f', ''], '2018-2023': ['c d', ''], '2016': ['b', 'a@h0'], [UNDATED_SHARD]: ['u', ''] },
    },
    {
      // A shard left with no article is gone: nothing of it is loaded, nothing indexed.
      name: 'the newest shard too; an emptied shard is removed',
      steps: [(p) => drop(edit(p, 'u', 'h1'), 'f')],
      expected: { '2024': ['e', 'f@h0'], '2018-2023': ['c d', ''], '2016': ['a b', ''], [ADDED_SHARD]: ['u', ''] },
    },
    {
      name: 'edited twice: the added shard is indexed again (its marks cleared), the first shard keeps its mark',
      steps: [(p) => edit(p, 'c', 'h1'), (p) => edit(p, 'c', 'h2')],
      expected: { '2024': ['e f', ''], '2018-2023': ['d', 'c@h0'], '2016': ['a b', ''], [UNDATED_SHARD]: ['u', ''], [ADDED_SHARD]: ['c', ''] },
    },
    {
      name: 'deleted after an edit: superseded in its shard, gone with the emptied added shard, none indexed again',
      steps: [(p) => edit(p, 'c', 'h1'), (p) => drop(p, 'c')],
      expected: { '2024': ['e f', ''], '2018-2023': ['d', 'c@h0'], '2016': ['a b', ''], [UNDATED_SHARD]: ['u', ''] },
    },
    {
      name: 'deleted after an edit, the added shard holding others: superseded in both shards',
      steps: [(p) => [...edit(p, 'c', 'h1'), page('n', 'h0', '2016/03/03')], (p) => drop(p, 'c')],
      expected: { '2024': ['e f', ''], '2018-2023': ['d', 'c@h0'], '2016': ['a b', ''], [UNDATED_SHARD]: ['u', ''], [ADDED_SHARD]: ['n', 'c@h1'] },
    },
    {
      name: 'an edit undone: the article returns to the shard that still holds it, the added copy superseded',
      steps: [(p) => [...edit(p, 'c', 'h1'), page('n', 'h0', '2016/03/03')], (p) => edit(p, 'c', 'h0')],
      expected: { '2024': ['e f', ''], '2018-2023': ['c d', ''], '2016': ['a b', ''], [UNDATED_SHARD]: ['u', ''], [ADDED_SHARD]: ['n', 'c@h1'] },
    },
    {
      name: 'a deletion undone: back in its shard, nothing indexed',
      steps: [(p) => drop(p, 'a'), () => start],
      expected: { '2024': ['e f', ''], '2018-2023': ['c d', ''], '2016': ['a b', ''], [UNDATED_SHARD]: ['u', ''] },
    },
    {
      name: 'a new article beside a deletion in the added shard: indexed again, its marks cleared',
      steps: [(p) => edit(p, 'c', 'h1'), (p) => [...drop(p, 'c'), page('n', 'h0', '2016/03/03')]],
      expected: { '2024': ['e f', ''], '2018-2023': ['d', 'c@h0'], '2016': ['a b', ''], [UNDATED_SHARD]: ['u', ''], [ADDED_SHARD]: ['n', ''] },
    },
    {
      name: 'the added shard overflows: its articles go to their shards, which are indexed again and lose their marks',
      steps: [
        (p) => drop(drop(edit(p, 'c', 'h1'), 'a'), 'f'),
        (p) => [...p, page('x', 'h0', '2016/09/09'), page('y', 'h0', '2018/09/09'), page('z', 'h0', '2016/10/10')],
      ],
      // 2016 gains x and z, 2018-2023 c and y: indexed again, their marks (a, c) gone with their old
      // index. 2024 gains nothing: it keeps its index and f's mark.
      expected: { '2024': ['e', 'f@h0'], '2018-2023': ['c y d', ''], '2016': ['b x z', ''], [UNDATED_SHARD]: ['u', ''] },
    },
  ];
  for (const { name, steps, expected } of cases) {
    test(name, () => {
      let pages = start;
      let plan = first.plan;
      let shards: Shard[] = [];
      for (const step of steps) {
        pages = step(pages);
        ({ shards, plan } = build(pages, plan));
      }
      assert.deepEqual(view(shards), expected);
      // Every article is in exactly one shard, live.
      const live = shards.flatMap((s) => s.pages.map((p) => p.url)).sort();
      assert.deepEqual(live, pages.map((p) => p.url).sort());
      // A shard with marks holds what its index held: its live pages have their indexed hashes.
      for (const s of shards.filter((s) => s.superseded)) {
        const before = plan.find((m) => m.key === s.key)!;
        assert.deepEqual(before.superseded, s.superseded);
      }
    });
  }

  test('a plan without hashes (an older build): the edited article stays, its shard is indexed again', () => {
    const plan = first.plan.map(({ key, urls }) => ({ key, urls }));
    const { shards } = build(edit(start, 'c', 'h1'), plan);
    assert.deepEqual(view(shards)['2018-2023'], ['c d', '']);
    assert.equal(view(shards)[ADDED_SHARD], undefined);
  });

  test('marks already read from the fragments are kept with their ids', () => {
    const { plan } = build(drop(start, 'a'), first.plan);
    const withIds = plan.map((s) => ({ ...s, ...(s.superseded ? { superseded: s.superseded.map((m) => ({ ...m, id: 'vi_1234567', filters: { year: ['2016'] } })) } : {}) }));
    const { shards } = build(drop(start, 'a'), withIds);
    assert.deepEqual(shards.find((s) => s.key === '2016')?.superseded, [{ url: '/2016/02/18/a/', hash: 'h0', id: 'vi_1234567', filters: { year: ['2016'] } }]);
    assert.ok(byName(start).get('a'));
  });

  test('planning anew (no previous plan) has no marks', () => {
    assert.ok(planShards(start, 3, 2).every((s) => !s.superseded));
  });
});

describe('clashes: a superseded id that another shard gives a live page', () => {
  const mark = (id: string) => ({ url: `/2020/01/01/${id}/`, hash: 'h', id, filters: {} });
  const result = (key: string, ids: string[] = []): ShardResult => ({ key, pages: 1, hash: key, rebuilt: ids.length === 0, superseded: ids.map(mark) });
  const shard = (key: string): Shard => ({ key, pages: [] });
  const shards = ['2019', '2020', '2021'].map(shard);
  /** Every id each shard's index holds, superseded ones included (as its titles have them). */
  const held: Record<string, string[]> = { '2019': ['vi_a', 'vi_b'], '2020': ['vi_c', 'vi_b'], '2021': ['vi_d', 'vi_a'] };
  const idsOf = async (key: string) => new Set(held[key]);
  const cases: Array<[string, ShardResult[], string[]]> = [
    ['no page superseded: nothing asked', [result('2019'), result('2020'), result('2021')], []],
    ['its id shown by another shard: indexed again', [result('2019', ['vi_a']), result('2020'), result('2021')], ['2019']],
    ['its id only in its own shard: kept', [result('2020', ['vi_c']), result('2019'), result('2021')], []],
    // vi_b is held by 2019 and 2020, superseded in both: neither shows it.
    ['superseded in both shards that hold it: kept', [result('2019', ['vi_b']), result('2020', ['vi_b']), result('2021')], []],
    ['two shards each showing the other\'s mark', [result('2019', ['vi_b']), result('2020', ['vi_c']), result('2021', ['vi_a'])], ['2019', '2021']],
  ];
  for (const [name, results, expected] of cases) {
    test(name, async () => {
      assert.deepEqual((await clashes(shards, results, idsOf)).map((s) => s.key), expected);
    });
  }
});

describe('the search page drops superseded results by id', () => {
  const manifest = {
    shards: [
      { key: '2024', pages: 2, hash: 'x', superseded: [{ id: 'vi_aaa', filters: { unit: ['Sư đoàn 316'], year: ['2024'] } }] },
      { key: 'bo-sung', pages: 1, hash: 'y' },
    ],
  };
  const superseded = supersededPages(manifest) as Map<string, Record<string, string[]>>;

  test('supersededPages: id → filter values, with the shard', () => {
    assert.deepEqual([...superseded], [['vi_aaa', { unit: ['Sư đoàn 316'], year: ['2024'], shard: ['2024'] }]]);
    assert.equal(supersededPages({ shards: [{ key: '2024' }] }).size, 0);
  });

  test('dropSuperseded: results without it, its values off the counts; nothing loaded', () => {
    let loaded = 0;
    const result = (id: string) => ({ id, data: async () => void loaded++ });
    const found = {
      results: [result('vi_bbb'), result('vi_aaa'), result('vi_ccc')],
      filters: { unit: { 'Sư đoàn 316': 2, 'Lữ đoàn 297': 1 }, year: { '2024': 3 }, shard: { '2024': 2, 'bo-sung': 1 } },
    };
    const clean = dropSuperseded(found, superseded);
    assert.deepEqual(clean.results.map((r: { id: string }) => r.id), ['vi_bbb', 'vi_ccc']);
    assert.deepEqual(clean.filters, { unit: { 'Sư đoàn 316': 1, 'Lữ đoàn 297': 1 }, year: { '2024': 2 }, shard: { '2024': 1, 'bo-sung': 1 } });
    assert.equal(loaded, 0);
    // The answer Pagefind gave is left as it was; one without the page is returned as it is.
    assert.equal(found.results.length, 3);
    const other = { results: [result('vi_bbb')], filters: {} };
    assert.equal(dropSuperseded(other, superseded), other);
  });

  test('withoutCounts: every value once; emptied values dropped for the filter lists', () => {
    const all = { unit: { 'Sư đoàn 316': 1, 'Lữ đoàn 297': 4 }, year: { '2024': 1 } };
    assert.deepEqual(withoutCounts(all, [...superseded.values()], true), { unit: { 'Lữ đoàn 297': 4 }, year: {} });
    assert.deepEqual(withoutCounts(all, [...superseded.values()]), { unit: { 'Sư đoàn 316': 0, 'Lữ đoàn 297': 4 }, year: { '2024': 0 } });
  });
});

describe('fragments: the Pagefind id of each page of a built shard', () => {
  let work = '';
  const articles = syntheticArchive(30, 11);
  before(async () => {
    work = await tempDir('qk2-fragments-');
    await writeArticleContent(join(work, 'content'), articles);
  });
  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  for (const maxFragments of [undefined, 4]) {
    test(maxFragments ? `bundled into ${maxFragments} fragment groups` : 'one fragment file a page', async () => {
      const site = join(work, `site-${maxFragments ?? 0}`);
      await indexSite({ contentDir: join(work, 'content'), siteDir: site, ...(maxFragments ? { maxFragments } : {}) });
      const shard = join(site, 'pagefind', '2016-2025');
      const pages = await readFragments(shard);
      const dated = articles.filter((a) => a.date).map((a) => a.url).sort();
      assert.deepEqual([...pages.keys()].sort(), dated);
      // Every page's id, bundled or not: the ids the title index and the clash check read.
      const ids = (await allFragments(shard)).map((f) => f.id);
      assert.deepEqual(ids.sort(), [...pages.values()].map((p) => p.id).sort());
      const files = await readdir(join(shard, 'fragment'));
      if (maxFragments) assert.ok(files.length <= maxFragments);
      else for (const { id } of pages.values()) assert.ok(files.includes(`${id}.pf_fragment`), id);
      const one = articles.find((a) => a.date)!;
      assert.deepEqual(pages.get(one.url)!.filters.year, [one.date!.slice(0, 4)]);
      // Only the pages wanted: the others read as far as their URL.
      const wanted = new Set([one.url, '/2099/01/01/none/']);
      assert.deepEqual([...(await readFragments(shard, wanted))], [[one.url, pages.get(one.url)]]);
    });
  }
});
