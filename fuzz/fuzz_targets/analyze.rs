//! Any bytes, decoded lossily: analysis never panics and every mention slices the text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use parallax::{Analyzer, Meta, Units};

fuzz_target!(|data: &[u8]| {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    let analyzer = ANALYZER.get_or_init(|| Analyzer::new().expect("built-in knowledge base"));
    let text = String::from_utf8_lossy(data);
    let report = analyzer.report(&text, &Meta::default(), Units::CodePoints);
    let chars: Vec<char> = text.chars().collect();
    for m in &report.mentions {
        assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
    }
});
