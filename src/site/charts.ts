/**
 * Statistics drawn at build time as inline SVG: no JavaScript, no image files. Colours come from the
 * page's CSS classes (`chart-bar`, `chart-axis`, …) so the charts follow the light and dark schemes.
 * Each chart is an `role="img"` with a title; the page shows the same numbers in a table for readers
 * of assistive technology. `id` names the chart's title element: unique within its page.
 */
import { escapeHtml } from '../text.ts';

export interface ChartRow {
  label: string;
  value: number;
}

export interface MonthCount {
  /** `YYYY-MM` */
  month: string;
  count: number;
}

/** Ranked bars, one per row, the label above its bar so long unit names never get cut. */
export function rankedBars(rows: ChartRow[], title: string, id: string): string {
  const width = 640;
  const rowHeight = 40;
  const labelHeight = 16;
  const barHeight = 14;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const barSpace = width - 64;
  const body = rows
    .map((row, i) => {
      const y = i * rowHeight;
      const w = Math.max(2, Math.round((row.value / max) * barSpace));
      return (
        `<text class="chart-label" x="0" y="${y + 13}">${escapeHtml(row.label)}</text>` +
        `<rect class="chart-bar" x="0" y="${y + labelHeight + 2}" width="${w}" height="${barHeight}" rx="2"/>` +
        `<text class="chart-value" x="${w + 6}" y="${y + labelHeight + 14}">${row.value}</text>`
      );
    })
    .join('');
  const height = Math.max(rowHeight, rows.length * rowHeight);
  return (
    `<svg class="chart" role="img" aria-labelledby="${id}" viewBox="0 0 ${width} ${height}" ` +
    `xmlns="http://www.w3.org/2000/svg"><title id="${id}">${escapeHtml(title)}</title>${body}</svg>`
  );
}

/** Months from the first to the last, gaps filled with zero, so time reads evenly along the axis. */
export function fillMonths(counts: MonthCount[]): MonthCount[] {
  if (!counts.length) return [];
  const byMonth = new Map(counts.map((c) => [c.month, c.count]));
  const sorted = [...byMonth.keys()].sort();
  const [firstYear, firstMonth] = sorted[0]!.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = sorted[sorted.length - 1]!.split('-').map(Number) as [number, number];
  const out: MonthCount[] = [];
  for (let y = firstYear, m = firstMonth; y < lastYear || (y === lastYear && m <= lastMonth); ) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ month, count: byMonth.get(month) ?? 0 });
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** One column per month over the whole archive, a tick and label at each January. */
export function monthColumns(counts: MonthCount[], title: string, id: string): string {
  const months = fillMonths(counts);
  const width = 640;
  const plotHeight = 160;
  const axisHeight = 22;
  const left = 32;
  const max = Math.max(1, ...months.map((m) => m.count));
  const step = months.length ? (width - left) / months.length : 0;
  const columns = months
    .map((m, i) => {
      const h = Math.round((m.count / max) * (plotHeight - 8));
      const x = left + i * step;
      const column = m.count
        ? `<rect class="chart-bar" x="${x.toFixed(1)}" y="${plotHeight - h}" width="${Math.max(1, step - 1).toFixed(1)}" height="${h}"><title>${m.month}: ${m.count}</title></rect>`
        : '';
      const tick =
        m.month.endsWith('-01') || i === 0
          ? `<line class="chart-axis" x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${plotHeight}" y2="${plotHeight + 5}"/>` +
            `<text class="chart-label" x="${x.toFixed(1)}" y="${plotHeight + 18}">${m.month.slice(0, 4)}</text>`
          : '';
      return column + tick;
    })
    .join('');
  const axis =
    `<line class="chart-axis" x1="${left}" x2="${width}" y1="${plotHeight}" y2="${plotHeight}"/>` +
    `<text class="chart-value" x="0" y="12">${max}</text>` +
    `<text class="chart-value" x="0" y="${plotHeight}">0</text>`;
  return (
    `<svg class="chart" role="img" aria-labelledby="${id}" viewBox="0 0 ${width} ${plotHeight + axisHeight}" ` +
    `xmlns="http://www.w3.org/2000/svg"><title id="${id}">${escapeHtml(title)}</title>${axis}${columns}</svg>`
  );
}
