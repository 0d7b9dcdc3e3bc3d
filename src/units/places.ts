/**
 * Which capitalised words are a place a unit can be named after. A province-level name must be a real
 * province (`provinces.json`: the 34 of 2025, the 63 before, and the former ones old articles name); a
 * district has too many names, and too many renamed, to list, so a district-level name is judged by its
 * shape: capitalised syllables that do not open an organisation (`Ban Tuyên giáo`, `Hội Cựu chiến binh`).
 */
import provincesFile from './provinces.json' with { type: 'json' };
import { canonicalTone } from '../text.ts';

const key = (name: string) => canonicalTone(name).replace(/\s*[-–—]\s*/gu, ' – ').replace(/\s+/gu, ' ');

/** Every province name and printed spelling, keyed by its canonical form → the name units are written with. */
const PROVINCES = (() => {
  const out = new Map<string, string>();
  for (const name of [...provincesFile.provinces2025, ...provincesFile.provinces2008, ...provincesFile.former]) out.set(key(name), name);
  for (const [printed, name] of Object.entries(provincesFile.spellings)) out.set(key(printed), name);
  return out;
})();

// Printed names repeat across an archive; `canonicalTone` runs thirty regexes, so each is looked up once.
const looked = new Map<string, string | null>();

/** `Hà Giang` → `Hà Giang`, `Thừa Thiên – Huế` → `Thừa Thiên Huế`, `Ban Tuyên` → null. */
export function provinceName(printed: string): string | null {
  let name = looked.get(printed);
  if (name === undefined) {
    name = PROVINCES.get(key(printed)) ?? null;
    looked.set(printed, name);
  }
  return name;
}

/** Places whose name has a dash in it (`Bà Rịa – Vũng Tàu`), read whole; a dash ends any other place. */
export const DASHED_PLACES: readonly string[] = [
  ...new Set([...PROVINCES.keys()].filter((name) => name.includes(' – ')).concat('Phan Rang – Tháp Chàm')),
];

/**
 * `Ban`, `Hội`, `Sở`, `Công an`, `Ủy ban`, `Đoàn Thanh niên`, `Báo Lai Châu`: the first words of an organisation, which no
 * district's name starts with (`Văn Bàn`, `Chi Lăng`, `Đại Từ`, `Tuyên Hóa`, `Trường Sa` do start with words that look
 * like one, so those are not here).
 */
const ORGANISATION_START =
  /^(?:Ban|Hội|Sở|Ủy|Uỷ|UBND|HĐND|Đảng|Đoàn|Công\s+an|Mặt\s+trận|Cục|Chi\s+cục|Bộ|Viện|Bệnh\s+viện|Tòa|Toà|Tỉnh|Huyện|Thị\s+ủy|Thành\s+ủy|Thị\s+uỷ|Thành\s+uỷ|Lực|Cựu|Ngân|Công\s+ty|Tổng|Liên\s+đoàn|Xã|Phường|Thị\s+trấn|Đồn|Đội|Kho|Trung\s+tâm|Nhà|Quân|Phòng|Báo|Đài|Trạm|Hạt|Quỹ|Trường(?!\s+Sa)|Tập\s+đoàn|Ủy\s+ban|UB|MTTQ)(?![\p{L}])/u;

/** `Mường Tè` → true; `Ban Tuyên`, `Hội Cựu` → false. */
export function isDistrictName(name: string): boolean {
  return !ORGANISATION_START.test(name);
}
