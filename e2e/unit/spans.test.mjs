import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nest, paragraphs } from '../../www/spans.js';

// Renders a tree as bracketed text: [name:...] around each span node, '+' marks a continuation.
function show(text, nodes) {
  return nodes
    .map((n) => (n.type === 'text' ? text.slice(n.start, n.end) : `[${n.first ? '' : '+'}${n.span.name}:${show(text, n.children)}]`))
    .join('');
}
// The text leaves, in order, must rebuild the text exactly.
function leaves(text, nodes) {
  return nodes.map((n) => (n.type === 'text' ? text.slice(n.start, n.end) : leaves(text, n.children))).join('');
}

const cases = [
  ['no spans', 'abc', [], 'abc'],
  ['one span', 'abcdef', [{ name: 'm', start: 1, end: 3 }], 'a[m:bc]def'],
  ['nested mention', 'Iranian Foreign Minister Hossein', [{ name: 'outer', start: 0, end: 32 }, { name: 'inner', start: 0, end: 7 }], '[outer:[inner:Iranian] Foreign Minister Hossein]'],
  ['inner listed first', 'Iranian FM', [{ name: 'inner', start: 0, end: 7 }, { name: 'outer', start: 0, end: 10 }], '[outer:[inner:Iranian] FM]'],
  ['crossing spans split', 'abcdefgh', [{ name: 'a', start: 0, end: 5 }, { name: 'b', start: 3, end: 8 }], '[a:abc[b:de]][+b:fgh]'],
  ['equal ranges by rank', 'Zionist regime', [{ name: 'mention', start: 0, end: 14, rank: 2 }, { name: 'evidence', start: 0, end: 14, rank: 1 }], '[evidence:[mention:Zionist regime]]'],
  ['layer 0 always outside', 'ab\ncd', [{ name: 's', start: 1, end: 5 }, { name: 'p1', start: 0, end: 2, layer: 0 }, { name: 'p2', start: 3, end: 5, layer: 0 }], '[p1:a[s:b]][+s:\n][p2:[+s:cd]]'],
  ['empty and out-of-range spans dropped', 'abc', [{ name: 'x', start: 2, end: 2 }, { name: 'y', start: -5, end: 1 }, { name: 'z', start: 2, end: 99 }], '[y:a]b[z:c]'],
  ['adjacent spans', 'abcd', [{ name: 'x', start: 0, end: 2 }, { name: 'y', start: 2, end: 4 }], '[x:ab][y:cd]'],
  ['UTF-16 offsets with emoji', 'a😀 Hikmət', [{ name: 'm', start: 4, end: 10 }], 'a😀 [m:Hikmət]'],
];

for (const [name, text, spans, want] of cases) {
  test(name, () => {
    const tree = nest(text.length, spans);
    assert.equal(show(text, tree), want);
    assert.equal(leaves(text, tree), text);
  });
}

test('random spans always rebuild the text and keep each span whole across its pieces', () => {
  let seed = 7;
  const rnd = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  for (let round = 0; round < 300; round++) {
    const len = 1 + rnd(40);
    const text = Array.from({ length: len }, () => 'abcdefghij'[rnd(10)]).join('');
    const spans = Array.from({ length: rnd(8) }, (_, i) => {
      const s = rnd(len + 1);
      return { name: 's' + i, start: s, end: s + rnd(len + 1 - s) + (rnd(5) === 0 ? 3 : 0), rank: rnd(3), layer: rnd(4) === 0 ? 0 : 1 };
    });
    const tree = nest(len, spans);
    assert.equal(leaves(text, tree), text);
    const covered = new Map();
    (function walk(nodes) {
      for (const n of nodes) {
        if (n.type === 'span') {
          covered.set(n.span, (covered.get(n.span) || 0) + (n.end - n.start));
          walk(n.children);
        }
      }
    })(tree);
    for (const sp of spans) {
      const want = Math.max(0, Math.min(len, sp.end) - Math.max(0, sp.start));
      assert.equal(covered.get(sp) || 0, want, JSON.stringify({ text, spans }));
    }
  }
});

test('paragraphs are the non-blank lines', () => {
  const text = 'One.\n\n  \nTwo two.\r\nThree';
  assert.deepEqual(paragraphs(text).map((p) => text.slice(p.start, p.end)), ['One.', 'Two two.', 'Three']);
});
