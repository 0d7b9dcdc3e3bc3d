/**
 * The home page and its numbered pages, the month archives and the undated list (`templates/index.11ty.ts`,
 * `month.11ty.ts`, `undated.11ty.ts`): what their Nunjucks templates wrote, byte for byte
 * (tests/site-html.test.ts).
 */
import type { Archive, ArticleCard, ListingPage, MonthPage } from '../archive.ts';
import { ui } from '../strings.ts';
import { esc } from './escape.ts';
import { articlesList, href, pagination, type Site } from './lists.ts';
import { shell } from './shell.ts';

const pageNumber = (number: number | undefined): string => (number ? ` <span class="page-number">${esc(ui.pageOf(number))}</span>` : '');

/** `/` and `/trang/N/`. A numbered page shows its articles only: nothing that changes as the archive grows. */
export function homePage(listing: ListingPage<ArticleCard>, archive: Pick<Archive, 'years' | 'statistics'>, site: Site): string {
  let html = '<div class="wrap home">\n  <div class="home-main">';
  html += listing.number ? `\n    <h1>${esc(ui.homeArchiveHeading)}${pageNumber(listing.number)}</h1>` : `\n    <h1>${esc(ui.homeHeading)}</h1>`;
  html += articlesList(listing.items, 'cards', 2, site) + pagination(listing, site) + '\n  </div>';
  if (!listing.number) {
    html += `\n  <aside class="home-aside" aria-labelledby="archive-heading">\n    <h2 id="archive-heading">${esc(ui.archiveHeading)}</h2>\n    <ul class="year-list">`;
    for (const year of archive.years) html += `\n      <li><a href="${href(year.url, site)}">${esc(year.year)}</a> <span class="count">${esc(ui.articles(year.count))}</span></li>`;
    const { undated } = archive.statistics;
    if (undated) html += `\n      <li><a href="${href('/khong-ro-ngay/', site)}">${esc(ui.undated)}</a> <span class="count">${esc(ui.articles(undated))}</span></li>`;
    html += '\n    </ul>\n  </aside>';
  }
  const title = listing.number ? `${ui.homeArchiveHeading} · ${ui.pageOf(listing.number)}` : ui.siteName;
  return shell({ url: listing.url, title, nav: 'home' }, `${html}\n</div>\n\n`, site);
}

/** `/YYYY/MM/` and its numbered pages. */
export function monthPage(listing: MonthPage, site: Site): string {
  const { month } = listing;
  let html =
    `<div class="wrap">\n  <nav class="breadcrumbs" aria-label="${esc(ui.breadcrumb)}"><a href="${href('/', site)}">${esc(ui.nav.home)}</a> › ` +
    `<a href="${href(listing.yearUrl, site)}">${esc(month.year)}</a> › <span aria-current="page">${esc(ui.monthShort(month.month))}</span></nav>` +
    `\n  <h1>${esc(month.label)}${pageNumber(listing.number)}</h1>`;
  if (!listing.number) html += `\n  <p class="lead">${esc(ui.articles(month.count))}</p>`;
  html += articlesList(listing.items, 'cards', 2, site) + pagination(listing, site);
  const title = month.label + (listing.number ? ` · ${ui.pageOf(listing.number)}` : '');
  return shell({ url: listing.url, title, nav: 'home' }, `${html}\n</div>\n\n`, site);
}

/** `/khong-ro-ngay/` and its numbered pages: the articles with neither a date nor an estimate. */
export function undatedPage(listing: ListingPage<ArticleCard>, archive: Pick<Archive, 'statistics'>, site: Site): string {
  let html = `<div class="wrap">\n  <h1>${esc(ui.undatedHeading)}${pageNumber(listing.number)}</h1>`;
  if (!listing.number) html += `\n  <p class="lead">${esc(ui.undatedNote)} ${esc(ui.articles(archive.statistics.undated))}.</p>`;
  html += articlesList(listing.items, 'cards', 2, site) + pagination(listing, site);
  const title = ui.undatedHeading + (listing.number ? ` · ${ui.pageOf(listing.number)}` : '');
  return shell({ url: listing.url, title, nav: 'home' }, `${html}\n</div>\n\n`, site);
}
