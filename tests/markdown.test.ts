import { test } from 'node:test';
import assert from 'node:assert/strict';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import { articleToMarkdown, bodyToMarkdown, escapeMarkdown } from '../src/ingest/markdown.ts';
import { markdownBody } from '../src/site/archive.ts';
import { validateFrontMatter, type Article } from '../src/schema.ts';

const ARTICLE: Article = {
  title: 'Sư đoàn 316: "Bộ đội Cụ Hồ" giúp dân <vùng cao>',
  titleDerived: false,
  date: '2022-09-02',
  estimatedDate: null,
  estimatedFrom: null,
  crawledAt: '2024-07-19T12:54:42+07:00',
  series: 'Bài 2: Gần dân, hiểu dân',
  dateline: 'QK2',
  summary: 'Cán bộ, chiến sĩ Sư đoàn 316 giúp nhân dân xã Phìn Ngan thu hoạch lúa.',
  byline: 'Minh Tuấn - Hoài Thu',
  authors: ['Minh Tuấn', 'Hoài Thu'],
  units: ['Sư đoàn 316', 'Quân khu 2'],
  captions: ['Bộ đội giúp dân gặt lúa.'],
  body: [
    { kind: 'paragraph', text: 'QK2 - Cán bộ, chiến sĩ Sư đoàn 316 giúp nhân dân xã Phìn Ngan thu hoạch lúa.' },
    { kind: 'caption', text: 'Bộ đội giúp dân gặt lúa.' },
    { kind: 'paragraph', text: '1. Nắm chắc tình hình địa bàn;' },
  ],
  truncated: false,
  source: '2022/su-doan-316.txt',
};

test('markdown: an article is exactly its front matter and escaped body', () => {
  const markdown = articleToMarkdown(ARTICLE, { slug: 'su-doan-316-bo-doi-cu-ho-giup-dan-vung-cao' });
  assert.equal(
    markdown,
    [
      '---',
      `title: 'Sư đoàn 316: "Bộ đội Cụ Hồ" giúp dân <vùng cao>'`,
      // js-yaml quotes a string longer than its line width rather than fold it.
      "summary: 'Cán bộ, chiến sĩ Sư đoàn 316 giúp nhân dân xã Phìn Ngan thu hoạch lúa.'",
      'authors:',
      '  - Minh Tuấn',
      '  - Hoài Thu',
      'units:',
      '  - Sư đoàn 316',
      '  - Quân khu 2',
      'captions:',
      '  - Bộ đội giúp dân gặt lúa.',
      'source: 2022/su-doan-316.txt',
      'slug: su-doan-316-bo-doi-cu-ho-giup-dan-vung-cao',
      "date: '2022-09-02'",
      "crawledAt: '2024-07-19T12:54:42+07:00'",
      "series: 'Bài 2: Gần dân, hiểu dân'",
      'dateline: QK2',
      'byline: Minh Tuấn - Hoài Thu',
      '---',
      'QK2 \\- Cán bộ\\, chiến sĩ Sư đoàn 316 giúp nhân dân xã Phìn Ngan thu hoạch lúa\\.',
      '',
      '::: caption',
      'Bộ đội giúp dân gặt lúa\\.',
      ':::',
      '',
      '1\\. Nắm chắc tình hình địa bàn\\;',
      '',
    ].join('\n'),
  );
});

test('markdown: front matter reads back as the same FrontMatter', () => {
  const markdown = articleToMarkdown(
    { ...ARTICLE, truncated: true, titleDerived: true },
    { slug: 'x', sources: ['a.txt', 'b.txt'], warnings: ['no byline'] },
  );
  const fm = validateFrontMatter(matter(markdown).data, 'x.md');
  assert.equal(fm.title, ARTICLE.title);
  assert.equal(fm.date, '2022-09-02');
  assert.equal(fm.truncated, true);
  assert.equal(fm.titleDerived, true);
  assert.deepEqual(fm.sources, ['a.txt', 'b.txt']);
  assert.deepEqual(fm.warnings, ['no byline']);
});

test('markdown: optional keys are absent when empty, a single source is not listed', () => {
  const data = matter(
    articleToMarkdown(
      { ...ARTICLE, date: null, crawledAt: null, series: null, dateline: null, byline: null },
      { slug: 'x', sources: ['2022/su-doan-316.txt'], warnings: [] },
    ),
  ).data;
  assert.deepEqual(Object.keys(data).sort(), ['authors', 'captions', 'slug', 'source', 'summary', 'title', 'units']);
});

// Every line renders as the text the dump printed, with CommonMark and html disabled or not.
const literal: string[] = [
  '1. Không phải danh sách',
  '2) Cũng không',
  '- gạch đầu dòng',
  '+ cộng',
  '* sao',
  '# Không phải tiêu đề',
  '> không phải trích dẫn',
  '::: caption',
  ':::',
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '[bấm vào đây](javascript:alert(1))',
  '<javascript:alert(1)>',
  '**đậm** _nghiêng_ `mã` ~~gạch~~',
  'a &amp; b &lt;i&gt; &#60;',
  '    thụt lề bốn dấu cách',
  '```',
  '---',
  '===',
  '| a | b |',
  'kết thúc bằng hai dấu cách  ',
  'dấu gạch chéo \\ ngược',
];
for (const html of [false, true]) {
  const md = new MarkdownIt({ html });
  for (const line of literal) {
    test(`markdown: ${JSON.stringify(line)} stays text (html: ${html})`, () => {
      const rendered = md.render(escapeMarkdown(line));
      const text = line.replace(/\s+/g, ' ').trim();
      const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      assert.equal(rendered, `<p>${escaped}</p>\n`);
    });
  }
}

test('markdown: a caption cannot close its container early', () => {
  const body = bodyToMarkdown([{ kind: 'caption', text: 'Ảnh: :::\n::: caption' }]);
  assert.equal(body, '::: caption\nẢnh\\: \\:\\:\\: \\:\\:\\: caption\n:::');
});

test('markdownBody cuts a file where gray-matter does', () => {
  const files = [
    articleToMarkdown(ARTICLE, { slug: 'su-doan-316' }),
    articleToMarkdown({ ...ARTICLE, body: [] }, { slug: 'su-doan-316' }),
    '---\ntitle: a\n---\r\nbody\n',
    '---\ntitle: a\n---',
    '---\n---\nbody\n',
    '\uFEFF---\ntitle: a\n---\n\nbody --- not a delimiter\n---\nstill body\n',
  ];
  for (const file of files) assert.equal(markdownBody(Buffer.from(file)), matter(file, {}).content, JSON.stringify(file));
  assert.ok(markdownBody(Buffer.from(files[0]!)).includes('Sư đoàn 316'), 'the body is there');
});
