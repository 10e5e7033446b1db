// The page's first script: starts the first analyzer worker (the wasm's download and compile,
// the knowledge base) while the page's modules load. A classic script, so it runs as soon as
// it arrives; a module would wait its turn among the page's modules (measured: started just
// before DOMContentLoaded, after app.js). client.js takes this worker as the pool's first,
// with whatever it sent before the page's modules were there to listen.
(() => {
  if (typeof Worker !== 'function' || !document.currentScript) return;
  let worker;
  try {
    worker = new Worker(new URL('./worker.js', document.currentScript.src), { type: 'module' });
  } catch {
    return; // client.js starts its own and reports what went wrong
  }
  const early = [];
  const keep = (e) => {
    if (e.type === 'error') e.preventDefault(); // client.js reports it
    early.push(e);
  };
  worker.addEventListener('message', keep);
  worker.addEventListener('error', keep);
  window.parallaxBoot = {
    take() {
      worker.removeEventListener('message', keep);
      worker.removeEventListener('error', keep);
      return { worker, early };
    },
  };
})();
