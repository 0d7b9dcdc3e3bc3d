/** Estimated dates of undated articles, as an edge-case table of invented dumps, and the pure reader behind it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimateDate, readLeadDay } from '../src/parse/estimate.ts';
import { parseDump } from '../src/parse/parseDump.ts';

/** An undated dump: a title, the lead (its dateline included), a paragraph, a byline; a crawl header when given. */
function dump(lead: string, { header = '', middle = '', title = 'Trung đoàn 98 tổ chức hội nghị', date = '' } = {}): string {
  return [
    header,
    title,
    date,
    lead,
    middle || 'Hội nghị đã đánh giá kết quả đạt được, chỉ ra những hạn chế và đề ra giải pháp cho thời gian tới.',
    'Tin, ảnh: NGUYỄN AN',
  ]
    .filter((l) => l !== '')
    .join('\n\n');
}

const CRAWL_2024_06 = 'Thứ hai Ngày 03 Tháng 06 Năm 2024, 08:15:30';

type Case = [name: string, lead: string, options: Parameters<typeof dump>[1], date: string | null, from?: string];
const CASES: Case[] = [
  // Each shape of the lead's day, after each dateline; the year from the dateline itself.
  ['`Tối 8/4/2025,` with no dateline', 'Tối 8/4/2025, Lữ đoàn 96 luyện tập bắn pháo lễ ban đêm.', {}, '2025-04-08', 'Tối 8/4/2025'],
  ['`QK2 – Sáng 30-6-2022,`', 'QK2 – Sáng 30-6-2022, Sư đoàn 316 tổ chức hội nghị.', {}, '2022-06-30', 'Sáng 30-6-2022'],
  ['`(QK7 Online) – Ngày 2/8/2016,`', '(QK7 Online) – Ngày 2/8/2016, Sư đoàn 5 tổ chức hội nghị.', {}, '2016-08-02', 'Ngày 2/8/2016'],
  ['`QK2 – Sáng 30-6,` and `6 tháng cuối năm 2022`', 'QK2 – Sáng 30-6, Trung đoàn 98 sơ kết công tác, triển khai phương hướng 6 tháng cuối năm 2022.', {}, '2022-06-30', 'Sáng 30-6 … 6 tháng cuối năm 2022'],
  ['`QK2 - Chiều 18-11,` and `kiểm tra toàn diện năm 2024`', 'QK2 - Chiều 18-11, đoàn kiểm tra Quân khu kiểm tra toàn diện năm 2024 tại Lữ đoàn 297.', {}, '2024-11-18', 'Chiều 18-11 … kiểm tra toàn diện năm 2024'],
  ['`dtcktktqkkkkkkQK3 Online - Ngày 2/8,` and `7 tháng đầu năm 2016`', 'dtcktktqkkkkkkQK3 Online - Ngày 2/8, đoàn công tác nghe báo cáo kết quả công tác kỹ thuật 7 tháng đầu năm 2016.', {}, '2016-08-02', 'Ngày 2/8 … 7 tháng đầu năm 2016'],
  ['`Ngày 30-9,` and `9 tháng đầu năm 2021`', 'Ngày 30-9, đoàn công tác kiểm tra kết quả công tác hậu cần 9 tháng đầu năm 2021 của Trung đoàn 2.', {}, '2021-09-30'],
  ['`Trong các ngày 15 và 16-9,`: the first day', 'Trong các ngày 15 và 16-9, đoàn kiểm tra công tác kỹ thuật năm 2019 và 8 tháng đầu năm 2020 tại Bộ CHQS tỉnh Cao Bằng.', {}, '2020-09-15', 'Trong các ngày 15 và 16-9 … năm 2019 và 8 tháng đầu năm 2020'],
  ['`Trong 3 ngày từ 15 đến 17/10,`', 'QK2 – Trong 3 ngày từ 15 đến 17/10, Lữ đoàn 297 tổ chức hội thao pháo binh năm 2025.', {}, '2025-10-15'],
  ['`Sáng 15 tháng 3,` in words', 'QK2 – Sáng 15 tháng 3, Trung đoàn 174 tổ chức lễ ra quân huấn luyện năm 2024.', {}, '2024-03-15'],
  ['`Sáng 15 tháng 3 năm 2023,` in words with its year', 'Sáng 15 tháng 3 năm 2023, Trung đoàn 174 ra quân.', {}, '2023-03-15'],
  ['`Sáng nay (30-6),`', 'QK2 – Sáng nay (30-6), Sư đoàn 316 sơ kết công tác 6 tháng đầu năm 2022.', {}, '2022-06-30', 'Sáng nay (30-6) … 6 tháng đầu năm 2022'],
  ['after a place\'s dateline', 'Lạng Sơn – Sáng 15/3, Bộ CHQS tỉnh Lạng Sơn tổ chức lễ ra quân huấn luyện năm 2024 cho các cơ quan, đơn vị trong lực lượng vũ trang tỉnh, với sự tham dự của lãnh đạo tỉnh.', {}, '2024-03-15'],
  ['`Ngày 12/5 vừa qua,`', 'Ngày 12/5 vừa qua, Trung đoàn 98 tổ chức hội thao thể thao năm 2023.', {}, '2023-05-12'],
  ['the day after an opening clause, and an anniversary', 'QK2 – Nhân dịp kỷ niệm 77 năm Ngày Thương binh – Liệt sĩ (27/7/1947 – 27/7/2024), ngày 24/7, Sư đoàn 316 dâng hương.', {}, '2024-07-24', 'ngày 24/7 … kỷ niệm 77 năm Ngày Thương binh – Liệt sĩ (27/7/1947 – 27/7/2024)'],
  ['a quarter', 'Ngày 28/9, Kho K1 sơ kết công tác quý III năm 2023.', {}, '2023-09-28'],
  ['a full date in the text with the lead\'s day', 'Sáng 12/5, Trung đoàn 148 tổ chức lễ tuyên thệ.', { middle: 'Buổi lễ ngày 12/5/2021 diễn ra trang trọng.' }, '2021-05-12'],
  ['a period tied to the month, in the body', 'Ngày 30-9, đoàn công tác kiểm tra Trung đoàn 2.', { middle: 'Trung đoàn báo cáo kết quả công tác hậu cần 9 tháng đầu năm 2021.' }, '2021-09-30'],
  ['the year in the title', 'QK2 – Sáng 5/3, Trung đoàn 98 tổ chức lễ tuyên thệ cho chiến sĩ mới.', { title: 'Trung đoàn 98 tuyên thệ chiến sĩ mới năm 2023' }, '2023-03-05'],
  // A review of one year and the plan of the next: December of the first, January of the second.
  ['`tổng kết năm 2023, triển khai nhiệm vụ năm 2024` in December', 'QK2 – Ngày 20/12, Sư đoàn 355 tổ chức hội nghị tổng kết năm 2023, triển khai nhiệm vụ năm 2024.', {}, '2023-12-20', 'Ngày 20/12 … tổng kết năm 2023 … triển khai nhiệm vụ năm 2024'],
  ['`tổng kết năm 2023, triển khai nhiệm vụ năm 2024` in January', 'QK2 – Ngày 8/1, Sư đoàn 355 tổ chức hội nghị tổng kết năm 2023, triển khai nhiệm vụ năm 2024.', {}, '2024-01-08'],
  ['`tổng kết năm 2023` in June: at odds with the month', 'QK2 – Ngày 8/6, Sư đoàn 355 tổ chức hội nghị tổng kết năm 2023.', {}, null],
  ['a plan alone only bounds the year', 'Ngày 2/8, Cục Kỹ thuật báo cáo kế hoạch công tác kỹ thuật năm 2017.', {}, null],
  // Never after the crawl.
  ['a year after the crawl', 'QK2 - Chiều 18-11, đoàn kiểm tra toàn diện năm 2024 tại Lữ đoàn 297.', { header: CRAWL_2024_06 }, null],
  ['a dateline year after the crawl', 'Tối 8/4/2025, Lữ đoàn 96 luyện tập bắn pháo lễ.', { header: CRAWL_2024_06 }, null],
  ['a year before the crawl', 'QK2 - Chiều 18-11, đoàn kiểm tra toàn diện năm 2023 tại Lữ đoàn 297.', { header: CRAWL_2024_06 }, '2023-11-18'],
  // Ambiguous: no estimate.
  ['two years named by two phrases', 'Ngày 15/7, Kho K1 sơ kết 6 tháng đầu năm 2019.', { middle: 'Kết quả huấn luyện 6 tháng đầu năm 2020 được đánh giá cao.' }, null],
  ['a period at odds with the month', 'Ngày 15/12, Kho K1 sơ kết 6 tháng đầu năm 2019.', {}, null],
  ['no year at all', 'QK2 – Sáng 27/5, Trung đoàn 98 tổ chức hội thi điều lệnh.', {}, null],
  ['a year with no phrase', 'QK2 – Sáng 27/5, Trung đoàn 98 tổ chức hội thi. Năm 2023, đơn vị hoàn thành tốt nhiệm vụ.', {}, null],
  ['no day: `Sáng nay`', '(QK7 Online) – Sáng nay, Sư đoàn 5 tổ chức lễ tuyên thệ chiến sĩ mới năm 2022.', {}, null],
  ['a document\'s date is not the event\'s', 'Thực hiện Kế hoạch số 12 ngày 15/3 của Bộ CHQS tỉnh, Trung đoàn 98 tổ chức diễn tập năm 2022.', {}, null],
  ['a day that does not exist', 'QK2 – Sáng 30-2, Trung đoàn 98 tổ chức diễn tập năm 2022.', {}, null],
  ['a lead dated before the sites existed', 'Ngày 7/5/1954, Chiến dịch Điện Biên Phủ toàn thắng, mở ra trang sử mới của dân tộc.', {}, null],
  ['a lead that opens on history', 'Ngày 19/10/1946, Quân khu 2 được thành lập. Trải qua 75 năm, đến năm 2021 Quân khu không ngừng lớn mạnh.', {}, null],
  ['a period compared with is not the event\'s', 'Ngày 10/7, Kho K1 sơ kết 6 tháng đầu năm 2021, tăng 5% so với 6 tháng đầu năm 2020.', {}, '2021-07-10'],
  ['an event looked back on is not the event', 'Ngày 10/7, Ban CHQS huyện rút kinh nghiệm diễn tập năm 2019.', {}, null],
  // A dated article gets no estimate, however clear its lead.
  ['a dated article', 'QK2 - Chiều 18-11, đoàn kiểm tra toàn diện năm 2024 tại Lữ đoàn 297.', { date: 'Ngày đăng: 20/11/2024' }, null],
];
for (const [name, lead, options, date, from] of CASES) {
  test(`estimate: ${name} → ${date}`, () => {
    const { article } = parseDump(dump(lead, options), 'estimate.txt');
    assert.equal(article.estimatedDate, date);
    if (date === null) assert.equal(article.estimatedFrom, null);
    else if (from !== undefined) assert.equal(article.estimatedFrom, from);
    else assert.ok(article.estimatedFrom?.includes(' … ') || /\d{4}/u.test(article.estimatedFrom ?? ''), String(article.estimatedFrom));
    if (options?.date) assert.equal(article.date, '2024-11-20');
  });
}

