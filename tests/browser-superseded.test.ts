/**
 * An edited and a deleted article after an incremental rebuild, searched in Chromium: the shard that
 * held them keeps its index (their stale pages superseded), the edit is indexed in the added shard,
 * and the search page shows the new text only, never the stale version nor the deleted article.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ShardManifest } from '../src/search/shards.ts';
import { chromiumSkipReason, launchChromium, serveDirectory, type StaticSite } from './support/browser.ts';
import { tempDir } from './support/tmp.ts';

const EDITED_DUMP = '2019/012_d84f0b2a6c1e9375.txt';
const EDITED_TITLE = 'Đồn Biên phòng Lũng Cú đón Tết cùng đồng bào nơi địa đầu';
const EDITED_PATH = '/2019/01/28/don-bien-phong-lung-cu-don-tet-cung-dong-bao-noi-dia-dau/';
/** The name the edit takes out of the article, and the one it puts in (neither is in another dump). */
const OLD_NAME = 'Giàng Seo Chứ';
const NEW_NAME = 'Thào Mí Sình';
const DELETED_DUMP = '2023/021_5b9e2c7a4d0f8136.txt';
const DELETED_TITLE = 'Đội K52 hồi hương hài cốt liệt sĩ hy sinh tại Lào';

/** `npm run build` of `input` into `output`, its state in `work`: the build log. */
async function build(input: string, output: string, work: string): Promise<string> {
  const args = ['--import', 'tsx', 'src/cli/build.ts', '--input', input, '--output', output, '--work', work];
  const child = spawn(process.execPath, args, { stdio: 'pipe' });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`build failed (exit ${code}):\n${log}`);
  return log;
}

interface Result {
  path: string;
  title: string;
  excerpt: string;
}

/** Every result of a search (all its "more" pages), with the count the status gives. */
async function allResults(page: Page, site: StaticSite, params: Record<string, string>): Promise<{ status: string; results: Result[] }> {
  await page.goto(`${site.url}tim-kiem/?${new URLSearchParams(params).toString()}`);
  const settled = () =>
    page.waitForFunction(() => {
      const root = document.querySelector('[data-search]');
      return root?.getAttribute('data-searched') && root.getAttribute('aria-busy') !== 'true';
    });
  await settled();
  while (await page.isVisible('[data-search-more]')) {
    const shown = await page.locator('.search-result').count();
    await page.click('[data-search-more]');
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, shown);
  }
  const results = await page.$$eval('.search-result', (items) =>
    items.map((item) => ({
      path: new URL(item.querySelector('h2 a')?.getAttribute('href') ?? '', location.href).pathname,
      title: item.querySelector('h2 a')?.textContent ?? '',
      excerpt: item.querySelector('.search-result__excerpt')?.textContent ?? '',
    })),
  );
  return { status: (await page.textContent('[data-search-status]')) ?? '', results };
}

const countIn = (status: string): number => Number(/^(\d+) /.exec(status)?.[1] ?? NaN);

