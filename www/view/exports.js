// The Export panel: the current article's or the filtered list's analysis as files.
import { $, h, fill } from './dom.js';
import { titleOf } from '../state.js';
import { ARTICLE_EXPORTS, CORPUS_EXPORTS } from '../export/files.js';

export function createExportsView() {
  const root = $('exports');
  let onExport = () => {};
  root.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-export]');
    if (b) onExport(b.dataset.export, b.dataset.scope);
  });
  let shape = null;
  return {
    /** @param {(kind: string, scope: string) => void} fn */
    bindExport(fn) {
      onExport = fn;
    },
    /** @param {{scope: string, article: any, articles: any[]}} d */
    show(d) {
      const corpus = d.scope === 'corpus';
      const key = corpus ? 'c:' + d.articles.map((a) => a.id).join('\u0000') : 'a:' + (d.article ? d.article.id : '');
      if (key === shape) return;
      shape = key;
      const kinds = corpus ? CORPUS_EXPORTS : ARTICLE_EXPORTS;
      const none = corpus ? !d.articles.length : !d.article;
      fill(root,
        h('p', { class: 'muted' }, corpus
          ? `The ${d.articles.length} article${d.articles.length === 1 ? '' : 's'} in the filtered list, with their text; offsets count Unicode code points.`
          : d.article ? ['“', titleOf(d.article), '”, with its text; offsets count Unicode code points.'] : 'No article shown.'),
        h('ul', { class: 'export-list' },
          kinds.map(([kind, label]) => h('li', {}, h('button', { type: 'button', class: 'small-button', dataset: { export: kind, scope: d.scope }, disabled: none }, label))),
        ),
      );
    },
  };
}
