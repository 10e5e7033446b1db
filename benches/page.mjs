// The page in headless Chromium (Debian's, through playwright-core), served from dist/.
//
//   node benches/page.mjs [--cold N] [--drop N]
//
// - Cold navigation: a fresh browser context (empty cache, no service worker) each time;
//   performance marks set by an init script when the first highlighted mention appears.
// - A drop of N generated articles (corpus texts, each made unique): from the drop until
//   the corpus count lists them all, with the main thread's long tasks (Long Tasks API).
//   The File objects are made in the page before the clock starts.
// - An article at the report's caps, dropped: until every highlight is drawn, with the
//   main thread's long tasks.
// Human lines on stdout; the last line is `JSON {...}` for benches/run.mjs.
import { launch } from '../e2e/helpers/browser.mjs';
import { serve } from '../e2e/helpers/serve.mjs';
import { corpusTexts } from './wasm.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const COLD_RUNS = opt('--cold', 5);
const DROP = opt('--drop', 1000);
const DROP_TIMEOUT_MS = Number(process.env.BENCH_DROP_TIMEOUT_MS || 300_000);

// Marks the first highlighted mention and records every long task, from the first byte.
const PROBE = () => {
  // When the page first hears back from a worker about a job (the first seed's answer).
  const Native = window.Worker;
  window.Worker = function Worker(...args) {
    const worker = new Native(...args);
    worker.addEventListener('message', ({ data }) => {
      if (data && data.id && !performance.getEntriesByName('parallax:first-answer').length) performance.mark('parallax:first-answer');
    });
    return worker;
  };
  window.Worker.prototype = Native.prototype;
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const seen = () => {
    if (document.querySelector('mark.mention')) {
      performance.mark('parallax:first-mention');
      return true;
    }
    return false;
  };
  const watch = new MutationObserver(() => seen() && watch.disconnect());
  document.addEventListener('DOMContentLoaded', () => {
    performance.mark('parallax:dom-ready');
    if (!seen()) watch.observe(document.body, { childList: true, subtree: true });
  });
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function cold(browser, url) {
  const runs = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('parallax:first-mention').length, null, { timeout: 30_000 });
    runs.push(
      await page.evaluate(() => ({
        domReady: performance.getEntriesByName('parallax:dom-ready')[0].startTime,
        analyzerReady: performance.getEntriesByName('parallax:analyzer-ready')[0]?.startTime ?? NaN,
        // The first ready worker's own account: when it started (page time), its wasm, its knowledge base.
        worker: ((t) => (t ? { startMs: t.since - performance.timeOrigin, wasmMs: t.wasmMs, knowledgeMs: t.knowledgeMs } : null))(performance.getEntriesByName('parallax:analyzer-ready')[0]?.detail),
        firstMention: performance.getEntriesByName('parallax:first-mention')[0].startTime,
        firstAnswer: performance.getEntriesByName('parallax:first-answer')[0]?.startTime ?? NaN,
        longest: Math.max(0, ...window.__longTasks.map((t) => t.duration)),
      })),
    );
    await context.close();
  }
  return {
    runs: runs.length,
    firstMentionMs: median(runs.map((r) => r.firstMention)),
    minMs: Math.min(...runs.map((r) => r.firstMention)),
    maxMs: Math.max(...runs.map((r) => r.firstMention)),
    domReadyMs: median(runs.map((r) => r.domReady)),
    analyzerReadyMs: median(runs.map((r) => r.analyzerReady)),
    workerStartMs: median(runs.map((r) => r.worker?.startMs ?? NaN)),
    workerWasmMs: median(runs.map((r) => r.worker?.wasmMs ?? NaN)),
    workerKnowledgeMs: median(runs.map((r) => r.worker?.knowledgeMs ?? NaN)),
    // From the first worker ready to the page's first answer (the first seed, analysed by
    // code run cold), and from that answer to the first highlighted mention.
    firstJobMs: median(runs.map((r) => r.firstAnswer - r.analyzerReady)),
    drawMs: median(runs.map((r) => r.firstMention - r.firstAnswer)),
    longestTaskMs: Math.max(...runs.map((r) => r.longest)),
  };
}

