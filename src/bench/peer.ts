/**
 * The peer of `npm run bench -- --peer`: the same articles rendered by Hugo and indexed by the Pagefind
 * CLI, the way a site built with off-the-shelf tools would be, to put our cold build beside.
 *
 * The peer starts from the Markdown our ingest wrote (the state folder's `content/`), not from the
 * dumps: Hugo cannot read a dump, and the Markdown holds exactly the articles we publish (duplicates
 * merged, rejected dumps left out), with their canonical units, their authors and the very body text
 * our pages show. Parsing the dumps is thus work only our side does, inside its ingest stage.
 *
 * What the peer builds (a minimal site, no theme, nothing downloaded): one page per article at our URL
 * (`/YYYY/MM/DD/slug/`, undated ones in their own section `/khong-ro-ngay/slug/`), the home page and the
 * undated section paginated by 20, taxonomies `units` (đơn vị) and `authors` with a paginated page per
 * term, Hugo's default feeds and sitemap. Each article page is `<main data-pagefind-body>` with the
 * title as `h1`, the byline and the body, and the fields our index carries (date, year, units,
 * authors), so that Pagefind does the work ours does and indexes article pages only.
 *
 * `hugoSite` and `hugoArticle` are pure (the tests read their files); the IO is at the end.
 */
