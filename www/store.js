// Persistence of added articles in IndexedDB. Stores what the reader gave us (text, metadata,
// origin), never analysis results: reports are recomputed on load, so a better analyzer
// improves old articles too.
//
// Truthful by construction: a write resolves only when its transaction completes, and any
// failed request aborts its whole transaction (nothing half-written is reported as saved).
// Removal moves records to a trash store in the same transaction, so Undo restores from the
// database itself, including records this tab never loaded. Every committed change is
// announced on a BroadcastChannel so other open tabs can follow.
//
// Schema (database "parallax"):
//   version 1: object store "articles", keyPath "id", index "addedAt".
//   version 2: object store "trash", keyPath "key" (tag + id), index "tag"; entries
//              {key, tag, at, record}.
// A new version adds a case to `upgrade`; records carry `schema` for per-record migrations.

export const DB_NAME = 'parallax';
export const DB_VERSION = 2;
export const RECORD_SCHEMA = 1;
export const CHANNEL = 'parallax-store';
/** Trash older than this is emptied when a tab opens the store (undo offers last seconds). */
const TRASH_KEEP_MS = 60 * 60 * 1000;

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

/**
 * An Error with a `kind`: "unavailable" (no IndexedDB, or it failed), "quota" (storage
 * full), "outdated" (a newer version of the page upgraded the database in another tab).
 */
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
    // falls through
    case 1: {
      const t = db.createObjectStore('trash', { keyPath: 'key' });
      t.createIndex('tag', 'tag');
    }
  }
}

/** Brings an older record up to RECORD_SCHEMA (nothing to do yet). @returns {StoredArticle} */
export function migrateRecord(rec) {
  return { ...rec, schema: RECORD_SCHEMA };
}

export function wrap(err) {
  if (err instanceof StoreError) return err;
  const name = err && err.name;
  if (name === 'QuotaExceededError' || (err && /quota/i.test(err.message || '')))
    return new StoreError('quota', 'The browser’s storage for this site is full');
  if (name === 'VersionError')
    return new StoreError('outdated', 'A newer version of Parallax is open in another tab: reload this page to keep saving');
  return new StoreError('unavailable', `The browser’s storage is unavailable (${(err && (err.message || err.name)) || 'unknown error'})`);
}

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(wrap(req.error));
  });
}

const stamp = (rec) => ({ ...rec, schema: RECORD_SCHEMA });

/**
 * Opens the store.
 * @param {object} [opts]
 * @param {IDBFactory} [opts.idb]
 * @param {() => void} [opts.onBlocked]     an older tab holds the database open
 * @param {() => void} [opts.onUnblocked]
 * @param {(change: {type: 'saved'|'trashed'|'restored', ids: string[]}) => void} [opts.onRemoteChange]
 *   another tab committed a change
 */
