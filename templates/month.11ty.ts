/** `/YYYY/MM/` (and `/trang/N/`): a month's articles, newest first (`src/site/html/datePages.ts`). */
import type { MonthPage } from '../src/site/archive.ts';
import type { SiteConfig } from '../src/site/config.ts';
import { monthPage } from '../src/site/html/datePages.ts';

interface Data {
  listing: MonthPage;
  site: SiteConfig;
}

export const data = {
  pagination: { data: 'archive.pages.monthPages', size: 1, alias: 'listing', addAllPagesToCollections: false },
  permalink: (data: Data): string => data.listing.url,
};

export function render(data: Data): string {
  return monthPage(data.listing, data.site);
}
