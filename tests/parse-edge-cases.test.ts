/** Edge cases as tables: one line per case, each looped into its own test. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DumpParseError, type DumpParseReason } from '../src/parse/error.ts';
import { parseDump } from '../src/parse/parseDump.ts';

/** A complete dump around the lines under test; the default parts are unremarkable. */
function dump(parts: { header?: string; title?: string; date?: string; lead?: string; middle?: string; byline?: string }): string {
  return [
    parts.header ?? 'Thứ hai Ngày 03 Tháng 06 Năm 2024, 08:15:30',
    parts.title ?? 'Trung đoàn 98 tổ chức hội thi điều lệnh',
    parts.date ?? 'Ngày đăng: 28/05/2024',
    parts.lead ?? 'QK2 – Sáng 27/5, Trung đoàn 98 tổ chức hội thi điều lệnh cho các đơn vị trực thuộc.',
    parts.middle ??
      'Hội thi diễn ra trong hai ngày với nhiều nội dung phong phú, thu hút đông đảo cán bộ, chiến sĩ tham gia. Các đội thi đều thể hiện tác phong chính quy.',
    'Kết thúc hội thi, Ban tổ chức đã trao giải cho các tập thể, cá nhân đạt thành tích cao.',
    parts.byline ?? 'Tin, ảnh: NGUYỄN AN',
    'Trả lời',
    'Thư điện tử của bạn sẽ không được hiển thị công khai.',
  ]
    .filter((l) => l !== '')
    .join('\n\n');
}

// ── Publication dates: `Ngày đăng:` → YYYY-MM-DD, never rolled over ─────────────────────────────
const DATES: Array<[line: string, date: string | null, warning?: RegExp]> = [
  ['Ngày đăng: 20/03/2023', '2023-03-20'],
  ['Ngày đăng: 1/2/2023', '2023-02-01'],
  ['Ngày đăng: 20-03-2023', '2023-03-20'],
  ['Ngày đăng: 20/03/2023 08:15', '2023-03-20'],
  ['Ngày đăng : 20.03.2023', '2023-03-20'],
  // Two-digit years.
  ['Ngày đăng: 20/03/23', '2023-03-20'],
  ['Ngày đăng: 19/05/98', '1998-05-19'],
  // Leap days.
  ['Ngày đăng: 29/02/2024', '2024-02-29'],
  ['Ngày đăng: 29/02/2023', null, /^invalid publication date: "Ngày đăng: 29\/02\/2023"$/],
  // Dates that do not exist are dropped, not rolled into the next month.
  ['Ngày đăng: 31/02/2024', null, /^invalid publication date/],
  ['Ngày đăng: 00/13/2024', null, /^invalid publication date/],
  ['Ngày đăng: 31/04/2024', null, /^invalid publication date/],
  ['Ngày đăng: 15/00/2024', null, /^invalid publication date/],
  // After the crawl time (2024-06-03): kept, with a warning.
  ['Ngày đăng: 05/06/2024', '2024-06-05', /^publication date 2024-06-05 is after the crawl time 2024-06-03T08:15:30\+07:00$/],
  // None at all.
  ['', null, /^no publication date$/],
];
for (const [line, date, warning] of DATES) {
  test(`publication date ${JSON.stringify(line)} → ${date}`, () => {
    const { article, warnings } = parseDump(dump({ date: line }), 'date.txt');
    assert.equal(article.date, date);
    if (warning) assert.ok(warnings.some((w) => warning.test(w)), `no warning like ${warning} in ${JSON.stringify(warnings)}`);
    else assert.deepEqual(warnings, []);
  });
}

