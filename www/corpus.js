// The corpus in memory: seeds first (in index order), then added articles by when they
// were added. No DOM, no worker.
import * as S from './state.js';

export function createCorpus() {
  /** @type {S.Article[]} */
  let list = [];
  const byId = new Map();
  let totals = new Map();
  let viewpoints = [];

  function changed() {
    list.sort((a, b) => (a.origin === 'seed' ? 0 : 1) - (b.origin === 'seed' ? 0 : 1) || (a.seedIndex ?? 0) - (b.seedIndex ?? 0) || (a.addedAt ?? 0) - (b.addedAt ?? 0) || (a.id < b.id ? -1 : 1));
    list.forEach((a, i) => (a.order = i));
    totals = new Map(S.entityTotals(list).map((e) => [e.id, e]));
    viewpoints = S.viewpointsOf(list);
  }

  return {
    /** @returns {S.Article[]} in corpus order */
    get list() {
      return list;
    },
    /** Entity totals over the whole corpus, by id. */
    get totals() {
      return totals;
    },
    /** The viewpoints the analyzer knows. */
    get viewpoints() {
      return viewpoints;
    },
    get(id) {
      return byId.get(id) || null;
    },
    /** The article with exactly this text, if any. */
    withText(text) {
      return list.find((a) => a.text === text) || null;
    },
    /** An id not yet taken, starting from `id`. */
    freeId(id) {
      let out = id;
      for (let n = 2; byId.has(out); n++) out = `${id}-${n}`;
      return out;
    },
    add(...articles) {
      for (const a of articles) {
        if (byId.has(a.id)) continue;
        list.push(a);
        byId.set(a.id, a);
      }
      changed();
    },
    /** Removes articles by id; returns the removed ones (for undo). */
    remove(ids) {
      const gone = new Set(ids);
      const removed = list.filter((a) => gone.has(a.id));
      list = list.filter((a) => !gone.has(a.id));
      for (const a of removed) byId.delete(a.id);
      changed();
      return removed;
    },
    added() {
      return list.filter((a) => a.origin !== 'seed');
    },
  };
}
