//! The knowledge base: entities, aliases, viewpoints and cue words, read from the data
//! files in `data/` (see its README) and compiled into automata once: the built-in one
//! at compile time, by build.rs (`compact`), the user's overlays at run time.

mod build;
mod compact;
mod lexicon;
mod parse;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::text::Text;

#[cfg(parallax_out_dir)]
pub use build::builtin_file_names;
pub use build::{Overlay, OVERLAY_FILES, SLOTS};
#[cfg(not(parallax_out_dir))]
pub(crate) use compact::compile_builtin;
use lexicon::Trie;
pub use lexicon::{Hit, Lexicon};

/// What kind of thing an entity is (the contract's `type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Country,
    Person,
    Organization,
    Media,
    Place,
    Event,
    Policy,
}

impl EntityType {
    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "country" => EntityType::Country,
            "person" => EntityType::Person,
            "organization" => EntityType::Organization,
            "media" => EntityType::Media,
            "place" => EntityType::Place,
            "event" => EntityType::Event,
            "policy" => EntityType::Policy,
            _ => return None,
        })
    }

    /// Can this kind of entity hold or be the target of an attitude?
    pub fn is_actor(self) -> bool {
        matches!(
            self,
            EntityType::Country | EntityType::Person | EntityType::Organization | EntityType::Media
        )
    }
}

/// One real-world entity.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityType,
    pub bloc: Option<String>,
    /// Viewpoint an outlet or think tank writes from, when not its bloc's.
    pub viewpoint: Option<String>,
    /// For a seat of government: the state it stands for when used as a metonym.
    pub metonym_of: Option<usize>,
    /// Web domains of an outlet ("jpost.com"), to recognise it from a URL.
    pub domains: Vec<String>,
}

/// Why an alias matched.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum AliasRole {
    Name,
    /// A name that is also framing evidence for the viewpoints it is typical of, and an
    /// attitude toward what it names ("the Zionist regime" is hostile; "the Jewish state"
    /// is not).
    Epithet {
        viewpoints: ViewpointSet,
        weight: f32,
        polarity: f32,
    },
}

/// A set of viewpoints (by index), for framing shared by several sides ("the regime in
/// Tehran" is both Israeli and Azerbaijani usage).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ViewpointSet(u64);

impl ViewpointSet {
    pub fn single(index: usize) -> ViewpointSet {
        ViewpointSet(1u64 << index.min(63))
    }
    pub fn insert(&mut self, index: usize) {
        self.0 |= 1u64 << index.min(63);
    }
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn iter(self) -> impl Iterator<Item = usize> {
        (0..64).filter(move |i| self.0 & (1u64 << i) != 0)
    }
}

/// A viewpoint an article can be written from.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Viewpoint {
    pub id: String,
    pub label: String,
    /// Blocs this viewpoint speaks for (`other` for the fallback).
    pub blocs: Vec<String>,
    /// The first bloc, used for the author's voice.
    pub bloc: String,
}

/// One alignment of a viewpoint (`data/stance_profile.txt`): the author's attitude of
/// `sign` toward `bloc` is evidence of `weight` for `viewpoint`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StanceLean {
    pub viewpoint: usize,
    pub bloc: String,
    pub sign: i8,
    pub weight: f32,
}

/// A bloc and how the page shows it (`data/blocs.txt`): a name, a glyph beside every name
/// of the bloc (colour is never the only channel) and a colour slot of the page's palette.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bloc {
    pub id: String,
    pub name: String,
    pub glyph: String,
    pub slot: u8,
}

/// What the page shows of the knowledge base: blocs and viewpoints with their display
/// data, and every entity (for the editor's suggestions).
#[derive(Serialize)]
pub struct Knowledge<'a> {
    pub blocs: &'a [Bloc],
    pub viewpoints: &'a [Viewpoint],
    pub entities: Vec<EntitySummary<'a>>,
}

#[derive(Serialize)]
pub struct EntitySummary<'a> {
    pub id: &'a str,
    pub name: &'a str,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub bloc: Option<&'a str>,
}

/// How speech is reported.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum SpeechKind {
    /// "X said", "said X".
    Verb,
    /// "according to X".
    Source,
}

/// Every lexicon's hits in one text, each list in text order, non-overlapping,
/// leftmost-longest (as `Lexicon::find_all` defines them), named as the lexicons are.
pub struct Hits<'a> {
    pub gazetteer: Vec<Hit<'a, (usize, AliasRole)>>,
    pub stance: Vec<Hit<'a, f32>>,
    pub speech: Vec<Hit<'a, SpeechKind>>,
    pub negation: Vec<Hit<'a, ()>>,
    pub hedges: Vec<Hit<'a, f32>>,
    pub titles: Vec<Hit<'a, EntityType>>,
    pub framing: Vec<Hit<'a, (ViewpointSet, f32)>>,
    pub relations: Vec<Hit<'a, f32>>,
    pub collectives: Vec<Hit<'a, EntityType>>,
    pub acts: Vec<Hit<'a, f32>>,
}

