/** Bylines: who wrote the article, in every form the sites print it. */
import { CREDIT_PREFIX, INITIALS, NAME_CAPITALIZED, NAME_SEPARATOR, NAME_UPPER, RANK, ROLE } from './grammar.ts';

export interface Byline {
  /** The line exactly as printed. */
  printed: string;
  /** The names in it, as printed (`HOÀNG OANH`, `Tuấn Anh`, `KB`). */
  authors: string[];
}

/**
 * Where the line sits. At the end of the article a bare name is a byline; in the head, only a line
 * that says what it credits (`Bài, ảnh: …`) is one, since a short capitalized line there is a title.
 */
export type BylinePlace = 'head' | 'end';

/** `HẢI ANH (Báo QĐND)`: the agency in parentheses is not a name. */
const TRAILING_PARENS = /\s*\([^()]*\)$/u;
/** `Tin: HOÀNG YẾN - Ảnh: MINH TRÍ`, `Bài: HẢI ANH; Ảnh: MINH ĐỨC`: where one credit ends and the next begins. */
const CREDIT_SEPARATOR = /\s*;\s*|\s*[,–—-]\s*(?=(?:Bài|Tin|Ảnh|Video|Clip|Thực hiện)\s*:)/iu;
/** A name is a few words without digits or sentence punctuation. */
const NAME_MAX_LENGTH = 40;
const NAME_MAX_WORDS = 6;
/** A bare normal-case byline (`Tuấn Anh`) is short; a longer capitalized line is something else. */
const BARE_NAMES_MAX_LENGTH = 60;

function plausibleName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= NAME_MAX_LENGTH &&
    name.split(/\s+/).length <= NAME_MAX_WORDS &&
    !/\d|[:!?"“”]/u.test(name) &&
    !(name.endsWith('.') && !INITIALS.test(name))
  );
}


/** `Ảnh: TL` (tư liệu, the archive), `Ảnh: Internet`: where a photo came from, not who wrote. */
const NOT_A_NAME = /^(?:TL|Tư liệu|Internet|Minh họa|Minh hoạ|Nguồn Internet|St|ST|Sưu tầm)$/u;

/** A name after a credit: capitals (`HOÀNG OANH`), initials (`KB`) or capitalized words (`Hải`, `Tuấn Anh`). */
function isCreditedName(name: string): boolean {
  return plausibleName(name) && !NOT_A_NAME.test(name) && (NAME_UPPER.test(name) || INITIALS.test(name) || /^[\p{Lu}][\p{Ll}]*(?:\s+[\p{Lu}][\p{Ll}]*)*$/u.test(name));
}

function splitNames(names: string): string[] {
  // `Thiếu tướng, PGS.TS NGUYỄN AN`: a rank and degrees separated by the comma that also separates names.
  return withoutRanks(names)
    .rest.replace(TRAILING_PARENS, '')
    .replace(/\s*\.$/u, '')
    .split(NAME_SEPARATOR)
    .map((n) => withoutRanks(n.trim()).rest)
    .filter(Boolean);
}

/** `Bài, ảnh: HOÀNG OANH`; `Tin: HẢI ANH; Ảnh: MINH ĐỨC` (one credit per segment). */
function creditedNames(line: string): string[] | null {
  const authors: string[] = [];
  // Only after the first credit's colon: `Bài, ảnh:` is one credit, not two.
  const colon = line.indexOf(':');
  if (colon < 0) return null;
  const [firstNames = '', ...others] = line.slice(colon + 1).split(CREDIT_SEPARATOR);
  for (const segment of [line.slice(0, colon + 1) + firstNames, ...others]) {
    const credited = CREDIT_PREFIX.exec(segment);
    if (!credited?.groups) return null;
    // `Bài, ảnh: NGUYỄN VĂN AN, Sư đoàn 316`: the names come first, a unit or role may follow.
    const parts = splitNames(credited.groups.names!);
    const end = parts.findIndex((n) => !isCreditedName(n));
    const names = end < 0 ? parts : parts.slice(0, end);
    if (names.length === 0) return null;
    authors.push(...names);
  }
  return authors;
}

/** `NGUYỄN AN`, `Nguyễn Văn An` (before a comma): what follows a role when the role is a person's. */
const startsWithName = (text: string): boolean => {
  const [first = ''] = text.split(/\s*,\s*/u);
  return (NAME_UPPER.test(first) && first.includes(' ')) || NAME_CAPITALIZED.test(first);
};

