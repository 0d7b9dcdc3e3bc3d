/**
 * The Markdown of an article body, as ingest writes it. Raw dump text is text: no HTML, no
 * autolinks, no smart quotes. The only extension is the caption container ingest writes for a photo
 * caption (the photo itself is lost in the dump):
 *
 *     ::: caption
 *     Cán bộ, chiến sĩ Sư đoàn 316 huấn luyện trên thao trường.
 *     :::
 *
 * which becomes `<figure class="caption"><figcaption>…</figcaption></figure>`.
 */
import markdownIt, { type MarkdownIt, type StateBlock } from 'markdown-it';
import { abbreviationsPlugin, type AbbreviationEnv } from './abbreviations.ts';
import { glossary, type Glossary } from './glossary.ts';

const CAPTION_OPEN = /^:::[ \t]*caption[ \t]*$/;
const CONTAINER_CLOSE = /^:::[ \t]*$/;

function lineAt(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!);
}

function captionBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  if (!CAPTION_OPEN.test(lineAt(state, startLine))) return false;
  let close = startLine + 1;
  while (close < endLine && !CONTAINER_CLOSE.test(lineAt(state, close))) close++;
  // An unclosed container is not a caption: let the paragraph rule show it as written.
  if (close >= endLine) return false;
  if (silent) return true;

  const text = [];
  for (let line = startLine + 1; line < close; line++) text.push(lineAt(state, line).trim());

  const figure = state.push('caption_open', 'figure', 1);
  figure.attrSet('class', 'caption');
  figure.map = [startLine, close + 1];
  state.push('figcaption_open', 'figcaption', 1);
  const inline = state.push('inline', '', 0);
  inline.content = text.filter(Boolean).join(' ');
  inline.map = [startLine + 1, close];
  inline.children = [];
  state.push('figcaption_close', 'figcaption', -1);
  state.push('caption_close', 'figure', -1);
  state.line = close + 1;
  return true;
}

export function createMarkdown(abbreviations: Glossary = glossary): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.block.ruler.before('fence', 'caption', captionBlock, { alt: ['paragraph'] });
  md.use(abbreviationsPlugin, abbreviations);
  return md;
}

const shared = createMarkdown();

/** One article body to HTML; abbreviations are explained on their first use in this body only. */
export function renderBody(markdown: string): string {
  const env: AbbreviationEnv = { abbreviationsSeen: new Set() };
  return shared.render(markdown, { ...env });
}
