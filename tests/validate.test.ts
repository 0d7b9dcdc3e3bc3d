/** Every HTML page of the fixture site passes html-validate's recommended rules with no error. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { buildFixtureSite, readSiteFile, siteFiles, type BuiltSite } from './fixtures/site/build.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Article pages are titled with the headline as the dump printed it: we do not shorten the news.
    'long-title': 'off',
  },
});

let site: BuiltSite;
before(async () => {
  site = await buildFixtureSite();
});
after(() => site.remove());

test('every HTML page passes html-validate with no error', async () => {
  const pages = (await siteFiles(site.dir)).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length >= 20, `expected the whole fixture site, got ${pages.length} pages`);
  for (const kind of ['/tac-gia/index.html', '/tac-gia/dang-ninh/index.html', '/khong-ro-ngay/trung-doan-148-to-chuc-hoi-nghi-rut-kinh-nghiem-huan-luyen/index.html']) {
    assert.ok(pages.includes(kind), `${kind} is validated`);
  }
  const failures: string[] = [];
  for (const path of pages) {
    const report = await validator.validateString(await readSiteFile(site.dir, path), path);
    for (const result of report.results) {
      for (const m of result.messages) {
        if (m.severity === 2) failures.push(`${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
  }
  assert.deepEqual(failures, []);
});
