/** The home page and the numbered pages of every article (`/trang/N/`, counted from the oldest): newest first (`src/site/html/datePages.ts`). */
import type { Archive, ArticleCard, ListingPage } from '../src/site/archive.ts';
import type { SiteConfig } from '../src/site/config.ts';
import { homePage } from '../src/site/html/datePages.ts';

interface Data {
  archive: Archive;
  listing: ListingPage<ArticleCard>;
  site: SiteConfig;
}

export const data = {
  pagination: { data: 'archive.pages.homePages', size: 1, alias: 'listing', addAllPagesToCollections: false },
  permalink: (data: Data): string => data.listing.url,
};

export function render(data: Data): string {
  return homePage(data.listing, data.archive, data.site);
}
