//! Any text at all: analysis never panics, every span is in bounds and slices the
//! original, and prepending text shifts every span by its length.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use parallax::{Analyzer, Meta, Report, Units};
use proptest::prelude::*;

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| Analyzer::new().unwrap())
}

fn report(text: &str) -> Report {
    analyzer().report(text, &Meta::default(), Units::CodePoints)
}

fn assert_spans_slice(text: &str, r: &Report) {
    let chars: Vec<char> = text.chars().collect();
    for m in &r.mentions {
        assert!(m.start < m.end && m.end <= chars.len(), "mention in bounds");
        assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
    }
    for s in &r.statements {
        assert!(
            s.start < s.end && s.end <= chars.len(),
            "statement in bounds"
        );
        for c in &s.cues {
            assert_eq!(chars[c.start..c.end].iter().collect::<String>(), c.text);
        }
    }
    for e in &r.viewpoint.evidence {
        assert!(e.start <= e.end && e.end <= chars.len());
    }
}

/// Text that looks like the subject: names, cues, quotes and odd Unicode.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Iran",
        "Tehran",
        "Baku",
        "Israel",
        "the Zionist regime",
        "said",
        "warned",
        "\u{201C}",
        "\u{201D}",
        "\"",
        "according to",
        "Hikmət Hacıyev",
        "threat",
        "partner",
        "not",
        ". ",
        ", ",
        "\n",
        " ",
        "😀",
        "\u{2014}",
        "U.S.",
        "Dr.",
        "İ",
        "ß",
        "\u{0301}",
        "Ilham Aliyev",
        "(BESA)",
        "Ministry of",
        "Iranian cleric",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_unicode_never_panics_and_spans_slice(text in "\\PC{0,300}") {
        let r = report(&text);
        assert_spans_slice(&text, &r);
    }

    #[test]
    fn newsy_text_spans_slice(text in newsy()) {
        let r = report(&text);
        assert_spans_slice(&text, &r);
    }

    #[test]
    fn lossy_random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..500)) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let r = report(&text);
        assert_spans_slice(&text, &r);
    }

    #[test]
    fn a_prefix_shifts_every_mention(text in newsy()) {
        let prefix = "Preface line.\n\n";
        let shift = prefix.chars().count();
        let a = report(&text);
        let b = report(&format!("{prefix}{text}"));
        let moved: Vec<(usize, usize, String)> = a.mentions.iter().map(|m| (m.start + shift, m.end + shift, m.entity.clone())).collect();
        let got: Vec<(usize, usize, String)> = b.mentions.iter().map(|m| (m.start, m.end, m.entity.clone())).collect();
        prop_assert_eq!(got, moved);
    }
}

#[test]
fn edge_cases_never_panic() {
    let cases = [
        String::new(),
        " \n\t ".to_string(),
        "a".repeat(1 << 20),
        "\u{201C}".repeat(10_000),
        "\"".repeat(10_000),
        "Iran ".repeat(20_000),
        "U.S. ".repeat(5_000),
    ];
    for text in &cases {
        let r = report(text);
        assert_spans_slice(text, &r);
    }
}
