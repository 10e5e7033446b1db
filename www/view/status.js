// The status line under the title and the progress bar of long analyses.
import { $ } from './dom.js';

export function createStatusView() {
  const line = $('status');
  const bar = $('progress');
  return {
    /** @param {string} message */
    busy(message) {
      line.classList.remove('is-error');
      line.textContent = message;
    },
    /** Shows a bar when `total` is more than a few. */
    progress(done, total, message) {
      line.classList.remove('is-error');
      line.textContent = message;
      bar.hidden = total <= 3 || done >= total;
      bar.max = Math.max(1, total);
      bar.value = done;
    },
    done(message) {
      line.classList.remove('is-error');
      line.textContent = message;
      bar.hidden = true;
    },
    /** A failure the reader must see: stays until replaced. */
    fail(message) {
      line.classList.add('is-error');
      line.textContent = message;
      bar.hidden = true;
    },
  };
}
