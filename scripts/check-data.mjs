#!/usr/bin/env node
// Validates the knowledge base in data/ against the format of data/README.md.
//
//   node scripts/check-data.mjs          # prints errors and a row count per file
//
// Exits 1 when any error is found. Checks:
// - every record has the right number of ` | `-separated fields, none empty;
// - entity ids are unique lowercase ASCII snake_case across all entity files; a row with
//   `-` for name, type and bloc adds aliases to an id defined elsewhere (a country, a kb
//   entity, or the place made from a country's `capital=`);
// - types, blocs, attribute keys, viewpoint ids and metonym targets are from the allowed sets;
// - one alias never names two entities (compared after the matcher's folding);
// - epithets point at existing entities and viewpoints, weights are in range;
// - lexicon cues are unique per file, `*` only ends the last word, numbers in range.
// No dependencies; run from anywhere.

import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = join(root, "data");

const TYPES = new Set(["country", "person", "organization", "media", "place", "event", "policy"]);
const BLOCS = new Set(["iran", "israel", "azerbaijan", "us", "russia", "turkey", "armenia", "other", "-"]);
const ATTRS = new Set(["capital", "metonym_of", "viewpoint", "domain"]); // domain= is read by the loader (src/kb) for outlets
const SPEECH_KINDS = new Set(["verb", "source", "quote"]);
const TITLE_TYPES = TYPES; // roles (person) and heads that type a name (organization, place, event, policy)
const ID_RE = /^[a-z0-9]+(_[a-z0-9]+)*$/;

const errors = [];
const counts = [];
const err = (file, line, msg) => errors.push(`${relative(root, file)}:${line}: ${msg}`);

/** Records of a data file: [{ line, fields }] without comments and blank lines. */
function records(file) {
  const out = [];
  const text = readFileSync(file, "utf8");
  text.split("\n").forEach((raw, i) => {
    const t = raw.trim();
    if (!t || t.startsWith("#")) return;
    out.push({ line: i + 1, fields: t.split(" | ").map((f) => f.trim()) });
  });
  return out;
}

/** The matcher's folding (src/text.rs): case, quotes, dashes, spaces, the region's letters. */
const fold = (s) =>
  s.replace(/[ıİ]/g, "i").replace(/[əƏ]/g, "e").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .toLowerCase().replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4]/g, "'")
    .replace(/[\u201c-\u201f\u2033\u00ab\u00bb]/g, '"').replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u00ad\u200b-\u200d\ufeff]/g, "").replace(/\s+/g, " ").trim();

/** Same id rule as scripts/gen-countries.mjs, used for capital place ids. */
const snake = (s) =>
  s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");

function checkFields(file, r, n, what) {
  const ok = Array.isArray(n) ? n.includes(r.fields.length) : r.fields.length === n;
  if (!ok) {
    err(file, r.line, `${what}: expected ${Array.isArray(n) ? n.join(" or ") : n} fields, got ${r.fields.length}`);
    return false;
  }
  r.fields.forEach((f, i) => {
    if (!f) err(file, r.line, `${what}: field ${i + 1} is empty`);
  });
  return true;
}

// ---- blocs.txt and viewpoints.txt ------------------------------------------------------
const blocsFile = join(dataDir, "blocs.txt");
const blocRows = records(blocsFile);
for (const r of blocRows) {
  if (!checkFields(blocsFile, r, 2, "bloc row")) continue;
  if (!/^[A-Z]{3}$/.test(r.fields[0])) err(blocsFile, r.line, `not an ISO3 code: ${r.fields[0]}`);
  if (!BLOCS.has(r.fields[1]) || r.fields[1] === "-" || r.fields[1] === "other") err(blocsFile, r.line, `bad bloc ${r.fields[1]}`);
}
counts.push([blocsFile, blocRows.length]);

const vpFile = join(dataDir, "viewpoints.txt");
const viewpoints = new Set();
let fallback = null;
const vpRows = records(vpFile);
for (const r of vpRows) {
  if (!checkFields(vpFile, r, 3, "viewpoint row")) continue;
  const [id, , blocs] = r.fields;
  if (!ID_RE.test(id)) err(vpFile, r.line, `bad viewpoint id ${id}`);
  if (viewpoints.has(id)) err(vpFile, r.line, `duplicate viewpoint ${id}`);
  viewpoints.add(id);
  if (blocs === "*") fallback ??= id;
  else for (const b of blocs.split(";").map((s) => s.trim())) if (!BLOCS.has(b) || b === "-") err(vpFile, r.line, `bad bloc ${b}`);
}
if (!fallback) err(vpFile, 0, "no fallback viewpoint (a row whose blocs are `*`)");
counts.push([vpFile, vpRows.length]);

