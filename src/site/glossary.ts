/** The abbreviations readers outside the army do not know, from the editable `glossary.json`. */
import glossaryJson from './glossary.json' with { type: 'json' };
import { collator } from '../text.ts';

export interface GlossaryEntry {
  abbreviation: string;
  expansion: string;
}

export type Glossary = ReadonlyMap<string, string>;

export const glossary: Glossary = new Map(Object.entries(glossaryJson as Record<string, string>));

/** For `/thuat-ngu/`: in Vietnamese alphabetical order. */
export function glossaryEntries(entries: Glossary = glossary): GlossaryEntry[] {
  return [...entries]
    .map(([abbreviation, expansion]) => ({ abbreviation, expansion }))
    .sort((a, b) => collator.compare(a.abbreviation, b.abbreviation));
}

// `-` is not escaped: under the `u` flag `\-` outside a class is a syntax error.
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pattern for the whole glossary, longest first so `HLSSCĐ` wins over `SSCĐ`. An abbreviation is
 * a whole word: `QK2` in `QK2 -` but not in `QK21`, `KT-QP` but not `KT-QPX`.
 */
export function abbreviationPattern(entries: Glossary = glossary): RegExp {
  const words = [...entries.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`, 'gu');
}
