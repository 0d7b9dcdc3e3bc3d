/**
 * A link checker over the whole built site, without and with a path prefix: every internal link, asset,
 * form action, stylesheet `url()` and feed/sitemap URL resolves to a file in the output, and nothing
 * points at another host.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildFixtureSite, readSiteFile, siteFiles, type BuiltSite } from './fixtures/site/build.ts';

const SITE_URL = 'https://luutru.example.vn';
// Addresses that are names, not links: XML namespaces and the schema.org vocabulary of JSON-LD.
const NOT_LINKS = new Set([
  'http://www.w3.org/2005/Atom',
  'http://www.sitemaps.org/schemas/sitemap/0.9',
  'http://www.w3.org/2000/svg',
]);

const decodeEntities = (s: string): string =>
  s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Every URL a file refers to, as written. */
function references(path: string, text: string): string[] {
  if (path.endsWith('.html')) {
    return [...text.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
  }
  if (path.endsWith('.css')) return [...text.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!.replace(/^['"]|['"]$/g, ''));
  if (path.endsWith('.xml')) {
    return [...text.matchAll(/(?:href="([^"]+)"|<loc>([^<]+)<\/loc>|<id>([^<]+)<\/id>)/g)].map((m) =>
      decodeEntities(m[1] ?? m[2] ?? m[3]!),
    );
  }
  if (path.endsWith('.txt')) return [...text.matchAll(/^Sitemap: (\S+)$/gm)].map((m) => m[1]!);
  return [];
}

/** The output file a URL resolves to, or an error message. */
function resolveReference(from: string, url: string, prefix: string, files: Set<string>): string | null {
  if (NOT_LINKS.has(url) || url.startsWith('#') || url.startsWith('data:')) return null;
  const absolute = new URL(url, `${SITE_URL}${prefix}${from.slice(1)}`);
  if (absolute.origin !== SITE_URL) return `${from}: ${url} points at another host`;
  if (!absolute.pathname.startsWith(prefix)) return `${from}: ${url} is outside ${prefix}`;
  const local = decodeURIComponent(absolute.pathname.slice(prefix.length - 1));
  const file = local.endsWith('/') ? `${local}index.html` : local;
  return files.has(file) ? null : `${from}: ${url} → ${file} is missing`;
}

async function brokenLinks(site: BuiltSite, prefix: string): Promise<{ broken: string[]; checked: number }> {
  const all = await siteFiles(site.dir);
  const files = new Set(all);
  const broken: string[] = [];
  let checked = 0;
  for (const path of all.filter((f) => /\.(html|css|xml|txt)$/.test(f))) {
    for (const url of references(path, await readSiteFile(site.dir, path))) {
      checked++;
      const problem = resolveReference(path, url, prefix, files);
      if (problem) broken.push(problem);
    }
  }
  return { broken, checked };
}

for (const prefix of ['/', '/luu-tru/']) {
  describe(`links with path prefix ${prefix}`, () => {
    let site: BuiltSite;
    before(async () => {
      site = await buildFixtureSite({ pathPrefix: prefix, siteUrl: SITE_URL });
    });
    after(() => site.remove());

    test('no broken internal link or missing asset, and no other host', async () => {
      const { broken, checked } = await brokenLinks(site, prefix);
      assert.ok(checked > 500, `only ${checked} references found: is the checker reading the pages?`);
      const files = await siteFiles(site.dir);
      for (const page of ['/tac-gia/index.html', '/tac-gia/dang-ninh/index.html', '/tac-gia/dang-ninh/feed.xml', '/khong-ro-ngay/trung-doan-148-to-chuc-hoi-nghi-rut-kinh-nghiem-huan-luyen/index.html']) {
        assert.ok(files.includes(page), `${page} is checked`);
      }
      assert.deepEqual(broken, []);
    });

    test('the checker itself notices a missing page', async () => {
      const files = new Set(await siteFiles(site.dir));
      assert.match(resolveReference('/index.html', `${prefix}khong-co/`, prefix, files) ?? '', /missing/);
      assert.match(resolveReference('/index.html', 'https://cdn.example.com/x.js', prefix, files) ?? '', /another host/);
    });
  });
}
