/**
 * Minutes to read an article. Vietnamese is written one syllable per word: adult readers manage
 * about 250 syllables a minute on screen, so words are counted between spaces.
 */
const SYLLABLES_PER_MINUTE = 250;

/** Counts runs of non-space characters without allocating: this runs once per article. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 13 || c === 9;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

export function readingMinutes(text: string): number {
  return Math.max(1, Math.round(countWords(text) / SYLLABLES_PER_MINUTE));
}
