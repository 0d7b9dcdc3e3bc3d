/** `indexSite` on a small synthetic archive: shards, the manifest, and rebuilding only what changed. */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { syntheticArchive, writeArticlePages } from '../src/bench/search.ts';
import { indexSite, MANIFEST_FILE } from '../src/search/indexSite.ts';
import type { ShardManifest } from '../src/search/shards.ts';

describe('indexSite', () => {
  let site = '';
  const articles = syntheticArchive(60, 7);

  before(async () => {
    site = await mkdtemp(join(tmpdir(), 'qk2-index-'));
    await writeArticlePages(site, articles);
    // A page that does not ask to be indexed (no data-pagefind-body): left out.
    await writeFile(join(site, 'index.html'), '<html lang="vi"><body><h1>Trang chủ</h1></body></html>');
  });
  after(async () => {
    if (site) await rm(site, { recursive: true, force: true });
  });

  const manifest = async (): Promise<ShardManifest> =>
    JSON.parse(await readFile(join(site, 'pagefind', MANIFEST_FILE), 'utf8')) as ShardManifest;

  test('indexes every article, in shards listed newest first', async () => {
    const result = await indexSite({ siteDir: site });
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
  });

  test('the đ fold is in the index, never in the published page', async () => {
    const page = articles.find((a) => a.paragraphs.join(' ').includes('đoàn'))!;
    const html = await readFile(join(site, ...page.url.split('/').filter(Boolean), 'index.html'), 'utf8');
    assert.doesNotMatch(html, /đoàn-doan/);
  });

  test('a rebuild with nothing changed keeps every shard', async () => {
    const before = await manifest();
    const result = await indexSite({ siteDir: site });
    assert.equal(result.rebuilt, 0);
    assert.deepEqual(await manifest(), before);
  });

  test('a changed article rebuilds its shard only', async () => {
    const undated = articles.find((a) => !a.date);
    assert.ok(undated, 'the synthetic archive has undated articles');
    const file = join(site, ...undated.url.split('/').filter(Boolean), 'index.html');
    await writeFile(file, (await readFile(file, 'utf8')).replace('</h1>', ' (sửa)</h1>'));
    const before = await manifest();
    const result = await indexSite({ siteDir: site });
    assert.equal(result.rebuilt, 1);
    const after = await manifest();
    for (const s of after.shards) {
      const old = before.shards.find((b) => b.key === s.key)!;
      assert.equal(s.hash === old.hash, s.key !== 'khong-ro-ngay', s.key);
    }
  });
});
