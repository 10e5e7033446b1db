// Writes the built-in data files' texts, by name, as one JSON object beside the main wasm
// module (pkg/knowledge-data.json), which does not embed them: the worker fetches it on
// the first overlay of the user's knowledge and hands it to `Analyzer.withKnowledge`. The
// names come from the module itself (`builtinDataFiles`, from the list build.rs makes), so
// the file list is kept in one place.
//   node scripts/knowledge-data.mjs www/pkg
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = resolve(process.argv[2] || 'www/pkg');
const glue = await import(pathToFileURL(join(pkg, 'parallax.js')).href);
glue.initSync({ module: readFileSync(join(pkg, 'parallax_bg.wasm')) });
// Comment lines are sent empty (6.5 of 73 kB gzipped): the reader skips both alike
// (src/kb/parse.rs), and every other line keeps its number for messages.
const uncommented = (text) => text.replace(/^[ \t]*#.*$/gm, '');
const texts = {};
for (const name of glue.builtinDataFiles()) texts[name] = uncommented(readFileSync(join(ROOT, name), 'utf8'));
writeFileSync(join(pkg, 'knowledge-data.json'), JSON.stringify(texts));

// The built-in knowledge's blocs and viewpoints (pkg/knowledge-display.json), as the module
// itself gives them: the worker sends them with `ready`, so the page draws the first article
// without waiting for the analyzer's display data (code run cold in the worker, before the
// first article) or its thousands of entities, which the knowledge editor asks for later.
const plain = (v) =>
  v instanceof Map ? Object.fromEntries([...v].map(([k, x]) => [k, plain(x)])) : Array.isArray(v) ? v.map(plain) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) : v;
const analyzer = new glue.Analyzer();
const { blocs, viewpoints } = plain(analyzer.knowledge());
analyzer.free();
if (!Array.isArray(blocs) || !Array.isArray(viewpoints)) throw new Error('the analyzer gave no blocs or viewpoints');
writeFileSync(join(pkg, 'knowledge-display.json'), JSON.stringify({ blocs, viewpoints }));
