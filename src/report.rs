//! The analysis as the contract's object (`shared/eval/CONTRACT.md`), with offsets in the
//! units of the edge that asks: UTF-16 code units for JavaScript, code points for the
//! command line. Spans are bytes everywhere before this point; they are converted here,
//! once.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::attribution::Holder;
use crate::kb::{EntityType, KnowledgeBase};
use crate::text::Span;

/// What offsets count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Units {
    /// Unicode scalar values (Python's `str`).
    CodePoints,
    /// UTF-16 code units (JavaScript's `String`).
    Utf16,
}

/// What the caller knows about a document besides its text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Meta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    /// File name or other origin, echoed as the report's `source`.
    pub source: Option<String>,
}

/// The report of one text. Its strings are `S`: owned (`String`, the default, what
/// `Analyzer::report` returns), or borrowed from the text, the knowledge base and the
/// analysis (`Cow<str>`, what `to_json` writes without copying them first); `M` is the
/// metadata, owned or borrowed alike.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Report<S = String, M = Meta> {
    pub source: Option<S>,
    pub title: Option<S>,
    pub meta: M,
    pub viewpoint: ViewpointOut<S>,
    /// The viewpoints an article can have, from the knowledge base.
    pub viewpoints: Vec<ViewpointDef<S>>,
    pub entities: Vec<EntityOut<S>>,
    pub mentions: Vec<MentionOut<S>>,
    pub statements: Vec<StatementOut<S>>,
    /// What the report leaves out, in words for the reader: empty unless the text hit a
    /// per-document cap (`MAX_STATEMENTS` statements, `MAX_MENTIONS` mentions,
    /// `MAX_EVIDENCE` pieces of evidence). Caps keep the report linear in the text: a text
    /// that hits one is a list or a phrase repeated, not an article.
    pub notes: Vec<String>,
}

