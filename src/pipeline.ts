/** The pure path from a decoded dump to a tagged article: what ingest and the evaluation both run. */
import type { Article } from './schema.ts';
import { parseDump } from './parse/parseDump.ts';
import { recognizeUnits } from './units/recognize.ts';

export interface ReadArticle {
  article: Article;
  warnings: string[];
}

/** Throws `DumpParseError` when the dump cannot be published (see `parseDump`). */
export function readArticle(text: string, source: string): ReadArticle {
  const { article, warnings } = parseDump(text, source);
  return { article: { ...article, units: recognizeUnits(article) }, warnings };
}
