/**
 * A markdown-it plugin marking the first use of each glossary abbreviation in a document with
 * `<abbr title="expansion">`. "First" is per render: the caller passes a fresh `env` per article.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { abbreviationPattern, type Glossary } from './glossary.ts';

export interface AbbreviationEnv {
  abbreviationsSeen: Set<string>;
}

export function abbreviationsPlugin(md: MarkdownIt, glossary: Glossary): void {
  const pattern = abbreviationPattern(glossary);

  function markText(state: StateCore, token: Token, seen: Set<string>): Token[] {
    const out: Token[] = [];
    const text = token.content;
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      const word = match[0];
      if (seen.has(word)) continue;
      seen.add(word);
      const at = match.index;
      if (at > last) out.push(textToken(state, text.slice(last, at)));
      const open = new state.Token('abbr_open', 'abbr', 1);
      open.attrSet('title', glossary.get(word)!);
      out.push(open, textToken(state, word), new state.Token('abbr_close', 'abbr', -1));
      last = at + word.length;
    }
    if (!out.length) return [token];
    if (last < text.length) out.push(textToken(state, text.slice(last)));
    return out;
  }

  md.core.ruler.push('abbreviations', (state: StateCore) => {
    const env = state.env as Partial<AbbreviationEnv>;
    const seen = (env.abbreviationsSeen ??= new Set());
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      let linkDepth = 0;
      const children: Token[] = [];
      for (const child of block.children) {
        if (child.type === 'link_open') linkDepth++;
        if (child.type === 'link_close') linkDepth--;
        if (child.type === 'text' && linkDepth === 0) children.push(...markText(state, child, seen));
        else children.push(child);
      }
      block.children = children;
    }
  });
}

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  return token;
}
