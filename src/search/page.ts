/**
 * What Pagefind indexes of an article (pure): the page it is handed instead of the published one.
 *
 * Built from the article's Markdown, not from the rendered site: the index is built while Eleventy
 * renders, on the other core, and a shard is indexed again only when its articles' Markdown changed
 * (never because a neighbour's "older / newer" link did). The searchable text is what the article page shows
 * as the article: title (Pagefind weighs an `h1` above body text), byline and body. Everything else is
 * a field in an attribute of a hidden element, never indexed as words.
 */
import { articleUrl, type ContentFile } from '../site/archive.ts';
import { canonicalAuthors } from '../site/authors.ts';
import { renderBody } from '../site/markdown.ts';
import { escapeHtml } from '../text.ts';

/** The year filter's value for an article without a publication date. */
export const UNDATED_YEAR = 'Không rõ ngày';

/** Separates an article's units in the `units` field the results show. */
export const UNITS_SEPARATOR = ' · ';

export interface IndexPage {
  /** The article's URL on the site, without the deploy prefix. */
  url: string;
  html: string;
}

type Field = 'meta' | 'filter' | 'sort';

/** `<span data-pagefind-filter="unit[data-value]" data-value="Sư đoàn 316"></span>` */
const field = (kind: Field, name: string, value: string): string =>
  `<span data-pagefind-${kind}="${name}[data-value]" data-value="${escapeHtml(value)}"></span>`;

/**
 * `revision`: the hash of the article's Markdown, a meta field no one shows. Pagefind names a page by a
 * hash of what it stores of it, so without it an edit that changes nothing indexed (a new crawl time, a
 * merged copy's source) would give the new version the id of the superseded old one, which the search
 * page hides by id (`SupersededPage`).
 */
export function indexPage({ frontMatter: article, body }: Pick<ContentFile, 'frontMatter' | 'body'>, revision?: string): IndexPage {
  // An undated article with an estimated date is filtered and sorted by it like by a date, but its meta
  // says `estimated`, never `date`: the results show it as "khoảng …", not as a publication date.
  const dates = article.date
    ? [field('meta', 'date', article.date), field('sort', 'date', article.date), field('filter', 'year', article.date.slice(0, 4))]
    : article.estimatedDate
      ? [
          field('meta', 'estimated', article.estimatedDate),
          field('sort', 'date', article.estimatedDate),
          field('filter', 'year', article.estimatedDate.slice(0, 4)),
        ]
      : [field('filter', 'year', UNDATED_YEAR)];
  const fields = [
    field('meta', 'title', article.title),
    ...dates,
    ...(article.units.length ? [field('meta', 'units', article.units.join(UNITS_SEPARATOR))] : []),
    ...article.units.map((unit) => field('filter', 'unit', unit)),
    // One value per person, as the author pages name them (`ĐĂNG NINH` and `Đăng Ninh` are one).
    ...canonicalAuthors(article.authors).map((author) => field('filter', 'author', author)),
    ...(revision ? [field('meta', 'revision', revision)] : []),
  ];
  const html = `<!DOCTYPE html>
<html lang="vi"><body><article data-pagefind-body>
<h1>${escapeHtml(article.title)}</h1>
${article.byline ? `<p>${escapeHtml(article.byline)}</p>\n` : ''}${renderBody(body)}<div hidden>
${fields.join('\n')}
</div>
</article></body></html>
`;
  return { url: articleUrl(article), html };
}
