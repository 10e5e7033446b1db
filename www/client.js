// The page's side of the analyzer: a pool of workers, one per core, where every request is a
// promise. A watchdog gives each job a time limit scaled by its size; a worker that runs over
// it, traps or crashes is terminated and replaced, and only that job fails: the queue goes on.

/** An Error carrying a stable `kind`: the analyzer's ("binary", "empty", "too_large", …) or
 * the pool's ("timeout", "trap", "memory", "crashed", "unavailable"). */
export class AnalyzerError extends Error {
  constructor(message, kind) {
    super(message);
    this.name = 'AnalyzerError';
    this.kind = kind;
  }
}

/**
 * How long a job may take: a fixed allowance plus so much per megabyte. Generous (the
 * analyzer aims at well under a second per 100 KB), so only a job that has gone wrong hits it.
 */
export const DEFAULT_BUDGET = { baseMs: 5000, msPerMB: 10000 };

/** How long after the first worker is ready the others start if it was given nothing to do. */
const GROW_AFTER_MS = 1000;

/** Jobs posted to one worker at a time (it runs them one after another). */
const JOBS_IN_FLIGHT = 2;

/** @returns {number} ms */
export function timeLimit(bytes, budget = DEFAULT_BUDGET) {
  return Math.round(budget.baseMs + (budget.msPerMB * bytes) / (1024 * 1024));
}

/**
 * Test and diagnosis options from the page address: `?budget=BASE_MS,MS_PER_MB` sets the
 * watchdog, `?workers=N` the pool size.
 */
function fromAddress() {
  const q = new URLSearchParams((globalThis.location && globalThis.location.search) || '');
  const out = {};
  const b = (q.get('budget') || '').split(',').map(Number);
  if (b.length === 2 && b.every((n) => Number.isFinite(n) && n >= 0)) out.budget = { baseMs: b[0], msPerMB: b[1] };
  const w = Number(q.get('workers'));
  if (Number.isInteger(w) && w > 0) out.size = w;
  return out;
}

const defaultSize = () => Math.max(1, Math.min(4, (globalThis.navigator && navigator.hardwareConcurrency) || 2));

/**
 * Starts the pool.
 * @param {object} [opts]
 * @param {URL|string} [opts.url]
 * @param {number} [opts.size]  workers (default: one per core, at most 4)
 * @param {{baseMs: number, msPerMB: number}} [opts.budget]
 * @param {typeof Worker} [opts.Worker]
 */
