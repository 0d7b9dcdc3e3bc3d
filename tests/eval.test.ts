/** The evaluation tool: comparisons per field, corpus figures, thresholds, and the CLI end to end. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { compareFile, type Outcome } from '../src/eval/compare.ts';
import type { Label } from '../src/eval/labels.ts';
import { LabelsError, parseLabels } from '../src/eval/labels.ts';
import { formatSummary } from '../src/eval/format.ts';
import { parseThreshold, score, shortfalls, ThresholdError } from '../src/eval/score.ts';
import type { Article } from '../src/schema.ts';

const ROOT = join(import.meta.dirname, '..');
const CORPUS = join(import.meta.dirname, 'fixtures', 'eval-corpus');

const ARTICLE: Article = {
  title: 'Sư đoàn 316 tổ chức hội thao',
  titleDerived: false,
  date: '2024-05-03',
  estimatedDate: null,
  estimatedFrom: null,
  crawledAt: '2024-05-07T09:30:00+07:00',
  series: null,
  dateline: 'QK2',
  summary: 'Ngày 2/5, …',
  byline: 'Tin, ảnh: VŨ HOÀNG',
  authors: ['VŨ HOÀNG'],
  units: ['Sư đoàn 316', 'Quân khu 2'],
  captions: ['Ảnh một.', 'Ảnh hai.', 'Ảnh một.'],
  body: [],
  truncated: false,
  source: 'a.txt',
};
const LABEL: Label = {
  file: 'a.txt',
  page_type: 'article',
  title: 'Sư đoàn 316 tổ chức hội thao',
  published: '2024-05-03',
  crawled: '2024-05-07T09:30:00',
  series: null,
  byline: 'Tin, ảnh: VŨ HOÀNG',
  authors: ['Vũ Hoàng'],
  captions: ['Ảnh hai.', 'Ảnh một.'],
  units: ['Sư đoàn 316', 'Trung đoàn 98'],
  estimated_ok: [],
};
const article = (a: Partial<Article> = {}): Outcome => ({ kind: 'article', article: { ...ARTICLE, ...a } });
const matches = (label: Partial<Label>, outcome: Outcome) =>
  Object.fromEntries(compareFile({ ...LABEL, ...label }, outcome).fields.map((f) => [f.field, f.match]));

// ── Per-field comparison ────────────────────────────────────────────────────────────────────────
const CASES: Array<[name: string, label: Partial<Label>, outcome: Outcome, field: string, match: boolean | undefined]> = [
  ['the same title', {}, article(), 'title', true],
  ['another title', {}, article({ title: 'Khác' }), 'title', false],
  ['an empty title label and a derived title', { title: '' }, article({ title: 'Ngày 2/5, …', titleDerived: true }), 'title', true],
  ['an empty title label and a printed title', { title: '' }, article(), 'title', false],
  ['a derived title where the label has one', {}, article({ titleDerived: true }), 'title', false],
  ['a null label is not scored', { series: null }, article({ series: 'Bài 1: …' }), 'series', undefined],
  ['crawl times compared as local date-times', {}, article(), 'crawled', true],
  ['a crawl time one second off', { crawled: '2024-05-07T09:30:01' }, article(), 'crawled', false],
  ['no date where the label has one', {}, article({ date: null }), 'published', false],
  ['authors in another case', {}, article(), 'authors', true],
  ['an author missing', { authors: ['Vũ Hoàng', 'Lê Minh'] }, article(), 'authors', false],
  ['captions as a set (repeats and order aside)', {}, article(), 'captions', true],
  ['a caption missing', { captions: ['Ảnh ba.'] }, article(), 'captions', false],
  ['a listing rejected as a listing', { page_type: 'listing' }, { kind: 'rejected', reason: 'listing', message: '', crawledAt: null }, 'page_type', true],
  ['an article rejected as a listing', {}, { kind: 'rejected', reason: 'listing', message: '', crawledAt: null }, 'page_type', false],
  ['a listing published as an article', { page_type: 'listing' }, article(), 'page_type', false],
  ['the crawl time of a rejected page', {}, { kind: 'rejected', reason: 'listing', message: '', crawledAt: '2024-05-07T09:30:00+07:00' }, 'crawled', true],
  ['a crashed parse matches nothing', { authors: [] }, { kind: 'crashed', message: 'TypeError' }, 'authors', false],
  ['a missing file matches nothing', { captions: [] }, { kind: 'missing' }, 'captions', false],
];
for (const [name, label, outcome, field, match] of CASES) {
  test(`compare: ${name}`, () => assert.equal(matches(label, outcome)[field], match));
}

test('units: true and false positives and negatives by canonical name', () => {
  const v = compareFile({ ...LABEL, units: ['Sư đoàn 316', 'Trung đoàn 98', 'Ban CHQS huyện Quảng Hoà'] }, article({ units: ['Sư đoàn 316', 'Quân khu 2', 'Ban CHQS huyện Quảng Hòa'] }));
  assert.deepEqual(v.units, {
    truePositives: 2,
    falsePositives: 1,
    falseNegatives: 1,
    missing: ['Trung đoàn 98'],
    extra: ['Quân khu 2'],
  });
  assert.equal(compareFile({ ...LABEL, units: null }, article()).units, null);
});

// ── Corpus figures and thresholds ───────────────────────────────────────────────────────────────
test('score: accuracy over labelled files, units micro-averaged', () => {
  const s = score([compareFile(LABEL, article()), compareFile(LABEL, article({ title: 'Khác', units: [] }))]);
  assert.deepEqual(s.fields.title, { matched: 1, scored: 2, accuracy: 0.5 });
  assert.deepEqual(s.fields.series, { matched: 0, scored: 0, accuracy: null });
  assert.equal(s.units.truePositives, 1);
  assert.equal(s.units.falsePositives, 1);
  assert.equal(s.units.falseNegatives, 3);
  assert.equal(s.units.precision, 0.5);
  assert.equal(s.units.recall, 0.25);
  assert.equal(s.units.f1!.toFixed(4), (1 / 3).toFixed(4));
});

// ── Estimated dates: right or wrong, made or not ────────────────────────────────────────────────
const UNDATED: Partial<Article> = { date: null, estimatedDate: '2024-11-18', estimatedFrom: 'Chiều 18-11 … kiểm tra toàn diện năm 2024' };
const ESTIMATES: Array<[name: string, label: Partial<Label>, got: Partial<Article>, verdict: { made: boolean; right: boolean } | null]> = [
  ['not labelled: not scored', {}, UNDATED, null],
  ['the labelled date', { estimated: '2024-11-18' }, UNDATED, { made: true, right: true }],
  ['another date', { estimated: '2023-11-18' }, UNDATED, { made: true, right: false }],
  ['another right answer', { estimated: '2024-11-17', estimated_ok: ['2024-11-18'] }, UNDATED, { made: true, right: true }],
  ['no estimate where one is labelled', { estimated: '2024-11-18' }, { date: null }, { made: false, right: false }],
  ['no estimate where none is possible', { estimated: null }, { date: null }, { made: false, right: true }],
  ['an estimate where none is possible', { estimated: null }, UNDATED, { made: true, right: false }],
  ['no estimate, which the label allows', { estimated: '2024-11-18', estimated_ok: [null] }, { date: null }, { made: false, right: true }],
];
for (const [name, label, got, expected] of ESTIMATES) {
  test(`estimate: ${name}`, () => {
    const v = compareFile({ ...LABEL, ...label }, article(got)).estimate;
    assert.deepEqual(v && { made: v.made, right: v.right }, expected);
  });
}

test('score: estimates, precision over those made and recall over those labelled with a date', () => {
  const verdicts = ESTIMATES.map(([, label, got]) => compareFile({ ...LABEL, ...label }, article(got)));
  // Made: 4 (right 2); labelled: 7; labelled with a date: 5 (right estimates among them: 2).
  assert.deepEqual(score(verdicts).estimated, { labelled: 7, dated: 5, made: 4, right: 2, precision: 0.5, recall: 0.4 });
  assert.deepEqual(score([compareFile(LABEL, article())]).estimated, { labelled: 0, dated: 0, made: 0, right: 0, precision: null, recall: null });
});

test('labels: estimated is a date, null, or absent; estimated_ok lists dates and null', () => {
  const [absent, none, dated] = parseLabels(
    '[{"file": "a.txt"}, {"file": "b.txt", "estimated": null}, {"file": "c.txt", "estimated": "2020-09-15", "estimated_ok": ["2020-09-16", null]}]',
    'l.json',
  );
  assert.equal(absent!.estimated, undefined);
  assert.deepEqual(absent!.estimated_ok, []);
  assert.equal(none!.estimated, null);
  assert.equal(dated!.estimated, '2020-09-15');
  assert.deepEqual(dated!.estimated_ok, ['2020-09-16', null]);
  assert.throws(() => parseLabels('[{"file": "a.txt", "estimated": "15/9/2020"}]', 'l.json'), /entry 0: estimated="15\/9\/2020"/);
  assert.throws(() => parseLabels('[{"file": "a.txt", "estimated_ok": "2020-09-16"}]', 'l.json'), /estimated_ok is not a list/);
});

const THRESHOLDS: Array<[input: string, metric: string, min: number]> = [
  ['estimated.precision=0.95', 'estimated.precision', 0.95],
  ['estimated.recall=0.7', 'estimated.recall', 0.7],
  ['title=0.95', 'title', 0.95],
  ['units.f1=0.9', 'units.f1', 0.9],
  ['date=1', 'published', 1],
  ['crawledAt=.5', 'crawled', 0.5],
  ['page_type=0', 'page_type', 0],
];
for (const [input, metric, min] of THRESHOLDS) {
  test(`threshold ${input}`, () => assert.deepEqual(parseThreshold(input), { metric, min }));
}
for (const input of ['title', 'title=', 'colour=0.9', 'title=1.5', 'title=abc', 'units.f2=0.9']) {
  test(`threshold ${JSON.stringify(input)} is refused`, () => assert.throws(() => parseThreshold(input), ThresholdError));
}

test('shortfalls: below the target, or not measurable at all', () => {
  const s = score([compareFile(LABEL, article({ title: 'Khác' }))]);
  const short = shortfalls(s, ['title=0.5', 'authors=1', 'series=0.9'].map(parseThreshold));
  assert.deepEqual(
    short.map((x) => [x.metric, x.value]),
    [
      ['title', 0],
      ['series', null],
    ],
  );
  assert.match(formatSummary(s, short), /— BELOW TARGET: title 0\.000 < 0\.5, series n\/a < 0\.9$/);
  assert.match(formatSummary(s, []), /— all targets met$/);
});

test('labels: a malformed file is refused with its name', () => {
  assert.throws(() => parseLabels('{', 'x/labels.json'), LabelsError);
  assert.throws(() => parseLabels('[{"file": "a.txt", "authors": "KB"}]', 'x/labels.json'), /invalid labels: x\/labels\.json: entry 0: authors/);
  assert.equal(parseLabels('[{"file": "a.txt"}]', 'l.json')[0]!.title, null);
});

// ── The CLI on a tiny labelled corpus of invented dumps ─────────────────────────────────────────
function runEval(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/eval.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('eval CLI: per-file diffs, the figures and one summary line; exit 0 when targets are met', () => {
  const { code, out } = runEval('--corpus', CORPUS, '--min', 'crawled=1', '--min', 'byline=1');
  assert.equal(code, 0, out);
  // The deliberately wrong labels of d-mismatch.txt, and the absent e-missing.txt.
  assert.match(out, /^eval-corpus\/d-mismatch\.txt\n  published expected "2024-06-12"\n {12}got {6}null$/mu);
  assert.match(out, /^ {2}authors {3}expected \["ĐỖ QUANG","LÊ MINH"\]$/mu);
  assert.match(out, /^eval-corpus\/e-missing\.txt {2}\(file missing\)$/mu);
  // Files that match everywhere have no diff.
  assert.doesNotMatch(out, /a-complete|b-no-title|c-listing|f-estimated/u);
  assert.match(out, /^ {2}title {15}0\.800 {2}\(4\/5\)$/mu);
  assert.match(out, /^ {2}page_type {11}0\.833 {2}\(5\/6\)$/mu);
  // f-estimated.txt is estimated right, d-mismatch.txt (labelled with a date its lead cannot give) not at all.
  assert.match(out, /^ {2}estimated expected "2024-06-12"\n {12}got {6}null$/mu);
  assert.match(out, /^ {2}estimated\.precision 1\.000 {2}\(1\/1 estimates made, 3 files labelled\)$/mu);
  assert.match(out, /^ {2}estimated\.recall {4}0\.500 {2}\(1\/2 labelled with a date\)$/mu);
  const last = out.trimEnd().split('\n').at(-1)!;
  assert.match(last, /^eval: 6 files · title 0\.800 · published 0\.500 · crawled 1\.000 · .* · estimated P 1\.000 R 0\.500 — all targets met$/u);
});

test('eval CLI: exit 1 when a figure falls short, naming it', () => {
  const { code, out } = runEval('--corpus', CORPUS, '--min', 'title=0.95', '--min', 'crawled=1', '--min', 'estimated.precision=0.95', '--min', 'estimated.recall=0.7');
  assert.equal(code, 1);
  assert.match(out.trimEnd().split('\n').at(-1)!, /BELOW TARGET: title 0\.800 < 0\.95, estimated\.recall 0\.500 < 0\.7$/u);
});

test('eval CLI: exit 2 on a usage error', () => {
  assert.equal(runEval().code, 2);
  assert.equal(runEval('--corpus', CORPUS, '--min', 'colour=0.9').code, 2);
  assert.equal(runEval('--corpus', join(CORPUS, 'no-such-folder')).code, 2);
});
