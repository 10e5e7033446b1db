//! The built-in knowledge base in a compact form: compiled from the data files at compile
//! time by build.rs, with this crate's own code (`compile_builtin`), written in postcard's
//! serde format and embedded, so that start-up reads it without parsing a data file or
//! building the transducer (kept as its bytes). The user's overlays are still built from
//! the data files at run time (`KnowledgeBase::with_overlay`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{
    slug, AliasRole, Bloc, Entity, EntityType, KnowledgeBase, Lexicon, Scanner, SpeechKind,
    StanceLean, Viewpoint, ViewpointSet,
};
use crate::error::Error;

#[cfg(parallax_out_dir)]
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/knowledge_base.postcard"));

#[cfg(parallax_out_dir)]
impl KnowledgeBase {
    /// The knowledge base compiled into the binary (by build.rs, which fails the build on
    /// any problem in `data/`).
    pub fn builtin() -> Result<KnowledgeBase, Error> {
        KnowledgeBase::from_compact(EMBEDDED)
    }
}

impl KnowledgeBase {
    /// A knowledge base from its compact form.
    fn from_compact(bytes: &[u8]) -> Result<KnowledgeBase, Error> {
        postcard::from_bytes(bytes).map_err(|e| {
            Error::data(&format!(
                "the built-in knowledge base could not be read ({e}): rebuild Parallax"
            ))
        })
    }
}

/// What is stored, each string once: the patterns of a lexicon as one text of lines (in
/// the order of the data files, which compresses well), an entity's name as the alias
/// that spells it, its id only where it is not the name's `slug`; the scanner's
/// transducer as its bytes. Rebuilt at start-up: the case rules of the patterns, the index
/// by id, the folded patterns and the entries each of the transducer's keys stands for
/// (folding and sorting them takes about 2 ms in wasm; storing them took 24 kB of the
/// gzipped module).
#[derive(Serialize, Deserialize)]
struct Compact<S> {
    entities: Vec<CompactEntity>,
    blocs: Vec<Bloc>,
    viewpoints: Vec<Viewpoint>,
    fallback_viewpoint: usize,
    stance_profile: Vec<StanceLean>,
    gazetteer: Gazetteer,
    stance: Rows<f32>,
    speech: Rows<SpeechKind>,
    negation: Rows<()>,
    hedges: Rows<f32>,
    titles: Rows<EntityType>,
    framing: Rows<(ViewpointSet, f32)>,
    relations: Rows<f32>,
    collectives: Rows<EntityType>,
    acts: Rows<f32>,
    /// The scanner's transducer (`None` for a scanner of few keys), as its bytes:
    /// `Option<Bytes<&[u8]>>` when written, `Option<Bytes<Vec<u8>>>` when read. Which
    /// entries each of its keys stands for is found again from the patterns: stored, it
    /// was a seventh of the compact form, and all but incompressible.
    transducer: S,
}

/// Bytes stored as they are.
struct Bytes<B>(B);

impl Serialize for Bytes<&[u8]> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

impl<'de> Deserialize<'de> for Bytes<Vec<u8>> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Bytes<Vec<u8>>, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<Vec<u8>, E> {
                Ok(bytes.to_vec())
            }
            fn visit_byte_buf<E: serde::de::Error>(self, bytes: Vec<u8>) -> Result<Vec<u8>, E> {
                Ok(bytes)
            }
        }
        deserializer.deserialize_byte_buf(Visit).map(Bytes)
    }
}

#[derive(Serialize, Deserialize)]
struct CompactEntity {
    /// `None`: the slug of the name.
    id: Option<String>,
    name: Name,
    kind: EntityType,
    bloc: Option<String>,
    viewpoint: Option<String>,
    metonym_of: Option<usize>,
    domains: Vec<String>,
}

#[derive(Serialize, Deserialize)]
enum Name {
    /// The gazetteer's pattern this many entries after the previous entity's name (all
    /// built-in names are aliases, mostly close together).
    Alias(i32),
    Own(String),
}

/// A lexicon: its patterns as `Lexicon::new` takes them, one a line, and their values.
#[derive(Serialize, Deserialize)]
struct Rows<T> {
    patterns: String,
    values: Vec<T>,
}

impl<T: Clone> Rows<T> {
    fn of(lexicon: &Lexicon<T>) -> Result<Rows<T>, String> {
        let mut patterns = String::new();
        let mut values = Vec::with_capacity(lexicon.len());
        for (i, (pattern, value)) in lexicon.rows().enumerate() {
            if pattern.contains('\n') {
                return Err(format!("the pattern {pattern:?} has a line break"));
            }
            if i > 0 {
                patterns.push('\n');
            }
            patterns.push_str(&pattern);
            values.push(value.clone());
        }
        Ok(Rows { patterns, values })
    }

