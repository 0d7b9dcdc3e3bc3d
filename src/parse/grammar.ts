/**
 * The grammar of a dump: every line shape the parser recognizes, as named constants with an example
 * line above each. Lines are matched after trimming. Patterns are anchored and case-sensitive unless
 * the sites print a form in several cases. JavaScript's `\b` knows only ASCII letters, so word edges
 * here are `(?<![\p{L}])` and `(?![\p{L}])`.
 */

// ── The page header: the site's clock and the noise around it ─────────────────────────────────────

/** `Thứ sáu Ngày 19 Tháng 07 Năm 2024, 12:54:42` — the page's clock at crawl time, never the publication date. */
export const CRAWL_HEADER =
  /^(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s+nhật)\s*,?\s+Ngày\s+(?<day>\d{1,2})\s+Tháng\s+(?<month>\d{1,2})\s+Năm\s+(?<year>\d{4})\s*,?\s*(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?$/iu;

/** `Thứ 2, 24/09/2018`, `Thứ Hai, 24/09/2018 | 10:22` — the short clock; without a time, no crawl time. */
export const SHORT_HEADER =
  /^(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s+nhật|CN)\s*,?\s+(?<day>\d{1,2})\/(?<month>\d{1,2})\/(?<year>\d{4})(?:(?:\s*[,|–-]\s*|\s+)(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?)?$/iu;

/** `0985.456.616`, `Hotline: 0243 123 456` — a phone number the site prints in its header. */
export const HOTLINE = /^(?:(?:Hotline|Đường dây nóng|ĐT|Điện thoại|Tel)\s*:?\s*)?\+?[\d][\d .()-]{7,}\d$/iu;

/** `Hoàn tất`, `Đóng` — words of the search overlay and menus, alone on their line. */
export const OVERLAY_WORD =
  /^(?:Hoàn tất|Đóng|Tìm kiếm|Tìm|Menu|Đăng nhập|Đăng ký|Trang chủ|Home|English|RSS|Search)$/iu;

/**
 * `Home Tin tức - Sư kiện Đoàn công tác …`, `Trang chủ » Tin tức » Quốc phòng`, `Tin tức › Sự kiện` —
 * a breadcrumb (the title it leads to is often its last crumb).
 */
export const BREADCRUMB = /^(?:(?:Home|Trang chủ|Trang nhất)(?![\p{L}\d])|[^»›>]{1,40}(?:\s[»›>]\s[^»›>]{1,60})+$)/iu;

/** `htnndlllcc`, `dtcktktqkkkkkk` — a token left by an image or an icon: a long ASCII run. */
export const GARBAGE_TOKEN = /^[a-z]{8,}$/u;
/** Vowels no real word of eight letters or more, Vietnamese or English, goes without. */
const GARBAGE_VOWEL_SHARE = 0.2;
/** `GARBAGE_TOKEN` that is no word: almost no vowels (`facebook` is a word, `htnndlllcc` is not). */
export function isGarbageToken(token: string): boolean {
  if (!GARBAGE_TOKEN.test(token)) return false;
  const vowels = token.replace(/[^aeiouy]/gu, '').length;
  return vowels / token.length < GARBAGE_VOWEL_SHARE;
}

// ── The article head ────────────────────────────────────────────────────────────────────────────────

/**
 * `Ngày đăng: 20/03/2023` (also `-` or `.` separators, a two-digit year, a weekday before it, a time
 * after it: `Ngày đăng: Thứ hai, 20-3-2023 | 10:15`).
 */
export const PUBLISHED =
  /^(?:Ngày\s+đăng|Đăng\s+ngày|Ngày\s+xuất\s+bản)\s*:?\s*(?:(?:Thứ\s+\S+|Chủ\s+nhật)\s*,?\s*)?(?<day>\d{1,2})[/.-](?<month>\d{1,2})[/.-](?<year>\d{4}|\d{2})(?!\d).*$/iu;

/** `Ngày đăng: 20 tháng 3 năm 2023` — the date in words. */
export const PUBLISHED_IN_WORDS =
  /^(?:Ngày\s+đăng|Đăng\s+ngày|Ngày\s+xuất\s+bản)\s*:?\s*(?:(?:Thứ\s+\S+|Chủ\s+nhật)\s*,?\s*)?(?:ngày\s+)?(?<day>\d{1,2})\s+tháng\s+(?<month>\d{1,2})\s*,?\s+năm\s+(?<year>\d{4})(?!\d).*$/iu;

/** `05/09/2019`, `05/09/2019 08:15`, `08:15 05/09/2019` — a bare date alone on its line. */
export const BARE_DATE =
  /^(?:\d{1,2}:\d{2}(?::\d{2})?\s*[,|–-]?\s*)?(?<day>\d{1,2})[/.-](?<month>\d{1,2})[/.-](?<year>\d{4})(?:\s*[,|–-]?\s*\d{1,2}:\d{2}(?::\d{2})?)?$/u;

/**
 * `Cập nhật: 20/03/2023 08:15`, `Cập nhật lúc 08:15 ngày 20/03/2023`, `Lượt xem: 1.234`,
 * `Chuyên mục: Tin tức` — page furniture in the head.
 */
export const HEAD_FURNITURE =
  /^(?:Cập nhật|Lượt xem|Lượt đọc|Số lần đọc|Lượt truy cập|Chuyên mục|Danh mục|Đăng lúc|Thời gian)(?:\s*:|\s+(?:lúc\s+|ngày\s+)?\d).*$/iu;

/** `Bài 1: Phát huy vai trò hạt nhân lãnh đạo` — a series line (also `Kỳ 2:`, `Phần 3:`, `Bài cuối:`). */
export const SERIES = /^(?:Bài|Kỳ|Phần)\s+(?:\d{1,2}|cuối|[IVX]{1,4})\s*[:.–-]\s*\S.{0,200}$/u;

// ── The lead ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * The dateline before the lead's dash, with whatever junk an image left glued to it:
 * `QK2 – Đoàn KT-QP 356 …`, `QK2 -  …`, `Qk2 – …`, `(QK7 Online) – …`, `dtcktktqkkkkkkQK3 Online - Ngày 2/8, …`,
 * `QĐND Online – …`.
 */
export const DATELINE =
  /^(?<junk>[a-z]{4,})?(?<printed>\((?<inParens>[^()\n]{2,24})\)|(?<bare>(?:QK|Qk|qk)\s?\d{1,2}(?:\s+Online)?|[A-ZĐ]{2,8}\s+Online|QĐND|TTXVN|VOV|VTV))\s*[–—-]\s*(?=\S)/u;

/** `- Được thành lập năm 2000, …` — a lead whose dateline was stripped, leaving its dash. */
export const BARE_DASH_LEAD = /^[–—-]\s+(?=\S)/u;

// ── Image remnants and table pipes, which mark the caption next to them ─────────────────────────────

/**
 * `![](/fileman/Uploads/tbNews/28531/thumb/dsc00171.jpg)` — a Markdown image left by the capture
 * (also linked, `[![](a.jpg)](a.jpg)`, or an HTML `<img src="…">`).
 */
export const IMAGE_REMNANT = /^(?:\[?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?|<img\b[^>]*>)$/iu;

/** `.jpg)`, `dsc00171.jpg)` — the tail of an image link cut from its start. */
export const IMAGE_TAIL = /^\S*\.(?:jpe?g|png|gif|webp|bmp)\)?$/iu;

/** `|` — a table cell border alone on its line (photo tables). */
export const PIPE_LINE = /^\|+$/u;

/** `Toàn cảnh bắn luyện tập … tối 8/4. |`, `| Toàn cảnh …` — a caption cell with its border. */
export const PIPED = /^\|+\s*(?<left>.*[^|\s])\s*\|*$|^(?<right>.*[^|\s])\s*\|+$/u;

/** `![](/a.jpg)` inside a line of text — the image is gone, the text around it stays. */
export const INLINE_IMAGE = /!\[[^\]]*\]\([^)]*\)/gu;

