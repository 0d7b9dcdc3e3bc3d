/**
 * The grammar of unit names in running text. `scanUnits` reads one paragraph and returns what it names, in
 * order: full names (`Sư đoàn 316`), partial names that need the article to complete them (`Cục Kỹ thuật
 * Quân khu` without a number), and bare references (`Sư đoàn` alone). Every regex is compiled once, here.
 */
import { canonicalTone } from '../text.ts';
import { catalog, type UnitKind } from './catalog.ts';
import { DASHED_PLACES, isDistrictName, provinceName } from './places.ts';

/** Where a mention sits in its paragraph: `[start, end)`. */
interface Span {
  start: number;
  end: number;
}

export type Mention = Span &
  (
    | { type: 'unit'; name: string }
    /**
     * A name that is only complete with the article's region: `Quân khu` alone, `Cục Kỹ thuật` or `Cục Kỹ
     * thuật Quân khu` without a number. `owned` = the text said `Quân khu`; `org` = the text spoke of the
     * unit as an organisation (its Party committee, its command) rather than through a person's title.
     */
    | { type: 'partial'; family: string; owned: boolean; org: boolean }
    /** `Sư đoàn` alone: the Sư đoàn the article is about. */
    | { type: 'ref'; kind: UnitKind }
  );

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const AFTER = '(?![\\p{L}\\p{N}])';
/** `Bộ Chỉ huy` → a pattern that allows any run of spaces between the words. */
const words = (phrase: string): string => phrase.trim().split(/\s+/).join('\\s+');
const sticky = (source: string, flags = 'iuy'): RegExp => new RegExp(source, flags);
/**
 * `Bộ Chỉ huy` → a pattern matching it with each word's initial in either case (`Bộ chỉ huy`). The search
 * regexes run over every character of 100,000 articles: an explicit class is several times faster than the
 * `i` flag, and a word boundary is checked on the few candidates rather than at every position.
 */
const phrase = (text: string): string =>
  text
    .trim()
    .split(/\s+/)
    .map((word) => {
      const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const initial = word.charAt(0);
      const lower = initial.toLowerCase();
      const upper = initial.toUpperCase();
      return lower === upper ? escaped : `[${lower}${upper}]${escaped.slice(1)}`;
    })
    .join('\\s+');
/** True when `text` has no letter or digit just before `index`: a word starts there. */
const startsWord = (text: string, index: number): boolean => index === 0 || !LETTER_OR_DIGIT.test(text.charAt(index - 1));

// Service arms printed between a head and its number: `Lữ đoàn Công binh 543` is `Lữ đoàn 543`.
const ARMS = [
  'Bộ binh cơ giới', 'Pháo phòng không', 'Tăng thiết giáp', 'Tăng – Thiết giáp', 'Tăng - Thiết giáp',
  'Bộ binh', 'Pháo binh', 'Công binh', 'Phòng không', 'Pháo cao xạ', 'Đặc công', 'Xe tăng', 'Thông tin',
  'Hóa học', 'Hoá học', 'Tên lửa', 'Không quân', 'Hải quân', 'Vận tải', 'Cơ giới', 'Ra đa', 'Trinh sát',
]
  .map(words)
  .join('|');

