// Parallax's built wasm module in Node, next to two JavaScript NLP libraries, over the
// same texts with the same time budget per round (their JITs warm up; a fixed repeat
// count would flatter whoever runs last).
//
//   node benches/wasm.mjs [--site DIR] [--corpus DIR]   speed, side by side (rounds interleaved)
//   node benches/wasm.mjs --startup                      one cold start (run in a fresh process)
//   node benches/wasm.mjs --scale BYTES                  one generated document of BYTES
//
// Human lines on stdout; the last line is `JSON {...}` for benches/run.mjs.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const SITE = resolve(opt('--site', join(ROOT, 'dist')));
// ../shared beside the main checkout, ../../shared beside a worktree in wt/.
const CORPUS = resolve(opt('--corpus', process.env.PARALLAX_CORPUS || [join(ROOT, '..', 'shared', 'corpus'), join(ROOT, '..', '..', 'shared', 'corpus')].find(existsSync) || join(ROOT, '..', 'shared', 'corpus')));
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS || 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 7);

/** The corpus texts (read here, never copied into the repository). */
export function corpusTexts(dir = CORPUS) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).text)
    .filter((t) => typeof t === 'string' && t.length);
}

/** A document of about `bytes` UTF-8 bytes: corpus texts in turn, cut at a paragraph. */
export function generated(texts, bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const t = texts[i % texts.length];
    parts.push(t);
    size += Buffer.byteLength(t) + 2;
  }
  let doc = parts.join('\n\n');
  while (Buffer.byteLength(doc) > bytes) {
    const cut = doc.lastIndexOf('\n\n', doc.length - 1);
    doc = cut > 0 ? doc.slice(0, cut) : doc.slice(0, Math.floor(doc.length * 0.9));
  }
  return doc;
}

