/** Everything that makes the pages handed to Pagefind, and Pagefind itself: a change rebuilds every shard. */
export const INDEX_CODE = [
  'src/search',
  'src/site/archive.ts',
  'src/site/authors.ts',
  'src/site/markdown.ts',
  'src/site/abbreviations.ts',
  'src/site/glossary.ts',
  'src/site/glossary.json',
  'src/schema.ts',
  'src/text.ts',
  'package-lock.json',
];