/** ` 316`, ` Công binh 543`, ` BB98`: the number of a numbered unit. */
const NUMBER = sticky(`\\s+(?:(?:${ARMS})\\s+)?(?:BB\\s*)?(\\d{1,4})(?![\\p{L}\\p{N}]|[.,]\\d)`);
/** `, 355`, ` và 148` after `Sư đoàn 316`: more units of the same kind. A number must end the item. */
const MORE_NUMBER = sticky(`(?:\\s*,\\s*và\\s+|\\s*,\\s*|\\s+và\\s+)(\\d{1,3})(?=\\s*(?:[,;:)]|\\.(?!\\d)|$)|\\s+và\\s)`);
/** ` Quân khu 2` / ` Quân khu` / ` Quân đoàn 12` / ` QK2` after an agency's name: its owner. */
const OWNER = sticky(`\\s+(?:(Quân\\s+khu|Quân\\s+đoàn)(?:\\s+(\\d{1,3}))?|QK\\s?(\\d{1,2}))${AFTER}`);
/** ` Kỹ thuật`, ` Hậu cần - Kỹ thuật`: the Cục of a Quân khu. Other Cục are named in the catalog. */
const CUC_BRANCH = sticky(`\\s+(Hậu\\s+cần\\s*[-–]\\s*K[ỹĩ]\\s+thuật|Chính\\s+trị|K[ỹĩ]\\s+thuật|Hậu\\s+cần)${AFTER}`);
/** ` KT-QP 356`, ` Kinh tế - Quốc phòng (KTQP) 338`, ` KTQP 338`. */
const KTQP = sticky(
  `\\s+(?:KT\\s*[-–]?\\s*QP|Kinh\\s+tế\\s*[-–]?\\s*Quốc\\s+phòng)(?:\\s*\\(\\s*KT\\s*[-–]?\\s*QP\\s*\\))?(?:\\s+(\\d{1,4})${AFTER})?`,
);
/** ` K1`, ` X81`, ` K 91` (Kho, Xưởng, Đội): an upper-case code, case-sensitive. */
const CODE = sticky(`\\s+([A-Z]{1,3})\\s?(\\d{1,4}[A-Z]?)${AFTER}`, 'uy');
/** ` 706` (Kho, Xưởng): a bare number of at least two digits. */
const CODE_NUMBER = sticky(`\\s+(\\d{2,4})${AFTER}`, 'uy');
/** ` Cửa khẩu Quốc tế ` before the place of a border post at a border gate, in either case. */
const BORDER_GATE = sticky(`\\s+Cửa\\s+khẩu\\s+(Quốc\\s+tế\\s+)?`);
/** ` 109`: Bệnh viện Quân y 109. */
const HOSPITAL_NUMBER = sticky(`\\s+(\\d{1,4}[A-Z]?)${AFTER}`, 'uy');
/** ` (CHQS)`, ` (BĐBP)`: the abbreviation a long name introduces before its place. */
const ABBREVIATION = `(?:\\s*\\([\\p{Lu}-]{2,8}\\))?`;
/** ` tỉnh `, ` các tỉnh `, ` thành phố `: a province-level place follows. */
const PROVINCE_LEVEL = sticky(`${ABBREVIATION}\\s+(?:các\\s+)?(tỉnh|thành\\s+phố|TP\\.?)\\s+`);
/** ` huyện `, ` các huyện `, ` thị xã `: a district-level place follows. */
const DISTRICT_LEVEL = sticky(`${ABBREVIATION}\\s+(?:các\\s+)?(huyện|thị\\s+xã|thành\\s+phố|TP\\.?|quận)\\s+`);
/** `, `, ` và `, `, huyện `: the next item of a list of districts; `, tỉnh Cao Bằng` is their address, not an item. */
const MORE_DISTRICT = sticky(`(?:\\s*,\\s*và\\s+|\\s*,\\s*|\\s+và\\s+)(?:(huyện|thị\\s+xã|thành\\s+phố|TP\\.?|quận)\\s+)?(?!tỉnh\\s)`);
/** `, `, ` và `, `, thành phố `: the next item of a list of provinces. */
const MORE_PROVINCE = sticky(`(?:\\s*,\\s*và\\s+|\\s*,\\s*|\\s+và\\s+)(?:(tỉnh|thành\\s+phố|TP\\.?)\\s+)?`);

/** `Hà`, `Giang`: one capitalised syllable of a place name. */
const PLACE_SYLLABLE = sticky(`\\p{Lu}\\p{Ll}*${AFTER}`, 'uy');
/** ` ` between syllables, only before another capital. A dash ends a place (`Vĩnh Phúc – Vững vàng`). */
const PLACE_GAP = sticky(`[ ](?=\\p{Lu})`, 'uy');
/** `Bà Rịa – Vũng Tàu`, `Bà Rịa-Vũng Tàu`: the few places whose name has a dash in it, read whole. */
const DASHED_PLACE = sticky(
  `(?:${DASHED_PLACES.map((name) => name.split(' – ').map(words).join('\\s*[-–]\\s*')).join('|')})${AFTER}`,
  'uy',
);
/** `Đại tá`, `Đồng chí`: a capital that starts a rank or a form of address, not a place. */
const NOT_PLACE_NEXT = sticky(`\\s+(?:tá|úy|uý|tướng|chí|sĩ|sỹ)${AFTER}`, 'uy');
/** ` yên,` after `Hàm`: a second syllable printed in lower case by mistake (`huyện Hàm yên`), ending the name. */
const LOWER_SYLLABLE = sticky(`\\s+(\\p{Ll}+)(?=\\s*(?:[,;:)]|\\.(?!\\d)|$)|\\s+và\\s)`, 'uy');
/** Family names that open a person's name, so a three-syllable item in a list of places is a person. */
const SURNAMES = new Set(
  'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lò Lường Sùng Giàng Vàng Đinh Mai Trịnh Lại Tạ Cao Lương Triệu Quàng Hà'.split(' '),
);

