import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as X from '../../www/exchange.js';

const added = (text, extra = {}) => ({ id: X.articleId(text), origin: 'file', text, meta: { title: 'T', outlet: '', author: null }, report: { huge: true }, addedAt: 5, fileName: 'a.txt', comments: ['c'], encoding: 'UTF-8', format: 'text', ...extra });

test('ids depend on the text only, and differ for different texts', () => {
  assert.equal(X.articleId('Hikmət Hacıyev 😀'), X.articleId('Hikmət Hacıyev 😀'));
  assert.notEqual(X.articleId('a'), X.articleId('b'));
  assert.match(X.articleId(''), /^u[0-9a-z]+$/);
  const ids = new Set(Array.from({ length: 5000 }, (_, i) => X.articleId('text ' + i)));
  assert.equal(ids.size, 5000);
});

test('records keep the input and drop the analysis', () => {
  const r = X.recordOf(added('Some text'));
  assert.deepEqual(Object.keys(r).sort(), ['addedAt', 'comments', 'encoding', 'fileName', 'format', 'id', 'meta', 'origin', 'text']);
  assert.deepEqual(r.meta, { title: 'T' });
});

test('export then parse is exact, and skips seeds', () => {
  const list = [{ id: 's', origin: 'seed', text: 'seed', meta: {} }, added('One “quote” — dash'), added('Two', { origin: 'paste', fileName: undefined, comments: [] })];
  const text = X.exportText(list, { analyzer: '0.1.0', now: new Date(0) });
  const back = X.parseExport(text);
  assert.deepEqual(back, list.slice(1).map(X.recordOf));
  const again = X.exportText(back.map((r) => ({ ...r })), { analyzer: '0.1.0', now: new Date(0) });
  assert.equal(again, text);
});

test('bad export files are refused with a reason', () => {
  assert.throws(() => X.parseExport('nope'), /not JSON/);
  assert.throws(() => X.parseExport('{"format":"other"}'), /not a Parallax export/);
  assert.throws(() => X.parseExport('{"format":"parallax-corpus","version":99,"articles":[]}'), /newer/);
  assert.throws(() => X.parseExport('{"format":"parallax-corpus","version":1,"articles":[{"text":"  "}]}'), /article 1 has no text/);
});

test('imported records are sanitized', () => {
  const [r] = X.parseExport(JSON.stringify({ format: 'parallax-corpus', version: 1, articles: [{ text: 'x', id: 'evil', origin: 'seed', meta: { title: 7, outlet: 'O', extra: 'no' }, comments: ['ok', 3] }] }));
  assert.equal(r.id, X.articleId('x'));
  assert.equal(r.origin, 'import');
  assert.deepEqual(r.meta, { outlet: 'O' });
  assert.deepEqual(r.comments, ['ok']);
});

test('sizes', () => {
  assert.equal(X.formatSize(812), '812 B');
  assert.equal(X.formatSize(5 * 1024 * 1024), '5 MB');
  assert.equal(X.formatSize(4300), '4.2 KB');
});
