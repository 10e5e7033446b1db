//! `parallax analyze --format csv|mentions|annotations|html`: each export read back by a real
//! parser (the `csv` crate; serde_json and the Web Annotation model's required shape; the
//! HTML checked for its CSP, its escaping and the absence of any script).
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-export-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// An article with curly quotes, an emoji, a comma, a quote and markup in its sentences.
const ARTICLE: &str = "\u{201C}Hikmət Hacıyev\u{201D} \u{2014} 😀 Tehran warned Baku over its ties with Israel, a spokesman said.\n\nIsrael and Azerbaijan are \"strategic partners\" <b>now</b>, Baku said.\n";

fn run(format: &str, files: &[&PathBuf]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("analyze")
        .arg("--format")
        .arg(format)
        .args(files)
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn article(dir: &str) -> PathBuf {
    let path = temp_dir(dir).join("a.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    path
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn json_report(path: &PathBuf) -> Value {
    serde_json::from_str(ok(&run("json", &[path])).trim()).unwrap()
}

#[test]
fn stance_edges_csv_round_trips_with_source_and_target_first() {
    let a = article("edges");
    let b = article("edges-b");
    let report = json_report(&a);
    let text = ok(&run("csv", &[&a, &b]));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&header[..4], ["Source", "Target", "Type", "Weight"]);
    for col in [
        "holder",
        "holder bloc",
        "voice",
        "target",
        "target bloc",
        "polarity",
        "rule",
        "article",
        "evidence",
    ] {
        assert!(header.iter().any(|h| h == col), "column {col}");
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let want: usize = report["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            s["targets"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|t| t["entity"] != s["holder"])
                .count()
        })
        .sum();
    assert!(want > 0, "the article has stances");
    assert_eq!(rows.len(), 2 * want, "one header, then both files' edges");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for row in &rows {
        let (start, end) = (
            row[col("start")].parse().unwrap(),
            row[col("end")].parse().unwrap(),
        );
        assert_eq!(
            slice(ARTICLE, start, end),
            &row[col("evidence")],
            "evidence is the text at its offsets"
        );
        assert!(row[col("polarity")].parse::<f32>().is_ok());
    }
    assert!(
        rows.iter()
            .any(|r| r[col("evidence")].contains("\"strategic partners\"")),
        "quotes survive"
    );
}

#[test]
fn mentions_csv_round_trips() {
    let a = article("mentions");
    let report = json_report(&a);
    let text = ok(&run("mentions", &[&a]));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mentions = report["mentions"].as_array().unwrap();
    assert_eq!(rows.len(), mentions.len());
    for (row, m) in rows.iter().zip(mentions) {
        assert_eq!(&row[1], m["entity"].as_str().unwrap());
        assert_eq!(&row[5], m["text"].as_str().unwrap());
        assert_eq!(
            slice(ARTICLE, row[6].parse().unwrap(), row[7].parse().unwrap()),
            &row[5]
        );
    }
}

#[test]
fn annotations_have_the_model_shape_and_their_selectors_find_the_text() {
    let a = article("annotations");
    let text = ok(&run("annotations", &[&a, &a]));
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "one collection per file and line");
    let doc = &lines[0];
    assert_eq!(doc["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(doc["type"], "AnnotationCollection");
    assert_eq!(
        doc["dcterms:source"]["value"], ARTICLE,
        "the text travels with them"
    );
    let items = doc["first"]["items"].as_array().unwrap();
    assert_eq!(doc["total"].as_u64().unwrap() as usize, items.len());
    assert!(items.len() > 3);
    let mut ids = std::collections::HashSet::new();
    for item in items {
        let id = item["id"].as_str().unwrap();
        assert!(id.contains(':') && !id.contains(' '), "an IRI: {id}");
        assert!(ids.insert(id.to_string()), "unique: {id}");
        assert_eq!(item["type"], "Annotation");
        let target = &item["target"];
        assert!(target["source"]
            .as_str()
            .unwrap()
            .starts_with("urn:parallax:article:"));
        let quote = &target["selector"][0];
        let position = &target["selector"][1];
        assert_eq!(quote["type"], "TextQuoteSelector");
        assert_eq!(position["type"], "TextPositionSelector");
        let (start, end) = (
            position["start"].as_u64().unwrap() as usize,
            position["end"].as_u64().unwrap() as usize,
        );
        let exact = quote["exact"].as_str().unwrap();
        assert!(!exact.is_empty());
        assert_eq!(slice(ARTICLE, start, end), exact);
        let around = format!(
            "{}{}{}",
            quote["prefix"].as_str().unwrap(),
            exact,
            quote["suffix"].as_str().unwrap()
        );
        assert!(
            ARTICLE.contains(&around),
            "prefix and suffix are the text around it"
        );
        for body in item["body"].as_array().unwrap() {
            assert_eq!(body["type"], "TextualBody");
            assert!(body["value"].is_string());
        }
    }
    assert!(
        items
            .iter()
            .any(|i| i["body"][0]["value"].as_str().unwrap().contains('\u{2192}')),
        "statements name holder and target"
    );
}

#[test]
fn html_report_is_standalone_strict_and_escaped() {
    let a = article("html");
    let html = ok(&run("html", &[&a]));
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-"));
    assert!(!html.to_lowercase().contains("<script"), "no script");
    assert!(!html.contains("<b>now</b>"), "markup in the text is text");
    assert!(html.contains("&lt;b&gt;now&lt;/b&gt;"));
    assert!(html.contains("&quot;strategic partners&quot;"));
    assert!(html.contains("Hikmət Hacıyev"));
    assert!(
        html.contains("class=\"tag"),
        "statements carry their marker"
    );
    // The tags balance: every element opened in the article is closed in order.
    let article = &html[html.find("<article>").unwrap()..html.find("</article>").unwrap()];
    let mut stack = Vec::new();
    for part in article.split('<').skip(1) {
        let name: String = part
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        if part.starts_with('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.as_str()),
                "balanced: {article}"
            );
        } else if name != "br" && name != "article" {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "{stack:?}");
}

#[test]
fn format_usage_errors_say_what_to_do() {
    let a = article("usage");
    let out = run("html", &[&a, &a]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("give one FILE"));
    let out = run("pdf", &[&a]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown format \"pdf\""));
}
