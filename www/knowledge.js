// The user's own knowledge: loaded at start (before any article is analyzed), checked by the
// Rust validator in a worker, saved to its own IndexedDB database, and then every worker is
// restarted with it and the whole corpus re-analysed, off the main thread. Invalid entries
// change nothing: the built-in knowledge and what was saved before stay in force.
import * as S from './state.js';
import { loadKnowledge, saveKnowledge } from './knowledge-store.js';
import { formatKnowledge, parseKnowledge, PARTS } from './knowledge-file.js';
import { cleanMeta, cleanName } from './exchange.js';

/** Knowledge files are small: rows typed by hand. */
export const KNOWLEDGE_FILE_LIMIT = 5 * 1024 * 1024;

/**
 * @param {object} deps
 * @param {ReturnType<import('./client.js').createClient>} deps.client
 * @param {ReturnType<import('./corpus.js').createCorpus>} deps.corpus
 * @param {Record<string, any>} deps.views   editor, notices, status, ingest (download)
 * @param {() => void} deps.render
 */
export function createKnowledge({ client, corpus, views, render }) {
  let epoch = 0;
  let saved = null;
  // Open tabs follow each other's knowledge (the workers of each read it as they start).
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('parallax-knowledge') : null;
  if (channel) channel.onmessage = () => followOtherTab().catch(() => {});

  async function followOtherTab() {
    const overlay = await loadKnowledge();
    const res = await client.knowledge(overlay);
    if (res.problems.length) return;
    saved = overlay;
    views.editor.setValues(overlay);
    views.editor.report([], 'Changed in another tab; the corpus is re-analysed with it.');
    client.restart();
    show(res.knowledge);
    views.notices.info('Your knowledge was changed in another tab: the corpus is re-analysed with it.', { key: 'knowledge' });
    await reanalyse();
  }

  /** The display data shown last. */
  let shown = null;

  function show(knowledge) {
    shown = knowledge;
    S.setKnowledge(knowledge);
    views.editor.knowledge(knowledge);
  }

  const count = (list) => `${list.length} problem${list.length === 1 ? '' : 's'}`;

  /** Every article analysed again with the workers' current knowledge; one swap at the end. */
  async function reanalyse() {
    const mine = ++epoch;
    const articles = corpus.list.slice();
    let done = 0;
    views.status.progress(0, articles.length, `Re-analysing ${articles.length} articles…`);
    const results = await Promise.all(
      articles.map((a) =>
        client.analyze(a.text, { ...cleanMeta(a.meta || {}), ...(a.fileName ? { source: a.fileName } : {}) }).then(
          (report) => {
            views.status.progress(++done, articles.length, `Re-analysed ${done} of ${articles.length} articles…`);
            return { ...a, report };
          },
          () => a,
        ),
      ),
    );
    if (mine !== epoch) return;
    const still = results.filter((a) => corpus.get(a.id));
    corpus.remove(still.map((a) => a.id));
    corpus.add(...still);
    views.status.done(`${corpus.list.length} articles, re-analysed with your knowledge`);
    render();
  }

  /** The saved knowledge being read (started early by `read`). */
  let reading = null;

  return {
    /** Starts reading the saved knowledge (while the analyzer starts); `load` takes it. */
    read() {
      if (typeof indexedDB === 'undefined') return;
      reading = loadKnowledge();
      reading.catch(() => {}); // reported by load
    },
    /**
     * At start: the saved knowledge, checked; the display data for the page. `builtIn` is
     * the built-in knowledge's blocs and viewpoints when the analyzer sent them as it
     * started: with nothing saved, nothing is left to check (the entities: `complete`).
     */
    async load(builtIn = null) {
      try {
        // Without IndexedDB there is nothing saved (the page already says storage is missing).
        saved = typeof indexedDB === 'undefined' ? null : await (reading || loadKnowledge());
      } catch (err) {
        views.notices.error(`Your own knowledge could not be read (${err.message}); the built-in knowledge is used. Nothing was deleted: reload to try again.`, { key: 'knowledge' });
      }
      reading = null;
      // The saved texts stay in the editor (and in storage) whatever the check says.
      views.editor.setValues(saved);
      let res;
      try {
        res = !saved && builtIn ? { problems: [], knowledge: builtIn } : await client.knowledge(saved);
      } catch (err) {
        if (err.kind !== 'unavailable') throw err;
        // Offline before the built-in data files were ever cached: the workers use the
        // built-in knowledge, and the page draws with it.
        views.notices.error(`Your own knowledge is not in use: ${err.message}. The built-in knowledge is used meanwhile; nothing was deleted.`, { key: 'knowledge' });
        views.editor.report([], `Not in use: ${err.message}.`);
        res = builtIn ? { problems: [], knowledge: builtIn } : await client.knowledge(null);
      }
      if (saved && res.problems.length) {
        views.notices.error(`Your saved knowledge has ${count(res.problems)} with this version of Parallax, so the built-in knowledge is used: open Knowledge to fix them.`, { key: 'knowledge' });
        views.editor.report(res.problems, 'Your saved knowledge is not in use until these are fixed.');
      }
      show(res.knowledge);
    },

    /**
     * The editor's entity suggestions, when the knowledge shown came without them (the
     * built-in blocs and viewpoints the analyzer sends as it starts): asked for once the
     * seeds are drawn. Should it fail, the editor goes without suggestions.
     */
    async complete() {
      if (!shown || shown.entities) return;
      const asked = shown;
      try {
        const res = await client.knowledge(null);
        if (shown === asked && !res.problems.length) show(res.knowledge);
      } catch {
        // Only the suggestions are missing.
      }
    },

    /**
     * Checks, saves and applies the user's knowledge. @returns {Promise<boolean>} applied
     * @param {{blocs: string, entities: string, cues: string}} overlay
     */
    async apply(overlay, { added = null, source = null } = {}) {
      const empty = PARTS.every((p) => !String(overlay[p.key] || '').trim());
      let res;
      try {
        res = await client.knowledge(empty ? null : overlay);
      } catch (err) {
        if (err.kind !== 'unavailable') throw err;
        views.editor.report([], `${source ? `“${cleanName(source)}” was not applied: ` : ''}it could not be checked: ${err.message}. Nothing was saved or changed, and the knowledge in use is as it was.`);
        return false;
      }
      if (res.problems.length) {
        views.editor.report(res.problems, `${source ? `“${cleanName(source)}” was not applied: ` : ''}${count(res.problems)}; nothing was saved or changed, and the knowledge in use is as it was.`);
        return false;
      }
      try {
        await saveKnowledge(overlay);
      } catch (err) {
        // The workers read the knowledge from storage: what is not saved cannot be applied.
        views.editor.report([`Your knowledge could not be saved (${err.message}), so it is not applied.`], 'Nothing was changed.');
        return false;
      }
      saved = overlay;
      channel?.postMessage('changed');
      views.editor.report([], `${source ? `“${cleanName(source)}” imported and ` : ''}${added ? `“${added}” added; ` : ''}saved. Re-analysing the corpus…`);
      client.restart();
      show(res.knowledge);
      await reanalyse();
      views.editor.report([], `${source ? `“${cleanName(source)}” imported. ` : ''}${added ? `“${added}” added. ` : ''}Saved; the corpus is re-analysed.`);
      return true;
    },

    /** The editor's texts as one file, in the formats of the built-in files. */
    exportFile(overlay) {
      views.ingest.download('parallax-knowledge.txt', formatKnowledge(overlay), 'text/plain');
    },

    /** A knowledge file: its parts replace the editor's, then checked and applied. */
    async importFile(file) {
      const name = cleanName(file.name);
      if (file.size > KNOWLEDGE_FILE_LIMIT) {
        views.editor.report([], `“${name}” is too large for a knowledge file (over 5 MB): nothing was imported.`);
        return false;
      }
      let parts;
      try {
        parts = parseKnowledge(await file.text(), file.name);
      } catch (err) {
        views.editor.report([], `“${name}” cannot be imported: ${err.message}. Nothing was changed.`);
        return false;
      }
      // The file's rows go into the editor either way, so its problems can be fixed there.
      const overlay = { ...views.editor.values(), ...parts };
      views.editor.setValues(overlay);
      return this.apply(overlay, { source: file.name });
    },
  };
}