/** `[Xem thêm](https://…)` inside a line — the link's words stay, the address goes. */
export const INLINE_LINK = /\[(?<words>[^\]]+)\]\((?:https?:\/\/|\/)[^)]*\)/gu;

// ── Captions ────────────────────────────────────────────────────────────────────────────────────────

/** `(thứ hai, trái sang)`, `(bên phải)`, `(ngoài cùng bên trái)` — where a person stands in the photo. */
export const PHOTO_POSITION =
  /\((?:[^()]*(?<![\p{L}])(?:trái sang|phải sang|từ trái|từ phải|bên trái|bên phải|ngoài cùng|đứng giữa|ở giữa|hàng đầu|hàng trước|hàng sau|ảnh trái|ảnh phải|ảnh trên|ảnh dưới)(?![\p{L}])[^()]*|giữa|trái|phải)\)/iu;

/** `… tại thao trường. Ảnh: TL`, `… (Ảnh: Hải Anh)` — a photo credit, which only captions carry. */
export const PHOTO_CREDIT = /(?:^|[\s.(])Ảnh\s*:\s*[^.:()]{1,40}\)?\.?$/u;

/** `– Là địa bàn có tiềm năng …`, `+ …`, `• …` — list-like body text, never a caption. */
export const LIST_ITEM = /^[–—\-+•*]\s/u;

