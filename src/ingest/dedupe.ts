/**
 * The same article dumped twice (crawled at another time, republished by a mirror with a
 * `Quân khu 2 – ` title prefix, spaced differently, or cut off) is published once, from the most
 * complete copy, with every copy's file recorded. Two different articles that merely share a title
 * and a date stay two articles: copies must also share their text.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../schema.ts';
import { fnv1a, foldDiacritics } from '../text.ts';

/** A mirror's prefix before the title. Example: `Quân khu 2 – Bước chuyển biến vững chắc`. */
const MIRROR_PREFIX = /^(?:Quân khu|QK)\s*\d+\s*[–—-]\s*/iu;

/** Copies share at least this share of the shorter copy's word 4-grams. */
const SAME_TEXT = 0.8;
const SHINGLE = 4;
/** Words of the body that, with title and date, identify an article across copies (a cut-off copy keeps its start). */
const IDENTITY_WORDS = 40;

export interface Copy {
  article: Article;
  warnings: string[];
}

export interface Merged {
  /** The most complete copy, published. */
  kept: Copy;
  /** The other copies, each with why it was merged. */
  duplicates: Array<{ copy: Copy; reason: string }>;
  /** Stable identity of the article: title, date and the start of its text; feeds the slug. */
  identity: string;
  /** The identities of the other copies: the URL an earlier build gave any of them is kept. */
  aliases: string[];
}

/**
 * Copies are compared without diacritics: that also makes `hòa`/`hoà` one spelling, and costs a
 * fraction of `canonicalTone`, which matters at 100,000 dumps.
 */
function fold(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

export function titleKey(title: string): string {
  return fold(title.replace(MIRROR_PREFIX, ''));
}

/**
 * The body's words, folded for comparison (what `fold` gives the whole text, split at spaces, without
 * punctuation); only the first `limit` tokens when given. Folding is per character and whitespace separates
 * tokens under every step of it, so each token folds on its own, and the few thousand distinct syllables
 * of an archive are each folded once.
 */
function words(article: Article, limit = Infinity): string[] {
  const out: string[] = [];
  for (const token of paragraphTokens(article, limit)) {
    const word = foldedWord(token);
    if (word !== '') out.push(word);
  }
  return out;
}

const foldedWords = new Map<string, string>();
function foldedWord(token: string): string {
  let word = foldedWords.get(token);
  if (word === undefined) {
    word = fold(token).replace(/[^\p{L}\p{N} ]+/gu, '');
    // Bounded: a huge archive's rare tokens (numbers, names) should not grow the map forever.
    if (foldedWords.size < 500_000) foldedWords.set(token, word);
  }
  return word;
}

/** The whitespace-separated tokens of the paragraphs, as if they were joined by spaces, up to `limit`. */
function paragraphTokens(article: Article, limit: number): string[] {
  const tokens: string[] = [];
  for (const block of article.body) {
    if (block.kind !== 'paragraph') continue;
    const text = block.text.trim();
    if (text === '') continue;
    // `split`'s limit is a 32-bit count: `Infinity` would mean none.
    for (const token of limit === Infinity ? text.split(/\s+/) : text.split(/\s+/, limit - tokens.length)) tokens.push(token);
    if (tokens.length >= limit) break;
  }
  return tokens;
}

export function articleIdentity(article: Article): string {
  // Tokens that are only punctuation vanish in folding: take a margin, then exactly IDENTITY_WORDS.
  const text = words(article, IDENTITY_WORDS * 2).slice(0, IDENTITY_WORDS).join(' ');
  return createHash('sha256')
    .update(`${titleKey(article.title)}\n${article.date ?? ''}\n${text}`)
    .digest('hex');
}

/**
 * A copy's word 4-grams, as a sorted list of distinct 52-bit hashes: at 100,000 dumps, sets of
 * 4-gram strings took ~11 s to build and compare (a 4-gram string and a set entry for each word of
 * every copy compared, a lookup for each when compared); numbers made from each word's two 32-bit
 * hashes, intersected by a merge, take a fraction of that. Two different 4-grams share a hash with a
 * chance of 2⁻⁵², so the share of 4-grams two copies have in common is, in practice, the exact one.
 */
export function shingles(article: Article): Float64Array {
  // Each word's two hashes, in order.
  const first: number[] = [];
  const second: number[] = [];
  for (const token of paragraphTokens(article, Infinity)) {
    const slot = wordSlot(token);
    if (slot === EMPTY_WORD) continue;
    first.push(wordHashes[slot * 2]!);
    second.push(wordHashes[slot * 2 + 1]!);
  }
  if (first.length < SHINGLE) {
    // A text under four words is one entry, its words in order (never equal to a 4-gram's).
    return first.length === 0 ? new Float64Array(0) : Float64Array.of(gramHash(first, second, 0, first.length, SHORT_SEED));
  }
  const out = new Float64Array(first.length - SHINGLE + 1);
  for (let i = 0; i < out.length; i++) out[i] = gramHash(first, second, i, SHINGLE, GRAM_SEED);
  out.sort();
  let unique = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[unique - 1]) out[unique++] = out[i]!;
  return out.subarray(0, unique);
}

