// Everything that enters the corpus after the seeds goes through one queue: dropped and picked
// files, pasted text, imports, and articles restored from storage. Jobs run in parallel on
// the worker pool but enter the corpus in the order they were given; a job that fails (a
// refused file, a hung or crashed analysis) is named in a message and the queue goes on.
// New articles are saved in batches, one transaction each, and a batch that fails says which
// articles were not saved.
import { articleId, cleanMeta, cleanName, recordOf, tooLargeMessage } from './exchange.js';
import { titleOf } from './state.js';

/** Saves wait at most this long, or for this many articles, to share one transaction. */
const SAVE_DELAY_MS = 250;
const SAVE_BATCH = 100;
/** The queue yields to the page after using this much of the main thread (ms). */
const BREATHE_MS = 8;
/** Names listed in a message before "and N more". */
const NAMES_SHOWN = 5;

/** What went wrong with a job, as a sentence naming it. */
export function failureMessage(label, err) {
  const why = (err && err.message) || String(err);
  switch (err && err.kind) {
    case 'timeout':
      return `${label} was stopped: ${why}. The analyzer was restarted; nothing else is affected. If it is a real article, split it into smaller files.`;
    case 'trap':
    case 'crashed':
      return `${label} made the analyzer fail (${why}) and was skipped. The analyzer was restarted; nothing else is affected.`;
    case 'memory':
      return `${label} needed more memory than the browser allows and was skipped. The analyzer was restarted; nothing else is affected.`;
    case 'unreadable':
      return `${label} was skipped: ${why}.`;
    case 'unavailable':
      return `${label} could not be analyzed: ${why}. Reload the page and add it again.`;
    default:
      return why;
  }
}

/** “a”, “b” and 3 more */
export function nameList(names) {
  const shown = names.slice(0, NAMES_SHOWN).map((n) => `“${n}”`);
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown.join('');
}

/**
 * @param {object} deps
 * @param {ReturnType<import('./client.js').createClient>} deps.client
 * @param {ReturnType<import('./corpus.js').createCorpus>} deps.corpus
 * @param {() => Promise<any>} deps.store     resolves to the store, or rejects with a StoreError
 * @param {() => number} deps.limit           the size limit in bytes
 * @param {object} deps.on
 * @param {(done: number, total: number, label: string) => void} deps.on.progress
 * @param {(summary: string, problems: boolean) => void} deps.on.finished
 * @param {(text: string, opts?: object) => void} deps.on.info
 * @param {(text: string, opts?: object) => void} deps.on.error
 * @param {(article: object, firstOfCall: boolean) => void} deps.on.added
 * @param {(active: boolean) => void} deps.on.busy
 * @param {(id: string) => void} deps.on.show
 */
