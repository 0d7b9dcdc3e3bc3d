/**
 * What the site needs to know about a unit beyond its name: its slug, its kind (for grouping, in
 * military order) and its parent. The units catalog (`src/units/catalog.ts`) is the source; the site
 * depends only on this interface so that tests can pass a small directory of their own.
 */
import { slugify } from '../text.ts';

export interface UnitDescription {
  slug: string;
  kind: string;
  /** Canonical name of the unit it belongs to, when known. */
  parent?: string;
}

export interface UnitDirectory {
  /** Kinds in the order `/don-vi/` lists them. */
  kinds: readonly string[];
  kindLabel(kind: string): string;
  describe(name: string): UnitDescription;
}

export const OTHER_KIND = 'khac';

/** A directory that knows no kinds or parents: every unit is "other", slugged from its name. */
export const plainUnitDirectory: UnitDirectory = {
  kinds: [],
  kindLabel: () => 'Đơn vị khác',
  describe: (name) => ({ slug: slugify(name), kind: OTHER_KIND }),
};
