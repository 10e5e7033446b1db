// `./build.sh bench`: every speed and size figure in one run, side by side with its
// anchors, written to benches/results.md (and .json) and to the dated table in README.md.
//
//   node benches/run.mjs [--skip page,spark,...]
//   node benches/run.mjs --render [--sizes]   rewrite the outputs from results.json (after
//                                              editing why.json); --sizes measures dist/ again
//
// Sections run one after another (never two at once: they share the cores); one that
// fails is reported as failed and the others still run. build.sh builds dist/, the CLI
// and the stage bench first, and installs what the PySpark example needs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { cpus, loadavg, totalmem } from 'node:os';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// ../shared beside the main checkout, ../../shared beside a worktree in wt/.
const CORPUS = process.env.PARALLAX_CORPUS || [join(ROOT, '..', 'shared', 'corpus'), join(ROOT, '..', '..', 'shared', 'corpus')].find(existsSync) || join(ROOT, '..', 'shared', 'corpus');
process.env.PARALLAX_CORPUS = CORPUS;
const SPARK_PYTHON = process.env.SPARK_PYTHON || join(ROOT, 'target', 'bench-venv', 'bin', 'python');
const skip = new Set((process.argv.includes('--skip') ? process.argv[process.argv.indexOf('--skip') + 1] : '').split(',').filter(Boolean));

const log = (s) => process.stdout.write(s + '\n');
// --render: no measuring, the results file and README rewritten from results.json (after
// editing benches/why.json).
const RENDER = process.argv.includes('--render');
const results = RENDER ? JSON.parse(readFileSync(join(ROOT, 'benches', 'results.json'), 'utf8')) : { date: new Date().toISOString().slice(0, 10), machine: machine() };
if (RENDER) for (const name of ['wasm', 'startup', 'stages', 'stream', 'spark', 'page', 'cli', 'readability']) if (!results[name]) skip.add(name);

