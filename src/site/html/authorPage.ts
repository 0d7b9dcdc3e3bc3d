/**
 * An author's list pages (`templates/author.11ty.ts`): `/tac-gia/<slug>/` and its numbered pages, what
 * `templates/author.njk` wrote through Nunjucks, byte for byte (tests/site-html.test.ts).
 */
import type { AuthorPage } from '../archive.ts';
import { shortDate } from '../dates.ts';
import { ui } from '../strings.ts';
import { esc } from './escape.ts';
import { articlesList, href, pagination, type Site } from './lists.ts';
import { shell } from './shell.ts';

function authorBody(listing: AuthorPage, site: Site): string {
  const { author } = listing;
  let html =
    `\n<div class="wrap">\n  <nav class="breadcrumbs" aria-label="${esc(ui.breadcrumb)}"><a href="${href('/tac-gia/', site)}">${esc(ui.nav.authors)}</a> › <span aria-current="page">${esc(author.name)}</span></nav>` +
    `\n  <h1>${esc(author.name)}${listing.number ? ` <span class="page-number">${esc(ui.pageOf(listing.number))}</span>` : ''}</h1>`;
  // The facts change as articles arrive: on the front page only, so that a numbered page never does.
  if (!listing.number) {
    html += `\n  <dl class="unit-facts">\n    <div><dt>${esc(ui.unitCount)}</dt><dd>${esc(ui.articles(author.count))}</dd></div>`;
    if (author.firstDate) {
      html += `\n    <div><dt>${esc(ui.unitRange)}</dt><dd><time datetime="${esc(author.firstDate)}">${esc(shortDate(author.firstDate))}</time> – <time datetime="${esc(author.lastDate)}">${esc(shortDate(author.lastDate!))}</time></dd></div>`;
    }
    const printed = author.printed.map((name) => `<span class="printed-name">${esc(name)}</span>`).join(', ');
    html += `\n    <div><dt>${esc(ui.authorPrinted)}</dt><dd>${printed}</dd></div>\n  </dl>`;
  }
  html += `\n  <p class="feed-link"><a href="${href(author.feedUrl, site)}">${esc(ui.authorFeed)}</a></p>`;
  html += articlesList(listing.items, 'cards', 2, site) + pagination(listing, site);
  if (!listing.number && author.undatedArticles.length) {
    html += `\n  <h2 id="undated-heading">${esc(ui.unitUndatedHeading)}</h2>` + articlesList(author.undatedArticles, 'cards', 3, site);
  }
  return `${html}\n</div>\n\n`;
}

export function authorPage(listing: AuthorPage, site: Site): string {
  const { author, number } = listing;
  const page = {
    url: listing.url,
    title: author.name + (number ? ` · ${ui.pageOf(number)}` : ''),
    // A numbered page shows nothing that changes as the author's list grows (its fingerprint, in
    // incremental.ts, has no count): the count is on the front page only.
    description: `${ui.authorsLabel}: ${author.name}` + (number ? ` · ${ui.pageOf(number)}.` : `, ${ui.articles(author.count)}.`),
    feedUrl: author.feedUrl,
    feedTitle: `${ui.siteName}: ${author.name}`,
    nav: 'authors',
  };
  return shell(page, authorBody(listing, site), site);
}