/** Words that make a partial name an organisation: `Đảng ủy Cục Kỹ thuật`, `Bộ Tư lệnh Quân khu`. */
const ORG_BEFORE = new RegExp(
  `(?:Đảng\\s+(?:ủy|uỷ)|Đảng\\s+bộ|Bộ\\s+Tư\\s+lệnh|BTL|Thường\\s+vụ|Chi\\s+bộ|Cấp\\s+(?:ủy|uỷ))\\s+$`,
  'iu',
);

/** ` ủy` after `Quân khu`: `Quân khu ủy`, the old name of the Quân khu's Party committee. */
const PARTY_AFTER = sticky(`\\s+(?:ủy|uỷ)${AFTER}`);

// Vietnamese has no locale-specific case rules, and `toLocaleLowerCase('vi')` costs microseconds a call.
const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const isCapital = (text: string, at: number): boolean => {
  const c = text.charAt(at);
  return c !== c.toLowerCase();
};

interface Place {
  name: string;
  syllables: number;
  end: number;
}

/** The capitalised words at `pos` (a dashed name as one), with where each ends: a place's name is some of them. */
interface PlaceWords {
  parts: string[];
  ends: number[];
}

/** Capitalised syllables at `pos`, up to six; a dashed place whole. */
function readPlaceWords(text: string, pos: number): PlaceWords | null {
  DASHED_PLACE.lastIndex = pos;
  const dashed = DASHED_PLACE.exec(text);
  if (dashed) {
    const name = dashed[0].split(/\s*[-–]\s*/u).map((half) => half.split(/\s+/u).join(' ')).join(' – ');
    return { parts: [name], ends: [DASHED_PLACE.lastIndex] };
  }
  const parts: string[] = [];
  const ends: number[] = [];
  for (let at = pos; parts.length < 6; ) {
    PLACE_SYLLABLE.lastIndex = at;
    const syllable = PLACE_SYLLABLE.exec(text);
    if (!syllable) break;
    NOT_PLACE_NEXT.lastIndex = PLACE_SYLLABLE.lastIndex;
    if (NOT_PLACE_NEXT.test(text)) break;
    parts.push(syllable[0]);
    ends.push(PLACE_SYLLABLE.lastIndex);
    PLACE_GAP.lastIndex = PLACE_SYLLABLE.lastIndex;
    if (!PLACE_GAP.test(text)) break;
    at = PLACE_GAP.lastIndex;
  }
  if (parts.length === 0) return null;
  if (parts.length === 1) {
    LOWER_SYLLABLE.lastIndex = ends[0]!;
    const lower = LOWER_SYLLABLE.exec(text);
    if (lower) {
      parts.push(capitalize(lower[1]!));
      ends.push(LOWER_SYLLABLE.lastIndex);
    }
  }
  return { parts, ends };
}

/** A province at `pos`: the longest run of its capitalised words that is one (`Hà Giang` of `Hà Giang Nguyễn …`). */
function readProvince(text: string, pos: number): Place | null {
  const words = readPlaceWords(text, pos);
  if (!words) return null;
  for (let n = words.parts.length; n > 0; n--) {
    const name = provinceName(words.parts.slice(0, n).join(' '));
    if (name !== null) return { name, syllables: syllablesOf(name), end: words.ends[n - 1]! };
  }
  return null;
}

/**
 * A district at `pos`: capitalised syllables that are not an organisation's name (`Ban Tuyên giáo`), ending
 * before a person's name (`Bát Xát Nguyễn Văn Hùng`: a family name followed by more words).
 */
