/**
 * The Pagefind CLI binary the `pagefind` npm package installs for this platform, run on a folder of
 * pages (IO). Cheaper than the package's Node API for the same pages, with the same bytes out: the API
 * drives the same binary as a `--service` over stdin/stdout, and on a shard of 5,000 of our pages it
 * measured 21.8–24.6 CPU s against the CLI's 17.7–20.6 (load 4–5 on 2 cores).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';

/** As the package's own wrapper finds it: `PAGEFIND_BINARY_PATH` first, then the platform's package. */
export function pagefindBinary(): string {
  const override = process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? process.env.PAGEFIND_BINARY_PATH;
  if (override) return override;
  const require = createRequire(import.meta.url);
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`@pagefind/${platform}-${os.arch()}/bin/${name}${platform === 'windows' ? '.exe' : ''}`);
    } catch {
      // Not installed for this platform under this name.
    }
  }
  throw new Error(`no Pagefind CLI in node_modules/@pagefind/${platform}-${os.arch()}/bin (is the pagefind package installed?)`);
}

/**
 * Pagefind's allocator (jemalloc, read from `_RJEM_MALLOC_CONF`) keeps freed pages for 10 s before it
 * gives them back. Its memory peaks for a few seconds while it builds the index, and what it frees
 * meanwhile stayed resident through that peak and the writing after it, beside the render and the other
 * shard. Given back after 1 s: a 4,511-page shard peaks at ~1.7 GiB instead of ~2.0 and writes in ~0.7
 * GiB instead of ~1.5, for the same CPU (0 ms: ~2.5 more system CPU s a shard, for ~40 MiB less).
 */
const JEMALLOC_CONF = 'dirty_decay_ms:1000';

export interface CliIndexOptions {
  /** The pages: `<site>/<url>/index.html`. */
  site: string;
  /** Where the bundle is written (absolute). */
  output: string;
  maxFragments?: number;
}

/**
 * Indexes `site` into `output` as Vietnamese. Run in `site` with no `PAGEFIND_*` variables, so that no
 * configuration file or variable of the machine changes what is indexed. Rejects with the CLI's own
 * words when it fails.
 */
export function runPagefindCli(options: CliIndexOptions): Promise<void> {
  const args = ['--site', options.site, '--output-path', options.output, '--force-language', 'vi', '--quiet'];
  if (options.maxFragments) args.push('--max-fragments', String(options.maxFragments));
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PAGEFIND_'))), _RJEM_MALLOC_CONF: JEMALLOC_CONF };
  const [command, commandArgs] = dyingWithParent(pagefindBinary(), args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: options.site, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let said = '';
    const keep = (chunk: Buffer): void => {
      // Its last words are what explains a failure; a run that succeeds says nothing under --quiet.
      said = (said + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`pagefind ${signal ? `killed by ${signal}` : `exited with ${code}`}${said.trim() ? `: ${said.trim()}` : ''}`));
    });
  });
}

/** util-linux's `setpriv`, on Linux: runs a command that the kernel kills when its parent dies. */
const SETPRIV = '/usr/bin/setpriv';

/**
 * The Node API's service process ended with the build (its stdin closed); a CLI run does not: a build
 * killed on its own (an OOM killer, `kill -9` of its pid) would leave Pagefind writing into the dead
 * build's staging folder for seconds. Where `setpriv` is there, the kernel kills it with its parent.
 */
function dyingWithParent(command: string, args: string[]): [string, string[]] {
  if (process.platform !== 'linux' || !existsSync(SETPRIV)) return [command, args];
  return [SETPRIV, ['--pdeathsig', 'KILL', '--', command, ...args]];
}