import { spawn } from 'node:child_process';
import { constants, readFileSync } from 'node:fs';
import { access, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { forEachLimited } from '../concurrency.ts';
import { contentFiles, parseContentFile, type ContentFile } from '../site/archive.ts';
import { canonicalAuthors } from '../site/authors.ts';
import { UNDATED_YEAR, UNITS_SEPARATOR } from '../search/page.ts';
import { pagefindBinary } from '../search/pagefindCli.ts';

/** What `--peer` prints, and skips the peer, when there is no Hugo to run. */
export const HUGO_MISSING = 'hugo not found: apt-get install -y hugo';

/** The section of dated articles, and the one of undated articles (our URL for them). */
export const DATED_SECTION = 'bai-viet';
export const UNDATED_SECTION = 'khong-ro-ngay';
/** Articles per list page, as on our lists. */
export const PAGE_SIZE = 20;

export interface SiteFile {
  /** Relative to the Hugo site's root, with `/`. */
  path: string;
  text: string;
}

// ---- the Hugo site (pure) -------------------------------------------------------------------------

/** `hugo v0.111.3+extended linux/amd64 …` → [0, 111, 3]. */
export function hugoVersion(output: string): [number, number, number] | null {
  const match = /\bv(\d+)\.(\d+)\.(\d+)/.exec(output);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/**
 * `hugo.json`. Markdown as ours reads it: no smart quotes, no autolinks (ingest escapes every ASCII
 * punctuation character, which Goldmark honours as CommonMark does); block attributes on, for the
 * captions (`hugoBody`). Hugo 0.128 replaced `paginate` and made `typographer` an object: the keys
 * follow the version found, Debian's 0.111 by default.
 */
export function hugoConfig(version: readonly number[] = [0, 111, 0]): string {
  const newer = version[0]! > 0 || version[1]! >= 128;
  const config = {
    baseURL: 'https://example.org/',
    languageCode: 'vi',
    defaultContentLanguage: 'vi',
    title: 'Lưu trữ tin Quân khu 2',
    // Dates are calendar dates in Vietnam: a bare `2024-05-03` is midnight there, never shifted.
    timeZone: 'Asia/Ho_Chi_Minh',
    taxonomies: { unit: 'units', author: 'authors' },
    permalinks: { [DATED_SECTION]: '/:year/:month/:day/:slug/', [UNDATED_SECTION]: '/khong-ro-ngay/:slug/' },
    ...(newer ? { pagination: { pagerSize: PAGE_SIZE } } : { paginate: PAGE_SIZE }),
    markup: {
      goldmark: {
        renderer: { unsafe: false },
        parser: { attribute: { block: true, title: false } },
        extensions: {
          typographer: newer ? { disable: true } : false,
          linkify: false,
        },
      },
    },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

const BASEOF = `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} – {{ end }}{{ site.Title }}</title>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a> · <a href="{{ "/units/" | relURL }}">Đơn vị</a> · <a href="{{ "/authors/" | relURL }}">Tác giả</a> · <a href="{{ "/khong-ro-ngay/" | relURL }}">Không rõ ngày</a></header>
{{ block "main" . }}{{ end }}
</body>
</html>
`;

/** The fields of `src/search/page.ts`, as hidden elements Pagefind reads and does not index as words. */
const SINGLE = `{{ define "main" }}<main data-pagefind-body>
<h1>{{ .Title }}</h1>
{{ with .Params.byline }}<p>{{ . }}</p>
{{ end }}{{ if .Params.dated }}<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time></p>
{{ end }}{{ .Content }}
<div hidden>
<span data-pagefind-meta="title[data-value]" data-value="{{ .Title }}"></span>
{{ if .Params.dated }}<span data-pagefind-meta="date[data-value]" data-value="{{ .Date.Format "2006-01-02" }}"></span>
<span data-pagefind-sort="date[data-value]" data-value="{{ .Date.Format "2006-01-02" }}"></span>
<span data-pagefind-filter="year[data-value]" data-value="{{ .Date.Format "2006" }}"></span>
{{ else }}{{ with .Params.estimatedDate }}<span data-pagefind-meta="estimated[data-value]" data-value="{{ . }}"></span>
<span data-pagefind-sort="date[data-value]" data-value="{{ . }}"></span>
<span data-pagefind-filter="year[data-value]" data-value="{{ substr . 0 4 }}"></span>
{{ else }}<span data-pagefind-filter="year[data-value]" data-value="${UNDATED_YEAR}"></span>
{{ end }}{{ end }}{{ with .Params.units }}<span data-pagefind-meta="units[data-value]" data-value="{{ delimit . "${UNITS_SEPARATOR}" }}"></span>
{{ end }}{{ range .Params.units }}<span data-pagefind-filter="unit[data-value]" data-value="{{ . }}"></span>
{{ end }}{{ range .Params.authors }}<span data-pagefind-filter="author[data-value]" data-value="{{ . }}"></span>
{{ end }}</div>
</main>
<nav>{{ range .GetTerms "units" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</nav>
{{ end }}
`;

/**
 * The cards of a list page, and a pager under them (first, previous, this one of all, next, last): its
 * own rather than Hugo's internal one, whose name changed in 0.146.
 */
const CARDS = `{{ define "cards" }}<ol>
{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ if .Params.dated }} <time>{{ .Date.Format "02/01/2006" }}</time>{{ end }}<p>{{ .Description }}</p></li>
{{ end }}</ol>
{{ $p := .Paginator }}{{ if gt $p.TotalPages 1 }}<nav aria-label="Trang"><a href="{{ $p.First.URL }}">«</a>{{ with $p.Prev }} <a href="{{ .URL }}">‹</a>{{ end }} Trang {{ $p.PageNumber }}/{{ $p.TotalPages }}{{ with $p.Next }} <a href="{{ .URL }}">›</a>{{ end }} <a href="{{ $p.Last.URL }}">»</a></nav>
{{ end }}{{ end }}
`;

/** The home page lists the dated articles, newest first; a section lists its own. */
const LIST = `{{ define "main" }}<main>
<h1>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }}{{ end }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = where site.RegularPages "Section" "${DATED_SECTION}" }}{{ end }}
{{ $paginator := .Paginate $pages.ByDate.Reverse }}{{ template "cards" . }}
</main>{{ end }}
${CARDS}`;

const TAXONOMY = `{{ define "main" }}<main>
<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}</ul>
</main>{{ end }}
`;

const TERM = `{{ define "main" }}<main>
<h1>{{ .Title }}</h1>
{{ $paginator := .Paginate .Pages.ByDate.Reverse }}{{ template "cards" . }}
</main>{{ end }}
${CARDS}`;

/** Everything but the articles: configuration, layouts, the undated section's own page. */
export function hugoSite(version?: readonly number[]): SiteFile[] {
  return [
    { path: 'hugo.json', text: hugoConfig(version) },
    { path: 'layouts/_default/baseof.html', text: BASEOF },
    { path: 'layouts/_default/single.html', text: SINGLE },
    { path: 'layouts/_default/list.html', text: LIST },
    { path: 'layouts/_default/taxonomy.html', text: TAXONOMY },
    { path: 'layouts/_default/term.html', text: TERM },
    { path: `content/${UNDATED_SECTION}/_index.md`, text: matter.stringify({ content: '' }, { title: 'Không rõ ngày' }) },
    { path: `content/${DATED_SECTION}/_index.md`, text: matter.stringify({ content: '' }, { title: 'Bài viết' }) },
  ];
}

/** Ingest writes a caption as `::: caption` … `:::` (`src/site/markdown.ts`); Goldmark has no containers. */
const CAPTION = /^::: caption\n(.*)\n:::$/gm;

/** The body in Goldmark's terms: a caption becomes a paragraph of class `caption`. */
export function hugoBody(markdown: string): string {
  return markdown.replace(CAPTION, '$1\n{.caption}');
}

/**
 * One article as Hugo content: dated ones in `bai-viet/` (the file named by date and slug, since a
 * slug is unique only with its date), undated ones in `khong-ro-ngay/` without a date.
 */
export function hugoArticle({ frontMatter: fm, body }: ContentFile): SiteFile {
  const data: Record<string, unknown> = { title: fm.title, slug: fm.slug };
  if (fm.date) {
    // `dated` spares the templates Hugo's zero date for the undated ones.
    data.date = fm.date;
    data.dated = true;
  } else if (fm.estimatedDate) data.estimatedDate = fm.estimatedDate;
  data.description = fm.summary;
  if (fm.byline) data.byline = fm.byline;
  data.units = fm.units;
  // One term per person, as our author pages have it (`ĐĂNG NINH` and `Đăng Ninh` are one).
  data.authors = canonicalAuthors(fm.authors);
  const file = fm.date ? `content/${DATED_SECTION}/${fm.date}-${fm.slug}.md` : `content/${UNDATED_SECTION}/${fm.slug}.md`;
  return { path: file, text: matter.stringify({ content: hugoBody(body) }, data) };
}

// ---- writing it -----------------------------------------------------------------------------------

/** Files read and written at once. */
const CONCURRENCY = 16;

/**
 * Writes the Hugo site for the Markdown in `contentDir` into `siteDir` (replaced), one article at a
 * time so that 100k articles need no more memory than a few. Returns the number of articles.
 */
export async function writeHugoSite(contentDir: string, siteDir: string, version?: readonly number[]): Promise<{ articles: number; dated: number }> {
  await rm(siteDir, { recursive: true, force: true });
  const write = async (file: SiteFile) => {
    const target = path.join(siteDir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.text);
  };
  for (const file of hugoSite(version)) await write(file);
  const names = contentFiles(contentDir);
  let dated = 0;
  await forEachLimited(names.length, CONCURRENCY, async (i) => {
    const name = names[i]!;
    const article = parseContentFile(name, await readFile(path.join(contentDir, name)));
    if (article.frontMatter.date) dated++;
    const file = hugoArticle(article);
    await writeFile(path.join(siteDir, file.path), file.text);
  });
  return { articles: names.length, dated };
}

// ---- the tools ------------------------------------------------------------------------------------

/** The first executable `name` on `PATH`, or null. */
export async function findOnPath(name: string, searchPath = process.env.PATH ?? ''): Promise<string | null> {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/**
 * CPU seconds (user + system) of this process's children that have exited and been waited for,
 * grandchildren included once their parent waited for them: what `getrusage(RUSAGE_CHILDREN)` says.
 * The difference across one child's run is that child's whole CPU, exactly, with no sampling.
 */
export function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields counted after the command name's `)`, from field 3: cutime and cstime are fields 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / TICKS;
}

export interface ChildTiming {
  wallSeconds: number;
  /** User + system CPU of the process and its threads, from `childrenCpuSeconds`. */
  cpuSeconds: number;
  /** The process's VmHWM, sampled every 50 ms (a spike in its last 50 ms can be missed; 0: it ended first). */
  peakRssBytes: number;
  stdout: string;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const VM_HWM = /^VmHWM:\s+(\d+) kB$/m;

/** Runs `command` to its end, timed; throws with its output when it fails. */
export async function timeChild(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ChildTiming> {
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let peak = 0;
  const sample = () => {
    try {
      const match = VM_HWM.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]) * 1024);
    } catch {
      // Not started yet, or gone.
    }
  };
  const sampler = setInterval(sample, 50);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-20_000)));
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  }).finally(() => clearInterval(sampler));
  const wallSeconds = (performance.now() - started) / 1000;
  const cpuSeconds = childrenCpuSeconds() - cpuBefore;
  if (code !== 0) {
    throw new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}:\n${(stderr || stdout).trim().split('\n').slice(-30).join('\n')}`);
  }
  return { wallSeconds: round(wallSeconds), cpuSeconds: round(cpuSeconds), peakRssBytes: peak, stdout };
}

// ---- one peer run ---------------------------------------------------------------------------------

export interface PeerTools {
  hugo: string;
  hugoVersion: string;
  pagefind: string;
  pagefindVersion: string;
}

/**
 * Hugo on `PATH` and the Pagefind CLI of node_modules, with their versions; `{ missing }` with the
 * message to print when there is no Hugo.
 */
export async function findPeerTools(searchPath = process.env.PATH ?? ''): Promise<PeerTools | { missing: string }> {
  const hugo = await findOnPath('hugo', searchPath);
  if (!hugo) return { missing: HUGO_MISSING };
  const pagefind = pagefindBinary();
  const hugoVersion = (await timeChild(hugo, ['version'])).stdout.trim();
  const pagefindVersion = (await timeChild(pagefind, ['--version'])).stdout.trim();
  return { hugo, hugoVersion, pagefind, pagefindVersion };
}

export interface PeerRun {
  hugo: Omit<ChildTiming, 'stdout'>;
  pagefind: Omit<ChildTiming, 'stdout'>;
  /** Hugo then Pagefind, back to back. */
  wallSeconds: number;
  cpuSeconds: number;
  /** Files Hugo wrote, and the article pages among them (those Pagefind indexes). */
  hugoFiles: number;
  articlePages: number;
  /** As Pagefind reported it (`Indexed N pages`), or null when its output did not say. */
  pagesIndexed: number | null;
}

/**
 * One cold peer build of the Hugo site in `siteDir` into `outputDir`: Hugo's destination, its resource
 * folder and its cache removed first, then `hugo`, then the Pagefind CLI on Hugo's output.
 */
export async function runPeer(tools: PeerTools, siteDir: string, outputDir: string): Promise<PeerRun> {
  const cacheDir = path.join(siteDir, '.hugo-cache');
  for (const dir of [outputDir, path.join(siteDir, 'resources'), cacheDir]) await rm(dir, { recursive: true, force: true });
  const hugo = await timeChild(tools.hugo, ['--quiet', '--source', siteDir, '--destination', outputDir, '--cacheDir', cacheDir]);
  const pagefind = await timeChild(tools.pagefind, ['--site', outputDir]);
  const { files, articlePages } = await countPages(outputDir);
  const indexed = /Indexed (\d+) pages?/.exec(pagefind.stdout);
  const strip = ({ stdout: _, ...timing }: ChildTiming) => timing;
  return {
    hugo: strip(hugo),
    pagefind: strip(pagefind),
    wallSeconds: round(hugo.wallSeconds + pagefind.wallSeconds),
    cpuSeconds: round(hugo.cpuSeconds + pagefind.cpuSeconds),
    hugoFiles: files,
    articlePages,
    pagesIndexed: indexed ? Number(indexed[1]) : null,
  };
}

/** Hugo's files (the Pagefind index left out) and its article pages: the HTML with `data-pagefind-body`. */
export async function countPages(outputDir: string): Promise<{ files: number; articlePages: number }> {
  const index = path.join(outputDir, 'pagefind') + path.sep;
  const html: string[] = [];
  let files = 0;
  for (const entry of await readdir(outputDir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || file.startsWith(index)) continue;
    files++;
    if (entry.name.endsWith('.html')) html.push(file);
  }
  let articlePages = 0;
  await forEachLimited(html.length, CONCURRENCY, async (i) => {
    if ((await readFile(html[i]!, 'utf8')).includes('data-pagefind-body')) articlePages++;
  });
  return { files, articlePages };
}
