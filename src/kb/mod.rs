//! The knowledge base: entities, aliases, viewpoints and cue words, read from the data
//! files in `data/` (see its README) and compiled into automata once.

mod lexicon;
mod parse;

use std::collections::HashMap;

use serde::Serialize;

pub use lexicon::{Hit, Lexicon};
use parse::{fields, records, Record};

use crate::error::Error;

include!(concat!(env!("OUT_DIR"), "/kb_files.rs"));

/// What kind of thing an entity is (the contract's `type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
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
#[derive(Clone, Debug)]
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
#[derive(Clone, Copy, Debug, PartialEq)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
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
#[derive(Clone, Debug, Serialize)]
pub struct Viewpoint {
    pub id: String,
    pub label: String,
    /// Blocs this viewpoint speaks for; empty for the fallback.
    #[serde(skip)]
    pub blocs: Vec<String>,
    /// The first bloc, used for the author's voice.
    pub bloc: String,
}

/// One alignment of a viewpoint (`data/stance_profile.txt`): the author's attitude of
/// `sign` toward `bloc` is evidence of `weight` for `viewpoint`.
#[derive(Clone, Debug, PartialEq)]
pub struct StanceLean {
    pub viewpoint: usize,
    pub bloc: String,
    pub sign: i8,
    pub weight: f32,
}

/// How speech is reported.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SpeechKind {
    /// "X said", "said X".
    Verb,
    /// "according to X".
    Source,
}

pub struct KnowledgeBase {
    pub entities: Vec<Entity>,
    by_id: HashMap<String, usize>,
    pub blocs: Vec<String>,
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
}

const COUNTRIES: (&str, &str) = ("countries.txt", include_str!("../../data/countries.txt"));
const BLOCS: (&str, &str) = ("blocs.txt", include_str!("../../data/blocs.txt"));
const VIEWPOINTS: (&str, &str) = ("viewpoints.txt", include_str!("../../data/viewpoints.txt"));
const STANCE_PROFILE: (&str, &str) = (
    "stance_profile.txt",
    include_str!("../../data/stance_profile.txt"),
);
const EPITHETS: (&str, &str) = (
    "kb/epithets.txt",
    include_str!("../../data/kb/epithets.txt"),
);
const STANCE: (&str, &str) = (
    "lexicon/stance.txt",
    include_str!("../../data/lexicon/stance.txt"),
);
const SPEECH: (&str, &str) = (
    "lexicon/speech.txt",
    include_str!("../../data/lexicon/speech.txt"),
);
const NEGATION: (&str, &str) = (
    "lexicon/negation.txt",
    include_str!("../../data/lexicon/negation.txt"),
);
const HEDGES: (&str, &str) = (
    "lexicon/hedges.txt",
    include_str!("../../data/lexicon/hedges.txt"),
);
const TITLES: (&str, &str) = (
    "lexicon/titles.txt",
    include_str!("../../data/lexicon/titles.txt"),
);
const COLLECTIVES: (&str, &str) = (
    "lexicon/collectives.txt",
    include_str!("../../data/lexicon/collectives.txt"),
);
const ACTS: (&str, &str) = (
    "lexicon/acts.txt",
    include_str!("../../data/lexicon/acts.txt"),
);
const RELATIONS: (&str, &str) = (
    "lexicon/relations.txt",
    include_str!("../../data/lexicon/relations.txt"),
);
const FRAMING: (&str, &str) = (
    "lexicon/viewpoint_cues.txt",
    include_str!("../../data/lexicon/viewpoint_cues.txt"),
);

impl KnowledgeBase {
    /// The knowledge base compiled into the binary.
    pub fn builtin() -> Result<KnowledgeBase, Error> {
        let mut builder = Builder::default();
        builder.blocs(BLOCS)?;
        builder.viewpoints(VIEWPOINTS)?;
        builder.entities(COUNTRIES)?;
        for file in ENTITY_FILES {
            builder.entities(*file)?;
        }
        builder.epithets(EPITHETS)?;
        builder.stance_profile(STANCE_PROFILE)?;
        builder.finish()
    }

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
        let media = || {
            self.entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == EntityType::Media)
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

    /// A bare scan: the text folded, then every lexicon's automaton run over it, with no
    /// analysis. The number of raw matches; the benchmark's lower bound on time.
    pub fn scan(&self, text: &str) -> usize {
        let folded = crate::text::fold(text);
        let hay = folded.as_bytes();
        self.gazetteer.count_raw(hay)
            + self.stance.count_raw(hay)
            + self.speech.count_raw(hay)
            + self.negation.count_raw(hay)
            + self.hedges.count_raw(hay)
            + self.titles.count_raw(hay)
            + self.framing.count_raw(hay)
            + self.relations.count_raw(hay)
            + self.collectives.count_raw(hay)
            + self.acts.count_raw(hay)
    }

