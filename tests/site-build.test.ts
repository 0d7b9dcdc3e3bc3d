/**
 * The fixture content built by real Eleventy into a temporary folder: every page the archive promises
 * is there, at its pinned URL, with what issues 2, 4 and 6 ask of it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import matter from 'gray-matter';
import { rm } from 'node:fs/promises';
import {
  buildFixtureSite,
  FIXTURE_CONTENT,
  readSiteFile,
  siteFiles,
  writeManyArticles,
  type BuiltSite,
} from './fixtures/site/build.ts';
import { tempDir } from './support/tmp.ts';

const SITE_URL = 'https://luutru.example.vn';

/** The fixtures' front matter, read independently of the site's loader. */
const fixtures = readdirSync(FIXTURE_CONTENT)
  .filter((f) => f.endsWith('.md'))
  .map((f) => matter(readFileSync(join(FIXTURE_CONTENT, f), 'utf8'), {}).data as Record<string, unknown>);
const expectedUrl = (fm: Record<string, unknown>): string =>
  typeof fm.date === 'string' ? `/${fm.date.replaceAll('-', '/')}/${fm.slug}/` : `/khong-ro-ngay/${fm.slug}/`;
const pageFile = (url: string): string => `${url}index.html`;
const count = (text: string, part: string): number => text.split(part).length - 1;

const HUAN_LUYEN = '/2023/03/20/su-doan-316-to-chuc-huan-luyen-chien-si-moi-nam-2023/';
const XAY_NHA = '/2023/03/20/doan-kt-qp-356-giup-dong-bao-xay-nha-dai-doan-ket/';
const UNDATED = '/khong-ro-ngay/don-bien-phong-pa-vay-su-don-tet-cung-dong-bao/';
/** Undated, with an estimated date (2022-12-01): placed by it, at its undated URL. */
const ESTIMATED = '/khong-ro-ngay/trung-doan-148-to-chuc-hoi-nghi-rut-kinh-nghiem-huan-luyen/';
const HA_GIANG = '/2022/12/05/bo-chqs-tinh-ha-giang-dien-tap-khu-vuc-phong-thu/';
const HOI_THAO = '/2022/11/30/trung-doan-98-hoi-thao-ky-thuat/';
/** `khoảng <time>1/12/2022</time> (ước tính từ bài)` as a list shows it. */
const ESTIMATE_MARK = /<span class="estimated">khoảng <time datetime="2022-12-01">1\/12\/2022<\/time> \(ước tính từ bài\)<\/span>/;

let site: BuiltSite;
let files: string[];
before(async () => {
  site = await buildFixtureSite({ siteUrl: SITE_URL });
  files = await siteFiles(site.dir);
});
after(() => site.remove());
const page = (url: string): Promise<string> => readSiteFile(site.dir, url.endsWith('/') ? pageFile(url) : url);

describe('pages at their pinned URLs', () => {
  test('every article has its page at /YYYY/MM/DD/<slug>/ or /khong-ro-ngay/<slug>/', () => {
    assert.equal(fixtures.length, 7);
    for (const fm of fixtures) assert.ok(files.includes(pageFile(expectedUrl(fm))), expectedUrl(fm));
  });

  for (const path of [
    '/index.html',
    '/404.html',
    '/don-vi/index.html',
    '/don-vi/su-doan-316/index.html',
    '/don-vi/su-doan-316/feed.xml',
    '/tac-gia/index.html',
    '/tac-gia/dang-ninh/index.html',
    '/tac-gia/dang-ninh/feed.xml',
    '/2023/index.html',
    '/2023/03/index.html',
    '/khong-ro-ngay/index.html',
    '/thuat-ngu/index.html',
    '/thong-ke/index.html',
    '/feed.xml',
    '/sitemap.xml',
    '/robots.txt',
    '/css/site.css',
    '/js/list-filter.js',
    '/fonts/be-vietnam-pro-vietnamese-400-normal.woff2',
  ]) {
    test(`${path} exists`, () => assert.ok(files.includes(path)));
  }

  test('only the Vietnamese and Latin subsets of the font are shipped', () => {
    const fonts = files.filter((f) => f.startsWith('/fonts/'));
    assert.ok(fonts.length > 0);
    for (const f of fonts) assert.match(f, /^\/fonts\/be-vietnam-pro-(latin|vietnamese)-\d00-normal\.woff2$/);
  });
});

