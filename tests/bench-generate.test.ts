import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { generateDump, Random, UNITS, writeCorpus, type SyntheticDump } from '../src/bench/generate.ts';
import { WEEKDAYS } from '../src/bench/phrases.ts';
import { summarizeProfile } from '../src/bench/profile.ts';
import { readArticle } from '../src/pipeline.ts';
import { tempDir } from './support/tmp.ts';

const SAMPLE = 1500;
const dumps: SyntheticDump[] = Array.from({ length: SAMPLE }, (_, i) => generateDump(11, i));

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

async function digest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of (await listFiles(dir)).sort()) hash.update(file).update(await readFile(path.join(dir, file)));
  return hash.digest('hex');
}

test('the PRNG is seeded: same seed, same sequence; another seed, another sequence', () => {
  const draw = (seed: number) => Array.from({ length: 5 }, ((r) => () => r.next())(new Random(seed)));
  assert.deepEqual(draw(1), draw(1));
  assert.notDeepEqual(draw(1), draw(2));
  for (const x of draw(3)) assert.ok(x >= 0 && x < 1);
});

test('a dump depends only on (seed, index): the same bytes every time, different for another seed', () => {
  assert.equal(generateDump(11, 42).text, dumps[42]!.text);
  assert.notEqual(generateDump(12, 42).text, dumps[42]!.text);
  assert.notEqual(dumps[41]!.text, dumps[42]!.text);
});

test('writing the corpus twice gives identical trees, and a larger corpus extends a smaller one', async () => {
  const root = await tempDir('bench-generate-');
  try {
    const a = path.join(root, 'a');
    const b = path.join(root, 'b');
    const statsA = await writeCorpus(a, 300, { seed: 11 });
    await writeCorpus(b, 290, { seed: 11 });
    await writeCorpus(b, 10, { seed: 11, start: 290 });
    assert.equal(statsA.files, 300);
    assert.equal((await listFiles(a)).length, 300);
    assert.equal(await digest(a), await digest(b));
    const first = dumps[0]!;
    assert.equal(await readFile(path.join(a, dumps[0]!.path), 'utf8'), generateDump(11, 0).text);
    assert.ok(first.path.endsWith('qk2-000000.txt'));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('every dump is 5–8 KB, NFC, and names 1–4 units from a pool of a few hundred', () => {
  assert.ok(UNITS.length >= 200 && UNITS.length <= 400, `${UNITS.length} units`);
  assert.equal(new Set(UNITS.map((u) => u.name)).size, UNITS.length);
  for (const d of dumps) {
    const bytes = Buffer.byteLength(d.text);
    assert.ok(bytes >= 5000 && bytes <= 8192, `${d.path}: ${bytes} bytes`);
    assert.equal(d.text, d.text.normalize('NFC'));
    assert.ok(d.units.length >= 1 && d.units.length <= 4, `${d.path}: ${d.units.length} units`);
    assert.equal(new Set(d.units).size, d.units.length);
    for (const unit of d.units) assert.ok(d.text.includes(unit), `${d.path} does not name ${unit}`);
  }
  const counts = new Set(dumps.map((d) => d.units.length));
  assert.deepEqual([...counts].sort(), [1, 2, 3, 4]);
  assert.ok(new Set(dumps.flatMap((d) => d.units)).size > 150, 'the sample draws from most of the pool');
});

test('dates span ten years, some dumps are undated, and the folder says which', () => {
  const dated = dumps.filter((d) => d.date !== null);
  const years = new Set(dated.map((d) => d.date!.slice(0, 4)));
  assert.equal(years.size, 10);
  const undated = dumps.length - dated.length;
  assert.ok(undated > 0.03 * SAMPLE && undated < 0.2 * SAMPLE, `${undated} undated`);
  for (const d of dumps) {
    if (d.date) {
      assert.ok(d.path.startsWith(`${d.date.slice(0, 4)}/${d.date.slice(5, 7)}/`), d.path);
      const [y, m, day] = d.date.split('-');
      assert.ok(d.text.includes(`\nNgày đăng: ${day}/${m}/${y}\n`), `${d.path} prints its date`);
    } else {
      assert.ok(d.path.startsWith('khong-ro-ngay/'), d.path);
      assert.ok(!d.text.includes('Ngày đăng:'), `${d.path} is undated`);
    }
  }
});

test('the layout follows the real dumps: header, title, date, series, dateline, captions, byline, tail', () => {
  const HEADER = /^(?<weekday>Thứ \p{Ll}+|Chủ nhật) Ngày (?<d>\d{2}) Tháng (?<m>\d{2}) Năm (?<y>\d{4}), \d{2}:\d{2}:\d{2}$/u;
  let headers = 0;
  for (const d of dumps) {
    const lines = d.text.split('\n');
    if (d.crawledAt) {
      headers++;
      const match = HEADER.exec(lines[0]!);
      assert.ok(match?.groups, `${d.path}: ${lines[0]}`);
      const { weekday, d: day, m, y } = match.groups;
      assert.equal(`${y}-${m}-${day}`, d.crawledAt.slice(0, 10));
      // The weekday is the real one for that calendar day.
      assert.equal(weekday, WEEKDAYS[new Date(`${y}-${m}-${day}T00:00:00Z`).getUTCDay()]);
      if (d.date) assert.ok(d.crawledAt.slice(0, 10) >= d.date, `${d.path} crawled before it was published`);
      assert.equal(lines[1], '');
      assert.ok(lines[2]!.endsWith(d.title));
    } else {
      assert.ok(lines[0]!.endsWith(d.title), `${d.path}: ${lines[0]}`);
    }
    if (d.series) assert.ok(lines.includes(d.series));
    for (const caption of d.captions) assert.ok(lines.includes(caption), `${d.path}: caption ${caption}`);
    if (d.truncated) {
      assert.equal(d.byline, null);
      assert.ok(!/Trả lời|Phản hồi/.test(d.text.slice(-200)));
    } else {
      assert.ok(/(Trả lời\n\nThư điện tử của bạn sẽ không được hiển thị công khai\.( Các trường bắt buộc được đánh dấu \*)?|Phản hồi\n\nCác tin khác\n\nMới nhất\n\nXem nhiều nhất)$/.test(d.text), d.path);
    }
    if (d.byline) {
      assert.ok(lines.includes(d.byline), `${d.path}: byline ${d.byline}`);
      for (const author of d.authors) assert.ok(d.byline.includes(author));
    }
  }
  assert.ok(headers > 0.7 * SAMPLE && headers < 0.9 * SAMPLE, `${headers} headers`);
  // Every variant occurs in a sample this size.
  assert.ok(dumps.some((d) => d.series));
  assert.ok(dumps.some((d) => d.truncated));
  assert.ok(dumps.some((d) => d.text.includes('\nQK2 –  ')));
  assert.ok(dumps.some((d) => /^Quân khu 2 – /.test(d.text)));
  assert.ok(dumps.some((d) => d.byline === null && !d.truncated));
  const forms = new Set(dumps.map((d) => d.byline?.match(/^(Bài, ảnh|Tin, ảnh|Đại tá|Thượng tá|Trung tá)/)?.[1] ?? (d.byline ? 'bare' : 'none')));
  for (const form of ['Bài, ảnh', 'Tin, ảnh', 'bare', 'none']) assert.ok(forms.has(form), form);
  assert.ok(new Set(dumps.flatMap((d) => d.authors)).size >= 40);
});

test('the dumps parse back to what the generator wrote, and the recognizer finds their units', () => {
  let pairs = 0;
  let found = 0;
  for (const d of dumps.slice(0, 400)) {
    const { article } = readArticle(d.text, d.path);
    const mirrored = d.text.startsWith('Quân khu 2 – ');
    assert.ok(article.title === d.title || (mirrored && article.title === `Quân khu 2 – ${d.title}`), `${d.path}: ${article.title}`);
    assert.deepEqual(
      [article.date, article.crawledAt, article.series, article.byline, article.authors, article.captions, article.truncated],
      [d.date, d.crawledAt, d.series, d.byline, d.authors, d.captions, d.truncated],
      d.path,
    );
    for (const unit of d.units) {
      pairs++;
      if (article.units.includes(unit)) found++;
    }
  }
  // A few named units (a vocational college, a rest home) are outside the recognizer's grammar.
  assert.ok(found / pairs >= 0.97, `${found} of ${pairs} units recognized`);
});

test('a CPU profile is summarized by self and inclusive time, the project’s own functions apart', () => {
  const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 9 });
  // root → ingest (src) → parseDump (src); root → render (node_modules)
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 4] },
      { id: 2, callFrame: frame('ingest', 'file:///repo/src/ingest/ingest.ts'), children: [3] },
      { id: 3, callFrame: frame('parseDump', 'file:///repo/src/parse/parseDump.ts') },
      { id: 4, callFrame: frame('render', 'file:///repo/node_modules/nunjucks/src/environment.js') },
    ],
    samples: [3, 3, 2, 4],
    timeDeltas: [1_000_000, 1_000_000, 1_000_000, 1_000_000],
  };
  const summary = summarizeProfile(profile, '/repo', 5);
  assert.equal(summary.seconds, 4);
  assert.deepEqual(summary.self[0], { frame: 'parseDump src/parse/parseDump.ts:10', seconds: 2, share: 0.5 });
  assert.deepEqual(
    summary.inclusive.map((h) => [h.frame, h.seconds]),
    [
      ['ingest src/ingest/ingest.ts:10', 3],
      ['parseDump src/parse/parseDump.ts:10', 2],
      ['render node_modules/nunjucks/src/environment.js:10', 1],
    ],
  );
  assert.deepEqual(
    summary.project.map((h) => h.frame),
    ['ingest src/ingest/ingest.ts:10', 'parseDump src/parse/parseDump.ts:10'],
  );
});

