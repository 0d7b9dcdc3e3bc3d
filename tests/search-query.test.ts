/**
 * How the search page reads a query as Vietnamese words (`planQuery`), the title twins the indexer adds
 * for it (`markTitleWords`, `foldPage`) and the excerpts that must not show them, and the lazy result
 * lists the page ranks with. Browser module imported as it is served.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { foldPage, markTitleWords, TITLE_MARK, titleTwin } from '../src/search/fold.ts';
import { pairKey, titleBucket, titlePairs, titleWords } from '../src/search/titleIndex.ts';

interface QueryPlan {
  words: string[];
  term: string;
  phrase: string;
  titlePhrase: string;
  required: string[];
  exactOnly: boolean;
}
interface ResultList {
  total: number;
  left(): number;
  take(count: number): Promise<unknown[]>;
  skip(count: number): Promise<void>;
}
interface SearchText {
  TITLE_MARK: string;
  titleTwin(word: string): string;
  wordKey(token: string): string;
  textWords(text: string): string[];
  containsPhrase(text: string, words: string[]): boolean;
  unfoldExcerpt(excerpt: string): string;
  restoreD(text: string, bits: string | undefined): string;
  planQuery(q: string): QueryPlan | null;
  chain(lists: ResultList[]): ResultList;
  later(total: number, make: () => Promise<ResultList>): ResultList;
  titleBucket(key: string, buckets: number): number;
  pairKey(pair: string): string;
  wordPairs(words: string[]): string[];
  titleExcerpt(content: string, words: string[], length: number): string;
  keepResults<T extends { id: string }>(results: T[], sets?: Array<Set<string>>, except?: Array<Set<string>>): T[];
}
const searchText = (await import('../public/js/search-text.js' as string)) as SearchText;

describe('planQuery: syllables side by side first, finished syllables match themselves', () => {
  test('the last syllable, being typed, is a prefix; the finished ones are exact', () => {
    assert.deepEqual(searchText.planQuery('lu doan'), {
      words: ['lu', 'doan'],
      term: 'lu doan',
      phrase: '"lu doan"',
      titlePhrase: '"luzq doanzq"',
      required: ['"lu"'],
      exactOnly: false,
    });
  });
  test('a space after the last syllable finishes it', () => {
    assert.deepEqual(searchText.planQuery('lu doan ')?.required, ['"lu"', '"doan"']);
  });
  test('diacritics, đ, capitals and punctuation fold as the index folds them', () => {
    const plan = searchText.planQuery('  Lữ  ĐOÀN, 297 ');
    assert.deepEqual(plan?.words, ['lu', 'doan', '297']);
    assert.equal(plan?.titlePhrase, '"luzq doanzq jcjjjhzq"');
    assert.equal(searchText.planQuery('Đoàn KT-QP 345')?.phrase, '"doan ktqp 345"');
    // Both tone-mark placements are one word.
    assert.deepEqual(searchText.planQuery('Quảng Hoà')?.words, searchText.planQuery('quang hòa')?.words);
  });
  test('a quoted query is a phrase and nothing else', () => {
    const plan = searchText.planQuery('"vuot song"');
    assert.equal(plan?.exactOnly, true);
    assert.deepEqual(plan?.required, ['"vuot song"']);
  });
  test('a quoted phrase among other words must be side by side; the words outside are searched as words', () => {
    const plan = searchText.planQuery('"su doan" 316 ra');
    assert.equal(plan?.exactOnly, false);
    assert.deepEqual(plan?.required, ['"316"', '"su doan"']);
    assert.equal(plan?.phrase, '"su doan 316 ra"');
    // An unclosed quote (still being typed) is a phrase too, its last word finished by nothing.
    assert.deepEqual(searchText.planQuery('dong bao "bien gio')?.required, ['"dong"', '"bao"', '"bien gio"']);
  });
  test('no word: no plan', () => {
    assert.equal(searchText.planQuery('  – " " '), null);
  });
});

describe('phrases in text, folded', () => {
  const text = 'Quân khu 2 – Lữ đoàn, 297 huấn luyện; lực lượng';
  test('side by side, across punctuation, folded', () => {
    assert.ok(searchText.containsPhrase(text, ['lu', 'doan', '297']));
    assert.ok(searchText.containsPhrase(text, ['khu', '2', 'lu']));
  });
  test('a finished syllable is not the start of a longer one, nor apart', () => {
    assert.ok(!searchText.containsPhrase(text, ['lu', 'luyen']));
    assert.ok(!searchText.containsPhrase(text, ['luc', 'luong', 'x']));
    assert.ok(!searchText.containsPhrase(text, ['huan', 'luy']));
    assert.ok(!searchText.containsPhrase(text, []));
  });
});

describe('title twins: the index marks the title words, the page searches and hides them', () => {
  test('each title word gets its marked twin, before closing punctuation', () => {
    assert.equal(markTitleWords('Lữ đoàn 297: “Tết Quân – Dân”'), 'Lữ-luzq đoàn-doanzq 297-jcjjjhzq: “Tết-tetzq Quân-quanzq – Dân-danzq”');
    assert.equal(markTitleWords('KT-QP 1.500'), 'KT-QP-ktqpzq 1.500-jbjfjajazq');
  });
  test('only the h1 is marked; every đ is d in text, never in attributes; the bits go into the article', () => {
    const html = '<article><h1>Sư đoàn &lt;316&gt; &amp; “đua”</h1>\n<p>Sư Đoàn 316</p><span data-value="Sư đoàn"></span></article>';
    assert.equal(
      foldPage(html),
      '<article><h1>Sư-suzq doàn-doanzq &lt;316-jdjbjgzq&gt; &amp; “dua-duazq”</h1>\n<p>Sư Doàn 316</p><span data-value="Sư đoàn"></span>' +
        // The d's in order, of doàn doanzq jdjbjgzq dua duazq Doàn: 1 0 0 1 0 1, lowest first = 41 = `p`.
        '<span data-pagefind-meta="dbits[data-value]" data-value="p"></span></article>',
    );
    // No đ: no field.
    assert.equal(foldPage('<article><h1>Dân quân</h1></article>'), '<article><h1>Dân-danzq quân-quanzq</h1></article>');
  });
  test('the page and the indexer agree on the twins', () => {
    assert.equal(searchText.TITLE_MARK, TITLE_MARK);
    for (const word of ['lu', '297', 'x30', 'ktqp', '2025']) assert.equal(searchText.titleTwin(word), titleTwin(word));
    assert.doesNotMatch(titleTwin('k52'), /\d/);
  });
  test('excerpts show the real text', () => {
    for (const title of ['Lữ đoàn 297 ra quân huấn luyện năm 2018', 'Đoàn KT-QP 345 – “cánh tay nối dài”', 'Đội K52, Đồn X.30']) {
      const page = foldPage(`<article><h1>${title}</h1></article>`);
      const folded = /<h1>(.*)<\/h1>/.exec(page)![1]!;
      const bits = /data-value="([^"]*)"/.exec(page)![1]!;
      assert.notEqual(folded, title);
      assert.equal(searchText.unfoldExcerpt(searchText.restoreD(folded, bits)), title);
    }
    assert.equal(searchText.unfoldExcerpt('<mark>Lữ-luzq</mark> <mark>đoàn-doanzq</mark> 297'), '<mark>Lữ</mark> <mark>đoàn</mark> 297');
    // Hyphenated words that are not twins stay.
    assert.equal(searchText.unfoldExcerpt('Đoàn-kết, 11-6, KT-QP, lu-zq, đoàn-doan'), 'Đoàn-kết, 11-6, KT-QP, lu-zq, đoàn-doan');
  });
});

describe('ranked result lists', () => {
  const list = (name: string, n: number): ResultList & { loaded: string[] } => {
    const loaded: string[] = [];
    let next = 0;
    return {
      loaded,
      total: n,
      left: () => n - next,
      take: async (count) => {
        const out = Array.from({ length: Math.min(count, n - next) }, (_, i) => `${name}${next + i}`);
        next += out.length;
        loaded.push(...out);
        return out;
      },
      skip: async (count) => void (next += count),
    };
  };
  test('chain: one list after the other; skipping loads nothing', async () => {
    const [a, b, c] = [list('a', 3), list('b', 0), list('c', 4)];
    const all = searchText.chain([a, b, c]);
    assert.equal(all.total, 7);
    await all.skip(2);
    assert.deepEqual(await all.take(3), ['a2', 'c0', 'c1']);
    assert.deepEqual(a.loaded, ['a2']);
    assert.equal(all.left(), 2);
    assert.deepEqual(await all.take(10), ['c2', 'c3']);
    assert.deepEqual(await all.take(10), []);
  });
  test('keepResults: in every set, in none of the others, order kept', () => {
    const results = ['p', 'q', 'r', 's'].map((id) => ({ id }));
    const kept = searchText.keepResults(results, [new Set(['p', 'r', 's']), new Set(['r', 's', 'p'])], [new Set(['s'])]);
    assert.deepEqual(kept.map((r) => r.id), ['p', 'r']);
  });
  test('later: counted at once, made on the first take or skip, then the real list\'s', async () => {
    let made = 0;
    const lazy = searchText.later(5, async () => (made++, list('x', 4)));
    const all = searchText.chain([list('a', 2), lazy]);
    assert.equal(all.total, 7);
    assert.deepEqual(await all.take(2), ['a0', 'a1']);
    assert.equal(made, 0, 'not made while its results are not needed');
    assert.deepEqual(await all.take(10), ['x0', 'x1', 'x2', 'x3'], 'the real list ends it, whatever was expected');
    assert.equal(all.left(), 0);
    assert.equal(made, 1);
  });
});

describe('title index: the page and the indexer read titles alike', () => {
  test('pairs of folded title words, as the page reads a query', () => {
    assert.deepEqual(titleWords('Lữ đoàn 297: “Đoàn kết” – KT-QP'), ['lu', 'doan', '297', 'doan', 'ket', 'ktqp']);
    assert.deepEqual(titlePairs('Sư đoàn 316 và Sư đoàn 316'), ['su doan', 'doan 316', '316 va', 'va su']);
    const plan = searchText.planQuery('Sư đoàn 316')!;
    assert.deepEqual(searchText.wordPairs(plan.words), ['su doan', 'doan 316']);
    assert.deepEqual(searchText.wordPairs(['lu']), []);
  });
  test('the page finds the bucket the indexer wrote', () => {
    for (const key of ['su doan', 'doan 316', 'lung cu', 'ktqp 2024', 'tây bắc']) {
      for (const buckets of [16, 64, 4096]) assert.equal(searchText.titleBucket(key, buckets), titleBucket(key, buckets), key);
      assert.equal(searchText.pairKey(key), pairKey(key), key);
      assert.match(pairKey(key), /^[0-9a-f]{16}$/, 'hex: no dump text in the files');
      assert.equal(Number.parseInt(pairKey(key).slice(0, 8), 16) % 64, titleBucket(key, 64), 'the bucket is the first hash');
    }
    assert.notEqual(pairKey('su doan'), pairKey('doan su'));
    const spread = new Set(['a b', 'a c', 'b c', 'su doan', 'lu doan', 'quan khu'].map((k) => titleBucket(k, 16)));
    assert.ok(spread.size >= 3, 'keys spread over buckets');
  });
  test('titleExcerpt: the opening words, the phrase marked, twins left for unfoldExcerpt, markup escaped', () => {
    const content = 'Sư-suzq đoàn-doanzq 316-jdjbjgzq <diễn> tập. Bài: Sư đoàn 316 huấn luyện';
    const excerpt = searchText.titleExcerpt(content, ['su', 'doan'], 6);
    assert.equal(excerpt, '<mark>Sư-suzq</mark> <mark>đoàn-doanzq</mark> 316-jdjbjgzq &lt;diễn&gt; tập. Bài:…');
    assert.equal(searchText.unfoldExcerpt(excerpt), '<mark>Sư</mark> <mark>đoàn</mark> 316 &lt;diễn&gt; tập. Bài:…');
    assert.equal(searchText.titleExcerpt('Lữ-luzq đoàn-doanzq', ['su', 'doan'], 28), 'Lữ-luzq đoàn-doanzq');
  });
});