async function loadParallax() {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const bytes = readFileSync(join(SITE, 'pkg', 'parallax_bg.wasm'));
  const t1 = performance.now();
  const module = new WebAssembly.Module(bytes);
  const t2 = performance.now();
  const pkg = await import(join(SITE, 'pkg', 'parallax.js'));
  const exports = pkg.initSync({ module });
  const t3 = performance.now();
  const analyzer = new pkg.Analyzer();
  const t4 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  return { analyzer, memory: exports.memory, times: { read: t1 - t0, compile: t2 - t1, instantiate: t3 - t2, knowledgeBase: t4 - t3, total: t4 - t1, cpu: (cpu.user + cpu.system) / 1e3 } };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function emit(obj) {
  console.log('JSON ' + JSON.stringify(obj));
}

async function startup() {
  const { times } = await loadParallax();
  emit(times);
}

async function scale(bytes) {
  const texts = corpusTexts();
  const doc = generated(texts, bytes);
  const size = Buffer.byteLength(doc);
  const { analyzer, memory } = await loadParallax();
  // Warm: every size is timed with the module's code tiered up (V8 compiles wasm with a
  // baseline tier first), as in the side-by-side figures; a cold first run of the
  // largest document would otherwise be half of its median.
  const warmUntil = performance.now() + 300;
  while (performance.now() < warmUntil) for (const t of texts) analyzer.analyze(t, undefined);
  const before = memory.buffer.byteLength;
  const runs = [];
  const cpuRuns = [];
  const began = performance.now();
  // Small documents repeat for a second; the largest runs three times.
  while (runs.length < 3 || (performance.now() - began < 1000 && runs.length < 1000)) {
    const c = process.cpuUsage();
    const t = performance.now();
    analyzer.analyze(doc, undefined);
    runs.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpuRuns.push((used.user + used.system) / 1e3);
  }
  const ms = median(cpuRuns);
  // Time per MB by CPU time (the cores are shared); wall time alongside.
  emit({ bytes: size, ms, wallMs: median(runs), msPerMB: ms / (size / 1e6), memoryBefore: before, memoryPeak: memory.buffer.byteLength, runs: runs.length });
}

/**
 * Runs `fn` over the texts, one after another, for the budget: MB per second of wall time
 * and of this process's CPU time (the fairer figure when the cores are shared).
 */
function throughput(fn, texts, sizes, state) {
  const cpu0 = process.cpuUsage();
  const began = performance.now();
  let bytes = 0;
  let elapsed = 0;
  do {
    const i = state.next++ % texts.length;
    fn(texts[i]);
    bytes += sizes[i];
    elapsed = performance.now() - began;
  } while (elapsed < BUDGET_MS);
  const cpu = process.cpuUsage(cpu0);
  return { wall: bytes / 1e6 / (elapsed / 1e3), cpu: bytes / 1e6 / ((cpu.user + cpu.system) / 1e6) };
}

async function sideBySide() {
  const texts = corpusTexts();
  const sizes = texts.map((t) => Buffer.byteLength(t));
  const total = sizes.reduce((a, b) => a + b, 0);
  const { analyzer } = await loadParallax();
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const { default: nlp } = await import('compromise');
  const wink = winkNLP(model);
  const its = wink.its;
  let sink = 0;
  const systems = {
    parallax: (t) => {
      const r = analyzer.analyze(t, undefined);
      sink += r.entities.length;
    },
    scan: (t) => {
      sink += analyzer.scan(t);
    },
    'wink-nlp': (t) => {
      const doc = wink.readDoc(t);
      sink += doc.entities().out().length + doc.sentences().out().length + doc.tokens().out(its.pos).length;
    },
    compromise: (t) => {
      const doc = nlp(t);
      sink += doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
    },
  };
  const names = Object.keys(systems);
  const results = Object.fromEntries(names.map((n) => [n, []]));
  const states = Object.fromEntries(names.map((n) => [n, { next: 0 }]));
  // Round 0 warms every JIT and is not counted; the order rotates each round.
  for (let round = 0; round <= ROUNDS; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const n of order) {
      const r = throughput(systems[n], texts, sizes, states[n]);
      if (round > 0) results[n].push(r);
    }
  }
  // Per-document overhead: a one-sentence text (CPU time per call).
  const tiny = 'Iran warned Israel.';
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 500) {
    analyzer.analyze(tiny, undefined);
    n++;
  }
  const c1 = process.cpuUsage(c0);
  const perDocUs = (c1.user + c1.system) / n;
  const out = { texts: texts.length, bytes: total, budgetMs: BUDGET_MS, rounds: ROUNDS, perDocUs, sink };
  const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
  for (const name of names) {
    out[name] = { ...stats(results[name].map((r) => r.cpu)), wall: stats(results[name].map((r) => r.wall)) };
  }
  console.log(`corpus: ${texts.length} texts, ${(total / 1e3).toFixed(1)} kB; ${ROUNDS} rounds of ${BUDGET_MS} ms per system, interleaved`);
  console.log('MB/s by CPU time of the process (median, min–max), then by wall time:');
  const f = (x) => x.toFixed(3);
  for (const name of names) {
    const r = out[name];
    console.log(`${name.padEnd(11)} ${f(r.median)} (${f(r.min)}–${f(r.max)})   wall ${f(r.wall.median)} (${f(r.wall.min)}–${f(r.wall.max)})`);
  }
  console.log(`per-document overhead (one sentence): ${perDocUs.toFixed(0)} µs of CPU`);
  for (const other of ['wink-nlp', 'compromise', 'scan']) {
    const cpu = out.parallax.median / out[other].median;
    const wall = out.parallax.wall.median / out[other].wall.median;
    console.log(`RATIO parallax/${other} = ${cpu.toFixed(2)}x   (wall time: ${wall.toFixed(2)}x)`);
  }
  emit(out);
}

// Only when run, not when imported (page.mjs borrows corpusTexts).
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (args.includes('--startup')) await startup();
  else if (args.includes('--scale')) await scale(Number(opt('--scale')));
  else await sideBySide();
}
