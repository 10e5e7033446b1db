// Pure helpers for added articles: their ids, their stored form, and the corpus export file.
// No DOM, no IndexedDB; unit-tested in node (e2e/unit/exchange.test.mjs).

export const EXPORT_FORMAT = 'parallax-corpus';
export const EXPORT_VERSION = 1;
const META_KEYS = ['title', 'outlet', 'url', 'date', 'author', 'source'];

/** Characters that may not appear in a name shown: C0/C1 controls, bidi marks and overrides. */
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A file name safe to show: without controls or bidi characters (so it cannot read reversed). */
export function cleanName(name) {
  return String(name ?? '').replace(UNSAFE_NAME, '');
}

/** UTF-8 length of a string, without building the bytes. */
export function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The message for anything over the size limit, naming it. */
export function tooLargeMessage(label, bytes, limit) {
  return `${label} is ${formatSize(bytes)}; the limit is ${formatSize(limit)}. Split it into smaller files and add those.`;
}

/** A stable id from the text alone (53-bit hash): the same text always gets the same id. */
export function articleId(text) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const s = String(text);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 'u' + (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Only non-empty string fields the analyzer knows. */
export function cleanMeta(meta) {
  const out = {};
  for (const k of META_KEYS) {
    const v = meta && meta[k];
    if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  }
  return out;
}

/** What is stored and exported of an article: its input, never its analysis. */
export function recordOf(a) {
  const r = { id: a.id, origin: a.origin, text: a.text, meta: cleanMeta(a.meta), addedAt: a.addedAt };
  if (a.fileName) r.fileName = a.fileName;
  if (a.comments && a.comments.length) r.comments = [...a.comments];
  if (a.encoding) r.encoding = a.encoding;
  if (a.format) r.format = a.format;
  return r;
}

/** The export file's text: every added article, in corpus order. */
export function exportText(articles, { analyzer = '', now = new Date() } = {}) {
  const body = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exported: now.toISOString(),
    analyzer,
    articles: articles.filter((a) => a.origin !== 'seed').map(recordOf),
  };
  return JSON.stringify(body, null, 2) + '\n';
}

/**
 * Reads an export file. Throws an Error whose message says what is wrong.
 * @param {string} text
 * @returns {import('./store.js').StoredArticle[]}
 */
export function parseExport(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('it is not a Parallax export (not JSON)');
  }
  if (!data || data.format !== EXPORT_FORMAT) throw new Error('it is not a Parallax export');
  if (!(data.version >= 1 && data.version <= EXPORT_VERSION))
    throw new Error(`it was written by a newer Parallax (format version ${data.version}); update the page and try again`);
  if (!Array.isArray(data.articles)) throw new Error('it has no list of articles');
  const out = [];
  for (const [i, r] of data.articles.entries()) {
    if (!r || typeof r.text !== 'string' || !r.text.trim()) throw new Error(`article ${i + 1} has no text`);
    const rec = {
      id: articleId(r.text),
      origin: ['file', 'paste'].includes(r.origin) ? r.origin : 'import',
      text: r.text,
      meta: cleanMeta(r.meta),
      addedAt: Number.isFinite(r.addedAt) ? r.addedAt : Date.now() + i,
    };
    if (typeof r.fileName === 'string' && cleanName(r.fileName)) rec.fileName = cleanName(r.fileName);
    if (Array.isArray(r.comments)) rec.comments = r.comments.filter((c) => typeof c === 'string');
    if (typeof r.encoding === 'string') rec.encoding = r.encoding;
    if (typeof r.format === 'string') rec.format = r.format;
    out.push(rec);
  }
  return out;
}

/** Human file size: "812 B", "4.2 KB", "5 MB". */
export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1).replace(/\.0$/, '')} GB`;
}
