/** `indexSite` on a small synthetic archive: shards, the manifest, and rebuilding only what changed. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { syntheticArchive, writeArticleContent } from '../src/bench/search.ts';
import { D_BITS_FIELD } from '../src/search/fold.ts';
import { indexPage } from '../src/search/page.ts';
import { parseContentFile } from '../src/site/archive.ts';
import { MANIFEST_FILE } from '../src/search/bundle.ts';
import { indexSite } from '../src/search/indexSite.ts';
import { runPagefindCli } from '../src/search/pagefindCli.ts';
import { fitsInMemory, removeDeadScratch, scratchDir } from '../src/search/scratch.ts';
import type { ShardManifest } from '../src/search/shards.ts';
import { pairKey, readShardTitles, titleBucket, titlePairs, TITLE_DIR, type PairEntry } from '../src/search/titleIndex.ts';
import { textOf } from './support/html.ts';
import { tempDir } from './support/tmp.ts';

interface SearchText {
  restoreD(text: string, bits: string | undefined): string;
  unfoldExcerpt(excerpt: string): string;
}
// The browser module, imported as it is served.
const searchText = (await import('../public/js/search-text.js' as string)) as SearchText;

describe('indexSite', () => {
  let work = '';
  let site = '';
  let content = '';
  const articles = syntheticArchive(60, 7);

  before(async () => {
    work = await tempDir('qk2-index-');
    site = join(work, 'site');
    content = join(work, 'content');
    await writeArticleContent(content, articles);
  });
  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  const manifest = async (): Promise<ShardManifest> =>
    JSON.parse(await readFile(join(site, 'pagefind', MANIFEST_FILE), 'utf8')) as ShardManifest;

  test('indexes every article, in shards listed newest first', async () => {
    const result = await indexSite({ contentDir: content, siteDir: site });
    assert.equal(result.pages, articles.length);
    assert.equal(result.rebuilt, result.shards);
    const { shards, pagefind } = await manifest();
    assert.equal(pagefind, '1.6.0');
    assert.deepEqual(
      shards.map((s) => s.key),
      articles.some((a) => !a.date) ? ['2016-2025', 'khong-ro-ngay'] : ['2016-2025'],
    );
    assert.equal(shards.reduce((n, s) => n + s.pages, 0), articles.length);
    for (const s of shards) {
      const files = await readdir(join(site, 'pagefind', s.key));
      assert.ok(files.includes('pagefind.js') && files.includes('pagefind-entry.json'), s.key);
      assert.ok(!files.includes('pagefind-component-ui.js'), 'unused UI bundles are removed');
    }
    // No scratch folder is left, in memory or in the bundle.
    assert.deepEqual((await readdir('/dev/shm')).filter((name) => name.startsWith(`qk2-shard-pages-${process.pid}-`)), []);
    assert.deepEqual((await readdir(join(site, 'pagefind'))).filter((name) => name.endsWith('.source')), []);
  });

  test('the title index lists, per pair of title words, every shard with such titles and the newest of them', async () => {
    const { shards, titles } = await manifest();
    assert.ok(titles && titles.buckets >= 16, 'shards.json names the bucket count');
    const bucket = async (pair: string): Promise<PairEntry | undefined> =>
      (JSON.parse(await readFile(join(site, 'pagefind', TITLE_DIR, `${titleBucket(pair, titles.buckets)}.json`), 'utf8')) as Record<string, PairEntry>)[pairKey(pair)];
    // Expected from the articles themselves: which shard each is in, from each shard's fragments.
    const urlsOf = new Map<string, string[]>();
    for (const s of shards) {
      const entries = await readShardTitles(join(site, 'pagefind', s.key));
      assert.equal(entries.length, s.pages, `${s.key}: one entry per page`);
      urlsOf.set(s.key, entries.map((e) => e.id));
    }
    const pairs = new Map<string, typeof articles>();
    for (const a of articles) for (const pair of titlePairs(a.title)) pairs.set(pair, [...(pairs.get(pair) ?? []), a]);
    const common = [...pairs].sort((a, b) => b[1].length - a[1].length)[0]!;
    for (const [pair, having] of [common, ...[...pairs].slice(0, 20)]) {
      const entry = await bucket(pair);
      assert.ok(entry, pair);
      assert.equal(Object.values(entry.n).reduce((a, b) => a + b, 0), having.length, `${pair}: count`);
      assert.equal(entry.top.length, Math.min(having.length, titles.top), `${pair}: listed`);
      const dates = entry.top.map(([, , date]) => date);
      const dated = dates.filter(Boolean);
      assert.deepEqual(dated, [...dated].sort().reverse(), `${pair}: newest first`);
      assert.deepEqual(dates.slice(0, dated.length), dated, `${pair}: undated last`);
      const newest = having.map((a) => a.date ?? '').sort().reverse()[0];
      assert.equal(dates[0], newest, `${pair}: the newest title first`);
      for (const [shard, id] of entry.top) assert.ok(urlsOf.get(shards[shard]!.key)!.includes(id), `${pair}: ${id} is a page of its shard`);
    }
    assert.equal(await bucket('zzz yyy'), undefined, 'a pair no title has is not listed');
  });

  test("each shard's titles are kept in the state folder and read from its fragments only when its hash changed", async () => {
    const planFile = join(work, 'state', 'search-shards.json');
    await indexSite({ contentDir: content, siteDir: site, planFile });
    const { shards } = await manifest();
    const cacheOf = (key: string): string => join(work, 'state', 'search-titles', `${key}.json`);
    for (const s of shards) {
      const kept = JSON.parse(await readFile(cacheOf(s.key), 'utf8')) as { hash: string; entries: unknown[] };
      assert.equal(kept.hash, s.hash, s.key);
      assert.equal(kept.entries.length, s.pages, s.key);
    }
    const titlesDir = join(site, 'pagefind', TITLE_DIR);
    const snapshot = async (): Promise<string> =>
      (await Promise.all((await readdir(titlesDir)).sort().map((f) => readFile(join(titlesDir, f), 'utf8')))).join('\n');
    const before = await snapshot();
    // Emptied under the same hash: the next build believes it (no fragment read), and the index changes.
    const key = shards[0]!.key;
    const original = await readFile(cacheOf(key), 'utf8');
    await writeFile(cacheOf(key), JSON.stringify({ hash: shards[0]!.hash, entries: [] }));
    await indexSite({ contentDir: content, siteDir: site, planFile });
    assert.notEqual(await snapshot(), before);
    // Another hash: read from the fragments again.
    await writeFile(cacheOf(key), original.replace(shards[0]!.hash, 'stale'));
    await indexSite({ contentDir: content, siteDir: site, planFile });
    assert.equal(await snapshot(), before);
    assert.equal(JSON.parse(await readFile(cacheOf(key), 'utf8')).hash, shards[0]!.hash);
  });

  test('the same pages give the same index, byte for byte', async () => {
    const again = join(work, 'again');
    await indexSite({ contentDir: content, siteDir: again });
    const files = async (dir: string): Promise<Map<string, Buffer>> => {
      const entries = await readdir(join(dir, 'pagefind'), { recursive: true, withFileTypes: true });
      const out = new Map<string, Buffer>();
      for (const e of entries.filter((entry) => entry.isFile())) out.set(join(e.parentPath, e.name).slice(dir.length), await readFile(join(e.parentPath, e.name)));
      return out;
    };
    const [first, second] = [await files(site), await files(again)];
    assert.deepEqual([...second.keys()].sort(), [...first.keys()].sort());
    for (const [name, bytes] of first) assert.ok(bytes.equals(second.get(name)!), name);
    await rm(again, { recursive: true, force: true });
  });

  test('a rebuild with nothing changed keeps every shard', async () => {
    const before = await manifest();
    const result = await indexSite({ contentDir: content, siteDir: site });
    assert.equal(result.rebuilt, 0);
    assert.deepEqual(await manifest(), before);
  });

  test('a changed article rebuilds its shard only', async () => {
    const undated = articles.find((a) => !a.date);
    assert.ok(undated, 'the synthetic archive has undated articles');
    const file = join(content, `${undated.url.slice(1, -1)}.md`);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n\n(\S)/, '\n\nĐã sửa. $1'));
    const before = await manifest();
    const result = await indexSite({ contentDir: content, siteDir: site });
    assert.equal(result.rebuilt, 1);
    const after = await manifest();
    for (const s of after.shards) {
      const old = before.shards.find((b) => b.key === s.key)!;
      assert.equal(s.hash === old.hash, s.key !== 'khong-ro-ngay', s.key);
    }
  });
});

describe('indexSite: an estimated article', () => {
  let work = '';
  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('is indexed in the shard of its estimated date, not the undated one', async () => {
    work = await tempDir('qk2-index-estimated-');
    const content = join(work, 'content');
    const write = async (file: string, fm: string): Promise<void> => {
      await mkdir(join(content, file, '..'), { recursive: true });
      await writeFile(join(content, file), `---\n${fm}\nsummary: ""\nauthors: []\nunits: []\ncaptions: []\nsource: "x.txt"\n---\nNội dung bài.\n`);
    };
    await write('2022/12/05/co-ngay.md', 'title: "Có ngày"\ndate: "2022-12-05"\nslug: "co-ngay"');
    await write('khong-ro-ngay/uoc-tinh.md', 'title: "Ước tính"\nestimatedDate: "2022-12-01"\nestimatedFrom: "Sáng 1-12"\nslug: "uoc-tinh"');
    await write('khong-ro-ngay/khong-ro.md', 'title: "Không rõ"\nslug: "khong-ro"');
    const site = join(work, 'site');
    const planFile = join(work, 'search-shards.json');
    await indexSite({ contentDir: content, siteDir: site, planFile });
    const { shards } = JSON.parse(await readFile(join(site, 'pagefind', MANIFEST_FILE), 'utf8')) as ShardManifest;
    assert.deepEqual(shards.map((s) => [s.key, s.pages]), [['2022', 2], ['khong-ro-ngay', 1]]);
    const plan = JSON.parse(await readFile(planFile, 'utf8')) as { shards: Array<{ key: string; urls: string[] }> };
    assert.deepEqual(plan.shards.find((s) => s.key === '2022')?.urls.sort(), ['/2022/12/05/co-ngay/', '/khong-ro-ngay/uoc-tinh/']);
  });
});

describe("indexSite: the đ handed to Pagefind as d comes back from its fragments", () => {
  let work = '';
  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** A fragment's JSON, as `src/search/fragments.ts` reads it (gzip of `pagefind_dcd` and the JSON). */
  const readFragment = async (file: string): Promise<{ url: string; content: string; meta: Record<string, string> }> =>
    JSON.parse(gunzipSync(await readFile(file)).toString('utf8').slice('pagefind_dcd'.length)) as {
      url: string;
      content: string;
      meta: Record<string, string>;
    };

  test('every page: its text with each đ where the page has it, nothing else changed', async () => {
    work = await tempDir('qk2-index-d-');
    const content = join(work, 'content');
    const pages = [
      {
        file: '2023/05/01/su-doan.md',
        fm: 'title: "Sư đoàn 316: “Đoàn kết – Đổi mới” & <Đ-d>"\ndate: "2023-05-01"\nslug: "su-doan"\nbyline: "Bài, ảnh: ĐỖ DŨNG"',
        body:
          'QK2 – Sáng 1-5, Sư đoàn 316 và BĐBP tỉnh Điện Biên tổ chức diễn tập; DQTV đông đủ.\n\n' +
          '::: caption\nĐồng chí Đại tá Đinh Dũng phát biểu.\n:::\n\n' +
          'Đoàn-kết, dân-đảng: <đơn vị> & "đồn" d\'đ 1.500 đ/người. Đ.\n',
      },
      { file: '2023/05/02/khong-d.md', fm: 'title: "Dân quân"\ndate: "2023-05-02"\nslug: "khong-d"', body: 'Dân quân dự huấn luyện.\n' },
    ];
    for (const { file, fm, body } of pages) {
      await mkdir(join(content, file, '..'), { recursive: true });
      await writeFile(join(content, file), `---\n${fm}\nsummary: ""\nauthors: []\nunits: []\ncaptions: []\nsource: "x.txt"\n---\n${body}`);
    }
    const site = join(work, 'site');
    await indexSite({ contentDir: content, siteDir: site });
    const fragmentDir = join(site, 'pagefind', '2023', 'fragment');
    const fragments = await Promise.all((await readdir(fragmentDir)).map((f) => readFragment(join(fragmentDir, f))));
    assert.equal(fragments.length, pages.length);
    for (const fragment of fragments) {
      const page = pages.find((p) => fragment.url.includes(p.file.slice(0, -3)))!;
      // What a reader reads of the page Pagefind was handed, before the fold: its text only.
      const { html } = indexPage(parseContentFile(page.file, await readFile(join(content, page.file))));
      const text = textOf(html);
      assert.doesNotMatch(fragment.content, /[đĐ]/);
      const restored = searchText.unfoldExcerpt(searchText.restoreD(fragment.content, fragment.meta[D_BITS_FIELD]));
      // Pagefind's text is the page's, letter for letter, each đ in its place (it ends a block with a
      // full stop of its own, and spaces it as it likes: letters and digits are compared).
      const letters = (t: string): string => t.replace(/[^\p{L}\p{N}]/gu, '');
      assert.equal(letters(restored), letters(text), fragment.url);
    }
    assert.ok(fragments.some((f) => f.meta[D_BITS_FIELD]) && fragments.some((f) => !f.meta[D_BITS_FIELD]));
  });
});

