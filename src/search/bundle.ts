/**
 * Where the search index lives in the site: its folder, and the manifest the search page reads first
 * (`indexSite.ts` writes both). Apart from the index's code, so that the build and the in-place commit
 * (`src/site/inPlace.ts`) name them without loading it.
 */
export const BUNDLE_DIR = 'pagefind';
export const MANIFEST_FILE = 'shards.json';
