/**
 * One canonical name per author (pure). Bylines print the same person as `ĐĂNG NINH` in one article and
 * `Đăng Ninh` in another, `Thu Hoà` here and `Thu Hòa` there, sometimes behind a rank (`Đại úy`) or a
 * role (`PV`): the archive's author pages, statistics and search filter need one name for all of them.
 *
 * The rule: ranks, degrees and roles before the name and an affiliation after it (`, Chính ủy …`,
 * `(Báo QĐND)`) are dropped; each word is written in Vietnamese title case (`Đăng Ninh`), except
 * initials, which keep their capitals as printed (`KB`, `N.H`, `TH`); tone marks are placed the old way,
 * as `canonicalTone` does for every name in the archive (`Hoà` → `Hòa`, `Thuỷ` → `Thủy`).
 */
import { createHash } from 'node:crypto';
import { canonicalTone, collator, slugify } from '../text.ts';

/**
 * `Đại úy `, `Thượng tá, `, `ThS. `, `PV `, `Nhóm PV `: what may stand before a name and is not part of it.
 * Military ranks (officers, NCOs, soldiers), degrees and newsroom roles, in both tone-mark placements.
 */
const TITLES =
  '(?:Đại|Thượng|Trung|Thiếu) (?:tướng|tá|úy|uý)|Chuẩn (?:úy|uý)|(?:Thượng|Trung|Hạ) sĩ|Binh (?:nhất|nhì)|Đồng chí|Đ/c|PGS|GS|TS|ThS|Nhà báo|Nhóm (?:phóng viên|PV|tác giả)|Phóng viên|Cộng tác viên|PV|CTV|BTV';
/** A title before a name. Only before one: `TS` alone is someone's initials. */
const TITLE = new RegExp(`^(?:${TITLES})[\\s,.:]+(?=\\S)`, 'iu');
/** A rank or role printed without a name (`PV`, `Nhóm PV`, `Đại úy`): no named author. */
const TITLE_ALONE = new RegExp(`^(?:${TITLES.replace('|PGS|GS|TS|ThS', '')})\\.?$`, 'iu');

/** `(Báo QĐND)`, `(TTXVN)`: the agency after a name. */
const PARENTHESES = /\s*\([^()]*\)/gu;

/** `a ă â e ê i o ô ơ u ư y`, with any tone mark: a word without one is initials (`KB`, `TH`). */
const VOWEL = /[aeiouy]/iu;

/** A letter that starts a word or follows `-` or `'` inside one. */
const WORD_START = /(^|[-'’])(\p{L})/gu;

/** `đăng` → `Đăng`, `hồ-xuân` → `Hồ-Xuân`. */
const titleCase = (word: string): string =>
  word.toLocaleLowerCase('vi').replace(WORD_START, (_, before: string, letter: string) => before + letter.toLocaleUpperCase('vi'));

/** A word in title case, or in capitals when it is initials. */
function titleWord(word: string): string {
  // `N.H`, `T.Hùng`: dotted initials in capitals, a syllable after them in title case.
  if (word.includes('.')) return word.split('.').map((part) => (part.length > 1 ? titleWord(part) : part.toLocaleUpperCase('vi'))).join('.');
  // `KB`, `TH`, `NTH`: no vowel, so no Vietnamese syllable.
  if (!VOWEL.test(word.normalize('NFD').replace(/\p{M}/gu, ''))) return word.toLocaleUpperCase('vi');
  return titleCase(word);
}

/**
 * Each printed name made canonical once: an archive prints a few thousand names on 100,000 articles,
 * and the search index and the render ask for every article's (at 100,000 articles, 2.6 of a shard
 * thread's 41 CPU s).
 */
const canonicalNames = new Map<string, string | null>();

/**
 * The canonical name of an author printed as `printed`, or null when nothing of it is a name (a role
 * alone: `PV`, `Nhóm PV`).
 */
export function canonicalAuthor(printed: string): string | null {
  let name = canonicalNames.get(printed);
  if (name === undefined) {
    name = canonicalName(printed);
    if (canonicalNames.size < 100_000) canonicalNames.set(printed, name);
  }
  return name;
}

function canonicalName(printed: string): string | null {
  let name = printed.normalize('NFC').replace(PARENTHESES, '').replace(/\s+/gu, ' ').trim();
  for (let m = TITLE.exec(name); m; m = TITLE.exec(name)) name = name.slice(m[0].length);
  // `PHAN ĐÌNH ÂN, Chính ủy Cục Kỹ thuật`: what follows the comma is a role.
  name = name.split(',')[0]!.replace(/[\s;:–—-]+$/u, '');
  // A full stop, or the last dot of initials: `N.H.` and `N.H` are one author.
  name = name.replace(/\.+$/u, '').trim();
  if (!/\p{L}/u.test(name) || TITLE_ALONE.test(name)) return null;
  return canonicalTone(name.split(' ').map(titleWord).join(' '));
}

/** The canonical authors of an article's printed names, each once, in the order printed. */
export function canonicalAuthors(printed: readonly string[]): string[] {
  const names: string[] = [];
  for (const p of printed) {
    const name = canonicalAuthor(p);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Six hex digits of the name's own hash: a suffix that depends on nothing but the name. */
function suffix(name: string): string {
  return createHash('sha1').update(name).digest('hex').slice(0, 6);
}

/**
 * URL slugs for canonical author names, distinct and stable: `slugify` of the name; names that slugify
 * alike (`Hải Anh`, `Hài Anh`) are ordered by Vietnamese collation, the first keeps the plain slug and
 * each other one gets `-` + six hex digits of its own name's hash, so that its URL does not depend on
 * which other authors the archive holds.
 */
export function authorSlugs(names: Iterable<string>): Map<string, string> {
  const bySlug = new Map<string, string[]>();
  for (const name of new Set(names)) {
    const slug = slugify(name) || `tac-gia-${suffix(name)}`;
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), name]);
  }
  const out = new Map<string, string>();
  for (const [slug, group] of bySlug) {
    group.sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
    group.forEach((name, i) => out.set(name, i === 0 ? slug : `${slug}-${suffix(name)}`));
  }
  return out;
}

/**
 * The letter an author is listed under on `/tac-gia/`: the first letter without its tone or vowel marks
 * (`Ấ` → `A`), `Đ` its own letter as in the Vietnamese alphabet.
 */
export function authorInitial(name: string): string {
  const first = name.normalize('NFD').replace(/\p{M}/gu, '').charAt(0).toLocaleUpperCase('vi');
  return /\p{L}/u.test(first) ? first : '#';
}
