//! Hostile inputs: what a reader might drop that makes a stage grow faster than its input.
//!
//! Two kinds, each made at any size:
//! - the inputs of issue 8 ("Mossad (" repeated, an epithet repeated after a sentence,
//!   `<div/>` nested 100,000 deep, CR-only line ends);
//! - every pattern of the knowledge base (aliases and epithets, every cue lexicon, and
//!   the bracketed-acronym pattern after each organisation and outlet) repeated, each in a
//!   run of its own, joined in the ways that stress the stages: one endless sentence,
//!   many short sentences, commas, brackets.
//!
//! The same inputs seed the fuzzers (`./build.sh fuzz` writes them with
//! `HOSTILE_SEEDS=dir cargo test --test hostile write_fuzz_seeds`).

use parallax::kb::{AliasRole, EntityType, KnowledgeBase};

/// One generated file.
pub struct Input {
    /// What it is, for failure messages and seed file names.
    pub name: String,
    /// The name it is ingested under (its extension decides the format).
    pub file_name: &'static str,
    pub bytes: Vec<u8>,
}

/// `piece` repeated until the text is `size` bytes long (cut at a char boundary).
fn repeat_to(prefix: &str, piece: &str, suffix: &str, size: usize) -> Vec<u8> {
    let mut out = String::with_capacity(size + piece.len());
    out.push_str(prefix);
    while out.len() + piece.len() + suffix.len() <= size {
        out.push_str(piece);
    }
    out.push_str(suffix);
    out.into_bytes()
}

/// The inputs issue 8 reported, at about `size` bytes each.
pub fn issue_inputs(size: usize) -> Vec<Input> {
    vec![
        Input {
            name: "acronym bracket after a name ('Mossad (' repeated)".into(),
            file_name: "mossad.txt",
            bytes: repeat_to("", "Mossad (", "", size),
        },
        Input {
            name: "an epithet repeated in one sentence ('Zionists ' repeated)".into(),
            file_name: "zionists.txt",
            bytes: repeat_to("Iran condemned Zionists. ", "Zionists ", "", size),
        },
        Input {
            name: "self-closing <div/> nested without end".into(),
            file_name: "divs.html",
            bytes: repeat_to(
                "<html><body>",
                "<div/>",
                "Iran warned Baku.</body></html>",
                size,
            ),
        },
        Input {
            name: "many parties paired by relationship words in one sentence".into(),
            file_name: "pairs.txt",
            bytes: repeat_to("", &pairs_in_one_sentence(), ".", size),
        },
        Input {
            name: "CR-only line ends".into(),
            file_name: "carriage-returns.txt",
            bytes: repeat_to(
                "",
                "Tehran warned Baku.\rIran said no to Israel.\r",
                "",
                size,
            ),
        },
    ]
}

/// "ties between Iran and Georgia, friendship between Turkey and Armenia, …": every
/// state a holder of a statement that lists the others (found by the fuzzer: output grew
/// with the square of the sentence).
fn pairs_in_one_sentence() -> String {
    const STATES: &[&str] = &[
        "Iran",
        "Israel",
        "Turkey",
        "Russia",
        "Georgia",
        "Armenia",
        "Azerbaijan",
        "China",
        "France",
        "Egypt",
        "Qatar",
        "Pakistan",
    ];
    const WORDS: &[&str] = &["ties", "friendship", "rivalry", "alliance", "tensions"];
    let mut out = String::new();
    for (i, a) in STATES.iter().enumerate() {
        for (j, b) in STATES.iter().enumerate().skip(i + 1) {
            let word = WORDS[(i + j) % WORDS.len()];
            out.push_str(&format!("{word} between {a} and {b}, "));
        }
    }
    out
}

/// How runs of one pattern are joined: each stresses a different stage.
pub const JOINS: &[(&str, &str)] = &[
    // One sentence as long as the file: every per-sentence loop sees all of it.
    ("space", " "),
    // Sentences as short as they come: per-sentence costs add up.
    ("period", ". "),
    ("comma", ", "),
    // An unclosed bracket after each (the acronym look-ahead).
    ("bracket", " ("),
    ("line", "\n"),
];

