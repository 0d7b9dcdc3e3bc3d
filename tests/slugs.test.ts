import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignSlugs, assignSlugsKeeping, baseSlug, folderOf, type KeptPlace, type SlugLedger, type SlugRequest } from '../src/ingest/slugs.ts';

const request = (identity: string, title: string, date: string | null, crawledAt: string | null = null): SlugRequest => ({
  identity: identity.padEnd(64, '0'),
  aliases: [],
  title,
  date,
  crawledAt,
});

const A = request('aaaaaa11', 'Đoàn KT-QP 356 giúp dân', '2023-03-20', '2024-07-19T12:54:42+07:00');
const B = request('bbbbbb22', 'Đoàn KT-QP 356 giúp dân', '2023-03-20', '2024-08-01T08:00:00+07:00');
const C = request('cccccc33', 'Đoàn KT-QP 356 giúp dân', '2023-03-20', null);
const OTHER = request('dddddd44', 'Sư đoàn 316 huấn luyện', null);

const urls = (requests: SlugRequest[], ledger?: Map<string, string>) => {
  const { placed, ledger: next } = assignSlugs(requests, ledger);
  return { url: (r: SlugRequest) => placed.get(r.identity)!.url, ledger: next };
};

test('slugs: an article alone gets the plain slug under its date, or under khong-ro-ngay', () => {
  const { url } = urls([A, OTHER]);
  assert.equal(url(A), '/2023/03/20/doan-kt-qp-356-giup-dan/');
  assert.equal(url(OTHER), '/khong-ro-ngay/su-doan-316-huan-luyen/');
});

test('slugs: same title and date: the earliest crawled keeps the plain slug, the others get their own hash', () => {
  const { url } = urls([C, B, A]);
  assert.equal(url(A), '/2023/03/20/doan-kt-qp-356-giup-dan/');
  assert.equal(url(B), '/2023/03/20/doan-kt-qp-356-giup-dan-bbbbbb/');
  assert.equal(url(C), '/2023/03/20/doan-kt-qp-356-giup-dan-cccccc/');
});

test('slugs: the result does not depend on the order of the dumps', () => {
  const one = urls([A, B, C]);
  const two = urls([C, A, B]);
  for (const r of [A, B, C]) assert.equal(one.url(r), two.url(r));
});

test('slugs: adding a colliding article never moves an existing one, even one crawled later', () => {
  const first = urls([B]);
  assert.equal(first.url(B), '/2023/03/20/doan-kt-qp-356-giup-dan/');
  const second = urls([B, A], first.ledger);
  assert.equal(second.url(B), '/2023/03/20/doan-kt-qp-356-giup-dan/');
  assert.equal(second.url(A), '/2023/03/20/doan-kt-qp-356-giup-dan-aaaaaa/');
});

test('slugs: removing an article moves no other, and its URL is not given to another article', () => {
  const full = urls([A, B, OTHER]);
  const without = urls([B, OTHER], full.ledger);
  assert.equal(without.url(B), full.url(B));
  assert.equal(without.url(OTHER), full.url(OTHER));
  const newcomer = urls([B, C, OTHER], without.ledger);
  assert.equal(newcomer.url(C), '/2023/03/20/doan-kt-qp-356-giup-dan-cccccc/');
  const back = urls([A, B, C, OTHER], newcomer.ledger);
  assert.equal(back.url(A), full.url(A));
});

test('slugs: a merged copy keeps the URL an earlier build gave it', () => {
  const copy = request('eeeeee55', 'Sư đoàn 316 huấn luyện', null);
  const first = urls([copy]);
  const merged = { ...request('ffffff66', 'Sư đoàn 316 huấn luyện', null), aliases: [copy.identity] };
  const again = urls([OTHER, merged], first.ledger);
  assert.equal(again.url(merged), first.url(copy));
  assert.equal(again.url(OTHER), '/khong-ro-ngay/su-doan-316-huan-luyen-dddddd/');
});

test('slugs: a remembered URL is dropped when the title or date changed', () => {
  const first = urls([A]);
  const retitled = { ...A, title: 'Đoàn KT-QP 356 giúp dân bản Lếch' };
  assert.equal(urls([retitled], first.ledger).url(retitled), '/2023/03/20/doan-kt-qp-356-giup-dan-ban-lech/');
  const redated = { ...A, date: '2023-03-21' };
  assert.equal(urls([redated], first.ledger).url(redated), '/2023/03/21/doan-kt-qp-356-giup-dan/');
});

