// The service worker from the page's side: registers it, and tells when a new deployment
// is ready. The new version takes over only when the reader chooses to reload, so the page
// never runs half old, half new.

/**
 * @param {(apply: () => void) => void} onReady  called with a function that switches to the new version
 */
export function watchForUpdates(onReady) {
  if (!('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  let applying = false;
  sw.addEventListener('controllerchange', () => {
    // The first install also claims the page; only the update the reader chose reloads it.
    if (!applying) return;
    applying = false;
    location.reload();
  });
  const offer = (worker) => {
    if (!worker || !sw.controller) return;
    onReady(() => {
      applying = true;
      worker.postMessage({ type: 'activate' });
    });
  };
  sw.register('./sw.js').then(
    (reg) => {
      if (!reg) return; // registration blocked
      if (reg.waiting) offer(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const w = reg.installing;
        if (!w) return;
        w.addEventListener('statechange', () => {
          if (w.state === 'installed') offer(w);
        });
      });
      // Look for a new deployment when the page comes back to the foreground.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') reg.update().catch(() => {});
      });
    },
    () => {
      // No offline support here (blocked, or an insecure origin); the page works without it.
    },
  );
}
