#!/usr/bin/env node
// Generates data/countries.txt from the npm package `world-countries`.
//
//   node scripts/gen-countries.mjs
//
// One entity row per country or territory in the package:
//   id | Name | country | bloc | aliases | capital=City; domain=tld
// - id: snake_case of the common English name, ASCII only, with a few stable overrides
//   (Türkiye -> turkey, Republic of the Congo -> congo ...).
// - Name: the common English name ("United States", "Turkey" rather than "Türkiye").
// - bloc: from data/blocs.txt (its member countries), everything else `other`.
// - aliases: common and official name, English alternative spellings (no two-letter
//   codes except meaningful ones, no non-Latin or native-language forms), English
//   demonyms and their regular plurals (Iranians, Israelis, Azerbaijanis).
//   An alias that would name two countries ("American", "Dominican") is kept only for
//   the one that is a UN member when the other is not, and dropped from both otherwise.
// - capital=: the first capital of an independent country. Left out for territories,
//   for city-states whose capital has the country's own name (Singapore), and when an
//   earlier country already claims the city.
// - domain=: the country-code top-level domain ("il", "az"), so that a web address with
//   no known outlet still says where it is published. Left out when two countries
//   share one.
// Extra names belong in data/kb/countries-extra.txt, never here: this file is rewritten.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const countries = require("world-countries/countries.json");
const pkg = JSON.parse(readFileSync(join(root, "node_modules/world-countries/package.json"), "utf8"));

// ---- overrides -------------------------------------------------------------------------

/** Canonical English names where the package's common name is not the one used in news. */
const NAME = { TUR: "Turkey" };

/** Short, stable ids where snake_case of the name would be long or unstable. */
const ID = {
  TUR: "turkey",
  USA: "united_states",
  GBR: "united_kingdom",
  RUS: "russia",
  IRN: "iran",
  COG: "congo",
  COD: "dr_congo",
  CIV: "ivory_coast",
  VAT: "vatican",
  PSE: "palestine",
  SHN: "saint_helena",
  HMD: "heard_island",
  SGS: "south_georgia",
  ATF: "french_southern_lands",
  UMI: "us_minor_outlying_islands",
  VIR: "us_virgin_islands",
  CCK: "cocos_islands",
  BES: "caribbean_netherlands",
  STP: "sao_tome_and_principe",
};

/** Capitals as the news names the seat of government (the package: "Washington D.C."). */
const CAPITAL = { USA: "Washington" };

/** States the package marks as not independent whose capital still stands for a government. */
const PARTLY_RECOGNISED = new Set(["PSE", "TWN", "UNK"]);

/** Extra aliases the package lacks but every English text uses. */
const EXTRA = {
  TUR: ["Türkiye", "Turkiye", "Republic of Türkiye", "Republic of Turkey"],
};

/** Two- and three-letter codes that are words in English text. */
const CODES = new Set(["US", "USA", "UK", "UAE", "DPRK", "DRC", "ROK", "PRC"]);

/** Single-word alternative spellings worth keeping (English exonyms and former names). */
const SINGLE_WORDS = new Set([
  "Burma", "Holland", "Swaziland", "Macedonia", "Saudi", "Emirates", "Curacao", "Reunion",
  "Turkiye", "Vatican", "Pitcairn", "Czechia", "Moldavia", "Kirghizia", "Byelorussia",
]);

