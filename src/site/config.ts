/**
 * Where the site lives and what it is built from. Read from the environment so that the Eleventy CLI
 * (`--config=.eleventy.ts`) and `renderSite` configure a build the same way:
 *
 * - `SITE_URL`: the public origin, used for absolute URLs in feeds, sitemaps, canonical links and
 *   Open Graph (default `http://localhost:8080`).
 * - `PATH_PREFIX`: the folder the site is served from, e.g. `/luu-tru/` (default `/`). Every link,
 *   asset and feed URL goes through Eleventy's `url` filter, which adds it.
 * - `ARCHIVE_CONTENT_DIR`: the generated Markdown (default `.build/content`).
 * - `ARCHIVE_REPORT`: the build report JSON for the statistics page (optional).
 * - `ARCHIVE_OUTPUT_DIR`: where the site is written (default `_site`).
 */
export interface SiteConfig {
  /** Origin without a trailing slash: `https://example.org`. */
  siteUrl: string;
  /** Always starts and ends with `/`. */
  pathPrefix: string;
  contentDir: string;
  reportFile: string | null;
  outputDir: string;
}

export function normalizePathPrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export function readSiteConfig(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  return {
    siteUrl: (env.SITE_URL || 'http://localhost:8080').replace(/\/+$/, ''),
    pathPrefix: normalizePathPrefix(env.PATH_PREFIX ?? '/'),
    contentDir: env.ARCHIVE_CONTENT_DIR || '.build/content',
    reportFile: env.ARCHIVE_REPORT || null,
    outputDir: env.ARCHIVE_OUTPUT_DIR || '_site',
  };
}

/** `/2023/03/20/x/` → `https://example.org/luu-tru/2023/03/20/x/`. */
export function absoluteUrl(config: Pick<SiteConfig, 'siteUrl' | 'pathPrefix'>, path: string): string {
  return config.siteUrl + config.pathPrefix + path.replace(/^\/+/, '');
}
