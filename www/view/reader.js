// The reading view: an article's text with its mentions, statements, cue words and viewpoint
// evidence as nested elements built from text nodes and <mark>s (see spans.js).
import { $, h, fill, blocClass, scrollBehavior } from './dom.js';
import { nestInSteps, paragraphs } from '../spans.js';
import { focusAt } from './roving.js';
import { titleOf, percent, viewpointName, blocName, statementPolarity, statementTag, formatPolarity, SIGNS as SIGN, BLOC_ORDER } from '../state.js';

const RANK = { stmt: 0, ev: 1, mention: 2, cue: 3 };

/**
 * The text is drawn in slices of about this many milliseconds, the page answering input in
 * between: an article at the report's caps (10,000 mentions, 1,000 statements) would
 * otherwise hold the main thread for far more than the 100 ms a reader notices. An article
 * of ordinary size is drawn in one slice, as before.
 */
const SLICE_MS = 8;
/** Longest block drawn as one paragraph (characters); a longer line is cut into several. */
const BLOCK_CHARS = 2000;
/** Above this many characters, blocks out of view are not laid out (CSS content-visibility). */
const LARGE_CHARS = 50_000;
/** Steps (a node drawn, or CUTS_PER_STEP cuts of the nesting) between two looks at the
 * clock: few enough that a slice ends close to SLICE_MS on a slow or busy machine. */
const STEPS_PER_CHECK = 16;
const CUTS_PER_STEP = 16;