/// How many lexicons the scanner holds.
const LEXICONS: usize = 10;

/// Every lexicon's patterns in one trie, so that a document is walked once for all of
/// them. Lexicon `l`'s entry `e` is member `bases[l] + e`.
#[derive(Serialize, Deserialize)]
pub(crate) struct Scanner {
    trie: Trie,
    bases: [usize; LEXICONS + 1],
}

impl Scanner {
    /// A scanner of nothing, until a knowledge base's lexicons are known (`scanned`).
    fn empty() -> Scanner {
        Scanner {
            trie: Trie::new(Vec::new()),
            bases: [0; LEXICONS + 1],
        }
    }

    /// The lexicons in the order of `KnowledgeBase::hits`.
    fn new(lexicons: [&dyn LexiconKeys; LEXICONS]) -> Scanner {
        let (pairs, bases) = Scanner::pairs(lexicons);
        Scanner {
            trie: Trie::new(pairs),
            bases,
        }
    }

    /// The scanner of the same lexicons from their `(key, member)` pairs in key order
    /// (`key_members`) and the transducer built of them before: no pattern is folded.
    fn with_members(
        lexicons: [&dyn LexiconKeys; LEXICONS],
        pairs: Vec<(&str, u32)>,
        transducer: Vec<u8>,
    ) -> Option<Scanner> {
        let mut bases = [0; LEXICONS + 1];
        for (l, lexicon) in lexicons.iter().enumerate() {
            bases[l + 1] = bases[l] + lexicon.count();
        }
        let members = pairs.len();
        let trie = Trie::with_transducer(pairs, transducer)?;
        (members == bases[LEXICONS]).then_some(Scanner { trie, bases })
    }

    /// How many members each distinct key of the lexicons has, in key order, and those
    /// members: what `with_members` is given back.
    fn key_members(lexicons: [&dyn LexiconKeys; LEXICONS]) -> (Vec<u32>, Vec<u32>) {
        let (mut pairs, _) = Scanner::pairs(lexicons);
        pairs.sort_unstable();
        let mut counts: Vec<u32> = Vec::new();
        for (i, &(key, _)) in pairs.iter().enumerate() {
            match counts.last_mut() {
                Some(n) if pairs[i - 1].0 == key => *n += 1,
                _ => counts.push(1),
            }
        }
        (counts, pairs.into_iter().map(|(_, m)| m).collect())
    }

    fn transducer_bytes(&self) -> Option<&[u8]> {
        self.trie.transducer_bytes()
    }

    /// Every lexicon's `(key, member)` pairs, and where each lexicon's members begin.
    fn pairs(lexicons: [&dyn LexiconKeys; LEXICONS]) -> (Vec<(&str, u32)>, [usize; LEXICONS + 1]) {
        let mut bases = [0; LEXICONS + 1];
        let mut pairs = Vec::new();
        for (l, lexicon) in lexicons.iter().enumerate() {
            pairs.extend(lexicon.all_keys().map(|(k, e)| (k, (bases[l] + e) as u32)));
            bases[l + 1] = bases[l] + lexicon.count();
        }
        (pairs, bases)
    }

    #[inline]
    fn lexicon_of(&self, member: usize) -> (usize, usize) {
        let l = self.bases[1..].partition_point(|&b| b <= member);
        (l, member - self.bases[l])
    }
}

/// A lexicon's keys, whatever its values.
trait LexiconKeys {
    fn all_keys(&self) -> Box<dyn Iterator<Item = (&str, usize)> + '_>;
    fn count(&self) -> usize;
}

impl<T> LexiconKeys for Lexicon<T> {
    fn all_keys(&self) -> Box<dyn Iterator<Item = (&str, usize)> + '_> {
        Box::new(self.keys())
    }
    fn count(&self) -> usize {
        self.len()
    }
}

/// Written and read in the compact form (`compact`), which stores each string once.
pub struct KnowledgeBase {
    pub entities: Vec<Entity>,
    by_id: HashMap<String, usize>,
    pub blocs: Vec<Bloc>,
    pub viewpoints: Vec<Viewpoint>,
    fallback_viewpoint: usize,
    pub gazetteer: Lexicon<(usize, AliasRole)>,
    pub stance: Lexicon<f32>,
    pub speech: Lexicon<SpeechKind>,
    pub negation: Lexicon<()>,
    pub hedges: Lexicon<f32>,
    pub titles: Lexicon<EntityType>,
    pub framing: Lexicon<(ViewpointSet, f32)>,
    pub relations: Lexicon<f32>,
    pub collectives: Lexicon<EntityType>,
    pub acts: Lexicon<f32>,
    pub stance_profile: Vec<StanceLean>,
    scanner: Scanner,
}

