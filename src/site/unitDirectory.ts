/**
 * What the site needs to know about a unit beyond its name: its slug, its kind (for grouping, in
 * military order) and its parent. The units catalog (`src/units/catalog.ts`) is the source; the site
 * depends only on this interface so that tests can pass a small directory of their own.
 */
import { collator, slugify } from '../text.ts';

export interface UnitDescription {
  kind: string;
  /** Canonical name of the unit it belongs to, when known. */
  parent?: string;
}

export interface UnitDirectory {
  /** Kinds in the order `/don-vi/` lists them. */
  kinds: readonly string[];
  kindLabel(kind: string): string;
  describe(name: string): UnitDescription;
  /** Slugs for the archive's units, distinct even when two names slugify alike, stable across builds. */
  slugs(names: Iterable<string>): Map<string, string>;
}

export const OTHER_KIND = 'khac';

/**
 * A directory that knows no kinds or parents: every unit is "other", slugged from its name, a clash
 * resolved by collation order. For tests that are not about units.
 */
export const plainUnitDirectory: UnitDirectory = {
  kinds: [],
  kindLabel: () => 'Đơn vị khác',
  describe: () => ({ kind: OTHER_KIND }),
  slugs(names) {
    const out = new Map<string, string>();
    const taken = new Set<string>();
    for (const name of [...new Set(names)].sort(collator.compare)) {
      let slug = slugify(name);
      for (let n = 2; taken.has(slug); n++) slug = `${slugify(name)}-${n}`;
      taken.add(slug);
      out.set(name, slug);
    }
    return out;
  },
};
