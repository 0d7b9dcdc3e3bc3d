/**
 * Minutes to read an article. Vietnamese is written one syllable per word: adult readers manage
 * about 250 syllables a minute on screen, so words are counted between spaces.
 */
const SYLLABLES_PER_MINUTE = 250;

export function readingMinutes(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / SYLLABLES_PER_MINUTE));
}
