//! What the stages found in one text: the analyzer builds it, the report reads it (so the
//! report does not depend on the analyzer).

use crate::attribution::Attribution;
use crate::entities::Entities;
use crate::stance::Statement;
use crate::viewpoint::ViewpointResult;

/// Everything found in one text, with byte spans.
#[derive(Debug)]
pub struct Analysis {
    pub entities: Entities,
    pub attributions: Vec<Attribution>,
    pub statements: Vec<Statement>,
    /// How many statements the text had, and how many were kept under the caps
    /// (`MAX_STATEMENTS` and `statement_budget`).
    pub statements_found: usize,
    pub statements_kept: usize,
    pub viewpoint: ViewpointResult,
}
