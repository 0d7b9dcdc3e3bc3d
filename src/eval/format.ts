/** The evaluation as text: a diff per file with a mismatch, a table of figures, one summary line. */
import type { FileVerdict } from './compare.ts';
import { FIELDS } from './compare.ts';
import type { Scores, Shortfall } from './score.ts';

const figure = (v: number | null) => (v === null ? 'n/a' : v.toFixed(3));

/** Every mismatch of one file, or nothing when the file matches its label everywhere. */
export function formatFileDiff(v: FileVerdict): string[] {
  const out: string[] = [];
  for (const f of v.fields.filter((x) => !x.match)) {
    out.push(`  ${f.field.padEnd(9)} expected ${f.expected}`);
    out.push(`  ${''.padEnd(9)} got      ${f.got}`);
  }
  if (v.units && (v.units.missing.length > 0 || v.units.extra.length > 0)) {
    if (v.units.missing.length > 0) out.push(`  ${'units'.padEnd(9)} missing  ${JSON.stringify(v.units.missing)}`);
    if (v.units.extra.length > 0) out.push(`  ${'units'.padEnd(9)} extra    ${JSON.stringify(v.units.extra)}`);
  }
  if (out.length === 0) return [];
  return [`${v.file}${v.note ? `  (${v.note})` : ''}`, ...out];
}

/** One row per figure: the field, the accuracy, and how many labelled files it is over. */
export function formatTable(scores: Scores): string[] {
  const rows = FIELDS.map((f) => {
    const s = scores.fields[f];
    return `  ${f.padEnd(16)} ${figure(s.accuracy)}  (${s.matched}/${s.scored})`;
  });
  const u = scores.units;
  rows.push(`  ${'units.precision'.padEnd(16)} ${figure(u.precision)}  (${u.truePositives}/${u.truePositives + u.falsePositives})`);
  rows.push(`  ${'units.recall'.padEnd(16)} ${figure(u.recall)}  (${u.truePositives}/${u.truePositives + u.falseNegatives})`);
  rows.push(`  ${'units.f1'.padEnd(16)} ${figure(u.f1)}`);
  return rows;
}

/** The one line a CI log is read for. */
export function formatSummary(scores: Scores, short: readonly Shortfall[]): string {
  const fields = FIELDS.map((f) => `${f} ${figure(scores.fields[f].accuracy)}`).join(' · ');
  const verdict =
    short.length === 0
      ? 'all targets met'
      : `BELOW TARGET: ${short.map((s) => `${s.metric} ${figure(s.value)} < ${s.min}`).join(', ')}`;
  return `eval: ${scores.files} files · ${fields} · units F1 ${figure(scores.units.f1)} — ${verdict}`;
}
