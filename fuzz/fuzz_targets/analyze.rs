//! Any bytes, decoded lossily: analysis never panics, every mention slices the text, and
//! the report's JSON stays linear in the input (`oracle.rs`). Slowness is caught by
//! libFuzzer's `-timeout` (`./build.sh fuzz`).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use parallax::{Analyzer, Meta, Units};

mod oracle;

fuzz_target!(|data: &[u8]| {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    let analyzer = ANALYZER.get_or_init(|| Analyzer::new().expect("built-in knowledge base"));
    let text = String::from_utf8_lossy(data);
    let report = analyzer.report(&text, &Meta::default(), Units::CodePoints);
    oracle::check(data.len(), &text, &report);
});
