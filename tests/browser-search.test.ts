/**
 * Search as a reader sees it: the sample archive (`articles/`) is built with `npm run build`, served on
 * 127.0.0.1, and searched in Debian's Chromium through the real `/tim-kiem/` page.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromiumSkipReason, launchChromium, serveDirectory, type StaticSite } from './support/browser.ts';

const PREFIX = '/luu-tru/';

/** Builds the sample archive into a fresh folder, as a user would, with `PATH_PREFIX` set. */
async function buildSample(workDir: string, name: string, pathPrefix: string, input = 'articles'): Promise<string> {
  const output = join(workDir, name);
  const args = ['--import', 'tsx', 'src/cli/build.ts', '--input', input, '--output', output, '--work', join(workDir, `${name}-work`)];
  const child = spawn(process.execPath, args, { env: { ...process.env, PATH_PREFIX: pathPrefix }, stdio: 'pipe' });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`build failed (exit ${code}):\n${log}`);
  return output;
}

interface Result {
  path: string;
  title: string;
  date: string | null;
  excerpt: string;
}

interface Seen {
  status: string;
  results: Result[];
}

/** Waits until the page has shown the results of what it was asked, then reads them. */
async function seen(page: Page, site: StaticSite): Promise<Seen> {
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-search]');
    return root?.getAttribute('data-searched') && root.getAttribute('aria-busy') !== 'true';
  });
  const status = (await page.textContent('[data-search-status]')) ?? '';
  const results = await page.$$eval('.search-result', (items) =>
    items.map((item) => ({
      href: item.querySelector('h2 a')?.getAttribute('href') ?? '',
      title: item.querySelector('h2 a')?.textContent ?? '',
      date: item.querySelector('time')?.getAttribute('datetime') ?? null,
      excerpt: item.querySelector('.search-result__excerpt')?.innerHTML ?? '',
    })),
  );
  const base = new URL(site.url).pathname;
  return {
    status,
    results: results.map(({ href, ...rest }) => ({ ...rest, path: href.startsWith(base) ? `/${href.slice(base.length)}` : href })),
  };
}

async function searchFor(page: Page, site: StaticSite, params: Record<string, string>): Promise<Seen> {
  await page.goto(`${site.url}tim-kiem/?${new URLSearchParams(params).toString()}`);
  return seen(page, site);
}

// Query → articles of the sample archive (by title, as the reader sees them), any of which must be
// among the first three results. Pairs: as typed with diacritics, and as most readers type it (no
// diacritics, `d` for `đ`).
const LU_DOAN_297 = 'Lữ đoàn 297 ra quân huấn luyện năm 2018';
const LU_DOAN_297_ALL = [LU_DOAN_297, 'Quân khu 2 – Lữ đoàn 297 hội thao pháo binh năm 2025'];
const RA_QUAN_316 = 'Ra quân huấn luyện năm 2023';
const LUNG_CU = 'Đồn Biên phòng Lũng Cú đón Tết cùng đồng bào nơi địa đầu';
const K52 = 'Đội K52 hồi hương hài cốt liệt sĩ hy sinh tại Lào';
const SU_DOAN_355 = ['Đảng ủy Sư đoàn 355 lãnh đạo xây dựng đơn vị vững mạnh toàn diện', 'Đảng ủy Sư đoàn 355 giữ vững nền tảng tư tưởng trong tình hình mới'];
const QUANG_HOA = 'Ban CHQS huyện Quảng Hòa hội thao dân quân tự vệ';
const CHIEM_HOA = ['Người đứng đầu phải thực sự gương mẫu', 'Lan tỏa phong trào thi đua từ cơ sở'];
const QUAN_Y_109 = ['Bệnh viện Quân y 109 khám bệnh, cấp thuốc miễn phí cho đồng bào Sơn La', 'Bệnh viện Quân y 109 ứng dụng kỹ thuật mới trong điều trị'];
const X30 = 'Xưởng X30 sửa chữa xe máy công binh phục vụ ứng cứu thiên tai';
const VUOT_SONG = 'Lữ đoàn 543 huấn luyện vượt sông bằng phương tiện công binh';
const KT_QP_345 = 'Đoàn KT-QP 345 – “cánh tay nối dài” giúp đồng bào biên giới';
const DO_VAN_THANG = [KT_QP_345, 'Đoàn KT-QP 379 nâng cao đời sống đồng bào vùng dự án', 'Đoàn Kinh tế – Quốc phòng 356 đồng hành cùng đồng bào vùng biên Lai Châu'];
const TRINH_MINH_DUC = ['Cục Hậu cần Quân khu 2 kiểm tra công tác hậu cần tại Bộ CHQS tỉnh Phú Thọ', 'Phú Thọ: Hơn 1.500 thanh niên lên đường nhập ngũ', 'Bộ CHQS tỉnh Vĩnh Phúc tập huấn bảo đảm an toàn thông tin'];
const BAO_SO_3 = 'Bộ CHQS tỉnh Yên Bái dồn sức khắc phục hậu quả bão số 3';
const MAT_TICH = 'Lực lượng vũ trang Lào Cai xuyên đêm tìm kiếm người mất tích';
const VI_XUYEN = 'Bộ CHQS tỉnh Hà Giang tổ chức lễ tưởng niệm liệt sĩ mặt trận Vị Xuyên';
const HA_SI_QUAN = 'Trường Quân sự Quân khu 2 bế giảng khóa đào tạo hạ sĩ quan';
const AN_TOAN_THONG_TIN = 'Bộ CHQS tỉnh Vĩnh Phúc tập huấn bảo đảm an toàn thông tin';
const TRUNG_DOAN_174 = 'Trung đoàn 174 tổ chức lễ tuyên thệ chiến sĩ mới';

