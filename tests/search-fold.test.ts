import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { D_BITS_ALPHABET, D_BITS_FIELD, foldD, packBits } from '../src/search/fold.ts';
import { ADDED_SHARD, compareShardKeys, MAX_SHARD_PAGES, planShards, UNDATED_SHARD, updateShards, type Shard } from '../src/search/shards.ts';
import { textOf } from './support/html.ts';

interface SearchText {
  D_BITS_ALPHABET: string;
  D_BITS_FIELD: string;
  restoreD(text: string, bits: string | undefined): string;
  restoreExcerpt(excerpt: string, content: string, bits: string | undefined): string;
  realExcerpt(data: { excerpt: string; raw_content?: string; meta: Record<string, string> }): string;
  unfoldExcerpt(excerpt: string): string;
  readState(search: string): { q: string; filters: Record<string, string>; sort: string };
  writeState(state: { q: string; filters: Record<string, string>; sort: string }): string;
  formatDate(date: string | undefined): string;
  foldDiacritics(text: string): string;
}
// The browser module, imported as it is served.
const searchText = (await import('../public/js/search-text.js' as string)) as SearchText;

describe('foldD: d for every đ in text, the bits say which', () => {
  const cases: Array<[string, string]> = [
    ['Sư đoàn 316', 'Sư doàn 316'],
    ['Đồn Biên phòng, đường đèo; dân quân', 'Dồn Biên phòng, dường dèo; dân quân'],
    // No đ: untouched, tone marks included (Pagefind folds those itself).
    ['Hòa Bình hoà bình', 'Hòa Bình hoà bình'],
    ['', ''],
  ];
  for (const [input, expected] of cases) {
    test(JSON.stringify(input), () => {
      const folded = foldD(input);
      assert.equal(folded.html, expected);
      assert.equal(searchText.restoreD(folded.html, folded.bits), input);
    });
  }
  test('attributes, comments, scripts and styles are left alone and not counted', () => {
    const html =
      '<p title="Sư đoàn">Sư đoàn</p><script>const đ = d;</script><style>.đ{}</style>' +
      '<span data-value="Đơn vị"></span><!-- đoàn d --><p>dân &amp; Đảng</p>';
    const folded = foldD(html);
    assert.equal(
      folded.html,
      '<p title="Sư đoàn">Sư doàn</p><script>const đ = d;</script><style>.đ{}</style>' +
        '<span data-value="Đơn vị"></span><!-- đoàn d --><p>dân &amp; Dảng</p>',
    );
    // doàn dân Dảng: 1 0 1.
    assert.equal(folded.bits, D_BITS_ALPHABET[0b101]);
    assert.equal(searchText.restoreD(textOf(folded.html), folded.bits), textOf(html));
  });
  test('an entity is one character, never a d: `&amp;dagger;` is `&dagger;` in the text', () => {
    const html = '<p>&amp;dagger; đi &lt;d&gt; Đ</p>';
    const folded = foldD(html);
    assert.equal(searchText.restoreD(textOf(folded.html), folded.bits), textOf(html));
  });
  test('bits: six a character, lowest first, none after the last đ', () => {
    assert.equal(packBits([]), '');
    assert.equal(packBits([0]), 'B');
    assert.equal(packBits([5, 6]), `${D_BITS_ALPHABET[32]}B`);
    assert.equal(packBits([13]), `AA${D_BITS_ALPHABET[2]}`);
    assert.equal(D_BITS_ALPHABET.length, 64);
    assert.equal(searchText.D_BITS_ALPHABET, D_BITS_ALPHABET);
    assert.equal(searchText.D_BITS_FIELD, D_BITS_FIELD);
  });
  test('round trip on random text: every d, D, đ and Đ comes back as it was', () => {
    const letters = ['d', 'D', 'đ', 'Đ', 'a', 'ơ', ' ', '&amp;', '&lt;', '\n'];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % letters.length;
    for (let run = 0; run < 200; run++) {
      const html = `<p>${Array.from({ length: 5 + (run % 90) }, () => letters[next()]).join('')}</p>`;
      const folded = foldD(html);
      assert.doesNotMatch(folded.html, /[đĐ]/);
      assert.equal(searchText.restoreD(textOf(folded.html), folded.bits), textOf(html), html);
    }
  });
});

