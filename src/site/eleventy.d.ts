/** The part of Eleventy 3.1's API the site uses: Eleventy ships no type declarations. */
declare module '@11ty/eleventy' {
  export interface EleventyConfig {
    addPlugin<O>(plugin: (config: EleventyConfig, options: O) => void | Promise<void>, options?: O): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addGlobalData(name: string, data: unknown): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addTransform(name: string, transform: (content: string) => string | Promise<string>): void;
    addWatchTarget(path: string): void;
    addExtension(extension: string | string[], options: { key: string }): void;
    setServerOptions(options: Record<string, unknown>): void;
    setQuietMode(quiet: boolean): void;
    ignores: { add(glob: string): void };
  }

  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    pathPrefix?: string;
    runMode?: 'build' | 'serve' | 'watch';
    config?: (config: EleventyConfig) => void | Promise<void>;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    toJSON(): Promise<Array<{ url: string | false; inputPath: string; outputPath: string | false; content: string }>>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
  }
}
