/**
 * Stable URLs. The rule:
 *
 * 1. An article's URL is `/YYYY/MM/DD/<slug>/` (or `/khong-ro-ngay/<slug>/`), `<slug>` = `slugify(title)`.
 * 2. When that URL is already taken, by another article of this build or by one an earlier build
 *    published, the slug gets `-` and six hex digits of the article's own identity hash (title, date,
 *    start of its text): never a counter or a rank, so it does not depend on which other dumps exist.
 * 3. The URLs given are remembered in a ledger (`.build/slugs.json`): an article keeps the URL an
 *    earlier build gave it, and a removed article's URL is never handed to a different article.
 * 4. Without a ledger (a fresh clone), articles that collide are served in order of crawl time, then
 *    identity, so the earliest crawled keeps the plain slug and the same dumps always get the same URLs.
 *
 * Slugs are `[a-z0-9-]` only, so no title can make the build write outside the output folder.
 */
import { slugify } from '../text.ts';

export const UNDATED_FOLDER = 'khong-ro-ngay';
/** For a title with no letter or digit that survives folding (`???`). */
const FALLBACK_SLUG = 'bai-viet';
const SLUG_MAX = 80;
const SUFFIX_HEX = 6;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface SlugRequest {
  identity: string;
  /** Identities of the article's other copies (see `Merged.aliases`). */
  aliases: string[];
  title: string;
  date: string | null;
  crawledAt: string | null;
}

/** Identity → path (`2023/03/20/buoc-chuyen-bien`), for every article any build published. */
export type SlugLedger = Map<string, string>;

export interface Placed {
  slug: string;
  /** The URL path without slashes at the ends: `2023/03/20/<slug>`. */
  path: string;
  url: string;
}

export function folderOf(date: string | null): string {
  const m = date ? DATE.exec(date) : null;
  return m ? `${m[1]}/${m[2]}/${m[3]}` : UNDATED_FOLDER;
}

export function baseSlug(title: string, max = SLUG_MAX): string {
  return slugify(title, max) || FALLBACK_SLUG;
}

function place(folder: string, slug: string): Placed {
  const path = `${folder}/${slug}`;
  return { slug, path, url: `/${path}/` };
}

/**
 * Assigns every article its URL and returns the ledger to save (the old one plus this build's).
 * Pure: the result depends only on the requests and the ledger, never on their order.
 */
export function assignSlugs(
  requests: SlugRequest[],
  ledger: SlugLedger = new Map(),
): { placed: Map<string, Placed>; ledger: SlugLedger } {
  const placed = new Map<string, Placed>();
  const present = new Set(requests.flatMap((r) => [r.identity, ...r.aliases]));
  const taken = new Set<string>();
  // A removed article's URL stays reserved; URLs of articles present are claimed below.
  for (const [identity, path] of ledger) if (!present.has(identity)) taken.add(path);

  const ordered = [...requests].sort(
    (a, b) => cmp(a.crawledAt ?? '\uffff', b.crawledAt ?? '\uffff') || cmp(a.identity, b.identity),
  );

  // First the URLs earlier builds gave, when the article's folder and title still lead to them.
  const rest: SlugRequest[] = [];
  for (const request of ordered) {
    const folder = folderOf(request.date);
    const base = baseSlug(request.title);
    const suffixed = `${baseSlug(request.title, SLUG_MAX - SUFFIX_HEX - 1)}-`;
    const remembered = [request.identity, ...request.aliases]
      .map((id) => ledger.get(id))
      .find((path) => {
        if (!path || taken.has(path) || !path.startsWith(`${folder}/`)) return false;
        const slug = path.slice(folder.length + 1);
        return slug === base || (slug.startsWith(suffixed) && slug.length === suffixed.length + SUFFIX_HEX);
      });
    if (remembered) {
      taken.add(remembered);
      placed.set(request.identity, place(folder, remembered.slice(folder.length + 1)));
    } else rest.push(request);
  }

  for (const request of rest) {
    const folder = folderOf(request.date);
    let candidate = place(folder, baseSlug(request.title));
    for (let hex = SUFFIX_HEX; taken.has(candidate.path); hex += 2) {
      const slug = `${baseSlug(request.title, SLUG_MAX - hex - 1)}-${request.identity.slice(0, hex)}`;
      candidate = place(folder, slug);
    }
    taken.add(candidate.path);
    placed.set(request.identity, candidate);
  }

  const next: SlugLedger = new Map(ledger);
  for (const request of requests) {
    const path = placed.get(request.identity)!.path;
    next.set(request.identity, path);
    // A copy that is now merged points at the URL of the article it is part of.
    for (const alias of request.aliases) next.set(alias, path);
  }
  return { placed, ledger: next };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
