/** `/don-vi/<slug>/` (and `/trang/N/`): a unit, its place in the hierarchy and its articles (`src/site/html/unitPage.ts`). */
import type { UnitPage } from '../src/site/archive.ts';
import type { SiteConfig } from '../src/site/config.ts';
import { unitPage } from '../src/site/html/unitPage.ts';

interface Data {
  listing: UnitPage;
  site: SiteConfig;
}

export const data = {
  pagination: { data: 'archive.pages.unitPages', size: 1, alias: 'listing', addAllPagesToCollections: false },
  permalink: (data: Data): string => data.listing.url,
};

export function render(data: Data): string {
  return unitPage(data.listing, data.site);
}
