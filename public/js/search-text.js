// Pure helpers of the search page: its Vietnamese strings, the state it keeps in the URL, and the
// clean-up of Pagefind's excerpts. No DOM access here, so that tests can import it in Node.

/** Every string the search page shows, in one place. */
export const STRINGS = {
  loading: 'Đang tải chỉ mục tìm kiếm…',
  loadFailed: 'Không tải được chỉ mục tìm kiếm. Hãy tải lại trang.',
  searching: 'Đang tìm…',
  prompt: 'Nhập từ khóa, có dấu hoặc không dấu (ví dụ: su doan 316).',
  results: (count, term) => `${count} kết quả cho “${term}”`,
  filtered: (count) => `${count} bài viết phù hợp bộ lọc`,
  searchingOlder: ' trong các bài mới nhất; đang tìm trong các năm trước…',
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

/** A `đ`-word followed by the hyphen and folded twin that the indexer glued to it (src/search/fold.ts). */
const FOLDED_TWIN = /([\p{L}\p{M}]*[đĐ][\p{L}\p{M}]*)-([\p{L}]+)/gu;

/** `Sư <mark>đoàn-doan</mark> 316` → `Sư <mark>đoàn</mark> 316`: excerpts show the real text. */
export function unfoldExcerpt(excerpt) {
  return excerpt.replace(FOLDED_TWIN, (whole, word, twin) => (foldDiacritics(word) === twin ? word : whole));
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