// ── The end of the article ──────────────────────────────────────────────────────────────────────────

/** `…về với Tổ quốc./.` (also `. /.`) — the end mark of a Vietnamese news article. */
export const END_MARK = /\.\s?\/\.\s*$/u;

/** `Nguồn: Báo QĐND`, `(Nguồn: QĐND)`, `(Theo QĐND)`, `Theo qdnd.vn` — where a reposted article comes from; not a byline. */
export const SOURCE_LINE = /^\(?(?:Nguồn\s*:\s*[^()\s][^()]{0,80}|Theo\s+[^\s,()]+(?:\s+[^\s,()]+){0,5})\)?$/u;

/**
 * Lines that start the site's boilerplate below an article (comment form, related links, navigation):
 * `Trả lời`, `Thư điện tử của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *`,
 * `Phản hồi`, `Các tin khác`, `Mới nhất`, `Xem nhiều nhất`, `Bình luận (0)`, `Tin liên quan`, `Từ khóa: …`.
 */
export const TAIL_MARKER =
  /^(?:Trả lời|Phản hồi|Các tin khác|Tin khác|Mới nhất|Tin mới nhất|Xem nhiều nhất|Đọc nhiều nhất|Tin đọc nhiều|Tin liên quan|Bài liên quan|Bài viết liên quan|Tin cùng chuyên mục|Các tin cùng chuyên mục|Tin mới hơn|Tin cũ hơn|Tin đã đưa|Các bài đã đăng|Bình luận|Gửi bình luận|Ý kiến bạn đọc|Viết bình luận|Để lại một bình luận|Để lại bình luận|Chia sẻ|In bài viết|In bài|Gửi email|Về đầu trang|Lên đầu trang|Quay lại|Xem thêm|Tin nổi bật|Facebook|Twitter|Zalo|Tweet|Chia sẻ Facebook|Các tin đã đưa|Có thể bạn quan tâm|Đọc thêm|Tin tức liên quan|Bài viết cùng chuyên mục|Ý kiến của bạn|Gửi ý kiến|Bình luận của bạn|Tin mới)(?:\s*\(\d+\))?\s*:?$|^(?:Thư điện tử của bạn sẽ không được hiển thị công khai|Email của bạn sẽ không được hiển thị công khai|Các trường bắt buộc được đánh dấu|Từ khóa\s*:|Tags?\s*:|Bản quyền thuộc về|©)/iu;

/** `Qk2 – Thu đông 1947 … Đối phó với cuộc tiến công của […]` — a listing's lead snippet. */
export const LISTING_SNIPPET = /(?:\[…\]|\[\.\.\.\]|…\]|\[\s*Xem thêm\s*\]|\[\s*Đọc tiếp\s*\])\s*$/u;

// ── Bylines ─────────────────────────────────────────────────────────────────────────────────────────

