import { readFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/** The pages of 星辰科技's demo official site (beside the compiled code in dist, and in src). */
export const DEMO_SITE_DIR = join(__dirname, '..', '..', 'src', 'demo-site', 'site');

export interface DemoSiteOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** The cardhub server the pages load the tracker from (`<cardhubUrl>/t.js`). */
  cardhubUrl: string;
  /** The organization key the tracker tag names (`data-org`). */
  organizationKey: string;
}

export interface DemoSite {
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/**
 * A tiny static server for the demo site: a company's existing website, on an origin of its own, with the
 * cardhub tracker installed by one tag. Pages name the tracker's server and the organization by placeholders,
 * and take the header and footer from partials/, all filled in as they are served.
 */
export async function startDemoSite(options: DemoSiteOptions): Promise<DemoSite> {
  const placeholders: Record<string, string> = {
    CARDHUB_URL: options.cardhubUrl.replace(/\/+$/, ''),
    ORGANIZATION_KEY: options.organizationKey,
    header: await readFile(join(DEMO_SITE_DIR, 'partials', 'header.html'), 'utf8'),
    footer: await readFile(join(DEMO_SITE_DIR, 'partials', 'footer.html'), 'utf8'),
  };
  const fill = (html: string) =>
    html.replace(/\{\{(\w+)\}\}/g, (match, name: string) => placeholders[name] ?? match);

  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://demo.site').pathname;
    const file = fileOf(path);
    if (request.method !== 'GET' || !file) {
      response.writeHead(file ? 405 : 404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('未找到页面');
      return;
    }
    readFile(file).then(
      (content) => {
        const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
        response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
        response.end(type.startsWith('text/html') ? fill(content.toString('utf8')) : content);
      },
      () => response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('未找到页面'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : 'localhost';
  return {
    url: `http://${host}:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The file a path names inside the site (a folder's index.html), or null for one outside it. */
function fileOf(path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const relative = normalize(decoded.endsWith('/') ? `${decoded}index.html` : decoded);
  const file = join(DEMO_SITE_DIR, relative);
  return file.startsWith(DEMO_SITE_DIR + sep) ? file : null;
}
