/**
 * The pages to render cut into batches, each rendered by its own Eleventy run: Eleventy holds every
 * page it renders (~60 KB an article page) until its run ends, 6 GB for 100,000 articles in one run.
 * In batches, the render keeps one batch's pages and the archive's data, and the search index can be
 * built beside it at any size. Pure.
 */
import type { Archive, PageLists } from './archive.ts';

/**
 * Pages per Eleventy run, at most. The render's pages are at their most when the largest search shard is
 * at its own peak beside it: a cold build of 10,000 articles (13,937 pages) peaked at ~3.1 GiB in one
 * run, ~2.7 GiB in two. Each run costs ~1–1.5 CPU s more (Eleventy's set-up).
 */
export const BATCH_PAGES = 10_000;

const KINDS = [
  'articles',
  'homePages',
  'undatedPages',
  'unitPages',
  'monthPages',
  'unitFeeds',
  'authorPages',
  'authorFeeds',
  'years',
  'sitemap',
  'singles',
] as const satisfies
  ReadonlyArray<keyof PageLists>;

const empty = (): PageLists => ({
  articles: [],
  homePages: [],
  undatedPages: [],
  unitPages: [],
  monthPages: [],
  unitFeeds: [],
  authorPages: [],
  authorFeeds: [],
  years: [],
  sitemap: [],
  singles: [],
});

/**
 * `archive` once per batch of at most `size` pages (at least one batch), its lists in order. As few
 * batches as `size` allows, as even as can be: the largest is what the render holds (10,000 articles
 * make 13,937 pages, two runs of ~7,000 rather than 10,000 and 3,937).
 */
export function renderBatches(archive: Archive, size = BATCH_PAGES): Archive[] {
  const total = KINDS.reduce((n, kind) => n + archive.pages[kind].length, 0);
  const runs = Math.max(1, Math.ceil(total / size));
  const sizeOf = (k: number): number => Math.floor(((k + 1) * total) / runs) - Math.floor((k * total) / runs);
  const batches: PageLists[] = [empty()];
  let room = sizeOf(0);
  for (const kind of KINDS) {
    // Each list is typed by its kind; the copy keeps them apart.
    const list = archive.pages[kind] as unknown[];
    for (let i = 0; i < list.length; ) {
      if (room === 0) {
        batches.push(empty());
        room = sizeOf(batches.length - 1);
      }
      const batch = batches.at(-1)![kind] as unknown[];
      const end = Math.min(list.length, i + room);
      for (; i < end; i++, room--) batch.push(list[i]);
    }
  }
  return batches.map((pages) => ({ ...archive, pages }));
}