    pub fn is_bloc(&self, bloc: &str) -> bool {
        self.blocs.iter().any(|b| b == bloc)
    }
}

/// Collects rows from the data files, then compiles the automata.
#[derive(Default)]
struct Builder {
    entities: Vec<Entity>,
    by_id: HashMap<String, usize>,
    aliases: Vec<(String, (usize, AliasRole))>,
    metonyms: Vec<(usize, String, Record<'static>)>,
    blocs: Vec<String>,
    viewpoints: Vec<Viewpoint>,
    fallback: Option<usize>,
    stance_profile: Vec<StanceLean>,
}

impl Builder {
    fn blocs(&mut self, (file, src): (&str, &str)) -> Result<(), Error> {
        for rec in records(file, src) {
            let [_, bloc] = fields::<2>(&rec)?;
            if !self.blocs.iter().any(|b| b == bloc) {
                self.blocs.push(bloc.to_string());
            }
        }
        self.blocs.push("other".into());
        Ok(())
    }

    fn viewpoints(&mut self, (file, src): (&str, &str)) -> Result<(), Error> {
        for rec in records(file, src) {
            let [id, label, blocs] = fields::<3>(&rec)?;
            if blocs == "*" {
                self.fallback = Some(self.viewpoints.len());
            }
            let blocs: Vec<String> = if blocs == "*" {
                vec!["other".into()]
            } else {
                blocs.split(';').map(|b| b.trim().to_string()).collect()
            };
            for b in &blocs {
                self.check_bloc(&rec, b)?;
            }
            self.viewpoints.push(Viewpoint {
                id: id.into(),
                label: label.into(),
                bloc: blocs.first().cloned().unwrap_or_else(|| "other".into()),
                blocs,
            });
        }
        if self.fallback.is_none() {
            return Err(Error::data(
                file,
                0,
                "no fallback viewpoint (a row whose blocs are `*`)",
            ));
        }
        Ok(())
    }

    fn check_bloc(&self, rec: &Record, bloc: &str) -> Result<(), Error> {
        if self.blocs.iter().any(|b| b == bloc) {
            Ok(())
        } else {
            Err(rec.error(format!(
                "unknown bloc `{bloc}` (blocs come from blocs.txt, plus `other`)"
            )))
        }
    }

    fn entities(&mut self, (file, src): (&'static str, &'static str)) -> Result<(), Error> {
        for rec in records(file, src) {
            self.entity_row(&rec)?;
        }
        Ok(())
    }

    fn entity_row(&mut self, rec: &Record<'static>) -> Result<(), Error> {
        let parts = rec.fields();
        if parts.len() < 5 || parts.len() > 6 {
            return Err(rec.error(
                "an entity row has 5 or 6 fields: id | name | type | bloc | aliases | attributes",
            ));
        }
        let (id, name, kind, bloc, aliases) = (parts[0], parts[1], parts[2], parts[3], parts[4]);
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(rec.error(format!(
                "id `{id}` must be lowercase ASCII letters, digits and `_`"
            )));
        }
        let kind = match kind {
            "-" => None,
            k => {
                Some(EntityType::parse(k).ok_or_else(|| rec.error(format!("unknown type `{k}`")))?)
            }
        };
        let bloc = match bloc {
            "-" | "" => None,
            b => {
                self.check_bloc(rec, b)?;
                Some(b.to_string())
            }
        };
        let index = match self.by_id.get(id) {
            Some(&i) => {
                let e = &mut self.entities[i];
                if name != "-" {
                    e.name = name.into();
                }
                if let Some(k) = kind {
                    e.kind = k;
                }
                if bloc.is_some() {
                    e.bloc = bloc;
                }
                i
            }
            None => {
                let kind =
                    kind.ok_or_else(|| rec.error(format!("new entity `{id}` needs a type")))?;
                if name == "-" {
                    return Err(rec.error(format!("new entity `{id}` needs a name")));
                }
                self.entities.push(Entity {
                    id: id.into(),
                    name: name.into(),
                    kind,
                    bloc,
                    viewpoint: None,
                    metonym_of: None,
                    domains: Vec::new(),
                });
                self.by_id.insert(id.into(), self.entities.len() - 1);
                self.aliases
                    .push((name.into(), (self.entities.len() - 1, AliasRole::Name)));
                self.entities.len() - 1
            }
        };
        for alias in aliases
            .split(';')
            .map(str::trim)
            .filter(|a| !a.is_empty() && *a != "-")
        {
            self.aliases.push((alias.into(), (index, AliasRole::Name)));
        }
        if let Some(attrs) = parts.get(5) {
            for attr in attrs.split(';').map(str::trim).filter(|a| !a.is_empty()) {
                let (key, value) = attr
                    .split_once('=')
                    .ok_or_else(|| rec.error(format!("attribute `{attr}` is not key=value")))?;
                match key.trim() {
                    "capital" => self.capital(index, value.trim()),
                    "viewpoint" => self.entities[index].viewpoint = Some(value.trim().into()),
                    "metonym_of" => self.metonyms.push((index, value.trim().into(), *rec)),
                    "domain" => self.entities[index]
                        .domains
                        .push(value.trim().to_lowercase()),
                    other => return Err(rec.error(format!("unknown attribute `{other}`"))),
                }
            }
        }
        Ok(())
    }

