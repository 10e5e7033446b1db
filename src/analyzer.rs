//! The one place the stages are composed: text → entities → attribution → stance →
//! viewpoint → decide.

use crate::attribution::{attribute, Attribution};
use crate::decide::decide;
use crate::doc::Doc;
use crate::entities::{extract, Entities};
use crate::error::Error;
use crate::kb::KnowledgeBase;
use crate::report::{self, Meta, Report, Units};
use crate::stance::{stances, Statement};
use crate::viewpoint::{classify, SourceHints, ViewpointResult};

/// Everything found in one text, with byte spans.
#[derive(Debug)]
pub struct Analysis {
    pub entities: Entities,
    pub attributions: Vec<Attribution>,
    pub statements: Vec<Statement>,
    /// How many statements the text had before the cap of `MAX_STATEMENTS`.
    pub statements_found: usize,
    pub viewpoint: ViewpointResult,
}

/// Most statements analysed per document. An article has a few hundred at most; a text
/// with more is a list or a repeated phrase, and its report says it was cut
/// (`Report::notes`). Each statement's viewpoint evidence copies its sentence, so this
/// also bounds that.
pub const MAX_STATEMENTS: usize = 1_000;

/// Built once (it compiles the knowledge base), then used for any number of texts.
pub struct Analyzer {
    kb: KnowledgeBase,
}

impl Analyzer {
    /// An analyzer over the built-in knowledge base.
    pub fn new() -> Result<Analyzer, Error> {
        Ok(Analyzer {
            kb: KnowledgeBase::builtin()?,
        })
    }

    /// An analyzer over a knowledge base of one's own (the built-in one with the user's
    /// files laid over it: `KnowledgeBase::with_overlay`).
    pub fn with_knowledge_base(kb: KnowledgeBase) -> Analyzer {
        Analyzer { kb }
    }

    pub fn knowledge_base(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// Analyses any text; never fails.
    pub fn analyze(&self, text: &str, meta: &Meta) -> Analysis {
        let doc = Doc::new(&self.kb, text);
        let entities = extract(&self.kb, &doc);
        let attributions = attribute(&self.kb, &doc, &entities);
        let mut statements = stances(&self.kb, &doc, &entities, &attributions);
        let statements_found = statements.len();
        statements.truncate(MAX_STATEMENTS);
        let hints = SourceHints {
            outlet: meta.outlet.as_deref(),
            url: meta.url.as_deref(),
            author: meta.author.as_deref(),
        };
        let viewpoint = classify(
            &self.kb,
            &doc,
            &entities,
            &attributions,
            &statements,
            &hints,
        );
        let statements = decide(
            &self.kb,
            &doc,
            &entities,
            &attributions,
            statements,
            &viewpoint,
        );
        Analysis {
            entities,
            attributions,
            statements,
            statements_found,
            viewpoint,
        }
    }

    /// Analyses a text into the contract's object, offsets in `units`.
    pub fn report(&self, text: &str, meta: &Meta, units: Units) -> Report {
        let analysis = self.analyze(text, meta);
        report::build(&self.kb, text, meta, &analysis, units)
    }
}
