/** Files that reach the parser but are no dump at all: binary data, an HTML page, a JSON file. */
import { DumpParseError } from './error.ts';

/** Control characters no text dump has, and the replacement character a failed decode leaves. */
const BINARY_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/gu;
/** A few stray control characters are damage; more than this share of the text is binary data. */
const BINARY_SHARE = 0.01;
/** `<!DOCTYPE html>`, `<html lang="vi">`, `<div class="post">`: a saved page, not its text. */
const HTML_START = /^<(?:!doctype\s+html|html|head|body|meta|div|p|script|article|section|\?xml)\b/iu;
/** Share of lines that are tags above which a file is markup (and at least this many: a dump may quote one). */
const TAG_LINE_SHARE = 0.3;
const TAG_LINES_MIN = 3;
/** `<p class="x">…</p>`: a line that opens and closes as markup. */
const isTagLine = (line: string) => line.startsWith('<') && line.endsWith('>') && /^<[!/?]?[a-z]/iu.test(line);
/** `{"title": …`, `[{"title": …`: a JSON export; a truncated one too. */
const JSON_START = /^(?:\{\s*(?:"|\}|$)|\[\s*(?:\{|\[|"|\]|$))/u;

function lineOf(text: string, index: number): { number: number; input: string } {
  const before = text.slice(0, index);
  const number = before.split(/\r\n|\r|\n/).length;
  const start = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  const end = text.slice(start).search(/\r|\n/);
  return { number, input: end < 0 ? text.slice(start) : text.slice(start, start + end) };
}

/** Throws `DumpParseError` for an empty file, binary data, an HTML page or a JSON file. */
export function rejectNonDump(text: string, source: string): void {
  const firstText = text.search(/\S/u);
  if (firstText < 0) throw new DumpParseError('empty', source, 1, text.split(/\r\n|\r|\n/)[0] ?? '');

  const bad = text.match(BINARY_CHAR)?.length ?? 0;
  if (bad > 0 && (text.includes('\u0000') || bad / text.length > BINARY_SHARE)) {
    const at = lineOf(text, text.search(BINARY_CHAR));
    throw new DumpParseError('not-a-dump', source, at.number, at.input, 'binary data');
  }

  const start = lineOf(text, firstText);
  const first = start.input.trim();
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);
  const tagLines = lines.filter(isTagLine).length;
  if (HTML_START.test(first) || (tagLines >= TAG_LINES_MIN && tagLines / lines.length > TAG_LINE_SHARE)) {
    throw new DumpParseError('not-a-dump', source, start.number, start.input, 'HTML page');
  }
  if (JSON_START.test(first) || (/^[[{]/u.test(first) && parsesAsJson(text))) {
    throw new DumpParseError('not-a-dump', source, start.number, start.input, 'JSON file');
  }
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