    /// A capital is a place of its own that stands for its country when used as one.
    fn capital(&mut self, country: usize, capital: &str) {
        let id = slug(capital);
        let index = match self.by_id.get(&id) {
            Some(&i) => i,
            None => {
                self.entities.push(Entity {
                    id: id.clone(),
                    name: capital.to_string(),
                    kind: EntityType::Place,
                    bloc: self.entities[country].bloc.clone(),
                    viewpoint: None,
                    metonym_of: None,
                    domains: Vec::new(),
                });
                self.by_id.insert(id, self.entities.len() - 1);
                self.aliases.push((
                    capital.to_string(),
                    (self.entities.len() - 1, AliasRole::Name),
                ));
                self.entities.len() - 1
            }
        };
        if self.entities[index].kind == EntityType::Place {
            self.entities[index].metonym_of = Some(country);
        }
    }

    fn epithets(&mut self, (file, src): (&str, &str)) -> Result<(), Error> {
        for rec in records(file, src) {
            let parts = rec.fields();
            if !(4..=5).contains(&parts.len()) {
                return Err(rec.error(
                    "an epithet row is: phrase | entity | viewpoints | weight [| polarity]",
                ));
            }
            let (phrase, entity, viewpoint, weight) = (parts[0], parts[1], parts[2], parts[3]);
            let polarity = match parts.get(4) {
                Some(p) => parse_number(&rec, p)?,
                None => DEFAULT_EPITHET_POLARITY,
            };
            let index = *self
                .by_id
                .get(entity)
                .ok_or_else(|| rec.error(format!("unknown entity `{entity}`")))?;
            let viewpoints = self.viewpoint_set(&rec, viewpoint)?;
            let weight = parse_number(&rec, weight)?;
            self.aliases.push((
                phrase.into(),
                (
                    index,
                    AliasRole::Epithet {
                        viewpoints,
                        weight,
                        polarity,
                    },
                ),
            ));
        }
        Ok(())
    }

    fn stance_profile(&mut self, (file, src): (&str, &str)) -> Result<(), Error> {
        for rec in records(file, src) {
            let [viewpoint, bloc, sign, weight] = fields::<4>(&rec)?;
            let viewpoint = self.viewpoint_index(&rec, viewpoint)?;
            self.check_bloc(&rec, bloc)?;
            let sign = match sign {
                "+" => 1,
                "-" => -1,
                s => return Err(rec.error(format!("sign `{s}` must be `+` or `-`"))),
            };
            let weight = parse_number(&rec, weight)?;
            if !(weight > 0.0 && weight <= 3.0) {
                return Err(rec.error(format!("weight {weight} must be in (0, 3]")));
            }
            self.stance_profile.push(StanceLean {
                viewpoint,
                bloc: bloc.to_string(),
                sign,
                weight,
            });
        }
        Ok(())
    }

    /// `israeli; azerbaijani` → both.
    fn viewpoint_set(&self, rec: &Record, ids: &str) -> Result<ViewpointSet, Error> {
        let mut set = ViewpointSet::default();
        for id in ids.split(';').map(str::trim).filter(|i| !i.is_empty()) {
            set.insert(self.viewpoint_index(rec, id)?);
        }
        if set.is_empty() {
            return Err(rec.error("no viewpoint named"));
        }
        Ok(set)
    }

    fn viewpoint_index(&self, rec: &Record, id: &str) -> Result<usize, Error> {
        self.viewpoints
            .iter()
            .position(|v| v.id == id)
            .ok_or_else(|| rec.error(format!("unknown viewpoint `{id}` (see viewpoints.txt)")))
    }

