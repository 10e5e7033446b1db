import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCorpus } from '../../www/corpus.js';
import * as S from '../../www/state.js';

const VPS = [{ id: 'iranian', label: 'Iranian', bloc: 'iran' }, { id: 'other', label: 'Other', bloc: null }];
const ent = (id, mentions) => ({ id, name: id[0].toUpperCase() + id.slice(1), type: 'country', bloc: id, mentions });
function article(id, { origin = 'drop', seedIndex, addedAt, entities = [] } = {}) {
  return { id, origin, seedIndex, addedAt, text: 'text of ' + id, meta: {}, report: { viewpoint: { label: 'other' }, viewpoints: VPS, entities, mentions: [], statements: [] } };
}

test('articles keep corpus order however they arrive, numbered in order', () => {
  const c = createCorpus();
  c.add(article('late', { addedAt: 30 }), article('s1', { origin: 'seed', seedIndex: 1 }));
  c.add(article('early', { addedAt: 10 }));
  c.add(article('s0', { origin: 'seed', seedIndex: 0 }), article('mid-b', { addedAt: 20 }), article('mid-a', { addedAt: 20 }));
  assert.deepEqual(c.list.map((a) => a.id), ['s0', 's1', 'early', 'mid-a', 'mid-b', 'late']);
  assert.deepEqual(c.list.map((a) => a.order), [0, 1, 2, 3, 4, 5]);
  c.add(article('late', { addedAt: 1 }));
  assert.equal(c.list.length, 6, 'an id already there is not added twice');
});

test('totals kept incrementally equal totals recomputed, through adds and removes', () => {
  const c = createCorpus();
  const all = [];
  for (let i = 0; i < 40; i++) {
    const a = article('a' + i, { addedAt: i, entities: [ent('iran', i % 3), ent(i % 2 ? 'israel' : 'azerbaijan', 2)] });
    a.report.viewpoint = { label: i % 3 ? 'other' : 'iranian' };
    all.push(a);
    const before = c.version;
    c.add(a);
    assert.ok(c.version > before, 'an add changes the version');
    assert.deepEqual([...c.totals.values()], S.entityTotals(c.list));
    assert.deepEqual(new Map(c.viewpointCounts), S.viewpointCounts(c.list));
  }
  c.remove(['a3', 'a4', 'a5']);
  assert.deepEqual([...c.totals.values()], S.entityTotals(c.list));
  assert.deepEqual(new Map(c.viewpointCounts), S.viewpointCounts(c.list));
  c.remove(all.filter((a) => a.id !== 'a0').map((a) => a.id));
  assert.deepEqual([...c.totals.values()], S.entityTotals(c.list));
  assert.deepEqual(new Map(c.viewpointCounts), S.viewpointCounts(c.list));
  assert.equal(c.totals.get('israel'), undefined, 'an entity no article mentions is gone');
  assert.deepEqual(c.viewpoints, VPS);
});

test('text look-up, free ids and removal', () => {
  const c = createCorpus();
  const a = article('a');
  c.add(a, article('b'));
  assert.equal(c.withText('text of a'), a);
  assert.equal(c.withText('nothing'), null);
  assert.equal(c.freeId('a'), 'a-2');
  assert.deepEqual(c.remove(['a']).map((x) => x.id), ['a']);
  assert.equal(c.withText('text of a'), null);
  assert.equal(c.get('a'), null);
  assert.deepEqual(c.list.map((x) => [x.id, x.order]), [['b', 0]]);
});
