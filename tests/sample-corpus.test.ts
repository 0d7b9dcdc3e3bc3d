/**
 * The illustrative corpus (`articles/`) against its manifest: each invented dump gives the title, date,
 * estimated date, units and authors the manifest says, so the sample keeps showing what it was written for.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeDump } from '../src/ingest/decode.ts';
import { DumpParseError } from '../src/parse/error.ts';
import { readArticle } from '../src/pipeline.ts';

const ROOT = join(import.meta.dirname, '..');

interface Entry {
  file: string;
  /** Empty when the dump has no title. */
  title: string;
  date: string | null;
  /** Only on the entries written for estimated dates. */
  estimatedDate?: string | null;
  variants: string[];
  units: string[];
  authors: string[];
  listing: boolean;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'sample-corpus-manifest.json'), 'utf8')) as Entry[];

test('the manifest describes undated articles that get an estimate and one whose year is unclear', () => {
  const undated = manifest.filter((e) => e.date === null && !e.listing);
  assert.ok(undated.filter((e) => typeof e.estimatedDate === 'string').length >= 3);
  assert.ok(undated.some((e) => e.estimatedDate === null));
});

for (const entry of manifest) {
  test(`sample ${entry.file}`, () => {
    const decoded = decodeDump(readFileSync(join(ROOT, entry.file)));
    assert.ok(decoded.ok, entry.file);
    if (entry.listing) {
      assert.throws(() => readArticle(decoded.text, entry.file), (e: unknown) => e instanceof DumpParseError && e.reason === 'listing');
      return;
    }
    const { article } = readArticle(decoded.text, entry.file);
    assert.equal(article.titleDerived ? '' : article.title, entry.title);
    assert.equal(article.date, entry.date);
    if (entry.estimatedDate !== undefined) assert.equal(article.estimatedDate, entry.estimatedDate);
    if (article.date !== null) assert.equal(article.estimatedDate, null);
    assert.deepEqual([...article.units].sort(), [...entry.units].sort());
    assert.deepEqual(article.authors, entry.authors);
  });
}
