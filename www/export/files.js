// Which file each export is: its name, media type and text. Pure.
import { analysisJson, analysisJsonLines } from './analysis.js';
import { stanceEdgesCsv, mentionsCsv } from './csv.js';
import { annotationsJson } from './annotations.js';
import { articleReportHtml } from './report.js';

/** File-name-safe form of an article id. */
function stem(id) {
  return String(id).replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'article';
}

/** The exports of one article, in the order the panel lists them. */
export const ARTICLE_EXPORTS = [
  ['json', 'Analysis (JSON)'],
  ['annotations', 'Web Annotations (JSON-LD)'],
  ['html', 'Annotated report (HTML)'],
  ['edges', 'Stance edges (CSV)'],
  ['mentions', 'Mentions (CSV)'],
];

/** The exports of a set of articles. */
export const CORPUS_EXPORTS = [
  ['json', 'Analysis (JSON Lines)'],
  ['edges', 'Stance edges (CSV)'],
  ['mentions', 'Mentions (CSV)'],
];

/**
 * @param {string} kind  json | annotations | html | edges | mentions
 * @param {import('../state.js').Article[]} articles  one article for the article-only kinds
 * @param {{corpus: boolean, viewpoints?: any[]}} opts
 * @returns {{name: string, type: string, text: string}}
 */
export function exportFile(kind, articles, { corpus, viewpoints } = { corpus: false }) {
  const base = corpus ? 'parallax-corpus' : stem(articles[0].id);
  switch (kind) {
    case 'json':
      return corpus
        ? { name: `${base}.analysis.jsonl`, type: 'application/x-ndjson', text: analysisJsonLines(articles) }
        : { name: `${base}.analysis.json`, type: 'application/json', text: analysisJson(articles[0]) };
    case 'annotations':
      return { name: `${base}.annotations.jsonld`, type: 'application/ld+json', text: annotationsJson(articles[0]) };
    case 'html':
      return { name: `${base}.report.html`, type: 'text/html', text: articleReportHtml(articles[0], viewpoints) };
    case 'edges':
      return { name: `${base}.stances.csv`, type: 'text/csv', text: stanceEdgesCsv(articles) };
    case 'mentions':
      return { name: `${base}.mentions.csv`, type: 'text/csv', text: mentionsCsv(articles) };
    default:
      throw new Error(`no export “${kind}”`);
  }
}
