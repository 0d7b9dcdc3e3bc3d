/**
 * Fixture dumps, one per variant the real dumps show (tests/fixtures/dumps/*.txt, invented text), each
 * with the exact article and warnings it must give (`*.json`; units are another module's, left empty).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseDump } from '../src/parse/parseDump.ts';
import type { Article } from '../src/schema.ts';

const DIR = join(import.meta.dirname, 'fixtures', 'dumps');

/** The article and warnings a dump gives, or the error it is rejected with. */
type Expected =
  | { article: Omit<Article, 'units'>; warnings: string[] }
  | { error: { reason: string; line: number; input: string; message: string } };

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

test('every fixture dump has its expected article', () => {
  assert.ok(fixtures.length >= 15, `only ${fixtures.length} fixtures`);
  for (const f of fixtures) assert.ok(readdirSync(DIR).includes(f.replace(/\.txt$/, '.json')), `${f} has no .json`);
});

for (const file of fixtures) {
  test(`fixture ${file}`, () => {
    const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.txt$/, '.json')), 'utf8')) as Expected;
    const text = readFileSync(join(DIR, file), 'utf8');
    if ('error' in expected) {
      assert.throws(() => parseDump(text, file), { name: 'DumpParseError', ...expected.error });
      return;
    }
    const { article, warnings } = parseDump(text, file);
    const { units, ...rest } = article;
    assert.deepEqual(units, []);
    assert.deepEqual(rest, expected.article);
    assert.deepEqual(warnings, expected.warnings);
  });
}

const articleFixtures = fixtures.filter((f) => !f.startsWith('listing'));

test('the body never holds the byline, boilerplate or image remnants', () => {
  for (const file of articleFixtures) {
    const { article } = parseDump(readFileSync(join(DIR, file), 'utf8'), file);
    for (const block of article.body) {
      assert.doesNotMatch(block.text, /^(?:Trả lời|Phản hồi|Các tin khác|Mới nhất|Xem nhiều nhất|Tin liên quan)$/u, file);
      assert.doesNotMatch(block.text, /Thư điện tử của bạn|!\[\]\(|\.jpg\)|^\|$/u, file);
      if (article.byline) assert.ok(!article.byline.split('\n').includes(block.text), `${file}: byline in body`);
    }
    assert.deepEqual(
      article.body.filter((b) => b.kind === 'caption').map((b) => b.text),
      article.captions,
      `${file}: captions are the body's caption blocks, in order`,
    );
  }
});

test('parsing is pure and idempotent over line endings and NFD input', () => {
  const file = 'canonical-qk2.txt';
  const text = readFileSync(join(DIR, file), 'utf8');
  const lf = parseDump(text, file);
  assert.deepEqual(parseDump(text.replace(/\n/g, '\r\n'), file), lf);
  assert.deepEqual(parseDump(text.normalize('NFD'), file), lf);
  assert.deepEqual(parseDump(text, file), lf);
});
