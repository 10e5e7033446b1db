// Pure logic over the corpus: filtering, sorting, corpus-wide counts, stance tables.
// No DOM, no worker; unit-tested in node (e2e/unit/state.test.mjs).

/**
 * @typedef {object} Article
 * @property {string} id
 * @property {'seed'|'file'|'paste'|'import'} origin
 * @property {string} text           the analyzed text (offsets of `report` point into it)
 * @property {object} meta           {title, outlet, url, date, author, source}
 * @property {object} report         what Analyzer.analyze returned
 * @property {string} [fileName]
 * @property {string[]} [comments]   reader comments kept apart by ingest: never analyzed
 * @property {number} [order]        position in the corpus (insertion order)
 */

/** Case-, accent- and quote-insensitive form for search. */
export function fold(s) {
  return String(s ?? '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[‘’‚‛]/g, "'")
    .replace(/[“”„‟]/g, '"')
    .replace(/[‐-―−]/g, '-')
    .toLowerCase()
    .replace(/ə/g, 'e')
    .replace(/ı/g, 'i');
}

/** The first words of a text, cut at a word boundary near `max` characters. */
export function excerpt(text, max = 90) {
  const line = String(text || '').trim().split(/\r?\n/)[0].trim().replace(/\s+/g, ' ');
  if (line.length <= max) return line;
  const cut = line.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut.slice(0, max)).replace(/[\s,;:.–—-]+$/, '') + '…';
}

/** The article's title; for texts without one, their opening words. @param {Article} a */
export function titleOf(a) {
  return (a.meta && a.meta.title) || (a.report && a.report.title) || excerpt(a.text) || a.fileName || 'Untitled';
}

/** @param {number} c  0..1 */
export function percent(c) {
  return Math.round(Math.max(0, Math.min(1, Number(c) || 0)) * 100) + '%';
}

/** Signed polarity as text: "−0.80", "+0.35", "0.00". */
export function formatPolarity(p) {
  const n = Number(p) || 0;
  const abs = Math.abs(n).toFixed(2);
  if (abs === '0.00') return '0.00';
  return (n < 0 ? '−' : '+') + abs;
}

/** 'neg' | 'pos' | 'neu' for one polarity. */
export function polarityClass(p) {
  const n = Number(p) || 0;
  if (n <= -0.15) return 'neg';
  if (n >= 0.15) return 'pos';
  return 'neu';
}

/** A statement's overall polarity: its targets' mean and whether they disagree. */
export function statementPolarity(stmt) {
  const ps = (stmt.targets || []).map((t) => Number(t.polarity) || 0);
  if (!ps.length) return { mean: 0, cls: 'neu' };
  const mean = ps.reduce((a, b) => a + b, 0) / ps.length;
  const signs = new Set(ps.map(polarityClass).filter((c) => c !== 'neu'));
  return { mean, cls: signs.size > 1 ? 'mix' : polarityClass(mean) };
}

const haystacks = new WeakMap();
function haystack(a) {
  let h = haystacks.get(a);
  if (h === undefined) {
    const m = a.meta || {};
    h = fold([titleOf(a), m.outlet, m.author, m.date, a.fileName, a.text].filter(Boolean).join('\n'));
    haystacks.set(a, h);
  }
  return h;
}

/** The query's folded words (folded once per filter, not once per article). */
function queryWords(query) {
  return fold(query).split(/\s+/).filter(Boolean);
}

/** Every word of the query appears in the title, outlet, author, date, file name or text. */
export function matchesQuery(a, query) {
  return matchesWords(a, queryWords(query));
}

function matchesWords(a, words) {
  if (!words.length) return true;
  const h = haystack(a);
  return words.every((w) => h.includes(w));
}

export function mentionsEntity(a, entityId) {
  return !entityId || (a.report.entities || []).some((e) => e.id === entityId);
}

/**
 * The corpus list under a filter.
 * `primary`: articles written from one of the chosen viewpoints (all, when none is chosen).
 * `quoting`: the other articles that quote a chosen voice (shown apart, dimmed).
 * @param {Article[]} articles
 * @param {{viewpoints?: Iterable<string>, entity?: string|null, query?: string}} filter
 */
export function filterCorpus(articles, { viewpoints = [], entity = null, query = '' } = {}) {
  const vps = new Set(viewpoints);
  const words = queryWords(query);
  // No filter at all (the usual case while a drop streams in): the list itself, not a copy.
  const base = !words.length && !entity ? articles : articles.filter((a) => matchesWords(a, words) && mentionsEntity(a, entity));
  if (!vps.size) return { primary: base, quoting: [] };
  const primary = [];
  const quoting = [];
  for (const a of base) {
    if (vps.has(a.report.viewpoint.label)) primary.push(a);
    else if ((a.report.statements || []).some((s) => vps.has(s.voice))) quoting.push(a);
  }
  return { primary, quoting };
}

