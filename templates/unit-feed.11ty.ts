/** `/don-vi/<slug>/feed.xml`: the unit's newest dated articles (or estimated, marked in each entry); `src/site/html/feeds.ts`. */
import type { ArchiveUnit } from '../src/site/archive.ts';
import type { SiteConfig } from '../src/site/config.ts';
import { unitFeed } from '../src/site/html/feeds.ts';

interface Data {
  unit: ArchiveUnit;
  site: SiteConfig;
}

export const data = {
  pagination: { data: 'archive.pages.unitFeeds', size: 1, alias: 'unit', addAllPagesToCollections: false },
  permalink: (data: Data): string => data.unit.feedUrl,
};

export function render(data: Data): string {
  return unitFeed(data.unit, data.site);
}
