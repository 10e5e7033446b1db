//! The one place the stages are composed: text → entities → attribution → stance →
//! viewpoint → decide.

use crate::analysis::Analysis;
use crate::attribution::attribute;
use crate::decide::decide;
use crate::doc::Doc;
use crate::entities::extract;
use crate::error::Error;
use crate::kb::KnowledgeBase;
use crate::report::{self, Meta, Report, Units};
use crate::stance::{stances, Statement};
use crate::viewpoint::{classify, SourceHints};

/// Most statements analysed per document. An article has a few hundred at most; a text
/// with more is a list or a repeated phrase, and its report says it was cut
/// (`Report::notes`). Each statement's viewpoint evidence copies its sentence, so this
/// also bounds that.
pub const MAX_STATEMENTS: usize = 1_000;

/// Report bytes a statement may cost per byte of text, over a fixed allowance. A
/// sentence naming many parties gives each a statement listing the others, and each
/// statement an excerpt of the sentence: without a budget that grows with the square of
/// the sentence. Articles use a small part of it.
const STATEMENT_BYTES_PER_BYTE: usize = 6;
const STATEMENT_BYTES_ALLOWANCE: usize = 16 * 1024;

/// Cuts `statements` to the caps (`MAX_STATEMENTS`, then the report budget of a
/// `text_len`-byte text); returns how many there were.
pub fn cap_statements(statements: &mut Vec<Statement>, text_len: usize) -> usize {
    let found = statements.len();
    statements.truncate(MAX_STATEMENTS);
    statements.truncate(statement_budget(statements, text_len));
    found
}

/// How many of `statements`, in order, fit the report budget of a `text_len`-byte text:
/// what each costs in the report (its fields, its excerpt there and in the viewpoint
/// evidence, its targets and cues), estimated from above.
fn statement_budget(statements: &[Statement], text_len: usize) -> usize {
    let budget = STATEMENT_BYTES_ALLOWANCE + STATEMENT_BYTES_PER_BYTE * text_len;
    let mut spent = 0;
    for (i, s) in statements.iter().enumerate() {
        let excerpt = s.span.len().min(4 * crate::report::MAX_EXCERPT);
        let cues: usize = s.cues.iter().map(|c| 64 + c.span.len()).sum();
        spent += 160 + 2 * excerpt + 96 * s.targets.len() + cues;
        if spent > budget {
            return i;
        }
    }
    statements.len()
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
        let statements_found = cap_statements(&mut statements, text.len());
        let statements_kept = statements.len();
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
            statements_kept,
            viewpoint,
        }
    }

    /// Analyses a text into the contract's object, offsets in `units`.
    pub fn report(&self, text: &str, meta: &Meta, units: Units) -> Report {
        let analysis = self.analyze(text, meta);
        report::build(&self.kb, text, meta, &analysis, units)
    }

    /// The same report as JSON text, written without an owned copy of each string
    /// (`report::to_json`): what the edges send on.
    pub fn report_json(&self, text: &str, meta: &Meta, units: Units) -> String {
        let analysis = self.analyze(text, meta);
        report::to_json(&self.kb, text, meta, &analysis, units)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::Holder;
    use crate::stance::{Cue, Target};
    use crate::text::Span;

    fn statement(sentence: Span, targets: usize, cues: usize) -> Statement {
        Statement {
            span: sentence,
            holder: Holder::Author,
            targets: (0..targets)
                .map(|entity| Target {
                    entity,
                    polarity: -0.5,
                })
                .collect(),
            cues: (0..cues)
                .map(|i| Cue {
                    span: Span::new(i * 4, i * 4 + 3),
                    polarity: -0.5,
                })
                .collect(),
            rule: "author-cue",
        }
    }

    #[test]
    fn the_statement_budget_grows_with_the_text_not_its_square() {
        let sentence = Span::new(0, 2_000);
        let crowded: Vec<Statement> = (0..500).map(|_| statement(sentence, 60, 60)).collect();
        for text_len in [2_000, 20_000, 200_000] {
            let kept = statement_budget(&crowded, text_len);
            let excerpt = 2_000.min(4 * crate::report::MAX_EXCERPT);
            let cost = kept * (160 + 2 * excerpt + 96 * 60 + 60 * (64 + 3));
            assert!(
                cost <= STATEMENT_BYTES_ALLOWANCE + STATEMENT_BYTES_PER_BYTE * text_len,
                "{text_len}: {kept}"
            );
            assert!(kept < crowded.len(), "{text_len}: {kept}");
        }
        // An article's few statements are all kept.
        let article: Vec<Statement> = (0..40)
            .map(|_| statement(Span::new(0, 200), 2, 2))
            .collect();
        assert_eq!(statement_budget(&article, 8_000), article.len());
    }
}