// ---- entity files ----------------------------------------------------------------------
const kbDir = join(dataDir, "kb");
const entityFiles = [join(dataDir, "countries.txt"),
  ...readdirSync(kbDir).filter((f) => f.endsWith(".txt") && f !== "epithets.txt").sort().map((f) => join(kbDir, f))];

const entities = new Map(); // id -> { type, bloc, file, line }
const extensions = []; // `-` rows, resolved after all definitions are read
const aliasOwner = new Map(); // folded alias -> { id, file, line, alias }
const capitals = []; // { id, name, country, file, line }
const metonyms = [];
const pendingAliases = []; // { id, alias, file, line }

for (const file of entityFiles) {
  const rows = records(file);
  counts.push([file, rows.length]);
  for (const r of rows) {
    if (!checkFields(file, r, [5, 6], "entity row")) continue;
    const [id, name, type, bloc, aliasField, attrField] = r.fields;
    if (!ID_RE.test(id)) err(file, r.line, `id is not lowercase ASCII snake_case: ${id}`);
    const aliases = aliasField.split(";").map((s) => s.trim());
    aliases.forEach((a) => {
      if (!a) err(file, r.line, `empty alias in ${id}`);
      if (a.includes("|")) err(file, r.line, `alias contains '|': ${a}`);
    });
    if (name === "-" || type === "-") {
      if (!(name === "-" && type === "-" && bloc === "-")) err(file, r.line, `${id}: an extension row has '-' for name, type and bloc`);
      if (attrField) err(file, r.line, `${id}: an extension row carries no attributes`);
      extensions.push({ id, file, line: r.line });
    } else {
      if (entities.has(id)) {
        const o = entities.get(id);
        err(file, r.line, `duplicate id ${id} (first in ${relative(root, o.file)}:${o.line})`);
      }
      if (!TYPES.has(type)) err(file, r.line, `${id}: bad type ${type}`);
      if (!BLOCS.has(bloc)) err(file, r.line, `${id}: bad bloc ${bloc}`);
      entities.set(id, { type, bloc, file, line: r.line });
      if (!aliases.includes(name)) aliases.push(name); // the name is always an alias
    }
    for (const a of aliases) pendingAliases.push({ id, alias: a, file, line: r.line });
    if (attrField) {
      for (const kv of attrField.split(";").map((s) => s.trim())) {
        const m = /^([a-z_]+)=(.+)$/.exec(kv);
        if (!m) { err(file, r.line, `${id}: bad attribute '${kv}' (want key=value)`); continue; }
        const [, key, value] = m;
        if (!ATTRS.has(key)) err(file, r.line, `${id}: unknown attribute ${key}`);
        if (key === "capital") {
          if (type !== "country") err(file, r.line, `${id}: capital= is for countries`);
          capitals.push({ id: snake(value), name: value, country: id, file, line: r.line });
        }
        if (key === "metonym_of") {
          if (type !== "place") err(file, r.line, `${id}: metonym_of= is for places`);
          metonyms.push({ target: value, file, line: r.line });
        }
        if (key === "viewpoint" && !viewpoints.has(value)) err(file, r.line, `${id}: unknown viewpoint ${value}`);
        if (key === "viewpoint" && !["media", "organization"].includes(type)) err(file, r.line, `${id}: viewpoint= is for media and think tanks`);
      }
    }
  }
}

// Capital places: id snake_case(City); they must not collide with another entity.
for (const c of capitals) {
  if (entities.has(c.id)) {
    const o = entities.get(c.id);
    err(c.file, c.line, `capital ${c.name} of ${c.country} has id ${c.id}, already used in ${relative(root, o.file)}:${o.line}`);
    continue;
  }
  entities.set(c.id, { type: "place", bloc: entities.get(c.country)?.bloc ?? "-", file: c.file, line: c.line, capital: true });
  pendingAliases.push({ id: c.id, alias: c.name, file: c.file, line: c.line });
}
for (const x of extensions) if (!entities.has(x.id)) err(x.file, x.line, `'-' row for unknown id ${x.id}`);
for (const m of metonyms) if (entities.get(m.target)?.type !== "country") err(m.file, m.line, `metonym_of=${m.target} is not a country id`);

