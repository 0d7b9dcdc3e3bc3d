/**
 * Counts the pages Eleventy writes, for the build's render progress bar: Eleventy reports nothing
 * until a run ends, and a run of 10,000 pages takes ten seconds or more. Every written page passes its
 * transforms.
 */
import type { EleventyConfig } from '@11ty/eleventy';

let listener: (() => void) | null = null;

/** Called for each page the following Eleventy runs in this thread write; null: nobody listens. */
export function onPageWritten(callback: (() => void) | null): void {
  listener = callback;
}

export function progressPlugin(config: EleventyConfig): void {
  config.addTransform('count-pages', (content: string) => {
    listener?.();
    return content;
  });
}
