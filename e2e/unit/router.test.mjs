import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHash, formatHash, defaultRoute } from '../../www/router.js';

test('the example route of issue 4 parses', () => {
  const r = parseHash('#/a/000_86e4cde588fe17cf?v=iranian,israeli&e=azerbaijan');
  assert.equal(r.id, '000_86e4cde588fe17cf');
  assert.deepEqual(r.v, ['iranian', 'israeli']);
  assert.equal(r.e, 'azerbaijan');
  assert.equal(r.q, '');
});

test('empty and junk hashes give the default route', () => {
  for (const h of ['', '#', '#/', '#/nowhere', '#/a/', '#/?sort=bogus&p=nope&sc=x&zz=1']) {
    assert.deepEqual(parseHash(h), defaultRoute(), h);
  }
});

test('format omits defaults and round-trips awkward values', () => {
  assert.equal(formatHash({}), '#/');
  assert.equal(formatHash({ v: ['iranian'] }), '#/?v=iranian');
  const route = { ...defaultRoute(), id: 'u/1 ?&#', v: ['us_analyst', 'other'], e: 'hikmət', q: 'Zionist “regime” & co, 50%', sort: 'date', p: 'stances', sc: 'corpus' };
  const hash = formatHash(route);
  assert.match(hash, /^#\/a\/[^/?#]+\?/);
  assert.deepEqual(parseHash(hash), route);
});

test('a malformed escape does not throw', () => {
  assert.equal(parseHash('#/a/%E0%A4%A').id, '%E0%A4%A');
});

test('duplicate viewpoints collapse', () => {
  assert.deepEqual(parseHash('#/?v=iranian,iranian,,israeli').v, ['iranian', 'israeli']);
});

test('go pushes or replaces a history entry and redraws at once', async () => {
  const { createRouter } = await import('../../www/router.js');
  const calls = [];
  const entries = ['#/'];
  const win = {
    location: { hash: '' },
    history: {
      state: null,
      pushState(_s, _t, h) { entries.push(h); win.location.hash = h; },
      replaceState(_s, _t, h) { entries[entries.length - 1] = h; win.location.hash = h; },
    },
    addEventListener() {},
  };
  const router = createRouter(win, (r) => calls.push(r));
  router.go({ v: ['iranian'] });
  assert.deepEqual(entries, ['#/', '#/?v=iranian']);
  router.go({ q: 'baku' }, { replace: true });
  assert.deepEqual(entries, ['#/', '#/?v=iranian&q=baku']);
  router.go({ q: 'baku' });
  assert.equal(entries.length, 2, 'the same route adds no entry');
  assert.equal(calls.length, 3, 'every go redraws');
  assert.equal(router.href({ id: 'a b' }), '#/a/a%20b?v=iranian&q=baku');
});