test('readLeadDay: the day, month and printed year of the lead, or null', () => {
  assert.deepEqual(readLeadDay('Sáng 30-6, Sư đoàn 316 …'), { phrase: 'Sáng 30-6', day: 30, month: 6, year: null });
  assert.deepEqual(readLeadDay('Tối 8/4/2025, …'), { phrase: 'Tối 8/4/2025', day: 8, month: 4, year: 2025 });
  assert.equal(readLeadDay('Hội nghị diễn ra sáng 30-6 tại hội trường.'), null);
  assert.equal(readLeadDay('Sư đoàn 316 tổ chức hội nghị. Sáng 30-6, …'), null);
});

test('estimateDate is pure and reads only what it is given', () => {
  const input = { summary: 'Chiều 18-11, đoàn kiểm tra …', head: ['QK2 – Chiều 18-11, đoàn kiểm tra toàn diện năm 2024 …'], body: [], crawledAt: null };
  assert.deepEqual(estimateDate(input), { date: '2024-11-18', from: 'Chiều 18-11 … kiểm tra toàn diện năm 2024' });
  assert.deepEqual(estimateDate(input), estimateDate(input));
  assert.equal(estimateDate({ ...input, crawledAt: '2024-11-17T23:59:59+07:00' }), null);
  assert.deepEqual(estimateDate({ ...input, crawledAt: '2024-11-18T06:00:00+07:00' })?.date, '2024-11-18');
  assert.equal(estimateDate({ ...input, head: ['Chiều 18-11, đoàn kiểm tra …'] }), null);
});