// ── Crawl headers: the page's clock, never the publication date ─────────────────────────────────
const HEADERS: Array<[line: string, crawledAt: string | null]> = [
  ['Thứ sáu Ngày 19 Tháng 07 Năm 2024, 12:54:42', '2024-07-19T12:54:42+07:00'],
  ['Chủ nhật Ngày 12 Tháng 07 Năm 2020, 03:41:14', '2020-07-12T03:41:14+07:00'],
  ['Thứ Hai, Ngày 1 Tháng 4 Năm 2024, 7:05', '2024-04-01T07:05:00+07:00'],
  // The short form without a time gives no crawl time; with one, it does.
  ['Thứ 2, 24/09/2018', null],
  ['Thứ 2, 24/09/2018 | 10:22', '2018-09-24T10:22:00+07:00'],
  // Not a real day or time.
  ['Thứ sáu Ngày 31 Tháng 02 Năm 2024, 12:54:42', null],
  ['Thứ sáu Ngày 19 Tháng 07 Năm 2024, 25:54:42', null],
  // Wrapped in site noise.
  ['0985.456.616\n\nThứ tư Ngày 17 Tháng 04 Năm 2024, 03:04:17\nHoàn tất\nĐóng', '2024-04-17T03:04:17+07:00'],
  // Below a banner the parser does not know.
  ['Báo điện tử Quân khu 2\n\nThứ tư Ngày 17 Tháng 04 Năm 2024, 03:04:17', '2024-04-17T03:04:17+07:00'],
  // Absent.
  ['', null],
];
for (const [header, crawledAt] of HEADERS) {
  test(`crawl header ${JSON.stringify(header)} → ${crawledAt}`, () => {
    const { article } = parseDump(dump({ header, date: 'Ngày đăng: 01/01/2018' }), 'header.txt');
    assert.equal(article.crawledAt, crawledAt);
    assert.equal(article.date, '2018-01-01');
    assert.equal(article.title, 'Trung đoàn 98 tổ chức hội thi điều lệnh');
  });
}

// ── Datelines: printed before the lead's dash; the summary is the lead without it ───────────────
const SUMMARY = 'Sáng 27/5, Trung đoàn 98 tổ chức hội thi điều lệnh.';
const DATELINES: Array<[lead: string, dateline: string | null, printed: string]> = [
  [`QK2 – ${SUMMARY}`, 'QK2', `QK2 – ${SUMMARY}`],
  [`QK2 - ${SUMMARY}`, 'QK2', `QK2 - ${SUMMARY}`],
  [`QK2 –  ${SUMMARY}`, 'QK2', `QK2 –  ${SUMMARY}`],
  [`Qk2 – ${SUMMARY}`, 'Qk2', `Qk2 – ${SUMMARY}`],
  [`(QK7 Online) – ${SUMMARY}`, 'QK7 Online', `(QK7 Online) – ${SUMMARY}`],
  [`QK3 Online - ${SUMMARY}`, 'QK3 Online', `QK3 Online - ${SUMMARY}`],
  [`dtcktktqkkkkkkQK3 Online - ${SUMMARY}`, 'QK3 Online', `QK3 Online - ${SUMMARY}`],
  [`QĐND Online – ${SUMMARY}`, 'QĐND Online', `QĐND Online – ${SUMMARY}`],
  [`- ${SUMMARY}`, null, `- ${SUMMARY}`],
  [SUMMARY, null, SUMMARY],
];
for (const [lead, dateline, printed] of DATELINES) {
  test(`dateline in ${JSON.stringify(lead.slice(0, 24))} → ${dateline}`, () => {
    const { article } = parseDump(dump({ lead }), 'dateline.txt');
    assert.equal(article.dateline, dateline);
    assert.equal(article.summary, SUMMARY);
    assert.deepEqual(article.body[0], { kind: 'paragraph', text: printed });
  });
}

