/**
 * The `đ` fold: what makes `doan` find `đoàn`.
 *
 * Pagefind folds tone marks at index and query time (`hoa` finds `hòa`) but not `đ`, which has no
 * Unicode decomposition. So the page handed to Pagefind says `d` for every `đ` of its text:
 *
 *   `Sư đoàn 316` → `Sư doàn 316`
 *
 * and the search page folds `đ` out of the query the same way, so `đoàn`, `doàn` and `doan` all find
 * the word at its own position (quoted phrases such as `"su doan 316"` still match). Only the copy
 * handed to Pagefind is changed; the published page is not.
 *
 * Pagefind shows excerpts from the text it indexed, so the page carries a meta field (`D_BITS_FIELD`)
 * saying which of its text's `d`s, counted in order, were `đ`: `restoreD` of `public/js/search-text.js`
 * puts them back (the tests check it against this file and against Pagefind's own fragments). The
 * folded twin glued to each `đ`-word before (`đoàn-doan`) cost Pagefind 17% more CPU and the index 12%
 * more bytes.
 *
 * The title's words get a marked twin (`TITLE_MARK`): `Lữ đoàn 297` in the `h1` is indexed as
 * `Lữ-luzq doàn-doanzq 297-jcjjjhzq` (`titleTwin`), so that an exact phrase search for `"luzq doanzq"`
 * finds the articles whose TITLE says `lữ đoàn`, with no other page's words, at no extra query bytes:
 * a marked twin sorts right after its word (`luzq` after `luyện`), so it lies in the index chunks
 * every search for the word already loads. Pagefind indexes a hyphenated word as its parts and their
 * concatenation, all at ONE word position. The search page ranks such titles first and drops the twins
 * from excerpts (`public/js/search-text.js`, `TITLE_MARK` must agree).
 */
import { escapeHtml, foldDiacritics } from '../text.ts';

/** Glues a title word's marked twin to it. A hyphen is one of the joiners Pagefind splits compounds on. */
export const FOLD_JOINER = '-';

/**
 * Ends the marked twin of a title word. No Vietnamese syllable ends in `z` (nor has a `zq`), and only
 * letters and digits survive Pagefind's tokenizer, so `<syllable>zq` is never a word of any text.
 */
export const TITLE_MARK = 'zq';

/**
 * Pagefind cuts a word where letters and digits meet (`297zq` is `297` and `zq`), so a twin has no
 * digit: each is written `j` and a letter (`297` → `jcjjjh`). No Vietnamese word has a `j`.
 */
export function titleTwin(core: string): string {
  return `${core.replace(/\d/g, (d) => `j${'abcdefghij'[Number(d)]}`)}${TITLE_MARK}`;
}

/**
 * The `d`s of a page's text, in order: bit `i` of the field is set when the `i`-th was `đ` or `Đ`.
 * Six bits a character, lowest first, in this alphabet (URL-safe base64: no HTML escaping); the
 * characters after the last `đ` are left out, and a page without one has no field.
 */
export const D_BITS_FIELD = 'dbits';
export const D_BITS_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const LOWER_D = 0x64;
const UPPER_D = 0x44;
const LOWER_DJ = 0x111; // đ
const UPPER_DJ = 0x110; // Đ
const AMPERSAND = 0x26;

/** Where the `d`s of a page are counted, and which were `đ`. */
interface DCount {
  count: number;
  ones: number[];
}

/**
 * `Sư đoàn` → `Sư doàn`, counting the text's `d`s into `seen`. An entity (`&amp;`) is one character of
 * the text Pagefind reads, never a `d`: skipped. One pass of `charCodeAt`, with no call for each `d`:
 * every page of the site goes through it.
 */
function foldDInText(text: string, seen: DCount): string {
  let folded = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LOWER_D || code === UPPER_D) seen.count++;
    else if (code === LOWER_DJ || code === UPPER_DJ) {
      seen.ones.push(seen.count++);
      folded = true;
    } else if (code === AMPERSAND) {
      const end = text.indexOf(';', i);
      if (end !== -1) i = end;
    }
  }
  return folded ? text.replaceAll('đ', 'd').replaceAll('Đ', 'D') : text;
}

