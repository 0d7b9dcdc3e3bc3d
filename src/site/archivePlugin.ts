/**
 * The site's global data: the archive (loaded once per build from the generated Markdown), the
 * interface strings, the glossary, the site's address and, when given, the build report.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { EleventyConfig } from '@11ty/eleventy';
import type { BuildReport } from '../report.ts';
import { loadArchive, type Archive } from './archive.ts';
import type { SiteConfig } from './config.ts';
import { glossaryEntries } from './glossary.ts';
import { ui } from './strings.ts';
import type { UnitDirectory } from './unitDirectory.ts';

export interface ArchivePluginOptions {
  site: SiteConfig;
  units: UnitDirectory;
}

export function readReport(file: string | null): BuildReport | null {
  if (!file || !existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as BuildReport;
}

let provided: Archive | null = null;

/**
 * The archive the next Eleventy runs in this thread render, instead of loading it from the content
 * folder: `renderSite` loads it once, keeps the unchanged pages and renders the rest in batches.
 * null: load it (the Eleventy CLI, the development server).
 */
export function provideArchive(archive: Archive | null): void {
  provided = archive;
}

let providedReport: { report: BuildReport | null } | null = null;

/**
 * The build report the next Eleventy runs in this thread show, read once by `renderSite` instead of by
 * each run (2 MB of JSON at 10,000 dumps, for the two counts the statistics page shows). null: read it.
 */
export function provideReport(report: { report: BuildReport | null } | null): void {
  providedReport = report;
}

export function archivePlugin(config: EleventyConfig, { site, units }: ArchivePluginOptions): void {
  // Pages come from the archive's precomputed lists, never from collections: keeping 100,000 pages out
  // of `collections.all` saves Eleventy the work and the memory.
  config.addGlobalData('eleventyExcludeFromCollections', true);
  config.addGlobalData('ui', ui);
  config.addGlobalData('site', site);
  config.addGlobalData('glossary', glossaryEntries());
  // Functions, so that a watching dev server reloads the content on every rebuild.
  config.addGlobalData('archive', () => provided ?? loadArchive(site.contentDir, { units }));
  config.addGlobalData('report', () => (providedReport ? providedReport.report : readReport(site.reportFile)));
  config.addWatchTarget(site.contentDir);
}
