//! The built-in knowledge base in a compact form: compiled from the data files at compile
//! time by build.rs, with this crate's own code (`compile_builtin`), written in postcard's
//! serde format and embedded, so that start-up reads it without parsing a data file,
//! folding a pattern or building the transducer (kept as its bytes). The user's overlays
//! are still built from the data files at run time (`KnowledgeBase::with_overlay`).

use super::KnowledgeBase;
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
    /// A knowledge base from its compact form; the index by id is rebuilt.
    fn from_compact(bytes: &[u8]) -> Result<KnowledgeBase, Error> {
        let mut kb: KnowledgeBase = postcard::from_bytes(bytes).map_err(|e| {
            Error::data(&format!(
                "the built-in knowledge base could not be read ({e}): rebuild Parallax"
            ))
        })?;
        kb.by_id = (kb.entities.iter().enumerate())
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        Ok(kb)
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
    use crate::kb::{Hit, Lexicon};
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
