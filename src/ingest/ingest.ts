/**
 * The ingest run: input folder → one Markdown file per article, and a report entry for every input.
 * read → decode → `readArticle` (cached) → merge duplicates → stable slugs → write.
 * Every input ends published, merged or rejected; nothing an archivist drops in is lost or crashes the run.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportEntry } from '../report.ts';
import { recoverFolder, stagingFolder, swapFolder, writeFileAtomic } from './atomic.ts';
import { mergeDuplicates, type Copy } from './dedupe.ts';
import { articleToMarkdown } from './markdown.ts';
import { assignSlugs, type SlugLedger } from './slugs.ts';
import { forEachLimited } from '../concurrency.ts';
import { readDumps, type ReadArticleFn } from './readDumps.ts';
import { findDumps } from './walk.ts';

export type { ReadArticleFn };

/** A dump is a page of text: 10 MB is far beyond any article, and reading more would only waste memory. */
export const MAX_DUMP_BYTES = 10 * 1024 * 1024;
/** Markdown files written at once. */
const WRITE_CONCURRENCY = 16;

export interface IngestOptions {
  inputDir: string;
  /** The Markdown folder; replaced as a whole when the run succeeds. */
  outputDir: string;
  /** The parse cache folder (`.build/cache`), shared by every archive; null: no cache. */
  cacheRoot?: string | null;
  /** The archive's state folder (`src/cli/state.ts`): the URL ledger; null: no ledger. */
  stateDir?: string | null;
  /** The parser; the real one by default. Tests inject their own. */
  readArticle?: ReadArticleFn;
  /** Reads a dump's bytes; tests inject failing readers. */
  readDump?: (absolute: string) => Promise<Uint8Array>;
  maxDumpBytes?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface IngestResult {
  entries: ReportEntry[];
  articles: number;
  undated: number;
  truncated: number;
  /** Parse results served from the cache. */
  cacheHits: number;
}

export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const maxBytes = options.maxDumpBytes ?? MAX_DUMP_BYTES;
  const found = await findDumps(options.inputDir);
  const outcomes = await readDumps(found, {
    ...(options.readArticle ? { readArticle: options.readArticle } : {}),
    ...(options.readDump ? { readDump: options.readDump } : {}),
    cacheRoot: options.cacheRoot ?? null,
    maxBytes,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const cacheHits = outcomes.filter((o) => o.cached).length;

  const entries = new Map<string, ReportEntry>();
  const copies: Copy[] = [];
  for (const { file, read: result, notes } of outcomes) {
    if (result.ok) copies.push({ article: result.article, warnings: [...notes, ...result.warnings] });
    else entries.set(file, { file, status: 'rejected', reason: result.reason, warnings: notes });
  }

  const articles = mergeDuplicates(copies);
  const ledgerFile = options.stateDir ? path.join(options.stateDir, 'slugs.json') : null;
  const { placed, ledger } = assignSlugs(
    articles.map((m) => ({
      identity: m.identity,
      aliases: m.aliases,
      title: m.kept.article.title,
      date: m.kept.article.date,
      crawledAt: m.kept.article.crawledAt,
    })),
    ledgerFile ? await loadLedger(ledgerFile) : new Map(),
  );

  await recoverFolder(path.resolve(options.outputDir));
  const staging = await stagingFolder(options.outputDir);
  let undated = 0;
  let truncated = 0;
  const folders = new Map<string, Promise<unknown>>();
  await forEachLimited(articles.length, WRITE_CONCURRENCY, async (i) => {
    const { kept, duplicates, identity } = articles[i]!;
    const where = placed.get(identity)!;
    const markdown = articleToMarkdown(kept.article, {
      slug: where.slug,
      sources: [kept.article.source, ...duplicates.map((d) => d.copy.article.source)],
      warnings: kept.warnings,
    });
    // The staging folder is swapped in whole, so plain writes are enough here.
    const file = path.join(staging, `${where.path}.md`);
    const folder = path.dirname(file);
    if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
    await folders.get(folder);
    await writeFile(file, markdown);
  });
  for (const { kept, duplicates, identity } of articles) {
    const { url } = placed.get(identity)!;
    if (!kept.article.date) undated++;
    if (kept.article.truncated) truncated++;
    entries.set(kept.article.source, { file: kept.article.source, status: 'published', url, warnings: kept.warnings });
    for (const { copy, reason } of duplicates) {
      const into = `${kept.article.source} (${url})`;
      entries.set(copy.article.source, { file: copy.article.source, status: 'merged', into, reason, warnings: copy.warnings });
    }
  }
  await swapFolder(staging, options.outputDir);
  if (ledgerFile) await saveLedger(ledgerFile, ledger);

  return {
    // In input order, so the report reads like the folder.
    entries: outcomes.map((o) => entries.get(o.file)!),
    articles: articles.length,
    undated,
    truncated,
    cacheHits,
  };
}

async function loadLedger(file: string): Promise<SlugLedger> {
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { urls?: Record<string, string> };
    return new Map(Object.entries(saved.urls ?? {}));
  } catch {
    return new Map();
  }
}

async function saveLedger(file: string, ledger: SlugLedger): Promise<void> {
  const urls = Object.fromEntries([...ledger].sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeFileAtomic(file, `${JSON.stringify({ version: 1, urls }, null, 0)}\n`);
}