// One alias, one entity.
for (const p of pendingAliases) {
  const k = fold(p.alias);
  const o = aliasOwner.get(k);
  if (o && o.id !== p.id) {
    err(p.file, p.line, `alias "${p.alias}" of ${p.id} already names ${o.id} (${relative(root, o.file)}:${o.line})`);
  } else if (!o) aliasOwner.set(k, p);
}

// ---- epithets --------------------------------------------------------------------------
const epFile = join(kbDir, "epithets.txt");
const epRows = records(epFile);
const seenPhrases = new Map();
for (const r of epRows) {
  if (!checkFields(epFile, r, [4, 5], "epithet")) continue;
  const [phrase, entity, vp, weight] = r.fields;
  if (!entities.has(entity)) err(epFile, r.line, `unknown entity ${entity}`);
  for (const v of vp.split(";").map((x) => x.trim())) if (!viewpoints.has(v)) err(epFile, r.line, `unknown viewpoint ${v}`);
  const w = Number(weight);
  if (!Number.isFinite(w) || w <= 0 || w > 3) err(epFile, r.line, `weight ${weight} not in (0, 3]`);
  const k = fold(phrase);
  if (seenPhrases.has(k)) err(epFile, r.line, `duplicate epithet "${phrase}" (line ${seenPhrases.get(k)})`);
  seenPhrases.set(k, r.line);
  const o = aliasOwner.get(k);
  if (o && o.id !== entity) err(epFile, r.line, `epithet "${phrase}" is also an alias of ${o.id}`);
}
counts.push([epFile, epRows.length]);

// ---- lexicons ---------------------------------------------------------------------------
const lexDir = join(dataDir, "lexicon");
function lexicon(name, n, check) {
  const file = join(lexDir, name);
  const rows = records(file);
  const seen = new Map();
  for (const r of rows) {
    if (!checkFields(file, r, n, "record")) continue;
    const cue = r.fields[0];
    const k = fold(cue);
    if (seen.has(k)) err(file, r.line, `duplicate cue "${cue}" (line ${seen.get(k)})`);
    seen.set(k, r.line);
    if (cue.includes("*") && !/^[^*]+\*$/.test(cue)) err(file, r.line, `'*' may only end the cue: ${cue}`);
    if (/[?+()[\]{}^$\\]/.test(cue) && name !== "titles.txt") err(file, r.line, `regex-like character in cue: ${cue}`);
    check?.(file, r);
  }
  counts.push([file, rows.length]);
}
const num = (file, r, lo, hi, loOpen, what) => {
  const v = Number(r.fields[1]);
  const ok = Number.isFinite(v) && (loOpen ? v > lo : v >= lo) && v <= hi;
  if (!ok) err(file, r.line, `${what} ${r.fields[1]} out of range`);
};
lexicon("stance.txt", 2, (f, r) => num(f, r, -1, 1, false, "polarity"));
lexicon("relations.txt", 2, (f, r) => num(f, r, -1, 1, false, "polarity"));
lexicon("speech.txt", 2, (f, r) => { if (!SPEECH_KINDS.has(r.fields[1])) err(f, r.line, `bad kind ${r.fields[1]}`); });
lexicon("negation.txt", 1);
lexicon("hedges.txt", 2, (f, r) => num(f, r, 0, 1, true, "factor"));
lexicon("titles.txt", 2, (f, r) => { if (!TITLE_TYPES.has(r.fields[1])) err(f, r.line, `bad type ${r.fields[1]}`); });
lexicon("viewpoint_cues.txt", 3, (f, r) => {
  for (const v of r.fields[1].split(";").map((x) => x.trim())) if (!viewpoints.has(v)) err(f, r.line, `unknown viewpoint ${v}`);
  const w = Number(r.fields[2]);
  if (!Number.isFinite(w) || w <= 0 || w > 3) err(f, r.line, `weight ${r.fields[2]} not in (0, 3]`);
});

// ---- report -----------------------------------------------------------------------------
for (const [file, n] of counts) console.log(`${String(n).padStart(5)}  ${relative(root, file)}`);
const byType = {};
for (const e of entities.values()) byType[e.type] = (byType[e.type] ?? 0) + 1;
console.log(`entities: ${entities.size} (${Object.entries(byType).map(([t, n]) => `${t} ${n}`).join(", ")}); aliases: ${aliasOwner.size}`);
if (errors.length) {
  console.error(`\n${errors.length} error(s):`);
  for (const e of errors) console.error("  " + e);
  process.exit(1);
}
console.log("data OK");
