/**
 * One dump's parse against its hand label, field by field. Pure: the outcome of reading the dump
 * comes in, a verdict per field goes out.
 */
import type { Article } from '../schema.ts';
import type { DumpParseReason } from '../parse/error.ts';
import { canonicalTone } from '../text.ts';
import type { Label } from './labels.ts';

/** What reading a dump gave. */
export type Outcome =
  | { kind: 'article'; article: Article }
  /** A `DumpParseError`; the crawl time is a property of any page, so it is scored on rejected pages too. */
  | { kind: 'rejected'; reason: DumpParseReason; message: string; crawledAt: string | null }
  /** Any other exception: a parser bug. */
  | { kind: 'crashed'; message: string }
  | { kind: 'missing' };

/** The fields scored by exact match, in report order (names as in `labels.json`). */
export const FIELDS = ['title', 'published', 'crawled', 'series', 'byline', 'authors', 'captions', 'page_type'] as const;
export type Field = (typeof FIELDS)[number];

export interface FieldVerdict {
  field: Field;
  match: boolean;
  expected: string;
  got: string;
}

/** Canonical names compared: labels and the catalog may place tone marks differently. */
export interface UnitCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  missing: string[];
  extra: string[];
}

/**
 * An estimated date against its label. `made`: we gave an estimate; `right`: what we gave (an estimate, or
 * none) is the label's answer or one of its other right answers.
 */
export interface EstimateVerdict {
  expected: string | null;
  accepted: Array<string | null>;
  got: string | null;
  made: boolean;
  right: boolean;
}

export interface FileVerdict {
  file: string;
  outcome: Outcome['kind'];
  /** Only the fields whose label is not null. */
  fields: FieldVerdict[];
  /** Null when the units label is null. */
  units: UnitCounts | null;
  /** Null when the file is not labelled for an estimate. */
  estimate: EstimateVerdict | null;
  /** The rejection or crash message, when there is one. */
  note?: string;
}

const clean = (s: string) => s.normalize('NFC').trim();
const show = (v: unknown) => JSON.stringify(v);

/** What we predicted, in the label's terms; null where the outcome says nothing. */
interface Prediction {
  title: string | null;
  titleDerived: boolean;
  published: string | null;
  crawled: string | null;
  series: string | null;
  byline: string | null;
  authors: string[];
  captions: string[];
  page_type: string;
  units: string[];
  estimated: string | null;
}

function predict(outcome: Outcome): Prediction {
  const none: Prediction = {
    title: null,
    titleDerived: false,
    published: null,
    crawled: null,
    series: null,
    byline: null,
    authors: [],
    captions: [],
    page_type: outcome.kind,
    units: [],
    estimated: null,
  };
  switch (outcome.kind) {
    case 'article': {
      const a = outcome.article;
      return {
        title: a.title,
        titleDerived: a.titleDerived,
        published: a.date,
        // Labels give Vietnam local time without an offset; ours always carry `+07:00`.
        crawled: a.crawledAt ? a.crawledAt.slice(0, 19) : null,
        series: a.series,
        byline: a.byline,
        authors: a.authors,
        captions: a.captions,
        page_type: 'article',
        units: a.units,
        estimated: a.estimatedDate,
      };
    }
    case 'rejected':
      return {
        ...none,
        crawled: outcome.crawledAt ? outcome.crawledAt.slice(0, 19) : null,
        page_type: outcome.reason === 'listing' ? 'listing' : `rejected (${outcome.reason})`,
      };
    case 'crashed':
    case 'missing':
      return none;
    default:
      return outcome satisfies never;
  }
}

const sameText = (a: string | null, b: string) => a !== null && clean(a) === clean(b);

function sameSet(got: readonly string[], expected: readonly string[], key: (s: string) => string): boolean {
  const a = new Set(got.map(key));
  const b = new Set(expected.map(key));
  return a.size === b.size && [...a].every((x) => b.has(x));
}

const caseless = (s: string) => clean(s).toLocaleLowerCase('vi');
const unitKey = (s: string) => canonicalTone(clean(s));

function verdict(field: Field, label: Label, p: Prediction): FieldVerdict | null {
  switch (field) {
    case 'title':
      if (label.title === null) return null;
      // An empty title label: the dump has none, and the article must say its title was derived.
      if (label.title === '') {
        return { field, match: p.titleDerived, expected: '(derived)', got: p.titleDerived ? '(derived)' : show(p.title) };
      }
      return { field, match: !p.titleDerived && sameText(p.title, label.title), expected: show(label.title), got: show(p.title) };
    case 'published':
    case 'crawled':
    case 'series':
    case 'byline': {
      const expected = label[field];
      if (expected === null) return null;
      return { field, match: sameText(p[field], expected), expected: show(expected), got: show(p[field]) };
    }
    case 'authors':
      if (label.authors === null) return null;
      return { field, match: sameSet(p.authors, label.authors, caseless), expected: show(label.authors), got: show(p.authors) };
    case 'captions':
      if (label.captions === null) return null;
      return { field, match: sameSet(p.captions, label.captions, clean), expected: show(label.captions), got: show(p.captions) };
    case 'page_type':
      if (label.page_type === null) return null;
      return { field, match: p.page_type === label.page_type, expected: label.page_type, got: p.page_type };
    default:
      return field satisfies never;
  }
}

function countUnits(got: readonly string[], expected: readonly string[]): UnitCounts {
  const g = new Set(got.map(unitKey));
  const e = new Set(expected.map(unitKey));
  const missing = [...e].filter((u) => !g.has(u));
  const extra = [...g].filter((u) => !e.has(u));
  return {
    truePositives: e.size - missing.length,
    falsePositives: extra.length,
    falseNegatives: missing.length,
    missing,
    extra,
  };
}

function judgeEstimate(label: Label, got: string | null): EstimateVerdict | null {
  if (label.estimated === undefined) return null;
  const accepted = [label.estimated, ...label.estimated_ok];
  return { expected: label.estimated, accepted, got, made: got !== null, right: accepted.includes(got) };
}

/** Scores one dump's outcome against its label. */
export function compareFile(label: Label, outcome: Outcome): FileVerdict {
  const p = predict(outcome);
  // A dump we could not read at all predicted nothing: not even an empty list matches its label.
  const unread = outcome.kind === 'missing' || outcome.kind === 'crashed';
  const fields = FIELDS.map((f) => verdict(f, label, p))
    .filter((v): v is FieldVerdict => v !== null)
    .map((v) => (unread ? { ...v, match: false, got: `(${outcome.kind})` } : v));
  const units = label.units === null ? null : countUnits(p.units, label.units);
  const note = outcome.kind === 'rejected' || outcome.kind === 'crashed' ? outcome.message : undefined;
  const estimate = judgeEstimate(label, p.estimated);
  return { file: label.file, outcome: outcome.kind, fields, units, estimate, ...(note ? { note } : {}) };
}
