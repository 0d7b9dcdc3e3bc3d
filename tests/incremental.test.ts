/**
 * Incremental and batched render: which pages a changed archive renders again (pure), how the pages
 * are cut into Eleventy runs (pure), and that a site rendered incrementally from the previous one, or
 * in batches, is byte for byte the site a full render makes (real Eleventy).
 */
import assert from 'node:assert/strict';
import { cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildArchive, type ContentFile } from '../src/site/archive.ts';
import { renderBatches } from '../src/site/batches.ts';
import { outputPath, planRender } from '../src/site/incremental.ts';
import { writeFileAtomic } from '../src/ingest/atomic.ts';
import { prepareKeep } from '../src/site/previousBuild.ts';
import { renderSite, type RenderResult } from '../src/site/render.ts';
import { startRenderThread } from '../src/site/renderThread.ts';
import { unitDirectory } from '../src/site/units.ts';
import type { FrontMatter } from '../src/schema.ts';
import { FIXTURE_CONTENT, siteFiles, writeManyArticles } from './fixtures/site/build.ts';
import { tempDir } from './support/tmp.ts';

function article(slug: string, fm: Partial<FrontMatter> = {}, body = 'Nội dung.'): ContentFile {
  const frontMatter: FrontMatter = { title: slug, summary: '', authors: [], units: [], captions: [], source: `${slug}.txt`, slug, ...fm };
  return { file: `${slug}.md`, hash: JSON.stringify([frontMatter, body]), frontMatter, body };
}

/** One article a day in March 2023, two units taking turns. */
const march = (): ContentFile[] =>
  Array.from({ length: 30 }, (_, i) =>
    article(`bai-${String(i + 1).padStart(2, '0')}`, {
      title: `Bài ${i + 1}`,
      date: `2023-03-${String(i + 1).padStart(2, '0')}`,
      units: [i % 2 ? 'Sư đoàn 316' : 'Trung đoàn 98'],
    }),
  );
const archiveOf = (content: ContentFile[]) => buildArchive(content, { units: unitDirectory, homePageSize: 10, unitPageSize: 5 });

/** The URLs a changed archive renders, given the previous one's fingerprints. */
function rendered(before: ContentFile[], after: ContentFile[]): Set<string> {
  const previous = planRender(archiveOf(before), null).fingerprints;
  const { pages } = planRender(archiveOf(after), previous);
  const { unitFeeds, authorFeeds, singles, ...lists } = pages;
  return new Set([...Object.values(lists).flat().map((p) => p.url), ...[...unitFeeds, ...authorFeeds].map((f) => f.feedUrl), ...singles]);
}

