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

    /// This knowledge base in its compact form, which `from_compiled` reads: how the HTML
    /// module hands a knowledge base with the user's overlay, built there, to the main
    /// module, which leaves the builder out (a smaller first load).
    pub fn to_compiled(&self) -> Result<Vec<u8>, Error> {
        postcard::to_allocvec(self)
            .map_err(|e| Error::data(&format!("the knowledge base could not be written: {e}")))
    }

    /// A knowledge base from the compact form `to_compiled` wrote.
    pub fn from_compiled(bytes: &[u8]) -> Result<KnowledgeBase, Error> {
        postcard::from_bytes(bytes).map_err(|e| {
            Error::data(&format!(
                "the compiled knowledge could not be read ({e}): compile it again"
            ))
        })
    }
}

/// What is stored, each string once: the scanner's transducer as its bytes, with the
/// entries each of its keys stands for; a lexicon's patterns as their spellings of those
/// keys (`spelling`: "Islamic Republic of Iran" is `TTlT`, what the folded key
/// "islamic republic of iran" lacks), one a line, in the order of the data files; an
/// entity's name as the alias that spells it, its id only where it is not the name's
/// `slug`. Rebuilt at start-up: the patterns, their case rules, the index by id. (With
/// the patterns written out and the members found again by folding them, the form was
/// 108 kB gzipped; spelled so, 97 kB, and start-up folds and sorts nothing.)
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
    /// The scanner's transducer (`None` for a scanner of few keys, whose patterns are
    /// then written out), as its bytes: `Option<Bytes<&[u8]>>` when written,
    /// `Option<Bytes<Vec<u8>>>` when read.
    transducer: S,
    /// How many entries each of the transducer's keys stands for, in key order…
    key_counts: Vec<u32>,
    /// …and which: the members of the scanner (`Scanner`: lexicon after lexicon), a
    /// permutation, which gzip cannot shrink, so packed in as few bits each as the
    /// largest needs (`Packed`: 14 where postcard writes two bytes).
    members: Packed,
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

/// Numbers packed in as many bits each as the largest needs (at least one): one byte for
/// that width, then the numbers' bits, lowest first (a last number's bits short of a
/// byte are 0s).
struct Packed(Vec<u32>);

impl Packed {
    fn bytes(&self) -> Vec<u8> {
        let width = (32 - self.0.iter().max().map_or(0, |m| m.leading_zeros())).max(1);
        let mut bytes = vec![width as u8];
        let (mut bits, mut held) = (0u64, 0);
        for &n in &self.0 {
            bits |= u64::from(n) << held;
            held += width;
            while held >= 8 {
                bytes.push(bits as u8);
                (bits, held) = (bits >> 8, held - 8);
            }
        }
        if held > 0 {
            bytes.push(bits as u8);
        }
        bytes
    }

    /// The numbers `bytes` wrote (`None` if the bytes are not such), `count` of them.
    fn of(bytes: &[u8], count: usize) -> Option<Packed> {
        let (&width, bytes) = bytes.split_first()?;
        let width = u32::from(width);
        let bits = count.checked_mul(width as usize)?;
        if !(1..=32).contains(&width) || bytes.len() != bits.div_ceil(8) {
            return None;
        }
        let mask = (1u64 << width) - 1;
        let mut numbers = Vec::with_capacity(count);
        let (mut bits, mut held, mut next) = (0u64, 0, bytes.iter());
        for _ in 0..count {
            while held < width {
                bits |= u64::from(*next.next()?) << held;
                held += 8;
            }
            numbers.push((bits & mask) as u32);
            (bits, held) = (bits >> width, held - width);
        }
        Some(Packed(numbers))
    }
}

