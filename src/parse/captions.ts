/**
 * Photo captions. The photos are lost in a dump; their captions stay, as lines between paragraphs.
 * What gives a caption away, strongest first:
 * - markup: the line sits right after an image remnant (`![](….jpg)`, `.jpg)`, a token an image left)
 *   or inside table pipes (`caption |`);
 * - its own words: where people stand in the photo (`(thứ hai, trái sang)`), a photo credit (`Ảnh: TL`),
 *   or the same line printed twice in a row (alt text and visible caption);
 * - its shape: one short descriptive sentence — who does what where — with no speech (`:`), no list dash,
 *   and not opening the way body paragraphs do (`Tại hội nghị, …`, `Theo …`, `Sau khi …`).
 * When a dump keeps its image markup, the markup is the whole truth: shape alone decides nothing.
 */
import { END_MARK, LIST_ITEM, PHOTO_CREDIT, PHOTO_POSITION } from './grammar.ts';
import type { DumpLine } from './lines.ts';

/** A line of the article body, with what the markup around it said. */
export interface BodyLine extends DumpLine {
  /** Right after an image remnant, or inside table pipes. */
  besideImage: boolean;
}

export type CaptionEvidence = 'markup' | 'words' | 'shape';

/** Longest caption by shape alone; the corpora's run to ~190 characters, body sentences past 180. */
export const CAPTION_MAX = 200;
/** A caption that says so in its own words (a position in the photo, a credit) may run longer. */
const WORDED_CAPTION_MAX = 320;
/** A caption found by shape alone and longer than this is reported as suspicious. */
export const SUSPICIOUS_LENGTH = 160;

