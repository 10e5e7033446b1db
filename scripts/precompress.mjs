// Writes FILE.gz and FILE.br beside every compressible file of a built site, for hosts
// that serve precompressed files (nginx gzip_static / brotli_static, Caddy precompressed,
// Netlify, Cloudflare Pages): the wasm travels at about a third of its size. The gzip is
// Zopfli's (npm @gfx/zopfli): any gzip reader takes it, and it is 6% smaller than zlib's
// level 9 on both wasm modules (464.7 -> 435.9 and 490.6 -> 462.2 kB), for about five
// seconds of build per module.
//   node scripts/precompress.mjs dist
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';

const COMPRESSIBLE = /\.(wasm|js|mjs|css|html|json|webmanifest|svg|txt)$/;

async function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) await walk(path);
    else if (COMPRESSIBLE.test(name)) {
      const body = readFileSync(path);
      writeFileSync(path + '.gz', await gzipAsync(body, { numiterations: 15 }));
      writeFileSync(path + '.br', brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
  }
}

await walk(process.argv[2] || 'dist');
