/**
 * A synthetic, deterministic archive for measuring search on its own, without the rest of the build:
 * articles written as the generated Markdown the indexer reads (`.build/content/`), and the real search
 * page. The phrase bank is invented Vietnamese military-news prose.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { bodyToMarkdown } from '../ingest/markdown.ts';
import type { FrontMatter } from '../schema.ts';
import { slugify } from '../text.ts';

const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates', '_includes');

/** Nunjucks ships with Eleventy and has no types of its own; this is the part used here. */
interface Nunjucks {
  configure(path: string, opts: { autoescape: boolean }): NunjucksEnvironment;
}
interface NunjucksEnvironment {
  renderString(source: string, ctx: object): string;
  addFilter(name: string, filter: (value: string) => string): void;
}
const nunjucks = createRequire(import.meta.url)('nunjucks') as Nunjucks;

export interface SyntheticArticle extends FrontMatter {
  url: string;
  paragraphs: string[];
}

const PROVINCES = [
  'Lào Cai', 'Hà Giang', 'Điện Biên', 'Lai Châu', 'Sơn La', 'Yên Bái', 'Tuyên Quang', 'Phú Thọ',
  'Vĩnh Phúc', 'Thái Nguyên', 'Bắc Kạn', 'Cao Bằng', 'Lạng Sơn', 'Hòa Bình', 'Bắc Giang', 'Quảng Ninh',
];
const BORDER_POSTS = ['A Pa Chải', 'Si Pa Phìn', 'Mường Nhé', 'Lũng Cú', 'Đồng Văn', 'Bát Xát', 'Y Tý', 'Pha Long'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đỗ', 'Đặng', 'Bùi', 'Vũ', 'Đinh', 'Lương', 'Hà'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Hữu', 'Quang', 'Thanh', 'Ngọc'];
const GIVEN = ['Đạt', 'Hùng', 'Dũng', 'Đông', 'Hải', 'Tuấn', 'Linh', 'Duyên', 'Đào', 'Thắng', 'Nam', 'Hòa'];

