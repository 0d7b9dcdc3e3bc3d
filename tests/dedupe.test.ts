import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containment, mergeDuplicates, shingles, titleKey, type Copy } from '../src/ingest/dedupe.ts';
import type { Article } from '../src/schema.ts';

const PARAGRAPHS = [
  'QK2 - Những ngày cuối năm, cán bộ, chiến sĩ Bộ CHQS tỉnh Lào Cai phối hợp với Đồn Biên phòng Bản Vược tổ chức tuần tra song phương trên tuyến biên giới.',
  'Qua tuần tra, hai bên đã nắm chắc tình hình, kịp thời phát hiện và xử lý các vụ việc, góp phần giữ vững chủ quyền lãnh thổ, an ninh biên giới quốc gia.',
  'Dịp này, đoàn công tác còn thăm hỏi, tặng quà các hộ gia đình chính sách trên địa bàn xã Bản Vược, huyện Bát Xát.',
];

function article(source: string, changes: Partial<Article> = {}): Article {
  return {
    title: 'Tuần tra song phương trên tuyến biên giới Lào Cai',
    titleDerived: false,
    date: '2021-12-28',
    estimatedDate: null,
    estimatedFrom: null,
    crawledAt: '2024-07-19T12:54:42+07:00',
    series: null,
    dateline: 'QK2',
    summary: PARAGRAPHS[0]!,
    byline: 'Văn Hùng',
    authors: ['Văn Hùng'],
    units: ['Bộ CHQS tỉnh Lào Cai'],
    captions: [],
    body: PARAGRAPHS.map((text) => ({ kind: 'paragraph' as const, text })),
    truncated: false,
    source,
    ...changes,
  };
}

const copy = (a: Article): Copy => ({ article: a, warnings: [] });

