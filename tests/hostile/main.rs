//! Linear time and linear output on hostile input (issue 8): every generated input goes
//! through ingest, analysis and JSON as the command line does, and its JSON is at most
//! `MAX_OUTPUT_RATIO` times its size. A generous wall-clock guard catches what is
//! quadratic (speed itself is measured by `./build.sh bench`).
//!
//! `cargo test` (debug) runs the 100 KB inputs; `cargo test --release --test hostile`
//! runs them all, at 100 KB and 1 MB (each 1 MB input in under 10 s).
#![cfg(not(target_arch = "wasm32"))]

mod inputs;

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use inputs::Input;
use parallax::ingest::{ingest, Limits};
use parallax::{Analyzer, Meta, Units};

/// Most bytes of JSON per byte of input.
const MAX_OUTPUT_RATIO: usize = 20;

/// Wall-clock guard of a release build per MB of input, and for any smaller input: ten
/// times what the issue asks of the release CLI, because a busy machine stretches wall
/// time (a quadratic stage blows through it at 1 MB).
const RELEASE_GUARD_PER_MB: Duration = Duration::from_secs(10);

/// The guard of an unoptimised build per 100 KB (it runs only that size): "Mossad ("
/// repeated took 72 s here before it was made linear.
const DEBUG_GUARD_PER_100_KB: Duration = Duration::from_secs(25);

const KB_100: usize = 100 * 1024;
const MB_1: usize = 1024 * 1024;

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| Analyzer::new().unwrap())
}

fn all_joins() -> Vec<&'static str> {
    inputs::JOINS.iter().map(|j| j.0).collect()
}

fn sizes() -> &'static [usize] {
    if cfg!(debug_assertions) {
        &[KB_100]
    } else {
        &[KB_100, MB_1]
    }
}

fn budget(bytes: usize) -> Duration {
    let (guard, per) = if cfg!(debug_assertions) {
        (DEBUG_GUARD_PER_100_KB, KB_100)
    } else {
        (RELEASE_GUARD_PER_MB, MB_1)
    };
    guard.mul_f64((bytes as f64 / per as f64).max(1.0))
}

/// What the command line does with a file: ingest (as text when ingest refuses it), then
/// analysis and JSON. Returns the JSON's length and the time taken.
fn run(input: &Input) -> (usize, Duration) {
    let started = Instant::now();
    let text = match ingest(&input.bytes, input.file_name, &Limits::default()) {
        Ok(article) => article.text,
        Err(_) => String::from_utf8_lossy(&input.bytes).into_owned(),
    };
    let report = analyzer().report(&text, &Meta::default(), Units::CodePoints);
    let json = serde_json::to_vec(&report).expect("a report always serialises");
    (json.len(), started.elapsed())
}

