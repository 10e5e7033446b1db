import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatKnowledge, parseKnowledge } from '../../www/knowledge-file.js';

test('the knowledge file round-trips, each part under its file line', () => {
  const overlay = { entities: 'iran | - | - | - | Zorbland\n# a comment', blocs: 'gulf | Gulf | ✦ | 9 | -', cues: '' };
  const text = formatKnowledge(overlay);
  assert.match(text, /^# file: user\/entities\.txt\niran \| - \| - \| - \| Zorbland\n# a comment$/m);
  assert.deepEqual(parseKnowledge(text, 'x.txt'), overlay);
});

test('a single built-in-format file is read as its part; anything else is refused', () => {
  assert.deepEqual(parseKnowledge('# people\nzed | Zed | person | - | -\n', 'people.txt'), { entities: 'zed | Zed | person | - | -' });
  assert.deepEqual(parseKnowledge('gulf | Gulf | ✦ | 9 | -', 'blocs.txt'), { blocs: 'gulf | Gulf | ✦ | 9 | -' });
  assert.deepEqual(parseKnowledge('iron fist | israeli | 1', 'viewpoint_cues.txt'), { cues: 'iron fist | israeli | 1' });
  assert.throws(() => parseKnowledge('{"a": 1}', 'notes.json'), /not a knowledge file/);
  assert.throws(() => parseKnowledge('# only comments\n', 'people.txt'), /no rows/);
  assert.throws(() => parseKnowledge('# file: user/secrets.bin\nx', 'k.txt'), /does not know/);
});
