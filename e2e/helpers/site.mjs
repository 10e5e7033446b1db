// Shared set-up for the page tests: one server and one browser per test file, a fresh context
// per test, and a check that nothing went wrong on the page.
import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { launch, openPage, waitForCorpus } from './browser.mjs';

export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

/**
 * Registers before/after hooks and returns accessors.
 * Every page opened through `open` must end its test without page or console errors
 * (unless the test calls `page.expectErrors()`).
 */
export function useSite() {
  const state = { server: null, browser: null, pages: [] };
  before(async () => {
    state.server = await serve();
    state.browser = await launch();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  afterEach(async () => {
    const pages = state.pages.splice(0);
    for (const page of pages) {
      const problems = page.allowErrors ? [] : page.problems();
      await page.context().close();
      assert.deepEqual(problems, [], 'the page reported errors');
    }
  });
  return {
    get url() {
      return state.server.url;
    },
    get browser() {
      return state.browser;
    },
    /** Every path the server was asked for, in order (from every test of the file). */
    get requests() {
      return state.server.requests;
    },
    /**
     * A fresh context and page at `hash`, waiting for the corpus unless `wait` is false.
     * @param {string} [hash]
     * @param {{wait?: boolean, count?: number, context?: object, before?: (page) => Promise<void>}} [opts]
     */
    async open(hash = '', { wait = true, count = 5, context = {}, before: prepare } = {}) {
      // Service workers are blocked unless a test asks for them: with one, page.route cannot
      // see requests, and every test would download the site twice.
      const ctx = await state.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block', acceptDownloads: true, ...context });
      const page = await openPage(ctx);
      page.expectErrors = () => (page.allowErrors = true);
      state.pages.push(page);
      if (prepare) await prepare(page);
      await page.goto(state.server.url + hash);
      if (wait) await waitForCorpus(page, count);
      return page;
    },
  };
}

/** Runs the analyzer in the page itself, as the page does for a seed: {text, report}. */
export function analyzeSeedInPage(page, seed) {
  return page.evaluate(async (seed) => {
    const mod = await import(new URL('./pkg/parallax.js', document.baseURI).href);
    await mod.default();
    const a = new mod.Analyzer();
    let text = await (await fetch('./seeds/' + seed.file)).text();
    if (typeof a.ingestText === 'function') text = a.ingestText(text).text;
    const meta = {};
    for (const k of ['outlet', 'url', 'date', 'author', 'source']) if (typeof seed[k] === 'string') meta[k] = seed[k];
    if (typeof seed.title === 'string') meta.title = seed.title;
    return { text, report: a.analyze(text, meta) };
  }, seed);
}

/** seeds/index.json as the page sees it. */
export function seedIndex(page) {
  return page.evaluate(async () => (await (await fetch('./seeds/index.json')).json()).seeds);
}

/** The articles listed, in order: [{id, title, viewpoint, current, quoting}]. */
export function listed(page) {
  return page.$$eval('#list .item, #quoting .item', (items) =>
    items.map((li) => ({
      id: li.dataset.id,
      title: li.querySelector('.item-title').textContent,
      viewpoint: li.querySelector('.vp-badge').textContent.trim(),
      current: li.querySelector('a').getAttribute('aria-current') === 'true',
      quoting: li.closest('#quoting') != null,
    })),
  );
}

export { waitForCorpus };
