/**
 * Static files: `public/` at the site root, and the self-hosted Be Vietnam Pro from npm. Only the
 * `latin` and `vietnamese` subsets (together they cover every Vietnamese letter and tone mark) and the
 * two weights the stylesheet uses are copied.
 */
import type { EleventyConfig } from '@11ty/eleventy';

const FONT_DIR = 'node_modules/@fontsource/be-vietnam-pro/files';
export const FONT_SUBSETS = ['latin', 'vietnamese'] as const;
export const FONT_WEIGHTS = [400, 600] as const;

export function fontFiles(): string[] {
  return FONT_SUBSETS.flatMap((subset) =>
    FONT_WEIGHTS.map((weight) => `be-vietnam-pro-${subset}-${weight}-normal.woff2`),
  );
}

export function assetsPlugin(config: EleventyConfig): void {
  config.addPassthroughCopy({ public: '/' });
  for (const file of fontFiles()) config.addPassthroughCopy({ [`${FONT_DIR}/${file}`]: `fonts/${file}` });
}
