/** `/tac-gia/<slug>/` (and `/trang/N/`): an author, the spellings the bylines print, and their articles (`src/site/html/authorPage.ts`). */
import type { AuthorPage } from '../src/site/archive.ts';
import type { SiteConfig } from '../src/site/config.ts';
import { authorPage } from '../src/site/html/authorPage.ts';

interface Data {
  listing: AuthorPage;
  site: SiteConfig;
}

export const data = {
  pagination: { data: 'archive.pages.authorPages', size: 1, alias: 'listing', addAllPagesToCollections: false },
  permalink: (data: Data): string => data.listing.url,
};

export function render(data: Data): string {
  return authorPage(data.listing, data.site);
}
