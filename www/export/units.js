// Offsets for files: the page's reports count UTF-16 code units (what JavaScript slices);
// exported files count Unicode code points, as the command line does (what Python slices,
// and what a Web Annotation TextPositionSelector counts).

/**
 * A converter from UTF-16 offsets of `text` to code-point offsets, O(1) per lookup.
 * @param {string} text
 * @returns {(utf16: number) => number}
 */
export function codePointsOf(text) {
  const at = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    at[i] = cp;
    const c = text.charCodeAt(i);
    // A low surrogate after a high one is the same code point: it does not count again.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) cp += 1;
    else at[i] = cp - 1;
  }
  at[text.length] = cp;
  return (i) => at[Math.max(0, Math.min(text.length, i | 0))];
}
