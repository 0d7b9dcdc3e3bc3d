/**
 * The page kinds written as TypeScript render functions (`src/site/html/`: articles, the home, month,
 * undated, unit and author lists, the feeds) write exactly the bytes the Nunjucks templates they replaced wrote
 * (`fixtures/site-html/expected/`, first written by those templates; `fixtures/site-html/write.ts`
 * rewrites them after an intentional change). And the shell those functions share (`shell.ts`) is the
 * one `layouts/base.njk` still writes around the other pages: the two must not drift apart.
 */
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { shell, type ShellPage } from '../src/site/html/shell.ts';
import { buildFixtureSite, siteFiles, writeManyArticles, type BuiltSite } from './fixtures/site/build.ts';
import { EXPECTED_PAGES } from './fixtures/site-html/pages.ts';
import { tempDir } from './support/tmp.ts';

const EXPECTED = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/site-html/expected');

const sites = new Map<string, BuiltSite>();
const scratch: string[] = [];
before(async () => {
  for (const [name, set] of Object.entries(EXPECTED_PAGES)) {
    let contentDir: string | undefined;
    if (set.many) {
      contentDir = await tempDir('qk2-many-');
      scratch.push(contentDir);
      await writeManyArticles(contentDir, set.many, { author: 'ĐĂNG NINH' });
    }
    sites.set(name, await buildFixtureSite({ pathPrefix: set.pathPrefix, ...(contentDir ? { contentDir } : {}) }));
  }
});
after(async () => {
  for (const site of sites.values()) await site.remove();
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

for (const [name, set] of Object.entries(EXPECTED_PAGES)) {
  describe(`${name}: pages written by TypeScript, byte for byte`, () => {
    test('the same pages, each with the expected bytes', async () => {
      const site = sites.get(name)!;
      const built = (await siteFiles(site.dir)).map((f) => f.slice(1)).filter((f) => set.match.test(f));
      const expected = (await siteFiles(join(EXPECTED, name))).map((f) => f.slice(1));
      assert.deepEqual(built, expected);
      assert.ok(expected.length >= 7, `${expected.length} pages compared`);
      for (const page of expected) {
        const [actual, wanted] = await Promise.all([readFile(join(site.dir, page), 'utf8'), readFile(join(EXPECTED, name, page), 'utf8')]);
        assert.equal(actual, wanted, `${page} differs from ${join('tests/fixtures/site-html/expected', name, page)}`);
      }
    });
  });
}

describe('shell.ts is the shell layouts/base.njk writes', () => {
  const cases: Array<{ file: string; page: ShellPage }> = [
    { file: 'thuat-ngu/index.html', page: { url: '/thuat-ngu/', title: 'Thuật ngữ và chữ viết tắt', nav: 'glossary' } },
    { file: '404.html', page: { url: '/404.html', title: 'Không tìm thấy trang', noindex: true } },
    { file: 'tim-kiem/index.html', page: { url: '/tim-kiem/', title: 'Tìm kiếm', scripts: ['/js/search.js'], styles: ['/css/search.css'] } },
    { file: 'don-vi/index.html', page: { url: '/don-vi/', title: 'Đơn vị', nav: 'units', scripts: ['/js/list-filter.js'] } },
  ];
  for (const { file, page } of cases) {
    test(`${file}, under a path prefix`, async () => {
      const site = sites.get('fixtures')!;
      const html = await readFile(join(site.dir, file), 'utf8');
      const open = '<main id="main" tabindex="-1">\n';
      const content = html.slice(html.indexOf(open) + open.length, html.lastIndexOf('\n</main>'));
      assert.ok(content.length > 100, 'the page has a body');
      assert.equal(shell(page, content, { siteUrl: 'https://luutru.example.vn', pathPrefix: '/luu-tru/' }), html);
    });
  }
});

test('a numbered author page has no count in its description: it must not change as the list grows', async () => {
  const site = sites.get('many')!;
  const numbered = await readFile(join(site.dir, 'tac-gia/dang-ninh/trang/2/index.html'), 'utf8');
  assert.match(numbered, /<meta name="description" content="Tác giả: Đăng Ninh · Trang 2\.">/);
  const front = await readFile(join(site.dir, 'tac-gia/dang-ninh/index.html'), 'utf8');
  assert.match(front, /<meta name="description" content="Tác giả: Đăng Ninh, 130 bài\.">/);
});
