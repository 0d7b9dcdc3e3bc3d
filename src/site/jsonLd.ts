/** schema.org JSON-LD for the article pages. */
import type { ArchiveArticle } from './archive.ts';
import { absoluteUrl, type SiteConfig } from './config.ts';
import { ui } from './strings.ts';

/**
 * JSON-LD inside `<script type="application/ld+json">`: JSON.stringify alone is not safe there, a
 * headline containing `</script>` would end the element. Escaping `<`, `>` and `&` as `\u003c`… keeps
 * the JSON equal and the HTML inert; U+2028/2029 are escaped for old JavaScript parsers.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface NewsArticleInput {
  url: string;
  title: string;
  summary: string;
  /** The publication date only: an estimated date is never given as one. */
  date?: string;
  crawledAt?: string;
  authors: Array<{ name: string; url?: string }>;
  units: Array<{ name: string; url: string }>;
  publisher: string;
  publisherUrl: string;
}

/** schema.org `NewsArticle`: https://schema.org/NewsArticle (the units are what it is `about`). */
export function newsArticle(input: NewsArticleInput): Record<string, unknown> {
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: input.title,
    url: input.url,
    mainEntityOfPage: input.url,
    inLanguage: 'vi',
    description: input.summary,
    publisher: { '@type': 'Organization', name: input.publisher, url: input.publisherUrl },
  };
  if (input.date) {
    ld.datePublished = input.date;
    ld.dateModified = input.date;
  }
  if (input.authors.length) {
    ld.author = input.authors.map(({ name, url }) => (url ? { '@type': 'Person', name, url } : { '@type': 'Person', name }));
  }
  if (input.units.length) {
    ld.about = input.units.map((u) => ({ '@type': 'Organization', name: u.name, url: u.url }));
  }
  return ld;
}

/** An article page's JSON-LD, ready for its `<script type="application/ld+json">`. */
export function articleJsonLd(article: ArchiveArticle, site: Pick<SiteConfig, 'siteUrl' | 'pathPrefix'>): string {
  return scriptSafeJson(
    newsArticle({
      url: absoluteUrl(site, article.url),
      title: article.title,
      summary: article.summary,
      date: article.date,
      crawledAt: article.crawledAt,
      authors: article.authorLinks.map((a) => ({ name: a.name, url: absoluteUrl(site, a.url) })),
      units: article.unitLinks.map((u) => ({ name: u.name, url: absoluteUrl(site, u.url) })),
      publisher: ui.publisher,
      publisherUrl: absoluteUrl(site, '/'),
    }),
  );
}
