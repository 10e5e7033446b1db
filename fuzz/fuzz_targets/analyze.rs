//! Any bytes, decoded lossily: analysis never panics, every mention slices the text, and
//! the report's JSON and the CPU time taken stay linear in the input (`oracle.rs`).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use parallax::{Analyzer, Meta, Units};

mod oracle;

fuzz_target!(|data: &[u8]| {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    let analyzer = ANALYZER.get_or_init(|| Analyzer::new().expect("built-in knowledge base"));
    let started = oracle::thread_cpu_seconds();
    let text = String::from_utf8_lossy(data);
    let report = analyzer.report(&text, &Meta::default(), Units::CodePoints);
    oracle::check_cpu(data.len(), oracle::thread_cpu_seconds() - started);
    oracle::check(data.len(), &text, &report);
});
