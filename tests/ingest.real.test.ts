/** Ingest with the real parser on the bad-input fixtures of issue 8: files that are no dump, and bad dates. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { ingest } from '../src/ingest/ingest.ts';
import { contentEntry } from '../src/ingest/archiveIndex.ts';
import type { ReportEntry } from '../src/report.ts';
import { tempDir } from './support/tmp.ts';

const BAD = path.resolve(import.meta.dirname, 'fixtures/ingest/bad');

async function run() {
  const work = await tempDir('ingest-real-');
  const outputDir = path.join(work, 'content');
  const result = await ingest({ inputDir: BAD, outputDir });
  return { byFile: new Map(result.entries.map((e) => [e.file, e])), outputDir };
}

const published = (e: ReportEntry | undefined) => {
  assert.equal(e?.status, 'published', JSON.stringify(e));
  return e as Extract<ReportEntry, { status: 'published' }>;
};

const rejections: Array<[string, RegExp]> = [
  ['page.txt', /^not a dump \(HTML page\): page\.txt:1: /],
  ['export.txt', /^not a dump \(JSON file\): export\.txt:1: /],
  ['listing.txt', /^listing page, not an article: listing\.txt:\d+: /],
];
for (const [file, reason] of rejections) {
  test(`ingest (real parser): ${file} is rejected with its reason`, async () => {
    const { byFile } = await run();
    const entry = byFile.get(file);
    assert.equal(entry?.status, 'rejected');
    assert.match((entry as { reason: string }).reason, reason);
  });
}

// A date that is not a date makes the article undated with a warning, never another day.
const undated: Array<[string, string]> = [
  ['invalid-date.txt', '31/02/2024'],
  ['invalid-month.txt', '00/13/2024'],
];
for (const [file, printed] of undated) {
  test(`ingest (real parser): ${printed} is no date: published undated, with a warning`, async () => {
    const { byFile, outputDir } = await run();
    const entry = published(byFile.get(file));
    assert.match(entry.url, /^\/khong-ro-ngay\/[a-z0-9-]+\/$/);
    assert.ok(entry.warnings.some((w) => w.includes(printed)), JSON.stringify(entry.warnings));
    const { data } = matter(await readFile(path.join(outputDir, `${entry.url.slice(1, -1)}.md`), 'utf8'));
    assert.equal(data.date, undefined);
    assert.ok((data.warnings as string[]).some((w) => w.includes(printed)));
  });
}

test('ingest (real parser): a publication date after the crawl time is kept, with a warning', async () => {
  const { byFile } = await run();
  const entry = published(byFile.get('after-crawl.txt'));
  assert.equal(entry.url, '/2024/09/15/don-bien-phong-y-ty-tuan-tra-moc-gioi/');
  assert.ok(entry.warnings.some((w) => /after the crawl time/.test(w)));
});

test('ingest (real parser): a two-digit year is read in this century', async () => {
  const { byFile } = await run();
  assert.equal(published(byFile.get('two-digit-year.txt')).url, '/2024/06/15/don-bien-phong-y-ty-kham-benh-cho-dan/');
});

test('ingest (real parser): a large archive is parsed on worker threads, and a rebuild parses nothing again', async () => {
  const template = await readFile(path.join(BAD, 'after-crawl.txt'), 'utf8');
  const input = await tempDir('ingest-many-');
  const count = 450;
  for (let i = 0; i < count; i++) {
    const dump = template.replace('tuần tra mốc giới', `tuần tra mốc giới số ${i}`).replace('Những ngày này', `Ngày ${i}`);
    await writeFile(path.join(input, `${String(i).padStart(3, '0')}.txt`), dump);
  }
  const work = await tempDir('ingest-many-work-');
  const options = { inputDir: input, outputDir: path.join(work, 'content'), cacheRoot: path.join(work, 'cache'), stateDir: work };
  const first = await ingest(options);
  assert.equal(first.articles, count);
  assert.equal(first.cacheHits, 0);
  assert.equal(first.entries[7]?.status === 'published' && first.entries[7].url, '/2024/09/15/don-bien-phong-y-ty-tuan-tra-moc-gioi-so-7/');
  // Written by worker threads too: each file holds what its compact-archive entry says.
  assert.equal(first.archive?.size, count);
  for (const [name, entry] of first.archive!) assert.deepEqual(contentEntry(name, await readFile(path.join(options.outputDir, name))), entry, name);
  const second = await ingest(options);
  assert.equal(second.cacheHits, count);
  assert.deepEqual(second.entries, first.entries);
});
