//! The five seed articles end to end: golden files (one stable line per mention and per
//! statement; `BLESS=1 cargo test --test seeds` rewrites them, and the diff is reviewed),
//! plus what must hold whatever the golden files say.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write;
use std::path::{Path, PathBuf};

use parallax::{Analyzer, Meta, Report, Units};

fn seeds() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("seeds/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

fn analyze(path: &Path) -> (String, Report) {
    let text = std::fs::read_to_string(path).unwrap();
    let report = Analyzer::new()
        .unwrap()
        .report(&text, &Meta::default(), Units::CodePoints);
    (text, report)
}

/// One line per mention and per statement, stable across runs.
fn render(text: &str, report: &Report) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    writeln!(out, "viewpoint {}", report.viewpoint.label).unwrap();
    for m in &report.mentions {
        writeln!(
            out,
            "mention {}..{} {:?} -> {}",
            m.start, m.end, m.text, m.entity
        )
        .unwrap();
    }
    for s in &report.statements {
        let targets: Vec<String> = s
            .targets
            .iter()
            .map(|t| format!("{}{:+.2}", t.entity, t.polarity))
            .collect();
        let cues: Vec<&str> = s.cues.iter().map(|c| c.text.as_str()).collect();
        let first: String = chars[s.start..s.end.min(s.start + 60)].iter().collect();
        writeln!(
            out,
            "statement {}..{} {} ({}) -> {} cues {:?} | {:?}",
            s.start,
            s.end,
            s.holder,
            s.voice,
            targets.join(" "),
            cues,
            first
        )
        .unwrap();
    }
    out
}

#[test]
fn seeds_match_their_golden_files() {
    let golden_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("BLESS").is_some();
    let mut stale = Vec::new();
    for path in seeds() {
        let (text, report) = analyze(&path);
        let got = render(&text, &report);
        let golden = golden_dir.join(path.file_name().unwrap());
        if bless {
            std::fs::create_dir_all(&golden_dir).unwrap();
            std::fs::write(&golden, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        if want != got {
            stale.push(golden.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "output changed for {stale:?}: review with `BLESS=1 cargo test --test seeds` and git diff"
    );
}

#[test]
fn every_span_slices_the_seed_text() {
    for path in seeds() {
        let (text, report) = analyze(&path);
        let chars: Vec<char> = text.chars().collect();
        for m in &report.mentions {
            let s: String = chars[m.start..m.end].iter().collect();
            assert_eq!(s, m.text, "{}", path.display());
        }
        for s in &report.statements {
            assert!(s.start < s.end && s.end <= chars.len());
            for c in &s.cues {
                assert!(
                    s.start <= c.start && c.end <= s.end,
                    "cue inside its statement"
                );
            }
        }
    }
}

#[test]
fn seeds_find_the_main_actors() {
    for path in seeds() {
        let (_, report) = analyze(&path);
        let ids: Vec<&str> = report.entities.iter().map(|e| e.id.as_str()).collect();
        for id in ["iran", "israel", "azerbaijan"] {
            assert!(ids.contains(&id), "{} lacks {id}: {ids:?}", path.display());
        }
        assert!(
            !report.statements.is_empty(),
            "{} has statements",
            path.display()
        );
    }
}

#[test]
fn the_iran_aligned_seed_reads_as_iranian() {
    // The IUVM Press article (SOURCES.md: Iran-aligned) calls Israel "the Zionist regime".
    let path = seeds()
        .into_iter()
        .find(|p| p.to_string_lossy().contains("002_"))
        .unwrap();
    let (_, report) = analyze(&path);
    assert_eq!(report.viewpoint.label, "iranian");
    assert!(report
        .viewpoint
        .evidence
        .iter()
        .any(|e| e.kind == "epithet"));
}