/** Dimmed: a viewpoint filter is on and the statement's voice is not in it. */
export function isDimmed(stmt, viewpoints) {
  const vps = viewpoints instanceof Set ? viewpoints : new Set(viewpoints);
  return vps.size > 0 && !vps.has(stmt.voice);
}

/** Each order's key of one article (computed once per article and sort, not per comparison). */
const SORT_KEYS = {
  date: (a) => String(a.meta.date || ''),
  title: (a) => fold(titleOf(a)),
  outlet: (a) => fold(a.meta.outlet || '\uffff'),
  confidence: (a) => a.report.viewpoint.confidence || 0,
  entities: (a) => a.report.entities.length,
  statements: (a) => a.report.statements.length,
};
/** What `localeCompare` does, without building a collator per call (made on the first
 * sort: making one costs tens of milliseconds at start). */
let collator = null;
/** `x.localeCompare(y)`, with one collator for the page (`localeCompare` looks one up per
 * call: sorting a few hundred entities that way took tens of milliseconds). */
export const collate = (x, y) => (collator ||= new Intl.Collator()).compare(x, y);
/** How two keys compare: strings ascending (dates newest first), numbers largest first. */
const SORT_CMP = {
  date: (x, y) => collate(y, x),
  title: collate,
  outlet: collate,
  confidence: (x, y) => y - x,
  entities: (x, y) => y - x,
  statements: (x, y) => y - x,
};

/** A sorted copy; ties keep corpus order. */
export function sortArticles(list, key = 'corpus') {
  const keyOf = SORT_KEYS[key];
  const order = (x) => x.a.order ?? x.i;
  if (!keyOf) return list.map((a, i) => ({ a, i })).sort((x, y) => order(x) - order(y)).map((x) => x.a);
  const cmp = SORT_CMP[key];
  return list
    .map((a, i) => ({ a, i, k: keyOf(a) }))
    .sort((x, y) => cmp(x.k, y.k) || order(x) - order(y))
    .map((x) => x.a);
}

/**
 * Entities with their mention counts over a set of articles, most mentioned first.
 * @returns {{id, name, type, bloc, mentions: number, articles: number}[]}
 */
export function entityTotals(articles) {
  const byId = new Map();
  for (const a of articles) {
    for (const e of a.report.entities || []) {
      let row = byId.get(e.id);
      if (!row) byId.set(e.id, (row = { id: e.id, name: e.name, type: e.type, bloc: e.bloc ?? null, mentions: 0, articles: 0 }));
      row.mentions += Number(e.mentions) || 0;
      row.articles += 1;
    }
  }
  return [...byId.values()].sort((x, y) => y.mentions - x.mentions || collate(x.name, y.name));
}

/** The viewpoints the analyzer knows, from the reports (the set is data, not code). */
export function viewpointsOf(articles) {
  const seen = new Map();
  for (const a of articles) for (const v of a.report.viewpoints || []) if (!seen.has(v.id)) seen.set(v.id, v);
  return [...seen.values()];
}

/** How many articles are written from each viewpoint. */
export function viewpointCounts(articles) {
  const n = new Map();
  for (const a of articles) n.set(a.report.viewpoint.label, (n.get(a.report.viewpoint.label) || 0) + 1);
  return n;
}

/**
 * One row per (statement, target), for the stances panel.
 * @param {Article[]} articles
 * @param {Iterable<string>} viewpoints  voices outside it are marked `dim`
 */
export function stanceRows(articles, viewpoints = []) {
  const vps = new Set(viewpoints);
  const rows = [];
  for (const a of articles) {
    (a.report.statements || []).forEach((s, si) => {
      for (const t of s.targets || []) {
        if (!t.entity || t.entity === s.holder) continue;
        rows.push({
          article: a.id,
          statement: si,
          holder: s.holder,
          holderName: s.holder_name || s.holder || 'author',
          holderBloc: s.holder_bloc ?? null,
          voice: s.voice,
          target: t.entity,
          targetName: t.name || t.entity,
          targetBloc: t.bloc ?? null,
          polarity: Number(t.polarity) || 0,
          text: s.text,
          dim: isDimmed(s, vps),
        });
      }
    });
  }
  return rows;
}

/**
 * Holder × target mean polarity over the undimmed rows; the most active holders and targets.
 * @returns {{holders: {id, name, bloc}[], targets: {id, name, bloc}[], cell: (h: string, t: string) => ({mean: number, n: number}|null)}}
 */
