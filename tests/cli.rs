//! The command line as the scorer and batch users call it: JSON Lines in the order given,
//! code-point offsets, a message naming each file it cannot use, and a failing status.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn prints_one_line_per_file_in_order_with_code_point_offsets() {
    let dir = temp_dir("order");
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    // Curly quotes, an em dash, an emoji and Azerbaijani letters before the names.
    std::fs::write(
        &a,
        "\u{201C}Hi\u{201D} \u{2014} 😀 Hikmət Hacıyev said Tehran warned Baku.",
    )
    .unwrap();
    std::fs::write(&b, "Israel and Azerbaijan are partners.").unwrap();
    let out = cli().arg("analyze").arg(&a).arg(&b).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["source"].as_str().unwrap().ends_with("a.txt"));
    assert!(lines[1]["source"].as_str().unwrap().ends_with("b.txt"));
    assert_code_point_mentions(&std::fs::read_to_string(&a).unwrap(), &lines[0]);
}

/// Every mention of `report` slices `text` by code points to its own text, and Iran is one.
fn assert_code_point_mentions(text: &str, report: &serde_json::Value) {
    let text: Vec<char> = text.chars().collect();
    let mentions = report["mentions"].as_array().unwrap();
    assert!(
        mentions.iter().any(|m| m["entity"] == "iran"),
        "{mentions:?}"
    );
    for m in mentions {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[s..e].iter().collect::<String>(),
            m["text"].as_str().unwrap()
        );
    }
}

#[test]
fn an_unusable_file_is_named_the_others_printed_and_the_status_fails() {
    let dir = temp_dir("errors");
    let good = dir.join("good.txt");
    let pdf = dir.join("report.txt");
    std::fs::write(&good, "Tehran warned Baku.").unwrap();
    std::fs::write(&pdf, b"%PDF-1.7\n\x00\x01\x02binary").unwrap();
    let missing = dir.join("missing.txt");
    let out = cli()
        .arg("analyze")
        .arg(&missing)
        .arg(&good)
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing.txt"), "{stderr}");
    assert!(
        stderr.contains("report.txt") && stderr.contains("PDF"),
        "{stderr}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.lines().count(),
        1,
        "the readable file is still printed"
    );
    assert!(stdout.contains("good.txt"));
}

#[test]
fn a_sidecar_gives_metadata() {
    let dir = temp_dir("sidecar");
    let text = dir.join("note.txt");
    std::fs::write(&text, "The talks were held on Monday.").unwrap();
    std::fs::write(
        dir.join("note.txt.meta.json"),
        r#"{"outlet": "Tehran Times"}"#,
    )
    .unwrap();
    let out = cli().arg("analyze").arg(&text).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["viewpoint"]["label"], "iranian");
}

#[test]
fn usage_without_files() {
    let out = cli().arg("analyze").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: parallax analyze FILE"));
}

fn run_with_stdin(args: &[&str], input: &str) -> std::process::Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = cli()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_dash_reads_one_article_from_standard_input() {
    let out = run_with_stdin(
        &["analyze", "-"],
        "Tehran warned Baku.\n\nIsrael said nothing.",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 1);
    let ids: Vec<&str> = lines[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"iran") && ids.contains(&"israel"), "{ids:?}");
}

#[test]
fn jsonl_writes_one_report_per_line_and_names_bad_lines() {
    let input = concat!(
        r#"{"id": "a1", "text": "“Hi” — 😀 Hikmət Hacıyev said Tehran warned Baku.", "outlet": "Tehran Times", "date": "2024-01-02"}"#,
        "\n",
        "not json\n",
        "\n",
        r#"{"id": 7, "text": "Israel and Azerbaijan are partners.", "url": "https://www.jpost.com/x"}"#,
        "\n",
    );
    let out = run_with_stdin(&["analyze", "--jsonl"], input);
    assert_eq!(out.status.code(), Some(1), "a bad line fails the run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("stdin:2:"), "{stderr}");
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 2, "the good lines are still analysed");
    assert_eq!(lines[0]["source"], "a1");
    assert_eq!(lines[0]["meta"]["outlet"], "Tehran Times");
    assert_eq!(lines[1]["source"], "7");
    assert_code_point_mentions(
        "“Hi” — 😀 Hikmət Hacıyev said Tehran warned Baku.",
        &lines[0],
    );
}

#[test]
fn jsonl_reads_files_in_order() {
    let dir = temp_dir("jsonl");
    let a = dir.join("a.jsonl");
    let b = dir.join("b.jsonl");
    std::fs::write(&a, "{\"id\": \"x\", \"text\": \"Iran warned Israel.\"}\n").unwrap();
    std::fs::write(&b, "{\"id\": \"y\", \"text\": \"Baku answered.\"}").unwrap();
    let out = cli()
        .args(["analyze", "--jsonl"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert!(out.status.success());
    let sources: Vec<String> = json_lines(&out.stdout)
        .iter()
        .map(|l| l["source"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(sources, ["x", "y"]);
}

#[test]
fn jsonl_answers_each_line_before_the_input_ends() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    let mut child = cli()
        .args(["analyze", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    for id in ["first", "second"] {
        writeln!(
            stdin,
            "{{\"id\": \"{id}\", \"text\": \"Tehran warned Baku.\"}}"
        )
        .unwrap();
        stdin.flush().unwrap();
        line.clear();
        // Blocks until the report is written: with the input still open, only a
        // streaming reader can answer.
        stdout.read_line(&mut line).unwrap();
        let report: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(report["source"], id);
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}