describe('search after an edit and a deletion (incremental rebuild)', { skip: chromiumSkipReason() }, () => {
  let workDir = '';
  let browser: Browser;
  let site: StaticSite;
  let page: Page;
  let before1: ShardManifest;
  let after1: ShardManifest;
  let log = '';
  let keptShardFiles: Array<[string, number]> = [];
  let deletedPath = '';

  before(async () => {
    workDir = await tempDir('qk2-superseded-');
    const input = join(workDir, 'in');
    const output = join(workDir, 'site');
    const work = join(workDir, 'work');
    await cp('articles', input, { recursive: true });
    await build(input, output, work);
    before1 = JSON.parse(await readFile(join(output, 'pagefind/shards.json'), 'utf8')) as ShardManifest;
    const shard = join(output, 'pagefind', before1.shards[0]!.key, 'fragment');
    keptShardFiles = await Promise.all((await readdir(shard)).map(async (f): Promise<[string, number]> => [f, (await stat(join(shard, f))).mtimeMs]));
    // The deleted article's URL, as the cold build gave it.
    const sitemap = await readFile(join(output, 'sitemap.xml'), 'utf8');
    deletedPath = new URL(/<loc>([^<]*doi-k52-hoi-huong[^<]*)<\/loc>/.exec(sitemap)![1]!).pathname;

    const edited = join(input, EDITED_DUMP);
    const text = await readFile(edited, 'utf8');
    assert.ok(text.includes(OLD_NAME));
    await writeFile(edited, text.replaceAll(OLD_NAME, NEW_NAME));
    await rm(join(input, DELETED_DUMP));
    log = await build(input, output, work);
    after1 = JSON.parse(await readFile(join(output, 'pagefind/shards.json'), 'utf8')) as ShardManifest;
    site = await serveDirectory(output);
    browser = await launchChromium();
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  test('the shard that held them is kept as it was; only the added shard is indexed', async () => {
    const [shard] = before1.shards;
    const now = after1.shards.find((s) => s.key === shard!.key)!;
    assert.equal(now.hash, shard!.hash, 'the same index');
    assert.equal(now.pages, shard!.pages - 2);
    assert.equal(now.superseded?.length, 2);
    assert.deepEqual(after1.shards.at(-1)?.key, 'bo-sung');
    assert.equal(after1.shards.at(-1)?.pages, 1);
    assert.match(log, /^index .*\(1 rebuilt\)/m);
    // Not one of its files written again.
    const dir = join(workDir, 'site', 'pagefind', shard!.key, 'fragment');
    for (const [file, mtime] of keptShardFiles) assert.equal((await stat(join(dir, file))).mtimeMs, mtime, file);
  });

  test('the title index lists no superseded page', async () => {
    const hidden = new Set(after1.shards.flatMap((s, i) => (s.superseded ?? []).map((m) => `${i} ${m.id}`)));
    assert.equal(hidden.size, 2);
    const dir = join(workDir, 'site', 'pagefind', 'titles');
    const listed = new Set<string>();
    for (const file of await readdir(dir)) {
      const bucket = JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<string, { top: Array<[number, string]> }>;
      for (const { top } of Object.values(bucket)) for (const [shard, id] of top) listed.add(`${shard} ${id}`);
    }
    assert.ok(listed.size > 10, `${listed.size} titles listed`);
    for (const entry of hidden) assert.ok(!listed.has(entry), entry);
  });

  for (const sort of ['', 'moi-nhat', 'cu-nhat']) {
    const params = (q: string): Record<string, string> => ({ q, ...(sort ? { 'sap-xep': sort } : {}) });

    test(`the edit's new text is found, its old text is not${sort ? ` (${sort})` : ''}`, async () => {
      const found = await allResults(page, site, params('thao mi sinh'));
      assert.deepEqual(found.results.map((r) => r.path), [EDITED_PATH]);
      assert.match(found.results[0]!.excerpt, new RegExp(NEW_NAME));
      // Other articles have these syllables apart; the edited one no longer has them at all.
      const stale = await allResults(page, site, params('giang seo chu'));
      assert.ok(!stale.results.some((r) => r.path === EDITED_PATH || r.excerpt.includes(OLD_NAME)), JSON.stringify(stale.results));
      assert.equal(countIn(stale.status) || 0, stale.results.length, stale.status);
    });

    test(`its title finds it once; the deleted article is never shown${sort ? ` (${sort})` : ''}`, async () => {
      const title = await allResults(page, site, params('don bien phong lung cu don tet'));
      assert.equal(title.results.filter((r) => r.path === EDITED_PATH).length, 1, JSON.stringify(title.results));
      assert.equal(title.results.find((r) => r.path === EDITED_PATH)?.title, EDITED_TITLE);
      // Two words: answered from the title index first.
      const pair = await allResults(page, site, params('doi k52'));
      assert.ok(!pair.results.some((r) => r.path === deletedPath || r.title === DELETED_TITLE), JSON.stringify(pair.results));
      const deleted = await allResults(page, site, params('doi k52 hoi huong'));
      assert.ok(!deleted.results.some((r) => r.path === deletedPath || r.title === DELETED_TITLE), JSON.stringify(deleted.results));
      assert.equal(countIn(deleted.status) || 0, deleted.results.length, deleted.status);
    });

    test(`a common query: neither stale page, every result once, the count what is shown${sort ? ` (${sort})` : ''}`, async () => {
      const found = await allResults(page, site, params('bien phong'));
      const paths = found.results.map((r) => r.path);
      assert.ok(paths.length > 10, `${paths.length} results`);
      assert.equal(paths.filter((p) => p === EDITED_PATH).length, 1);
      assert.ok(!paths.includes(deletedPath));
      assert.equal(new Set(paths).size, paths.length, 'no result twice');
      assert.equal(countIn(found.status), paths.length, found.status);
    });
  }

  test('filter counts leave the superseded pages out', async () => {
    // The deleted article's units (Đội K52 had no other article) and the edited one's: the count of
    // each is what the filter finds, the stale copies not counted.
    // No query, no filter: the lists count every article of the archive (`filters()`).
    await page.goto(`${site.url}tim-kiem/`);
    // The prompt: the index is open and the page listens for the reader reaching the filters.
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.startsWith('Nhập'));
    await page.focus('select[data-filter="unit"]');
    await page.waitForFunction(() => (document.querySelector('select[data-filter="unit"]')?.querySelectorAll('option').length ?? 0) > 1);
    const options = new Map(
      await page.$$eval('select[data-filter="unit"] option', (os) => os.map((o): [string, string] => [(o as HTMLOptionElement).value, o.textContent ?? ''])),
    );
    assert.ok(!options.has('Đội K52'), 'a unit only the deleted article had is not offered');
    for (const unit of ['Bộ CHQS tỉnh Sơn La', 'Đồn Biên phòng Lũng Cú', 'BĐBP tỉnh Hà Giang']) {
      const counted = Number(/\((\d+)\)$/.exec(options.get(unit) ?? '')?.[1]);
      const found = await allResults(page, site, { 'don-vi': unit });
      assert.equal(counted, found.results.length, `${unit}: ${options.get(unit)}`);
      assert.equal(countIn(found.status), found.results.length, found.status);
    }
  });
});
