/**
 * A hostile corpus (dumps carrying `<script>`, `<img onerror>`, `<iframe>`, `javascript:` links and
 * quotes in titles) built into a whole site; every output file is then checked for any of it as markup.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseDocument } from 'htmlparser2';
// htmlparser2's own node types (domhandler, its dependency).
import type { Element, Node as ChildNode } from 'domhandler';
import { build } from '../src/build.ts';
import type { BuildReport } from '../src/report.ts';
import { tempDir } from './support/tmp.ts';

const HOSTILE = path.resolve(import.meta.dirname, 'fixtures/ingest/hostile');
/** Every hostile string in the fixtures carries `xss`, so text that merely mentions it is easy to find. */
const MARK = 'xss';

let site = '';
let report: BuildReport;
let files: string[] = [];

before(async () => {
  const work = await tempDir('hostile-work-');
  site = path.join(await tempDir('hostile-site-'), '_site');
  report = await build({ input: HOSTILE, output: site, work, strict: false, cache: false });
  const entries = await readdir(site, { recursive: true, withFileTypes: true });
  files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
});

function elements(nodes: ChildNode[]): Element[] {
  const out: Element[] = [];
  for (const node of nodes) {
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      out.push(node as Element);
      out.push(...elements((node as Element).children));
    }
  }
  return out;
}

const textOf = (el: Element): string =>
  el.children.map((c) => ('data' in c ? String(c.data) : c.type === 'tag' ? textOf(c as Element) : '')).join('');

/** What the dumps tried to inject, as an HTML document would run or show it. */
function markupProblems(html: string, where: string): string[] {
  const problems: string[] = [];
  for (const el of elements(parseDocument(html).children)) {
    const name = el.name.toLowerCase();
    if (name === 'iframe' || name === 'object' || name === 'embed') problems.push(`${where}: <${name}>`);
    for (const [attr, value] of Object.entries(el.attribs)) {
      if (/^on/i.test(attr)) problems.push(`${where}: <${name} ${attr}=…>`);
      if (/^\s*javascript:/i.test(value)) problems.push(`${where}: <${name} ${attr}="${value}">`);
      // A slug made from a hostile title, or a percent-encoded search query, is a harmless http(s) URL.
      const sanitizedUrl = /^(?:https?:\/\/[\w.:-]+)?\/[^\s<>"]*$/;
      if (value.includes(MARK) && /^(?:src|href|action|style|srcdoc|formaction)$/i.test(attr) && !sanitizedUrl.test(value)) {
        problems.push(`${where}: dump text in <${name} ${attr}="${value}">`);
      }
    }
    if (name === 'script') {
      const body = textOf(el);
      const type = (el.attribs.type ?? '').toLowerCase();
      if (type === 'application/ld+json') {
        if (/<\/?script|<!--/i.test(body)) problems.push(`${where}: JSON-LD can close its <script>`);
        assert.doesNotThrow(() => JSON.parse(body), `${where}: JSON-LD is not JSON`);
      } else if (body.includes(MARK)) problems.push(`${where}: dump text inside a script`);
    }
    if (name === 'img' && Object.values(el.attribs).some((v) => v.includes(MARK))) problems.push(`${where}: injected <img>`);
  }
  return problems;
}

test('hostile: the hostile dumps were published (the checks below are not vacuous)', () => {
  assert.equal(report.published, 2, JSON.stringify(report.entries));
  assert.ok(files.some((f) => f.endsWith('.html')));
});

test('hostile: no HTML page carries dump markup, and each title shows as its literal text', async () => {
  const problems: string[] = [];
  let titlesSeen = 0;
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const html = await readFile(file, 'utf8');
    problems.push(...markupProblems(html, path.relative(site, file)));
    const h1 = elements(parseDocument(html).children).find((e) => e.name === 'h1');
    if (h1 && textOf(h1).includes('<script>alert("xss-title")</script>')) titlesSeen++;
    if (h1 && textOf(h1).includes(`Lào Cai" onmouseover="alert('xss-attr')`)) titlesSeen++;
  }
  assert.deepEqual(problems, []);
  assert.equal(titlesSeen, 2);
});

test('hostile: feeds carry dump text as text, and their HTML content is safe HTML', async () => {
  const problems: string[] = [];
  const feeds = files.filter((f) => f.endsWith('.xml'));
  assert.ok(feeds.length > 0);
  for (const file of feeds) {
    const where = path.relative(site, file);
    const xml = parseDocument(await readFile(file, 'utf8'), { xmlMode: true });
    for (const el of elements(xml.children)) {
      if (['script', 'img', 'iframe', 'a', 'b'].includes(el.name.toLowerCase())) problems.push(`${where}: <${el.name}> element in the feed`);
      // Atom `type="html"` and RSS descriptions are HTML once a reader unescapes them.
      const isHtml = el.attribs.type === 'html' || el.name === 'description' || el.name === 'content:encoded';
      if (isHtml) problems.push(...markupProblems(textOf(el), `${where} <${el.name}>`));
    }
  }
  assert.deepEqual(problems, []);
});

test('hostile: every other text file holds no dump markup', async () => {
  const problems: string[] = [];
  for (const file of files) {
    const where = path.relative(site, file);
    if (/\.(?:html|xml|woff2?|png|jpe?g|gif|ico|webp|pagefind|pf_\w+)$/.test(file)) continue;
    const text = await readFile(file, 'utf8');
    if (file.endsWith('.json')) assert.doesNotThrow(() => JSON.parse(text), where);
    // Scripts, styles and headers are the site's own: no dump text belongs in them at all.
    if (text.includes(MARK)) problems.push(`${where}: dump text in a ${path.extname(file) || 'plain'} file`);
  }
  assert.deepEqual(problems, []);
});

test('hostile: search records are data, and the search page never parses them as HTML', async () => {
  const fragments = files.filter((f) => f.endsWith('.pf_fragment'));
  assert.ok(fragments.length >= 2);
  for (const file of fragments) {
    const raw = gunzipSync(await readFile(file)).toString('utf8');
    assert.ok(raw.startsWith('pagefind_dcd'), file);
    const record = JSON.parse(raw.slice('pagefind_dcd'.length)) as { url: string; meta: Record<string, string> };
    assert.match(record.url, /^\/[a-z0-9/-]+\/$/, 'a record links to a sanitized URL');
  }
  // The records hold the text as written; it is safe only because the page renders it as text.
  const scripts = files.filter((f) => f.endsWith('.js') && !f.includes(`${path.sep}pagefind${path.sep}`));
  assert.ok(scripts.length > 0);
  for (const file of scripts) {
    const source = await readFile(file, 'utf8');
    assert.doesNotMatch(source, /\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|createContextualFragment/, path.relative(site, file));
  }
});
