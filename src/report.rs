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
    // Serialising plain data to memory never fails.
    let _ = match units {
        Units::Utf16 => report.serialize(&mut serde_json::Serializer::with_formatter(
            &mut json,
            AsciiFormatter,
        )),
        Units::CodePoints => report.serialize(&mut serde_json::Serializer::new(&mut json)),
    };
    // serde_json writes UTF-8 only.
    String::from_utf8(json).unwrap_or_default()
}

/// JSON with every character outside ASCII escaped (`\uXXXX`, a surrogate pair past the
/// BMP): for JavaScript, where text of ASCII alone is decoded and parsed as one byte per
/// character, and one character outside it makes the whole report two bytes per
/// character.
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
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
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
