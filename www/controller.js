// The page's behaviour: loads the seeds and the saved articles, turns routes into views,
// and answers the reader's actions. Never touches the DOM itself (views do) and never runs
// analysis (the worker does).
import * as S from './state.js';
import { createCorpus } from './corpus.js';
import { createIntake, nameList } from './intake.js';
import { cleanMeta, cleanName, exportText, formatSize, recordOf, tooLargeMessage, utf8Length } from './exchange.js';
import { openStore } from './store.js';
import { createKnowledge } from './knowledge.js';

/** While a batch streams in, the page redraws at most this often (ms). */
const BULK_RENDER_MS = 150;

/** An export file may hold many articles; each must still be under the article limit. */
export const IMPORT_FILE_LIMIT = 256 * 1024 * 1024;

/**
 * @param {object} deps
 * @param {ReturnType<import('./client.js').createClient>} deps.client
 * @param {Record<string, any>} deps.views
 * @param {typeof fetch} [deps.fetch]
 * @param {() => Promise<any>} [deps.openStore]
 */
export function createController({ client, views, fetch: get = fetch.bind(globalThis), openStore: open = openStore }) {
  const corpus = createCorpus();
  // The user's own knowledge (the editor): loaded before any article is analyzed.
  const knowledge = createKnowledge({ client, corpus, views, render: () => api.render() });
  let router = null;
  let info = null;
  /** The listed articles as last drawn (primary, then quoting); ids read on demand. */
  let visible = [];
  const visibleIds = () => visible.map((a) => a.id);
  let shownId = null;
  let pendingReveal = null;
  let renderQueued = false;
  let nextFrame = false;
  /** The frame (its rAF time) last drawn by onFrame. */
  let drawnFrame = -1;
  let lastRender = -Infinity;
  /** The panels' last input: a panel redraws only when what it shows has changed. */
  const drawn = { why: null, entities: null, stances: null };
  let storePromise = null;
  let started = false;
  let failed = false;

  /** The one size limit, from the wasm core (every way in checks it before reading). */
  const limit = () => info.maxBytes;
  let storeOk = false;
  /** Whether storage ever opened: a failure after that is a real failure, not "no storage". */
  const storeOpened = () => storeOk;
  const store = () =>
    (storePromise ||= open({
      onBlocked: () => views.notices.error('Another Parallax tab with an older version holds the storage open: close or reload it, and saving continues here.', { key: 'blocked' }),
      onUnblocked: () => views.notices.info('Storage is free again.', { key: 'blocked' }),
      onRemoteChange: (change) => remoteChange(change),
    }).then((s) => {
      storeOk = true;
      return s;
    }));

  const intake = createIntake({
    client,
    corpus,
    store,
    limit,
    on: {
      progress: (done, total, label) => views.status.progress(done, total, label),
      busy: (active) => views.ingest.showCancel(active),
      info: (text, opts) => views.notices.info(text, opts),
      error: (text, opts) => views.notices.error(text, opts),
      show: (id) => router.go({ id }),
      // The first article of a drop is shown on the next frame, not in the task that
      // received it (that task has parsed its report and added it already).
      added(article, firstOfBatch) {
        if (firstOfBatch) {
          router.go({ id: article.id }, { draw: false });
          renderNextFrame();
        } else scheduleRender();
      },
      finished(summary, problems) {
        const msg = `${corpus.list.length} articles · analyzer ${info.version || 'ready'}`;
        views.status.done(summary ? `${summary}. ${msg}` : msg);
        if (summary && !problems) views.notices.info(summary + '.');
        scheduleRender();
      },
    },
  });

  /** Draws on the next frame; two draws asked for the same frame draw once. */
  function onFrame(then) {
    requestAnimationFrame((frame) => {
      then();
      if (frame === drawnFrame) return;
      drawnFrame = frame;
      api.render();
    });
  }

  /** Draws on the next frame, whatever the batch. */
  function renderNextFrame() {
    if (nextFrame) return;
    nextFrame = true;
    onFrame(() => (nextFrame = false));
  }

  /**
   * Many articles arriving at once redraw at most once a frame, and while a batch streams
   * in at most every BULK_RENDER_MS: each redraw then shows many new articles at once.
   */
  function scheduleRender() {
    if (renderQueued) return;
    renderQueued = true;
    const wait = intake.busy ? Math.max(0, lastRender + BULK_RENDER_MS - performance.now()) : 0;
    const frame = () => onFrame(() => (renderQueued = false));
    if (wait > 0) setTimeout(frame, wait);
    else frame();
  }

  /** A seed's text, fetched (from the start: the fetches overlap the analyzer's start-up). */
  async function fetchSeed(seed) {
    const res = await get('./seeds/' + encodeURIComponent(seed.file));
    if (!res.ok) throw new Error(`seeds/${seed.file}: HTTP ${res.status}`);
    return res.text();
  }

  async function loadSeed(seed, index, fetched) {
    const meta = cleanMeta(seed);
    const ing = await client.text(await fetched, meta);
    const id = seed.file.replace(/\.[^.]+$/, '');
    return { id, origin: 'seed', seedIndex: index, fileName: seed.file, text: ing.text, meta: { ...cleanMeta(ing.meta), ...meta, title: seed.title || null }, report: ing.report, comments: ing.comments || [] };
  }

  /** The seed list and each seed's text, fetched at once. */
  async function fetchSeeds() {
    const res = await get('./seeds/index.json');
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const seeds = (await res.json()).seeds || [];
    return seeds.map((seed) => {
      const text = fetchSeed(seed);
      text.catch(() => {}); // reported when its turn comes
      return { seed, text };
    });
  }

  /**
   * Every seed analyzed at once on the pool (while the page checks the knowledge: the
   * workers read it themselves as they start); they enter the corpus in index order, each
   * drawn as soon as it and those before it are back. `before` is awaited before the first
   * is drawn.
   */
  async function loadSeeds(fetching, before) {
    let fetched = [];
    try {
      fetched = await fetching;
    } catch (err) {
      await before;
      views.status.fail(`The seed articles could not be loaded (seeds/index.json: ${err.message}).`);
      return;
    }
    const seeds = fetched.map((f) => f.seed);
    const loads = fetched.map(({ seed, text }, i) => loadSeed(seed, i, text).then((a) => ({ a }), (err) => ({ err })));
    await before;
    const failures = [];
    views.status.progress(0, seeds.length, `Analyzing ${seeds.length} articles…`);
    for (const [i, seed] of seeds.entries()) {
      const { a, err } = await loads[i];
      if (a) corpus.add(a);
      else failures.push(`${seed.file}: ${err.message}`);
      views.status.progress(i + 1, seeds.length, `Analyzed ${i + 1} of ${seeds.length} articles…`);
      api.render();
    }
    if (failures.length) views.notices.error(`Some seed articles could not be analyzed — ${failures.join('; ')}`);
  }

  async function loadSaved() {
    let s;
    try {
      s = await store();
    } catch (err) {
      views.notices.error(`${err.message}: articles you add will stay only until the page is closed. Export the corpus to keep them.`, { key: 'storage' });
      return;
    }
    let records;
    try {
      records = await s.all();
    } catch (err) {
      // Not an empty corpus: the articles are still there, only unread.
      views.notices.error(`Your saved articles could not be read (${err.message}). Nothing was deleted: reload the page to try again.`, { key: 'storage-read' });
      return;
    }
    await intake.restore(records);
  }

  /** Another tab saved, removed or restored articles: follow it. */
  async function remoteChange({ type, ids }) {
    if (type === 'trashed') {
      intake.forget(ids);
      const removed = corpus.remove(ids);
      if (removed.length) {
        if (removed.some((a) => a.id === shownId)) router.go({ id: null });
        else scheduleRender();
      }
      return;
    }
    intake.remember(ids);
    const missing = ids.filter((id) => !corpus.get(id));
    if (!missing.length) return;
    try {
      const records = await (await store()).get(missing);
      intake.restore(records.filter((r) => !corpus.get(r.id)));
    } catch (err) {
      views.notices.error(`Articles added in another tab could not be read here (${err.message}): reload to see them.`, { key: 'storage-read' });
    }
  }

  /**
   * Offers to undo a removal. What was removed lives in the store's trash, so Undo brings
   * back every record, loaded in this tab or not; `unsaved` were only ever in memory.
   */
  function undoable(tag, unsaved, text) {
    views.notices.info(text, {
      key: 'undo',
      timeout: 20000,
      action: {
        label: 'Undo',
        run: async () => {
          let records = [];
          if (tag) {
            try {
              records = await (await store()).untrash(tag);
            } catch (err) {
              views.notices.error(`Undo failed: ${err.message}. The removed articles are still kept by the browser; try again.`, { key: 'storage' });
              undoable(tag, unsaved, text);
              return;
            }
          }
          intake.remember(records.map((r) => r.id));
          if (unsaved.length) intake.importRecords(unsaved.map(recordOf), 'before the reset');
          if (records.length) intake.addSaved(records.sort((a, b) => a.addedAt - b.addedAt), 'the undo', { show: false, verb: 'Restoring' });
          views.notices.info(`Restoring ${records.length + unsaved.length} article${records.length + unsaved.length === 1 ? '' : 's'}.`, { key: 'undo' });
        },
      },
    });
  }

  const api = {
    knowledge,
    attachRouter(r) {
      router = r;
    },

    async start() {
      views.status.busy('Loading analyzer…');
      views.reader.message('Loading analyzer…');
      // The seeds and the saved knowledge are read while the analyzer starts.
      const seeds = fetchSeeds();
      seeds.catch(() => {}); // reported by loadSeeds
      knowledge.read();
      try {
        info = await client.ready;
      } catch (err) {
        views.status.fail(`The analyzer could not be loaded: ${err.message}. Reload the page; if this persists, the site is missing its pkg/ files.`);
        views.reader.message('The analyzer could not be loaded.');
        failed = true;
        return;
      }
      const checked = knowledge.load(info.knowledge).catch((err) => {
        views.notices.error(`The knowledge could not be checked (${err.message}); the built-in knowledge is used.`, { key: 'knowledge' });
      });
      await loadSeeds(seeds, checked);
      // The knowledge editor's entity suggestions, which the first screen does not need.
      knowledge.complete();
      await loadSaved();
      if (!intake.busy) views.status.done(`${corpus.list.length} articles · analyzer ${info.version || 'ready'}`);
      started = true;
      if (!corpus.list.length) views.reader.message('No articles.');
      api.render();
    },

    /** Draws every view from the corpus and the current route. */
    render() {
      if (!router) return;
      lastRender = performance.now();
      const route = router.route;
      const all = corpus.list;
      // Entity totals are sorted when first read after a change: only views that show them read them.
      const totals = () => corpus.totals;
      const viewpoints = corpus.viewpoints;
      const voices = new Set(route.v);
      const { primary, quoting } = S.filterCorpus(all, { viewpoints: voices, entity: route.e, query: route.q });
      // Corpus order is the list's own order: no copy, no sort.
      const inOrder = (list) => (!route.sort || route.sort === 'corpus' ? list : S.sortArticles(list, route.sort));
      const sortedPrimary = inOrder(primary);
      const sortedQuoting = inOrder(quoting);
      visible = sortedQuoting.length ? [...sortedPrimary, ...sortedQuoting] : sortedPrimary;
      const current = (route.id && corpus.get(route.id)) || (!route.id && visible[0]) || null;
      shownId = current ? current.id : null;
      const entity = route.e ? totals().get(route.e) : null;

      views.chips.show(viewpoints, voices, corpus.viewpointCounts);
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
        if (current) views.reader.show(current, { viewpoints, get totals() { return totals(); } });
        else if (route.id) views.reader.message(started ? `No article “${route.id}” in the corpus.` : 'Loading…');
        else if (all.length) views.reader.message('No article matches the filter.');
      }
      views.reader.setVoices(voices);
      views.reader.setEntity(route.e);
      views.ingest.showRemove(!!current && current.origin !== 'seed');

      views.panels.show(route.p, route.sc);
      // Each panel redraws only when its input changed (not for every article a drop adds
      // elsewhere): the same article and viewpoints, or the same corpus version and filter.
      const changed = (panel, ...key) => {
        const same = drawn[panel] && drawn[panel].length === key.length && key.every((k, i) => k === drawn[panel][i]);
        drawn[panel] = key;
        return !same;
      };
      const corpusWide = route.sc === 'corpus';
      if (route.p !== 'why') drawn.why = null;
      if (route.p !== 'entities') drawn.entities = null;
      if (route.p !== 'stances') drawn.stances = null;
      if (route.p === 'why' && changed('why', current, viewpoints)) views.why.show(current, viewpoints);
      if (route.p === 'entities' && changed('entities', route.sc, route.e, corpusWide ? corpus.version : current)) {
        const rows = route.sc === 'corpus' ? [...totals().values()] : current ? current.report.entities : [];
        const caption = route.sc === 'corpus' ? `All ${all.length} articles, by mentions.` : current ? 'This article, by mentions.' : '';
        views.entities.show(rows, route.e, caption);
      }
      if (route.p === 'stances' && changed('stances', route.sc, route.v.join('\u0000'), corpusWide ? [corpus.version, route.q, route.e, route.sort].join('\u0000') : current)) {
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
      const id = S.neighbour(visibleIds(), shownId, delta);
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
      const bytes = p.text.length > limit() ? p.text.length : utf8Length(p.text);
      if (bytes > limit()) return tooLargeMessage('The pasted text', bytes, limit());
      intake.addPaste(p);
      return null;
    },
    cancel() {
      intake.cancel();
    },
    async removeCurrent() {
      const a = corpus.get(shownId);
      if (!a || a.origin === 'seed') return;
      const next = S.neighbour(visibleIds().filter((id) => id !== a.id), null, 1);
      await intake.flush();
      let moved = { tag: null, ids: [] };
      try {
        moved = await (await store()).trash([a.id]);
      } catch (err) {
        if (err.kind !== 'unavailable' || storeOpened()) {
          return views.notices.error(`“${S.titleOf(a)}” was not removed: ${err.message}. Nothing was changed.`, { key: 'storage' });
        }
      }
      corpus.remove([a.id]);
      router.go({ id: next });
      undoable(moved.tag, moved.ids.includes(a.id) ? [] : [a], `Removed “${S.titleOf(a)}”.`);
    },
    /** Removes every added article, saved or not, loaded yet or not; undoable from storage. */
    async reset() {
      // Stop the article in progress and whatever is queued: nothing is added after this.
      await intake.stop();
      const added = corpus.added();
      let moved = { tag: null, ids: [] };
      try {
        moved = await (await store()).trash(null);
      } catch (err) {
        if (err.kind !== 'unavailable' || storeOpened()) {
          views.status.done(`${corpus.list.length} articles`);
          return views.notices.error(`Reset failed: ${err.message}. Nothing was removed.`, { key: 'storage' });
        }
      }
      const saved = new Set(moved.ids);
      const unsaved = added.filter((a) => !saved.has(a.id));
      const n = new Set([...moved.ids, ...added.map((a) => a.id)]).size;
      if (!n) {
        views.status.done(`${corpus.list.length} articles · analyzer ${info ? info.version || 'ready' : 'loading'}`);
        return views.notices.info('The corpus holds only the seed articles.');
      }
      corpus.remove(added.map((a) => a.id));
      router.go({ id: null });
      views.status.done(`${corpus.list.length} articles · analyzer ${info ? info.version || 'ready' : 'loading'}`);
      undoable(moved.tag, unsaved, `Removed ${n} added article${n === 1 ? '' : 's'}; the seeds remain.`);
    },
    /** Exports what storage holds (not what this tab has loaded so far). */
    async exportCorpus() {
      const day = new Date().toISOString().slice(0, 10);
      let records;
      let from = 'saved';
      try {
        await intake.flush();
        records = await (await store()).all();
      } catch (err) {
        if (err.kind !== 'unavailable' || storeOpened()) return views.notices.error(`Export failed: the saved articles could not be read (${err.message}). Nothing was exported.`, { key: 'storage-read' });
        records = corpus.added().map(recordOf);
        from = 'added in this tab (the browser offers no storage)';
      }
      views.ingest.download(`parallax-corpus-${day}.json`, exportText(records, { analyzer: info ? info.version : '' }));
      views.notices.info(`Exported ${records.length} ${from} article${records.length === 1 ? '' : 's'} (the seeds are always there).`);
    },
    /**
     * Imports an export file: parsed in a worker, then saved in one transaction (all of it or
     * none), then analyzed. Articles over the size limit are named and left out.
     */
    async importFile(file) {
      if (!info) return views.notices.error('The analyzer is not ready yet: import again in a moment.');
      const name = `“${cleanName(file.name)}”`;
      if (file.size > IMPORT_FILE_LIMIT) return views.notices.error(`${name} is ${formatSize(file.size)}; an export file may be at most ${formatSize(IMPORT_FILE_LIMIT)}. Nothing was imported.`);
      let records;
      try {
        records = await client.parseExport(file);
      } catch (err) {
        return views.notices.error(`${name} cannot be imported: ${err.message}.`);
      }
      if (!records.length) return views.notices.info(`${name} holds no articles.`);
      const over = records.filter((r) => r.bytes > limit());
      for (const r of over) views.notices.error(tooLargeMessage(`“${r.meta.title || r.fileName || 'An article'}” in ${name}`, r.bytes, limit()) + ' It was not imported.');
      const fresh = records.filter((r) => r.bytes <= limit()).map(({ bytes, ...r }) => r);
      const present = fresh.filter((r) => corpus.withText(r.text));
      if (present.length) views.notices.info(`${nameList(present.map((r) => r.meta.title || r.fileName || r.id))} from ${name} ${present.length === 1 ? 'is' : 'are'} already in the corpus.`);
      const todo = fresh.filter((r) => !corpus.withText(r.text));
      if (!todo.length) return;
      let s = null;
      try {
        s = await store();
      } catch {
        // No storage at all: import into this tab only (each failed save is reported).
        return intake.importRecords(todo, name);
      }
      views.status.busy(`Saving ${todo.length} article${todo.length === 1 ? '' : 's'} from ${name}…`);
      try {
        await s.putMany(todo);
      } catch (err) {
        views.status.done(`${corpus.list.length} articles · analyzer ${info.version || 'ready'}`);
        return views.notices.error(`${name} was not imported: ${err.message}. Nothing from it was saved, and the corpus is as it was.`, { key: 'storage' });
      }
      intake.remember(todo.map((r) => r.id));
      intake.addSaved(todo, name);
    },
  };
  return api;
}
