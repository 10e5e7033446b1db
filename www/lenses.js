// The views beside reading — compare, the stance network, exports — drawn from the corpus
// and the route. Chooses which view is on screen and computes what it shows; never touches
// the DOM itself (the views in view/ do).
import * as S from './state.js';
import { compareSides, targetChoices, partnersOf, blindspots } from './sides.js';
import { stanceGraph, circleByBloc } from './graph.js';
import { exportFile } from './export/files.js';

/**
 * @param {object} deps
 * @param {Record<string, any>} deps.views   nav, compare, network, exports, reader
 * @param {() => ReturnType<import('./router.js').createRouter>} deps.router
 * @param {(name: string, data: string|Blob, type?: string) => void} deps.download  (a Blob is saved as it is)
 * @param {(svg: string, width: number) => Promise<Blob>} deps.svgToPng
 */
export function createLenses({ views, router, download, svgToPng }) {
  let revealed = null;
  let last = null;
  let graphKey = null;
  let graph = null;

  /** Articles of the filtered list (search, entity, viewpoints), as the corpus list shows them. */
  function listed(all, route) {
    const { primary, quoting } = S.filterCorpus(all, { viewpoints: route.v, entity: route.e, query: route.q });
    return [...primary, ...quoting];
  }

  function showCompare(all, route, viewpoints, totals) {
    const choices = targetChoices(all);
    const t = route.t || (choices[0] && choices[0].id) || null;
    const known = (id) => choices.find((c) => c.id === id) || (totals.get(id) ? { id, name: totals.get(id).name, bloc: totals.get(id).bloc, n: 0 } : { id, name: id, bloc: null, n: 0 });
    const target = t ? known(t) : null;
    const partners = t ? partnersOf(all, t) : [];
    const w = route.w && route.w !== t ? known(route.w) : null;
    const columns = t ? compareSides(all, viewpoints, { t, w: w && w.id, by: route.by }) : [];
    views.compare.show({
      choices,
      partners,
      target,
      partner: w,
      by: route.by,
      viewpoints,
      columns,
      blindspots: blindspots(all),
      statementHref: (article, statement) => router().href({ id: article, s: statement }),
      compareHref: (id) => router().href({ view: 'compare', t: id, w: null }),
    });
  }

  function showNetwork(all, route, viewpoints) {
    const articles = route.set === 'list' ? listed(all, route) : all;
    const key = [route.set, route.top, route.v.join(','), route.set === 'list' ? route.q + '\u0000' + route.e : '', articles.map((a) => a.id).join('\u0000')].join('\u0001');
    if (key !== graphKey) {
      graphKey = key;
      graph = stanceGraph(articles, { voices: new Set(route.v), top: route.top });
      graph.layout = circleByBloc(graph.nodes);
      graph.articles = articles.length;
    }
    views.network.show({
      graph,
      key,
      edge: route.edge,
      set: route.set,
      top: route.top,
      voices: route.v.map((v) => S.viewpointName(viewpoints, v)),
      statementHref: (article, statement) => router().href({ id: article, s: statement }),
    });
  }

  return {
    /**
     * Called by the controller after it has drawn the reading view and the panels.
     * @param {import('./router.js').Route} route
     * @param {ReturnType<import('./corpus.js').createCorpus>} corpus
     */
    show(route, corpus) {
      last = { route, corpus };
      const all = corpus.list;
      const viewpoints = corpus.viewpoints;
      views.nav.show(route.view, (view) => router().href({ view, id: null, edge: null }));
      if (route.view === 'compare') showCompare(all, route, viewpoints, corpus.totals);
      if (route.view === 'network') showNetwork(all, route, viewpoints);
      if (route.view === 'read' && route.p === 'export') {
        const current = (route.id && corpus.get(route.id)) || (!route.id && listed(all, route)[0]) || null;
        views.exports.show({ scope: route.sc, article: current, articles: route.sc === 'corpus' ? listed(all, route) : [] });
      }
      // A link to a statement (#/a/<id>?s=N) brings it into view once, when it is drawn.
      const want = route.view === 'read' && route.id && route.s != null ? route.id + '\u0000' + route.s : null;
      if (want && want !== revealed && views.reader.current && views.reader.current.id === route.id) {
        revealed = want;
        requestAnimationFrame(() => views.reader.reveal('s', route.s));
      } else if (!want) revealed = null;
    },

    /** Downloads one export of the shown article (scope 'article') or the filtered list. */
    exportAnalysis(kind, scope) {
      if (!last) return;
      const { route, corpus } = last;
      const all = corpus.list;
      const articles = scope === 'corpus' ? listed(all, route) : [(route.id && corpus.get(route.id)) || listed(all, route)[0]].filter(Boolean);
      if (!articles.length) return views.notices.info('There is nothing to export.');
      const file = exportFile(kind, articles, { corpus: scope === 'corpus', viewpoints: corpus.viewpoints });
      download(file.name, file.text, file.type);
    },

    /** Downloads the network as drawn, as SVG or PNG. */
    async exportNetwork(format) {
      const svg = views.network.standalone();
      if (!svg) return views.notices.info('There is no network to export.');
      if (format === 'svg') return download('parallax-network.svg', svg.text, 'image/svg+xml');
      try {
        download('parallax-network.png', await svgToPng(svg.text, svg.width), 'image/png');
      } catch (err) {
        views.notices.error(`The PNG could not be made: ${err.message}. The SVG export keeps the same picture.`);
      }
    },
  };
}
