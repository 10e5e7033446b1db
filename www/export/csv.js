// CSV (RFC 4180: commas, CRLF, fields quoted when they must be): stance edges that Gephi and
// visone open as an edge list (Source and Target first, a Weight of 1 per statement, so
// parallel statements add up), and mentions. Offsets count code points.
import { codePointsOf } from './units.js';
import { holderId } from '../graph.js';

/** One field: quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(v) {
  const s = v == null ? '' : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** Rows (arrays) to CSV text with a header. */
export function csv(header, rows) {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const EDGE_HEADER = ['Source', 'Target', 'Type', 'Weight', 'holder', 'holder bloc', 'voice', 'target', 'target bloc', 'polarity', 'rule', 'article', 'evidence', 'start', 'end'];

/** Every (statement, target) as an edge row. */
export function stanceEdgesCsv(articles) {
  const rows = [];
  for (const a of articles) {
    const cp = codePointsOf(a.text);
    for (const s of a.report.statements || []) {
      for (const t of s.targets || []) {
        if (!t.entity || t.entity === s.holder) continue;
        rows.push([holderId(s), t.entity, 'Directed', 1, s.holder_name || s.holder, s.holder_bloc ?? '', s.voice, t.name || t.entity, t.bloc ?? '', t.polarity, s.rule ?? '', a.id, s.text, cp(s.start), cp(s.end)]);
      }
    }
  }
  return csv(EDGE_HEADER, rows);
}

export const MENTION_HEADER = ['article', 'entity', 'name', 'type', 'bloc', 'text', 'start', 'end'];

/** Every mention, with its entity's name, type and bloc. */
export function mentionsCsv(articles) {
  const rows = [];
  for (const a of articles) {
    const cp = codePointsOf(a.text);
    const entities = new Map((a.report.entities || []).map((e) => [e.id, e]));
    for (const m of a.report.mentions || []) {
      const e = entities.get(m.entity) || {};
      rows.push([a.id, m.entity, e.name ?? m.entity, e.type ?? '', e.bloc ?? '', m.text, cp(m.start), cp(m.end)]);
    }
  }
  return csv(MENTION_HEADER, rows);
}