/** Words that show a multi-word alternative spelling is English. */
const ENGLISH = /\b(Republic|Kingdom|State|States|Islands?|Federation|Federal|Commonwealth|Union|United|Democratic|People's|Territory|Principality|Grand Duchy|Sultanate|Confederation|Emirates|Nation|Abode|Coast|Bailiwick|Collectivity|Department|Independent|Cooperative|Co-operative|Plurinational|Bolivarian|Socialist|Arab|Islamic|Hashemite|Oriental|Most Serene|East|Great|Saint|St\.|Congo|Timor|Korea|Bosnia)\b/;

// ---- helpers ---------------------------------------------------------------------------

const ascii = (s) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
const snake = (s) =>
  ascii(s).toLowerCase().replace(/['’]/g, "").replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
const latin = (s) => /^[\p{Script=Latin}\p{N}\s.,'’()\-]+$/u.test(s);
const plainEnglish = (s) => latin(s) && !/[ʻʼ‘ʾʿ]/.test(s) && ascii(s) === s;

/** Plurals that are not demonym + "s". */
const IRREGULAR = {
  Danish: "Danes", Swedish: "Swedes", Finnish: "Finns", Polish: "Poles", Turkish: "Turks",
  Spanish: "Spaniards", British: "Britons", Irish: null, French: null, Dutch: null,
  Motswana: null, Mosotho: null, Burkinabe: null, "I-Kiribati": null, "Ni-Vanuatu": null,
};

function pluralOf(d, name) {
  if (d in IRREGULAR) return IRREGULAR[d];
  if (d === name) return null; // "Djibouti", "Gibraltar": the demonym is the place name
  if (/(ish|ese|ss|ch|sh|x|y|s)$/i.test(d) && !/^Czech$/.test(d)) return null;
  if (/(an|ian|ean|i|er|ot|k|ar|o|e|n|h)$/.test(d)) return d + "s";
  return null;
}

function demonyms(c, name) {
  const out = [];
  for (const g of ["m", "f"]) {
    const raw = c.demonyms?.eng?.[g];
    if (!raw) continue;
    for (const d of raw.split(/,\s*|\s+or\s+/)) {
      const t = d.trim();
      if (!t) continue;
      out.push(t);
      const p = pluralOf(t, c.name.common);
      if (p) out.push(p);
    }
  }
  return out;
}

function altSpellings(c) {
  const out = [];
  for (const a of c.altSpellings) {
    if (/^[A-Z]{2,4}$/.test(a)) {
      if (CODES.has(a)) out.push(a);
      continue;
    }
    if (!latin(a) || /[,()]/.test(a)) continue;
    if (!a.includes(" ")) {
      if (SINGLE_WORDS.has(a)) out.push(a);
      continue;
    }
    if (/\b(des|du|de|da|do|del|la|le|og|ng|ya|wa)\b/.test(a)) continue; // native-language forms
    if (ENGLISH.test(a) && plainEnglish(a)) out.push(a);
  }
  return out;
}

// ---- build -----------------------------------------------------------------------------

const blocs = new Map();
for (const line of readFileSync(join(root, "data/blocs.txt"), "utf8").split("\n")) {
  const t = line.trim();
  if (!t || t.startsWith("#")) continue;
  // bloc | name | glyph | colour slot | member countries (ISO3; ISO3 | - | *)
  const [bloc, , , , members = ""] = t.split("|").map((s) => s.trim());
  for (const iso of members.split(";").map((s) => s.trim())) if (/^[A-Z]{3}$/.test(iso)) blocs.set(iso, bloc);
}

const rank = (c) => (c.unMember ? 2 : c.independent ? 1 : 0);
const sorted = [...countries].sort((a, b) => rank(b) - rank(a) || a.cca3.localeCompare(b.cca3));

const rows = sorted.map((c) => {
  const name = NAME[c.cca3] ?? c.name.common;
  const names = [name, c.name.common, c.name.official, ...(EXTRA[c.cca3] ?? []), ...altSpellings(c), ...demonyms(c, name)];
  const aliases = [];
  const seen = new Set();
  for (const a of names) {
    const k = a.toLowerCase();
    if (!a || seen.has(k)) continue;
    seen.add(k);
    aliases.push(a);
  }
  return { c, id: ID[c.cca3] ?? snake(c.name.common), name, aliases, bloc: blocs.get(c.cca3) ?? "other" };
});

// An alias shared by several countries stays only with the single best-ranked one.
const owners = new Map();
for (const r of rows) for (const a of r.aliases.slice(1)) {
  const k = a.toLowerCase();
  if (!owners.has(k)) owners.set(k, []);
  owners.get(k).push(r);
}
for (const [k, rs] of owners) {
  if (rs.length < 2) continue;
  const best = Math.max(...rs.map((r) => rank(r.c)));
  const top = rs.filter((r) => rank(r.c) === best);
  for (const r of rs) {
    if (top.length === 1 && r === top[0]) continue;
    r.aliases = r.aliases.filter((a, i) => i === 0 || a.toLowerCase() !== k);
  }
}

// Capitals: first one, for independent countries only (a territory's capital, such as
// Douglas or Hamilton, is more often a person's name in this subject's texts), unless it
// is the country's own name or already taken.
const capitalTaken = new Set();
for (const r of rows) {
  if (!r.c.independent && !PARTLY_RECOGNISED.has(r.c.cca3)) continue;
  const cap = CAPITAL[r.c.cca3] ?? r.c.capital[0];
  if (!cap || snake(cap) === r.id || ascii(cap) === ascii(r.name) || capitalTaken.has(snake(cap))) continue;
  capitalTaken.add(snake(cap));
  r.capital = cap;
}

const tldCount = new Map();
for (const r of rows) {
  for (const tld of r.c.tld ?? []) {
    const label = tld.replace(/^\./, "").toLowerCase();
    tldCount.set(label, (tldCount.get(label) ?? 0) + 1);
  }
}

const ids = new Set();
for (const r of rows) {
  if (ids.has(r.id)) throw new Error(`duplicate id ${r.id}`);
  ids.add(r.id);
}

rows.sort((a, b) => a.id.localeCompare(b.id));
const clean = (s) => s.replace(/\s*[|;]\s*/g, " ").trim();
const lines = [
  `# GENERATED by \`node scripts/gen-countries.mjs\` from the npm package world-countries ${pkg.version}.`,
  "# Do not edit: add names in data/kb/countries-extra.txt, blocs in data/blocs.txt, and rerun.",
  "# id | Name | type | bloc | aliases | attributes",
];
for (const r of rows) {
  const cols = [r.id, clean(r.name), "country", r.bloc, r.aliases.map(clean).join("; ")];
  const attrs = [];
  if (r.capital) attrs.push(`capital=${clean(r.capital)}`);
  for (const tld of r.c.tld ?? []) {
    const label = tld.replace(/^\./, "").toLowerCase();
    if (tldCount.get(label) === 1 && /^[a-z]{2}$/.test(label)) attrs.push(`domain=${label}`);
  }
  if (attrs.length) cols.push(attrs.join("; "));
  lines.push(cols.join(" | "));
}
writeFileSync(join(root, "data/countries.txt"), lines.join("\n") + "\n");
console.log(`data/countries.txt: ${rows.length} countries (world-countries ${pkg.version})`);
