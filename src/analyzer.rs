//! The one place the stages are composed: text → entities → attribution → stance →
//! viewpoint → decide.

use crate::attribution::{attribute, Attribution};
use crate::decide::decide;
use crate::entities::{extract, Entities};
use crate::error::Error;
use crate::kb::KnowledgeBase;
use crate::report::{self, Meta, Report, Units};
use crate::stance::{stances, Statement};
use crate::text::Text;
use crate::viewpoint::{classify, SourceHints, ViewpointResult};

/// Everything found in one text, with byte spans.
#[derive(Debug)]
pub struct Analysis {
    pub entities: Entities,
    pub attributions: Vec<Attribution>,
    pub statements: Vec<Statement>,
    pub viewpoint: ViewpointResult,
}

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

    pub fn knowledge_base(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// Analyses any text; never fails.
    pub fn analyze(&self, text: &str, meta: &Meta) -> Analysis {
        let text = Text::new(text);
        let entities = extract(&self.kb, &text);
        let attributions = attribute(&self.kb, &text, &entities);
        let statements = stances(&self.kb, &text, &entities, &attributions);
        let hints = SourceHints {
            outlet: meta.outlet.as_deref(),
            url: meta.url.as_deref(),
            author: meta.author.as_deref(),
        };
        let viewpoint = classify(
            &self.kb,
            &text,
            &entities,
            &attributions,
            &statements,
            &hints,
        );
        let statements = decide(
            &self.kb,
            &text,
            &entities,
            &attributions,
            statements,
            &viewpoint,
        );
        Analysis {
            entities,
            attributions,
            statements,
            viewpoint,
        }
    }

    /// Analyses a text into the contract's object, offsets in `units`.
    pub fn report(&self, text: &str, meta: &Meta, units: Units) -> Report {
        let analysis = self.analyze(text, meta);
        report::build(&self.kb, text, meta, &analysis, units)
    }
}