describe("restoreExcerpt: Pagefind's excerpt of the folded text, its đ back", () => {
  const page = '<p>Sáng 6/2, Sư đoàn 316 tổ chức lễ ra quân. Đồng chí Đỗ Văn Dũng dự; &lt;đơn vị&gt; đông đủ.</p>';
  const { html, bits } = foldD(page);
  // Pagefind's raw_content: the text, whitespace as in the page, `<` and `>` escaped.
  const rawContent = textOf(html).replace(/ /g, '  ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  test('from the middle, marks kept, escapes kept', () => {
    const excerpt = 'Sư <mark>doàn</mark> 316 tổ chức lễ ra quân. Dồng chí Dỗ Văn <mark>Dũng</mark> dự; &lt;dơn vị&gt;';
    assert.equal(
      searchText.restoreExcerpt(excerpt, rawContent, bits),
      'Sư <mark>đoàn</mark> 316 tổ chức lễ ra quân. Đồng chí Đỗ Văn <mark>Dũng</mark> dự; &lt;đơn vị&gt;',
    );
  });
  test('a later occurrence of the same word gets its own bit', () => {
    assert.equal(searchText.restoreExcerpt('dự; &lt;dơn vị&gt; <mark>dông</mark> dủ.', rawContent, bits), 'dự; &lt;đơn vị&gt; <mark>đông</mark> đủ.');
  });
  test('no bits, or an excerpt not cut from this text: unchanged', () => {
    assert.equal(searchText.restoreExcerpt('Sư doàn', rawContent, undefined), 'Sư doàn');
    assert.equal(searchText.restoreExcerpt('… Sư doàn', rawContent, bits), '… Sư doàn');
  });
  test('realExcerpt: Pagefind results restored, title-index results as they are', () => {
    const data = { excerpt: 'Sư <mark>doàn</mark> 316', raw_content: rawContent, meta: { [D_BITS_FIELD]: bits } };
    assert.equal(searchText.realExcerpt(data), 'Sư <mark>đoàn</mark> 316');
    assert.equal(searchText.realExcerpt({ excerpt: 'Sư đoàn', meta: {} }), 'Sư đoàn');
  });
});

describe('unfoldExcerpt drops the title twins', () => {
  test('marks stay around the real word', () => {
    assert.equal(searchText.unfoldExcerpt('Sư-suzq <mark>đoàn-doanzq</mark> 316'), 'Sư <mark>đoàn</mark> 316');
  });
  test('a real hyphenated word that is not a twin is kept', () => {
    assert.equal(searchText.unfoldExcerpt('Đoàn-kết đi-về'), 'Đoàn-kết đi-về');
  });
  test('the browser fold agrees with the indexer fold (đ included)', () => {
    assert.equal(searchText.foldDiacritics('Đường Đồng Đăng'), 'Duong Dong Dang');
  });
});

describe('search state in the URL', () => {
  test('round trip with every parameter', () => {
    const state = { q: 'sư đoàn 316', filters: { unit: 'Sư đoàn 316', year: '2023', author: 'LÊ QUANG KHẢI' }, sort: 'moi-nhat' };
    const search = searchText.writeState(state);
    assert.equal(
      search,
      '?q=s%C6%B0+%C4%91o%C3%A0n+316&don-vi=S%C6%B0+%C4%91o%C3%A0n+316&nam=2023&tac-gia=L%C3%8A+QUANG+KH%E1%BA%A2I&sap-xep=moi-nhat',
    );
    assert.deepEqual(searchText.readState(search), state);
  });
  test('an unknown sort falls back to relevance; empty state is an empty query string', () => {
    assert.deepEqual(searchText.readState('?q=a&sap-xep=ngau-nhien'), { q: 'a', filters: {}, sort: '' });
    assert.equal(searchText.writeState({ q: '  ', filters: {}, sort: '' }), '');
  });
  test('a query typed in NFD arrives as NFC', () => {
    assert.equal(searchText.readState(`?q=${encodeURIComponent('đoàn'.normalize('NFD'))}`).q, 'đoàn');
  });
  test('dates are calendar dates, undated said in words', () => {
    assert.equal(searchText.formatDate('2023-03-20'), '20/3/2023');
    assert.equal(searchText.formatDate(undefined), 'Không rõ ngày');
  });
});

