// The stance network as SVG: holders → targets, edge colour = polarity, width = how often,
// nodes as their bloc's glyph and colour. Edges are one tab stop (arrows move between
// them, busiest first); a click or Enter lists an edge's evidence. Exports SVG and PNG.
import { $, h, fill, blocClass } from './dom.js';
import { formatPolarity, polarityClass, blocGlyph, blocName, BLOC_ORDER } from '../state.js';
import { edgePath, nodeLabel } from '../graph.js';
import { bindRoving, focusAt } from './roving.js';

const NS = 'http://www.w3.org/2000/svg';

/** An SVG element; attribute values become attributes, never markup. */
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c != null) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

const width = (n) => Math.min(9, 1.2 + Math.sqrt(n) * 1.3).toFixed(2);
const glyphSize = (weight) => Math.min(30, 11 + Math.sqrt(weight) * 2.2).toFixed(1);
const describe = (e, nodes) => `${nodes.get(e.source).name} → ${nodes.get(e.target).name}: ${e.n} statement${e.n === 1 ? '' : 's'}, mean ${formatPolarity(e.mean)}`;

// Properties copied from the page's stylesheet into an exported SVG, so it looks the same
// outside the page: as presentation attributes (a style attribute would break the page's CSP).
const INLINE = ['fill', 'stroke', 'stroke-width', 'stroke-opacity', 'fill-opacity', 'opacity', 'font-family', 'font-size', 'font-weight'];

