// The user's knowledge as one text file, in the formats of the built-in data files: each
// part under a `# file: user/<name>` comment line (a comment to any reader of the format).
// A single file named like a built-in one (blocs.txt, viewpoint_cues.txt, or an entity
// file such as people.txt) is read as that part alone. Pure: unit-tested in node.

/** The overlay's parts, their file names (as the Rust validator names them) and titles. */
export const PARTS = [
  { key: 'entities', file: 'user/entities.txt', title: 'Entities and aliases' },
  { key: 'blocs', file: 'user/blocs.txt', title: 'Blocs' },
  { key: 'cues', file: 'user/viewpoint_cues.txt', title: 'Viewpoint cue words' },
];

const MARKER = /^#\s*file:\s*(\S+)\s*$/;

/** @param {{blocs?: string, entities?: string, cues?: string}} overlay @returns {string} */
export function formatKnowledge(overlay) {
  const out = ['# Parallax knowledge: additions to the built-in data/ files, each part in the format of its file.'];
  for (const p of PARTS) {
    out.push(`# file: ${p.file}`);
    const text = String(overlay[p.key] || '').replace(/\s+$/, '');
    if (text) out.push(text);
  }
  return out.join('\n') + '\n';
}

function partOf(name) {
  const base = String(name).split('/').pop().toLowerCase();
  if (base === 'blocs.txt') return 'blocs';
  if (base === 'viewpoint_cues.txt') return 'cues';
  return base.endsWith('.txt') ? 'entities' : null;
}

/**
 * Reads a knowledge file: the parts it holds (others absent).
 * @param {string} text @param {string} fileName
 * @returns {{blocs?: string, entities?: string, cues?: string}}
 * @throws {Error} when it is not a knowledge file, with what to do
 */
export function parseKnowledge(text, fileName) {
  const lines = String(text).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const parts = {};
  let current = null;
  let marked = false;
  for (const line of lines) {
    const m = MARKER.exec(line.trim());
    if (m) {
      const key = partOf(m[1]);
      if (!key) throw new Error(`it names a part “${m[1]}” Parallax does not know: use user/entities.txt, user/blocs.txt or user/viewpoint_cues.txt`);
      current = key;
      marked = true;
      parts[key] ??= [];
      continue;
    }
    if (current) parts[current].push(line);
    else if (line.trim() && !line.trim().startsWith('#')) {
      if (marked) break;
      current = partOf(fileName);
      if (!current) throw new Error('it is not a knowledge file: export one from this page, or name a file of rows like the built-in ones (people.txt, blocs.txt, viewpoint_cues.txt)');
      parts[current] = [line];
    }
  }
  const out = {};
  for (const [k, v] of Object.entries(parts)) out[k] = v.join('\n').replace(/\s+$/, '');
  if (!Object.keys(out).length) throw new Error('it holds no rows of knowledge');
  return out;
}
