/** `labels.json` of a reference corpus: one hand label per dump (see ../shared/corpus/README.md). */

/** A hand label. A key that is null or absent is "not decided" and that field is not scored. */
export interface Label {
  file: string;
  /** `article`, or `listing` for a category page that must not be published. */
  page_type: string | null;
  /** As printed; an empty string means the dump has no title (we must derive one and flag it). */
  title: string | null;
  /** `YYYY-MM-DD`. */
  published: string | null;
  /** `YYYY-MM-DDTHH:MM:SS`, Vietnam local time. */
  crawled: string | null;
  series: string | null;
  byline: string | null;
  authors: string[] | null;
  captions: string[] | null;
  units: string[] | null;
  /**
   * For an undated article, the event's date a careful reader tells (`YYYY-MM-DD`), or null when none can be
   * told; `undefined` when the file is not labelled for it (the key is absent).
   */
  estimated?: string | null;
  /** Other right answers; null among them means "no estimate is right too". */
  estimated_ok: Array<string | null>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** Thrown for a labels file that does not have the documented shape. */
export class LabelsError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`invalid labels: ${file}: ${detail}`);
    this.name = 'LabelsError';
  }
}

/** Parses and checks `labels.json`; `file` names it in errors. */
export function parseLabels(json: string, file: string): Label[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new LabelsError(file, `not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(raw)) throw new LabelsError(file, 'expected an array of labels');
  return raw.map((entry: unknown, i): Label => {
    if (typeof entry !== 'object' || entry === null) throw new LabelsError(file, `entry ${i} is not an object`);
    const e = entry as Record<string, unknown>;
    const text = (key: string): string | null => {
      const v = e[key];
      if (v === undefined || v === null) return null;
      if (typeof v !== 'string') throw new LabelsError(file, `entry ${i}: ${key}=${JSON.stringify(v)} is not a string`);
      return v;
    };
    const list = (key: string): string[] | null => {
      const v = e[key];
      if (v === undefined || v === null) return null;
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
        throw new LabelsError(file, `entry ${i}: ${key} is not a list of strings`);
      }
      return v as string[];
    };
    const day = (key: string, v: unknown): string | null => {
      if (v === null || (typeof v === 'string' && DAY.test(v))) return v;
      throw new LabelsError(file, `entry ${i}: ${key}=${JSON.stringify(v)} is not YYYY-MM-DD or null`);
    };
    const ok = e.estimated_ok ?? [];
    if (!Array.isArray(ok)) throw new LabelsError(file, `entry ${i}: estimated_ok is not a list`);
    const name = text('file');
    if (!name) throw new LabelsError(file, `entry ${i} has no file`);
    return {
      file: name,
      page_type: text('page_type'),
      title: text('title'),
      published: text('published'),
      crawled: text('crawled'),
      series: text('series'),
      byline: text('byline'),
      authors: list('authors'),
      captions: list('captions'),
      units: list('units'),
      ...('estimated' in e ? { estimated: day('estimated', e.estimated) } : {}),
      estimated_ok: ok.map((v) => day('estimated_ok', v)),
    };
  });
}
