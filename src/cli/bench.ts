/**
 * `npm run bench -- --count N [--runs 3] [--seed S] [--keep] [--incremental]`: builds a synthetic
 * archive of N dumps from scratch and measures it.
 *
 * The corpus is generated once per (seed, N) under `bench-results/corpus/` and reused. Each run is a
 * real `npm run build` in a child process, with a cold parse cache and no previous site; its own
 * report (`report.json` in the archive's state folder) gives the time and peak memory of each stage, and this script samples
 * the memory of the build's whole process tree (Node, started with the heap flags `npm run build` gives it, the Pagefind
 * workers) every 200 ms from /proc. Results go to stdout and `bench-results/bench-<N>.json`.
 *
 * `--profile` runs the builds under `node --cpu-prof` (a few percent slower) and reports the heaviest
 * functions of the build process that used the most CPU.
 *
 * `--incremental` then measures three rebuilds on the last run's site and cache: nothing changed (the
 * parse step must be served from the content-hash cache), ten dumps dated at random added, and (after
 * a rebuild without them) ten new dumps dated in the corpus's last month added.
 *
 * `--peer` puts a site built with off-the-shelf tools beside each cold build (`src/bench/peer.ts`): the
 * same articles (the Markdown that build's ingest wrote) rendered by Hugo, then indexed by the Pagefind
 * CLI, back to back with it, and the ratio of the medians, ours / peer. Without `hugo` on PATH it says
 * how to install it and measures ours alone.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BuildReport } from '../report.ts';
import { DEFAULT_SEED, GENERATOR_VERSION, generateDump, writeCorpus } from '../bench/generate.ts';
import { HEAP_FLAGS } from './heap.ts';
import { stateFolder } from './state.ts';
import { formatSummary, readProfile, summarizeProfile, type ProfileSummary } from '../bench/profile.ts';
import { childrenCpuSeconds, findPeerTools, hugoVersion, runPeer, writeHugoSite, type PeerRun, type PeerTools } from '../bench/peer.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS = path.join(REPO, 'bench-results');
const BUILD_SCRIPT = path.join(REPO, 'src/cli/build.ts');
const SAMPLE_MS = 200;
/** The stages the build reports, in order; `total` is the build's own end-to-end figure. */
const STAGES = ['ingest', 'render', 'index'] as const;
/** How many dumps the incremental benchmark adds. */
const ADDED = 10;

interface StageResult {
  seconds: number;
  /**
   * CPU seconds (user + system) of the build's process tree from the end of the stage that ended
   * before this one to this one's end, sampled: start-up counts in the first stage, and the render and
   * the index, which run at once, share theirs by when each ended. On a shared machine this moves less
   * than wall time.
   */
  cpuSeconds: number;
  /** Peak RSS of the build's process tree during the stage, as the build measured it. */
  peakRssBytes: number | null;
  /** The same, as this script sampled it (VmRSS of every process in the tree, summed). */
  sampledPeakRssBytes: number;
}

interface RunResult {
  /** Wall time of the child process, start-up included. */
  wallSeconds: number;
  /** The build's own total, from its report. */
  totalSeconds: number;
  /**
   * CPU seconds (user + system) of the whole process tree, as the kernel added them up when the build
   * exited: exact, where the stages' figures are sampled (and miss the last 200 ms).
   */
  cpuSeconds: number;
  stages: Record<string, StageResult>;
  peakRssBytes: number;
  processes: number;
  published: number;
  merged: number;
  rejected: number;
  warnings: number;
  cacheHits: number | null;
  /** Pages Eleventy rendered (0 when the build found nothing changed). */
  pagesRendered: number;
  /** Files the build wrote into the live site in place, or null when it built the site anew. */
  filesWritten: number | null;
}

interface SiteSize {
  files: number;
  bytes: number;
  searchIndexFiles: number;
  searchIndexBytes: number;
}

interface IncrementalCase {
  name: string;
  /** Wall time of the whole build process, start-up included. */
  medianWallSeconds: number;
  medianPagesRendered: number;
  medianFilesWritten: number | null;
  runs: RunResult[];
}

