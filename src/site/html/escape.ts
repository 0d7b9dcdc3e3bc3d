/**
 * Escaping for the pages written as TypeScript (`src/site/html/`): exactly what Nunjucks' autoescape
 * does to `{{ value }}` (its `lib.escape`, backslash included), so that a page kind moved from Nunjucks
 * to a render function writes the same bytes.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '\\': '&#92;' };
const SPECIAL = /[&"'<>\\]/g;

/** `{{ value }}`: null and undefined print nothing, anything else its string, escaped. */
export function esc(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return SPECIAL.test(text) ? text.replace(SPECIAL, (ch) => ENTITIES[ch]!) : text;
}