impl KnowledgeBase {
    pub fn entity(&self, index: usize) -> &Entity {
        &self.entities[index]
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn viewpoint_index(&self, id: &str) -> Option<usize> {
        self.viewpoints.iter().position(|v| v.id == id)
    }

    pub fn fallback_viewpoint(&self) -> usize {
        self.fallback_viewpoint
    }

    /// The viewpoint a bloc speaks for (the fallback for blocs no viewpoint names).
    pub fn viewpoint_of_bloc(&self, bloc: Option<&str>) -> usize {
        bloc.and_then(|b| {
            self.viewpoints
                .iter()
                .position(|v| v.blocs.iter().any(|x| x == b))
        })
        .unwrap_or(self.fallback_viewpoint)
    }

    /// The viewpoint an entity speaks for: its own when set, else its bloc's.
    pub fn viewpoint_of_entity(&self, entity: &Entity) -> usize {
        entity
            .viewpoint
            .as_deref()
            .and_then(|v| self.viewpoint_index(v))
            .unwrap_or_else(|| self.viewpoint_of_bloc(entity.bloc.as_deref()))
    }

    /// The outlet a web address belongs to: by a listed domain, else by a host name that
    /// spells one of its names without spaces ("tehrantimes.com" → Tehran Times).
    pub fn outlet_by_url(&self, url: &str) -> Option<usize> {
        let host = url
            .split("://")
            .last()
            .unwrap_or(url)
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("");
        let host = host.trim_start_matches("www.").to_lowercase();
        if host.is_empty() {
            return None;
        }
        // Think tanks publish too ("inss.org.il", "aei.org").
        let media = || {
            self.entities
                .iter()
                .enumerate()
                .filter(|(_, e)| matches!(e.kind, EntityType::Media | EntityType::Organization))
        };
        let by_domain = media().find(|(_, e)| {
            e.domains
                .iter()
                .any(|d| host == *d || host.ends_with(&format!(".{d}")))
        });
        if let Some((i, _)) = by_domain {
            return Some(i);
        }
        let label = host.split('.').next().unwrap_or("");
        media()
            .find(|(_, e)| {
                let compact: String = crate::text::fold(&e.name)
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect();
                compact.trim_start_matches("the") == label || compact == label
            })
            .map(|(i, _)| i)
    }

    /// The country whose top-level domain a web address ends in ("….co.il" → Israel),
    /// for an address whose outlet is not known.
    pub fn country_by_url(&self, url: &str) -> Option<usize> {
        let host = url
            .split("://")
            .last()?
            .split(['/', '?', '#', ':'])
            .next()?;
        let tld = host.rsplit('.').next()?.to_lowercase();
        self.entities
            .iter()
            .position(|e| e.kind == EntityType::Country && e.domains.contains(&tld))
    }

    /// The lexicons the scanner holds, in its order (that of `hits`).
    fn scanned(&self) -> [&dyn LexiconKeys; LEXICONS] {
        [
            &self.gazetteer,
            &self.stance,
            &self.speech,
            &self.negation,
            &self.hedges,
            &self.titles,
            &self.framing,
            &self.relations,
            &self.collectives,
            &self.acts,
        ]
    }

    /// Every lexicon's hits in a text (see `Hits`), found in one walk of the scanner.
    pub fn hits<'a>(&'a self, text: &Text) -> Hits<'a> {
        let hay = text.folded.as_bytes();
        let mut valid: [Vec<(usize, usize, usize)>; LEXICONS] = Default::default();
        for start in lexicon::match_starts(&text.folded) {
            self.scanner.trie.walk(hay, start, |end, member| {
                let (l, e) = self.scanner.lexicon_of(member);
                let v = &mut valid[l];
                match l {
                    0 => self.gazetteer.accept(text, start, end, e, v),
                    1 => self.stance.accept(text, start, end, e, v),
                    2 => self.speech.accept(text, start, end, e, v),
                    3 => self.negation.accept(text, start, end, e, v),
                    4 => self.hedges.accept(text, start, end, e, v),
                    5 => self.titles.accept(text, start, end, e, v),
                    6 => self.framing.accept(text, start, end, e, v),
                    7 => self.relations.accept(text, start, end, e, v),
                    8 => self.collectives.accept(text, start, end, e, v),
                    _ => self.acts.accept(text, start, end, e, v),
                }
            });
        }
        let [gazetteer, stance, speech, negation, hedges, titles, framing, relations, collectives, acts] =
            valid;
        Hits {
            gazetteer: self.gazetteer.select(text, gazetteer),
            stance: self.stance.select(text, stance),
            speech: self.speech.select(text, speech),
            negation: self.negation.select(text, negation),
            hedges: self.hedges.select(text, hedges),
            titles: self.titles.select(text, titles),
            framing: self.framing.select(text, framing),
            relations: self.relations.select(text, relations),
            collectives: self.collectives.select(text, collectives),
            acts: self.acts.select(text, acts),
        }
    }

    /// The gazetteer's hits in a text (names in metadata, an author), found by the
    /// scanner: `gazetteer.find_all` would build a second automaton of every alias.
    pub fn gazetteer_hits<'a>(&'a self, text: &Text) -> Vec<Hit<'a, (usize, AliasRole)>> {
        self.hits(text).gazetteer
    }

    /// A bare scan: the text folded, then the scanner walked from every place a word may
    /// start, with no checks. The number of raw matches; the benchmark's lower bound on
    /// time.
    pub fn scan(&self, text: &str) -> usize {
        let folded = crate::text::fold(text);
        let mut n = 0;
        for start in lexicon::match_starts(&folded) {
            self.scanner
                .trie
                .walk(folded.as_bytes(), start, |_, _| n += 1);
        }
        n
    }

    pub fn is_bloc(&self, bloc: &str) -> bool {
        self.blocs.iter().any(|b| b.id == bloc)
    }

    /// The display data the page needs (see `Knowledge`).
    pub fn knowledge(&self) -> Knowledge<'_> {
        Knowledge {
            blocs: &self.blocs,
            viewpoints: &self.viewpoints,
            entities: self
                .entities
                .iter()
                .map(|e| EntitySummary {
                    id: &e.id,
                    name: &e.name,
                    kind: e.kind,
                    bloc: e.bloc.as_deref(),
                })
                .collect(),
        }
    }
}