/** Wall and CPU seconds of one side of the comparison. */
interface Timing {
  wallSeconds: number;
  cpuSeconds: number;
}

interface PeerComparison {
  /** What the peer was given, and how it was built: see `src/bench/peer.ts`. */
  source: string;
  hugo: string;
  pagefind: string;
  /** Articles the peer rendered (those we published), the dated ones among them. */
  articles: number;
  dated: number;
  /** Medians of each figure; `peer` is Hugo then Pagefind; `ratio` is ours / peer of the medians. */
  median: {
    ours: Timing;
    hugo: Timing & { peakRssBytes: number };
    pagefind: Timing & { peakRssBytes: number };
    peer: Timing;
    ratio: Timing;
  };
  /** Each run: our cold build, then the peer, back to back. */
  runs: Array<{ ours: Timing; peer: PeerRun }>;
}

interface BenchResult {
  count: number;
  seed: number;
  runs: number;
  date: string;
  /** The machine is shared: its load average before and after says how far to trust the times. */
  machine: { cpus: number; memoryBytes: number; node: string; loadBefore: number[]; loadAfter: number[] };
  corpus: { folder: string; files: number; bytes: number; generatedSeconds: number | null };
  /** `reused`: --no-full, the one run is a build on a kept site, not a cold build. */
  full: { median: RunResult; runs: RunResult[]; profiled: boolean; reused?: boolean };
  /** The heaviest functions of the last full build, with `--profile`. */
  profile?: ProfileSummary;
  site: SiteSize;
  /** Each rebuild case, `runs` times on the full build's site (each undone by an unmeasured build). */
  incremental?: IncrementalCase[];
  incrementalError?: string;
  /** With `--peer`: the comparison, or why it was skipped. */
  peer?: PeerComparison | { skipped: string };
}

// ---- the corpus ---------------------------------------------------------------------------------

interface CorpusMarker {
  version: number;
  seed: number;
  count: number;
  files: number;
  bytes: number;
}

/** Generates the corpus unless a complete one for the same generator, seed and count is there. */
async function ensureCorpus(count: number, seed: number): Promise<BenchResult['corpus']> {
  const folder = path.join(RESULTS, 'corpus', `seed${seed}-n${count}`);
  const markerFile = path.join(folder, '.generated.json');
  const marker = await readFile(markerFile, 'utf8')
    .then((text) => JSON.parse(text) as CorpusMarker)
    .catch(() => null);
  if (marker && marker.version === GENERATOR_VERSION && marker.seed === seed && marker.count === count) {
    // An interrupted incremental run may have left its added dumps behind.
    await removeAdded(folder, count, seed);
    log(`corpus: reusing ${rel(folder)} (${count} dumps)`);
    return { folder, files: marker.files, bytes: marker.bytes, generatedSeconds: null };
  }
  await rm(folder, { recursive: true, force: true });
  log(`corpus: generating ${count} dumps into ${rel(folder)}`);
  const stats = await writeCorpus(folder, count, {
    seed,
    onProgress: (done) => log(`  ${done}/${count}`),
  });
  const written: CorpusMarker = { version: GENERATOR_VERSION, seed, count, files: stats.files, bytes: stats.bytes };
  await writeFile(markerFile, `${JSON.stringify(written)}\n`);
  log(`corpus: ${stats.files} dumps, ${mb(stats.bytes)} in ${stats.seconds.toFixed(1)} s`);
  return { folder, files: stats.files, bytes: stats.bytes, generatedSeconds: round(stats.seconds) };
}

/**
 * Undoes what an interrupted `--incremental` run may have left: dumps `count … count+ADDED-1` are the
 * random-dated additions, `count+2·ADDED …` the newest ones (the ADDED between, an older version's
 * recent ones); dumps 0 and 1 are the edited and the deleted one.
 */
