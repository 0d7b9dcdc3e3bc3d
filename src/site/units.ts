/** The units catalog (src/units/catalog.ts) seen through the site's `UnitDirectory` interface. */
import { UNIT_KINDS, unitInfo, unitSlugs } from '../units/catalog.ts';
import type { UnitDirectory } from './unitDirectory.ts';

const KIND_LABELS = new Map<string, string>(UNIT_KINDS.map((k) => [k.id, k.label]));

export const unitDirectory: UnitDirectory = {
  kinds: UNIT_KINDS.map((k) => k.id),
  kindLabel: (kind) => KIND_LABELS.get(kind) ?? kind,
  describe(name) {
    const info = unitInfo(name);
    return info.parent ? { kind: info.kind, parent: info.parent } : { kind: info.kind };
  },
  slugs: unitSlugs,
};