/**
 * `Đại tá, ThS PHAN ĐÌNH ÂN` → `PHAN ĐÌNH ÂN`, `Phó Chính ủy NGUYỄN AN` → `NGUYỄN AN`: every rank, degree and
 * role before the name. A role counts only before a name: `Chính ủy Sư đoàn 316` stays (it is no name).
 */
function withoutRanks(text: string): { rest: string; ranked: boolean } {
  let rest = text;
  let ranked = false;
  for (;;) {
    const rank = RANK.exec(rest)?.groups;
    const role = rank ? undefined : ROLE.exec(rest)?.groups;
    const next = rank?.rest ?? (role && startsWithName(role.rest!) ? role.rest : undefined);
    if (next === undefined) return { rest, ranked };
    rest = next;
    ranked = true;
  }
}

/** `Chính ủy …`, `Phó Tư lệnh …`: a list item that is a role, however it goes on. */
const ROLE_START = new RegExp(`^(?:${ROLE.source.slice(1, ROLE.source.indexOf('(?:\\s*,\\s*|\\s+)(?<rest>'))})(?![\\p{L}])`, 'iu');

/** Between officers, or between an officer and the role: `, `, ` - `, ` – `, ` và `. */
const RANKED_PART_SEPARATOR = /\s+[-–—]\s+|\s+và\s+(?=\p{Lu})/u;

/**
 * `Đại tá PHAN ĐÌNH ÂN, Chính ủy Cục Kỹ thuật Quân khu` → `PHAN ĐÌNH ÂN`;
 * `Đại tá NGUYỄN AN - Thượng tá LÊ BÌNH` → both. A part without a rank is a role.
 */
function rankedName(line: string, place: BylinePlace): string[] | null {
  const parts = line.replace(TRAILING_PARENS, '').split(RANKED_PART_SEPARATOR);
  const authors: string[] = [];
  for (const [i, part] of parts.entries()) {
    const { rest, ranked } = withoutRanks(part);
    if (!ranked) {
      if (i === 0) return null;
      continue;
    }
    const [name = ''] = rest.split(/\s*,\s*/u);
    if (!plausibleName(name)) return null;
    if (NAME_UPPER.test(name) && name.includes(' ')) {
      authors.push(name);
      continue;
    }
    // `Thượng tá Nguyễn Văn Nam, Chính ủy Trung đoàn 98` (or `Đại úy Nguyễn Văn An` alone) closing a
    // piece: a short line with no sentence end. In the head the same shape is a caption's subject.
    if (place === 'end' && NAME_CAPITALIZED.test(name) && line.length <= 100 && !/[.!?…]$/u.test(line)) {
      authors.push(name);
      continue;
    }
    return null;
  }
  return authors.length > 0 ? authors : null;
}

/** `KB`, `HOÀNG OANH`, `TRẦN HÀO-PHẠM HẢI`, `Tuấn Anh`, `Hải Anh và Minh Đức`, `NGUYỄN AN, Chính ủy Trung đoàn`. */
function bareNames(line: string): string[] | null {
  const all = splitNames(line);
  // Names in capitals, then a role: the role is theirs (`NGUYỄN VĂN AN, Chính ủy Trung đoàn 98`).
  const roleAt = all.findIndex((n, i) => i > 0 && ROLE_START.test(n));
  const names = roleAt > 0 && all.slice(0, roleAt).every((n) => NAME_UPPER.test(n) && n.includes(' ')) ? all.slice(0, roleAt) : all;
  if (names.length === 0 || !names.every(plausibleName)) return null;
  if (names.every((n) => NAME_UPPER.test(n) || INITIALS.test(n))) return names;
  if (line.length <= BARE_NAMES_MAX_LENGTH && names.every((n) => NAME_CAPITALIZED.test(n))) return names;
  return null;
}

/** The byline on this line, or null when the line is not one. */
export function readByline(line: string, place: BylinePlace): Byline | null {
  const printed = line.trim();
  // `(Tin, ảnh: HẢI ANH)`: some sites wrap the whole byline in parentheses.
  const bare = printed.replace(/^\((.*)\)$/u, '$1').replace(/\s*\.$/u, '');
  const authors =
    creditedNames(bare) ?? (place === 'end' ? (rankedName(bare, place) ?? bareNames(bare)) : rankedName(bare, place));
  return authors ? { printed, authors } : null;
}

/** `Bài: HẢI ANH` above `Ảnh: MINH ĐỨC`: a credit split over two lines is one byline. */
export function isCredit(line: string): boolean {
  return creditedNames(line.trim()) !== null;
}
