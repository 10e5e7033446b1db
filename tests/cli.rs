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
    let text: Vec<char> = std::fs::read_to_string(&a).unwrap().chars().collect();
    let mentions = lines[0]["mentions"].as_array().unwrap();
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