describe('planShards', () => {
  const page = (url: string) => ({ url, file: `/site${url}index.html` });
  const archive = [
    page('/2016/02/18/a/'),
    page('/khong-ro-ngay/b/'),
    page('/2023/02/06/c/'),
    page('/2016/07/26/d/'),
    page('/2017/01/01/e/'),
  ];
  test('small years are packed into runs of consecutive years', () => {
    assert.deepEqual(
      planShards(archive, 3).map((s) => [s.key, s.pages.map((p) => p.url)]),
      [
        ['2017-2023', ['/2017/01/01/e/', '/2023/02/06/c/']],
        ['2016', ['/2016/02/18/a/', '/2016/07/26/d/']],
        [UNDATED_SHARD, ['/khong-ro-ngay/b/']],
      ],
    );
  });
  test('one shard per year when years are large, newest first, undated articles last', () => {
    const shards = planShards(archive.filter((p) => !p.url.startsWith('/2017/')), 2);
    assert.deepEqual(
      shards.map((s) => [s.key, s.pages.map((p) => p.url)]),
      [
        ['2023', ['/2023/02/06/c/']],
        ['2016', ['/2016/02/18/a/', '/2016/07/26/d/']],
        [UNDATED_SHARD, ['/khong-ro-ngay/b/']],
      ],
    );
  });
  test('the newest run is packed to a smaller cap: it answers the first query alone', () => {
    const years = ['2025', '2024', '2024', '2023', '2023', '2022', '2021'].map((y, i) => page(`/${y}/05/01/p${i}/`));
    assert.deepEqual(
      planShards(years, 4, 3).map((s) => [s.key, s.pages.length]),
      [
        ['2024-2025', 3],
        ['2021-2023', 4],
      ],
    );
    // A newest month above the smaller cap stays whole: months are the finest cut.
    assert.deepEqual(
      planShards(years.slice(1), 4, 1).map((s) => [s.key, s.pages.length]),
      [
        ['2024-05-05', 2],
        ['2021-2023', 4],
      ],
    );
  });
  test('a newest year above the smaller cap gives its newest months a shard of their own', () => {
    const pages = ['01', '02', '07', '11', '11'].map((m, i) => page(`/2024/${m}/01/p${i}/`));
    const older = page('/2023/03/01/q/');
    assert.deepEqual(
      planShards([...pages, older], 10, 2).map((s) => [s.key, s.pages.length]),
      [
        ['2024-11-11', 2],
        ['2024-01-07', 3],
        ['2023', 1],
      ],
    );
  });
  test('a year above the cap is cut into whole-month runs, still newest first', () => {
    const pages = ['01', '02', '02', '07', '11'].map((m, i) => page(`/2024/${m}/01/p${i}/`));
    const shards = planShards(pages, 2);
    assert.deepEqual(
      shards.map((s) => [s.key, s.pages.length]),
      [
        ['2024-07-11', 2],
        ['2024-02-02', 2],
        ['2024-01-01', 1],
      ],
    );
  });
  test('100,000 articles over ten years: shards of at most 5,000 pages, years cut at months', () => {
    const pages = Array.from({ length: 100_000 }, (_, i) => {
      const month = String((i % 12) + 1).padStart(2, '0');
      return page(`/${2015 + (i % 10)}/${month}/01/p${i}/`);
    });
    const shards = planShards(pages);
    assert.ok(shards.every((s) => s.pages.length <= MAX_SHARD_PAGES));
    assert.equal(shards.reduce((n, s) => n + s.pages.length, 0), 100_000);
    // Months of ~834 pages: runs of five, 2-3 shards a year.
    assert.ok(shards.length >= 20 && shards.length <= 30, `${shards.length} shards`);
    assert.match(shards[0]!.key, /^2024-\d\d-12$/);
  });

  test('key order', () => {
    assert.deepEqual(
      [ADDED_SHARD, '2016', UNDATED_SHARD, '2024-07-12', '2024-01-06', '2025'].sort(compareShardKeys),
      ['2025', '2024-07-12', '2024-01-06', '2016', UNDATED_SHARD, ADDED_SHARD],
    );
  });
});

