import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareSides, targetChoices, partnersOf, blindspots } from '../../www/sides.js';
import { stanceGraph, circleByBloc, edgePath, holderId, nodeLabel, LABEL_CHARS } from '../../www/graph.js';
import { readFileSync } from 'node:fs';
import { statementTag, setKnowledge } from '../../www/state.js';

// The blocs' display order is data (data/blocs.txt, given to the page by the analyzer).
setKnowledge({
  blocs: readFileSync(new URL('../../data/blocs.txt', import.meta.url), 'utf8')
    .split('\n').filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('|').map((f) => f.trim()))
    .map(([id, name, glyph, slot]) => ({ id, name, glyph, slot: Number(slot) })),
});

const VPS = [
  { id: 'iranian', label: 'Iranian', bloc: 'iran' },
  { id: 'israeli', label: 'Israeli', bloc: 'israel' },
  { id: 'azerbaijani', label: 'Azerbaijani', bloc: 'azerbaijan' },
];
const T = {
  iran: { entity: 'iran', name: 'Iran', bloc: 'iran' },
  israel: { entity: 'israel', name: 'Israel', bloc: 'israel' },
  azerbaijan: { entity: 'azerbaijan', name: 'Azerbaijan', bloc: 'azerbaijan' },
  hamas: { entity: 'hamas', name: 'Hamas', bloc: 'other' },
};
const to = (key, polarity) => ({ ...T[key], polarity });
const stmt = (holder, voice, targets, text = `${holder} on ${targets.map((t) => t.entity).join('+')}`) => ({
  start: 0, end: text.length, text, holder, holder_name: holder === 'author' ? 'Outlet' : T[holder]?.name || holder, holder_bloc: T[holder]?.bloc ?? 'other', voice, targets, cues: [],
});
const article = (id, label, statements) => ({ id, text: statements.map((s) => s.text).join(' '), meta: { title: `T ${id}` }, report: { viewpoint: { label }, viewpoints: VPS, statements } });

const A = article('a', 'iranian', [stmt('iran', 'iranian', [to('azerbaijan', -0.6)]), stmt('author', 'iranian', [to('israel', -0.9), to('azerbaijan', -0.3)]), stmt('iran', 'iranian', [to('hamas', 0.5)])]);
const B = article('b', 'israeli', [stmt('israel', 'israeli', [to('azerbaijan', 0.8)]), stmt('iran', 'iranian', [to('azerbaijan', -0.4)])]);
const C = article('c', 'azerbaijani', [stmt('azerbaijan', 'azerbaijani', [to('israel', 0.6)]), stmt('azerbaijan', 'azerbaijani', [to('azerbaijan', 0.9)])]);
const ALL = [A, B, C];

test('compare: one column per viewpoint, rows about the target, means and counts', () => {
  const cols = compareSides(ALL, VPS, { t: 'azerbaijan' });
  assert.deepEqual(cols.map((c) => c.side), ['iranian', 'israeli', 'azerbaijani']);
  const [ir, il, az] = cols;
  assert.equal(ir.n, 2);
  assert.ok(Math.abs(ir.mean - -0.45) < 1e-9);
  assert.deepEqual(il.rows.map((r) => [r.holder, r.polarity]), [['israel', 0.8], ['iran', -0.4]]);
  assert.equal(az.n, 0, "a holder's statement about itself is not about it");
  assert.equal(az.articles, 1);
  assert.equal(ir.rows[1].title, 'T a');
  assert.equal(ir.rows[1].statement, 1);
});

test('compare by voice moves a quoted Iranian statement to the Iranian column', () => {
  const [ir, il] = compareSides(ALL, VPS, { t: 'azerbaijan', by: 'voice' });
  assert.equal(ir.n, 3);
  assert.equal(il.n, 1);
});

test('compare a pair: either party about the other, or both spoken of at once', () => {
  const cols = compareSides(ALL, VPS, { t: 'israel', w: 'azerbaijan' });
  const rows = cols.flatMap((c) => c.rows.map((r) => `${c.side}:${r.holder}>${r.target}`));
  assert.deepEqual(rows.sort(), ['azerbaijani:azerbaijan>israel', 'iranian:author>azerbaijan', 'iranian:author>israel', 'israeli:israel>azerbaijan']);
});

