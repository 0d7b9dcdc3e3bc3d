/**
 * An article's page (`templates/article.11ty.ts`): what `templates/_includes/pages/article.njk` wrote
 * inside the base layout, as one TypeScript function. Article pages are most of the site (10,000 of
 * 17,500 pages at 10,000 articles); through Nunjucks each cost ~1 ms of template lookups, scope frames
 * and escapes, here a few string concatenations. The bytes are the Nunjucks template's
 * (tests/site-html.test.ts).
 */
import type { ArchiveArticle, ArticleCard } from '../archive.ts';
import { absoluteUrl, type SiteConfig } from '../config.ts';
import { crawlTime, shortDate, vietnameseDate } from '../dates.ts';
import { articleJsonLd } from '../jsonLd.ts';
import { ui } from '../strings.ts';
import { prefixUrl } from '../url.ts';
import { esc } from './escape.ts';
import { shell } from './shell.ts';

type Site = Pick<SiteConfig, 'siteUrl' | 'pathPrefix'>;

const SERIES_NUMBER = /^Bài\s+\d+\s*[:.–-]\s*/;

/** `estimated-date.njk`: `khoảng 30/6/2022 (ước tính từ bài)`, linking to its month with `link`. */
export function estimatedDate(date: string, link: boolean, site: Site): string {
  const time = `<time datetime="${esc(date)}">${esc(shortDate(date))}</time>`;
  const shown = link ? `<a href="${esc(prefixUrl(`/${date.slice(0, 4)}/${date.slice(5, 7)}/`, site.pathPrefix))}">${time}</a>` : time;
  return `<span class="estimated">${esc(ui.estimatedAbout)} ${shown} ${esc(ui.estimatedMark)}</span>`;
}

function articleBody(article: ArchiveArticle, site: Site): string {
  const url = (path: string): string => esc(prefixUrl(path, site.pathPrefix));
  let html = '\n<article class="article wrap-narrow">\n  <header class="article-header">';
  if (article.series) {
    const seriesName = article.series.replace(SERIES_NUMBER, '');
    html += `\n    <p class="article-series">${esc(ui.series)}: <a href="${url('/tim-kiem/')}?q=${esc(encodeURIComponent(seriesName))}">${esc(article.series)}</a></p>`;
  }
  html += `\n    <h1>${esc(article.title)}</h1>\n    <p class="article-meta">`;
  if (article.date) html += `\n      <time datetime="${esc(article.date)}">${esc(vietnameseDate(article.date))}</time>`;
  else if (article.estimatedDate) html += estimatedDate(article.estimatedDate, true, site);
  else html += `\n      <a href="${url('/khong-ro-ngay/')}">${esc(ui.undated)}</a>`;
  html += `\n      <span aria-hidden="true"> · </span><span>${esc(ui.readingTime(article.readingMinutes))}</span>\n    </p>`;
  if (article.estimatedDate && !article.date) {
    const from = article.estimatedFrom ? `, ${esc(ui.estimatedFrom)}: «${esc(article.estimatedFrom)}»` : '';
    html += `\n    <p class="article-estimate">${esc(ui.estimatedNote)}${from}.</p>`;
  }
  if (article.bylineParts) {
    const parts = article.bylineParts.map((part) => (part.url ? `<a href="${url(part.url)}">${esc(part.text)}</a>` : esc(part.text)));
    html += `\n    <p class="article-byline">${parts.join('')}</p>`;
  } else {
    if (article.byline) html += `\n    <p class="article-byline">${esc(article.byline)}</p>`;
    if (article.authorLinks.length) {
      const links = article.authorLinks.map((author) => `<a href="${url(author.url)}">${esc(author.name)}</a>`);
      html += `\n    <p class="article-authors">${esc(ui.authorsLabel)}: ${links.join(', ')}</p>`;
    }
  }
  if (article.unitLinks.length) {
    html += `\n    <div class="article-units">\n      <h2 class="visually-hidden">${esc(ui.units)}</h2>\n      <ul class="tags">`;
    for (const unit of article.unitLinks) html += `\n        <li><a href="${url(unit.url)}">${esc(unit.name)}</a></li>`;
    html += '\n      </ul>\n    </div>';
  }
  html += `\n    <p class="print-only">${esc(absoluteUrl(site, article.url))}</p>\n  </header>\n  <div class="article-body">\n${article.html}\n  </div>`;
  if (article.truncated) html += `\n  <p class="note">${esc(ui.truncatedNote)}</p>`;
  html += '\n  <p class="note article-source">';
  html += article.crawledAt
    ? `\n    ${esc(ui.retrieved)} <time datetime="${esc(article.crawledAt)}">${esc(crawlTime(article.crawledAt))}</time>.`
    : `\n    ${esc(ui.retrievedUnknown)}`;
  html += `\n    ${esc(ui.sourceFile)}: <code>${esc(article.source)}</code>.\n  </p>\n</article>\n<div class="article-aside wrap-narrow no-print">`;
  if (article.older || article.newer) {
    html += `\n  <nav class="article-nav" aria-label="${esc(ui.articleNav)}">\n    <ul>`;
    if (article.older) html += `\n      <li class="older"><span class="label">${esc(ui.olderArticle)}</span> <a href="${url(article.older.url)}" rel="prev">${esc(article.older.title)}</a></li>`;
    if (article.newer) html += `\n      <li class="newer"><span class="label">${esc(ui.newerArticle)}</span> <a href="${url(article.newer.url)}" rel="next">${esc(article.newer.title)}</a></li>`;
    html += '\n    </ul>\n  </nav>';
  }
  if (article.related.length) {
    html += `\n  <section class="related" aria-labelledby="related-heading">\n    <h2 id="related-heading">${esc(ui.related)}</h2>\n    <ul>`;
    for (const card of article.related) html += `\n      <li><a href="${url(card.url)}">${esc(card.title)}</a>${cardDate(card, site)}</li>`;
    html += '\n    </ul>\n  </section>';
  }
  return html + '\n</div>\n\n';
}

function cardDate(card: ArticleCard, site: Site): string {
  if (card.date) return ` <time datetime="${esc(card.date)}">${esc(shortDate(card.date))}</time>`;
  if (card.estimatedDate) return ` ${estimatedDate(card.estimatedDate, false, site)}`;
  return '';
}

/** The meta tags and JSON-LD base.njk adds to `<head>` for an article. */
function articleHead(article: ArchiveArticle, site: Site): string {
  let head = article.date ? `\n<meta property="article:published_time" content="${esc(article.date)}">` : '';
  for (const unit of article.units) head += `\n<meta property="article:tag" content="${esc(unit)}">`;
  return `${head}\n<script type="application/ld+json">${articleJsonLd(article, site)}</script>`;
}

/** The whole HTML document of an article's page. */
export function articlePage(article: ArchiveArticle, site: Site): string {
  const page = { url: article.url, title: article.title, description: article.summary, ogType: 'article', head: articleHead(article, site) };
  return shell(page, articleBody(article, site), site);
}