export function stanceMatrix(rows, limit = 8) {
  const live = rows.filter((r) => !r.dim);
  const count = (key, name, bloc) => {
    const m = new Map();
    for (const r of live) {
      const id = r[key];
      const e = m.get(id) || { id, name: r[name], bloc: r[bloc], n: 0 };
      e.n += 1;
      m.set(id, e);
    }
    return [...m.values()].sort((x, y) => y.n - x.n || collate(x.name, y.name)).slice(0, limit);
  };
  const cells = new Map();
  for (const r of live) {
    const k = r.holder + '\u0000' + r.target;
    const c = cells.get(k) || { sum: 0, n: 0 };
    c.sum += r.polarity;
    c.n += 1;
    cells.set(k, c);
  }
  return {
    holders: count('holder', 'holderName', 'holderBloc'),
    targets: count('target', 'targetName', 'targetBloc'),
    cell(h, t) {
      const c = cells.get(h + '\u0000' + t);
      return c ? { mean: c.sum / c.n, n: c.n } : null;
    },
  };
}

/** The id `delta` steps from `current` in `ids` (clamped); the first when `current` is absent. */
export function neighbour(ids, current, delta) {
  if (!ids.length) return null;
  const i = ids.indexOf(current);
  if (i < 0) return ids[delta < 0 ? ids.length - 1 : 0];
  return ids[Math.max(0, Math.min(ids.length - 1, i + delta))];
}

// ---- The knowledge's display data: blocs and viewpoints come from the analyzer
// (data/blocs.txt, data/viewpoints.txt through `Analyzer.knowledge()`), never from here.

/** @type {Map<string, {id: string, name: string, glyph: string, slot: number}>} */
const blocs = new Map();

/** Blocs in display order (legends, the network's sectors); null (no bloc) last. Refilled
 * in place by `setKnowledge`. */
export const BLOC_ORDER = [null];

/**
 * Takes the analyzer's display data: `{blocs: [{id, name, glyph, slot}], viewpoints}`.
 * @param {{blocs?: {id: string, name: string, glyph: string, slot: number}[]}} knowledge
 */
export function setKnowledge(knowledge) {
  blocs.clear();
  for (const b of (knowledge && knowledge.blocs) || []) blocs.set(b.id, b);
  BLOC_ORDER.splice(0, BLOC_ORDER.length, ...blocs.keys(), null);
}

/** A bloc's display data; unknown blocs are shown as `other`, no bloc as null. */
export function blocInfo(bloc) {
  if (!bloc) return null;
  return blocs.get(bloc) || blocs.get('other') || null;
}

/** A bloc's glyph ('◌' for none). */
export function blocGlyph(bloc) {
  const b = blocInfo(bloc);
  return b ? b.glyph : '◌';
}

/** A bloc's colour slot in the palette (style.css `.slot-N`); 0 for none or unknown. */
export function blocSlot(bloc) {
  const b = blocInfo(bloc);
  return b ? b.slot : 0;
}

/** Position of a bloc in BLOC_ORDER (unknown blocs after the known ones, before none). */
export function blocRank(bloc) {
  const i = BLOC_ORDER.indexOf(bloc ?? null);
  return i < 0 ? BLOC_ORDER.length - 1.5 : i;
}

/** '−' | '+' | '○' | '±' for a polarity class. */
export const SIGNS = { neg: '−', pos: '+', neu: '○', mix: '±' };

/**
 * A statement's marker: its holder, its targets and its sign ("Iran → Azerbaijan −").
 * @param {object} stmt  a report statement
 */
export function statementTag(stmt) {
  const who = stmt.holder_name || stmt.holder || 'author';
  const names = [...new Set((stmt.targets || []).filter((t) => t.entity !== stmt.holder).map((t) => t.name || t.entity))];
  const whom = names.length > 2 ? `${names.slice(0, 2).join(', ')} +${names.length - 2}` : names.join(', ');
  return `${who}${whom ? ' → ' + whom : ''} ${SIGNS[statementPolarity(stmt).cls]}`;
}

/** A bloc's display name ("us" → "United States", null → "No bloc"). */
export function blocName(bloc) {
  if (!bloc) return 'No bloc';
  const b = blocs.get(bloc);
  return b ? b.name : String(bloc).charAt(0).toUpperCase() + String(bloc).slice(1).replace(/_/g, ' ');
}

/** A viewpoint's label from the analyzer's list, or a readable form of its id. */
export function viewpointName(viewpoints, id) {
  const v = viewpoints.find((x) => x.id === id);
  if (v) return v.label;
  return String(id || 'unknown').replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
