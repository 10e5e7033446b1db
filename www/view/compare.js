// Compare: one target (or a pair) seen from every side — a bar of mean polarity per side,
// one column per side with its statements, and the corpus's blindspots.
import { $, h, fill, blocClass } from './dom.js';
import { formatPolarity, polarityClass, viewpointName } from '../state.js';

const PAGE = 40;
const BLIND = 8;

/** A bar from the middle: left for negative, right for positive (the number is shown too). */
function divergingBar(mean) {
  const fillEl = h('span', { class: 'dbar-fill pol-' + polarityClass(mean) });
  const share = Math.min(1, Math.abs(mean)) * 50;
  fillEl.style.width = `${share.toFixed(1)}%`;
  fillEl.style.left = mean < 0 ? `${(50 - share).toFixed(1)}%` : '50%';
  return h('span', { class: 'dbar', 'aria-hidden': 'true' }, fillEl);
}

function who(name, bloc) {
  return h('span', { class: 'who ' + blocClass(bloc) }, name);
}

export function createCompareView() {
  const target = /** @type {HTMLSelectElement} */ ($('compare-target'));
  const partner = /** @type {HTMLSelectElement} */ ($('compare-with'));
  const by = /** @type {HTMLSelectElement} */ ($('compare-by'));
  const summary = $('compare-summary');
  const columns = $('compare-columns');
  const blind = $('compare-blindspots');
  const heading = $('compare-about');
  let onPick = () => {};
  const expanded = new Set();
  let last = null;

  target.addEventListener('change', () => onPick({ t: target.value || null, w: null }));
  partner.addEventListener('change', () => onPick({ w: partner.value || null }));
  by.addEventListener('change', () => onPick({ by: by.value }));
  columns.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-more]');
    if (!b) return;
    expanded.add(b.dataset.more);
    if (last) render(last);
    columns.querySelector(`[data-side="${CSS.escape(b.dataset.more)}"] li:nth-child(${PAGE + 1}) a`)?.focus();
  });

  // Options are rebuilt only when they change, so a select keeps its focus and place.
  function options(select, list, chosen, none) {
    const extra = chosen && !list.some((c) => c.id === chosen.id) ? chosen : null;
    const key = [none || '', extra ? extra.id : '', ...list.map((c) => c.id + ':' + c.n)].join('|');
    if (select.dataset.key !== key) {
      select.dataset.key = key;
      fill(select,
        none ? h('option', { value: '' }, none) : null,
        extra ? h('option', { value: extra.id }, extra.name) : null,
        list.map((c) => h('option', { value: c.id }, `${c.name} (${c.n} statement${c.n === 1 ? '' : 's'})`)));
    }
    select.value = chosen ? chosen.id : '';
  }

  function column(c, d) {
    const name = viewpointName(d.viewpoints, c.side);
    const vp = d.viewpoints.find((v) => v.id === c.side);
    const open = expanded.has(c.side);
    const rows = open ? c.rows : c.rows.slice(0, PAGE);
    const id = `side-${c.side.replace(/[^a-z0-9_-]/gi, '')}`;
    const about = d.partner ? `${d.target.name}–${d.partner.name}` : d.target.name;
    const none = d.by === 'voice' ? `No ${name} voice speaks of ${about}.` : c.articles ? `None of the ${c.articles} ${name} article${c.articles === 1 ? '' : 's'} speaks of ${about}.` : `No ${name} article is loaded.`;
    return h('section', { class: 'side ' + blocClass(vp && vp.bloc), 'aria-labelledby': id, dataset: { side: c.side } },
      h('h3', { id, class: 'side-h' }, h('span', { class: 'chip-icon', 'aria-hidden': 'true' }), name,
        h('span', { class: 'count' }, ` ${c.n} statement${c.n === 1 ? '' : 's'}`)),
      c.n
        ? h('ol', { class: 'side-rows' },
            rows.map((r) =>
              h('li', { class: 'side-row' },
                h('p', { class: 'stance-head' },
                  who(r.holderName, r.holderBloc),
                  h('span', { class: 'arrow' }, h('span', { 'aria-hidden': 'true' }, '→'), h('span', { class: 'sr-only' }, 'toward')),
                  who(r.targetName, r.targetBloc),
                  h('span', { class: 'pol pol-' + polarityClass(r.polarity) }, formatPolarity(r.polarity))),
                h('blockquote', { class: 'side-text' }, r.text),
                h('a', { class: 'side-source', href: d.statementHref(r.article, r.statement) }, 'in ', h('cite', {}, r.title)),
              ),
            ),
          )
        : h('p', { class: 'muted' }, none),
      c.n > rows.length ? h('button', { type: 'button', class: 'more', dataset: { more: c.side } }, `Show all ${c.n}`) : null,
    );
  }

  function spots(title, bySide, d) {
    const sides = [...bySide.keys()].sort((a, b) => d.viewpoints.findIndex((v) => v.id === a) - d.viewpoints.findIndex((v) => v.id === b));
    return h('div', { class: 'blind-group' },
      h('h4', { class: 'panel-h' }, title),
      sides.length
        ? h('dl', { class: 'blind-list' },
            sides.map((side) => {
              const list = bySide.get(side);
              return [
                h('dt', {}, `Only ${viewpointName(d.viewpoints, side)} articles`),
                h('dd', {},
                  h('ul', { class: 'blind-items' },
                    list.slice(0, BLIND).map((e) =>
                      h('li', {}, h('a', { class: 'who ' + blocClass(e.bloc), href: d.compareHref(e.id) }, e.name), h('span', { class: 'count' }, ` ${e.n}`)),
                    ),
                  ),
                  list.length > BLIND ? h('span', { class: 'muted' }, `and ${list.length - BLIND} more`) : null,
                ),
              ];
            }),
          )
        : h('p', { class: 'muted' }, 'None.'),
    );
  }

  function render(d) {
    last = d;
    options(target, d.choices, d.target, d.choices.length ? null : 'No statements yet');
    options(partner, d.partners, d.partner, 'alone');
    partner.disabled = !d.target;
    by.value = d.by;
    if (!d.target) {
      fill(heading, 'Nothing to compare yet');
      fill(summary);
      fill(columns, h('p', { class: 'muted' }, 'No article holds a statement about anyone yet.'));
    } else {
      const about = d.partner ? `${d.target.name}–${d.partner.name}` : d.target.name;
      fill(heading, `what each side says about ${about}`);
      fill(summary,
        h('caption', {}, `Mean polarity toward ${about}, ${d.by === 'voice' ? 'by the voice that speaks' : "by the article's viewpoint"}, with the number of statements`),
        h('tbody', {},
          d.columns.map((c) => {
            const vp = d.viewpoints.find((v) => v.id === c.side);
            return h('tr', { class: blocClass(vp && vp.bloc) },
              h('th', { scope: 'row' }, h('span', { class: 'chip-icon', 'aria-hidden': 'true' }), viewpointName(d.viewpoints, c.side)),
              h('td', { class: 'dbar-cell' }, c.n ? divergingBar(c.mean) : null),
              h('td', { class: 'num pol pol-' + (c.n ? polarityClass(c.mean) : 'neu') }, c.n ? formatPolarity(c.mean) : '—'),
              h('td', { class: 'num' }, `${c.n}`, h('span', { class: 'sr-only' }, ' statements')),
            );
          }),
        ),
      );
      fill(columns, d.columns.map((c) => column(c, d)));
    }
    const b = d.blindspots;
    fill(blind,
      h('h3', { id: 'blind-title' }, 'Blindspots'),
      b.sides < 2
        ? h('p', { class: 'muted' }, 'Blindspots need articles from two sides or more.')
        : [
            h('p', { class: 'muted' }, `Across the ${b.sides} sides in the corpus: who is spoken of, and who speaks, in one side's articles only.`),
            h('div', { class: 'blind-groups' }, spots('Spoken of', b.targets, d), spots('Speaking', b.holders, d)),
          ],
    );
  }

  return {
    /** @param {(change: {t?: string|null, w?: string|null, by?: string}) => void} fn */
    bindPick(fn) {
      onPick = fn;
    },
    show(d) {
      if (last && (last.target?.id !== d.target?.id || last.partner?.id !== d.partner?.id)) expanded.clear();
      render(d);
    },
  };
}
