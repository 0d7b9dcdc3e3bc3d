/**
 * The `đ` fold: what makes `doan` find `đoàn`.
 *
 * Pagefind folds tone marks at index and query time (`hoa` finds `hòa`) but not `đ`, which has no
 * Unicode decomposition. Before a page is handed to Pagefind, every word with `đ` gets its folded twin
 * glued on with a hyphen, inside the same whitespace-delimited word:
 *
 *   `Sư đoàn 316` → `Sư đoàn-doan 316`
 *
 * Pagefind indexes a hyphenated word as its parts and their concatenation, all at ONE word position, so
 * `đoàn` and `doan` both match there: same term frequency, same position (quoted phrases such as
 * `"su doan 316"` and `"sư đoàn 316"` both still match), ranking about the same. Only the copy handed to
 * Pagefind is changed; the published page is not. The search page strips the twin from excerpts with
 * `public/js/search-text.js` (`unfoldExcerpt`), which the tests check against `foldDWords`.
 *
 * The title's words get a second twin the same way, marked (`TITLE_MARK`): `Lữ đoàn 297` in the `h1` is
 * indexed as `Lữ-luzq đoàn-doan-doanzq 297-jcjjjhzq` (`titleTwin`), so that an exact phrase search for `"luzq doanzq"`
 * finds the articles whose TITLE says `lữ đoàn`, with no other page's words, at no extra query bytes:
 * a marked twin sorts right after its word (`luzq` after `luyện`), so it lies in the index chunks
 * every search for the word already loads. The search page ranks such titles first
 * (`public/js/search-text.js`, `TITLE_MARK` must agree).
 */
import { escapeHtml, foldDiacritics } from '../text.ts';

/** Glues the folded twin to its word. A hyphen is one of the joiners Pagefind splits compounds on. */
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
 * Letters and combining marks: what a word is made of. Indexing scans every page of the site, and a regex
 * with `\p{L}` on both sides of `[đĐ]` tries every position; looking up `đ` with `indexOf` and widening to
 * the word by this table costs a fraction of that. Astral characters (rare) are tested by the regex.
 */
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const BMP_WORD_CHAR = (() => {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    if (code < 0xd800 || code > 0xdfff) table[code] = Number(LETTER_OR_MARK.test(String.fromCharCode(code)));
  }
  return table;
})();
const isWordChar = (codePoint: number): boolean =>
  codePoint < 0x10000 ? BMP_WORD_CHAR[codePoint] === 1 : LETTER_OR_MARK.test(String.fromCodePoint(codePoint));

/** Where the word around `at` starts: letters and marks back from `at`. */
function wordStart(text: string, at: number): number {
  let start = at;
  while (start > 0) {
    const low = text.charCodeAt(start - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && start > 1 ? 2 : 1;
    if (!isWordChar(text.codePointAt(start - width)!)) break;
    start -= width;
  }
  return start;
}

/** Where the word from `at` ends. */
function wordEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length) {
    const code = text.codePointAt(end)!;
    if (!isWordChar(code)) break;
    end += code > 0xffff ? 2 : 1;
  }
  return end;
}

// Few đ-words (`đoàn`, `được`, `đơn`) make most of them: each is folded once per thread.
const foldedWords = new Map<string, string>();
function foldedWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = foldDiacritics(word);
    if (foldedWords.size < 100_000) foldedWords.set(word, folded);
  }
  return folded;
}

/** The next `đ` or `Đ` at or after `from`, or -1. */
function nextD(text: string, from: number): number {
  const lower = text.indexOf('đ', from);
  const upper = text.indexOf('Đ', from);
  return lower === -1 ? upper : upper === -1 ? lower : Math.min(lower, upper);
}

/** Tags, comments and doctype; what lies between them is text. */
const MARKUP = /(<!--[\s\S]*?-->|<[^>]*>)/;

/** Elements whose content is not text a reader sees. */
const RAW_TEXT_OPEN = /^<(script|style|template|textarea)[\s>]/i;
const RAW_TEXT_CLOSE = /^<\/(script|style|template|textarea)[\s>]/i;

/** `đoàn` → `đoàn-doan`, in a run of text. */
export function foldDWordsInText(text: string): string {
  let at = nextD(text, 0);
  if (at === -1) return text;
  let out = '';
  let copied = 0;
  while (at !== -1) {
    const start = wordStart(text, at);
    const end = wordEnd(text, at + 1);
    const word = text.slice(start, end);
    out += `${text.slice(copied, end)}${FOLD_JOINER}${foldedWord(word)}`;
    copied = end;
    at = nextD(text, end);
  }
  return out + text.slice(copied);
}

/**
 * Adds the folded twin to every `đ`-word in the text of an HTML page (never inside tags, attributes,
 * scripts or styles). Pure; the page must be NFC, as every page of this site is.
 */
export function foldDWords(html: string): string {
  const parts = html.split(MARKUP);
  let raw = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 1) {
      if (RAW_TEXT_OPEN.test(part)) raw = true;
      else if (RAW_TEXT_CLOSE.test(part)) raw = false;
    } else if (!raw && part) {
      parts[i] = foldDWordsInText(part);
    }
  }
  return parts.join('');
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

/**
 * What Pagefind is handed for a page: the title's words marked (`markTitleWords`), then every
 * `đ`-word twinned (`foldDWords`). Pure.
 */
export function foldPage(html: string): string {
  const marked = html.replace(TITLE_ELEMENT, (_, open: string, text: string, close: string) => {
    const plain = text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);
    return `${open}${escapeHtml(markTitleWords(plain))}${close}`;
  });
  return foldDWords(marked);
}
