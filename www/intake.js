// Everything that enters the corpus after the seeds goes through one queue: dropped and picked
// files, pasted text, imports, and articles restored from storage. One job at a time through
// the worker, so the page stays responsive; a batch can be cancelled between jobs.
import { articleId, cleanMeta, recordOf, formatSize } from './exchange.js';
import { titleOf } from './state.js';

/** The core refuses files over 5 MiB; past this the page does not even read them. */
const READ_LIMIT = 64 * 1024 * 1024;

/**
 * @param {object} deps
 * @param {ReturnType<import('./client.js').createClient>} deps.client
 * @param {ReturnType<import('./corpus.js').createCorpus>} deps.corpus
 * @param {() => Promise<any>} deps.store     resolves to the store, or rejects with a StoreError
 * @param {object} deps.on
 * @param {(done: number, total: number, label: string) => void} deps.on.progress
 * @param {(summary: string, problems: boolean) => void} deps.on.finished
 * @param {(text: string, opts?: object) => void} deps.on.info
 * @param {(text: string, opts?: object) => void} deps.on.error
 * @param {(article: object, firstOfCall: boolean) => void} deps.on.added
 * @param {(active: boolean) => void} deps.on.busy
 * @param {(id: string) => void} deps.on.show
 */
export function createIntake({ client, corpus, store, on }) {
  const queue = [];
  let running = false;
  let cancelled = false;
  let batch = null;
  /** The call the running job came from: `{shown}`. */
  let current = { shown: false };
  let storageWarned = false;

  async function persist(article) {
    try {
      await (await store()).put(recordOf(article));
    } catch (err) {
      batch.unsaved += 1;
      if (err.kind === 'quota' || !storageWarned) {
        storageWarned = err.kind !== 'quota';
        on.error(
          err.kind === 'quota'
            ? `Storage is full: “${titleOf(article)}” is in the corpus for now but will be gone after a reload. Everything saved before is kept. Remove some articles, or export the corpus to keep a copy.`
            : `${err.message}: added articles stay only until the page is closed. Export the corpus to keep them.`,
          { key: 'storage' },
        );
      }
    }
  }

  /** Analyzes an ingested text and adds it, unless the corpus already has that text. */
  async function admit({ text, meta, comments = [], encoding, format, origin, fileName, addedAt, save = true, label }) {
    if (!text || !text.trim()) throw new Error(`${label} has no text to analyze.`);
    const dup = corpus.withText(text);
    if (dup) {
      batch.duplicates += 1;
      on.info(`${label} is already in the corpus as “${titleOf(dup)}”.`, { timeout: 0, action: { label: 'Show it', run: () => on.show(dup.id) } });
      return;
    }
    const m = cleanMeta(meta);
    const report = await client.analyze(text, fileName ? { ...m, source: fileName } : m);
    const article = { id: corpus.freeId(articleId(text)), origin, fileName, text, meta: m, comments, encoding, format, addedAt: addedAt ?? Date.now(), report };
    corpus.add(article);
    batch.added += 1;
    // The first article of each drop, pick or paste is shown — decided per call, not per
    // batch, so a file dropped while the previous one is still being saved is shown too.
    const first = save && !current.shown;
    current.shown = current.shown || first;
    on.added(article, first);
    if (save) await persist(article);
  }

  async function run() {
    if (running) return;
    running = true;
    on.busy(true);
    while (queue.length) {
      const job = queue.shift();
      if (cancelled) {
        batch.cancelled += 1;
        continue;
      }
      on.progress(batch.done, batch.total, `${job.verb} ${batch.done + 1} of ${batch.total}: ${job.label}`);
      current = job.group;
      try {
        await job.run();
      } catch (err) {
        batch.refused += 1;
        on.error(err.message || String(err));
      }
      batch.done += 1;
      // Let the page breathe between jobs.
      await new Promise((r) => setTimeout(r, 0));
    }
    const b = batch;
    batch = null;
    running = false;
    cancelled = false;
    on.busy(false);
    const parts = [`${b.added} article${b.added === 1 ? '' : 's'} added`];
    if (b.duplicates) parts.push(`${b.duplicates} already present`);
    if (b.refused) parts.push(`${b.refused} refused`);
    if (b.cancelled) parts.push(`${b.cancelled} cancelled`);
    on.finished(b.restore ? '' : parts.join(', '), b.refused > 0);
  }

  function enqueue(jobs, { restore = false } = {}) {
    if (!jobs.length) return Promise.resolve();
    // The jobs of one call (one drop, one pick, one paste) share whether one was shown.
    const group = { shown: false };
    for (const job of jobs) job.group = group;
    if (!batch) batch = { total: 0, done: 0, added: 0, duplicates: 0, refused: 0, cancelled: 0, unsaved: 0, restore };
    batch.restore = batch.restore && restore;
    batch.total += jobs.length;
    queue.push(...jobs);
    return run();
  }

  return {
    get busy() {
      return running;
    },
    /** Dropped or picked files (folders already walked): [{file, path}]. */
    addFiles(items) {
      return enqueue(
        items.map(({ file, path }) => ({
          verb: 'Adding',
          label: path,
          run: async () => {
            const name = path || file.name;
            if (file.size > READ_LIMIT) throw new Error(`“${name}” is ${formatSize(file.size)}; the limit is 5 MB. Split it into smaller files.`);
            const bytes = new Uint8Array(await file.arrayBuffer());
            const ing = await client.ingest(bytes, name);
            await admit({ ...ing, meta: { ...ing.meta, title: ing.meta?.title || ing.title }, origin: 'file', fileName: name, label: `“${name}”` });
          },
        })),
      );
    },
    /** Pasted text with optional title and outlet. */
    addPaste({ text, title, outlet }) {
      return enqueue([
        {
          verb: 'Adding',
          label: 'pasted text',
          run: async () => {
            const ing = await client.ingestText(text);
            const meta = { ...ing.meta, title: title.trim() || ing.meta?.title || ing.title, outlet: outlet.trim() || ing.meta?.outlet };
            await admit({ ...ing, meta, origin: 'paste', label: 'The pasted text' });
          },
        },
      ]);
    },
    /** Records from an export file. */
    importRecords(records, fileName) {
      return enqueue(
        records.map((r) => ({
          verb: 'Importing',
          label: r.fileName || r.meta.title || 'article',
          run: () => admit({ ...r, label: `“${r.meta.title || r.fileName || 'An article'}” from ${fileName}` }),
        })),
      );
    },
    /** Records from IndexedDB, at start: analyzed again, not saved again. */
    restore(records) {
      return enqueue(
        records.map((r) => ({
          verb: 'Restoring',
          label: r.fileName || r.meta.title || 'article',
          run: () => admit({ ...r, save: false, label: `Saved article “${r.meta.title || r.fileName || r.id}”` }),
        })),
        { restore: true },
      );
    },
    cancel() {
      if (running) cancelled = true;
    },
  };
}
