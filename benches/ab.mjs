// Two builds of Parallax's wasm module side by side in one Node process, rounds
// interleaved, so that a change is measured against what it changes on shared, noisy
// cores (benches/wasm.mjs measures one build against other systems).
//
//   node benches/ab.mjs SITE_A SITE_B [ROUNDS]     (AB_BUDGET_MS: each round's time per build, 700)
//
// Each SITE is a directory with pkg/parallax.js and pkg/parallax_bg.wasm (what
// `./build.sh` writes to www/ and dist/). Prints, per build: MB/s of the corpus texts by
// CPU time (median, min-max), the per-document overhead on a one-sentence text, and the
// start-up (compile, instantiate, knowledge base) measured in fresh processes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { corpusTexts } from './wasm.mjs';

const [siteA, siteB, roundsArg] = process.argv.slice(2);
const ROUNDS = Number(roundsArg || 9);
const BUDGET_MS = Number(process.env.AB_BUDGET_MS || 700);

async function load(site) {
  const bytes = readFileSync(join(site, 'pkg', 'parallax_bg.wasm'));
  const module = new WebAssembly.Module(bytes);
  const pkg = await import(join(site, 'pkg', 'parallax.js'));
  pkg.initSync({ module });
  return new pkg.Analyzer();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = (c) => (c.user + c.system) / 1e3;

if (process.argv.includes('--startup-once')) {
  // A fresh process: compile + instantiate + knowledge base, CPU and wall.
  const site = process.argv[process.argv.indexOf('--startup-once') + 1];
  const c = process.cpuUsage();
  const t = performance.now();
  await load(site);
  console.log(JSON.stringify({ wall: performance.now() - t, cpu: cpuMs(process.cpuUsage(c)) }));
  process.exit(0);
}

const sites = [resolve(siteA), resolve(siteB)];
const texts = corpusTexts();
const sizes = texts.map((t) => Buffer.byteLength(t));
const analyzers = [];
for (const site of sites) analyzers.push(await load(site));
let sink = 0;
const results = [[], []];
const next = [0, 0];
for (let round = 0; round <= ROUNDS; round++) {
  for (const k of round % 2 ? [1, 0] : [0, 1]) {
    const c = process.cpuUsage();
    const began = performance.now();
    let bytes = 0;
    do {
      const i = next[k]++ % texts.length;
      sink += analyzers[k].analyze(texts[i], undefined).entities.length;
      bytes += sizes[i];
    } while (performance.now() - began < BUDGET_MS);
    if (round > 0) results[k].push(bytes / 1e6 / (cpuMs(process.cpuUsage(c)) / 1e3));
  }
}
const perDoc = [0, 0];
for (let round = 0; round < 4; round++) {
  for (const k of [0, 1]) {
    const c = process.cpuUsage();
    const began = performance.now();
    let n = 0;
    while (performance.now() - began < 250) {
      analyzers[k].analyze('Iran warned Israel.', undefined);
      n++;
    }
    perDoc[k] += (cpuMs(process.cpuUsage(c)) * 1e3) / n / 4;
  }
}
const self = fileURLToPath(import.meta.url);
const startups = [[], []];
for (let i = 0; i < 5; i++) {
  for (const k of [0, 1]) {
    const out = execFileSync(process.execPath, [self, '', '', '', '--startup-once', sites[k]]);
    startups[k].push(JSON.parse(String(out)));
  }
}
for (const k of [0, 1]) {
  const r = results[k];
  const s = startups[k];
  console.log(
    `${'AB'[k]} ${sites[k]}: ${median(r).toFixed(3)} MB/s (${Math.min(...r).toFixed(3)}-${Math.max(...r).toFixed(3)}), ` +
      `${perDoc[k].toFixed(0)} µs per document, start-up ${median(s.map((x) => x.wall)).toFixed(1)} ms wall ` +
      `${median(s.map((x) => x.cpu)).toFixed(1)} ms CPU`,
  );
}
// Each round's two builds ran back to back, under the same load: the median of the
// rounds' own ratios is steadier than the ratio of the medians when the cores are shared.
const paired = results[1].map((b, i) => b / results[0][i]);
console.log(
  `B/A = ${(median(results[1]) / median(results[0])).toFixed(3)}, ` +
    `paired ${median(paired).toFixed(3)} (${Math.min(...paired).toFixed(3)}-${Math.max(...paired).toFixed(3)})  (sink ${sink})`,
);