export function createClient(opts = {}) {
  const { url = new URL('./worker.js', import.meta.url), size = defaultSize(), budget = DEFAULT_BUDGET, Worker: W = globalThis.Worker } = { ...opts, ...fromAddress() };
  /** @type {{worker: Worker, ready: boolean, job: any, timer: any}[]} */
  const members = [];
  const queue = [];
  let next = 1;
  let info = null;
  let failed = null;
  let settle;
  const ready = new Promise((resolve, reject) => (settle = { resolve, reject }));
  const stats = { started: 0, replaced: 0 };
  let grown = false;

  function failAll(message) {
    if (failed) return;
    failed = new AnalyzerError(message, 'unavailable');
    settle.reject(failed);
    for (const job of queue.splice(0)) job.reject(failed);
  }

  function spawn() {
    let worker;
    let early = [];
    try {
      // The first worker is the one boot.js started, if it did (the pool's own defaults only).
      const boot = stats.started === 0 && opts.url == null && opts.Worker == null ? takeBootWorker() : null;
      if (boot) ({ worker, early } = boot);
      else worker = new W(url, { type: 'module' });
    } catch (err) {
      if (!members.length) queueMicrotask(() => failAll((err && err.message) || 'the analyzer worker could not be started'));
      return null;
    }
    /** `jobs`: posted to this worker, oldest (the one it runs) first; `timer`: its watchdog. */
    const m = { worker, ready: false, jobs: [], timer: null };
    stats.started += 1;
    members.push(m);
    const onMessage = ({ data }) => {
      if (data.type === 'ready') {
        m.ready = true;
        if (!info) {
          info = { version: data.version, ops: data.ops, maxBytes: data.maxBytes, workers: size, knowledge: data.knowledge || null };
          // For the bench (benches/page.mjs): when the first worker could take a job.
          performance.mark('parallax:analyzer-ready', { detail: data.timing || null });
          settle.resolve(info);
        }
        return pump();
      }
      if (data.type === 'fatal') return lost(m, data.message);
      const job = m.jobs[0];
      if (!job || job.id !== data.id) return;
      clearTimeout(m.timer);
      m.jobs.shift();
      if (!grown) setTimeout(grow, 0); // after the page has taken this answer
      if (data.ok) job.resolve(JSON.parse(data.json));
      else {
        job.reject(new AnalyzerError(data.error.message, data.error.kind));
        // After a trap or an allocation failure the wasm instance is not to be trusted.
        if (data.error.kind === 'trap' || data.error.kind === 'memory') return replace(m);
      }
      watch(m);
      pump();
    };
    const onError = (e) => {
      e.preventDefault();
      lost(m, e.message || 'the analyzer worker stopped');
    };
    m.worker.addEventListener('message', onMessage);
    m.worker.addEventListener('error', onError);
    for (const e of early) (e.type === 'message' ? onMessage : onError)(e);
    return m;
  }

  /** A member that failed to start or died outside a job. */
  function lost(m, message) {
    const job = m.jobs.shift();
    const wasReady = m.ready;
    remove(m);
    if (job) {
      job.reject(new AnalyzerError(`the analyzer stopped (${message})`, 'crashed'));
      spawn();
      stats.replaced += 1;
    } else if (wasReady) {
      spawn();
      stats.replaced += 1;
    }
    if (!members.length) failAll(message || 'the analyzer worker could not be started');
    pump();
  }

  /** Stops a member; the jobs it had not started go back to the head of the queue. */
  function remove(m) {
    clearTimeout(m.timer);
    queue.unshift(...m.jobs.splice(0));
    m.worker.terminate();
    const i = members.indexOf(m);
    if (i >= 0) members.splice(i, 1);
  }

  /** Starts the rest of the pool, once. */
  function grow() {
    if (grown || failed) return;
    grown = true;
    for (let i = members.length; i < size; i++) spawn();
  }

  /** Terminates a member and starts a fresh one in its place. */
  function replace(m) {
    remove(m);
    spawn();
    stats.replaced += 1;
    pump();
  }

  /** The watchdog of the job a member runs now (its oldest). */
  function watch(m) {
    const job = m.jobs[0];
    if (!job) return;
    const limit = timeLimit(job.bytes, budget);
    m.timer = setTimeout(() => {
      if (m.jobs[0] !== job) return;
      m.jobs.shift();
      job.reject(new AnalyzerError(`it took longer than ${(limit / 1000).toFixed(limit < 10000 ? 1 : 0)} s and was stopped`, 'timeout'));
      replace(m);
    }, limit);
  }

  /**
   * Gives each ready member up to JOBS_IN_FLIGHT jobs: the next is already in its queue
   * when one ends, so a worker never waits for the page's answer to start it.
   */
  function pump() {
    for (const m of members) {
      while (m.ready && m.jobs.length < JOBS_IN_FLIGHT && queue.length) {
        const job = queue.shift();
        m.jobs.push(job);
        if (m.jobs.length === 1) watch(m);
        m.worker.postMessage({ id: job.id, op: job.op, args: job.args });
      }
    }
  }

  /** A job; an `urgent` one (what the page waits on before it draws anything) goes first. */
  function call(op, args, bytes, { urgent = false } = {}) {
    if (failed) return Promise.reject(failed);
    return new Promise((resolve, reject) => {
      const job = { id: next++, op, args, bytes, resolve, reject };
      if (urgent) queue.unshift(job);
      else queue.push(job);
      pump();
    });
  }

  // One worker first, the others once it has answered its first job (or, asked nothing, a
  // moment after it is ready): on a machine with few cores, workers starting beside it take
  // the cores its first article needs, whose code runs cold (compiled as it goes).
  spawn();
  ready.then(
    () => setTimeout(grow, GROW_AFTER_MS),
    () => {},
  );

  return {
    ready,
    size,
    stats,
    /** A dropped or picked file, read, ingested and analyzed in a worker. @param {File} file @param {string} name */
    file: (file, name) => call('file', { file, name }, file.size),
    /** Pasted text (or a seed): ingested and analyzed. */
    text: (text, meta) => call('text', { text, meta }, text.length),
    /** Text already ingested. */
    analyze: (text, meta) => call('analyze', { text, meta }, text.length),
    /** The user's knowledge `{blocs, entities, cues}` checked: `{problems, knowledge}`. */
    // Building a knowledge base costs about what analysing a few MB does: the watchdog's
    // limit for 4 MB leaves room for a busy machine.
    // The page draws nothing before this answer: it goes ahead of queued articles.
    knowledge: (overlay) => call('knowledge', { overlay }, 4 * 1024 * 1024, { urgent: true }),
    /**
     * Replaces every worker with a fresh one, which reads the user's knowledge as it starts
     * (after it changed); jobs that were running go back to the head of the queue.
     */
    restart() {
      for (const m of [...members]) remove(m);
      for (let i = 0; i < size; i++) spawn();
    },
    /** An export file, parsed in a worker. */
    parseExport: (file) => call('parseExport', { file }, file.size),
    /**
     * Drops every job, queued or running (Cancel, Reset): running workers are terminated and
     * replaced, so no analysis nobody waits for holds the pool.
     */
    cancelAll() {
      const stopped = new AnalyzerError('cancelled', 'cancelled');
      for (const job of queue.splice(0)) job.reject(stopped);
      for (const m of [...members]) {
        if (!m.jobs.length) continue;
        for (const job of m.jobs.splice(0)) job.reject(stopped);
        replace(m);
      }
    },
    terminate() {
      for (const m of members.splice(0)) {
        clearTimeout(m.timer);
        m.worker.terminate();
      }
    },
  };
}

/**
 * The worker boot.js started as the page's first script, before the page's modules, and the
 * events it sent until now (boot.js keeps them); taken once.
 * @returns {{worker: Worker, early: Event[]} | null}
 */
function takeBootWorker() {
  const boot = globalThis.parallaxBoot;
  if (!boot || typeof boot.take !== 'function') return null;
  globalThis.parallaxBoot = undefined;
  return boot.take();
}

let shared = null;

/** The page's one pool, started by the first caller (app.js), with boot.js's worker first. */
export function sharedClient() {
  return (shared ||= createClient());
}