/// Most mentions one report lists (`EntityOut::mentions` still counts them all).
pub const MAX_MENTIONS: usize = 10_000;
/// Most pieces of viewpoint evidence one report lists (all of them are scored).
pub const MAX_EVIDENCE: usize = 1_000;
/// Longest `text` of a statement or a piece of evidence, in characters; `start` and
/// `end` always span all of it.
pub const MAX_EXCERPT: usize = 300;

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ViewpointOut<S = String> {
    pub label: S,
    pub scores: BTreeMap<S, f32>,
    pub confidence: f32,
    pub evidence: Vec<EvidenceOut<S>>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ViewpointDef<S = String> {
    pub id: S,
    pub label: S,
    pub bloc: S,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EvidenceOut<S = String> {
    pub start: usize,
    pub end: usize,
    /// At most `MAX_EXCERPT` characters, as `StatementOut::text`.
    pub text: S,
    pub viewpoint: S,
    pub kind: &'static str,
    pub weight: f32,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EntityOut<S = String> {
    pub id: S,
    pub name: S,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub bloc: Option<S>,
    pub mentions: usize,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct MentionOut<S = String> {
    pub start: usize,
    pub end: usize,
    pub text: S,
    pub entity: S,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct StatementOut<S = String> {
    pub start: usize,
    pub end: usize,
    /// The sentence, or its first `MAX_EXCERPT` characters and an ellipsis.
    pub text: S,
    /// Entity id, or "author" for the article's own voice.
    pub holder: S,
    pub holder_name: S,
    /// The holder's side; null for someone the knowledge base and the text do not place
    /// (never a guessed "other").
    pub holder_bloc: Option<S>,
    pub voice: S,
    /// Which rule found it (see `stance::Statement::rule`).
    pub rule: S,
    pub targets: Vec<TargetOut<S>>,
    pub cues: Vec<CueOut<S>>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct TargetOut<S = String> {
    pub entity: S,
    pub name: S,
    pub bloc: Option<S>,
    pub polarity: f32,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CueOut<S = String> {
    pub start: usize,
    pub end: usize,
    pub text: S,
    pub polarity: f32,
}

/// Byte offsets of one text → offsets in other units. Only the text's characters
/// outside ASCII are listed (an article has a few dozen: quotes, dashes, names), each with
/// the units counted up to its end; an offset is found from the last one before it, by
/// a binary search. Offsets inside a character count it whole.
pub struct OffsetMap {
    /// For each character outside ASCII: its first byte, its byte length, and the units
    /// up to its end.
    wide: Vec<(usize, usize, usize)>,
    len: usize,
}

impl OffsetMap {
    pub fn new(text: &str, units: Units) -> OffsetMap {
        let bytes = text.as_bytes();
        let mut wide = Vec::new();
        // Units up to the end of the last character listed, and that end.
        let (mut counted, mut end) = (0, 0);
        let mut at = 0;
        while let Some(skip) = bytes[at..].iter().position(|b| !b.is_ascii()) {
            at += skip;
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let width = c.len_utf8();
            counted += (at - end)
                + match units {
                    Units::CodePoints => 1,
                    Units::Utf16 => c.len_utf16(),
                };
            end = at + width;
            wide.push((at, width, counted));
            at = end;
        }
        OffsetMap {
            wide,
            len: text.len(),
        }
    }

    pub fn at(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let k = self.wide.partition_point(|&(start, _, _)| start < byte);
        match k.checked_sub(1).map(|k| self.wide[k]) {
            None => byte,
            Some((start, width, counted)) => counted + byte.saturating_sub(start + width),
        }
    }

    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.at(span.start), self.at(span.end))
    }
}

fn round(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

/// Builds the contract object for one analysed text.
pub fn build(
    kb: &KnowledgeBase,
    text: &str,
    meta: &Meta,
    analysis: &Analysis,
    units: Units,
) -> Report {
    build_as(kb, text, meta, meta.clone(), analysis, units)
}

/// The report of one analysed text as JSON, written from a report that borrows its
/// strings (no copy of each before it is written), into a buffer sized for it at once.
/// A report for JavaScript (offsets in `Units::Utf16`) is written in ASCII alone
/// (`AsciiFormatter`): the same strings once parsed, at about a tenth less of the time
/// the page spends per article.
pub fn to_json(
    kb: &KnowledgeBase,
    text: &str,
    meta: &Meta,
    analysis: &Analysis,
    units: Units,
) -> String {
    let report: Report<Cow<str>, &Meta> = build_as(kb, text, meta, meta, analysis, units);
    // An article's report is about four times its text.
    let mut json = Vec::with_capacity(4096 + 5 * text.len());
    match units {
        Units::Utf16 => write_report(&mut Json::new(&mut json, AsciiFormatter), &report),
        Units::CodePoints => write_report(
            &mut Json::new(&mut json, serde_json::ser::CompactFormatter),
            &report,
        ),
    }
    // serde_json writes UTF-8 only.
    String::from_utf8(json).unwrap_or_default()
}

/// JSON written as serde_json writes a derived `Serialize` (compact): the keys and the
/// punctuation as they are, each value through serde_json with the formatter `F`. The
/// same bytes as `report.serialize` (a test compares them), with no serde call per key:
/// keys were half the calls, each escaped byte by byte.
struct Json<'w, F> {
    out: &'w mut Vec<u8>,
    formatter: F,
}

/// `\\uXXXX` with lower-case hex digits, as serde_json writes a control character and
/// `AsciiFormatter` a character outside ASCII.
fn push_unicode_escape(out: &mut Vec<u8>, unit: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digit = |shift: u16| HEX[usize::from((unit >> shift) & 0xf)];
    out.extend_from_slice(&[b'\\', b'u', digit(12), digit(8), digit(4), digit(0)]);
}

/// A formatter `Json` writes with: whether it escapes every character outside ASCII.
trait Strings: serde_json::ser::Formatter + Clone {
    const ASCII: bool;
}

impl Strings for AsciiFormatter {
    const ASCII: bool = true;
}

impl Strings for serde_json::ser::CompactFormatter {
    const ASCII: bool = false;
}

impl<'w, F: Strings> Json<'w, F> {
    fn new(out: &'w mut Vec<u8>, formatter: F) -> Self {
        Json { out, formatter }
    }

    /// `"key":` after `{` (`first`) or `,`.
    #[inline]
    fn key(&mut self, first: bool, key: &str) {
        self.out.push(if first { b'{' } else { b',' });
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
    }

    #[inline]
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) {
        let mut serializer =
            serde_json::Serializer::with_formatter(&mut *self.out, self.formatter.clone());
        // Serialising plain data to memory never fails.
        let _ = value.serialize(&mut serializer);
    }

    /// A string, written as `value` writes it (serde_json's escapes; every character
    /// outside ASCII escaped too for `AsciiFormatter`), in one pass over its bytes.
    fn str(&mut self, s: &str) {
        let out = &mut *self.out;
        out.reserve(s.len() + 2);
        out.push(b'"');
        let bytes = s.as_bytes();
        // Bytes from `start` on are not written yet.
        let (mut start, mut i) = (0, 0);
        while i < bytes.len() {
            let b = bytes[i];
            if b >= 0x20 && b != b'"' && b != b'\\' && (b < 0x80 || !F::ASCII) {
                i += 1;
                continue;
            }
            out.extend_from_slice(&bytes[start..i]);
            if b >= 0x80 {
                // The first byte of a character: only whole characters are stepped over.
                let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                let mut units = [0u16; 2];
                for &mut unit in c.encode_utf16(&mut units) {
                    push_unicode_escape(out, unit);
                }
                i += c.len_utf8();
            } else {
                match b {
                    b'"' => out.extend_from_slice(b"\\\""),
                    b'\\' => out.extend_from_slice(b"\\\\"),
                    b'\n' => out.extend_from_slice(b"\\n"),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    b'\t' => out.extend_from_slice(b"\\t"),
                    0x08 => out.extend_from_slice(b"\\b"),
                    0x0C => out.extend_from_slice(b"\\f"),
                    _ => push_unicode_escape(out, u16::from(b)),
                }
                i += 1;
            }
            start = i;
        }
        out.extend_from_slice(&bytes[start.min(bytes.len())..]);
        out.push(b'"');
    }

    fn end(&mut self) {
        self.out.push(b'}');
    }

    /// `[a,b,…]`, each item written by `item`.
    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        self.out.push(b'[');
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            item(self, x);
        }
        self.out.push(b']');
    }

    fn opt_str(&mut self, s: &Option<Cow<str>>) {
        match s {
            Some(s) => self.str(s),
            None => self.out.extend_from_slice(b"null"),
        }
    }
}

/// `report` as `Report`'s derived `Serialize` writes it: the fields in the order they
/// are declared, each struct's keys as named there (`kind` as "type").
fn write_report<F: Strings>(j: &mut Json<F>, r: &Report<Cow<str>, &Meta>) {
    j.key(true, "source");
    j.opt_str(&r.source);
    j.key(false, "title");
    j.opt_str(&r.title);
    j.key(false, "meta");
    j.value(r.meta);
    let v = &r.viewpoint;
    j.key(false, "viewpoint");
    j.key(true, "label");
    j.str(&v.label);
    j.key(false, "scores");
    j.value(&v.scores);
    j.key(false, "confidence");
    j.value(&v.confidence);
    j.key(false, "evidence");
    j.list(&v.evidence, |j, e| {
        j.key(true, "start");
        j.value(&e.start);
        j.key(false, "end");
        j.value(&e.end);
        j.key(false, "text");
        j.str(&e.text);
        j.key(false, "viewpoint");
        j.str(&e.viewpoint);
        j.key(false, "kind");
        j.str(e.kind);
        j.key(false, "weight");
        j.value(&e.weight);
        j.end();
    });
    j.end();
    j.key(false, "viewpoints");
    j.list(&r.viewpoints, |j, v| {
        j.key(true, "id");
        j.str(&v.id);
        j.key(false, "label");
        j.str(&v.label);
        j.key(false, "bloc");
        j.str(&v.bloc);
        j.end();
    });
    j.key(false, "entities");
    j.list(&r.entities, |j, e| {
        j.key(true, "id");
        j.str(&e.id);
        j.key(false, "name");
        j.str(&e.name);
        j.key(false, "type");
        j.value(&e.kind);
        j.key(false, "bloc");
        j.opt_str(&e.bloc);
        j.key(false, "mentions");
        j.value(&e.mentions);
        j.end();
    });
    j.key(false, "mentions");
    j.list(&r.mentions, |j, m| {
        j.key(true, "start");
        j.value(&m.start);
        j.key(false, "end");
        j.value(&m.end);
        j.key(false, "text");
        j.str(&m.text);
        j.key(false, "entity");
        j.str(&m.entity);
        j.end();
    });
    j.key(false, "statements");
    j.list(&r.statements, |j, s| {
        j.key(true, "start");
        j.value(&s.start);
        j.key(false, "end");
        j.value(&s.end);
        j.key(false, "text");
        j.str(&s.text);
        j.key(false, "holder");
        j.str(&s.holder);
        j.key(false, "holder_name");
        j.str(&s.holder_name);
        j.key(false, "holder_bloc");
        j.opt_str(&s.holder_bloc);
        j.key(false, "voice");
        j.str(&s.voice);
        j.key(false, "rule");
        j.str(&s.rule);
        j.key(false, "targets");
        j.list(&s.targets, |j, t| {
            j.key(true, "entity");
            j.str(&t.entity);
            j.key(false, "name");
            j.str(&t.name);
            j.key(false, "bloc");
            j.opt_str(&t.bloc);
            j.key(false, "polarity");
            j.value(&t.polarity);
            j.end();
        });
        j.key(false, "cues");
        j.list(&s.cues, |j, c| {
            j.key(true, "start");
            j.value(&c.start);
            j.key(false, "end");
            j.value(&c.end);
            j.key(false, "text");
            j.str(&c.text);
            j.key(false, "polarity");
            j.value(&c.polarity);
            j.end();
        });
        j.end();
    });
    j.key(false, "notes");
    j.value(&r.notes);
    j.end();
}

/// JSON with every character outside ASCII escaped (`\uXXXX`, a surrogate pair past the
/// BMP): for JavaScript, where text of ASCII alone is decoded and parsed as one byte per
/// character, and one character outside it makes the whole report two bytes per
/// character.
#[derive(Clone)]
struct AsciiFormatter;

impl serde_json::ser::Formatter for AsciiFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some(at) = rest.bytes().position(|b| !b.is_ascii()) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let Some(c) = rest[at..].chars().next() else {
                break;
            };
            let mut units = [0u16; 2];
            for &mut unit in c.encode_utf16(&mut units) {
                // `\uXXXX`, lower-case hex, as `write!(writer, "\\u{unit:04x}")` writes
                // it, without the formatting machinery (a report has a few hundred).
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let digit = |shift: u16| HEX[usize::from((unit >> shift) & 0xf)];
                writer.write_all(&[b'\\', b'u', digit(12), digit(8), digit(4), digit(0)])?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }
}

/// `build` with strings of either kind: each taken from the text, the knowledge base or
/// the analysis as a `Cow`, then made an `S`.
fn build_as<'a, S, M>(
    kb: &'a KnowledgeBase,
    text: &'a str,
    meta: &'a Meta,
    meta_out: M,
    analysis: &'a Analysis,
    units: Units,
) -> Report<S, M>
where
    S: From<Cow<'a, str>> + Ord,
{
    let s = |x: &'a str| S::from(Cow::Borrowed(x));
    let opt = |x: &'a Option<String>| x.as_deref().map(s);
    let map = OffsetMap::new(text, units);
    let slice = |sp: Span| s(text.get(sp.start..sp.end).unwrap_or(""));
    let ents = &analysis.entities.entities;
    let vp = &analysis.viewpoint;
    let label = &kb.viewpoints[vp.label];
    let voice_of = |h: Holder| match h {
        Holder::Author => s(&label.id),
        Holder::Entity(i) => {
            let e = &ents[i];
            let v = match e.kb {
                Some(k) => kb.viewpoint_of_entity(kb.entity(k)),
                None => kb.viewpoint_of_bloc(e.bloc.as_deref()),
            };
            s(&kb.viewpoints[v].id)
        }
    };
    let author_name: &'a str = meta.outlet.as_deref().unwrap_or("Author");
    let statements = analysis
        .statements
        .iter()
        .map(|st| {
            let (start, end) = map.span(st.span);
            let (holder, holder_name, holder_bloc) = match st.holder {
                Holder::Author => (s("author"), s(author_name), Some(s(&label.bloc))),
                Holder::Entity(i) => (s(&ents[i].id), s(&ents[i].name), opt(&ents[i].bloc)),
            };
            StatementOut {
                start,
                end,
                text: S::from(excerpt(
                    text.get(st.span.start..st.span.end).unwrap_or(""),
                    MAX_EXCERPT,
                )),
                holder,
                holder_name,
                holder_bloc,
                voice: voice_of(st.holder),
                rule: s(st.rule),
                targets: st
                    .targets
                    .iter()
                    .map(|t| TargetOut {
                        entity: s(&ents[t.entity].id),
                        name: s(&ents[t.entity].name),
                        bloc: opt(&ents[t.entity].bloc),
                        polarity: round(t.polarity),
                    })
                    .collect(),
                cues: st
                    .cues
                    .iter()
                    .map(|c| {
                        let (start, end) = map.span(c.span);
                        CueOut {
                            start,
                            end,
                            text: slice(c.span),
                            polarity: round(c.polarity),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    Report {
        source: opt(&meta.source),
        title: match &meta.title {
            Some(title) => Some(s(title)),
            None => first_line_title(text).map(S::from),
        },
        meta: meta_out,
        viewpoint: ViewpointOut {
            label: s(&label.id),
            scores: kb
                .viewpoints
                .iter()
                .zip(&vp.scores)
                .map(|(v, score)| (s(&v.id), round(*score)))
                .collect(),
            confidence: round(vp.confidence),
            evidence: vp
                .evidence
                .iter()
                .take(MAX_EVIDENCE)
                .map(|e| {
                    let (start, end) = map.span(e.span);
                    EvidenceOut {
                        start,
                        end,
                        text: S::from(excerpt(&e.text, MAX_EXCERPT)),
                        viewpoint: s(&kb.viewpoints[e.viewpoint].id),
                        kind: e.kind.as_str(),
                        weight: round(e.weight),
                    }
                })
                .collect(),
        },
        viewpoints: kb
            .viewpoints
            .iter()
            .map(|v| ViewpointDef {
                id: s(&v.id),
                label: s(&v.label),
                bloc: s(&v.bloc),
            })
            .collect(),
        entities: ents
            .iter()
            .map(|e| EntityOut {
                id: s(&e.id),
                name: s(&e.name),
                kind: e.kind,
                bloc: opt(&e.bloc),
                mentions: e.mentions,
            })
            .collect(),
        mentions: analysis
            .entities
            .mentions
            .iter()
            .take(MAX_MENTIONS)
            .map(|m| {
                let (start, end) = map.span(m.span);
                MentionOut {
                    start,
                    end,
                    text: slice(m.span),
                    entity: s(&ents[m.entity].id),
                }
            })
            .collect(),
        statements,
        notes: notes(analysis),
    }
}

/// The caps a text hit, said for a reader.
fn notes(analysis: &Analysis) -> Vec<String> {
    let mut notes = Vec::new();
    if analysis.statements_found > analysis.statements_kept {
        notes.push(format!(
            "Only the first {} of {} statements were analysed: \
             this text has far more than an article.",
            analysis.statements_kept, analysis.statements_found
        ));
    }
    let mentions = analysis.entities.mentions.len();
    if mentions > MAX_MENTIONS {
        notes.push(format!(
            "Only the first {MAX_MENTIONS} of {mentions} mentions are listed \
             (the entity counts include them all)."
        ));
    }
    let evidence = analysis.viewpoint.evidence.len();
    if evidence > MAX_EVIDENCE {
        notes.push(format!(
            "Only the first {MAX_EVIDENCE} of {evidence} pieces of viewpoint evidence \
             are listed (all of them were weighed)."
        ));
    }
    notes
}

/// The first non-empty line (the contract's "first heading or line"), cut at a word
/// boundary when it is a whole paragraph rather than a headline.
fn first_line_title(text: &str) -> Option<Cow<'_, str>> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    Some(excerpt(line, TITLE_MAX))
}

/// `s` whole when it has at most `max` characters; else cut at the last space before
/// that and ended with an ellipsis.
fn excerpt(s: &str, max: usize) -> Cow<'_, str> {
    // Fewer bytes than `max` are fewer characters.
    if s.len() <= max {
        return Cow::Borrowed(s);
    }
    match s.char_indices().nth(max) {
        None => Cow::Borrowed(s),
        Some((cut, _)) => {
            let cut = &s[..cut];
            let cut = cut.rsplit_once(' ').map_or(cut, |(head, _)| head);
            Cow::Owned(format!(
                "{}\u{2026}",
                cut.trim_end_matches([',', ';', ':', ' '])
            ))
        }
    }
}

/// Longest title taken from the text itself, in characters.
const TITLE_MAX: usize = 120;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_units_table() {
        let text = "a\u{201C}ə😀b";
        // bytes: a=0, “=1..4, ə=4..6, 😀=6..10, b=10
        let cp = OffsetMap::new(text, Units::CodePoints);
        let u16 = OffsetMap::new(text, Units::Utf16);
        for (byte, want_cp, want_u16) in [
            (0, 0, 0),
            (1, 1, 1),
            (4, 2, 2),
            (6, 3, 3),
            (10, 4, 5),
            (11, 5, 6),
        ] {
            assert_eq!(cp.at(byte), want_cp, "code points at byte {byte}");
            assert_eq!(u16.at(byte), want_u16, "UTF-16 at byte {byte}");
        }
    }

    /// The map as it was: an entry per byte.
    fn dense(text: &str, units: Units) -> Vec<usize> {
        let mut units_at = vec![0; text.len() + 1];
        let mut count = 0;
        let mut last = 0;
        for (i, c) in text.char_indices() {
            for slot in &mut units_at[last..=i] {
                *slot = count;
            }
            count += match units {
                Units::CodePoints => 1,
                Units::Utf16 => c.len_utf16(),
            };
            last = i + 1;
        }
        for slot in &mut units_at[last..] {
            *slot = count;
        }
        units_at
    }

    fn same_as_dense(text: &str) {
        for units in [Units::CodePoints, Units::Utf16] {
            let map = OffsetMap::new(text, units);
            let want = dense(text, units);
            for (byte, &w) in want.iter().enumerate() {
                assert_eq!(map.at(byte), w, "{text:?} at {byte} in {units:?}");
            }
            assert_eq!(
                map.at(text.len() + 5),
                *want.last().unwrap(),
                "{text:?} past the end"
            );
        }
    }

    #[test]
    fn offsets_are_the_dense_maps() {
        for text in [
            "",
            "a",
            "\u{201C}",
            "ab\u{0259}\u{0259}c\u{1F600}\u{1F600}d \u{00E9}",
            "\u{1F600}",
        ] {
            same_as_dense(text);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        #[test]
        fn offsets_match_the_dense_map(parts in proptest::collection::vec(
            proptest::sample::select(vec!["a", "bc", " ", "\u{201C}", "\u{0259}", "\u{1F600}", "\u{00E9}", "\n"]),
            0..30,
        )) {
            same_as_dense(&parts.concat());
        }
    }

    #[test]
    fn json_for_javascript_escapes_as_format_does() {
        for c in [
            '\u{00E9}',
            '\u{0259}',
            '\u{201C}',
            '\u{FEFF}',
            '\u{1F600}',
            '\u{10FFFF}',
        ] {
            let mut json = Vec::new();
            let mut serializer = serde_json::Serializer::with_formatter(&mut json, AsciiFormatter);
            format!("a{c}b").serialize(&mut serializer).unwrap();
            let mut units = [0u16; 2];
            let escaped: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("\\u{u:04x}"))
                .collect();
            assert_eq!(String::from_utf8(json).unwrap(), format!("\"a{escaped}b\""));
        }
    }

    #[test]
    fn json_for_javascript_is_ascii_and_the_same_strings() {
        for text in [
            "",
            "plain",
            "a\u{201C}quoted\u{201D} \u{2014} \"escaped\"\n\\",
            "Hikm\u{0259}t Hac\u{0131}yev \u{1F600}\u{1F600}",
            "\u{00E9}",
        ] {
            let mut json = Vec::new();
            let mut serializer = serde_json::Serializer::with_formatter(&mut json, AsciiFormatter);
            vec![text, "x"].serialize(&mut serializer).unwrap();
            assert!(json.is_ascii(), "{text:?}");
            let back: Vec<String> = serde_json::from_slice(&json).unwrap();
            assert_eq!(back, [text, "x"]);
        }
    }

    /// `to_json` against the derived `Serialize` of the same report, in both units.
    fn same_as_derived(analyzer: &crate::Analyzer, text: &str, meta: &Meta) {
        let kb = analyzer.knowledge_base();
        let analysis = analyzer.analyze(text, meta);
        for units in [Units::Utf16, Units::CodePoints] {
            let report: Report<Cow<str>, &Meta> = build_as(kb, text, meta, meta, &analysis, units);
            let mut want = Vec::new();
            match units {
                Units::Utf16 => report.serialize(&mut serde_json::Serializer::with_formatter(
                    &mut want,
                    AsciiFormatter,
                )),
                Units::CodePoints => report.serialize(&mut serde_json::Serializer::new(&mut want)),
            }
            .unwrap();
            let got = to_json(kb, text, meta, &analysis, units);
            assert_eq!(got, String::from_utf8(want).unwrap(), "{text:?} {units:?}");
        }
    }

    /// `Json::str` against serde_json's own string, with both formatters.
    fn str_as_serde(s: &str) {
        let mut want = Vec::new();
        s.serialize(&mut serde_json::Serializer::with_formatter(
            &mut want,
            AsciiFormatter,
        ))
        .unwrap();
        let mut got = Vec::new();
        Json::new(&mut got, AsciiFormatter).str(s);
        assert_eq!(got, want, "{s:?}");
        let (mut want, mut got) = (Vec::new(), Vec::new());
        s.serialize(&mut serde_json::Serializer::new(&mut want))
            .unwrap();
        Json::new(&mut got, serde_json::ser::CompactFormatter).str(s);
        assert_eq!(got, want, "{s:?}");
    }

    #[test]
    fn strings_are_serde_jsons() {
        for s in [
            "",
            "plain",
            "\"\\/\u{0008}\u{000C}\n\r\t\u{0000}\u{001F}\u{007F}",
            "\u{00E9}\u{1F600}x\u{201C}",
        ] {
            str_as_serde(s);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        #[test]
        fn any_string_is_written_as_serde_json_writes_it(s in "\\PC*|[\\x00-\\x7f]*") {
            str_as_serde(&s);
        }
    }

    #[test]
    fn json_is_what_the_derived_serialize_writes() {
        let analyzer = crate::Analyzer::new().unwrap();
        let full = Meta {
            title: Some("A \"title\" \u{2014} \u{0259}".into()),
            outlet: Some("Tasnim".into()),
            url: Some("https://example.org/a?b=c&d".into()),
            date: Some("2024-01-02".into()),
            author: Some("Jane Roe".into()),
            source: Some("a.txt".into()),
        };
        let long = "Iran condemned Israel. ".repeat(40) + &"Baku ".repeat(400);
        for text in [
            "",
            "Iran warned Israel.",
            "Tehran did not condemn Baku, the ministry said.\n\nTHE ZIONIST REGIME may threaten the Islamic Republic; Israel\u{2019}s allies denied it.",
            "Foreign Minister Jane Roe accused the Zionist regime of aggression and sanctions. \u{201C}We reject it,\u{201D} said Hikm\u{0259}t Hac\u{0131}yev \u{1F600}.",
            "Azerbaijan and Israel are close allies; Armenia criticized Azerbaijan\t\"for\" \\ its \u{0001}\u{0008}\u{000C}\r\u{001F}\u{007F} support.",
            long.as_str(),
        ] {
            same_as_derived(&analyzer, text, &Meta::default());
            same_as_derived(&analyzer, text, &full);
        }
    }

    #[test]
    fn first_line_title_skips_blank_lines() {
        assert_eq!(
            first_line_title("\n\n  Headline  \nBody."),
            Some("Headline".into())
        );
        assert_eq!(first_line_title(""), None);
        let paragraph = "word ".repeat(60);
        let title = first_line_title(&paragraph).unwrap();
        assert!(
            title.ends_with('\u{2026}') && title.chars().count() <= TITLE_MAX + 1,
            "{title}"
        );
    }
}
