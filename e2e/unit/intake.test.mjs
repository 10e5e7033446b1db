import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createIntake, failureMessage, nameList } from '../../www/intake.js';
import { createCorpus } from '../../www/corpus.js';
import { AnalyzerError, timeLimit } from '../../www/client.js';
import { cleanName } from '../../www/exchange.js';

const REPORT = { title: null, entities: [], mentions: [], statements: [], viewpoint: { label: 'other', scores: {}, confidence: 0, evidence: [] }, viewpoints: [] };

/** A fake pool: `file` reads the fake File's text, after `delay(name)` ms. */
function fakeClient({ delay = () => 0, fail = () => null, size = 2 } = {}) {
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  return {
    size,
    async file(file, name) {
      await wait(delay(name));
      const err = fail(name);
      if (err) throw err;
      const text = new TextDecoder().decode(await file.arrayBuffer());
      return { text, title: null, meta: {}, comments: [], encoding: 'UTF-8', format: 'text', report: REPORT };
    },
    text: async (text) => ({ text, title: null, meta: {}, comments: [], encoding: 'UTF-8', format: 'text', report: REPORT }),
    analyze: async () => REPORT,
  };
}

const fileOf = (name, text) => ({ file: { name, size: text.length, arrayBuffer: async () => new TextEncoder().encode(text).buffer }, path: name });
/** The page takes the limit from the wasm core (`maxInputBytes`); 5 MB there. */
const LIMIT = () => 5 * 1024 * 1024;
const noop = () => {};
const on = (extra = {}) => ({ progress: noop, finished: noop, info: noop, error: noop, busy: noop, show: noop, added: noop, ...extra });

test('each drop shows its first article, even while the previous one is still being saved', async () => {
  let release;
  const slowSave = new Promise((r) => (release = r));
  const store = async () => ({ putMany: () => slowSave, persist: async () => true });
  const shown = [];
  const intake = createIntake({ limit: LIMIT, client: fakeClient(), corpus: createCorpus(), store, on: on({ added: (a, first) => first && shown.push(a.text) }) });
  const first = intake.addFiles([fileOf('a.txt', 'First article.')]);
  while (shown.length === 0) await new Promise((r) => setTimeout(r, 1));
  const second = intake.addFiles([fileOf('b.txt', 'Second article.'), fileOf('c.txt', 'Third article.')]);
  release();
  await Promise.all([first, second]);
  assert.deepEqual(shown, ['First article.', 'Second article.']);
});

test('jobs run in parallel but enter the corpus in the order given', async () => {
  const corpus = createCorpus();
  const saved = [];
  const store = async () => ({ putMany: async (rs) => saved.push(rs.map((r) => r.fileName)), persist: async () => true });
  // The first file is the slowest: it still comes first.
  const client = fakeClient({ delay: (name) => (name === 'a.txt' ? 40 : 1), size: 3 });
  const intake = createIntake({ limit: LIMIT, client, corpus, store, on: on() });
  await intake.addFiles(['a', 'b', 'c', 'd'].map((n) => fileOf(`${n}.txt`, `Article ${n}.`)));
  await intake.flush();
  assert.deepEqual(corpus.added().map((a) => a.fileName), ['a.txt', 'b.txt', 'c.txt', 'd.txt']);
  assert.deepEqual(saved, [['a.txt', 'b.txt', 'c.txt', 'd.txt']], 'saved in one batch');
});

test('a failed job is named and the queue goes on; nothing before it is touched', async () => {
  const corpus = createCorpus();
  const errors = [];
  const client = fakeClient({ fail: (name) => (name === 'hang.txt' ? new AnalyzerError('it took longer than 1.0 s and was stopped', 'timeout') : null) });
  const store = async () => ({ putMany: async () => {}, persist: async () => true });
  const intake = createIntake({ limit: LIMIT, client, corpus, store, on: on({ error: (t) => errors.push(t) }) });
  await intake.addFiles([fileOf('first.txt', 'First.')]);
  await intake.addFiles([fileOf('hang.txt', 'Hangs.'), fileOf('after.txt', 'After.')]);
  assert.deepEqual(corpus.added().map((a) => a.fileName), ['first.txt', 'after.txt']);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /^“hang\.txt” was stopped: it took longer than 1\.0 s/);
  assert.match(errors[0], /nothing else is affected/);
});

