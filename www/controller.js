// The page's behaviour: loads the seeds and the saved articles, turns routes into views,
// and answers the reader's actions. Never touches the DOM itself (views do) and never runs
// analysis (the worker does).
import * as S from './state.js';
import { createCorpus } from './corpus.js';
import { createIntake } from './intake.js';
import { cleanMeta, exportText, parseExport, recordOf } from './exchange.js';
import { openStore } from './store.js';

/**
 * @param {object} deps
 * @param {ReturnType<import('./client.js').createClient>} deps.client
 * @param {Record<string, any>} deps.views
 * @param {typeof fetch} [deps.fetch]
 * @param {() => Promise<any>} [deps.openStore]
 */
export function createController({ client, views, fetch: get = fetch.bind(globalThis), openStore: open = openStore }) {
  const corpus = createCorpus();
  let router = null;
  let info = null;
  let visibleIds = [];
  let shownId = null;
  let pendingReveal = null;
  let renderQueued = false;
  let storePromise = null;
  let started = false;
  let failed = false;

  const store = () => (storePromise ||= open());

  const intake = createIntake({
    client,
    corpus,
    store,
    on: {
      progress: (done, total, label) => views.status.progress(done, total, label),
      busy: (active) => views.ingest.showCancel(active),
      info: (text, opts) => views.notices.info(text, opts),
      error: (text, opts) => views.notices.error(text, opts),
      show: (id) => router.go({ id }),
      added(article, firstOfBatch) {
        if (firstOfBatch) router.go({ id: article.id });
        else scheduleRender();
      },
      finished(summary, problems) {
        const msg = `${corpus.list.length} articles · analyzer ${info.version || 'ready'}`;
        views.status.done(summary ? `${summary}. ${msg}` : msg);
        if (summary && !problems) views.notices.info(summary + '.');
        api.render();
      },
    },
  });

  /** Many articles arriving at once redraw at most once a frame. */
  function scheduleRender() {
    if (renderQueued) return;
    renderQueued = true;
    requestAnimationFrame(() => {
      renderQueued = false;
      api.render();
    });
  }

  async function loadSeed(seed, index) {
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
    }
    const report = await client.analyze(text, meta);
    const id = seed.file.replace(/\.[^.]+$/, '');
    return { id, origin: 'seed', seedIndex: index, fileName: seed.file, text, meta: { ...meta, title: seed.title || null }, report, comments };
  }

  async function loadSeeds() {
    let seeds = [];
    try {
      const res = await get('./seeds/index.json');
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      seeds = (await res.json()).seeds || [];
    } catch (err) {
      views.status.fail(`The seed articles could not be loaded (seeds/index.json: ${err.message}).`);
      return;
    }
    const failures = [];
    views.status.progress(0, seeds.length, `Analyzing ${seeds.length} articles…`);
    for (const [i, seed] of seeds.entries()) {
      try {
        corpus.add(await loadSeed(seed, i));
      } catch (err) {
        failures.push(`${seed.file}: ${err.message}`);
      }
      views.status.progress(i + 1, seeds.length, `Analyzed ${i + 1} of ${seeds.length} articles…`);
      api.render();
    }
    if (failures.length) views.notices.error(`Some seed articles could not be analyzed — ${failures.join('; ')}`);
  }

  async function loadSaved() {
    let records = [];
    try {
      records = await (await store()).all();
    } catch (err) {
      views.notices.error(`${err.message}: articles you add will stay only until the page is closed. Export the corpus to keep them.`, { key: 'storage' });
      return;
    }
    await intake.restore(records);
  }

  function undoable(removed, text) {
    views.notices.info(text, {
      key: 'undo',
      action: {
        label: 'Undo',
        run: async () => {
          corpus.add(...removed);
          api.render();
          try {
            await (await store()).putMany(removed.map(recordOf));
          } catch (err) {
            views.notices.error(`${err.message}: the restored articles are back for now but not saved.`, { key: 'storage' });
          }
        },
      },
    });
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
        views.status.fail(`The analyzer could not be loaded: ${err.message}. Reload the page; if this persists, the site is missing its pkg/ files.`);
        views.reader.message('The analyzer could not be loaded.');
        failed = true;
        return;
      }
      await loadSeeds();
      await loadSaved();
      if (!intake.busy) views.status.done(`${corpus.list.length} articles · analyzer ${info.version || 'ready'}`);
      started = true;
      if (!corpus.list.length) views.reader.message('No articles.');
      api.render();
    },

    /** Draws every view from the corpus and the current route. */
    render() {
      if (!router) return;
      const route = router.route;
      const all = corpus.list;
      const totals = corpus.totals;
      const viewpoints = corpus.viewpoints;
      const voices = new Set(route.v);
      const { primary, quoting } = S.filterCorpus(all, { viewpoints: voices, entity: route.e, query: route.q });
      const sortedPrimary = S.sortArticles(primary, route.sort);
      const sortedQuoting = S.sortArticles(quoting, route.sort);
      const visible = [...sortedPrimary, ...sortedQuoting];
      visibleIds = visible.map((a) => a.id);
      const current = (route.id && corpus.get(route.id)) || (!route.id && visible[0]) || null;
      shownId = current ? current.id : null;
      const entity = route.e ? totals.get(route.e) : null;

      views.chips.show(viewpoints, voices, S.viewpointCounts(all));
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
        total: all.length,
      });

      // (After a failed start, the reader keeps its failure message.)
      if (!failed) {
        if (current) views.reader.show(current, { viewpoints, totals });
        else if (route.id) views.reader.message(started ? `No article “${route.id}” in the corpus.` : 'Loading…');
        else if (all.length) views.reader.message('No article matches the filter.');
      }
      views.reader.setVoices(voices);
      views.reader.setEntity(route.e);
      views.ingest.showRemove(!!current && current.origin !== 'seed');

      views.panels.show(route.p, route.sc);
      if (route.p === 'why') views.why.show(current, viewpoints);
      if (route.p === 'entities') {
        const rows = route.sc === 'corpus' ? [...totals.values()] : current ? current.report.entities : [];
        const caption = route.sc === 'corpus' ? `All ${all.length} articles, by mentions.` : current ? 'This article, by mentions.' : '';
        views.entities.show(rows, route.e, caption);
      }
      if (route.p === 'stances') {
        const scope = route.sc === 'corpus' ? visible : current ? [current] : [];
        const rows = S.stanceRows(scope, voices);
        const caption = route.sc === 'corpus' ? `${scope.length} article${scope.length === 1 ? '' : 's'} in the filtered list.` : 'This article.';
        const titles = route.sc === 'corpus' ? new Map(scope.map((a) => [a.id, S.titleOf(a)])) : null;
        views.stances.show(rows, S.stanceMatrix(rows, 6), caption + (voices.size ? ' Voices outside the filter are dimmed and left out of the matrix.' : ''), titles);
      }

      // Hook for the compare, network and export views (www/lenses.js).
      views.lenses?.show(route, corpus);

      if (pendingReveal && current && pendingReveal.id === current.id) {
        const { kind, index } = pendingReveal;
        pendingReveal = null;
        requestAnimationFrame(() => views.reader.reveal(kind, index));
      }
    },

    // ---- reading and filtering ----
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
    },

    // ---- adding, removing, exchanging ----
    addFiles(items) {
      if (!info) return views.notices.error('The analyzer is not ready yet: add the files again in a moment.');
      intake.addFiles(items);
    },
    /** @returns {Promise<string|null>} an error for the dialog, or null when accepted */
    async addPaste(p) {
      if (!info) return 'The analyzer is not ready yet.';
      if (!p.text.trim()) return 'Paste some text first.';
      intake.addPaste(p);
      return null;
    },
    cancel() {
      intake.cancel();
    },
    async removeCurrent() {
      const a = corpus.get(shownId);
      if (!a || a.origin === 'seed') return;
      const next = S.neighbour(visibleIds.filter((id) => id !== a.id), null, 1);
      corpus.remove([a.id]);
      router.go({ id: next });
      undoable([a], `Removed “${S.titleOf(a)}”.`);
      try {
        await (await store()).remove(a.id);
      } catch (err) {
        views.notices.error(`${err.message}: the article may come back after a reload.`, { key: 'storage' });
      }
    },
    async reset() {
      const added = corpus.added();
      if (!added.length) return views.notices.info('The corpus holds only the seed articles.');
      intake.cancel();
      corpus.remove(added.map((a) => a.id));
      router.go({ id: null });
      undoable(added, `Removed ${added.length} added article${added.length === 1 ? '' : 's'}; the seeds remain.`);
      try {
        await (await store()).clear();
      } catch (err) {
        views.notices.error(`${err.message}: the removed articles may come back after a reload.`, { key: 'storage' });
      }
    },
    exportCorpus() {
      const added = corpus.added();
      const day = new Date().toISOString().slice(0, 10);
      views.ingest.download(`parallax-corpus-${day}.json`, exportText(added, { analyzer: info ? info.version : '' }));
      views.notices.info(`Exported ${added.length} added article${added.length === 1 ? '' : 's'} (the seeds are always there).`);
    },
    async importFile(file) {
      if (!info) return views.notices.error('The analyzer is not ready yet: import again in a moment.');
      let records;
      try {
        records = parseExport(await file.text());
      } catch (err) {
        return views.notices.error(`“${file.name}” cannot be imported: ${err.message}.`);
      }
      if (!records.length) return views.notices.info(`“${file.name}” holds no articles.`);
      intake.importRecords(records, `“${file.name}”`);
    },
  };
  return api;
}
