import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const www = fileURLToPath(new URL('../../www/', import.meta.url));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test('the service worker precaches every file of the page', () => {
  const sw = readFileSync(join(www, 'sw.js'), 'utf8');
  const listed = new Set([...sw.matchAll(/'(\.\/[^']*)'/g)].map((m) => m[1]));
  const want = files(www)
    .map((p) => './' + relative(www, p).split('\\').join('/'))
    .filter((p) => !p.startsWith('./pkg/') && p !== './sw.js' && !p.endsWith('.md'));
  for (const f of want) assert.ok(listed.has(f), `${f} is missing from SHELL in sw.js`);
  for (const f of ['./', './pkg/parallax.js', './pkg/parallax_bg.wasm', './pkg/parallax_html.js', './pkg/parallax_html_bg.wasm', './pkg/knowledge-data.json', './pkg/knowledge-display.json', './seeds/index.json']) assert.ok(listed.has(f), f);
  assert.match(sw, /__BUILD_VERSION__/, 'build.sh stamps the version here');
});

test('the page registers the worker and links the manifest relatively', () => {
  const html = readFileSync(join(www, 'index.html'), 'utf8');
  assert.match(html, /<link rel="manifest" href="\.\/manifest\.webmanifest">/);
  const manifest = JSON.parse(readFileSync(join(www, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, './');
  for (const icon of manifest.icons) statSync(join(www, icon.src));
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512'));
});
