// The status line under the title and the progress bar of long analyses.
import { $ } from './dom.js';

/** The progress line changes at most this often (ms). */
const PROGRESS_MS = 150;

export function createStatusView() {
  const line = $('status');
  const bar = $('progress');
  /** The latest progress, drawn on a later frame: a drop of many files reports each one,
   * and the line changes at most every PROGRESS_MS (each change lays out and paints the
   * page again). */
  let pending = null;
  let queued = false;
  let drawnAt = -Infinity;

  function drawProgress() {
    queued = false;
    drawnAt = performance.now();
    if (!pending) return;
    const { done, total, message } = pending;
    pending = null;
    line.classList.remove('is-error');
    line.textContent = message;
    bar.hidden = total <= 3 || done >= total;
    bar.max = Math.max(1, total);
    bar.value = done;
  }

  /** Shows `message` now; a progress report still waiting is dropped. */
  function now(message, error = false) {
    pending = null;
    line.classList.toggle('is-error', error);
    line.textContent = message;
  }

  return {
    /** @param {string} message */
    busy(message) {
      now(message);
    },
    /** Shows a bar when `total` is more than a few. */
    progress(done, total, message) {
      pending = { done, total, message };
      if (!queued) {
        queued = true;
        setTimeout(() => requestAnimationFrame(drawProgress), Math.max(0, drawnAt + PROGRESS_MS - performance.now()));
      }
    },
    done(message) {
      now(message);
      bar.hidden = true;
    },
    /** A failure the reader must see: stays until replaced. */
    fail(message) {
      now(message, true);
      bar.hidden = true;
    },
  };
}
