// The knowledge editor (#/knowledge): the user's own rows for entities and aliases, blocs and
// viewpoint cue words, in the formats of the built-in data files; a quick form for one alias;
// the problems the validator found; the built-in blocs and viewpoints for reference. Also
// paints each bloc's glyph into its colour slot (style.css reads --glyph-N).
import { $, h, fill, blocClass } from './dom.js';
import { PARTS } from '../knowledge-file.js';

const HINTS = {
  entities: 'id | name | type | bloc | aliases [| attributes], as in data/kb/*.txt. Write - for the name, type and bloc to add aliases to a built-in entity, or give them to change it.',
  blocs: 'bloc | name | glyph | colour slot (1–12) | countries (-), as in data/blocs.txt.',
  cues: 'phrase | viewpoints | weight (0–3], as in data/lexicon/viewpoint_cues.txt.',
};

/** Entity suggestions are added in slices of this many milliseconds. */
const SLICE_MS = 8;
/** When the page has nothing else to do (or soon after, where idle callbacks are missing). */
const whenIdle = (fn) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 50));

export function createEditorView() {
  const root = $('knowledge-editor');
  let on = { apply() {}, exportFile() {}, importFile() {} };
  const areas = {};
  const form = h('form', { class: 'kn-form', 'aria-describedby': 'kn-intro' });
  for (const p of PARTS) {
    const id = `kn-${p.key}`;
    areas[p.key] = h('textarea', { id, name: p.key, rows: p.key === 'entities' ? 8 : 4, spellcheck: 'false', autocomplete: 'off', 'aria-describedby': `${id}-hint` });
    form.append(
      h('label', { for: id, class: 'kn-label' }, p.title, h('span', { class: 'muted' }, ` · ${p.file}`)),
      h('p', { id: `${id}-hint`, class: 'kn-hint muted' }, HINTS[p.key]),
      areas[p.key],
    );
  }
  const entityInput = h('input', { id: 'kn-alias-entity', list: 'kn-entity-list', autocomplete: 'off', spellcheck: 'false', size: 18 });
  const aliasInput = h('input', { id: 'kn-alias-text', autocomplete: 'off', spellcheck: 'false', size: 18 });
  const datalist = h('datalist', { id: 'kn-entity-list' });
  const quick = h('form', { class: 'kn-quick', 'aria-labelledby': 'kn-quick-title' },
    h('h3', { id: 'kn-quick-title' }, 'Add an alias'),
    h('span', { class: 'tool' }, h('label', { for: 'kn-alias-entity' }, 'Entity id'), entityInput),
    h('span', { class: 'tool' }, h('label', { for: 'kn-alias-text' }, 'Alias'), aliasInput),
    h('button', { type: 'submit', class: 'small-button' }, 'Add and apply'),
    datalist,
  );
  const fileInput = h('input', { type: 'file', accept: '.txt,text/plain', hidden: true, id: 'kn-file', 'aria-label': 'Knowledge file to import' });
  const status = h('p', { id: 'kn-status', class: 'kn-status', role: 'status' });
  const problems = h('ul', { id: 'kn-problems', class: 'kn-problems', 'aria-label': 'Problems found' });
  const reference = h('div', { class: 'kn-reference' });
  form.append(
    h('div', { class: 'wide-tools' },
      h('button', { type: 'submit', class: 'small-button', id: 'kn-apply' }, 'Apply and re-analyse'),
      h('button', { type: 'button', class: 'small-button', id: 'kn-export', onclick: () => on.exportFile(values()) }, 'Export'),
      h('button', { type: 'button', class: 'small-button', id: 'kn-import', onclick: () => fileInput.click() }, 'Import…'),
      fileInput,
    ),
  );
  fill(root, quick, form, status, problems, reference);

  const values = () => Object.fromEntries(PARTS.map((p) => [p.key, areas[p.key].value]));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    on.apply(values());
  });
  quick.addEventListener('submit', (e) => {
    e.preventDefault();
    const id = entityInput.value.trim().split(/\s/)[0];
    const alias = aliasInput.value.trim();
    if (!id || !alias) {
      showProblems(['Give the id of an entity (suggestions appear as you type) and the alias to add.']);
      return;
    }
    const text = areas.entities.value.replace(/\s+$/, '');
    areas.entities.value = (text ? text + '\n' : '') + `${id} | - | - | - | ${alias.replace(/[|;]/g, ' ')}`;
    on.apply(values(), { added: alias });
  });
  fileInput.addEventListener('change', () => {
    const f = fileInput.files && fileInput.files[0];
    fileInput.value = '';
    if (f) on.importFile(f);
  });

  /** A problem, with a button to its line when it names one of the editor's parts. */
  function problem(text) {
    const m = /^user\/([a-z_]+\.txt):(\d+):/.exec(text);
    const part = m && PARTS.find((p) => p.file === `user/${m[1]}`);
    if (!part) return h('li', {}, text);
    const line = Number(m[2]);
    return h('li', {}, text, ' ', h('button', { type: 'button', class: 'link-button', onclick: () => selectLine(areas[part.key], line) }, `Go to line ${line}`));
  }

  function selectLine(area, line) {
    const lines = area.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1] || '').length);
  }

  function showProblems(list) {
    fill(problems, list.map(problem));
  }

  /**
   * The suggestions (thousands of entities) are added when the page is idle, a slice of
   * SLICE_MS at a time: at start they would otherwise be long tasks beside the first
   * article's drawing. A newer list stops an older one.
   */
  let filling = 0;
  function fillInParts(el, items, make) {
    const mine = ++filling;
    el.replaceChildren();
    let i = 0;
    const step = () => {
      if (mine !== filling) return;
      const part = document.createDocumentFragment();
      const started = performance.now();
      while (i < items.length && performance.now() - started < SLICE_MS) {
        for (const end = Math.min(items.length, i + 16); i < end; i++) part.append(make(items[i]));
      }
      el.append(part);
      if (i < items.length) whenIdle(step);
    };
    whenIdle(step);
  }

  return {
    /** @param {{apply: Function, exportFile: Function, importFile: Function}} handlers */
    bind(handlers) {
      on = { ...on, ...handlers };
    },
    /** The saved (or imported) texts into the editor. */
    setValues(overlay) {
      for (const p of PARTS) areas[p.key].value = (overlay && overlay[p.key]) || '';
    },
    values,
    /** The validator's problems (empty: none), and a status line. */
    report(list, text) {
      showProblems(list);
      status.textContent = text;
    },
    /** The knowledge's display data: suggestions and the reference tables; the glyphs. */
    knowledge(k) {
      const rootStyle = document.documentElement.style;
      for (let i = 1; i <= 12; i++) rootStyle.removeProperty(`--glyph-${i}`);
      for (const b of k.blocs) rootStyle.setProperty(`--glyph-${b.slot}`, JSON.stringify(b.glyph));
      // Without entities (the built-in blocs and viewpoints sent at start), the suggestions
      // come with the next call.
      fillInParts(datalist, k.entities || [], (e) => h('option', { value: e.id }, `${e.name} (${e.type})`));
      fill(reference,
        h('h3', {}, 'Blocs'),
        h('table', { class: 'kn-table' },
          h('thead', {}, h('tr', {}, ['bloc', 'name', 'glyph', 'slot'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, k.blocs.map((b) => h('tr', {}, h('td', {}, h('code', {}, b.id)), h('td', {}, h('span', { class: 'who ' + blocClass(b.id) }, b.name)), h('td', {}, b.glyph), h('td', {}, String(b.slot)))))),
        h('h3', {}, 'Viewpoints'),
        h('table', { class: 'kn-table' },
          h('thead', {}, h('tr', {}, ['viewpoint', 'label', 'blocs'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, k.viewpoints.map((v) => h('tr', {}, h('td', {}, h('code', {}, v.id)), h('td', {}, v.label), h('td', {}, v.blocs.join('; ')))))),
        h('p', { class: 'muted' }, k.entities ? `${k.entities.length} entities are known; their ids are suggested in “Entity id”.` : 'The known entities are being loaded.'),
      );
    },
  };
}
