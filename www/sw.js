// Offline support: the app shell, the analyzer and the seeds, cached under a name that
// changes with every build (build.sh writes the version in place of the marker below).
// A new version installs beside the old one and waits; the page offers a reload, and only
// then does the new cache take over: never a half-updated app.

const VERSION = '__BUILD_VERSION__';
const CACHE = `parallax-${VERSION}`;

// Every file of the page. e2e/unit/sw.test.mjs checks this list against www/; in dist/,
// where the modules are bundled, scripts/bundle.mjs writes it from the files dist/ holds.
const SHELL = [
  './',
  './index.html',
  './style.css',
  './manifest.webmanifest',
  './icons/icon.svg',
  './icons/icon-192.png',
  './icons/icon-512.png',
  './app.js',
  './boot.js',
  './client.js',
  './controller.js',
  './corpus.js',
  './exchange.js',
  './export/analysis.js',
  './export/annotations.js',
  './export/csv.js',
  './export/files.js',
  './export/report.js',
  './export/units.js',
  './graph.js',
  './intake.js',
  './knowledge.js',
  './knowledge-file.js',
  './knowledge-store.js',
  './lenses.js',
  './router.js',
  './sides.js',
  './spans.js',
  './state.js',
  './store.js',
  './update.js',
  './worker.js',
  './view/chips.js',
  './view/compare.js',
  './view/dom.js',
  './view/editor.js',
  './view/entities.js',
  './view/exports.js',
  './view/ingest.js',
  './view/keys.js',
  './view/list.js',
  './view/nav.js',
  './view/network.js',
  './view/notices.js',
  './view/png.js',
  './view/roving.js',
  './view/panels.js',
  './view/reader.js',
  './view/stances.js',
  './view/status.js',
  './view/tooltip.js',
  './view/why.js',
  './pkg/parallax.js',
  './pkg/parallax_bg.wasm',
  // The HTML module: the page loads it on the first web page, Markdown note or overlay of the user's
  // knowledge only, but offline those must work too, so it is cached here, after the first load, with the rest.
  './pkg/parallax_html.js',
  './pkg/parallax_html_bg.wasm',
  // The built-in data files' texts: the worker fetches them for the user's own knowledge.
  './pkg/knowledge-data.json',
  // The built-in knowledge's blocs and viewpoints, which the worker sends with `ready`.
  './pkg/knowledge-display.json',
  './seeds/index.json',
];

async function precache() {
  const cache = await caches.open(CACHE);
  const fresh = (url) => new Request(url, { cache: 'reload' });
  await cache.addAll(SHELL.map(fresh));
  const index = await (await cache.match('./seeds/index.json')).json();
  await cache.addAll((index.seeds || []).map((s) => fresh('./seeds/' + encodeURIComponent(s.file))));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    precache().then(() => {
      // The very first install may take over at once; later ones wait for the reader.
      if (!self.registration.active) return self.skipWaiting();
    }),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('parallax-') && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = req.mode === 'navigate' ? await cache.match('./index.html') : await cache.match(req, { ignoreSearch: true });
      if (hit) return hit;
      return fetch(req);
    })(),
  );
});