async function removeAdded(folder: string, count: number, seed: number): Promise<void> {
  for (let i = count; i < count + 3 * ADDED; i++) {
    const options = i >= count + 2 * ADDED ? { newest: true } : { recent: i >= count + ADDED };
    await rm(path.join(folder, generateDump(seed, i, options).path), { force: true });
  }
  for (const i of [0, 1]) {
    const dump = generateDump(seed, i);
    const file = path.join(folder, dump.path);
    if ((await readFile(file, 'utf8').catch(() => null)) !== dump.text) await writeFile(file, dump.text);
  }
}

// ---- one build ----------------------------------------------------------------------------------

/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
const TICKS = 100;

interface TreeSample {
  rssBytes: number;
  /** CPU seconds (user + system) of the tree, including its children that already exited. */
  cpuSeconds: number;
  processes: number;
}

/**
 * Memory and CPU time of `root` and all its descendants. Parents come from /proc/<pid>/stat; the CPU
 * of exited children is in their parent's cutime/cstime once it waited for them.
 */
function sampleTree(root: number): TreeSample {
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: fields are counted after its `)`,
      // from field 3 (state): ppid is field 4, utime/stime/cutime/cstime fields 14–17.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process exited between the listing and the read.
    }
  }
  const sample: TreeSample = { rssBytes: 0, cpuSeconds: 0, processes: 0 };
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    pending.push(...(children.get(pid) ?? []));
    try {
      const match = VM_RSS.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) sample.rssBytes += Number(match[1]) * 1024;
      sample.cpuSeconds += (ticks.get(pid) ?? 0) / TICKS;
      sample.processes++;
    } catch {
      // Exited meanwhile.
    }
  }
  return sample;
}

const VM_RSS = /^VmRSS:\s+(\d+) kB$/m;

interface BuildPaths {
  input: string;
  output: string;
  work: string;
  /** Where `--cpu-prof` writes, when profiling. */
  profiles?: string;
}

/**
 * Runs `build.ts` as `npm run build` would, sampling the memory of its process tree. The stage in
 * progress is known from the build's one-line-per-stage output (`ingest   12.3 s …`).
 */