const QUERIES: Array<[string, string | string[]]> = [
  // with and without diacritics, `d` for `đ`
  ['Sư đoàn 316 ra quân', RA_QUAN_316],
  ['su doan 316 ra quan', RA_QUAN_316],
  ['Lữ đoàn 297 ra quân', LU_DOAN_297],
  ['lu doan 297 ra quan', LU_DOAN_297],
  ['Đồn Biên phòng Lũng Cú', LUNG_CU],
  ['don bien phong lung cu', LUNG_CU],
  ['Đội K52 hồi hương', K52],
  ['doi k52 hoi huong', K52],
  ['Đảng ủy Sư đoàn 355', SU_DOAN_355],
  ['dang uy su doan 355', SU_DOAN_355],
  ['Trung đoàn 174', TRUNG_DOAN_174],
  ['trung doan 174', TRUNG_DOAN_174],
  ['dồn sức khắc phục bão số 3', BAO_SO_3],
  ['don suc khac phuc bao so 3', BAO_SO_3],
  ['tìm kiếm người mất tích', MAT_TICH],
  ['tim kiem nguoi mat tich', MAT_TICH],
  ['mặt trận Vị Xuyên', VI_XUYEN],
  ['mat tran vi xuyen', VI_XUYEN],
  ['đào tạo hạ sĩ quan', HA_SI_QUAN],
  ['dao tao ha si quan', HA_SI_QUAN],
  ['an toàn thông tin', AN_TOAN_THONG_TIN],
  ['an toan thong tin', AN_TOAN_THONG_TIN],
  // both tone-mark placements: hòa/hoà, ủy/uỷ
  ['Quảng Hòa', QUANG_HOA],
  ['Quảng Hoà', QUANG_HOA],
  ['quang hoa', QUANG_HOA],
  ['Chiêm Hoá', CHIEM_HOA],
  ['Chiêm Hóa', CHIEM_HOA],
  ['Đảng uỷ Sư đoàn 355', SU_DOAN_355],
  // a phrase in quotes
  ['"vượt sông"', VUOT_SONG],
  ['"vuot song"', VUOT_SONG],
  ['"đồng bào biên giới"', KT_QP_345],
  ['"dong bao bien gioi"', KT_QP_345],
  // unit names
  ['Bệnh viện Quân y 109', QUAN_Y_109],
  ['benh vien quan y 109', QUAN_Y_109],
  ['Xưởng X30', X30],
  ['xuong x30', X30],
  // authors' names, as printed in the byline
  ['Đỗ Văn Thắng', DO_VAN_THANG],
  ['do van thang', DO_VAN_THANG],
  ['Trịnh Minh Đức', TRINH_MINH_DUC],
  ['trinh minh duc', TRINH_MINH_DUC],
];

