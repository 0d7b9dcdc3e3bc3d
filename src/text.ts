/** Vietnamese text helpers shared by every stage. */

/** Zero-width characters that dumps carry invisibly and that break matching. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
/** Non-breaking and other exotic spaces, and tabs, become a plain space. */
const ODD_SPACE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/**
 * The input boundary: NFC (Pagefind damages NFD text), no invisible characters, plain spaces.
 * Line endings are left to the reader of the dump.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(ODD_SPACE, ' ');
}

// `hòa`/`hoà` and `ủy`/`uỷ` differ under every Unicode normal form: the "old style" puts the tone mark
// on the first vowel of oa/oe/uy, the "new style" on the second. Names are canonicalized to the old
// style, which the QK2 site itself prints (`Ủy ban`, `Quảng Hòa`).
const NEW_TO_OLD_TONE: ReadonlyArray<[RegExp, string]> = (() => {
  const marks = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const pairs: Array<[RegExp, string]> = [];
  for (const [a, b] of [
    ['o', 'a'],
    ['o', 'e'],
    ['u', 'y'],
  ] as const) {
    for (const m of marks) {
      for (const [x, y] of [
        [a, b],
        [a.toUpperCase(), b],
        [a.toUpperCase(), b.toUpperCase()],
      ]) {
        const toned = (y + m).normalize('NFC');
        const moved = (x + m).normalize('NFC') + y;
        // Only before a word end: `hoàng` (o-a-ng) is not a misplaced `hòang`.
        pairs.push([new RegExp(`${x}${toned}(?![\\p{L}])`, 'gu'), moved]);
      }
    }
  }
  return pairs;
})();

/** `hoà` → `hòa`, `Uỷ` → `Ủy`: one spelling for names that differ only in tone-mark placement. */
export function canonicalTone(text: string): string {
  let out = text.normalize('NFC');
  for (const [re, to] of NEW_TO_OLD_TONE) out = out.replace(re, to);
  return out;
}

/** Removes every diacritic, `đ` included (it has no Unicode decomposition): `Đoàn` → `Doan`. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/**
 * ASCII, lower-case, hyphenated, at most `max` characters cut at a word boundary.
 * Eleventy's own slugify costs ~2 ms a call; this one is a few regexes.
 */
export function slugify(text: string, max = 80): string {
  const words = foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) break;
    slug = next;
  }
  // A single word longer than `max` is cut rather than dropped.
  return slug || (words[0] ?? '').slice(0, max);
}

/** Vietnamese collation, numbers in numeric order (`Sư đoàn 2` before `Sư đoàn 10`). */
export const collator = new Intl.Collator('vi', { numeric: true });

/** Text for an HTML element or a quoted attribute (and for SVG, which is XML). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** FNV-1a over UTF-16 code units from `basis`: 32 bits, unsigned (`fnv1a` of public/js/search-text.js must agree). */
export function fnv1a(text: string, basis: number): number {
  let hash = basis;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
