// Wires the page: the worker client, the views, the controller, the router and the service
// worker. Nothing else.
import { sharedClient } from './client.js';
import { createRouter } from './router.js';
import { createController } from './controller.js';
import { watchForUpdates } from './update.js';
import { createStatusView } from './view/status.js';
import { createChipsView } from './view/chips.js';
import { createListView } from './view/list.js';
import { createTooltip } from './view/tooltip.js';
import { createReaderView } from './view/reader.js';
import { createPanelsView } from './view/panels.js';
import { createWhyView } from './view/why.js';
import { createEntitiesView } from './view/entities.js';
import { createStancesView } from './view/stances.js';
import { createIngestView } from './view/ingest.js';
import { createNoticesView } from './view/notices.js';
import { bindKeys } from './view/keys.js';
import { createNavView } from './view/nav.js';
import { createCompareView } from './view/compare.js';
import { createNetworkView } from './view/network.js';
import { createExportsView } from './view/exports.js';
import { createEditorView } from './view/editor.js';
import { svgToPng } from './view/png.js';
import { createLenses } from './lenses.js';

const tooltip = createTooltip();
const views = {
  status: createStatusView(),
  chips: createChipsView(),
  list: createListView(),
  reader: createReaderView(tooltip),
  panels: createPanelsView(),
  why: createWhyView(),
  entities: createEntitiesView(),
  stances: createStancesView(),
  ingest: createIngestView(),
  notices: createNoticesView(),
  nav: createNavView(),
  compare: createCompareView(),
  network: createNetworkView(),
  exports: createExportsView(),
  editor: createEditorView(),
};

let router = null;
// Compare, network and exports: drawn after the controller's views on every render.
views.lenses = createLenses({ views, router: () => router, download: views.ingest.download, svgToPng });
const app = createController({ client: sharedClient(), views });
router = createRouter(window, () => app.render());
app.attachRouter(router);

views.chips.bindToggle(app.toggleViewpoint);
views.chips.bindClear(app.clearViewpoints);
views.list.bindSearch(app.search);
views.list.bindSort(app.sort);
views.list.bindClearEntity(app.clearEntity);
views.reader.bindEntityPick(app.pickEntity);
views.panels.bindTab(app.tab);
views.panels.bindScope(app.scope);
views.why.bindReveal(app.revealEvidence);
views.entities.bindPick(app.pickEntity);
views.stances.bindRow(app.openStatement);
views.ingest.bindFiles(app.addFiles);
views.ingest.bindPaste(app.addPaste);
views.ingest.bindImport(app.importFile);
views.ingest.bindExport(app.exportCorpus);
views.ingest.bindReset(app.reset);
views.ingest.bindCancel(app.cancel);
views.ingest.bindRemove(app.removeCurrent);
views.compare.bindPick((change) => router.go({ view: 'compare', ...change }));
views.network.bindChange((change) => router.go({ view: 'network', ...change }));
views.network.bindExport((format) => views.lenses.exportNetwork(format));
views.editor.bind({
  apply: (overlay, opts) => app.knowledge.apply(overlay, opts),
  exportFile: (overlay) => app.knowledge.exportFile(overlay),
  importFile: (file) => app.knowledge.importFile(file),
});
views.exports.bindExport((kind, scope) => views.lenses.exportAnalysis(kind, scope));

// j/k walk the articles in the reading view only.
const reading = () => router.route.view === 'read';
bindKeys({
  next: () => reading() && app.step(1),
  prev: () => reading() && app.step(-1),
  search: () => views.list.focusSearch(),
  inList: () => views.list.hasFocus(),
  escape: (e) => {
    e.preventDefault();
    if (tooltip.visible) return tooltip.hide();
    if (views.list.isSearch(e.target) && e.target.value) {
      e.target.value = '';
      return app.search('');
    }
    app.escape();
  },
});

watchForUpdates((apply) => views.notices.update('A new version of Parallax is ready.', { label: 'Reload', run: apply }));

app.render();
app.start();
