//! Any bytes as a dropped file: ingest never panics, and what it accepts analyses as
//! `analyze` does (`oracle.rs`).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use parallax::ingest::{ingest, Limits};
use parallax::{Analyzer, Meta, Units};

mod oracle;

/// The format an input is read as: HTML when it starts with a tag (as a browser sniffs),
/// else Markdown or plain text by its length's parity, so that every kind of content
/// reaches both. One format per unit, not all three: three times the executions.
fn file_name(data: &[u8]) -> &'static str {
    match data.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'<') => "page.html",
        _ if data.len() % 2 == 0 => "note.md",
        _ => "article.txt",
    }
}

fuzz_target!(|data: &[u8]| {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    let analyzer = ANALYZER.get_or_init(|| Analyzer::new().expect("built-in knowledge base"));
    let started = oracle::thread_cpu_seconds();
    if let Ok(article) = ingest(data, file_name(data), &Limits::default()) {
        let report = analyzer.report(&article.text, &Meta::default(), Units::CodePoints);
        let input_len = data.len().max(article.text.len());
        oracle::check_cpu(input_len, oracle::thread_cpu_seconds() - started);
        oracle::check(input_len, &article.text, &report);
    }
});