describe('updateShards: a rebuild keeps every article in its shard', () => {
  const page = (url: string) => ({ url, file: `${url.slice(1, -1)}.md` });
  const pages = [
    ...['2016/02/18/a', '2016/07/26/b', '2017/01/01/c', '2018/03/03/d', '2023/02/06/e', '2024/05/01/f', '2024/06/01/g'].map((u) => page(`/${u}/`)),
    page('/khong-ro-ngay/h/'),
  ];
  const membership = (shards: Shard[]) => shards.map((s) => ({ key: s.key, urls: s.pages.map((p) => p.url) }));
  const keys = (shards: Shard[]) => shards.map((s) => [s.key, s.pages.map((p) => p.url.split('/').at(-2))]);
  const before = planShards(pages, 3, 2);

  test('the shards it starts from', () => {
    assert.deepEqual(keys(before), [
      ['2024', ['f', 'g']],
      ['2017-2023', ['c', 'd', 'e']],
      ['2016', ['a', 'b']],
      [UNDATED_SHARD, ['h']],
    ]);
  });

  test('nothing changed: the same shards', () => {
    assert.deepEqual(updateShards(pages, membership(before), { max: 3, newestMax: 2 }), before);
  });

  test('new articles, whatever their date, go to the added shard: the only one indexed again', () => {
    const added = [page('/2017/06/01/old/'), page('/2024/05/15/new/'), page('/2025/01/01/newer/'), page('/khong-ro-ngay/x/')];
    const shards = updateShards([...pages, ...added], membership(before), { max: 3, newestMax: 2 });
    assert.deepEqual(keys(shards), [...keys(before), [ADDED_SHARD, ['old', 'new', 'newer', 'x']]]);
  });

  test('an added shard that would outgrow its cap goes to the shards of its dates', () => {
    const added = [page('/2017/06/01/old/'), page('/2024/05/15/new/'), page('/2025/01/01/newer/'), page('/khong-ro-ngay/x/')];
    const shards = updateShards([...pages, ...added], membership(before), { max: 3, newestMax: 2, maxAdded: 3 });
    assert.deepEqual(keys(shards), [
      // The newest shard and what joined it, planned anew: packed by date again.
      ['2025', ['newer']],
      ['2024', ['f', 'new', 'g']],
      ['2017-2023', ['c', 'old', 'd', 'e']],
      ['2016', ['a', 'b']],
      [UNDATED_SHARD, ['h', 'x']],
    ]);
  });

  test('deleted articles leave their shard; an emptied shard is gone', () => {
    const left = pages.filter((p) => !/\/(b|c|d|e)\/$/.test(p.url));
    assert.deepEqual(keys(updateShards(left, membership(before), { max: 3, newestMax: 2 })), [
      ['2024', ['f', 'g']],
      ['2016', ['a']],
      [UNDATED_SHARD, ['h']],
    ]);
  });

  test('planned anew when an added article outgrowing the cap falls in no shard, or with no previous plan', () => {
    const added = [page('/2010/06/01/x/'), page('/2018/06/01/y/')];
    assert.deepEqual(updateShards([...pages, ...added], membership(before), { max: 3, newestMax: 2, maxAdded: 1 }), planShards([...pages, ...added], 3, 2));
    assert.deepEqual(updateShards(pages, null, { max: 3, newestMax: 2 }), before);
  });

  test('an estimated article is placed by its estimated date; when its estimate changes, it moves', () => {
    const estimated = (date?: string) => ({ ...page('/khong-ro-ngay/est/'), ...(date ? { date } : {}) });
    const planned = planShards([...pages, estimated('2017-05-05')], 3, 2);
    assert.deepEqual(keys(planned), [
      ['2024', ['f', 'g']],
      ['2018-2023', ['d', 'e']],
      ['2017', ['c', 'est']],
      ['2016', ['a', 'b']],
      [UNDATED_SHARD, ['h']],
    ]);
    const kept = membership(planned);
    // Unchanged: it stays.
    assert.deepEqual(updateShards([...pages, estimated('2017-05-05')], kept, { max: 3, newestMax: 2 }), planned);
    // Estimated anew into 2016: out of its shard, into the added one (merged by date in the browser).
    const older = updateShards([...pages, estimated('2016-01-01')], kept, { max: 3, newestMax: 2 });
    assert.deepEqual(keys(older).at(-1), [ADDED_SHARD, ['est']]);
    // Its estimate dropped: out of its shard, into the added one too (as every changed article).
    const dropped = updateShards([...pages, estimated()], kept, { max: 3, newestMax: 2 });
    assert.deepEqual(keys(dropped).find(([key]) => key === UNDATED_SHARD), [UNDATED_SHARD, ['h']]);
    assert.deepEqual(keys(dropped).at(-1), [ADDED_SHARD, ['est']]);
  });

  test('kept across rebuilds: the added shard grows, the others stay', () => {
    const first = updateShards([...pages, page('/2017/06/01/x/')], membership(before), { max: 3, newestMax: 2 });
    const second = updateShards([...pages, page('/2017/06/01/x/'), page('/2016/09/09/y/')], membership(first), { max: 3, newestMax: 2 });
    assert.deepEqual(keys(second).at(-1), [ADDED_SHARD, ['y', 'x']]);
    assert.deepEqual(second.slice(0, -1), before);
  });
});
