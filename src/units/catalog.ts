/**
 * The unit catalog: every unit's kind, parent and slug. Kinds come from the name itself, so a unit the
 * catalog has never heard of still gets one; `units.json` adds what a name cannot tell (parents, aliases).
 */
import catalogFile from './units.json' with { type: 'json' };
import { canonicalTone, collator, slugify } from '../text.ts';

/** Kinds in military order, largest formations first: the order of the `/don-vi/` index. */
export const UNIT_KINDS = [
  { id: 'quan-khu', label: 'Quân khu' },
  { id: 'bo-tu-lenh', label: 'Bộ Tư lệnh' },
  { id: 'quan-chung', label: 'Quân chủng' },
  { id: 'quan-doan', label: 'Quân đoàn, Binh đoàn' },
  { id: 'binh-chung', label: 'Binh chủng' },
  { id: 'tong-cuc', label: 'Tổng cục' },
  { id: 'bo-tham-muu', label: 'Bộ Tham mưu' },
  { id: 'cuc', label: 'Cục' },
  { id: 'su-doan', label: 'Sư đoàn' },
  { id: 'lu-doan', label: 'Lữ đoàn' },
  { id: 'trung-doan', label: 'Trung đoàn' },
  { id: 'tieu-doan', label: 'Tiểu đoàn' },
  { id: 'dai-doi', label: 'Đại đội' },
  { id: 'doan-kt-qp', label: 'Đoàn Kinh tế – Quốc phòng' },
  { id: 'bo-chqs', label: 'Bộ Chỉ huy Quân sự tỉnh, thành phố' },
  { id: 'ban-chqs', label: 'Ban Chỉ huy Quân sự huyện, thị xã, thành phố' },
  { id: 'bdbp', label: 'Bộ đội Biên phòng tỉnh' },
  { id: 'don-bien-phong', label: 'Đồn Biên phòng' },
  { id: 'hoc-vien', label: 'Học viện' },
  { id: 'truong', label: 'Nhà trường' },
  { id: 'benh-vien', label: 'Bệnh viện' },
  { id: 'bao-tang', label: 'Bảo tàng' },
  { id: 'kho', label: 'Kho' },
  { id: 'xuong', label: 'Xưởng' },
  { id: 'doi', label: 'Đội' },
  { id: 'khac', label: 'Đơn vị khác' },
] as const;

export type UnitKind = (typeof UNIT_KINDS)[number]['id'];

export interface UnitInfo {
  name: string;
  kind: UnitKind;
  /** The kind's Vietnamese heading, for display. */
  kindLabel: string;
  parent: string | null;
  slug: string;
}

/** One entry of `units.json` (its `$comment` documents the shape for editors). */
export interface CatalogEntry {
  name: string;
  parent?: string;
  aliases?: string[];
  formerNames?: string[];
  slug?: string;
}

// The head of a canonical name decides its kind; longer heads first (`Bộ Tổng Tham mưu` before `Bộ`).
const KIND_BY_HEAD: ReadonlyArray<[string, UnitKind]> = [
  ['Quân khu ', 'quan-khu'],
  ['Bộ Tư lệnh ', 'bo-tu-lenh'],
  ['Quân chủng ', 'quan-chung'],
  ['Quân đoàn ', 'quan-doan'],
  ['Binh đoàn ', 'quan-doan'],
  ['Binh chủng ', 'binh-chung'],
  ['Tổng cục ', 'tong-cuc'],
  ['Bộ Tổng Tham mưu', 'bo-tham-muu'],
  ['Bộ Tham mưu', 'bo-tham-muu'],
  ['Cục ', 'cuc'],
  ['Sư đoàn ', 'su-doan'],
  ['Lữ đoàn ', 'lu-doan'],
  ['Trung đoàn ', 'trung-doan'],
  ['Tiểu đoàn ', 'tieu-doan'],
  ['Đại đội ', 'dai-doi'],
  ['Đoàn KT-QP ', 'doan-kt-qp'],
  ['Bộ CHQS ', 'bo-chqs'],
  ['Ban CHQS ', 'ban-chqs'],
  ['BĐBP ', 'bdbp'],
  ['Đồn Biên phòng ', 'don-bien-phong'],
  ['Học viện ', 'hoc-vien'],
  ['Trường ', 'truong'],
  ['Bệnh viện ', 'benh-vien'],
  ['Bảo tàng ', 'bao-tang'],
  ['Kho ', 'kho'],
  ['Xưởng ', 'xuong'],
  ['Đội ', 'doi'],
];

