/**
 * Which military units an article names, canonical and de-duplicated, the one it is about first.
 *
 * A unit named in full (`Sư đoàn 316`, `Bộ CHQS tỉnh Hà Giang`) always counts. A unit named after a place
 * needs a real one (`places.ts`): a province from `provinces.json`, a district whose name opens no organisation,
 * so `Bộ CHQS tỉnh Lai Châu và Ban Tuyên giáo Tỉnh ủy` names one unit, not a `Bộ CHQS tỉnh Ban Tuyên`. A name the text leaves
 * incomplete counts only when the article treats it as an organisation, the way a careful reader would:
 * - `Quân khu` alone counts as the region of the dateline (`QK2` → `Quân khu 2`) only as an organisation
 *   (`Bộ Tư lệnh Quân khu`, `BTL Quân khu`, `Đảng ủy Quân khu`), never through a person's title (`Phó Tư lệnh
 *   Quân khu`), an inspection team (`đoàn công tác Quân khu`) or a place (`tại Quân khu`).
 * - A Quân khu's agency without its number (`Cục Kỹ thuật Quân khu`, `Cục Kỹ thuật`) counts when the article
 *   is about it (the title names it) or speaks of its Party organisation (`Đảng ủy Cục Kỹ thuật`); it is
 *   completed from the dateline's region, or left as `Cục Kỹ thuật` when no region is known.
 * - `Sư đoàn` alone refers to the Sư đoàn the article names; in the title it makes that unit the primary one.
 * - Former designations (`Trung đoàn 1`, later `Trung đoàn 98`) resolve only in articles that also name the
 *   unit by its present name: the old number has since been given to other units.
 */
import type { Article } from '../schema.ts';
import { canonicalTone } from '../text.ts';
import { catalog, unitKey, unitKind, type UnitKind } from './catalog.ts';
import { scanUnits, type Mention } from './grammar.ts';

/** `QK2`, `QK7 Online`, `(QK7 Online)`, `Qk2`: the region whose site printed the article. */
const DATELINE_REGION = /^\(?\s*Q(?:K|uân\s+khu)\s*(\d{1,2})(?!\d)/iu;
/** `Quân khu 2 – Sư đoàn 316 …`: a mirror's name before the original title, not what the article is about. */
const MIRROR_PREFIX = /^(Quân\s+khu\s+\d{1,2})\s+[–-]\s+/u;
/** `Quân khu 2`: a numbered region named in the article. */
const REGION_NAME = /^Quân khu (\d{1,2})$/u;
/** Agencies that may stand without their owner when no region completes them (`Cục Kỹ thuật`). */
const STANDS_ALONE = /^Cục /u;

type Where = 'title' | 'lead' | 'body' | 'site';

// Distinct unit names are few (thousands over an archive) while mentions are many: canonicalise each once.
const canonicalNames = new Map<string, string>();
function canonical(name: string): string {
  let out = canonicalNames.get(name);
  if (out === undefined) {
    out = catalog.byKey.get(unitKey(name)) ?? canonicalTone(name);
    canonicalNames.set(name, out);
  }
  return out;
}

/** The present name of a unit once called `name` (`Trung đoàn 1` → `Trung đoàn 98`), or null. */
const presentNames = new Map<string, string | null>();
function presentName(name: string): string | null {
  let out = presentNames.get(name);
  if (out === undefined) {
    out = catalog.byFormerKey.get(unitKey(name)) ?? null;
    presentNames.set(name, out);
  }
  return out;
}

interface Found {
  mention: Mention;
  where: Where;
}

/** Canonical units of an article, primary first, then in order of first mention. Pure. */
export function recognizeUnits(article: Pick<Article, 'title' | 'dateline' | 'summary' | 'body'>): string[] {
  const title = article.title ?? '';
  const mirror = MIRROR_PREFIX.exec(title);
  const segments: Array<[Where, string]> = [
    ['title', mirror ? title.slice(mirror[0].length) : title],
    ['lead', article.summary ?? ''],
    ...article.body.map((block): [Where, string] => ['body', block.text]),
    ...(mirror ? [['site', mirror[1]!] as [Where, string]] : []),
  ];
  const found: Found[] = [];
  for (const [where, text] of segments) for (const mention of scanUnits(text)) found.push({ mention, where });

  const named = new Set<string>();
  for (const { mention } of found) if (mention.type === 'unit') named.add(canonical(mention.name));
  const current = (name: string): string => {
    const present = presentName(name);
    return present !== null && named.has(present) ? present : name;
  };

  const datelineRegion = DATELINE_REGION.exec(article.dateline ?? '')?.[1];
  const namedRegions = [...named].flatMap((name) => REGION_NAME.exec(name)?.[1] ?? []);
  const region = datelineRegion ?? (namedRegions.length === 1 ? namedRegions[0] : undefined);
  const partialName = completePartials(found, named, datelineRegion, region);

  // Each mention's unit, aligned with `found`; a bare reference has none of its own.
  const names = found.map(({ mention }): string | null => {
    if (mention.type === 'unit') return current(canonical(mention.name));
    if (mention.type === 'partial') return mention.family === 'Quân khu' && !mention.org ? null : (partialName.get(mention.family) ?? null);
    return null;
  });
  const firstOfKind = (kind: UnitKind): string | null => names.find((name) => name !== null && unitKind(name) === kind) ?? null;
  const inTitle = found.flatMap(({ mention, where }, i) =>
    where !== 'title' ? [] : (names[i] ?? (mention.type === 'ref' ? firstOfKind(mention.kind) : null)) ?? [],
  );
  const inLead = names.filter((name, i) => name !== null && found[i]!.where === 'lead');
  const all = names.filter((name): name is string => name !== null);
  const primary = inTitle[0] ?? inLead[0] ?? all[0];
  return [...new Set(primary === undefined ? all : [primary, ...all])];
}

/** What each partial family (`Quân khu`, `Cục Kỹ thuật`) stands for in this article, if it counts. */
function completePartials(
  found: readonly Found[],
  named: ReadonlySet<string>,
  datelineRegion: string | undefined,
  region: string | undefined,
): Map<string, string | null> {
  const families = new Map<string, { counted: boolean; owned: boolean }>();
  for (const { mention, where } of found) {
    if (mention.type !== 'partial') continue;
    const family = families.get(mention.family) ?? { counted: false, owned: false };
    family.counted ||= mention.org || (where === 'title' && mention.family !== 'Quân khu');
    family.owned ||= mention.owned;
    families.set(mention.family, family);
  }
  const out = new Map<string, string | null>();
  for (const [family, { counted, owned }] of families) {
    if (family === 'Quân khu') {
      out.set(family, region === undefined ? null : `Quân khu ${region}`);
      continue;
    }
    // Named in full elsewhere in the article (`Cục Kỹ thuật Quân khu 2`): the same unit, counted already.
    const full = [...named].find((name) => name.startsWith(`${family} Quân khu `));
    if (full !== undefined) out.set(family, full);
    else if (!counted) out.set(family, null);
    else if (datelineRegion !== undefined || (owned && region !== undefined)) {
      out.set(family, canonical(`${family} Quân khu ${datelineRegion ?? region}`));
    } else out.set(family, STANDS_ALONE.test(family) ? family : null);
  }
  return out;
}
