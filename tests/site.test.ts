/** The site's pure parts: dates, escaping, Markdown, glossary, charts, pagination and the archive model. */
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { FrontMatterError, type FrontMatter } from '../src/schema.ts';
import {
  ArchiveError,
  articleUrl,
  buildArchive,
  linkByline,
  pageLinks,
  paginate,
  readContent,
  type ContentFile,
} from '../src/site/archive.ts';
import { authorInitial, authorSlugs, canonicalAuthor, canonicalAuthors } from '../src/site/authors.ts';
import { fillMonths, monthColumns, rankedBars } from '../src/site/charts.ts';
import { absoluteUrl, normalizePathPrefix, readSiteConfig } from '../src/site/config.ts';
import { crawlTime, rfc3339, shortDate, vietnameseDate } from '../src/site/dates.ts';
import { abbreviationPattern, glossary, glossaryEntries } from '../src/site/glossary.ts';
import { newsArticle, scriptSafeJson } from '../src/site/jsonLd.ts';
import { renderBody } from '../src/site/markdown.ts';
import { readingMinutes } from '../src/site/readingTime.ts';
import { plainUnitDirectory, type UnitDirectory } from '../src/site/unitDirectory.ts';
import { unitDirectory } from '../src/site/units.ts';
import { prefixUrl } from '../src/site/url.ts';
import { tempDir } from './support/tmp.ts';

describe('dates: calendar dates in Vietnam, formatted by luxon', () => {
  for (const [date, long, short] of [
    ['2023-03-20', 'Thứ Hai, ngày 20 tháng 3 năm 2023', '20/3/2023'],
    ['2024-02-29', 'Thứ Năm, ngày 29 tháng 2 năm 2024', '29/2/2024'],
    ['2021-01-03', 'Chủ Nhật, ngày 3 tháng 1 năm 2021', '3/1/2021'],
    ['2019-12-31', 'Thứ Ba, ngày 31 tháng 12 năm 2019', '31/12/2019'],
  ] as const) {
    test(`${date} → ${long}`, () => {
      assert.equal(vietnameseDate(date), long);
      assert.equal(shortDate(date), short);
    });
  }
  test('the day never shifts with the machine: a date is the start of that day in Vietnam', () => {
    assert.equal(rfc3339('2023-03-20'), '2023-03-20T00:00:00+07:00');
    assert.equal(rfc3339('2024-07-19T12:54:42+07:00'), '2024-07-19T12:54:42+07:00');
  });
  test('crawl times read in Vietnam time, whatever zone they were written in', () => {
    assert.equal(crawlTime('2024-07-19T12:54:42+07:00'), '12:54 ngày 19/7/2024');
    assert.equal(crawlTime('2024-07-19T20:30:00Z'), '03:30 ngày 20/7/2024');
  });
  test("every day of 1900–2100 reads as luxon's `vi` formats print it", () => {
    const long = "cccc, 'ngày' d 'tháng' M 'năm' yyyy";
    for (let day = DateTime.fromISO('1900-01-01', { zone: 'utc' }); day.year <= 2100; day = day.plus({ days: 1 })) {
      const date = day.toISODate()!;
      const vi = day.setLocale('vi');
      if (vietnameseDate(date) !== vi.toFormat(long) || shortDate(date) !== vi.toFormat('d/M/yyyy')) {
        assert.fail(`${date}: ${vietnameseDate(date)} / ${shortDate(date)} ≠ ${vi.toFormat(long)} / ${vi.toFormat('d/M/yyyy')}`);
      }
    }
  });
  test("crawl times read as luxon's zone rules read them, 1970–2100, any offset", () => {
    const offsets = ['Z', '+07:00', '+00:00', '-05:00', '+09:30', '+14:00', '-12:00'];
    let seed = 7;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const instants = [Date.UTC(1975, 5, 12, 16, 59, 59), Date.UTC(1975, 5, 12, 17), Date.UTC(1975, 5, 13), Date.UTC(1975, 5, 13, 0, 0, 1)];
    for (let i = 0; i < 20_000; i++) instants.push(Date.UTC(1970, 0, 1) + Math.floor(random() * 130 * 365.25 * 86_400_000));
    for (const [i, ms] of instants.entries()) {
      const offset = offsets[i % offsets.length]!;
      const zoned = offset === 'Z' ? DateTime.fromMillis(ms, { zone: 'utc' }) : DateTime.fromMillis(ms, { zone: `UTC${offset}` });
      const iso = zoned.toISO({ suppressMilliseconds: true })!.replace(/\+00:00$/, offset === 'Z' ? 'Z' : '+00:00');
      const expected = DateTime.fromISO(iso, { setZone: true }).setZone('Asia/Ho_Chi_Minh').setLocale('vi').toFormat("HH:mm 'ngày' d/M/yyyy");
      if (crawlTime(iso) !== expected) assert.fail(`${iso}: ${crawlTime(iso)} ≠ ${expected}`);
    }
  });
  for (const bad of ['2023-02-30', '2023-13-01', '2023-00-10', '2023-3-20', 'hôm qua', '']) {
    test(`${JSON.stringify(bad)} is not a date`, () => assert.throws(() => vietnameseDate(bad), /invalid calendar date/));
  }
});

