import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import matter from 'gray-matter';
import { generateDump } from '../src/bench/generate.ts';
import {
  DATED_SECTION,
  HUGO_MISSING,
  PAGE_SIZE,
  UNDATED_SECTION,
  findPeerTools,
  hugoArticle,
  hugoBody,
  hugoConfig,
  hugoSite,
  hugoVersion,
  runPeer,
  writeHugoSite,
} from '../src/bench/peer.ts';
import { articleToMarkdown } from '../src/ingest/markdown.ts';
import { readArticle } from '../src/pipeline.ts';
import { articleUrl, parseContentFile, type ContentFile } from '../src/site/archive.ts';
import { canonicalAuthors } from '../src/site/authors.ts';
import { slugify } from '../src/text.ts';
import { tempDir } from './support/tmp.ts';

const SEED = 11;

/** Generated dump `i` as ingest would write it: parsed, tagged, Markdown, read back. */
function contentOf(i: number): { name: string; markdown: string; file: ContentFile } {
  const dump = generateDump(SEED, i);
  const { article } = readArticle(dump.text, dump.path);
  const markdown = articleToMarkdown(article, { slug: `${slugify(article.title, 60)}-${i}` });
  const name = `${String(i).padStart(3, '0')}.md`;
  return { name, markdown, file: parseContentFile(name, Buffer.from(markdown)) };
}

/** The first `n` generated articles of each kind the peer treats apart: dated and undated. */
function sample(dated: number, undated: number): ReturnType<typeof contentOf>[] {
  const picked: ReturnType<typeof contentOf>[] = [];
  let d = 0;
  let u = 0;
  for (let i = 0; d < dated || u < undated; i++) {
    const c = contentOf(i);
    if (c.file.frontMatter.date ? d++ < dated : u++ < undated) picked.push(c);
  }
  return picked;
}

test('each article becomes Hugo content: front matter with the calendar date, units and authors; undated ones in a section of their own', () => {
  const three = sample(2, 1);
  assert.equal(three.length, 3);
  for (const { file } of three) {
    const fm = file.frontMatter;
    const out = hugoArticle(file);
    const parsed = matter(out.text, {});
    assert.equal(parsed.data.title, fm.title);
    assert.equal(parsed.data.slug, fm.slug);
    assert.deepEqual(parsed.data.units, fm.units);
    assert.ok(fm.units.length >= 1);
    assert.deepEqual(parsed.data.authors, canonicalAuthors(fm.authors));
    assert.equal(parsed.data.description, fm.summary);
    if (fm.date) {
      assert.equal(out.path, `content/${DATED_SECTION}/${fm.date}-${fm.slug}.md`);
      // A string, `YYYY-MM-DD`: never a Date that a time zone could shift.
      assert.equal(parsed.data.date, fm.date);
      assert.match(out.text, new RegExp(`^date: '${fm.date}'$`, 'm'));
      assert.equal(parsed.data.dated, true);
    } else {
      assert.equal(out.path, `content/${UNDATED_SECTION}/${fm.slug}.md`);
      assert.equal('date' in parsed.data, false);
      assert.equal('dated' in parsed.data, false);
    }
    // The body is ingest's Markdown, captions turned into paragraphs of class `caption`.
    assert.equal(parsed.content.includes(':::'), false);
    assert.equal(parsed.content.split('{.caption}').length - 1, fm.captions.length);
    assert.ok(parsed.content.includes(file.body.split('\n\n').find((b) => !b.startsWith(':::'))!));
  }
});

test('a caption container becomes a paragraph with a block attribute; escaped text is left as it is', () => {
  assert.equal(
    hugoBody('QK2 \\– Sáng 30\\-6\\.\n\n::: caption\nẢnh\\: Huấn luyện\\.\n:::\n\nĐoạn hai\\.\n'),
    'QK2 \\– Sáng 30\\-6\\.\n\nẢnh\\: Huấn luyện\\.\n{.caption}\n\nĐoạn hai\\.\n',
  );
});

