// Headless Debian Chromium through playwright-core, and a page that records what went wrong.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A new page that collects page errors, console errors and every request URL.
 * Call `problems()` at the end of a test: it must be empty.
 */
export async function openPage(context) {
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('request', (r) => requests.push(r.url()));
  page.problems = () => errors;
  page.requests = requests;
  return page;
}

/** Waits until the seeds are analyzed and listed. */
export async function waitForCorpus(page, count = 5) {
  await page.waitForFunction((n) => document.querySelectorAll('#list .item, #quoting .item').length >= n && !/Analyz|Loading/.test(document.getElementById('status').textContent), count, { timeout: 30_000 });
}