describe('JSON-LD is safe inside <script>', () => {
  const tricky = 'Tiêu đề </script><script>alert(1)</script> & <!-- \u2028 \u2029';
  test('no <, > or & survives, and the JSON still means the same', () => {
    const json = scriptSafeJson({ headline: tricky });
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(json), { headline: tricky });
  });
  test('a NewsArticle names its headline, date, authors, publisher and the units it is about', () => {
    const ld = newsArticle({
      url: 'https://x.vn/2023/03/20/a/',
      title: 'Sư đoàn 316 huấn luyện',
      summary: 'Tóm tắt',
      date: '2023-03-20',
      authors: [{ name: 'Nguyễn Văn An', url: 'https://x.vn/tac-gia/nguyen-van-an/' }],
      units: [{ name: 'Sư đoàn 316', url: 'https://x.vn/don-vi/su-doan-316/' }],
      publisher: 'Lưu trữ',
      publisherUrl: 'https://x.vn/',
    });
    assert.equal(ld['@type'], 'NewsArticle');
    assert.equal(ld.headline, 'Sư đoàn 316 huấn luyện');
    assert.equal(ld.datePublished, '2023-03-20');
    assert.deepEqual(ld.author, [{ '@type': 'Person', name: 'Nguyễn Văn An', url: 'https://x.vn/tac-gia/nguyen-van-an/' }]);
    assert.deepEqual(ld.about, [{ '@type': 'Organization', name: 'Sư đoàn 316', url: 'https://x.vn/don-vi/su-doan-316/' }]);
  });
  test('an undated article has no datePublished', () => {
    const ld = newsArticle({ url: 'u', title: 't', summary: '', authors: [], units: [], publisher: 'p', publisherUrl: 'p' });
    assert.equal('datePublished' in ld, false);
    assert.equal('author' in ld, false);
  });
});

describe('article Markdown', () => {
  // What ingest writes → what the page shows.
  const cases: Array<[string, string, string]> = [
    ['a caption container is a figure caption', '::: caption\nChiến sĩ luyện tập.\n:::', '<figure class="caption">\n<figcaption>Chiến sĩ luyện tập.</figcaption>\n</figure>\n'],
    ['an unclosed container is shown as written', '::: caption\nChưa đóng', '<p>::: caption\nChưa đóng</p>\n'],
    ['HTML in a dump is text', '<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n'],
    ['escaped list markers stay text', '1\\. Một\n\n\\- Hai', '<p>1. Một</p>\n<p>- Hai</p>\n'],
    ['addresses are not turned into links', 'Xem https://qk2.vn nhé', '<p>Xem https://qk2.vn nhé</p>\n'],
    ['quotes and dashes are not made typographic', '"Đại đoàn kết" -- (c)', '<p>&quot;Đại đoàn kết&quot; -- (c)</p>\n'],
  ];
  for (const [name, markdown, html] of cases) test(name, () => assert.equal(renderBody(markdown), html));

  test('an abbreviation is explained on its first use only, per article', () => {
    const html = renderBody('QK2 - Đoàn KT-QP 356, QK2 lại.\n\n::: caption\nQK2 và KT-QP\n:::');
    assert.equal(html.split('<abbr title="Quân khu 2">QK2</abbr>').length - 1, 1);
    assert.equal(html.split('<abbr title="Kinh tế – Quốc phòng">KT-QP</abbr>').length - 1, 1);
    assert.match(renderBody('QK2'), /<abbr title="Quân khu 2">QK2<\/abbr>/, 'a new article starts afresh');
  });
});

describe('glossary', () => {
  test('has every abbreviation the issues name, each with an expansion', () => {
    for (const abbr of ['QK2', 'CTĐ', 'CTCT', 'VMTD', 'TSVM', 'SSCĐ', 'KT-QP', 'QNCN', 'HSQ-BS', 'VKTBKT', 'ANCT', 'BCHQS', 'CHQS', 'BĐBP', 'LLVT', 'DQTV', 'QĐND']) {
      assert.ok(glossary.get(abbr), abbr);
    }
    assert.equal(glossaryEntries().length, glossary.size);
  });
  // An abbreviation is a whole word, the longest one wins.
  for (const [text, found] of [
    ['QK2 - Sáng nay', ['QK2']],
    ['QK21 và AQK2', []],
    ['HLSSCĐ', ['HLSSCĐ']],
    ['Đoàn KT-QP 356', ['KT-QP']],
    ['KT-QPX', []],
    ['(CTĐ, CTCT)', ['CTĐ', 'CTCT']],
    ['Bộ CHQS, BCHQS', ['CHQS', 'BCHQS']],
  ] as const) {
    test(`${JSON.stringify(text)} → ${found.join(', ') || 'nothing'}`, () => {
      assert.deepEqual([...text.matchAll(abbreviationPattern())].map((m) => m[0]), found);
    });
  }
});