describe('which pages an incremental render renders', () => {
  test('nothing changed: nothing', () => {
    assert.deepEqual([...rendered(march(), march())], []);
  });

  test('with no previous build: every page, and nothing is kept', () => {
    const plan = planRender(archiveOf(march()), null);
    assert.equal(plan.pages.articles.length, 30);
    assert.equal(plan.kept.length, 0);
    // Articles, home pages, month, unit page, unit feeds, units' and the month's…; a year, the sitemap and the 8 single pages.
    assert.equal(plan.fingerprints.size, 30 + 3 + 1 + 1 + 6 + 2 + 1 + 1 + 8);
  });

  test("a body edit: that article's page and its units' feeds, not its neighbours", () => {
    const after = march();
    after[14] = { ...after[14]!, body: 'Nội dung mới.', hash: 'edited' };
    assert.deepEqual(
      [...rendered(march(), after)].sort(),
      // The site's feed shows the article too: it is among the 20 newest.
      ['/2023/03/15/bai-15/', '/don-vi/trung-doan-98/feed.xml', '/feed.xml'],
    );
  });

  test('a title edit: also the neighbours, lists and related articles that show the title', () => {
    const after = march();
    after[14] = article('bai-15', { ...after[14]!.frontMatter, title: 'Bài mười lăm' });
    const pages = rendered(march(), after);
    for (const url of ['/2023/03/15/bai-15/', '/2023/03/14/bai-14/', '/2023/03/16/bai-16/', '/2023/03/', '/trang/2/']) {
      assert.ok(pages.has(url), url);
    }
    // Bài 1 is far from Bài 15 in time and in its unit's newest-first list.
    assert.ok(!pages.has('/2023/03/01/bai-01/'));
    assert.ok(!pages.has('/'), 'the home page shows the ten newest');
  });

  test('an added article: its page, its neighbours, and the lists it shifts; the year counts on every home page', () => {
    const after = [...march(), article('moi', { title: 'Bài mới', date: '2023-03-10', units: ['Sư đoàn 316'] })];
    const pages = rendered(march(), after);
    for (const url of ['/2023/03/10/moi/', '/2023/03/10/bai-10/', '/2023/03/09/bai-09/', '/', '/trang/1/', '/trang/2/', '/2023/03/']) {
      assert.ok(pages.has(url), url);
    }
    assert.ok(pages.has('/don-vi/su-doan-316/'), 'its unit shows one more article');
    assert.ok(!pages.has('/2023/03/25/bai-25/'), 'unrelated');
  });

  test('an undated article gains an estimate: it moves into its month, between its new neighbours, out of /khong-ro-ngay/', () => {
    const undated = article('khong-ngay', { title: 'Không ngày', units: ['Sư đoàn 316'] });
    const estimated = article('khong-ngay', { title: 'Không ngày', units: ['Sư đoàn 316'], estimatedDate: '2023-03-10' });
    const pages = rendered([...march(), undated], [...march(), estimated]);
    for (const url of ['/khong-ro-ngay/khong-ngay/', '/khong-ro-ngay/', '/2023/03/10/bai-10/', '/2023/03/09/bai-09/', '/2023/03/', '/don-vi/su-doan-316/feed.xml']) {
      assert.ok(pages.has(url), url);
    }
  });

  test("an author's spelling changes: their pages and feed, and the bylines that link them", () => {
    const before = march().map((a, i) => (i < 2 ? article(a.frontMatter.slug, { ...a.frontMatter, authors: ['Thu Hòa'], byline: 'Thu Hòa' }) : a));
    const after = march().map((a, i) => (i < 2 ? article(a.frontMatter.slug, { ...a.frontMatter, authors: [i ? 'THU HOÀ' : 'Thu Hòa'], byline: i ? 'THU HOÀ' : 'Thu Hòa' }) : a));
    const pages = rendered(before, after);
    assert.ok(pages.has('/2023/03/02/bai-02/'), 'its byline is printed otherwise');
    assert.ok(pages.has('/tac-gia/thu-hoa/'), 'the author page lists both spellings');
    assert.ok(pages.has('/tac-gia/thu-hoa/feed.xml'));
    assert.ok(!pages.has('/2023/03/01/bai-01/'), 'unchanged');
  });

  test("a new author takes another's plain URL: the feeds whose entries link the moved author", () => {
    // `Hài Anh` sorts before `Hải Anh`: it takes `/tac-gia/hai-anh/`, and `Hải Anh` moves to a suffixed URL.
    const byHai = (a: ContentFile, i: number) => (i === 4 ? article(a.frontMatter.slug, { ...a.frontMatter, authors: ['Hải Anh'], byline: 'Hải Anh' }) : a);
    const newcomer = article('tin-cu', { title: 'Tin cũ', date: '2020-01-01', units: ['Sư đoàn 316'], authors: ['Hài Anh'], byline: 'Hài Anh' });
    const pages = rendered(march().map(byHai), [...march().map(byHai), newcomer]);
    assert.ok(pages.has('/2023/03/05/bai-05/'), 'its byline links the new URL');
    assert.ok(pages.has('/don-vi/trung-doan-98/feed.xml'), "the unit feed's entry for Bài 5 names the author's new URL");
  });
});