const SENTENCES = [
  'Sáng nay, {unit} tổ chức lễ ra quân huấn luyện năm {year} với sự tham gia của đông đảo cán bộ, chiến sĩ.',
  'Đồng chí chỉ huy trưởng {unit} yêu cầu các đơn vị quán triệt nghiêm túc mệnh lệnh huấn luyện.',
  'Bộ Tư lệnh Quân khu 2 đánh giá cao kết quả huấn luyện, diễn tập của lực lượng vũ trang {province}.',
  'Cán bộ, chiến sĩ {unit} đã giúp nhân dân xã biên giới sửa chữa nhà ở, làm đường giao thông nông thôn.',
  'Đoàn công tác của Quân khu đã đến thăm, tặng quà các gia đình chính sách trên địa bàn tỉnh {province}.',
  'Hội thao quân sự năm nay diễn ra sôi nổi, các đội thi đấu đạt thành tích cao ở nội dung bắn súng.',
  'Lực lượng dân quân tự vệ tỉnh {province} luyện tập phương án phòng chống lụt bão, tìm kiếm cứu nạn.',
  'Đồn Biên phòng {post} phối hợp với chính quyền địa phương tuần tra, bảo vệ vững chắc đường biên, mốc giới.',
  'Đảng ủy {unit} tổ chức hội nghị ra nghị quyết lãnh đạo thực hiện nhiệm vụ quân sự, quốc phòng.',
  'Các đơn vị đã hoàn thành tốt công tác tuyển quân, bảo đảm chất lượng, đúng luật nghĩa vụ quân sự.',
  'Phong trào thi đua quyết thắng được đẩy mạnh, tạo động lực để bộ đội rèn luyện, phấn đấu.',
  'Diễn tập khu vực phòng thủ huyện đạt mục đích, yêu cầu đề ra, bảo đảm an toàn tuyệt đối.',
  'Bộ đội {unit} giúp đồng bào dân tộc thiểu số thu hoạch lúa, khơi thông kênh mương nội đồng.',
  'Hoạt động dân vận khéo góp phần củng cố mối quan hệ đoàn kết quân dân trên địa bàn.',
  'Ban Chỉ huy Quân sự huyện tổ chức giao nhận quân bảo đảm nhanh gọn, an toàn, tiết kiệm.',
  'Trường Quân sự Quân khu khai giảng lớp đào tạo tiểu đội trưởng cho chiến sĩ mới.',
  'Mùa mưa lũ năm nay, nhiều tuyến đường liên xã bị sạt lở, giao thông bị chia cắt nhiều ngày.',
  'Bà con trong bản phấn khởi khi điện lưới về tới từng nhà, các cháu nhỏ có đèn học bài buổi tối.',
  'Từ đầu năm đến nay, xã đã vận động được hơn hai trăm hộ gia đình tham gia trồng rừng phòng hộ.',
  'Nhiều mô hình phát triển kinh tế hộ gia đình được nhân rộng, thu nhập của người dân tăng rõ rệt.',
  'Tại buổi lễ, các em học sinh được tặng sách vở, áo ấm và xe đạp để tiếp tục đến trường.',
  'Đường lên bản quanh co, dốc cao, xe máy phải đi chậm, có đoạn phải xuống dắt bộ.',
  'Ông trưởng bản kể lại những ngày đầu đưa giống lúa mới về thử nghiệm trên ruộng bậc thang.',
  'Chương trình khám bệnh, cấp thuốc miễn phí đã giúp hàng trăm người cao tuổi được chăm sóc sức khỏe.',
  'Hội nghị đã thảo luận, đóng góp ý kiến vào dự thảo báo cáo chính trị trình đại hội.',
  'Các tổ công tác thường xuyên bám cơ sở, nắm chắc tình hình, kịp thời giải quyết những vướng mắc.',
  'Phiên chợ vùng cao họp mỗi tuần một lần, đồng bào mang nông sản, thổ cẩm xuống trao đổi.',
  'Nhờ làm tốt công tác tuyên truyền, tình trạng tảo hôn trên địa bàn đã giảm đáng kể.',
  'Những ngôi nhà đại đoàn kết được bàn giao kịp thời trước Tết, giúp các hộ nghèo yên tâm đón xuân.',
  'Đoàn thanh niên phát động phong trào tình nguyện mùa hè xanh, sửa chữa trường học và làm đường.',
];

/** A small, fast, seeded generator: the same seed gives the same archive on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A few hundred units: divisions, regiments, provincial commands, border guards. */
export function syntheticUnits(): string[] {
  const units: string[] = [];
  for (const n of [316, 346, 355, 3, 31, 168]) units.push(`Sư đoàn ${n}`);
  for (let n = 50; n < 200; n++) units.push(`Trung đoàn ${n}`);
  for (let n = 200; n < 260; n++) units.push(`Lữ đoàn ${n}`);
  for (const p of PROVINCES) units.push(`Bộ CHQS tỉnh ${p}`, `Bộ đội Biên phòng tỉnh ${p}`);
  for (const b of BORDER_POSTS) units.push(`Đồn Biên phòng ${b}`);
  return units;
}