/** The bits of `ones` (indices of set bits, ascending) in `D_BITS_ALPHABET`. */
export function packBits(ones: readonly number[]): string {
  if (ones.length === 0) return '';
  const sextets = new Uint8Array(Math.floor(ones.at(-1)! / 6) + 1);
  for (const i of ones) sextets[Math.floor(i / 6)]! |= 1 << i % 6;
  let out = '';
  for (const sextet of sextets) out += D_BITS_ALPHABET[sextet];
  return out;
}

/** Tags, comments and doctype; what lies between them is text. */
const MARKUP = /(<!--[\s\S]*?-->|<[^>]*>)/;

/** Elements whose content is not text a reader sees. */
const RAW_TEXT_OPEN = /^<(script|style|template|textarea)[\s>]/i;
const RAW_TEXT_CLOSE = /^<\/(script|style|template|textarea)[\s>]/i;

/**
 * `d` for every `đ` in the text of an HTML page (never inside tags, attributes, scripts or styles), and
 * the bits that say which `d`s were `đ` (`D_BITS_FIELD`). Pure.
 */
export function foldD(html: string): { html: string; bits: string } {
  const seen: DCount = { count: 0, ones: [] };
  const parts = html.split(MARKUP);
  let raw = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 1) {
      if (RAW_TEXT_OPEN.test(part)) raw = true;
      else if (RAW_TEXT_CLOSE.test(part)) raw = false;
    } else if (!raw && part) {
      parts[i] = foldDInText(part, seen);
    }
  }
  return { html: parts.join(''), bits: packBits(seen.ones) };
}

/** `Lữ` → `lu`, `KT-QP` → `ktqp`, `1.500` → `1500`: what Pagefind's tokenizer keeps of a word, folded. */
export function tokenCore(token: string): string {
  return foldDiacritics(token).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The last letter or digit of a token: its marked twin goes right after it, before closing punctuation. */
const LAST_WORD_CHAR = /[\p{L}\p{M}\p{N}](?=[^\p{L}\p{M}\p{N}]*$)/u;

/** `Lữ đoàn 297:` → `Lữ-luzq đoàn-doanzq 297-jcjjjhzq:` (plain text, not HTML). */
export function markTitleWords(title: string): string {
  return title.replace(/\S+/g, (token) => {
    const core = tokenCore(token);
    const last = LAST_WORD_CHAR.exec(token);
    if (!core || !last) return token;
    const at = last.index + last[0].length;
    return `${token.slice(0, at)}${FOLD_JOINER}${titleTwin(core)}${token.slice(at)}`;
  });
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The `<h1>` of a page as `page.ts` writes it: one element, text escaped with `escapeHtml`. */
const TITLE_ELEMENT = /(<h1>)([^<]*)(<\/h1>)/;

/** Where the bits go: into the indexed element, whose last tag `page.ts` writes this way. */
const ARTICLE_END = '</article>';

/**
 * What Pagefind is handed for a page: the title's words marked (`markTitleWords`), then `d` for every
 * `đ` (`foldD`), with the bits that restore them as a meta field. Pure.
 */
export function foldPage(html: string): string {
  const marked = html.replace(TITLE_ELEMENT, (_, open: string, text: string, close: string) => {
    const plain = text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);
    return `${open}${escapeHtml(markTitleWords(plain))}${close}`;
  });
  const folded = foldD(marked);
  if (!folded.bits) return folded.html;
  const end = folded.html.lastIndexOf(ARTICLE_END);
  // A programming error, not bad input: `page.ts` writes every page to index.
  if (end === -1) throw new Error(`a page to index has no ${ARTICLE_END}: ${html.slice(0, 80)}`);
  const field = `<span data-pagefind-meta="${D_BITS_FIELD}[data-value]" data-value="${folded.bits}"></span>`;
  return `${folded.html.slice(0, end)}${field}${folded.html.slice(end)}`;
}
