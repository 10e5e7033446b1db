// The corpus list: search, sort, the entity filter notice, and one link per article.
// A long list draws only the rows in view (and a few either side); padding stands in for
// the others, so a corpus of thousands of articles costs a few dozen elements.
import { $, h, fill, blocClass } from './dom.js';
import { titleOf, percent, viewpointName } from '../state.js';

/** Lists up to this long are drawn whole. */
const DRAW_ALL = 60;
/** Rows drawn beyond each edge of the view. */
const OVERSCAN = 8;

/** The element that scrolls `el` into view: itself, an ancestor, or the document. */
function scroller(el) {
  for (let e = el; e && e !== document.body; e = e.parentElement) {
    const y = getComputedStyle(e).overflowY;
    if ((y === 'auto' || y === 'scroll') && e.scrollHeight > e.clientHeight) return e;
  }
  return document.scrollingElement || document.documentElement;
}

/**
 * A list that draws only its visible rows.
 * @param {HTMLElement} ol
 */
function windowed(ol) {
  let rows = [];
  let draw = (a) => h('li', {}, a.id);
  let rowHeight = 72;
  let from = 0;
  let to = 0;
  /** The articles drawn and what their rows showed: a redraw that would give the same
   * rows changes nothing but the padding and the set size. */
  let drawnRows = [];
  let drawnKey = null;
  let drawnSize = -1;
  let padded = false;
  const pad = parseFloat(getComputedStyle(ol).paddingTop) || 0;

  /** Whether rows [first, last) of `rows`, drawn with `key`, are what the list shows. */
  function same(first, last, key) {
    if (key !== drawnKey || first !== from || last !== to || last - first !== drawnRows.length) return false;
    for (let i = first; i < last; i++) if (rows[i] !== drawnRows[i - first]) return false;
    return true;
  }

  function remember(first, last, key) {
    from = first;
    to = last;
    drawnRows = rows.slice(first, last);
    drawnKey = key;
    drawnSize = rows.length;
  }

  /** After rows were added or removed out of view: the set size and the space they take. */
  function resize() {
    if (drawnSize === rows.length) return;
    drawnSize = rows.length;
    if (padded) ol.style.paddingBottom = `${pad + (rows.length - to) * rowHeight}px`;
    for (const li of ol.children) li.setAttribute('aria-setsize', String(rows.length));
  }

  /** The rows [first, last) that the view shows, by the estimated row height. */
  function inView() {
    const box = ol.getBoundingClientRect();
    let top = 0;
    let bottom = window.innerHeight;
    for (let e = ol; e && e !== document.body; e = e.parentElement) {
      const y = getComputedStyle(e).overflowY;
      if (y === 'auto' || y === 'scroll') {
        const r = e.getBoundingClientRect();
        top = Math.max(top, r.top);
        bottom = Math.min(bottom, r.bottom);
      }
    }
    // Where row 0 is now (a list that scrolls itself has moved its rows up).
    const contentTop = box.top + pad - ol.scrollTop;
    const first = Math.floor((top - contentTop) / rowHeight);
    const last = Math.ceil((bottom - contentTop) / rowHeight);
    return [Math.max(0, first - OVERSCAN), Math.min(rows.length, Math.max(0, last) + OVERSCAN)];
  }

  function measure() {
    const a = ol.firstElementChild;
    const b = ol.lastElementChild;
    if (!a || a === b) return;
    const span = b.getBoundingClientRect().bottom - a.getBoundingClientRect().top;
    if (span > 0) rowHeight = span / ol.children.length;
  }

  function paint([first, last], key) {
    remember(first, last, key);
    padded = true;
    fill(ol, rows.slice(first, last).map((a, i) => {
      const li = draw(a);
      li.setAttribute('aria-posinset', String(first + i + 1));
      li.setAttribute('aria-setsize', String(rows.length));
      return li;
    }));
    ol.style.paddingTop = `${pad + first * rowHeight}px`;
    ol.style.paddingBottom = `${pad + (rows.length - last) * rowHeight}px`;
  }

  return {
    /**
     * Draws `list` with `item`; `key` names everything else a row shows (the current
     * article, the filter): rows already drawn with the same key are kept as they are.
     */
    show(list, item, key) {
      rows = list;
      draw = item;
      if (rows.length <= DRAW_ALL) {
        if (same(0, rows.length, key) && !padded) return;
        // Articles added at the end (a drop streaming in): only their rows are new.
        const kept = !padded && from === 0 && to === drawnRows.length && to < rows.length && same(0, to, key) ? to : 0;
        if (!kept) {
          padded = false;
          ol.style.paddingTop = ol.style.paddingBottom = '';
          ol.replaceChildren();
        }
        ol.append(...rows.slice(kept).map(draw));
        remember(0, rows.length, key);
        return;
      }
      // Both reads before any write: one layout (the rows drawn before give the height).
      measure();
      const range = inView();
      if (same(range[0], range[1], key) && padded) return resize();
      paint(range, key);
    },
    /** After a scroll: redraws when the view has moved past the rows drawn. */
    scrolled() {
      if (rows.length <= DRAW_ALL) return;
      const [first, last] = inView();
      if (first < from || last > to || (first > from + OVERSCAN && to - last > OVERSCAN)) paint([first, last], drawnKey);
    },
    /** Scrolls row `index` into view when it is not drawn, then draws around it. */
    reveal(index) {
      if (index < 0 || rows.length <= DRAW_ALL || (index >= from && index < to)) return;
      const s = scroller(ol);
      const row = ol.getBoundingClientRect().top + pad - ol.scrollTop + index * rowHeight;
      const top = s === document.scrollingElement ? 0 : s.getBoundingClientRect().top;
      s.scrollTop += row - top - 60;
      paint(inView(), drawnKey);
    },
  };
}

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
  let shownViewpoints = null;
  let viewpointsSeen = 0;
  let onClearEntity = () => {};
  $('entity-filter-clear').addEventListener('click', () => onClearEntity());
  const primaryRows = windowed(list);
  const quotingRows = windowed(quoting);
  let scrollQueued = false;
  // Any scroll (the pane, the list or the page) redraws the visible rows, once a frame.
  const onScroll = () => {
    if (scrollQueued) return;
    scrollQueued = true;
    requestAnimationFrame(() => {
      scrollQueued = false;
      primaryRows.scrolled();
      quotingRows.scrolled();
    });
  };
  document.addEventListener('scroll', onScroll, { capture: true, passive: true });
  window.addEventListener('resize', onScroll, { passive: true });

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
      // Only what changed is written (each write means a new layout before the rows are measured).
      const counted = shown === p.total ? `${p.total}` : `${p.primary.length} of ${p.total}`;
      if (count.textContent !== counted) count.textContent = counted;
      if (entityBox.hidden !== !p.entityName) entityBox.hidden = !p.entityName;
      if (entityName.textContent !== (p.entityName || '')) entityName.textContent = p.entityName || '';
      const ctx = { current: p.current, href: p.href, viewpoints: p.viewpoints, voices: p.voices };
      const hadFocus = this.hasFocus();
      const draw = (a) => item(a, ctx);
      // What a row shows besides its article: the current one, the chosen voices, the
      // viewpoints' names and the links (the route).
      if (p.viewpoints !== shownViewpoints) {
        shownViewpoints = p.viewpoints;
        viewpointsSeen += 1;
      }
      const key = [p.current, [...p.voices].join(','), viewpointsSeen, p.href('')].join('\u0000');
      quotingTitle.hidden = quoting.hidden = !p.quoting.length;
      primaryRows.show(p.primary, draw, key);
      quotingRows.show(p.quoting, draw, key);
      if (p.current !== shownCurrent) {
        primaryRows.reveal(p.primary.findIndex((a) => a.id === p.current));
        quotingRows.reveal(p.quoting.findIndex((a) => a.id === p.current));
      }
      empty.hidden = shown > 0 || p.total === 0;
      if (hadFocus) this.focusCurrent();
      // On the next frame, when the page is laid out anyway: measured now, the layout would
      // be done twice (here, and again after the reader's text is drawn).
      const cur = list.querySelector('.is-current') || quoting.querySelector('.is-current');
      if (cur && p.current !== shownCurrent) requestAnimationFrame(() => cur.isConnected && keepInView(pane, cur));
      shownCurrent = p.current;
    },
  };
}