describe('small helpers', () => {
  for (const [words, minutes] of [[0, 1], [100, 1], [500, 2], [1300, 5]] as const) {
    test(`${words} words read in ${minutes} min`, () => assert.equal(readingMinutes('chữ '.repeat(words)), minutes));
  }
  for (const [input, prefix] of [['', '/'], ['/', '/'], ['luu-tru', '/luu-tru/'], ['/luu-tru', '/luu-tru/'], ['/a/b/', '/a/b/']] as const) {
    test(`PATH_PREFIX=${JSON.stringify(input)} → ${prefix}`, () => assert.equal(normalizePathPrefix(input), prefix));
  }
  test('site configuration from the environment, with defaults', () => {
    const config = readSiteConfig({ SITE_URL: 'https://x.vn/', PATH_PREFIX: 'luu-tru' });
    assert.equal(config.siteUrl, 'https://x.vn');
    assert.equal(config.pathPrefix, '/luu-tru/');
    assert.equal(absoluteUrl(config, '/2023/'), 'https://x.vn/luu-tru/2023/');
    assert.equal(readSiteConfig({}).contentDir, '.build/content');
  });
  test('months without articles are drawn as zero, across a year boundary', () => {
    assert.deepEqual(fillMonths([{ month: '2023-02', count: 1 }, { month: '2022-11', count: 3 }]), [
      { month: '2022-11', count: 3 },
      { month: '2022-12', count: 0 },
      { month: '2023-01', count: 0 },
      { month: '2023-02', count: 1 },
    ]);
  });
  test('charts are labelled images and escape their labels', () => {
    const svg = rankedBars([{ label: 'Đoàn <KT-QP> & 356', value: 4 }], 'Đơn vị', 'c1');
    assert.match(svg, /^<svg class="chart" role="img" aria-labelledby="c1"/);
    assert.match(svg, /Đoàn &lt;KT-QP&gt; &amp; 356/);
    assert.match(monthColumns([{ month: '2023-01', count: 2 }], 'Theo tháng', 'c2'), /<title id="c2">Theo tháng<\/title>/);
  });
});

describe('pagination: numbered from the oldest end', () => {
  const url = (n: number) => (n === 0 ? '/p/' : `/p/${n}/`);
  const shown = (links: ReturnType<typeof pageLinks>) => links.map((l) => (l.kind === 'number' ? l.number : l.kind));
  test('newest first: the front page, two either side of the current page, page 1, gaps between', () => {
    assert.deepEqual(shown(pageLinks(50, 100, url)), ['front', 'gap', 52, 51, 50, 49, 48, 'gap', 1]);
    assert.deepEqual(shown(pageLinks(0, 100, url)), ['front', 100, 99, 98, 'gap', 1]);
    assert.deepEqual(shown(pageLinks(2, 3, url)), ['front', 3, 2, 1]);
    const current = (links: ReturnType<typeof pageLinks>) => shown(links.filter((l) => 'current' in l && l.current));
    assert.deepEqual(current(pageLinks(50, 100, url)), [50]);
    assert.deepEqual(current(pageLinks(0, 100, url)), ['front']);
  });
  test("a page's links do not depend on how many pages are above it, but for the three newest", () => {
    for (const page of [1, 2, 40, 97]) assert.deepEqual(pageLinks(page, 100, url), pageLinks(page, 101, url), `page ${page}`);
    assert.notDeepEqual(pageLinks(98, 100, url), pageLinks(98, 101, url));
  });
  test('the front page holds the newest that fill no numbered page; /trang/N/ holds N·size counted from the oldest', () => {
    const pages = paginate([9, 8, 7, 6, 5, 4, 3, 2, 1], 2, '/don-vi/x/');
    assert.deepEqual(pages.map((p) => [p.url, p.number, p.items]), [
      ['/don-vi/x/', undefined, [9, 8, 7]],
      ['/don-vi/x/trang/3/', 3, [6, 5]],
      ['/don-vi/x/trang/2/', 2, [4, 3]],
      ['/don-vi/x/trang/1/', 1, [2, 1]],
    ]);
    assert.equal(pages[0]!.previousUrl, undefined);
    assert.equal(pages[0]!.nextUrl, '/don-vi/x/trang/3/');
    assert.equal(pages[1]!.previousUrl, '/don-vi/x/');
    assert.equal(pages[2]!.previousUrl, '/don-vi/x/trang/3/');
    assert.equal(pages[2]!.nextUrl, '/don-vi/x/trang/1/');
    assert.equal(pages[3]!.nextUrl, undefined);
  });
  test('a full page never changes when newer items arrive', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => n - i);
    for (let n = 0; n <= 60; n++) {
      const before = new Map(paginate(items(n), 5, '/').map((p) => [p.url, p]));
      const after = paginate(items(n + 1), 5, '/');
      for (const page of after) {
        const old = before.get(page.url);
        // Numbered pages below the three newest are the same, links and all; the others keep their items.
        if (!old || !page.number) continue;
        assert.deepEqual(page.items, old.items, `${n}: ${page.url}`);
        if (page.number < after.length - 4) assert.deepEqual(page, old, `${n}: ${page.url}`);
      }
      // The front page holds size … 2·size−1 items (all of a shorter list), every item once.
      const front = after[0]!.items.length;
      assert.ok(n + 1 < 10 ? front === n + 1 : front >= 5 && front < 10, `${n + 1}: front ${front}`);
      assert.deepEqual(after.flatMap((p) => p.items), items(n + 1));
    }
  });
  test('an empty list, or one shorter than two pages, is its front page alone', () => {
    assert.deepEqual(paginate([], 20, '/khong-ro-ngay/').map((p) => [p.url, p.links.length]), [['/khong-ro-ngay/', 0]]);
    assert.deepEqual(paginate(Array.from({ length: 39 }, (_, i) => i), 20, '/').map((p) => p.items.length), [39]);
    assert.deepEqual(paginate(Array.from({ length: 40 }, (_, i) => i), 20, '/').map((p) => p.items.length), [20, 20]);
  });
});

