// Ways in: drop anywhere (with folders walked), file and folder pickers, a paste dialog;
// and ways out: export download, import picker, reset, remove.
import { $ } from './dom.js';

const why = (err) => (err && (err.message || err.name)) || 'unknown error';

/**
 * Files of a dropped directory entry, with their paths, depth first. A file or folder that
 * cannot be read becomes `{file: null, path, error}`, so the others are still added and it
 * is named.
 */
async function walk(entry, out) {
  const path = entry.fullPath.replace(/^\//, '');
  if (entry.isFile) {
    try {
      out.push({ file: await new Promise((ok, fail) => entry.file(ok, fail)), path });
    } catch (err) {
      out.push({ file: null, path, error: why(err) });
    }
  } else if (entry.isDirectory) {
    const reader = entry.createReader();
    for (;;) {
      let batch;
      try {
        batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
      } catch (err) {
        out.push({ file: null, path: path + '/', error: `the folder could not be read: ${why(err)}` });
        break;
      }
      if (!batch.length) break;
      for (const e of batch) await walk(e, out);
    }
  }
}

/** What a drop carries: [{file, path}], walking folders. */
async function dropped(dt) {
  const out = [];
  const entries = [...(dt.items || [])].filter((i) => i.kind === 'file').map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
  if (entries.length && entries.every(Boolean)) {
    for (const e of entries) await walk(e, out);
  } else {
    for (const file of dt.files) out.push({ file, path: file.name });
  }
  return out;
}

export function createIngestView() {
  const fileInput = /** @type {HTMLInputElement} */ ($('file-input'));
  const folderInput = /** @type {HTMLInputElement} */ ($('folder-input'));
  const importInput = /** @type {HTMLInputElement} */ ($('import-input'));
  const dropzone = $('dropzone');
  const dialog = /** @type {HTMLDialogElement} */ ($('paste-dialog'));
  const pasteText = /** @type {HTMLTextAreaElement} */ ($('paste-text'));
  const pasteTitle = /** @type {HTMLInputElement} */ ($('paste-title-input'));
  const pasteOutlet = /** @type {HTMLInputElement} */ ($('paste-outlet'));
  const pasteError = $('paste-error');
  const cancel = $('queue-cancel');
  const remove = $('remove-article');

  $('add-files').addEventListener('click', () => fileInput.click());
  $('add-folder').addEventListener('click', () => folderInput.click());
  $('import').addEventListener('click', () => importInput.click());
  $('paste-open').addEventListener('click', () => {
    pasteError.hidden = true;
    dialog.showModal();
    pasteText.focus();
  });
  $('paste-cancel').addEventListener('click', () => dialog.close());

  let onFiles = () => {};
  let depth = 0;
  const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth += 1;
    dropzone.hidden = false;
  });
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (!depth) dropzone.hidden = true;
  });
  window.addEventListener('drop', async (e) => {
    if (!e.dataTransfer) return;
    e.preventDefault();
    depth = 0;
    dropzone.hidden = true;
    const items = await dropped(e.dataTransfer);
    if (items.length) onFiles(items);
  });

  function picked(input) {
    const items = [...input.files].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
    input.value = '';
    if (items.length) onFiles(items);
  }

  return {
    /** @param {(items: {file: File, path: string}[]) => void} fn */
    bindFiles(fn) {
      onFiles = fn;
      fileInput.addEventListener('change', () => picked(fileInput));
      folderInput.addEventListener('change', () => picked(folderInput));
    },
    /** @param {(p: {text: string, title: string, outlet: string}) => Promise<string|null>} fn  resolves to an error message, or null */
    bindPaste(fn) {
      $('paste-submit').addEventListener('click', async () => {
        const error = await fn({ text: pasteText.value, title: pasteTitle.value, outlet: pasteOutlet.value });
        if (error) {
          pasteError.textContent = error;
          pasteError.hidden = false;
          return;
        }
        pasteText.value = pasteTitle.value = pasteOutlet.value = '';
        dialog.close();
      });
    },
    /** @param {(file: File) => void} fn */
    bindImport(fn) {
      importInput.addEventListener('change', () => {
        const [file] = importInput.files;
        importInput.value = '';
        if (file) fn(file);
      });
    },
    bindExport(fn) {
      $('export').addEventListener('click', fn);
    },
    bindReset(fn) {
      $('reset').addEventListener('click', fn);
    },
    bindCancel(fn) {
      cancel.addEventListener('click', fn);
    },
    bindRemove(fn) {
      remove.addEventListener('click', fn);
    },
    /** The queue's Cancel button, shown while a batch runs. */
    showCancel(on) {
      cancel.hidden = !on;
    },
    /** The reader's Remove button: only for articles the reader added. */
    showRemove(on) {
      remove.hidden = !on;
    },
    /** Saves `text` as a file through the browser's download. */
    download(name, text, type = 'application/json') {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
  };
}
