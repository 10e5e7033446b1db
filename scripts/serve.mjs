// Parallax's own static server: serves the built site with the security headers a static host
// can carry too, so what is tested is what is deployed. Node only, no dependency.
//
//   node scripts/serve.mjs [DIR] [--port N] [--host H]   serve DIR (default dist/)
//   node scripts/serve.mjs --headers [DIR]               print DIR's _headers file
//
// The Content-Security-Policy is read from DIR/index.html's meta tag (written once, there)
// and sent as a header, so it also covers the workers, which no meta tag reaches, and gains
// what only a header can say: frame-ancestors.
//
// A file with a precompressed sibling (FILE.br, FILE.gz: build.sh writes them) is sent as
// that sibling, with Content-Encoding, to a request that accepts it: brotli first, then gzip.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** The CSP of `dir`'s index.html meta tag, plus what only a header can carry. */
export function policyOf(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const m = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  if (!m) throw new Error(`${dir}/index.html has no Content-Security-Policy meta tag`);
  return `${m[1].replace(/;\s*$/, '')}; frame-ancestors 'none'`;
}

/** The headers every response carries. */
export function securityHeaders(dir) {
  return {
    'Content-Security-Policy': policyOf(dir),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
  };
}

/** The same headers as a `_headers` file (Netlify and Cloudflare Pages read it). */
export function headersFile(dir) {
  const lines = ['# Written by build.sh from index.html (scripts/serve.mjs --headers). Static hosts that', '# read _headers (Netlify, Cloudflare Pages) send these; see the README for nginx.', '/*'];
  for (const [k, v] of Object.entries(securityHeaders(dir))) lines.push(`  ${k}: ${v}`);
  lines.push('/*.wasm', `  Content-Type: ${TYPES['.wasm']}`, '/*.webmanifest', `  Content-Type: ${TYPES['.webmanifest']}`);
  return lines.join('\n') + '\n';
}

/** Precompressed siblings, in order of preference: [Content-Encoding, file suffix]. */
const PRECOMPRESSED = [
  ['br', '.br'],
  ['gzip', '.gz'],
];

/**
 * The codings an Accept-Encoding header allows (q above zero; `*` allows any not named).
 * @param {string | undefined} header
 * @returns {Set<string>}
 */
export function acceptedCodings(header = '') {
  const named = new Map();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    named.set(name.trim(), q ? Number(q[1]) : 1);
  }
  const out = new Set();
  for (const [coding] of PRECOMPRESSED) {
    const q = named.has(coding) ? named.get(coding) : named.get('*');
    if (q > 0) out.add(coding);
  }
  return out;
}

/**
 * The body to send for `file`: a precompressed sibling the request accepts, else the file.
 * A sibling older than the file is stale (the file was edited after build.sh) and is not used.
 */
async function bodyFor(file, acceptEncoding) {
  const accepted = acceptedCodings(acceptEncoding);
  const original = await stat(file);
  for (const [coding, suffix] of PRECOMPRESSED) {
    if (!accepted.has(coding)) continue;
    const sibling = await stat(file + suffix).catch(() => null);
    if (!sibling || sibling.mtimeMs < original.mtimeMs) continue;
    const body = await readFile(file + suffix).catch(() => null);
    if (body) return { body, coding };
  }
  return { body: await readFile(file), coding: null };
}

/**
 * Serves `dir` under `prefix`.
 * @param {string} dir
 * @param {{prefix?: string, port?: number, host?: string, onRequest?: (path: string) => void}} [opts]
 * @returns {Promise<{url: string, server: import('node:http').Server, close: () => Promise<void>}>}
 */
export async function serveSite(dir, { prefix = '/', port = 0, host = '127.0.0.1', onRequest = () => {} } = {}) {
  await stat(join(dir, 'index.html')).catch(() => {
    throw new Error(`${dir}/index.html is missing: build the site first (./build.sh dist)`);
  });
  const security = securityHeaders(dir);
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400, { ...security, 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    onRequest(path);
    if (!path.startsWith(prefix) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { ...security, 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let rel = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
    if (rel === '.' || rel === '' || rel.endsWith('/')) rel = join(rel, 'index.html');
    try {
      const { body, coding } = await bodyFor(join(dir, rel), req.headers['accept-encoding']);
      const headers = { ...security, 'content-type': TYPES[extname(rel)] || 'application/octet-stream', 'cache-control': 'no-cache', vary: 'Accept-Encoding' };
      if (coding) headers['content-encoding'] = coding;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { ...security, 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const addr = server.address();
  return {
    url: `http://${host}:${addr.port}${prefix}`,
    server,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const port = Number(flag('--port') ?? process.env.PORT ?? 8080);
  const host = flag('--host') ?? '127.0.0.1';
  const headersOnly = args.includes('--headers');
  const dir = resolve(args.filter((a) => !a.startsWith('--'))[0] || fileURLToPath(new URL('../dist', import.meta.url)));
  if (headersOnly) process.stdout.write(headersFile(dir));
  else {
    const { url } = await serveSite(dir, { port, host });
    console.log(`Parallax is at ${url} (Ctrl-C stops it)`);
  }
}