// ── Bylines: the last line of the article, as printed, and the names in it ──────────────────────
const BYLINES: Array<[line: string, byline: string | null, authors: string[]]> = [
  ['Bài, ảnh: HOÀNG OANH', 'Bài, ảnh: HOÀNG OANH', ['HOÀNG OANH']],
  ['Tin, ảnh: VĂN DƯƠNG', 'Tin, ảnh: VĂN DƯƠNG', ['VĂN DƯƠNG']],
  ['Tin và ảnh: MINH TÂM', 'Tin và ảnh: MINH TÂM', ['MINH TÂM']],
  ['Bài và ảnh: THU HÀ', 'Bài và ảnh: THU HÀ', ['THU HÀ']],
  ['Bài: HẢI ANH; Ảnh: MINH ĐỨC', 'Bài: HẢI ANH; Ảnh: MINH ĐỨC', ['HẢI ANH', 'MINH ĐỨC']],
  ['Tin: Hoàng Yến - Ảnh: Minh Trí', 'Tin: Hoàng Yến - Ảnh: Minh Trí', ['Hoàng Yến', 'Minh Trí']],
  ['Thượng tá, ThS NGUYỄN VĂN AN - Trường Quân sự Quân khu 2', 'Thượng tá, ThS NGUYỄN VĂN AN - Trường Quân sự Quân khu 2', ['NGUYỄN VĂN AN']],
  ['Đại tá LÊ HÙNG - Thượng tá TRẦN BÌNH', 'Đại tá LÊ HÙNG - Thượng tá TRẦN BÌNH', ['LÊ HÙNG', 'TRẦN BÌNH']],
  ['Theo qdnd.vn', null, []],
  // A photo's origin is not an author.
  ['Ảnh: TL', null, []],
  ['(Nguồn: QĐND)', null, []],
  ['Trung tá NGUYỄN VĂN AN (Sư đoàn 355)', 'Trung tá NGUYỄN VĂN AN (Sư đoàn 355)', ['NGUYỄN VĂN AN']],
  ['Đại tá PHAN VĂN BÌNH, Chính ủy Cục Kỹ thuật Quân khu', 'Đại tá PHAN VĂN BÌNH, Chính ủy Cục Kỹ thuật Quân khu', ['PHAN VĂN BÌNH']],
  ['Thượng tá Nguyễn Văn Nam, Chính ủy Trung đoàn 98', 'Thượng tá Nguyễn Văn Nam, Chính ủy Trung đoàn 98', ['Nguyễn Văn Nam']],
  ['Đại úy Nguyễn Văn An', 'Đại úy Nguyễn Văn An', ['Nguyễn Văn An']],
  ['KB', 'KB', ['KB']],
  ['HOÀNG OANH', 'HOÀNG OANH', ['HOÀNG OANH']],
  ['Tuấn Anh', 'Tuấn Anh', ['Tuấn Anh']],
  // Several names.
  ['Tin, ảnh: TRẦN HÀO-PHẠM HẢI', 'Tin, ảnh: TRẦN HÀO-PHẠM HẢI', ['TRẦN HÀO', 'PHẠM HẢI']],
  ['Tin, ảnh: TRẦN HÀO – PHẠM HẢI', 'Tin, ảnh: TRẦN HÀO – PHẠM HẢI', ['TRẦN HÀO', 'PHẠM HẢI']],
  ['Bài và ảnh: MAI HƯƠNG và QUANG VINH', 'Bài và ảnh: MAI HƯƠNG và QUANG VINH', ['MAI HƯƠNG', 'QUANG VINH']],
  ['Hải Anh - Minh Đức', 'Hải Anh - Minh Đức', ['Hải Anh', 'Minh Đức']],
  // A rank inside a credit, an agency after the name, a final period.
  ['Bài, ảnh: NGUYỄN VĂN AN, Sư đoàn 316', 'Bài, ảnh: NGUYỄN VĂN AN, Sư đoàn 316', ['NGUYỄN VĂN AN']],
  ['Tin: Hải', 'Tin: Hải', ['Hải']],
  ['Bài, ảnh: Đại úy LÊ VĂN AN', 'Bài, ảnh: Đại úy LÊ VĂN AN', ['LÊ VĂN AN']],
  ['HẢI ANH (Báo QĐND)', 'HẢI ANH (Báo QĐND)', ['HẢI ANH']],
  ['Tin, ảnh: NGỌC HÀ.', 'Tin, ảnh: NGỌC HÀ.', ['NGỌC HÀ']],
  // A rank, a degree or a role is never part of a name, in any case and wherever it stands.
  ['THƯỢNG TÁ NGUYỄN VĂN AN', 'THƯỢNG TÁ NGUYỄN VĂN AN', ['NGUYỄN VĂN AN']],
  ['Bài, ảnh: ĐẠI TÁ LÊ HÙNG', 'Bài, ảnh: ĐẠI TÁ LÊ HÙNG', ['LÊ HÙNG']],
  ['Đại úy QNCN NGUYỄN VĂN AN', 'Đại úy QNCN NGUYỄN VĂN AN', ['NGUYỄN VĂN AN']],
  ['Tin: Thượng sĩ LÒ VĂN PHONG', 'Tin: Thượng sĩ LÒ VĂN PHONG', ['LÒ VĂN PHONG']],
  ['Bài: Thiếu tướng, PGS.TS NGUYỄN VĂN AN', 'Bài: Thiếu tướng, PGS.TS NGUYỄN VĂN AN', ['NGUYỄN VĂN AN']],
  ['Thượng tá NGUYỄN VĂN AN, Phó Chính ủy Sư đoàn 316', 'Thượng tá NGUYỄN VĂN AN, Phó Chính ủy Sư đoàn 316', ['NGUYỄN VĂN AN']],
  ['Đại tá Nguyễn Văn An - Phó Chính ủy Bộ CHQS tỉnh', 'Đại tá Nguyễn Văn An - Phó Chính ủy Bộ CHQS tỉnh', ['Nguyễn Văn An']],
  ['Phó Chính ủy NGUYỄN VĂN AN', 'Phó Chính ủy NGUYỄN VĂN AN', ['NGUYỄN VĂN AN']],
  ['Tin: CHÍNH ỦY NGUYỄN VĂN AN', 'Tin: CHÍNH ỦY NGUYỄN VĂN AN', ['NGUYỄN VĂN AN']],
  ['NGUYỄN VĂN AN, Chính ủy Trung đoàn', 'NGUYỄN VĂN AN, Chính ủy Trung đoàn', ['NGUYỄN VĂN AN']],
  ['Bài, ảnh: Đại tá NGUYỄN VĂN AN, Chính ủy Trung đoàn', 'Bài, ảnh: Đại tá NGUYỄN VĂN AN, Chính ủy Trung đoàn', ['NGUYỄN VĂN AN']],
  ['Tin, ảnh: Thượng úy LÊ MINH - Trung úy PHẠM AN', 'Tin, ảnh: Thượng úy LÊ MINH - Trung úy PHẠM AN', ['LÊ MINH', 'PHẠM AN']],
  // Cut off mid-word by the capture: kept as printed.
  ['Tin, ảnh: HOÀNG VĂ', 'Tin, ảnh: HOÀNG VĂ', ['HOÀNG VĂ']],
  // A source line is not a byline.
  ['Nguồn: Báo QĐND', null, []],
  ['(Theo QĐND)', null, []],
  // A closing sentence is not a byline.
  ['Hội thi góp phần nâng cao chất lượng huấn luyện.', null, []],
];
for (const [line, byline, authors] of BYLINES) {
  test(`byline ${JSON.stringify(line)}`, () => {
    const { article } = parseDump(dump({ byline: line }), 'byline.txt');
    assert.equal(article.byline, byline);
    assert.deepEqual(article.authors, authors);
    const inBody = article.body.some((b) => b.text === line);
    assert.equal(inBody, byline === null, byline === null ? 'a non-byline stays in the body' : 'the byline is not in the body');
  });
}