describe('stable list pages: new articles touch the newest pages only', () => {
  /** `count` articles, one a day from 1 January 2020, all of one unit. */
  const days = (count: number, from = 0): ContentFile[] =>
    Array.from({ length: count }, (_, i) => {
      const day = new Date(Date.UTC(2020, 0, 1 + from + i)).toISOString().slice(0, 10);
      return article(`bai-${from + i}`, { title: `Bài ${from + i}`, date: day, units: ['Sư đoàn 316'] });
    });

  test('ten newer articles: their pages, the previous newest, the front pages, feeds, the month: not the numbered pages', () => {
    const before = days(200);
    const pages = rendered(before, [...before, ...days(10, 200)]);
    const numbered = [...pages].filter((url) => /\/trang\/\d+\/$/.test(url));
    // 200 articles at 10 a home page: /trang/1/ … /trang/19/ and 10 on the front; with ten more, /trang/20/
    // appears, and the links of the three below it change. The unit's pages (5 each): 40 and 41 appear.
    const expected = ['/trang/17/', '/trang/18/', '/trang/19/', '/trang/20/', ...[37, 38, 39, 40, 41].map((n) => `/don-vi/su-doan-316/trang/${n}/`)];
    assert.deepEqual(numbered.sort(), expected.sort());
    for (const url of ['/', '/don-vi/su-doan-316/', '/don-vi/su-doan-316/feed.xml']) assert.ok(pages.has(url), url);
    assert.ok([...pages].some((url) => url.endsWith('/bai-199/')), 'the previous newest links the next one');
    assert.ok(![...pages].some((url) => url.endsWith('/bai-150/')), 'an older article does not change');
    // The pages outside the lists that show what changed (feed, statistics, the unit directory: new
    // counts; the year and the sitemap), not those made of the site code alone.
    for (const url of ['/feed.xml', '/thong-ke/', '/don-vi/', '/2020/', '/sitemap.xml']) assert.ok(pages.has(url), url);
    for (const url of ['/404.html', '/robots.txt', '/thuat-ngu/', '/tim-kiem/', '/tac-gia/']) assert.ok(!pages.has(url), url);
    assert.ok(pages.size < 35, `${pages.size} pages: ${[...pages].join(' ')}`);
  });

  test('one newer article: no numbered page at all', () => {
    const before = days(205);
    const pages = rendered(before, [...before, ...days(1, 205)]);
    assert.deepEqual([...pages].filter((url) => url.includes('/trang/')), []);
  });
});

describe('render batches', () => {
  const archive = archiveOf(march());
  const count = (pages: object): number => Object.values(pages).reduce((n: number, list: unknown[]) => n + list.length, 0);

  test('at most `size` pages each, every page once, in order', () => {
    const total = count(archive.pages);
    for (const size of [1, 7, 30, total - 1, total, 10 * total]) {
      const batches = renderBatches(archive, size);
      assert.equal(batches.length, Math.ceil(total / size), `size ${size}`);
      const sizes = batches.map((batch) => count(batch.pages));
      assert.ok(Math.max(...sizes) <= size);
      // As even as can be.
      assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `size ${size}: ${sizes.join()}`);
      for (const kind of Object.keys(archive.pages) as Array<keyof typeof archive.pages>) {
        assert.deepEqual(batches.flatMap((b) => b.pages[kind] as unknown[]), archive.pages[kind], `${kind}, size ${size}`);
      }
      // The data every page reads is the whole archive's.
      for (const batch of batches) assert.equal(batch.articles, archive.articles);
    }
  });

  test('nothing to render is one empty batch', () => {
    const none = { ...archive, pages: { ...archive.pages, articles: [], homePages: [], undatedPages: [], unitPages: [], monthPages: [], unitFeeds: [], authorPages: [], authorFeeds: [], years: [], sitemap: [], singles: [] } };
    assert.equal(renderBatches(none, 5).length, 1);
  });
});