    fn lexicon<E: serde::de::Error>(self) -> Result<Lexicon<T>, E> {
        let Rows { patterns, values } = self;
        let empty = values.is_empty();
        let patterns: Vec<String> = (patterns.split('\n').filter(|_| !empty))
            .map(str::to_string)
            .collect();
        if patterns.len() != values.len() {
            return Err(E::custom(
                "a lexicon's patterns and values differ in number",
            ));
        }
        Ok(Lexicon::compiled(patterns.into_iter().zip(values)))
    }
}

/// The gazetteer's values: each alias's entity as the difference from the one before
/// (aliases are listed entity by entity), the epithets' roles apart.
#[derive(Serialize, Deserialize)]
struct Gazetteer {
    patterns: String,
    entity_steps: Vec<i32>,
    /// `(entry, viewpoints, weight, polarity)` of every epithet; the others are names.
    epithets: Vec<(u32, ViewpointSet, f32, f32)>,
}

impl Gazetteer {
    fn of(lexicon: &Lexicon<(usize, AliasRole)>) -> Result<Gazetteer, String> {
        let Rows { patterns, values } = Rows::of(lexicon)?;
        let mut entity_steps = Vec::with_capacity(values.len());
        let mut epithets = Vec::new();
        let mut last = 0i64;
        for (i, (entity, role)) in values.into_iter().enumerate() {
            let step = i32::try_from(entity as i64 - last).map_err(|_| "too many entities")?;
            entity_steps.push(step);
            last = entity as i64;
            if let AliasRole::Epithet {
                viewpoints,
                weight,
                polarity,
            } = role
            {
                epithets.push((i as u32, viewpoints, weight, polarity));
            }
        }
        Ok(Gazetteer {
            patterns,
            entity_steps,
            epithets,
        })
    }

    fn lexicon<E: serde::de::Error>(self) -> Result<Lexicon<(usize, AliasRole)>, E> {
        let mut at = 0i64;
        let mut values: Vec<(usize, AliasRole)> = (self.entity_steps.iter())
            .map(|&step| {
                at += i64::from(step);
                (usize::try_from(at).unwrap_or(usize::MAX), AliasRole::Name)
            })
            .collect();
        for (entry, viewpoints, weight, polarity) in self.epithets {
            let value = values
                .get_mut(entry as usize)
                .ok_or_else(|| E::custom("an epithet past the gazetteer's end"))?;
            value.1 = AliasRole::Epithet {
                viewpoints,
                weight,
                polarity,
            };
        }
        Rows {
            patterns: self.patterns,
            values,
        }
        .lexicon()
    }
}

