// Entities of the article or the corpus, by mentions; choosing one highlights and filters.
import { $, h, fill, blocClass, bar } from './dom.js';
import { blocName } from '../state.js';

export function createEntitiesView() {
  const root = $('entities');
  let onPick = () => {};
  root.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-entity]');
    if (b) onPick(b.dataset.entity);
  });
  return {
    bindPick(fn) {
      onPick = fn;
    },
    /**
     * @param {{id, name, type, bloc, mentions, articles?}[]} rows  most mentioned first
     * @param {string|null} chosen
     * @param {string} caption
     */
    show(rows, chosen, caption) {
      const max = Math.max(1, ...rows.map((r) => r.mentions));
      fill(
        root,
        h('p', { class: 'muted' }, caption),
        rows.length
          ? h('ul', { class: 'entities' },
              rows.map((r) =>
                h('li', {},
                  h('button', { type: 'button', class: 'entity ' + blocClass(r.bloc), dataset: { entity: r.id }, 'aria-pressed': String(r.id === chosen) },
                    h('span', { class: 'entity-name' }, h('mark', { class: 'mention sample ' + blocClass(r.bloc) }, r.name)),
                    h('span', { class: 'entity-kind' }, `${r.type} · ${blocName(r.bloc)}`),
                    h('span', { class: 'entity-count' }, bar(r.mentions / max),
                      `${r.mentions}`, r.articles != null ? h('span', { class: 'muted' }, ` in ${r.articles}`) : null),
                  ),
                ),
              ),
            )
          : h('p', { class: 'muted' }, 'No entities.'),
      );
    },
  };
}
