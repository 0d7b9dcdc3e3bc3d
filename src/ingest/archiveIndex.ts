/**
 * The compact archive: every generated Markdown file's front matter, hash and reading time in one file
 * beside the folder (`<content>.archive.json`), kept up to date by the ingest as it writes. The render
 * and the search index load it instead of parsing 10,000 Markdown files; a page's body is read from its
 * file only when that page is rendered or indexed.
 */
import { readFile } from 'node:fs/promises';
import { validateFrontMatter, type FrontMatter } from '../schema.ts';
import { contentHash, parseContentFile } from '../site/archive.ts';
import { readingMinutes } from '../site/readingTime.ts';
import { fileStamp, writeFileAtomic } from './atomic.ts';

export interface IndexEntry {
  /** `contentHash` of the file's bytes. */
  hash: string;
  frontMatter: FrontMatter;
  readingMinutes: number;
}

/** Markdown file (relative to the content folder, `/`-separated) → its entry. */
export type ArchiveIndex = Map<string, IndexEntry>;

const VERSION = 1;

/** The entry of a Markdown file, parsed from its bytes. */
export function contentEntry(name: string, bytes: Buffer): IndexEntry {
  const { hash, frontMatter, body } = parseContentFile(name, bytes);
  return { hash, frontMatter, readingMinutes: readingMinutes(body) };
}

/**
 * The same entry from what the file was made of (`articleContent`), without parsing it back: the
 * front matter goes through the validation a parsed file's does, so it has the same keys in the same
 * order (`tests/ingest-incremental.test.ts` compares the two on every file of a run).
 */
export function entryOf(name: string, bytes: Buffer, frontMatter: FrontMatter, body: string): IndexEntry {
  return { hash: contentHash(bytes), frontMatter: validateFrontMatter({ ...frontMatter }, name), readingMinutes: readingMinutes(body) };
}

export async function loadArchiveIndex(file: string): Promise<ArchiveIndex | null> {
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { version: number; entries: Array<[string, IndexEntry]> };
    return saved.version === VERSION ? new Map(saved.entries) : null;
  } catch {
    return null;
  }
}

/**
 * One entry a line, so that an incremental ingest can replace a few entries without parsing and
 * writing again the 100,000 others (`ArchiveEdits`); it is the same JSON for every reader.
 */
const HEAD = `{"version":${VERSION},"entries":[\n`;
const TAIL = '\n]}';
const SEPARATOR = ',\n';

const entryLine = (name: string, entry: IndexEntry): string => JSON.stringify([name, entry]);
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorted by file, as `contentFiles` lists the folder. */
export async function saveArchiveIndex(file: string, index: ArchiveIndex): Promise<void> {
  const names = [...index.keys()].sort(byName);
  await writeFileAtomic(file, HEAD + names.map((name) => entryLine(name, index.get(name)!)).join(SEPARATOR) + TAIL);
}

/** What `writeArticles` needs of the archive it updates: a file's hash as it stands, and setting one. */
export interface ArchiveWriter {
  hashOf(name: string): string | undefined;
  set(name: string, entry: IndexEntry): void;
}

/**
 * What an incremental ingest changed in the saved archive, for a reader that parsed the file before
 * (the render thread, while it waits for its job: `prepareContent` in `src/site/content.ts`).
 */
export interface ArchiveChanges {
  /** The file's `fileStamp` when the ingest read it, and once it saved it. */
  from: string;
  to: string;
  /** Entries set, or removed (null), by name. */
  entries: Array<[string, IndexEntry | null]>;
}

/**
 * The saved archive as bytes, with the entries an incremental ingest changes: it reads an entry only
 * to compare its hash, and saves by splicing the changed lines between the unchanged bytes, which is
 * what `saveArchiveIndex` writes for the same entries, byte for byte. At 100,000 articles, parsing the
 * 110 MB file and writing it again cost ~2 s of the rebuild's critical path, and as much in garbage.
 */
export class ArchiveEdits implements ArchiveWriter {
  /** Entry `i` is `bytes[starts[i], ends[i])`, in the order of its name. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Entry set, or removed (null), by name. */
  private readonly changes = new Map<string, IndexEntry | null>();

  private constructor(
    private readonly bytes: Buffer,
    private readonly stamp: string,
  ) {
    const end = bytes.length - TAIL.length;
    for (let at = HEAD.length; at < end; ) {
      const next = bytes.indexOf(SEPARATOR, at);
      const stop = next === -1 || next > end ? end : next;
      this.starts.push(at);
      this.ends.push(stop);
      at = stop + SEPARATOR.length;
    }
  }

  /** Null when the file is missing or not in the form `saveArchiveIndex` writes. */
  static async load(file: string): Promise<ArchiveEdits | null> {
    const stamp = await fileStamp(file);
    const bytes = await readFile(file).catch(() => null);
    if (stamp === null || !bytes || bytes.length < HEAD.length + TAIL.length) return null;
    if (bytes.toString('utf8', 0, HEAD.length) !== HEAD || bytes.toString('utf8', bytes.length - TAIL.length) !== TAIL) return null;
    return new ArchiveEdits(bytes, stamp);
  }

  private entryAt(i: number): [string, IndexEntry] {
    return JSON.parse(this.bytes.toString('utf8', this.starts[i], this.ends[i])) as [string, IndexEntry];
  }

  /** The index of the first saved entry whose name is not before `name`. */
  private position(name: string): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (byName(this.entryAt(mid)[0], name) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private saved(name: string): IndexEntry | undefined {
    const i = this.position(name);
    if (i === this.starts.length) return undefined;
    const [found, entry] = this.entryAt(i);
    return found === name ? entry : undefined;
  }

  hashOf(name: string): string | undefined {
    const changed = this.changes.get(name);
    return changed !== undefined ? changed?.hash : this.saved(name)?.hash;
  }

  set(name: string, entry: IndexEntry): void {
    this.changes.set(name, entry);
  }

  delete(name: string): void {
    this.changes.set(name, null);
  }

  /** Writes the archive with its changes, and says what changed (null when the file cannot be told). */
  async save(file: string): Promise<ArchiveChanges | null> {
    const pieces: Buffer[] = [];
    // Runs of unchanged saved entries are copied as one slice, separators included.
    let from = 0;
    const copyUpTo = (i: number) => {
      if (i > from) pieces.push(this.bytes.subarray(this.starts[from], this.ends[i - 1]));
    };
    for (const name of [...this.changes.keys()].sort(byName)) {
      const i = this.position(name);
      copyUpTo(i);
      const entry = this.changes.get(name)!;
      if (entry) pieces.push(Buffer.from(entryLine(name, entry)));
      from = i < this.starts.length && this.entryAt(i)[0] === name ? i + 1 : i;
    }
    copyUpTo(this.starts.length);
    const separator = Buffer.from(SEPARATOR);
    const parts: Buffer[] = [Buffer.from(HEAD)];
    pieces.forEach((piece, n) => parts.push(...(n > 0 ? [separator, piece] : [piece])));
    parts.push(Buffer.from(TAIL));
    await writeFileAtomic(file, Buffer.concat(parts));
    const to = await fileStamp(file);
    return to === null ? null : { from: this.stamp, to, entries: [...this.changes] };
  }
}
