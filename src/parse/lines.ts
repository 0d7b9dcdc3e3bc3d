/** A dump as lines: the unit every later step of the parser works on. */
import { normalizeText } from '../text.ts';

/** One non-blank line of a dump. */
export interface DumpLine {
  /** The line as printed, without surrounding whitespace. */
  text: string;
  /** 1-based line number in the dump, for error messages and warnings. */
  number: number;
  /** Blank (or whitespace-only) lines right before this one: layouts mark captions and ends with them. */
  gapBefore: number;
}

/** NFC, no invisible characters, any line ending (`\r\n`, `\r`, `\n`); blank lines become gaps. */
export function dumpLines(text: string): DumpLine[] {
  const lines: DumpLine[] = [];
  let gap = 0;
  normalizeText(text)
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line) {
        gap += 1;
        return;
      }
      lines.push({ text: line, number: i + 1, gapBefore: gap });
      gap = 0;
    });
  return lines;
}
