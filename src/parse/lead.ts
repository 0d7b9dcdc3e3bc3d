/** The lead paragraph and its dateline (`QK2 – `), and the title derived from it when a dump has none. */
import { BARE_DASH_LEAD, DATELINE, isGarbageToken } from './grammar.ts';

export interface Lead {
  /** The lead as printed, dateline included, junk an image glued to it removed. */
  printed: string;
  /** `QK2`, `Qk2`, `QK7 Online`, … or null. */
  dateline: string | null;
  /** The lead without its dateline (or its bare dash). */
  summary: string;
}

/** `dtcktktqkkkkkkĐồng chí …`: a lower-case ASCII run glued to a capital is an image's file name. */
const GLUED_JUNK = /^[a-z]{8,}(?=[\p{Lu}(])/u;

/** Removes an image's file name glued to the start of a line. */
export function withoutGluedJunk(text: string): string {
  const junk = GLUED_JUNK.exec(text)?.[0];
  return junk && isGarbageToken(junk) ? text.slice(junk.length) : text;
}

export function readLead(text: string): Lead {
  const dated = DATELINE.exec(text);
  if (dated?.groups) {
    const printed = text.slice(dated.groups.junk?.length ?? 0);
    const dateline = (dated.groups.inParens ?? dated.groups.bare ?? '').trim();
    return { printed, dateline, summary: text.slice(dated[0].length).trim() };
  }
  const printed = withoutGluedJunk(text);
  const dash = BARE_DASH_LEAD.exec(printed);
  return { printed, dateline: null, summary: dash ? printed.slice(dash[0].length).trim() : printed };
}

/** A derived title is a headline, not a paragraph: cut at a word boundary past this length. */
const DERIVED_TITLE_MAX = 120;
/** A "sentence" shorter than this ended at an abbreviation (`TP. Hồ Chí Minh`): read on. */
const SENTENCE_MIN = 25;

/** The lead's first sentence as a title: `Sáng nay, hơn 3.000 chiến sĩ mới … năm 2022`. */
export function deriveTitle(summary: string): string {
  const ends = summary.matchAll(/[.!?…](?=["”]?\s+["“]?\p{Lu}|["”]?$)/gu);
  let sentence = summary;
  for (const end of ends) {
    if (end.index + 1 >= SENTENCE_MIN) {
      sentence = summary.slice(0, end.index + 1);
      break;
    }
  }
  sentence = sentence.replace(/\.$/u, '').trim();
  if (sentence.length <= DERIVED_TITLE_MAX) return sentence;
  const cut = sentence.slice(0, DERIVED_TITLE_MAX + 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 0 ? space : DERIVED_TITLE_MAX).replace(/[\s,;:–-]+$/u, '')}…`;
}
