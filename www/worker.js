// One member of the analyzer pool: a module Web Worker that loads the wasm once and answers
// requests, so the page never freezes while text is analyzed (wasm-bindgen's
// wasm-in-web-worker shape). A dropped File comes here as it is and is read, ingested and
// analyzed in one call. Web pages and Markdown notes are read by a second module, the HTML
// module (html5ever, the reader view and pulldown-cmark), loaded on the first page or note
// only, so the first load stays small; it also compiles the user's own knowledge, whose
// builder the main module leaves out.
// The page's client (client.js) times every job and replaces a worker that hangs or traps:
// after a wasm trap this instance is never trusted again.
//
// Messages in:  {id, op, args}   ops: 'file' {file, name} | 'text' {text, meta}
//                                      | 'analyze' {text, meta} | 'parseExport' {file}
//                                      | 'knowledge' {overlay}
// Messages out: {type: 'ready', version, ops, maxBytes} | {type: 'fatal', message}
//               {id, ok: true, json} | {id, ok: false, error: {message, kind}}
// A result crosses as JSON text: the page's JSON.parse of a report at the caps (10,000
// mentions) takes a fraction of the main-thread time of structured-cloning its objects.
// A report is the core's own JSON text, put in as it is (`toJson`).

// Everything the start needs is asked for at once, in one round trip rather than a chain of
// them (this script, then its imports, then the glue, then the wasm): the wasm, its glue,
// the helpers and the user's knowledge.
const wasmResponse = fetch(new URL('./pkg/parallax_bg.wasm', import.meta.url));
wasmResponse.catch(() => {}); // reported by the start below
const helpers = Promise.all([import('./exchange.js'), import('./knowledge-store.js')]);
const savedKnowledge = helpers.then(([, store]) => store.loadKnowledge()).catch(() => null);

// The built-in data files' texts, which the main module leaves out (a smaller first load):
// an overlay of the user's knowledge is built over them. Fetched on the first overlay only
// (the service worker caches the file); a fetch that failed is tried again next time.
let builtinTexts = null;
function builtinData() {
  if (!builtinTexts) {
    builtinTexts = (async () => {
      const res = await fetch(new URL('./pkg/knowledge-data.json', import.meta.url));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    })();
    builtinTexts.catch(() => (builtinTexts = null));
  }
  return builtinTexts;
}
// With knowledge of the user's own saved, the texts and the HTML module, which compiles
// the knowledge, are fetched while the wasm loads.
savedKnowledge.then((overlay) => overlay && (builtinData(), htmlReader())).catch(() => {});
// The built-in knowledge's blocs and viewpoints, written at build time from this module
// (scripts/knowledge-data.mjs): what the page needs before it draws, sent with `ready`
// without asking the analyzer for its display data (tens of ms of code run cold, before the
// first article) or sending its thousands of entities (the editor asks for them later).
const builtinDisplay = fetch(new URL('./pkg/knowledge-display.json', import.meta.url))
  .then((res) => (res.ok ? res.json() : null))
  .catch(() => null);
/** From exchange.js, once loaded. */
let parseExport = null;
let utf8Length = null;

let analyzer = null;
let Analyzer = null;
/** Whether this worker's analyzer holds the built-in knowledge alone (no overlay). */
let builtIn = false;
/** The one size limit of every way in, as the wasm core sets it (`maxInputBytes`). */
let maxBytes = 0;

// serde-wasm-bindgen may hand maps over as `Map`s; the page wants plain objects.
function plain(v) {
  if (v instanceof Map) {
    const o = {};
    for (const [k, x] of v) o[k] = plain(x);
    return o;
  }
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object' && !ArrayBuffer.isView(v)) {
    const o = {};
    for (const k of Object.keys(v)) o[k] = plain(v[k]);
    return o;
  }
  return v;
}

