// scripts/serve.mjs sends a precompressed sibling (FILE.br, FILE.gz) with Content-Encoding to
// a request that accepts it, and the file itself to one that does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { acceptedCodings, serveSite } from '../../scripts/serve.mjs';

const BODY = Buffer.from('export const words = ' + JSON.stringify('Tehran and Baku '.repeat(200)) + ';\n');

function site() {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-serve-'));
  writeFileSync(join(dir, 'index.html'), `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`);
  writeFileSync(join(dir, 'app.js'), BODY);
  writeFileSync(join(dir, 'app.js.br'), brotliCompressSync(BODY));
  writeFileSync(join(dir, 'app.js.gz'), gzipSync(BODY));
  writeFileSync(join(dir, 'plain.js'), BODY);
  // Edited after its siblings were written: they are stale.
  writeFileSync(join(dir, 'edited.js'), BODY);
  writeFileSync(join(dir, 'edited.js.br'), brotliCompressSync(Buffer.from('old')));
  writeFileSync(join(dir, 'edited.js.gz'), gzipSync(Buffer.from('old')));
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(dir, 'edited.js.br'), past, past);
  utimesSync(join(dir, 'edited.js.gz'), past, past);
  return dir;
}

/** GET `url` with exactly the headers given (no automatic decompression). */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

test('Accept-Encoding decides which precompressed file is sent', async () => {
  const server = await serveSite(site(), { prefix: '/' });
  try {
    const br = await get(server.url + 'app.js', { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(br.headers['content-type'], /^text\/javascript/);
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.deepEqual(brotliDecompressSync(br.body), BODY);
    assert.ok(br.body.length < BODY.length / 4, 'the compressed file, not the original');

    const gz = await get(server.url + 'app.js', { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gz.body), BODY);

    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0', 'deflate']) {
      const raw = await get(server.url + 'app.js', accept ? { 'accept-encoding': accept } : {});
      assert.equal(raw.headers['content-encoding'], undefined, String(accept));
      assert.deepEqual(raw.body, BODY, String(accept));
    }
    // No sibling: the file itself, whatever the request accepts.
    const plain = await get(server.url + 'plain.js', { 'accept-encoding': 'br, gzip' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, BODY);
    const edited = await get(server.url + 'edited.js', { 'accept-encoding': 'br, gzip' });
    assert.equal(edited.headers['content-encoding'], undefined, 'stale siblings are not sent');
    assert.deepEqual(edited.body, BODY);
    const missing = await get(server.url + 'nothing.js', { 'accept-encoding': 'br' });
    assert.equal(missing.status, 404);
  } finally {
    await server.close();
  }
});

test('Accept-Encoding is read with its weights', () => {
  assert.deepEqual([...acceptedCodings('gzip, deflate, br')], ['br', 'gzip']);
  assert.deepEqual([...acceptedCodings('GZIP;q=0.5')], ['gzip']);
  assert.deepEqual([...acceptedCodings('br;q=0, *')], ['gzip']);
  assert.deepEqual([...acceptedCodings('*;q=0')], []);
  assert.deepEqual([...acceptedCodings('')], []);
  assert.deepEqual([...acceptedCodings(undefined)], []);
});
