// The side panels' tabs (Why / Entities / Stances) and their scope (this article / corpus).
import { $ } from './dom.js';

export function createPanelsView() {
  const tabs = [...$('panel-tabs').querySelectorAll('[role="tab"]')];
  const scope = $('panel-scope');
  let onTab = () => {};
  let onScope = () => {};

  $('panel-tabs').addEventListener('click', (e) => {
    const t = e.target.closest('[role="tab"]');
    if (t) onTab(t.dataset.panel);
  });
  // Arrow keys move along the tabs (the WAI-ARIA tabs pattern, automatic activation).
  $('panel-tabs').addEventListener('keydown', (e) => {
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    let j = -1;
    if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = tabs.length - 1;
    if (j < 0) return;
    e.preventDefault();
    e.stopPropagation();
    tabs[j].focus();
    onTab(tabs[j].dataset.panel);
  });
  scope.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-scope]');
    if (b) onScope(b.dataset.scope);
  });

  return {
    bindTab(fn) {
      onTab = fn;
    },
    bindScope(fn) {
      onScope = fn;
    },
    /** @param {string} panel  why | entities | stances  @param {string} sc  article | corpus */
    show(panel, sc) {
      for (const t of tabs) {
        const on = t.dataset.panel === panel;
        t.setAttribute('aria-selected', String(on));
        t.tabIndex = on ? 0 : -1;
        $(t.getAttribute('aria-controls')).hidden = !on;
      }
      scope.hidden = panel === 'why';
      for (const b of scope.querySelectorAll('button[data-scope]')) b.setAttribute('aria-pressed', String(b.dataset.scope === sc));
    },
  };
}
