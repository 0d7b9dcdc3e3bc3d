/**
 * The build report: every input file is accounted for as published, merged or rejected,
 * so `inputs === published + merged + rejected` always holds.
 */

export type ReportEntry =
  | { file: string; status: 'published'; url: string; warnings: string[] }
  | { file: string; status: 'merged'; into: string; reason: string; warnings: string[] }
  | { file: string; status: 'rejected'; reason: string; warnings: string[] };

export interface StageTiming {
  stage: string;
  seconds: number;
  peakRssBytes?: number;
}

export interface BuildReport {
  inputs: number;
  published: number;
  merged: number;
  rejected: number;
  warnings: number;
  /** Articles without a publication date, and truncated dumps, among the published. */
  undated: number;
  truncated: number;
  entries: ReportEntry[];
  stages: StageTiming[];
}

/** Counts are derived from entries, never kept separately, so they cannot disagree. */
export function summarize(
  entries: ReportEntry[],
  published: { undated: number; truncated: number },
  stages: StageTiming[] = [],
): BuildReport {
  const count = (status: ReportEntry['status']) => entries.filter((e) => e.status === status).length;
  return {
    inputs: entries.length,
    published: count('published'),
    merged: count('merged'),
    rejected: count('rejected'),
    warnings: entries.reduce((n, e) => n + e.warnings.length, 0),
    undated: published.undated,
    truncated: published.truncated,
    entries,
    stages,
  };
}
