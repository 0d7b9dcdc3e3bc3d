/** The build report as the terminal shows it: one line per dump that needs attention, then a summary. */
import type { BuildReport, ReportEntry } from '../report.ts';

/** Lines for rejected and merged dumps and for every dump with warnings; published clean dumps stay quiet. */
export function entryLines(entries: ReportEntry[]): string[] {
  const lines: string[] = [];
  for (const entry of entries) {
    switch (entry.status) {
      case 'rejected':
        lines.push(`${entry.file}: rejected: ${entry.reason}`);
        break;
      case 'merged':
        lines.push(`${entry.file}: merged into ${entry.into}: ${entry.reason}`);
        break;
      case 'published':
        break;
      default:
        entry satisfies never;
    }
    if (entry.warnings.length > 0) lines.push(`${entry.file}: warning: ${entry.warnings.join('; ')}`);
  }
  return lines;
}

export function countsLine(report: BuildReport): string {
  return (
    `${report.inputs} inputs: ${report.published} published, ${report.merged} merged, ` +
    `${report.rejected} rejected, ${report.warnings} warnings ` +
    `(${report.undated} undated, ${report.truncated} cut off)`
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export function stagesLine(report: BuildReport): string {
  return report.stages
    .map((s) => `${s.stage} ${s.seconds.toFixed(1)} s${s.peakRssBytes ? ` (peak ${formatBytes(s.peakRssBytes)})` : ''}`)
    .join(' · ');
}
