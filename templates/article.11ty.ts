/**
 * Every article is data, rendered by this one paginated template (see src/site/archive.ts) through a
 * TypeScript render function (`src/site/html/articlePage.ts`): compiled once, no Nunjucks per page.
 */
import type { ArchiveArticle, Archive } from '../src/site/archive.ts';
import type { SiteConfig } from '../src/site/config.ts';
import { articlePage } from '../src/site/html/articlePage.ts';

interface ArticleData {
  archive: Archive;
  article: ArchiveArticle;
  site: SiteConfig;
}

export const data = {
  pagination: { data: 'archive.pages.articles', size: 1, alias: 'article', addAllPagesToCollections: false },
  permalink: (data: ArticleData): string => data.article.url,
};

export function render(data: ArticleData): string {
  return articlePage(data.article, data.site);
}