describe('an incremental render is the full render', () => {
  let root: string;
  let content: string;
  const options = (name: string, previous?: string) => ({
    contentDir: content,
    outputDir: join(root, name),
    pagesManifest: join(root, `${name}.json`),
    siteUrl: 'https://luutru.example.vn',
    pathPrefix: '/',
    ...(previous ? { previousDir: join(root, previous) } : {}),
  });
  const render = (name: string, previous?: string, extra: { siteUrl?: string } = {}): Promise<RenderResult> =>
    renderSite({
      ...options(name, previous),
      ...(extra.siteUrl ? { siteUrl: extra.siteUrl } : {}),
      // The build keeps one manifest: each render reads the one the previous render wrote.
      pagesManifest: join(root, 'pages.json'),
    });
  const sameSite = async (a: string, b: string): Promise<void> => {
    const files = await siteFiles(join(root, a));
    assert.deepEqual(files, await siteFiles(join(root, b)));
    for (const file of files) {
      const [x, y] = await Promise.all([readFile(join(root, a, file)), readFile(join(root, b, file))]);
      assert.ok(x.equals(y), `${file} differs between ${a} and ${b}`);
    }
  };
  const inode = async (site: string, url: string): Promise<number> => (await stat(join(root, site, outputPath(url)))).ino;

  before(async () => {
    root = await tempDir('qk2-incremental-');
    content = join(root, 'content');
    await cp(FIXTURE_CONTENT, content, { recursive: true });
    await writeManyArticles(content, 45, { author: 'TRẦN HÀO' });
  });
  after(() => rm(root, { recursive: true, force: true }));

  const BENH_VIEN = '/2021/07/01/benh-vien-quan-y-109-kham-benh-mien-phi-cho-nhan-dan/';

  test('nothing changed: every listed page is kept, linked to the previous site', async () => {
    const full = await render('a');
    assert.equal(full.kept, 0);
    const again = await render('b', 'a');
    assert.ok(again.kept > 60, `kept ${again.kept}`);
    assert.ok(again.pages < 20, `rendered ${again.pages}: the pages outside the lists only`);
    assert.equal(await inode('b', BENH_VIEN), await inode('a', BENH_VIEN));
    await sameSite('a', 'b');
  });

  test('an added and an edited article: the same site as a full render', async () => {
    const added = (await readFile(join(content, '10.md'), 'utf8'))
      .replace('ngày thứ 11', 'ngày thứ 11, buổi chiều')
      .replace('tieu-doan-3-huan-luyen-ngay-11', 'tieu-doan-3-huan-luyen-ngay-11-chieu')
      .replace('nhieu/10.txt', 'nhieu/10-chieu.txt');
    await writeFile(join(content, 'added.md'), added);
    const edited = join(content, '20.md');
    await writeFile(edited, (await readFile(edited, 'utf8')).replace(/\n[^\n]+\n$/, '\nTiểu đoàn 3 bắn đạn thật.\n'));
    // The undated fixture gains an estimate among the many articles (it leaves /khong-ro-ngay/ for
    // January 2020), and the estimated one's estimate moves into the next year.
    const undated = join(content, 'khong-ngay-don-bien-phong.md');
    await writeFile(undated, (await readFile(undated, 'utf8')).replace('\nslug:', '\nestimatedDate: "2020-01-15"\nestimatedFrom: "Ngày 15-1"\nslug:'));
    const moved = join(content, 'khong-ngay-uoc-tinh-trung-doan-148.md');
    await writeFile(moved, (await readFile(moved, 'utf8')).replace('estimatedDate: "2022-12-01"', 'estimatedDate: "2023-01-15"'));

    const incremental = await render('c', 'b');
    assert.ok(incremental.kept > 0);
    assert.equal(await inode('c', BENH_VIEN), await inode('b', BENH_VIEN));
    assert.notEqual(await inode('c', '/2020/01/21/tieu-doan-3-huan-luyen-ngay-21/'), await inode('b', '/2020/01/21/tieu-doan-3-huan-luyen-ngay-21/'));
    await renderSite(options('full'));
    await sameSite('c', 'full');
  });

  test('a page deleted from the live site by hand is rendered again', async () => {
    await rm(join(root, 'c', outputPath(BENH_VIEN)));
    await render('d', 'c');
    await sameSite('d', 'full');
  });

  test('rendered in batches of 9 pages: the same site, its progress reported page by page', async () => {
    const reports: Array<[number, number]> = [];
    const { pages } = await renderSite({ ...options('batched'), batchPages: 9 }, (done, total) => reports.push([done, total]));
    await sameSite('batched', 'full');
    const total = reports[0]![1];
    // Every page: the fixtures' six articles and 46 more, their lists, units, feeds, the pages outside the lists.
    assert.ok(total > 52, `${total} pages`);
    assert.equal(total, pages);
    assert.ok(reports.every(([, t]) => t === total));
    assert.deepEqual(reports.slice(0, total).map(([done]) => done), Array.from({ length: total }, (_, i) => i + 1));
    assert.equal(reports.length, pages, 'once a page written');
  });

  test('another site URL, or a manifest of another folder, keeps nothing', async () => {
    assert.equal((await render('e', 'd', { siteUrl: 'https://khac.example.vn' })).kept, 0);
    // pages.json now describes `e`, not `d`.
    assert.equal((await render('f', 'd')).kept, 0);
    await sameSite('f', 'full');
  });

  test('a manifest read ahead (`prepareKeep`) and replaced before the job: the job reads the new one', async () => {
    const manifest = join(root, 'pages.json');
    const real = await readFile(manifest, 'utf8');
    // Read ahead while the manifest names another folder: the site `f` would keep nothing by it.
    await writeFile(manifest, JSON.stringify({ ...JSON.parse(real), folder: 'another-folder' }));
    prepareKeep(manifest);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writeFileAtomic(manifest, real);
    const result = await render('g', 'f');
    assert.ok(result.kept > 60, `kept ${result.kept}: the manifest of f, not the one read ahead`);
    await sameSite('g', 'full');
  });

  test('a manifest read ahead and unchanged is the one the job uses; one read ahead for another file is not', async () => {
    const manifest = join(root, 'pages.json');
    prepareKeep(manifest);
    const result = await render('h', 'g');
    assert.ok(result.kept > 60, `kept ${result.kept}`);
    await sameSite('h', 'full');
    // Prepared for a manifest that does not exist: the job reads its own.
    prepareKeep(join(root, 'elsewhere.json'));
    assert.ok((await render('i', 'h')).kept > 60);
    await sameSite('i', 'full');
  });

  test('on the render thread, prepared for another manifest than its job names: the right site', async () => {
    const thread = startRenderThread();
    thread.prepare({ pagesManifest: join(root, 'elsewhere.json'), archiveIndex: join(root, 'none.archive.json') });
    const result = await thread.run({ ...options('j', 'i'), pagesManifest: join(root, 'pages.json') });
    assert.ok(result.kept > 60, `kept ${result.kept}`);
    await sameSite('j', 'full');
  });

  test('on the render thread, prepared for its own manifest: the right site, unchanged pages kept', async () => {
    const thread = startRenderThread();
    thread.prepare({ pagesManifest: join(root, 'pages.json'), archiveIndex: join(root, 'none.archive.json') });
    const result = await thread.run({ ...options('k', 'j'), pagesManifest: join(root, 'pages.json') });
    assert.ok(result.kept > 60, `kept ${result.kept}`);
    assert.equal(await inode('k', BENH_VIEN), await inode('j', BENH_VIEN));
    await sameSite('k', 'full');
  });
});
