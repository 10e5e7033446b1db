//! Stage 6: the rules propose, a learned model decides.
//!
//! Every sentence puts forward candidate stances: its holder (the speaker, or the
//! article's own voice) toward each entity of another bloc named in it. Each candidate
//! carries named features: what the stance rules found for it, the cue words around the
//! target and their lexicon polarity, negation, quotation, the holder's and target's
//! types and blocs. A logistic regression trained on labelled articles
//! (`scripts/train.py stance`, weights in `data/model/stance.tsv`) keeps or drops each
//! candidate and signs it. Without a model the rules' statements stand as they are.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::attribution::{Attribution, Holder};
use crate::doc::Doc;
use crate::entities::{Entities, MentionKind};
use crate::kb::{EntityType, KnowledgeBase};
use crate::model::{cached, softmax, Features, LinearModel};
use crate::stance::{Cue, Statement, Target};
use crate::text::Span;
use crate::viewpoint::{takes_a_side, ViewpointResult};

/// One proposed (holder, target, sentence) triple.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub sentence: Span,
    pub holder: Holder,
    pub holder_bloc: String,
    /// Index into `Entities::entities`.
    pub target: usize,
    pub features: Features,
}

/// Words either side of a target within which a cue speaks of it.
const NEAR_WORDS: usize = 6;
/// Words after a named holder in which its verb stands ("Iran sharply condemned").
const VERB_WORDS: usize = 4;
/// Mentions of one sentence considered, so a sentence of names stays linear.
const MAX_MENTIONS: usize = 16;
/// Least probability of an attitude for a candidate to become a statement.
const KEEP: f32 = 0.3;

fn model() -> Option<&'static LinearModel> {
    static MODEL: OnceLock<Option<LinearModel>> = OnceLock::new();
    cached(&MODEL, include_str!("../data/model/stance.tsv"))
}

fn type_name(t: EntityType) -> &'static str {
    match t {
        EntityType::Country => "country",
        EntityType::Person => "person",
        EntityType::Organization => "organization",
        EntityType::Media => "media",
        EntityType::Place => "place",
        EntityType::Event => "event",
        EntityType::Policy => "policy",
    }
}