// ── Captions: the line between the lead and the body ─────────────────────────────────────────────
const NO_PERIOD = 'Đoàn công tác dâng hương tưởng niệm các anh hùng liệt sĩ tại điểm cao 468, xã Thanh Thủy, tỉnh Hà Giang';
const CAPTIONS: Array<[middle: string, caption: string | null]> = [
  ['Cán bộ, chiến sĩ Trung đoàn 98 luyện tập điều lệnh đội ngũ.', 'Cán bộ, chiến sĩ Trung đoàn 98 luyện tập điều lệnh đội ngũ.'],
  // No final period, when long enough to describe a photo; a short one is an intertitle.
  [`${NO_PERIOD}`, NO_PERIOD],
  ['Nâng cao chất lượng huấn luyện', null],
  // Leading spaces.
  ['   Các đội thi thực hiện nội dung chào cờ.', 'Các đội thi thực hiện nội dung chào cờ.'],
  // A credit inside, or first.
  ['Đại biểu tham quan khu trưng bày. Ảnh: TL', 'Đại biểu tham quan khu trưng bày. Ảnh: TL'],
  ['Ảnh: Đại biểu tham quan khu trưng bày.', 'Ảnh: Đại biểu tham quan khu trưng bày.'],
  // A position in the photo.
  ['Thượng tá Lê Minh (thứ hai, trái sang) trao cờ cho đội đạt giải nhất.', 'Thượng tá Lê Minh (thứ hai, trái sang) trao cờ cho đội đạt giải nhất.'],
  // After an image remnant, a bare `.jpg)`, or in table pipes.
  ['![](/uploads/2024/anh-01.jpg)\nĐội nữ quân nhân dự thi', 'Đội nữ quân nhân dự thi'],
  ['.jpg)\nĐội nữ quân nhân dự thi', 'Đội nữ quân nhân dự thi'],
  ['|\nToàn cảnh hội thi tại thao trường. |', 'Toàn cảnh hội thi tại thao trường.'],
  // Body text: list items, speech, connectives, past and future, figures, several sentences.
  ['– Là đơn vị có truyền thống huấn luyện giỏi.', null],
  ['Đại tá Lê Minh cho biết: “Hội thi là dịp để đơn vị rèn luyện”.', null],
  ['Tại hội thi, các đội đều thể hiện tác phong chính quy.', null],
  ['Chiều 28/5, các đội thi nội dung điều lệnh tay không.', null],
  ['Năm 2024, hội thi có thêm nội dung mới.', null],
  ['Theo ghi nhận của chúng tôi, hội thi diễn ra sôi nổi.', null],
  ['Các đội thi đã hoàn thành tốt các nội dung.', null],
  ['Hội thi có 95% quân số tham gia.', null],
  ['Dự hội thi có Thượng tá Lê Minh, Phó Chính ủy Sư đoàn 316.', null],
  ['Hội thi diễn ra trong hai ngày 27 và 28/5.', null],
  ['Hội thi diễn ra sôi nổi. Các đội thể hiện tác phong chính quy.', null],
  ['“Hội thi là dịp để rèn luyện tác phong chính quy”, Đại tá Lê Minh nói.', null],
];
for (const [middle, caption] of CAPTIONS) {
  test(`caption? ${JSON.stringify(middle.slice(0, 40))} → ${caption === null ? 'body' : 'caption'}`, () => {
    const { article } = parseDump(dump({ middle }), 'caption.txt');
    assert.deepEqual(article.captions, caption === null ? [] : [caption]);
    if (caption !== null) assert.deepEqual(article.body[1], { kind: 'caption', text: caption });
  });
}