function safeUrl(url) {
  try {
    const u = new URL(String(url));
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The spans of a report, ready for nest(). */
function spansOf(article) {
  const r = article.report;
  const spans = paragraphs(article.text);
  r.statements.forEach((s, i) => {
    spans.push({ start: s.start, end: s.end, kind: 'stmt', i, rank: RANK.stmt });
    (s.cues || []).forEach((c, j) => spans.push({ start: c.start, end: c.end, kind: 'cue', i, j, rank: RANK.cue }));
  });
  r.viewpoint.evidence.forEach((e, i) => spans.push({ start: e.start, end: e.end, kind: 'ev', i, rank: RANK.ev }));
  r.mentions.forEach((m, i) => spans.push({ start: m.start, end: m.end, kind: 'mention', i, rank: RANK.mention }));
  return spans;
}

export function createReaderView(tooltip) {
  const root = $('reader');
  const title = $('reader-title');
  const byline = $('reader-byline');
  const badge = $('reader-viewpoint');
  const legend = $('legend');
  const body = $('text');
  // What the analyzer could not report in full for this article (its caps): plain text.
  const notes = h('ul', { id: 'reader-notes', class: 'byline reader-notes', 'aria-label': 'Not analysed in full', hidden: true });
  badge.after(notes);
  const comments = $('comments');
  const commentList = $('comment-list');
  const tools = $('reader-tools');

  let article = null;
  let ctx = { viewpoints: [], totals: new Map() };
  let entityById = new Map();
  // The text's keyboard stops in reading order: each statement's start and each mention.
  let stops = [];
  let onPick = () => {};
  // Filters applied to what is drawn, also to what a later slice draws.
  let voicesShown = new Set();
  let chosenEntity = null;
  /** The drawing in progress (null when the whole text is drawn), and a reveal waiting for it. */
  let drawing = null;
  let pendingReveal = null;
  /** Whether the text's tab stop is given. */
  let entered = false;

  // Toggles for what is shown on demand.
  tools.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-show]');
    if (!b) return;
    const on = b.getAttribute('aria-pressed') !== 'true';
    b.setAttribute('aria-pressed', String(on));
    root.classList.toggle('show-' + b.dataset.show, on);
  });
  for (const b of tools.querySelectorAll('button[data-show]')) {
    root.classList.toggle('show-' + b.dataset.show, b.getAttribute('aria-pressed') === 'true');
  }

  function describe(mark) {
    const m = article.report.mentions[Number(mark.dataset.m)];
    const e = entityById.get(m.entity) || { name: m.entity, type: 'entity', bloc: null };
    const t = ctx.totals.get(m.entity);
    const lines = [`${e.type} · ${blocName(e.bloc)}`];
    if (t) lines.push(`${t.mentions} mention${t.mentions === 1 ? '' : 's'} in ${t.articles} article${t.articles === 1 ? '' : 's'}`);
    if (m.text !== e.name) lines.push(`here as “${m.text}”`);
    tooltip.show(mark, e.name, lines);
  }
  /** A statement's marker, spelled out: holder → targets, polarity, rule, cue words, voice. */
  function describeStatement(el) {
    const s = article.report.statements[Number(el.dataset.s)];
    const pol = statementPolarity(s);
    const cues = (s.cues || []).map((c) => `“${c.text}”`);
    const lines = [
      (s.targets || []).filter((t) => t.entity !== s.holder).map((t) => `${t.name || t.entity} ${formatPolarity(t.polarity)}`).join(' · ') || `polarity ${formatPolarity(pol.mean)}`,
      `rule: ${s.rule || 'not named by this analyzer'}`,
      cues.length ? `cue words: ${cues.join(', ')}` : 'no cue words',
      `voice: ${viewpointName(ctx.viewpoints, s.voice)}`,
    ];
    tooltip.show(el, statementTag(s), lines);
  }
  const innermost = (target) => target instanceof Element ? target.closest('mark.mention') : null;
  // The statement a pointer is on (outside any mention, while statements are shown) or focus is on.
  const statementAt = (target) => {
    if (!(target instanceof Element) || innermost(target)) return null;
    if (target !== document.activeElement && !root.classList.contains('show-statements')) return null;
    const piece = target.closest('.stmt');
    return piece ? body.querySelector(`#s-${piece.dataset.s}`) : null;
  };
  const describeAt = (target) => {
    const mark = innermost(target);
    if (mark) return describe(mark);
    const stmt = statementAt(target);
    if (stmt) describeStatement(stmt);
  };
  body.addEventListener('mouseover', (e) => describeAt(e.target));
  body.addEventListener('mouseout', (e) => {
    const mark = innermost(e.target) || (e.target instanceof Element && e.target.closest('.stmt'));
    if (mark && !mark.contains(e.relatedTarget)) tooltip.hide(statementAt(e.target) || mark);
  });
  body.addEventListener('focusin', (e) => describeAt(e.target));
  body.addEventListener('focusout', (e) => {
    const el = innermost(e.target) || statementAt(e.target);
    if (el) tooltip.hide(el);
  });
  body.addEventListener('click', (e) => {
    const mark = innermost(e.target);
    if (mark) onPick(article.report.mentions[Number(mark.dataset.m)].entity);
  });
  // One tab stop for the text: ←/→ (Home, End) walk the mentions, ↑/↓ the statements' starts,
  // Enter chooses a mention's entity.
  const WALK = { ArrowRight: ['mark.mention', 1], ArrowLeft: ['mark.mention', -1], ArrowDown: ['.stmt', 1], ArrowUp: ['.stmt', -1], Home: ['mark.mention', 0], End: ['mark.mention', 0] };
  body.addEventListener('keydown', (e) => {
    const i = stops.indexOf(/** @type {Element} */ (e.target));
    if (i < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    if ((e.key === 'Enter' || e.key === ' ') && stops[i].matches('mark.mention')) {
      e.preventDefault();
      onPick(article.report.mentions[Number(stops[i].dataset.m)].entity);
      return;
    }
    const walk = WALK[e.key];
    if (!walk) return;
    e.preventDefault();
    e.stopPropagation();
    const [kind, step] = walk;
    const order = e.key === 'End' ? [...stops.keys()].reverse() : e.key === 'Home' ? [...stops.keys()] : [];
    let j = order.find((k) => stops[k].matches(kind)) ?? -1;
    for (let k = i + step; step && k >= 0 && k < stops.length; k += step) {
      if (stops[k].matches(kind)) {
        j = k;
        break;
      }
    }
    if (j >= 0) focusAt(stops, j);
  });

  function element(node) {
    const sp = node.span;
    const r = article.report;
    let el;
    switch (sp.kind) {
      case 'para':
        el = h('p');
        break;
      case 'stmt': {
        const s = r.statements[sp.i];
        const pol = statementPolarity(s);
        el = h('span', { class: `stmt pol-${pol.cls}`, dataset: { s: sp.i, voice: s.voice ?? '' } });
        if (voicesShown.size && !voicesShown.has(el.dataset.voice)) el.classList.add('is-dim');
        if (node.first) {
          el.id = `s-${sp.i}`;
          el.classList.add('is-first');
          el.dataset.tag = statementTag(s);
          el.tabIndex = -1;
          stops.push(el);
        }
        break;
      }
      case 'cue': {
        const c = r.statements[sp.i].cues[sp.j];
        const cls = c.polarity == null ? 'neu' : c.polarity <= -0.15 ? 'neg' : c.polarity >= 0.15 ? 'pos' : 'neu';
        el = h('mark', { class: `cue pol-${cls}` });
        break;
      }
      case 'ev': {
        const ev = r.viewpoint.evidence[sp.i];
        const vp = ctx.viewpoints.find((v) => v.id === ev.viewpoint);
        el = h('mark', { class: `ev ${blocClass(vp && vp.bloc)}`, dataset: { ev: sp.i } });
        if (node.first) el.id = `ev-${sp.i}`;
        break;
      }
      case 'mention': {
        const m = r.mentions[sp.i];
        const e = entityById.get(m.entity);
        el = h('mark', { class: `mention ${blocClass(e && e.bloc)}`, dataset: { m: sp.i, entity: m.entity, start: m.start, end: m.end } });
        if (chosenEntity != null && m.entity === chosenEntity) el.classList.add('is-chosen');
        if (node.first) {
          el.id = `m-${sp.i}`;
          // The text's one tab stop: its first mention, there from the first slice on.
          el.tabIndex = entered ? -1 : 0;
          entered = true;
          stops.push(el);
        } else el.classList.add('is-cont');
        break;
      }
    }
    return el;
  }

  /** Appends a node and its children to `parent`, one element or text at a time. */
  function* draw(node, parent) {
    if (node.type === 'text') {
      parent.append(document.createTextNode(article.text.slice(node.start, node.end)));
      yield;
      return;
    }
    const el = element(node);
    parent.append(el);
    yield;
    for (const child of node.children) yield* draw(child, el);
  }

  /**
   * A line as a paragraph; a line longer than BLOCK_CHARS as several, cut between its
   * top-level parts (never inside a statement or a mention), so that what a slice adds is
   * laid out as a short block, not as the whole text again.
   */
  function* drawLine(node) {
    let p = element(node);
    body.append(p);
    yield;
    let chars = 0;
    for (const child of node.children) {
      if (chars >= BLOCK_CHARS) {
        p = h('p', { class: 'line-cont' });
        body.append(p);
        chars = 0;
      }
      yield* draw(child, p);
      chars += child.end - child.start;
    }
  }

  /** The whole text: each line a paragraph, loose text and spans wrapped in one. */
  function* drawText(a) {
    // Nesting the spans is part of the slices too (about 25,000 cuts at the caps).
    const nesting = nestInSteps(a.text.length, spansOf(a), CUTS_PER_STEP);
    let step = nesting.next();
    for (; !step.done; step = nesting.next()) yield;
    for (const node of step.value) {
      if (node.type === 'span' && node.span.kind === 'para') yield* drawLine(node);
      else if (node.type === 'text' ? a.text.slice(node.start, node.end).trim() : true) {
        const p = h('p');
        body.append(p);
        yield* draw(node, p);
      }
    }
  }

  /** Draws slices of `steps` until done; a newer article stops it. */
  function runDrawing(steps) {
    const job = { steps };
    drawing = job;
    const slice = () => {
      if (drawing !== job) return;
      const started = performance.now();
      for (;;) {
        for (let n = 0; n < STEPS_PER_CHECK; n++) {
          if (steps.next().done) {
            drawing = null;
            body.removeAttribute('aria-busy');
            finishDrawing();
            return;
          }
        }
        if (performance.now() - started > SLICE_MS) break;
      }
      body.setAttribute('aria-busy', 'true');
      if (pendingReveal && document.getElementById(`${pendingReveal.kind}-${pendingReveal.i}`)) finishDrawing();
      setTimeout(slice, 0);
    };
    slice();
  }

  /** Once the text (or the element a reveal waits for) is there. */
  function finishDrawing() {
    if (!drawing) {
      const entry = stops.find((el) => el.matches('mark.mention')) || stops[0];
      if (entry && !entered) entry.tabIndex = 0;
    }
    if (pendingReveal) {
      const { kind, i } = pendingReveal;
      if (revealNow(kind, i) || !drawing) pendingReveal = null;
    }
  }

  function revealNow(kind, i) {
    const el = document.getElementById(`${kind}-${i}`);
    if (!el || !body.contains(el)) return false;
    el.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
    el.classList.remove('flash');
    void el.offsetWidth;
    el.classList.add('flash');
    return true;
  }

  function buildLegend() {
    const blocs = [...new Set(article.report.entities.map((e) => e.bloc ?? null))];
    blocs.sort((a, b) => (BLOC_ORDER.indexOf(a) + 1 || 99) - (BLOC_ORDER.indexOf(b) + 1 || 99));
    fill(
      legend,
      blocs.map((b) => h('li', {}, h('mark', { class: `mention sample ${blocClass(b)}` }, blocName(b)))),
      h('li', { class: 'legend-stmt' }, h('span', { class: 'stmt sample pol-neg is-first', dataset: { tag: `holder → target ${SIGN.neg}` } }, 'statement'),
        ` ${SIGN.neg} negative, ${SIGN.pos} positive, ${SIGN.neu} neutral, ${SIGN.mix} mixed`),
    );
  }

  return {
    bindEntityPick(fn) {
      onPick = fn;
    },
    /** Shows nothing but a message (no article yet, or none matches). */
    message(text) {
      article = null;
      drawing = null;
      pendingReveal = null;
      stops = [];
      tooltip.hide();
      title.textContent = text;
      fill(byline);
      fill(badge);
      fill(legend);
      fill(notes);
      notes.hidden = true;
      fill(body);
      comments.hidden = true;
      root.classList.add('is-empty');
    },
    get current() {
      return article;
    },
    /**
     * @param {import('../state.js').Article} a
     * @param {{viewpoints: any[], totals: Map<string, {mentions: number, articles: number}>}} context
     */
    show(a, context) {
      ctx = context;
      if (a === article) return;
      const switching = article != null;
      article = a;
      root.classList.remove('is-empty');
      tooltip.hide();
      const r = a.report;
      entityById = new Map(r.entities.map((e) => [e.id, e]));
      stops = [];
      title.textContent = titleOf(a);
      const m = a.meta || {};
      const url = safeUrl(m.url);
      fill(
        byline,
        [m.outlet, m.author && `by ${m.author}`, m.date].filter(Boolean).join(' · '),
        url ? [' · ', h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, new URL(url).host)] : null,
        a.fileName ? ` · ${a.fileName}` : null,
        a.origin !== 'seed' && a.encoding ? ` · ${a.format || 'text'}, read as ${a.encoding}` : null,
        a.origin === 'paste' ? ' · pasted' : null,
      );
      const vp = ctx.viewpoints.find((v) => v.id === r.viewpoint.label);
      fill(badge, h('span', { class: 'vp-badge ' + blocClass(vp && vp.bloc) },
        h('span', { class: 'chip-icon', 'aria-hidden': 'true' }),
        `${viewpointName(ctx.viewpoints, r.viewpoint.label)} viewpoint · ${percent(r.viewpoint.confidence)} confidence`));
      buildLegend();
      const caps = Array.isArray(r.notes) ? r.notes.filter((n) => typeof n === 'string' && n) : [];
      fill(notes, caps.map((n) => h('li', {}, n)));
      notes.hidden = !caps.length;
      pendingReveal = null;
      entered = false;
      body.replaceChildren();
      body.classList.toggle('is-large', a.text.length > LARGE_CHARS);
      runDrawing(drawText(a));
      const cs = a.comments || [];
      comments.hidden = !cs.length;
      fill(commentList, cs.map((c) => h('li', {}, c)));
      // The new article from its top; on one-column screens, where the reader is below the
      // list, brought up. Both on the next frame, before it is painted: a scroll position
      // set now would lay the page out here, and again once the text is drawn.
      requestAnimationFrame(() => {
        if (article !== a) return;
        root.scrollTop = 0;
        if (switching && getComputedStyle(root).overflowY !== 'auto' && root.getBoundingClientRect().top > innerHeight / 2) {
          root.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
        }
      });
    },
    /** Dims statements whose voice is outside the filter (none, when it is empty). */
    setVoices(voices) {
      // Unchanged (a redraw for another reason): the marks already say it (each is drawn
      // with the filters of its time), and walking every statement of a long article on
      // each redraw is what would hold the page.
      if (voices.size === voicesShown.size && [...voices].every((v) => voicesShown.has(v))) return;
      voicesShown = new Set(voices);
      for (const el of body.querySelectorAll('.stmt')) {
        el.classList.toggle('is-dim', voices.size > 0 && !voices.has(el.dataset.voice));
      }
      root.classList.toggle('has-voices', voices.size > 0);
    },
    /** Outlines every mention of one entity. */
    setEntity(id) {
      if ((id ?? null) === chosenEntity) return;
      chosenEntity = id ?? null;
      for (const el of body.querySelectorAll('mark.mention')) el.classList.toggle('is-chosen', el.dataset.entity === id);
    },
    /** Scrolls to a statement ('s'), evidence ('ev') or mention ('m') and flashes it. */
    /** A part not drawn yet is revealed once it is. */
    reveal(kind, i) {
      if (revealNow(kind, i)) return true;
      if (drawing) pendingReveal = { kind, i };
      return false;
    },
  };
}
