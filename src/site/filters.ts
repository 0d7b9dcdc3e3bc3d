/** Every filter the templates use, registered as one plugin; each lives in its own small module. */
import type { EleventyConfig } from '@11ty/eleventy';
import { monthColumns, rankedBars, type MonthCount } from './charts.ts';
import { absoluteUrl, type SiteConfig } from './config.ts';
import { crawlTime, rfc3339, shortDate, vietnameseDate } from './dates.ts';
import { articleJsonLd } from './jsonLd.ts';
import type { ArchiveArticle, NamedCount } from './archive.ts';
import { prefixUrl } from './url.ts';

export function filtersPlugin(config: EleventyConfig, site: SiteConfig): void {
  config.addFilter('url', (url: string) => prefixUrl(url, site.pathPrefix));
  config.addFilter('vietnameseDate', vietnameseDate);
  config.addFilter('shortDate', shortDate);
  config.addFilter('crawlTime', crawlTime);
  config.addFilter('rfc3339', rfc3339);
  // `2022-06-30` → `/2022/06/`: the month archive a date belongs to.
  config.addFilter('monthUrl', (date: string) => `/${date.slice(0, 4)}/${date.slice(5, 7)}/`);
  config.addFilter('absoluteUrl', (path: string) => absoluteUrl(site, path));
  config.addFilter('newsArticleJson', (article: ArchiveArticle) => articleJsonLd(article, site));
  config.addFilter('monthChart', (counts: MonthCount[], title: string, id: string) => monthColumns(counts, title, id));
  config.addFilter('rankedChart', (rows: NamedCount[], title: string, id: string) =>
    rankedBars(rows.map((r) => ({ label: r.name, value: r.count })), title, id),
  );
}
