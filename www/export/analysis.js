// Analysis JSON per the contract (shared/eval/CONTRACT.md), carrying the article's text, with
// offsets in code points like the command line's: one object per article, JSON Lines for
// the corpus (what `parallax analyze` prints).
import { codePointsOf } from './units.js';

const withSpan = (cp) => (x) => ({ ...x, start: cp(x.start), end: cp(x.end) });

/** @param {import('../state.js').Article} a @returns {object} */
export function analysisRecord(a) {
  const r = a.report;
  const cp = codePointsOf(a.text);
  const span = withSpan(cp);
  return {
    ...r,
    id: a.id,
    offsets: 'code points',
    text: a.text,
    viewpoint: { ...r.viewpoint, evidence: (r.viewpoint.evidence || []).map(span) },
    mentions: (r.mentions || []).map(span),
    statements: (r.statements || []).map((s) => ({ ...span(s), cues: (s.cues || []).map(span) })),
  };
}

/** One article as a JSON document. */
export function analysisJson(a) {
  return JSON.stringify(analysisRecord(a), null, 2) + '\n';
}

/** Articles as JSON Lines, one object per line, in order. */
export function analysisJsonLines(articles) {
  return articles.map((a) => JSON.stringify(analysisRecord(a)) + '\n').join('');
}