/// Runs every input and fails with the list of those that were too slow or too large.
fn check_all(inputs: &[Input]) {
    assert!(!inputs.is_empty(), "the generator made inputs");
    let mut failures = Vec::new();
    let (mut slowest, mut largest) = ((Duration::ZERO, ""), (0.0, ""));
    let started = Instant::now();
    for input in inputs {
        let (out, took) = run(input);
        let size = input.bytes.len();
        let ratio = out as f64 / size as f64;
        if took > slowest.0 {
            slowest = (took, &input.name);
        }
        if ratio > largest.0 {
            largest = (ratio, &input.name);
        }
        if out > MAX_OUTPUT_RATIO * size {
            failures.push(format!(
                "{} ({size} B): {out} B of JSON, over {MAX_OUTPUT_RATIO}x",
                input.name
            ));
        }
        if took > budget(size) {
            failures.push(format!(
                "{} ({size} B): {took:.1?}, over the {:.1?} guard",
                input.name,
                budget(size)
            ));
        }
    }
    // Seen with --nocapture: how close the inputs come to the limits.
    eprintln!(
        "{} inputs in {:.1?}; slowest {:.2?} ({}); largest output {:.1}x ({})",
        inputs.len(),
        started.elapsed(),
        slowest.0,
        slowest.1,
        largest.0,
        largest.1
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn issue_inputs_stay_linear() {
    for &size in sizes() {
        check_all(&inputs::issue_inputs(size));
    }
}

#[test]
fn every_knowledge_base_pattern_repeated_stays_linear() {
    // An unoptimised build tries the two extreme joins only (one endless sentence, many
    // short ones), to stay well under a minute.
    let joins = if cfg!(debug_assertions) {
        &["space", "period"][..]
    } else {
        &all_joins()
    };
    for &size in sizes() {
        check_all(&inputs::knowledge_base_inputs(
            analyzer().knowledge_base(),
            size,
            joins,
        ));
    }
}

#[test]
fn generated_inputs_have_the_asked_size_and_every_pattern() {
    let kb = analyzer().knowledge_base();
    let all: Vec<Input> = inputs::issue_inputs(KB_100)
        .into_iter()
        .chain(inputs::knowledge_base_inputs(kb, KB_100, &all_joins()))
        .collect();
    for input in &all {
        let n = input.bytes.len();
        assert!(
            (KB_100 / 2..=2 * KB_100).contains(&n),
            "{}: {n} bytes",
            input.name
        );
    }
    // Each pattern of the knowledge base is in some input, for each way of joining (at a
    // small size: the runs are the same, and this stays quick).
    let patterns: Vec<String> = inputs::families(kb)
        .into_iter()
        .flat_map(|f| f.patterns)
        .collect();
    let automaton = aho_corasick::AhoCorasick::new(&patterns).unwrap();
    let mut inputs_with = vec![0usize; patterns.len()];
    for input in inputs::knowledge_base_inputs(kb, 16 * 1024, &all_joins()) {
        let mut here = vec![false; patterns.len()];
        for m in automaton.find_overlapping_iter(&input.bytes) {
            here[m.pattern().as_usize()] = true;
        }
        for (n, h) in inputs_with.iter_mut().zip(here) {
            *n += usize::from(h);
        }
    }
    for (pattern, n) in patterns.iter().zip(&inputs_with) {
        assert!(
            *n >= inputs::JOINS.len(),
            "{pattern:?} is in {n} inputs, want one per join"
        );
    }
}

/// Size of the fuzzers' seeds: small, so that a unit takes about a millisecond and a long
/// run reaches millions of executions (64 KB seeds ran at two a second); libFuzzer grows
/// them up to its `-max_len` of 64 KB by itself.
const SEED_BYTES: usize = 512;

/// Writes the fuzzers' seed corpus to `$HOSTILE_SEEDS`: every generated input at
/// `SEED_BYTES` (the issue's inputs also at 256 bytes) and the short articles of
/// `tests/hostile/articles/`. Does nothing without the variable.
#[test]
fn write_fuzz_seeds() {
    let Some(dir) = std::env::var_os("HOSTILE_SEEDS") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let kb = analyzer().knowledge_base();
    let mut written = 0;
    let generated = inputs::issue_inputs(256)
        .into_iter()
        .chain(inputs::issue_inputs(SEED_BYTES))
        .chain(inputs::knowledge_base_inputs(kb, SEED_BYTES, &all_joins()));
    for (i, input) in generated.enumerate() {
        assert!(
            input.bytes.len() <= 2 * SEED_BYTES,
            "{} is small",
            input.name
        );
        let ext = input.file_name.rsplit('.').next().unwrap_or("txt");
        std::fs::write(dir.join(format!("hostile-{i:04}.{ext}")), &input.bytes).unwrap();
        written += 1;
    }
    let articles = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/articles");
    for entry in std::fs::read_dir(articles).expect("tests/hostile/articles exists") {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        written += 1;
    }
    assert!(written > 0);
}

/// Writes every input at 100 KB to `$HOSTILE_INPUTS`, for timing them through the release
/// CLI and the page (the figures in the README). Does nothing without the variable.
#[test]
fn write_inputs_for_timing() {
    let Some(dir) = std::env::var_os("HOSTILE_INPUTS") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let kb = analyzer().knowledge_base();
    let all = inputs::issue_inputs(KB_100)
        .into_iter()
        .chain(inputs::knowledge_base_inputs(kb, KB_100, &all_joins()));
    let mut index = String::new();
    for (i, input) in all.enumerate() {
        let name = format!("{i:03}-{}", input.file_name);
        std::fs::write(dir.join(&name), &input.bytes).unwrap();
        index.push_str(&format!("{name}\t{}\n", input.name));
    }
    std::fs::write(dir.join("index.tsv"), index).unwrap();
}
