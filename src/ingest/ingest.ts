/**
 * The ingest run: input folder → one Markdown file per article, and a report entry for every input.
 * read → decode → `readArticle` (cached) → merge duplicates → stable slugs → write.
 * Every input ends published, merged or rejected; nothing an archivist drops in is lost or crashes the run.
 *
 * A rebuild does what changed only (`snapshot.ts`): a dump whose size, modification time and inode are
 * those of the last run (or whose bytes are, when only its time stamp moved) is not read; only the
 * articles sharing a title with a changed, added or removed dump are merged, placed and written again,
 * in place; the compact archive index beside the Markdown (`<content>.archive.json`) is updated for
 * the render. Anything unexpected (other code, a run killed midway, a URL that would move) falls back
 * to the full run, which rewrites the folder and swaps it in whole.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportEntry } from '../report.ts';
import { ArchiveEdits, saveArchiveIndex, type ArchiveChanges, type ArchiveIndex } from './archiveIndex.ts';
import { recoverFolder, stagingFolder, swapFolder, writeFileAtomic } from './atomic.ts';
import { mergeDuplicates, titleKey, type Copy, type Merged } from './dedupe.ts';
import { assignSlugs, assignSlugsKeeping, type Placed, type SlugLedger, type SlugRequest } from './slugs.ts';
import { forEachLimited } from '../concurrency.ts';
import { hashBytes, readDumps, type Outcome, type ReadArticleFn } from './readDumps.ts';
import { ingestCode, loadSnapshot, saveSnapshot, type ArticleState, type FileState, type Snapshot } from './snapshot.ts';
import { findDumps, type Found } from './walk.ts';
import { updateFolder, writeFolder, type MarkdownFile } from './writeMarkdown.ts';

export type { ReadArticleFn };

/** A dump is a page of text: 10 MB is far beyond any article, and reading more would only waste memory. */
export const MAX_DUMP_BYTES = 10 * 1024 * 1024;

export interface IngestOptions {
  inputDir: string;
  /** The Markdown folder; replaced as a whole by a full run, updated in place by an incremental one. */
  outputDir: string;
  /** The parse cache folder (`.build/cache`), shared by every archive; null: no cache. */
  cacheRoot?: string | null;
  /**
   * The archive's state folder (`src/cli/state.ts`): the URL ledger. With it, what the run read is kept
   * beside the Markdown (`<outputDir>.ingest.json`), so that the next run reads what changed only.
   */
  stateDir?: string | null;
  /** The parser; the real one by default. Tests inject their own. */
  readArticle?: ReadArticleFn;
  /** Reads a dump's bytes; tests inject failing readers. */
  readDump?: (absolute: string) => Promise<Uint8Array>;
  maxDumpBytes?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * The build's: what the next run compares with (the snapshot and the URL ledger, ~1 s to save at
   * 100,000 dumps) is saved by the result's `saveState`, which it calls once the render has its job, so
   * that the render does not wait for it. Until then the Markdown folder stays marked dirty: a build
   * killed meanwhile makes the next run a full one.
   */
  deferStateSave?: boolean;
}

/** What the run changed in the Markdown folder: what the render needs to know. */
export interface ContentChanges {
  /** The folder was written anew. */
  full: boolean;
  /** Markdown files written (added or changed) and removed. */
  written: number;
  removed: number;
}

export interface IngestResult {
  entries: ReportEntry[];
  articles: number;
  undated: number;
  truncated: number;
  /** Dumps not parsed: served from the parse cache, or recognised unchanged without being read. */
  cacheHits: number;
  /** Dumps recognised unchanged without being read. */
  unread: number;
  changes: ContentChanges;
  /**
   * The compact archive (`<content>.archive.json`) as a full run left it, in memory: the search index
   * takes it from here rather than parsing the file again. Null after an incremental run, which updates
   * the file without parsing it, and without a state folder (then nothing is saved).
   */
  archive: ArchiveIndex | null;
  /** After an incremental run that changed it, what it changed in the compact archive; else null. */
  archiveChanges: ArchiveChanges | null;
  /** Saves what the next run compares with (`deferStateSave`); else already saved, and a no-op. Once. */
  saveState: () => Promise<void>;
}

const snapshotFile = (outputDir: string): string => `${path.resolve(outputDir)}.ingest.json`;
/** The compact index of the Markdown folder that the last run left (`archiveIndex.ts`). */
export const archiveIndexOf = (outputDir: string): string => `${path.resolve(outputDir)}.archive.json`;
/** Present while a run changes the Markdown in place: a run that finds it starts afresh. */
const dirtyFile = (outputDir: string): string => `${path.resolve(outputDir)}.dirty`;