export function createNetworkView() {
  const graphBox = $('network-graph');
  const caption = $('network-caption');
  const evidence = $('network-evidence');
  const legend = $('network-legend');
  const set = /** @type {HTMLSelectElement} */ ($('network-set'));
  const top = /** @type {HTMLSelectElement} */ ($('network-top'));
  let onChange = () => {};
  let onExport = () => {};
  let drawnKey = null;
  let edgeEls = [];
  let data = null;

  set.addEventListener('change', () => onChange({ set: set.value, edge: null }));
  top.addEventListener('change', () => onChange({ top: Number(top.value), edge: null }));
  $('network-svg').addEventListener('click', () => onExport('svg'));
  $('network-png').addEventListener('click', () => onExport('png'));

  const edgeOf = (target) => (target instanceof Element ? target.closest('.edge') : null);
  graphBox.addEventListener('click', (e) => {
    const el = edgeOf(e.target);
    if (el) choose(el);
  });
  bindRoving(graphBox, () => edgeEls, (el) => {
    choose(el);
    return true;
  });

  function choose(el) {
    focusAt(edgeEls, edgeEls.indexOf(el));
    onChange({ edge: el.dataset.edge });
  }

  function draw(graph) {
    const { nodes, edges, layout } = graph;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const size = Math.round(layout.size);
    const markers = ['neg', 'pos', 'neu'].map((c) =>
      s('marker', { id: `arrow-${c}`, viewBox: '0 0 10 10', refX: '8', refY: '5', markerWidth: '7', markerHeight: '7', markerUnits: 'userSpaceOnUse', orient: 'auto' },
        s('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrowhead pol-${c}` })),
    );
    // Thin edges first, so the busiest are drawn on top.
    edgeEls = edges.map((e) =>
      s('path', {
        class: `edge pol-${e.cls}`,
        d: edgePath(byId.get(e.source), byId.get(e.target), size),
        'stroke-width': width(e.n),
        'marker-end': `url(#arrow-${e.cls})`,
        tabindex: '-1',
        role: 'button',
        'aria-label': describe(e, byId),
        'data-edge': e.id,
      }),
    );
    if (edgeEls.length) edgeEls[0].setAttribute('tabindex', '0');
    const nodeEls = nodes.map((n) => {
      const right = Math.cos(n.angle) >= 0;
      const deg = (n.angle * 180) / Math.PI + (right ? 0 : 180);
      const off = Number(glyphSize(n.weight)) / 2 + 6;
      return s('g', { class: `node ${blocClass(n.bloc)}`, transform: `translate(${n.x},${n.y})` },
        s('title', {}, `${n.name} · ${blocName(n.bloc)} · ${n.weight} stance${n.weight === 1 ? '' : 's'}`),
        s('text', { class: 'glyph', 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': glyphSize(n.weight) }, blocGlyph(n.bloc)),
        s('text', { class: 'label', transform: `rotate(${deg.toFixed(1)})`, x: right ? off : -off, 'text-anchor': right ? 'start' : 'end', 'dominant-baseline': 'central' }, nodeLabel(n.name)),
      );
    });
    const svg = s('svg', { class: 'net', viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: 'group', 'aria-labelledby': 'network-svg-title' },
      s('title', { id: 'network-svg-title' }, `Stance network: ${nodes.length} holders and targets, ${edges.length} stances between them`),
      s('defs', {}, markers),
      s('g', { class: 'edges' }, [...edgeEls].reverse()),
      s('g', { class: 'nodes' }, nodeEls),
    );
    graphBox.replaceChildren(svg);
    const blocs = [...new Set(nodes.map((n) => n.bloc ?? null))].sort((a, b) => BLOC_ORDER.indexOf(a) - BLOC_ORDER.indexOf(b));
    fill(legend,
      blocs.map((b) => h('li', { class: 'who ' + blocClass(b) }, blocName(b))),
      ['neg', 'pos', 'neu'].map((c) => h('li', {}, h('span', { class: `swatch pol-${c}`, 'aria-hidden': 'true' }), { neg: 'negative', pos: 'positive', neu: 'neutral' }[c])),
      h('li', {}, 'wider: more statements'),
    );
  }

  function showEvidence(d) {
    const e = d.edge ? d.graph.edges.find((x) => x.id === d.edge) : null;
    for (const el of edgeEls) el.classList.toggle('is-chosen', !!e && el.dataset.edge === e.id);
    if (!e) {
      fill(evidence,
        h('h3', { id: 'network-evidence-title' }, 'Evidence'),
        h('p', { class: 'muted' }, d.edge ? 'That stance is not in the network under this filter.' : 'Choose an edge (click it, or Tab to the network and press Enter) to list its statements.'));
      return;
    }
    const byId = new Map(d.graph.nodes.map((n) => [n.id, n]));
    const from = byId.get(e.source);
    const to = byId.get(e.target);
    fill(evidence,
      h('h3', { id: 'network-evidence-title' },
        h('span', { class: 'who ' + blocClass(from.bloc) }, from.name), ' → ', h('span', { class: 'who ' + blocClass(to.bloc) }, to.name)),
      h('p', { class: 'muted' }, `${e.n} statement${e.n === 1 ? '' : 's'}, mean `, h('span', { class: 'pol pol-' + polarityClass(e.mean) }, formatPolarity(e.mean))),
      h('ol', { class: 'side-rows' },
        e.rows.map((r) =>
          h('li', { class: 'side-row' },
            h('p', { class: 'stance-head' }, h('span', {}, r.holderName), h('span', { class: 'pol pol-' + polarityClass(r.polarity) }, formatPolarity(r.polarity))),
            h('blockquote', { class: 'side-text' }, r.text),
            h('a', { class: 'side-source', href: d.statementHref(r.article, r.statement) }, 'in ', h('cite', {}, r.title)),
          ),
        ),
      ),
    );
  }

  /** The network as a standalone SVG document, with the page's computed colours inlined. */
  function standalone() {
    const svg = graphBox.querySelector('svg');
    if (!svg) return null;
    const copy = /** @type {SVGSVGElement} */ (svg.cloneNode(true));
    const from = [svg, ...svg.querySelectorAll('*')];
    const to = [copy, ...copy.querySelectorAll('*')];
    from.forEach((el, i) => {
      const cs = getComputedStyle(el);
      for (const p of INLINE) to[i].setAttribute(p, cs.getPropertyValue(p));
      to[i].removeAttribute('tabindex');
      to[i].removeAttribute('class');
    });
    const bg = getComputedStyle(graphBox).backgroundColor;
    copy.insertBefore(s('rect', { width: '100%', height: '100%', fill: bg }), copy.querySelector('defs').nextSibling);
    return { text: '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy), width: Number(svg.getAttribute('width')) };
  }

  return {
    bindChange(fn) {
      onChange = fn;
    },
    bindExport(fn) {
      onExport = fn;
    },
    standalone,
    show(d) {
      data = d;
      set.value = d.set;
      top.value = String(d.top);
      const g = d.graph;
      if (d.key !== drawnKey) {
        drawnKey = d.key;
        draw(g);
      }
      const hidden = g.total.nodes - g.nodes.length;
      fill(caption,
        `${g.articles} article${g.articles === 1 ? '' : 's'} · ${g.nodes.length} holders and targets${hidden > 0 ? ` (the busiest; ${hidden} more)` : ''} · ${g.edges.length} stances`,
        d.voices.length ? ` · voices: ${d.voices.join(', ')} (the viewpoint buttons above)` : ' · every voice (the viewpoint buttons above filter them)');
      showEvidence(d);
    },
    get data() {
      return data;
    },
  };
}