/// Written as how many numbers, then their bytes.
impl Serialize for Packed {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (self.0.len(), Bytes(&self.bytes()[..])).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Packed {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Packed, D::Error> {
        let (count, bytes) = <(usize, Bytes<Vec<u8>>)>::deserialize(deserializer)?;
        Packed::of(&bytes.0, count)
            .ok_or_else(|| serde::de::Error::custom("numbers wrongly packed"))
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

/// A lexicon: the spellings of its patterns (`spelling`), one a line, and their values.
#[derive(Serialize, Deserialize)]
struct Rows<T> {
    spellings: String,
    values: Vec<T>,
}

impl<T: Clone> Rows<T> {
    /// Spelled from their keys if `keyed` (a scanner with a transducer), else written out.
    fn of(lexicon: &Lexicon<T>, keyed: bool) -> Result<Rows<T>, String> {
        let keys: Vec<&str> = match keyed {
            true => lexicon.keys().map(|(k, _)| k).collect(),
            false => Vec::new(),
        };
        let mut spellings = String::new();
        let mut values = Vec::with_capacity(lexicon.len());
        for (i, (pattern, value)) in lexicon.rows().enumerate() {
            if pattern.contains('\n') {
                return Err(format!("the pattern {pattern:?} has a line break"));
            }
            if i > 0 {
                spellings.push('\n');
            }
            match keys.get(i) {
                Some(key) => spellings.push_str(&spelling(&pattern, key)),
                None => {
                    spellings.push('=');
                    spellings.push_str(&pattern);
                }
            }
            values.push(value.clone());
        }
        Ok(Rows { spellings, values })
    }

    /// The lexicon whose members follow on from `next(its length)`, `key(member)` the
    /// member's key.
    fn keyed<'k, E: serde::de::Error>(
        self,
        next: &mut impl FnMut(usize) -> usize,
        key: &impl Fn(usize) -> Option<&'k str>,
    ) -> Result<Lexicon<T>, E> {
        let at = next(self.values.len());
        self.lexicon(|e| key(at + e))
    }

    /// `key(e)`: entry `e`'s key, if the patterns are spelled from keys.
    fn lexicon<'k, E: serde::de::Error>(
        self,
        key: impl Fn(usize) -> Option<&'k str>,
    ) -> Result<Lexicon<T>, E> {
        let Rows { spellings, values } = self;
        let empty = values.is_empty();
        let patterns = (spellings.split('\n').filter(|_| !empty).enumerate())
            .map(|(e, line)| {
                spelled(line, key(e)).ok_or_else(|| E::custom("a pattern's spelling is wrong"))
            })
            .collect::<Result<Vec<String>, E>>()?;
        if patterns.len() != values.len() {
            return Err(E::custom(
                "a lexicon's patterns and values differ in number",
            ));
        }
        Ok(Lexicon::compiled(patterns.into_iter().zip(values)))
    }
}

/// How a pattern as `Lexicon::rows` gives it (a trailing `*` for a prefix) spells its
/// folded `key`: a letter per word of the key (split at spaces), `l` as it is, `T` with
/// its first letter a capital, `U` all capitals (ASCII letters only), none at all for
/// the key itself; then `*` for a prefix. Any other pattern (accents, hyphens, "McCain")
/// is written out after a `=`.
fn spelling(pattern: &str, key: &str) -> String {
    let (body, star) = match pattern.strip_suffix('*') {
        Some(body) => (body, "*"),
        None => (pattern, ""),
    };
    let mut code = String::new();
    if body != key && body.split(' ').count() == key.split(' ').count() {
        for (w, k) in body.split(' ').zip(key.split(' ')) {
            let letter = if w == k {
                'l'
            } else if *w == capitalised(k) {
                'T'
            } else if w == k.to_ascii_uppercase() {
                'U'
            } else {
                code.clear();
                break;
            };
            code.push(letter);
        }
    }
    code.push_str(star);
    if spelled(&code, Some(key)).as_deref() == Some(pattern) {
        code
    } else {
        format!("={pattern}")
    }
}

/// The pattern a `spelling` stands for, given its key (`None` if it has none).
fn spelled(line: &str, key: Option<&str>) -> Option<String> {
    if let Some(pattern) = line.strip_prefix('=') {
        return Some(pattern.to_string());
    }
    let key = key?;
    let (code, star) = match line.strip_suffix('*') {
        Some(code) => (code, true),
        None => (line, false),
    };
    let mut out = String::with_capacity(key.len() + 1);
    if code.is_empty() {
        out.push_str(key);
    } else {
        if code.len() != key.split(' ').count() {
            return None;
        }
        for (i, (letter, k)) in code.bytes().zip(key.split(' ')).enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let from = out.len();
            out.push_str(k);
            match letter {
                b'l' => {}
                b'T' => capitalise(&mut out[from..]),
                b'U' => out[from..].make_ascii_uppercase(),
                _ => return None,
            }
        }
    }
    if star {
        out.push('*');
    }
    Some(out)
}