// ── Dumps that cannot be published ──────────────────────────────────────────────────────────────
const LISTING = [
  'Thứ năm Ngày 25 Tháng 04 Năm 2024, 09:17:26',
  'Hoàn tất',
  'Đóng',
  'Bảo vệ căn cứ địa trong kháng chiến',
  '05/09/2019',
  'Qk2 – Mùa đông năm 1947, quân và dân vùng căn cứ đã chiến đấu anh dũng […]',
  'Những ngày đầu xây dựng lực lượng vũ trang',
  'QK2 – Sau Cách mạng Tháng Tám, các đội tự vệ được thành lập ở nhiều địa phương […]',
].join('\n\n');
const REJECTED: Array<[name: string, text: string, reason: DumpParseReason, line: number, input: string]> = [
  ['an empty file', '', 'empty', 1, ''],
  ['whitespace only', '  \n\t\n \u00a0\n', 'empty', 1, '  '],
  ['an HTML fragment', '<div class="post">\n<p>Bài báo</p>\n<p>Đoạn hai</p>\n</div>', 'not-a-dump', 1, '<div class="post">'],
  ['an HTML page', '<!DOCTYPE html>\n<html lang="vi"><head><title>QK2</title></head>\n<body></body></html>', 'not-a-dump', 1, '<!DOCTYPE html>'],
  ['a JSON file', '\n{"title": "Bài báo", "body": "…"}\n', 'not-a-dump', 2, '{"title": "Bài báo", "body": "…"}'],
  ['binary data', 'PK\u0003\u0004\u0000\u0000garbage\u0001\u0002', 'not-a-dump', 1, 'PK\u0003\u0004\u0000\u0000garbage\u0001\u0002'],
  ['a category listing page', LISTING, 'listing', 9, '05/09/2019'],
  ['a header and a title only', 'Thứ hai Ngày 03 Tháng 06 Năm 2024, 08:15:30\n\nTrung đoàn 98 tổ chức hội thi\n\nTrả lời', 'no-text', 5, 'Trả lời'],
];
for (const [name, text, reason, line, input] of REJECTED) {
  test(`rejects ${name}`, () => {
    assert.throws(
      () => parseDump(text, 'bad.txt'),
      (error: unknown) => {
        assert.ok(error instanceof DumpParseError, String(error));
        assert.equal(error.reason, reason);
        assert.equal(error.file, 'bad.txt');
        assert.equal(error.line, line);
        assert.equal(error.input, input);
        assert.ok(error.message.includes(`bad.txt:${line}: ${JSON.stringify(input).slice(0, 40)}`), error.message);
        return true;
      },
    );
  });
}

