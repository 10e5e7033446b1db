// The W3C Web Annotation Data Model's required shape (https://www.w3.org/TR/annotation-model/,
// the MUSTs the W3C's own test suite checks), for the annotations Parallax exports: returns
// every violation, so a test can show them all.

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const isIri = (v) => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(v);
const types = (v) => (Array.isArray(v) ? v : [v]);
const nonNegInt = (v) => Number.isInteger(v) && v >= 0;

function selectorProblems(sel, where) {
  const out = [];
  if (!sel || typeof sel !== 'object') return [`${where}: a selector must be an object`];
  if (sel.type === 'TextQuoteSelector') {
    if (typeof sel.exact !== 'string' || !sel.exact) out.push(`${where}: TextQuoteSelector needs one non-empty "exact" string`);
    for (const k of ['prefix', 'suffix']) if (k in sel && typeof sel[k] !== 'string') out.push(`${where}: "${k}" must be a string`);
  } else if (sel.type === 'TextPositionSelector') {
    if (!nonNegInt(sel.start) || !nonNegInt(sel.end)) out.push(`${where}: TextPositionSelector needs non-negative integer "start" and "end"`);
    else if (sel.end < sel.start) out.push(`${where}: end before start`);
  } else out.push(`${where}: unexpected selector type ${sel.type}`);
  return out;
}

/** Violations of one annotation. */
export function annotationProblems(a, where = 'annotation') {
  const out = [];
  if (!a || typeof a !== 'object') return [`${where}: not an object`];
  if (!isIri(a.id)) out.push(`${where}: "id" must be one IRI`);
  if (!types(a.type).includes('Annotation')) out.push(`${where}: "type" must include "Annotation"`);
  if (!('target' in a)) out.push(`${where}: "target" is required`);
  for (const [i, t] of types(a.target).entries()) {
    if (typeof t === 'string') {
      if (!isIri(t)) out.push(`${where}.target[${i}]: not an IRI`);
      continue;
    }
    if (!isIri(t && t.source)) out.push(`${where}.target[${i}]: a SpecificResource needs a "source" IRI`);
    for (const [j, sel] of types(t.selector ?? []).entries()) out.push(...selectorProblems(sel, `${where}.target[${i}].selector[${j}]`));
  }
  for (const [i, b] of types(a.body ?? []).entries()) {
    if (b && b.type === 'TextualBody' && typeof b.value !== 'string') out.push(`${where}.body[${i}]: a TextualBody needs a "value" string`);
  }
  return out;
}

/** Violations of an AnnotationCollection (with embedded pages) or a single annotation. */
export function collectionProblems(doc) {
  const out = [];
  const ctx = types(doc && doc['@context']);
  if (!ctx.includes(CONTEXT)) out.push(`"@context" must include ${CONTEXT}`);
  if (types(doc.type).includes('Annotation')) return [...out, ...annotationProblems(doc)];
  if (!types(doc.type).includes('AnnotationCollection')) out.push('"type" must be AnnotationCollection');
  if (!isIri(doc.id)) out.push('a collection needs an "id" IRI');
  const items = [];
  for (let page = doc.first, n = 0; page && n < 1000; page = page.next, n++) {
    if (!types(page.type).includes('AnnotationPage')) out.push(`page ${n}: "type" must be AnnotationPage`);
    if (!Array.isArray(page.items)) out.push(`page ${n}: "items" must be a list`);
    else items.push(...page.items);
  }
  if ('total' in doc && doc.total !== items.length) out.push(`"total" is ${doc.total} but the pages hold ${items.length}`);
  items.forEach((a, i) => out.push(...annotationProblems(a, `items[${i}]`)));
  return out;
}

/** Every annotation of a collection. */
export function itemsOf(doc) {
  const items = [];
  for (let page = doc.first; page; page = page.next) items.push(...page.items);
  return items;
}
