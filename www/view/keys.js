// Global keys: j/k (or ↓/↑ in the list) through articles, '/' to search, Esc to clear.

function typing(el) {
  return el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/**
 * @param {{next: () => void, prev: () => void, search: () => void, escape: (e: KeyboardEvent) => void,
 *          inList: () => boolean}} on
 */
export function bindKeys(on) {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (document.querySelector('dialog[open]')) return; // the dialog has the keyboard
    if (e.key === 'Escape') {
      on.escape(e);
      return;
    }
    if (typing(e.target)) return;
    const arrows = on.inList() || e.target === document.body;
    if (e.key === 'j' || (arrows && e.key === 'ArrowDown')) {
      e.preventDefault();
      on.next();
    } else if (e.key === 'k' || (arrows && e.key === 'ArrowUp')) {
      e.preventDefault();
      on.prev();
    } else if (e.key === '/') {
      e.preventDefault();
      on.search();
    }
  });
}
