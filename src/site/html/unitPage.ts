/**
 * A unit's list pages (`templates/unit.11ty.ts`): `/don-vi/<slug>/` and its numbered pages, what
 * `templates/unit.njk` wrote through Nunjucks, byte for byte (tests/site-html.test.ts).
 */
import type { UnitPage } from '../archive.ts';
import { ui } from '../strings.ts';
import { esc } from './escape.ts';
import { href, type Site } from './lists.ts';
import { countFacts, fact, namedListBody } from './namedList.ts';
import { shell } from './shell.ts';

function unitBody(listing: UnitPage, site: Site): string {
  const { unit } = listing;
  const facts = (): string[] => {
    const [count, ...range] = countFacts(unit);
    const list = [fact(ui.unitKind, esc(unit.kindLabel))];
    if (unit.parent) list.push(fact(ui.unitParent, `<a href="${href(unit.parent.url, site)}">${esc(unit.parent.name)}</a>`));
    list.push(count!, ...range);
    if (unit.children.length) {
      const children = unit.children.map((child) => `<li><a href="${href(child.url, site)}">${esc(child.name)}</a></li>`).join('');
      list.push(fact(ui.unitChildren, `<ul class="tags">${children}</ul>`));
    }
    return list;
  };
  const hint = listing.items.some((entry) => entry.primary) ? ui.unitPrimaryLegend : undefined;
  return namedListBody(listing, unit, { section: { url: '/don-vi/', label: ui.nav.units }, facts, feedLabel: ui.unitFeed, ...(hint ? { hint } : {}), kind: 'unit' }, site);
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