/**
 * Each folded word's two 32-bit hashes, by slot (`wordSlot`): slot 0 is a token that folds to nothing,
 * slot 1 holds the last word past the cache's bound, read at once.
 */
const EMPTY_WORD = 0;
const SPARE = 1;
const wordHashes: number[] = [0, 0, 0, 0];
const wordSlots = new Map<string, number>();
/** The slot of the hashes of `token`'s word (as `words` folds it). */
function wordSlot(token: string): number {
  let slot = wordSlots.get(token);
  if (slot !== undefined) return slot;
  // Bounded like `foldedWords`: a huge archive's rare tokens should not grow the cache forever.
  const cached = wordSlots.size < 500_000;
  const word = foldedWord(token);
  if (word === '') slot = EMPTY_WORD;
  else {
    slot = cached ? wordHashes.length / 2 : SPARE;
    wordHashes[slot * 2] = fnv1a(word, 0x811c9dc5);
    wordHashes[slot * 2 + 1] = fnv1a(word, 0x9747b28c);
  }
  if (cached) wordSlots.set(token, slot);
  return slot;
}

const GRAM_SEED = 0x2545f491;
const SHORT_SEED = 0x5bd1e995;

/** 52 bits of the words `[from, from + count)`: 32 from their first hashes, 20 from their second. */
function gramHash(first: number[], second: number[], from: number, count: number, seed: number): number {
  let a = seed ^ count;
  let b = Math.imul(seed, 0x27d4eb2d) ^ count;
  for (let k = from; k < from + count; k++) {
    a = mixIn(a, first[k]!);
    b = mixIn(b, second[k]!);
  }
  return (finish(a) >>> 0) * 0x100000 + (finish(b) >>> 12);
}

