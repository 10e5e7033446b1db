// Writes FILE.gz and FILE.br beside every compressible file of a built site, for hosts
// that serve precompressed files (nginx gzip_static / brotli_static, Caddy precompressed,
// Netlify, Cloudflare Pages): the wasm travels at about a third of its size.
//   node scripts/precompress.mjs dist
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(wasm|js|mjs|css|html|json|webmanifest|svg|txt)$/;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (COMPRESSIBLE.test(name)) {
      const body = readFileSync(path);
      writeFileSync(path + '.gz', gzipSync(body, { level: 9 }));
      writeFileSync(path + '.br', brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
  }
}

walk(process.argv[2] || 'dist');