const KIND_LABEL = new Map<UnitKind, string>(UNIT_KINDS.map((k) => [k.id, k.label]));

/** `Cục Kỹ thuật Quân khu 2` belongs to `Quân khu 2` whether or not the catalog says so. */
const OWNER_SUFFIX = /\s((?:Quân khu|Quân đoàn) \d+)$/u;

/** How names are compared: NFC, old-style tone marks, lower case, one kind of space and dash. */
export function unitKey(name: string): string {
  return canonicalTone(name)
    .toLowerCase()
    .replace(/\s*[-–—]\s*/g, ' – ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Catalog {
  /** Canonical name by the key of every name and alias. */
  byKey: ReadonlyMap<string, string>;
  /** Canonical name by the key of a former designation (used only when the article names the unit too). */
  byFormerKey: ReadonlyMap<string, string>;
  entries: ReadonlyMap<string, CatalogEntry>;
}

/** Builds the lookup tables, refusing a catalog that is ambiguous (one alias, two units). */
export function buildCatalog(list: readonly CatalogEntry[]): Catalog {
  const entries = new Map<string, CatalogEntry>();
  const byKey = new Map<string, string>();
  const byFormerKey = new Map<string, string>();
  const claim = (map: Map<string, string>, alias: string, name: string): void => {
    const key = unitKey(alias);
    const owner = map.get(key);
    if (owner !== undefined && owner !== name) {
      throw new Error(`units.json: ${JSON.stringify(alias)} names both ${JSON.stringify(owner)} and ${JSON.stringify(name)}`);
    }
    map.set(key, name);
  };
  for (const entry of list) {
    const name = canonicalTone(entry.name);
    if (entries.has(name)) throw new Error(`units.json: ${JSON.stringify(name)} is listed twice`);
    entries.set(name, { ...entry, name });
    claim(byKey, name, name);
    for (const alias of entry.aliases ?? []) claim(byKey, alias, name);
    for (const former of entry.formerNames ?? []) claim(byFormerKey, former, name);
  }
  return { byKey, byFormerKey, entries };
}

export const catalog: Catalog = buildCatalog((catalogFile as { units: CatalogEntry[] }).units);

export function unitKind(name: string): UnitKind {
  for (const [head, kind] of KIND_BY_HEAD) if (name.startsWith(head)) return kind;
  return 'khac';
}

/** The slug of one canonical name: pinned in the catalog, or `slugify` of the name. */
export function unitSlug(name: string): string {
  return catalog.entries.get(name)?.slug ?? slugify(name);
}

export function unitInfo(name: string): UnitInfo {
  const canonical = catalog.byKey.get(unitKey(name)) ?? canonicalTone(name);
  const kind = unitKind(canonical);
  const parent = catalog.entries.get(canonical)?.parent ?? OWNER_SUFFIX.exec(canonical)?.[1] ?? null;
  return {
    name: canonical,
    kind,
    kindLabel: KIND_LABEL.get(kind) ?? kind,
    parent: parent === null ? null : canonicalTone(parent),
    slug: unitSlug(canonical),
  };
}

/** FNV-1a, 32 bits: a short, stable fingerprint of a name. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0').slice(-6);
}

/**
 * Slugs for a set of distinct canonical names, never colliding. Canonicalization already makes spelling
 * variants one name, so only names that differ in diacritics alone (`Sa Phìn`, `Sà Phìn`) can share a slug.
 * Then the one whose slug is pinned in `units.json`, else the first in Vietnamese collation, keeps the plain
 * slug, and each other one gets `-` + a fingerprint of its own name (derived from the name alone, so it
 * does not depend on which articles arrive in which order). A later name that collates first would take
 * the plain slug over: pin a slug in `units.json` to make such a URL permanent.
 */
export function unitSlugs(names: Iterable<string>): Map<string, string> {
  const bySlug = new Map<string, string[]>();
  for (const name of new Set(names)) {
    const slug = unitSlug(name);
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), name]);
  }
  const out = new Map<string, string>();
  for (const [slug, group] of bySlug) {
    const ordered = [...group].sort((a, b) => {
      const pinned = Number(catalog.entries.get(b)?.slug === slug) - Number(catalog.entries.get(a)?.slug === slug);
      return pinned || collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
    });
    ordered.forEach((name, i) => out.set(name, i === 0 ? slug : `${slug}-${fingerprint(name)}`));
  }
  return out;
}
