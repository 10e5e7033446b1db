// Wires the page: the worker client, the views, the controller and the router. Nothing else.
import { createClient } from './client.js';
import { createRouter } from './router.js';
import { createController } from './controller.js';
import { createStatusView } from './view/status.js';
import { createChipsView } from './view/chips.js';
import { createListView } from './view/list.js';
import { createTooltip } from './view/tooltip.js';
import { createReaderView } from './view/reader.js';
import { createPanelsView } from './view/panels.js';
import { createWhyView } from './view/why.js';
import { createEntitiesView } from './view/entities.js';
import { createStancesView } from './view/stances.js';
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

app.render();
app.start();
