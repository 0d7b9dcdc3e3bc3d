/**
 * Browser-test support shared by every browser test: Debian's Chromium through playwright-core, and a
 * tiny static server for a built site on 127.0.0.1.
 *
 * Under `CI=true` a missing Chromium is an error, never a skip: a green CI run must mean the browser
 * tests ran. Outside CI a test may skip with `chromiumSkipReason()`'s message.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's package (`apt-get install -y chromium`); never a downloaded Playwright build. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

const inCI = (): boolean => process.env.CI === 'true';

/**
 * Why a browser test should be skipped, or `false` when it must run. Under CI it always runs, so that
 * `launchChromium` fails loudly when the browser is missing.
 */
export function chromiumSkipReason(): string | false {
  if (inCI() || existsSync(CHROMIUM_PATH)) return false;
  return `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium); skipped outside CI`;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` ` +
        `(browser tests never skip under CI=true)`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** One response the server sent: what a test measures transfer size with. */
export interface ServedRequest {
  path: string;
  status: number;
  bytes: number;
  /** When it was sent (`Date.now()`, the clock a page shares). */
  at: number;
}

export interface StaticSite {
  /** Origin plus prefix, ending in `/`: `http://127.0.0.1:41234/luu-tru/`. */
  url: string;
  origin: string;
  /** Every response since the server started or since `served.length = 0`. */
  served: ServedRequest[];
  close(): Promise<void>;
}

/**
 * Serves `root` on 127.0.0.1 at a random port, under `prefix` (`/` or `/luu-tru/`) the way a static
 * host would: `dir/` → `dir/index.html`, `dir` → redirect to `dir/`, anything else → `/404.html` with
 * status 404. Paths outside the prefix are 404 too, so a link that forgets the prefix fails the test.
 * Security headers mirror the production CSP so inline scripts break here as they would there.
 */
export async function serveDirectory(root: string, prefix = '/'): Promise<StaticSite> {
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`prefix must be /…/: ${prefix}`);
  const served: ServedRequest[] = [];

  const send = (res: ServerResponse, path: string, status: number, body: Buffer, type: string): void => {
    res.writeHead(status, {
      'content-type': type,
      'content-length': body.length,
      'content-security-policy': "script-src 'self' 'wasm-unsafe-eval'",
      'cache-control': 'no-store',
    });
    res.end(body);
    served.push({ path, status, bytes: body.length, at: Date.now() });
  };

  const fileAt = async (path: string): Promise<string | null> => {
    const full = normalize(join(root, path));
    if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
    const info = await stat(full).catch(() => null);
    if (!info) return null;
    if (info.isDirectory()) {
      const index = join(full, 'index.html');
      return (await stat(index).catch(() => null))?.isFile() ? index : null;
    }
    return info.isFile() ? full : null;
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname);
      if (path.startsWith(prefix)) {
        const local = path.slice(prefix.length - 1);
        const file = await fileAt(local);
        if (file && !path.endsWith('/') && file.endsWith(`${sep}index.html`) && !local.endsWith('index.html')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` });
          res.end();
          served.push({ path, status: 301, bytes: 0, at: Date.now() });
          return;
        }
        if (file) {
          const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
          send(res, path, 200, await readFile(file), type);
          return;
        }
      }
      const notFound = await fileAt('/404.html');
      const body = notFound ? await readFile(notFound) : Buffer.from('404 Not Found');
      send(res, path, 404, body, notFound ? CONTENT_TYPES['.html']! : CONTENT_TYPES['.txt']!);
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + prefix,
    origin,
    served,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