function article(slug: string, fm: Partial<FrontMatter> = {}, body = 'Nội dung.'): ContentFile {
  const frontMatter: FrontMatter = { title: slug, summary: '', authors: [], units: [], captions: [], source: `${slug}.txt`, slug, ...fm };
  // Any hash that changes with the file will do here.
  return { file: `${slug}.md`, hash: JSON.stringify([frontMatter, body]), frontMatter, body };
}

describe('the archive model', () => {
  const content = [
    article('b', { date: '2023-03-20', title: 'Sư đoàn diễn tập', units: ['Sư đoàn 316', 'Quân khu 2'], authors: ['An'] }),
    article('a', { date: '2023-03-20', title: 'Đoàn KT-QP giúp dân', units: ['Đoàn KT-QP 356', 'Quân khu 2'], authors: ['An', 'Bình'] }),
    article('c', { date: '2022-01-05', title: 'Trung đoàn huấn luyện', units: ['Trung đoàn 98', 'Sư đoàn 316'], truncated: true }),
    article('u', { title: 'Không ngày', units: ['Sư đoàn 316'], crawledAt: '2024-01-01T08:00:00+07:00', sources: ['u.txt', 'u2.txt'] }),
    article('d', { date: '2023-04-01', title: 'Mới nhất', units: ['Quân khu 2'] }),
  ];
  const archive = buildArchive(content, { units: plainUnitDirectory, homePageSize: 2 });
  const urls = archive.articles.map((a) => a.url);

  test('URLs: /YYYY/MM/DD/<slug>/, undated under /khong-ro-ngay/', () => {
    assert.equal(articleUrl({ date: '2023-03-20', slug: 'x' }), '/2023/03/20/x/');
    assert.equal(articleUrl({ slug: 'x' }), '/khong-ro-ngay/x/');
  });
  test('newest first; the same day in Vietnamese collation (Đ before S); undated last', () => {
    assert.deepEqual(urls, ['/2023/04/01/d/', '/2023/03/20/a/', '/2023/03/20/b/', '/2022/01/05/c/', '/khong-ro-ngay/u/']);
  });
  test('older and newer by date; undated articles have neither', () => {
    const [d, a, , c, u] = archive.articles;
    assert.equal(d!.newer, undefined);
    assert.equal(d!.older?.url, '/2023/03/20/a/');
    assert.equal(a!.newer?.url, '/2023/04/01/d/');
    assert.equal(c!.older, undefined, 'the next one is undated');
    assert.equal(u!.older, undefined);
    assert.equal(u!.newer, undefined);
  });
  test('related: most shared units first, then the nearest in its units, then newer; never itself', () => {
    const b = archive.articles[2]!;
    // a and c are next to b in Quân khu 2's and Sư đoàn 316's lists, d and u one further.
    assert.deepEqual(b.related.map((r) => r.url), ['/2023/03/20/a/', '/2022/01/05/c/', '/2023/04/01/d/', '/khong-ro-ngay/u/']);
    const c = archive.articles[3]!;
    assert.deepEqual(c.related.map((r) => r.url)[0], '/2023/03/20/b/');
    for (const a of archive.articles) assert.ok(!a.related.some((r) => r.url === a.url));
  });
  test('related stays within its bound', () => {
    const many = Array.from({ length: 30 }, (_, i) => article(`x${i}`, { date: `2020-01-${String(i + 1).padStart(2, '0')}`, units: ['Quân khu 2'] }));
    const big = buildArchive(many, { units: plainUnitDirectory, relatedSize: 4 });
    for (const a of big.articles) assert.equal(a.related.length, 4);
    // The oldest: the four next to it in time, not the archive's newest.
    assert.deepEqual(big.articles[29]!.related.map((r) => r.url), ['/2020/01/02/x1/', '/2020/01/03/x2/', '/2020/01/04/x3/', '/2020/01/05/x4/']);
    assert.deepEqual(big.articles[15]!.related.map((r) => r.url), ['/2020/01/16/x15/', '/2020/01/14/x13/', '/2020/01/17/x16/', '/2020/01/13/x12/']);
  });
  test('home pages of the requested size', () => {
        // Dated articles only: the undated one is on /khong-ro-ngay/.
    assert.deepEqual(archive.homePages.map((p) => [p.url, p.items.length]), [['/', 2], ['/trang/1/', 2]]);
  });
  test('unit lists: newest first, primary marked, counts and date range', () => {
    const unit = archive.units.find((u) => u.name === 'Sư đoàn 316')!;
    assert.equal(unit.url, '/don-vi/su-doan-316/');
    assert.deepEqual(unit.articles.map((x) => [x.article.url, x.primary]), [
      ['/2023/03/20/b/', true],
      ['/2022/01/05/c/', false],
      ['/khong-ro-ngay/u/', true],
    ]);
    assert.equal(unit.count, 3);
    assert.equal(unit.primaryCount, 2);
    assert.equal(unit.firstDate, '2022-01-05');
    assert.equal(unit.lastDate, '2023-03-20');
    assert.deepEqual(unit.feed.map((a) => a.url), ['/2023/03/20/b/', '/2022/01/05/c/'], 'feeds carry dated articles only');
  });
  test('years and months, newest first', () => {
    assert.deepEqual(archive.years.map((y) => [y.url, y.count, y.months.map((m) => m.url)]), [
      ['/2023/', 3, ['/2023/04/', '/2023/03/']],
      ['/2022/', 1, ['/2022/01/']],
    ]);
    assert.equal(archive.monthPages.find((p) => p.url === '/2023/03/')?.month.label, 'Tháng 3 năm 2023');
  });
  test('statistics count undated, truncated, merged, units and authors', () => {
    const s = archive.statistics;
    assert.deepEqual([s.articles, s.dated, s.undated, s.truncated, s.merged, s.units, s.authors], [5, 4, 1, 1, 1, 4, 2]);
    assert.deepEqual(s.topAuthors, [
      { name: 'An', url: '/tac-gia/an/', count: 2 },
      { name: 'Bình', url: '/tac-gia/binh/', count: 1 },
    ]);
    assert.deepEqual(s.perMonth.map((m) => m.month), ['2022-01', '2023-03', '2023-04']);
  });
  test('the feed holds the newest dated articles', () => {
    assert.deepEqual(archive.feed.map((a) => a.url), urls.slice(0, 4));
  });
  test('two articles at one URL is an error naming both files', () => {
    assert.throws(
      () => buildArchive([article('x', { date: '2023-01-01' }), { ...article('x', { date: '2023-01-01' }), file: 'y.md' }], { units: plainUnitDirectory }),
      (e: unknown) => e instanceof ArchiveError && /\/2023\/01\/01\/x\/: x\.md and y\.md/.test(e.message),
    );
  });
  test('units whose names slugify alike get distinct slugs', () => {
    const clash = buildArchive([article('s', { units: ['Đồn Biên phòng Sà Phìn', 'Đồn Biên phòng Sa Phìn'] })], { units: unitDirectory });
    const slugs = clash.units.map((u) => u.slug);
    assert.equal(new Set(slugs).size, 2);
    assert.ok(slugs.includes('don-bien-phong-sa-phin'));
  });
  test('the sitemap becomes an index of parts above the part size', () => {
    const small = buildArchive(content, { units: plainUnitDirectory, sitemapPartSize: 10 });
    const [index, ...parts] = small.sitemap;
    assert.equal(index!.kind, 'index');
    assert.equal(index!.url, '/sitemap.xml');
    assert.ok(parts.length >= 2);
    for (const part of parts) assert.ok(part.kind === 'urlset' && part.entries.length <= 10);
    const all = parts.flatMap((p) => (p.kind === 'urlset' ? p.entries.map((e) => e.url) : []));
    for (const url of urls) assert.ok(all.includes(url), url);
    assert.equal(buildArchive(content, { units: plainUnitDirectory }).sitemap.length, 1);
  });
  test('units are grouped by kind in the directory order, Vietnamese collation inside a kind', () => {
    const directory: UnitDirectory = {
      kinds: ['quan-khu', 'su-doan'],
      kindLabel: (k) => k,
      describe: (name) => ({ kind: name.startsWith('Quân khu') ? 'quan-khu' : name.startsWith('Sư đoàn') ? 'su-doan' : 'khac' }),
      slugs: plainUnitDirectory.slugs,
    };
    const units = ['Sư đoàn 355', 'Sư đoàn 31', 'Đoàn KT-QP 356', 'Quân khu 2', 'Sư đoàn 316', 'Bệnh viện 109'];
    const grouped = buildArchive([article('g', { units })], { units: directory }).unitKinds;
    assert.deepEqual(grouped.map((g) => [g.kind, g.units.map((u) => u.name)]), [
      ['quan-khu', ['Quân khu 2']],
      ['su-doan', ['Sư đoàn 31', 'Sư đoàn 316', 'Sư đoàn 355']],
      ['khac', ['Bệnh viện 109', 'Đoàn KT-QP 356']],
    ]);
  });
});

