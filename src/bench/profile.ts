/**
 * Where a build's CPU time goes: the heaviest functions of a V8 `.cpuprofile` (as `node --cpu-prof`
 * writes it), by self time and by inclusive time, each named by function, file and line.
 */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  /** `functionName path:line`, paths relative to the project or to node_modules. */
  frame: string;
  seconds: number;
  share: number;
}

export interface ProfileSummary {
  seconds: number;
  self: HotSpot[];
  inclusive: HotSpot[];
  /** Inclusive time of the project's own functions (`src/`, `templates/`, `.eleventy.ts`). */
  project: HotSpot[];
}

function frameName(node: ProfileNode, root: string): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^file:\/\//, '').replace(`${root}/`, '').replace(/^.*node_modules\//, 'node_modules/');
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

/** Summarizes one profile; `root` is stripped from file paths. */
export function summarizeProfile(profile: CpuProfile, root: string, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const sampled = new Map<number, number>();
  profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of sampled) {
    total += micros;
    const name = frameName(byId.get(id)!, root);
    self.set(name, (self.get(name) ?? 0) + micros);
    // A recursive function counts once per sample in its inclusive time.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = frameName(byId.get(at)!, root);
      if (seen.has(frame)) continue;
      seen.add(frame);
      inclusive.set(frame, (inclusive.get(frame) ?? 0) + micros);
    }
  }
  const rank = (times: Map<string, number>, skip: (frame: string) => boolean) =>
    [...times]
      .filter(([frame]) => !skip(frame))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([frame, micros]) => ({ frame, seconds: Math.round(micros / 1e3) / 1e3, share: Math.round((1000 * micros) / total) / 1000 }));
  // Frames without a file (the root, microtask runs, module evaluation) and Node's internals wrap
  // everything and say nothing about where the time goes.
  const wrapper = (frame: string) => !frame.includes(' ') || frame.includes('node:internal/');
  const notProject = (frame: string) => !/ (src\/|templates\/|\.eleventy\.ts)/.test(frame);
  return {
    seconds: total / 1e6,
    self: rank(self, () => false),
    inclusive: rank(inclusive, wrapper),
    project: rank(inclusive, notProject),
  };
}

export async function readProfile(file: string): Promise<CpuProfile> {
  return JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
}

export function formatSummary(summary: ProfileSummary): string {
  const line = (h: HotSpot) => `  ${h.seconds.toFixed(2).padStart(8)} s ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.frame}`;
  return [
    `CPU profile: ${summary.seconds.toFixed(1)} s sampled`,
    ' self time:',
    ...summary.self.map(line),
    ' inclusive time:',
    ...summary.inclusive.map(line),
    " inclusive time, the project's own code:",
    ...summary.project.map(line),
  ].join('\n');
}
