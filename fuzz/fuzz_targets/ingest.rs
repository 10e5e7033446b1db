//! Any bytes as a dropped file (as HTML, Markdown and text): ingest never panics, and
//! what it accepts analyses as `analyze` does (`oracle.rs`).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use parallax::ingest::{ingest, Limits};
use parallax::{Analyzer, Meta, Units};

mod oracle;

fuzz_target!(|data: &[u8]| {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    let analyzer = ANALYZER.get_or_init(|| Analyzer::new().expect("built-in knowledge base"));
    for name in ["page.html", "note.md", "article.txt"] {
        let started = oracle::thread_cpu_seconds();
        if let Ok(article) = ingest(data, name, &Limits::default()) {
            let report = analyzer.report(&article.text, &Meta::default(), Units::CodePoints);
            oracle::check_cpu(
                data.len().max(article.text.len()),
                oracle::thread_cpu_seconds() - started,
            );
            oracle::check(data.len().max(article.text.len()), &article.text, &report);
        }
    }
});
