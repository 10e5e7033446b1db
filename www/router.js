// Hash routes: every view can be linked, bookmarked, reloaded and walked with Back/Forward.
//
//   #/                                   the corpus, first article shown
//   #/a/<id>?v=iranian,israeli&e=azerbaijan&q=gaza&sort=date&p=stances&sc=corpus
//   #/a/<id>?s=4                         … with its statement 4 brought into view
//   #/compare?t=azerbaijan&w=israel&by=voice   one target (or a pair) seen from every side
//   #/network?set=list&top=50&edge=iran>azerbaijan   the stance network, an edge's evidence
//   #/knowledge                          the editor of the user's own knowledge
//
// `parseHash` and `formatHash` are pure (unit-tested in node); `createRouter` binds them to
// a window.

/**
 * @typedef {object} Route
 * @property {string|null} id    article shown in the reading view (null: the first listed)
 * @property {string[]} v        viewpoint filter (empty: no filter)
 * @property {string|null} e     selected entity id
 * @property {string} q          search text
 * @property {string} sort       corpus list order
 * @property {string} p          side panel: why | entities | stances
 * @property {string} sc         panel scope: article | corpus
 * @property {string} view       read | compare | network | knowledge
 * @property {number|null} s     statement to bring into view in the reading view
 * @property {string|null} t     compare: the target entity
 * @property {string|null} w     compare: the other entity of a pair (null: the target alone)
 * @property {string} by         compare: columns by the article's viewpoint or the speaker's voice
 * @property {string} set        network: every article, or the filtered list
 * @property {number} top        network: how many nodes, the busiest first (0: all)
 * @property {string|null} edge  network: the edge whose evidence is listed ("holder>target")
 */

export const PANELS = ['why', 'entities', 'stances', 'export'];
export const VIEWS = ['read', 'compare', 'network', 'knowledge'];
export const GROUPINGS = ['article', 'voice'];
export const SETS = ['all', 'list'];
export const TOPS = [25, 50, 100, 0];
export const SCOPES = ['article', 'corpus'];
export const SORTS = ['corpus', 'date', 'title', 'outlet', 'confidence', 'entities', 'statements'];

/** @returns {Route} */
export function defaultRoute() {
  return { id: null, v: [], e: null, q: '', sort: 'corpus', p: 'why', sc: 'article', view: 'read', s: null, t: null, w: null, by: 'article', set: 'all', top: 50, edge: null };
}

function decode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** @param {string} hash  location.hash, with or without the leading '#' @returns {Route} */
export function parseHash(hash) {
  const route = defaultRoute();
  let rest = String(hash || '').replace(/^#/, '');
  const qi = rest.indexOf('?');
  const path = qi < 0 ? rest : rest.slice(0, qi);
  const query = qi < 0 ? '' : rest.slice(qi + 1);
  const m = /^\/a\/([^/]+)\/?$/.exec(path);
  if (m) route.id = decode(m[1]) || null;
  const v = /^\/(compare|network|knowledge)\/?$/.exec(path);
  if (v) route.view = v[1];
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const raw = eq < 0 ? '' : pair.slice(eq + 1);
    switch (key) {
      case 'v':
        route.v = [...new Set(raw.split(',').map(decode).filter(Boolean))];
        break;
      case 'e':
        route.e = decode(raw) || null;
        break;
      case 'q':
        route.q = decode(raw);
        break;
      case 'sort':
        if (SORTS.includes(raw)) route.sort = raw;
        break;
      case 'p':
        if (PANELS.includes(raw)) route.p = raw;
        break;
      case 'sc':
        if (SCOPES.includes(raw)) route.sc = raw;
        break;
      case 's':
        if (/^\d{1,7}$/.test(raw)) route.s = Number(raw);
        break;
      case 't':
        route.t = decode(raw) || null;
        break;
      case 'w':
        route.w = decode(raw) || null;
        break;
      case 'by':
        if (GROUPINGS.includes(raw)) route.by = raw;
        break;
      case 'set':
        if (SETS.includes(raw)) route.set = raw;
        break;
      case 'top':
        if (TOPS.includes(Number(raw)) && raw !== '') route.top = Number(raw);
        break;
      case 'edge':
        route.edge = decode(raw) || null;
        break;
    }
  }
  return route;
}

/** @param {Partial<Route>} route @returns {string} a hash starting with '#/' */
export function formatHash(route) {
  const r = { ...defaultRoute(), ...route };
  const d = defaultRoute();
  const parts = [];
  if (r.v.length) parts.push('v=' + r.v.map(encodeURIComponent).join(','));
  if (r.e) parts.push('e=' + encodeURIComponent(r.e));
  if (r.q) parts.push('q=' + encodeURIComponent(r.q));
  if (r.sort !== d.sort) parts.push('sort=' + r.sort);
  if (r.p !== d.p) parts.push('p=' + r.p);
  if (r.sc !== d.sc) parts.push('sc=' + r.sc);
  const read = r.view === 'read' || !VIEWS.includes(r.view);
  if (read && r.id && r.s != null) parts.push('s=' + r.s);
  if (r.view === 'compare') {
    if (r.t) parts.push('t=' + encodeURIComponent(r.t));
    if (r.t && r.w) parts.push('w=' + encodeURIComponent(r.w));
    if (r.by !== d.by) parts.push('by=' + r.by);
  }
  if (r.view === 'network') {
    if (r.set !== d.set) parts.push('set=' + r.set);
    if (r.top !== d.top) parts.push('top=' + r.top);
    if (r.edge) parts.push('edge=' + encodeURIComponent(r.edge));
  }
  const path = !read ? '#/' + r.view : r.id ? '#/a/' + encodeURIComponent(r.id) : '#/';
  return parts.length ? path + '?' + parts.join('&') : path;
}

/**
 * Binds routes to a window's location and history.
 * @param {Window} win
 * @param {(route: Route) => void} onChange  called on Back/Forward, on edits of the address
 *   bar, and after `go`
 */
export function createRouter(win, onChange) {
  let current = parseHash(win.location.hash);
  // Choosing an article opens it to read; a statement to bring into view lasts one move.
  const next = (change) => ({ ...current, s: null, ...('id' in change && !('view' in change) ? { view: 'read' } : {}), ...change });
  win.addEventListener('hashchange', () => {
    current = parseHash(win.location.hash);
    onChange(current);
  });
  return {
    /** @returns {Route} */
    get route() {
      return current;
    },
    /**
     * Moves to a route; `replace` keeps Back from stepping through every keystroke; with
     * `draw` false the caller draws the view itself (later).
     */
    go(change, { replace = false, draw = true } = {}) {
      const hash = formatHash(next(change));
      current = parseHash(hash);
      const same = hash === win.location.hash || (hash === '#/' && !win.location.hash);
      // pushState/replaceState fire no hashchange: the view is drawn here, at once. Back and
      // Forward between these entries do fire hashchange.
      if (!same) win.history[replace ? 'replaceState' : 'pushState'](win.history.state, '', hash);
      if (draw) onChange(current);
    },
    /** The href of a link to a route derived from the current one. */
    href(change) {
      return formatHash(next(change));
    },
  };
}
