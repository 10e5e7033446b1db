// One subject seen from every side: what each viewpoint's articles (or voices) say about a
// target or a pair, and the blindspots — what only one side speaks of. Pure: no DOM, no
// worker; unit-tested in node (e2e/unit/sides.test.mjs).
import { collate, titleOf } from './state.js';

/**
 * @typedef {object} SideRow  one statement about the target (one of its targets)
 * @property {string} article
 * @property {string} title
 * @property {number} statement   index in the article's report
 * @property {string} holder
 * @property {string} holderName
 * @property {string|null} holderBloc
 * @property {string} target
 * @property {string} targetName
 * @property {string|null} targetBloc
 * @property {number} polarity
 * @property {string} text        the evidence sentence
 * @property {string} voice
 * @property {string} side        the column: the article's viewpoint or the voice
 * @property {string|null} rule
 */

/** True when the statement (holder → one target) is about `t`, or about the pair `t`–`w`. */
function isAbout(stmt, target, t, w) {
  if (!target.entity || target.entity === stmt.holder) return false;
  if (!w) return target.entity === t;
  const pair = target.entity === t || target.entity === w;
  if (!pair) return false;
  const other = target.entity === t ? w : t;
  // Either party speaking of the other, or anyone speaking of both at once ("the ties").
  return stmt.holder === other || (stmt.targets || []).some((x) => x.entity === other);
}

/**
 * The statements about a target (or a pair), one column per side.
 * @param {import('./state.js').Article[]} articles
 * @param {{id: string, label: string, bloc: string|null}[]} viewpoints  every column, in order
 * @param {{t: string, w?: string|null, by?: 'article'|'voice'}} about
 * @returns {{side: string, rows: SideRow[], mean: number, n: number, articles: number}[]}
 */
export function compareSides(articles, viewpoints, { t, w = null, by = 'article' }) {
  const columns = new Map(viewpoints.map((v) => [v.id, { side: v.id, rows: [], mean: 0, n: 0, articles: 0 }]));
  const column = (id) => {
    if (!columns.has(id)) columns.set(id, { side: id, rows: [], mean: 0, n: 0, articles: 0 });
    return columns.get(id);
  };
  for (const a of articles) {
    const label = a.report.viewpoint.label;
    column(label).articles += 1;
    (a.report.statements || []).forEach((s, si) => {
      for (const target of s.targets || []) {
        if (!isAbout(s, target, t, w)) continue;
        const side = by === 'voice' ? s.voice : label;
        column(side).rows.push({
          article: a.id,
          title: titleOf(a),
          statement: si,
          holder: s.holder,
          holderName: s.holder_name || s.holder || 'author',
          holderBloc: s.holder_bloc ?? null,
          target: target.entity,
          targetName: target.name || target.entity,
          targetBloc: target.bloc ?? null,
          polarity: Number(target.polarity) || 0,
          text: s.text,
          voice: s.voice,
          side,
          rule: s.rule ?? null,
        });
      }
    });
  }
  for (const c of columns.values()) {
    c.n = c.rows.length;
    c.mean = c.n ? c.rows.reduce((sum, r) => sum + r.polarity, 0) / c.n : 0;
  }
  return [...columns.values()];
}

/**
 * Entities that statements speak of (as target) or that speak (as holder), with how many
 * statements: the choices of the compare view, the most spoken of first.
 * @returns {{id: string, name: string, bloc: string|null, n: number}[]}
 */
export function targetChoices(articles) {
  const byId = new Map();
  const count = (id, name, bloc) => {
    const e = byId.get(id) || { id, name, bloc: bloc ?? null, n: 0 };
    e.n += 1;
    byId.set(id, e);
  };
  for (const a of articles) {
    for (const s of a.report.statements || []) {
      for (const t of s.targets || []) if (t.entity && t.entity !== s.holder) count(t.entity, t.name || t.entity, t.bloc);
    }
  }
  return [...byId.values()].sort((x, y) => y.n - x.n || collate(x.name, y.name));
}

/**
 * The entities that share statements with `t` (either speaks of the other, or both are
 * spoken of together): the partners a pair can be made with, most shared first.
 */
export function partnersOf(articles, t) {
  const byId = new Map();
  const count = (id, name, bloc) => {
    if (!id || id === t) return;
    const e = byId.get(id) || { id, name, bloc: bloc ?? null, n: 0 };
    e.n += 1;
    byId.set(id, e);
  };
  for (const a of articles) {
    for (const s of a.report.statements || []) {
      const targets = (s.targets || []).filter((x) => x.entity && x.entity !== s.holder);
      const hasT = targets.some((x) => x.entity === t);
      if (s.holder === t) for (const x of targets) count(x.entity, x.name, x.bloc);
      else if (hasT) {
        if (s.holder !== 'author') count(s.holder, s.holder_name, s.holder_bloc);
        for (const x of targets) count(x.entity, x.name, x.bloc);
      }
    }
  }
  return [...byId.values()].sort((x, y) => y.n - x.n || collate(x.name, y.name));
}

/**
 * Blindspots: targets and holders that only one side's articles speak of. Meaningful once
 * articles from two sides or more are loaded (otherwise every entity is one side's).
 * @returns {{sides: number, targets: Map<string, Spoken[]>, holders: Map<string, Spoken[]>}}
 *   per side, what only its articles speak of, the most spoken of first
 * @typedef {{id: string, name: string, bloc: string|null, n: number, articles: number}} Spoken
 */
export function blindspots(articles) {
  const sides = new Set(articles.map((a) => a.report.viewpoint.label));
  const tally = () => new Map();
  const targets = tally();
  const holders = tally();
  const note = (map, id, name, bloc, side, article) => {
    let e = map.get(id);
    if (!e) map.set(id, (e = { id, name, bloc: bloc ?? null, n: 0, sides: new Set(), articles: new Set() }));
    e.n += 1;
    e.sides.add(side);
    e.articles.add(article);
  };
  for (const a of articles) {
    const side = a.report.viewpoint.label;
    for (const s of a.report.statements || []) {
      const spoken = (s.targets || []).filter((x) => x.entity && x.entity !== s.holder);
      if (!spoken.length) continue;
      if (s.holder !== 'author') note(holders, s.holder, s.holder_name || s.holder, s.holder_bloc, side, a.id);
      for (const x of spoken) note(targets, x.entity, x.name || x.entity, x.bloc, side, a.id);
    }
  }
  const onlyOne = (map) => {
    const out = new Map();
    for (const e of map.values()) {
      if (e.sides.size !== 1) continue;
      const [side] = e.sides;
      if (!out.has(side)) out.set(side, []);
      out.get(side).push({ id: e.id, name: e.name, bloc: e.bloc, n: e.n, articles: e.articles.size });
    }
    for (const list of out.values()) list.sort((x, y) => y.n - x.n || collate(x.name, y.name));
    return out;
  };
  return { sides: sides.size, targets: onlyOne(targets), holders: onlyOne(holders) };
}