async function runBuild(paths: BuildPaths, label: string): Promise<RunResult> {
  // The bench runs one child at a time: what its children used since is this build's.
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...(paths.profiles ? ['--cpu-prof', `--cpu-prof-dir=${paths.profiles}`] : []),
      ...HEAP_FLAGS,
      '--import',
      'tsx',
      BUILD_SCRIPT,
      ...['--input', paths.input, '--output', paths.output, '--work', paths.work],
    ],
    { cwd: REPO, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const pid = child.pid!;
  const sampledPeaks = new Map<string, number>();
  let peak = 0;
  let processes = 0;
  let cacheHits: number | null = null;
  const output: string[] = [];
  // CPU seconds of the tree when each stage ended: a measure that a busy machine disturbs less than wall time.
  const cpuAtEnd = new Map<string, number>();
  let cpu = 0;
  const sample = () => {
    const tree = sampleTree(pid);
    peak = Math.max(peak, tree.rssBytes);
    processes = Math.max(processes, tree.processes);
    cpu = Math.max(cpu, tree.cpuSeconds);
    // The render and the index run at once: the stage still running that comes first in the report.
    const stage = STAGES.find((s) => !cpuAtEnd.has(s)) ?? STAGES[STAGES.length - 1]!;
    sampledPeaks.set(stage, Math.max(sampledPeaks.get(stage) ?? 0, tree.rssBytes));
  };
  const sampler = setInterval(sample, SAMPLE_MS);
  let pagesRendered = 0;
  let filesWritten: number | null = null;
  const onLine = (line: string) => {
    output.push(line);
    const rendered = /^render +[\d.]+ s +(\d+) pages/.exec(line);
    if (rendered) pagesRendered = Number(rendered[1]);
    const written = /^site +in place: (\d+) files written/.exec(line);
    if (written) filesWritten = Number(written[1]);
    if (/^site +nothing changed/.test(line)) filesWritten = 0;
    if (output.length > 400) output.shift();
    const stage = /^(\w+)\s+[\d.]+ s\b/.exec(line)?.[1];
    // The closing summary names every stage again (`ingest 0.4 s (peak …) · render …`): only the first line counts.
    if (stage && (STAGES as readonly string[]).includes(stage) && !cpuAtEnd.has(stage)) {
      sample();
      cpuAtEnd.set(stage, cpu);
      const hits = /\((\d+) parses from the cache\)/.exec(line);
      if (hits) cacheHits = Number(hits[1]);
    }
  };
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (pending + chunk).split(/\r|\n/);
      pending = lines.pop() ?? '';
      lines.forEach(onLine);
    });
  }
  const code = await new Promise<number>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  clearInterval(sampler);
  const wallSeconds = (performance.now() - started) / 1000;
  const cpuSeconds = childrenCpuSeconds() - cpuBefore;
  if (code !== 0) {
    throw new Error(`${label}: the build exited with ${code}; its last lines:\n${output.slice(-30).join('\n')}`);
  }
  const report = JSON.parse(await readFile(path.join(stateFolder(paths.work, paths.input, paths.output), 'report.json'), 'utf8')) as BuildReport;
  const stages: Record<string, StageResult> = {};
  // The render and the index run at once: each stage is given the CPU from the end of the stage that
  // ended before it to its own end, so the stages still add up to the total.
  const ends = [...cpuAtEnd.values()].sort((a, b) => a - b);
  for (const timing of report.stages) {
    const end = timing.stage === 'total' ? cpu : (cpuAtEnd.get(timing.stage) ?? 0);
    const before = timing.stage === 'total' ? 0 : (ends.filter((e) => e < end).at(-1) ?? 0);
    stages[timing.stage] = {
      seconds: timing.seconds,
      cpuSeconds: round(end - before),
      peakRssBytes: timing.peakRssBytes ?? null,
      sampledPeakRssBytes: sampledPeaks.get(timing.stage) ?? 0,
    };
  }
  const run: RunResult = {
    wallSeconds: round(wallSeconds),
    totalSeconds: stages.total?.seconds ?? round(wallSeconds),
    cpuSeconds: round(cpuSeconds),
    stages,
    peakRssBytes: peak,
    processes,
    published: report.published,
    merged: report.merged,
    rejected: report.rejected,
    warnings: report.warnings,
    cacheHits,
    pagesRendered,
    filesWritten,
  };
  log(`${label}: ${describeRun(run)}; ${pagesRendered} pages rendered, ${filesWritten ?? 'all'} files written`);
  return run;
}

// ---- measuring ------------------------------------------------------------------------------------

