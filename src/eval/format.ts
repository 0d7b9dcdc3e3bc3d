/** The evaluation as text: a diff per file with a mismatch, a table of figures, one summary line. */
import type { FileVerdict } from './compare.ts';
import { FIELDS } from './compare.ts';
import type { Scores, Shortfall } from './score.ts';

const figure = (v: number | null) => (v === null ? 'n/a' : v.toFixed(3));
/** The longest figure's name, `estimated.precision`. */
const NAME_WIDTH = 19;

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
  const e = v.estimate;
  if (e && !e.right) {
    const accepted = e.accepted.length > 1 ? ` (or ${e.accepted.slice(1).map((x) => JSON.stringify(x)).join(', ')})` : '';
    out.push(`  ${'estimated'.padEnd(9)} expected ${JSON.stringify(e.expected)}${accepted}`);
    out.push(`  ${''.padEnd(9)} got      ${JSON.stringify(e.got)}`);
  }
  if (out.length === 0) return [];
  return [`${v.file}${v.note ? `  (${v.note})` : ''}`, ...out];
}

/** One row per figure: the field, the accuracy, and how many labelled files it is over. */
export function formatTable(scores: Scores): string[] {
  const rows = FIELDS.map((f) => {
    const s = scores.fields[f];
    return `  ${f.padEnd(NAME_WIDTH)} ${figure(s.accuracy)}  (${s.matched}/${s.scored})`;
  });
  const u = scores.units;
  rows.push(`  ${'units.precision'.padEnd(NAME_WIDTH)} ${figure(u.precision)}  (${u.truePositives}/${u.truePositives + u.falsePositives})`);
  rows.push(`  ${'units.recall'.padEnd(NAME_WIDTH)} ${figure(u.recall)}  (${u.truePositives}/${u.truePositives + u.falseNegatives})`);
  rows.push(`  ${'units.f1'.padEnd(NAME_WIDTH)} ${figure(u.f1)}`);
  const e = scores.estimated;
  rows.push(`  ${'estimated.precision'.padEnd(NAME_WIDTH)} ${figure(e.precision)}  (${e.right}/${e.made} estimates made, ${e.labelled} files labelled)`);
  rows.push(`  ${'estimated.recall'.padEnd(NAME_WIDTH)} ${figure(e.recall)}  (${e.right}/${e.dated} labelled with a date)`);
  return rows;
}

/** The one line a CI log is read for. */
export function formatSummary(scores: Scores, short: readonly Shortfall[]): string {
  const fields = FIELDS.map((f) => `${f} ${figure(scores.fields[f].accuracy)}`).join(' · ');
  const verdict =
    short.length === 0
      ? 'all targets met'
      : `BELOW TARGET: ${short.map((s) => `${s.metric} ${figure(s.value)} < ${s.min}`).join(', ')}`;
  const e = scores.estimated;
  const estimates = `estimated P ${figure(e.precision)} R ${figure(e.recall)}`;
  return `eval: ${scores.files} files · ${fields} · units F1 ${figure(scores.units.f1)} · ${estimates} — ${verdict}`;
}
