/**
 * What a unit's and an author's list pages share (`unitPage.ts`, `authorPage.ts`): a named list of
 * articles, its facts on the front page only, its feed, and its undated articles after the dated ones.
 */
import type { ArticleCard, ListingPage, UnitArticle } from '../archive.ts';
import { shortDate } from '../dates.ts';
import { ui } from '../strings.ts';
import { esc } from './escape.ts';
import { articlesList, href, pagination, type Site } from './lists.ts';

/** A unit or an author, as its list pages show it. */
export interface Named {
  name: string;
  count: number;
  feedUrl: string;
  firstDate?: string;
  lastDate?: string;
  undatedArticles: ReadonlyArray<ArticleCard | UnitArticle>;
}

export interface NamedListParts {
  /** The directory the breadcrumbs lead back to. */
  section: { url: string; label: string };
  /** The front page's facts (`fact`), in the order shown. */
  facts: () => string[];
  feedLabel: string;
  /** A line before the list (the unit's legend). */
  hint?: string;
  kind: 'cards' | 'unit';
}

/** One fact of the front page's list: its label and its (already escaped) value. */
export function fact(label: string, html: string): string {
  return `\n    <div><dt>${esc(label)}</dt><dd>${html}</dd></div>`;
}

/** The facts every named list has: its count, and the dates of its first and last dated articles. */
export function countFacts(named: Named): string[] {
  const facts = [fact(ui.unitCount, esc(ui.articles(named.count)))];
  if (named.firstDate) {
    const time = (date: string): string => `<time datetime="${esc(date)}">${esc(shortDate(date))}</time>`;
    facts.push(fact(ui.unitRange, `${time(named.firstDate)} – ${time(named.lastDate!)}`));
  }
  return facts;
}

export function namedListBody(listing: ListingPage<ArticleCard | UnitArticle>, named: Named, parts: NamedListParts, site: Site): string {
  let html =
    `\n<div class="wrap">\n  <nav class="breadcrumbs" aria-label="${esc(ui.breadcrumb)}"><a href="${href(parts.section.url, site)}">${esc(parts.section.label)}</a> › <span aria-current="page">${esc(named.name)}</span></nav>` +
    `\n  <h1>${esc(named.name)}${listing.number ? ` <span class="page-number">${esc(ui.pageOf(listing.number))}</span>` : ''}</h1>`;
  // The facts change as articles arrive: on the front page only, so that a numbered page never does.
  if (!listing.number) html += `\n  <dl class="unit-facts">${parts.facts().join('')}\n  </dl>`;
  html += `\n  <p class="feed-link"><a href="${href(named.feedUrl, site)}">${esc(parts.feedLabel)}</a></p>`;
  if (parts.hint) html += `\n  <p class="hint">${esc(parts.hint)}</p>`;
  html += articlesList(listing.items, parts.kind, 2, site) + pagination(listing, site);
  if (!listing.number && named.undatedArticles.length) {
    html += `\n  <h2 id="undated-heading">${esc(ui.unitUndatedHeading)}</h2>` + articlesList(named.undatedArticles, parts.kind, 3, site);
  }
  return `${html}\n</div>\n\n`;
}