/** Runs a command; its output is echoed; the `JSON {...}` line is parsed. */
function section(name, cmd, args, { env = {}, timeout = 1_800_000 } = {}) {
  if (RENDER) return results[name] || null;
  if (skip.has(name)) {
    results[name] = { skipped: true };
    return null;
  }
  log(`\n== ${name}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout, maxBuffer: 64 << 20 });
  const out = (r.stdout || '').split('\n');
  for (const line of out) if (line && !line.startsWith('JSON ')) log('   ' + line);
  const json = out.find((l) => l.startsWith('JSON '));
  if (r.status !== 0 || !json) {
    const why = r.error ? r.error.message : (r.stderr || '').trim().split('\n').slice(-5).join(' / ');
    log(`   FAILED (${r.status ?? r.signal}): ${why}`);
    results[name] = { failed: why || `exit ${r.status}` };
    return null;
  }
  const value = JSON.parse(json.slice(5));
  value.text = out.filter((l) => l && !l.startsWith('JSON ')).join('\n');
  results[name] = value;
  return value;
}

function machine() {
  const cpu = cpus();
  const version = (cmd, args) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim().split('\n')[0] : 'n/a';
  };
  return {
    cpu: cpu[0]?.model || 'unknown',
    cores: cpu.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    loadAtStart: loadavg()[0].toFixed(1),
    node: process.version,
    rustc: version('rustc', ['--version']),
    chromium: version('/usr/bin/chromium', ['--version']).replace(/^.*?(Chromium)/, '$1'),
  };
}

function sizes() {
  const dist = join(ROOT, 'dist');
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!/\.(gz|br)$/.test(name)) {
        const body = readFileSync(path);
        files.push({
          file: relative(dist, path),
          raw: body.length,
          // What a host sends: the precompressed sibling (scripts/precompress.mjs, Zopfli)
          // where there is one, else zlib's best.
          gzip: existsSync(path + '.gz') ? statSync(path + '.gz').size : gzipSync(body, { level: 9 }).length,
          brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
        });
      }
    }
  };
  walk(dist);
  const total = (k, only = () => true) => files.filter(only).reduce((n, f) => n + f[k], 0);
  // The HTML module is fetched on the first web page only, the built-in data files' texts
  // on the first overlay of the user's knowledge (both cached by the service worker in the
  // background): the first load is everything else.
  const firstLoad = (f) => !/^pkg\/(parallax_html|knowledge-data)/.test(f.file);
  results.size = {
    date: new Date().toISOString().slice(0, 10),
    files,
    raw: total('raw'),
    gzip: total('gzip'),
    brotli: total('brotli'),
    firstLoad: { raw: total('raw', firstLoad), gzip: total('gzip', firstLoad), brotli: total('brotli', firstLoad) },
  };
  log(`\n== size of dist/: ${files.length} files, ${kb(total('raw'))} raw, ${kb(total('gzip'))} gzipped, ${kb(total('brotli'))} brotli`);
  log(`   first load (all but the HTML module and the data files' texts): ${kb(total('raw', firstLoad))} raw, ${kb(total('gzip', firstLoad))} gzipped, ${kb(total('brotli', firstLoad))} brotli`);
  for (const f of [...files].sort((a, b) => b.gzip - a.gzip).slice(0, 8)) log(`   ${f.file.padEnd(28)} ${kb(f.raw).padStart(9)} ${kb(f.gzip).padStart(9)} gz`);
}

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fixed = (x, d = 2) => (x == null || Number.isNaN(x) ? 'n/a' : Number(x).toFixed(d));

// ---- the sections -------------------------------------------------------------------
if (!RENDER || process.argv.includes('--sizes')) sizes();
section('wasm', 'node', ['benches/wasm.mjs', '--corpus', CORPUS]);

if (!skip.has('startup') && !RENDER) {
  const runs = [];
  for (let i = 0; i < 7; i++) {
    const r = spawnSync('node', ['benches/wasm.mjs', '--startup'], { cwd: ROOT, encoding: 'utf8' });
    const line = (r.stdout || '').split('\n').find((l) => l.startsWith('JSON '));
    if (line) runs.push(JSON.parse(line.slice(5)));
  }
  if (runs.length) {
    const pick = (k) => median(runs.map((r) => r[k]));
    results.startup = { runs: runs.length, total: pick('total'), cpu: pick('cpu'), compile: pick('compile'), instantiate: pick('instantiate'), knowledgeBase: pick('knowledgeBase') };
    log(`\n== start-up in Node (fresh process each, median of ${runs.length}): ${fixed(pick('total'), 1)} ms wall = compile ${fixed(pick('compile'), 1)} + instantiate ${fixed(pick('instantiate'), 1)} + knowledge base ${fixed(pick('knowledgeBase'), 1)}; ${fixed(pick('cpu'), 1)} ms of CPU`);
  } else results.startup = { failed: 'no start-up run finished' };
}

if (!RENDER) results.scale = [];
// The largest is just under the input limit (ingest::MAX_INPUT_BYTES, 5 MiB): a larger
// document is refused, as it is in the page and the CLI.
for (const bytes of RENDER ? [] : [10_000, 1_000_000, 5_000_000]) {
  const r = section(`scale-${bytes}`, 'node', ['benches/wasm.mjs', '--scale', String(bytes), '--corpus', CORPUS]);
  if (r) results.scale.push(r);
  delete results[`scale-${bytes}`];
}
for (const r of results.scale) log(`   ${kb(r.bytes).padStart(10)}: ${fixed(r.ms, 1)} ms CPU (${fixed(r.wallMs, 1)} wall), ${fixed(r.msPerMB, 0)} ms/MB, wasm memory ${fixed(r.memoryPeak / 1e6, 1)} MB (${fixed((r.memoryPeak - r.memoryBefore) / 1e6, 1)} MB for the document)`);

section('stages', 'cargo', ['bench', '--quiet', '--bench', 'stages', '--', CORPUS]);
section('stream', 'python3', ['benches/stream.py', '--corpus', CORPUS]);
section('spark', SPARK_PYTHON, ['benches/spark.py', '--corpus', CORPUS]);
section('page', 'node', ['benches/page.mjs']);
if (!skip.has('cli') && !RENDER) {
  log('\n== the command line on the seeds (benches/run.py)');
  const r = spawnSync('python3', ['benches/run.py'], { cwd: ROOT, encoding: 'utf8' });
  results.cli = { text: (r.stdout || '').trim(), failed: r.status === 0 ? undefined : (r.stderr || '').trim() };
  for (const line of results.cli.text.split('\n')) log('   ' + line);
}
// The readability-extraction bench of the ingest work plugs in here (see build.sh).
if (process.env.READABILITY_BENCH) section('readability', 'sh', ['-c', process.env.READABILITY_BENCH]);

// ---- verdicts -------------------------------------------------------------------------
const w = results.wasm && !results.wasm.failed ? results.wasm : null;
const scale = results.scale;
const byBytes = (n) => scale.find((s) => Math.abs(s.bytes - n) / n < 0.2);
const s1 = byBytes(1e6);
const s10 = byBytes(5e6);
const timeLinear = s1 && s10 ? s10.msPerMB / s1.msPerMB : null;
const memPerMB = (s) => (s.memoryPeak - s.memoryBefore) / (s.bytes / 1e6);
const memLinear = s1 && s10 ? memPerMB(s10) / Math.max(memPerMB(s1), 1) : null;
const page = results.page && !results.page.failed ? results.page : null;
const stream = results.stream && !results.stream.failed ? results.stream : null;

const first = results.size.firstLoad;
/** [figure, target, measured, met, how far off]. */
const verdicts = [
  ['wasm analysis, article-sized texts (CPU time)', '≥ 8 MB/s', w && `${fixed(w.parallax.median)} MB/s`, w && w.parallax.median >= 8, w && `${fixed(8 / w.parallax.median, 1)}× short`],
  ['RATIO parallax/wink-nlp (CPU time)', '≥ 8×', w && `${fixed(w.parallax.median / w['wink-nlp'].median)}×`, w && w.parallax.median / w['wink-nlp'].median >= 8, w && `${fixed((8 * w['wink-nlp'].median) / w.parallax.median, 1)}× short`],
  ['start-up: compile + instantiate + knowledge base (wall)', '≤ 50 ms', results.startup?.total && `${fixed(results.startup.total, 0)} ms (${fixed(results.startup.cpu, 0)} ms CPU)`, results.startup?.total <= 50, results.startup?.total && `${fixed(results.startup.total - 50, 0)} ms over`],
  ['time linear 10 kB → 5 MB, the input limit (ms/MB at 5 MB ÷ at 1 MB)', '≤ 1.25', timeLinear && fixed(timeLinear), timeLinear != null && timeLinear <= 1.25, timeLinear && `${fixed(timeLinear)}`],
  ['memory linear (wasm bytes per input MB, 5 MB ÷ 1 MB)', '≤ 1.25', memLinear && fixed(memLinear), memLinear != null && memLinear <= 1.25, memLinear && `${fixed(memLinear)}`],
  ['cold load to the first highlighted mention', '≤ 500 ms', page && `${fixed(page.cold.firstMentionMs, 0)} ms`, page && page.cold.firstMentionMs <= 500, page && `${fixed(page.cold.firstMentionMs - 500, 0)} ms over`],
  ['1,000 dropped articles all listed', '≤ 5 s', page && (page.drop.complete ? `${fixed(page.drop.ms / 1e3, 1)} s` : `${page.drop.listed} listed in ${fixed(page.drop.ms / 1e3, 0)} s`), page && page.drop.complete && page.drop.ms <= 5000, page && `${fixed(page.drop.ms / 5000, 1)}× the budget`],
  ['longest main-thread task during the drop', '≤ 100 ms', page && `${fixed(page.drop.longestTaskMs, 0)} ms`, page && page.drop.longestTaskMs <= 100, page && `${fixed(page.drop.longestTaskMs - 100, 0)} ms over`],
  ['dist/ gzipped', '≤ 400 kB', `${kb(results.size.gzip)}`, results.size.gzip <= 400_000, `${kb(results.size.gzip - 400_000)} over`],
  ['dist/ gzipped, first load (all but the HTML module and the data files\' texts)', '≤ 400 kB', first && kb(first.gzip), first && first.gzip <= 400_000, first && `${kb(first.gzip - 400_000)} over`],
  ['--jsonl streams 100 MB with flat memory', 'flat', stream && `${fixed(stream.rssAt10pctMB, 1)} → ${fixed(stream.rssPeakMB, 1)} MB resident over ${fixed(stream.streamMB, 0)} MB`, stream && stream.flat, 'grows'],
  ['the PySpark example runs', 'runs', results.spark?.failed ? 'failed' : results.spark?.skipped ? 'skipped' : results.spark && `${results.spark.articles} articles in ${fixed(results.spark.seconds, 1)} s`, !!results.spark?.articles, 'does not run'],
];
results.verdicts = verdicts.map(([figure, target, measured, met, off]) => ({ figure, target, measured: measured || 'not measured', met: !!met, off: met ? '' : measured ? off : 'not measured' }));

// Why a figure is missed and what would close it: written by whoever reads the numbers.
const WHY = JSON.parse(readFileSync(join(ROOT, 'benches', 'why.json'), 'utf8'));

// ---- the results file and the README table -------------------------------------------
const m = results.machine;
const md = [];
md.push(`# Benchmark results`, '', `Written by \`./build.sh bench\` on ${results.date}. Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB; load average ${m.loadAtStart} at the start (the cores are shared: figures are noisy); ${m.node}, ${m.rustc}, ${m.chromium}.`, '');
md.push('## Done when', '', '| figure | target | measured | met | off by |', '|---|---|---|---|---|');
for (const v of results.verdicts) md.push(`| ${v.figure} | ${v.target} | ${v.measured} | ${v.met ? 'yes' : '**no**'} | ${v.off} |`);
const missed = results.verdicts.filter((v) => !v.met);
if (missed.length) {
  md.push('', '### Missed: why, and what would close it', '');
  for (const v of missed) md.push(`- **${v.figure}** (${v.measured}, target ${v.target}): ${WHY[v.figure] || 'not analysed yet.'}`);
}
const block = (title, text) => (text ? md.push('', `## ${title}`, '', '```', text, '```') : md.push('', `## ${title}`, '', 'not measured'));
const failed = (x) => (x?.failed ? `failed: ${x.failed}` : x?.skipped ? 'skipped' : null);
block('Speed in wasm (Node), side by side', failed(results.wasm) || results.wasm?.text);
block('Start-up', failed(results.startup) || (results.startup && `compile ${fixed(results.startup.compile, 1)} ms + instantiate ${fixed(results.startup.instantiate, 1)} ms + knowledge base ${fixed(results.startup.knowledgeBase, 1)} ms = ${fixed(results.startup.total, 1)} ms wall, ${fixed(results.startup.cpu, 1)} ms of CPU (median of ${results.startup.runs} fresh Node processes)`));
block('Scaling in wasm (generated documents)', scale.map((r) => `${kb(r.bytes).padStart(10)}: ${fixed(r.ms, 1).padStart(8)} ms CPU (${fixed(r.wallMs, 1)} wall)  ${fixed(r.msPerMB, 0).padStart(6)} ms/MB  wasm memory ${fixed(r.memoryPeak / 1e6, 1)} MB (${fixed((r.memoryPeak - r.memoryBefore) / 1e6, 1)} MB for the document)`).join('\n'));
block('Native cost per stage', failed(results.stages) || results.stages?.text);
block('The command line on the seeds (benches/run.py)', results.cli?.text);
block('Streaming (--jsonl)', failed(results.stream) || results.stream?.text);
block('PySpark example', failed(results.spark) || results.spark?.text);
block('The page in headless Chromium', failed(results.page) || results.page?.text);
md.push('', '## dist/, every file', '', ...(results.size.date && results.size.date !== results.date ? [`Measured again on ${results.size.date}.`, ''] : []), '| file | raw | gzip | brotli |', '|---|---:|---:|---:|');
for (const f of results.size.files) md.push(`| ${f.file} | ${f.raw} | ${f.gzip} | ${f.brotli} |`);
md.push(`| **total** | ${results.size.raw} | ${results.size.gzip} | ${results.size.brotli} |`);
if (first) md.push(`| **first load** (all but pkg/parallax_html*) | ${first.raw} | ${first.gzip} | ${first.brotli} |`);
if (results.readability) block('Readability extraction', failed(results.readability) || results.readability.text);
writeFileSync(join(ROOT, 'benches', 'results.md'), md.join('\n') + '\n');
writeFileSync(join(ROOT, 'benches', 'results.json'), JSON.stringify(results, null, 1) + '\n');

const readme = join(ROOT, 'README.md');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const table = [START, '', `Measured by \`./build.sh bench\` on ${results.date} (${m.cpu}, ${m.cores} cores, load ${m.loadAtStart}; details in [benches/results.md](benches/results.md)):`, '', '| figure | target | measured |', '|---|---|---|'];
for (const v of results.verdicts) table.push(`| ${v.figure} | ${v.target} | ${v.measured}${v.met ? '' : ' (missed)'} |`);
if (w) table.push(`| wink-nlp / compromise / bare scan, same texts | | ${fixed(w['wink-nlp'].median)} / ${fixed(w.compromise.median, 3)} / ${fixed(w.scan.median)} MB/s |`);
table.push('', END);
let text = readFileSync(readme, 'utf8');
if (text.includes(START)) text = text.replace(new RegExp(`${START}[\\s\\S]*?${END}`), table.join('\n'));
else text = text.replace('\n## Tests\n', `\n## Speed, measured\n\n${table.join('\n')}\n\n## Tests\n`);
writeFileSync(readme, text);
log(`\nwrote benches/results.md, benches/results.json and the table in README.md`);
for (const v of results.verdicts) log(`${v.met ? 'MET   ' : 'MISSED'} ${v.figure}: ${v.measured} (target ${v.target})`);
