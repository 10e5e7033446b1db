// Bundles and minifies the page's modules for dist/ (esbuild): the source in www/ stays plain
// ES modules, one job each, that run as they are (`node --test`, a plain static server);
// dist/ gets a few files in their place, so a cold load asks for 4 scripts, not 46, and
// no request for the worker waits behind the page's own modules.
//
//   node scripts/bundle.mjs www dist     (after dist/ was copied from www/)
//
// - Entry points keep their names: app.js (the page) and worker.js; what both use is a
//   chunk-HASH.js beside them, as is every module imported on demand (`import()`). All at
//   the top of dist/, where the sources' relative URLs (`new URL('./worker.js',
//   import.meta.url)`) still point. boot.js, a classic script that starts the first worker
//   before the modules load, is only minified.
// - pkg/ (wasm-bindgen's glue) stays where it is, so the glue finds its wasm beside itself,
//   and is only minified (its exports keep their names): 4.6 -> 2.7 kB gzipped for the
//   main module's, which is in the first load.
// - style.css is minified as well.
// - index.html preloads the chunks app.js imports; sw.js's precache list is
//   written from the files dist/ ends up with.
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build, transform } from 'esbuild';

const [src, out] = process.argv.slice(2).map((p) => resolve(p));
if (!src || !out) {
  console.error('usage: node scripts/bundle.mjs www dist');
  process.exit(2);
}

const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
const rel = (p) => relative(out, p).split('\\').join('/');

// The copied modules go; the service worker stays a script of its own (it is not bundled:
// it must keep its name and scope), and so does pkg/.
for (const p of files(out)) {
  const r = rel(p);
  if (r.endsWith('.js') && r !== 'sw.js' && !r.startsWith('pkg/')) rmSync(p);
}
for (const dir of readdirSync(out)) {
  const p = join(out, dir);
  if (statSync(p).isDirectory() && !files(p).length) rmSync(p, { recursive: true });
}

const result = await build({
  absWorkingDir: src,
  entryPoints: ['app.js', 'worker.js'],
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunk-[hash]',
  external: ['./pkg/*'],
  metafile: true,
  logLevel: 'warning',
});

// The style sheet and the classic boot script, minified too (spaces, comments, shorter
// names and forms of the same values).
const minify = async (name, loader) =>
  writeFileSync(join(out, name), (await transform(readFileSync(join(src, name), 'utf8'), { loader, minify: true, legalComments: 'none', logLevel: 'warning' })).code);
await minify('style.css', 'css');
await minify('boot.js', 'js');
for (const p of files(join(out, 'pkg')).filter((p) => p.endsWith('.js'))) {
  writeFileSync(p, (await transform(readFileSync(p, 'utf8'), { loader: 'js', format: 'esm', minify: true, legalComments: 'none', logLevel: 'warning' })).code);
}

// Preload what app.js imports statically, so its chunks are asked for with it, not after it.
const outputs = result.metafile.outputs;
const staticImports = (file, seen = new Set()) => {
  for (const imp of outputs[file]?.imports || []) {
    if (imp.kind !== 'import-statement' || imp.external || seen.has(imp.path)) continue;
    seen.add(imp.path);
    staticImports(imp.path, seen);
  }
  return seen;
};
const outKey = (name) => Object.keys(outputs).find((k) => resolve(src, k) === join(out, name));
const preload = new Set([...staticImports(outKey('app.js'))].map((k) => rel(resolve(src, k))));
const htmlPath = join(out, 'index.html');
const html = readFileSync(htmlPath, 'utf8');
const links = [...preload].sort().map((f) => `<link rel="modulepreload" href="./${f}">`).join('\n  ');
const preloadLine = /<link rel="modulepreload" href="[^"]*">/;
if (!preloadLine.test(html)) throw new Error('index.html has no modulepreload link to replace');
writeFileSync(htmlPath, html.replace(preloadLine, links));

// The service worker precaches every file of the page as dist/ holds it: the bundles in
// place of www/'s modules. The seeds' texts it reads from seeds/index.json itself.
const swPath = join(out, 'sw.js');
const sw = readFileSync(swPath, 'utf8');
const shell = files(out)
  .map(rel)
  .filter((f) => !/\.(gz|br)$/.test(f) && f !== 'sw.js' && f !== 'VERSION' && f !== '_headers' && !/^seeds\/(?!index\.json$)/.test(f))
  .sort();
const list = /const SHELL = \[[^\]]*\];/;
if (!list.test(sw)) throw new Error('sw.js has no SHELL list to replace');
writeFileSync(swPath, sw.replace(list, `const SHELL = [\n  './',\n${shell.map((f) => `  './${f}',`).join('\n')}\n];`));

const bytes = Object.entries(outputs).map(([k, v]) => `${rel(resolve(src, k))} ${v.bytes}`);
console.error(`bundled: ${bytes.join(', ')}`);