test('dedupe: a mirror copy with a title prefix, another crawl time and other spacing is merged', () => {
  const original = article('qk2/tuan-tra.txt');
  const mirror = article('mirrors/tuan-tra.txt', {
    title: 'Quân khu 2 – Tuần tra song phương trên  tuyến biên giới Lào Cai',
    crawledAt: '2024-09-01T07:00:00+07:00',
    body: PARAGRAPHS.map((text) => ({ kind: 'paragraph' as const, text: text.replace(/ /g, '  ') })),
  });
  const merged = mergeDuplicates([copy(mirror), copy(original)]);
  assert.equal(merged.length, 1);
  assert.equal(merged[0]!.duplicates.length, 1);
  assert.match(merged[0]!.duplicates[0]!.reason, /^duplicate of /);
  assert.match(merged[0]!.duplicates[0]!.reason, /a mirror's title prefix/);
  assert.match(merged[0]!.duplicates[0]!.reason, /another crawl time/);
});

test('dedupe: the most complete copy is kept: a cut-off copy merges into the whole one', () => {
  const whole = article('b.txt');
  const cut = article('a.txt', { truncated: true, byline: null, authors: [], body: [{ kind: 'paragraph', text: PARAGRAPHS[0]! }] });
  for (const order of [
    [cut, whole],
    [whole, cut],
  ]) {
    const [only] = mergeDuplicates(order.map(copy));
    assert.equal(only!.kept.article.source, 'b.txt');
    assert.deepEqual(
      only!.duplicates.map((d) => d.copy.article.source),
      ['a.txt'],
    );
    assert.match(only!.duplicates[0]!.reason, /cut off/);
  }
});

test('dedupe: two different articles with the same title and date both stay', () => {
  const first = article('a.txt');
  const second = article('b.txt', {
    body: [
      { kind: 'paragraph', text: 'QK2 - Sáng nay, lực lượng vũ trang huyện Mường Khương ra quân huấn luyện năm mới với nhiều nội dung sát thực tế chiến đấu.' },
      { kind: 'paragraph', text: 'Buổi lễ có sự tham dự của lãnh đạo huyện ủy, ủy ban nhân dân huyện và đông đảo nhân dân địa phương.' },
    ],
  });
  const merged = mergeDuplicates([copy(first), copy(second)]);
  assert.equal(merged.length, 2);
  assert.notEqual(merged[0]!.identity, merged[1]!.identity);
});

test('dedupe: two articles of one title and date that open on the same words get two identities (one URL each)', () => {
  // The same 45-word notice opens both; what follows is each unit's own.
  const opening =
    'QK2 - Thực hiện kế hoạch của Bộ Tư lệnh Quân khu về công tác dân vận năm nay, các đơn vị trong lực lượng vũ trang tỉnh đã tổ chức nhiều đợt giúp nhân dân vùng cao xây dựng nông thôn mới, sửa chữa nhà ở, làm đường giao thông nông thôn và chăm lo đời sống đồng bào các dân tộc nơi biên giới.';
  const own = (rest: string[]): Article['body'] => [opening, ...rest].map((text) => ({ kind: 'paragraph' as const, text }));
  const pastures = [
    'Tại bản Pha Long, tổ công tác của Đồn Biên phòng dựng lại ba ngôi nhà bị lũ cuốn trôi trong đêm.',
    'Cán bộ quân y khám bệnh, cấp thuốc miễn phí cho hơn hai trăm lượt người dân, chủ yếu là người cao tuổi.',
    'Đồn còn tặng hai mươi con bò giống cho các hộ nghèo, giúp bà con có sinh kế lâu dài sau mùa mưa bão.',
  ];
  const roads = [
    'Ở huyện Mường Khương, dân quân xã mở mới bốn cây số đường bê tông nối trung tâm xã với các thôn vùng sâu.',
    'Ban CHQS huyện phối hợp với nhà trường sửa lại phòng học, làm bếp ăn bán trú cho học sinh dân tộc Mông.',
    'Phong trào được cấp ủy, chính quyền đánh giá cao, tạo sức lan tỏa trong toàn huyện suốt mùa khô vừa qua.',
  ];
  const first = article('a.txt', { date: null, body: own(pastures) });
  const second = article('mirror/b.txt', { date: null, title: `Quân khu 2 – ${first.title}`, body: own(roads) });
  for (const order of [
    [first, second],
    [second, first],
  ]) {
    const merged = mergeDuplicates(order.map(copy));
    assert.equal(merged.length, 2, 'two articles');
    assert.notEqual(merged[0]!.identity, merged[1]!.identity);
    assert.deepEqual(new Set(merged.map((m) => m.identity)), new Set(mergeDuplicates([first, second].map(copy)).map((m) => m.identity)), 'whatever the input order');
  }
});

test('dedupe: the same text under two different publication dates is two articles', () => {
  const merged = mergeDuplicates([copy(article('a.txt')), copy(article('b.txt', { date: '2022-12-28' }))]);
  assert.equal(merged.length, 2);
});

test('dedupe: a copy without a date merges into the dated copy', () => {
  const [only, ...rest] = mergeDuplicates([copy(article('a.txt', { date: null })), copy(article('b.txt'))]);
  assert.equal(rest.length, 0);
  assert.equal(only!.kept.article.source, 'b.txt');
  assert.deepEqual(only!.aliases.length, 1);
});

test('dedupe: identical copies: the tie is broken by file name, not by input order', () => {
  const x = mergeDuplicates([copy(article('b.txt')), copy(article('a.txt'))]);
  const y = mergeDuplicates([copy(article('a.txt')), copy(article('b.txt'))]);
  assert.equal(x[0]!.kept.article.source, 'a.txt');
  assert.equal(y[0]!.kept.article.source, 'a.txt');
  assert.equal(x[0]!.identity, y[0]!.identity);
});

const titleKeys: Array<[string, string]> = [
  ['Quân khu 2 – Tuần tra biên giới', 'tuan tra bien gioi'],
  ['QK2 - Tuần tra biên giới', 'tuan tra bien gioi'],
  ['Tuần  tra   biên giới ', 'tuan tra bien gioi'],
  ['Ủy ban hoà giải', 'uy ban hoa giai'],
  ['Đồn Biên phòng', 'don bien phong'],
];
for (const [title, key] of titleKeys) {
  test(`dedupe: title key of ${JSON.stringify(title)}`, () => assert.equal(titleKey(title), key));
}

/** The share of 4-grams as the strings of the folded words give it: what `containment` of the hashes must equal. */
function stringContainment(a: Article, b: Article): number {
  const grams = (x: Article): Set<string> => {
    const ws = x.body
      .filter((block) => block.kind === 'paragraph')
      .flatMap((block) => block.text.trim().split(/\s+/))
      .map((token) => titleKey(token).replace(/[^\p{L}\p{N} ]+/gu, ''))
      .filter((word) => word !== '');
    const out = new Set<string>();
    for (let i = 0; i + 4 <= ws.length; i++) out.add(ws.slice(i, i + 4).join(' '));
    if (out.size === 0 && ws.length > 0) out.add(ws.join(' '));
    return out;
  };
  const [x, y] = [grams(a), grams(b)];
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return large.size === 0 ? 1 : 0;
  return [...small].filter((g) => large.has(g)).length / small.size;
}

test('dedupe: the hashed 4-grams share exactly what the 4-grams of the words share', () => {
  // A small vocabulary, with case, marks, punctuation and `đ`, so that texts share many 4-grams.
  const vocabulary = ['Đoàn', 'đoàn', 'hòa', 'hoà', 'Biên', 'giới', '316,', '–', '(QK2)'];
  let seed = 7;
  const random = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
  const text = (words: number): Article['body'] => {
    const paragraphs: Article['body'] = [];
    for (let left = words; left > 0; ) {
      const take = Math.min(left, 1 + random(30));
      paragraphs.push({ kind: 'paragraph', text: Array.from({ length: take }, () => vocabulary[random(vocabulary.length)]).join(random(4) ? ' ' : '  ') });
      left -= take;
    }
    return paragraphs;
  };
  let compared = 0;
  for (let i = 0; i < 300; i++) {
    const a = article('a.txt', { body: text(random(60)) });
    // Half the pairs: the first one cut off.
    const b = article('b.txt', { body: random(2) ? text(random(60)) : a.body.slice(0, 1 + random(3)) });
    const expected = stringContainment(a, b);
    assert.equal(containment(shingles(a), shingles(b)), expected, `pair ${i}`);
    if (expected > 0 && expected < 1) compared++;
  }
  assert.ok(compared > 50, `${compared} pairs share some 4-grams but not all`);
});

test('dedupe: past the bound of the word cache, words hash as they did before it', () => {
  // 500,000 distinct tokens fill the cache; the words of the next texts are hashed one at a time.
  const many = Array.from({ length: 500_001 }, (_, i) => `w${i.toString(36)}`).join(' ');
  shingles(article('fill.txt', { body: [{ kind: 'paragraph', text: many }] }));
  // Words no test has hashed before.
  const words = Array.from({ length: 10 }, (_, i) => `Vượt${i}`);
  const a = article('a.txt', { body: [{ kind: 'paragraph', text: words.join(' ') }] });
  const b = article('b.txt', { body: [{ kind: 'paragraph', text: [...words.slice(0, 6), 'đồn', ...words.slice(6)].join(' ') }] });
  assert.equal(containment(shingles(a), shingles(b)), stringContainment(a, b));
  assert.equal(containment(shingles(a), shingles(a)), 1);
});
