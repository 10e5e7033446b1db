//! `cargo run --release --example features -- FILE...`: the named features the learned
//! models weigh (the article's, and each candidate stance's, with byte offsets), one JSON
//! object per file, for `scripts/train.py`. Not a user command.
use parallax::doc::Doc;
use parallax::{decide, viewpoint, Analyzer, Meta};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let analyzer = Analyzer::new()?;
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        let meta: Meta = match std::fs::read_to_string(format!("{path}.meta.json")) {
            Ok(json) => serde_json::from_str(&json)?,
            Err(_) => Meta::default(),
        };
        let analysis = analyzer.analyze(&text, &meta);
        let kb = analyzer.knowledge_base();
        let t = Doc::new(kb, &text);
        let (entities, attributions) = (&analysis.entities, &analysis.attributions);
        let statements = &analysis.statements;
        let features = viewpoint::features(
            kb,
            &t,
            entities,
            attributions,
            statements,
            &analysis.viewpoint.evidence,
        );
        let proposed = decide::candidates(
            kb,
            &t,
            entities,
            attributions,
            statements,
            &analysis.viewpoint,
        );
        let viewpoint: serde_json::Map<String, serde_json::Value> = features
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::json!(v)))
            .collect();
        let candidates: Vec<serde_json::Value> = proposed
            .iter()
            .map(|c| {
                let features: serde_json::Map<String, serde_json::Value> = c
                    .features
                    .iter()
                    .map(|(k, v)| (k.clone(), serde_json::json!(v)))
                    .collect();
                let target = &analysis.entities.entities[c.target];
                serde_json::json!({
                    "start": c.sentence.start, "end": c.sentence.end,
                    "holder_bloc": c.holder_bloc, "target_bloc": target.bloc,
                    "target": target.id, "features": features,
                })
            })
            .collect();
        let label = &kb.viewpoints[analysis.viewpoint.label].id;
        println!(
            "{}",
            serde_json::json!({
                "source": path, "viewpoint": viewpoint, "label": label,
                "firmness": analysis.viewpoint.firmness, "candidates": candidates,
            })
        );
    }
    Ok(())
}
