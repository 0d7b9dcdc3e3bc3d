import assert from 'node:assert/strict';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeSearchPage } from '../src/bench/search.ts';
import { tempDir } from './support/tmp.ts';

test('search-bench: the search page it writes loads the search script and style the template declares', async () => {
  const dir = await tempDir('qk2-bench-search-');
  try {
    await writeSearchPage(dir);
    const html = await readFile(join(dir, 'tim-kiem', 'index.html'), 'utf8');
    assert.match(html, /<title>Tìm kiếm<\/title>/);
    assert.match(html, /<script type="module" src="\/js\/search\.js"><\/script>/);
    assert.match(html, /<link rel="stylesheet" href="\/css\/search\.css">/);
    assert.match(html, /<section class="search wrap" data-search/);
    assert.doesNotMatch(html, /const pagination|---js/, 'no front matter in the page');
    assert.ok((await stat(join(dir, 'js', 'search.js'))).size > 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
