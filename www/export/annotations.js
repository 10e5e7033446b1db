// W3C Web Annotation (JSON-LD, https://www.w3.org/TR/annotation-model/): one annotation per
// statement and per mention, each targeting the article's text with a TextQuoteSelector
// (exact, prefix, suffix: what Hypothesis-compatible tools anchor by) and a
// TextPositionSelector (in code points, the resolution of the model's issue 206). The article's
// text travels with them, as the collection's `source` resource, so they anchor offline too.
import { codePointsOf } from './units.js';
import { statementTag, formatPolarity } from '../state.js';

/** Code points of context kept on each side of a quote (as src/export.rs). */
const CONTEXT = 32;

/** The source IRI of an article: its URL when it has one, else a URN of its id. */
export function sourceOf(a) {
  const url = a.meta && a.meta.url;
  if (url && /^https?:\/\//i.test(url)) return url;
  return 'urn:parallax:article:' + encodeURIComponent(a.id);
}

/** Up to CONTEXT code points before `at` (never half a surrogate pair). */
function before(text, at) {
  return Array.from(text.slice(Math.max(0, at - 2 * CONTEXT), at)).filter((c) => !/^[\udc00-\udfff]$/.test(c)).slice(-CONTEXT).join('');
}

/** Up to CONTEXT code points from `at`. */
function after(text, at) {
  return Array.from(text.slice(at, at + 2 * CONTEXT)).filter((c) => !/^[\ud800-\udbff]$/.test(c)).slice(0, CONTEXT).join('');
}

function target(a, source, cp, start, end) {
  return {
    source,
    selector: [
      { type: 'TextQuoteSelector', exact: a.text.slice(start, end), prefix: before(a.text, start), suffix: after(a.text, end) },
      { type: 'TextPositionSelector', start: cp(start), end: cp(end) },
    ],
  };
}

/**
 * One article's annotations as an AnnotationCollection with a single page.
 * @param {import('../state.js').Article} a
 */
export function annotationCollection(a) {
  const source = sourceOf(a);
  const cp = codePointsOf(a.text);
  const base = 'urn:parallax:annotation:' + encodeURIComponent(a.id) + ':';
  const r = a.report;
  const entities = new Map((r.entities || []).map((e) => [e.id, e]));
  const items = [];
  (r.statements || []).forEach((s, i) => {
    const lines = [statementTag(s), ...(s.targets || []).filter((t) => t.entity !== s.holder).map((t) => `${t.name || t.entity} ${formatPolarity(t.polarity)}`)];
    if (s.rule) lines.push(`rule: ${s.rule}`);
    if ((s.cues || []).length) lines.push('cue words: ' + s.cues.map((c) => c.text).join(', '));
    items.push({
      id: base + 's' + i,
      type: 'Annotation',
      motivation: 'assessing',
      body: [
        { type: 'TextualBody', purpose: 'assessing', format: 'text/plain', value: lines.join('\n') },
        { type: 'TextualBody', purpose: 'tagging', value: `holder:${s.holder}` },
        ...(s.targets || []).filter((t) => t.entity !== s.holder).map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: `target:${t.entity}` })),
      ],
      target: target(a, source, cp, s.start, s.end),
    });
  });
  (r.mentions || []).forEach((m, i) => {
    const e = entities.get(m.entity) || {};
    items.push({
      id: base + 'm' + i,
      type: 'Annotation',
      motivation: 'identifying',
      body: [
        { type: 'TextualBody', purpose: 'identifying', value: e.name || m.entity },
        { type: 'TextualBody', purpose: 'tagging', value: `entity:${m.entity}` },
      ],
      target: target(a, source, cp, m.start, m.end),
    });
  });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:parallax:collection:' + encodeURIComponent(a.id),
    type: 'AnnotationCollection',
    label: (a.meta && a.meta.title) || r.title || a.id,
    total: items.length,
    // The annotated text itself, so the selectors can be checked without the original page.
    'dcterms:source': { id: source, type: 'Text', format: 'text/plain', value: a.text },
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

export function annotationsJson(a) {
  return JSON.stringify(annotationCollection(a), null, 2) + '\n';
}
