// Persistence of added articles in IndexedDB. Stores what the reader gave us (text, metadata,
// origin), never analysis results: reports are recomputed on load, so a better analyzer
// improves old articles too.
//
// Schema (database "parallax"):
//   version 1: object store "articles", keyPath "id", index "addedAt".
// A new version adds a case to `upgrade`; records carry `schema` for per-record migrations.

export const DB_NAME = 'parallax';
export const DB_VERSION = 1;
export const RECORD_SCHEMA = 1;

/**
 * @typedef {object} StoredArticle
 * @property {string} id
 * @property {'file'|'paste'|'import'} origin
 * @property {string} text
 * @property {{title?: string, outlet?: string, url?: string, date?: string, author?: string, source?: string}} meta
 * @property {string} [fileName]
 * @property {string[]} [comments]
 * @property {string} [encoding]
 * @property {string} [format]
 * @property {number} addedAt     ms since the epoch; also the corpus order
 * @property {number} schema
 */

/** An Error with a `kind`: "unavailable" (no IndexedDB, or blocked) or "quota" (storage full). */
export class StoreError extends Error {
  constructor(kind, message) {
    super(message);
    this.name = 'StoreError';
    this.kind = kind;
  }
}

function upgrade(db, oldVersion) {
  // Fall through: each step takes the database one version further.
  switch (oldVersion) {
    case 0: {
      const s = db.createObjectStore('articles', { keyPath: 'id' });
      s.createIndex('addedAt', 'addedAt');
    }
  }
}

/** Brings an older record up to RECORD_SCHEMA (nothing to do yet). @returns {StoredArticle} */
export function migrateRecord(rec) {
  return { ...rec, schema: RECORD_SCHEMA };
}

function wrap(err) {
  if (err instanceof StoreError) return err;
  const name = err && err.name;
  if (name === 'QuotaExceededError' || (err && /quota/i.test(err.message || '')))
    return new StoreError('quota', 'The browser’s storage for this site is full');
  return new StoreError('unavailable', `The browser’s storage is unavailable (${(err && (err.message || err.name)) || 'unknown error'})`);
}

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(wrap(req.error));
  });
}

/**
 * Opens the store.
 * @param {IDBFactory} [idb]
 * @returns {Promise<{all: () => Promise<StoredArticle[]>, put: (r: StoredArticle) => Promise<void>,
 *   putMany: (rs: StoredArticle[]) => Promise<void>, remove: (id: string) => Promise<void>, clear: () => Promise<void>}>}
 */
export async function openStore(idb = globalThis.indexedDB) {
  if (!idb) throw new StoreError('unavailable', 'This browser offers no IndexedDB');
  let db;
  try {
    const req = idb.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = (e) => upgrade(req.result, e.oldVersion);
    req.onblocked = () => {};
    db = await request(req);
  } catch (err) {
    throw wrap(err);
  }
  db.onversionchange = () => db.close();

  function tx(mode, fn) {
    return new Promise((resolve, reject) => {
      let t;
      try {
        t = db.transaction('articles', mode);
        fn(t.objectStore('articles'));
      } catch (err) {
        reject(wrap(err));
        return;
      }
      t.oncomplete = () => resolve();
      t.onabort = () => reject(wrap(t.error));
      t.onerror = (e) => e.preventDefault(); // reported by onabort
    });
  }

  return {
    async all() {
      let out = [];
      await tx('readonly', (s) => {
        const req = s.index('addedAt').getAll();
        req.onsuccess = () => (out = req.result);
      });
      return out.map((r) => (r.schema === RECORD_SCHEMA ? r : migrateRecord(r)));
    },
    put(rec) {
      return tx('readwrite', (s) => s.put({ ...rec, schema: RECORD_SCHEMA }));
    },
    putMany(recs) {
      return tx('readwrite', (s) => {
        for (const r of recs) s.put({ ...r, schema: RECORD_SCHEMA });
      });
    },
    remove(id) {
      return tx('readwrite', (s) => s.delete(id));
    },
    clear() {
      return tx('readwrite', (s) => s.clear());
    },
  };
}
