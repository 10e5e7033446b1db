//! What every fuzz target checks of a report, besides not panicking: spans slice the
//! text, and the JSON grows at most linearly with the input (issue 8).

use parallax::Report;

/// Most bytes of JSON per byte of input, as `tests/hostile` asks of large inputs.
const MAX_OUTPUT_RATIO: usize = 20;
/// Allowed on top for small inputs: the fixed part of a report (its viewpoints) and the
/// densest mentions ("US US US…": 64 bytes of JSON per 3-byte mention, until the cap of
/// `parallax::report::MAX_MENTIONS`). Quadratic growth passes it within a few kilobytes.
const SLACK: usize = 64 * 1024;

pub fn check(input_len: usize, text: &str, report: &Report) {
    let chars: Vec<char> = text.chars().collect();
    for m in &report.mentions {
        assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
    }
    let json = serde_json::to_vec(report).expect("a report always serialises");
    assert!(
        json.len() <= MAX_OUTPUT_RATIO * input_len + SLACK,
        "{} bytes of JSON for {input_len} bytes of input",
        json.len()
    );
}
