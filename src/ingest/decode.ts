/**
 * Bytes of a dump → NFC text, or the reason it cannot be read as text. Pure: no IO.
 *
 * Order matters: a BOM is trusted first; then valid UTF-8 (the normal case), checked for mojibake;
 * then the legacy Vietnamese encodings, accepted only when nearly every accented word decodes to a
 * well-formed Vietnamese syllable. Anything else is rejected: a page of mojibake is worse than none.
 */
import { normalizeText } from '../text.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; bom: boolean; repaired?: 'double-encoded-utf-8' }
  | { ok: false; reason: string };

const BOM_UTF8 = [0xef, 0xbb, 0xbf];
const BOM_UTF16LE = [0xff, 0xfe];
const BOM_UTF16BE = [0xfe, 0xff];

export function decodeDump(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  const bom = detectBom(bytes);
  if (bom) return finish(decodeBom(bytes, bom), bom, true);
  const utf16 = sniffUtf16(bytes);
  if (utf16) return finish(decodeBom(bytes, utf16, 0), utf16, false);
  if (looksBinary(bytes)) return { ok: false, reason: 'binary data, not text' };

  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) {
    if (mojibakeScore(utf8) < MOJIBAKE_THRESHOLD) return finish(utf8, 'utf-8', false);
    const repaired = repairDoubleEncoded(utf8);
    if (mojibakeScore(repaired) < MOJIBAKE_THRESHOLD) {
      return { ...(finish(repaired, 'utf-8', false) as Extract<Decoded, { ok: true }>), repaired: 'double-encoded-utf-8' };
    }
    return { ok: false, reason: `mojibake (text decoded with the wrong encoding and saved again): ${quoteMojibake(utf8)}` };
  }
  return decodeLegacy(bytes);
}

function finish(text: string, encoding: Encoding, bom: boolean): Decoded {
  const normalized = normalizeText(text.replace(/\r\n?/g, '\n'));
  if (normalized.trim() === '') return { ok: false, reason: 'whitespace only' };
  if (encoding !== 'utf-8' && mojibakeScore(normalized) >= MOJIBAKE_THRESHOLD) {
    return { ok: false, reason: `mojibake in ${encoding} text: ${quoteMojibake(normalized)}` };
  }
  return { ok: true, text: normalized, encoding, bom };
}

function detectBom(bytes: Uint8Array): Encoding | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(BOM_UTF8)) return 'utf-8';
  if (starts(BOM_UTF16LE)) return 'utf-16le';
  if (starts(BOM_UTF16BE)) return 'utf-16be';
  return null;
}

function decodeBom(bytes: Uint8Array, encoding: Encoding, skip = encoding === 'utf-8' ? 3 : 2): string {
  const body = bytes.subarray(skip);
  // TextDecoder strips a BOM itself only for the label it was built with; `ignoreBOM` keeps it explicit.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
}

/** UTF-16 without a BOM: ASCII text leaves a NUL in every other byte, on one side only. */
function sniffUtf16(bytes: Uint8Array): Encoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.02) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.02) return 'utf-16be';
  return null;
}

/** NUL, or more than a trace of C0 control characters (tab, line feeds, form feed and escape are text). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return controls > n * 0.005;
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------
// Mojibake: UTF-8 read as Windows-1252 (`Ä‘oÃ n` for `đoàn`) or a lossy conversion (`Ð?oàn`).

/** Windows-1252's characters for bytes 0x80–0x9F; the rest of 0x80–0xFF is Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const CP1252_BYTE = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) {
  // Latin-1 decoders (Node's own `windows-1252` among them) leave 0x80–0x9F as C1 controls: take both.
  CP1252_BYTE.set(String.fromCharCode(b), b);
  if (b < 0xa0) CP1252_BYTE.set(CP1252_HIGH[b - 0x80]!, b);
}
const CP1252_RUN = new RegExp(`[${[...CP1252_BYTE.keys()].join('').replace(/[\]\\^-]/g, '\\$&')}]{2,}`, 'g');

const LETTER = /\p{L}/u;
const SMALL_LETTER = /\p{Ll}/u;
const letterAt = (text: string, i: number, re = LETTER) => i >= 0 && i < text.length && re.test(text[i]!);

interface MojibakeSign {
  /** A plain character class, so a 10 KB dump is scanned in microseconds (a leading `\p{L}` is not). */
  find: RegExp;
  weight: number;
  /** Whether the neighbours make the match a sign; every match counts without it. */
  around?: (text: string, index: number) => boolean;
}

