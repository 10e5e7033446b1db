// The user's own knowledge in IndexedDB: one record in a database of its own
// ("parallax-knowledge", apart from the articles' store), read by the page and by every
// analyzer worker as it starts. A write counts only when its transaction completes.

const DB = 'parallax-knowledge';
const STORE = 'overlay';
const KEY = 'user';

function open() {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('This browser offers no IndexedDB'));
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error || new Error('the knowledge storage could not be opened'));
    req.onblocked = () => reject(new Error('another Parallax tab holds the knowledge storage open'));
  });
}

function run(mode, body) {
  return open().then(
    (db) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        let result;
        const req = body(tx.objectStore(STORE));
        req.onsuccess = () => (result = req.result);
        tx.oncomplete = () => (db.close(), resolve(result));
        tx.onerror = tx.onabort = () => (db.close(), reject(tx.error || new Error('the knowledge storage failed')));
      }),
  );
}

/** The saved knowledge `{blocs, entities, cues}` (texts), or null when there is none. */
export async function loadKnowledge() {
  const rec = await run('readonly', (s) => s.get(KEY));
  if (!rec) return null;
  return { blocs: String(rec.blocs || ''), entities: String(rec.entities || ''), cues: String(rec.cues || '') };
}

/** Saves the knowledge (all three texts, in one transaction). */
export function saveKnowledge({ blocs = '', entities = '', cues = '' }) {
  return run('readwrite', (s) => s.put({ blocs, entities, cues, savedAt: Date.now() }, KEY));
}
