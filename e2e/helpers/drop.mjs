// Simulated drops and small waits for the ingest tests.

/**
 * Drops files on the page the way a browser does (dragenter, dragover, drop).
 * @param {import('playwright-core').Page} page
 * @param {{name: string, text?: string, bytes?: number[], type?: string}[]} files
 */
export function drop(page, files) {
  return page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const body = f.bytes ? new Uint8Array(f.bytes) : f.text;
      dt.items.add(new File([body], f.name, { type: f.type || '' }));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, files);
}

/** Waits for a message containing `text`; returns all messages' text. */
export async function notice(page, text, timeout = 20_000) {
  await page.waitForFunction((t) => [...document.querySelectorAll('#notices .notice-text')].some((n) => n.textContent.includes(t)), text, { timeout });
  return page.$$eval('#notices .notice-text', (els) => els.map((e) => e.textContent));
}

/** Waits until `n` articles are listed (with no filter on). */
export function articleCount(page, n, timeout = 20_000) {
  return page.waitForFunction((n) => document.querySelectorAll('#list .item').length === n, n, { timeout });
}

/** Waits for the reader to show a title containing `text`. */
export function reading(page, text, timeout = 20_000) {
  return page.waitForFunction((t) => document.getElementById('reader-title').textContent.includes(t), text, { timeout });
}

/** UTF-16LE bytes with a BOM. */
export function utf16le(text) {
  const out = [0xff, 0xfe];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(c & 255, c >> 8);
  }
  return out;
}

/** Windows-1252 bytes of a Latin-1-and-curly-quotes text. */
export function cp1252(text) {
  const special = { '“': 0x93, '”': 0x94, '‘': 0x91, '’': 0x92, '—': 0x97, '–': 0x96, '€': 0x80 };
  return [...text].map((c) => special[c] ?? c.charCodeAt(0));
}

/** Waits until IndexedDB holds `n` saved articles, so a reload cannot race a write. */
export async function storedCount(page, n, timeout = 20_000) {
  const until = Date.now() + timeout;
  let count = -1;
  while (Date.now() < until) {
    count = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const req = indexedDB.open('parallax');
          req.onerror = () => resolve(-1);
          req.onsuccess = () => {
            const db = req.result;
            if (!db.objectStoreNames.contains('articles')) return resolve(0);
            const c = db.transaction('articles').objectStore('articles').count();
            c.onsuccess = () => {
              resolve(c.result);
              db.close();
            };
            c.onerror = () => resolve(-1);
          };
        }),
    );
    if (count === n) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`expected ${n} saved articles, found ${count}`);
}