/** MurmurHash3's step and finalizer. */
function mixIn(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  h ^= k;
  return (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
}
function finish(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Share of the smaller list's entries found in the larger (both sorted, distinct): 1 for a cut-off copy of the same text. */
export function containment(a: Float64Array, b: Float64Array): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length === 0) return large.length === 0 ? 1 : 0;
  let shared = 0;
  for (let i = 0, j = 0; i < small.length && j < large.length; ) {
    if (small[i]! < large[j]!) i++;
    else if (small[i]! > large[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared / small.length;
}

/**
 * Higher is more complete: whole over cut off, the site's own title over a mirror's, then byline,
 * date, length; then file name for a stable tie.
 */
function completeness(a: Copy, b: Copy): number {
  const x = a.article;
  const y = b.article;
  const length = (art: Article) => art.body.reduce((n, block) => n + block.text.length, 0);
  return (
    Number(y.truncated) - Number(x.truncated) ||
    Number(MIRROR_PREFIX.test(y.title)) - Number(MIRROR_PREFIX.test(x.title)) ||
    Number(Boolean(x.byline)) - Number(Boolean(y.byline)) ||
    Number(Boolean(x.date)) - Number(Boolean(y.date)) ||
    length(x) - length(y) ||
    Number(Boolean(x.crawledAt)) - Number(Boolean(y.crawledAt)) ||
    (x.source < y.source ? 1 : x.source > y.source ? -1 : 0)
  );
}

/** Two dates that could belong to one article: equal, or one of them unknown. */
function datesAgree(a: Article, b: Article): boolean {
  return !(a.date && b.date && a.date !== b.date);
}

/** A copy's body as word 4-grams, computed the first time a comparison needs it. */
class Text {
  #shingles: Float64Array | null = null;
  constructor(readonly copy: Copy) {}
  get shingles(): Float64Array {
    this.#shingles ??= shingles(this.copy.article);
    return this.#shingles;
  }
}

function sameArticle(a: Text, b: Text): boolean {
  return datesAgree(a.copy.article, b.copy.article) && containment(a.shingles, b.shingles) >= SAME_TEXT;
}

function whyMerged(dup: Article, kept: Article): string {
  const how: string[] = [];
  if (dup.title !== kept.title) {
    if (MIRROR_PREFIX.test(dup.title) !== MIRROR_PREFIX.test(kept.title)) how.push("a mirror's title prefix");
    else how.push('title differs only in spacing or case');
  }
  if (dup.crawledAt !== kept.crawledAt) how.push('another crawl time');
  if (dup.truncated && !kept.truncated) how.push('cut off');
  else if (!dup.date && kept.date) how.push('without a date');
  const detail = how.length > 0 ? `; this copy: ${how.join(', ')}` : '';
  return `duplicate of ${kept.source} (same title and text; the more complete copy is kept${detail})`;
}

/** A mirror's copy kept for being the most complete still gets the title without the mirror's prefix. */
function withOwnTitle(kept: Copy, others: Copy[]): Copy {
  if (!MIRROR_PREFIX.test(kept.article.title)) return kept;
  const own = others.find((o) => !MIRROR_PREFIX.test(o.article.title));
  return own ? { ...kept, article: { ...kept.article, title: own.article.title } } : kept;
}

/** Groups copies of the same article; output order follows the first appearance of each article. */
export function mergeDuplicates(copies: Copy[]): Merged[] {
  const byTitle = new Map<string, Copy[]>();
  for (const copy of copies) {
    const key = titleKey(copy.article.title);
    const list = byTitle.get(key);
    if (list) list.push(copy);
    else byTitle.set(key, [copy]);
  }
  const merged: Merged[] = [];
  for (const group of byTitle.values()) {
    if (group.length === 1) {
      merged.push({ kept: group[0]!, duplicates: [], identity: articleIdentity(group[0]!.article), aliases: [] });
      continue;
    }
    const ranked = [...group].sort((a, b) => completeness(b, a));
    // Copies that share a title but not a date never need their text compared: it stays uncomputed.
    const clusters: Array<{ copies: Copy[]; text: Text }> = [];
    for (const copy of ranked) {
      const text = new Text(copy);
      const home = clusters.find((c) => sameArticle(c.text, text));
      if (home) home.copies.push(copy);
      else clusters.push({ copies: [copy], text });
    }
    // Two articles of one title and date may open on the same words and differ further on (the same
    // notice for two units): one identity would give them one URL, and the later would overwrite the
    // earlier's file. The most complete keeps the identity; each other one's takes in its whole text.
    const identities = new Set<string>();
    for (const { copies: [kept, ...rest] } of clusters) {
      let identity = articleIdentity(kept!.article);
      if (identities.has(identity)) identity = createHash('sha256').update(`${identity}\n${words(kept!.article).join(' ')}`).digest('hex');
      identities.add(identity);
      merged.push({
        kept: withOwnTitle(kept!, rest),
        duplicates: rest.map((copy) => ({ copy, reason: whyMerged(copy.article, kept!.article) })),
        identity,
        aliases: rest.map((copy) => articleIdentity(copy.article)).filter((alias) => !identities.has(alias)),
      });
    }
  }
  return merged;
}
