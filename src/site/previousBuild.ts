/**
 * The IO of an incremental render: reads what the previous build rendered (a manifest in the work
 * folder), hard-links the pages whose data did not change from the live site into the new one, and
 * writes the manifest of the new site.
 *
 * The manifest names the folder its pages were written to by the folder's identity (`folderIdentity`:
 * an id in the folder, which a rename or a CI cache keeps): the build renders into a staging folder
 * and renames it into place. A
 * manifest that does not name the live site (a build that failed or was killed before the swap, a site
 * deleted or replaced by hand), or that was written by other site code or configuration, keeps nothing.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashSources } from '../codeHash.ts';
import { fileStamp, linkOrCopy, writeFileAtomic } from '../ingest/atomic.ts';
import { forEachLimited } from '../concurrency.ts';
import type { Archive } from './archive.ts';
import type { SiteConfig } from './config.ts';
import { outputPath, planRender, type RenderPlan, type ReportCounts } from './incremental.ts';

/** Everything a page's HTML depends on besides the archive's data. */
const SITE_CODE = ['templates', 'src/site', 'src/schema.ts', 'src/text.ts', 'src/units', 'public', '.eleventy.ts', 'package-lock.json'];
const VERSION = 1;
/** Links made at once. */
const LINK_CONCURRENCY = 32;

export interface PagesManifest {
  version: typeof VERSION;
  /** Site code and configuration the pages were rendered with. */
  code: string;
  /** The folder they were written to (`folderIdentity`). */
  folder: string;
  /** URL → fingerprint (`incremental.ts`). */
  pages: Record<string, string>;
}

export interface KeepOptions {
  site: Pick<SiteConfig, 'siteUrl' | 'pathPrefix'>;
  /** The live site of the previous build, or null for none. */
  previousDir: string | null;
  /** Where this build renders to. */
  outputDir: string;
  manifestFile: string;
  /** What the statistics page shows of the build report. */
  report?: ReportCounts;
  /**
   * The build updates the live site in place: `outputDir` receives only the pages rendered, kept pages
   * are not linked, and the manifest goes to `<manifestFile>.next`, which the build renames once the
   * new pages are in the live site (so that a build killed before leaves the manifest of the live site).
   */
  inPlace?: boolean;
}

/**
 * A site folder's identity: a random id in `.build-id` inside it, made when the site is first rendered
 * into the folder. It goes wherever the folder goes (a rename, a CI cache saved and restored, which
 * gives it another inode) and is gone when the site is deleted or replaced by other means.
 */
export const IDENTITY_FILE = '.build-id';

export async function folderIdentity(dir: string): Promise<string | null> {
  return (await readFile(path.join(dir, IDENTITY_FILE), 'utf8').catch(() => null))?.trim() || null;
}

/** `dir`'s identity, made if it has none. */
export async function ensureFolderIdentity(dir: string): Promise<string> {
  const existing = await folderIdentity(dir);
  if (existing) return existing;
  const id = randomUUID();
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, IDENTITY_FILE), `${id}\n`);
  return id;
}

async function readPagesManifest(file: string): Promise<PagesManifest | null> {
  try {
    const manifest = JSON.parse(await readFile(file, 'utf8')) as PagesManifest;
    return manifest.version === VERSION ? manifest : null;
  } catch {
    return null;
  }
}

/** What `prepareKeep` read before the job came, for the next `keepUnchangedPages` of the same manifest. */
interface Prepared {
  manifestFile: string;
  manifest: Promise<{ stamp: string | null; manifest: PagesManifest | null; pages: Map<string, string> | null }>;
  sources: Promise<string>;
}
let prepared: Prepared | null = null;

/**
 * Reads what the next `keepUnchangedPages` needs of the previous build and of the code, while the render
 * thread waits for its job (the ingest runs on the main thread): the manifest of the live site, parsed
 * (~14,000 pages at 10,000 articles), and the hash of the site code (~120 ms of reading files). Used
 * once, by a job with the same manifest file, and only if the file is still the one read (its stamp).
 */
export function prepareKeep(manifestFile: string): void {
  const file = path.resolve(manifestFile);
  const manifest = (async () => {
    const stamp = await fileStamp(file);
    const read = stamp === null ? null : await readPagesManifest(file);
    return { stamp, manifest: read, pages: read ? new Map(Object.entries(read.pages)) : null };
  })();
  const sources = hashSources(SITE_CODE);
  // Not awaited until the job: a failure there is met again when the job reads for itself.
  manifest.catch(() => {});
  sources.catch(() => {});
  prepared = { manifestFile: file, manifest, sources };
}

