/** `indexPage`: what Pagefind is handed for an article, built from its Markdown. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ContentFile } from '../src/site/archive.ts';
import { indexPage, UNDATED_YEAR } from '../src/search/page.ts';

const article: ContentFile = {
  file: '2023/03/20/su-doan-316-ra-quan-huan-luyen.md',
  hash: 'not read by indexPage',
  frontMatter: {
    title: 'Sư đoàn 316 ra quân huấn luyện <năm 2023> & "thi đua"',
    date: '2023-03-20',
    summary: 'Sáng 20/3, Sư đoàn 316 tổ chức lễ ra quân huấn luyện.',
    byline: 'Bài, ảnh: HOÀNG OANH',
    authors: ['HOÀNG OANH'],
    units: ['Sư đoàn 316', 'Trung đoàn 148'],
    captions: [],
    source: '2023/su-doan-316.txt',
    slug: 'su-doan-316-ra-quan-huan-luyen',
    series: 'Bài 1: Ra quân',
    crawledAt: '2024-07-19T12:54:42+07:00',
  },
  body: 'QK2 – Sáng 20/3, Sư đoàn 316 tổ chức lễ ra quân huấn luyện.\n\nCác đơn vị đã hoàn thành tốt nhiệm vụ.\n',
};

const fields = (html: string): string[] =>
  [...html.matchAll(/data-pagefind-(\w+)="(\w+)\[data-value\]" data-value="([^"]*)"/g)].map((m) => `${m[1]} ${m[2]}=${m[3]}`);

describe('indexPage', () => {
  test('the article URL, its title as the h1, byline and body as the indexed text', () => {
    const { url, html } = indexPage(article);
    assert.equal(url, '/2023/03/20/su-doan-316-ra-quan-huan-luyen/');
    assert.equal((html.match(/data-pagefind-body/g) ?? []).length, 1);
    assert.match(html, /<html lang="vi">/);
    assert.match(html, /<h1>Sư đoàn 316 ra quân huấn luyện &lt;năm 2023&gt; &amp; &quot;thi đua&quot;<\/h1>/);
    assert.match(html, /<p>Bài, ảnh: HOÀNG OANH<\/p>/);
    assert.match(html, /<p><abbr title="Quân khu 2">QK2<\/abbr> – Sáng 20\/3/);
    assert.match(html, /<p>Các đơn vị đã hoàn thành tốt nhiệm vụ.<\/p>/);
  });

  test('what is not the article text stays out: crawl time, source file, series line', () => {
    const { html } = indexPage(article);
    for (const absent of ['2024-07-19', 'su-doan-316.txt', 'Bài 1', 'Ra quân']) assert.ok(!html.includes(absent), absent);
  });

  test('a revision (the Markdown hash) is a meta field: a new version never has the old one\'s Pagefind id', () => {
    assert.ok(fields(indexPage(article, 'UutSu2Kf1vaP').html).includes('meta revision=UutSu2Kf1vaP'));
    assert.ok(!fields(indexPage(article).html).some((f) => f.startsWith('meta revision')));
  });

  test('fields for results, filters and sort, escaped, in a hidden element', () => {
    const { html } = indexPage(article);
    assert.match(html, /<div hidden>\n<span data-pagefind-meta/);
    assert.deepEqual(fields(html), [
      'meta title=Sư đoàn 316 ra quân huấn luyện &lt;năm 2023&gt; &amp; &quot;thi đua&quot;',
      'meta date=2023-03-20',
      'sort date=2023-03-20',
      'filter year=2023',
      'meta units=Sư đoàn 316 · Trung đoàn 148',
      'filter unit=Sư đoàn 316',
      'filter unit=Trung đoàn 148',
      'filter author=Hoàng Oanh',
    ]);
  });

  test('authors are filtered by canonical name, each person once', () => {
    const { html } = indexPage({ ...article, frontMatter: { ...article.frontMatter, authors: ['ĐĂNG NINH', 'Đăng Ninh', 'Thu Hoà', 'PV'] } });
    assert.deepEqual(fields(html).filter((f) => f.startsWith('filter author')), ['filter author=Đăng Ninh', 'filter author=Thu Hòa']);
  });

  test('an estimated date: the year filter and date sort use it, the meta calls it `estimated`, never `date`', () => {
    const { date: _date, ...rest } = article.frontMatter;
    const { url, html } = indexPage({ ...article, frontMatter: { ...rest, estimatedDate: '2022-06-30', estimatedFrom: 'Sáng 30-6' } });
    assert.equal(url, '/khong-ro-ngay/su-doan-316-ra-quan-huan-luyen/');
    const dated = fields(html).filter((f) => /estimated|date|year/.test(f));
    assert.deepEqual(dated, ['meta estimated=2022-06-30', 'sort date=2022-06-30', 'filter year=2022']);
    assert.ok(!html.includes('Sáng 30-6'), 'the words it was read from are no field of the index');
  });

  test('an undated article without units, byline or authors', () => {
    const { date: _date, byline: _byline, ...rest } = article.frontMatter;
    const { url, html } = indexPage({ ...article, frontMatter: { ...rest, units: [], authors: [] } });
    assert.equal(url, '/khong-ro-ngay/su-doan-316-ra-quan-huan-luyen/');
    assert.deepEqual(fields(html), [
      'meta title=Sư đoàn 316 ra quân huấn luyện &lt;năm 2023&gt; &amp; &quot;thi đua&quot;',
      `filter year=${UNDATED_YEAR}`,
    ]);
    assert.ok(!html.includes('HOÀNG OANH'));
  });
});
