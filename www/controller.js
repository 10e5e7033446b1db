// The page's behaviour: loads the seeds, keeps the corpus, turns routes into views.
// Never touches the DOM itself (views do) and never runs analysis (the worker does).
import * as S from './state.js';

/**
 * @param {object} deps
 * @param {ReturnType<import('./client.js').createClient>} deps.client
 * @param {ReturnType<import('./router.js').createRouter>} deps.router  (set after construction)
 * @param {Record<string, any>} deps.views
 * @param {typeof fetch} [deps.fetch]
 */
export function createController({ client, views, fetch: get = fetch.bind(globalThis) }) {
  /** @type {S.Article[]} */
  const articles = [];
  const byId = new Map();
  let router = null;
  let info = null;
  let totals = new Map();
  let viewpoints = [];
  let visibleIds = [];
  let shownId = null;
  let pendingReveal = null;

  function corpusChanged() {
    totals = new Map(S.entityTotals(articles).map((e) => [e.id, e]));
    viewpoints = S.viewpointsOf(articles);
  }

  function add(article) {
    article.order = articles.length;
    articles.push(article);
    byId.set(article.id, article);
    corpusChanged();
  }

  /** Strips empty fields: the analyzer takes strings only. */
  function cleanMeta(meta) {
    const out = {};
    for (const k of ['title', 'outlet', 'url', 'date', 'author', 'source']) {
      if (meta && typeof meta[k] === 'string' && meta[k].trim()) out[k] = meta[k].trim();
    }
    return out;
  }

  async function loadSeed(seed) {
    const res = await get('./seeds/' + encodeURIComponent(seed.file));
    if (!res.ok) throw new Error(`seeds/${seed.file}: HTTP ${res.status}`);
    let text = await res.text();
    let comments = [];
    let meta = cleanMeta(seed);
    if (info.ops.includes('ingestText')) {
      const ing = await client.ingestText(text);
      text = ing.text;
      comments = ing.comments || [];
      meta = { ...cleanMeta(ing.meta), ...meta };
      if (!meta.title && ing.title) meta.title = ing.title;
    }
    const report = await client.analyze(text, meta);
    const id = seed.file.replace(/\.[^.]+$/, '');
    return { id, origin: 'seed', fileName: seed.file, text, meta: { ...meta, title: seed.title || null }, report, comments };
  }

  const api = {
    attachRouter(r) {
      router = r;
    },

    async start() {
      views.status.busy('Loading analyzer…');
      views.reader.message('Loading analyzer…');
      try {
        info = await client.ready;
      } catch (err) {
        const msg = `The analyzer could not be loaded: ${err.message}. Reload the page; if this persists, the site is missing its pkg/ files.`;
        views.status.fail(msg);
        views.reader.message('The analyzer could not be loaded.');
        return;
      }
      let seeds = [];
      try {
        const res = await get('./seeds/index.json');
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        seeds = (await res.json()).seeds || [];
      } catch (err) {
        views.status.fail(`The seed articles could not be loaded (seeds/index.json: ${err.message}).`);
      }
      let done = 0;
      const failures = [];
      const total = seeds.length;
      views.status.progress(0, total, `Analyzing ${total} articles…`);
      for (const seed of seeds) {
        try {
          add(await loadSeed(seed));
        } catch (err) {
          failures.push(`${seed.file}: ${err.message}`);
        }
        done += 1;
        views.status.progress(done, total, `Analyzed ${done} of ${total} articles…`);
        api.render();
      }
      if (failures.length) views.status.fail(`Some seeds could not be analyzed — ${failures.join('; ')}`);
      else views.status.done(`${articles.length} articles · analyzer ${info.version || 'ready'}`);
      if (!articles.length) views.reader.message('No articles.');
      api.render();
    },

    /** Draws every view from the corpus and the current route. */
    render() {
      if (!router) return;
      const route = router.route;
      const voices = new Set(route.v);
      const { primary, quoting } = S.filterCorpus(articles, { viewpoints: voices, entity: route.e, query: route.q });
      const sortedPrimary = S.sortArticles(primary, route.sort);
      const sortedQuoting = S.sortArticles(quoting, route.sort);
      const visible = [...sortedPrimary, ...sortedQuoting];
      visibleIds = visible.map((a) => a.id);
      const current = (route.id && byId.get(route.id)) || (!route.id && visible[0]) || null;
      shownId = current ? current.id : null;
      const entity = route.e ? totals.get(route.e) : null;

      views.chips.show(viewpoints, voices, S.viewpointCounts(articles));
      views.list.show({
        primary: sortedPrimary,
        quoting: sortedQuoting,
        current: shownId,
        href: (id) => router.href({ id }),
        viewpoints,
        voices,
        query: route.q,
        sort: route.sort,
        entityName: route.e ? (entity ? entity.name : route.e) : null,
        total: articles.length,
      });

      if (current) views.reader.show(current, { viewpoints, totals });
      else if (route.id && info && articles.length) views.reader.message(`No article “${route.id}” in the corpus.`);
      else if (articles.length) views.reader.message('No article matches the filter.');
      views.reader.setVoices(voices);
      views.reader.setEntity(route.e);

      views.panels.show(route.p, route.sc);
      if (route.p === 'why') views.why.show(current, viewpoints);
      if (route.p === 'entities') {
        const rows = route.sc === 'corpus' ? [...totals.values()] : current ? current.report.entities : [];
        const caption = route.sc === 'corpus' ? `All ${articles.length} articles, by mentions.` : current ? 'This article, by mentions.' : '';
        views.entities.show(rows, route.e, caption);
      }
      if (route.p === 'stances') {
        const scope = route.sc === 'corpus' ? visible : current ? [current] : [];
        const rows = S.stanceRows(scope, voices);
        const caption = route.sc === 'corpus'
          ? `${scope.length} article${scope.length === 1 ? '' : 's'} in the filtered list.`
          : 'This article.';
        const titles = route.sc === 'corpus' ? new Map(scope.map((a) => [a.id, S.titleOf(a)])) : null;
        views.stances.show(rows, S.stanceMatrix(rows), caption + (voices.size ? ' Voices outside the filter are dimmed and left out of the matrix.' : ''), titles);
      }

      if (pendingReveal && current && pendingReveal.id === current.id) {
        const { kind, index } = pendingReveal;
        pendingReveal = null;
        requestAnimationFrame(() => views.reader.reveal(kind, index));
      }
    },

    // ---- actions (bound to view events by app.js) ----
    toggleViewpoint(id) {
      const v = new Set(router.route.v);
      if (v.has(id)) v.delete(id);
      else v.add(id);
      router.go({ v: [...v] });
    },
    clearViewpoints() {
      router.go({ v: [] });
    },
    search(q) {
      router.go({ q }, { replace: true });
    },
    sort(key) {
      router.go({ sort: key }, { replace: true });
    },
    pickEntity(id) {
      router.go({ e: router.route.e === id ? null : id });
    },
    clearEntity() {
      router.go({ e: null });
    },
    tab(p) {
      router.go({ p }, { replace: true });
    },
    scope(sc) {
      router.go({ sc }, { replace: true });
    },
    revealEvidence(i) {
      views.reader.reveal('ev', i);
    },
    openStatement(id, i) {
      if (id === shownId) views.reader.reveal('s', i);
      else {
        pendingReveal = { id, kind: 's', index: i };
        router.go({ id });
      }
    },
    step(delta) {
      const id = S.neighbour(visibleIds, shownId, delta);
      if (id && id !== shownId) router.go({ id });
    },
    /** Esc: undo the narrowest thing first — search text, then entity, then viewpoints. */
    escape() {
      const r = router.route;
      if (r.q) router.go({ q: '' }, { replace: true });
      else if (r.e) router.go({ e: null });
      else if (r.v.length) router.go({ v: [] });
      else return false;
      return true;
    },
  };
  return api;
}
