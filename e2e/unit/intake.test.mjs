import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createIntake } from '../../www/intake.js';
import { createCorpus } from '../../www/corpus.js';

/** A fake worker client: ingest returns the bytes as text, analyze an empty report. */
const client = {
  ingest: async (bytes) => ({ text: new TextDecoder().decode(bytes), title: null, meta: {}, comments: [], encoding: 'UTF-8', format: 'text' }),
  ingestText: async (text) => ({ text, title: null, meta: {}, comments: [], encoding: 'UTF-8', format: 'text' }),
  analyze: async () => ({ title: null, entities: [], mentions: [], statements: [], viewpoint: { label: 'other', scores: {}, confidence: 0, evidence: [] }, viewpoints: [] }),
};

const fileOf = (name, text) => ({ file: { name, size: text.length, arrayBuffer: async () => new TextEncoder().encode(text).buffer }, path: name });

test('each drop shows its first article, even while the previous one is still being saved', async () => {
  let release;
  const slowSave = new Promise((r) => (release = r));
  const store = async () => ({ put: () => slowSave });
  const shown = [];
  const noop = () => {};
  const intake = createIntake({
    client,
    corpus: createCorpus(),
    store,
    on: { progress: noop, finished: noop, info: noop, error: noop, busy: noop, show: noop, added: (a, first) => first && shown.push(a.text) },
  });
  const first = intake.addFiles([fileOf('a.txt', 'First article.')]);
  // Wait until the first article is added (its save is still pending), then drop again.
  while (shown.length === 0) await new Promise((r) => setTimeout(r, 1));
  const second = intake.addFiles([fileOf('b.txt', 'Second article.'), fileOf('c.txt', 'Third article.')]);
  release();
  await Promise.all([first, second]);
  assert.deepEqual(shown, ['First article.', 'Second article.']);
});
