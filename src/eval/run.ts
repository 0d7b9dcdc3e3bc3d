/** The evaluation's IO edge: reads each corpus folder and its labels, and reads every labelled dump. */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { decodeDump } from '../ingest/decode.ts';
import { DumpParseError } from '../parse/error.ts';
import { readCrawlTime } from '../parse/crawlHeader.ts';
import type { ReadArticle } from '../pipeline.ts';
import { compareFile, type FileVerdict, type Outcome } from './compare.ts';
import { parseLabels } from './labels.ts';

/** How a dump is read: `readArticle` from the pipeline, injected so tests can pass their own. */
export type Reader = (text: string, source: string) => ReadArticle;

/** Reads one dump into an outcome; never throws. */
export function readOutcome(text: string, source: string, read: Reader): Outcome {
  try {
    return { kind: 'article', article: read(text, source).article };
  } catch (error) {
    if (error instanceof DumpParseError) {
      return { kind: 'rejected', reason: error.reason, message: error.message, crawledAt: readCrawlTime(text) };
    }
    return { kind: 'crashed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Bytes → text the way ingest decodes them (legacy encodings, BOMs), then the parse. */
function decodeAndRead(bytes: Uint8Array, source: string, read: Reader): Outcome {
  const decoded = decodeDump(bytes);
  if (!decoded.ok) return { kind: 'rejected', reason: 'not-a-dump', message: decoded.reason, crawledAt: null };
  return readOutcome(decoded.text, source, read);
}

/** Every labelled dump of `dir` against its label; files are named `<folder>/<file>` in verdicts. */
export async function evaluateCorpus(dir: string, read: Reader): Promise<FileVerdict[]> {
  const labelsFile = join(dir, 'labels.json');
  const labels = parseLabels(await readFile(labelsFile, 'utf8'), labelsFile);
  const folder = basename(dir.replace(/[/\\]+$/u, ''));
  const verdicts: FileVerdict[] = [];
  for (const label of labels) {
    const bytes = await readFile(join(dir, label.file)).catch(() => null);
    const outcome = bytes === null ? ({ kind: 'missing' } as const) : decodeAndRead(bytes, label.file, read);
    const verdict = compareFile(label, outcome);
    verdicts.push({ ...verdict, file: `${folder}/${label.file}`, ...(outcome.kind === 'missing' ? { note: 'file missing' } : {}) });
  }
  return verdicts;
}