/// `word` with its first letter a capital (an ASCII one).
fn capitalised(word: &str) -> String {
    let mut out = word.to_string();
    capitalise(&mut out);
    out
}

fn capitalise(word: &mut str) {
    if let Some(first) = word.get_mut(..1) {
        first.make_ascii_uppercase();
    }
}

/// The gazetteer's values: each alias's entity as the difference from the one before
/// (aliases are listed entity by entity), the epithets' roles apart.
#[derive(Serialize, Deserialize)]
struct Gazetteer {
    spellings: String,
    entity_steps: Vec<i32>,
    /// `(entry, viewpoints, weight, polarity)` of every epithet; the others are names.
    epithets: Vec<(u32, ViewpointSet, f32, f32)>,
}

impl Gazetteer {
    fn of(lexicon: &Lexicon<(usize, AliasRole)>, keyed: bool) -> Result<Gazetteer, String> {
        let Rows { spellings, values } = Rows::of(lexicon, keyed)?;
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
            spellings,
            entity_steps,
            epithets,
        })
    }

    fn lexicon<'k, E: serde::de::Error>(
        self,
        key: impl Fn(usize) -> Option<&'k str>,
    ) -> Result<Lexicon<(usize, AliasRole)>, E> {
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
            spellings: self.spellings,
            values,
        }
        .lexicon(key)
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
        let transducer = kb.scanner.transducer_bytes();
        let keyed = transducer.is_some();
        let (key_counts, members) = match keyed {
            true => Scanner::key_members(kb.scanned()),
            false => (Vec::new(), Vec::new()),
        };
        Ok(Compact {
            entities,
            blocs: kb.blocs.clone(),
            viewpoints: kb.viewpoints.clone(),
            fallback_viewpoint: kb.fallback_viewpoint,
            stance_profile: kb.stance_profile.clone(),
            gazetteer: Gazetteer::of(&kb.gazetteer, keyed)?,
            stance: Rows::of(&kb.stance, keyed)?,
            speech: Rows::of(&kb.speech, keyed)?,
            negation: Rows::of(&kb.negation, keyed)?,
            hedges: Rows::of(&kb.hedges, keyed)?,
            titles: Rows::of(&kb.titles, keyed)?,
            framing: Rows::of(&kb.framing, keyed)?,
            relations: Rows::of(&kb.relations, keyed)?,
            collectives: Rows::of(&kb.collectives, keyed)?,
            acts: Rows::of(&kb.acts, keyed)?,
            transducer: transducer.map(Bytes),
            key_counts,
            members: Packed(members),
        })
    }
}

