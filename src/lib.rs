//! Parallax: who says what about whom in geopolitical news.
//!
//! The core is plain Rust, in stages that each take the previous one's output:
//!
//! 1. [`text`] — folding with an offset map, sentences, words (byte spans), and [`doc`],
//!    the document model: the text with every lexicon's hits, found once;
//! 2. [`entities`] — knowledge-base names, unknown names, metonymy, per-document aliases;
//! 3. [`attribution`] — who expresses each sentence;
//! 4. [`stance`] — holder → target attitudes with their cue words;
//! 5. [`viewpoint`] — the side the article is written from, with its evidence;
//! 6. [`decide`] — a learned model keeps and signs the stances the rules propose.
//!
//! [`Analyzer`] composes them; [`report`] turns the result into the contract's object
//! with offsets in the caller's units. [`ingest`] turns files (text, Markdown, HTML, in
//! any of the usual encodings) into article text. Two thin edges use the core: the
//! `parallax` command line (`src/main.rs`) and the wasm module (`src/wasm.rs`).
//!
//! ```
//! use parallax::{Analyzer, Meta, Units};
//! let analyzer = Analyzer::new().unwrap();
//! let report = analyzer.report("Tehran warned Baku.", &Meta::default(), Units::CodePoints);
//! assert!(report.entities.iter().any(|e| e.id == "iran"));
//! ```

pub mod analysis;
pub mod analyzer;
pub mod attribution;
pub mod decide;
pub mod doc;
pub mod entities;
pub mod error;
pub(crate) mod grammar;
pub mod ingest;
pub mod kb;
pub mod model;
pub mod report;
pub mod stance;
pub mod text;
pub mod viewpoint;

/// The JavaScript edge (wasm32 only).
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analysis::Analysis;
pub use analyzer::Analyzer;
pub use error::{Error, ErrorKind};
pub use report::{Meta, Report, Units};
