/**
 * Eleventy only wires plugins here; everything else is in `src/site/`. Run it through
 * `renderSite` (src/site/render.ts) or the CLI under tsx:
 *   node --import tsx ./node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts
 * Configured by environment variables, see src/site/config.ts.
 */
import type { EleventyConfig } from '@11ty/eleventy';
import { archivePlugin } from './src/site/archivePlugin.ts';
import { assetsPlugin } from './src/site/assets.ts';
import { readSiteConfig } from './src/site/config.ts';
import { filtersPlugin } from './src/site/filters.ts';
import { progressPlugin } from './src/site/progressPlugin.ts';
import { unitDirectory } from './src/site/units.ts';

export default function (config: EleventyConfig) {
  const site = readSiteConfig();
  config.addPlugin(filtersPlugin, site);
  config.addPlugin(archivePlugin, { site, units: unitDirectory });
  config.addPlugin(assetsPlugin);
  config.addPlugin(progressPlugin);
  config.setServerOptions({ domDiff: false });
  // The page kinds rendered thousands of times are TypeScript render functions (`templates/*.11ty.ts`),
  // loaded by the tsx loader the build runs under.
  config.addExtension('11ty.ts', { key: '11ty.js' });

  return {
    dir: { input: 'templates', includes: '_includes', data: '_data', output: site.outputDir },
    pathPrefix: site.pathPrefix,
    templateFormats: ['njk', '11ty.ts'],
    htmlTemplateEngine: 'njk',
  };
}