async function dropMany(browser, url) {
  const texts = corpusTexts();
  const files = Array.from({ length: DROP }, (_, i) => ({
    name: `generated-${String(i + 1).padStart(4, '0')}.txt`,
    text: `Dispatch ${i + 1} of ${DROP}.\n\n${texts[i % texts.length]}`,
    type: 'text/plain',
  }));
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('parallax:first-mention').length && !/Analyz|Loading/.test(document.getElementById('status').textContent), null, { timeout: 60_000 });
  const before = await page.evaluate(() => Number(document.getElementById('corpus-count').textContent.trim()) || 0);
  const want = before + DROP;
  // The files are made in the page first, in a task of their own (building 1.76 MB of File
  // objects from the bench's strings is the bench's work, not the page's); then the drop.
  await page.evaluate((files) => {
    window.__dropped = new DataTransfer();
    for (const f of files) window.__dropped.items.add(new File([f.text], f.name, { type: f.type }));
  }, files);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  await page.evaluate(() => {
    window.__longTasks = window.__longTasks.filter(() => false);
    performance.mark('parallax:drop');
    const dataTransfer = window.__dropped;
    for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }));
  });
  let listed = before;
  try {
    await page.waitForFunction((n) => Number(document.getElementById('corpus-count').textContent.trim()) >= n, want, { timeout: DROP_TIMEOUT_MS, polling: 100 });
    listed = want;
  } catch {
    listed = await page.evaluate(() => Number(document.getElementById('corpus-count').textContent.trim()) || 0);
  }
  const result = await page.evaluate(() => {
    const t0 = performance.getEntriesByName('parallax:drop')[0].startTime;
    const tasks = window.__longTasks.filter((t) => t.start >= t0);
    return {
      ms: performance.now() - t0,
      longTasks: tasks.length,
      longTaskTotalMs: tasks.reduce((n, t) => n + t.duration, 0),
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
    };
  });
  await context.close();
  return { articles: DROP, bytes, listed: listed - before, complete: listed >= want, ...result };
}

// An article at the report's caps (10,000 mentions, 1,000 statements; issue 8): from the
// drop until every highlight is drawn, with the main thread's long tasks.
const CAPPED = 'Crowded note: Iran and Israel. ' + 'Iran warned Israel. Baku answered Tehran. '.repeat(3000);

async function capped(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  // A generous watchdog: on a loaded machine the analysis itself may take long.
  await page.goto(url + '?budget=120000,0');
  await page.waitForFunction(() => performance.getEntriesByName('parallax:first-mention').length && !/Analyz|Loading/.test(document.getElementById('status').textContent), null, { timeout: 60_000 });
  await page.evaluate((text) => {
    window.__dropped = new DataTransfer();
    window.__dropped.items.add(new File([text], 'crowded.txt', { type: 'text/plain' }));
  }, CAPPED);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  await page.evaluate(() => {
    window.__longTasks = window.__longTasks.filter(() => false);
    performance.mark('parallax:capped');
    const dataTransfer = window.__dropped;
    for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }));
  });
  await page.waitForFunction(() => document.getElementById('reader-title').textContent.startsWith('Crowded') && document.getElementById('text').getAttribute('aria-busy') !== 'true' && document.querySelectorAll('#text mark.mention[id]').length >= 10000, null, { timeout: 180_000, polling: 100 });
  const result = await page.evaluate(() => {
    const t0 = performance.getEntriesByName('parallax:capped')[0].startTime;
    const tasks = window.__longTasks.filter((t) => t.start >= t0);
    return { ms: performance.now() - t0, longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)) };
  });
  await context.close();
  return { ...result, bytes: Buffer.byteLength(CAPPED) };
}

const site = await serve();
const browser = await launch();
try {
  const c = await cold(browser, site.url);
  console.log(`cold navigation to the first highlighted mention: median ${c.firstMentionMs.toFixed(0)} ms (min ${c.minMs.toFixed(0)}, max ${c.maxMs.toFixed(0)}; ${c.runs} runs; DOM ready ${c.domReadyMs.toFixed(0)} ms; the first analyzer worker started at ${c.workerStartMs.toFixed(0)} ms, loaded its wasm in ${c.workerWasmMs.toFixed(0)} ms and built the knowledge base in ${c.workerKnowledgeMs.toFixed(0)} ms, ready at ${c.analyzerReadyMs.toFixed(0)} ms; the first seed answered ${c.firstJobMs.toFixed(0)} ms later and drawn ${c.drawMs.toFixed(0)} ms after that; longest task ${c.longestTaskMs.toFixed(0)} ms)`);
  const d = await dropMany(browser, site.url);
  console.log(`drop of ${d.articles} articles (${(d.bytes / 1e6).toFixed(2)} MB): ${d.complete ? 'all listed' : `only ${d.listed} listed`} in ${(d.ms / 1e3).toFixed(1)} s; ${d.longTasks} long tasks (${(d.longTaskTotalMs / 1e3).toFixed(1)} s), the longest ${d.longestTaskMs.toFixed(0)} ms`);
  const k = await capped(browser, site.url);
  console.log(`an article at the report's caps (${(k.bytes / 1e3).toFixed(0)} kB, 10,000 mentions): drawn in full ${(k.ms / 1e3).toFixed(1)} s after the drop; ${k.longTasks} long tasks, the longest ${k.longestTaskMs.toFixed(0)} ms`);
  console.log('JSON ' + JSON.stringify({ cold: c, drop: d, capped: k }));
} finally {
  await browser.close();
  await site.close();
}
