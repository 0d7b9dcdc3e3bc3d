/**
 * The page shell of `templates/_includes/layouts/base.njk` and its `site-header.njk`, as a function:
 * the page kinds rendered thousands of times (`articlePage.ts`) are written in TypeScript, compiled
 * once, instead of through Nunjucks, and must be byte for byte what the Nunjucks layout writes for the
 * other pages (tests/site-html.test.ts compares the two). Change both together.
 */
import { absoluteUrl, type SiteConfig } from '../config.ts';
import { ui } from '../strings.ts';
import { prefixUrl } from '../url.ts';
import { esc } from './escape.ts';

export interface ShellPage {
  /** The page's site-relative URL (Eleventy's `page.url`). */
  url: string;
  title?: string;
  description?: string;
  /** Which header link is the current section. */
  nav?: string;
  ogType?: string;
  noindex?: boolean;
  feedUrl?: string;
  feedTitle?: string;
  styles?: string[];
  scripts?: string[];
  /** Written after the feed links, inside `<head>`: trusted HTML (an article's meta tags and JSON-LD). */
  head?: string;
}

const SECTIONS = [
  { key: 'home', url: '/', label: ui.nav.home },
  { key: 'units', url: '/don-vi/', label: ui.nav.units },
  { key: 'authors', url: '/tac-gia/', label: ui.nav.authors },
  { key: 'glossary', url: '/thuat-ngu/', label: ui.nav.glossary },
  { key: 'stats', url: '/thong-ke/', label: ui.nav.stats },
];

/** The parts of the shell that depend on the site only (its path prefix), built once per site. */
interface SiteParts {
  url: (path: string) => string;
  headTop: string;
  icons: string;
  footer: string;
  searchForm: string;
}

const partsCache = new WeakMap<object, SiteParts>();

function siteParts(site: Pick<SiteConfig, 'siteUrl' | 'pathPrefix'>): SiteParts {
  let parts = partsCache.get(site);
  if (parts) return parts;
  const url = (path: string): string => esc(prefixUrl(path, site.pathPrefix));
  parts = {
    url,
    headTop:
      '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'">\n`,
    icons:
      `\n<meta name="color-scheme" content="light dark">` +
      `\n<link rel="icon" href="${url('/favicon.svg')}" type="image/svg+xml">` +
      `\n<link rel="stylesheet" href="${url('/css/site.css')}">`,
    searchForm:
      `\n    <form class="site-search" role="search" action="${url('/tim-kiem/')}" method="get">` +
      `\n      <label for="site-search-q">${esc(ui.searchLabel)}</label>` +
      `\n      <input id="site-search-q" name="q" type="search" placeholder="${esc(ui.searchPlaceholder)}" autocomplete="off">` +
      `\n      <button type="submit">${esc(ui.searchButton)}</button>` +
      '\n    </form>\n  </div>\n</header>\n',
    footer:
      '\n</main>\n<footer class="site-footer">\n  <div class="wrap">\n' +
      `    <p>${esc(ui.footer)}</p>\n` +
      `    <p><a href="${url('/feed.xml')}">${esc(ui.feed)}</a> · <a href="${url('/sitemap.xml')}">${esc(ui.sitemap)}</a></p>\n` +
      '  </div>\n</footer>\n</body>\n</html>\n',
  };
  partsCache.set(site, parts);
  return parts;
}

/** The whole document around `content` (the page body, trusted HTML), as base.njk writes it. */
export function shell(page: ShellPage, content: string, site: Pick<SiteConfig, 'siteUrl' | 'pathPrefix'>): string {
  const { url, headTop, icons, searchForm, footer } = siteParts(site);
  const title = page.title;
  const fullTitle = title && title !== ui.siteName ? `${title} · ${ui.siteName}` : ui.siteName;
  const description = page.description || ui.siteDescription;
  const pageUrl = esc(absoluteUrl(site, page.url));
  let html =
    headTop +
    `<title>${esc(fullTitle)}</title>\n<meta name="description" content="${esc(description)}">` +
    (page.noindex ? '\n<meta name="robots" content="noindex">' : `\n<link rel="canonical" href="${pageUrl}">`) +
    `\n<meta property="og:site_name" content="${esc(ui.siteName)}">` +
    '\n<meta property="og:locale" content="vi_VN">' +
    `\n<meta property="og:type" content="${esc(page.ogType || 'website')}">` +
    `\n<meta property="og:title" content="${esc(title || ui.siteName)}">` +
    `\n<meta property="og:description" content="${esc(description)}">` +
    `\n<meta property="og:url" content="${pageUrl}">` +
    icons;
  for (const href of page.styles ?? []) html += `\n<link rel="stylesheet" href="${url(href)}">`;
  html += `\n<link rel="alternate" type="application/atom+xml" title="${esc(ui.siteName)}: ${esc(ui.feedTitle)}" href="${url('/feed.xml')}">`;
  if (page.feedUrl) html += `\n<link rel="alternate" type="application/atom+xml" title="${esc(page.feedTitle)}" href="${url(page.feedUrl)}">`;
  html += page.head ?? '';
  for (const src of page.scripts ?? []) html += `\n<script type="module" src="${url(src)}"></script>`;
  html +=
    `\n</head>\n<body>\n<a class="skip-link" href="#main">${esc(ui.skipLink)}</a>\n` +
    `\n<header class="site-header">\n  <div class="wrap header-row">\n    <a class="site-name" href="${url('/')}">${esc(ui.siteName)}</a>` +
    `\n    <nav class="site-nav" aria-label="${esc(ui.navLabel)}">\n      <ul>`;
  for (const section of SECTIONS) {
    const current = page.url === section.url ? ' aria-current="page"' : page.nav === section.key ? ' aria-current="true"' : '';
    html += `\n        <li><a href="${url(section.url)}"${current}>${esc(section.label)}</a></li>`;
  }
  return html + '\n      </ul>\n    </nav>' + searchForm + '\n<main id="main" tabindex="-1">\n' + content + footer;
}