async function siteSize(site: string): Promise<SiteSize> {
  const size: SiteSize = { files: 0, bytes: 0, searchIndexFiles: 0, searchIndexBytes: 0 };
  const index = path.join(site, 'pagefind') + path.sep;
  for (const entry of await readdir(site, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { size: bytes } = await stat(file);
    size.files++;
    size.bytes += bytes;
    if (file.startsWith(index)) {
      size.searchIndexFiles++;
      size.searchIndexBytes += bytes;
    }
  }
  return size;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of every figure, each taken on its own (the median run of one figure need not be another's). */
function medianRun(runs: RunResult[]): RunResult {
  const m = (pick: (r: RunResult) => number) => median(runs.map(pick));
  const stages: Record<string, StageResult> = {};
  for (const stage of Object.keys(runs[0]!.stages)) {
    const peaks = runs.map((r) => r.stages[stage]?.peakRssBytes).filter((x): x is number => typeof x === 'number');
    stages[stage] = {
      seconds: round(m((r) => r.stages[stage]?.seconds ?? 0)),
      cpuSeconds: round(m((r) => r.stages[stage]?.cpuSeconds ?? 0)),
      peakRssBytes: peaks.length ? median(peaks) : null,
      sampledPeakRssBytes: m((r) => r.stages[stage]?.sampledPeakRssBytes ?? 0),
    };
  }
  const hits = runs.map((r) => r.cacheHits).filter((x): x is number => x !== null);
  return {
    wallSeconds: round(m((r) => r.wallSeconds)),
    totalSeconds: round(m((r) => r.totalSeconds)),
    cpuSeconds: round(m((r) => r.cpuSeconds)),
    stages,
    peakRssBytes: m((r) => r.peakRssBytes),
    processes: m((r) => r.processes),
    published: m((r) => r.published),
    merged: m((r) => r.merged),
    rejected: m((r) => r.rejected),
    warnings: m((r) => r.warnings),
    cacheHits: hits.length ? median(hits) : null,
    pagesRendered: m((r) => r.pagesRendered),
    filesWritten: null,
  };
}

/** The process that did the work (not a worker thread's or a Pagefind service's) has the largest profile. */
async function heaviestProfile(folder: string): Promise<ProfileSummary | undefined> {
  let best: ProfileSummary | undefined;
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!name.endsWith('.cpuprofile')) continue;
    const summary = summarizeProfile(await readProfile(path.join(folder, name)), REPO, 20);
    const busy = (s: ProfileSummary) => s.seconds - (s.self.find((h) => h.frame === '(idle)')?.seconds ?? 0);
    if (!best || busy(summary) > busy(best)) best = summary;
  }
  return best;
}

// ---- output ---------------------------------------------------------------------------------------

const round = (x: number) => Math.round(x * 1000) / 1000;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const gb = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 2 ** 30).toFixed(2)} GiB`);
const rel = (p: string) => path.relative(process.cwd(), p) || '.';
const log = (line: string) => console.error(line);

function describeRun(run: RunResult): string {
  const stages = Object.entries(run.stages)
    .filter(([stage]) => stage !== 'total')
    .map(([stage, s]) => `${stage} ${s.seconds.toFixed(1)} s/${s.cpuSeconds.toFixed(1)} CPU s`)
    .join(', ');
  const hits = run.cacheHits === null ? '' : `, ${run.cacheHits} cache hits`;
  return `total ${run.totalSeconds.toFixed(1)} s (${stages}); process wall ${run.wallSeconds.toFixed(1)} s, ${run.cpuSeconds.toFixed(1)} CPU s; peak RSS ${gb(run.peakRssBytes)} over ${run.processes} processes; ${run.published} published${hits}`;
}

function table(result: BenchResult): string {
  const { median: m } = result.full;
  const rows = [
    ['stage', 'seconds', 'CPU s', 'peak RSS (build)', 'peak RSS (sampled tree)'],
    ...Object.entries(m.stages).map(([stage, s]) =>
      stage === 'total'
        ? [stage, s.seconds.toFixed(1), s.cpuSeconds.toFixed(1), gb(Math.max(...Object.values(m.stages).map((x) => x.peakRssBytes ?? 0))), '']
        : [stage, s.seconds.toFixed(1), s.cpuSeconds.toFixed(1), gb(s.peakRssBytes), gb(s.sampledPeakRssBytes || null)],
    ),
    ['process', m.wallSeconds.toFixed(1), m.cpuSeconds.toFixed(1), '', gb(m.peakRssBytes)],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  const out = [
    `${result.count} dumps (seed ${result.seed}), median of ${result.runs} full build${result.runs > 1 ? 's' : ''}:`,
    ...lines,
    `published ${m.published}, merged ${m.merged}, rejected ${m.rejected}, warnings ${m.warnings}`,
    `machine load average (1, 5, 15 min) before ${result.machine.loadBefore.join(', ')}, after ${result.machine.loadAfter.join(', ')} on ${result.machine.cpus} cores`,
    `site: ${result.site.files} files, ${mb(result.site.bytes)}; search index: ${result.site.searchIndexFiles} files, ${mb(result.site.searchIndexBytes)}`,
  ];
  if (result.peer) out.push(...peerTable(result.peer, result.runs));
  if (result.incremental) {
    out.push(`rebuilds (median of ${result.incremental[0]?.runs.length ?? 0}; wall time of the whole process):`);
    out.push('| case | wall s (runs) | pages rendered | files written |');
    out.push('| --- | --- | --- | --- |');
    for (const c of result.incremental) {
      const walls = c.runs.map((r) => r.wallSeconds.toFixed(1)).join(', ');
      out.push(`| ${c.name} | ${c.medianWallSeconds.toFixed(1)} (${walls}) | ${c.medianPagesRendered} | ${c.medianFilesWritten ?? 'all'} |`);
    }
  }
  return out.join('\n');
}

function peerTable(peer: NonNullable<BenchResult['peer']>, runs: number): string[] {
  if ('skipped' in peer) return [`peer: skipped (${peer.skipped})`];
  const { median: m } = peer;
  const row = (name: string, t: Timing, rss?: number) => [name, t.wallSeconds.toFixed(1), t.cpuSeconds.toFixed(1), rss === undefined ? '' : rss ? mb(rss) : '—'];
  const rows = [
    ['', 'wall s', 'CPU s', 'peak RSS'],
    row('ours (cold build, whole process)', m.ours),
    row('hugo', m.hugo, m.hugo.peakRssBytes),
    row('pagefind CLI', m.pagefind, m.pagefind.peakRssBytes),
    row('peer (hugo + pagefind)', m.peer),
    ['ours / peer', `${m.ratio.wallSeconds.toFixed(2)}×`, `${m.ratio.cpuSeconds.toFixed(2)}×`, ''],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return [
    `peer: the same ${peer.articles} articles (${peer.articles - peer.dated} undated) with ${peer.hugo.split(' ').slice(0, 2).join(' ')} and ${peer.pagefind}, median of ${runs}, each run back to back with ours:`,
    ...rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')),
    `per run, wall s ours / peer: ${peer.runs.map((r) => `${r.ours.wallSeconds.toFixed(1)} / ${r.peer.wallSeconds.toFixed(1)}`).join(', ')}`,
  ];
}

// ---- the peer -------------------------------------------------------------------------------------

const PEER_SOURCE =
  'the Markdown of the first cold build\'s ingest, written once as a Hugo site (untimed); each run: Hugo into an empty destination, then the Pagefind CLI on its output';

function peerComparison(tools: PeerTools, written: { articles: number; dated: number }, runs: Array<{ ours: Timing; peer: PeerRun }>): PeerComparison {
  const m = (pick: (r: { ours: Timing; peer: PeerRun }) => number) => round(median(runs.map(pick)));
  const ours = { wallSeconds: m((r) => r.ours.wallSeconds), cpuSeconds: m((r) => r.ours.cpuSeconds) };
  const peer = { wallSeconds: m((r) => r.peer.wallSeconds), cpuSeconds: m((r) => r.peer.cpuSeconds) };
  return {
    source: PEER_SOURCE,
    hugo: tools.hugoVersion,
    pagefind: tools.pagefindVersion,
    ...written,
    median: {
      ours,
      hugo: { wallSeconds: m((r) => r.peer.hugo.wallSeconds), cpuSeconds: m((r) => r.peer.hugo.cpuSeconds), peakRssBytes: m((r) => r.peer.hugo.peakRssBytes) },
      pagefind: {
        wallSeconds: m((r) => r.peer.pagefind.wallSeconds),
        cpuSeconds: m((r) => r.peer.pagefind.cpuSeconds),
        peakRssBytes: m((r) => r.peer.pagefind.peakRssBytes),
      },
      peer,
      ratio: { wallSeconds: round(ours.wallSeconds / peer.wallSeconds), cpuSeconds: round(ours.cpuSeconds / peer.cpuSeconds) },
    },
    runs,
  };
}

// ---- rebuilds -------------------------------------------------------------------------------------

/**
 * The issue's five rebuilds, each `runs` times on the site the full build left: a change, a measured
 * build, the change undone, an unmeasured build. Dumps `count …` are the additions (`removeAdded`).
 */
async function rebuildCases(paths: BuildPaths, folder: string, count: number, seed: number, runs: number): Promise<IncrementalCase[]> {
  const edited = path.join(folder, generateDump(seed, 0).path);
  const deleted = path.join(folder, generateDump(seed, 1).path);
  const original = { edited: await readFile(edited, 'utf8'), deleted: await readFile(deleted) };
  const add = async (start: number, options: { newest?: boolean }) => {
    await writeCorpus(folder, ADDED, { seed, start, ...options });
  };
  const remove = async (start: number, options: { newest?: boolean }) => {
    for (let i = start; i < start + ADDED; i++) await rm(path.join(folder, generateDump(seed, i, options).path), { force: true });
  };
  const cases: Array<{ name: string; change: () => Promise<void>; undo: () => Promise<void> }> = [
    { name: 'nothing changed', change: async () => {}, undo: async () => {} },
    { name: `${ADDED} new dumps dated newest`, change: () => add(count + 2 * ADDED, { newest: true }), undo: () => remove(count + 2 * ADDED, { newest: true }) },
    { name: `${ADDED} dumps dated at random`, change: () => add(count, {}), undo: () => remove(count, {}) },
    {
      name: 'one dump edited',
      change: async () => {
        const lines = original.edited.split('\n');
        const lead = lines.findIndex((l) => l.length > 200);
        lines[lead] = `${lines[lead]} Đơn vị duy trì nghiêm chế độ trực sẵn sàng chiến đấu.`;
        await writeFile(edited, lines.join('\n'));
      },
      undo: () => writeFile(edited, original.edited),
    },
    { name: 'one dump deleted', change: () => rm(deleted), undo: () => writeFile(deleted, original.deleted) },
  ];
  const results: IncrementalCase[] = [];
  for (const c of cases) {
    const measured: RunResult[] = [];
    for (let i = 1; i <= runs; i++) {
      await c.change();
      try {
        measured.push(await runBuild(paths, `rebuild, ${c.name} ${i}/${runs}`));
      } finally {
        await c.undo();
      }
      if (c.name !== 'nothing changed') await runBuild(paths, `  undone`);
    }
    const written = measured.map((r) => r.filesWritten).filter((w): w is number => w !== null);
    results.push({
      name: c.name,
      medianWallSeconds: round(median(measured.map((r) => r.wallSeconds))),
      medianPagesRendered: median(measured.map((r) => r.pagesRendered)),
      medianFilesWritten: written.length === measured.length ? median(written) : null,
      runs: measured,
    });
  }
  return results;
}

// ---- main -----------------------------------------------------------------------------------------

const USAGE = `usage: npm run bench -- --count N [--runs 3] [--seed S] [--keep] [--peer] [--incremental [--incremental-runs 3] [--no-full]] [--profile]
  --peer              after each cold build, the same articles with Hugo (apt-get install -y hugo) and the
                      Pagefind CLI, back to back; prints the ratio ours / peer
  --incremental       then the rebuilds: nothing changed, ten new dumps dated newest, ten dated at random,
                      one dump edited, one deleted (each --incremental-runs times, wall time of the process)
  --no-full           no cold build: reuse the site and state a --keep run left (one unmeasured build first)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      runs: { type: 'string', default: '1' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      keep: { type: 'boolean', default: false },
      incremental: { type: 'boolean', default: false },
      'incremental-runs': { type: 'string', default: '3' },
      'no-full': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      peer: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const count = Number(values.count);
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  const incrementalRuns = Number(values['incremental-runs']);
  if (values.help || !Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || !(incrementalRuns >= 1)) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  if (values.peer && values['no-full']) {
    // The peer builds from nothing: beside it, ours must be a cold build too.
    console.log(`--peer compares cold builds: it cannot go with --no-full\n${USAGE}`);
    if (!values.help) process.exitCode = 2;
    return;
  }
  await stat(BUILD_SCRIPT).catch(() => {
    throw new Error(`${rel(BUILD_SCRIPT)} does not exist yet: nothing to measure`);
  });
  await mkdir(RESULTS, { recursive: true });
  // Looked for first: a missing Hugo is said at once, not after the builds.
  const tools = values.peer ? await findPeerTools() : null;
  if (tools && 'missing' in tools) log(`${tools.missing}: measuring our build alone`);
  const loadBefore = os.loadavg().map(round);
  const corpus = await ensureCorpus(count, seed);
  const paths: BuildPaths = {
    input: corpus.folder,
    output: path.join(RESULTS, `site-${count}`),
    work: path.join(RESULTS, `work-${count}`),
    profiles: values.profile ? path.join(RESULTS, `profiles-${count}`) : undefined,
  };
  const peerDir = path.join(RESULTS, `peer-${count}`);
  const clean = async () => {
    await rm(paths.output, { recursive: true, force: true });
    await rm(paths.work, { recursive: true, force: true });
  };

  try {
    const full: RunResult[] = [];
    // With --no-full, one build on what a --keep run left brings its state up to date (not a cold build).
    if (values['no-full']) full.push(await runBuild(paths, 'warm-up build on the kept site (not cold)'));
    const peerRuns: Array<{ ours: Timing; peer: PeerRun }> = [];
    let peerArticles: { articles: number; dated: number } | null = null;
    for (let i = 1; i <= (values['no-full'] ? 0 : runs); i++) {
      // Cold every time: no parse cache, no previous site whose search shards could be kept.
      await clean();
      if (paths.profiles) await rm(paths.profiles, { recursive: true, force: true });
      const run = await runBuild(paths, `full build ${i}/${runs}`);
      full.push(run);
      if (tools && !('missing' in tools)) {
        // The Hugo site is written once, from what this build published, outside the timings.
        if (!peerArticles) {
          const content = path.join(stateFolder(paths.work, paths.input, paths.output), 'content');
          peerArticles = await writeHugoSite(content, path.join(peerDir, 'hugo'), hugoVersion(tools.hugoVersion) ?? undefined);
          log(`peer: ${peerArticles.articles} articles written as a Hugo site into ${rel(path.join(peerDir, 'hugo'))}`);
        }
        const peer = await runPeer(tools, path.join(peerDir, 'hugo'), path.join(peerDir, 'public'));
        if (peer.articlePages !== peerArticles.articles) {
          throw new Error(`peer: Hugo wrote ${peer.articlePages} article pages for ${peerArticles.articles} articles`);
        }
        peerRuns.push({ ours: { wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds }, peer });
        log(
          `peer ${i}/${runs}: hugo ${peer.hugo.wallSeconds.toFixed(1)} s/${peer.hugo.cpuSeconds.toFixed(1)} CPU s (${peer.hugoFiles} files), ` +
            `pagefind ${peer.pagefind.wallSeconds.toFixed(1)} s/${peer.pagefind.cpuSeconds.toFixed(1)} CPU s (${peer.pagesIndexed ?? '?'} pages indexed); ` +
            `ours ${run.wallSeconds.toFixed(1)} s/${run.cpuSeconds.toFixed(1)} CPU s`,
        );
      }
    }
    const result: BenchResult = {
      count,
      seed,
      runs,
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, memoryBytes: os.totalmem(), node: process.version, loadBefore, loadAfter: [] },
      corpus,
      full: { median: medianRun(full), runs: full, profiled: Boolean(paths.profiles), ...(values['no-full'] ? { reused: true } : {}) },
      site: await siteSize(paths.output),
    };
    if (paths.profiles) result.profile = await heaviestProfile(paths.profiles);
    if (tools) result.peer = 'missing' in tools ? { skipped: tools.missing } : peerComparison(tools, peerArticles!, peerRuns);
    const file = path.join(RESULTS, `bench-${count}.json`);
    const save = async () => {
      result.machine.loadAfter = os.loadavg().map(round);
      await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
    };
    // The full builds are saved before the rebuilds, which a failure must not take with it.
    await save();
    if (values.incremental) {
      try {
        result.incremental = await rebuildCases(paths, corpus.folder, count, seed, incrementalRuns);
      } catch (error) {
        result.incrementalError = error instanceof Error ? error.message : String(error);
        process.exitCode = 1;
      }
      await save();
    }
    console.log(table(result));
    if (result.incrementalError) console.log(`incremental rebuilds failed: ${result.incrementalError}`);
    if (result.profile) console.log(formatSummary(result.profile));
    console.log(`results: ${rel(file)}`);
  } finally {
    if (!values.keep) {
      await clean();
      await rm(peerDir, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
