import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as S from '../../www/state.js';

const VPS = [
  { id: 'iranian', label: 'Iranian', bloc: 'iran' },
  { id: 'israeli', label: 'Israeli', bloc: 'israel' },
  { id: 'other', label: 'Other', bloc: null },
];
function article(id, { label = 'other', conf = 0.5, title = null, outlet = '', date = '', text = '', entities = [], statements = [], order } = {}) {
  return {
    id, order, text, origin: 'seed', meta: { title, outlet, date },
    report: { title: 'Report title ' + id, viewpoint: { label, confidence: conf, scores: {}, evidence: [] }, viewpoints: VPS, entities, mentions: [], statements },
  };
}
const iran = { id: 'iran', name: 'Iran', type: 'country', bloc: 'iran', mentions: 5 };
const israel = { id: 'israel', name: 'Israel', type: 'country', bloc: 'israel', mentions: 2 };
const stmt = (voice, holder, targets) => ({ start: 0, end: 1, text: 'S', voice, holder, holder_name: holder, holder_bloc: holder, targets });

const A = article('a', { label: 'iranian', conf: 0.9, outlet: 'IUVM Press', date: '2023-04', text: 'The Zionist regime…', entities: [iran, israel], statements: [stmt('iranian', 'iran', [{ entity: 'israel', name: 'Israel', bloc: 'israel', polarity: -0.8 }])], order: 0 });
const B = article('b', { label: 'israeli', conf: 0.6, title: 'Jerusalem’s view', outlet: 'The Jerusalem Post', date: '2025-03', text: 'Tehran said…', entities: [iran], statements: [stmt('iranian', 'iran', [{ entity: 'israel', name: 'Israel', bloc: 'israel', polarity: -0.4 }]), stmt('israeli', 'israel', [{ entity: 'iran', name: 'Iran', bloc: 'iran', polarity: 0.2 }])], order: 1 });
const C = article('c', { label: 'other', conf: 0.3, outlet: 'Eurasia Baike', date: '2025-07', text: 'Baku and Hikmət Hacıyev', entities: [], statements: [], order: 2 });
const ALL = [A, B, C];

test('title falls back from meta to report to file name', () => {
  assert.equal(S.titleOf(B), 'Jerusalem’s view');
  assert.equal(S.titleOf(A), 'Report title a');
  assert.equal(S.titleOf({ meta: {}, report: {}, fileName: 'x.txt' }), 'x.txt');
  assert.equal(S.titleOf({ meta: {}, report: {}, text: '\n Short opening line.\nMore.', fileName: 'x.txt' }), 'Short opening line.');
});

test('excerpts cut at a word boundary', () => {
  const long = 'The recent Iran-Israel conflict has exacerbated pre-existing fault lines in the Iran-Azerbaijan relationship, transforming tensions.';
  const e = S.excerpt(long, 90);
  assert.ok(e.endsWith('…') && e.length <= 91, e);
  assert.ok(long.startsWith(e.slice(0, -1)));
  assert.equal(S.excerpt('a'.repeat(200), 10), 'a'.repeat(10) + '…');
});

test('no filter keeps everything', () => {
  assert.deepEqual(S.filterCorpus(ALL, {}), { primary: ALL, quoting: [] });
});

test('a viewpoint filter keeps articles of that viewpoint and sets apart those quoting the voice', () => {
  const r = S.filterCorpus(ALL, { viewpoints: ['iranian'] });
  assert.deepEqual(r.primary.map((a) => a.id), ['a']);
  assert.deepEqual(r.quoting.map((a) => a.id), ['b']);
  const two = S.filterCorpus(ALL, { viewpoints: ['iranian', 'other'] });
  assert.deepEqual(two.primary.map((a) => a.id), ['a', 'c']);
});

test('entity and query filters', () => {
  assert.deepEqual(S.filterCorpus(ALL, { entity: 'israel' }).primary.map((a) => a.id), ['a']);
  assert.deepEqual(S.filterCorpus(ALL, { entity: 'iran' }).primary.map((a) => a.id), ['a', 'b']);
  assert.deepEqual(S.filterCorpus(ALL, { query: 'zionist' }).primary.map((a) => a.id), ['a']);
  assert.deepEqual(S.filterCorpus(ALL, { query: 'haciyev' }).primary.map((a) => a.id), ['c'], 'dotless ı folded');
  assert.deepEqual(S.filterCorpus(ALL, { query: 'tehran zionist' }).primary.map((a) => a.id), []);
  assert.deepEqual(S.filterCorpus(ALL, { query: 'hikmet baku' }).primary.map((a) => a.id), ['c'], 'accents folded, words ANDed');
  assert.deepEqual(S.filterCorpus(ALL, { query: "jerusalem's" }).primary.map((a) => a.id), ['b'], 'curly quotes folded');
  assert.deepEqual(S.filterCorpus(ALL, { query: 'jerusalem post 2025' }).primary.map((a) => a.id), ['b'], 'outlet and date searched');
});

