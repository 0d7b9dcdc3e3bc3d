// Pure helpers of the search page: its Vietnamese strings, the state it keeps in the URL, and the
// clean-up of Pagefind's excerpts (the `đ` put back, the title twins dropped). No DOM access here, so
// that tests can import it in Node.

/** Every string the search page shows, in one place. */
export const STRINGS = {
  loading: 'Đang tải chỉ mục tìm kiếm…',
  loadFailed: 'Không tải được chỉ mục tìm kiếm. Hãy tải lại trang.',
  searching: 'Đang tìm…',
  prompt: 'Nhập từ khóa, có dấu hoặc không dấu (ví dụ: su doan 316).',
  results: (count, term) => `${count} kết quả cho “${term}”`,
  filtered: (count) => `${count} bài viết phù hợp bộ lọc`,
  searchingOlder: ' trong các bài mới nhất; đang tìm trong các năm trước…',
  // First results the older years cannot precede, shown before the whole archive has answered.
  firstResults: (count, term) => `${count} kết quả đầu tiên cho “${term}”; đang tìm trong các năm trước…`,
  // Nothing the newest articles say can be shown as the answer yet: no weak matches meanwhile.
  searchingAll: (term) => `Đang tìm “${term}” trong toàn bộ kho lưu trữ…`,
  // Pagefind's own `vi` strings say "Kiểm thị" for "Hiển thị" (alt_search); ours are written here.
  noResults: (term) =>
    `Không tìm thấy kết quả nào cho “${term}”. Hãy thử từ khóa ngắn hơn, từ đồng nghĩa, hoặc bỏ bớt bộ lọc.`,
  more: 'Xem thêm kết quả',
  undated: 'Không rõ ngày',
  // An undated article's estimated event date, never shown as a publication date (as on the site).
  estimatedAbout: 'khoảng ',
  estimatedMark: ' (ước tính từ bài)',
  all: 'Tất cả',
};

/** URL parameter → filter name in the index (`src/search/page.ts`). */
export const FILTER_PARAMS = { 'don-vi': 'unit', nam: 'year', 'tac-gia': 'author' };

/** URL value of `sap-xep` → Pagefind sort direction on `date`. Relevance is the absence of the parameter. */
export const SORTS = { 'moi-nhat': 'desc', 'cu-nhat': 'asc' };

/**
 * @typedef {{ q: string, filters: Record<string, string>, sort: string }} SearchState
 * `filters` maps index filter names (`unit`) to one value; `sort` is '' (relevance) or a key of SORTS.
 */

/** @param {string} search `location.search` @returns {SearchState} */
export function readState(search) {
  const params = new URLSearchParams(search);
  /** @type {Record<string, string>} */
  const filters = {};
  for (const [param, name] of Object.entries(FILTER_PARAMS)) {
    const value = params.get(param);
    if (value) filters[name] = value;
  }
  const sort = params.get('sap-xep') ?? '';
  return { q: (params.get('q') ?? '').normalize('NFC'), filters, sort: sort in SORTS ? sort : '' };
}

