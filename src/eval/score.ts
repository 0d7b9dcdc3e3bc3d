/** Corpus-wide figures from per-file verdicts, and the `--min` thresholds they are held to. */
import { FIELDS, type Field, type FileVerdict } from './compare.ts';

export interface FieldScore {
  matched: number;
  /** Files whose label for this field is not null. */
  scored: number;
  /** `matched / scored`, or null when no file has a label for the field. */
  accuracy: number | null;
}

export interface UnitScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/**
 * Estimated dates over the files labelled for them: precision = right estimates / estimates made (a wrong
 * date is the error that matters); recall = right estimates / files whose label is a date.
 */
export interface EstimateScore {
  /** Files labelled for an estimate (`estimated` present, a date or null). */
  labelled: number;
  /** Files whose label is a date. */
  dated: number;
  made: number;
  /** Estimates made that are right. */
  right: number;
  precision: number | null;
  recall: number | null;
}

export interface Scores {
  files: number;
  fields: Record<Field, FieldScore>;
  units: UnitScore;
  estimated: EstimateScore;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/** Exact-match accuracy per field; units micro-averaged over every file with a units label. */
export function score(verdicts: readonly FileVerdict[]): Scores {
  const fields = Object.fromEntries(
    FIELDS.map((field): [Field, FieldScore] => {
      const scored = verdicts.flatMap((v) => v.fields.filter((f) => f.field === field));
      const matched = scored.filter((f) => f.match).length;
      return [field, { matched, scored: scored.length, accuracy: ratio(matched, scored.length) }];
    }),
  ) as Record<Field, FieldScore>;
  const sum = (key: 'truePositives' | 'falsePositives' | 'falseNegatives') =>
    verdicts.reduce((n, v) => n + (v.units?.[key] ?? 0), 0);
  const tp = sum('truePositives');
  const fp = sum('falsePositives');
  const fn = sum('falseNegatives');
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  // 2·TP / (2·TP + FP + FN): the harmonic mean of precision and recall, and 0 (not undefined) when
  // nothing was predicted for units the labels list.
  const f1 = ratio(2 * tp, 2 * tp + fp + fn);
  const judged = verdicts.flatMap((v) => v.estimate ?? []);
  const made = judged.filter((e) => e.made);
  const right = made.filter((e) => e.right).length;
  const dated = judged.filter((e) => e.expected !== null).length;
  return {
    files: verdicts.length,
    fields,
    units: { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 },
    estimated: {
      labelled: judged.length,
      dated,
      made: made.length,
      right,
      precision: ratio(right, made.length),
      recall: ratio(right, dated),
    },
  };
}

/** A figure `--min` can name. */
export type Metric = Field | 'units.precision' | 'units.recall' | 'units.f1' | 'estimated.precision' | 'estimated.recall';
export const METRICS: readonly Metric[] = [
  ...FIELDS,
  'units.precision',
  'units.recall',
  'units.f1',
  'estimated.precision',
  'estimated.recall',
];

/** The issue's own words for some fields (`date`, `crawl time`) and the schema's names. */
const ALIASES: Record<string, Metric> = {
  date: 'published',
  crawledAt: 'crawled',
  crawl: 'crawled',
  pageType: 'page_type',
  page: 'page_type',
  units: 'units.f1',
};

export interface Threshold {
  metric: Metric;
  min: number;
}

/** Thrown for a `--min` argument that names no figure or no number in [0, 1]. */
export class ThresholdError extends Error {
  constructor(input: string, detail: string) {
    super(`invalid threshold: ${JSON.stringify(input)}: ${detail}`);
    this.name = 'ThresholdError';
  }
}

/** `title=0.95`, `units.f1=0.9`, `date=0.95`. */
export function parseThreshold(input: string): Threshold {
  const m = /^(?<name>[\w.]+)=(?<value>\d*\.?\d+)$/u.exec(input.trim());
  if (!m?.groups) throw new ThresholdError(input, 'expected FIELD=VALUE, e.g. title=0.95');
  const name = m.groups.name!;
  const metric = ALIASES[name] ?? (METRICS as readonly string[]).find((x) => x === name);
  if (!metric) throw new ThresholdError(input, `unknown field; one of ${METRICS.join(', ')}`);
  const min = Number(m.groups.value);
  if (!(min >= 0 && min <= 1)) throw new ThresholdError(input, 'the value must be between 0 and 1');
  return { metric: metric as Metric, min };
}

export function metricValue(scores: Scores, metric: Metric): number | null {
  switch (metric) {
    case 'units.precision':
      return scores.units.precision;
    case 'units.recall':
      return scores.units.recall;
    case 'units.f1':
      return scores.units.f1;
    case 'estimated.precision':
      return scores.estimated.precision;
    case 'estimated.recall':
      return scores.estimated.recall;
    default:
      return scores.fields[metric].accuracy;
  }
}

export interface Shortfall extends Threshold {
  /** Null when no labelled file measures it: a target that cannot be checked is not met. */
  value: number | null;
}

/** The thresholds the scores fall short of. */
export function shortfalls(scores: Scores, thresholds: readonly Threshold[]): Shortfall[] {
  return thresholds
    .map((t) => ({ ...t, value: metricValue(scores, t.metric) }))
    .filter((s) => s.value === null || s.value < s.min);
}