export async function openStore({ idb = globalThis.indexedDB, onBlocked = () => {}, onUnblocked = () => {}, onRemoteChange = () => {} } = {}) {
  if (!idb) throw new StoreError('unavailable', 'This browser offers no IndexedDB');
  /** @type {Promise<IDBDatabase>|null} */
  let opening = null;

  function connect() {
    return (opening ||= (async () => {
      let blocked = false;
      try {
        const req = idb.open(DB_NAME, DB_VERSION);
        req.onupgradeneeded = (e) => upgrade(req.result, e.oldVersion);
        req.onblocked = () => {
          blocked = true;
          onBlocked();
        };
        const db = await request(req);
        if (blocked) onUnblocked();
        // A newer page wants to upgrade: let it, and reconnect on our next operation.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        db.onclose = () => (opening = null);
        return db;
      } catch (err) {
        opening = null;
        throw wrap(err);
      }
    })());
  }

  /**
   * Runs `fn(stores, out)` in one transaction; resolves with `out` when it completes,
   * rejects with the first error when it aborts (nothing of it was written).
   */
  async function tx(names, mode, fn, retry = true) {
    const db = await connect();
    return new Promise((resolve, reject) => {
      const out = {};
      let t;
      try {
        t = db.transaction(names, mode);
      } catch (err) {
        // The connection closed under us (versionchange, storage cleared): reconnect once.
        if (retry && err && err.name === 'InvalidStateError') {
          opening = null;
          tx(names, mode, fn, false).then(resolve, reject);
        } else reject(wrap(err));
        return;
      }
      let first = null;
      t.oncomplete = () => resolve(out);
      t.onabort = () => reject(wrap(t.error || first || new DOMException('The transaction was aborted', 'AbortError')));
      // No preventDefault: a failed request aborts the transaction, as it should.
      t.onerror = (e) => (first ||= e.target && e.target.error);
      try {
        const stores = Object.fromEntries([names].flat().map((n) => [n, t.objectStore(n)]));
        fn(stores, out);
      } catch (err) {
        first ||= err;
        try {
          t.abort();
        } catch {
          // already finished
        }
      }
    });
  }

  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  if (channel) channel.onmessage = ({ data }) => data && Array.isArray(data.ids) && onRemoteChange(data);
  const announce = (type, ids) => channel && ids.length && channel.postMessage({ type, ids });

  let persistAsked = null;

  const store = {
    /** Every saved article, oldest first. Rejects (never resolves empty) when reading fails. */
    async all() {
      const out = await tx('articles', 'readonly', ({ articles }, o) => {
        const req = articles.index('addedAt').getAll();
        req.onsuccess = () => (o.records = req.result);
      });
      return out.records.map((r) => (r.schema === RECORD_SCHEMA ? r : migrateRecord(r)));
    },
    /** The saved articles among `ids` (missing ones are left out). */
    async get(ids) {
      const out = await tx('articles', 'readonly', ({ articles }, o) => {
        o.records = [];
        for (const id of ids) {
          const req = articles.get(id);
          req.onsuccess = () => req.result && o.records.push(req.result);
        }
      });
      return out.records.map((r) => (r.schema === RECORD_SCHEMA ? r : migrateRecord(r)));
    },
    /** How many articles are saved. */
    async count() {
      const out = await tx('articles', 'readonly', ({ articles }, o) => {
        const req = articles.count();
        req.onsuccess = () => (o.n = req.result);
      });
      return out.n;
    },
    /** Saves records in one transaction: all of them, or (rejecting) none. */
    async putMany(recs) {
      if (!recs.length) return;
      await tx('articles', 'readwrite', ({ articles }) => {
        for (const r of recs) articles.put(stamp(r));
      });
      announce('saved', recs.map((r) => r.id));
    },
    put(rec) {
      return store.putMany([rec]);
    },
    /**
     * Moves articles to the trash in one transaction: those with `ids`, or all when `ids`
     * is null. @returns {Promise<{tag: string, ids: string[]}>} what was moved
     */
    async trash(ids = null) {
      const tag = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const at = Date.now();
      const out = await tx(['articles', 'trash'], 'readwrite', ({ articles, trash }, o) => {
        o.ids = [];
        const move = (rec) => {
          trash.put({ key: `${tag}\u0000${rec.id}`, tag, at, record: rec });
          articles.delete(rec.id);
          o.ids.push(rec.id);
        };
        if (ids === null) {
          const req = articles.getAll();
          req.onsuccess = () => req.result.forEach(move);
        } else {
          for (const id of ids) {
            const req = articles.get(id);
            req.onsuccess = () => req.result && move(req.result);
          }
        }
      });
      announce('trashed', out.ids);
      return { tag, ids: out.ids };
    },
    /** Puts back what `trash` moved under `tag`, in one transaction. @returns {Promise<StoredArticle[]>} */
    async untrash(tag) {
      const out = await tx(['articles', 'trash'], 'readwrite', ({ articles, trash }, o) => {
        o.records = [];
        const req = trash.index('tag').getAll(tag);
        req.onsuccess = () => {
          for (const entry of req.result) {
            articles.put(entry.record);
            trash.delete(entry.key);
            o.records.push(entry.record);
          }
        };
      });
      announce('restored', out.records.map((r) => r.id));
      return out.records.map((r) => (r.schema === RECORD_SCHEMA ? r : migrateRecord(r)));
    },
    /** Empties trash older than `keepMs`. */
    async purgeTrash(keepMs = TRASH_KEEP_MS) {
      const before = Date.now() - keepMs;
      await tx('trash', 'readwrite', ({ trash }) => {
        const req = trash.openCursor();
        req.onsuccess = () => {
          const c = req.result;
          if (!c) return;
          if (c.value.at < before) c.delete();
          c.continue();
        };
      });
    },
    /**
     * Asks the browser to keep the corpus when space runs low (once).
     * @returns {Promise<boolean|null>} granted, or null when the browser cannot say
     */
    persist() {
      return (persistAsked ||= (async () => {
        try {
          const sm = globalThis.navigator && navigator.storage;
          if (!sm || typeof sm.persist !== 'function') return null;
          if (typeof sm.persisted === 'function' && (await sm.persisted())) return true;
          return await sm.persist();
        } catch {
          return null;
        }
      })());
    },
    close() {
      if (channel) channel.close();
      if (opening) opening.then((db) => db.close(), () => {});
      opening = null;
    },
  };

  await connect();
  store.purgeTrash().catch(() => {});
  return store;
}