describe('reading content files', () => {
  test('front matter is validated: a bad file fails the build with its name', async () => {
    const dir = await tempDir('qk2-content-');
    try {
      await writeFile(join(dir, 'ok.md'), '---\ntitle: "Bài"\nslug: "bai"\nsource: "bai.txt"\ndate: 2023-03-20\n---\nNội dung.\n');
      assert.equal(readContent(dir)[0]!.frontMatter.date, '2023-03-20', 'an unquoted YAML date is read as the calendar date');
      await writeFile(join(dir, 'bad.md'), '---\ntitle: "Bài"\nslug: "Không hợp lệ"\nsource: "x.txt"\n---\n');
      assert.throws(() => readContent(dir), (e: unknown) => e instanceof FrontMatterError && e.file === 'bad.md' && e.key === 'slug');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the url filter', () => {
  for (const [url, prefix, out] of [
    ['/don-vi/', '/', '/don-vi/'],
    ['/don-vi/', '/luu-tru/', '/luu-tru/don-vi/'],
    ['/', '/luu-tru/', '/luu-tru/'],
    ['https://x.vn/a/', '/luu-tru/', 'https://x.vn/a/'],
    ['//cdn.example/a', '/luu-tru/', '//cdn.example/a'],
    ['#main', '/luu-tru/', '#main'],
    ['js/x.js', '/luu-tru/', 'js/x.js'],
  ] as const) {
    test(`${url} under ${prefix} → ${out}`, () => assert.equal(prefixUrl(url, prefix), out));
  }
});

describe('estimated dates in the archive model', () => {
  const content = [
    article('d1', { date: '2022-07-02', title: 'Sau', units: ['Sư đoàn 316'] }),
    article('e', { estimatedDate: '2022-06-30', estimatedFrom: 'Sáng 30-6 … năm 2022', title: 'Ước tính', units: ['Sư đoàn 316'], authors: ['ĐĂNG NINH'], crawledAt: '2024-07-01T08:00:00+07:00' }),
    article('e2', { estimatedDate: '2021-01-10', title: 'Ước tính, không có giờ lấy về' }),
    article('d0', { date: '2022-06-01', title: 'Trước', units: ['Sư đoàn 316'] }),
    article('u', { title: 'Không rõ' }),
  ];
  const archive = buildArchive(content, { units: plainUnitDirectory });
  const byUrl = new Map(archive.articles.map((a) => [a.url, a]));
  const E = '/khong-ro-ngay/e/';

  test('the URL stays undated; the order is by estimated date; neither date last', () => {
    assert.deepEqual(archive.articles.map((a) => a.url), ['/2022/07/02/d1/', E, '/2022/06/01/d0/', '/khong-ro-ngay/e2/', '/khong-ro-ngay/u/']);
  });
  test('the card carries the estimate, never as `date`', () => {
    assert.deepEqual(byUrl.get(E)!.card, { title: 'Ước tính', url: E, estimatedDate: '2022-06-30', summary: '', primaryUnit: { name: 'Sư đoàn 316', url: '/don-vi/su-doan-316/' } });
  });
  test('neighbours by estimated date, both ways', () => {
    assert.equal(byUrl.get(E)!.newer?.url, '/2022/07/02/d1/');
    assert.equal(byUrl.get(E)!.older?.url, '/2022/06/01/d0/');
    assert.equal(byUrl.get('/2022/06/01/d0/')!.newer?.url, E);
    assert.equal(byUrl.get('/khong-ro-ngay/u/')!.newer, undefined);
  });
  test('in its month and year; only the article with neither is undated', () => {
    const june = archive.monthPages.find((p) => p.url === '/2022/06/')!;
    assert.deepEqual(june.items.map((c) => c.url), [E, '/2022/06/01/d0/']);
    assert.deepEqual(archive.years.map((y) => [y.year, y.count]), [['2022', 3], ['2021', 1]]);
    assert.deepEqual(archive.undatedPages[0]!.items.map((c) => c.url), ['/khong-ro-ngay/u/']);
  });
  test('statistics count dated, estimated and undated apart', () => {
    const s = archive.statistics;
    assert.deepEqual([s.articles, s.dated, s.estimated, s.undated], [5, 2, 2, 1]);
  });
  test('feeds hold it by its estimated date; Atom updated is its crawl time, else the estimate', () => {
    assert.deepEqual(archive.feed.map((a) => a.url), ['/2022/07/02/d1/', E, '/2022/06/01/d0/', '/khong-ro-ngay/e2/']);
    assert.equal(byUrl.get(E)!.atomUpdated, '2024-07-01T08:00:00+07:00');
    assert.equal(byUrl.get('/khong-ro-ngay/e2/')!.atomUpdated, '2021-01-10');
    assert.equal(byUrl.get('/2022/07/02/d1/')!.atomUpdated, '2022-07-02');
    assert.equal(byUrl.get('/khong-ro-ngay/u/')!.atomUpdated, undefined);
    assert.equal(archive.feedUpdated, '2024-07-01T08:00:00+07:00');
    const unit = archive.units.find((u) => u.name === 'Sư đoàn 316')!;
    assert.deepEqual(unit.feed.map((a) => a.url), ['/2022/07/02/d1/', E, '/2022/06/01/d0/']);
    assert.equal(unit.feedUpdated, '2024-07-01T08:00:00+07:00');
    assert.deepEqual([unit.firstDate, unit.lastDate], ['2022-06-01', '2022-07-02'], 'a unit\'s period is its publication dates');
  });
  test('the sitemap gives no lastmod from an estimate', () => {
    const entries = archive.sitemap[0]!.kind === 'urlset' ? archive.sitemap[0]!.entries : [];
    assert.deepEqual(entries.find((e) => e.url === E), { url: E });
  });
  test('the JSON-LD of an estimated article has no date at all', () => {
    const ld = newsArticle({ url: E, title: 'Ước tính', summary: '', authors: [], units: [], publisher: 'p', publisherUrl: 'p' });
    assert.equal('datePublished' in ld, false);
    assert.equal('dateModified' in ld, false);
  });
});

describe('authors: one canonical name per person', () => {
  for (const [printed, canonical] of [
    ['ĐĂNG NINH', 'Đăng Ninh'],
    ['Đăng Ninh', 'Đăng Ninh'],
    ['TRẦN HÀO', 'Trần Hào'],
    ['nguyễn văn an', 'Nguyễn Văn An'],
    ['NGUYỄN THỊ THU HUYỀN', 'Nguyễn Thị Thu Huyền'],
    ['HÀ', 'Hà'],
    ['Y BLIM', 'Y Blim'],
    // Initials keep their capitals.
    ['KB', 'KB'],
    ['TH', 'TH'],
    ['N.H', 'N.H'],
    ['N.H.', 'N.H'],
    ['T.Hùng', 'T.Hùng'],
    // Tone marks placed the old way.
    ['Thu Hoà', 'Thu Hòa'],
    ['THU HOÀ', 'Thu Hòa'],
    ['Lê Thị Thuỷ', 'Lê Thị Thủy'],
    // Ranks, degrees, roles and affiliations are not the name.
    ['Đại úy Nguyễn Văn An', 'Nguyễn Văn An'],
    ['Thượng uý LÊ BÌNH', 'Lê Bình'],
    ['Đại tá, ThS PHAN ĐÌNH ÂN', 'Phan Đình Ân'],
    ['PHAN ĐÌNH ÂN, Chính ủy Cục Kỹ thuật', 'Phan Đình Ân'],
    ['HẢI ANH (Báo QĐND)', 'Hải Anh'],
    ['PV Hải Anh', 'Hải Anh'],
    ['TS', 'TS'],
    ['  Tuấn   Anh. ', 'Tuấn Anh'],
    ['PV', null],
    ['Nhóm PV', null],
    ['Đại úy', null],
    ['Nhóm tác giả', null],
  ] as const) {
    test(`${JSON.stringify(printed)} → ${JSON.stringify(canonical)}`, () => assert.equal(canonicalAuthor(printed), canonical));
  }
  test('an article names each person once, in printed order', () => {
    assert.deepEqual(canonicalAuthors(['ĐĂNG NINH', 'Thu Hoà', 'Đăng Ninh', 'PV', 'THU HÒA']), ['Đăng Ninh', 'Thu Hòa']);
  });
  test('slugs are distinct; the first in collation keeps the plain slug, the others a suffix from their own name', () => {
    const slugs = authorSlugs(['Hải Anh', 'Hai Anh', 'Tuấn Anh']);
    assert.equal(slugs.get('Hai Anh'), 'hai-anh');
    assert.match(slugs.get('Hải Anh')!, /^hai-anh-[0-9a-f]{6}$/);
    assert.equal(slugs.get('Tuấn Anh'), 'tuan-anh');
    // Stable: the suffix does not depend on the other authors.
    assert.equal(authorSlugs(['Hải Anh', 'Hai Anh']).get('Hải Anh'), slugs.get('Hải Anh'));
    assert.equal(authorSlugs(['Hải Anh']).get('Hải Anh'), 'hai-anh');
  });
  test('initial letters: marks dropped, Đ its own letter', () => {
    assert.deepEqual(['Ấn', 'Đăng', 'Dũng', 'Ưng', 'KB'].map(authorInitial), ['A', 'Đ', 'D', 'U', 'K']);
  });
  test('the archive merges spellings into one author, sorted in collation, linked from bylines', () => {
    const archive = buildArchive(
      [
        article('a', { date: '2023-01-02', authors: ['ĐĂNG NINH'], byline: 'Tin, ảnh: ĐĂNG NINH' }),
        article('b', { date: '2023-01-01', authors: ['Đăng Ninh', 'Thu Hoà'], byline: 'Đăng Ninh - Thu Hoà' }),
        article('c', { date: '2023-01-03', authors: ['THU HÒA', 'Bình'], byline: 'Bài: THU HOÀ; ảnh: Bình' }),
      ],
      { units: plainUnitDirectory, authorPageSize: 1 },
    );
    assert.deepEqual(archive.authors.map((a) => [a.name, a.url, a.count, a.printed]), [
      ['Bình', '/tac-gia/binh/', 1, ['Bình']],
      ['Đăng Ninh', '/tac-gia/dang-ninh/', 2, ['Đăng Ninh', 'ĐĂNG NINH']],
      ['Thu Hòa', '/tac-gia/thu-hoa/', 2, ['Thu Hoà', 'THU HÒA']],
    ]);
    assert.equal(archive.statistics.authors, 3);
    // One a page: the front page holds the newest, `/trang/1/` the oldest (numbered from the oldest end).
    assert.deepEqual(archive.authorPages.map((p) => p.url), ['/tac-gia/binh/', '/tac-gia/dang-ninh/', '/tac-gia/dang-ninh/trang/1/', '/tac-gia/thu-hoa/', '/tac-gia/thu-hoa/trang/1/']);
    const [c, a, b] = archive.articles;
    assert.deepEqual(a!.bylineParts, [{ text: 'Tin, ảnh: ' }, { text: 'ĐĂNG NINH', url: '/tac-gia/dang-ninh/' }]);
    assert.deepEqual(b!.authorLinks.map((l) => l.name), ['Đăng Ninh', 'Thu Hòa']);
    // `THU HOÀ` is printed, `THU HÒA` extracted: the byline cannot be cut, the links stand beside it.
    assert.equal(c!.bylineParts, undefined);
    assert.deepEqual(c!.authorLinks, [{ name: 'Thu Hòa', url: '/tac-gia/thu-hoa/' }, { name: 'Bình', url: '/tac-gia/binh/' }]);
    assert.ok(archive.sitemap[0]!.kind === 'urlset' && archive.sitemap[0]!.entries.some((e) => e.url === '/tac-gia/dang-ninh/trang/1/'));
  });
  test('linkByline cuts the printed byline at the names, in order, and skips names that are no author', () => {
    const link = (p: string) => (p === 'PV' ? undefined : { name: p, url: `/tac-gia/${p.length}/` });
    assert.deepEqual(linkByline('Đại úy An, Bình', ['An', 'Bình'], link), [
      { text: 'Đại úy ' },
      { text: 'An', url: '/tac-gia/2/' },
      { text: ', ' },
      { text: 'Bình', url: '/tac-gia/4/' },
    ]);
    assert.deepEqual(linkByline('PV - An', ['PV', 'An'], link), [{ text: 'PV - ' }, { text: 'An', url: '/tac-gia/2/' }]);
    assert.equal(linkByline('Bình, An', ['An', 'Bình'], link), null, 'out of order');
  });
});
