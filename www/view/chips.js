// Viewpoint chips: toggle buttons, several at once, rendered from the analyzer's viewpoint list.
import { $, h, fill, blocClass } from './dom.js';

export function createChipsView() {
  const root = $('chips');
  let onToggle = () => {};
  let onClear = () => {};
  root.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    if (b.dataset.viewpoint) onToggle(b.dataset.viewpoint);
    else if (b.dataset.clear != null) onClear();
  });
  let shape = null;
  return {
    bindToggle(fn) {
      onToggle = fn;
    },
    bindClear(fn) {
      onClear = fn;
    },
    /**
     * @param {{id: string, label: string, bloc: string|null}[]} viewpoints
     * @param {Set<string>} selected
     * @param {Map<string, number>} counts  articles per viewpoint
     */
    show(viewpoints, selected, counts) {
      // Rebuild only when the set of chips changes, so focus stays on the chip just pressed.
      const next = viewpoints.map((v) => v.id + ':' + v.label + ':' + v.bloc).join('|');
      if (next !== shape) {
        shape = next;
        fill(
          root,
          h('span', { class: 'chips-label', id: 'chips-label', 'aria-hidden': 'true' }, 'Viewpoint'),
          viewpoints.map((v) =>
            h('button', { type: 'button', class: 'chip ' + blocClass(v.bloc), dataset: { viewpoint: v.id }, 'aria-pressed': 'false' },
              h('span', { class: 'chip-icon', 'aria-hidden': 'true' }),
              h('span', { class: 'chip-label' }, v.label),
              h('span', { class: 'chip-count' }),
              h('span', { class: 'sr-only' }, ' articles'),
            ),
          ),
          h('button', { type: 'button', class: 'chip-clear', dataset: { clear: '' }, hidden: true }, 'Show all'),
        );
      }
      // Only what changed is written: an unchanged page needs no new layout.
      for (const b of root.querySelectorAll('button[data-viewpoint]')) {
        const id = b.dataset.viewpoint;
        const pressed = String(selected.has(id));
        const n = String(counts.get(id) || 0);
        const count = b.querySelector('.chip-count');
        if (b.getAttribute('aria-pressed') !== pressed) b.setAttribute('aria-pressed', pressed);
        if (count.textContent !== n) count.textContent = n;
      }
      root.querySelector('.chip-clear').hidden = selected.size === 0;
    },
  };
}