/// Every pattern of one kind of the knowledge base, as written.
pub struct Family {
    pub name: &'static str,
    pub patterns: Vec<String>,
}

/// Every kind of pattern of the knowledge base.
pub fn families(kb: &KnowledgeBase) -> Vec<Family> {
    fn strings<'a, T: 'a>(it: impl Iterator<Item = (&'a str, &'a T)>) -> Vec<String> {
        it.map(|(p, _)| p.to_string()).collect()
    }
    let mut aliases = Vec::new();
    let mut epithets = Vec::new();
    let mut bracketed = Vec::new();
    for (pattern, (entity, role)) in kb.gazetteer.patterns() {
        match role {
            AliasRole::Epithet { .. } => epithets.push(pattern.to_string()),
            AliasRole::Name => aliases.push(pattern.to_string()),
        }
        // "Begin-Sadat Center for Strategic Studies (BESA)": the per-document acronym.
        if matches!(
            kb.entity(*entity).kind,
            EntityType::Organization | EntityType::Media
        ) {
            bracketed.push(format!("{pattern} (ABCD)"));
        }
    }
    vec![
        Family {
            name: "alias",
            patterns: aliases,
        },
        Family {
            name: "epithet",
            patterns: epithets,
        },
        Family {
            name: "bracketed acronym",
            patterns: bracketed,
        },
        Family {
            name: "stance cue",
            patterns: strings(kb.stance.patterns()),
        },
        Family {
            name: "speech cue",
            patterns: strings(kb.speech.patterns()),
        },
        Family {
            name: "negation",
            patterns: strings(kb.negation.patterns()),
        },
        Family {
            name: "hedge",
            patterns: strings(kb.hedges.patterns()),
        },
        Family {
            name: "title",
            patterns: strings(kb.titles.patterns()),
        },
        Family {
            name: "viewpoint cue",
            patterns: strings(kb.framing.patterns()),
        },
        Family {
            name: "relation",
            patterns: strings(kb.relations.patterns()),
        },
        Family {
            name: "collective",
            patterns: strings(kb.collectives.patterns()),
        },
        Family {
            name: "hostile act",
            patterns: strings(kb.acts.patterns()),
        },
    ]
}

/// Every knowledge-base pattern repeated, for each way of joining them: each pattern in a
/// run of its own (its share of `size`, at least `MIN_REPEATS` times), the runs cut into
/// files of `size` bytes.
/// A family with few patterns gives one file per join; a large one gives several, so that
/// every pattern is repeated in some file.
/// Only the joins named in `joins` are made.
pub fn knowledge_base_inputs(kb: &KnowledgeBase, size: usize, joins: &[&str]) -> Vec<Input> {
    let mut out = Vec::new();
    for family in families(kb) {
        assert!(
            !family.patterns.is_empty(),
            "{} has patterns in the knowledge base",
            family.name
        );
        let share = size / family.patterns.len();
        for (join_name, join) in JOINS.iter().filter(|j| joins.contains(&j.0)) {
            let mut text = String::with_capacity(size);
            let mut part = 0;
            let mut flush = |text: &mut String| {
                if !text.is_empty() {
                    out.push(Input {
                        name: format!("every {} joined by {join_name}, part {part}", family.name),
                        file_name: "patterns.txt",
                        bytes: std::mem::take(text).into_bytes(),
                    });
                    part += 1;
                }
            };
            for pattern in &family.patterns {
                let piece = format!("{pattern}{join}");
                let reps = (share / piece.len()).max(MIN_REPEATS);
                for _ in 0..reps {
                    text.push_str(&piece);
                }
                if text.len() >= size {
                    flush(&mut text);
                }
            }
            // A short last part is repeated whole: every file is about `size` bytes.
            if !text.is_empty() {
                let again = text.clone();
                while text.len() + again.len() <= size {
                    text.push_str(&again);
                }
                flush(&mut text);
            }
        }
    }
    out
}

/// Fewest times a pattern is repeated in its run.
const MIN_REPEATS: usize = 3;