/** `count` articles over ten years (2016–2025), a few undated, 1–4 units and 1–2 authors each. */
export function syntheticArchive(count: number, seed = 2): SyntheticArticle[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const units = syntheticUnits();
  const authors = Array.from({ length: 60 }, () => `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`);
  const articles: SyntheticArticle[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2016 + Math.floor(random() * 10);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const dated = random() > 0.02;
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const own = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(units));
    const articleUnits = [...new Set(own)];
    const province = pick(PROVINCES);
    const fill = (s: string): string =>
      s
        .replaceAll('{unit}', pick(articleUnits))
        .replaceAll('{province}', province)
        .replaceAll('{post}', pick(BORDER_POSTS))
        .replaceAll('{year}', String(year));
    // 5–8 KB of text, like the dumps.
    const paragraphs = Array.from({ length: 8 + Math.floor(random() * 6) }, () =>
      Array.from({ length: 3 + Math.floor(random() * 3) }, () => fill(pick(SENTENCES))).join(' '),
    );
    const title = `${fill(pick(SENTENCES)).split(',')[0]!.replace(/\.$/, '')} (${i + 1})`;
    const slug = `${slugify(title, 60)}-${i + 1}`;
    const byline = Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(authors));
    articles.push({
      title,
      ...(dated ? { date } : {}),
      summary: paragraphs[0]!,
      byline: `Bài, ảnh: ${byline.join(', ')}`,
      authors: [...new Set(byline)],
      units: articleUnits,
      captions: [],
      source: `bench/${i + 1}.txt`,
      slug,
      url: dated ? `/${date.replaceAll('-', '/')}/${slug}/` : `/khong-ro-ngay/${slug}/`,
      paragraphs,
    });
  }
  return articles;
}

/** Writes `articles` as generated Markdown under `contentDir`: `2023/05/01/slug.md` for `/2023/05/01/slug/`. */
export async function writeArticleContent(contentDir: string, articles: SyntheticArticle[]): Promise<void> {
  for (const { url, paragraphs, ...frontMatter } of articles) {
    const file = join(contentDir, `${url.slice(1, -1)}.md`);
    await mkdir(dirname(file), { recursive: true });
    const body = bodyToMarkdown(paragraphs.map((text) => ({ kind: 'paragraph' as const, text })));
    await writeFile(file, matter.stringify({ content: `${body}\n` }, frontMatter));
  }
}

const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public');
const SEARCH_TEMPLATE = join(TEMPLATES, '..', 'tim-kiem.njk');

/**
 * Writes `/tim-kiem/` from the real `templates/tim-kiem.njk` in a bare shell (not the site's base
 * layout), with the search page's own scripts and styles: what measuring search needs, and no more.
 */
/**
 * The search template's body and the data its JavaScript front matter declares (`const title = …;`), as
 * Eleventy reads it: gray-matter's `js` engine evaluates an object literal, not statements.
 */
function searchTemplate(text: string): { content: string; data: { title?: string; scripts?: string[]; styles?: string[] } } {
  const match = /^---js\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) return matter(text) as { content: string; data: { title?: string; scripts?: string[]; styles?: string[] } };
  // The template is ours (templates/tim-kiem.njk), not input: its declarations are run as written.
  const data = new Function(`${match[1]}\nreturn { title, scripts, styles };`)() as { title: string; scripts: string[]; styles: string[] };
  return { content: text.slice(match[0].length), data };
}

export async function writeSearchPage(siteDir: string, prefix = '/'): Promise<void> {
  const { content, data } = searchTemplate(await readFile(SEARCH_TEMPLATE, 'utf8'));
  const env = nunjucks.configure(TEMPLATES, { autoescape: true });
  env.addFilter('url', (path: string) => prefix + path.replace(/^\//, ''));
  const body = env.renderString(content, {});
  const link = (p: string): string => prefix + p.replace(/^\//, '');
  const styles = (data.styles ?? []).map((s) => `<link rel="stylesheet" href="${link(s)}">`);
  const scripts = (data.scripts ?? []).map((s) => `<script type="module" src="${link(s)}"></script>`);
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${String(data.title)}</title>
${styles.join('\n')}
${scripts.join('\n')}
</head><body><main>${body}</main></body></html>`;
  await mkdir(join(siteDir, 'tim-kiem'), { recursive: true });
  await writeFile(join(siteDir, 'tim-kiem', 'index.html'), html);
  for (const dir of ['js', 'css']) {
    await mkdir(join(siteDir, dir), { recursive: true });
    for (const file of await readdir(join(PUBLIC, dir))) {
      if (file.startsWith('search')) await copyFile(join(PUBLIC, dir, file), join(siteDir, dir, file));
    }
  }
}
