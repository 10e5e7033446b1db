//! The HTML ingest against fifteen pages of Firefox's reader-view test suite (vendored
//! beside this file with their licence). Tolerances, stated once:
//!
//! - text: the F1 of lower-cased word tokens against `expected.html` is at least
//!   [`MIN_PAGE_F1`] on every page and [`MIN_MEAN_F1`] on average (Parallax puts the
//!   headline first, which Readability's text does not have);
//! - title: exactly the expected title (whitespace collapsed) on every page;
//! - byline: the expected byline on at least [`MIN_BYLINE_SHARE`] of the pages that have one.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::path::PathBuf;

use parallax::ingest::{ingest, Limits};

const MIN_PAGE_F1: f64 = 0.93;
const MIN_MEAN_F1: f64 = 0.97;
const MIN_BYLINE_SHARE: f64 = 0.8;

fn pages() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/readability/pages");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the vendored pages exist")
        .map(|entry| entry.unwrap().path())
        .collect();
    pages.sort();
    pages
}

/// Lower-cased runs of letters, digits and `_` (Python's `\w+`), counted.
fn tokens(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
    {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

fn f1(got: &HashMap<String, usize>, expected: &HashMap<String, usize>) -> f64 {
    let overlap: usize = got
        .iter()
        .map(|(word, n)| (*n).min(expected.get(word).copied().unwrap_or(0)))
        .sum();
    if overlap == 0 {
        return 0.0;
    }
    let precision = overlap as f64 / got.values().sum::<usize>() as f64;
    let recall = overlap as f64 / expected.values().sum::<usize>() as f64;
    2.0 * precision * recall / (precision + recall)
}

/// The text of `expected.html`, scripts and styles removed.
fn expected_text(html: &str) -> String {
    let document = dom_query::Document::from(html);
    document.select("script, style").remove();
    document.root().text().to_string()
}

fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn reader_view_pages_give_their_text_title_and_byline() {
    let pages = pages();
    assert_eq!(pages.len(), 15);
    let mut scores = Vec::new();
    let (mut bylines, mut bylines_right) = (0usize, 0usize);
    for page in &pages {
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let source = std::fs::read(page.join("source.html")).unwrap();
        let expected = std::fs::read_to_string(page.join("expected.html")).unwrap();
        let metadata: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(page.join("expected-metadata.json")).unwrap(),
        )
        .unwrap();
        let article = ingest(&source, "source.html", &Limits::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let score = f1(&tokens(&article.text), &tokens(&expected_text(&expected)));
        assert!(
            score >= MIN_PAGE_F1,
            "{name}: F1 {score:.3}\n{}",
            article.text
        );
        scores.push(score);
        let title = metadata["title"].as_str().unwrap();
        assert_eq!(
            article.title.as_deref().map(collapsed),
            Some(collapsed(title)),
            "{name}"
        );
        if let Some(byline) = metadata["byline"].as_str() {
            bylines += 1;
            bylines_right += usize::from(
                article.meta.author.as_deref().map(collapsed) == Some(collapsed(byline)),
            );
        }
    }
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    assert!(mean >= MIN_MEAN_F1, "mean F1 {mean:.3}");
    assert!(bylines > 0);
    assert!(
        bylines_right as f64 >= MIN_BYLINE_SHARE * bylines as f64,
        "{bylines_right} of {bylines} bylines"
    );
}
