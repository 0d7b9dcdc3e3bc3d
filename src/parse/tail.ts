/**
 * The end of an article: the byline, a source line, the `./.` end mark, and the site's boilerplate
 * below (comment form, related links, navigation), which is cut off. A dump that reaches none of
 * them and stops mid-sentence was truncated by the capture.
 */
import { isCredit, readByline, type Byline } from './byline.ts';
import { BARE_DATE, END_MARK, HEAD_FURNITURE, SOURCE_LINE, TAIL_MARKER } from './grammar.ts';
import type { DumpLine } from './lines.ts';

export interface End {
  /** The article's lines, boilerplate and byline removed. */
  body: DumpLine[];
  byline: Byline | null;
  /** The dump shows the article's end (boilerplate, byline, source or end mark) or ends a sentence. */
  reachesEnd: boolean;
}

/** How a complete sentence (or a caption without a period) can end. */
const SENTENCE_END = /[.!?…"”'’»)\]]$/u;
/** After the `./.` end mark, the byline and source come within this many lines; the rest is the site's. */
const AFTER_END_MARK = 3;

/** Splits the lines after the head into the article and its end. */
export function readEnd(all: readonly DumpLine[]): End {
  // A share bar (`Chia sẻ`, `Facebook`) above the lead is furniture, not the end of the article.
  const start = all.findIndex((l) => !TAIL_MARKER.test(l.text));
  const lines = start < 0 ? [] : all.slice(start);
  const tailAt = lines.findIndex((l) => TAIL_MARKER.test(l.text));
  const hasTail = tailAt >= 0;
  let body = hasTail ? lines.slice(0, tailAt) : [...lines];

  // Past `./.` only the byline and a source line can still be the article's.
  const markAt = body.findIndex((l) => END_MARK.test(l.text));
  let byline: Byline | null = null;
  if (markAt >= 0) {
    const after = body.slice(markAt + 1, markAt + 1 + AFTER_END_MARK);
    body = body.slice(0, markAt + 1);
    for (const line of after) {
      if (SOURCE_LINE.test(line.text)) {
        body.push(line);
        continue;
      }
      const signed: Byline | null = byline ? null : readByline(line.text, 'end');
      if (!signed) break; // the site's navigation begins
      byline = signed;
    }
    return { body, byline, reachesEnd: true };
  }

  // A date or a view count printed under the byline is the page's, not the article's.
  while (body.length > 1 && (BARE_DATE.test(body.at(-1)!.text) || HEAD_FURNITURE.test(body.at(-1)!.text))) body.pop();

  // The byline is the last line, or the one before a source line (`Tin, ảnh: …` / `Nguồn: …`).
  const last = body.length - 1;
  const source = last > 0 && SOURCE_LINE.test(body[last]!.text) ? last : -1;
  const bylineAt = source >= 0 ? source - 1 : last;
  if (bylineAt > 0) {
    byline = readByline(body[bylineAt]!.text, 'end');
    const above = body[bylineAt - 1];
    if (byline && above && bylineAt > 1 && isCredit(above.text) && isCredit(byline.printed)) {
      const first = readByline(above.text, 'end')!;
      byline = { printed: `${first.printed}\n${byline.printed}`, authors: [...first.authors, ...byline.authors] };
      body = body.filter((_, i) => i !== bylineAt && i !== bylineAt - 1);
    } else if (byline) {
      body = body.filter((_, i) => i !== bylineAt);
    }
  }
  const reachesEnd = hasTail || !!byline || source >= 0 || SENTENCE_END.test(body.at(-1)?.text ?? '');
  return { body, byline, reachesEnd };
}
