// Wires the page: the worker client, the views, the controller, the router and the service
// worker. Nothing else.
import { createClient } from './client.js';
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
};

const app = createController({ client: createClient(), views });
app.attachRouter(createRouter(window, () => app.render()));

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

bindKeys({
  next: () => app.step(1),
  prev: () => app.step(-1),
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
