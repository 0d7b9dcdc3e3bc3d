/** `/feed.xml`: the archive's newest dated articles (`src/site/html/feeds.ts`). Rendered when its URL is among the pages to render (`singles`, src/site/incremental.ts). */
import type { Archive } from '../src/site/archive.ts';
import type { SiteConfig } from '../src/site/config.ts';
import { siteFeed } from '../src/site/html/feeds.ts';

interface Data {
  archive: Archive;
  site: SiteConfig;
}

export const data = {
  pagination: { data: 'archive.pages.singles', size: 1, alias: 'single', before: (urls: string[]): string[] => urls.filter((url) => url === '/feed.xml') },
  permalink: '/feed.xml',
};

export function render(data: Data): string {
  return siteFeed(data.archive, data.site);
}
