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

function placeAt(folder: string, slug: string): Placed {
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
  const present = new Set(requests.flatMap((r) => [r.identity, ...r.aliases]));
  const taken = new Set<string>();
  // A removed article's URL stays reserved; URLs of articles present are claimed below.
  for (const [identity, path] of ledger) if (!present.has(identity)) taken.add(path);
  const placed = place(requests, ledger, taken);
  return { placed, ledger: remember(new Map(ledger), requests, placed) };
}

/** An article placed by an earlier build whose title, date and copies did not change since. */
export interface KeptPlace {
  identity: string;
  aliases: string[];
  date: string | null;
  /** Where the earlier build placed it (`2023/03/20/<slug>`). */
  path: string;
}

/**
 * What `assignSlugs([...kept, ...requests], ledger)` gives, without computing a slug for the kept
 * articles (100,000 titles folded on every rebuild of a large archive), or null when that cannot be
 * shown cheaply: the caller then runs `assignSlugs`. `placed` has the requests only; every kept article
 * stays at its `path`.
 *
 * Why it is the same. `assignSlugs` first gives each article the URL the ledger remembers for it, in
 * order of crawl time; then the rest get new URLs. A kept article keeps its path in that first pass when
 * (1) the ledger remembers that path for its identity, (2) the path has the shape of its title's slug
 * (see below), (3) no removed article's URL is that path, (4) no other kept article has it, and (5) no
 * request could claim it first, i.e. the ledger remembers it for none of their identities. Then every
 * kept path is taken before any new URL is given, whatever the order, and a request's URL depends on
 * the other requests and on the taken paths only: placing the requests alone with the kept paths
 * taken is the same. (2): a kept path is one `assignSlugs` gave this title and date; its own slug or its
 * slug with the first 6 digits of its identity have the shape; one with more digits (6 were taken too)
 * does not, and is recognised by its ending in more than 6 digits of its identity.
 */
export function assignSlugsKeeping(
  kept: KeptPlace[],
  requests: SlugRequest[],
  ledger: SlugLedger,
): { placed: Map<string, Placed>; ledger: SlugLedger } | null {
  const present = new Set<string>();
  const keptPaths = new Set<string>();
  for (const k of kept) {
    present.add(k.identity);
    for (const alias of k.aliases) present.add(alias);
    const folder = folderOf(k.date);
    if (ledger.get(k.identity) !== k.path || !k.path.startsWith(`${folder}/`) || keptPaths.has(k.path)) return null;
    const tail = k.path.slice(k.path.lastIndexOf('-') + 1);
    if (tail.length > SUFFIX_HEX && k.identity.startsWith(tail)) return null;
    keptPaths.add(k.path);
  }
  for (const r of requests) {
    present.add(r.identity);
    for (const alias of r.aliases) present.add(alias);
    for (const id of [r.identity, ...r.aliases]) {
      const remembered = ledger.get(id);
      if (remembered !== undefined && keptPaths.has(remembered)) return null;
    }
  }
  const taken = new Set(keptPaths);
  for (const [identity, path] of ledger) {
    if (present.has(identity)) continue;
    if (keptPaths.has(path)) return null;
    taken.add(path);
  }
  const placed = place(requests, ledger, taken);
  // As `assignSlugs` remembers them: the kept articles first, then the requests.
  const next = new Map(ledger);
  for (const k of kept) {
    next.set(k.identity, k.path);
    for (const alias of k.aliases) next.set(alias, k.path);
  }
  return { placed, ledger: remember(next, requests, placed) };
}

/** The two passes of the rule: remembered URLs first, then new ones; `taken` grows with each URL given. */
function place(requests: SlugRequest[], ledger: SlugLedger, taken: Set<string>): Map<string, Placed> {
  const placed = new Map<string, Placed>();
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
      placed.set(request.identity, placeAt(folder, remembered.slice(folder.length + 1)));
    } else rest.push(request);
  }

  for (const request of rest) {
    const folder = folderOf(request.date);
    let candidate = placeAt(folder, baseSlug(request.title));
    for (let hex = SUFFIX_HEX; taken.has(candidate.path); hex += 2) {
      const slug = `${baseSlug(request.title, SLUG_MAX - hex - 1)}-${request.identity.slice(0, hex)}`;
      candidate = placeAt(folder, slug);
    }
    taken.add(candidate.path);
    placed.set(request.identity, candidate);
  }
  return placed;
}

/** Points each request's identity and aliases at its URL in `next`. */
function remember(next: SlugLedger, requests: SlugRequest[], placed: Map<string, Placed>): SlugLedger {
  for (const request of requests) {
    const path = placed.get(request.identity)!.path;
    next.set(request.identity, path);
    // A copy that is now merged points at the URL of the article it is part of.
    for (const alias of request.aliases) next.set(alias, path);
  }
  return next;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