impl Compact<Option<Bytes<Vec<u8>>>> {
    fn knowledge_base<E: serde::de::Error>(self) -> Result<KnowledgeBase, E> {
        let transducer = self.transducer.map(|b| b.0);
        let members = self.members.0;
        let keys = match &transducer {
            Some(bytes) => transducer_keys(bytes)?,
            None => Vec::new(),
        };
        // Each member's key (its number among the keys).
        let wrong = || E::custom("the transducer's members are wrong");
        let mut key_of = vec![u32::MAX; members.len()];
        let mut at = 0;
        for (k, &n) in self.key_counts.iter().enumerate() {
            let members = members.get(at..at + n as usize).ok_or_else(wrong)?;
            for &m in members {
                *key_of.get_mut(m as usize).ok_or_else(wrong)? = k as u32;
            }
            at += n as usize;
        }
        if keys.len() != self.key_counts.len() || at != members.len() {
            return Err(wrong());
        }
        let key = |member: usize| -> Option<&str> {
            let k = *key_of.get(member)?;
            keys.get(k as usize).map(String::as_str)
        };
        // Lexicon after lexicon, in the scanner's order: their members follow on.
        let mut base = 0;
        let mut next = |len: usize| {
            base += len;
            base - len
        };
        let at = next(self.gazetteer.entity_steps.len());
        let gazetteer = self.gazetteer.lexicon(|e| key(at + e))?;
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
            stance: self.stance.keyed(&mut next, &key)?,
            speech: self.speech.keyed(&mut next, &key)?,
            negation: self.negation.keyed(&mut next, &key)?,
            hedges: self.hedges.keyed(&mut next, &key)?,
            titles: self.titles.keyed(&mut next, &key)?,
            framing: self.framing.keyed(&mut next, &key)?.with_every_capital(),
            relations: self.relations.keyed(&mut next, &key)?,
            collectives: self.collectives.keyed(&mut next, &key)?,
            acts: self.acts.keyed(&mut next, &key)?,
            stance_profile: self.stance_profile,
            scanner: Scanner::empty(),
        };
        kb.scanner = match transducer {
            // The pairs of key and member in key order, as the transducer was built of.
            Some(bytes) => {
                let mut pairs = Vec::with_capacity(members.len());
                let mut at = 0;
                for (key, &n) in keys.iter().zip(&self.key_counts) {
                    let members = &members[at..at + n as usize];
                    pairs.extend(members.iter().map(|&m| (key.as_str(), m)));
                    at += n as usize;
                }
                Scanner::with_members(kb.scanned(), pairs, bytes).ok_or_else(wrong)?
            }
            None => Scanner::new(kb.scanned()),
        };
        Ok(kb)
    }
}