/** @param {SearchState} state @returns {string} `?q=…` or '' */
export function writeState(state) {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const [param, name] of Object.entries(FILTER_PARAMS)) {
    const value = state.filters[name];
    if (value) params.set(param, value);
  }
  if (state.sort) params.set('sap-xep', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Removes every diacritic, `đ` included (mirrors `foldDiacritics` of src/text.ts). */
export function foldDiacritics(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * Ends the marked twin the indexer glues to each word of a title (`TITLE_MARK` of src/search/fold.ts):
 * `Lữ đoàn` is indexed as `Lữ-luzq đoàn-doan-doanzq`.
 */
export const TITLE_MARK = 'zq';

/** The marked twin of a title word (`titleTwin` of src/search/fold.ts): `297` → `jcjjjhzq`, no digit. */
export function titleTwin(word) {
  return `${word.replace(/\d/g, (d) => `j${'abcdefghij'[Number(d)]}`)}${TITLE_MARK}`;
}

/** What Pagefind's tokenizer keeps of a word (letters and digits, lower case), folded: `Lữ` → `lu`, `KT-QP` → `ktqp`. */
export function wordKey(token) {
  return foldDiacritics(token.normalize('NFC')).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The words of a text as the index sees them, folded: what phrase adjacency is judged on. */
export function textWords(text) {
  return text.split(/\s+/).map(wordKey).filter(Boolean);
}

/** Whether `text` contains `words` (folded, as `textWords`) one after the other. */
export function containsPhrase(text, words) {
  if (words.length === 0) return false;
  const all = textWords(text);
  outer: for (let i = 0; i + words.length <= all.length; i++) {
    for (let j = 0; j < words.length; j++) if (all[i + j] !== words[j]) continue outer;
    return true;
  }
  return false;
}

/** A whitespace-delimited word of an excerpt (`<mark>` tags apart). */
const EXCERPT_WORD = /[^\s<>]+/g;
/** A part after a hyphen: its letters and digits, then what follows them (`thozq:` → `thozq`, `:`). */
const PART = /^([\p{L}\p{M}\p{N}]+)(.*)$/su;

/**
 * `<mark>Lữ-luzq</mark> đoàn-doanzq` → `<mark>Lữ</mark> đoàn`: excerpts show the real text. A part after
 * a hyphen is dropped when it is the marked twin of the word so far (`KT-QP-ktqpzq`, `X.30-xjdjazq`);
 * real hyphenated words (`Đoàn-kết`) stay.
 */
export function unfoldExcerpt(excerpt) {
  return excerpt.replace(EXCERPT_WORD, (token) => {
    if (!token.includes('-')) return token;
    const [first, ...parts] = token.split('-');
    let out = first;
    for (const part of parts) {
      const match = PART.exec(part);
      const marked = match && match[1] === titleTwin(wordKey(out.replace(/&(?:#\d+|[a-z]+);/g, '')));
      out = marked ? out + match[2] : `${out}-${part}`;
    }
    return out;
  });
}

/** The page's meta field saying which `d`s were `đ` (`D_BITS_FIELD` of src/search/fold.ts). */
export const D_BITS_FIELD = 'dbits';
/** Its six bits a character, lowest first (`D_BITS_ALPHABET` of src/search/fold.ts). */
export const D_BITS_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * `Sư doàn 316` → `Sư đoàn 316`: the indexer hands Pagefind `d` for every `đ` (src/search/fold.ts);
 * `bits` says which of the text's `d`s, counted in order, were `đ`. `text` is the page's whole text as
 * Pagefind keeps it (a fragment's `content`, or `raw_content`, whose `&lt;` and `&gt;` have no `d`).
 */
export function restoreD(text, bits) {
  if (!bits) return text;
  let count = 0;
  return text.replace(/[dD]/g, (d) => {
    const sextet = Math.floor(count / 6);
    const bit = sextet < bits.length ? (D_BITS_ALPHABET.indexOf(bits[sextet]) >> count % 6) & 1 : 0;
    count++;
    return bit ? (d === 'd' ? 'đ' : 'Đ') : d;
  });
}

/** Pagefind's words are cut at whitespace (its `word_separators`) and shown one space apart. */
const WORD_SEPARATORS = /[^\S\uFEFF]+/g;

/**
 * Pagefind's excerpt of a page (`<mark>` around matches, `<` and `>` escaped) with its `đ` back: the
 * excerpt is the page's words from one on, so it is found in the page's text (`content`, Pagefind's
 * `raw_content`) and takes that text's restored characters, one for one (`d` and `đ` are one UTF-16
 * unit each). Unchanged when it is not found there (an ellipsis option would add text).
 */
export function restoreExcerpt(excerpt, content, bits) {
  if (!bits) return excerpt;
  const text = content.replace(WORD_SEPARATORS, ' ');
  const plain = excerpt.replace(/<\/?mark>/g, '');
  const at = text.indexOf(plain);
  if (at === -1) return excerpt;
  const restored = restoreD(text, bits).slice(at, at + plain.length);
  let next = 0;
  return excerpt
    .split(/(<\/?mark>)/)
    .map((part) => (part === '<mark>' || part === '</mark>' ? part : restored.slice(next, (next += part.length))))
    .join('');
}

/**
 * The excerpt a result shows, title twins aside: Pagefind's `data()` (it has `raw_content`) with its `đ`
 * put back; a title-index result's (`titleExcerpt`) is made from restored text already.
 */
export function realExcerpt(data) {
  return data.raw_content === undefined ? data.excerpt : restoreExcerpt(data.excerpt, data.raw_content, data.meta?.[D_BITS_FIELD]);
}

/**
 * @typedef {object} QueryPlan
 * @property {string[]} words every word, folded (`wordKey`), in order
 * @property {string} term the query Pagefind ranks all matches with (every word, the last a prefix)
 * @property {string} phrase `"lu doan"`: Pagefind's exact search for the words one after the other
 * @property {string} titlePhrase `"luzq doanzq"`: the same in titles only (the marked twins)
 * @property {string[]} required exact searches every result must match: each finished word (`"lu"`:
 *   `lu` does not match `luyện` once the reader has typed past it) and each quoted phrase
 * @property {boolean} exactOnly the whole query is in quotes: nothing but the phrase matches
 */

/**
 * How a query is searched (pure). Vietnamese words are syllables written apart (`lữ đoàn`): the articles
 * with the syllables side by side come first, those with them in the title before the others; then the
 * other articles with every word. A finished syllable (followed by a space or another word) matches
 * itself only; the one being typed (last, no space after it) matches as a prefix. Quoted words are
 * finished and must be side by side. Null when there is no word.
 * @param {string} q what the reader typed, untrimmed (a trailing space finishes the last word)
 * @returns {QueryPlan | null}
 */
export function planQuery(q) {
  const text = q.normalize('NFC');
  /** @type {Array<{ word: string, group: number }>} group: the quoted group, or -1 */
  const tokens = [];
  // Even parts are outside quotes, odd parts inside (an unclosed quote runs to the end).
  text.split('"').forEach((part, i) => {
    for (const token of part.split(/\s+/)) {
      const word = wordKey(token);
      if (word) tokens.push({ word, group: i % 2 === 1 ? i : -1 });
    }
  });
  if (tokens.length === 0) return null;
  const words = tokens.map((t) => t.word);
  const last = tokens[tokens.length - 1];
  const typing = last.group === -1 && !/[\s"]$/.test(text);
  const exact = (list) => `"${list.join(' ')}"`;
  /** @type {string[]} */
  const required = [];
  const groups = new Map();
  tokens.forEach((t, i) => {
    if (t.group !== -1) groups.set(t.group, [...(groups.get(t.group) ?? []), t.word]);
    else if (!(typing && i === tokens.length - 1)) required.push(exact([t.word]));
  });
  for (const group of groups.values()) required.push(exact(group));
  const trimmed = text.trim();
  return {
    words,
    term: words.join(' '),
    phrase: exact(words),
    titlePhrase: exact(words.map(titleTwin)),
    required: [...new Set(required)],
    exactOnly: groups.size === 1 && tokens.every((t) => t.group !== -1) && /^"[^"]*"?$/.test(trimmed),
  };
}

/**
 * Lazy lists of results, one after the other (pure): `take(n)` loads the next n results' data, `skip(n)`
 * passes over results already on screen.
 * @typedef {{ total: number, left(): number, take(count: number): Promise<unknown[]>, skip(count: number): Promise<void> }} ResultList
 * @param {ResultList[]} lists
 * @returns {ResultList}
 */
export function chain(lists) {
  const total = lists.reduce((n, l) => n + l.total, 0);
  let queue = Promise.resolve();
  const step = (count, each) =>
    (queue = queue.then(async () => {
      const out = [];
      for (const list of lists) {
        while (out.length < count && list.left() > 0) out.push(...(await each(list, Math.min(count - out.length, list.left()))));
      }
      return out;
    }));
  return {
    total,
    left: () => lists.reduce((n, l) => n + l.left(), 0),
    take: (count) => step(count, (list, n) => list.take(n)),
    skip: async (count) => {
      await step(count, async (list, n) => (await list.skip(n), new Array(n).fill(null)));
    },
  };
}

/**
 * A result list made only when a result of it is needed (pure): `total` is what it is expected to hold
 * (the real list's once made), so that counts are shown without the searches behind it.
 * @param {number} total
 * @param {() => Promise<ResultList>} make
 * @returns {ResultList}
 */
export function later(total, make) {
  let made = null;
  let list = null;
  const get = async () => (list = await (made ??= make()));
  return {
    total,
    left: () => (list ? list.left() : total),
    take: async (count) => (await get()).take(count),
    skip: async (count) => (await get()).skip(count),
  };
}

/** Results (Pagefind's, with `id`) whose id is in every one of `sets` and in none of `except`. */
export function keepResults(results, sets = [], except = []) {
  return results.filter((r) => sets.every((s) => s.has(r.id)) && !except.some((s) => s.has(r.id)));
}

/** `2023-03-20` → `20/3/2023`, read as a calendar date (never through a `Date`, which shifts days). */
export function formatDate(date) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!match) return STRINGS.undated;
  return `${Number(match[3])}/${Number(match[2])}/${match[1]}`;
}

/** What is searched for: NFC, trimmed, spaces collapsed. Empty means "no query". */
export function searchTerm(q) {
  return q.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** FNV-1a over UTF-16 code units from `basis`. */
function fnv1a(key, basis) {
  let hash = basis;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A pair of title words as the title index lists it (`pairKey` of src/search/titleIndex.ts). */
export function pairKey(pair) {
  return [fnv1a(pair, 0x811c9dc5), fnv1a(pair, 0x050c5d1f)].map((h) => h.toString(16).padStart(8, '0')).join('');
}

/** The bucket file of a pair in the title index (`titleBucket` of src/search/titleIndex.ts). */
export function titleBucket(pair, buckets) {
  return fnv1a(pair, 0x811c9dc5) % buckets;
}

/** `["lu", "doan", "297"]` → `lu doan`, `doan 297`: the title index's keys for a query's words. */
export function wordPairs(words) {
  return words.slice(1).map((word, i) => `${words[i]} ${word}`);
}

/**
 * The excerpt of a result listed from the title index (its fragment's text, which opens on the title,
 * with its `đ` restored: `restoreD`): its first `length` words, `words` marked where they stand side by
 * side, `<` and `>` escaped as in Pagefind's excerpts (`unfoldExcerpt` then drops the twins).
 */
export function titleExcerpt(content, words, length) {
  const tokens = content.replace(/</g, '&lt;').replace(/>/g, '&gt;').split(/\s+/).filter(Boolean);
  const shown = tokens.slice(0, length);
  const keys = shown.map((token) => wordKey(unfoldExcerpt(token)));
  const marked = new Set();
  for (let i = 0; i + words.length <= keys.length; i++) {
    if (words.every((word, j) => keys[i + j] === word)) words.forEach((_, j) => marked.add(i + j));
  }
  const text = shown.map((token, i) => (marked.has(i) ? `<mark>${token}</mark>` : token)).join(' ');
  return tokens.length > length ? `${text}…` : text;
}

/**
 * The pages the index still holds but the search must never show (`superseded` in `pagefind/shards.json`:
 * a deleted article, the version an edit replaced, kept in a shard that was not indexed again): Pagefind
 * page id → the page's filter values, its `shard` among them.
 */
export function supersededPages(manifest) {
  const pages = new Map();
  for (const shard of manifest.shards ?? []) {
    for (const { id, filters } of shard.superseded ?? []) pages.set(id, { ...filters, shard: [shard.key] });
  }
  return pages;
}

/**
 * Filter counts (`{ unit: { 'Sư đoàn 316': 12 } }`) less one for each value of each of `pages` (filter
 * values by name); a value no page has any more is dropped when `dropEmpty`.
 */
export function withoutCounts(filters, pages, dropEmpty = false) {
  if (!filters || pages.length === 0) return filters;
  const counts = Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, { ...values }]));
  for (const page of pages) {
    for (const [name, values] of Object.entries(page)) {
      for (const value of values) {
        const byValue = counts[name];
        if (!byValue || !(value in byValue)) continue;
        byValue[value] = Math.max(0, byValue[value] - 1);
        if (dropEmpty && byValue[value] === 0) delete byValue[value];
      }
    }
  }
  return counts;
}

/**
 * A Pagefind search's answer without the superseded pages (`supersededPages`): by `result.id`, which a
 * result has before its data is loaded, so a hidden page costs no fragment; each one dropped is taken
 * off the filter counts it was counted in.
 */
export function dropSuperseded(found, superseded) {
  if (!found?.results || superseded.size === 0) return found;
  const dropped = found.results.filter((r) => superseded.has(r.id));
  if (dropped.length === 0) return found;
  return {
    ...found,
    results: found.results.filter((r) => !superseded.has(r.id)),
    filters: withoutCounts(found.filters, dropped.map((r) => superseded.get(r.id))),
  };
}