export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const found = await findDumps(options.inputDir);
  const injected = options.readArticle !== undefined || options.readDump !== undefined;
  const code = `${await ingestCode()}${injected ? '-injected' : ''}`;
  const ledgerFile = options.stateDir ? path.join(options.stateDir, 'slugs.json') : null;
  const ledger = ledgerFile ? await loadLedger(ledgerFile) : new Map<string, string>();
  let result: Run | null = null;
  if (options.stateDir && !(await exists(dirtyFile(options.outputDir))) && (await exists(options.outputDir))) {
    const snapshot = await loadSnapshot(snapshotFile(options.outputDir), code);
    if (snapshot) result = await incremental(found, snapshot, ledger, options);
  }
  result ??= await full(found, ledger, options);
  const byFile = result.entries;
  const run = result;
  const save = async (): Promise<void> => {
    // Unchanged when no dump did (not even a time stamp): 70 MB not written again at 100,000 dumps.
    if (options.stateDir && !run.sameSnapshot) {
      const files: Record<string, FileState> = {};
      for (const [file, stats] of Object.entries(run.files)) files[file] = { ...stats, entry: byFile.get(file)! };
      await saveSnapshot(snapshotFile(options.outputDir), { version: 1, code, files, articles: run.articles });
    }
    if (options.stateDir) await rm(dirtyFile(options.outputDir), { force: true });
    if (ledgerFile && run.changes.written + run.changes.removed > 0) await saveLedger(ledgerFile, run.ledger);
  };
  let saving: Promise<void> | null = null;
  const saveState = (): Promise<void> => (saving ??= save());
  if (!options.deferStateSave) await saveState();

  let undated = 0;
  let truncated = 0;
  for (const article of result.articles) {
    if (article.undated) undated++;
    if (article.truncated) truncated++;
  }
  return {
    // In input order, so the report reads like the folder.
    entries: found.map((f) => byFile.get(f.file)!),
    articles: result.articles.length,
    undated,
    truncated,
    cacheHits: result.cacheHits,
    unread: result.unread,
    changes: result.changes,
    archive: options.stateDir ? result.archive : null,
    archiveChanges: result.archiveChanges ?? null,
    saveState,
  };
}

/** What either kind of run leaves: the report's entries by file, and the state the next run compares with. */
interface Run {
  entries: Map<string, ReportEntry>;
  files: Record<string, FileStats>;
  articles: ArticleState[];
  ledger: SlugLedger;
  cacheHits: number;
  unread: number;
  changes: ContentChanges;
  archive: ArchiveIndex | null;
  archiveChanges?: ArchiveChanges | null;
  /** Files and articles are the snapshot's: it need not be saved again. */
  sameSnapshot?: true;
}

function readOptions(options: IngestOptions) {
  return {
    ...(options.readArticle ? { readArticle: options.readArticle } : {}),
    ...(options.readDump ? { readDump: options.readDump } : {}),
    cacheRoot: options.cacheRoot ?? null,
    maxBytes: options.maxDumpBytes ?? MAX_DUMP_BYTES,
  };
}

