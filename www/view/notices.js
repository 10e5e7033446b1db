// Messages about what happened to what the reader gave us: refusals (which stay until
// dismissed), results and undo offers (which fade), the new-version notice.
import { $, h } from './dom.js';

export function createNoticesView() {
  const root = $('notices');

  function dismiss(el) {
    clearTimeout(el._timer);
    el.remove();
    const all = root.querySelector('.dismiss-all');
    if (all && root.querySelectorAll('.notice').length < 3) all.remove();
  }

  function dismissAll() {
    for (const el of [...root.querySelectorAll('.notice')]) dismiss(el);
  }

  /**
   * @param {string} text
   * @param {{kind?: 'info'|'error'|'update', action?: {label: string, run: () => void}, timeout?: number, key?: string}} [opts]
   *   `key` replaces an earlier notice with the same key.
   */
  function show(text, { kind = 'info', action = null, timeout = kind === 'info' ? 12000 : 0, key = null } = {}) {
    if (key) for (const old of root.querySelectorAll('.notice')) if (old.dataset.key === key) dismiss(old);
    const el = h('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : null, dataset: key ? { key } : {} },
      h('p', { class: 'notice-text' }, text),
    );
    if (action) {
      el.append(h('button', { type: 'button', class: 'small-button', onclick: () => { dismiss(el); action.run(); } }, action.label));
    }
    el.append(h('button', { type: 'button', class: 'notice-close', 'aria-label': 'Dismiss message', onclick: () => dismiss(el) }, '×'));
    root.append(el);
    if (timeout) el._timer = setTimeout(() => dismiss(el), timeout);
    if (root.querySelectorAll('.notice').length >= 3 && !root.querySelector('.dismiss-all')) {
      root.prepend(h('button', { type: 'button', class: 'dismiss-all small-button', onclick: dismissAll }, 'Dismiss all'));
    }
    return el;
  }

  return {
    info: (text, opts = {}) => show(text, { ...opts, kind: 'info' }),
    error: (text, opts = {}) => show(text, { ...opts, kind: 'error' }),
    update: (text, action) => show(text, { kind: 'update', action, key: 'update', timeout: 0 }),
    dismissAll,
  };
}
