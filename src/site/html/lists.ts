/**
 * The pieces every list page shares, as `templates/_includes/articles-list.njk` and `pagination.njk`
 * write them (byte for byte: tests/site-html.test.ts), for the list kinds rendered thousands of times
 * (`unitPage.ts`, `authorPage.ts`, `datePages.ts`).
 */
import type { ArticleCard, ListingPage, UnitArticle } from '../archive.ts';
import type { SiteConfig } from '../config.ts';
import { vietnameseDate } from '../dates.ts';
import { ui } from '../strings.ts';
import { prefixUrl } from '../url.ts';
import { estimatedDate } from './articlePage.ts';
import { esc } from './escape.ts';

export type Site = Pick<SiteConfig, 'siteUrl' | 'pathPrefix'>;

/** `{{ path | url }}`, escaped. */
export function href(path: string, site: Site): string {
  return esc(prefixUrl(path, site.pathPrefix));
}

/**
 * `articles-list.njk`: `cards`, or a unit's articles (`unit`: the primary ones marked, no unit link),
 * with headings of `level`.
 */
export function articlesList(entries: ReadonlyArray<ArticleCard | UnitArticle>, kind: 'cards' | 'unit', level: number, site: Site): string {
  let html = '\n<ol class="articles">';
  for (const entry of entries) {
    const primary = kind === 'unit' && (entry as UnitArticle).primary;
    const card = kind === 'unit' ? (entry as UnitArticle).article : (entry as ArticleCard);
    html += `\n  <li class="card${primary ? ' card-primary' : ''}">\n    <h${level} class="card-title"><a href="${href(card.url, site)}">${esc(card.title)}</a>`;
    if (primary) {
      html += ` <span class="primary-mark" title="${esc(ui.unitPrimaryMark)}"><span aria-hidden="true">★</span><span class="visually-hidden">(${esc(ui.unitPrimaryMark)})</span></span>`;
    }
    html += `</h${level}>\n    <p class="card-meta">`;
    if (card.date) html += `<time datetime="${esc(card.date)}">${esc(vietnameseDate(card.date))}</time>`;
    else if (card.estimatedDate) html += estimatedDate(card.estimatedDate, false, site);
    else html += esc(ui.undated);
    if (card.series) html += ` · <span class="card-series">${esc(card.series)}</span>`;
    if (card.primaryUnit && kind !== 'unit') html += ` · <a href="${href(card.primaryUnit.url, site)}">${esc(card.primaryUnit.name)}</a>`;
    html += '\n    </p>';
    if (card.summary) html += `\n    <p class="card-summary">${esc(card.summary)}</p>`;
    html += '\n  </li>';
  }
  return `${html}\n</ol>\n`;
}

/** `pagination.njk`: a list page's navigation, nothing when the list has one page. */
export function pagination(listing: ListingPage<unknown>, site: Site): string {
  if (!listing.links.length) return '\n';
  let html = `\n<nav class="pagination" aria-label="${esc(ui.pagination)}">\n  <ul>`;
  if (listing.previousUrl) html += `\n    <li><a href="${href(listing.previousUrl, site)}" rel="prev">${esc(ui.previousPage)}</a></li>`;
  for (const link of listing.links) {
    if (link.kind === 'gap') {
      html += '\n    <li class="gap" aria-hidden="true">…</li>';
      continue;
    }
    const current = link.current ? ' aria-current="page"' : '';
    const label = link.kind === 'front' ? esc(ui.frontPage) : `<span class="visually-hidden">${esc(ui.page)} </span>${esc(link.number)}`;
    html += `\n    <li><a href="${href(link.url, site)}"${current}>${label}</a></li>`;
  }
  if (listing.nextUrl) html += `\n    <li><a href="${href(listing.nextUrl, site)}" rel="next">${esc(ui.nextPage)}</a></li>`;
  return `${html}\n  </ul>\n</nav>\n`;
}
