//! Every input in `tests/regressions/` (fuzzer findings and hand-made hostile files) goes
//! through ingest and analysis: no panic, every mention slices the analysed text, and the
//! report grows at most linearly with the input (as `fuzz/fuzz_targets/oracle.rs` asks).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use parallax::ingest::{ingest, Limits};
use parallax::{Analyzer, Meta, Units};

/// As `fuzz/fuzz_targets/oracle.rs`: at most 20 bytes of JSON per byte of input, plus a
/// fixed allowance for small inputs.
const MAX_OUTPUT_RATIO: usize = 20;
const SLACK: usize = 64 * 1024;

#[test]
fn regression_inputs_ingest_and_analyse_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let analyzer = Analyzer::new().unwrap();
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/regressions exists") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let text = match ingest(&bytes, &name, &Limits::default()) {
            Ok(article) => article.text,
            Err(_) => String::from_utf8_lossy(&bytes).into_owned(),
        };
        let report = analyzer.report(&text, &Meta::default(), Units::CodePoints);
        let json = serde_json::to_vec(&report).unwrap();
        let input = bytes.len().max(text.len());
        assert!(
            json.len() <= MAX_OUTPUT_RATIO * input + SLACK,
            "{}: {} bytes of JSON for {input} bytes",
            path.display(),
            json.len()
        );
        let chars: Vec<char> = text.chars().collect();
        for m in &report.mentions {
            assert_eq!(
                chars[m.start..m.end].iter().collect::<String>(),
                m.text,
                "{}",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 2, "the hand-made inputs are there");
}
