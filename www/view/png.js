// An SVG document drawn into a PNG.

/**
 * Rasterises an SVG document at `scale`, through a data: URL (the page's CSP allows data:
 * images, not blob: ones).
 * @returns {Promise<Blob>}
 */
export function svgToPng(svgText, width, scale = 2) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round((img.naturalHeight || width) * scale * (width / (img.naturalWidth || width)));
      const ctx = canvas.getContext('2d');
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, width, canvas.height / scale);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not draw the PNG'))), 'image/png');
    };
    img.onerror = () => reject(new Error('the network picture could not be drawn'));
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svgText);
  });
}