describe('runPagefindCli', () => {
  test("runs Pagefind with its allocator returning freed memory after 1 s and without the machine's PAGEFIND_ variables", async () => {
    const work = await tempDir('qk2-cli-');
    const saved = { binary: process.env.PAGEFIND_BINARY_PATH, site: process.env.PAGEFIND_SITE };
    try {
      // A stand-in for the binary that writes down the environment it was given.
      const fake = join(work, 'pagefind');
      await writeFile(fake, `#!/bin/sh\nenv > "${join(work, 'env.txt')}"\n`, { mode: 0o755 });
      process.env.PAGEFIND_BINARY_PATH = fake;
      process.env.PAGEFIND_SITE = '/somewhere/else';
      await runPagefindCli({ site: work, output: join(work, 'out') });
      const env = (await readFile(join(work, 'env.txt'), 'utf8')).split('\n');
      assert.ok(env.includes('_RJEM_MALLOC_CONF=dirty_decay_ms:1000'), env.join('\n'));
      assert.deepEqual(env.filter((line) => line.startsWith('PAGEFIND_')), []);
    } finally {
      for (const [name, value] of [['PAGEFIND_BINARY_PATH', saved.binary], ['PAGEFIND_SITE', saved.site]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe('scratch folders', () => {
  test("go to memory only with room for two shards' pages, in bytes and in files", () => {
    const MB = 1024 * 1024;
    for (const [pages, bytes, files, fits] of [
      [5_000, 64 * MB, 1e6, false], // a container's default /dev/shm
      [5_000, 400 * MB, 1e6, true],
      [5_000, 400 * MB, 20_000, false],
      [900, 64 * MB, 1e6, true],
      [0, 0, 0, true],
    ] as const) {
      assert.equal(fitsInMemory(pages, { bytes, files }), fits, `${pages} pages in ${bytes / MB} MB and ${files} files`);
    }
  });

  test('are in memory on Linux, named by the process, and removed by a later build once their process is gone', async () => {
    assert.match(await scratchDir('2023', 1_000, '/fallback'), new RegExp(`^/dev/shm/qk2-shard-pages-${process.pid}-[0-9a-f]{8}-2023$`));
    // More pages than the machine's memory could hold go to the disk.
    assert.equal(await scratchDir('2023', 1e12, '/fallback'), '/fallback');
    const root = await tempDir('qk2-scratch-');
    try {
      const gone = spawnSync(process.execPath, ['-e', '']).pid!;
      const names = [`qk2-shard-pages-${gone}-0a1b2c3d-2023`, `qk2-shard-pages-${process.pid}-0a1b2c3d-2023`, 'qk2-other', 'unrelated'];
      for (const name of names) await mkdir(join(root, name, '2023', '05'), { recursive: true });
      assert.deepEqual(await removeDeadScratch(root), [names[0]]);
      assert.deepEqual((await readdir(root)).sort(), names.slice(1).sort());
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
