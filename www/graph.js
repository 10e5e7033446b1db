// The stance network: holders → targets, aggregated over statements, and its layout. Pure:
// no DOM; unit-tested in node (e2e/unit/graph.test.mjs).
//
// Layout: a circle, one arc per bloc in a fixed order (Iran, Israel, Azerbaijan, the US, …),
// the busiest nodes first within their arc; edges are curves bent toward the centre. Why not
// a force layout (d3-force or one in the core): this one costs O(nodes + edges), no iteration,
// no dependency (d3-force and its quadtree would add ~15 kB and a few hundred ticks on every
// filter change), and it is stable by construction — the same data gives the same picture,
// and each bloc keeps its place on the circle whatever the filter, so a reader's eye does not
// have to find the nodes again. Blocs are what the page compares, so grouping by them is
// the reading the picture is for.
import { blocRank, polarityClass, titleOf } from './state.js';

/**
 * @typedef {{id: string, name: string, bloc: string|null, weight: number, x: number, y: number, angle: number}} Node
 * @typedef {{id: string, source: string, target: string, n: number, mean: number, cls: string, rows: EdgeRow[]}} Edge
 * @typedef {{article: string, title: string, statement: number, text: string, polarity: number, voice: string, holderName: string, rule: string|null}} EdgeRow
 */

/** A node id for a statement's holder: entities by id, authors by outlet. */
export function holderId(stmt) {
  return stmt.holder === 'author' ? 'author:' + (stmt.holder_name || 'Author') : stmt.holder;
}

/** The id of an edge, as the route carries it. */
export function edgeId(source, target) {
  return source + '>' + target;
}

/**
 * Aggregates statements into a graph.
 * @param {import('./state.js').Article[]} articles
 * @param {{voices?: Set<string>, top?: number}} opts  voices: keep only statements in these
 *   voices (all when empty); top: keep the `top` busiest nodes (all when 0)
 * @returns {{nodes: Node[], edges: Edge[], total: {nodes: number, edges: number}}}
 */
export function stanceGraph(articles, { voices = new Set(), top = 0 } = {}) {
  const nodes = new Map();
  const edges = new Map();
  const node = (id, name, bloc) => {
    let n = nodes.get(id);
    if (!n) nodes.set(id, (n = { id, name, bloc: bloc ?? null, weight: 0, x: 0, y: 0, angle: 0 }));
    return n;
  };
  for (const a of articles) {
    const title = titleOf(a);
    (a.report.statements || []).forEach((s, si) => {
      if (voices.size && !voices.has(s.voice)) return;
      const from = holderId(s);
      for (const t of s.targets || []) {
        if (!t.entity || t.entity === s.holder) continue;
        node(from, s.holder_name || s.holder || 'Author', s.holder_bloc).weight += 1;
        node(t.entity, t.name || t.entity, t.bloc).weight += 1;
        const id = edgeId(from, t.entity);
        let e = edges.get(id);
        if (!e) edges.set(id, (e = { id, source: from, target: t.entity, n: 0, mean: 0, cls: 'neu', rows: [] }));
        e.rows.push({ article: a.id, title, statement: si, text: s.text, polarity: Number(t.polarity) || 0, voice: s.voice, holderName: s.holder_name || s.holder, rule: s.rule ?? null });
      }
    });
  }
  const total = { nodes: nodes.size, edges: edges.size };
  let kept = [...nodes.values()].sort((x, y) => y.weight - x.weight || (x.id < y.id ? -1 : 1));
  if (top > 0) kept = kept.slice(0, top);
  const keep = new Set(kept.map((n) => n.id));
  const out = [];
  for (const e of edges.values()) {
    if (!keep.has(e.source) || !keep.has(e.target)) continue;
    e.n = e.rows.length;
    e.mean = e.rows.reduce((s, r) => s + r.polarity, 0) / e.n;
    e.cls = polarityClass(e.mean);
    out.push(e);
  }
  out.sort((x, y) => y.n - x.n || (x.id < y.id ? -1 : 1));
  return { nodes: kept, edges: out, total };
}

/** Room around the circle for labels (view-box units; labels are cut to LABEL_CHARS). */
const LABEL_ROOM = 190;
export const LABEL_CHARS = 24;

/** A node's label: its name, cut with an ellipsis to LABEL_CHARS (the full name is its title). */
export function nodeLabel(name) {
  const chars = Array.from(String(name));
  return chars.length > LABEL_CHARS ? chars.slice(0, LABEL_CHARS - 1).join('').trimEnd() + '…' : chars.join('');
}

/**
 * Places nodes on a circle, one arc per bloc (see the top of this file), with one empty
 * slot between blocs. Mutates and returns the nodes; `radius` grows with their number so
 * labels keep their room.
 * @param {Node[]} nodes
 * @returns {{radius: number, size: number}}  the circle's radius and the square it fits in
 */
export function circleByBloc(nodes) {
  nodes.sort((x, y) => blocRank(x.bloc) - blocRank(y.bloc) || y.weight - x.weight || (x.id < y.id ? -1 : 1));
  const gaps = nodes.reduce((g, n, i) => g + (i > 0 && n.bloc !== nodes[i - 1].bloc ? 1 : 0), 0) + (nodes.length > 1 ? 1 : 0);
  const slots = Math.max(1, nodes.length + gaps);
  const radius = Math.max(220, (slots * 22) / (2 * Math.PI));
  const size = 2 * (radius + LABEL_ROOM);
  let slot = 0;
  nodes.forEach((n, i) => {
    if (i > 0 && n.bloc !== nodes[i - 1].bloc) slot += 1;
    n.angle = -Math.PI / 2 + (2 * Math.PI * slot) / slots;
    n.x = Math.round((size / 2 + radius * Math.cos(n.angle)) * 10) / 10;
    n.y = Math.round((size / 2 + radius * Math.sin(n.angle)) * 10) / 10;
    slot += 1;
  });
  return { radius, size };
}

/** The SVG path of an edge: a curve bent toward the centre, ending short of its target. */
export function edgePath(a, b, size) {
  const c = size / 2;
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const qx = mx + (c - mx) * 0.55;
  const qy = my + (c - my) * 0.55;
  // Stop 10 units short of the target so the arrowhead does not cover its glyph.
  const dx = b.x - qx;
  const dy = b.y - qy;
  const len = Math.hypot(dx, dy) || 1;
  const ex = b.x - (dx / len) * 10;
  const ey = b.y - (dy / len) * 10;
  const r = (v) => Math.round(v * 10) / 10;
  return `M${r(a.x)},${r(a.y)} Q${r(qx)},${r(qy)} ${r(ex)},${r(ey)}`;
}