const ready = (async () => {
  const started = performance.now();
  const [mod, [exchange]] = await Promise.all([import('./pkg/parallax.js'), helpers]);
  ({ parseExport, utf8Length } = exchange);
  await mod.default({ module_or_path: wasmResponse });
  const loaded = performance.now();
  Analyzer = mod.Analyzer;
  // The user's own knowledge, laid over the built-in (the page checked it before saving;
  // should it fail now, the built-in knowledge is used and the page says why).
  const overlay = await savedKnowledge;
  try {
    analyzer = overlay ? await withKnowledge(overlay) : null;
  } catch {
    analyzer = null;
  }
  builtIn = !analyzer;
  analyzer ||= new mod.Analyzer();
  maxBytes = Number(mod.maxInputBytes());
  if (!(maxBytes > 0)) throw new Error('the analyzer reports no size limit');
  const version = typeof mod.Analyzer.version === 'function' ? String(mod.Analyzer.version()) : '';
  // How the start-up was spent (ms), for the bench: the wasm's download, compile and
  // instantiation; then the knowledge base.
  const timing = { wasmMs: loaded - started, knowledgeMs: performance.now() - loaded, since: performance.timeOrigin + started };
  // The built-in knowledge's blocs and viewpoints, sent with `ready`: a page with no
  // knowledge of its own saved draws with them at once, without a 'knowledge' job.
  const knowledge = builtIn ? await builtinBlocs() : null;
  return { version, ops: ['file', 'text', 'analyze', 'parseExport', 'knowledge'], maxBytes, timing, knowledge };
})();

ready.then(
  (info) => postMessage({ type: 'ready', ...info }),
  (err) => postMessage({ type: 'fatal', message: String((err && err.message) || err) }),
);

/** `{blocs, viewpoints}` of the built-in knowledge: from the build's file, else the analyzer. */
async function builtinBlocs() {
  const display = await builtinDisplay;
  if (display && Array.isArray(display.blocs) && Array.isArray(display.viewpoints)) return { blocs: display.blocs, viewpoints: display.viewpoints };
  const { blocs, viewpoints } = plain(analyzer.knowledge());
  return { blocs, viewpoints };
}

const fail = (kind, message) => Object.assign(new Error(message), { kind });

/** An analyzer with the user's knowledge laid over the built-in: compiled by the HTML
 * module (the main module leaves the knowledge base's builder out: a smaller first load)
 * over the built-in data files' texts, both fetched first, and read by the main module.
 * Throws kind "data" (with `problems`) for problems of the user's files, and kind
 * "unavailable" when the built-in texts or the HTML module cannot be loaded. */
async function withKnowledge(overlay) {
  const loading = [builtinData(), htmlReader()];
  let texts;
  let compiler;
  try {
    texts = await loading[0];
  } catch (err) {
    throw fail('unavailable', `the built-in data files your knowledge is laid over could not be loaded (${(err && err.message) || err}); connect to the network and try again`);
  }
  try {
    compiler = await loading[1];
  } catch (err) {
    throw fail('unavailable', `the module that compiles your knowledge could not be loaded (${(err && err.message) || err}); connect to the network and try again`);
  }
  return Analyzer.withCompiledKnowledge(compiler.compileKnowledge(overlay, texts));
}

// The HTML module, once loaded; a load that failed (offline before it was ever cached) is
// tried again on the next web page or overlay.
let htmlModule = null;

function htmlReader() {
  if (!htmlModule) {
    htmlModule = (async () => {
      const mod = await import('./pkg/parallax_html.js');
      await mod.default();
      return mod;
    })();
    htmlModule.catch(() => (htmlModule = null));
  }
  return htmlModule;
}

/** Ingests with the main module (`main`), or a web page or a Markdown note, which it answers
 * with "needs_html", with the HTML module (`viaHtml(module)`). */
async function ingestWith(main, viaHtml) {
  try {
    return plain(main());
  } catch (err) {
    if (!err || err.kind !== 'needs_html') throw err;
  }
  let html;
  try {
    html = await htmlReader();
  } catch (err) {
    throw fail('unreadable', `it is a web page or a Markdown note, and the reader for those could not be loaded (${(err && err.message) || err}); connect to the network and add it again`);
  }
  return plain(viaHtml(html));
}

function readBytes(file) {
  try {
    return new Uint8Array(new FileReaderSync().readAsArrayBuffer(file));
  } catch (err) {
    throw fail('unreadable', `it could not be read (${(err && (err.message || err.name)) || 'unknown error'}); it may have been moved, or access to it was refused`);
  }
}

/** A report as JSON text, which the page parses once (see `toJson`). */
class Json {
  constructor(text) {
    this.text = text;
  }
}

/** The report of `text`, as the core writes it: parsed here only to be written again, it
 * cost this worker more than the analysis' own JSON. */
function analyzeText(text, meta) {
  return new Json(analyzer.analyzeJson(text, meta || undefined));
}

