/**
 * `npm run eval -- --corpus DIR [--corpus DIR2] [--min FIELD=VALUE ...] [--quiet]`
 * Parses every labelled dump of each corpus, prints a diff of every mismatch, the figures and one
 * summary line; exits 1 when a `--min` target is not met, 2 on a usage or labels error.
 */
import { parseArgs } from 'node:util';
import { readArticle } from '../pipeline.ts';
import type { FileVerdict } from '../eval/compare.ts';
import { formatFileDiff, formatSummary, formatTable } from '../eval/format.ts';
import { evaluateCorpus } from '../eval/run.ts';
import { parseThreshold, score, shortfalls, type Threshold } from '../eval/score.ts';

const USAGE = 'usage: npm run eval -- --corpus DIR [--corpus DIR ...] [--min FIELD=VALUE ...] [--quiet]';

async function main(): Promise<number> {
  let corpora: string[];
  let thresholds: Threshold[];
  let quiet: boolean;
  try {
    const { values } = parseArgs({
      options: {
        corpus: { type: 'string', multiple: true },
        min: { type: 'string', multiple: true },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    corpora = values.corpus ?? [];
    if (corpora.length === 0) throw new Error('no --corpus given');
    thresholds = (values.min ?? []).map(parseThreshold);
    quiet = values.quiet ?? false;
  } catch (error) {
    console.error(`eval: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }

  const verdicts: FileVerdict[] = [];
  for (const dir of corpora) {
    try {
      verdicts.push(...(await evaluateCorpus(dir, readArticle)));
    } catch (error) {
      console.error(`eval: ${dir}: ${(error as Error).message}`);
      return 2;
    }
  }

  if (!quiet) {
    const diffs = verdicts.map(formatFileDiff).filter((d) => d.length > 0);
    for (const diff of diffs) console.log(diff.join('\n'));
    if (diffs.length > 0) console.log('');
  }
  const scores = score(verdicts);
  const short = shortfalls(scores, thresholds);
  console.log(formatTable(scores).join('\n'));
  console.log(formatSummary(scores, short));
  return short.length === 0 ? 0 : 1;
}

process.exitCode = await main();