test('slugs: placing only the changed articles beside the kept ones gives what placing all of them gives', () => {
  // Few titles, dates and identity prefixes, so that URLs collide, and some need more than 6 digits.
  let seed = 7;
  // mulberry32: a small PRNG, so that the cases are the same on every run.
  const random = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[random(16)]).join('');
  const titles = ['Đoàn KT-QP 356 giúp dân', 'Sư đoàn 316 huấn luyện', 'Phát huy vai trò hạt nhân lãnh đạo của Đảng ủy Đoàn kinh tế quốc phòng trong thực hiện nhiệm vụ'];
  const dates = ['2023-03-20', '2023-03-21', null];
  const prefixes = ['aaaaaa', 'aaaaaa11', 'bbbbbb'];
  const article = (): SlugRequest => ({
    identity: `${prefixes[random(3)]}${hex(20)}`,
    aliases: random(5) === 0 ? [hex(26)] : [],
    title: titles[random(3)]!,
    date: dates[random(3)]!,
    crawledAt: random(4) === 0 ? null : `2024-0${1 + random(9)}-01`,
  });
  let fast = 0;
  let slow = 0;
  for (let history = 0; history < 60; history++) {
    let ledger: SlugLedger = new Map();
    let present: Array<SlugRequest & { path: string }> = [];
    for (let round = 0; round < 6; round++) {
      // Some articles stay as they were; some are changed (title, date) or removed; some are new.
      const kept: KeptPlace[] = [];
      const keptRequests: SlugRequest[] = [];
      const requests: SlugRequest[] = [];
      for (const a of present) {
        const fate = random(6);
        if (fate < 3) {
          kept.push({ identity: a.identity, aliases: a.aliases, date: a.date, path: a.path });
          keptRequests.push(a);
        } else if (fate === 3) requests.push(a);
        else if (fate === 4) requests.push({ ...a, title: titles[random(3)]!, date: dates[random(3)]! });
      }
      for (let i = random(5); i > 0; i--) requests.push(article());
      const all = assignSlugs([...keptRequests, ...requests], ledger);
      const keeping = assignSlugsKeeping(kept, requests, ledger);
      if (keeping) {
        fast++;
        for (const k of kept) assert.equal(all.placed.get(k.identity)!.path, k.path);
        for (const r of requests) assert.deepEqual(keeping.placed.get(r.identity), all.placed.get(r.identity));
        assert.deepEqual([...keeping.ledger], [...all.ledger]);
      } else slow++;
      // The next round starts from the full placement, as the ingest's does when it falls back.
      ledger = all.ledger;
      present = [...keptRequests, ...requests].map((r) => ({ ...r, path: all.placed.get(r.identity)!.path }));
    }
  }
  // Most rounds take the short way; some cannot (a kept URL with 8 digits, a request remembering a kept URL).
  assert.ok(fast > slow * 3 && slow > 0, `${fast} placed beside the kept articles, ${slow} placed anew`);
});

test('slugs: a kept URL with more than 6 digits of the identity is not trusted, nor one a changed article remembers', () => {
  const first = assignSlugs([A, B]);
  const bPath = first.placed.get(B.identity)!.path;
  // B keeps its URL; A, changed, remembers its own: the short way applies.
  assert.ok(assignSlugsKeeping([{ ...B, path: bPath }], [A], first.ledger));
  // A kept article at a URL its title would not lead to with 6 digits: placed anew by assignSlugs.
  const eight = `2023/03/20/doan-kt-qp-356-giup-dan-${B.identity.slice(0, 8)}`;
  assert.equal(assignSlugsKeeping([{ ...B, path: eight }], [A], new Map([[B.identity, eight]])), null);
  // A changed article that the ledger points at a kept URL (it was merged into it): placed anew.
  const copy = { ...C, identity: 'c0'.padEnd(64, '1') };
  const ledger = new Map([...first.ledger, [copy.identity, bPath]]);
  assert.equal(assignSlugsKeeping([{ ...B, path: bPath }], [copy], ledger), null);
  // The ledger does not remember the kept URL (it was lost): placed anew.
  assert.equal(assignSlugsKeeping([{ ...B, path: bPath }], [A], new Map()), null);
});

// Slugs are ASCII, at most 80 characters, and never a path.
const slugCases: Array<[string, string]> = [
  ['Đoàn KT-QP 356', 'doan-kt-qp-356'],
  ['???', 'bai-viet'],
  ['../../etc/passwd', 'etc-passwd'],
  ['<script>alert(1)</script>', 'script-alert-1-script'],
  ['  Ủy ban   nhân dân  ', 'uy-ban-nhan-dan'],
];
for (const [title, slug] of slugCases) {
  test(`slugs: ${JSON.stringify(title)} → ${slug}`, () => assert.equal(baseSlug(title), slug));
}

test('slugs: a long title is cut at a word boundary, suffix included, within 80 characters', () => {
  const title = 'Phát huy vai trò hạt nhân lãnh đạo của Đảng ủy Đoàn kinh tế quốc phòng trong thực hiện nhiệm vụ chính trị trung tâm';
  const long1 = request('1234567890', title, '2023-03-20', '2024-01-01T00:00:00+07:00');
  const long2 = request('abcdef0123', title, '2023-03-20', '2024-02-01T00:00:00+07:00');
  const { placed } = assignSlugs([long1, long2]);
  const slugs = [placed.get(long1.identity)!.slug, placed.get(long2.identity)!.slug];
  for (const slug of slugs) {
    assert.ok(slug.length <= 80, slug);
    assert.match(slug, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  }
  assert.match(slugs[1]!, /-abcdef$/);
});

test('slugs: only a real YYYY-MM-DD date makes a dated folder', () => {
  assert.equal(folderOf('2024-02-29'), '2024/02/29');
  assert.equal(folderOf('../../x'), 'khong-ro-ngay');
  assert.equal(folderOf(null), 'khong-ro-ngay');
});