test('estimateDate: the body speaks of other events; only phrases tied to the lead\'s month count there', () => {
  const summary = 'Ngày 20/12, Trung đoàn 98 tổ chức hội nghị.';
  const head = [`QK2 – ${summary}`];
  // A review or an event of another year, told in the body, is not the lead's.
  assert.equal(estimateDate({ summary, head, body: ['Tại hội nghị tổng kết năm 2023, đơn vị được tặng cờ.'], crawledAt: null }), null);
  assert.equal(estimateDate({ summary, head, body: ['Đơn vị đạt giải Nhất hội thao năm 2022.'], crawledAt: null }), null);
  assert.equal(estimateDate({ summary, head, body: ['Năm 2021, Trung đoàn kỷ niệm 75 năm Ngày truyền thống (1946 – 2021).'], crawledAt: null }), null);
  // In the lead, the same anniversary is the event's year.
  assert.equal(estimateDate({ summary, head: [`${head[0]} Trung đoàn kỷ niệm 75 năm Ngày truyền thống (1946 – 2021).`], body: [], crawledAt: null })?.date, '2021-12-20');
  // … but the anniversary of the lead's day is.
  assert.equal(
    estimateDate({ summary, head, body: ['Chào mừng kỷ niệm 80 năm Ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 – 22/12/2024).'], crawledAt: null })?.date,
    '2024-12-20',
  );
  // An anniversary's dates without its words.
  assert.equal(estimateDate({ summary, head, body: ['Ngày hội Quốc phòng toàn dân (22/12/1989 – 22/12/2024).'], crawledAt: null })?.date, '2024-12-20');
});
