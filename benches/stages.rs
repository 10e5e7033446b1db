//! Native cost of each stage over the corpus texts, so the costliest stage is known.
//!
//! `cargo bench --bench stages [-- CORPUS_DIR]` (default `../shared/corpus`): every
//! `*.json` file's `"text"`, analysed in rounds for about two seconds; per stage, the
//! median time per round and its share. Prints `STAGE name ms share` lines and one
//! `NATIVE … MB/s` line, then a `JSON {...}` line for `benches/run.mjs`.
//!
//! `STAGES_ROUNDS=N` runs exactly N rounds and no warm-up: a fixed amount of work for
//! counting instructions, which the shared cores do not blur (`valgrind --tool=callgrind
//! target/profiling/deps/stages-…`).

use std::time::{Duration, Instant};

use parallax::attribution::attribute;
use parallax::doc::Doc;
use parallax::entities::extract;
use parallax::report::{self, Meta, Units};
use parallax::stance::stances;
use parallax::viewpoint::{classify, SourceHints};
use parallax::{Analysis, Analyzer};

const STAGES: [&str; 6] = [
    "text",
    "entities",
    "attribution",
    "stance",
    "viewpoint",
    "report",
];

fn corpus(dir: &str) -> Vec<String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e} (pass the corpus directory after --)"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|p| {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(p).ok()?).ok()?;
            v.get("text")?.as_str().map(str::to_string)
        })
        .collect()
}

/// One pass over every text; the time spent in each stage. Mirrors `Analyzer::analyze`
/// (src/analyzer.rs) with a clock between the stages.
fn round(analyzer: &Analyzer, texts: &[String]) -> [Duration; 6] {
    let kb = analyzer.knowledge_base();
    let meta = Meta::default();
    let mut spent = [Duration::ZERO; 6];
    for original in texts {
        let mut lap = Instant::now();
        let mut tick = |i: usize| {
            spent[i] += lap.elapsed();
            lap = Instant::now();
        };
        let text = Doc::new(kb, original);
        tick(0);
        let entities = extract(kb, &text);
        tick(1);
        let attributions = attribute(kb, &text, &entities);
        tick(2);
        let mut statements = stances(kb, &text, &entities, &attributions);
        let statements_found = parallax::analyzer::cap_statements(&mut statements, original.len());
        let statements_kept = statements.len();
        tick(3);
        let hints = SourceHints {
            outlet: None,
            url: None,
            author: None,
        };
        let viewpoint = classify(kb, &text, &entities, &attributions, &statements, &hints);
        tick(4);
        let analysis = Analysis {
            entities,
            attributions,
            statements,
            statements_found,
            statements_kept,
            viewpoint,
        };
        // As the edges write it (`Analyzer::report_json`).
        let json = report::to_json(kb, original, &meta, &analysis, Units::CodePoints);
        std::hint::black_box(json.len());
        tick(5);
    }
    spent
}

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| "../shared/corpus".into());
    let texts = corpus(&dir);
    assert!(!texts.is_empty(), "{dir}: no corpus texts");
    let bytes: usize = texts.iter().map(String::len).sum();

    let start = Instant::now();
    let analyzer = Analyzer::new().expect("the built-in knowledge base is valid");
    let startup = start.elapsed();

    let fixed: Option<usize> = std::env::var("STAGES_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok());
    if fixed.is_none() {
        round(&analyzer, &texts); // warm-up
    }
    let mut rounds = Vec::new();
    let began = Instant::now();
    while match fixed {
        Some(n) => rounds.len() < n.max(1),
        None => rounds.len() < 5 || began.elapsed() < Duration::from_secs(2),
    } {
        rounds.push(round(&analyzer, &texts));
    }
    let median = |i: usize| {
        let mut v: Vec<f64> = rounds.iter().map(|r| r[i].as_secs_f64()).collect();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let per_stage: Vec<f64> = (0..STAGES.len()).map(median).collect();
    let total: f64 = per_stage.iter().sum();
    println!(
        "corpus: {} texts, {:.1} kB; {} rounds",
        texts.len(),
        bytes as f64 / 1e3,
        rounds.len()
    );
    println!("STARTUP native {:.1} ms", startup.as_secs_f64() * 1e3);
    for (name, t) in STAGES.iter().zip(&per_stage) {
        println!(
            "STAGE {name} {:.2} ms {:.0}%",
            t * 1e3,
            100.0 * t / total.max(1e-12)
        );
    }
    let mbps = bytes as f64 / 1e6 / total.max(1e-12);
    println!("NATIVE {mbps:.2} MB/s");
    let stages: serde_json::Map<String, serde_json::Value> = STAGES
        .iter()
        .zip(&per_stage)
        .map(|(name, t)| (name.to_string(), (t * 1e3).into()))
        .collect();
    println!(
        "JSON {}",
        serde_json::json!({
            "startupMs": startup.as_secs_f64() * 1e3,
            "stagesMs": stages,
            "nativeMBps": mbps,
        })
    );
}