/// The keys of a transducer, in order: its nodes walked depth first, each decoded once
/// (twice as fast as its stream).
fn transducer_keys<E: serde::de::Error>(bytes: &[u8]) -> Result<Vec<String>, E> {
    let fst = fst::raw::Fst::new(bytes).map_err(E::custom)?;
    let mut keys = Vec::with_capacity(fst.len());
    let mut key = Vec::new();
    let root = fst.root();
    if root.is_final() {
        keys.push(String::new());
    }
    // Each node on the way down with the number of its transitions taken; `key` holds
    // the inputs of the way.
    let mut way = vec![(root, 0)];
    while let Some((node, taken)) = way.last_mut() {
        if *taken == node.len() {
            way.pop();
            key.pop();
            continue;
        }
        let t = node.transition(*taken);
        *taken += 1;
        key.push(t.inp);
        let next = fst.node(t.addr);
        if next.is_final() {
            keys.push(String::from_utf8(key.clone()).map_err(E::custom)?);
        }
        way.push((next, 0));
    }
    Ok(keys)
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

    /// A spelling and the pattern it gives back, from the key the pattern folds to.
    #[test]
    fn spellings_give_their_patterns_back() {
        let cases = [
            ("islamic republic of iran", "", "islamic republic of iran"),
            ("Republic of Iran", "TlT", "republic of iran"),
            ("IRGC", "U", "irgc"),
            ("IRGC Navy", "UT", "irgc navy"),
            ("sanction*", "*", "sanction"),
            ("Azerbaijan*", "T*", "azerbaijan"),
            ("McCain", "=McCain", "mccain"),
            ("Tehrān*", "=Tehrān*", "tehran"),
            ("Porto-Novo", "=Porto-Novo", "porto-novo"),
            ("2020 Summit", "lT", "2020 summit"),
        ];
        for (pattern, spelled_as, key) in cases {
            assert_eq!(spelling(pattern, key), spelled_as, "{pattern}");
            assert_eq!(spelled(spelled_as, Some(key)).as_deref(), Some(pattern));
        }
        assert_eq!(spelled("TT", Some("one")), None);
        assert_eq!(spelled("T", None), None);
        assert_eq!(spelled("=Written", None).as_deref(), Some("Written"));
    }

    /// Numbers come back from their packing as they were, at every width.
    #[test]
    fn packed_numbers_come_back() {
        let cases: Vec<Vec<u32>> = vec![
            vec![],
            vec![0],
            vec![0, 0, 0],
            vec![1, 0, 1, 1, 0, 1, 0, 0, 1],
            (0..10_000).rev().collect(),
            vec![u32::MAX, 0, 7, u32::MAX - 1],
            (0..300)
                .map(|i: u32| i.wrapping_mul(2_654_435_761) >> (i % 32))
                .collect(),
        ];
        for numbers in cases {
            let bytes = Packed(numbers.clone()).bytes();
            assert_eq!(
                Packed::of(&bytes, numbers.len()).map(|p| p.0),
                Some(numbers.clone())
            );
            let written = postcard::to_allocvec(&Packed(numbers.clone())).unwrap();
            let read: Packed = postcard::from_bytes(&written).unwrap();
            assert_eq!(read.0, numbers);
            if !numbers.is_empty() && bytes.len() > 1 {
                assert!(Packed::of(&bytes[..bytes.len() - 1], numbers.len()).is_none());
                assert!(Packed::of(&bytes, numbers.len() + 8).is_none());
            }
        }
        assert_eq!(Packed(vec![10_000; 8]).bytes().len(), 1 + 14);
        assert!(Packed::of(&[33, 0, 0, 0, 0, 0], 1).is_none());
        assert!(Packed::of(&[], 0).is_none());
        assert!(Packed::of(&[0], 1 << 40).is_none(), "no width of 0");
        assert!(Packed::of(&[1, 0], usize::MAX).is_none());
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

    /// A knowledge base with the user's overlay, compiled (as the HTML module does for the
    /// page) and read back (as the main module does), analyses as the one built: the same
    /// reports, byte for byte.
    #[test]
    fn a_compiled_overlay_analyses_as_the_built_one() {
        use crate::{Analyzer, Meta, Units};
        let overlay = crate::kb::Overlay {
            blocs: "gulf | Gulf states | ✦ | 9 | -".into(),
            entities: "qorvex_institute | Qorvex Institute | organization | gulf | Qorvex; QI\n\
                       iran | - | - | - | Zorbland; Tehrān*\n\
                       zed_ruler | Zed Ruler | person | israel | Ruler Zed"
                .into(),
            cues: "iron fist | israeli | 1\nsandy kingdoms | israeli | 2".into(),
        };
        let built = KnowledgeBase::with_overlay(&overlay).expect("valid");
        let bytes = built.to_compiled().expect("it writes");
        let read = KnowledgeBase::from_compiled(&bytes).expect("it reads");
        assert_eq!(read.to_compiled().expect("it writes again"), bytes);
        let (a, b) = (
            Analyzer::with_knowledge_base(built),
            Analyzer::with_knowledge_base(read),
        );
        let texts = [
            "Zorbland warned Baku, officials said. The Qorvex Institute (QI) criticized Israel.",
            "Ruler Zed said the iron fist of the sandy kingdoms would not stop Tehrāni talks.",
            "Israel's prime minister rejected the sanctions, Iran's foreign ministry said.",
        ];
        for text in texts {
            for units in [Units::Utf16, Units::CodePoints] {
                let meta = Meta::default();
                assert_eq!(
                    a.report_json(text, &meta, units),
                    b.report_json(text, &meta, units)
                );
            }
        }
        assert!(a
            .report_json(texts[0], &Meta::default(), Units::Utf16)
            .contains("qorvex_institute"));
        assert!(KnowledgeBase::from_compiled(&bytes[..bytes.len() / 2]).is_err());
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
