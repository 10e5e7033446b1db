// The one way views build elements. Strings become text nodes (never markup), so article text,
// titles, file names and metadata cannot turn into HTML.
import { blocSlot } from '../state.js';

/**
 * @param {string} tag
 * @param {Record<string, any>} [props]  class, text, dataset, on<event>, or attributes
 * @param {...(Node|string|number|null|false|Array)} children
 * @returns {HTMLElement}
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** The element with this id; throws when the page skeleton lacks it. */
export function $(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el;
}

/** Class names for a bloc, safe for any data value: `bloc-<id>` and its colour slot
 * (`slot-N`, from the knowledge's display data; style.css draws the slots). */
export function blocClass(bloc) {
  if (!bloc) return 'bloc-none';
  return `bloc-${String(bloc).toLowerCase().replace(/[^a-z0-9_-]/g, '') || 'other'} slot-${blocSlot(bloc)}`;
}

/** Smooth scrolling unless the reader asked for less motion. */
export function scrollBehavior() {
  return matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/** A horizontal bar for a share in [0, 1], hidden from assistive tech (the number is shown too). */
export function bar(share) {
  const fill = h('span', { class: 'bar-fill' });
  fill.style.width = `${Math.round(Math.max(0, Math.min(1, Number(share) || 0)) * 100)}%`;
  return h('span', { class: 'bar', 'aria-hidden': 'true' }, fill);
}