describe('search in Chromium', { skip: chromiumSkipReason() }, () => {
  let workDir = '';
  let browser: Browser;
  let site: StaticSite;
  let prefixed: StaticSite;
  let page: Page;

  before(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'qk2-search-'));
    const [root, underPrefix] = await Promise.all([
      buildSample(workDir, 'root', '/'),
      buildSample(workDir, 'prefixed', PREFIX),
    ]);
    site = await serveDirectory(root);
    prefixed = await serveDirectory(underPrefix, PREFIX);
    browser = await launchChromium();
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await prefixed?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  describe('query table: the expected article is among the first three', () => {
    for (const [query, expected] of QUERIES) {
      test(query, async () => {
        const { results, status } = await searchFor(page, site, { q: query });
        const top = results.slice(0, 3).map((r) => r.title);
        const wanted = [expected].flat();
        assert.ok(
          top.some((p) => wanted.includes(p)),
          `“${query}” → ${status}\n  top 3: ${top.join('\n         ')}\n  wanted one of: ${wanted.join(', ')}`,
        );
      });
    }
  });

  test('a query without diacritics finds at least as many articles, ranked about the same', async () => {
    const count = (status: string): number => Number(/^(\d+) kết quả/.exec(status)?.[1] ?? NaN);
    for (const [accented, plain] of [
      ['đồn biên phòng', 'don bien phong'],
      ['Lữ đoàn 297', 'lu doan 297'],
      ['đường', 'duong'],
      ['đoàn', 'doan'],
    ]) {
      const a = await searchFor(page, site, { q: accented! });
      const b = await searchFor(page, site, { q: plain! });
      assert.ok(a.results.length > 0, accented);
      // At least as many: `duong` also finds `dương`, `dưỡng`, which a reader without diacritics may mean.
      assert.ok(count(b.status) >= count(a.status), `${accented} ${a.status} / ${plain} ${b.status}`);
      // About the same order: most of the first five are shared (the last word is also a prefix:
      // `doan` finds `doanh` too, so the orders are not identical).
      const top = (r: Seen): string[] => r.results.slice(0, 5).map((x) => x.path);
      const shared = top(b).filter((p) => top(a).includes(p));
      assert.ok(shared.length >= 2, `${accented}: ${top(a).join(' ')}\n${plain}: ${top(b).join(' ')}`);
    }
  });

  test('excerpts and highlights show the real text, never the folded twin', async () => {
    const { results } = await searchFor(page, site, { q: 'doan' });
    assert.ok(results.length > 0);
    for (const r of results) {
      assert.doesNotMatch(r.excerpt, /[đĐ][\p{L}\p{M}]*-[a-zA-Z]/u, r.excerpt);
    }
    assert.ok(results.some((r) => /<mark>đoàn<\/mark>/i.test(r.excerpt)), 'đoàn is highlighted');
  });

  test('each result shows title, date and units', async () => {
    await searchFor(page, site, { q: 'Lữ đoàn 297' });
    const first = page.locator('.search-result').first();
    assert.equal(await first.locator('h2 a').textContent(), 'Lữ đoàn 297 ra quân huấn luyện năm 2018');
    assert.match((await first.locator('.search-result__meta').textContent()) ?? '', /^26\/2\/2018 · Lữ đoàn 297/);
  });

  test('a filter narrows the results: year', async () => {
    const { results } = await searchFor(page, site, { q: 'huấn luyện', nam: '2018' });
    assert.ok(results.length > 0);
    assert.ok(results.slice(0, 3).some((r) => r.title === LU_DOAN_297));
    for (const r of results) assert.match(r.date ?? '', /^2018-/);
  });

  test('a filter narrows the results: unit', async () => {
    const { results } = await searchFor(page, site, { q: 'ra quân huấn luyện', 'don-vi': 'Sư đoàn 316' });
    assert.ok(results.slice(0, 3).some((r) => r.title === RA_QUAN_316));
    // Every result is of the unit: the article of the same title from Mường Nhé is filtered out.
    const units = await page.$$eval('.search-result__meta', (metas) => metas.map((m) => m.textContent ?? ''));
    for (const u of units) assert.match(u, /Sư đoàn 316/);
  });

  test('a filter narrows the results: author, by the canonical name the author pages use', async () => {
    // Printed `LÊ QUANG KHẢI`: the filter offers one value per person (src/site/authors.ts).
    const { results } = await searchFor(page, site, { q: 'huan luyen', 'tac-gia': 'Lê Quang Khải' });
    assert.ok(results.length >= 2);
    assert.ok(results.slice(0, 3).some((r) => r.title === RA_QUAN_316 || r.title === LU_DOAN_297));
    assert.equal(await page.inputValue('select[name="tac-gia"]'), 'Lê Quang Khải');
    const options = await page.$$eval('select[name="tac-gia"] option', (list) => list.map((o) => (o as HTMLOptionElement).value));
    assert.ok(!options.includes('LÊ QUANG KHẢI'));
  });

  test('sort: newest first and oldest first, across the year shards, undated last', async () => {
    const newest = await searchFor(page, site, { q: 'quan khu', 'sap-xep': 'moi-nhat' });
    const dates = newest.results.map((r) => r.date);
    assert.ok(dates.length >= 5);
    const dated = dates.filter((d): d is string => d !== null);
    assert.deepEqual(dated, [...dated].sort().reverse());
    assert.deepEqual(dates.slice(0, dated.length), dated, 'undated after dated');
    const oldest = await searchFor(page, site, { q: 'quan khu', 'sap-xep': 'cu-nhat' });
    const ascending = oldest.results.map((r) => r.date).filter((d): d is string => d !== null);
    assert.deepEqual(ascending, [...ascending].sort());
    assert.equal(await page.inputValue('select[name="sap-xep"]'), 'cu-nhat');
  });

  test('the newest shard answers first, then the whole archive\'s results replace its own', async () => {
    await page.goto(`${site.url}tim-kiem/`);
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.startsWith('Nhập'));
    await page.evaluate(() => {
      const root = document.querySelector('[data-search]')!;
      const status = root.querySelector('[data-search-status]')!;
      const log: string[] = [];
      new MutationObserver(() => log.push(`status ${status.textContent ?? ''}`)).observe(status, { childList: true, characterData: true, subtree: true });
      new MutationObserver((records) => {
        for (const r of records) log.push(`${r.attributeName} ${root.getAttribute(r.attributeName!) ?? ''}`);
      }).observe(root, { attributes: true, attributeFilter: ['data-shown', 'data-searched'] });
      Object.assign(window, { progressLog: log });
    });
    await page.locator('#search-q').pressSequentially('su doan 302');
    const shown = await seen(page, site);
    const log = await page.evaluate(() => (window as unknown as { progressLog: string[] }).progressLog);
    const want = '?q=su+doan+302';
    const partial = log.findIndex((l) => l.startsWith('status ') && l.endsWith('đang tìm trong các năm trước…'));
    assert.ok(partial >= 0, `no partial results in ${JSON.stringify(log)}`);
    assert.ok(log.indexOf(`data-shown ${want}`) < log.indexOf(`data-searched ${want}`));
    assert.ok(partial < log.indexOf(`data-searched ${want}`));
    // The undated articles are in an older shard: only the whole archive's results have them.
    assert.ok(shown.results.some((r) => r.title === 'Sư đoàn 302 tọa đàm kỷ niệm 50 năm Ngày Giải phóng miền Nam'));
    assert.match(shown.status, /^\d+ kết quả cho “su doan 302”$/);

    // The next query too: the newest shard's own instance answers first, the whole archive's after.
    await page.evaluate(() => ((window as unknown as { progressLog: string[] }).progressLog.length = 0));
    await page.locator('#search-q').fill('');
    await page.locator('#search-q').pressSequentially('quan khu');
    await page.waitForFunction(() => document.querySelector('[data-search]')?.getAttribute('data-searched') === '?q=quan+khu');
    const next = await page.evaluate(() => (window as unknown as { progressLog: string[] }).progressLog);
    const nextPartial = next.findIndex((l) => l.startsWith('status ') && l.endsWith('đang tìm trong các năm trước…'));
    assert.ok(nextPartial >= 0 && nextPartial < next.indexOf('data-searched ?q=quan+khu'), JSON.stringify(next));
  });

  test('a query only an older shard can answer waits for it instead of saying “no results”', async () => {
    const { results, status } = await searchFor(page, site, { q: 'xuong x83' });
    assert.equal(results[0]?.title, 'Xưởng X83 tổng kết công tác kỹ thuật 6 tháng đầu năm');
    assert.match(status, /^\d+ kết quả/);
  });

  test('no results: a friendly message', async () => {
    const { results, status } = await searchFor(page, site, { q: 'xyzzy qwerty' });
    assert.equal(results.length, 0);
    assert.match(status, /^Không tìm thấy kết quả nào cho “xyzzy qwerty”/);
  });

  test('what the reader types while the index is still loading is kept and searched', async () => {
    const context = await browser.newContext();
    const early = await context.newPage();
    // The index opens while the reader is still typing.
    await early.route('**/pagefind/shards.json', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    try {
      await early.goto(`${site.url}tim-kiem/`);
      await early.locator('#search-q').pressSequentially('su doan 316', { delay: 60 });
      await early.waitForFunction(() => document.querySelector('[data-search]')?.getAttribute('data-searched') === '?q=su+doan+316');
      assert.equal(await early.inputValue('#search-q'), 'su doan 316');
      assert.ok((await early.$$('.search-result')).length > 0);
    } finally {
      await context.close();
    }
  });

  test('typing searches, the URL follows, and the back button restores the previous search', async () => {
    await page.goto(`${site.url}tim-kiem/`);
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.startsWith('Nhập'));
    await page.locator('#search-q').pressSequentially('lu doan 297');
    await page.keyboard.press('Enter');
    let shown = await seen(page, site);
    assert.ok(LU_DOAN_297_ALL.includes(shown.results[0]!.title));
    assert.equal(new URL(page.url()).searchParams.get('q'), 'lu doan 297');
    await page.selectOption('select[name="sap-xep"]', 'moi-nhat');
    await page.waitForFunction(() => document.querySelector('[data-search]')?.getAttribute('data-searched')?.includes('moi-nhat'));
    assert.equal(new URL(page.url()).searchParams.get('sap-xep'), 'moi-nhat');
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('sap-xep'));
    await page.waitForFunction(() => !document.querySelector('[data-search]')?.getAttribute('data-searched')?.includes('moi-nhat'));
    shown = await seen(page, site);
    assert.equal(await page.inputValue('select[name="sap-xep"]'), '');
    assert.equal(await page.inputValue('#search-q'), 'lu doan 297');
    assert.ok(LU_DOAN_297_ALL.includes(shown.results[0]!.title));
  });

  test('Vietnamese input-method composition never searches a half-typed word', async () => {
    await page.goto(`${site.url}tim-kiem/`);
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.startsWith('Nhập'));
    await page.focus('#search-q');
    await page.evaluate(() => {
      const root = document.querySelector('[data-search]')!;
      const log: string[] = [];
      new MutationObserver(() => log.push(root.getAttribute('data-searched') ?? '')).observe(root, {
        attributes: true,
        attributeFilter: ['data-searched'],
      });
      Object.assign(window, { searchedLog: log });
    });
    // Telex: `d` `d` → `đ`, then `o` `a` `n` `f` → `đoàn`, composed by the IME over several keystrokes.
    const cdp = await page.context().newCDPSession(page);
    for (const text of ['d', 'đ', 'đo', 'đoa', 'đoan', 'đoàn']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await page.waitForTimeout(200); // longer than the typing pause: a search would have started
    }
    await cdp.send('Input.insertText', { text: 'đoàn' });
    await page.waitForFunction(() => document.querySelector('[data-search]')?.getAttribute('data-searched'));
    const log = await page.evaluate(() => (window as unknown as { searchedLog: string[] }).searchedLog);
    assert.deepEqual(log.filter(Boolean), [`?q=${encodeURIComponent('đoàn').replace(/%20/g, '+')}`]);
  });

  describe('articles added to older years go to the added shard, merged in by date', () => {
    const ADDED = 'Quân khu 2 tổng kết diễn tập khu vực phòng thủ năm 2019';
    let added: StaticSite;
    before(async () => {
      // First the newest articles alone, then the whole sample and one more: every older article is
      // added to an archive whose shards were planned from 2025 on.
      const input = join(workDir, 'added-in');
      await cp('articles/2025', join(input, '2025'), { recursive: true });
      await buildSample(workDir, 'added', '/', input);
      await cp('articles', input, { recursive: true });
      const dump = (await readFile(join(input, '2019/012_d84f0b2a6c1e9375.txt'), 'utf8'))
        .replace('Đồn Biên phòng Lũng Cú đón Tết cùng đồng bào nơi địa đầu', ADDED)
        .replace('Ngày đăng: 28/01/2019', 'Ngày đăng: 15/06/2019')
        .replace('Đồn Biên phòng Lũng Cú', 'Quân khu 2');
      await writeFile(join(input, '2019/900_bo-sung.txt'), dump);
      added = await serveDirectory(await buildSample(workDir, 'added', '/', input));
    });
    after(() => added?.close());

    test('the rebuild put them in the added shard', async () => {
      const manifest = (await (await fetch(`${added.url}pagefind/shards.json`)).json()) as { shards: Array<{ key: string; pages: number }> };
      assert.equal(manifest.shards.at(-1)?.key, 'bo-sung');
      assert.ok(manifest.shards.at(-1)!.pages > 20, JSON.stringify(manifest.shards));
    });

    for (const [sort, order] of [['moi-nhat', -1], ['cu-nhat', 1]] as const) {
      test(`sorted ${sort}: in date order with the others`, async () => {
        const { results } = await searchFor(page, added, { q: 'quan khu', 'sap-xep': sort });
        while (await page.isVisible('[data-search-more]')) {
          const shown = results.length;
          await page.click('[data-search-more]');
          await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, shown);
          results.splice(0, results.length, ...(await seen(page, added)).results);
        }
        assert.ok(results.length > 10, `${results.length} results: more than one page of them, merged`);
        const dated = results.map((r) => r.date).filter((d): d is string => d !== null);
        assert.deepEqual(dated, [...dated].sort((a, b) => (a < b ? -order : a > b ? order : 0)));
        assert.equal(results.filter((r) => r.title === ADDED).length, 1);
        assert.equal(new Set(results.map((r) => r.path)).size, results.length, 'no result twice');
      });
    }
  });

  test('works under a path prefix: index, links and the pages they lead to', async () => {
    const { results } = await searchFor(page, prefixed, { q: 'lu doan 297 ra quan nam 2018' });
    assert.equal(results[0]?.title, LU_DOAN_297);
    const href = await page.locator('.search-result h2 a').first().getAttribute('href');
    assert.match(href ?? '', new RegExp(`^${PREFIX}2018/02/26/lu-doan-297-ra-quan-huan-luyen-nam-2018`));
    const response = await page.goto(new URL(href!, prefixed.origin).href);
    assert.equal(response?.status(), 200);
    assert.equal(await page.locator('h1').first().textContent(), 'Lữ đoàn 297 ra quân huấn luyện năm 2018');
  });

  test('without JavaScript the header form lands on the search page, which explains itself', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(site.url);
    await noJs.fill('#site-search-q', 'su doan 316');
    await noJs.locator('.site-search button[type="submit"]').click();
    await noJs.waitForURL(/\/tim-kiem\/\?q=su\+doan\+316$/);
    assert.match((await noJs.textContent('.search-nojs')) ?? '', /cần bật JavaScript/);
    await context.close();
  });

  test('keyboard and screen readers: labelled controls, a live status, no axe violations', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const a11y = await context.newPage();
    await searchFor(a11y, site, { q: 'su doan 316' });
    assert.equal(await a11y.getAttribute('[data-search-status]', 'role'), 'status');
    // Tab from the query box reaches the submit button, then the sort and filters.
    await a11y.focus('#search-q');
    await a11y.keyboard.press('Tab');
    assert.equal(await a11y.evaluate(() => document.activeElement?.textContent), 'Tìm');
    await a11y.keyboard.press('Tab');
    assert.equal(await a11y.evaluate(() => document.activeElement?.getAttribute('name')), 'sap-xep');
    await a11y.addScriptTag({ path: join(process.cwd(), 'node_modules/axe-core/axe.min.js') });
    const violations = await a11y.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(el: Element): Promise<{ violations: Array<{ id: string; help: string }> }> } }).axe;
      const report = await axe.run(document.querySelector('[data-search]')!);
      return report.violations.map((v) => `${v.id}: ${v.help}`);
    });
    assert.deepEqual(violations, []);
    await context.close();
  });
});
