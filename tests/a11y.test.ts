/**
 * The built fixture site in Debian's Chromium: axe-core finds no violation on the main page kinds in
 * either colour scheme; feeds and sitemap parse as XML; the units and authors filters narrow the list without
 * diacritics; pages make no request to another host and break no CSP rule; articles print cleanly.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromiumSkipReason, launchChromium, serveDirectory, type StaticSite } from './support/browser.ts';
import { buildFixtureSite, type BuiltSite } from './fixtures/site/build.ts';

const skip = chromiumSkipReason();
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PAGES = {
  home: '',
  article: '2023/03/20/su-doan-316-to-chuc-huan-luyen-chien-si-moi-nam-2023/',
  undatedArticle: 'khong-ro-ngay/don-bien-phong-pa-vay-su-don-tet-cung-dong-bao/',
  estimatedArticle: 'khong-ro-ngay/trung-doan-148-to-chuc-hoi-nghi-rut-kinh-nghiem-huan-luyen/',
  datedArticleWithLinkedByline: '2022/11/30/trung-doan-98-hoi-thao-ky-thuat/',
  unit: 'don-vi/trung-doan-98/',
  units: 'don-vi/',
  author: 'tac-gia/dang-ninh/',
  authors: 'tac-gia/',
  year: '2022/',
  month: '2023/03/',
  statistics: 'thong-ke/',
  glossary: 'thuat-ngu/',
  notFound: '404.html',
};

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

let built: BuiltSite;
let site: StaticSite;
let browser: Browser;

before(async () => {
  if (skip) return;
  built = await buildFixtureSite({ pathPrefix: '/luu-tru/' });
  site = await serveDirectory(built.dir, '/luu-tru/');
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await built?.remove();
});

/** Opens a page, recording CSP violations, console errors and requests to any other origin. */
async function open(path: string, colorScheme: 'light' | 'dark' = 'light', width = 1024): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ colorScheme, viewport: { width, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(site.origin) && !r.url().startsWith('data:')) problems.push(`request to ${r.url()}`);
  });
  const response = await page.goto(site.url + path);
  if (path !== PAGES.notFound) assert.equal(response?.status(), 200, path);
  return { page, problems };
}

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) still holds.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('axe-core finds no violation', { skip }, () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, path] of Object.entries(PAGES)) {
      test(`${name} in the ${scheme} scheme`, async () => {
        const { page, problems } = await open(path, scheme);
        try {
          assert.deepEqual(await axeViolations(page), []);
          assert.deepEqual(problems, []);
        } finally {
          await page.close();
        }
      });
    }
  }
  test('the check itself: axe does report a fault put into a page', async () => {
    const { page } = await open(PAGES.home, 'dark');
    try {
      await page.evaluate(() => {
        const faint = document.createElement('p');
        faint.textContent = 'Chữ mờ khó đọc';
        faint.style.color = '#222';
        document.querySelector('main')!.append(faint, document.createElement('img'));
      });
      const ids = (await axeViolations(page)).map((v) => v.split(':')[0]);
      assert.ok(ids.includes('image-alt'), ids.join());
      assert.ok(ids.includes('color-contrast'), ids.join());
    } finally {
      await page.close();
    }
  });
  test('the article at 320 px wide, without horizontal scrolling', async () => {
    const { page } = await open(PAGES.article, 'light', 320);
    try {
      assert.deepEqual(await axeViolations(page), []);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0);
    } finally {
      await page.close();
    }
  });
});

describe('in the browser', { skip }, () => {
  test('feeds and sitemap are well-formed XML', async () => {
    const { page } = await open(PAGES.home);
    try {
      for (const path of ['feed.xml', 'don-vi/su-doan-316/feed.xml', 'tac-gia/dang-ninh/feed.xml', 'sitemap.xml']) {
        const result = await page.evaluate(async (url) => {
          const text = await (await fetch(url)).text();
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName };
        }, site.url + path);
        assert.equal(result.error, null, path);
        assert.ok(['feed', 'urlset', 'sitemapindex'].includes(result.root), `${path}: ${result.root}`);
      }
    } finally {
      await page.close();
    }
  });

  test('the units filter narrows the list as you type, without diacritics, d for đ', async () => {
    const { page, problems } = await open(PAGES.units);
    try {
      const visible = () =>
        page.$$eval('li[data-filter-name]', (items) => items.filter((li) => !(li as HTMLElement).closest('[hidden]')).map((li) => li.getAttribute('data-filter-name')));
      const all = await visible();
      assert.ok(all.length >= 8);
      await page.fill('#unit-filter-input', 'dong van');
      assert.deepEqual(await visible(), ['Ban CHQS huyện Đồng Văn']);
      await page.fill('#unit-filter-input', 'SU DOAN');
      assert.deepEqual(await visible(), ['Sư đoàn 316']);
      await page.fill('#unit-filter-input', 'bien phong');
      assert.equal((await visible()).length, 2);
      await page.fill('#unit-filter-input', 'khong co don vi nay');
      assert.deepEqual(await visible(), []);
      assert.match(await page.textContent('.list-filter-status') ?? '', /Không có đơn vị nào khớp/);
      await page.fill('#unit-filter-input', '');
      assert.equal((await visible()).length, all.length);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('the authors filter narrows the list without diacritics, and finds a name by its printed spelling', async () => {
    const { page, problems } = await open(PAGES.authors);
    try {
      const visible = () =>
        page.$$eval('li[data-filter-name] a', (links) => links.filter((a) => !(a as HTMLElement).closest('[hidden]')).map((a) => a.textContent));
      assert.ok((await visible()).length >= 8);
      await page.fill('#author-filter-input', 'dang ninh');
      assert.deepEqual(await visible(), ['Đăng Ninh']);
      await page.fill('#author-filter-input', 'THU HOA');
      assert.deepEqual(await visible(), ['Thu Hòa']);
      await page.fill('#author-filter-input', 'khong co ai');
      assert.deepEqual(await visible(), []);
      assert.match((await page.textContent('.list-filter-status')) ?? '', /Không có tác giả nào khớp/);
      assert.equal(await page.isHidden('.filter-group'), true);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('an article page loads no script, and prints without navigation but with its URL and date', async () => {
    site.served.length = 0;
    const { page } = await open(PAGES.article);
    try {
      assert.deepEqual(site.served.filter((r) => r.path.endsWith('.js')), []);
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.isVisible('.site-header'), false);
      assert.equal(await page.isVisible('.article-nav'), false);
      assert.match((await page.textContent('.print-only')) ?? '', /\/luu-tru\/2023\/03\/20\/su-doan-316/);
      assert.equal(await page.isVisible('time[datetime="2023-03-20"]'), true);
    } finally {
      await page.close();
    }
  });

  test('the header search form leads to /tim-kiem/?q= without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(site.url + PAGES.unit);
      await page.fill('#site-search-q', 'su doan 316');
      await Promise.all([page.waitForURL(/\/luu-tru\/tim-kiem\/\?q=su\+doan\+316$/), page.press('#site-search-q', 'Enter')]);
    } finally {
      await context.close();
    }
  });

  test('the skip link moves focus to the main content, and focus is visible', async () => {
    const { page } = await open(PAGES.home);
    try {
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      assert.notEqual(outline, 'none');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => location.hash), '#main');
    } finally {
      await page.close();
    }
  });
});
