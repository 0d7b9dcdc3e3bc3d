import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeDump, decodeTcvn3, isVietnameseSyllable, mojibakeScore } from '../src/ingest/decode.ts';

const TEXT = [
  'Đoàn KT-QP 379 giúp đồng bào dân tộc thiểu số xây nhà văn hóa ở xã biên giới',
  'Ngày đăng: 14/05/2021',
  'QK2 - Thực hiện kế hoạch năm, cán bộ, chiến sĩ Đoàn đã phối hợp với cấp ủy, chính quyền địa phương hoàn thành công trình trước thời hạn, được nhân dân tin tưởng, quý mến.',
].join('\n');

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const cat = (...parts: Uint8Array[]) => Buffer.concat(parts);

/** Windows-1258 spells a toned vowel as its base letter and a combining tone mark. */
function toWindows1258(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1258');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  const bytes: number[] = [];
  for (const ch of text.normalize('NFC')) {
    if (byChar.has(ch)) {
      bytes.push(byChar.get(ch)!);
      continue;
    }
    const tone = ch.normalize('NFD').match(/[\u0300\u0301\u0303\u0309\u0323]/)![0];
    const base = ch.normalize('NFD').replace(tone, '').normalize('NFC');
    bytes.push(byChar.get(base)!, byChar.get(tone)!);
  }
  return Uint8Array.from(bytes);
}

function toTcvn3(text: string): Uint8Array {
  const byChar = new Map<string, number>();
  for (let b = 0x80; b < 256; b++) byChar.set(decodeTcvn3(Uint8Array.of(b)), b);
  return Uint8Array.from([...text], (ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : byChar.get(ch)!));
}

/** UTF-8 bytes shown by a Latin-1 decoder and saved again as UTF-8: `Ä\u0090oÃ n` for `Đoàn`. */
const doubleEncoded = (text: string) => Buffer.from(Buffer.from(text, 'utf8').toString('latin1'), 'utf8');

// Every readable encoding gives the same text.
const readable: Array<[string, Uint8Array, string]> = [
  ['UTF-8', utf8(TEXT), 'utf-8'],
  ['UTF-8 with BOM', cat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(TEXT)), 'utf-8'],
  ['UTF-16 LE with BOM', cat(Uint8Array.of(0xff, 0xfe), Buffer.from(TEXT, 'utf16le')), 'utf-16le'],
  ['UTF-16 BE with BOM', cat(Uint8Array.of(0xfe, 0xff), Buffer.from(TEXT, 'utf16le').swap16()), 'utf-16be'],
  ['UTF-16 LE without BOM', Buffer.from(TEXT, 'utf16le'), 'utf-16le'],
  ['Windows-1258', toWindows1258(TEXT), 'windows-1258'],
  ['TCVN3', toTcvn3(TEXT), 'tcvn3'],
  ['double-encoded UTF-8 (repaired)', doubleEncoded(TEXT), 'utf-8'],
];
for (const [name, bytes, encoding] of readable) {
  test(`decode: ${name} gives the text`, () => {
    const decoded = decodeDump(bytes);
    assert.ok(decoded.ok, JSON.stringify(decoded));
    assert.equal(decoded.text, TEXT);
    assert.equal(decoded.encoding, encoding);
  });
}

test('decode: a repaired file says so', () => {
  const decoded = decodeDump(doubleEncoded(TEXT));
  assert.ok(decoded.ok);
  assert.equal(decoded.repaired, 'double-encoded-utf-8');
});

// Line endings and invisible characters are normalized at the boundary.
const normalized: Array<[string, string, string]> = [
  ['CRLF', 'Tiêu đề\r\nĐoạn một.\r\n', 'Tiêu đề\nĐoạn một.\n'],
  ['CR alone', 'Tiêu đề\rĐoạn một.\r', 'Tiêu đề\nĐoạn một.\n'],
  ['NFD to NFC', 'Đoa\u0300n 356'.normalize('NFD'), 'Đoàn 356'],
  ['tab and non-breaking space', 'Sư\tđoàn\u00a0316', 'Sư đoàn 316'],
  ['zero-width space and joiner', 'Quân\u200b khu\u200d 2', 'Quân khu 2'],
];
for (const [name, input, expected] of normalized) {
  test(`decode: ${name}`, () => {
    const decoded = decodeDump(utf8(input));
    assert.ok(decoded.ok);
    assert.equal(decoded.text, expected);
  });
}

// What cannot be read as Vietnamese text is rejected with a reason, never published.
const rejected: Array<[string, Uint8Array, RegExp]> = [
  ['an empty file', new Uint8Array(0), /^empty file$/],
  ['whitespace only', utf8(' \n\t\r\n\u00a0\u200b  '), /^whitespace only$/],
  ['a PNG image', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48), /^binary data/],
  ['control characters', utf8(`Tiêu đề\n${'\x01\x02\x03\x04'.repeat(20)}`), /^binary data/],
  ['lossy mojibake `Ð?oàn`', utf8('Ð?oàn KT-QP 356 giúp dân, Ð?oàn 379 làm đường'), /^mojibake/],
  ['`Ä‘oÃ n` with a lost byte', utf8('Ä‘oÃ n KT-QP 356 vÃ  Ä‘oÃ n 379'), /^mojibake/],
  ['an unknown 8-bit encoding', Uint8Array.from('Tin tuc hom nay: \x8f\x9a\x8e\x84 \x83\x9f\x81 \x90\x9d\x8d', (c) => c.charCodeAt(0)), /^not UTF-8, and no legacy Vietnamese encoding recognised with confidence/],
];
for (const [name, bytes, reason] of rejected) {
  test(`decode: rejects ${name}`, () => {
    const decoded = decodeDump(bytes);
    assert.equal(decoded.ok, false);
    assert.match((decoded as { reason: string }).reason, reason);
  });
}

test('decode: a foreign name is not mojibake', () => {
  assert.ok(mojibakeScore('Huấn luyện viên Müller đến thăm Sư đoàn 316') < 2);
  assert.ok(decodeDump(utf8('Huấn luyện viên Müller đến thăm Sư đoàn 316')).ok);
});

const syllables: Array<[string, boolean]> = [
  ['nghiêng', true],
  ['Đoàn', true],
  ['quyết', true],
  ['hướng', true],
  ['gi', true],
  ['§oµn', false],
  ['hÆ°á»ng', false],
  ['àá', false],
];
for (const [word, valid] of syllables) {
  test(`decode: ${JSON.stringify(word)} is ${valid ? '' : 'not '}a Vietnamese syllable`, () => {
    assert.equal(isVietnameseSyllable(word), valid);
  });
}