/** `Bài, ảnh: HOÀNG OANH`, `Tin, ảnh: TRẦN HÀO-PHẠM HẢI`, `Tin và ảnh: …`, `Bài và ảnh: …`, `Bài: …`. */
export const CREDIT_PREFIX =
  /^(?<credit>(?:Bài|Tin|Ảnh|Bài viết|Tin bài|Video|Clip|Thực hiện|Nhóm PV|Tác giả)(?:\s*(?:,|và|&|\+|-)\s*(?:bài|tin|ảnh|video|clip))*)\s*:\s*(?<names>\S.*)$/iu;

/**
 * `Đại tá PHAN ĐÌNH ÂN, Chính ủy Cục Kỹ thuật Quân khu`, `Thượng tá, ThS NGUYỄN AN - Trường Quân sự
 * Quân khu 2`, `THƯỢNG TÁ LÊ HÙNG`, `Đại úy QNCN LÊ AN`, `Thượng sĩ LÒ VĂN A` — an officer or soldier writing
 * under rank (and degree) and role. Any case: some sites print the whole byline in capitals.
 */
export const RANK =
  /^(?<rank>(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)|Chuẩn\s+(?:úy|uý)|(?:Thượng|Trung|Hạ)\s+sĩ|Binh\s+(?:nhất|nhì)|QNCN|Đồng\s+chí|Đ\/c|PGS\.?\s*,?\s*TS\.?|TS\.?|ThS\.?)(?:\s*,\s*|\s+)(?<rest>\S.*)$/iu;

/**
 * `Phó Chính ủy NGUYỄN VĂN AN`, `Chính trị viên Lê Minh` — a role before a name; it is stripped only when a
 * name follows (`Chính ủy Sư đoàn 316` after an officer's name is his role, not a person).
 */
export const ROLE =
  /^(?:Phó\s+)?(?:Chính\s+(?:ủy|uỷ)|Chính\s+trị\s+viên|Tư\s+lệnh|Chỉ\s+huy\s+trưởng|Tham\s+mưu\s+trưởng|Chủ\s+nhiệm(?:\s+Chính\s+trị)?|Bí\s+thư|(?:Sư|Lữ|Trung|Tiểu)\s+đoàn\s+trưởng|Đại\s+đội\s+trưởng|Đồn\s+trưởng|Giám\s+đốc|Trưởng\s+(?:ban|phòng))(?:\s*,\s*|\s+)(?<rest>\S.*)$/iu;

/** `TRẦN HÀO-PHẠM HẢI`, `Hải Anh và Minh Đức`: what separates names in a byline. */
export const NAME_SEPARATOR = /\s*[-–—;,]\s*|\s+(?:và|&)\s+/u;

/** `HOÀNG OANH` — a name in capitals, as the QK2 site prints its authors. */
export const NAME_UPPER = /^[\p{Lu}](?:[\p{Lu}.']*)(?:\s+[\p{Lu}][\p{Lu}.']*){0,5}$/u;

/** `KB`, `K.B`, `N.H.` — an author's initials alone. */
export const INITIALS = /^(?:[\p{Lu}]\.?){1,4}$/u;

/** `Tuấn Anh` — a name in normal case: two to five capitalized words. */
export const NAME_CAPITALIZED = /^[\p{Lu}][\p{Ll}]*(?:\s+[\p{Lu}][\p{Ll}]*){1,4}$/u;

// ── Estimated dates: the day of the event in the lead, and what the text says about its year ─────────
// Matched on the lead (the day) and on the title, lead, paragraphs and captions (the year). `src/parse/
// estimate.ts` decides from them; a phrase that names another year than the others makes it no estimate.

/**
 * `Sáng 30-6,`, `Chiều 18-11,`, `Ngày 2/8,`, `Tối 8/4/2025,`, `Trong các ngày 15 và 16-9,`, `Trong 3 ngày từ 15 đến
 * 17/10,`, `Sáng 15 tháng 3,`, `Sáng nay (30-6),`, `Ngày 12/5 vừa qua,`, `…(27/7/1947-27/7/2023), ngày 21/7, …` —
 * the event's day in the lead's first sentence: at its start (or after a place's dateline, `Lạng Sơn – `) or
 * after a comma, and followed by a comma (`ngày 15/3 của Bộ CHQS` is a document's date, not the event's). A
 * range gives its first day.
 */
