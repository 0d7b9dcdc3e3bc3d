/** The ingest run on folders of bad input, with a stand-in parser: every input is accounted for. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { ingest, type IngestOptions } from '../src/ingest/ingest.ts';
import { openParseCache } from '../src/ingest/cache.ts';
import type { ReportEntry } from '../src/report.ts';
import { validateFrontMatter } from '../src/schema.ts';
import { fakeReadArticle } from './fixtures/ingest/fakeReader.ts';
import { tempDir } from './support/tmp.ts';

const DUMP = (title: string, date = '20/03/2023', extra = '') =>
  `${title}\nNgày đăng: ${date}\nCrawl: 2024-07-19T12:54:42+07:00\nQK2 - Cán bộ, chiến sĩ ${title.toLowerCase()} tích cực giúp nhân dân xây dựng nông thôn mới trên địa bàn.\nHoạt động góp phần củng cố mối quan hệ quân dân gắn bó.${extra}\n`;

async function folder(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await tempDir('ingest-in-');
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

async function run(inputDir: string, options: Partial<IngestOptions> = {}) {
  const work = await tempDir('ingest-work-');
  const outputDir = path.join(work, 'content');
  const result = await ingest({ inputDir, outputDir, cacheRoot: path.join(work, 'cache'), stateDir: work, readArticle: fakeReadArticle, ...options });
  const byFile = new Map(result.entries.map((e) => [e.file, e]));
  return { ...result, byFile, outputDir, work };
}

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

const status = (e: ReportEntry | undefined) => e && (e.status === 'published' ? e.url : `${e.status}: ${e.status === 'merged' ? e.into : e.reason}`);

test('ingest: names with spaces, Vietnamese letters, no extension or a leading dash are dumps like any other', async () => {
  const input = await folder({
    'tin có dấu cách.txt': DUMP('Sư đoàn 316 ra quân'),
    'Đoàn 356.txt': DUMP('Đoàn KT-QP 356 giúp dân'),
    'khong-duoi': DUMP('Trung đoàn 98 huấn luyện'),
    '-bat-dau-gach.txt': DUMP('Lữ đoàn 168 diễn tập'),
    'sâu/hơn/nữa/bài.TXT': DUMP('Bộ CHQS tỉnh Yên Bái'),
  });
  const { byFile, outputDir, entries } = await run(input);
  assert.equal(status(byFile.get('tin có dấu cách.txt')), '/2023/03/20/su-doan-316-ra-quan/');
  assert.equal(status(byFile.get('Đoàn 356.txt')), '/2023/03/20/doan-kt-qp-356-giup-dan/');
  assert.equal(status(byFile.get('khong-duoi')), '/2023/03/20/trung-doan-98-huan-luyen/');
  assert.equal(status(byFile.get('-bat-dau-gach.txt')), '/2023/03/20/lu-doan-168-dien-tap/');
  assert.equal(status(byFile.get('sâu/hơn/nữa/bài.TXT')), '/2023/03/20/bo-chqs-tinh-yen-bai/');
  assert.equal(entries.length, 5);
  assert.deepEqual(await markdownFiles(outputDir), [
    '2023/03/20/bo-chqs-tinh-yen-bai.md',
    '2023/03/20/doan-kt-qp-356-giup-dan.md',
    '2023/03/20/lu-doan-168-dien-tap.md',
    '2023/03/20/su-doan-316-ra-quan.md',
    '2023/03/20/trung-doan-98-huan-luyen.md',
  ]);
  const fm = validateFrontMatter(matter(await readFile(path.join(outputDir, '2023/03/20/doan-kt-qp-356-giup-dan.md'), 'utf8')).data, 'x');
  assert.equal(fm.source, 'Đoàn 356.txt');
  assert.equal(fm.slug, 'doan-kt-qp-356-giup-dan');
});

test('ingest: bad input is rejected with its reason and never stops the run', async () => {
  const input = await folder({
    'ok.txt': DUMP('Sư đoàn 355 thi đua'),
    'empty.txt': '',
    'blank.txt': ' \n\t\n\u00a0\n',
    'photo': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    'data.json': '{"title": "Không phải bài"}',
    'page.html': '<html><body>Trang</body></html>',
    'mojibake.txt': 'Ð?oàn KT-QP 356 và Ð?oàn 379\nNgày đăng: 01/01/2020\nNội dung.',
    '.hidden.txt': DUMP('Ẩn'),
  });
  await mkdir(path.join(input, 'vong'));
  await symlink('..', path.join(input, 'vong', 'lap'));
  await symlink('khong-ton-tai.txt', path.join(input, 'treo.txt'));
  execFileSync('mkfifo', [path.join(input, 'ong.txt')]);
  // A 50 MB file is refused by its size before a byte of it is read.
  await writeFile(path.join(input, 'lon.txt'), '');
  await truncate(path.join(input, 'lon.txt'), 50 * 1024 * 1024);

  const { byFile, entries } = await run(input);
  const reasons = Object.fromEntries(entries.map((e) => [e.file, status(e)]));
  assert.deepEqual(reasons, {
    'blank.txt': 'rejected: whitespace only',
    'data.json': 'rejected: not a dump: a .json file (dumps are *.txt)',
    'empty.txt': 'rejected: empty file',
    'lon.txt': 'rejected: too large: 50.0 MB (a dump is at most 10.0 MB)',
    'mojibake.txt': reasons['mojibake.txt'],
    'ok.txt': '/2023/03/20/su-doan-355-thi-dua/',
    'ong.txt': 'rejected: unreadable: not a regular file (a FIFO, socket or device)',
    'page.html': 'rejected: not a dump: a .html file (dumps are *.txt)',
    photo: 'rejected: binary data, not text',
    'treo.txt': 'rejected: unreadable: dangling symlink (ENOENT)',
    'vong/lap': 'rejected: symlink loop: folder already read',
  });
  assert.match(status(byFile.get('mojibake.txt'))!, /^rejected: mojibake/);
});

test('ingest: a file that fails to read is rejected with the error, the others are published', async () => {
  const input = await folder({ 'a.txt': DUMP('Sư đoàn 316 ra quân'), 'b.txt': DUMP('Sư đoàn 355 thi đua') });
  const readDump = async (file: string) => {
    if (file.endsWith('b.txt')) throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    return readFile(file);
  };
  const { byFile } = await run(input, { readDump });
  assert.equal(status(byFile.get('a.txt')), '/2023/03/20/su-doan-316-ra-quan/');
  assert.equal(status(byFile.get('b.txt')), 'rejected: unreadable: EIO');
});

test('ingest: a parser crash on one dump rejects that dump as a bug, the others are published', async () => {
  const input = await folder({ 'a.txt': DUMP('Sư đoàn 316 ra quân'), 'b.txt': DUMP('Bẫy') });
  const readArticle = (text: string, source: string) => {
    if (text.startsWith('Bẫy')) throw new TypeError("Cannot read properties of undefined (reading 'text')");
    return fakeReadArticle(text, source);
  };
  const { byFile } = await run(input, { readArticle });
  assert.equal(status(byFile.get('a.txt')), '/2023/03/20/su-doan-316-ra-quan/');
  assert.match(status(byFile.get('b.txt'))!, /^rejected: parser failed \(a bug, please report it\): Cannot read/);
});

test('ingest: a duplicate is merged into the more complete copy, and every source is recorded', async () => {
  const input = await folder({
    'qk2/ra-quan.txt': DUMP('Sư đoàn 316 ra quân', '20/03/2023', '\nẢnh: Bộ đội hành quân.'),
    'mirrors/ra-quan.txt': DUMP('Quân khu 2 – Sư đoàn 316 ra quân').replace('Cán bộ, chiến sĩ', 'Cán bộ,  chiến sĩ').replace('2024-07-19T12:54:42', '2024-09-01T07:00:00'),
    'khac.txt': DUMP('Sư đoàn 316 ra quân').replace(/QK2 - .*\n.*\n/, 'QK2 - Một bài hoàn toàn khác cùng tiêu đề, nói về hội thao bắn súng của các đơn vị.\nKết quả, đơn vị đạt giải nhất toàn đoàn.\n'),
  });
  const { byFile, outputDir, articles, entries } = await run(input);
  assert.equal(entries.length, 3);
  assert.equal(articles, 2);
  const kept = byFile.get('qk2/ra-quan.txt');
  assert.equal(kept?.status, 'published');
  const merged = byFile.get('mirrors/ra-quan.txt');
  assert.equal(merged?.status, 'merged');
  assert.equal(merged.status === 'merged' && merged.into, `qk2/ra-quan.txt (${kept.status === 'published' && kept.url})`);
  const other = byFile.get('khac.txt');
  assert.equal(other?.status, 'published');
  assert.notEqual(other.status === 'published' && other.url, kept.status === 'published' && kept.url);

  const keptFile = path.join(outputDir, `${(kept as { url: string }).url.slice(1, -1)}.md`);
  const fm = validateFrontMatter(matter(await readFile(keptFile, 'utf8')).data, keptFile);
  assert.deepEqual(fm.sources, ['qk2/ra-quan.txt', 'mirrors/ra-quan.txt']);
  assert.deepEqual(fm.captions, ['Bộ đội hành quân.']);
});

test('ingest: adding and removing dumps never changes another article\'s URL', async () => {
  const input = await folder({
    'b.txt': DUMP('Đoàn KT-QP 356 giúp dân').replace('2024-07-19', '2024-08-01'),
    'c.txt': DUMP('Sư đoàn 355 thi đua'),
  });
  const work = await tempDir('ingest-work-');
  const once = async () => {
    const r = await ingest({ inputDir: input, outputDir: path.join(work, 'content'), cacheRoot: path.join(work, 'cache'), stateDir: work, readArticle: fakeReadArticle });
    return new Map(r.entries.map((e) => [e.file, status(e)]));
  };
  const first = await once();
  // A different article with the same title and date, crawled earlier, arrives later.
  await writeFile(path.join(input, 'a.txt'), DUMP('Đoàn KT-QP 356 giúp dân', '20/03/2023', '\nMột đoạn khác hẳn để đây là một bài khác, kể chuyện bản Lếch.').replace(/QK2 - .*\n/, 'QK2 - Ở bản Lếch, bộ đội Đoàn giúp đồng bào làm đường bê tông về bản, niềm vui lớn của bà con.\n'));
  const second = await once();
  assert.equal(second.get('b.txt'), first.get('b.txt'));
  assert.equal(second.get('c.txt'), first.get('c.txt'));
  assert.match(second.get('a.txt')!, /^\/2023\/03\/20\/doan-kt-qp-356-giup-dan-[0-9a-f]{6}\/$/);
  await rm(path.join(input, 'b.txt'));
  const third = await once();
  assert.equal(third.get('a.txt'), second.get('a.txt'));
  assert.equal(third.get('c.txt'), first.get('c.txt'));
  assert.deepEqual(await markdownFiles(path.join(work, 'content')), [
    `${second.get('a.txt')!.slice(1, -1)}.md`,
    `${first.get('c.txt')!.slice(1, -1)}.md`,
  ].sort());
});

test('ingest: the second run parses nothing it parsed before; other parser code starts afresh', async () => {
  const input = await folder({ 'a.txt': DUMP('Sư đoàn 316 ra quân'), 'b.txt': DUMP('Sư đoàn 355 thi đua') });
  const work = await tempDir('ingest-work-');
  let parses = 0;
  const readArticle = (text: string, source: string) => {
    parses++;
    return fakeReadArticle(text, source);
  };
  const options = { inputDir: input, outputDir: path.join(work, 'content'), cacheRoot: path.join(work, 'cache'), stateDir: work, readArticle };
  const first = await ingest(options);
  assert.equal(parses, 2);
  const second = await ingest(options);
  assert.equal(parses, 2);
  assert.equal(second.cacheHits, 2);
  assert.deepEqual(second.entries, first.entries);
  await writeFile(path.join(input, 'b.txt'), DUMP('Sư đoàn 355 thi đua quyết thắng'));
  await ingest(options);
  assert.equal(parses, 3);

  const cache = await openParseCache(path.join(work, 'cache'), 'other-parser-code');
  assert.equal(await cache.get('a.txt', DUMP('Sư đoàn 316 ra quân')), undefined);
  assert.deepEqual(await readdir(path.join(work, 'cache')), []);
});

test('ingest: the parse cache serves what was flushed before it was opened, and never a pack a killed build cut short', async () => {
  const work = await tempDir('ingest-cache-');
  const cache = await openParseCache(work, 'code');
  await cache.set('a.txt', 'text', { ok: false, reason: 'empty dump' });
  // Opened again, as the next build does: a cache serves only what was on disk when it was opened.
  assert.equal(await (await openParseCache(work, 'code')).get('a.txt', 'text'), undefined, 'not flushed');
  await cache.flush();
  await cache.set('b.txt', 'other text', { ok: false, reason: 'too short' });
  await cache.flush();
  const reopened = await openParseCache(work, 'code');
  assert.deepEqual(await reopened.get('a.txt', 'text'), { ok: false, reason: 'empty dump' });
  assert.deepEqual(await reopened.get('b.txt', 'other text'), { ok: false, reason: 'too short' });
  assert.equal(await reopened.get('a.txt', 'edited text'), undefined);
  assert.equal(await reopened.get('renamed.txt', 'text'), undefined);

  const files = (await readdir(path.join(work, 'code'))).sort();
  assert.equal(files.length, 4, files.join());
  const [firstData, firstKeys] = files.map((f) => path.join(work, 'code', f));
  // A pack whose data was cut short (its keys list more): its entries are parsed again.
  await writeFile(firstData!, (await readFile(firstData!, 'utf8')).slice(0, -3));
  assert.equal(await (await openParseCache(work, 'code')).get('a.txt', 'text'), undefined);
  // Data whose keys were never written (killed between the two): never read.
  await rm(firstKeys!);
  assert.equal(await (await openParseCache(work, 'code')).get('a.txt', 'text'), undefined);
  assert.deepEqual(await (await openParseCache(work, 'code')).get('b.txt', 'other text'), { ok: false, reason: 'too short' });
});

test('ingest: every input is published, merged or rejected, and stale Markdown is removed', async () => {
  const input = await folder({ 'a.txt': DUMP('Sư đoàn 316 ra quân'), 'b.txt': '', 'c.txt': DUMP('Quân khu 2 – Sư đoàn 316 ra quân') });
  const { entries, outputDir } = await run(input);
  const counts = { published: 0, merged: 0, rejected: 0 };
  for (const e of entries) counts[e.status]++;
  assert.deepEqual(counts, { published: 1, merged: 1, rejected: 1 });
  await writeFile(path.join(outputDir, 'stale.md'), 'left from an earlier run');
  await ingest({ inputDir: input, outputDir, readArticle: fakeReadArticle });
  assert.deepEqual(await markdownFiles(outputDir), ['2023/03/20/su-doan-316-ra-quan.md']);
});
