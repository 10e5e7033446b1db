// The page's side of the analyzer worker: every request is a promise.

/** An Error carrying the analyzer's stable `kind` ("binary", "empty", "too_large", …). */
export class AnalyzerError extends Error {
  constructor(message, kind) {
    super(message);
    this.name = 'AnalyzerError';
    this.kind = kind;
  }
}

/**
 * Starts the worker.
 * @param {URL|string} [url]
 * @returns {{ready: Promise<{version: string, ops: string[]}>, analyze, ingest, ingestText, terminate}}
 */
export function createClient(url = new URL('./worker.js', import.meta.url)) {
  const worker = new Worker(url, { type: 'module' });
  const pending = new Map();
  let next = 1;
  let failed = null;
  let settle;
  const ready = new Promise((resolve, reject) => (settle = { resolve, reject }));

  function fail(message) {
    if (failed) return;
    failed = new AnalyzerError(message, 'unavailable');
    settle.reject(failed);
    for (const p of pending.values()) p.reject(failed);
    pending.clear();
  }

  worker.addEventListener('message', ({ data }) => {
    if (data.type === 'ready') return settle.resolve({ version: data.version, ops: data.ops });
    if (data.type === 'fatal') return fail(data.message);
    const p = pending.get(data.id);
    if (!p) return;
    pending.delete(data.id);
    if (data.ok) p.resolve(data.result);
    else p.reject(new AnalyzerError(data.error.message, data.error.kind));
  });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    fail(e.message || 'the analyzer worker could not be started');
  });

  function call(op, args, transfer = []) {
    if (failed) return Promise.reject(failed);
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, args }, transfer);
    });
  }

  return {
    ready,
    /** @param {string} text @param {object} [meta] */
    analyze: (text, meta) => call('analyze', { text, meta }),
    /** @param {Uint8Array} bytes  (transferred: do not reuse) @param {string} fileName */
    ingest: (bytes, fileName) => call('ingest', { bytes, fileName }, [bytes.buffer]),
    /** @param {string} text */
    ingestText: (text) => call('ingestText', { text }),
    terminate: () => worker.terminate(),
  };
}
