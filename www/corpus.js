// The corpus in memory: seeds first (in index order), then added articles by when they
// were added. No DOM, no worker. Adding is incremental (a binary search for the place,
// entity totals updated by the new article alone), so a drop of n articles costs O(n),
// not O(n²); sorted views are made once, when read.
import * as S from './state.js';

/** Corpus order: seeds by index, then added articles by time, then id. */
function compare(a, b) {
  return (a.origin === 'seed' ? 0 : 1) - (b.origin === 'seed' ? 0 : 1) || (a.seedIndex ?? 0) - (b.seedIndex ?? 0) || (a.addedAt ?? 0) - (b.addedAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Where `a` goes in the sorted `list` (after its equals). */
function place(list, a) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid], a) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createCorpus() {
  /** @type {S.Article[]} */
  let list = [];
  const byId = new Map();
  const byText = new Map();
  /** Entity id → running totals (mentions, articles), unsorted. */
  const rows = new Map();
  /** The same rows, most mentioned first; rebuilt on first read after a change. */
  let sortedTotals = null;
  /** Viewpoint id → definition, in order of first appearance. */
  let viewpoints = new Map();
  let viewpointList = null;
  /** Articles per viewpoint they are written from, kept as articles come and go. */
  const perViewpoint = new Map();
  /** Bumped by every change: views that summarise the corpus redraw only when it moved. */
  let version = 0;

  function count(a, sign) {
    const label = a.report.viewpoint.label;
    const n = (perViewpoint.get(label) || 0) + sign;
    if (n > 0) perViewpoint.set(label, n);
    else perViewpoint.delete(label);
    version += 1;
    for (const e of a.report.entities || []) {
      let row = rows.get(e.id);
      if (!row) rows.set(e.id, (row = { id: e.id, name: e.name, type: e.type, bloc: e.bloc ?? null, mentions: 0, articles: 0 }));
      row.mentions += sign * (Number(e.mentions) || 0);
      row.articles += sign;
      if (row.articles <= 0) rows.delete(e.id);
    }
    sortedTotals = null;
  }

  function learnViewpoints(a) {
    for (const v of a.report.viewpoints || []) {
      if (!viewpoints.has(v.id)) {
        viewpoints.set(v.id, v);
        viewpointList = null;
      }
    }
  }

  function renumber(from) {
    for (let i = from; i < list.length; i++) list[i].order = i;
  }

  return {
    /** @returns {S.Article[]} in corpus order */
    get list() {
      return list;
    },
    /** Entity totals over the whole corpus, by id, most mentioned first. */
    get totals() {
      if (!sortedTotals) {
        const sorted = [...rows.values()].sort((x, y) => y.mentions - x.mentions || S.collate(x.name, y.name));
        sortedTotals = new Map(sorted.map((r) => [r.id, { ...r }]));
      }
      return sortedTotals;
    },
    /** How many articles are written from each viewpoint (S.viewpointCounts, kept). */
    get viewpointCounts() {
      return perViewpoint;
    },
    /** Changes with every article added or removed. */
    get version() {
      return version;
    },
    /** The viewpoints the analyzer knows. */
    get viewpoints() {
      return (viewpointList ||= [...viewpoints.values()]);
    },
    get(id) {
      return byId.get(id) || null;
    },
    /** The article with exactly this text, if any. */
    withText(text) {
      return byText.get(text) || null;
    },
    /** An id not yet taken, starting from `id`. */
    freeId(id) {
      let out = id;
      for (let n = 2; byId.has(out); n++) out = `${id}-${n}`;
      return out;
    },
    add(...articles) {
      let first = list.length;
      for (const a of articles) {
        if (byId.has(a.id)) continue;
        const at = place(list, a);
        if (at === list.length) list.push(a);
        else list.splice(at, 0, a);
        first = Math.min(first, at);
        byId.set(a.id, a);
        if (!byText.has(a.text)) byText.set(a.text, a);
        count(a, 1);
        learnViewpoints(a);
      }
      renumber(first);
    },
    /** Removes articles by id; returns the removed ones (for undo). */
    remove(ids) {
      const gone = new Set(ids);
      const removed = list.filter((a) => gone.has(a.id));
      if (!removed.length) return removed;
      list = list.filter((a) => !gone.has(a.id));
      for (const a of removed) {
        byId.delete(a.id);
        if (byText.get(a.text) === a) byText.delete(a.text);
        count(a, -1);
      }
      // Another article with the same text (kept before dedup existed) stays findable.
      for (const a of list) if (!byText.has(a.text)) byText.set(a.text, a);
      viewpoints = new Map();
      viewpointList = null;
      for (const a of list) learnViewpoints(a);
      renumber(0);
      return removed;
    },
    added() {
      return list.filter((a) => a.origin !== 'seed');
    },
  };
}