/** A sentence ends, and another begins, inside the line. `3.000` and `TP.HCM` do not count. */
const SENTENCE_BREAK = /[.!?…]["”’»)]?\s+["“‘«(]?[\p{Lu}]/u;

/**
 * How body paragraphs open (adverbials and connectives) and captions, which start from their subject,
 * do not: `Tại hội nghị, …`, `Theo ghi nhận …`, `Sau đây là hình ảnh …`, `Ngày 30-9, …`.
 */
const BODY_OPENING = new RegExp(
  '^(?:' +
    [
      'Tại',
      'Qua',
      'Sau',
      'Trong',
      'Theo',
      'Để',
      'Với',
      'Cùng với',
      'Bên cạnh',
      'Ngoài ra',
      'Đặc biệt',
      'Kết luận',
      'Phát biểu',
      'Có thể',
      'Trước',
      'Không chỉ',
      'Không những',
      'Từ',
      'Nhờ',
      'Do',
      'Vì',
      'Tuy',
      'Mặc dù',
      'Nhằm',
      'Hiện nay',
      'Thời gian qua',
      'Đến nay',
      'Như vậy',
      'Bởi',
      'Khi',
      'Nhân dịp',
      'Đồng thời',
      'Song',
      'Tuy nhiên',
      'Theo đó',
      'Trên cơ sở',
      'Mặt khác',
      'Hằng năm',
      'Hàng năm',
      'Đây là',
      'Đó là',
      'Được biết',
      'Hướng tới',
      'Thực hiện',
      'Chính vì',
      'Vừa qua',
      'Tiếp đó',
      'Tiếp theo',
      'Cuối cùng',
      'Trước đó',
      'Ngay sau',
      'Kết thúc',
      'Kết quả',
      'Nhìn chung',
      'Dịp này',
      'Bên cạnh đó',
      'Dự kiến',
      'Thời gian tới',
      'Sắp tới',
      'Đáng chú ý',
      'Riêng',
      'Chỉ tính riêng',
      'Tính đến',
      'Như',
      'Nếu',
      'Tuy vậy',
      'Vì vậy',
      'Do đó',
      'Vì thế',
      'Bằng',
      'Từ đó',
      'Mùa',
      'Những ngày',
      'Những năm',
      'Những tháng',
      'Nhiều năm',
      'Hôm nay',
      'Hằng ngày',
      'Hàng ngày',
      'Trải qua',
      'Sau đó',
      'Suốt',
      'Nhận được',
      'Dự',
      'Tham dự',
      'Cùng dự',
      'Đến dự',
      'Chủ trì',
      'Tham gia',
      // A time phrase closed by a comma: `Mùa khô năm nay, …`, `Thời gian qua, …`, `Những ngày này, …`.
      '(?:[\\p{L}\\d/-]+\\s+){0,4}(?:nay|qua|này|đó|ấy|trước|tới)(?=,)',
      '(?:Năm|Ngày|Sáng|Chiều|Tối|Trưa|Đêm|Tháng|Từ ngày)\\s+(?:\\d[\\d/.-]*|nay|qua|hôm \\S+)',
    ].join('|') +
    ')(?=[\\s,])',
  'u',
);

/**
 * What a caption does not say. Captions describe the photo in the present: body text tells what was
 * done (`đã`) or will be (`sẽ`), when things take place (`diễn ra`) and what for (`nhằm`), reports
 * (`… đánh giá, …`, `… cho biết: …`) and counts (`100%`).
 */
const BODY_WORDING =
  /(?<![\p{L}])(?:đã|sẽ|diễn ra|nhằm)(?![\p{L}])|%|(?<![\p{L}])(?:đánh giá|cho biết|nhấn mạnh|khẳng định|cho rằng|chia sẻ|nhận định|thông tin)\s*[,:]/u;

/** What a caption may end with: a period, a closing quote or parenthesis, or nothing at all. */
const BAD_ENDING = /[,;:…?!]$|\.\.\.$/u;

/** `Ảnh: Bộ đội giúp dân thu hoạch lúa.` — the credit word first, then the caption. */
const CREDIT_FIRST = /^Ảnh\s*:\s*(?=\p{Lu})/u;

/**
 * Intertitles, which long articles put between their sections, look like captions without a period;
 * they are short, name nobody, and open on a programme rather than a subject:
 * `Nâng cao chất lượng huấn luyện`, `Phát huy vai trò hạt nhân`, `Dấu ấn từ cơ sở`.
 * A caption names who does what (`Bộ đội giúp dân sơ tán khỏi vùng ngập lụt`).
 */
const INTERTITLE_MAX = 80;
const INTERTITLE_OPENING =
  /^(?:Nâng cao|Phát huy|Tăng cường|Xây dựng|Đẩy mạnh|Làm tốt|Chú trọng|Quan tâm|Giữ vững|Đổi mới|Tập trung|Khắc phục|Phát triển|Góp phần|Nỗ lực|Bảo đảm|Đảm bảo|Thực hiện|Triển khai|Chủ động|Kiên quyết|Tích cực|Hiệu quả|Kết quả|Dấu ấn|Điểm sáng|Vai trò|Bài học|Những|Từ|Khi|Để|Vì|Cần|Còn|Niềm|Nơi|Hành trình)(?=\s)/u;

function isIntertitle(text: string): boolean {
  if (/[.!?"”)]$/u.test(text) || text.length >= INTERTITLE_MAX) return false;
  const names = text.split(/\s+/u).slice(1).filter((w) => /^\p{Lu}/u.test(w)).length;
  return names === 0 && INTERTITLE_OPENING.test(text);
}

/** The caption's words without a trailing photo credit (`… tại thao trường. Ảnh: TL`). */
function withoutCredit(text: string): string {
  return text.replace(PHOTO_CREDIT, '').trim();
}

/** One short descriptive sentence, opening with its subject. */
export function hasCaptionShape(text: string, max = CAPTION_MAX): boolean {
  const words = withoutCredit(text.replace(CREDIT_FIRST, ''));
  return (
    words.length > 0 &&
    words.length <= max &&
    // A caption starts from its subject; a line opening on a quote is someone speaking.
    /^[\p{Lu}\d]/u.test(words) &&
    words.split(/\s+/).length >= 2 &&
    !LIST_ITEM.test(words) &&
    !words.includes(':') &&
    !SENTENCE_BREAK.test(words) &&
    !BAD_ENDING.test(words) &&
    !BODY_OPENING.test(words) &&
    !BODY_WORDING.test(words)
  );
}

/** A caption's size at most: one or two sentences, not a list item. */
function isCaptionSized(text: string): boolean {
  const words = withoutCredit(text);
  const breaks = words.split(SENTENCE_BREAK).length - 1;
  return words.length > 0 && words.length <= WORDED_CAPTION_MAX && breaks <= 1 && !LIST_ITEM.test(words);
}

/** What the caption's own words say: a position in the photo, or a photo credit. */
export function hasCaptionWords(text: string): boolean {
  return PHOTO_POSITION.test(text) || PHOTO_CREDIT.test(text) || CREDIT_FIRST.test(text);
}

/**
 * Why `lines[i]` is a caption, or null when it is body text.
 * @param markupMode the dump keeps its image markup, so only markup makes a caption
 */
export function captionEvidence(lines: readonly BodyLine[], i: number, markupMode: boolean): CaptionEvidence | null {
  const line = lines[i]!;
  // An image without a caption is followed by body text: a paragraph of sentences is not its caption.
  if (line.besideImage && isCaptionSized(line.text)) return 'markup';
  const repeated = lines[i - 1]?.text === line.text || lines[i + 1]?.text === line.text;
  if (repeated && hasCaptionShape(line.text, WORDED_CAPTION_MAX)) return 'words';
  if (hasCaptionWords(line.text) && hasCaptionShape(line.text, WORDED_CAPTION_MAX)) return 'words';
  if (markupMode) return null;
  // An article ends with its text: a closing sentence (or `./.`) is not a photo's caption.
  if (i === lines.length - 1 || END_MARK.test(line.text)) return null;
  if (isIntertitle(line.text)) return null;
  return hasCaptionShape(line.text) ? 'shape' : null;
}
