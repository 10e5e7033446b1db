// Why this viewpoint: the scores, and the evidence behind them, each piece a way to its span.
import { $, h, fill, blocClass, bar } from './dom.js';
import { percent, viewpointName, fold } from '../state.js';

export function createWhyView() {
  const root = $('why');
  let onReveal = () => {};
  root.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-ev]');
    if (b) onReveal(Number(b.dataset.ev));
  });
  return {
    /** @param {(index: number) => void} fn  called with an index into viewpoint.evidence */
    bindReveal(fn) {
      onReveal = fn;
    },
    show(article, viewpoints) {
      if (!article) return fill(root, h('p', { class: 'muted' }, 'No article chosen.'));
      const vp = article.report.viewpoint;
      const scores = Object.entries(vp.scores || {}).sort((a, b) => b[1] - a[1]);
      const bloc = (id) => (viewpoints.find((v) => v.id === id) || {}).bloc;

      // Identical phrases of the same kind and viewpoint form one item, each occurrence a button.
      const groups = new Map();
      vp.evidence.forEach((ev, i) => {
        const key = [ev.kind, ev.viewpoint, fold(ev.text)].join('\u0000');
        if (!groups.has(key)) groups.set(key, { ev, weight: 0, at: [] });
        const g = groups.get(key);
        g.weight += Number(ev.weight) || 0;
        if (ev.end > ev.start) g.at.push(i);
      });
      const items = [...groups.values()].sort((a, b) => b.weight - a.weight);

      fill(
        root,
        h('p', { class: 'why-summary' },
          'Written from the ',
          h('strong', {}, viewpointName(viewpoints, vp.label)),
          ` viewpoint (${percent(vp.confidence)} confidence).`),
        h('h3', { class: 'panel-h' }, 'Scores'),
        h('ul', { class: 'scores' },
          scores.map(([id, s]) =>
            h('li', { class: 'score ' + blocClass(bloc(id)) + (id === vp.label ? ' is-label' : '') },
              h('span', { class: 'score-name' }, viewpointName(viewpoints, id)),
              bar(s),
              h('span', { class: 'score-value' }, percent(s)),
            ),
          ),
        ),
        h('h3', { class: 'panel-h' }, `Evidence (${vp.evidence.length})`),
        items.length
          ? h('ul', { class: 'evidence' },
              items.map(({ ev, weight, at }) =>
                h('li', { class: 'ev-item ' + blocClass(bloc(ev.viewpoint)) },
                  h('span', { class: 'ev-text' }, ev.kind === 'metadata' ? ev.text : `“${ev.text}”`),
                  h('span', { class: 'ev-meta' },
                    `${ev.kind} → ${viewpointName(viewpoints, ev.viewpoint)} · weight ${weight.toFixed(2)}`),
                  at.length
                    ? h('span', { class: 'ev-at' },
                        at.map((i, n) =>
                          h('button', { type: 'button', class: 'ev-go', dataset: { ev: i }, 'aria-label': at.length === 1 ? `Show in text: “${ev.text}”` : `${n + 1}: occurrence of “${ev.text}” in the text` }, at.length === 1 ? 'Show in text' : String(n + 1)),
                        ),
                      )
                    : null,
                ),
              ),
            )
          : h('p', { class: 'muted' }, 'No evidence: the viewpoint is a default.'),
      );
    },
  };
}