test('the site: Vietnamese, taxonomies units and authors, pages of 20, one layout per kind of page', () => {
  const files = new Map(hugoSite().map((f) => [f.path, f.text]));
  const config = JSON.parse(files.get('hugo.json')!) as Record<string, unknown>;
  assert.equal(config.languageCode, 'vi');
  assert.equal(config.baseURL, 'https://example.org/');
  assert.deepEqual(config.taxonomies, { unit: 'units', author: 'authors' });
  assert.equal(config.paginate, PAGE_SIZE);
  assert.equal(PAGE_SIZE, 20);
  // Hugo 0.128 renamed the key; the old one would be ignored by it.
  const newer = JSON.parse(hugoConfig([0, 131, 0])) as { paginate?: number; pagination?: { pagerSize: number } };
  assert.equal(newer.paginate, undefined);
  assert.equal(newer.pagination?.pagerSize, PAGE_SIZE);
  for (const kind of ['baseof', 'single', 'list', 'taxonomy', 'term']) assert.ok(files.has(`layouts/_default/${kind}.html`), kind);
  assert.match(files.get('layouts/_default/single.html')!, /<main data-pagefind-body>\n<h1>\{\{ \.Title \}\}<\/h1>/);
  assert.match(files.get('layouts/_default/single.html')!, /\{\{ \.Content \}\}/);
  assert.match(files.get('layouts/_default/baseof.html')!, /<html lang="vi">/);
  assert.ok(files.has(`content/${UNDATED_SECTION}/_index.md`));
  assert.deepEqual(hugoVersion('hugo v0.111.3+extended linux/amd64 BuildDate=2023-03-16T08:41:31Z VendorInfo=debian:0.111.3-1'), [0, 111, 3]);
});

test('without hugo on PATH the peer is skipped with the message that says how to install it', async () => {
  const empty = await tempDir('bench-peer-path-');
  try {
    assert.deepEqual(await findPeerTools(empty), { missing: HUGO_MISSING });
    assert.equal(HUGO_MISSING, 'hugo not found: apt-get install -y hugo');
  } finally {
    await rm(empty, { recursive: true, force: true });
  }
});

// Hugo is a Debian package the bench's instructions install; where it is absent (some CI machines)
// this test checks what the bench then does instead, on the real PATH: it is never skipped.
const HUGO = '/usr/bin/hugo';
test(existsSync(HUGO) ? 'Hugo renders one page per article, lists of 20, and the Pagefind CLI indexes them' : 'hugo is absent: the peer reports it', async () => {
  if (!existsSync(HUGO)) {
    assert.deepEqual(await findPeerTools(), { missing: HUGO_MISSING });
    return;
  }
  const root = await tempDir('bench-peer-');
  try {
    const content = path.join(root, 'content');
    await mkdir(content);
    // More dated articles than a list page holds, so the home page has a second page.
    const articles = sample(PAGE_SIZE + 2, 2);
    for (const { name, markdown } of articles) await writeFile(path.join(content, name), markdown);
    const tools = await findPeerTools();
    assert.ok(!('missing' in tools), 'hugo is installed');
    const site = path.join(root, 'hugo');
    const written = await writeHugoSite(content, site, hugoVersion(tools.hugoVersion) ?? undefined);
    assert.deepEqual(written, { articles: PAGE_SIZE + 4, dated: PAGE_SIZE + 2 });
    const output = path.join(root, 'public');
    const run = await runPeer(tools, site, output);
    assert.equal(run.articlePages, PAGE_SIZE + 4);
    assert.equal(run.pagesIndexed, PAGE_SIZE + 4);
    assert.ok(existsSync(path.join(output, 'pagefind/pagefind.js')));
    assert.ok(run.hugo.wallSeconds > 0 && run.pagefind.wallSeconds > 0);
    assert.ok(run.cpuSeconds >= 0);
    for (const { file } of articles) {
      // Our URL for every article, dated or not, and its text on the page.
      const page = await readFile(path.join(output, articleUrl(file.frontMatter), 'index.html'), 'utf8');
      assert.ok(page.includes('<main data-pagefind-body>'));
      for (const unit of file.frontMatter.units) assert.ok(page.includes(`data-value="${unit}"`), unit);
    }
    // The home page lists the dated articles 20 a page; the units taxonomy has a page per unit.
    const home = await readFile(path.join(output, 'index.html'), 'utf8');
    assert.equal(home.match(/<li><a href=/g)?.length, PAGE_SIZE);
    const second = await readFile(path.join(output, 'page/2/index.html'), 'utf8');
    assert.equal(second.match(/<li><a href=/g)?.length, 2);
    assert.match(second, /Trang 2\/2/);
    const units = new Set(articles.flatMap(({ file }) => file.frontMatter.units));
    const directory = await readFile(path.join(output, 'units/index.html'), 'utf8');
    assert.equal(directory.match(/<li><a href=/g)?.length, units.size);
    const undated = await readFile(path.join(output, 'khong-ro-ngay/index.html'), 'utf8');
    assert.equal(undated.match(/<li><a href=/g)?.length, 2);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
