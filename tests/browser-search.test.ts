/**
 * Search as a reader sees it: the sample archive (`articles/`) is built with `npm run build`, served on
 * 127.0.0.1, and searched in Debian's Chromium through the real `/tim-kiem/` page.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { stateFolder } from '../src/cli/state.ts';
import { indexPage } from '../src/search/page.ts';
import { contentFiles, parseContentFile } from '../src/site/archive.ts';
import { chromiumSkipReason, launchChromium, serveDirectory, type StaticSite } from './support/browser.ts';
import { tempDir } from './support/tmp.ts';

const PREFIX = '/luu-tru/';

// The search page's own phrase rule (browser module, imported as it is served).
const { containsPhrase, textWords } = (await import('../public/js/search-text.js' as string)) as {
  containsPhrase(text: string, words: string[]): boolean;
  textWords(text: string): string[];
};

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

/**
 * The text Pagefind reads of each article of a built sample (its generated Markdown made into the page
 * `src/search/page.ts` hands Pagefind, markup and hidden fields dropped), by URL path.
 */
async function indexedTexts(contentDir: string): Promise<Array<{ path: string; text: string }>> {
  return Promise.all(
    contentFiles(contentDir).map(async (file) => {
      const { url, html } = indexPage(parseContentFile(file, await readFile(join(contentDir, file))));
      const text = html
        .replace(/<div hidden>[\s\S]*?<\/div>/, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&(?:amp|lt|gt|quot);/g, ' ');
      return { path: url, text };
    }),
  );
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

// Two- and three-syllable words and names typed without diacritics, many of whose first syllables start
// longer ones (`lu` → `luyện`, `dan` → `dành`, `tan` → `tăng`): the phrase table. What each should find
// is computed from the built sample's texts, so adding dumps changes the expected sets, not the test.
const PHRASES = [
  'lu doan', 'dan quan', 'hau can', 'dien tap', 'nghia trang', 'tan binh', 'huan luyen', 'bien phong',
  'su doan', 'trung doan', 'chien si', 'dong bao', 'bien gioi', 'thanh nien', 'nhap ngu', 'cong binh',
  'phao binh', 'hoi thao', 'tu ve', 'ra quan', 'dang uy', 'chinh tri', 'ky thuat', 'quan y', 'liet si',
  'tuan tra', 'moc gioi', 'thien tai', 'mua lu', 'sat lo', 'tim kiem', 'cuu nan', 'an toan', 'khac phuc',
  'hau qua', 'dan van', 'kinh te', 'quoc phong', 'phong thu', 'suc khoe', 'giao nhan', 'san sang',
  'thi dua', 'vung manh', 'tham muu', 'lanh dao', 'dia ban', 'vu khi', 'trang bi', 'dao tao', 'si quan',
  'truyen thong', 'dang vien', 'dan toc', 'chinh sach', 'luc luong vu trang', 'dan quan tu ve',
  'tim kiem cuu nan', 'khu vuc phong thu', 'kinh te quoc phong', 'san sang chien dau', 'su doan 316',
  'trung doan 148',
];

describe('search in Chromium', { skip: chromiumSkipReason() }, () => {
  let workDir = '';
  let browser: Browser;
  let site: StaticSite;
  let prefixed: StaticSite;
  let page: Page;

  before(async () => {
    workDir = await tempDir('qk2-search-');
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
    let found = 0;
    for (const [query, expected] of QUERIES) {
      test(query, async () => {
        const { results, status } = await searchFor(page, site, { q: query });
        const top = results.slice(0, 3).map((r) => r.title);
        const wanted = [expected].flat();
        assert.ok(
          top.some((p) => wanted.includes(p)),
          `“${query}” → ${status}\n  top 3: ${top.join('\n         ')}\n  wanted one of: ${wanted.join(', ')}`,
        );
        found++;
      });
    }
    test('known-item recall@3 over the table', (t) => {
      t.diagnostic(`recall@3 ${(found / QUERIES.length).toFixed(3)} (${found} of ${QUERIES.length})`);
      assert.equal(found, QUERIES.length);
    });
  });

  test('phrase table: the first results have the syllables side by side (phrase precision)', async (t) => {
    const texts = await indexedTexts(join(stateFolder(join(workDir, 'root-work'), 'articles', join(workDir, 'root')), 'content'));
    let hits = 0;
    let slots = 0;
    const rows: string[] = [];
    for (const query of PHRASES) {
      const words = textWords(query);
      const having = new Set(texts.filter((x) => containsPhrase(x.text, words)).map((x) => x.path));
      assert.ok(having.size > 0, `no article of the sample says “${query}”: choose another query`);
      const { results } = await searchFor(page, site, { q: query });
      const k = Math.min(10, having.size);
      const good = results.slice(0, k).filter((r) => having.has(r.path)).length;
      hits += good;
      slots += k;
      if (good < k) rows.push(`${query}: ${good} of ${k}: ${results.slice(0, k).map((r) => r.title).join(' | ')}`);
    }
    const precision = hits / slots;
    t.diagnostic(`phrase precision ${precision.toFixed(3)} (${hits} of ${slots}) over ${PHRASES.length} queries`);
    for (const row of rows) t.diagnostic(row);
    assert.ok(PHRASES.length >= 40);
    assert.ok(precision >= 0.97, `phrase precision ${precision.toFixed(3)}\n${rows.join('\n')}`);
    // A finished syllable is itself, not a longer one: no result of `lu doan` says only `luyện`.
    const { results } = await searchFor(page, site, { q: 'lu doan' });
    const byPath = new Map(texts.map((x) => [x.path, x.text]));
    for (const r of results) assert.ok(textWords(byPath.get(r.path) ?? '').includes('lu'), r.title);
  });

  test('articles whose title has the phrase come before those whose text has it, then the others', async () => {
    const texts = await indexedTexts(join(stateFolder(join(workDir, 'root-work'), 'articles', join(workDir, 'root')), 'content'));
    for (const query of ['dan quan', 'lu doan', 'bien phong']) {
      const words = textWords(query);
      const { results } = await searchFor(page, site, { q: query });
      const rank = (r: Result): number => {
        const text = texts.find((x) => x.path === r.path)?.text ?? '';
        return containsPhrase(r.title, words) ? 0 : containsPhrase(text, words) ? 1 : 2;
      };
      const ranks = results.map(rank);
      assert.deepEqual(ranks, [...ranks].sort(), `${query}: ${ranks.join(' ')}`);
      assert.equal(ranks[0], 0, query);
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

  test('excerpts and highlights show the real text: each đ back, no twin', async () => {
    const { results } = await searchFor(page, site, { q: 'doan' });
    assert.ok(results.length > 0);
    for (const r of results) {
      // The index has `d` for `đ`: none of these is a Vietnamese word with a plain `d` (`dội`, `dược`,
      // `dã` are, and are left out).
      assert.doesNotMatch(r.excerpt, /(?<![\p{L}\p{M}])(doàn|dơn|dồng|dịa|dến)(?![\p{L}\p{M}])/iu, r.excerpt);
      assert.doesNotMatch(r.excerpt, /[\p{L}\p{M}]-[a-z]+zq/u, r.excerpt);
    }
    assert.ok(results.some((r) => /<mark>đoàn<\/mark>/i.test(r.excerpt)), 'đoàn is highlighted');
  });

  test('each result shows title, date and units; an estimated date is marked as one', async () => {
    await searchFor(page, site, { q: 'Lữ đoàn 297' });
    const [newest, dated] = [page.locator('.search-result').nth(0), page.locator('.search-result').nth(1)];
    // Titles with the phrase, newest first: the undated mirror copy is placed by its estimated date.
    assert.equal(await newest.locator('h2 a').textContent(), 'Quân khu 2 – Lữ đoàn 297 hội thao pháo binh năm 2025');
    assert.match((await newest.locator('.search-result__meta').textContent()) ?? '', /^khoảng 15\/10\/2025 \(ước tính từ bài\) · Lữ đoàn 297/);
    assert.equal(await newest.locator('.search-result__meta time').getAttribute('datetime'), '2025-10-15');
    assert.equal(await dated.locator('h2 a').textContent(), 'Lữ đoàn 297 ra quân huấn luyện năm 2018');
    assert.match((await dated.locator('.search-result__meta').textContent()) ?? '', /^26\/2\/2018 · Lữ đoàn 297/);
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

  test('the filters count the same results whether đ is typed or not (the index has d)', async () => {
    const unitCounts = async (q: string): Promise<string[]> => {
      await searchFor(page, site, { q });
      // The filters' values and counts load when the reader first reaches for them.
      await page.focus('select[name="don-vi"]');
      await page.waitForFunction(() => document.querySelectorAll('select[name="don-vi"] option').length > 1);
      return page.$$eval('select[name="don-vi"] option', (list) => list.map((o) => o.textContent ?? ''));
    };
    const typed = await unitCounts('sư đoàn 3');
    assert.deepEqual(typed, await unitCounts('su doan 3'));
    const count = Number(/^Sư đoàn 316 \((\d+)\)$/.exec(typed.find((o) => o.startsWith('Sư đoàn 316 ')) ?? '')?.[1]);
    assert.ok(count >= 3, typed.join(' | '));
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

  test('first results only when no older article can precede them; the rest follow, nothing is replaced', async () => {
    await page.goto(`${site.url}tim-kiem/`);
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.startsWith('Nhập'));
    await page.evaluate(() => {
      const root = document.querySelector('[data-search]')!;
      const status = root.querySelector('[data-search-status]')!;
      const list = root.querySelector('[data-search-results]')!;
      const log: Array<{ status: string; shown: string[] }> = [];
      // Inline (no named function): tsx would wrap a named one in a helper the page does not have.
      const observer = new MutationObserver(() =>
        log.push({ status: status.textContent ?? '', shown: [...list.querySelectorAll('h2 a')].map((a) => a.textContent ?? '') }),
      );
      observer.observe(status, { childList: true, characterData: true, subtree: true });
      observer.observe(list, { childList: true });
      Object.assign(window, { progressLog: log });
    });
    type Log = Array<{ status: string; shown: string[] }>;
    const progress = (): Promise<Log> => page.evaluate(() => (window as unknown as { progressLog: Log }).progressLog);

    // The newest shard's articles whose title says "lữ đoàn" come first whatever the older years hold:
    // shown at once, and the whole archive's results go on after them.
    await page.locator('#search-q').pressSequentially('lu doan');
    const done = await seen(page, site);
    let log = await progress();
    const early = log.find((l) => l.status.endsWith('đang tìm trong các năm trước…') && l.shown.length > 0);
    assert.ok(early, `no first results in ${JSON.stringify(log)}`);
    assert.match(early.status, /^\d+ kết quả đầu tiên cho “lu doan”/);
    const final = done.results.map((r) => r.title);
    for (const entry of log) {
      assert.deepEqual(entry.shown, final.slice(0, entry.shown.length), `replaced under the reader: ${JSON.stringify(log)}`);
    }
    assert.ok(final.length > early.shown.length, 'the whole archive added results after the first');

    // No title in the newest shard says "chốt kiểm soát": nothing is shown as the answer until the whole
    // archive has answered (its article is undated, with no estimate, in an older shard).
    await page.evaluate(() => ((window as unknown as { progressLog: Log }).progressLog.length = 0));
    await page.locator('#search-q').fill('');
    await page.locator('#search-q').pressSequentially('chot kiem soat');
    await page.waitForFunction(() => document.querySelector('[data-search]')?.getAttribute('data-searched') === '?q=chot+kiem+soat');
    const shown = await seen(page, site);
    log = await progress();
    assert.ok(log.some((l) => l.status === 'Đang tìm “chot kiem soat” trong toàn bộ kho lưu trữ…' && l.shown.length === 0), JSON.stringify(log));
    for (const entry of log.filter((l) => l.shown.length > 0)) {
      assert.deepEqual(entry.shown, shown.results.map((r) => r.title).slice(0, entry.shown.length), JSON.stringify(log));
    }
    assert.equal(shown.results[0]?.title, 'Bộ CHQS tỉnh Vĩnh Phúc hỗ trợ các chốt kiểm soát phòng, chống dịch');
    assert.match(shown.status, /^\d+ kết quả cho “chot kiem soat”$/);
  });

  test('two words whose titles are all in older shards: their newest titles at once, from the title index, never replaced', async () => {
    await page.goto(`${site.url}tim-kiem/`);
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.startsWith('Nhập'));
    await page.evaluate(() => {
      const root = document.querySelector('[data-search]')!;
      const status = root.querySelector('[data-search-status]')!;
      const list = root.querySelector('[data-search-results]')!;
      const log: Array<{ status: string; shown: string[]; at: number }> = [];
      const observer = new MutationObserver(() =>
        log.push({ status: status.textContent ?? '', shown: [...list.querySelectorAll('h2 a')].map((a) => a.textContent ?? ''), at: Date.now() }),
      );
      observer.observe(status, { childList: true, characterData: true, subtree: true });
      observer.observe(list, { childList: true });
      Object.assign(window, { progressLog: log });
    });
    site.served.length = 0;
    await page.locator('#search-q').fill('xuong x83');
    const done = await seen(page, site);
    const log = await page.evaluate(() => (window as unknown as { progressLog: Array<{ status: string; shown: string[]; at: number }> }).progressLog);
    const early = log.find((l) => l.status.endsWith('đang tìm trong các năm trước…') && l.shown.length > 0);
    assert.ok(early, `no first results before the whole archive: ${JSON.stringify(log)}`);
    assert.equal(early.shown[0], 'Xưởng X83 tổng kết công tác kỹ thuật 6 tháng đầu năm');
    const final = done.results.map((r) => r.title);
    for (const entry of log) assert.deepEqual(entry.shown, final.slice(0, entry.shown.length), `replaced: ${JSON.stringify(log)}`);
    // Shown from the title index and the article's fragment: no shard's index chunk, no older shard's metadata.
    const before = site.served.filter((r) => r.at <= early.at).map((r) => r.path);
    assert.ok(before.some((p) => /\/pagefind\/titles\/\d+\.json$/.test(p)), before.join(' '));
    assert.ok(!before.some((p) => /\/pagefind\/[^/]+\/index\//.test(p)), `index chunks before the first results: ${before.join(' ')}`);
    // The excerpt marks the title's words, without the index's twins.
    assert.match(done.results[0]!.excerpt, /<mark>Xưởng<\/mark> <mark>X83<\/mark>/);
  });

  test("a second query finding the same title marks its own words, not the first query's", async () => {
    await page.goto(`${site.url}tim-kiem/`);
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.startsWith('Nhập'));
    await page.locator('#search-q').fill('xuong x83');
    const first = await seen(page, site);
    assert.match(first.results[0]!.excerpt, /<mark>Xưởng<\/mark> <mark>X83<\/mark>/);
    // Same page, no reload: the article's fragment was fetched already.
    await page.locator('#search-q').fill('x83 tong');
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.includes('x83 tong'));
    const second = await seen(page, site);
    const same = second.results.find((r) => r.title === first.results[0]!.title);
    assert.ok(same, second.results.map((r) => r.title).join(' | '));
    assert.match(same.excerpt, /<mark>X83<\/mark> <mark>tổng<\/mark>/);
    assert.doesNotMatch(same.excerpt, /<mark>Xưởng<\/mark>/);
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

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`keyboard and screen readers, ${colorScheme} scheme: labelled controls, a live status, no axe violations with results`, async () => {
      const context = await browser.newContext({ bypassCSP: true, colorScheme });
      const a11y = await context.newPage();
      const { results } = await searchFor(a11y, site, { q: 'lu doan' });
      assert.ok(results.length > 5 && results.some((r) => r.excerpt.includes('<mark>')), 'results with highlights are on screen');
      assert.ok(await a11y.isVisible('[data-search-more]') || results.length <= 10);
      assert.equal(await a11y.getAttribute('[data-search-status]', 'role'), 'status');
      // Tab from the query box reaches the submit button, then the sort and filters.
      await a11y.focus('#search-q');
      await a11y.keyboard.press('Tab');
      assert.equal(await a11y.evaluate(() => document.activeElement?.textContent), 'Tìm');
      await a11y.keyboard.press('Tab');
      assert.equal(await a11y.evaluate(() => document.activeElement?.getAttribute('name')), 'sap-xep');
      await a11y.addScriptTag({ path: join(process.cwd(), 'node_modules/axe-core/axe.min.js') });
      const violations = await a11y.evaluate(async () => {
        type Axe = { run(el: Document): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }> };
        const report = await (window as unknown as { axe: Axe }).axe.run(document);
        return report.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      });
      assert.deepEqual(violations, []);
      await context.close();
    });
  }
});