function readDistrict(text: string, pos: number): Place | null {
  const words = readPlaceWords(text, pos);
  if (!words || !isDistrictName(words.parts.join(' '))) return null;
  const person = words.parts.findIndex((part, i) => i > 0 && i < words.parts.length - 1 && SURNAMES.has(part));
  if (person < 0) return toPlace(words);
  return toPlace({ parts: words.parts.slice(0, person), ends: words.ends.slice(0, person) });
}

/** `Bà Rịa – Vũng Tàu` has four syllables. */
const syllablesOf = (name: string) => name.split(' ').filter((w) => w !== '–').length;

function toPlace({ parts, ends }: PlaceWords): Place {
  const name = placeName(parts.join(' '));
  return { name, syllables: syllablesOf(name), end: ends.at(-1)! };
}


// Place names repeat across an archive; `canonicalTone` runs thirty regexes, so each name is toned once.
const placeNames = new Map<string, string>();
function placeName(printed: string): string {
  let name = placeNames.get(printed);
  if (name === undefined) {
    name = canonicalTone(printed);
    placeNames.set(printed, name);
  }
  return name;
}

/** An administrative tier: how its first place is introduced, how a list of its places goes on, what a place of it is. */
interface Level {
  first: RegExp;
  more: RegExp;
  read: (text: string, pos: number) => Place | null;
  /** A list item shorter than this is not a place of the list (a district of one syllable is a word of a sentence). */
  minItemSyllables: number;
}
const PROVINCE: Level = { first: PROVINCE_LEVEL, more: MORE_PROVINCE, read: readProvince, minItemSyllables: 1 };
const DISTRICT: Level = { first: DISTRICT_LEVEL, more: MORE_DISTRICT, read: readDistrict, minItemSyllables: 2 };

/** `tỉnh`/`TP.`/`thành phố` → how the canonical name writes the level. */
function levelName(level: string): string {
  const key = level.toLowerCase().replace(/\s+/g, ' ');
  return key.startsWith('tp') ? 'thành phố' : key;
}

/**
 * `Ban CHQS các huyện Nguyên Bình, Hà Quảng` after its head: one unit per place. `prefix` is the canonical
 * head (`Ban CHQS`); a list item must look like a place (two syllables or more, not a person's name).
 */
function readPlaces(
  text: string,
  start: number,
  pos: number,
  prefix: string,
  level: Level,
  minSyllables: number,
): { mentions: Mention[]; end: number } | null {
  level.first.lastIndex = pos;
  const head = level.first.exec(text);
  if (!head) return null;
  let levelText = levelName(head[1]!);
  const first = level.read(text, level.first.lastIndex);
  if (!first || first.syllables < minSyllables) return null;
  const mentions: Mention[] = [];
  const add = (place: Place, start: number): void => {
    mentions.push({ type: 'unit', name: `${prefix} ${levelText} ${place.name}`, start, end: place.end });
  };
  add(first, start);
  let end = first.end;
  for (;;) {
    level.more.lastIndex = end;
    const more = level.more.exec(text);
    if (!more) break;
    UNIT_AHEAD.lastIndex = level.more.lastIndex;
    if (UNIT_AHEAD.test(text)) break;
    const place = level.read(text, level.more.lastIndex);
    if (!place || place.syllables < level.minItemSyllables) break;
    // A province is checked against the list; a district of three syllables may be a person's name, and a
    // province after districts, with no level of its own, is their address (`huyện Mường Tè, Lai Châu`).
    if (level === DISTRICT && place.syllables >= 3 && SURNAMES.has(place.name.split(' ')[0]!)) break;
    if (level === DISTRICT && !more[1] && provinceName(place.name) !== null) break;
    if (more[1]) levelText = levelName(more[1]);
    add(place, end);
    end = place.end;
  }
  return { mentions, end };
}

type Parse = (text: string, start: number, end: number) => { mentions: Mention[]; end: number } | null;

const one = (mention: Mention): { mentions: Mention[]; end: number } => ({ mentions: [mention], end: mention.end });