test('statements are dimmed only outside an active filter', () => {
  const s = B.report.statements[1];
  assert.equal(S.isDimmed(s, []), false);
  assert.equal(S.isDimmed(s, ['israeli']), false);
  assert.equal(S.isDimmed(s, new Set(['iranian'])), true);
});

test('sorting', () => {
  const ids = (k) => S.sortArticles([C, B, A], k).map((a) => a.id);
  assert.deepEqual(ids('corpus'), ['a', 'b', 'c']);
  assert.deepEqual(ids('date'), ['c', 'b', 'a']);
  assert.deepEqual(ids('confidence'), ['a', 'b', 'c']);
  assert.deepEqual(ids('outlet'), ['c', 'a', 'b']);
  assert.deepEqual(ids('title'), ['b', 'a', 'c']);
  assert.deepEqual(ids('entities'), ['a', 'b', 'c']);
  assert.deepEqual(ids('statements'), ['b', 'a', 'c']);
  assert.deepEqual(ids('nonsense'), ['a', 'b', 'c']);
});

test('entity totals add up across articles', () => {
  const t = S.entityTotals(ALL);
  assert.deepEqual(t.map((e) => [e.id, e.mentions, e.articles]), [['iran', 10, 2], ['israel', 2, 1]]);
});

test('viewpoints come from the reports; counts per label', () => {
  assert.deepEqual(S.viewpointsOf(ALL).map((v) => v.id), ['iranian', 'israeli', 'other']);
  assert.deepEqual([...S.viewpointCounts(ALL)], [['iranian', 1], ['israeli', 1], ['other', 1]]);
});

test('stance rows and matrix', () => {
  const rows = S.stanceRows(ALL, ['iranian']);
  assert.equal(rows.length, 3);
  assert.deepEqual(rows.map((r) => r.dim), [false, false, true]);
  const m = S.stanceMatrix(rows);
  assert.deepEqual(m.holders.map((h) => h.id), ['iran']);
  assert.deepEqual(m.targets.map((t) => t.id), ['israel']);
  assert.ok(Math.abs(m.cell('iran', 'israel').mean - -0.6) < 1e-9);
  assert.equal(m.cell('iran', 'israel').n, 2);
  assert.equal(m.cell('israel', 'iran'), null, 'dimmed rows are left out of the matrix');
});

test('polarity helpers', () => {
  assert.equal(S.formatPolarity(-0.8), '−0.80');
  assert.equal(S.formatPolarity(0.349), '+0.35');
  assert.equal(S.formatPolarity(-0.001), '0.00');
  assert.equal(S.statementPolarity({ targets: [{ polarity: -0.5 }, { polarity: 0.5 }] }).cls, 'mix');
  assert.equal(S.statementPolarity({ targets: [] }).cls, 'neu');
  assert.equal(S.percent(0.714), '71%');
});

test('neighbour clamps and starts from an end', () => {
  const ids = ['a', 'b', 'c'];
  assert.equal(S.neighbour(ids, 'a', 1), 'b');
  assert.equal(S.neighbour(ids, 'c', 1), 'c');
  assert.equal(S.neighbour(ids, 'a', -1), 'a');
  assert.equal(S.neighbour(ids, 'zz', 1), 'a');
  assert.equal(S.neighbour(ids, 'zz', -1), 'c');
  assert.equal(S.neighbour([], 'a', 1), null);
});

test('bloc names, glyphs and slots come from the knowledge, not from the page', async () => {
  const S = await import('../../www/state.js');
  S.setKnowledge({ blocs: [{ id: 'gulf', name: 'Gulf states', glyph: '✦', slot: 9 }, { id: 'other', name: 'Other', glyph: '○', slot: 8 }] });
  assert.equal(S.blocName('gulf'), 'Gulf states');
  assert.equal(S.blocGlyph('gulf'), '✦');
  assert.equal(S.blocSlot('gulf'), 9);
  assert.equal(S.blocSlot('unheard_of'), 8, 'an unknown bloc is shown as other');
  assert.equal(S.blocGlyph(null), '◌');
  assert.deepEqual(S.BLOC_ORDER, ['gulf', 'other', null]);
  assert.ok(S.blocRank('gulf') < S.blocRank('other'));
});
