// Stances: a holder × target matrix of mean polarity, and holder → target rows with evidence.
import { $, h, fill, blocClass } from './dom.js';
import { formatPolarity, polarityClass } from '../state.js';

const PAGE = 150;

export function createStancesView() {
  const root = $('stances');
  let onRow = () => {};
  let limit = PAGE;
  let last = null;
  root.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-article]');
    if (b) return onRow(b.dataset.article, Number(b.dataset.statement));
    if (e.target.closest('button[data-more]')) {
      limit += 1000;
      if (last) render(...last);
    }
  });

  function matrixTable(m) {
    if (!m.holders.length || !m.targets.length) return h('p', { class: 'muted' }, 'No stances in view.');
    return h('div', { class: 'matrix-wrap', role: 'region', 'aria-label': 'Stance matrix', tabindex: '0' },
      h('table', { class: 'matrix' },
        h('caption', {}, 'Mean polarity of each holder (row) toward each target (column), with the number of statements'),
        h('thead', {}, h('tr', {}, h('td', {}), m.targets.map((t) => h('th', { scope: 'col', class: blocClass(t.bloc) }, t.name)))),
        h('tbody', {},
          m.holders.map((ho) =>
            h('tr', {},
              h('th', { scope: 'row', class: blocClass(ho.bloc) }, ho.name),
              m.targets.map((t) => {
                const c = m.cell(ho.id, t.id);
                if (!c) return h('td', { class: 'cell is-none' }, h('span', { class: 'sr-only' }, 'none'));
                const td = h('td', { class: 'cell pol-' + polarityClass(c.mean) }, formatPolarity(c.mean), h('span', { class: 'cell-n' }, ` (${c.n})`));
                td.style.setProperty('--strength', String(Math.min(1, Math.abs(c.mean)).toFixed(2)));
                return td;
              }),
            ),
          ),
        ),
      ),
    );
  }

  function render(rows, matrix, caption, titles) {
    last = [rows, matrix, caption, titles];
    const shown = rows.slice(0, limit);
    fill(
      root,
      h('p', { class: 'muted' }, caption),
      matrixTable(matrix),
      h('h3', { class: 'panel-h' }, `Statements (${rows.length})`),
      rows.length
        ? h('ul', { class: 'stance-rows' },
            shown.map((r) =>
              h('li', { class: 'stance' + (r.dim ? ' is-dim' : '') },
                h('button', { type: 'button', class: 'stance-go', dataset: { article: r.article, statement: r.statement } },
                  h('span', { class: 'stance-head' },
                    h('span', { class: 'who ' + blocClass(r.holderBloc) }, r.holderName),
                    h('span', { class: 'arrow' }, h('span', { 'aria-hidden': 'true' }, '→'), h('span', { class: 'sr-only' }, 'toward')),
                    h('span', { class: 'who ' + blocClass(r.targetBloc) }, r.targetName),
                    h('span', { class: 'pol pol-' + polarityClass(r.polarity) }, formatPolarity(r.polarity)),
                  ),
                  h('span', { class: 'stance-text' }, r.text),
                  titles ? h('span', { class: 'stance-source muted' }, titles.get(r.article) || '') : null,
                ),
              ),
            ),
          )
        : null,
      rows.length > shown.length ? h('button', { type: 'button', class: 'more', dataset: { more: '' } }, `Show all ${rows.length}`) : null,
    );
  }

  return {
    /** @param {(articleId: string, statementIndex: number) => void} fn */
    bindRow(fn) {
      onRow = fn;
    },
    /**
     * @param {ReturnType<import('../state.js').stanceRows>} rows
     * @param {ReturnType<import('../state.js').stanceMatrix>} matrix
     * @param {string} caption
     * @param {Map<string,string>|null} titles  article titles, in corpus scope
     */
    show(rows, matrix, caption, titles) {
      if (!last || last[0].length !== rows.length) limit = PAGE;
      render(rows, matrix, caption, titles);
    },
  };
}
