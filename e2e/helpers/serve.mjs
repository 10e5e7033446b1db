// The built site served for tests by Parallax's own server (scripts/serve.mjs), with the same
// headers `./build.sh` serves and dist/_headers ships, on 127.0.0.1 and a port the OS picks.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSite } from '../../scripts/serve.mjs';

/** The directory tests serve: $PARALLAX_SITE, or dist/ at the top of the repository. */
export function siteDir() {
  return resolve(process.env.PARALLAX_SITE || fileURLToPath(new URL('../../dist', import.meta.url)));
}

/**
 * Serves `dir` under `prefix` (a sub-path, to prove relative URLs work).
 * @returns {Promise<{url: string, close: () => Promise<void>, requests: string[]}>}
 */
export async function serve(dir = siteDir(), { prefix = '/parallax/' } = {}) {
  const requests = [];
  const site = await serveSite(dir, { prefix, onRequest: (path) => requests.push(path) });
  return { url: site.url, requests, close: site.close };
}