/** `Sư đoàn 316`, `Sư đoàn 316, 355`; `Sư đoàn` alone is a reference (or, for Quân khu, a partial name). */
function numbered(canonicalHead: string, kind: UnitKind): Parse {
  return (text, start, end) => {
    NUMBER.lastIndex = end;
    const number = NUMBER.exec(text);
    if (kind === 'quan-khu' && NEWSPAPER_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return null;
    if (!number) {
      if (!isCapital(text, start)) return null;
      if (kind === 'quan-khu') {
        PARTY_AFTER.lastIndex = end;
        const org = ORG_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || PARTY_AFTER.test(text);
        return one({ type: 'partial', family: 'Quân khu', owned: true, org, start, end });
      }
      return one({ type: 'ref', kind, start, end });
    }
    const mentions: Mention[] = [{ type: 'unit', name: `${canonicalHead} ${number[1]}`, start, end: NUMBER.lastIndex }];
    let at = NUMBER.lastIndex;
    for (;;) {
      MORE_NUMBER.lastIndex = at;
      const more = MORE_NUMBER.exec(text);
      if (!more) break;
      mentions.push({ type: 'unit', name: `${canonicalHead} ${more[1]}`, start: at, end: MORE_NUMBER.lastIndex });
      at = MORE_NUMBER.lastIndex;
    }
    return { mentions, end: at };
  };
}

/**
 * An agency named after its owner: `Cục Kỹ thuật Quân khu 2` is complete; `Cục Kỹ thuật Quân khu` and
 * `Cục Kỹ thuật` are partial, completed (or not) by the article.
 */
function owned(text: string, family: string, start: number, pos: number): { mentions: Mention[]; end: number } | null {
  OWNER.lastIndex = pos;
  const owner = OWNER.exec(text);
  const ownerHead = owner?.[1] !== undefined && /đoàn/iu.test(owner[1]) ? 'Quân đoàn' : 'Quân khu';
  const ownerNumber = owner?.[2] ?? owner?.[3];
  if (ownerNumber !== undefined) {
    return one({ type: 'unit', name: `${family} ${ownerHead} ${ownerNumber}`, start, end: OWNER.lastIndex });
  }
  if (!isCapital(text, start)) return null;
  const isQuanKhu = owner !== null && ownerHead === 'Quân khu';
  if (owner && !isQuanKhu) return null;
  const org = ORG_BEFORE.test(text.slice(Math.max(0, start - 24), start));
  return one({ type: 'partial', family, owned: isQuanKhu, org, start, end: isQuanKhu ? OWNER.lastIndex : pos });
}

const cuc: Parse = (text, start, end) => {
  CUC_BRANCH.lastIndex = end;
  const branch = CUC_BRANCH.exec(text);
  if (!branch) return null;
  const key = branch[1]!.toLowerCase();
  const name = key.includes('hậu') && /k[ỹĩ]/u.test(key) ? 'Hậu cần – Kỹ thuật' : key.includes('chính') ? 'Chính trị' : key.includes('hậu') ? 'Hậu cần' : 'Kỹ thuật';
  return owned(text, `Cục ${name}`, start, CUC_BRANCH.lastIndex);
};

const staff: Parse = (text, start, end) => owned(text, 'Bộ Tham mưu', start, end);

const museum: Parse = (text, start, end) => {
  OWNER.lastIndex = end;
  return OWNER.test(text) ? owned(text, 'Bảo tàng', start, end) : null;
};

const militarySchool: Parse = (text, start, end) =>
  readPlaces(text, start, end, 'Trường Quân sự', PROVINCE, 1) ?? owned(text, 'Trường Quân sự', start, end);

const hospital: Parse = (text, start, end) => {
  HOSPITAL_NUMBER.lastIndex = end;
  const number = HOSPITAL_NUMBER.exec(text);
  return number ? one({ type: 'unit', name: `Bệnh viện Quân y ${number[1]}`, start, end: HOSPITAL_NUMBER.lastIndex }) : null;
};

const economicDefence: Parse = (text, start, end) => {
  KTQP.lastIndex = end;
  const m = KTQP.exec(text);
  if (!m) return null;
  if (m[1]) return one({ type: 'unit', name: `Đoàn KT-QP ${m[1]}`, start, end: KTQP.lastIndex });
  return isCapital(text, start) ? one({ type: 'ref', kind: 'doan-kt-qp', start, end: KTQP.lastIndex }) : null;
};

function coded(canonicalHead: string, allowNumber: boolean): Parse {
  return (text, start, end) => {
    CODE.lastIndex = end;
    const code = CODE.exec(text);
    if (code) return one({ type: 'unit', name: `${canonicalHead} ${code[1]}${code[2]}`, start, end: CODE.lastIndex });
    if (!allowNumber) return null;
    CODE_NUMBER.lastIndex = end;
    const number = CODE_NUMBER.exec(text);
    return number ? one({ type: 'unit', name: `${canonicalHead} ${number[1]}`, start, end: CODE_NUMBER.lastIndex }) : null;
  };
}

/** `Đảng ủy Quân sự tỉnh Sơn La`, `Đảng bộ Quân sự tỉnh`: the Party organisation of the Bộ CHQS names that unit. */
const militaryPartyCommittee: Parse = (text, start, end) =>
  readPlaces(text, start, end, 'Bộ CHQS', PROVINCE, 1) ?? readPlaces(text, start, end, 'Ban CHQS', DISTRICT, 1);

function placed(prefix: string, level: Level, kind: UnitKind): Parse {
  return (text, start, end) =>
    readPlaces(text, start, end, prefix, level, 1) ?? (isCapital(text, start) ? one({ type: 'ref', kind, start, end }) : null);
}

const borderPost: Parse = (text, start, end) => {
  BORDER_GATE.lastIndex = end;
  const gate = BORDER_GATE.exec(text);
  const gateName = gate === null ? '' : gate[1] ? 'Cửa khẩu Quốc tế ' : 'Cửa khẩu ';
  // A post is named after its commune or gate: a local place, read like a district's (no `Ban …`, no person).
  const place = readDistrict(text, gate === null ? end + 1 : BORDER_GATE.lastIndex);
  if (place && (place.syllables >= 2 || gate !== null) && /^\s/u.test(text.charAt(end))) {
    return one({ type: 'unit', name: `Đồn Biên phòng ${gateName}${place.name}`, start, end: place.end });
  }
  CODE_NUMBER.lastIndex = end;
  const number = CODE_NUMBER.exec(text);
  return number ? one({ type: 'unit', name: `Đồn Biên phòng ${number[1]}`, start, end: CODE_NUMBER.lastIndex }) : null;
};

/** `QK2` in running text (`Bộ Tư lệnh QK2`), never the dateline (`QK2 – `) nor the newspaper (`QK7 Online`). */
const QK_NUMBER = sticky(`\\s?(\\d{1,2})${AFTER}(?!\\s*\\)?\\s*(?:Online|[–-]))`, 'uy');
/** `Báo Quân khu 7`, `Báo QK7`: the region's newspaper, not the region. */
const NEWSPAPER_BEFORE = /Báo\s+$/u;

const regionAbbreviation: Parse = (text, start, end) => {
  QK_NUMBER.lastIndex = end;
  const number = QK_NUMBER.exec(text);
  if (!number || text.slice(start, end) !== 'QK' || NEWSPAPER_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return null;
  return one({ type: 'unit', name: `Quân khu ${number[1]}`, start, end: QK_NUMBER.lastIndex });
};

/** Every head word the grammar knows, with the parser of what follows it. Longer heads first. */
const HEADS: ReadonlyArray<[string[], Parse, string?]> = [
  [['Quân khu'], numbered('Quân khu', 'quan-khu')],
  // `QK2`: the number is glued to the head, so the head ends before a digit rather than at a word's end.
  [['QK'], regionAbbreviation, '(?=\\s?\\d)'],
  [['Quân đoàn'], numbered('Quân đoàn', 'quan-doan')],
  [['Binh đoàn'], numbered('Binh đoàn', 'quan-doan')],
  [['Sư đoàn', 'Đại đoàn'], numbered('Sư đoàn', 'su-doan')],
  [['Lữ đoàn'], numbered('Lữ đoàn', 'lu-doan')],
  [['Trung đoàn'], numbered('Trung đoàn', 'trung-doan')],
  [['Tiểu đoàn'], numbered('Tiểu đoàn', 'tieu-doan')],
  [['Đại đội'], numbered('Đại đội', 'dai-doi')],
  [['Cục'], cuc],
  [['Bộ Tham mưu'], staff],
  [['Trường Quân sự'], militarySchool],
  [['Bảo tàng'], museum],
  [['Bệnh viện Quân y'], hospital],
  [['Đoàn'], economicDefence],
  [['Bộ Chỉ huy Bộ đội Biên phòng', 'Bộ Chỉ huy BĐBP', 'Bộ đội Biên phòng', 'BĐBP'], placed('BĐBP', PROVINCE, 'bdbp')],
  [['Bộ Chỉ huy Quân sự', 'Bộ CHQS'], placed('Bộ CHQS', PROVINCE, 'bo-chqs')],
  [['Ban Chỉ huy Quân sự', 'Ban CHQS'], placed('Ban CHQS', DISTRICT, 'ban-chqs')],
  [['Đảng ủy Quân sự', 'Đảng uỷ Quân sự', 'Đảng bộ Quân sự'], militaryPartyCommittee],
  [['Đồn Biên phòng', 'Đồn BP'], borderPost],
  [['Kho'], coded('Kho', true)],
  [['Xưởng'], coded('Xưởng', true)],
  [['Đội'], coded('Đội', false)],
];

/** A unit's head, or a command's, where a list of places might continue: the list has ended. */
const UNIT_AHEAD = new RegExp(
  `(?:${HEADS.flatMap(([phrases]) => phrases.map(words)).join('|')}|${words('Bộ Chỉ huy')}|${words('Bộ Tư lệnh')})${AFTER}`,
  'iuy',
);

/** One alternative per entry of `HEADS`, each in its own capturing group, in the order of `HEADS`. */
const GRAMMAR_HEADS = HEADS.map(([phrases, , end = AFTER]) => `((?:${phrases.map(phrase).join('|')})${end})`);

/**
 * Every unit name in one pass. Group 1 is a name from the catalog; group `i + 2` is the head of `HEADS[i]`.
 * Catalog names come first so that, where both start, the longer catalog name wins (`Sư đoàn Bông Lau`).
 */
function searchRegex(catalogNames: readonly string[]): RegExp {
  const names = [...catalogNames]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.trim().split(/\s*[-–—]\s*/).map(phrase).join('\\s*[-–—]\\s*'));
  const alternatives = `((?:${names.join('|') || '[]'})${AFTER})|${GRAMMAR_HEADS.join('|')}`;
  // An empty catalog still needs group 1: `[]` never matches. The lookahead of every possible initial lets
  // the engine skip most characters without trying thirty alternatives at each (about twice as fast).
  const initials = new Set(
    [...catalogNames, ...HEADS.flatMap(([phrases]) => phrases)].flatMap((name) => [name.charAt(0).toLowerCase(), name.charAt(0).toUpperCase()]),
  );
  return new RegExp(`(?=[${[...initials].join('')}])(?:${alternatives})`, 'gu');
}

function scan(text: string, search: RegExp): Mention[] {
  const out: Mention[] = [];
  search.lastIndex = 0;
  for (let m = search.exec(text); m; m = search.exec(text)) {
    if (!startsWord(text, m.index)) continue;
    const headEnd = m.index + m[0].length;
    if (m[1] !== undefined) {
      // Initials may differ (`Tổng Cục Kỹ thuật`), but a phrase in lower case is a common noun.
      if (isCapital(text, m.index)) out.push({ type: 'unit', name: m[1], start: m.index, end: headEnd });
      continue;
    }
    let entry = 0;
    while (m[entry + 2] === undefined) entry++;
    const parsed = HEADS[entry]![1](text, m.index, headEnd);
    if (parsed) out.push(...parsed.mentions);
    search.lastIndex = Math.max(headEnd, parsed?.end ?? headEnd);
  }
  return out;
}

/**
 * The search for every unit: the catalog's names and aliases that the grammar cannot read (`Tổng cục Kỹ
 * thuật`, `Học viện Quốc phòng`), then the grammar's heads. Names the grammar reads stay out of the
 * catalog part, so the grammar's refusals (`Báo Quân khu 7` is a newspaper) stand.
 */
const SEARCH = (() => {
  const grammarOnly = searchRegex([]);
  const unreadable: string[] = [];
  for (const entry of catalog.entries.values()) {
    for (const name of [entry.name, ...(entry.aliases ?? [])]) {
      const read = scan(name, grammarOnly);
      if (!(read.length === 1 && read[0]!.type === 'unit' && read[0]!.end === name.length)) unreadable.push(name);
    }
  }
  return searchRegex(unreadable);
})();

/** The units one paragraph names, in order. */
export function scanUnits(text: string): Mention[] {
  return scan(text, SEARCH);
}