/**
 * Each sign that text went through the wrong decoder, weighted. Vietnamese uses Latin-1's `À Á Â Ã È É
 * Ê Ì Í Ò Ó Ô Õ Ù Ú Ý` (and lower case) but never an Icelandic `Ð`, and never a lead byte of UTF-8
 * (`Ã Ä Å Æ á`) followed by a continuation byte shown as a Windows-1252 symbol.
 */
const MOJIBAKE_SIGNS: readonly MojibakeSign[] = [
  // `Ä‘` (đ), `Ã ` (à), `áº¡` (ạ), `Æ°` (ư): a UTF-8 lead byte then a continuation byte.
  { find: /[ÂÃÄÅÆÇáâ][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g, weight: 2 },
  // `oÃ n`: a lead byte left alone when its continuation byte was lost; Vietnamese never puts a
  // capital after a small letter in a word.
  { find: /[ÂÃÄÅÆ]/g, weight: 2, around: (text, i) => letterAt(text, i - 1, SMALL_LETTER) },
  // `Ð` (U+00D0) is never Vietnamese `Đ` (U+0110).
  { find: /[Ðð]/g, weight: 2 },
  // `Ð?oàn`: a character lost in a conversion and replaced by `?` inside a word, or by U+FFFD.
  { find: /[?\uFFFD]/g, weight: 1, around: (text, i) => text[i] === '\uFFFD' || (letterAt(text, i - 1) && letterAt(text, i + 1)) },
];
const MOJIBAKE_THRESHOLD = 2;

function signsOf(text: string, sign: MojibakeSign): number[] {
  const at: number[] = [];
  for (const m of text.matchAll(sign.find)) if (!sign.around || sign.around(text, m.index)) at.push(m.index);
  return at;
}

export function mojibakeScore(text: string): number {
  return MOJIBAKE_SIGNS.reduce((score, sign) => score + signsOf(text, sign).length * sign.weight, 0);
}

/** Re-encodes each run of Windows-1252 characters to bytes and decodes it as UTF-8 where it is valid. */
export function repairDoubleEncoded(text: string): string {
  return text.replace(CP1252_RUN, (run) => {
    const bytes = Uint8Array.from(run, (ch) => CP1252_BYTE.get(ch)!);
    return tryUtf8(bytes) ?? run;
  });
}

function quoteMojibake(text: string): string {
  const at = MOJIBAKE_SIGNS.map((sign) => signsOf(text, sign)[0]).find((i) => i !== undefined) ?? 0;
  return JSON.stringify(text.slice(Math.max(0, at - 20), at + 20).replace(/\s+/g, ' '));
}

// ---------------------------------------------------------------------------------------------------
// Legacy Vietnamese encodings.

/**
 * TCVN 5712:1993 VN3 (the "ABC" fonts, `.VnTime`): one byte per precomposed lower-case letter, and
 * the seven bare capitals; toned capitals were drawn with a separate upper-case font, same bytes.
 * Example: `§oµn KT-QP` is `Đoàn KT-QP`.
 */
const TCVN3: Readonly<Record<number, string>> = {
  0xa1: 'Ă', 0xa2: 'Â', 0xa3: 'Ê', 0xa4: 'Ô', 0xa5: 'Ơ', 0xa6: 'Ư', 0xa7: 'Đ',
  0xa8: 'ă', 0xa9: 'â', 0xaa: 'ê', 0xab: 'ô', 0xac: 'ơ', 0xad: 'ư', 0xae: 'đ',
  0xb5: 'à', 0xb6: 'ả', 0xb7: 'ã', 0xb8: 'á', 0xb9: 'ạ',
  0xbb: 'ằ', 0xbc: 'ẳ', 0xbd: 'ẵ', 0xbe: 'ắ', 0xc6: 'ặ',
  0xc7: 'ầ', 0xc8: 'ẩ', 0xc9: 'ẫ', 0xca: 'ấ', 0xcb: 'ậ',
  0xcc: 'è', 0xce: 'ẻ', 0xcf: 'ẽ', 0xd0: 'é', 0xd1: 'ẹ',
  0xd2: 'ề', 0xd3: 'ể', 0xd4: 'ễ', 0xd5: 'ế', 0xd6: 'ệ',
  0xd7: 'ì', 0xd8: 'ỉ', 0xdc: 'ĩ', 0xdd: 'í', 0xde: 'ị',
  0xdf: 'ò', 0xe1: 'ỏ', 0xe2: 'õ', 0xe3: 'ó', 0xe4: 'ọ',
  0xe5: 'ồ', 0xe6: 'ổ', 0xe7: 'ỗ', 0xe8: 'ố', 0xe9: 'ộ',
  0xea: 'ờ', 0xeb: 'ở', 0xec: 'ỡ', 0xed: 'ớ', 0xee: 'ợ',
  0xef: 'ù', 0xf1: 'ủ', 0xf2: 'ũ', 0xf3: 'ú', 0xf4: 'ụ',
  0xf5: 'ừ', 0xf6: 'ử', 0xf7: 'ữ', 0xf8: 'ứ', 0xf9: 'ự',
  0xfa: 'ỳ', 0xfb: 'ỷ', 0xfc: 'ỹ', 0xfd: 'ý', 0xfe: 'ỵ',
};

export function decodeTcvn3(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : (TCVN3[b] ?? '\uFFFD');
  return out;
}

const LEGACY: ReadonlyArray<[Encoding, (bytes: Uint8Array) => string]> = [
  ['windows-1258', (bytes) => new TextDecoder('windows-1258').decode(bytes)],
  ['tcvn3', decodeTcvn3],
];

/** At least this many accented words, and this share of them well-formed, to trust a legacy decoding. */
const LEGACY_MIN_WORDS = 5;
const LEGACY_MIN_SHARE = 0.95;

function decodeLegacy(bytes: Uint8Array): Decoded {
  const tried = LEGACY.map(([encoding, decode]) => {
    const text = normalizeText(decode(bytes));
    return { encoding, text, ...syllableShare(text) };
  }).sort((a, b) => b.share - a.share);
  const best = tried[0]!;
  if (best.words >= LEGACY_MIN_WORDS && best.share >= LEGACY_MIN_SHARE) return finish(best.text, best.encoding, false);
  const summary = tried.map((t) => `${t.encoding} ${Math.round(t.share * 100)}% of ${t.words} accented words`).join(', ');
  return { ok: false, reason: `not UTF-8, and no legacy Vietnamese encoding recognised with confidence (${summary})` };
}

// A Vietnamese syllable: initial consonant, one to three vowels, final consonant; at most one tone mark.
const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?';
const NUCLEUS = '[aăâeêioôơuưy]{1,3}';
const FINAL = '(?:ch|nh|ng|[cmnpt])?';
const SYLLABLE = new RegExp(`^${INITIAL}${NUCLEUS}${FINAL}$`);
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/g;

export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  const tones = nfd.match(TONE)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(nfd.replace(TONE, '').normalize('NFC'));
}

/** Of the words with a non-ASCII character, how many are well-formed Vietnamese syllables. */
function syllableShare(text: string): { words: number; share: number } {
  let words = 0;
  let valid = 0;
  for (const raw of text.split(/\s+/)) {
    const word = raw.replace(/^[\p{P}\p{S}\d]+|[\p{P}\p{S}\d]+$/gu, '');
    if (!/[^\x00-\x7f]/.test(word)) continue;
    words++;
    if (isVietnameseSyllable(word)) valid++;
  }
  return { words, share: words === 0 ? 0 : valid / words };
}
