// The views' links (Read, Compare, Network, Knowledge) and which panes are on screen.
import { $ } from './dom.js';

const PANES = { read: ['reader', 'panels'], compare: ['compare'], network: ['network'], knowledge: ['knowledge'] };

export function createNavView() {
  const links = [...$('views').querySelectorAll('a[data-view]')];
  const layout = $('layout');
  let shown = null;
  return {
    /** @param {string} view  @param {(view: string) => string} href */
    show(view, href) {
      for (const a of links) {
        a.href = href(a.dataset.view);
        if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
      if (view === shown) return;
      shown = view;
      for (const [v, ids] of Object.entries(PANES)) for (const id of ids) $(id).hidden = v !== view;
      layout.dataset.view = view;
    },
  };
}