export const LEAD_DAY =
  /(?<=^|,\s{1,3}|^\p{Lu}[\p{L} .]{1,30}\s[–—-]\s)(?<phrase>(?:(?:Sáng|Chiều|Trưa|Tối|Đêm|Hôm)\s+(?:nay|qua)\s*\(\s*|(?:(?:Sáng|Chiều|Trưa|Tối|Đêm|Rạng\s+sáng)(?:\s+ngày)?|(?:Trong|Từ)\s+(?:(?:các|hai|ba|\d)\s+)?ngày(?:\s+từ)?|Ngày)\s+)(?:(?<day>\d{1,2})(?:\s*(?:,|và|-|–|đến)\s*\d{1,2})*\s*[-/.]\s*(?<month>\d{1,2})(?:\s*[-/.]\s*(?<year>\d{4}))?|(?<dayW>\d{1,2})\s+tháng\s+(?<monthW>\d{1,2})(?:\s*,?\s*năm\s+(?<yearW>\d{4}))?)(?:\s*\))?(?:\s+vừa\s+(?:qua|rồi))?)(?=\s*[,;(])/iu;

/** `năm 2019 và 8 tháng đầu năm 2020`, `6 tháng đầu năm 2016` — the months of a year done so far: said as they end. */
export const FIRST_MONTHS =
  /(?<![\p{L}\d])(?:năm\s+\d{4}\s*(?:,|và)\s*)?(?<months>\d{1,2})\s+tháng\s+đầu\s+năm\s+(?<year>\d{4})(?!\d)/giu;

/** `6 tháng cuối năm 2022` — the rest of a year, planned or under way within it. */
export const LAST_MONTHS = /(?<![\p{L}\d])(?<months>\d{1,2})\s+tháng\s+cuối\s+năm\s+(?<year>\d{4})(?!\d)/giu;

/** `quý III năm 2023`, `quý 3/2023` — a quarter, reported in it or the month after. */
export const QUARTER = /(?<![\p{L}])quý\s+(?<quarter>IV|I{1,3}|[1-4])\s*(?:,?\s*năm\s+|[/-]\s*)(?<year>\d{4})(?!\d)/giu;

/**
 * `tổng kết năm 2023`, `tổng kết công tác quân sự, quốc phòng năm 2023` — a year under review: the review
 * meets in its last months or early the next year. The words between never plan (`triển khai`, …).
 */
export const YEAR_REVIEW =
  /(?<![\p{L}])tổng\s+kết(?:(?!triển\s+khai|phương\s+hướng|kế\s+hoạch)[^.;:()]){0,60}?\s+năm\s+(?<year>\d{4})(?!\d)/giu;

/**
 * `triển khai nhiệm vụ năm 2024`, `phương hướng, nhiệm vụ năm 2024`, `kế hoạch công tác kỹ thuật năm 2017` —
 * a year being planned: on its eve (October on) or in its first quarter; a `kế hoạch` may be carried out
 * all year, so it only bounds the year.
 */
export const YEAR_PLAN =
  /(?<![\p{L}])(?:(?<ahead>triển\s+khai\s+(?:thực\s+hiện\s+)?nhiệm\s+vụ|phương\s+hướng)|kế\s+hoạch)[^.;:()]{0,40}?\s+năm\s+(?<year>\d{4})(?!\d)/giu;

/**
 * `kiểm tra toàn diện năm 2024`, `tuyên thệ chiến sĩ mới năm 2022`, `ra quân huấn luyện năm 2023`, `diễn tập
 * khu vực phòng thủ tỉnh năm 2019` — an event of the year it names; the early ones (`ra quân huấn luyện`,
 * `giao nhận quân`, `tuyển quân`, `khám tuyển`, `hội nghị quân chính`) are prepared from October of the year
 * before. Words of a plan between (`hội thao … nhiệm vụ năm 2025`) make it no event.
 */
export const YEAR_EVENT =
  /(?<![\p{L}])(?:kiểm\s+tra\s+toàn\s+diện|tuyên\s+thệ\s+chiến\s+sĩ\s+mới|huấn\s+luyện\s+chiến\s+sĩ\s+mới|diễn\s+tập|hội\s+thao|hội\s+thi|bắn\s+đạn\s+thật|tuyển\s+sinh|(?<early>ra\s+quân\s+huấn\s+luyện|giao,?\s+nhận\s+quân|tuyển\s+quân|khám\s+tuyển|hội\s+nghị\s+quân\s+chính))(?:(?!nhiệm\s+vụ|kế\s+hoạch|phương\s+hướng|chương\s+trình)[^.;:()]){0,50}?\s+năm\s+(?<year>\d{4})(?!\d)/giu;

/**
 * `kỷ niệm 76 năm Ngày thương binh-liệt sỹ (27/7/1947-27/7/2023)`, `kỷ niệm 70 năm Ngày thành lập Sư đoàn (1951 –
 * 2021)` — an anniversary and its years (which must be that many apart); `tiến tới kỷ niệm` may be a year early.
 */
export const ANNIVERSARY =
  /(?<![\p{L}])(?<ahead>(?:tiến|hướng)\s+tới\s+)?k[ỷỉ]\s+niệm\s+(?<years>\d{1,3})\s+năm[^.;()]{0,100}?\(\s*(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*)?(?<from>\d{4})\s*[-–—]\s*(?:(?<day>\d{1,2})\s*[/.-]\s*(?<month>\d{1,2})\s*[/.-]\s*)?(?<to>\d{4})\s*\)/giu;

/**
 * `(22/12/1944 – 22/12/2024)` — a day and its anniversary, without the words: the later year is the year
 * the anniversary is kept.
 */
export const DATE_RANGE =
  /\(\s*(?<day0>\d{1,2})\s*[/.-]\s*(?<month0>\d{1,2})\s*[/.-]\s*(?<from>\d{4})\s*[-–—]\s*(?<day>\d{1,2})\s*[/.-]\s*(?<month>\d{1,2})\s*[/.-]\s*(?<to>\d{4})\s*\)/gu;

/** `30/6/2022`, `30-6-2022` — a full date in the text: the event's year when its day and month are the lead's. */
export const FULL_DATE = /(?<![\d/.-])(?<day>\d{1,2})[/.-](?<month>\d{1,2})[/.-](?<year>\d{4})(?!\d)/gu;

/** `so với 6 tháng đầu năm 2019`, `cùng kỳ năm 2022` — a period compared with, not the event's: read before a phrase, in its clause. */
export const COMPARED_PERIOD = /(?:so\s+với|cùng\s+kỳ)(?![\p{L}])[^.;:()]*$/iu;

/**
 * `rút kinh nghiệm diễn tập năm 2019`, `kết quả hội thao năm 2019`, `tổng kết hội thi năm 2023` — an event
 * looked back on: read before a `YEAR_EVENT`, in its clause, it is not the event the lead reports.
 */
export const PAST_EVENT = /(?:rút\s+kinh\s+nghiệm|kinh\s+nghiệm|kết\s+quả|tổng\s+kết|sơ\s+kết)(?![\p{L}])[^.;:(),]*$/iu;

/** `chuẩn bị cho diễn tập năm 2025`, `hướng tới kỷ niệm …` — a period ahead: read before a phrase, in its clause. */
export const AHEAD_PERIOD = /(?:chuẩn\s+bị|tiến\s+tới|hướng\s+tới)(?![\p{L}])[^.;:(),]*$/iu;

/** `1946`, `2025` — a year anywhere in the text: one after the lead's own year makes the lead history (`Ngày 19/10/1946, Quân khu 2 được thành lập`). */
export const ANY_YEAR = /(?<!\d)(?:19[4-9]\d|2[01]\d\d)(?!\d)/gu;