/** The JSON text of an op's result: a `Json` report, alone or as the `report` of an object,
 * is put in as it is. */
function toJson(result) {
  if (result instanceof Json) return result.text;
  if (!(result && result.report instanceof Json)) return JSON.stringify(result ?? null);
  const { report, ...rest } = result;
  const head = JSON.stringify(rest).slice(0, -1);
  return `${head}${head.length > 1 ? ',' : ''}"report":${report.text}}`;
}

const ops = {
  /** A dropped or picked file: read, ingested and analyzed here, in one call. */
  async file({ file, name }) {
    if (file.size > maxBytes) throw fail('too_large', `it is over the ${maxBytes} byte limit`);
    const bytes = readBytes(file);
    const ing = await ingestWith(
      () => analyzer.ingest(bytes, name),
      (html) => html.ingestFile(bytes, name),
    );
    const meta = { ...(ing.meta || {}), title: (ing.meta && ing.meta.title) || ing.title || undefined };
    return { ...ing, meta, report: analyzeText(ing.text, { ...clean(meta), source: name }) };
  },
  /** Pasted text, or a seed: ingested and analyzed in one call. */
  async text({ text, meta }) {
    if (text.length > maxBytes || utf8Length(text) > maxBytes) throw fail('too_large', 'the text is over the size limit');
    const ing = typeof analyzer.ingestText === 'function' ? await ingestWith(() => analyzer.ingestText(text), (html) => html.ingestText(text)) : { text, meta: {}, comments: [] };
    const m = { ...clean(ing.meta || {}), ...clean(meta || {}) };
    if (!m.title && ing.title) m.title = ing.title;
    return { ...ing, meta: m, report: analyzeText(ing.text, m) };
  },
  /** Text already ingested (restored or imported). */
  analyze({ text, meta }) {
    return analyzeText(text, meta);
  },
  /**
   * The user's knowledge checked by the Rust validator: `{problems, knowledge}`, the
   * display data of the built-in knowledge with the overlay (of the built-in alone when
   * there are problems). This worker's own analyzer is not changed.
   */
  async knowledge({ overlay }) {
    // The built-in knowledge alone (every start without knowledge of the user's own): this
    // worker's analyzer already holds it, and building a second one would cost another
    // start-up before the first article is analysed.
    if (!overlay && builtIn) return { problems: [], knowledge: plain(analyzer.knowledge()) };
    let built = null;
    let problems = [];
    try {
      built = overlay ? await withKnowledge(overlay) : new Analyzer();
    } catch (err) {
      if (!err || err.kind !== 'data') throw err;
      problems = Array.isArray(err.problems) ? err.problems.map(String) : [String(err.message)];
      built = new Analyzer();
    }
    try {
      return { problems, knowledge: plain(built.knowledge()) };
    } finally {
      built.free();
    }
  },
  /** An export file, parsed off the main thread. */
  parseExport({ file }) {
    const text = new FileReaderSync().readAsText(file);
    const records = parseExport(text);
    return records.map((r) => ({ ...r, bytes: r.text.length > maxBytes ? r.text.length : utf8Length(r.text) }));
  },
};

/** Only non-empty string fields (undefined fields upset the analyzer's metadata parser). */
function clean(meta) {
  const out = {};
  for (const [k, v] of Object.entries(meta)) if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  return out;
}

// One job at a time, in the order posted (the page posts the next before this one ends, and
// its watchdog times the oldest): an op that awaits (the HTML module's load) holds the rest.
let turn = Promise.resolve();
self.onmessage = ({ data }) => {
  turn = turn.then(() => run(data));
};

async function run(data) {
  const { id, op, args } = data;
  try {
    await ready;
    if (!Object.hasOwn(ops, op)) throw fail('internal', `unknown operation ${op}`);
    postMessage({ id, ok: true, json: toJson(await ops[op](args)) });
  } catch (err) {
    const message = String((err && err.message) || err);
    // A trap leaves the wasm instance in an unknown state: the client replaces this worker.
    const trap = typeof WebAssembly !== 'undefined' && err instanceof WebAssembly.RuntimeError;
    const memory = err instanceof RangeError && /memory|allocat/i.test(message);
    const kind = trap ? 'trap' : memory ? 'memory' : (err && typeof err.kind === 'string' && err.kind) || 'internal';
    postMessage({ id, ok: false, error: { message, kind } });
  }
}
