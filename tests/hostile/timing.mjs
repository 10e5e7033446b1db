// Times every hostile input at 100 KB through the release CLI and through the wasm core in
// headless Chromium (what the page's worker runs: ingest, then analyze), for the README's
// figures (issue 8: "under 1 s per 100 KB, output at most 20 times the input"). A
// measurement, not a test: speed belongs to measurements.
//
//   HOSTILE_INPUTS=target/hostile-inputs cargo test --test hostile write_inputs_for_timing
//   cargo build --release --bin parallax && ./build.sh dist
//   node tests/hostile/timing.mjs target/hostile-inputs
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { serve } from '../../e2e/helpers/serve.mjs';
import { launch } from '../../e2e/helpers/browser.mjs';

const dir = process.argv[2] || 'target/hostile-inputs';
const inputs = readFileSync(join(dir, 'index.tsv'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => {
    const [file, name] = line.split('\t');
    return { file, name, bytes: readFileSync(join(dir, file)) };
  });

/** CPU seconds (user + system) and stdout bytes of the release CLI on one file. */
function cli(path) {
  const r = spawnSync('bash', ['-c', 'TIMEFORMAT=%3U+%3S; time target/release/parallax analyze "$1" | wc -c', '_', path], { encoding: 'utf8' });
  const [user, sys] = r.stderr.trim().split('\n').pop().split('+').map(Number);
  return { cpu: user + sys, out: Number(r.stdout.trim()) };
}

const rows = inputs.map((x) => ({ ...x, cli: cli(join(dir, x.file)) }));

const server = await serve();
const browser = await launch();
const page = await browser.newPage();
await page.goto(server.url);
await page.evaluate(async () => {
  const mod = await import('./pkg/parallax.js');
  await mod.default();
  window.__analyzer = new mod.Analyzer();
});
for (const row of rows) {
  row.page = await page.evaluate(
    ([b64, name]) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const a = window.__analyzer;
      const started = performance.now();
      let text;
      try {
        text = a.ingest(bytes, name).text;
      } catch {
        text = new TextDecoder().decode(bytes);
      }
      const report = a.analyze(text, undefined);
      const ms = performance.now() - started;
      return { seconds: ms / 1000, out: JSON.stringify(report).length };
    },
    [row.bytes.toString('base64'), row.file],
  );
}
await browser.close();
await server.close();

const per100k = (s, bytes) => (s * 100 * 1024) / bytes;
const worst = (f) => rows.reduce((w, r) => (f(r) > f(w) ? r : w));
const slowCli = worst((r) => per100k(r.cli.cpu, r.bytes.length));
const slowPage = worst((r) => per100k(r.page.seconds, r.bytes.length));
const bigCli = worst((r) => r.cli.out / r.bytes.length);
const bigPage = worst((r) => r.page.out / r.bytes.length);
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${rows.length} inputs of about 100 KB`);
console.log(`release CLI, CPU s per 100 KB: median ${median(rows.map((r) => per100k(r.cli.cpu, r.bytes.length))).toFixed(3)}, slowest ${per100k(slowCli.cli.cpu, slowCli.bytes.length).toFixed(3)} (${slowCli.name})`);
console.log(`page (wasm in Chromium), wall s per 100 KB: median ${median(rows.map((r) => per100k(r.page.seconds, r.bytes.length))).toFixed(3)}, slowest ${per100k(slowPage.page.seconds, slowPage.bytes.length).toFixed(3)} (${slowPage.name})`);
console.log(`largest output: CLI ${(bigCli.cli.out / bigCli.bytes.length).toFixed(1)}x (${bigCli.name}), page ${(bigPage.page.out / bigPage.bytes.length).toFixed(1)}x (${bigPage.name})`);
const over = rows.filter((r) => per100k(r.cli.cpu, r.bytes.length) > 1 || per100k(r.page.seconds, r.bytes.length) > 1 || r.cli.out > 20 * r.bytes.length || r.page.out > 20 * r.bytes.length);
console.log(over.length ? `over 1 s per 100 KB or 20x: ${over.map((r) => r.name).join('; ')}` : 'every input under 1 s per 100 KB and 20x its size, in both');
