// The one floating tooltip: canonical name, type, bloc and corpus count of a mention.
import { $, fill, h } from './dom.js';

export function createTooltip() {
  const tip = $('tooltip');
  let anchor = null;

  function place() {
    if (!anchor) return;
    const r = anchor.getBoundingClientRect();
    const t = tip.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    let left = Math.min(Math.max(8, r.left + r.width / 2 - t.width / 2), vw - t.width - 8);
    let top = r.bottom + 8;
    if (top + t.height > innerHeight - 8) top = r.top - t.height - 8;
    tip.style.left = `${Math.round(left + scrollX)}px`;
    tip.style.top = `${Math.round(top + scrollY)}px`;
  }

  return {
    /**
     * @param {Element} el     the element described (gets aria-describedby)
     * @param {string} title
     * @param {string[]} lines
     */
    show(el, title, lines) {
      if (anchor && anchor !== el) anchor.removeAttribute('aria-describedby');
      anchor = el;
      fill(tip, h('strong', { class: 'tip-title' }, title), lines.map((l) => h('span', { class: 'tip-line' }, l)));
      tip.hidden = false;
      el.setAttribute('aria-describedby', 'tooltip');
      place();
    },
    hide(el) {
      if (el && el !== anchor) return;
      if (anchor) anchor.removeAttribute('aria-describedby');
      anchor = null;
      tip.hidden = true;
    },
    get visible() {
      return !tip.hidden;
    },
  };
}