test('recent dumps, the new articles of the incremental benchmark, are dated in the last month of the corpus', () => {
  const latest = dumps.reduce((max, d) => (d.date && d.date > max ? d.date : max), '');
  const recent = Array.from({ length: 200 }, (_, i) => generateDump(11, SAMPLE + i, { recent: true }));
  const dated = recent.filter((d) => d.date !== null);
  assert.ok(dated.length > 150, `${dated.length} dated`);
  for (const d of dated) assert.ok(d.date! >= '2024-12-01' && d.date! <= '2024-12-31', d.date!);
  assert.ok(latest <= '2024-12-31' && latest >= '2024-12-01', latest);
  assert.notEqual(generateDump(11, 7, { recent: true }).text, dumps[7]!.text);
});

test('newest dumps (the incremental benchmark\'s "ten new dumps dated newest") all print a date after every other dump', () => {
  const newest = Array.from({ length: 200 }, (_, i) => generateDump(11, SAMPLE + i, { newest: true }));
  for (const d of newest) {
    assert.ok(d.date !== null && d.date > '2024-12-31' && d.date <= '2025-01-14', `${d.path}: ${d.date}`);
    assert.match(d.text, new RegExp(`Ngày đăng: ${d.date!.slice(8, 10)}/${d.date!.slice(5, 7)}/${d.date!.slice(0, 4)}`));
    assert.equal(readArticle(d.text, d.path).article.date, d.date);
  }
  // The other dumps are what they were: the same draws.
  assert.equal(generateDump(11, 7).text, dumps[7]!.text);
});
