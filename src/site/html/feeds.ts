/**
 * The Atom feeds: the site's, the units' and the authors' (`templates/feed.11ty.ts`, `unit-feed.11ty.ts`,
 * `author-feed.11ty.ts`): what `feed.njk`, `unit-feed.njk`, `author-feed.njk` and `atom-entry.njk` wrote, byte for byte
 * (tests/site-html.test.ts). https://www.rfc-editor.org/rfc/rfc4287
 */
import type { Archive, ArchiveArticle, ArchiveAuthor, ArchiveUnit } from '../archive.ts';
import { absoluteUrl } from '../config.ts';
import { rfc3339, shortDate } from '../dates.ts';
import { ui } from '../strings.ts';
import { esc } from './escape.ts';
import type { Site } from './lists.ts';

const abs = (path: string, site: Site): string => esc(absoluteUrl(site, path));

/**
 * One entry. `published` is the publication date only. An article placed by an estimated date has
 * none; its `updated` (`atomUpdated`, see archive.ts) is the crawl time or the estimate, which the
 * content marks.
 */
export function atomEntry(entry: ArchiveArticle, site: Site): string {
  const id = abs(entry.url, site);
  let xml = `<entry>\n    <title>${esc(entry.title)}</title>\n    <link href="${id}"/>\n    <id>${id}</id>`;
  if (entry.date) xml += `\n    <published>${esc(rfc3339(entry.date))}</published>`;
  xml += `\n    <updated>${esc(rfc3339(entry.atomUpdated!))}</updated>`;
  for (const author of entry.authorLinks) xml += `\n    <author><name>${esc(author.name)}</name><uri>${abs(author.url, site)}</uri></author>`;
  for (const unit of entry.units) xml += `\n    <category term="${esc(unit)}"/>`;
  const estimate = !entry.date && entry.estimatedDate ? `&lt;p&gt;${esc(ui.estimatedAbout)} ${esc(shortDate(entry.estimatedDate))} ${esc(ui.estimatedMark)}&lt;/p&gt;` : '';
  const head = `${xml}\n    <summary type="text">${esc(entry.summary)}</summary>\n    <content type="html">${estimate}`;
  const before = previous && !previous.rendered.has(entry.url) ? previous.entries.get(id) : undefined;
  // Everything but the body is checked against the entry as it is now; the body is the Markdown's,
  // which has not changed since, the article's page being kept (`reuseAtomEntries`).
  if (before !== undefined && before.startsWith(head) && before.endsWith(ENTRY_END)) return before;
  return `${head}${esc(entry.html)}${ENTRY_END}`;
}

const ENTRY_START = '<entry>\n';
const ENTRY_END = '</content>\n  </entry>\n';

/** The entries of the previous build's feeds, by `<id>`, and the articles this render renders. */
let previous: { entries: Map<string, string>; rendered: ReadonlySet<string> } | null = null;

/**
 * The entries of feeds the previous build wrote (their files' text), for the feeds rendered again: an
 * entry of an article whose page is kept (not among `rendered`, the render's article URLs) is taken as
 * it was instead of rendering the article's Markdown again (a feed is 20 of them; an edit renders a few
 * feeds again). Sound only when the previous site was rendered by the same code and configuration, which
 * is when an incremental render keeps pages at all. null: none.
 */
export function reuseAtomEntries(feeds: readonly string[] | null, rendered: ReadonlySet<string> = new Set()): void {
  if (!feeds) {
    previous = null;
    return;
  }
  const entries = new Map<string, string>();
  for (const text of feeds) {
    for (let at = text.indexOf(ENTRY_START); at >= 0; at = text.indexOf(ENTRY_START, at)) {
      const end = text.indexOf(ENTRY_END, at);
      if (end < 0) break;
      const entry = text.slice(at, end + ENTRY_END.length);
      const id = /<id>([^<]*)<\/id>/.exec(entry)?.[1];
      if (id !== undefined) entries.set(id, entry);
      at = end + ENTRY_END.length;
    }
  }
  previous = { entries, rendered };
}

function feed(head: string, entries: ArchiveArticle[], site: Site): string {
  let xml = `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">${head}`;
  for (const entry of entries) xml += `\n${atomEntry(entry, site)}`;
  return `${xml}\n</feed>\n\n`;
}

export function unitFeed(unit: ArchiveUnit, site: Site): string {
  const head =
    `\n  <title>${esc(ui.siteName)}: ${esc(unit.name)}</title>\n  <link href="${abs(unit.feedUrl, site)}" rel="self" type="application/atom+xml"/>` +
    `\n  <link href="${abs(unit.url, site)}"/>\n  <id>${abs(unit.url, site)}</id>\n  <author><name>${esc(ui.publisher)}</name></author>` +
    `\n  <updated>${esc(rfc3339(unit.feedUpdated))}</updated>`;
  return feed(head, unit.feed, site);
}

export function authorFeed(author: ArchiveAuthor, site: Site): string {
  const head =
    `\n  <title>${esc(ui.siteName)}: ${esc(author.name)}</title>\n  <link href="${abs(author.feedUrl, site)}" rel="self" type="application/atom+xml"/>` +
    `\n  <link href="${abs(author.url, site)}"/>\n  <id>${abs(author.url, site)}</id>\n  <author><name>${esc(author.name)}</name><uri>${abs(author.url, site)}</uri></author>` +
    `\n  <updated>${esc(rfc3339(author.feedUpdated))}</updated>`;
  return feed(head, author.feed, site);
}

/** `/feed.xml`: the archive's newest dated articles (or estimated, marked in each entry). */
export function siteFeed(archive: Pick<Archive, 'feed' | 'feedUpdated'>, site: Site): string {
  const head =
    `\n  <title>${esc(ui.siteName)}: ${esc(ui.feedTitle)}</title>\n  <subtitle>${esc(ui.siteDescription)}</subtitle>` +
    `\n  <link href="${abs('/feed.xml', site)}" rel="self" type="application/atom+xml"/>\n  <link href="${abs('/', site)}"/>\n  <id>${abs('/', site)}</id>` +
    `\n  <author><name>${esc(ui.publisher)}</name></author>\n  <updated>${esc(rfc3339(archive.feedUpdated))}</updated>`;
  // Written without the document layout the unit and author feeds had: one line break at the end.
  return feed(head, archive.feed, site).slice(0, -1);
}
