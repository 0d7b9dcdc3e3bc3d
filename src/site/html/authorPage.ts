/**
 * An author's list pages (`templates/author.11ty.ts`): `/tac-gia/<slug>/` and its numbered pages, what
 * `templates/author.njk` wrote through Nunjucks, byte for byte (tests/site-html.test.ts).
 */
import type { AuthorPage } from '../archive.ts';
import { ui } from '../strings.ts';
import { esc } from './escape.ts';
import type { Site } from './lists.ts';
import { countFacts, fact, namedListBody } from './namedList.ts';
import { shell } from './shell.ts';

function authorBody(listing: AuthorPage, site: Site): string {
  const { author } = listing;
  const facts = (): string[] => {
    const printed = author.printed.map((name) => `<span class="printed-name">${esc(name)}</span>`).join(', ');
    return [...countFacts(author), fact(ui.authorPrinted, printed)];
  };
  return namedListBody(listing, author, { section: { url: '/tac-gia/', label: ui.nav.authors }, facts, feedLabel: ui.authorFeed, kind: 'cards' }, site);
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
