/** `/khong-ro-ngay/` (and `/trang/N/`): the articles with neither a date nor an estimate (`src/site/html/datePages.ts`). */
import type { Archive, ArticleCard, ListingPage } from '../src/site/archive.ts';
import type { SiteConfig } from '../src/site/config.ts';
import { undatedPage } from '../src/site/html/datePages.ts';

interface Data {
  archive: Archive;
  listing: ListingPage<ArticleCard>;
  site: SiteConfig;
}

export const data = {
  pagination: { data: 'archive.pages.undatedPages', size: 1, alias: 'listing', addAllPagesToCollections: false },
  permalink: (data: Data): string => data.listing.url,
};

export function render(data: Data): string {
  return undatedPage(data.listing, data.archive, data.site);
}