test('a dump quoting one tag is still a dump', () => {
  const { article } = parseDump(dump({ middle: '<b>Chú ý:</b> mọi dấu hiệu bất thường phải báo cáo ngay.' }), 'tag.txt');
  assert.equal(article.body[1]!.text, '<b>Chú ý:</b> mọi dấu hiệu bất thường phải báo cáo ngay.');
});

test('the listing message starts with its stable phrase and quotes the line', () => {
  assert.throws(() => parseDump(LISTING, '027.txt'), {
    name: 'DumpParseError',
    message: 'listing page, not an article: 027.txt:9: "05/09/2019"',
  });
});

test('related teasers below an article do not make it a listing', () => {
  const text = `${dump({})}\n\nTin liên quan\n\nBài một\n\nQK2 – Mở đầu […]\n\nBài hai\n\nQK2 – Mở đầu khác […]`;
  assert.equal(parseDump(text, 'teasers.txt').article.title, 'Trung đoàn 98 tổ chức hội thi điều lệnh');
});

test('a truncated dump without a title is published with a derived title', () => {
  const text = '(QK7 Online) – Sáng nay, hơn 3.000 chiến sĩ mới của Sư đoàn 9 tham dự lễ tuyên thệ. Buổi lễ diễn ra trang ng';
  const { article, warnings } = parseDump(text, 'cut.txt');
  assert.equal(article.title, 'Sáng nay, hơn 3.000 chiến sĩ mới của Sư đoàn 9 tham dự lễ tuyên thệ');
  assert.equal(article.titleDerived, true);
  assert.equal(article.truncated, true);
  assert.deepEqual(warnings.slice(0, 1), ['title derived from the lead']);
  assert.ok(warnings.some((w) => w.startsWith('truncated')));
});

