/** `indexSite` on a small synthetic archive: shards, the manifest, and rebuilding only what changed. */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { syntheticArchive, writeArticleContent } from '../src/bench/search.ts';
import { indexSite, MANIFEST_FILE } from '../src/search/indexSite.ts';
import type { ShardManifest } from '../src/search/shards.ts';

describe('indexSite', () => {
  let work = '';
  let site = '';
  let content = '';
  const articles = syntheticArchive(60, 7);

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'qk2-index-'));
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