describe('article page', () => {
  test('the title is the only <h1>, the date a <time> in Vietnamese', async () => {
    const html = await page(HUAN_LUYEN);
    assert.equal(count(html, '<h1'), 1);
    assert.match(html, /<h1>Sư đoàn 316 tổ chức huấn luyện chiến sĩ mới năm 2023<\/h1>/);
    assert.match(html, /<time datetime="2023-03-20">Thứ Hai, ngày 20 tháng 3 năm 2023<\/time>/);
    assert.match(html, /<html lang="vi">/);
  });

  test('units link to their unit pages; byline, reading time and retrieval time are shown', async () => {
    const html = await page(HUAN_LUYEN);
    assert.match(html, /<a href="\/don-vi\/su-doan-316\/">Sư đoàn 316<\/a>/);
    assert.match(html, /<a href="\/don-vi\/trung-doan-98\/">Trung đoàn 98<\/a>/);
    assert.match(html, /<p class="article-byline">Tin, ảnh: <a href="\/tac-gia\/nguyen-van-an\/">Nguyễn Văn An<\/a><\/p>/);
    assert.match(html, /1 phút đọc/);
    assert.match(html, /<time datetime="2024-07-19T12:54:42\+07:00">12:54 ngày 19\/7\/2024<\/time>/);
  });

  test('a caption is a figure caption, raw text stays text', async () => {
    const html = await page(HUAN_LUYEN);
    assert.match(html, /<figure class="caption">\s*<figcaption>Chiến sĩ mới Trung đoàn 98 luyện tập điều lệnh\.<\/figcaption>/);
    assert.match(html, /<p>1\. Một dòng bắt đầu bằng số/);
    assert.match(html, /&lt;script&gt;alert\(&quot;không chạy&quot;\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /<script>alert/);
    const undated = await page(UNDATED);
    assert.match(undated, /<p># Dòng này bắt đầu bằng dấu thăng/);
    assert.match(undated, /<p>&gt; Dòng này không phải trích dẫn\.<\/p>/);
  });

  test('each glossary abbreviation is explained on its first use only', async () => {
    const html = await page(HUAN_LUYEN);
    assert.equal(count(html, '<abbr title="Quân khu 2">QK2</abbr>'), 1);
    assert.match(html, /SSCĐ<\/abbr> cao, QK2 luôn đồng hành/);
    assert.equal(count(html, '<abbr title="Công tác đảng">CTĐ</abbr>'), 1);
    assert.equal(count(html, '<abbr title="Vững mạnh toàn diện">VMTD</abbr>'), 1);
  });

  test('previous and next by date, and related articles sharing units', async () => {
    const html = await page(HUAN_LUYEN);
    assert.match(html, /Bài trước<\/span> <a href="\/2022\/12\/05\/bo-chqs-tinh-ha-giang-dien-tap-khu-vuc-phong-thu\/" rel="prev">/);
    assert.match(html, new RegExp(`Bài sau</span> <a href="${XAY_NHA}" rel="next">`));
    const related = html.slice(html.indexOf('id="related-heading"'));
    assert.ok(related.indexOf('/2022/11/30/trung-doan-98-hoi-thao-ky-thuat/') > 0, 'shares Sư đoàn 316 and Trung đoàn 98');
    assert.ok(related.indexOf('/2022/11/30/') < related.indexOf(XAY_NHA), 'two shared units rank above one');
  });

  test('an undated article is never given its crawl date', async () => {
    const html = await page(UNDATED);
    assert.doesNotMatch(html, /<time datetime="\d{4}-\d{2}-\d{2}">/);
    assert.match(html, /Không rõ ngày/);
    assert.doesNotMatch(html, /datePublished/);
    assert.match(html, /<time datetime="2024-02-01T09:15:00\+07:00">/, 'the crawl time is shown as such');
  });

  test('JSON-LD NewsArticle parses, and a headline with </script> cannot break out', async () => {
    const html = await page(XAY_NHA);
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    const json = scripts[0]![1]!;
    assert.doesNotMatch(json, /</);
    const ld = JSON.parse(json) as Record<string, unknown>;
    assert.equal(ld['@type'], 'NewsArticle');
    assert.equal(ld.headline, 'Đoàn KT-QP 356 giúp đồng bào xây nhà "Đại đoàn kết" <script>');
    assert.equal(ld.datePublished, '2023-03-20');
    assert.deepEqual(ld.author, [
      { '@type': 'Person', name: 'Trần Thị Bình', url: `${SITE_URL}/tac-gia/tran-thi-binh/` },
      { '@type': 'Person', name: 'Lê Văn Cường', url: `${SITE_URL}/tac-gia/le-van-cuong/` },
    ]);
    assert.deepEqual(
      (ld.about as Array<{ name: string }>).map((a) => a.name),
      ['Đoàn KT-QP 356', 'Quân khu 2'],
    );
  });

  test('canonical URL and Open Graph tags are absolute', async () => {
    const html = await page(HUAN_LUYEN);
    assert.match(html, new RegExp(`<link rel="canonical" href="${SITE_URL}${HUAN_LUYEN}">`));
    assert.match(html, new RegExp(`<meta property="og:url" content="${SITE_URL}${HUAN_LUYEN}">`));
    assert.match(html, /<meta property="og:type" content="article">/);
  });

  test('published pages carry no search markup: the index is built from the Markdown (src/search/page.ts)', async () => {
    for (const url of [HUAN_LUYEN, '/', '/don-vi/', '/don-vi/su-doan-316/', '/2023/', '/2023/03/', '/thong-ke/', '/tim-kiem/']) {
      assert.doesNotMatch(await page(url), /data-pagefind/, url);
    }
  });

  test('HTML and CSS of an article page stay under 50 KB, with no script but JSON-LD', async () => {
    const css = Buffer.byteLength(await page('/css/site.css'));
    for (const fm of fixtures) {
      const html = await page(expectedUrl(fm));
      const total = Buffer.byteLength(html) + css;
      assert.ok(total < 50_000, `${expectedUrl(fm)}: ${total} bytes`);
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      assert.deepEqual(scripts, ['<script type="application/ld+json">']);
    }
  });
});

describe('listing pages', () => {
  test('home lists every dated article newest first; the undated ones are a list of their own, linked', async () => {
    const html = await page('/');
    assert.ok(!html.includes(`href="${UNDATED}"`), 'an undated article would shift every numbered page');
    assert.match(html, /<a href="\/khong-ro-ngay\/">/);
    const order = fixtures
      .filter((fm) => expectedUrl(fm) !== UNDATED)
      .map((fm) => ({ url: expectedUrl(fm), at: html.indexOf(`href="${expectedUrl(fm)}"`) }))
      .sort((a, b) => a.at - b.at)
      .map((x) => x.url);
    assert.ok(!order.some((u) => html.indexOf(`href="${u}"`) === -1));
    // Same day: Vietnamese collation puts Đoàn before Sư đoàn.
    assert.deepEqual(order, [
      XAY_NHA,
      HUAN_LUYEN,
      HA_GIANG,
      // Estimated 2022-12-01: between the articles of 5 December and 30 November.
      ESTIMATED,
      HOI_THAO,
      '/2021/07/01/benh-vien-quan-y-109-kham-benh-mien-phi-cho-nhan-dan/',
    ]);
    const card = html.slice(html.indexOf(`href="${ESTIMATED}"`), html.indexOf(`href="${HOI_THAO}"`));
    assert.match(card, ESTIMATE_MARK);
  });

  test('units are grouped by kind in military order, with counts', async () => {
    const html = await page('/don-vi/');
    const headings = [...html.matchAll(/<h2 id="kind-\d+">([^<]+) </g)].map((m) => m[1]);
    assert.ok(headings.indexOf('Quân khu') < headings.indexOf('Sư đoàn'));
    assert.ok(headings.indexOf('Sư đoàn') < headings.indexOf('Trung đoàn'));
    assert.match(html, /<a href="\/don-vi\/su-doan-316\/">Sư đoàn 316<\/a> <span class="count">3 bài<\/span>/);
    assert.match(html, /<script type="module" src="\/js\/list-filter.js"><\/script>/);
  });

  test('a unit page shows kind, parent, count, date range, feed, and marks primary articles', async () => {
    const html = await page('/don-vi/trung-doan-98/');
    assert.match(html, /<dd>Trung đoàn<\/dd>/);
    assert.match(html, /<dt>Trực thuộc<\/dt><dd><a href="\/don-vi\/su-doan-316\/">Sư đoàn 316<\/a>/);
    assert.match(html, /<dd>2 bài<\/dd>/);
    assert.match(html, /<time datetime="2022-11-30">30\/11\/2022<\/time> – <time datetime="2023-03-20">20\/3\/2023<\/time>/);
    assert.match(html, /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/don-vi\/trung-doan-98\/feed.xml">/);
    assert.equal(count(html, 'class="card card-primary"'), 1, 'primary only in the Trung đoàn 98 article');
    const parent = await page('/don-vi/su-doan-316/');
    assert.match(parent, /Đơn vị trực thuộc.*<a href="\/don-vi\/trung-doan-98\/">Trung đoàn 98<\/a>/s);
  });

  test('year and month archives list their months and articles', async () => {
    const year = await page('/2022/');
    assert.match(year, /<a href="\/2022\/12\/">Tháng 12<\/a>/);
    assert.match(year, /<a href="\/2022\/11\/">Tháng 11<\/a>/);
    const month = await page('/2023/03/');
    assert.match(month, /<h1>Tháng 3 năm 2023<\/h1>/);
    assert.ok(month.includes(`href="${HUAN_LUYEN}"`) && month.includes(`href="${XAY_NHA}"`));
  });

  test('the header has a search form that works without JavaScript, on every page', async () => {
    for (const path of files.filter((f) => f.endsWith('.html'))) {
      const html = await page(path);
      assert.match(html, /<form class="site-search" role="search" action="\/tim-kiem\/" method="get">/, path);
      assert.match(html, /<label for="site-search-q">[^<]+<\/label>\s*<input id="site-search-q" name="q"/, path);
    }
  });

  test('navigation marks the current section', async () => {
    assert.match(await page('/don-vi/'), /<a href="\/don-vi\/" aria-current="page">/);
    assert.match(await page('/don-vi/su-doan-316/'), /<a href="\/don-vi\/" aria-current="true">/);
    assert.match(await page('/tac-gia/'), /<a href="\/tac-gia\/" aria-current="page">/);
    assert.match(await page('/tac-gia/dang-ninh/'), /<a href="\/tac-gia\/" aria-current="true">/);
  });
});

describe('an undated article with an estimated date', () => {
  test('its page keeps its undated URL and shows the estimate as one, with the words it was read from', async () => {
    const html = await page(ESTIMATED);
    assert.match(html, /<span class="estimated">khoảng <a href="\/2022\/12\/"><time datetime="2022-12-01">1\/12\/2022<\/time><\/a> \(ước tính từ bài\)<\/span>/);
    assert.match(html, /ước tính từ: «Sáng 1-12 … năm 2022»/);
    assert.match(html, /Bản lưu không ghi ngày đăng/);
    assert.doesNotMatch(html, /article:published_time/);
  });

  test('its JSON-LD has no datePublished (nor dateModified)', async () => {
    const html = await page(ESTIMATED);
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as Record<string, unknown>;
    assert.equal(ld['@type'], 'NewsArticle');
    assert.equal('datePublished' in ld, false);
    assert.equal('dateModified' in ld, false);
    assert.doesNotMatch(JSON.stringify(ld), /2022-12-01/);
  });

  test('its neighbours are the articles either side of its estimated date, and it is theirs', async () => {
    const html = await page(ESTIMATED);
    assert.match(html, new RegExp(`Bài trước</span> <a href="${HOI_THAO}" rel="prev">`));
    assert.match(html, new RegExp(`Bài sau</span> <a href="${HA_GIANG}" rel="next">`));
    assert.match(await page(HA_GIANG), new RegExp(`Bài trước</span> <a href="${ESTIMATED}" rel="prev">`));
    assert.match(await page(HOI_THAO), new RegExp(`Bài sau</span> <a href="${ESTIMATED}" rel="next">`));
  });

  test('it is in its month and year archives in estimated-date order, marked; not in /khong-ro-ngay/', async () => {
    const month = await page('/2022/12/');
    assert.match(month, /<p class="lead">2 bài<\/p>/);
    assert.ok(month.indexOf(`href="${HA_GIANG}"`) < month.indexOf(`href="${ESTIMATED}"`), '5 December before 1 December');
    assert.match(month, ESTIMATE_MARK);
    assert.match(await page('/2022/'), /<a href="\/2022\/12\/">Tháng 12<\/a> <span class="count">2 bài<\/span>/);
    const undated = await page('/khong-ro-ngay/');
    assert.ok(undated.includes(`href="${UNDATED}"`));
    assert.ok(!undated.includes(`href="${ESTIMATED}"`));
    assert.match(undated, /<p class="lead">[^<]* 1 bài\.<\/p>/);
  });

  test('its units list it by the estimated date, marked', async () => {
    const unit = await page('/don-vi/su-doan-316/');
    assert.ok(unit.indexOf(`href="${HUAN_LUYEN}"`) < unit.indexOf(`href="${ESTIMATED}"`));
    assert.ok(unit.indexOf(`href="${ESTIMATED}"`) < unit.indexOf(`href="${HOI_THAO}"`));
    assert.match(unit, ESTIMATE_MARK);
  });
});

describe('authors', () => {
  test('bylines keep their printed text, the names linking to the author pages; a rank stays unlinked', async () => {
    assert.match(await page(ESTIMATED), /<p class="article-byline">Tin, ảnh: <a href="\/tac-gia\/dang-ninh\/">ĐĂNG NINH<\/a><\/p>/);
    assert.match(
      await page(HOI_THAO),
      /<p class="article-byline">Đại úy <a href="\/tac-gia\/dang-ninh\/">Đăng Ninh<\/a>, <a href="\/tac-gia\/thu-hoa\/">Thu Hoà<\/a><\/p>/,
    );
    assert.match(await page(HA_GIANG), /<a href="\/tac-gia\/pham-minh-duc\/">Phạm Minh Đức<\/a> - <a href="\/tac-gia\/thu-hoa\/">THU HÒA<\/a>/);
  });

  test('a byline that does not print a name as extracted stays whole, the author links beside it', async () => {
    const html = await page(UNDATED);
    assert.match(html, /<p class="article-byline">Bài, ảnh: Hoàng Văn Em<\/p>\s*<p class="article-authors">Tác giả: <a href="\/tac-gia\/hoang-van-em\/">Hoàng Văn Em<\/a><\/p>/);
  });

  test('/tac-gia/ lists every author once by canonical name, in Vietnamese collation, with counts and a filter', async () => {
    const html = await page('/tac-gia/');
    const names = [...html.matchAll(/<li data-filter-name="[^"]*"><a href="[^"]+">([^<]+)<\/a> <span class="count">(\d+) bài/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(names, [
      'Đăng Ninh 2',
      'Hoàng Văn Em 1',
      'Lê Văn Cường 1',
      'Nguyễn Văn An 1',
      'Phạm Minh Đức 1',
      'Thu Hòa 2',
      'Trần Thị Bình 1',
      'Vũ Thị Giang 1',
    ]);
    // Đ is a letter of its own, after D.
    assert.match(html, /<h2 id="letter-1">Đ <span class="count">\(1\)<\/span><\/h2>/);
    assert.match(html, /<script type="module" src="\/js\/list-filter.js"><\/script>/);
    assert.match(html, /<input id="author-filter-input" type="search"/);
  });

  test('an author page merges the spellings, lists the articles newest first, links its feed', async () => {
    const html = await page('/tac-gia/dang-ninh/');
    assert.match(html, /<h1>Đăng Ninh<\/h1>/);
    assert.match(html, /<dd><span class="printed-name">Đăng Ninh<\/span>, <span class="printed-name">ĐĂNG NINH<\/span><\/dd>/);
    assert.match(html, /<dd>2 bài<\/dd>/);
    assert.ok(html.indexOf(`href="${ESTIMATED}"`) > 0 && html.indexOf(`href="${ESTIMATED}"`) < html.indexOf(`href="${HOI_THAO}"`));
    assert.match(html, ESTIMATE_MARK);
    assert.match(html, /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/tac-gia\/dang-ninh\/feed.xml">/);
    assert.match(html, /<a href="\/tac-gia\/dang-ninh\/feed.xml">/);
  });

  test('the header links the authors directory on every page', async () => {
    for (const path of files.filter((f) => f.endsWith('.html'))) {
      assert.match(await page(path), /<li><a href="\/tac-gia\/"/, path);
    }
  });
});

describe('statistics and glossary', () => {
  test('/thong-ke/ counts dated, estimated and undated articles apart; top authors by canonical name link to their pages', async () => {
    const html = await page('/thong-ke/');
    assert.match(html, /<dt>Bài có ngày đăng<\/dt><dd>5<\/dd>/);
    assert.match(html, /<dt>Bài có ngày ước tính từ nội dung<\/dt><dd>1<\/dd>/);
    assert.match(html, /<dt>Bài không rõ ngày<\/dt><dd>1<\/dd>/);
    assert.match(html, /<dt>Tác giả<\/dt><dd>8<\/dd>/);
    const top = html.slice(html.indexOf('id="authors-heading"'));
    assert.match(top, /<li><a href="\/tac-gia\/dang-ninh\/">Đăng Ninh<\/a>: 2 bài<\/li>/);
    assert.match(top, /<li><a href="\/tac-gia\/thu-hoa\/">Thu Hòa<\/a>: 2 bài<\/li>/);
    assert.doesNotMatch(top, /ĐĂNG NINH|Thu Hoà|THU HÒA/);
  });

  test('/thong-ke/ draws inline SVG charts and shows the report counts', async () => {
    const html = await page('/thong-ke/');
    assert.equal(count(html, '<svg class="chart" role="img"'), 3);
    assert.match(html, /<dt>Bản lưu bị loại<\/dt><dd>3<\/dd>/);
    assert.match(html, /<dt>Bài không rõ ngày<\/dt><dd>1<\/dd>/);
    assert.match(html, /<dt>Bản lưu bị cắt<\/dt><dd>1<\/dd>/);
    assert.match(html, /<dt>Bản lưu trùng đã gộp<\/dt><dd>1<\/dd>/);
    assert.doesNotMatch(html, /<script\b(?! type="application\/ld\+json")/);
  });

  test('/thuat-ngu/ lists the glossary', async () => {
    const html = await page('/thuat-ngu/');
    assert.match(html, /<abbr title="Đoàn Kinh tế – Quốc phòng|<abbr title="Kinh tế – Quốc phòng">KT-QP<\/abbr>/);
    assert.match(html, /<td>Quân khu 2<\/td>/);
  });
});

describe('feeds, sitemap, robots', () => {
  test('/feed.xml is Atom with absolute URLs, newest first, no undated entry', async () => {
    const xml = await page('/feed.xml');
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    const links = [...xml.matchAll(/<entry>\s*<title>[^<]*<\/title>\s*<link href="([^"]+)"\/>/g)].map((m) => m[1]);
    assert.deepEqual(links, [XAY_NHA, HUAN_LUYEN, HA_GIANG, ESTIMATED, HOI_THAO, '/2021/07/01/benh-vien-quan-y-109-kham-benh-mien-phi-cho-nhan-dan/'].map((u) => SITE_URL + u));
    assert.ok(!xml.includes(UNDATED), 'an article with neither date nor estimate is in no feed');
  });

  test('an estimated article in a feed has no published date; its updated is the crawl time, the estimate marked in content', async () => {
    const xml = await page('/feed.xml');
    const entry = xml.slice(xml.indexOf(`<link href="${SITE_URL}${ESTIMATED}"/>`), xml.indexOf('</entry>', xml.indexOf(ESTIMATED)));
    assert.doesNotMatch(entry, /<published>/);
    assert.match(entry, /<updated>2024-07-22T07:30:00\+07:00<\/updated>/);
    assert.match(entry, /<content type="html">&lt;p&gt;khoảng 1\/12\/2022 \(ước tính từ bài\)&lt;\/p&gt;/);
    assert.equal(count(xml, '<published>'), 5, 'every dated entry keeps its published date');
    // The feed changed last when that article's text was taken.
    assert.match(xml, /^\s*<updated>2024-07-22T07:30:00\+07:00<\/updated>/m);
  });

  test('an author feed lists the author\'s articles, with the author', async () => {
    const xml = await page('/tac-gia/dang-ninh/feed.xml');
    assert.equal(count(xml, '<entry>'), 2);
    assert.match(xml, new RegExp(`<link href="${SITE_URL}/tac-gia/dang-ninh/feed.xml" rel="self"`));
    assert.match(xml, new RegExp(`<author><name>Đăng Ninh</name><uri>${SITE_URL}/tac-gia/dang-ninh/</uri></author>`));
    assert.equal(count(xml, '<published>'), 1, 'the estimated one has none');
  });

  test('a unit feed lists its articles', async () => {
    const xml = await page('/don-vi/trung-doan-98/feed.xml');
    assert.equal(count(xml, '<entry>'), 2);
    assert.match(xml, new RegExp(`<link href="${SITE_URL}/don-vi/trung-doan-98/feed.xml" rel="self"`));
  });

  test('/sitemap.xml lists every page with absolute URLs', async () => {
    const xml = await page('/sitemap.xml');
    const locs = new Set([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    for (const path of files.filter((f) => f.endsWith('/index.html'))) {
      assert.ok(locs.has(SITE_URL + path.replace(/index\.html$/, '')), path);
    }
  });

  test('robots.txt points at the sitemap', async () => {
    assert.match(await page('/robots.txt'), new RegExp(`Sitemap: ${SITE_URL}/sitemap.xml`));
  });
});

describe('under a path prefix', () => {
  let prefixed: BuiltSite;
  before(async () => {
    prefixed = await buildFixtureSite({ pathPrefix: '/luu-tru/', siteUrl: SITE_URL });
  });
  after(() => prefixed.remove());

  test('every site-relative link, asset and form action starts with the prefix', async () => {
    const pages = (await siteFiles(prefixed.dir)).filter((f) => f.endsWith('.html'));
    for (const path of pages) {
      const html = await readSiteFile(prefixed.dir, path);
      for (const [, url] of html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
        if (url!.startsWith('#')) continue;
        assert.ok(url!.startsWith('/luu-tru/') || url!.startsWith(`${SITE_URL}/luu-tru/`), `${path}: ${url}`);
      }
    }
  });

  test('feeds, sitemap and robots.txt use the prefix', async () => {
    const feed = await readSiteFile(prefixed.dir, '/feed.xml');
    for (const [, url] of feed.matchAll(/href="([^"]+)"/g)) assert.ok(url!.startsWith(`${SITE_URL}/luu-tru/`), url);
    const sitemap = await readSiteFile(prefixed.dir, '/sitemap.xml');
    for (const [, url] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) assert.ok(url!.startsWith(`${SITE_URL}/luu-tru/`), url);
    assert.match(await readSiteFile(prefixed.dir, '/robots.txt'), /Sitemap: https:\/\/luutru.example.vn\/luu-tru\/sitemap.xml/);
  });
});

describe('pagination at the pinned URLs', () => {
  let many: BuiltSite;
  let content: string;
  let manyFiles: string[];
  before(async () => {
    content = await tempDir('qk2-many-');
    await writeManyArticles(content, 75, { author: 'TRẦN HÀO' });
    many = await buildFixtureSite({ contentDir: content });
    manyFiles = await siteFiles(many.dir);
  });
  after(async () => {
    await many.remove();
    await rm(content, { recursive: true, force: true });
  });

  test('home / and /trang/1/ … /trang/2/ counted from the oldest, unit /don-vi/<slug>/trang/N/; a month under 50 is one page', () => {
    // 75 articles, 20 a page: /trang/1/ the oldest 20, /trang/2/ the next 20, the front page the newest 35.
    for (const path of ['/index.html', '/trang/1/index.html', '/trang/2/index.html']) assert.ok(manyFiles.includes(path), path);
    assert.ok(!manyFiles.includes('/trang/3/index.html'));
    for (const n of [1, 2]) assert.ok(manyFiles.includes(`/don-vi/tieu-doan-3/trang/${n}/index.html`), `unit page ${n}`);
    // Author pages are paginated by the same rule as unit pages, and have their feed.
    for (const n of [1, 2]) assert.ok(manyFiles.includes(`/tac-gia/tran-hao/trang/${n}/index.html`), `author page ${n}`);
    assert.ok(!manyFiles.includes('/tac-gia/tran-hao/trang/3/index.html'));
    assert.ok(manyFiles.includes('/tac-gia/tran-hao/feed.xml'));
    // 31 articles in January 2020: month pages hold 50.
    assert.ok(manyFiles.includes('/2020/01/index.html'));
    assert.ok(!manyFiles.includes('/2020/01/trang/1/index.html'));
  });

  test('the page navigation marks the current page and links its neighbours; a numbered page shows no counts', async () => {
    const html = await readSiteFile(many.dir, '/trang/2/index.html');
    assert.match(html, /<nav class="pagination" aria-label="Phân trang">/);
    assert.match(html, /<a href="\/" rel="prev">Mới hơn</);
    assert.match(html, /<a href="\/trang\/1\/" rel="next">Cũ hơn</);
    assert.match(html, /<a href="\/trang\/2\/" aria-current="page">/);
    assert.match(html, /<title>Tất cả tin bài · Trang 2/);
    // Newest first: page 2 holds articles 21 to 40 counted from the oldest.
    assert.ok(html.indexOf('ngày thứ 40<') < html.indexOf('ngày thứ 21<'));
    assert.ok(!html.includes('ngày thứ 41<') && !html.includes('ngày thứ 20<'));
    assert.doesNotMatch(html, /year-list/);
    const front = await readSiteFile(many.dir, '/index.html');
    assert.ok(front.includes('ngày thứ 75<') && front.includes('ngày thứ 41<') && !front.includes('ngày thứ 40<'));
    assert.match(front, /year-list/);
    assert.match(front, /<a href="\/trang\/2\/" rel="next">/);
    const unitPage = await readSiteFile(many.dir, '/don-vi/tieu-doan-3/trang/1/index.html');
    assert.doesNotMatch(unitPage, /unit-facts/);
  });
});
