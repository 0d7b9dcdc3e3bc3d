/**
 * A unit's list pages (`templates/unit.11ty.ts`): `/don-vi/<slug>/` and its numbered pages, what
 * `templates/unit.njk` wrote through Nunjucks, byte for byte (tests/site-html.test.ts).
 */
import type { UnitPage } from '../archive.ts';
import { shortDate } from '../dates.ts';
import { ui } from '../strings.ts';
import { esc } from './escape.ts';
import { articlesList, href, pagination, type Site } from './lists.ts';
import { shell } from './shell.ts';

function unitBody(listing: UnitPage, site: Site): string {
  const { unit } = listing;
  let html =
    `\n<div class="wrap">\n  <nav class="breadcrumbs" aria-label="${esc(ui.breadcrumb)}"><a href="${href('/don-vi/', site)}">${esc(ui.nav.units)}</a> › <span aria-current="page">${esc(unit.name)}</span></nav>` +
    `\n  <h1>${esc(unit.name)}${listing.number ? ` <span class="page-number">${esc(ui.pageOf(listing.number))}</span>` : ''}</h1>`;
  // The facts change as articles arrive: on the front page only, so that a numbered page never does.
  if (!listing.number) {
    html += `\n  <dl class="unit-facts">\n    <div><dt>${esc(ui.unitKind)}</dt><dd>${esc(unit.kindLabel)}</dd></div>`;
    if (unit.parent) html += `\n    <div><dt>${esc(ui.unitParent)}</dt><dd><a href="${href(unit.parent.url, site)}">${esc(unit.parent.name)}</a></dd></div>`;
    html += `\n    <div><dt>${esc(ui.unitCount)}</dt><dd>${esc(ui.articles(unit.count))}</dd></div>`;
    if (unit.firstDate) {
      html += `\n    <div><dt>${esc(ui.unitRange)}</dt><dd><time datetime="${esc(unit.firstDate)}">${esc(shortDate(unit.firstDate))}</time> – <time datetime="${esc(unit.lastDate)}">${esc(shortDate(unit.lastDate!))}</time></dd></div>`;
    }
    if (unit.children.length) {
      const children = unit.children.map((child) => `<li><a href="${href(child.url, site)}">${esc(child.name)}</a></li>`).join('');
      html += `\n    <div><dt>${esc(ui.unitChildren)}</dt><dd><ul class="tags">${children}</ul></dd></div>`;
    }
    html += '\n  </dl>';
  }
  html += `\n  <p class="feed-link"><a href="${href(unit.feedUrl, site)}">${esc(ui.unitFeed)}</a></p>`;
  if (listing.items.some((entry) => entry.primary)) html += `\n  <p class="hint">${esc(ui.unitPrimaryLegend)}</p>`;
  html += articlesList(listing.items, 'unit', 2, site) + pagination(listing, site);
  if (!listing.number && unit.undatedArticles.length) {
    html += `\n  <h2 id="undated-heading">${esc(ui.unitUndatedHeading)}</h2>` + articlesList(unit.undatedArticles, 'unit', 3, site);
  }
  return `${html}\n</div>\n\n`;
}

export function unitPage(listing: UnitPage, site: Site): string {
  const { unit, number } = listing;
  const page = {
    url: listing.url,
    title: unit.name + (number ? ` · ${ui.pageOf(number)}` : ''),
    // A numbered page shows nothing that changes as the unit's list grows: no count.
    description: `${unit.kindLabel}: ${unit.name}` + (number ? ` · ${ui.pageOf(number)}.` : `, ${ui.articles(unit.count)}.`),
    feedUrl: unit.feedUrl,
    feedTitle: `${ui.siteName}: ${unit.name}`,
    nav: 'units',
  };
  return shell(page, unitBody(listing, site), site);
}
