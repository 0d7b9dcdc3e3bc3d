/**
 * The `url` filter: a site-relative URL (`/don-vi/`) gets the path prefix (`/luu-tru/don-vi/`);
 * anything else (absolute, `#fragment`, relative) is left alone. Replaces Eleventy's own filter of the
 * same name, which validates every URL with `new URL()` and cost 13% of a build's time, so templates
 * keep writing `{{ '/x/' | url }}`.
 */
export function prefixUrl(url: string, pathPrefix: string): string {
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) return url;
  return pathPrefix === '/' ? url : pathPrefix + url.slice(1);
}
