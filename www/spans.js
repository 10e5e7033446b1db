// Turns overlapping annotation spans into a tree the reading view can render as nested
// elements. Pure; unit-tested in node.
//
// Spans may nest ("Iranian Foreign Minister Hossein Amir-Abdollahian" holds "Iranian") or
// cross (a cue that starts inside one mention and ends in the next). The text is cut at every
// span boundary; for each piece, the spans covering it are ordered outermost first, and the
// tree keeps open whatever the previous piece had in common with it. A span that crosses
// another is therefore split into several nodes: the first has `first: true`, the rest are
// continuations.

/**
 * @typedef {object} Span
 * @property {number} start   UTF-16 offset, inclusive
 * @property {number} end     UTF-16 offset, exclusive
 * @property {number} [layer] spans of a lower layer always enclose higher ones (paragraphs: 0)
 * @property {number} [rank]  among equal ranges, lower rank is outer
 *
 * @typedef {{type: 'text', start: number, end: number}} TextNode
 * @typedef {{type: 'span', span: Span, first: boolean, start: number, end: number, children: TreeNode[]}} SpanNode
 * @typedef {TextNode|SpanNode} TreeNode
 */

function outerFirst(a, b) {
  return (
    (a.layer ?? 1) - (b.layer ?? 1) ||
    a.start - b.start ||
    b.end - a.end ||
    (a.rank ?? 0) - (b.rank ?? 0) ||
    a.seq - b.seq
  );
}

/**
 * @param {number} length   length of the text (UTF-16 code units)
 * @param {Span[]} spans    empty or out-of-range spans are dropped (clamped first)
 * @returns {TreeNode[]}    top-level nodes covering [0, length) in order
 */
export function nest(length, spans) {
  const steps = nestInSteps(length, spans);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same as `nest`, as a generator that pauses after every `every` cuts and returns the
 * tree: a caller can spread a very large report over several tasks.
 * @param {number} length
 * @param {Span[]} spans
 * @param {number} [every]
 * @returns {Generator<void, TreeNode[]>}
 */
export function* nestInSteps(length, spans, every = Infinity) {
  const items = [];
  spans.forEach((span, seq) => {
    const start = Math.max(0, Math.min(length, span.start | 0));
    const end = Math.max(0, Math.min(length, span.end | 0));
    if (end > start) items.push({ span, start, end, layer: span.layer, rank: span.rank, seq });
  });
  const cuts = new Set([0, length]);
  for (const it of items) {
    cuts.add(it.start);
    cuts.add(it.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const byStart = [...items].sort((a, b) => a.start - b.start);

  const root = [];
  /** @type {{item: any, node: SpanNode}[]} */
  const stack = [];
  const opened = new Set();
  let active = [];
  let next = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    if (i % every === every - 1) yield;
    const lo = bounds[i];
    const hi = bounds[i + 1];
    active = active.filter((it) => it.end > lo);
    while (next < byStart.length && byStart[next].start <= lo) active.push(byStart[next++]);
    const wanted = active.filter((it) => it.end >= hi).sort(outerFirst);
    let keep = 0;
    while (keep < stack.length && keep < wanted.length && stack[keep].item === wanted[keep]) keep++;
    stack.length = keep;
    for (const it of wanted.slice(keep)) {
      const node = { type: 'span', span: it.span, first: !opened.has(it), start: lo, end: hi, children: [] };
      opened.add(it);
      (stack.length ? stack[stack.length - 1].node.children : root).push(node);
      stack.push({ item: it, node });
    }
    for (const { node } of stack) node.end = hi;
    (stack.length ? stack[stack.length - 1].node.children : root).push({ type: 'text', start: lo, end: hi });
  }
  return root;
}

/** Spans for each non-empty line of a text: paragraphs, layer 0. */
export function paragraphs(text) {
  const out = [];
  const re = /[^\r\n]+/g;
  let m;
  while ((m = re.exec(text))) {
    if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length, layer: 0, kind: 'para' });
  }
  return out;
}
