//! Reading and checking the data files: the one validator of the knowledge base, for the
//! built-in files (build.rs compiles them with it, and fails on any problem; a test runs it
//! over `data/` too) and for the user's own files (the page's editor, through wasm). Every problem is reported with its file and line and what to do;
//! a builder collects them all and compiles the automata only when there is none.

use std::collections::HashMap;

use serde::Deserialize;

use super::parse::{records, Record};
use super::{
    AliasRole, Bloc, Entity, EntityType, KnowledgeBase, Lexicon, Scanner, SpeechKind, StanceLean,
    Viewpoint, ViewpointSet,
};
use crate::error::Error;

// `ENTITY_FILES`, listed by build.rs (which compiles this module too, before it has
// listed anything: it reads the files itself).
#[cfg(parallax_out_dir)]
include!(concat!(env!("OUT_DIR"), "/kb_files.rs"));

/// Colour slots of the page's palette (`www/style.css`, `.slot-1` … `.slot-12`).
pub const SLOTS: u8 = 12;

/// Most viewpoints a knowledge base can have (they are a bit set).
const MAX_VIEWPOINTS: usize = 64;

/// The user's own knowledge: files in the formats of the built-in ones, laid over them.
/// Empty fields add nothing.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Overlay {
    /// Rows of `data/blocs.txt`: new blocs, or another name, glyph or slot for one.
    pub blocs: String,
    /// Rows of `data/kb/*.txt`: new entities, aliases, or another name, type or bloc.
    pub entities: String,
    /// Rows of `data/lexicon/viewpoint_cues.txt`: framing cue words.
    pub cues: String,
}

/// The names the overlay's files have in messages and in the exported file.
pub const OVERLAY_FILES: [&str; 3] = [
    "user/blocs.txt",
    "user/entities.txt",
    "user/viewpoint_cues.txt",
];

type Source<'a> = (&'a str, &'a str);

/// The built-in data files besides the entity files of `data/kb/` (build.rs lists those):
/// a name for each, and the list of them all. Their texts are embedded where overlays are
/// built from them (feature `builtin-texts`: the CLI and the tests), and in build.rs,
/// which compiles the built-in knowledge base from them; the main wasm module leaves them
/// out, and the page hands them over when it builds an overlay.
macro_rules! data_files {
    ($($name:ident = $path:literal,)*) => {
        $(const $name: &str = $path;)*
        const DATA_FILES: &[&str] = &[$($name),*];
        #[cfg(any(not(parallax_out_dir), feature = "builtin-texts"))]
        const DATA_TEXTS: &[Source<'static>] = &[$(($path, include_str!(concat!("../../", $path)))),*];
    };
}

data_files! {
    COUNTRIES = "data/countries.txt",
    BLOCS = "data/blocs.txt",
    VIEWPOINTS = "data/viewpoints.txt",
    STANCE_PROFILE = "data/stance_profile.txt",
    EPITHETS = "data/kb/epithets.txt",
    STANCE = "data/lexicon/stance.txt",
    SPEECH = "data/lexicon/speech.txt",
    NEGATION = "data/lexicon/negation.txt",
    HEDGES = "data/lexicon/hedges.txt",
    TITLES = "data/lexicon/titles.txt",
    COLLECTIVES = "data/lexicon/collectives.txt",
    ACTS = "data/lexicon/acts.txt",
    RELATIONS = "data/lexicon/relations.txt",
    FRAMING = "data/lexicon/viewpoint_cues.txt",
}

/// The built-in files, in reading order, by role.
pub(super) struct Files<'a> {
    pub blocs: Vec<Source<'a>>,
    pub viewpoints: Source<'a>,
    pub entities: Vec<Source<'a>>,
    pub epithets: Source<'a>,
    pub stance_profile: Source<'a>,
    pub cues: Vec<Source<'a>>,
    pub lexicons: LexiconFiles<'a>,
}

/// The lexicon files, which no overlay changes.
pub(super) struct LexiconFiles<'a> {
    stance: Source<'a>,
    speech: Source<'a>,
    negation: Source<'a>,
    hedges: Source<'a>,
    titles: Source<'a>,
    collectives: Source<'a>,
    acts: Source<'a>,
    relations: Source<'a>,
}

impl<'a> Files<'a> {
    /// The built-in files: the entity files of `data/kb/` given, every other one found by
    /// name with `text`, whose error names the file that is missing.
    fn assemble(
        entity_files: Vec<Source<'a>>,
        text: impl Fn(&'static str) -> Result<Source<'a>, Error>,
    ) -> Result<Files<'a>, Error> {
        let mut entities = vec![text(COUNTRIES)?];
        entities.extend(entity_files);
        Ok(Files {
            blocs: vec![text(BLOCS)?],
            viewpoints: text(VIEWPOINTS)?,
            entities,
            epithets: text(EPITHETS)?,
            stance_profile: text(STANCE_PROFILE)?,
            cues: vec![text(FRAMING)?],
            lexicons: LexiconFiles {
                stance: text(STANCE)?,
                speech: text(SPEECH)?,
                negation: text(NEGATION)?,
                hedges: text(HEDGES)?,
                titles: text(TITLES)?,
                collectives: text(COLLECTIVES)?,
                acts: text(ACTS)?,
                relations: text(RELATIONS)?,
            },
        })
    }
}

#[cfg(any(not(parallax_out_dir), feature = "builtin-texts"))]
impl<'a> Files<'a> {
    /// The built-in files, with the entity files of `data/kb/` (`ENTITY_FILES`) given and
    /// the others' embedded texts.
    pub fn with_entity_files(entity_files: &[Source<'a>]) -> Files<'a> {
        Files::assemble(entity_files.to_vec(), |name| {
            Ok(*DATA_TEXTS.iter().find(|(n, _)| *n == name).expect("listed"))
        })
        .expect("every data file is embedded")
    }
}

#[cfg(all(parallax_out_dir, feature = "builtin-texts"))]
impl Files<'static> {
    pub fn builtin() -> Files<'static> {
        Files::with_entity_files(ENTITY_FILES)
    }
}

