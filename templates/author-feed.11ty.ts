/** `/tac-gia/<slug>/feed.xml`: the author's newest dated articles (or estimated, marked in each entry); `src/site/html/feeds.ts`. */
import type { ArchiveAuthor } from '../src/site/archive.ts';
import type { SiteConfig } from '../src/site/config.ts';
import { authorFeed } from '../src/site/html/feeds.ts';

interface Data {
  author: ArchiveAuthor;
  site: SiteConfig;
}

export const data = {
  pagination: { data: 'archive.pages.authorFeeds', size: 1, alias: 'author', addAllPagesToCollections: false },
  permalink: (data: Data): string => data.author.feedUrl,
};

export function render(data: Data): string {
  return authorFeed(data.author, data.site);
}