impl<'k> Compact<Option<Bytes<&'k [u8]>>> {
    fn of(kb: &'k KnowledgeBase) -> Result<Compact<Option<Bytes<&'k [u8]>>>, String> {
        // Where each entity's name is among the gazetteer's patterns.
        let mut aliases = std::collections::HashMap::new();
        for (i, (pattern, (entity, _))) in kb.gazetteer.patterns().enumerate() {
            aliases.entry((*entity, pattern)).or_insert(i as i64);
        }
        let mut last = 0i64;
        let entities = (kb.entities.iter().enumerate())
            .map(|(i, e)| {
                let name = match aliases.get(&(i, e.name.as_str())) {
                    Some(&at) => {
                        let step = i32::try_from(at - last).map_err(|_| "too many aliases")?;
                        last = at;
                        Name::Alias(step)
                    }
                    None => Name::Own(e.name.clone()),
                };
                Ok(CompactEntity {
                    id: (slug(&e.name) != e.id).then(|| e.id.clone()),
                    name,
                    kind: e.kind,
                    bloc: e.bloc.clone(),
                    viewpoint: e.viewpoint.clone(),
                    metonym_of: e.metonym_of,
                    domains: e.domains.clone(),
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(Compact {
            entities,
            blocs: kb.blocs.clone(),
            viewpoints: kb.viewpoints.clone(),
            fallback_viewpoint: kb.fallback_viewpoint,
            stance_profile: kb.stance_profile.clone(),
            gazetteer: Gazetteer::of(&kb.gazetteer)?,
            stance: Rows::of(&kb.stance)?,
            speech: Rows::of(&kb.speech)?,
            negation: Rows::of(&kb.negation)?,
            hedges: Rows::of(&kb.hedges)?,
            titles: Rows::of(&kb.titles)?,
            framing: Rows::of(&kb.framing)?,
            relations: Rows::of(&kb.relations)?,
            collectives: Rows::of(&kb.collectives)?,
            acts: Rows::of(&kb.acts)?,
            transducer: kb.scanner.transducer_bytes().map(Bytes),
        })
    }
}

impl Compact<Option<Bytes<Vec<u8>>>> {
    fn knowledge_base<E: serde::de::Error>(self) -> Result<KnowledgeBase, E> {
        let gazetteer = self.gazetteer.lexicon()?;
        let names: Vec<&str> = gazetteer.patterns().map(|(p, _)| p).collect();
        let mut at = 0i64;
        let entities = (self.entities.into_iter())
            .map(|e| {
                let name = match e.name {
                    Name::Alias(step) => {
                        at += i64::from(step);
                        let name = usize::try_from(at).ok().and_then(|i| names.get(i));
                        name.ok_or_else(|| E::custom("a name past the gazetteer's end"))?
                            .to_string()
                    }
                    Name::Own(name) => name,
                };
                Ok(Entity {
                    id: e.id.unwrap_or_else(|| slug(&name)),
                    name,
                    kind: e.kind,
                    bloc: e.bloc,
                    viewpoint: e.viewpoint,
                    metonym_of: e.metonym_of,
                    domains: e.domains,
                })
            })
            .collect::<Result<Vec<Entity>, E>>()?;
        let by_id = (entities.iter().enumerate())
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let mut kb = KnowledgeBase {
            entities,
            by_id,
            blocs: self.blocs,
            viewpoints: self.viewpoints,
            fallback_viewpoint: self.fallback_viewpoint,
            gazetteer,
            stance: self.stance.lexicon()?,
            speech: self.speech.lexicon()?,
            negation: self.negation.lexicon()?,
            hedges: self.hedges.lexicon()?,
            titles: self.titles.lexicon()?,
            framing: self.framing.lexicon()?.with_every_capital(),
            relations: self.relations.lexicon()?,
            collectives: self.collectives.lexicon()?,
            acts: self.acts.lexicon()?,
            stance_profile: self.stance_profile,
            scanner: Scanner::empty(),
        };
        let transducer = self.transducer.map(|b| b.0);
        kb.scanner = Scanner::with_transducer(kb.scanned(), transducer)
            .ok_or_else(|| E::custom("the transducer is not one of the patterns"))?;
        Ok(kb)
    }
}

/// A knowledge base is written in its compact form (`Compact`).
impl Serialize for KnowledgeBase {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Compact::of(self)
            .map_err(serde::ser::Error::custom)?
            .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for KnowledgeBase {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<KnowledgeBase, D::Error> {
        Compact::<Option<Bytes<Vec<u8>>>>::deserialize(deserializer)?.knowledge_base()
    }
}

/// The built-in knowledge base compiled from the data files, in its compact form:
/// `entity_files` are the files of `data/kb/`. What build.rs embeds; the error names every
/// problem of the data with its file and line.
#[cfg(any(all(test, feature = "builtin-texts"), not(parallax_out_dir)))]
pub(crate) fn compile_builtin(entity_files: &[(&str, &str)]) -> Result<Vec<u8>, String> {
    let files = super::build::Files::with_entity_files(entity_files);
    let kb = KnowledgeBase::build(&files, &[]).map_err(|errors| {
        let list: Vec<&str> = errors.iter().map(|e| e.message()).collect();
        format!("{} problem(s) in data/:\n{}", list.len(), list.join("\n"))
    })?;
    postcard::to_allocvec(&kb).map_err(|e| format!("the knowledge base could not be written: {e}"))
}

#[cfg(all(test, feature = "builtin-texts"))]
mod tests {
    use super::*;
    use crate::kb::build::{Files, ENTITY_FILES};
    use crate::kb::{AliasRole, Hit, Lexicon};
    use crate::text::Text;

    /// The embedded form is what the data files compile to now, and what it loads into
    /// writes back the same.
    #[test]
    fn embedded_form_is_the_data_files_compiled() {
        let compiled = compile_builtin(ENTITY_FILES).expect("the built-in data is valid");
        assert!(
            compiled == EMBEDDED,
            "compiled {} bytes, embedded {}",
            compiled.len(),
            EMBEDDED.len()
        );
        let loaded = KnowledgeBase::builtin().expect("the embedded form loads");
        let written = postcard::to_allocvec(&loaded).expect("it writes");
        assert!(written == EMBEDDED, "written {} bytes", written.len());
    }

    #[test]
    fn a_damaged_form_is_an_error() {
        let cut = &EMBEDDED[..EMBEDDED.len() / 2];
        let err = KnowledgeBase::from_compact(cut).err().expect("an error");
        assert!(err.message().contains("rebuild Parallax"), "{err}");
    }

    /// What the compact form stores in short (an id that is its name's slug, a name that
    /// is an alias) and what it stores whole come back the same.
    #[test]
    fn a_knowledge_base_round_trips() {
        let overlay = crate::kb::Overlay {
            entities: "qorvex | Qorvex Institute | organization | - | Qorvex; QI\n\
                       tehran | - | - | - | Tehrān*"
                .into(),
            ..Default::default()
        };
        let mut kb = KnowledgeBase::with_overlay(&overlay).expect("valid");
        let last = kb.entities.len() - 1;
        kb.entities[last].name = "Named by No Alias".into();
        let bytes = postcard::to_allocvec(&kb).expect("it writes");
        let back = KnowledgeBase::from_compact(&bytes).expect("it reads");
        assert_eq!(format!("{:?}", back.entities), format!("{:?}", kb.entities));
        assert_eq!(back.entities[last].id, "qorvex");
        assert_eq!(back.index_of("qorvex"), Some(last));
        let t = Text::new("The Qorvex Institute (QI) met Tehrāni officials in Tehran.");
        assert_eq!(
            shown(&back.hits(&t).gazetteer),
            shown(&kb.hits(&t).gazetteer)
        );
        assert_eq!(back.hits(&t).gazetteer.len(), 4);
        let rows = |lexicon: &Lexicon<(usize, AliasRole)>| -> Vec<String> {
            lexicon.rows().map(|(p, v)| format!("{p} {v:?}")).collect()
        };
        assert_eq!(rows(&back.gazetteer), rows(&kb.gazetteer));
        assert!(rows(&kb.gazetteer)
            .iter()
            .any(|r| r.starts_with("Tehrān* ")));
    }

    /// Texts made of a lexicon's patterns, a few at a time, joined and cased in ways that
    /// test the word boundaries and the capitalisation rules.
    fn texts_of<T>(lexicon: &Lexicon<T>) -> Vec<String> {
        let patterns: Vec<&str> = lexicon.patterns().map(|(p, _)| p).collect();
        let mut out = Vec::new();
        for run in patterns.chunks(5) {
            let text = run.join(" said that ");
            out.push(format!("{}, {text}x and {}.", run[0], run[run.len() - 1]));
            out.push(text.to_uppercase());
            out.push(text.to_lowercase());
        }
        out
    }

    fn shown<T: std::fmt::Debug>(hits: &[Hit<T>]) -> String {
        format!("{hits:?}")
    }

    /// The knowledge base loaded from the embedded form and the one built from the same
    /// files at run time hold the same knowledge and find the same hits in every lexicon
    /// on texts made of every pattern.
    #[test]
    fn embedded_and_built_knowledge_bases_agree() {
        let embedded = KnowledgeBase::builtin().expect("the embedded form loads");
        let built = KnowledgeBase::build(&Files::builtin(), &[]).expect("the data is valid");
        assert_eq!(
            format!("{:?}", embedded.entities),
            format!("{:?}", built.entities)
        );
        for (i, e) in built.entities.iter().enumerate() {
            assert_eq!(embedded.index_of(&e.id), Some(i), "{}", e.id);
        }
        assert_eq!(embedded.blocs, built.blocs);
        assert_eq!(
            format!("{:?}", embedded.viewpoints),
            format!("{:?}", built.viewpoints)
        );
        assert_eq!(embedded.fallback_viewpoint(), built.fallback_viewpoint());
        assert_eq!(embedded.stance_profile, built.stance_profile);
        let mut texts = vec![
            "Tehran warned Baku, officials said, according to the IRGC.".to_string(),
            "The Zionist regime is not likely to accuse Azerbaijan of sanctions.".to_string(),
        ];
        texts.extend(texts_of(&built.gazetteer));
        texts.extend(texts_of(&built.stance));
        texts.extend(texts_of(&built.speech));
        texts.extend(texts_of(&built.negation));
        texts.extend(texts_of(&built.hedges));
        texts.extend(texts_of(&built.titles));
        texts.extend(texts_of(&built.framing));
        texts.extend(texts_of(&built.relations));
        texts.extend(texts_of(&built.collectives));
        texts.extend(texts_of(&built.acts));
        let mut found = 0;
        for text in &texts {
            let t = Text::new(text);
            let (a, b) = (embedded.hits(&t), built.hits(&t));
            let lists = [
                (shown(&a.gazetteer), shown(&b.gazetteer)),
                (shown(&a.stance), shown(&b.stance)),
                (shown(&a.speech), shown(&b.speech)),
                (shown(&a.negation), shown(&b.negation)),
                (shown(&a.hedges), shown(&b.hedges)),
                (shown(&a.titles), shown(&b.titles)),
                (shown(&a.framing), shown(&b.framing)),
                (shown(&a.relations), shown(&b.relations)),
                (shown(&a.collectives), shown(&b.collectives)),
                (shown(&a.acts), shown(&b.acts)),
            ];
            for (a, b) in lists {
                assert_eq!(a, b, "in {text:?}");
            }
            found += b.gazetteer.len() + b.stance.len() + b.framing.len() + b.acts.len();
            assert_eq!(embedded.scan(text), built.scan(text), "{text:?}");
        }
        assert!(found > texts.len(), "the texts find little: {found}");
    }
}