/// A stable ASCII id for a name: "Tel Aviv" → "tel_aviv".
pub fn slug(name: &str) -> String {
    // An ASCII name (nearly every one, and the compact knowledge base makes most ids at
    // start-up) folds to itself in lower case, with ` an apostrophe.
    let folded = match name.is_ascii() {
        true => std::borrow::Cow::Borrowed(name),
        false => std::borrow::Cow::Owned(crate::text::fold(name)),
    };
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars().filter(|c| *c != '\'' && *c != '`') {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

/// The built-in knowledge base, compiled once for all the unit tests of the stages.
#[cfg(test)]
pub(crate) fn test_kb() -> &'static KnowledgeBase {
    static KB: std::sync::OnceLock<KnowledgeBase> = std::sync::OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::builtin().expect("the built-in knowledge base is valid"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::builtin().expect("the built-in knowledge base is valid")
    }

    #[test]
    fn builtin_knowledge_base_loads() {
        let kb = kb();
        for id in [
            "iran",
            "israel",
            "azerbaijan",
            "united_states",
            "tehran",
            "baku",
        ] {
            assert!(kb.index_of(id).is_some(), "{id} missing");
        }
        let tehran = kb.entity(kb.index_of("tehran").unwrap());
        assert_eq!(tehran.kind, EntityType::Place);
        assert_eq!(tehran.metonym_of, kb.index_of("iran"));
        assert!(kb.stance.len() > 20 && kb.speech.len() > 5);
    }

    #[test]
    fn stance_profile_comes_from_data() {
        let kb = kb();
        let iranian = kb.viewpoint_index("iranian").unwrap();
        assert!(kb
            .stance_profile
            .iter()
            .any(|l| l.viewpoint == iranian && l.bloc == "israel" && l.sign == -1));
    }

    #[test]
    fn scan_counts_raw_matches() {
        let kb = kb();
        assert_eq!(kb.scan(""), 0);
        assert!(kb.scan("Tehran warned Baku, officials said.") >= 3);
    }

    #[test]
    fn viewpoints_map_blocs() {
        let kb = kb();
        let iranian = kb.viewpoint_index("iranian").unwrap();
        assert_eq!(kb.viewpoint_of_bloc(Some("iran")), iranian);
        assert_eq!(kb.viewpoint_of_bloc(None), kb.fallback_viewpoint());
        assert_eq!(kb.viewpoint_of_bloc(Some("other")), kb.fallback_viewpoint());
    }

    #[test]
    fn slug_table() {
        for (name, want) in [
            ("Tel Aviv", "tel_aviv"),
            ("Bakı", "baki"),
            ("U.S.", "u_s"),
            ("Sana'a", "sanaa"),
            ("Sana`a", "sanaa"),
            ("Nagorno-Karabakh  Republic", "nagorno_karabakh_republic"),
            ("Hikmət Hacıyev", "hikmet_haciyev"),
            ("  ", ""),
        ] {
            assert_eq!(slug(name), want);
        }
    }
}