/// The candidates of a document, with their features.
pub fn candidates(
    kb: &KnowledgeBase,
    doc: &Doc,
    entities: &Entities,
    attributions: &[Attribution],
    statements: &[Statement],
    viewpoint: &ViewpointResult,
) -> Vec<Candidate> {
    let author_bloc = kb.viewpoints[viewpoint.label].bloc.clone();
    let author_neutral = viewpoint.label == kb.fallback_viewpoint();
    let text = &doc.text;
    let cues = &doc.hits.stance;
    let negations = &doc.hits.negation;
    let speech = &doc.hits.speech;
    // The rules' verdicts, by (sentence start, holder, target).
    let mut ruled: HashMap<(usize, Holder, usize), (f32, &'static str)> = HashMap::new();
    for s in statements {
        for t in &s.targets {
            let e = ruled
                .entry((s.span.start, s.holder, t.entity))
                .or_insert((0.0, s.rule));
            e.0 += t.polarity;
        }
    }
    let mut out = Vec::new();
    let (mut ci, mut ni, mut si_) = (0, 0, 0);
    for (si, sentence) in text.sentences.iter().enumerate() {
        let Some(attribution) = attributions.get(si) else {
            continue;
        };
        while cues.get(ci).is_some_and(|c| c.span.start < sentence.start) {
            ci += 1;
        }
        while negations
            .get(ni)
            .is_some_and(|c| c.span.start < sentence.start)
        {
            ni += 1;
        }
        while speech
            .get(si_)
            .is_some_and(|c| c.span.start < sentence.start)
        {
            si_ += 1;
        }
        let in_sentence = |s: Span| s.end <= sentence.end;
        let sentence_cues: Vec<(Span, f32)> = cues[ci..]
            .iter()
            .take_while(|c| in_sentence(c.span))
            .map(|c| (c.span, *c.value))
            .collect();
        let negated = negations[ni..]
            .iter()
            .take_while(|c| in_sentence(c.span))
            .count();
        let speech_verbs = speech[si_..]
            .iter()
            .take_while(|c| in_sentence(c.span))
            .count();
        let mentions = entities.mentions_in(*sentence);
        let mentions = &mentions[..mentions.len().min(MAX_MENTIONS)];
        let words = text.words_in(*sentence);
        let quoted = text
            .slice(*sentence)
            .contains(['"', '\u{201C}', '\u{201D}']);
        let (pos_all, neg_all) = sums(&sentence_cues);
        let word_of = |s: Span| text.words_in(s).start;
        // Who may hold an attitude here: the sentence's speaker (or the article's voice),
        // and any actor named in it.
        let mut holders: Vec<(Holder, &'static str, Option<Span>)> = Vec::new();
        holders.push(match attribution.holder {
            Holder::Author => (Holder::Author, "author", None),
            h => (h, "speaker", attribution.speaker),
        });
        let first_actor = mentions
            .iter()
            .position(|m| entities.entities[m.entity].kind.is_actor());
        for (k, m) in mentions.iter().enumerate() {
            let e = &entities.entities[m.entity];
            if !e.kind.is_actor() || holders.iter().any(|h| h.0 == Holder::Entity(m.entity)) {
                continue;
            }
            let role = if Some(k) == first_actor && attribution.holder == Holder::Author {
                "subject"
            } else {
                "mention"
            };
            holders.push((Holder::Entity(m.entity), role, Some(m.span)));
        }
        for (holder, role, holder_span) in holders {
            let holder_bloc = match holder {
                Holder::Author => author_bloc.clone(),
                Holder::Entity(e) => entities.entities[e]
                    .bloc
                    .clone()
                    .unwrap_or_else(|| "other".into()),
            };
            let distinct_blocs = {
                let mut b: Vec<&str> = mentions
                    .iter()
                    .filter_map(|m| entities.entities[m.entity].bloc.as_deref())
                    .filter(|b| *b != holder_bloc)
                    .collect();
                b.sort();
                b.dedup();
                b.len()
            };
            // The verb right after a named holder: "Iran condemned", "Baku said".
            let (after_pos, after_neg, speaks) = match holder_span {
                Some(h) if role != "speaker" => {
                    let w = word_of(h);
                    let close = |s: Span| {
                        let x = word_of(s);
                        x > w && x - w <= VERB_WORDS
                    };
                    let (p, n) = sums(
                        &sentence_cues
                            .iter()
                            .copied()
                            .filter(|(s, _)| close(*s))
                            .collect::<Vec<_>>(),
                    );
                    let speaks = speech[si_..]
                        .iter()
                        .take_while(|c| in_sentence(c.span))
                        .any(|c| close(c.span));
                    (p, n, speaks)
                }
                _ => (0.0, 0.0, false),
            };
            let mut seen: Vec<usize> = Vec::new();
            for (k, m) in mentions.iter().enumerate() {
                let entity = &entities.entities[m.entity];
                let Some(bloc) = entity.bloc.as_deref() else {
                    continue;
                };
                if bloc == holder_bloc
                    || holder == Holder::Entity(m.entity)
                    || seen.contains(&m.entity)
                    || holder_span.is_some_and(|s| s.overlaps(m.span))
                    || attribution.speaker.is_some_and(|s| s.overlaps(m.span))
                {
                    continue;
                }
                seen.push(m.entity);
                let mut f: Features = Vec::new();
                let mut add = |name: String, v: f32| f.push((name, v));
                add(format!("role:{role}"), 1.0);
                let (rule_polarity, rule) = ruled
                    .get(&(sentence.start, holder, m.entity))
                    .copied()
                    .unwrap_or((0.0, ""));
                if !rule.is_empty() {
                    add(format!("rule:{rule}"), rule_polarity.clamp(-1.0, 1.0));
                    add("rule_any".into(), 1.0);
                }
                add(format!("pair:{holder_bloc}>{bloc}"), 1.0);
                add(format!("target_type:{}", type_name(entity.kind)), 1.0);
                match holder {
                    Holder::Author => {
                        if author_neutral {
                            add("author_neutral".into(), 1.0);
                        }
                    }
                    Holder::Entity(h) => {
                        add(
                            format!("holder_type:{}", type_name(entities.entities[h].kind)),
                            1.0,
                        );
                    }
                }
                if let MentionKind::Epithet { polarity, .. } = m.kind {
                    add("target_epithet".into(), polarity);
                }
                // Cues near the target speak of it more surely than cues elsewhere.
                let at = word_of(m.span);
                let near: Vec<(Span, f32)> = sentence_cues
                    .iter()
                    .copied()
                    .filter(|(s, _)| word_of(*s).abs_diff(at) <= NEAR_WORDS)
                    .collect();
                let (pos_near, neg_near) = sums(&near);
                add("cue_pos".into(), pos_all.min(3.0));
                add("cue_neg".into(), neg_all.min(3.0));
                add("cue_pos_near".into(), pos_near.min(3.0));
                add("cue_neg_near".into(), neg_near.min(3.0));
                if let Some(h) = holder_span.filter(|_| role != "speaker") {
                    add("holder_verb_pos".into(), after_pos.min(2.0));
                    add("holder_verb_neg".into(), after_neg.min(2.0));
                    if speaks {
                        add("holder_speaks".into(), 1.0);
                    }
                    if h.end <= m.span.start {
                        add("holder_before_target".into(), 1.0);
                        let between: Vec<(Span, f32)> = sentence_cues
                            .iter()
                            .copied()
                            .filter(|(s, _)| s.start >= h.end && s.end <= m.span.start)
                            .collect();
                        let (p, n) = sums(&between);
                        add("between_pos".into(), p.min(2.0));
                        add("between_neg".into(), n.min(2.0));
                    }
                    let gap = at.abs_diff(word_of(h)) as f32;
                    add("holder_distance".into(), (gap / 10.0).min(3.0));
                }
                if negated > 0 {
                    add("negated".into(), 1.0);
                    add("negated_cue".into(), (pos_all - neg_all).clamp(-2.0, 2.0));
                }
                if speech_verbs > 0 {
                    add("speech".into(), 1.0);
                }
                if quoted {
                    add("quoted".into(), 1.0);
                }
                if k == 0 {
                    add("target_first".into(), 1.0);
                }
                if sentence_cues.iter().any(|(s, _)| s.end <= m.span.start) {
                    add("target_after_cue".into(), 1.0);
                }
                add("other_blocs".into(), (distinct_blocs as f32 - 1.0).max(0.0));
                add(
                    "long_sentence".into(),
                    ((words.end - words.start) as f32 / 40.0).min(2.0),
                );
                if si == 0 {
                    add("headline".into(), 1.0);
                }
                out.push(Candidate {
                    sentence: *sentence,
                    holder,
                    holder_bloc: holder_bloc.clone(),
                    target: m.entity,
                    features: f,
                });
            }
        }
    }
    out
}

/// Positive and negative weight of cue hits.
fn sums(cues: &[(Span, f32)]) -> (f32, f32) {
    cues.iter().fold(
        (0.0, 0.0),
        |(p, n), (_, v)| {
            if *v > 0.0 {
                (p + v, n)
            } else {
                (p, n - v)
            }
        },
    )
}

/// The statements the model keeps, grouped by sentence and holder. Without a model (none
/// is shipped while the rules do better on unseen articles), the rules' statements, less
/// the article's own voice when the viewpoint stage says it takes no side.
pub fn decide(
    kb: &KnowledgeBase,
    doc: &Doc,
    entities: &Entities,
    attributions: &[Attribution],
    mut statements: Vec<Statement>,
    viewpoint: &ViewpointResult,
) -> Vec<Statement> {
    let Some(model) = model() else {
        if !takes_a_side(kb, viewpoint) {
            statements.retain(|s| s.holder != Holder::Author);
        }
        return statements;
    };
    let candidates = candidates(kb, doc, entities, attributions, &statements, viewpoint);
    let (Some(neg), Some(pos)) = (model.class_index("negative"), model.class_index("positive"))
    else {
        return statements;
    };
    let mut cues_of: HashMap<(usize, Holder), Vec<Cue>> = HashMap::new();
    let mut rule_of: HashMap<(usize, Holder, usize), &'static str> = HashMap::new();
    for s in &statements {
        cues_of
            .entry((s.span.start, s.holder))
            .or_default()
            .extend(s.cues.iter().cloned());
        for t in &s.targets {
            rule_of.insert((s.span.start, s.holder, t.entity), s.rule);
        }
    }
    let mut out: Vec<Statement> = Vec::new();
    for c in &candidates {
        let p = softmax(&model.logits(&c.features));
        let polarity = p[pos] - p[neg];
        if p[pos].max(p[neg]) < KEEP {
            continue;
        }
        let rule = rule_of
            .get(&(c.sentence.start, c.holder, c.target))
            .copied()
            .unwrap_or("model");
        let target = Target {
            entity: c.target,
            polarity,
        };
        match out
            .last_mut()
            .filter(|s| s.span == c.sentence && s.holder == c.holder && s.rule == rule)
        {
            Some(s) => s.targets.push(target),
            None => out.push(Statement {
                span: c.sentence,
                holder: c.holder,
                targets: vec![target],
                cues: cues_of
                    .get(&(c.sentence.start, c.holder))
                    .cloned()
                    .unwrap_or_default(),
                rule,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::attribute;
    use crate::entities::extract;
    use crate::kb::test_kb as kb;
    use crate::stance::stances;
    use crate::viewpoint::{classify, SourceHints};

    /// (holder bloc, target id, features) of every candidate of `text`.
    fn proposed(text: &str) -> Vec<(String, String, Features)> {
        let t = Doc::new(kb(), text);
        let e = extract(kb(), &t);
        let a = attribute(kb(), &t, &e);
        let s = stances(kb(), &t, &e, &a);
        let v = classify(kb(), &t, &e, &a, &s, &SourceHints::default());
        candidates(kb(), &t, &e, &a, &s, &v)
            .into_iter()
            .map(|c| (c.holder_bloc, e.entities[c.target].id.clone(), c.features))
            .collect()
    }

    fn has(f: &Features, name: &str) -> bool {
        f.iter().any(|(k, _)| k == name)
    }

    #[test]
    fn every_named_actor_may_hold_an_attitude_toward_the_other_blocs() {
        for text in [
            "Tehran condemned Baku and Israel on Monday.",
            "On Monday Iran condemned both Azerbaijan and Israel.",
        ] {
            let c = proposed(text);
            let from_iran: Vec<&str> = c
                .iter()
                .filter(|(h, _, _)| h == "iran")
                .map(|(_, t, _)| t.as_str())
                .collect();
            assert!(from_iran.contains(&"azerbaijan"), "{text}: {c:?}");
            assert!(from_iran.contains(&"israel"), "{text}: {c:?}");
            // Never toward one's own bloc.
            assert!(c.iter().all(|(h, t, _)| !(h == "iran" && t == "iran")));
            let (_, _, f) = c
                .iter()
                .find(|(h, t, _)| h == "iran" && t == "azerbaijan")
                .unwrap();
            // "condemned" reports speech: the sentence's speaker holds it.
            assert!(has(f, "role:speaker") && has(f, "speech"), "{f:?}");
            assert!(
                f.iter().any(|(k, v)| k == "cue_neg_near" && *v > 0.0),
                "{f:?}"
            );
        }
    }

    #[test]
    fn an_actor_named_in_the_articles_voice_is_proposed_with_its_verb() {
        for text in [
            "For years Tehran has firmly opposed closer ties between Baku and Israel.",
            "It is clear that Iran opposes the deal between Azerbaijan and Israel.",
        ] {
            let c = proposed(text);
            let (_, _, f) = c
                .iter()
                .find(|(h, t, _)| h == "iran" && t == "israel")
                .unwrap_or_else(|| panic!("{text}: {c:?}"));
            assert!(
                has(f, "role:subject") && has(f, "holder_before_target"),
                "{f:?}"
            );
            let hostile = |k: &str| f.iter().any(|(n, v)| n == k && *v > 0.0);
            assert!(
                hostile("holder_verb_neg") || hostile("between_neg"),
                "{f:?}"
            );
        }
    }

    #[test]
    fn the_rules_verdict_is_a_feature_of_its_candidate() {
        let c = proposed("Azerbaijan's foreign minister said Israel is a trusted partner.");
        let (_, _, f) = c
            .iter()
            .find(|(h, t, _)| h == "azerbaijan" && t == "israel")
            .expect("the minister toward Israel");
        assert!(
            f.iter().any(|(k, v)| k.starts_with("rule:") && *v > 0.0),
            "{f:?}"
        );
    }

    #[test]
    fn a_sentence_of_many_names_proposes_a_bounded_number() {
        let names = "Iran, Israel, Azerbaijan, Armenia, Turkey, Russia, ".repeat(50);
        let c = proposed(&format!("{names}and Georgia met."));
        assert!(c.len() <= MAX_MENTIONS * MAX_MENTIONS, "{}", c.len());
    }

    #[test]
    fn without_a_model_a_neutral_reports_own_voice_is_dropped() {
        let text = "Iran's hostile rhetoric against Azerbaijan is dangerous.";
        let t = Doc::new(kb(), text);
        let e = extract(kb(), &t);
        let a = attribute(kb(), &t, &e);
        let s = stances(kb(), &t, &e, &a);
        let mut v = classify(kb(), &t, &e, &a, &s, &SourceHints::default());
        v.label = kb().fallback_viewpoint();
        let kept = decide(kb(), &t, &e, &a, s.clone(), &v);
        assert!(kept.iter().all(|s| s.holder != Holder::Author));
        assert_eq!(
            kept.len(),
            s.iter().filter(|s| s.holder != Holder::Author).count()
        );
    }

    #[test]
    fn without_a_model_the_own_voice_of_a_weakly_placed_article_is_dropped() {
        let text = "Iran's hostile rhetoric against Azerbaijan is dangerous.";
        let t = Doc::new(kb(), text);
        let e = extract(kb(), &t);
        let a = attribute(kb(), &t, &e);
        let s = stances(kb(), &t, &e, &a);
        assert!(s.iter().any(|s| s.holder == Holder::Author), "{s:?}");
        let mut v = classify(kb(), &t, &e, &a, &s, &SourceHints::default());
        v.label = kb().viewpoint_index("azerbaijani").expect("a viewpoint");
        v.firmness = crate::viewpoint::MIN_AUTHOR_FIRMNESS / 2.0;
        let weak = decide(kb(), &t, &e, &a, s.clone(), &v);
        assert!(weak.iter().all(|s| s.holder != Holder::Author));
        v.firmness = crate::viewpoint::MIN_AUTHOR_FIRMNESS * 2.0;
        let firm = decide(kb(), &t, &e, &a, s.clone(), &v);
        assert!(firm.iter().any(|s| s.holder == Holder::Author));
    }
}
