// One tab stop for a group (the WAI-ARIA roving tabindex): arrows, Home and End move between
// its elements, Enter or Space chooses one.

/** Makes `list[i]` the group's tab stop and focuses it. */
export function focusAt(list, i) {
  if (!list[i]) return;
  for (const el of list) el.setAttribute('tabindex', '-1');
  list[i].setAttribute('tabindex', '0');
  list[i].focus();
  list[i].scrollIntoView({ block: 'nearest' });
}

/**
 * @param {Element} container
 * @param {() => Element[]} items      the group's elements, in order
 * @param {(el: Element) => boolean} choose  Enter or Space on `el`; true when it was taken
 */
export function bindRoving(container, items, choose) {
  container.addEventListener('keydown', (e) => {
    const list = items();
    const i = list.indexOf(/** @type {Element} */ (e.target));
    if (i < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    let next = -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = Math.min(list.length - 1, i + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = list.length - 1;
    else if (e.key === 'Enter' || e.key === ' ') {
      if (choose(list[i])) e.preventDefault();
      return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
    focusAt(list, next);
  });
}
