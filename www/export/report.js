// A standalone annotated HTML report of one article: readable offline, no scripts, its own
// strict Content-Security-Policy (nothing may load; the one stylesheet is allowed by its
// hash), every piece of text escaped.
import { nest, paragraphs } from '../spans.js';
import { statementTag, statementPolarity, formatPolarity, polarityClass, blocName, viewpointName, percent, titleOf } from '../state.js';

/** The report's stylesheet; src/export.rs carries the same text, and both are tested against REPORT_CSS_SHA256. */
export const REPORT_CSS =
  'body{font:16px/1.6 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1c2229;background:#fff}' +
  'h1{font-size:1.5rem;line-height:1.25}h2{font:600 1rem/1.3 system-ui,sans-serif;margin-top:2rem}' +
  '.meta,.legend,table{font:14px/1.45 system-ui,sans-serif;color:#3d4650}' +
  'mark{background:#eef1f4;border-bottom:2px solid #5f6b7a;padding:0 1px}' +
  '.b-iran{border-color:#2e7d32}.b-israel{border-color:#1f5fbf;border-bottom-style:double;border-bottom-width:4px}' +
  '.b-azerbaijan{border-color:#c2410c;border-bottom-style:dashed}.b-us{border-color:#7c3aed;border-bottom-style:dotted}' +
  '.st{background:#f6f6f3}.tag{font:600 11px/1 system-ui,sans-serif;border:1px solid;border-radius:3px;padding:1px 4px;margin-right:4px}' +
  '.neg{color:#b3303e}.pos{color:#16705a}.neu,.mix{color:#58626e}' +
  'table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #dfe2e6;padding:4px;text-align:left;vertical-align:top}';

/** sha256 of REPORT_CSS, base64: the CSP's style-src. */
export const REPORT_CSS_SHA256 = 'sha256-jGcs17h6tIB5/+EH7laL4B3KzjJZUbnNcdH6i+cUaSc=';

export const REPORT_CSP = `default-src 'none'; style-src '${REPORT_CSS_SHA256}'; img-src 'none'; base-uri 'none'; form-action 'none'`;

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and attribute values. */
export function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const blocCls = (bloc) => 'b-' + (bloc ? String(bloc).replace(/[^a-z0-9_-]/gi, '') || 'other' : 'none');

function body(a) {
  const r = a.report;
  const entities = new Map((r.entities || []).map((e) => [e.id, e]));
  const spans = paragraphs(a.text);
  r.statements.forEach((s, i) => spans.push({ start: s.start, end: s.end, kind: 'stmt', i, rank: 0 }));
  r.mentions.forEach((m, i) => spans.push({ start: m.start, end: m.end, kind: 'mention', i, rank: 1 }));
  const render = (node) => {
    if (node.type === 'text') return escapeHtml(a.text.slice(node.start, node.end));
    const inner = node.children.map(render).join('');
    const sp = node.span;
    if (sp.kind === 'para') return `<p>${inner}</p>\n`;
    if (sp.kind === 'stmt') {
      const s = r.statements[sp.i];
      const cls = statementPolarity(s).cls;
      const tag = node.first ? `<b class="tag ${cls}">${escapeHtml(statementTag(s))}</b>` : '';
      return `<span class="st"${node.first ? ` id="s-${sp.i}"` : ''}>${tag}${inner}</span>`;
    }
    const m = r.mentions[sp.i];
    const e = entities.get(m.entity) || { name: m.entity, type: 'entity', bloc: null };
    return `<mark class="${blocCls(e.bloc)}" title="${escapeHtml(`${e.name} · ${e.type} · ${blocName(e.bloc)}`)}">${inner}</mark>`;
  };
  return nest(a.text.length, spans)
    .map((n) => (n.type === 'span' && n.span.kind === 'para' ? render(n) : a.text.slice(n.start, n.end).trim() || n.type === 'span' ? `<p>${render(n)}</p>\n` : ''))
    .join('');
}

/**
 * @param {import('../state.js').Article} a
 * @param {{id: string, label: string}[]} viewpoints
 * @returns {string} a complete HTML document
 */
export function articleReportHtml(a, viewpoints = a.report.viewpoints || []) {
  const r = a.report;
  const m = a.meta || {};
  const title = titleOf(a);
  const url = /^https?:\/\//i.test(m.url || '') ? m.url : null;
  const byline = [m.outlet, m.author && `by ${m.author}`, m.date, url].filter(Boolean).join(' · ');
  const statements = r.statements
    .map((s, i) => {
      const targets = (s.targets || []).filter((t) => t.entity !== s.holder);
      return `<tr><td><a href="#s-${i}">${i + 1}</a></td><td>${escapeHtml(s.holder_name || s.holder)}</td><td>${targets
        .map((t) => `${escapeHtml(t.name || t.entity)} <span class="${polarityClass(t.polarity)}">${escapeHtml(formatPolarity(t.polarity))}</span>`)
        .join('<br>')}</td><td>${escapeHtml(s.rule || '')}</td><td>${escapeHtml((s.cues || []).map((c) => c.text).join(', '))}</td><td>${escapeHtml(viewpointName(viewpoints, s.voice))}</td></tr>`;
    })
    .join('\n');
  const entities = (r.entities || []).map((e) => `<tr><td>${escapeHtml(e.name)}</td><td>${escapeHtml(e.type)}</td><td>${escapeHtml(blocName(e.bloc))}</td><td>${escapeHtml(e.mentions)}</td></tr>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Parallax report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(byline)}</p>
<p class="meta">${escapeHtml(viewpointName(viewpoints, r.viewpoint.label))} viewpoint · ${escapeHtml(percent(r.viewpoint.confidence))} confidence · ${r.entities.length} entities · ${r.statements.length} statements</p>
${(r.notes || []).map((n) => `<p class="meta">${escapeHtml(n)}</p>\n`).join('')}<p class="legend">Highlights: entity mentions (hover for name, type and bloc); each statement opens with its holder → targets and sign (− negative, + positive, ○ neutral, ± mixed).</p>
<article>
${body(a)}</article>
<h2>Statements</h2>
<table><thead><tr><th>#</th><th>Holder</th><th>Targets</th><th>Rule</th><th>Cue words</th><th>Voice</th></tr></thead><tbody>
${statements}
</tbody></table>
<h2>Entities</h2>
<table><thead><tr><th>Name</th><th>Type</th><th>Bloc</th><th>Mentions</th></tr></thead><tbody>
${entities}
</tbody></table>
<p class="meta">Made by Parallax in the browser; nothing in this file runs or loads anything.</p>
</body>
</html>
`;
}