/** The preparation for `manifestFile`, taken (a later build in the process prepares again). */
function takePrepared(manifestFile: string): Prepared | null {
  const taken = prepared;
  prepared = null;
  return taken && taken.manifestFile === path.resolve(manifestFile) ? taken : null;
}

/** The manifest in `file` with its pages as a map: the prepared reading if the file is still the one it read. */
async function previousPages(file: string, ahead: Prepared | null): Promise<{ manifest: PagesManifest; pages: Map<string, string> } | null> {
  const early = await ahead?.manifest.catch(() => null);
  if (early && early.stamp !== null && early.stamp === (await fileStamp(file))) {
    return early.manifest && early.pages ? { manifest: early.manifest, pages: early.pages } : null;
  }
  const manifest = await readPagesManifest(file);
  return manifest ? { manifest, pages: new Map(Object.entries(manifest.pages)) } : null;
}

/**
 * Plans the render of `archive` against the previous build, links the pages it keeps into
 * `outputDir`, writes the new manifest, and returns the archive with the pages left to render.
 */
export async function keepUnchangedPages(
  archive: Archive,
  options: KeepOptions,
): Promise<{ archive: Archive; kept: number; removed: string[] }> {
  const ahead = takePrepared(options.manifestFile);
  const code = await siteCode(options.site, await ahead?.sources.catch(() => undefined));
  const read = options.previousDir ? await previousPages(options.manifestFile, ahead) : null;
  const live = options.previousDir ? await folderIdentity(options.previousDir) : null;
  const current = read && live !== null && read.manifest.code === code && read.manifest.folder === live;
  if (options.inPlace && !current) throw new Error('an in-place render needs the manifest of the live site');
  const previous = current ? read.pages : null;

  let plan: RenderPlan = planRender(archive, previous, options.report ?? null);
  if (!options.inPlace) {
    const missing = await linkPages(options.previousDir, options.outputDir, plan.kept);
    if (missing.length > 0) {
      // Pages deleted from the live site by hand: rendered again.
      for (const url of missing) previous!.delete(url);
      plan = planRender(archive, previous, options.report ?? null, plan.fingerprints);
    }
  }

  await mkdir(options.outputDir, { recursive: true });
  const next: PagesManifest = {
    version: VERSION,
    code,
    folder: options.inPlace ? live! : await ensureFolderIdentity(options.outputDir),
    pages: Object.fromEntries(plan.fingerprints),
  };
  await writeFileAtomic(options.inPlace ? `${options.manifestFile}.next` : options.manifestFile, JSON.stringify(next));
  // Pages of the live site that the archive no longer has (a deleted dump's article, a list that shrank).
  const removed = options.inPlace ? [...previous!.keys()].filter((url) => !plan.fingerprints.has(url)) : [];
  return { archive: { ...archive, pages: plan.pages }, kept: plan.kept.length, removed };
}

/** Site code and configuration: pages rendered by other code, or for another address, are never kept. */
export async function siteCode(site: Pick<SiteConfig, 'siteUrl' | 'pathPrefix'>, sources?: string): Promise<string> {
  return `${sources ?? (await hashSources(SITE_CODE))} ${site.siteUrl} ${site.pathPrefix}`;
}

/** Whether `manifestFile` describes the live site `dir` as rendered by the current code for `site`. */
export async function manifestIsCurrent(manifestFile: string, dir: string, site: Pick<SiteConfig, 'siteUrl' | 'pathPrefix'>): Promise<boolean> {
  const manifest = await readPagesManifest(manifestFile);
  const live = await folderIdentity(dir);
  return manifest !== null && live !== null && manifest.code === (await siteCode(site)) && manifest.folder === live;
}

/** Links (or copies) each page from `from` into `to`; returns the URLs whose page `from` does not have. */
async function linkPages(from: string | null, to: string, urls: string[]): Promise<string[]> {
  if (from === null || urls.length === 0) return [];
  const missing: string[] = [];
  const folders = new Map<string, Promise<unknown>>();
  await forEachLimited(urls.length, LINK_CONCURRENCY, async (i) => {
    const file = outputPath(urls[i]!);
    const target = path.join(to, file);
    const folder = path.dirname(target);
    if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
    await folders.get(folder);
    await linkOrCopy(path.join(from, file), target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      missing.push(urls[i]!);
    });
  });
  return missing;
}
