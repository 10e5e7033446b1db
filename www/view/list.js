// The corpus list: search, sort, the entity filter notice, and one link per article.
import { $, h, fill, blocClass } from './dom.js';
import { titleOf, percent, viewpointName } from '../state.js';

// Scrolls the pane (not the page) so `el` is visible, when the pane scrolls on its own.
function keepInView(pane, el) {
  if (getComputedStyle(pane).overflowY !== 'auto' || pane.scrollHeight <= pane.clientHeight) return;
  const p = pane.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  if (r.top < p.top + 60) pane.scrollTop += r.top - p.top - 60;
  else if (r.bottom > p.bottom) pane.scrollTop += r.bottom - p.bottom + 8;
}

export function createListView() {
  const search = /** @type {HTMLInputElement} */ ($('search'));
  const sort = /** @type {HTMLSelectElement} */ ($('sort'));
  const list = $('list');
  const quoting = $('quoting');
  const quotingTitle = $('quoting-title');
  const count = $('corpus-count');
  const empty = $('list-empty');
  const entityBox = $('entity-filter');
  const entityName = $('entity-filter-name');
  const pane = $('corpus');
  let shownCurrent = null;
  let onClearEntity = () => {};
  $('entity-filter-clear').addEventListener('click', () => onClearEntity());

  function item(a, { current, href, viewpoints, voices }) {
    const r = a.report;
    const vp = r.viewpoint;
    const m = a.meta || {};
    const bloc = (viewpoints.find((v) => v.id === vp.label) || {}).bloc;
    const quoted = voices.size ? r.statements.filter((s) => voices.has(s.voice)).length : 0;
    const isCurrent = a.id === current;
    return h('li', { class: 'item' + (isCurrent ? ' is-current' : ''), dataset: { id: a.id } },
      h('a', { href: href(a.id), 'aria-current': isCurrent ? 'true' : null, class: 'item-link' },
        h('span', { class: 'item-title' }, titleOf(a)),
        h('span', { class: 'item-meta' },
          [m.outlet, m.date].filter(Boolean).join(' · ') || (a.fileName ? a.fileName : a.origin === 'paste' ? 'pasted text' : ''),
        ),
        h('span', { class: 'item-stats' },
          h('span', { class: 'vp-badge ' + blocClass(bloc), title: 'Viewpoint and confidence' },
            h('span', { class: 'chip-icon', 'aria-hidden': 'true' }),
            `${viewpointName(viewpoints, vp.label)} ${percent(vp.confidence)}`,
          ),
          h('span', { class: 'stat' }, `${r.entities.length} entities`),
          h('span', { class: 'stat' }, `${r.statements.length} statements`),
          quoted ? h('span', { class: 'stat stat-quoted' }, `${quoted} in chosen voice${quoted === 1 ? '' : 's'}`) : null,
        ),
      ),
    );
  }

  return {
    bindSearch(fn) {
      search.addEventListener('input', () => fn(search.value));
    },
    bindSort(fn) {
      sort.addEventListener('change', () => fn(sort.value));
    },
    bindClearEntity(fn) {
      onClearEntity = fn;
    },
    focusSearch() {
      search.focus();
      search.select();
    },
    isSearch(el) {
      return el === search;
    },
    /** Moves focus to the current article's link (after j/k from inside the list). */
    focusCurrent() {
      const a = list.querySelector('[aria-current="true"]') || quoting.querySelector('[aria-current="true"]');
      if (a) a.focus();
    },
    hasFocus() {
      return list.contains(document.activeElement) || quoting.contains(document.activeElement);
    },
    /**
     * @param {object} p
     * @param {import('../state.js').Article[]} p.primary
     * @param {import('../state.js').Article[]} p.quoting
     * @param {string|null} p.current
     * @param {(id: string) => string} p.href
     * @param {{id, label, bloc}[]} p.viewpoints
     * @param {Set<string>} p.voices
     * @param {string} p.query
     * @param {string} p.sort
     * @param {string|null} p.entityName
     * @param {number} p.total
     */
    show(p) {
      if (search.value !== p.query && document.activeElement !== search) search.value = p.query;
      if (sort.value !== p.sort) sort.value = p.sort;
      const shown = p.primary.length + p.quoting.length;
      count.textContent = shown === p.total ? `${p.total}` : `${p.primary.length} of ${p.total}`;
      entityBox.hidden = !p.entityName;
      entityName.textContent = p.entityName || '';
      const ctx = { current: p.current, href: p.href, viewpoints: p.viewpoints, voices: p.voices };
      const hadFocus = this.hasFocus();
      fill(list, p.primary.map((a) => item(a, ctx)));
      fill(quoting, p.quoting.map((a) => item(a, ctx)));
      quotingTitle.hidden = quoting.hidden = !p.quoting.length;
      empty.hidden = shown > 0 || p.total === 0;
      if (hadFocus) this.focusCurrent();
      const cur = list.querySelector('.is-current') || quoting.querySelector('.is-current');
      if (cur && p.current !== shownCurrent) keepInView(pane, cur);
      shownCurrent = p.current;
    },
  };
}