// ── Layouts of the head and the end ─────────────────────────────────────────────────────────────
const LEAD = 'QK2 – Sáng 27/5, Trung đoàn 98 tổ chức hội thi điều lệnh cho các đơn vị trực thuộc.';
const LAYOUTS: Array<[name: string, text: string, expected: Partial<Record<string, unknown>>]> = [
  ['a byline under the title', `Hội thi điều lệnh\n\nBài và ảnh: MINH TÂM\n\n${LEAD}`, { title: 'Hội thi điều lệnh', byline: 'Bài và ảnh: MINH TÂM', summary: LEAD.slice(6) }],
  ['a breadcrumb with separators', `Trang chủ » Tin tức » Quốc phòng\n\nHội thi điều lệnh\n\n${LEAD}`, { title: 'Hội thi điều lệnh', titleDerived: false }],
  ['a title printed twice', `Hội thi điều lệnh\n\nHội thi điều lệnh\n\nNgày đăng: 28/05/2024\n\n${LEAD}`, { title: 'Hội thi điều lệnh', date: '2024-05-28', summary: LEAD.slice(6) }],
  ['a section name above the title', `Tin tức - Sự kiện\n\nHội thi điều lệnh ở Trung đoàn 98\n\nNgày đăng: Thứ ba, 28/05/2024\n\n${LEAD}`, { title: 'Hội thi điều lệnh ở Trung đoàn 98', date: '2024-05-28' }],
  ['a date in words', `Hội thi điều lệnh\n\nNgày đăng: 28 tháng 5 năm 2024\n\n${LEAD}`, { date: '2024-05-28' }],
  [
    'a caption above a lead without dateline',
    'Hội thi điều lệnh\n\nCán bộ, chiến sĩ Trung đoàn 98 luyện tập điều lệnh.\n\nTrong hai ngày 27 và 28/5, Trung đoàn 98 tổ chức hội thi điều lệnh cho các đơn vị trực thuộc, thu hút hơn 300 cán bộ, chiến sĩ tham gia.',
    {
      captions: ['Cán bộ, chiến sĩ Trung đoàn 98 luyện tập điều lệnh.'],
      summary: 'Trong hai ngày 27 và 28/5, Trung đoàn 98 tổ chức hội thi điều lệnh cho các đơn vị trực thuộc, thu hút hơn 300 cán bộ, chiến sĩ tham gia.',
    },
  ],
  ['a title that asks', `Vì sao đơn vị luôn dẫn đầu?\n\n${LEAD}`, { title: 'Vì sao đơn vị luôn dẫn đầu?' }],
  ['a share bar above the lead', `Hội thi điều lệnh\n\nChia sẻ\n\nFacebook\n\n${LEAD}`, { title: 'Hội thi điều lệnh', summary: LEAD.slice(6) }],
  ['page furniture in the head', `Hội thi điều lệnh\n\nCập nhật lúc 08:00 ngày 28/05/2024\n\nLượt xem: 1.234\n\n${LEAD}`, { summary: LEAD.slice(6), date: null }],
  ['a capture starting mid-sentence', `các đơn vị trực thuộc tham gia hội thi.\n\nHội thi diễn ra sôi nổi.`, { titleDerived: true, summary: 'các đơn vị trực thuộc tham gia hội thi.' }],
  ['a series line before the date', `Hội thi điều lệnh\n\nKỳ 2: Những người thầy\n\nNgày đăng: 28/05/2024\n\n${LEAD}`, { series: 'Kỳ 2: Những người thầy', date: '2024-05-28' }],
  ['a byline above the source', `Hội thi điều lệnh\n\n${LEAD}\n\nHội thi kết thúc tốt đẹp.\n\nTin, ảnh: MINH TÂM\n\n(Nguồn: QĐND)`, { byline: 'Tin, ảnh: MINH TÂM', authors: ['MINH TÂM'] }],
  ['a date under the byline', `Hội thi điều lệnh\n\n${LEAD}\n\nHội thi kết thúc tốt đẹp.\n\nTin, ảnh: MINH TÂM\n\n28/05/2024 08:15`, { byline: 'Tin, ảnh: MINH TÂM', truncated: false }],
  ['a byline after the end mark, then navigation', `Hội thi điều lệnh\n\n${LEAD}\n\nHội thi kết thúc tốt đẹp./.\n\nMINH TÂM\n\nTrang chủ\n\nLiên hệ`, { byline: 'MINH TÂM', truncated: false }],
];
for (const [name, text, expected] of LAYOUTS) {
  test(`layout: ${name}`, () => {
    const { article } = parseDump(text, 'layout.txt');
    for (const [key, value] of Object.entries(expected)) assert.deepEqual(article[key as keyof typeof article], value, key);
  });
}