export function createIntake({ client, corpus, store, limit, on }) {
  const queue = [];
  let running = null;
  let cancelled = false;
  /** Bumped by `stop`: results of jobs from an older epoch are dropped. */
  let epoch = 0;
  let batch = null;
  /** Ids removed elsewhere (another tab): restores of them are skipped. */
  const gone = new Set();
  const width = Math.max(2, (client.size || 1) * 2);

  // ---- saving, in batches ----
  let toSave = [];
  let saveTimer = null;
  let saving = Promise.resolve();
  const unsaved = [];
  let persistAsked = false;

  function save(article) {
    toSave.push(article);
    if (toSave.length >= SAVE_BATCH) flush();
    else saveTimer ||= setTimeout(flush, SAVE_DELAY_MS);
  }

  /** Writes what waits in one transaction; resolves when every write so far has settled. */
  function flush() {
    clearTimeout(saveTimer);
    saveTimer = null;
    const articles = toSave;
    toSave = [];
    if (articles.length) saving = saving.then(() => write(articles));
    return saving;
  }

  async function write(articles) {
    // Articles removed before their turn came are not written.
    const live = articles.filter((a) => corpus.get(a.id) === a);
    if (!live.length) return;
    try {
      const s = await store();
      await s.putMany(live.map(recordOf));
      if (!persistAsked) {
        persistAsked = true;
        s.persist().then((granted) => {
          if (granted === false)
            on.info('The browser has not granted this site persistent storage, so it may clear saved articles if space runs short. Export keeps a copy.', { key: 'persist' });
        });
      }
    } catch (err) {
      if (batch) batch.unsaved += live.length;
      unsaved.push(...live.map((a) => titleOf(a)));
      const what = `${unsaved.length === 1 ? 'this article is' : `these ${unsaved.length} articles are`} in the corpus for now but not saved: ${nameList(unsaved)}. They will be gone after a reload`;
      on.error(
        err.kind === 'quota'
          ? `Storage is full: ${what}. Everything saved before is kept. Remove some articles, or export the corpus to keep a copy.`
          : `${err.message}: ${what}. Export the corpus to keep them.`,
        { key: 'storage' },
      );
    }
  }

  // ---- the queue ----

  /**
   * When a new article was added: the clock, but always later than the one before, so that
   * articles admitted within one millisecond keep the order they were given in (the corpus
   * and storage order by it).
   */
  let lastStamp = 0;
  function stamp() {
    lastStamp = Math.max(Date.now(), lastStamp + 1);
    return lastStamp;
  }

  /** Adds an analyzed candidate, unless the corpus already has its text. */
  function admit(c, job) {
    const dup = corpus.withText(c.text);
    if (dup) {
      if (job.restore && dup.id === c.id) return; // already here (another tab announced it too)
      batch.duplicates += 1;
      on.info(`${job.label} is already in the corpus as “${titleOf(dup)}”.`, { timeout: 0, action: { label: 'Show it', run: () => on.show(dup.id) } });
      return;
    }
    const id = c.id && !corpus.get(c.id) ? c.id : corpus.freeId(articleId(c.text));
    const article = { id, origin: c.origin, fileName: c.fileName, text: c.text, meta: cleanMeta(c.meta), comments: c.comments || [], encoding: c.encoding, format: c.format, addedAt: c.addedAt ?? stamp(), report: c.report };
    corpus.add(article);
    batch.added += 1;
    // The first article of each drop, pick, paste or import is shown — decided per call.
    const first = job.group.show && !job.group.shown;
    job.group.shown ||= first;
    on.added(article, first);
    if (job.save) save(article);
  }

  async function loop() {
    on.busy(true);
    /** Jobs started on the pool, oldest first: {job, result}. */
    const started = [];
    let slice = performance.now();
    while (queue.length || started.length) {
      while (started.length < width && queue.length) {
        const job = queue.shift();
        if (cancelled || job.epoch !== epoch || (job.id && gone.has(job.id))) {
          if (job.epoch === epoch && batch) batch.cancelled += 1;
          continue;
        }
        let result;
        try {
          result = Promise.resolve(job.start()).then((v) => ({ ok: true, v }), (err) => ({ ok: false, err }));
        } catch (err) {
          result = Promise.resolve({ ok: false, err });
        }
        started.push({ job, result });
      }
      if (!started.length) break;
      const { job, result } = started.shift();
      if (batch && job.epoch === epoch) on.progress(batch.done, batch.total, `${job.verb} ${batch.done + 1} of ${batch.total}: ${job.label}`);
      const r = await result;
      if (job.epoch !== epoch) continue; // stopped (Reset): its batch is gone
      if (cancelled || (job.id && gone.has(job.id))) batch.cancelled += 1;
      else if (!r.ok) {
        batch.refused += 1;
        on.error(failureMessage(job.label, r.err));
      } else if (r.v) admit(r.v, job);
      batch.done += 1;
      // Let the page breathe between jobs: once a slice of BREATHE_MS has been used (a task
      // per job would be a thousand tasks for a thousand small files).
      if (performance.now() - slice > BREATHE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        slice = performance.now();
      }
    }
    const b = batch;
    batch = null;
    cancelled = false;
    on.busy(false);
    flush();
    if (!b) return;
    const parts = [`${b.added} article${b.added === 1 ? '' : 's'} added`];
    if (b.duplicates) parts.push(`${b.duplicates} already present`);
    if (b.refused) parts.push(`${b.refused} refused`);
    if (b.cancelled) parts.push(`${b.cancelled} cancelled`);
    on.finished(b.restore ? '' : parts.join(', '), b.refused > 0);
  }

  function run() {
    if (!running) running = loop().finally(() => (running = null));
    return running;
  }

  function enqueue(jobs, { restore = false, show = !restore, save = !restore } = {}) {
    if (!jobs.length) return Promise.resolve();
    // The jobs of one call (one drop, one pick, one paste) share whether one was shown.
    const group = { show, shown: false };
    for (const job of jobs) Object.assign(job, { group, epoch, restore, save });
    if (!batch) batch = { total: 0, done: 0, added: 0, duplicates: 0, refused: 0, cancelled: 0, unsaved: 0, restore };
    batch.restore = batch.restore && restore;
    batch.total += jobs.length;
    queue.push(...jobs);
    return run();
  }

  const tooLarge = (label, bytes) => Object.assign(new Error(tooLargeMessage(label, bytes, limit())), { kind: 'too_large' });

  /** A stored or imported record as a job: analyzed again, with its own id. */
  function recordJob(r, verb, label) {
    const name = cleanName(r.fileName);
    return {
      verb,
      id: r.id,
      label: name || r.meta.title || r.id,
      start: () => {
        const bytes = r.bytes ?? r.text.length;
        if (bytes > limit()) throw tooLarge(label, bytes);
        const meta = cleanMeta(r.meta);
        return client.analyze(r.text, name ? { ...meta, source: name } : meta).then((report) => ({ ...r, fileName: name || undefined, report }));
      },
    };
  }

  return {
    get busy() {
      return running != null;
    },
    /** Dropped or picked files (folders already walked): [{file, path, error?}]. */
    addFiles(items) {
      return enqueue(
        items.map(({ file, path, error }) => {
          const name = cleanName(path || (file && file.name)) || 'a file without a name';
          const label = `“${name}”`;
          return {
            verb: 'Adding',
            label,
            start: async () => {
              if (error || !file) throw Object.assign(new Error(`it could not be read (${error || 'unknown error'}); the other files are added`), { kind: 'unreadable' });
              // Checked before anything is read.
              if (file.size > limit()) throw tooLarge(label, file.size);
              const r = await client.file(file, name);
              return { ...r, origin: 'file', fileName: name };
            },
          };
        }),
      );
    },
    /** Pasted text with optional title and outlet. */
    addPaste({ text, title, outlet }) {
      return enqueue([
        {
          verb: 'Adding',
          label: 'The pasted text',
          start: async () => {
            const r = await client.text(text, cleanMeta({ title, outlet }));
            return { ...r, origin: 'paste' };
          },
        },
      ]);
    },
    /** Records already saved (an import, an undo): analyzed, added and shown, not saved again. */
    addSaved(records, source, { show = true, verb = 'Importing' } = {}) {
      return enqueue(records.map((r) => recordJob(r, verb, `“${r.meta.title || cleanName(r.fileName) || 'An article'}” from ${source}`)), { restore: false, show, save: false });
    },
    /** Records to import when there is no storage: analyzed, added and (tried to be) saved. */
    importRecords(records, source) {
      return enqueue(records.map((r) => recordJob(r, 'Importing', `“${r.meta.title || cleanName(r.fileName) || 'An article'}” from ${source}`)));
    },
    /** Records from IndexedDB, at start or from another tab: analyzed again, not saved again. */
    restore(records) {
      return enqueue(
        records.map((r) => recordJob(r, 'Restoring', `Saved article “${r.meta.title || cleanName(r.fileName) || r.id}”`)),
        { restore: true },
      );
    },
    /** Stops the batch between jobs; what is in flight is dropped. */
    cancel() {
      if (!running) return;
      cancelled = true;
      if (client.cancelAll) client.cancelAll();
    },
    /**
     * Stops everything now (Reset): queued and in-flight jobs are dropped, and resolves once
     * every article already added is written, so a following change sees them in storage.
     */
    async stop() {
      epoch += 1;
      queue.length = 0;
      if (client.cancelAll) client.cancelAll();
      if (batch) {
        batch = null;
        on.busy(false);
      }
      await flush();
    },
    /** Waits for pending saves (export reads storage). */
    flush,
    /** Ids removed in another tab: pending restores of them are skipped. */
    forget(ids) {
      for (const id of ids) gone.add(id);
    },
    /** Ids brought back: they may be restored again. */
    remember(ids) {
      for (const id of ids) gone.delete(id);
    },
  };
}