/// The name of every built-in data file an overlay is built over: the keys of the texts
/// `KnowledgeBase::with_overlay_on` takes.
#[cfg(parallax_out_dir)]
pub fn builtin_file_names() -> Vec<&'static str> {
    DATA_FILES
        .iter()
        .chain(ENTITY_FILE_NAMES)
        .copied()
        .collect()
}

#[cfg(parallax_out_dir)]
impl<'a> Files<'a> {
    /// The built-in files from texts given by name (the page fetches them): every name of
    /// `builtin_file_names`.
    fn from_texts(texts: &'a HashMap<String, String>) -> Result<Files<'a>, Error> {
        let text = |name: &'static str| {
            match texts.get(name) {
            Some(t) => Ok((name, t.as_str())),
            None => Err(Error::data(&format!(
                "{name}: the built-in data file is missing from the built-in texts given: reload the page (it may be a mix of two versions)"
            ))),
        }
        };
        let entities = ENTITY_FILE_NAMES.iter().map(|n| text(n));
        Files::assemble(entities.collect::<Result<_, _>>()?, text)
    }
}

#[cfg(parallax_out_dir)]
impl KnowledgeBase {
    /// The built-in knowledge with the user's laid over it, from the built-in data files'
    /// texts given by name (`builtin_file_names`). Every problem of the user's files, each
    /// naming its file and line; the built-in knowledge is never changed.
    pub fn with_overlay_on(
        texts: &HashMap<String, String>,
        overlay: &Overlay,
    ) -> Result<KnowledgeBase, Vec<Error>> {
        let files = Files::from_texts(texts).map_err(|e| vec![e])?;
        KnowledgeBase::build(&files, &overlay_sources(overlay))
    }
}

#[cfg(all(parallax_out_dir, feature = "builtin-texts"))]
impl KnowledgeBase {
    /// The built-in knowledge with the user's laid over it, from the embedded texts.
    pub fn with_overlay(overlay: &Overlay) -> Result<KnowledgeBase, Vec<Error>> {
        KnowledgeBase::build(&Files::builtin(), &overlay_sources(overlay))
    }

    /// Problems of the user's files, without compiling anything.
    pub fn check_overlay(overlay: &Overlay) -> Vec<Error> {
        let files = Files::builtin();
        let mut b = Builder::read(&files, &overlay_sources(overlay));
        b.lexicons(&files.lexicons);
        b.errors
    }
}

impl KnowledgeBase {
    pub(super) fn build(
        files: &Files,
        overlay: &[(&str, &str, Role)],
    ) -> Result<KnowledgeBase, Vec<Error>> {
        let mut b = Builder::read(files, overlay);
        let lexicons = b.lexicons(&files.lexicons);
        if !b.errors.is_empty() {
            return Err(b.errors);
        }
        Ok(b.finish(lexicons))
    }
}

fn overlay_sources(overlay: &Overlay) -> Vec<(&str, &str, Role)> {
    vec![
        (OVERLAY_FILES[0], overlay.blocs.as_str(), Role::Blocs),
        (OVERLAY_FILES[1], overlay.entities.as_str(), Role::Entities),
        (OVERLAY_FILES[2], overlay.cues.as_str(), Role::Cues),
    ]
}

/// What an overlay file holds.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Role {
    Blocs,
    Entities,
    Cues,
}

/// Lowercase ASCII words joined by single `_`: `us_analyst`, `tel_aviv`.
fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('_').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// The fields of a record, checked: a count in `counts`, none empty.
fn row<'a>(rec: &Record<'a>, counts: &[usize], what: &str) -> Result<Vec<&'a str>, Error> {
    let parts = rec.fields();
    if !counts.contains(&parts.len()) {
        let want = counts
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(" or ");
        return Err(rec.error(format!(
            "{what} has {want} fields separated by ` | `, this line has {}",
            parts.len()
        )));
    }
    if let Some(i) = parts.iter().position(|p| p.is_empty()) {
        return Err(rec.error(format!(
            "field {} is empty: write `-` for none, or remove the line",
            i + 1
        )));
    }
    Ok(parts)
}

fn number(rec: &Record, s: &str) -> Result<f32, Error> {
    s.parse::<f32>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or_else(|| rec.error(format!("`{s}` is not a number")))
}

/// A number in a range, with the range in the message.
fn number_in(
    rec: &Record,
    s: &str,
    what: &str,
    ok: impl Fn(f32) -> bool,
    range: &str,
) -> Result<f32, Error> {
    let x = number(rec, s)?;
    if ok(x) {
        Ok(x)
    } else {
        Err(rec.error(format!(
            "{what} {s} is out of range: write a number in {range}"
        )))
    }
}

/// What makes two names or cues the same for the checks: the matcher's folding, with
/// hyphens kept ("Vice-President" and "Vice President" may both be listed).
fn key(s: &str) -> String {
    s.split([
        '-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}',
    ])
    .map(|part| {
        crate::text::fold(part)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    })
    .collect::<Vec<_>>()
    .join("-")
}

/// Most epithets are hostile names; neutral ones say `0` in their fifth field.
const DEFAULT_EPITHET_POLARITY: f32 = -0.6;

/// The automata's inputs, read from the lexicon files.
pub(super) struct Lexicons {
    stance: Vec<(String, f32)>,
    relations: Vec<(String, f32)>,
    acts: Vec<(String, f32)>,
    speech: Vec<(String, SpeechKind)>,
    negation: Vec<(String, ())>,
    hedges: Vec<(String, f32)>,
    titles: Vec<(String, EntityType)>,
    collectives: Vec<(String, EntityType)>,
}

