/**
 * `npm run ingest -- --input DIR --output DIR`: the parse step alone. Writes one Markdown file per
 * article into the output folder (default `.build/content/`) and prints one line per dump that was
 * rejected or merged, and per dump with parser warnings.
 */
import { parseArgs } from 'node:util';
import { ingest } from '../ingest/ingest.ts';
import { summarize } from '../report.ts';
import { writeFileAtomic } from '../ingest/atomic.ts';
import { countsLine, entryLines } from './reportText.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { respawnWithHeap } from './heap.ts';
import { archiveState, describeHolder, lockArchive } from './state.ts';

const USAGE = 'usage: npm run ingest -- [--input articles/] [--output .build/content/] [--work .build/] [--report FILE]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      input: { type: 'string', default: 'articles' },
      output: { type: 'string', default: '.build/content' },
      work: { type: 'string', default: '.build' },
      report: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const respawned = respawnWithHeap(fileURLToPath(import.meta.url));
  if (respawned) {
    process.exitCode = await respawned;
    return;
  }
  // The ledger is the state of this input/output pair, locked like a build's (`state.ts`).
  const state = await archiveState(values.work, values.input, values.output);
  const release = await lockArchive(state, { onWait: (holder) => console.error(`waiting for: ${describeHolder(holder)}`) });
  const result = await ingest({
    inputDir: values.input,
    outputDir: values.output,
    cacheRoot: values['no-cache'] ? null : path.join(values.work, 'cache'),
    stateDir: state.dir,
  }).finally(release);
  const report = summarize(result.entries, result);
  for (const line of entryLines(result.entries)) console.log(line);
  console.log(`${countsLine(report)}; ${result.cacheHits} parses from the cache → ${path.join(values.output, '/')}`);
  if (values.report) await writeFileAtomic(values.report, `${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(`ingest failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
