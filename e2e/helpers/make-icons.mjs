// Renders www/icons/icon.svg to the PNG sizes the web app manifest lists, then shrinks them
// with Debian's pngquant (a palette of the icon's few colours) and optipng, when present
// (`apt-get install pngquant optipng`): 17.9 kB -> 8.2 kB, no visible change.
//   node e2e/helpers/make-icons.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';

const dir = fileURLToPath(new URL('../../www/icons/', import.meta.url));
const svg = readFileSync(dir + 'icon.svg', 'utf8');
const browser = await launch();
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: `${dir}icon-${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();

const has = (tool) => {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
for (const size of [192, 512]) {
  const png = `${dir}icon-${size}.png`;
  if (has('pngquant')) execFileSync('pngquant', ['--quality', '80-100', '--speed', '1', '--strip', '--force', '--output', png, png]);
  if (has('optipng')) execFileSync('optipng', ['-quiet', '-o7', '-strip', 'all', png]);
}
