//! Every input in `tests/regressions/` (fuzzer crashes and hand-made hostile files) goes
//! through ingest and analysis: no panic, and every mention slices the analysed text.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use parallax::ingest::{ingest, Limits};
use parallax::{Analyzer, Meta, Units};

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