/// Collects rows from the data files and every problem in them.
#[derive(Default)]
struct Builder<'a> {
    entities: Vec<Entity>,
    by_id: HashMap<String, usize>,
    /// `file:line` where each entity was defined, for messages.
    defined_at: Vec<String>,
    aliases: Vec<(String, (usize, AliasRole))>,
    /// Folded alias → its entity and where it was given.
    alias_owner: HashMap<String, (usize, String)>,
    metonyms: Vec<(usize, String, Record<'a>)>,
    blocs: Vec<Bloc>,
    bloc_at: Vec<String>,
    /// ISO 3166 code → the bloc that lists it.
    members: HashMap<String, String>,
    viewpoints: Vec<Viewpoint>,
    fallback: Option<usize>,
    stance_profile: Vec<StanceLean>,
    framing: Vec<(String, (ViewpointSet, f32))>,
    epithet_seen: HashMap<String, String>,
    errors: Vec<Error>,
}

impl<'a> Builder<'a> {
    /// Every file but the lexicons read, in dependency order: blocs, viewpoints,
    /// entities, epithets, then the user's entities (so their aliases are checked against
    /// everything built in), the stance profile and the framing cues.
    fn read(files: &Files<'a>, overlay: &[(&'a str, &'a str, Role)]) -> Builder<'a> {
        let mut b = Builder::default();
        let user = |role: Role| overlay.iter().filter(move |o| o.2 == role);
        for f in &files.blocs {
            b.each(*f, |b, rec| b.bloc_row(rec, false));
        }
        for &(file, src, _) in user(Role::Blocs) {
            b.each((file, src), |b, rec| b.bloc_row(rec, true));
        }
        let mut slots: HashMap<u8, usize> = HashMap::new();
        for (i, bloc) in b.blocs.iter().enumerate() {
            if let Some(&first) = slots.get(&bloc.slot) {
                b.errors.push(Error::data(&format!(
                    "{}: colour slot {} is already bloc `{}`'s: give each bloc a slot of its own (1 to {SLOTS})",
                    b.bloc_at[i], bloc.slot, b.blocs[first].id
                )));
            } else {
                slots.insert(bloc.slot, i);
            }
        }
        if !b.blocs.iter().any(|x| x.id == "other") {
            let (file, _) = files.blocs[0];
            b.errors.push(Error::data(&format!(
                "{file}: there is no `other` bloc: add `other | Other | ○ | 8 | *`, the bloc of every country no other row lists"
            )));
        }
        b.each(files.viewpoints, Builder::viewpoint_row);
        if b.fallback.is_none() {
            let (file, _) = files.viewpoints;
            b.errors.push(Error::data(&format!(
                "{file}: there is no fallback viewpoint: add a last row whose blocs are `*`, such as `other | Other | *`"
            )));
        }
        for f in &files.entities {
            b.each(*f, |b, rec| b.entity_row(rec, false));
        }
        b.each(files.epithets, Builder::epithet_row);
        for &(file, src, _) in user(Role::Entities) {
            b.each((file, src), |b, rec| b.entity_row(rec, true));
        }
        let metonyms = std::mem::take(&mut b.metonyms);
        for (place, country, rec) in metonyms {
            match b.by_id.get(&country) {
                Some(&c) if b.entities[c].kind == EntityType::Country => {
                    b.entities[place].metonym_of = Some(c)
                }
                _ => b.errors.push(rec.error(format!(
                    "metonym_of={country} is not the id of a country: write the id of the state this place stands for"
                ))),
            }
        }
        b.each(files.stance_profile, Builder::stance_lean);
        let mut seen = HashMap::new();
        for f in &files.cues {
            b.each(*f, |b, rec| b.cue_row(rec, &mut seen));
        }
        for &(file, src, _) in user(Role::Cues) {
            b.each((file, src), |b, rec| b.cue_row(rec, &mut seen));
        }
        b
    }

    /// Runs `f` on every record of a file, keeping its errors and going on.
    fn each(
        &mut self,
        (file, src): (&'a str, &'a str),
        mut f: impl FnMut(&mut Self, &Record<'a>) -> Result<(), Error>,
    ) {
        for rec in records(file, src) {
            if let Err(e) = f(self, &rec) {
                self.errors.push(e);
            }
        }
    }

    fn bloc_row(&mut self, rec: &Record<'a>, user: bool) -> Result<(), Error> {
        let what = "a bloc row (bloc | name | glyph | colour slot | countries)";
        let [id, name, glyph, slot, countries] =
            <[&str; 5]>::try_from(row(rec, &[5], what)?).expect("row() checked the count");
        if !is_id(id) {
            return Err(rec.error(format!(
                "bloc `{id}` must be lowercase ASCII words joined by `_` (like `gulf_states`)"
            )));
        }
        let chars = glyph.chars().count();
        if chars > 2 || glyph.chars().any(char::is_alphanumeric) {
            return Err(rec.error(format!(
                "glyph `{glyph}` must be one symbol (like ● or ✦), not letters or digits"
            )));
        }
        let slot = slot
            .parse::<u8>()
            .ok()
            .filter(|s| (1..=SLOTS).contains(s))
            .ok_or_else(|| {
                rec.error(format!(
                    "colour slot `{slot}` must be a whole number from 1 to {SLOTS}"
                ))
            })?;
        let bloc = Bloc {
            id: id.into(),
            name: name.into(),
            glyph: glyph.into(),
            slot,
        };
        if let Some(i) = self.blocs.iter().position(|b| b.id == id) {
            if !user {
                return Err(rec.error(format!(
                    "bloc `{id}` is already defined at {}: keep one row per bloc",
                    self.bloc_at[i]
                )));
            }
            self.blocs[i] = bloc;
            self.bloc_at[i] = rec.place();
        } else {
            self.blocs.push(bloc);
            self.bloc_at.push(rec.place());
        }
        match countries {
            "-" => {}
            "*" if id == "other" => {}
            "*" => {
                return Err(rec
                    .error("only the `other` bloc takes `*` (every country no other bloc lists)"))
            }
            _ if user => {
                return Err(rec.error(
                    "write `-` for the countries of your own blocs, and give a country its bloc with an entity row (`saudi_arabia | - | - | gulf | -`)",
                ))
            }
            list => {
                for code in list.split(';').map(str::trim) {
                    if code.len() != 3 || !code.bytes().all(|c| c.is_ascii_uppercase()) {
                        return Err(rec.error(format!(
                            "`{code}` is not an ISO 3166-1 alpha-3 country code (like IRN): list codes separated by `;`, or write `-`"
                        )));
                    }
                    if let Some(other) = self.members.insert(code.into(), id.into()) {
                        if other != id {
                            return Err(rec.error(format!(
                                "{code} is already in bloc `{other}`: a country belongs to one bloc"
                            )));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn check_bloc(&self, rec: &Record, bloc: &str) -> Result<(), Error> {
        if self.blocs.iter().any(|b| b.id == bloc) {
            Ok(())
        } else {
            let known: Vec<&str> = self.blocs.iter().map(|b| b.id.as_str()).collect();
            Err(rec.error(format!(
                "unknown bloc `{bloc}`: use one of {} (or add it to blocs.txt)",
                known.join(", ")
            )))
        }
    }

    fn viewpoint_row(&mut self, rec: &Record<'a>) -> Result<(), Error> {
        let [id, label, blocs] =
            <[&str; 3]>::try_from(row(rec, &[3], "a viewpoint row (id | label | blocs)")?)
                .expect("row() checked the count");
        if !is_id(id) {
            return Err(rec.error(format!(
                "viewpoint `{id}` must be lowercase ASCII words joined by `_`"
            )));
        }
        if self.viewpoints.iter().any(|v| v.id == id) {
            return Err(rec.error(format!("viewpoint `{id}` is defined twice: keep one row")));
        }
        if self.viewpoints.len() == MAX_VIEWPOINTS {
            return Err(rec.error(format!("at most {MAX_VIEWPOINTS} viewpoints")));
        }
        let blocs: Vec<String> = if blocs == "*" {
            if self.fallback.is_none() {
                self.fallback = Some(self.viewpoints.len());
            }
            vec!["other".into()]
        } else {
            let list: Vec<String> = blocs.split(';').map(|b| b.trim().to_string()).collect();
            for b in &list {
                self.check_bloc(rec, b)?;
            }
            list
        };
        self.viewpoints.push(Viewpoint {
            id: id.into(),
            label: label.into(),
            bloc: blocs[0].clone(),
            blocs,
        });
        Ok(())
    }

    /// An entity row; `user` rows may change an entity defined before, built-in ones only
    /// add aliases to it.
    fn entity_row(&mut self, rec: &Record<'a>, user: bool) -> Result<(), Error> {
        let parts = row(
            rec,
            &[5, 6],
            "an entity row (id | name | type | bloc | aliases [| attributes])",
        )?;
        let (id, name, kind, bloc, aliases) = (parts[0], parts[1], parts[2], parts[3], parts[4]);
        if !is_id(id) {
            return Err(rec.error(format!(
                "id `{id}` must be lowercase ASCII words joined by `_` (like `tel_aviv`)"
            )));
        }
        let kind = match kind {
            "-" => None,
            k => Some(EntityType::parse(k).ok_or_else(|| {
                rec.error(format!(
                    "unknown type `{k}`: use country, person, organization, media, place, event or policy"
                ))
            })?),
        };
        let bloc = match bloc {
            "-" => None,
            b => {
                self.check_bloc(rec, b)?;
                Some(b.to_string())
            }
        };
        let index = match self.by_id.get(id) {
            Some(&i) => {
                let extension = name == "-" && kind.is_none() && bloc.is_none();
                if !user && !extension {
                    return Err(rec.error(format!(
                        "duplicate id `{id}` (first at {}): to add aliases write `-` for its name, type and bloc",
                        self.defined_at[i]
                    )));
                }
                if !user && parts.len() == 6 {
                    return Err(rec.error(format!(
                        "a `-` row only adds aliases to `{id}`: give attributes where it is defined ({})",
                        self.defined_at[i]
                    )));
                }
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
                if name != "-" {
                    self.alias(rec, i, name, AliasRole::Name)?;
                }
                i
            }
            None => {
                if name == "-" || kind.is_none() {
                    return Err(rec.error(format!(
                        "`{id}` is not a known entity: a new one needs its name and type (check the id's spelling)"
                    )));
                }
                let i = self.new_entity(rec, id, name, kind.expect("checked"), bloc);
                self.alias(rec, i, name, AliasRole::Name)?;
                i
            }
        };
        for alias in aliases.split(';').map(str::trim) {
            if alias.is_empty() {
                return Err(rec.error("an alias is empty: remove the extra `;`"));
            }
            if alias != "-" {
                self.alias(rec, index, alias, AliasRole::Name)?;
            }
        }
        if let Some(attrs) = parts.get(5) {
            for attr in attrs.split(';').map(str::trim).filter(|a| !a.is_empty()) {
                self.attribute(rec, index, attr)?;
            }
        }
        Ok(())
    }

    fn new_entity(
        &mut self,
        rec: &Record,
        id: &str,
        name: &str,
        kind: EntityType,
        bloc: Option<String>,
    ) -> usize {
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
        self.defined_at.push(rec.place());
        self.entities.len() - 1
    }

    /// One alias names one entity (compared as the matcher folds them).
    fn alias(
        &mut self,
        rec: &Record,
        entity: usize,
        alias: &str,
        role: AliasRole,
    ) -> Result<(), Error> {
        let key = key(alias);
        if key.trim().is_empty() {
            return Err(rec.error(format!("alias `{alias}` has no letters to match")));
        }
        match self.alias_owner.get(&key) {
            Some((owner, at)) if *owner != entity => {
                return Err(rec.error(format!(
                    "alias \"{alias}\" already names `{}` ({at}): an alias names one entity; use a longer name",
                    self.entities[*owner].id
                )))
            }
            Some(_) => {}
            None => {
                self.alias_owner.insert(key, (entity, rec.place()));
            }
        }
        self.aliases.push((alias.into(), (entity, role)));
        Ok(())
    }

    /// "Ministry of Foreign Affairs of Varnia" is also written with the state's official
    /// name, "… of the Republic of Varnia": every alias of an institution that names a
    /// state after "of" (at its end or before "in") gets that spelling, unless it already
    /// names something.
    fn add_official_state_names(&mut self) {
        let mut official: HashMap<String, Vec<String>> = HashMap::new();
        for (alias, (entity, _)) in &self.aliases {
            if self.entities[*entity].kind != EntityType::Country {
                continue;
            }
            if let Some(short) = ["Republic of ", "Kingdom of ", "State of "]
                .iter()
                .find_map(|p| alias.strip_prefix(p))
            {
                official
                    .entry(short.to_string())
                    .or_default()
                    .push(alias.clone());
            }
        }
        let mut added = Vec::new();
        for (alias, (entity, role)) in &self.aliases {
            if self.entities[*entity].kind == EntityType::Country {
                continue;
            }
            // "… of Varnia" at the end or before " in " ("Embassy of Varnia in Kestria").
            for (at, _) in alias.match_indices(" of ") {
                let rest = &alias[at + 4..];
                let state = rest.split(" in ").next().unwrap_or(rest);
                for long in official.get(state).into_iter().flatten() {
                    let spelled = format!("{} of the {long}{}", &alias[..at], &rest[state.len()..]);
                    if !self.alias_owner.contains_key(&key(&spelled)) {
                        added.push((spelled, (*entity, *role)));
                    }
                }
            }
        }
        for (alias, owner) in added {
            self.alias_owner
                .entry(key(&alias))
                .or_insert_with(|| (owner.0, "the state's official name".into()));
            self.aliases.push((alias, owner));
        }
    }

    fn attribute(&mut self, rec: &Record<'a>, index: usize, attr: &str) -> Result<(), Error> {
        let (key, value) = attr
            .split_once('=')
            .map(|(k, v)| (k.trim(), v.trim()))
            .filter(|(k, v)| !k.is_empty() && !v.is_empty())
            .ok_or_else(|| rec.error(format!("attribute `{attr}` is not key=value")))?;
        let kind = self.entities[index].kind;
        match key {
            "capital" if kind == EntityType::Country => self.capital(rec, index, value),
            "capital" => Err(rec.error("capital= is for countries only")),
            "metonym_of" if kind == EntityType::Place => {
                self.metonyms.push((index, value.into(), *rec));
                Ok(())
            }
            "metonym_of" => Err(rec.error("metonym_of= is for places only")),
            "viewpoint" if matches!(kind, EntityType::Media | EntityType::Organization) => {
                if !self.viewpoints.iter().any(|v| v.id == value) {
                    return Err(rec.error(format!(
                        "unknown viewpoint `{value}`: use one of {}",
                        self.viewpoint_ids()
                    )));
                }
                self.entities[index].viewpoint = Some(value.into());
                Ok(())
            }
            "viewpoint" => Err(rec.error("viewpoint= is for media and think tanks only")),
            "domain" => {
                self.entities[index].domains.push(value.to_lowercase());
                Ok(())
            }
            other => Err(rec.error(format!(
                "unknown attribute `{other}`: use capital=, metonym_of=, viewpoint= or domain="
            ))),
        }
    }

    fn viewpoint_ids(&self) -> String {
        self.viewpoints
            .iter()
            .map(|v| v.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A capital is a place of its own that stands for its country when used as one.
    fn capital(&mut self, rec: &Record, country: usize, capital: &str) -> Result<(), Error> {
        let id = super::slug(capital);
        if let Some(&i) = self.by_id.get(&id) {
            return Err(rec.error(format!(
                "capital {capital} would have id `{id}`, already used at {}: leave out capital= or rename the other entity",
                self.defined_at[i]
            )));
        }
        let bloc = self.entities[country].bloc.clone();
        let index = self.new_entity(rec, &id, capital, EntityType::Place, bloc);
        self.entities[index].metonym_of = Some(country);
        self.alias(rec, index, capital, AliasRole::Name)
    }

    fn epithet_row(&mut self, rec: &Record<'a>) -> Result<(), Error> {
        let parts = row(
            rec,
            &[4, 5],
            "an epithet row (phrase | entity | viewpoints | weight [| polarity])",
        )?;
        let (phrase, entity, viewpoint, weight) = (parts[0], parts[1], parts[2], parts[3]);
        let index = *self.by_id.get(entity).ok_or_else(|| {
            rec.error(format!(
                "unknown entity `{entity}`: write the id of an entity from the entity files"
            ))
        })?;
        let viewpoints = self.viewpoint_set(rec, viewpoint)?;
        let weight = number_in(rec, weight, "weight", |w| w > 0.0 && w <= 3.0, "(0, 3]")?;
        let polarity = match parts.get(4) {
            Some(p) => number_in(rec, p, "polarity", |p| (-1.0..=1.0).contains(&p), "[-1, 1]")?,
            None => DEFAULT_EPITHET_POLARITY,
        };
        let key = key(phrase);
        if let Some(at) = self.epithet_seen.insert(key, rec.place()) {
            return Err(rec.error(format!("epithet \"{phrase}\" is already at {at}: keep one")));
        }
        self.alias(
            rec,
            index,
            phrase,
            AliasRole::Epithet {
                viewpoints,
                weight,
                polarity,
            },
        )
    }

    /// `israeli; azerbaijani` → both.
    fn viewpoint_set(&self, rec: &Record, ids: &str) -> Result<ViewpointSet, Error> {
        let mut set = ViewpointSet::default();
        for id in ids.split(';').map(str::trim).filter(|i| !i.is_empty()) {
            let i = self
                .viewpoints
                .iter()
                .position(|v| v.id == id)
                .ok_or_else(|| {
                    rec.error(format!(
                        "unknown viewpoint `{id}`: use one of {}",
                        self.viewpoint_ids()
                    ))
                })?;
            set.insert(i);
        }
        if set.is_empty() {
            return Err(rec.error("no viewpoint named"));
        }
        Ok(set)
    }

    fn stance_lean(&mut self, rec: &Record<'a>) -> Result<(), Error> {
        let [viewpoint, bloc, sign, weight] = <[&str; 4]>::try_from(row(
            rec,
            &[4],
            "a stance profile row (viewpoint | bloc | sign | weight)",
        )?)
        .expect("row() checked the count");
        let set = self.viewpoint_set(rec, viewpoint)?;
        if set.len() != 1 {
            return Err(rec.error("name one viewpoint per row"));
        }
        self.check_bloc(rec, bloc)?;
        let sign = match sign {
            "+" => 1,
            "-" => -1,
            s => return Err(rec.error(format!("sign `{s}` must be `+` or `-`"))),
        };
        let weight = number_in(rec, weight, "weight", |w| w > 0.0 && w <= 3.0, "(0, 3]")?;
        self.stance_profile.push(StanceLean {
            viewpoint: set.iter().next().expect("one"),
            bloc: bloc.to_string(),
            sign,
            weight,
        });
        Ok(())
    }

    fn cue_row(
        &mut self,
        rec: &Record<'a>,
        seen: &mut HashMap<String, String>,
    ) -> Result<(), Error> {
        let parts = cue(
            rec,
            &[3],
            "a viewpoint cue row (phrase | viewpoints | weight)",
            seen,
            true,
        )?;
        let set = self.viewpoint_set(rec, parts[1])?;
        let weight = number_in(rec, parts[2], "weight", |w| w > 0.0 && w <= 3.0, "(0, 3]")?;
        self.framing.push((parts[0].to_string(), (set, weight)));
        Ok(())
    }

    /// The lexicon files, checked; their errors go with the others.
    fn lexicons(&mut self, files: &LexiconFiles) -> Lexicons {
        let errors = &mut self.errors;
        let polarities = |src: Source, errors: &mut Vec<Error>| -> Vec<(String, f32)> {
            read(src, &[2], "a cue row (cue | polarity)", true, errors)
                .into_iter()
                .filter_map(|(rec, p)| {
                    let x = number_in(
                        &rec,
                        p[1],
                        "polarity",
                        |x| (-1.0..=1.0).contains(&x),
                        "[-1, 1]",
                    );
                    keep(x.map(|x| (p[0].to_string(), x)), errors)
                })
                .collect()
        };
        let stance = polarities(files.stance, errors);
        let relations = polarities(files.relations, errors);
        let acts = polarities(files.acts, errors);
        let speech = read(
            files.speech,
            &[2],
            "a speech row (cue | kind)",
            true,
            errors,
        )
        .into_iter()
        .filter_map(|(rec, p)| {
            let kind = match p[1] {
                "verb" | "quote" => Ok(SpeechKind::Verb),
                "source" => Ok(SpeechKind::Source),
                k => Err(rec.error(format!(
                    "unknown speech kind `{k}`: use verb, source or quote"
                ))),
            };
            keep(kind.map(|k| (p[0].to_string(), k)), errors)
        })
        .collect();
        let negation = read(files.negation, &[1], "a negation row (cue)", true, errors)
            .into_iter()
            .map(|(_, p)| (p[0].to_string(), ()))
            .collect();
        let hedges = read(
            files.hedges,
            &[2],
            "a hedge row (cue | factor)",
            true,
            errors,
        )
        .into_iter()
        .filter_map(|(rec, p)| {
            let f = number_in(&rec, p[1], "factor", |f| f > 0.0 && f <= 1.0, "(0, 1]");
            keep(f.map(|f| (p[0].to_string(), f)), errors)
        })
        .collect();
        let typed = |src, what, strict, errors: &mut Vec<Error>| -> Vec<(String, EntityType)> {
            read(src, &[2], what, strict, errors)
                .into_iter()
                .filter_map(|(rec, p)| {
                    let k = EntityType::parse(p[1]).ok_or_else(|| {
                        rec.error(format!(
                            "unknown type `{}`: use country, person, organization, media, place, event or policy",
                            p[1]
                        ))
                    });
                    keep(k.map(|k| (p[0].to_string(), k)), errors)
                })
                .collect()
        };
        let titles = typed(files.titles, "a title row (title | type)", false, errors);
        let collectives = typed(
            files.collectives,
            "a collective row (noun | type)",
            true,
            errors,
        );
        Lexicons {
            stance,
            relations,
            acts,
            speech,
            negation,
            hedges,
            titles,
            collectives,
        }
    }

    fn finish(mut self, l: Lexicons) -> KnowledgeBase {
        self.add_official_state_names();
        let gazetteer = Lexicon::new(self.aliases);
        let stance = Lexicon::new(l.stance);
        let speech = Lexicon::new(l.speech);
        let negation = Lexicon::new(l.negation);
        let hedges = Lexicon::new(l.hedges);
        let titles = Lexicon::new(l.titles);
        let framing = Lexicon::new(self.framing).with_every_capital();
        let relations = Lexicon::new(l.relations);
        let collectives = Lexicon::new(l.collectives);
        let acts = Lexicon::new(l.acts);
        let mut kb = KnowledgeBase {
            gazetteer,
            entities: self.entities,
            by_id: self.by_id,
            blocs: self.blocs,
            fallback_viewpoint: self.fallback.unwrap_or(0),
            viewpoints: self.viewpoints,
            stance,
            speech,
            negation,
            hedges,
            titles,
            framing,
            relations,
            collectives,
            acts,
            stance_profile: self.stance_profile,
            scanner: Scanner::empty(),
        };
        kb.scanner = Scanner::new(kb.scanned());
        kb
    }
}

/// A lexicon file's rows that pass `cue`; the others' errors into `errors`.
fn read<'a>(
    (file, src): Source<'a>,
    counts: &[usize],
    what: &str,
    strict: bool,
    errors: &mut Vec<Error>,
) -> Vec<(Record<'a>, Vec<&'a str>)> {
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for rec in records(file, src) {
        match cue(&rec, counts, what, &mut seen, strict) {
            Ok(parts) => out.push((rec, parts)),
            Err(e) => errors.push(e),
        }
    }
    out
}

fn keep<T>(r: Result<T, Error>, errors: &mut Vec<Error>) -> Option<T> {
    r.map_err(|e| errors.push(e)).ok()
}

/// A cue row's fields, checked: the count, unique after folding within its file, `*` only
/// at the end and (`strict`) no pattern syntax, which is matched literally.
fn cue<'a>(
    rec: &Record<'a>,
    counts: &[usize],
    what: &str,
    seen: &mut HashMap<String, String>,
    strict: bool,
) -> Result<Vec<&'a str>, Error> {
    let parts = row(rec, counts, what)?;
    let cue = parts[0];
    if let Some(at) = seen.insert(key(cue), rec.place()) {
        return Err(rec.error(format!("cue \"{cue}\" is already at {at}: keep one")));
    }
    if cue.contains('*') && (cue.matches('*').count() > 1 || !cue.ends_with('*') || cue.len() == 1)
    {
        return Err(rec.error(format!(
            "`*` may only end a cue (\"sanction*\"): fix \"{cue}\""
        )));
    }
    if strict && cue.contains(['?', '+', '(', ')', '[', ']', '{', '}', '^', '$', '\\']) {
        return Err(rec.error(format!(
            "\"{cue}\" has a pattern character; cues are plain words matched literally: remove it"
        )));
    }
    Ok(parts)
}

#[cfg(all(test, feature = "builtin-texts"))]
mod tests {
    use super::*;
    use crate::report::{Meta, Units};

    /// The built-in data passes every check (what `scripts/check-data.mjs` did): this test
    /// names every problem, with file and line.
    #[test]
    fn builtin_data_is_valid() {
        if let Err(errors) = KnowledgeBase::build(&Files::builtin(), &[]) {
            let list: Vec<&str> = errors.iter().map(|e| e.message()).collect();
            panic!("{} problem(s) in data/:\n{}", list.len(), list.join("\n"));
        }
    }

    fn errors(blocs: &str, entities: &str, cues: &str) -> Vec<String> {
        let overlay = Overlay {
            blocs: blocs.into(),
            entities: entities.into(),
            cues: cues.into(),
        };
        let checked: Vec<String> = KnowledgeBase::check_overlay(&overlay)
            .iter()
            .map(|e| e.message().to_string())
            .collect();
        let built = KnowledgeBase::with_overlay(&overlay)
            .err()
            .unwrap_or_default();
        assert_eq!(checked.len(), built.len(), "check and build agree");
        checked
    }

    /// Each check bites, naming the user's file, the line and what to do.
    #[test]
    fn invalid_user_rows_are_named() {
        let cases: &[(&str, &str, &str, &str)] = &[
            ("gulf | Gulf | ✦ | 99 | -", "", "", "user/blocs.txt:1: colour slot `99`"),
            ("gulf | Gulf | G | 9 | -", "", "", "user/blocs.txt:1: glyph `G`"),
            ("gulf | Gulf | ✦ | 9 | SAU", "", "", "write `-` for the countries of your own blocs"),
            ("gulf | Gulf | ✦ | 2 | -", "", "", "user/blocs.txt:1: colour slot 2 is already bloc `israel`'s"),
            ("Gulf | Gulf | ✦ | 9 | -", "", "", "bloc `Gulf` must be lowercase"),
            ("gulf | Gulf | ✦ | 9 | *", "", "", "only the `other` bloc takes `*`"),
            ("", "x | X", "", "user/entities.txt:1: an entity row (id | name | type | bloc | aliases [| attributes]) has 5 or 6 fields"),
            ("", "Bad Id | X | person | - | -", "", "id `Bad Id`"),
            ("", "zed | Zed | robot | - | -", "", "unknown type `robot`"),
            ("", "zed | Zed | person | mars | -", "", "unknown bloc `mars`: use one of iran"),
            ("", "zed | Zed | person | - | Tehran", "", "alias \"Tehran\" already names `tehran`"),
            ("", "nobody_known | - | - | - | Nobody", "", "`nobody_known` is not a known entity"),
            ("", "zed | Zed | person | - | a;; b", "", "an alias is empty"),
            ("", "zed | Zed | person | - | - | capital=Zedville", "", "capital= is for countries only"),
            ("", "zed | Zed | person | - | - | colour=red", "", "unknown attribute `colour`"),
            ("", "zed | Zed | media | - | - | viewpoint=martian", "", "unknown viewpoint `martian`"),
            ("", "zed | Zed | place | - | - | metonym_of=tehran", "", "metonym_of=tehran is not the id of a country"),
            ("", "zed | Zed | person |  | -", "", "field 4 is empty: write `-`"),
            ("", "", "iron fist | martian | 1", "user/viewpoint_cues.txt:1: unknown viewpoint `martian`"),
            ("", "", "iron fist | israeli | 7", "weight 7 is out of range"),
            ("", "", "iron fist | israeli | x", "`x` is not a number"),
            ("", "", "iron (fist) | israeli | 1", "pattern character"),
            ("", "", "ir*on* | israeli | 1", "`*` may only end a cue"),
            ("", "", "iron fist | israeli | 1\nIron  Fist | iranian | 1", "user/viewpoint_cues.txt:2: cue \"Iron  Fist\" is already at user/viewpoint_cues.txt:1"),
        ];
        for (blocs, entities, cues, want) in cases {
            let got = errors(blocs, entities, cues);
            assert!(
                got.iter().any(|e| e.contains(want)),
                "{want:?} not in {got:?}"
            );
        }
    }

    #[test]
    fn a_country_belongs_to_one_bloc() {
        let mut files = Files::builtin();
        files
            .blocs
            .push(("data/blocs-extra.txt", "persia | Persia | ✦ | 9 | IRN"));
        let errs = KnowledgeBase::build(&files, &[]).err().expect("an error");
        assert!(
            errs[0]
                .message()
                .starts_with("data/blocs-extra.txt:1: IRN is already in bloc `iran`"),
            "{errs:?}"
        );
    }

    #[test]
    fn builtin_rows_may_not_redefine() {
        let mut files = Files::builtin();
        files.entities.push((
            "data/kb/extra.txt",
            "iran | Persia | country | iran | Persia",
        ));
        let errs = KnowledgeBase::build(&files, &[]).err().expect("an error");
        assert!(
            errs[0].message().starts_with(
                "data/kb/extra.txt:1: duplicate id `iran` (first at data/countries.txt:"
            ),
            "{errs:?}"
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let got = errors(
            "",
            "zed | Zed | robot | - | -\nzee | Zee | robot | - | -",
            "x | martian | 1",
        );
        assert_eq!(got.len(), 3, "{got:?}");
    }

    /// The texts the page hands over, by name, as `./build.sh` bundles them: every name
    /// of `builtin_file_names`, no more.
    fn texts_by_name() -> HashMap<String, String> {
        let all: Vec<Source> = DATA_TEXTS.iter().chain(ENTITY_FILES).copied().collect();
        let names = builtin_file_names();
        assert_eq!(names.len(), all.len());
        (names.iter())
            .map(|n| {
                let (_, text) = all.iter().find(|(m, _)| m == n).expect("embedded");
                (n.to_string(), text.to_string())
            })
            .collect()
    }

    /// An overlay built over texts given by name is the one built over the embedded
    /// texts; a missing file is named, with what to do.
    #[test]
    fn an_overlay_over_given_texts_is_the_same() {
        let overlay = Overlay {
            entities: "qorvex | Qorvex Institute | organization | - | Qorvex".into(),
            ..Overlay::default()
        };
        let mut texts = texts_by_name();
        let given = KnowledgeBase::with_overlay_on(&texts, &overlay).expect("valid");
        let embedded = KnowledgeBase::with_overlay(&overlay).expect("valid");
        assert_eq!(
            postcard::to_allocvec(&given).unwrap(),
            postcard::to_allocvec(&embedded).unwrap()
        );
        assert!(given.index_of("qorvex").is_some());
        texts.remove("data/kb/people.txt");
        let errs = KnowledgeBase::with_overlay_on(&texts, &overlay)
            .err()
            .expect("missing");
        assert_eq!(errs.len(), 1);
        assert!(
            errs[0]
                .message()
                .starts_with("data/kb/people.txt: the built-in data file is missing"),
            "{errs:?}"
        );
    }

    /// The user's rows take effect: a new alias, a changed bloc, a new bloc and a cue.
    #[test]
    fn overlay_adds_and_changes() {
        let overlay = Overlay {
            blocs: "gulf | Gulf states | ✦ | 9 | -\niran | Islamic Republic | ● | 1 | -".into(),
            entities: "iran | - | - | - | Zorbland\nsaudi_arabia | - | - | gulf | -\nqorvex | Qorvex Institute | organization | gulf | Qorvex".into(),
            cues: "sandy kingdoms | israeli | 3".into(),
        };
        let kb = KnowledgeBase::with_overlay(&overlay).expect("valid overlay");
        let analyzer = crate::Analyzer::with_knowledge_base(kb);
        let report = analyzer.report(
            "Zorbland warned Qorvex about the sandy kingdoms.",
            &Meta::default(),
            Units::CodePoints,
        );
        let ids: Vec<&str> = report.entities.iter().map(|e| e.id.as_str()).collect();
        assert!(ids.contains(&"iran") && ids.contains(&"qorvex"), "{ids:?}");
        let kb = analyzer.knowledge_base();
        let saudi = kb.entity(kb.index_of("saudi_arabia").unwrap());
        assert_eq!(saudi.bloc.as_deref(), Some("gulf"));
        let iran = kb.blocs.iter().find(|b| b.id == "iran").unwrap();
        assert_eq!(iran.name, "Islamic Republic");
        assert!(kb.framing.len() > KnowledgeBase::builtin().unwrap().framing.len());
        // Without the overlay none of it is known.
        let plain = crate::Analyzer::new().unwrap();
        let report = plain.report(
            "Zorbland warned Qorvex.",
            &Meta::default(),
            Units::CodePoints,
        );
        assert!(!report
            .entities
            .iter()
            .any(|e| e.id == "qorvex" || e.id == "iran"));
    }

    /// A new bloc and a new viewpoint are rows of data and nothing else: the page's
    /// display data, the bloc's viewpoint and the classification follow.
    #[test]
    fn a_bloc_and_a_viewpoint_are_data_only() {
        let mut files = Files::builtin();
        files
            .blocs
            .push(("data/blocs-extra.txt", "gulf | Gulf states | ✦ | 9 | SAU"));
        let viewpoints = files
            .viewpoints
            .1
            .replace("other | Other | *", "gulf | Gulf | gulf\nother | Other | *");
        files.viewpoints = ("data/viewpoints.txt", &viewpoints);
        let cues = format!("{}\nsandy kingdoms | gulf | 3\n", files.cues[0].1);
        files.cues = vec![("data/lexicon/viewpoint_cues.txt", &cues)];
        files.entities.push((
            "data/kb/gulf.txt",
            "qorvex | Qorvex Daily | media | gulf | Qorvex",
        ));
        let kb = KnowledgeBase::build(&files, &[]).expect("valid");
        let gulf = kb.viewpoint_index("gulf").expect("the new viewpoint");
        assert_eq!(kb.viewpoint_of_bloc(Some("gulf")), gulf);
        let shown = serde_json::to_value(kb.knowledge()).unwrap();
        assert!(shown["blocs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["id"] == "gulf" && b["glyph"] == "✦" && b["slot"] == 9));
        let analyzer = crate::Analyzer::with_knowledge_base(kb);
        let report = analyzer.report(
            "Qorvex Daily reported on the sandy kingdoms. The sandy kingdoms met again.",
            &Meta::default(),
            Units::CodePoints,
        );
        assert_eq!(report.viewpoint.label, "gulf", "{:?}", report.viewpoint);
        assert!(report.viewpoints.iter().any(|v| v.id == "gulf"));
    }
}
