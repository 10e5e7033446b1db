// The analyzer's home: a module Web Worker that loads the wasm once and answers requests,
// so the page never freezes while text is analyzed (wasm-bindgen's wasm-in-web-worker shape).
//
// Messages in:  {id, op: 'analyze'|'ingest'|'ingestText', args}
// Messages out: {type: 'ready', version, ops} | {type: 'fatal', message}
//               {id, ok: true, result} | {id, ok: false, error: {message, kind}}

let analyzer = null;

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
  const mod = await import('./pkg/parallax.js');
  await mod.default();
  analyzer = new mod.Analyzer();
  const version = typeof mod.Analyzer.version === 'function' ? String(mod.Analyzer.version()) : '';
  const ops = ['analyze', 'ingest', 'ingestText'].filter((op) => typeof analyzer[op] === 'function');
  return { version, ops };
})();

ready.then(
  (info) => postMessage({ type: 'ready', ...info }),
  (err) => postMessage({ type: 'fatal', message: String((err && err.message) || err) }),
);

self.onmessage = async ({ data }) => {
  const { id, op, args } = data;
  try {
    await ready;
    let result;
    switch (op) {
      case 'analyze':
        result = analyzer.analyze(args.text, args.meta || undefined);
        break;
      case 'ingest':
        result = analyzer.ingest(args.bytes, args.fileName);
        break;
      case 'ingestText':
        result = analyzer.ingestText(args.text);
        break;
      default:
        throw Object.assign(new Error(`unknown operation ${op}`), { kind: 'internal' });
    }
    postMessage({ id, ok: true, result: plain(result) });
  } catch (err) {
    const message = String((err && err.message) || err);
    const kind = (err && typeof err.kind === 'string' && err.kind) || 'internal';
    postMessage({ id, ok: false, error: { message, kind } });
  }
};