/** Reads every dump, writes the whole folder anew and swaps it in. */
async function full(found: Found[], ledger: SlugLedger, options: IngestOptions): Promise<Run> {
  const outcomes = await readDumps(found, { ...readOptions(options), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  const entries = new Map<string, ReportEntry>();
  const copies: Copy[] = [];
  for (const { file, read: result, notes } of outcomes) {
    if (result.ok) copies.push({ article: result.article, warnings: [...notes, ...result.warnings] });
    else entries.set(file, { file, status: 'rejected', reason: result.reason, warnings: notes });
  }
  const merged = mergeDuplicates(copies);
  const { placed, ledger: next } = assignSlugs(merged.map(slugRequest), ledger);

  if (options.stateDir) {
    await mkdir(path.dirname(path.resolve(options.outputDir)), { recursive: true });
    await writeFile(dirtyFile(options.outputDir), '');
  }
  await recoverFolder(path.resolve(options.outputDir));
  const staging = await stagingFolder(options.outputDir);
  const files = merged.map((m) => markdownFile(m, placed.get(m.identity)!));
  const made = await writeFolder(files, staging);
  const index: ArchiveIndex = new Map(files.map((f, i) => [f.name, made[i]!]));
  await swapFolder(staging, options.outputDir);
  if (options.stateDir) await saveArchiveIndex(archiveIndexOf(options.outputDir), index);

  const articles = merged.map((m) => articleState(m, placed.get(m.identity)!));
  for (const m of merged) addEntries(entries, m, placed.get(m.identity)!);
  return {
    entries,
    files: fileStates(found, outcomes, {}),
    articles,
    ledger: next,
    cacheHits: outcomes.filter((o) => o.cached).length,
    unread: 0,
    changes: { full: true, written: merged.length, removed: 0 },
    archive: index,
  };
}

/**
 * Reads only the dumps whose size, time stamp or inode moved (and of those, parses only the ones whose
 * bytes changed); merges, places and writes only the articles sharing a title with what changed.
 * Null when the result could differ from a full run's: the caller runs that instead.
 */
async function incremental(found: Found[], snapshot: Snapshot, ledger: SlugLedger, options: IngestOptions): Promise<Run | null> {
  const dumps = found.filter((f): f is Extract<Found, { kind: 'dump' }> => f.kind === 'dump');
  const present = new Set(dumps.map((f) => f.file));
  const files: Record<string, FileState> = {};
  const suspects: Array<Extract<Found, { kind: 'dump' }>> = [];
  for (const f of dumps) {
    const before = snapshot.files[f.file];
    if (before && before.size === f.size && before.mtimeMs === f.mtimeMs && before.ino === f.ino) files[f.file] = before;
    else suspects.push(f);
  }
  const removed = Object.keys(snapshot.files).filter((file) => !present.has(file));
  // A dump whose time stamp moved but whose bytes did not (a copy, a `touch`) is unchanged.
  const changed: Array<Extract<Found, { kind: 'dump' }>> = [];
  const readDump = options.readDump ?? ((file: string) => readFile(file));
  await forEachLimited(suspects.length, 16, async (i) => {
    const f = suspects[i]!;
    const before = snapshot.files[f.file];
    if (before?.hash && f.size === before.size) {
      const bytes = await readDump(f.absolute).catch(() => null);
      if (bytes && hashBytes(bytes) === before.hash) {
        files[f.file] = { ...before, mtimeMs: f.mtimeMs, ino: f.ino };
        return;
      }
    }
    changed.push(f);
  });
  const unread = dumps.length - suspects.length;
  const entriesBefore = new Map<string, ReportEntry>();
  for (const [file, state] of Object.entries(files)) entriesBefore.set(file, state.entry);
  // Entries that are not dumps (a FIFO, a `.json` file) are known from the walk alone.
  for (const f of found) if (f.kind === 'rejected') entriesBefore.set(f.file, { file: f.file, status: 'rejected', reason: f.reason, warnings: [] });

  // The compact archive is not read when nothing changed (the render reads it if it runs), only looked for.
  if (changed.length === 0 && removed.length === 0) {
    if (!(await exists(archiveIndexOf(options.outputDir)))) return null;
    const unchanged = { entries: entriesBefore, files, articles: snapshot.articles, ledger, cacheHits: dumps.length, unread, changes: { full: false, written: 0, removed: 0 }, archive: null };
    return suspects.length === 0 ? { ...unchanged, sameSnapshot: true } : unchanged;
  }
  const archive = await ArchiveEdits.load(archiveIndexOf(options.outputDir));
  if (!archive) return null;

  // The articles that may change: every one sharing a title with a dump changed, added or removed.
  const changedFiles = new Set(changed.map((f) => f.file));
  const outcomes = await readDumps(changed, readOptions(options));
  const articleOf = new Map<string, ArticleState>();
  for (const article of snapshot.articles) for (const file of article.files) articleOf.set(file, article);
  const touched = new Set<string>();
  for (const file of [...changed.map((f) => f.file), ...removed]) {
    const before = articleOf.get(file);
    if (before) touched.add(before.titleKey);
  }
  for (const o of outcomes) if (o.read.ok) touched.add(titleKey(o.read.article.title));
  const affected = snapshot.articles.filter((a) => touched.has(a.titleKey));
  const kept = snapshot.articles.filter((a) => !touched.has(a.titleKey));
  // Their unchanged copies are read again (from the parse cache): they are merged with the new ones.
  const again = new Set(affected.flatMap((a) => a.files).filter((file) => files[file] !== undefined));
  const rereads = await readDumps(
    dumps.filter((f) => again.has(f.file)),
    readOptions(options),
  );

  // The run's own from here on: the entries before are not needed again.
  const entries = entriesBefore;
  for (const file of again) entries.delete(file);
  const copies: Copy[] = [];
  for (const { file, read: result, notes } of [...outcomes, ...rereads]) {
    if (result.ok) copies.push({ article: result.article, warnings: [...notes, ...result.warnings] });
    else entries.set(file, { file, status: 'rejected', reason: result.reason, warnings: notes });
  }
  const merged = mergeDuplicates(copies);
  // Without folding every kept article's title again when that provably gives the same URLs (`slugs.ts`).
  let slugs = assignSlugsKeeping(kept, merged.map(slugRequest), ledger);
  if (!slugs) {
    slugs = assignSlugs([...kept.map(stateRequest), ...merged.map(slugRequest)], ledger);
    // Articles not read again must keep their place, or their Markdown would be wrong: start afresh.
    if (kept.some((a) => slugs!.placed.get(a.identity)?.path !== a.path)) return null;
  }
  const { placed, ledger: next } = slugs;

  await writeFile(dirtyFile(options.outputDir), '');
  const written = await updateFolder(
    merged.map((m) => markdownFile(m, placed.get(m.identity)!)),
    options.outputDir,
    archive,
  );
  const stillThere = new Set(merged.map((m) => placed.get(m.identity)!.path));
  let gone = 0;
  for (const article of affected) {
    if (stillThere.has(article.path)) continue;
    await rm(path.join(options.outputDir, `${article.path}.md`), { force: true });
    archive.delete(`${article.path}.md`);
    gone++;
  }
  const archiveChanges = await archive.save(archiveIndexOf(options.outputDir));

  for (const m of merged) addEntries(entries, m, placed.get(m.identity)!);
  const all = [...outcomes, ...rereads];
  return {
    entries,
    files: Object.assign(files, fileStates(dumps.filter((f) => again.has(f.file) || changedFiles.has(f.file)), all, files)),
    articles: [...kept, ...merged.map((m) => articleState(m, placed.get(m.identity)!))],
    ledger: next,
    cacheHits: unread + (suspects.length - changed.length) + all.filter((o) => o.cached).length,
    unread,
    changes: { full: false, written, removed: gone },
    archive: null,
    archiveChanges,
  };
}

function slugRequest(m: Merged): SlugRequest {
  const { title, date, crawledAt } = m.kept.article;
  return { identity: m.identity, aliases: m.aliases, title, date, crawledAt };
}

function stateRequest(a: ArticleState): SlugRequest {
  return { identity: a.identity, aliases: a.aliases, title: a.title, date: a.date, crawledAt: a.crawledAt };
}

function articleState(m: Merged, where: Placed): ArticleState {
  const { article } = m.kept;
  return {
    titleKey: titleKey(article.title),
    identity: m.identity,
    aliases: m.aliases,
    title: article.title,
    date: article.date,
    crawledAt: article.crawledAt,
    path: where.path,
    files: [article.source, ...m.duplicates.map((d) => d.copy.article.source)],
    ...(article.date ? {} : { undated: true }),
    ...(article.truncated ? { truncated: true } : {}),
  };
}

function addEntries(entries: Map<string, ReportEntry>, m: Merged, where: Placed): void {
  const { kept, duplicates } = m;
  entries.set(kept.article.source, { file: kept.article.source, status: 'published', url: where.url, warnings: kept.warnings });
  for (const { copy, reason } of duplicates) {
    const into = `${kept.article.source} (${where.url})`;
    entries.set(copy.article.source, { file: copy.article.source, status: 'merged', into, reason, warnings: copy.warnings });
  }
}

type FileStats = Omit<FileState, 'entry'>;

/** What the next run compares each dump read by this one with (its entry is added once all are placed). */
function fileStates(found: Found[], outcomes: Outcome[], before: Record<string, FileStats>): Record<string, FileStats> {
  const byFile = new Map(outcomes.map((o) => [o.file, o]));
  const states: Record<string, FileStats> = {};
  for (const f of found) {
    if (f.kind !== 'dump') continue;
    const hash = byFile.get(f.file)?.bytesHash ?? before[f.file]?.hash;
    states[f.file] = { size: f.size, mtimeMs: f.mtimeMs, ino: f.ino, ...(hash ? { hash } : {}) };
  }
  return states;
}

/** What an article's Markdown file is made of. */
function markdownFile(m: Merged, where: Placed): MarkdownFile {
  const { kept, duplicates } = m;
  return {
    name: `${where.path}.md`,
    article: kept.article,
    placement: { slug: where.slug, sources: [kept.article.source, ...duplicates.map((d) => d.copy.article.source)], warnings: kept.warnings },
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

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