test('choices and partners, the most spoken of first', () => {
  assert.deepEqual(targetChoices(ALL).map((c) => [c.id, c.n]), [['azerbaijan', 4], ['israel', 2], ['hamas', 1]]);
  assert.deepEqual(partnersOf(ALL, 'israel').map((c) => c.id).sort(), ['azerbaijan']);
});

test('blindspots: only one side speaks of, or speaks', () => {
  const b = blindspots(ALL);
  assert.equal(b.sides, 3);
  assert.deepEqual(b.targets.get('iranian').map((e) => e.id), ['hamas']);
  assert.equal(b.targets.get('israeli'), undefined, 'Azerbaijan is spoken of by several sides');
  assert.deepEqual(b.holders.get('israeli').map((e) => e.id), ['israel']);
  assert.deepEqual(b.holders.get('azerbaijani').map((e) => e.id), ['azerbaijan']);
  assert.equal(b.holders.get('iranian'), undefined, 'Iran speaks in Iranian and Israeli articles');
});

test('marker names holder, targets and sign', () => {
  assert.equal(statementTag(stmt('iran', 'iranian', [to('azerbaijan', -0.6)])), 'Iran → Azerbaijan −');
  assert.equal(statementTag(stmt('iran', 'iranian', [to('azerbaijan', -0.6), to('israel', 0.6)])), 'Iran → Azerbaijan, Israel ±');
  assert.equal(statementTag(stmt('iran', 'iranian', [to('azerbaijan', -0.6), to('israel', -0.6), to('hamas', -0.2)])), 'Iran → Azerbaijan, Israel +1 −');
  assert.equal(statementTag(stmt('iran', 'iranian', [to('iran', 0.6)])), 'Iran +');
});

test('network: holders → targets, counted, filtered by voice, the busiest kept', () => {
  const g = stanceGraph(ALL);
  assert.equal(g.edges.find((e) => e.id === 'iran>azerbaijan').n, 2);
  assert.ok(Math.abs(g.edges.find((e) => e.id === 'iran>azerbaijan').mean - -0.5) < 1e-9);
  assert.equal(g.edges[0].id, 'iran>azerbaijan', 'busiest first');
  assert.ok(g.nodes.some((n) => n.id === 'author:Outlet'), 'authors are nodes by outlet');
  assert.ok(!g.edges.some((e) => e.source === e.target), 'no self edges');
  const israeliOnly = stanceGraph(ALL, { voices: new Set(['israeli']) });
  assert.deepEqual(israeliOnly.edges.map((e) => e.id), ['israel>azerbaijan']);
  const top2 = stanceGraph(ALL, { top: 2 });
  assert.equal(top2.nodes.length, 2);
  assert.equal(top2.total.nodes, g.nodes.length);
  assert.ok(top2.edges.every((e) => top2.nodes.some((n) => n.id === e.source) && top2.nodes.some((n) => n.id === e.target)));
  assert.equal(holderId({ holder: 'author', holder_name: 'X' }), 'author:X');
});

test('network layout: deterministic, blocs in arcs, inside its square', () => {
  const place = () => {
    const g = stanceGraph(ALL);
    const box = circleByBloc(g.nodes);
    return { box, at: Object.fromEntries(g.nodes.map((n) => [n.id, [n.x, n.y]])), order: g.nodes.map((n) => n.bloc) };
  };
  const one = place();
  const two = place();
  assert.deepEqual(one, two, 'same data, same picture');
  const blocs = one.order.filter((b, i) => b !== one.order[i - 1]);
  assert.equal(new Set(blocs).size, blocs.length, 'each bloc is one arc');
  assert.equal(one.order[0], 'iran', 'Iran first, at the top');
  for (const [x, y] of Object.values(one.at)) assert.ok(x > 0 && y > 0 && x < one.box.size && y < one.box.size);
  assert.match(edgePath({ x: 0, y: 0 }, { x: 100, y: 0 }, 200), /^M0,0 Q\d/);
  assert.equal(nodeLabel('Iran'), 'Iran');
  const long = nodeLabel('Islamic Revolutionary Guard Corps Aerospace Force');
  assert.ok(long.endsWith('…') && Array.from(long).length <= LABEL_CHARS, long);
});
