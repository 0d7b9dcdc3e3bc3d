/**
 * A build stage as the user sees it: a progress bar in a terminal (count, rate, ETA), one line per
 * stage in CI or a pipe; and as the report records it: wall time and peak resident memory, child
 * processes included (Pagefind runs as its own process).
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { StageTiming } from '../report.ts';

export interface StageProgress {
  /** `total` unknown: the bar shows a count and the elapsed time only. */
  tick(done: number, total?: number): void;
}

const SAMPLE_MS = 200;
const REDRAW_MS = 100;
const BAR_WIDTH = 24;
const HEARTBEAT_MS = 1000;

export function interactive(stream: NodeJS.WriteStream = process.stderr): boolean {
  return Boolean(stream.isTTY) && process.env.CI !== 'true';
}

interface Running {
  stage: string;
  started: number;
  done: number;
  total: number | undefined;
}

/**
 * Stages that run at the same time (the render and the search index) share the terminal's last line:
 * each draws its part of it, and a finished stage prints its line above the others' progress.
 */
const running = new Set<Running>();
let lastDraw = 0;

function draw(stream: NodeJS.WriteStream): void {
  lastDraw = performance.now();
  const parts = [...running].map((r) => bar(r.stage, r.done, r.total, (lastDraw - r.started) / 1000));
  stream.write(`\r\x1b[2K${parts.join('  ·  ')}`);
}

/** Runs one stage, drawing its progress and measuring it. `describe` gives the stage's closing words. */
export async function runStage<T>(
  stage: string,
  work: (progress: StageProgress) => Promise<T>,
  describe: (result: T) => string = () => '',
  stream: NodeJS.WriteStream = process.stderr,
): Promise<{ result: T; timing: StageTiming }> {
  const started = performance.now();
  const tty = interactive(stream);
  let peak = rssOfTree(process.pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOfTree(process.pid));
  }, SAMPLE_MS);
  sampler.unref();

  const state: Running = { stage, started, done: 0, total: undefined };
  running.add(state);
  const progress: StageProgress = {
    tick(done, total) {
      state.done = done;
      state.total = total;
      if (tty && (performance.now() - lastDraw >= REDRAW_MS || done === total)) draw(stream);
    },
  };
  // A stage that reports nothing (Eleventy) still shows that it is alive.
  const heartbeat = tty ? setInterval(() => draw(stream), HEARTBEAT_MS) : undefined;
  heartbeat?.unref();
  const elapsed = () => (performance.now() - started) / 1000;
  const finish = (line: string): void => {
    running.delete(state);
    stream.write(`${tty ? '\r\x1b[2K' : ''}${line}`);
    if (tty && running.size > 0) draw(stream);
  };
  try {
    const result = await work(progress);
    peak = Math.max(peak, rssOfTree(process.pid));
    const seconds = elapsed();
    const words = describe(result);
    finish(`${stage.padEnd(8)} ${seconds.toFixed(1)} s${words ? `  ${words}` : ''}\n`);
    return { result, timing: { stage, seconds: round(seconds), peakRssBytes: peak } };
  } catch (error) {
    finish(tty ? '\n' : '');
    throw error;
  } finally {
    clearInterval(sampler);
    clearInterval(heartbeat);
  }
}

function bar(stage: string, done: number, total: number | undefined, seconds: number): string {
  const rate = seconds > 0 ? done / seconds : 0;
  if (!total) return `${stage.padEnd(8)} ${done > 0 ? `${done} · ` : ''}${seconds.toFixed(0)} s`;
  const filled = Math.round((BAR_WIDTH * done) / total);
  const eta = rate > 0 ? (total - done) / rate : 0;
  return `${stage.padEnd(8)} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total}  ${rate.toFixed(rate < 10 ? 1 : 0)}/s  ETA ${eta.toFixed(0)} s`;
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

const PAGE_BYTES = 4096;

/** Resident memory of a process and all its descendants, from /proc; this process alone elsewhere. */
export function rssOfTree(pid: number): number {
  let total = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const p = pending.pop()!;
    try {
      const statm = readFileSync(`/proc/${p}/statm`, 'utf8').split(' ');
      total += Number(statm[1]) * PAGE_BYTES;
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (children) pending.push(...children.split(' ').map(Number));
      }
    } catch {
      // No /proc (not Linux), or the process just exited: count what could be read.
      if (p === pid) return process.memoryUsage.rss();
    }
  }
  return total;
}