test('the size limit is checked before a file is read', async () => {
  const corpus = createCorpus();
  const errors = [];
  let read = false;
  const big = { file: { name: 'big.txt', size: 6 * 1024 * 1024, arrayBuffer: async () => ((read = true), new ArrayBuffer(0)) }, path: 'big.txt' };
  const intake = createIntake({ limit: LIMIT, client: fakeClient(), corpus, store: async () => ({ putMany: async () => {}, persist: async () => true }), on: on({ error: (t) => errors.push(t) }) });
  await intake.addFiles([big, fileOf('ok.txt', 'Fine.')]);
  assert.equal(read, false, 'never read');
  assert.deepEqual(errors, ['“big.txt” is 6 MB; the limit is 5 MB. Split it into smaller files and add those.']);
  assert.deepEqual(corpus.added().map((a) => a.fileName), ['ok.txt']);
});

test('an unreadable file of a folder is named; the others are added', async () => {
  const corpus = createCorpus();
  const errors = [];
  const intake = createIntake({ limit: LIMIT, client: fakeClient(), corpus, store: async () => ({ putMany: async () => {}, persist: async () => true }), on: on({ error: (t) => errors.push(t) }) });
  await intake.addFiles([fileOf('dir/a.txt', 'A.'), { file: null, path: 'dir/locked.txt', error: 'NotReadableError' }, fileOf('dir/b.txt', 'B.')]);
  assert.deepEqual(corpus.added().map((a) => a.fileName), ['dir/a.txt', 'dir/b.txt']);
  assert.match(errors[0], /^“dir\/locked\.txt” was skipped: it could not be read \(NotReadableError\); the other files are added/);
});

test('a failed save names every article not saved; the corpus keeps them', async () => {
  const corpus = createCorpus();
  const errors = [];
  const quota = Object.assign(new Error('full'), { kind: 'quota' });
  const store = async () => ({ putMany: async () => Promise.reject(quota), persist: async () => true });
  const intake = createIntake({ limit: LIMIT, client: fakeClient(), corpus, store, on: on({ error: (t) => errors.push(t) }) });
  await intake.addFiles([fileOf('x.txt', 'Xerxes wrote.'), fileOf('y.txt', 'Yalta said.')]);
  await intake.flush();
  assert.equal(corpus.added().length, 2);
  assert.match(errors.at(-1), /^Storage is full: these 2 articles are in the corpus for now but not saved: “Xerxes wrote\.” and “Yalta said\.”/);
});

test('stop drops the article in progress and what is queued', async () => {
  const corpus = createCorpus();
  const saved = [];
  const client = fakeClient({ delay: () => 30 });
  const intake = createIntake({ limit: LIMIT, client, corpus, store: async () => ({ putMany: async (rs) => saved.push(...rs), persist: async () => true }), on: on() });
  const done = intake.addFiles([fileOf('a.txt', 'A.'), fileOf('b.txt', 'B.'), fileOf('c.txt', 'C.')]);
  await new Promise((r) => setTimeout(r, 5));
  await intake.stop();
  await done;
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(corpus.added().length, 0);
  assert.deepEqual(saved, []);
});

test('names lose controls and bidi characters; lists of names are short', () => {
  assert.equal(cleanName('report\u202Etxt.exe'), 'reporttxt.exe');
  assert.equal(cleanName('a\u0000b\u0007c\u009Fd\u200E\u200F\u2066\u2069\u202A.txt'), 'abcd.txt');
  assert.equal(cleanName('Hikmət Hacıyev — “notes”.md'), 'Hikmət Hacıyev — “notes”.md');
  assert.equal(nameList(['a']), '“a”');
  assert.equal(nameList(['a', 'b', 'c']), '“a”, “b” and “c”');
  assert.equal(nameList(['1', '2', '3', '4', '5', '6', '7']), '“1”, “2”, “3”, “4”, “5” and 2 more');
});

test('time limits grow with size; failures say what happened', () => {
  assert.equal(timeLimit(0), 5000);
  assert.equal(timeLimit(1024 * 1024), 15000);
  assert.equal(timeLimit(5 * 1024 * 1024, { baseMs: 100, msPerMB: 0 }), 100);
  assert.match(failureMessage('“x.txt”', new AnalyzerError('boom', 'trap')), /“x\.txt” made the analyzer fail \(boom\) and was skipped/);
  assert.match(failureMessage('“x.txt”', new AnalyzerError('out', 'memory')), /more memory/);
  assert.equal(failureMessage('“x.txt”', new AnalyzerError('“x.txt” is empty.', 'empty')), '“x.txt” is empty.');
});