    fn finish(mut self) -> Result<KnowledgeBase, Error> {
        for (place, country, rec) in std::mem::take(&mut self.metonyms) {
            let c = *self
                .by_id
                .get(&country)
                .ok_or_else(|| rec.error(format!("unknown entity `{country}`")))?;
            self.entities[place].metonym_of = Some(c);
        }
        for e in &self.entities {
            if let Some(v) = &e.viewpoint {
                if !self.viewpoints.iter().any(|x| &x.id == v) {
                    return Err(Error::data(
                        "kb",
                        0,
                        format!("entity `{}` names unknown viewpoint `{v}`", e.id),
                    ));
                }
            }
        }
        let lexicon =
            |(file, src): (&'static str, &'static str)| -> Result<Vec<Record<'static>>, Error> {
                Ok(records(file, src).collect())
            };
        let polarities = |file| {
            lexicon(file)?
                .iter()
                .map(|r| {
                    let [cue, pol] = fields::<2>(r)?;
                    let p = parse_number(r, pol)?;
                    if !(-1.0..=1.0).contains(&p) {
                        return Err(r.error("polarity must be in [-1, 1]"));
                    }
                    Ok((cue.to_string(), p))
                })
                .collect::<Result<Vec<_>, Error>>()
        };
        let stance = polarities(STANCE)?;
        let relations = polarities(RELATIONS)?;
        let acts = polarities(ACTS)?;
        let speech = lexicon(SPEECH)?
            .iter()
            .map(|r| {
                let [cue, kind] = fields::<2>(r)?;
                let kind = match kind {
                    "verb" | "quote" => SpeechKind::Verb,
                    "source" => SpeechKind::Source,
                    k => return Err(r.error(format!("unknown speech kind `{k}`"))),
                };
                Ok((cue.to_string(), kind))
            })
            .collect::<Result<Vec<_>, Error>>()?;
        let negation = lexicon(NEGATION)?
            .iter()
            .map(|r| Ok((r.fields()[0].to_string(), ())))
            .collect::<Result<Vec<_>, Error>>()?;
        let hedges = lexicon(HEDGES)?
            .iter()
            .map(|r| {
                let parts = r.fields();
                let factor = match parts.get(1) {
                    Some(f) => parse_number(r, f)?,
                    None => 0.6,
                };
                Ok((parts[0].to_string(), factor))
            })
            .collect::<Result<Vec<_>, Error>>()?;
        let typed = |file| -> Result<Vec<(String, EntityType)>, Error> {
            lexicon(file)?
                .iter()
                .map(|r| {
                    let [word, kind] = fields::<2>(r)?;
                    let k = EntityType::parse(kind)
                        .ok_or_else(|| r.error(format!("unknown type `{kind}`")))?;
                    Ok((word.to_string(), k))
                })
                .collect()
        };
        let collectives = typed(COLLECTIVES)?;
        let titles = lexicon(TITLES)?
            .iter()
            .map(|r| {
                let [title, kind] = fields::<2>(r)?;
                let k = EntityType::parse(kind)
                    .ok_or_else(|| r.error(format!("unknown type `{kind}`")))?;
                Ok((title.to_string(), k))
            })
            .collect::<Result<Vec<_>, Error>>()?;
        let framing = lexicon(FRAMING)?
            .iter()
            .map(|r| {
                let [phrase, vp, weight] = fields::<3>(r)?;
                Ok((
                    phrase.to_string(),
                    (self.viewpoint_set(r, vp)?, parse_number(r, weight)?),
                ))
            })
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(KnowledgeBase {
            gazetteer: Lexicon::new(self.aliases),
            entities: self.entities,
            by_id: self.by_id,
            blocs: self.blocs,
            fallback_viewpoint: self.fallback.unwrap_or(0),
            viewpoints: self.viewpoints,
            stance: Lexicon::new(stance),
            speech: Lexicon::new(speech),
            negation: Lexicon::new(negation),
            hedges: Lexicon::new(hedges),
            titles: Lexicon::new(titles),
            framing: Lexicon::new(framing),
            relations: Lexicon::new(relations),
            collectives: Lexicon::new(collectives),
            acts: Lexicon::new(acts),
            stance_profile: self.stance_profile,
        })
    }
}

/// Most epithets are hostile names; neutral ones say `0` in their fifth field.
const DEFAULT_EPITHET_POLARITY: f32 = -0.6;

fn parse_number(rec: &Record, s: &str) -> Result<f32, Error> {
    s.parse::<f32>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or_else(|| rec.error(format!("`{s}` is not a number")))
}

/// A stable ASCII id for a name: "Tel Aviv" → "tel_aviv".
pub fn slug(name: &str) -> String {
    let folded = crate::text::fold(name);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars().filter(|c| *c != '\'') {
        if c.is_ascii_alphanumeric() {
            out.push(c);
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
        let mut b = Builder::default();
        b.blocs(BLOCS).unwrap();
        b.viewpoints(VIEWPOINTS).unwrap();
        let err = b
            .stance_profile(("stance_profile.txt", "iranian | israel | x | 1"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("stance_profile.txt:1") && err.contains("`+` or `-`"),
            "{err}"
        );
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
            ("  ", ""),
        ] {
            assert_eq!(slug(name), want);
        }
    }
}
