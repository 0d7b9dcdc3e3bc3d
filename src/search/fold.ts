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
 */
import { foldDiacritics } from '../text.ts';

/** Glues the folded twin to its word. A hyphen is one of the joiners Pagefind splits compounds on. */
export const FOLD_JOINER = '-';

/** A word containing `đ`/`Đ` (letters and combining marks around it). */
const D_WORD = /[\p{L}\p{M}]*[đĐ][\p{L}\p{M}]*/gu;

/** Tags, comments and doctype; what lies between them is text. */
const MARKUP = /(<!--[\s\S]*?-->|<[^>]*>)/;

/** Elements whose content is not text a reader sees. */
const RAW_TEXT_OPEN = /^<(script|style|template|textarea)[\s>]/i;
const RAW_TEXT_CLOSE = /^<\/(script|style|template|textarea)[\s>]/i;

/** `đoàn` → `đoàn-doan`, in a run of text. */
export function foldDWordsInText(text: string): string {
  return text.replace(D_WORD, (word) => `${word}${FOLD_JOINER}${foldDiacritics(word)}`);
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
