//! Stage 4: stance. What attitude each holder shows toward whom.
//!
//! A sentence with stance cues (lexicon: "threat", "accuse", "partner", "welcome"…) is a
//! statement of its holder. A negation shortly before a cue turns warmth into hostility
//! ("is not a friend") and hostility into a neutral assurance ("has never been aimed
//! at", "its soil will never serve an attack on"); a cue is weakened by a
//! hedge ("may", "reportedly"); the sentence's polarity is their clamped sum. The targets
//! are the actors the sentence names other than its holder and the holder's own
//! attribution.
//!
//! Relationship words ("Azerbaijan's friendship with Israel", "strained relations
//! between Baku and Tehran") state an attitude of the parties toward each other, not of
//! the speaker: they become statements of party A toward party B, with the evaluative
//! words right before the relationship word ("strained", "growing") setting polarity.

use std::collections::HashMap;

use crate::attribution::{Attribution, Holder};
use crate::doc::Doc;
use crate::entities::{Entities, Mention, MentionKind};
use crate::grammar::{
    after_jointly, folded_between, governs, is_object, is_quoted, last_word_before,
    names_opponents, previous_word, relative_clause, words_between, CAUSED_FEELINGS,
    JOINED_VERB_ADVERBS, JOINTLY, PASSIVE_AUXILIARIES,
};
use crate::kb::{EntityType, Hit, KnowledgeBase, SpeechKind};
use crate::text::{Span, Text};

/// One stance cue with its effective polarity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cue {
    pub span: Span,
    pub polarity: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// Index into `Entities::entities`.
    pub entity: usize,
    pub polarity: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    /// The sentence.
    pub span: Span,
    pub holder: Holder,
    pub targets: Vec<Target>,
    pub cues: Vec<Cue>,
    /// Which rule found it (`epithet`, `speech-cue`, `relation`, …), for review and for
    /// `score.py --by-rule`.
    pub rule: &'static str,
}

/// How far before a cue a negation still applies (bytes, within the clause).
const NEGATION_REACH: usize = 40;
/// How far before a cue a hedge applies.
const HEDGE_REACH: usize = 30;

pub fn stances(
    kb: &KnowledgeBase,
    doc: &Doc,
    entities: &Entities,
    attributions: &[Attribution],
) -> Vec<Statement> {
    let text = &doc.text;
    let relation_hits = &doc.hits.relations;
    let act_hits = &doc.hits.acts;
    let cues = &doc.hits.stance;
    let negations = &doc.hits.negation;
    let hedges = &doc.hits.hedges;
    let mut statements: Vec<Statement> = Vec::new();
    let (mut ci, mut ni, mut hi) = (0, 0, 0);
    for (si, sentence) in text.sentences.iter().enumerate() {
        advance(&mut ci, |i| {
            cues.get(i).is_some_and(|c| c.span.start < sentence.start)
        });
        advance(&mut ni, |i| {
            negations
                .get(i)
                .is_some_and(|c| c.span.start < sentence.start)
        });
        advance(&mut hi, |i| {
            hedges.get(i).is_some_and(|c| c.span.start < sentence.start)
        });
        let in_sentence = |s: Span| s.end <= sentence.end;
        // "not only a partner but also a friend" adds; it does not negate.
        let sentence_negations: Vec<Span> = negations[ni..]
            .iter()
            .map(|n| n.span)
            .take_while(|s| in_sentence(*s))
            .filter(|n| {
                let after = text.folded[text.folded_offset(n.end)..].trim_start();
                !(after.starts_with("only ") || after.starts_with("just "))
            })
            .collect();
        let sentence_hedges: Vec<(Span, f32)> = hedges[hi..]
            .iter()
            .map(|h| (h.span, *h.value))
            .take_while(|(s, _)| in_sentence(*s))
            .collect();
        let Some(attribution) = attributions.get(si) else {
            continue;
        };
        let sentence_relations = hits_in(relation_hits, *sentence);
        let mut sentence_cues: Vec<Cue> = cues[ci..]
            .iter()
            .take_while(|c| in_sentence(c.span))
            .filter(|c| !is_compound_participle(text, c.span))
            .filter(|c| !is_protocol_level(text, *sentence, sentence_relations, c.span))
            .map(|c| Cue {
                span: c.span,
                polarity: *c.value,
            })
            .collect();
        sentence_cues.extend(rebuttals(text, entities, *sentence, &sentence_cues));
        sentence_cues.sort_by_key(|c| c.span.start);
        let sentence_speech = hits_in(&doc.hits.speech, *sentence);
        let relations = relation_statements(
            kb,
            text,
            entities,
            *sentence,
            sentence_relations,
            &sentence_cues,
            attribution.holder,
        );
        // Relationship words and their modifiers speak of the parties, never of the holder.
        let consumed: Vec<Span> = sentence_relations
            .iter()
            .map(|r| r.span)
            .chain(relations.iter().flat_map(|r| r.cues.iter().map(|c| c.span)))
            .collect();
        let mut groups: Vec<(Holder, Option<Span>, Vec<Cue>)> = Vec::new();
        let mut relative_holders: Vec<Holder> = Vec::new();
        let mut reported_holders: Vec<Holder> = Vec::new();
        // The holder of the sentence's last attitude verb, for a verb joined to it.
        let mut verb_subject: Option<(Holder, Option<Span>)> = None;
        // Speech verbs of relative clauses with their speakers, in text order.
        let relatives: Vec<(usize, &Mention)> = sentence_speech
            .iter()
            .filter_map(|v| {
                relative_speaker(text, entities, *sentence, v.span)
                    .filter(|m| Holder::Entity(m.entity) != attribution.holder)
                    .map(|m| (v.span.start, m))
            })
            .collect();
        // A hostile epithet is an attitude of whoever uses it toward what it names, and of
        // nothing else ("the Zionist regime keeps no promises"). One statement
        // per entity so named in a sentence, each use a cue: an epithet repeated is not
        // a statement per use (that output grew with the square of the sentence).
        let first_epithet = statements.len();
        for m in entities.mentions_in(*sentence) {
            let MentionKind::Epithet { polarity, .. } = m.kind else {
                continue;
            };
            if polarity == 0.0 || attribution.holder == Holder::Entity(m.entity) {
                continue;
            }
            let cue = Cue {
                span: m.span,
                polarity,
            };
            if let Some(s) = statements[first_epithet..]
                .iter_mut()
                .find(|s| s.targets[0].entity == m.entity)
            {
                s.cues.push(cue);
                continue;
            }
            statements.push(Statement {
                span: *sentence,
                holder: attribution.holder,
                targets: vec![Target {
                    entity: m.entity,
                    polarity,
                }],
                cues: vec![cue],
                rule: "epithet",
            });
        }
        let epithets: Vec<Span> = entities
            .mentions_in(*sentence)
            .iter()
            .filter(|m| matches!(m.kind, MentionKind::Epithet { .. }))
            .map(|m| m.span)
            .collect();
        // Who feels what a cue causes ("…angered Moscow") is that feeling's holder, not a
        // target of the sentence's other cues ("Varnia's support for Kestria angered Moscow").
        let mut caused_by_cue: Vec<Vec<Statement>> = sentence_cues
            .iter()
            .map(|cue| caused_feeling(text, entities, *sentence, cue))
            .collect();
        let feelers: Vec<Holder> = caused_by_cue.iter().flatten().map(|s| s.holder).collect();
        for (cue_index, &cue) in sentence_cues.iter().enumerate() {
            if consumed.iter().any(|x| x.overlaps(cue.span))
                || epithets.iter().any(|e| e.overlaps(cue.span))
            {
                continue;
            }
            // "The visit angered Moscow": Moscow holds the feeling, toward whoever caused it.
            let caused = std::mem::take(&mut caused_by_cue[cue_index]);
            if !caused.is_empty() {
                statements.extend(caused);
                continue;
            }
            let mut polarity = cue.polarity;
            // Only the cues next to this one can change it, so only they are read.
            let at = sentence_cues.partition_point(|c| c.span.start < cue.span.start);
            // "support for terrorism", "backing of militias that attack…": support given to
            // something hostile is a charge against the supporter.
            let next = sentence_cues[at..]
                .iter()
                .find(|n| n.span.start >= cue.span.end);
            if polarity > 0.0
                && next.is_some_and(|n| {
                    n.polarity < 0.0
                        && matches!(
                            folded_between(text, cue.span.end, n.span.start).trim(),
                            "for" | "of" | "to"
                        )
                })
            {
                polarity = -polarity;
            }
            // "accused Varnia of cooperating with Kestria": what the accused is charged
            // with is held against them, not approved of.
            if polarity > 0.0
                && sentence_cues[..at]
                    .iter()
                    .rev()
                    .take_while(|a| {
                        folded_between(text, a.span.end, cue.span.start)
                            .split_whitespace()
                            .count()
                            <= CHARGE_WORDS
                    })
                    .any(|a| {
                        let between = folded_between(text, a.span.end, cue.span.start);
                        a.polarity < 0.0
                            && a.span.end <= cue.span.start
                            && ACCUSATIONS.iter().any(|w| {
                                folded_between(text, a.span.start, a.span.end).starts_with(w)
                            })
                            && between.split_whitespace().any(|w| w == "of")
                            && !between.contains([',', ';', '.'])
                    })
            {
                polarity = -polarity;
            }
            // Two negations cancel: "would not last without our support" is support, and
            // so is "could not continue its work at this pace without our support".
            let mut governing: Vec<&Span> = sentence_negations
                .iter()
                .filter(|n| governs(text, **n, cue.span, NEGATION_REACH))
                .collect();
            // "supports neither Varnia nor Kestria": a negated object negates the verb.
            let object_negated = sentence_negations.iter().find(|n| {
                text.slice(**n).eq_ignore_ascii_case("neither")
                    && n.start >= cue.span.end
                    && folded_between(text, cue.span.end, n.start)
                        .trim()
                        .is_empty()
            });
            governing.extend(object_negated);
            // "Neither Varnia nor Kestria supports…" is one negation, not two that cancel.
            if governing
                .iter()
                .any(|n| text.slice(**n).eq_ignore_ascii_case("nor"))
            {
                governing.retain(|n| !text.slice(**n).eq_ignore_ascii_case("neither"));
            }
            let not_without = governing.first().is_some_and(|w| {
                text.slice(**w).eq_ignore_ascii_case("without")
                    && sentence_negations
                        .iter()
                        .any(|n| n.end <= w.start && governs(text, *n, **w, NEGATION_REACH * 2))
            });
            if (governing.len() + usize::from(not_without)) % 2 == 1 {
                // "not a friend" is hostile; "will never be used against Iran" is an
                // assurance — neutral, not friendship.
                polarity = if polarity > 0.0 { -polarity * 0.8 } else { 0.0 };
            }
            if let Some((_, f)) = sentence_hedges
                .iter()
                .find(|(h, _)| governs(text, *h, cue.span, HEDGE_REACH))
            {
                polarity *= f;
            }
            let described = predicate_noun(text, entities, *sentence, cue.span)
                .map(|(subject, possessor)| match possessor {
                    Some(p) => {
                        // "a friend of Kestria and Zorblat": each named party.
                        let mut parties = vec![p];
                        if p.span.start >= cue.span.end {
                            parties.extend(conjuncts(text, entities, *sentence, p));
                        }
                        let mutual = is_mutual(text, cue.span);
                        let mut pairs = Vec::new();
                        for p in parties.into_iter().filter(|p| p.entity != subject.entity) {
                            pairs.push((Holder::Entity(subject.entity), p.entity));
                            // Allies and enemies are so to each other; a backer is one way.
                            if mutual {
                                pairs.push((Holder::Entity(p.entity), subject.entity));
                            }
                        }
                        pairs
                    }
                    None => vec![(attribution.holder, subject.entity)],
                })
                .or_else(|| {
                    // "Kestria and Varnia have become close partners": each toward the other.
                    let (a, b) = mutual_predicate(text, entities, *sentence, cue.span)?;
                    Some(vec![
                        (Holder::Entity(a.entity), b.entity),
                        (Holder::Entity(b.entity), a.entity),
                    ])
                });
            if let Some(mut pairs) = described {
                // "Varnia's ally against Kestria": the allies both stand against Kestria.
                let opposed = relational_noun(text, cue.span)
                    .and_then(|_| against_whom(text, entities, *sentence, cue.span));
                let mut against = Vec::new();
                if let Some(foe) = opposed.filter(|_| polarity > 0.0) {
                    for (holder, _) in &pairs {
                        if !against.contains(holder) && *holder != Holder::Entity(foe) {
                            against.push(*holder);
                        }
                    }
                }
                let foe_statements = against.into_iter().map(|holder| Statement {
                    span: *sentence,
                    holder,
                    targets: vec![Target {
                        entity: opposed.unwrap_or_default(),
                        polarity: -polarity,
                    }],
                    cues: vec![Cue {
                        span: cue.span,
                        polarity: -polarity,
                    }],
                    rule: "predicate-noun",
                });
                statements.extend(foe_statements);
                pairs.retain(|(_, target)| Some(*target) != opposed);
                for (holder, target) in pairs {
                    if polarity != 0.0 && holder != Holder::Entity(target) {
                        statements.push(Statement {
                            span: *sentence,
                            holder,
                            targets: vec![Target {
                                entity: target,
                                polarity,
                            }],
                            cues: vec![Cue {
                                span: cue.span,
                                polarity,
                            }],
                            rule: "predicate-noun",
                        });
                    }
                }
                continue;
            }
            // In the author's voice, an actor right before an attitude word holds it
            // ("…where Iran supports the regime"); words the article quotes from nobody
            // named are not its own.
            // The last relative clause's speaker before the cue, if any.
            let relative = relatives[..relatives.partition_point(|(at, _)| *at <= cue.span.start)]
                .last()
                .map(|(_, m)| *m);
            let (holder, subject) = match (attribution.holder, relative) {
                // "…condemned X's minister, who said that…": what follows is the minister's.
                (_, Some(m)) => {
                    if !relative_holders.contains(&Holder::Entity(m.entity)) {
                        relative_holders.push(Holder::Entity(m.entity));
                    }
                    (Holder::Entity(m.entity), Some(m.span))
                }
                (Holder::Author, None) => {
                    match local_subject(text, entities, *sentence, cue.span) {
                        Some(m) => (Holder::Entity(m.entity), Some(m.span)),
                        None if is_quoted(text, *sentence, cue.span)
                            || modified_noun_subject(text, entities, *sentence, cue.span) =>
                        {
                            continue
                        }
                        // "X commended Y … and praised Z": the second verb is X's too.
                        None => match verb_subject
                            .filter(|_| coordinated_verb(text, sentence_speech, cue.span))
                        {
                            Some((holder, subject)) => (holder, subject),
                            None => (Holder::Author, None),
                        },
                    }
                }
                // "…, Novak said, and Varnia's objection to it is moot": a possessor
                // right before the attitude noun holds it, whoever reports it.
                (h, None) => match nominal_holder(text, entities, *sentence, cue.span) {
                    Some(m) if Holder::Entity(m.entity) != h => {
                        (Holder::Entity(m.entity), Some(m.span))
                    }
                    // "Varnia has long backed Kestria, Novak said": a verb with a subject of
                    // its own in what is reported is that subject's attitude.
                    _ => match reported_subject(
                        text,
                        entities,
                        *sentence,
                        attribution,
                        sentence_speech,
                        cue.span,
                    ) {
                        Some(m) => {
                            reported_holders.push(Holder::Entity(m.entity));
                            (Holder::Entity(m.entity), Some(m.span))
                        }
                        None => (h, attribution.speaker),
                    },
                },
            };
            // An event the article tells ("the attack comes amid…") is not its attitude,
            // nor is a feeling it reports ("sent ripples of concern"): that is the feeler's.
            let event = hits_in(act_hits, *sentence)
                .iter()
                .any(|a| a.span.overlaps(cue.span))
                && !has_stem(text, cue.span, CHARGES);
            // "a friend of Kestria", "the two rival leaders": a relationship word no rule
            // could give its parties names a relationship between others, not the
            // article's attitude; "the ally that Varnia needs is…" names one party.
            let relationship = relational_noun(text, cue.span).is_some();
            let (holder, subject) = match (holder, relationship) {
                (Holder::Author, true) => {
                    match relative_party(text, entities, *sentence, cue.span) {
                        Some(m) => (Holder::Entity(m.entity), Some(m.span)),
                        None => continue,
                    }
                }
                other => (other.0, subject),
            };
            if event
                || (holder == Holder::Author
                    && (relationship || has_stem(text, cue.span, FEELINGS)))
            {
                continue;
            }
            if holder != Holder::Author && is_verb_like(text, sentence_speech, cue.span) {
                verb_subject = Some((holder, subject));
            }
            let cue = Cue {
                span: cue.span,
                polarity,
            };
            match groups.iter_mut().find(|g| g.0 == holder) {
                Some(g) => g.2.push(cue),
                None => groups.push((holder, subject, vec![cue])),
            }
        }
        statements.extend(relations);
        let acts = act_statements(text, entities, *sentence, hits_in(act_hits, *sentence));
        // "Yerevan said Kestria launched an attack on its posts": a speaker who tells of
        // another side's hostile act charges that side with it.
        let bloc_of = |h: Holder| match h {
            Holder::Entity(e) => entities.entities[e].bloc.as_deref(),
            Holder::Author => None,
        };
        let mut blames = Vec::new();
        if bloc_of(attribution.holder).is_some() {
            for act in &acts {
                let Holder::Entity(actor) = act.holder else {
                    continue;
                };
                let hostile = act.targets.iter().any(|t| t.polarity < 0.0);
                if hostile && bloc_of(act.holder) != bloc_of(attribution.holder) {
                    blames.push(Statement {
                        span: *sentence,
                        holder: attribution.holder,
                        targets: vec![Target {
                            entity: actor,
                            polarity: act.targets[0].polarity.min(0.0) * ACTOR_BLAME,
                        }],
                        cues: act.cues.clone(),
                        rule: "speaker-blames-actor",
                    });
                }
            }
        }
        statements.extend(acts);
        let local_holders: Vec<Holder> = groups.iter().map(|g| g.0).collect();
        for (holder, subject, found) in groups {
            // "X criticized Y for …": an evaluative speech verb says the speaker's attitude;
            // the words of the reason it gives do not outweigh it.
            let verdict = (holder == attribution.holder)
                .then(|| {
                    found
                        .iter()
                        .find(|c| attribution.cue.is_some_and(|v| v.overlaps(c.span)))
                })
                .flatten()
                .filter(|c| c.polarity != 0.0);
            let sum = found
                .iter()
                .map(|c| c.polarity)
                .sum::<f32>()
                .clamp(-1.0, 1.0);
            let verdict = verdict
                .filter(|v| v.polarity * sum <= 0.0 || sum.abs() < v.polarity.abs())
                .map(|v| v.polarity);
            let polarity = verdict.unwrap_or(sum);
            if polarity.abs() < MIN_POLARITY && found.iter().all(|c| c.polarity != 0.0) {
                continue;
            }
            let from = match (holder, subject) {
                // A clause's own subject speaks of what follows it.
                (Holder::Entity(_), Some(s)) if attribution.holder != holder => s.end,
                _ => sentence.start,
            };
            let local = Attribution {
                holder,
                cue: attribution.cue,
                speaker: subject.or(attribution.speaker),
            };
            let distance = |m: Span, c: Span| {
                let (a, b) = if m.end <= c.start {
                    (m.end, c.start)
                } else {
                    (c.end, m.start)
                };
                if b <= a {
                    0
                } else {
                    text.words_in(Span::new(a, b)).len()
                }
            };
            // "Kestria, Varnia and Zorblat condemned…": every conjunct holds it, and none
            // is another's target.
            let co_holders =
                subject.map_or(Vec::new(), |s| coordinated(text, entities, *sentence, s));
            // "Varnia hosted Kestria's envoy and then criticized Zorblat": what the earlier
            // verb is done to, when that verb says no attitude, is not the speaker's target.
            let earlier_verb_objects = match (attribution.cue, attribution.speaker) {
                (Some(verb), Some(speaker))
                    if holder == attribution.holder
                        && speaker.end <= verb.start
                        && coordinated_verb(text, sentence_speech, verb)
                        && !found
                            .iter()
                            .any(|c| c.span.start >= speaker.end && c.span.end <= verb.start) =>
                {
                    Some(Span::new(speaker.end, verb.start))
                }
                _ => None,
            };
            let targets: Vec<Target> =
                targets_of(text, entities, *sentence, &local, &found, polarity)
                    .into_iter()
                    .filter(|t| {
                        holder != Holder::Author
                            || !local_holders.contains(&Holder::Entity(t.entity))
                    })
                    .filter(|t| !co_holders.contains(&t.entity))
                    .filter(|t| !feelers.contains(&Holder::Entity(t.entity)))
                    .filter_map(|t| {
                        // A target is named after the clause's subject and near an attitude
                        // word; it takes the polarity of the nearest one ("support for Israel
                        // … against Iran": supporting someone against X is hostility to X).
                        entities
                            .mentions_in(*sentence)
                            .iter()
                            .filter(|m| m.entity == t.entity && m.span.start >= from)
                            .filter(|m| !earlier_verb_objects.is_some_and(|o| o.contains(m.span)))
                            .filter(|m| holder != Holder::Author || !is_advised(text, m.span))
                            .filter(|m| {
                                (!is_location(text, m.span) || aimed_at(text, &found, m.span))
                                    && !is_modifier(text, m.span)
                                    && !is_ethnic_group(text, m.span)
                                    && !is_side_taken(text, m.span, holder == Holder::Author)
                                    && !modifies_relational_noun(
                                        text,
                                        entities.mentions_in(*sentence),
                                        m,
                                    )
                                    && !is_companion(text, *sentence, m.span)
                                    && !owned_relationship_partner(
                                        text,
                                        entities.mentions_in(*sentence),
                                        sentence_relations,
                                        m,
                                    )
                            })
                            .filter_map(|m| {
                                let c = found.iter().min_by_key(|c| distance(m.span, c.span))?;
                                let d = distance(m.span, c.span);
                                // "blamed Moscow for stoking the war by pressing Yerevan":
                                // a cue with a direct object speaks of that object only.
                                // "backs Varnia against Kestria": the one opposed is still
                                // the cue's, past its object.
                                // "condemned Varnia and Kestria": every object coordinated.
                                let object = direct_object(text, entities, *sentence, c.span);
                                let objects: Vec<usize> = object.map_or(Vec::new(), |o| {
                                    std::iter::once(o)
                                        .chain(conjuncts(text, entities, *sentence, o))
                                        .map(|o| o.entity)
                                        .collect()
                                });
                                let past_object = object.is_some_and(|o| {
                                    !objects.contains(&m.entity) && o.span.end <= m.span.start
                                }) && !opposed(text, c.span, m.span);
                                // In the article's own voice, what a hostile word is done to
                                // ("sought to destabilize Varnia") is its victim, not the
                                // article's target; the doer is (see author-blames-actor).
                                // Not the one a hostile act comes from ("hostile actions
                                // from Varnia"); a condemnation from Varnia is Varnia's.
                                let source = (has_stem(text, c.span, CHARGES)
                                    || has_stem(text, c.span, HOSTILE_DEEDS))
                                    && folded_between(text, c.span.end, m.span.start)
                                        .split_whitespace()
                                        .any(|w| matches!(w, "from" | "by"));
                                let victim = holder == Holder::Author
                                    && c.polarity < 0.0
                                    && c.span.end <= m.span.start
                                    && d <= VICTIM_REACH
                                    && !source;
                                // The object of a verb of judging ("praised Varnia and
                                // criticized Kestria"), each with its own verdict.
                                let governed = objects.contains(&m.entity)
                                    && is_speech(sentence_speech, c.span);
                                // "the Novak government", "Varnia's meddling": a noun its
                                // owner is named right before speaks of that owner only.
                                let owned_by_other = cue_owner(text, entities, *sentence, c.span)
                                    .is_some_and(|o| {
                                        o.entity != m.entity && Holder::Entity(o.entity) != holder
                                    });
                                // "…defined Kestria as a threat to the region, it sought
                                // Zorblat": a new clause's subject ends what the cue speaks of.
                                // So does one a contrast opens ("…backs Zorblat while
                                // Kestria backs the rebels").
                                // "Varnia, which borders Kestria, warned Zorblat": a name
                                // in a relative clause is not a target of a cue outside it.
                                let clause = relative_clause(text, *sentence, m.span);
                                let own_clause = clause.is_some_and(|r| r.contains(c.span));
                                let other_clause = (clause.is_some() && !own_clause)
                                    || (c.span.end <= m.span.start
                                        && (new_clause_between(text, c.span.end, m.span.start)
                                            || subject_after_dash(text, m.span)))
                                    || entities.mentions_in(*sentence).iter().any(|x| {
                                        (from..=m.span.start).contains(&x.span.start)
                                            && opens_contrast(text, from, x.span.start)
                                    });
                                (d <= TARGET_REACH
                                    && !past_object
                                    && !owned_by_other
                                    && !other_clause)
                                    .then_some((m, c, d, victim, governed, own_clause))
                            })
                            .min_by_key(|(_, _, d, _, _, _)| *d)
                            // The victim where it is nearest is not a target further on.
                            .filter(|(_, _, _, victim, _, _)| !victim)
                            .map(|(m, c, _, _, governed, own_clause)| {
                                let against = opposed(text, c.span, m.span);
                                // The sentence's overall attitude, unless an attitude word right
                                // next to this target says otherwise, or has it as its object
                                // ("praised Varnia and criticized Kestria").
                                // A relative clause's own cue speaks for its names alone.
                                let local = ((verdict.is_none() || governed)
                                    && distance(m.span, c.span) <= LOCAL_REACH
                                    && c.polarity * polarity < 0.0)
                                    || own_clause;
                                let p = if local { c.polarity } else { polarity };
                                let p = if against && p > 0.0 { -p } else { p };
                                // "a threat to Azerbaijan": the one threatened is not the target.
                                let victim = c.polarity < 0.0
                                    && is_harm(text, c.span)
                                    && c.span.end <= m.span.start
                                    && distance(m.span, c.span) <= 3
                                    && text.folded[text.folded_offset(c.span.end)
                                        ..text.folded_offset(m.span.start)]
                                        .split(' ')
                                        .any(|w| w == "to" || w == "for");
                                let p = if victim { 0.0 } else { p };
                                Target {
                                    entity: t.entity,
                                    polarity: p,
                                }
                            })
                    })
                    .filter(|t| t.polarity != 0.0 || polarity == 0.0)
                    .collect();
            if targets.is_empty() {
                continue;
            }
            // A hostile act told in the author's own voice is the author's charge against
            // the actor ("Iran's provocations against Azerbaijan continue").
            // Not when the actor only perceives ("the Azerbaijanis are aware of the threat").
            let perceives = subject.is_some_and(|sub| {
                let first = found.first().map_or(sub.end, |c| c.span.start).max(sub.end);
                text.folded[text.folded_offset(sub.end)..text.folded_offset(first)]
                    .split_whitespace()
                    .any(|w| PERCEPTION.contains(&w) || REGARDING.contains(&w))
                    || found
                        .first()
                        .is_some_and(|c| has_stem(text, c.span, FEELINGS))
            });
            // Nor when the actor stops the hostile thing ("foiled a terror plot") or
            // speaks of it ("blamed Kestria for…"): the deed is someone else's.
            let stops_or_judges = subject.is_some_and(|sub| {
                let first = found.first().map_or(sub.end, |c| c.span.start).max(sub.end);
                text.folded[text.folded_offset(sub.end)..text.folded_offset(first)]
                    .split_whitespace()
                    .any(|w| PREVENTION.iter().any(|p| w.starts_with(p)))
                    || found.first().is_some_and(|c| {
                        has_stem(text, c.span, JUDGEMENTS) || is_speech(sentence_speech, c.span)
                    })
            });
            if let (Holder::Entity(actor), true) = (
                holder,
                attribution.holder == Holder::Author
                    && polarity < 0.0
                    && !perceives
                    && !stops_or_judges
                    // "Varnia must confront the hostile regime" advises; it does not blame.
                    && !subject.is_some_and(|s| is_advised(text, s)),
            ) {
                statements.push(Statement {
                    span: *sentence,
                    holder: Holder::Author,
                    targets: vec![Target {
                        entity: actor,
                        polarity: polarity * ACTOR_BLAME,
                    }],
                    cues: found.clone(),
                    rule: "author-blames-actor",
                });
            }
            let rule = match (attribution.holder, holder) {
                _ if relative_holders.contains(&holder) => "relative-speaker",
                _ if reported_holders.contains(&holder) => "reported-subject",
                (Holder::Author, Holder::Author) => "author-cue",
                (Holder::Author, Holder::Entity(_)) => "clause-subject",
                _ => "speech-cue",
            };
            // "Varnia should stand with Kestria" advises Varnia; it does not say where
            // Varnia stands.
            if rule == "clause-subject" && subject.is_some_and(|s| is_advised(text, s)) {
                continue;
            }
            for &other in &co_holders {
                if holder != Holder::Entity(other) {
                    statements.push(Statement {
                        span: *sentence,
                        holder: Holder::Entity(other),
                        targets: targets.clone(),
                        cues: found.clone(),
                        rule,
                    });
                }
            }
            let mut partners = Vec::new();
            if let Holder::Entity(h) = holder {
                partners = joint_partners(text, entities, *sentence, subject, h, &targets);
            }
            statements.push(Statement {
                span: *sentence,
                holder,
                targets,
                cues: found.clone(),
                rule,
            });
            // "Varnia, together with Kestria, formed a front against Zorblat": who acts
            // jointly with the holder is on its side.
            if !partners.is_empty() {
                statements.push(Statement {
                    span: *sentence,
                    holder,
                    targets: partners
                        .into_iter()
                        .map(|entity| Target {
                            entity,
                            polarity: JOINT_ACTION,
                        })
                        .collect(),
                    cues: found,
                    rule: "joint-action",
                });
            }
        }
        // After the sentence's own statements: a holder's statements are merged under the
        // first one's rule, and a charge drawn from an act is the weaker reading, left out
        // when the speaker's side already holds that charge in the sentence.
        blames.retain(|b: &Statement| {
            !statements
                .iter()
                .rev()
                .take_while(|s| s.span == *sentence)
                .any(|s| {
                    bloc_of(s.holder) == bloc_of(b.holder)
                        && s.targets
                            .iter()
                            .any(|t| t.entity == b.targets[0].entity && t.polarity < 0.0)
                })
        });
        statements.extend(blames);
    }
    one_per_holder(statements)
}

/// Verbs that rebut what they take as object ("denied Varnia's claims").
const REBUTTALS: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "dismissed",
    "dismisses",
    "rebuffed",
    "rebuffs",
    "refuted",
    "refutes",
    "rejected",
    "rejects",
];

/// Whether a word may be one of `REBUTTALS` (ASCII, any case): by its length and first
/// letter alone, before its letters are compared.
#[inline]
fn may_be_rebuttal(text: &[u8], word: Span) -> bool {
    (4..=9).contains(&word.len())
        && text
            .get(word.start)
            .is_some_and(|b| matches!(b | 0x20, b'd' | b'r'))
}

/// What an actor says, as the object of a rebuttal.
const CLAIMS: &[&str] = &[
    "claim",
    "claims",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "charge",
    "charges",
    "warning",
    "warnings",
    "assertion",
    "assertions",
    "remarks",
    "statement",
    "statements",
];

/// How much a rebuttal of an actor's claims says against that actor.
const REBUTTAL: f32 = -0.6;

/// "Kestria denied Varnia's allegations", "dismissed the claims made by Varnia": to rebut
/// what an actor says is to stand against that actor. A cue on the verb, where no word of
/// the lexicon already is one; the claimant is found as any target is.
fn rebuttals(text: &Text, entities: &Entities, sentence: Span, cues: &[Cue]) -> Vec<Cue> {
    let words = &text.words[text.words_in(sentence)];
    let mentions = entities.mentions_in(sentence);
    let mut out = Vec::new();
    for (i, verb) in words.iter().enumerate() {
        // Every word of the sentence is read: most are rejected by length and first letter.
        if !may_be_rebuttal(text.original.as_bytes(), *verb) {
            continue;
        }
        let is_rebuttal = REBUTTALS
            .iter()
            .any(|r| text.slice(*verb).eq_ignore_ascii_case(r));
        if !is_rebuttal || cues.iter().any(|c| c.span.overlaps(*verb)) {
            continue;
        }
        // The claim noun within a few words, and an actor's name between or right after.
        let Some(claim) = words[i + 1..].iter().take(CLAIM_WORDS).find(|w| {
            CLAIMS
                .iter()
                .any(|c| text.slice(**w).eq_ignore_ascii_case(c))
        }) else {
            continue;
        };
        // Named between the verb and the claim, or right after the claim with only
        // "made by", "of", "from" and the like between.
        let claimant = mentions.iter().any(|m| {
            let after_claim = || {
                let gap = folded_between(text, claim.end, m.span.start);
                !gap.trim().is_empty()
                    && gap
                        .split_whitespace()
                        .all(|w| matches!(w, "made" | "by" | "of" | "from" | "the"))
            };
            is_actor_kind(entities, m.entity)
                && ((m.span.start >= verb.end && m.span.end <= claim.start)
                    || (m.span.start >= claim.end && after_claim()))
        });
        if claimant {
            out.push(Cue {
                span: *verb,
                polarity: REBUTTAL,
            });
        }
    }
    out
}

/// Words from a rebuttal to the claim it rebuts ("denied the Varnian government's claims").
const CLAIM_WORDS: usize = 5;

/// How firmly acting together says the partners are on one side.
const JOINT_ACTION: f32 = 0.5;
/// Words from the holder's mention to a partner's name ("his country, together with").
const JOINT_REACH: usize = 10;

/// The actors named as acting jointly with `holder` in the sentence ("together with X").
/// Only right after the holder's own mention: "Varnia, together with Kestria, …".
fn joint_partners(
    text: &Text,
    entities: &Entities,
    sentence: Span,
    subject: Option<Span>,
    holder: usize,
    targets: &[Target],
) -> Vec<usize> {
    let mut partners: Vec<usize> = Vec::new();
    let Some(subject) = subject else {
        return partners;
    };
    // The first other actor named after the holder's mention, and those joined to it.
    let mentions = entities.mentions_in(sentence);
    let Some(m) = mentions[mentions.partition_point(|m| m.span.start < subject.end)..]
        .iter()
        .find(|m| m.entity != holder && is_actor_kind(entities, m.entity))
    else {
        return partners;
    };
    if words_between(text, subject.end, m.span.start) > JOINT_REACH {
        return partners;
    }
    if after_jointly(text, sentence, m.span) {
        // "together with Kestria and Zorblat": each one.
        for p in std::iter::once(m).chain(conjuncts(text, entities, sentence, m)) {
            if p.entity != holder
                && !partners.contains(&p.entity)
                && !targets.iter().any(|t| t.entity == p.entity)
            {
                partners.push(p.entity);
            }
        }
    }
    partners
}

/// One statement per holder and sentence: rules that each read part of a sentence
/// ("relations based on friendship, cooperation"; an epithet in a speaker's words) say
/// one thing of that holder, with all their cues. A target named by two keeps the firmer
/// polarity, or on a conflict the first rule's (an epithet's, before any cue's); the first
/// rule is named.
fn one_per_holder(statements: Vec<Statement>) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::with_capacity(statements.len());
    let mut in_sentence: HashMap<Holder, usize> = HashMap::new();
    for s in statements {
        if out.last().is_some_and(|last| last.span != s.span) {
            in_sentence.clear();
        }
        let Some(&at) = in_sentence.get(&s.holder) else {
            in_sentence.insert(s.holder, out.len());
            out.push(s);
            continue;
        };
        let kept = &mut out[at];
        for t in s.targets {
            match kept.targets.iter_mut().find(|k| k.entity == t.entity) {
                Some(k) if t.polarity * k.polarity > 0.0 && t.polarity.abs() > k.polarity.abs() => {
                    k.polarity = t.polarity
                }
                Some(_) => {}
                None => kept.targets.push(t),
            }
        }
        for c in s.cues {
            if !kept.cues.iter().any(|k| k.span == c.span) {
                kept.cues.push(c);
            }
        }
        kept.cues.sort_by_key(|c| c.span.start);
    }
    out
}

/// Words that introduce a feeling's cause after its feelers ("alarmed Kestria as Varnia…").
const CAUSE_AFTER: &[&str] = &["as", "after", "over", "because", "when"];

/// Words a caused feeling may look back over for its causes ("Varnia's decision to
/// host the drills … angered Kestria").
const CAUSE_REACH: usize = 15;

/// "X's move angered Y", "ties between X and Z, which angered Y": Y's attitude toward X
/// (and Z). The feeler is the actor right after the verb, with the actors coordinated
/// after it ("alarmed Y and W"); a verb after "was" or "is" is the feeler's own state
/// ("Y was angered by…"), which the other rules read.
fn caused_feeling(text: &Text, entities: &Entities, sentence: Span, cue: &Cue) -> Vec<Statement> {
    let verb = crate::text::lower(text.slice(cue.span));
    if cue.polarity >= 0.0 || !CAUSED_FEELINGS.contains(&&*verb) {
        return Vec::new();
    }
    if previous_word(text, cue.span.start).is_some_and(|w| {
        let w = crate::text::lower(text.slice(w));
        PASSIVE_AUXILIARIES.contains(&&*w) || matches!(&*w, "not" | "never" | "got")
    }) {
        return Vec::new();
    }
    let mentions = entities.mentions_in(sentence);
    let Some(feeler) = mentions
        .iter()
        .find(|m| m.span.start >= cue.span.end)
        .filter(|m| words_between(text, cue.span.end, m.span.start) <= 2)
        .filter(|m| is_actor_kind(entities, m.entity))
    else {
        return Vec::new();
    };
    let mut feelers = vec![feeler];
    feelers.extend(conjuncts(text, entities, sentence, feeler));
    let clause = text.original[sentence.start..cue.span.start]
        .rfind(';')
        .map_or(sentence.start, |i| sentence.start + i + 1);
    let mut targets: Vec<Target> = Vec::new();
    for m in mentions.iter().filter(|m| {
        m.span.start >= clause
            && m.span.end <= cue.span.start
            && feelers.iter().all(|f| f.entity != m.entity)
            && is_actor_kind(entities, m.entity)
            && !is_location(text, m.span)
            && words_between(text, m.span.end, cue.span.start) <= CAUSE_REACH
    }) {
        if !targets.iter().any(|t| t.entity == m.entity) {
            targets.push(Target {
                entity: m.entity,
                polarity: cue.polarity,
            });
        }
    }
    // "raised eyebrows in Paris over Serbia's deal", "alarmed Kestria as Varnia moved in":
    // with no cause before the feeling, the cause named right after its feelers.
    if targets.is_empty() {
        let last = feelers.last().map_or(cue.span.end, |f| f.span.end);
        let cause = mentions.iter().find(|m| m.span.start >= last).filter(|m| {
            let gap = folded_between(text, last, m.span.start);
            let mut words = gap
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty());
            words.next().is_some_and(|w| CAUSE_AFTER.contains(&w))
                && words.count() <= 2
                && is_actor_kind(entities, m.entity)
                && !is_location(text, m.span)
        });
        if let Some(m) = cause {
            for t in std::iter::once(m).chain(conjuncts(text, entities, sentence, m)) {
                if !targets.iter().any(|x| x.entity == t.entity) {
                    targets.push(Target {
                        entity: t.entity,
                        polarity: cue.polarity,
                    });
                }
            }
        }
    }
    if targets.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<Statement> = Vec::new();
    for f in feelers {
        if out.iter().all(|s| s.holder != Holder::Entity(f.entity)) {
            out.push(Statement {
                span: sentence,
                holder: Holder::Entity(f.entity),
                targets: targets.clone(),
                cues: vec![*cue],
                rule: "caused-feeling",
            });
        }
    }
    out
}

fn is_actor_kind(entities: &Entities, entity: usize) -> bool {
    matches!(
        entities.entities[entity].kind,
        EntityType::Country | EntityType::Person | EntityType::Organization
    )
}

/// The actors coordinated before a subject ("Kestria, Varnia and Zorblat" before
/// "Zorblat"), nearest first.
fn coordinated(text: &Text, entities: &Entities, sentence: Span, subject: Span) -> Vec<usize> {
    let mentions = entities.mentions_in(sentence);
    let mut out = Vec::new();
    // "was condemned by Kestria and Varnia": the names after the first share its "by".
    let by = text.folded[..text.folded_offset(subject.start)]
        .trim_end()
        .ends_with(" by");
    if by {
        let mut at = subject.end;
        for m in mentions.iter().filter(|m| m.span.start >= subject.end) {
            let gap = text.folded[text.folded_offset(at)..text.folded_offset(m.span.start)].trim();
            if !matches!(gap, "and" | ", and" | ",") || !is_actor_kind(entities, m.entity) {
                break;
            }
            if !out.contains(&m.entity) {
                out.push(m.entity);
            }
            at = m.span.end;
            if out.len() >= MAX_COORDINATED {
                break;
            }
        }
    }
    let mut at = subject.start;
    for m in mentions
        .iter()
        .rev()
        .filter(|m| m.span.end <= subject.start)
    {
        if m.span.end > at {
            continue;
        }
        let gap = text.folded[text.folded_offset(m.span.end)..text.folded_offset(at)].trim();
        // A list ends in "and"/"or" before its last name: a lone comma right before
        // the subject ends an opening phrase ("At the embassy of X, Y said").
        let joined = match gap {
            "and" | ", and" | "or" | ", or" | "nor" | ", nor" => true,
            "," => !out.is_empty(),
            _ => false,
        };
        if !joined || !is_actor_kind(entities, m.entity) || is_object(text, mentions, m) {
            break;
        }
        if !out.contains(&m.entity) {
            out.push(m.entity);
        }
        at = m.span.start;
        if out.len() >= MAX_COORDINATED {
            break;
        }
    }
    out
}

/// A list of holders longer than this is a list of names, not a subject.
const MAX_COORDINATED: usize = 6;

/// How much of a hostile act's polarity the author holds against its actor.
const ACTOR_BLAME: f32 = 0.8;
/// Within this many words an attitude word speaks of a target whatever the sentence's sum.
const LOCAL_REACH: usize = 2;
/// Within this many words after a hostile word, in the article's voice, a name is what
/// it is done to.
const VICTIM_REACH: usize = 3;
/// How many words may separate a target from the nearest attitude word.
const TARGET_REACH: usize = 8;
/// The actor named right after an attitude word ("accused Ankara", "condemned the
/// Iranian diplomat"), if any.
fn direct_object<'e>(
    text: &Text,
    entities: &'e Entities,
    sentence: Span,
    cue: Span,
) -> Option<&'e crate::entities::Mention> {
    let mentions = entities.mentions_in(sentence);
    let k = mentions.partition_point(|m| m.span.start < cue.end);
    let m = mentions.get(k)?;
    let gap = text
        .folded
        .get(text.folded_offset(cue.end)..text.folded_offset(m.span.start))?;
    let words: Vec<&str> = gap.split_whitespace().collect();
    let actor = matches!(
        entities.entities[m.entity].kind,
        EntityType::Country | EntityType::Person | EntityType::Organization
    );
    (actor
        && words.len() <= 1
        && words
            .iter()
            .all(|w| matches!(*w, "the" | "its" | "their" | "his" | "her")))
    .then_some(m)
}

/// Nouns of harm whose "to X" names the one harmed ("a threat to Azerbaijan"), unlike
/// "expressed alarm to Israeli politicians", where X is only addressed.
const HARM_NOUNS: &[&str] = &[
    "threat",
    "danger",
    "risk",
    "menace",
    "harm",
    "blow",
    "damage",
    "challenge",
];

fn is_harm(text: &Text, cue: Span) -> bool {
    let folded = &text.folded[text.folded_offset(cue.start)..text.folded_offset(cue.end)];
    folded
        .split(' ')
        .next_back()
        .is_some_and(|w| HARM_NOUNS.iter().any(|h| w.starts_with(h)))
}

/// Words between an actor and a hostile word that make the actor its experiencer.
const PERCEPTION: &[&str] = &[
    "aware",
    "concerned",
    "worried",
    "afraid",
    "fears",
    "fear",
    "wary",
    "alarmed",
    "sees",
    "perceives",
    "views",
    "faces",
    "facing",
];

/// Verbs of regarding someone as something ("defined Kestria as a danger").
const REGARDING: &[&str] = &[
    "sees",
    "saw",
    "views",
    "viewed",
    "considers",
    "considered",
    "regards",
    "regarded",
    "defines",
    "defined",
    "deems",
    "deemed",
    "labels",
    "labelled",
    "labeled",
    "brands",
    "branded",
    "designated",
    "calls",
    "called",
];

/// Verbs by which an actor stops a hostile thing, whose doer is someone else.
const PREVENTION: &[&str] = &[
    "foil",
    "thwart",
    "prevent",
    "avert",
    "repel",
    "repuls",
    "disrupt",
    "dismantl",
    "uncover",
    "intercept",
    "neutrali",
    "counter",
];

/// Verbs of judging another's deed: saying so is not doing it.
const JUDGEMENTS: &[&str] = &[
    "accus", "charg", "blam", "condemn", "critici", "denounc", "protest", "rebuk", "warn", "slam",
    "lambast", "decr",
];

/// Words of feeling: whoever is "concerned" or "alarmed" holds the attitude, never the
/// article that reports it.
const FEELINGS: &[&str] = &[
    "concern", "worr", "alarm", "fear", "afraid", "anxi", "uneas", "wary", "nervous",
];

/// Whether a word of the cue starts with one of `stems` ("concerned" with "concern").
fn has_stem(text: &Text, cue: Span, stems: &[&str]) -> bool {
    text.folded[text.folded_offset(cue.start)..text.folded_offset(cue.end)]
        .split(' ')
        .any(|w| stems.iter().any(|s| w.starts_with(s)))
}

/// Acts whose very name is a charge ("provocations", "threats"), unlike "attack" or
/// "strike", which tell an event.
const CHARGES: &[&str] = &["threat", "aggression", "provocation", "sabotage"];

/// Words that make what follows advice to the one named before them.
const PRESCRIPTIONS: &[&str] = &["must", "should", "needs", "ought"];

/// "The new Varnian government must strengthen…": advice to the one named, not the
/// article's attitude toward it. "Needs" counts only before "to" ("the ally Varnia needs"
/// is no advice).
fn is_advised(text: &Text, span: Span) -> bool {
    let range = text.words_in(Span::new(span.end, text.original.len()));
    let words = &text.words[range.start..range.end.min(range.start + 4)];
    let word = |i: usize| words.get(i).map_or("", |w| text.slice(*w));
    (0..3)
        .map(word)
        .take_while(|w| !w.is_empty() && !w.contains([',', ';']))
        .enumerate()
        .any(|(i, w)| {
            PRESCRIPTIONS.iter().any(|p| w.eq_ignore_ascii_case(p))
                && (!w.eq_ignore_ascii_case("needs") || word(i + 1).eq_ignore_ascii_case("to"))
        })
        && !text.original[span.end..].starts_with(['\'', '\u{2019}'])
}

/// Words for hostile deeds besides the charges, whose doer may follow them ("attacks by
/// Varnia").
const HOSTILE_DEEDS: &[&str] = &["hostil", "attack", "meddl", "interfer"];

/// Participles that turn a state into a modifier of something else ("Iranian-backed
/// militias"): the state is not what the sentence's attitude is about.
const MODIFIER_PARTICIPLES: &[&str] = &[
    "backed",
    "made",
    "supplied",
    "built",
    "funded",
    "sponsored",
    "led",
    "born",
    "based",
    "allied",
    "linked",
    "aligned",
    "brokered",
    "owned",
    "run",
    "populated",
    "inhabited",
    "speaking",
];

/// "Varnian-backed militias": the participle of a compound modifies a noun; it is no
/// attitude of the sentence.
fn is_compound_participle(text: &Text, span: Span) -> bool {
    text.original[..span.start].ends_with('-')
        && MODIFIER_PARTICIPLES
            .iter()
            .any(|p| text.slice(span).eq_ignore_ascii_case(p))
}

fn is_modifier(text: &Text, span: Span) -> bool {
    let rest = text.original.get(span.end..).unwrap_or("");
    rest.strip_prefix('-').is_some_and(|r| {
        let word: String = r.chars().take_while(|c| c.is_alphabetic()).collect();
        MODIFIER_PARTICIPLES.contains(&word.to_lowercase().as_str())
    })
}

/// "pro-Western Kestria", "pro-Varnia networks": a side the thing named takes. It is not
/// what the article's own words are about, nor, before a name, what a party's are.
fn is_side_taken(text: &Text, span: Span, by_author: bool) -> bool {
    let before = text.original.get(..span.start).unwrap_or("");
    let pro = before
        .get(before.len().saturating_sub(4)..)
        .is_some_and(|p| p.eq_ignore_ascii_case("pro-"));
    let before_name = text.original[span.end..]
        .trim_start_matches([',', ' '])
        .starts_with(char::is_uppercase);
    pro && (by_author || before_name)
}

/// Words before a state that make it the place where something happens, not a party.
const LOCATIVE: &[&str] = &[
    "in",
    "inside",
    "on",
    "at",
    "into",
    "across",
    "throughout",
    "within",
];

/// Words shortly before a name that make it a companion of the speaker, not the one
/// spoken of ("at a news conference with his Varnian counterpart", "alongside X").
const COMPANIONS: &[&str] = &[
    "alongside",
    "together with",
    "counterpart",
    "conference with",
    "met with",
    "meeting with",
    "talks with",
    "hosted by",
    "led by",
    "joined by",
];

fn is_companion(text: &Text, sentence: Span, span: Span) -> bool {
    let from = text.folded_offset(sentence.start.max(span.start.saturating_sub(40)));
    let before = text
        .folded
        .get(from..text.folded_offset(span.start))
        .unwrap_or("");
    // Only the last few words, and none past a clause break.
    let before = before.rsplit([',', ';', ':']).next().unwrap_or(before);
    contains_any(last_words(before, 5).as_bytes(), COMPANIONS, JOINTLY)
}

/// The last `n` words of `s` (split at white space) joined by single spaces: as it stands
/// in `s` when one space separates each (nearly always), else joined anew.
fn last_words(s: &str, n: usize) -> std::borrow::Cow<'_, str> {
    let mut words = s.split_whitespace().rev().take(n);
    let Some(last) = words.next() else {
        return "".into();
    };
    let first = words.last().unwrap_or(last);
    // Words are slices of `s`: their offsets in it.
    let offset = |w: &str| w.as_ptr() as usize - s.as_ptr() as usize;
    let run = &s[offset(first)..offset(last) + last.len()];
    let single_spaces =
        !run.bytes().any(|b| b >= 0x80 || (9..=13).contains(&b)) && !run.contains("  ");
    if single_spaces {
        return run.into();
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    words[words.len().saturating_sub(n)..].join(" ").into()
}

/// Whether any phrase of `a` or `b` occurs in `hay`: each place is tried only against the
/// phrases that start with its byte (read for every name a target may be).
fn contains_any(hay: &[u8], a: &[&str], b: &[&str]) -> bool {
    let mut first = [false; 256];
    for p in a.iter().chain(b) {
        if let Some(&f) = p.as_bytes().first() {
            first[usize::from(f)] = true;
        }
    }
    (0..hay.len()).any(|i| {
        first[usize::from(hay[i])]
            && a.iter()
                .chain(b)
                .any(|p| !p.is_empty() && hay[i..].starts_with(p.as_bytes()))
    })
}

/// "a strike on a depot in Georgia": a place, not a target (unless
/// possessive: "in Azerbaijan's affairs").
fn is_location(text: &Text, span: Span) -> bool {
    let possessive = text.original[span.end..].starts_with("'s")
        || text.original[span.end..].starts_with("\u{2019}s");
    let before = text.folded[..text.folded_offset(span.start)].trim_end();
    let word = before.rsplit(' ').next().unwrap_or("");
    !possessive && LOCATIVE.contains(&word)
}

/// "lashed out at Kestria", "sanctions on Varnia": a name right after an attitude word's
/// preposition is what the attitude is aimed at, not where it happens.
fn aimed_at(text: &Text, cues: &[Cue], span: Span) -> bool {
    cues.iter().any(|c| {
        c.span.end <= span.start
            && matches!(
                folded_between(text, c.span.end, span.start),
                " at " | " on " | " at the " | " on the "
            )
    })
}

/// Weaker sums are noise from incidental words, not a stance.
const MIN_POLARITY: f32 = 0.3;
/// How many words may separate an attitude word from the actor holding it.
const SUBJECT_REACH: usize = 5;

/// How many words after an accusation its charge may start.
const CHARGE_WORDS: usize = 6;

/// Verbs of accusation whose "of …" names the charge.
const ACCUSATIONS: &[&str] = &["accus", "charg", "blam", "suspect", "convict"];

/// "Varnia's objection", "Kestria's sharp rebuke", "Varnian criticism": an actor in the
/// possessive, or a name or demonym modifying an attitude noun, holds it.
fn nominal_holder<'e>(
    text: &Text,
    entities: &'e Entities,
    sentence: Span,
    cue: Span,
) -> Option<&'e crate::entities::Mention> {
    let mentions = entities.mentions_in(sentence);
    let upto = mentions.partition_point(|m| m.span.start < cue.start);
    let m = mentions[..upto].iter().rfind(|m| m.span.end <= cue.start)?;
    if !is_actor_kind(entities, m.entity) {
        return None;
    }
    let gap = text.original.get(m.span.end..cue.start)?;
    // A demonym or a short form right before the noun modifies it ("Varnian criticism
    // of…", "US support for…"); a full name there is a compound ("the Varnia crisis"),
    // and before a relational noun it says who the party is ("its Varnian allies").
    let surface = text.slice(m.span);
    let entity = &entities.entities[m.entity];
    let modifier = gap == " "
        && surface != entity.name
        && (entity.kind == EntityType::Country || surface.chars().all(|c| c.is_ascii_uppercase()))
        && relational_noun(text, cue).is_none()
        && !text.original[..m.span.start].ends_with(['-', '\u{2013}', '/']);
    let rest = gap
        .strip_prefix("'s ")
        .or_else(|| gap.strip_prefix("\u{2019}s "))
        .or_else(|| modifier.then_some(""))?;
    // At most one adjective between: "Varnia's sharp objection".
    (rest.split_whitespace().count() <= 1 && !rest.contains([',', ';', '"'])).then_some(m)
}

/// The speaker of a relative clause ("X condemned Varnia's minister, who said…",
/// "Olek Varga, who warned that…"): the actor right before ", who" and the speech verb.
fn relative_speaker<'e>(
    text: &Text,
    entities: &'e Entities,
    sentence: Span,
    verb: Span,
) -> Option<&'e Mention> {
    // Only the few words before the verb are read, so a sentence of many verbs stays
    // linear.
    let from = crate::text::floor_char_boundary(text.original, verb.start.saturating_sub(24))
        .max(sentence.start);
    let before = text.original.get(from..verb.start)?.trim_end();
    let head = before.strip_suffix(", who").or_else(|| {
        // One adverb between: ", who also said", ", who later warned".
        let (rest, _) = before.rsplit_once(' ')?;
        rest.strip_suffix(", who")
    })?;
    let head_end = from + head.len();
    let mentions = entities.mentions_in(sentence);
    let k = mentions.partition_point(|m| m.span.start < head_end);
    mentions[..k]
        .iter()
        .rev()
        .take(2)
        .find(|m| m.span.end <= head_end)
        .filter(|m| words_between(text, m.span.end, head_end) <= 3)
        .filter(|m| is_actor_kind(entities, m.entity))
}

/// A name joined to another word by a hyphen, en dash or slash modifies the noun after
/// it ("the Varnia-Kestria crisis", "Varnian-backed"); "the Novak government" names its
/// head the same way. Neither is the subject of a clause.
fn is_name_modifier(text: &Text, kind: EntityType, span: Span) -> bool {
    let joined = |c: char| matches!(c, '-' | '\u{2013}' | '/');
    text.original[..span.start].ends_with(joined)
        || text.original[span.end..]
            .strip_prefix(joined)
            .is_some_and(|rest| rest.starts_with(char::is_alphabetic))
        || (kind == EntityType::Person
            && last_word_before(text, span.start).eq_ignore_ascii_case("the"))
}

/// Subjects that open a new clause after a comma.
const CLAUSE_SUBJECTS: &[&str] = &[", it ", ", they ", ", he ", ", she ", ", we ", "; "];

/// Whether a new clause starts between two offsets (", it sought…", "; …").
fn new_clause_between(text: &Text, from: usize, to: usize) -> bool {
    let gap = folded_between(text, from, to);
    // Every clause subject starts with a comma or a semicolon: only those places are tried.
    gap.match_indices([',', ';'])
        .any(|(at, _)| CLAUSE_SUBJECTS.iter().any(|c| gap[at..].starts_with(c)))
}

/// Words that, right after a name, make it the subject of its own clause.
const AUXILIARIES: &[&str] = &[
    "will",
    "won't",
    "won\u{2019}t",
    "would",
    "wouldn't",
    "wouldn\u{2019}t",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "can",
    "cannot",
    "could",
    "must",
    "should",
    "may",
    "might",
    "does",
    "did",
];

/// "…backs the rebels—Varnia will not…": a name right after a dash and before an
/// auxiliary opens a new clause.
fn subject_after_dash(text: &Text, span: Span) -> bool {
    let before = text.original[..span.start].trim_end_matches(' ');
    let next = text.original[span.end..]
        .split_whitespace()
        .next()
        .unwrap_or("");
    before.ends_with(['\u{2014}', '\u{2013}'])
        && AUXILIARIES.iter().any(|a| next.eq_ignore_ascii_case(a))
}

/// "ethnic Varnians": a people, wherever they live, not the state of that name.
fn is_ethnic_group(text: &Text, span: Span) -> bool {
    last_word_before(text, span.start).eq_ignore_ascii_case("ethnic")
}

/// Whether the name at `at` is the subject of a contrasting clause ("while Kestria…",
/// "whereas the Varnian army…"), read back to `from`.
fn opens_contrast(text: &Text, from: usize, at: usize) -> bool {
    let gap = folded_between(text, from, at);
    let gap = gap.strip_suffix("the ").unwrap_or(gap);
    ["while ", "whereas ", "although ", "though "]
        .iter()
        .any(|c| {
            gap.strip_suffix(c)
                .is_some_and(|before| before.is_empty() || before.ends_with(' '))
        })
}

/// The name right before an attitude noun that it modifies or possesses ("the Novak
/// government", "Varnia's meddling", "Varnian threats").
fn cue_owner<'e>(
    text: &Text,
    entities: &'e Entities,
    sentence: Span,
    cue: Span,
) -> Option<&'e Mention> {
    let mentions = entities.mentions_in(sentence);
    let m = mentions[..mentions.partition_point(|m| m.span.end <= cue.start)].last()?;
    let gap = text.original.get(m.span.end..cue.start)?;
    // Before a verb a name is its subject ("Novak lauded"); before a noun it says whose
    // the noun is: a possessive, a demonym ("Varnian meddling") or after "the".
    let attributive = gap == " "
        && !ends_in_ed(last_word_before(text, cue.end))
        && (text.slice(m.span) != entities.entities[m.entity].name
            || last_word_before(text, m.span.start).eq_ignore_ascii_case("the"));
    ((attributive || matches!(gap, "'s " | "\u{2019}s ")) && is_actor_kind(entities, m.entity))
        .then_some(m)
}

/// "As the Varnia-Kestria crisis deepens": the clause's subject is a noun a name only
/// modifies, so the attitude word after it is nobody's.
fn modified_noun_subject(text: &Text, entities: &Entities, sentence: Span, cue: Span) -> bool {
    let mentions = entities.mentions_in(sentence);
    let Some(m) = mentions.iter().rev().find(|m| m.span.end <= cue.start) else {
        return false;
    };
    let gap = text.original.get(m.span.end..cue.start).unwrap_or("");
    let words = text.words_in(Span::new(m.span.end, cue.start)).len();
    is_name_modifier(text, entities.entities[m.entity].kind, m.span)
        && (1..=SUBJECT_REACH).contains(&words)
        && !gap.contains([',', ';', ':', '(', ')', '"'])
}

/// A verb form: a past tense or participle ("condemned"), or a speech verb.
fn is_verb_like(text: &Text, speech: &[Hit<'_, SpeechKind>], cue: Span) -> bool {
    let word = last_word_before(text, cue.end);
    word.len() > 3 && ends_in_ed(word) || is_speech(speech, cue)
}

/// A word ending in "-ed", in any case ("condemned", "CONDEMNED").
fn ends_in_ed(word: &str) -> bool {
    word.as_bytes()
        .get(word.len().saturating_sub(2)..)
        .is_some_and(|end| end.eq_ignore_ascii_case(b"ed"))
}

/// Whether a speech word of the sentence (in text order, not overlapping) overlaps `span`.
fn is_speech(speech: &[Hit<'_, SpeechKind>], span: Span) -> bool {
    speech
        .get(speech.partition_point(|v| v.span.end <= span.start))
        .is_some_and(|v| v.span.overlaps(span))
}

/// "… and praised", "… and also warned": a verb joined by "and" to an earlier verb of the
/// same clause shares its subject.
fn coordinated_verb(text: &Text, speech: &[Hit<'_, SpeechKind>], cue: Span) -> bool {
    if !is_verb_like(text, speech, cue) {
        return false;
    }
    let mut at = cue.start;
    for _ in 0..2 {
        let Some(word) = previous_word(text, at) else {
            return false;
        };
        let folded = text.slice(word).to_ascii_lowercase();
        if folded == "and" {
            return true;
        }
        if !JOINED_VERB_ADVERBS.contains(&folded.as_str()) {
            return false;
        }
        at = word.start;
    }
    false
}

/// Asides set off by commas between a subject and its verb.
const ASIDES: &[&str] = &[
    ", for its part,",
    ", for his part,",
    ", for her part,",
    ", for their part,",
    ", in turn,",
    ", meanwhile,",
    ", too,",
    ", however,",
    ", in particular,",
];

fn local_subject<'e>(
    text: &Text,
    entities: &'e Entities,
    sentence: Span,
    cue: Span,
) -> Option<&'e crate::entities::Mention> {
    let mentions = entities.mentions_in(sentence);
    let mut m = mentions.iter().rev().find(|m| m.span.end <= cue.start)?;
    // "Varnia defined Kestria as a danger": the one regarded is the verb's object;
    // the one regarding is the subject.
    if let Some(verb) = previous_word(text, m.span.start).filter(|w| {
        REGARDING
            .iter()
            .any(|r| text.slice(*w).eq_ignore_ascii_case(r))
    }) {
        m = mentions
            .iter()
            .rev()
            .find(|r| r.span.end <= verb.start)
            .filter(|r| text.original[r.span.end..verb.start].trim().is_empty())?;
    }
    let e = &entities.entities[m.entity];
    if !matches!(
        e.kind,
        EntityType::Country | EntityType::Person | EntityType::Organization
    ) || is_name_modifier(text, e.kind, m.span)
        || names_opponents(text, sentence, m.span)
    {
        return None;
    }
    let mut between = text.words_in(Span::new(m.span.end, cue.start)).len();
    let mut gap = text
        .original
        .get(m.span.end..cue.start)
        .unwrap_or("")
        .to_string();
    // "the Varnian Guard (VG) threatened": an acronym after a name is part of it, whether
    // known as a name itself or not.
    let bracketed = text.original[..m.span.start].ends_with('(');
    if let (true, Some(rest)) = (bracketed, gap.strip_prefix(')')) {
        gap = rest.to_string();
    } else if let Some(rest) = gap.trim_start().strip_prefix('(') {
        if let Some((inside, after)) = rest.split_once(')') {
            if !inside.is_empty()
                && inside.len() <= 12
                && inside
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
            {
                between -= 1.min(between);
                gap = after.to_string();
            }
        }
    }
    // "Zorblat, for its part, is arming Varnia": an aside does not end the clause.
    // Every aside starts with a comma. The gap is lowered once: lowering keeps each
    // byte where it is, so the lowered gap takes each cut as the gap does.
    if gap.contains(',') {
        let mut lowered = gap.to_ascii_lowercase();
        for aside in ASIDES {
            if let Some(at) = lowered.find(aside) {
                gap.replace_range(at..at + aside.len(), " ");
                lowered.replace_range(at..at + aside.len(), " ");
                between -= aside.split_whitespace().count().min(between);
            }
        }
    }
    if between > SUBJECT_REACH
        || gap.contains([',', ';', ':', '(', ')', '"', '\u{201C}', '\u{201D}'])
    {
        return None;
    }
    // "helped Varnia fight groups that threaten…": the relative pronoun's noun is the
    // subject, not the name before it.
    let words: Vec<String> = gap.split_whitespace().map(str::to_lowercase).collect();
    // "…the noses of Varnia and received a vote": a verb joined by "and" has the earlier
    // clause's subject.
    if words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "and" | "or" | "but"))
    {
        return None;
    }
    if words.len() > 1
        && words
            .iter()
            .any(|w| matches!(w.as_str(), "that" | "which" | "who" | "whose"))
    {
        return None;
    }
    // "Iran's threat" is a possessor, fine; "with Iran" is an object, not a holder.
    (!is_object(text, mentions, m)).then_some(m)
}

/// The subject of an attitude verb inside what a speaker says ("Varnia has long backed
/// Kestria, Novak said"): neither the speaker nor a name in the speaker's own phrase; not
/// for a verb joined to the speaker's own ("…praised X and then criticized Y"), nor one
/// whose subject a name only modifies ("the Varnia crisis worried…").
fn reported_subject<'e>(
    text: &Text,
    entities: &'e Entities,
    sentence: Span,
    attribution: &Attribution,
    speech: &[Hit<'_, SpeechKind>],
    cue: Span,
) -> Option<&'e crate::entities::Mention> {
    if attribution.cue.is_some_and(|v| v.overlaps(cue))
        || coordinated_verb(text, speech, cue)
        || modified_noun_subject(text, entities, sentence, cue)
    {
        return None;
    }
    let word = crate::text::lower(last_word_before(text, cue.end));
    // Only auxiliaries and adverbs between the subject and its verb ("Varnia has long
    // backed"): "the Varnia crisis worried…" has a noun there, and Varnia only modifies it.
    let verb_group = |w: &str| {
        AUXILIARIES.contains(&w)
            || JOINED_VERB_ADVERBS.contains(&w)
            || matches!(w, "been" | "not" | "never" | "long" | "already")
            || (w.len() > 3 && w.ends_with("ly"))
    };
    local_subject(text, entities, sentence, cue).filter(|m| {
        let gap: Vec<&str> = folded_between(text, m.span.end, cue.start)
            .split_whitespace()
            .collect();
        // A verb, not a predicate adjective ("Varnia is dangerous" stays the speaker's):
        // a past form or speech verb, "is backing", or "supports" right after the name.
        let verb = is_verb_like(text, speech, cue)
            || (word.ends_with("ing") && gap.iter().any(|w| AUXILIARIES.contains(w)))
            || (word.ends_with('s')
                && gap.is_empty()
                && relational_noun(text, cue).is_none()
                // "its Varnian allies", "the Kestrian claims": a noun phrase.
                && !matches!(
                    &*crate::text::lower(last_word_before(text, m.span.start)),
                    "its" | "their" | "his" | "her" | "our" | "the" | "a" | "an" | "these" | "those"
                ));
        verb && Holder::Entity(m.entity) != attribution.holder
            && !attribution.speaker.is_some_and(|s| s.overlaps(m.span))
            && gap.iter().all(|w| verb_group(w))
    })
}

/// Verbs that make the noun after them a description of their subject.
const COPULAS: &[&str] = &[
    "is", "are", "was", "were", "remains", "remain", "remained", "been", "become", "becomes",
    "became",
];
/// Words naming the field of a relationship ("economic ties", "security cooperation").
const DOMAIN_WORDS: &[&str] = &[
    "economic",
    "military",
    "security",
    "trade",
    "diplomatic",
    "political",
    "strategic",
    "energy",
    "defense",
    "defence",
    "business",
    "bilateral",
    "cultural",
    "intelligence",
    "commercial",
];

/// "close economic ties": the evaluative word two before a relationship noun, when a
/// domain word stands between and the two without it are a relationship phrase.
fn past_domain_word(kb: &KnowledgeBase, text: &Text, sentence: Span, noun: Span) -> Option<Cue> {
    let k = text.words.partition_point(|w| w.end <= noun.start);
    let first = text.words.partition_point(|w| w.end <= sentence.start);
    let (adjective, domain) = (k.checked_sub(2)?, k - 1);
    if adjective < first
        || !DOMAIN_WORDS.contains(&&*crate::text::lower(text.slice(text.words[domain])))
    {
        return None;
    }
    let adjective = text.words[adjective];
    let phrase = format!("{} {}", text.slice(adjective), text.slice(noun));
    let probe = Text::new(&phrase);
    let hit = kb
        .relations
        .find_all(&probe)
        .into_iter()
        .find(|h| h.span.start == 0 && h.span.end == phrase.len())?;
    (*hit.value != 0.0).then_some(Cue {
        span: adjective,
        polarity: *hit.value,
    })
}

/// "an ally against Kestria": the actor named right after "against" following `cue`.
fn against_whom(text: &Text, entities: &Entities, sentence: Span, cue: Span) -> Option<usize> {
    let mentions = entities.mentions_in(sentence);
    let m = mentions.get(mentions.partition_point(|m| m.span.start < cue.end))?;
    let gap = folded_between(text, cue.end, m.span.start).trim();
    (matches!(gap, "against" | "against the") && is_actor_kind(entities, m.entity))
        .then_some(m.entity)
}

/// Participles that with "as" say what their subject is taken to be ("seen as an ally").
const PERCEIVED_AS: &[&str] = &[
    "seen",
    "regarded",
    "viewed",
    "considered",
    "recognized",
    "recognised",
    "known",
    "described",
    "perceived",
    "treated",
];
/// Adverbs that may stand between a copula and its noun phrase.
const ADVERBS: &[&str] = &[
    "already", "now", "still", "also", "long", "often", "again", "once",
];

/// Words that open a noun phrase after a copula ("is a", "has been one of").
const NOUN_OPENERS: &[&str] = &[
    "a", "an", "the", "one", "its", "their", "his", "her", "our", "another",
];

/// Nouns that name one party's relation to another ("an ally of", "partners").
const RELATIONAL_NOUNS: &[&str] = &[
    "ally",
    "allies",
    "partner",
    "partners",
    "friend",
    "friends",
    "enemy",
    "enemies",
    "foe",
    "foes",
    "archfoe",
    "arch-foe",
    "nemesis",
    "rival",
    "rivals",
    "adversary",
    "adversaries",
    "backer",
    "backers",
    "supporter",
    "supporters",
];

/// "the partner that Varnia needs", "an ally whom Kestria trusts": the actor right after a
/// relational noun's relative pronoun is a party to the relationship.
fn relative_party<'e>(
    text: &Text,
    entities: &'e Entities,
    sentence: Span,
    cue: Span,
) -> Option<&'e Mention> {
    let mentions = entities.mentions_in(sentence);
    let m = mentions.get(mentions.partition_point(|m| m.span.start < cue.end))?;
    let gap = folded_between(text, cue.end, m.span.start);
    let gap = gap.trim().strip_suffix(" the").unwrap_or(gap.trim());
    (matches!(gap, "that" | "which" | "whom" | "who") && is_actor_kind(entities, m.entity))
        .then_some(m)
}

/// Relational nouns that hold both ways ("Varnia's ally" is an ally of Varnia's too).
fn is_mutual(text: &Text, cue: Span) -> bool {
    relational_noun(text, cue)
        .is_some_and(|n| !matches!(n, "backer" | "backers" | "supporter" | "supporters"))
}

fn relational_noun(text: &Text, cue: Span) -> Option<&'static str> {
    let last = crate::text::lower(text.slice(cue).rsplit(' ').next()?);
    RELATIONAL_NOUNS.iter().copied().find(|n| *n == last)
}

/// The actors coordinated right after `first` ("Kestria, Zorblat and Varnia" after
/// "Kestria"), in order; a word other than "and", "or" or a comma ends the list.
fn conjuncts<'e>(
    text: &Text,
    entities: &'e Entities,
    sentence: Span,
    first: &crate::entities::Mention,
) -> Vec<&'e crate::entities::Mention> {
    let mentions = entities.mentions_in(sentence);
    let mut out = Vec::new();
    let mut end = first.span.end;
    for m in mentions.iter().filter(|m| m.span.start >= first.span.end) {
        let gap = folded_between(text, end, m.span.start);
        let joined = matches!(
            gap.trim(),
            "," | "and" | ", and" | "or" | ", or" | "and the" | ", and the"
        );
        if !joined || !is_actor_kind(entities, m.entity) {
            break;
        }
        out.push(m);
        end = m.span.end;
    }
    out
}

/// Words back from a second predicate noun to the first ("an ally of Kestria and an
/// enemy of…").
const CONJUNCT_WORDS: usize = 8;

/// "an ally of Kestria", "a reliable partner to Varnia": the other party, named right
/// after a relational noun.
fn counterpart<'e>(
    text: &Text,
    mentions: &'e [crate::entities::Mention],
    cue: Span,
) -> Option<&'e crate::entities::Mention> {
    relational_noun(text, cue)?;
    let m = mentions.iter().find(|m| m.span.start >= cue.end)?;
    let gap = text.folded[text.folded_offset(cue.end)..text.folded_offset(m.span.start)].trim();
    matches!(gap, "of" | "to" | "of the" | "to the").then_some(m)
}

/// "Kestria and Varnia are allies", "… have quietly become strategic partners": a plural
/// relational noun after a copula, with two coordinated subjects.
fn mutual_predicate<'e>(
    text: &Text,
    entities: &'e Entities,
    sentence: Span,
    cue: Span,
) -> Option<(&'e crate::entities::Mention, &'e crate::entities::Mention)> {
    if !relational_noun(text, cue)?.ends_with('s') {
        return None;
    }
    // The copula within the last four words, with only modifiers after it.
    let before = folded_between(text, sentence.start, cue.start);
    let last: Vec<&str> = before.split_whitespace().rev().take(4).collect();
    let copula = last.iter().position(|w| COPULAS.contains(w))?;
    if last[..copula]
        .iter()
        .any(|w| w.contains([',', ';', ':']) || NOUN_OPENERS.contains(w))
    {
        return None;
    }
    // The two names right before it.
    let mentions = entities.mentions_in(sentence);
    let upto = mentions.partition_point(|m| m.span.start < cue.start);
    let mut actors = mentions[..upto]
        .iter()
        .rev()
        .filter(|m| m.span.end <= cue.start && is_actor_kind(entities, m.entity));
    let (b, a) = (actors.next()?, actors.next()?);
    let joined = folded_between(text, a.span.end, b.span.start)
        .trim()
        .trim_start_matches(',')
        .trim();
    let verb_only = !folded_between(text, b.span.end, cue.start).contains([',', ';', ':']);
    (matches!(joined, "and" | "and the" | "both" | "as well as")
        && a.entity != b.entity
        && verb_only)
        .then_some((a, b))
}

/// "Kestria is a trusted partner", "and Varnia a mortal enemy": an attitude noun that
/// describes its subject, which is then the target of whoever speaks. With a possessor
/// ("Varnia has been one of Kestria's main backers") it is the subject's stance toward
/// the possessor. Returns (subject, possessor).
fn predicate_noun<'e>(
    text: &Text,
    entities: &'e Entities,
    sentence: Span,
    cue: Span,
) -> Option<(
    &'e crate::entities::Mention,
    Option<&'e crate::entities::Mention>,
)> {
    predicate_noun_of(text, entities, sentence, cue, true)
}

/// `predicate_noun`; `conjunct`: whether a second conjunct may borrow the first one's
/// subject (one step back only, so a list of nouns stays linear).
fn predicate_noun_of<'e>(
    text: &Text,
    entities: &'e Entities,
    sentence: Span,
    cue: Span,
    conjunct: bool,
) -> Option<(
    &'e crate::entities::Mention,
    Option<&'e crate::entities::Mention>,
)> {
    let mentions = entities.mentions_in(sentence);
    let is_actor = |m: &crate::entities::Mention| {
        matches!(
            entities.entities[m.entity].kind,
            EntityType::Country | EntityType::Person | EntityType::Organization
        )
    };
    if let Some(pair) = attributive_relation(text, mentions, cue, is_actor) {
        return Some(pair);
    }
    let k = text.words.partition_point(|w| w.end <= cue.start);
    let first = text.words.partition_point(|w| w.end <= sentence.start);
    let lower = |i: usize| crate::text::lower(text.slice(text.words[i]));
    // The noun phrase before the cue: at most four words, opened by an opener, after a
    // copula when there is one.
    let is_opener = |i: &usize| {
        let w = lower(*i);
        NOUN_OPENERS.contains(&&*w) || w.ends_with("'s") || w.ends_with("\u{2019}s")
    };
    // The copula before a word, past up to two adverbs ("is already a", "has long been");
    // "seen as", "regarded as" stand for one ("is widely seen as a").
    let copula_before = |i: usize| {
        (1..=3)
            .map_while(|back| i.checked_sub(back).filter(|&j| j >= first))
            .find_map(|j| {
                let w = lower(j);
                if COPULAS.contains(&&*w)
                    || (w == "as" && j > first && PERCEIVED_AS.contains(&&*lower(j - 1)))
                {
                    Some(Some(j))
                } else if w.ends_with("ly") || ADVERBS.contains(&&*w) {
                    None
                } else {
                    Some(None)
                }
            })?
    };
    let after_copula = |i: &usize| copula_before(*i).is_some();
    let window = k.saturating_sub(5).max(first)..k;
    let opener = window
        .clone()
        .rev()
        .filter(is_opener)
        .find(after_copula)
        .or_else(|| window.rev().find(is_opener))?;
    let noun_phrase = text.words[opener].start;
    let gap = text.original.get(noun_phrase..cue.start)?;
    if gap.contains([',', ';', ':', '(', '"', '\u{201C}', '\u{201D}']) {
        return None;
    }
    let possessor = mentions
        .iter()
        .find(|m| {
            m.span.start >= noun_phrase
                && m.span.end <= cue.start
                && is_actor(m)
                && text.original[m.span.end..].starts_with(['\'', '\u{2019}'])
        })
        .or_else(|| counterpart(text, mentions, cue));
    let subject_before = |at: usize| {
        mentions
            .iter()
            .rfind(|m| m.span.end <= at)
            .filter(|m| is_actor(m))
            .filter(|m| text.original[m.span.end..at].trim().is_empty())
    };
    if let Some(c) = copula_before(opener) {
        // "X is a…", "X has been one of…", "X, which…, has been one of…".
        let copula = text.words[c].start;
        // Back over auxiliaries and adverbs: "has long been", "is widely seen as".
        let mut g = c;
        while g > first && {
            let w = lower(g - 1);
            matches!(&*w, "has" | "have" | "had")
                || ADVERBS.contains(&&*w)
                || w.ends_with("ly")
                || COPULAS.contains(&&*w)
                || PERCEIVED_AS.contains(&&*w)
        } {
            g -= 1;
        }
        let verb_group = if g < c { text.words[g].start } else { copula };
        let lead = text.original.get(sentence.start..verb_group)?;
        let subject = subject_before(verb_group).or_else(|| {
            // Past a relative clause or a short aside set off by commas ("X, by most
            // measures, is…").
            let clause = lead.trim_end().strip_suffix(',')?;
            let open = clause.find(", wh").or_else(|| {
                let open = clause.rfind(", ")?;
                (clause[open..].split_whitespace().count() <= 6).then_some(open)
            })?;
            subject_before(sentence.start + open)
        })?;
        if is_object(text, mentions, subject) {
            return None;
        }
        return Some((subject, possessor));
    }
    if let Some(p) = possessor.filter(|_| relational_noun(text, cue).is_some()) {
        // "Varnia's ally Kestria": the name right after the noun is the one described.
        let named = mentions.iter().find(|m| {
            m.span.start >= cue.end
                && is_actor(m)
                && m.entity != p.entity
                && text.original[cue.end..m.span.start].trim().is_empty()
        });
        if let Some(named) = named {
            return Some((named, Some(p)));
        }
        // "Kestria, Varnia's oldest ally, …": an apposition describes the name before it.
        let subject = mentions
            .iter()
            .rfind(|m| m.span.end <= noun_phrase)
            .filter(|m| {
                is_actor(m)
                    && m.entity != p.entity
                    && text.original[m.span.end..noun_phrase].trim() == ","
                    && !text.original[..m.span.start]
                        .trim_end()
                        .ends_with([',', '\u{2014}'])
            });
        if let Some(subject) = subject {
            return Some((subject, Some(p)));
        }
    }
    // "X is an ally of Y and an enemy of Z": the second noun is said of the first one's
    // subject.
    if conjunct && opener > first && matches!(&*lower(opener - 1), "and" | "but") {
        let earlier = (opener.saturating_sub(CONJUNCT_WORDS).max(first)..opener - 1)
            .rev()
            .map(|j| text.words[j])
            .find(|w| relational_noun(text, *w).is_some());
        if let Some((subject, _)) =
            earlier.and_then(|w| predicate_noun_of(text, entities, sentence, w, false))
        {
            return Some((subject, possessor));
        }
    }
    // "… and Varnia a mortal enemy": the copula is left out of the second conjunct.
    let subject = subject_before(noun_phrase)?;
    let and_before = text.folded[..text.folded_offset(subject.span.start)]
        .trim_end()
        .ends_with(" and");
    let has_copula = text.folded
        [text.folded_offset(sentence.start)..text.folded_offset(subject.span.start)]
        .split(' ')
        .any(|w| COPULAS.contains(&w));
    (and_before && has_copula && possessor.is_none()).then_some((subject, None))
}

/// "Varnian ally Kestria", "its Varnian foe, Kestria": a state named right before a
/// relational noun is the party it relates to, and the name right after is the other.
fn attributive_relation<'e>(
    text: &Text,
    mentions: &'e [Mention],
    cue: Span,
    is_actor: impl Fn(&Mention) -> bool,
) -> Option<(&'e Mention, Option<&'e Mention>)> {
    relational_noun(text, cue)?;
    let k = mentions.partition_point(|m| m.span.end <= cue.start);
    let party = mentions[..k]
        .last()
        .filter(|m| is_actor(m) && text.original[m.span.end..cue.start].trim().is_empty())?;
    // A name run on from the noun itself ("Strategic Partner" read as a name) starts
    // inside it: not a name after it.
    let named = mentions[k..].first().filter(|m| {
        is_actor(m)
            && m.entity != party.entity
            && text
                .original
                .get(cue.end..m.span.start)
                .is_some_and(|gap| matches!(gap.trim(), "" | ","))
    })?;
    Some((named, Some(party)))
}

/// A state used attributively before a relational noun and a name ("Varnian ally
/// Kestria"): a modifier of the noun, not a party to a relationship word before it nor a
/// target. Without the name ("its Varnian allies") the state is the one meant.
fn modifies_relational_noun(text: &Text, mentions: &[Mention], m: &Mention) -> bool {
    let rest = text.original.get(m.span.end..).unwrap_or("");
    let noun_len: usize = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .map(char::len_utf8)
        .sum();
    let noun_start = m.span.end + (rest.len() - rest.trim_start().len());
    let noun = Span::new(noun_start, noun_start + noun_len);
    if !rest.starts_with(' ') || relational_noun(text, noun).is_none() {
        return false;
    }
    let k = mentions.partition_point(|n| n.span.start < noun.end);
    mentions.get(k).is_some_and(|n| {
        matches!(
            text.original.get(noun.end..n.span.start).map(str::trim),
            Some("" | ",")
        )
    })
}

/// "received the delegation at the highest level": a level with no relationship before it
/// in its clause ranks a meeting; it grades nothing ("ties are at their highest level" does).
fn is_protocol_level<R>(text: &Text, sentence: Span, relations: &[Hit<'_, R>], cue: Span) -> bool {
    // Read for every cue: the cue's own words first.
    if !folded_between(text, cue.start, cue.end).ends_with(" level") {
        return false;
    }
    let before = folded_between(text, sentence.start, cue.start);
    let clause_words = before
        .rsplit([',', ';', ':'])
        .next()
        .unwrap_or(before)
        .split_whitespace()
        .count();
    before.trim_end().ends_with("at the")
        && !relations.iter().any(|r| {
            r.span.end <= cue.start && words_between(text, r.span.end, cue.start) <= clause_words
        })
}

/// Words of an owned relationship between its owner's "'s" and the relationship word
/// ("Kestria's growing military ties").
const OWNED_RELATION_WORDS: usize = 3;

/// "wary of Kestria's ties with Varnia": the attitude is to the relationship's owner; the
/// partner after "to" or "with" is only a party to it, not a target.
fn owned_relationship_partner<R>(
    text: &Text,
    mentions: &[Mention],
    relations: &[Hit<'_, R>],
    m: &Mention,
) -> bool {
    relations.iter().any(|r| {
        let gap = folded_between(text, r.span.end, m.span.start).trim();
        let gap = gap.strip_suffix(" the").unwrap_or(gap);
        matches!(gap, "to" | "with")
            && mentions.iter().any(|owner| {
                owner.entity != m.entity
                    && owner.span.end <= r.span.start
                    && folded_between(text, owner.span.end, r.span.start)
                        .strip_prefix("'s")
                        .is_some_and(|rest| {
                            rest.is_empty()
                                || rest.starts_with(' ')
                                    && rest.split_whitespace().count() <= OWNED_RELATION_WORDS
                        })
            })
    })
}

/// How many words may separate a relationship word from what its clause says of it.
const PREDICATE_REACH: usize = 6;
/// How many words may separate a relationship word from its parties or modifiers.
const RELATION_REACH: usize = 4;

/// Statements of party A toward party B for each relationship word in the sentence.
/// Verbs that would make a relationship that is not there yet ("sow discord between",
/// "create tension between"). Verbs that break one ("undermine their brotherly ties")
/// take it as it is, so they are not here.
const RELATION_MAKERS: &[&str] = &[
    "create",
    "creates",
    "created",
    "creating",
    "sow",
    "sows",
    "sowed",
    "sowing",
    "stoke",
    "stokes",
    "stoked",
    "stoking",
    "fuel",
    "fuels",
    "fuelled",
    "fueled",
    "fuelling",
    "fueling",
    "provoke",
    "provokes",
    "provoked",
    "provoking",
    "foment",
    "foments",
    "fomented",
    "fomenting",
];

/// Whether the verb right before a relationship phrase (past a determiner and the
/// pair's names) would make it.
fn made_or_broken(text: &Text, mentions: &[Mention], phrase_start: usize) -> bool {
    let mut at = phrase_start;
    for _ in 0..6 {
        let i = text.words.partition_point(|w| w.end <= at);
        let Some(w) = i.checked_sub(1).and_then(|k| text.words.get(k)) else {
            return false;
        };
        let gap = text.original.get(w.end..at).unwrap_or("");
        if !gap
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '-' | '\u{2013}'))
        {
            return false;
        }
        let lower = crate::text::lower(text.slice(*w));
        if RELATION_MAKERS.contains(&&*lower) {
            return true;
        }
        let named = mentions.iter().any(|m| m.span.overlaps(*w));
        if !named && !matches!(&*lower, "the" | "a" | "an" | "their" | "its" | "any") {
            return false;
        }
        at = w.start;
    }
    false
}

/// Prepositions that name what a relationship is about rather than a party to it.
const TOPIC_WORDS: &[&str] = &["over", "about", "regarding", "concerning"];

fn relation_statements(
    kb: &KnowledgeBase,
    text: &Text,
    entities: &Entities,
    sentence: Span,
    hits: &[crate::kb::Hit<f32>],
    cues: &[Cue],
    voice: Holder,
) -> Vec<Statement> {
    let own_voice = voice == Holder::Author;
    let speaker = match voice {
        Holder::Entity(e) => Some(e),
        Holder::Author => None,
    };
    let mut out = Vec::new();
    let mentions = entities.mentions_in(sentence);
    let is_party = |m: &&crate::entities::Mention| {
        matches!(
            entities.entities[m.entity].kind,
            EntityType::Country | EntityType::Person | EntityType::Organization
        )
    };
    let words = |a: usize, b: usize| {
        if b <= a {
            0
        } else {
            text.words_in(Span::new(a, b)).len()
        }
    };
    // "Iran's archrival Israel": a possessor right before the word is party A even
    // inside a prepositional phrase, and is not party B when a name follows it.
    let possessive = |m: &crate::entities::Mention| {
        text.original
            .get(m.span.end..)
            .is_some_and(|r| r.starts_with("'s") || r.starts_with("\u{2019}s"))
    };
    // "A's strained relations with B and friendship with C": A holds both.
    let mut last_subject: Option<usize> = None;
    let mut last_pair: Option<(usize, usize, bool)> = None;
    for hit in hits.iter().filter(|h| sentence.contains(h.span)) {
        // Inside a name ("Second Karabakh War") it is not a relationship word.
        if mentions.iter().any(|m| m.span.overlaps(hit.span)) {
            continue;
        }
        // "opposed Kestria's ties": a verb whose object is the relationship, with its
        // owner between them, judges it; it does not describe it.
        let mut modifiers: Vec<&Cue> = cues
            .iter()
            .filter(|c| c.span.end <= hit.span.start && words(c.span.end, hit.span.start) <= 1)
            .filter(|c| {
                !mentions.iter().any(|m| {
                    m.span.start >= c.span.end && m.span.end <= hit.span.start && possessive(m)
                })
            })
            .collect();
        // "close economic ties" is "close ties": a domain word between an evaluative
        // adjective and its relationship noun does not change the evaluation.
        let collocation = (*hit.value == 0.0 && modifiers.is_empty())
            .then(|| past_domain_word(kb, text, sentence, hit.span))
            .flatten();
        if let Some(c) = &collocation {
            modifiers.push(c);
        }
        // "relations between A and B": both parties follow the word.
        let between = text.folded[text.folded_offset(hit.span.end)..]
            .trim_start()
            .starts_with("between ");
        // "ties with Ankara are uneasy, if not hostile": a neutral relationship
        // word takes the evaluation its clause predicates of it.
        if *hit.value == 0.0 && modifiers.is_empty() {
            let clause_end = text
                .original
                .get(hit.span.end..sentence.end)
                .unwrap_or("")
                .find([';', '.', ':'])
                .map_or(sentence.end, |i| hit.span.end + i);
            // "Ties between A and B are at their lowest": the predicate is counted from
            // the pair's end, not from the word.
            let pair_end = between
                .then(|| {
                    let pair: Vec<_> = mentions
                        .iter()
                        .filter(is_party)
                        .filter(|m| {
                            m.span.start >= hit.span.end
                                && words(hit.span.end, m.span.start) <= RELATION_REACH
                        })
                        .take(2)
                        .collect();
                    (pair.len() == 2).then(|| pair[1].span.end)
                })
                .flatten()
                .unwrap_or(hit.span.end);
            let is_predicate = |c: &&Cue| {
                c.span.start >= hit.span.end
                    && c.span.end <= clause_end
                    && words(pair_end, c.span.start) <= PREDICATE_REACH
                    && text.folded
                        [text.folded_offset(hit.span.end)..text.folded_offset(c.span.start)]
                        .split(' ')
                        .any(|w| {
                            matches!(
                                w,
                                "are"
                                    | "is"
                                    | "were"
                                    | "was"
                                    | "remain"
                                    | "remains"
                                    | "have"
                                    | "has"
                                    | "seem"
                                    | "seems"
                            )
                        })
            };
            modifiers.extend(cues.iter().filter(is_predicate));
        }
        let polarity =
            (*hit.value + modifiers.iter().map(|c| c.polarity).sum::<f32>()).clamp(-1.0, 1.0);
        let phrase_start = modifiers
            .first()
            .map_or(hit.span.start, |c| c.span.start.min(hit.span.start));
        // "seeking to create tension between A and B", "to sow discord between A and B":
        // what a third party would make is not the pair's relationship yet.
        let made = made_or_broken(text, mentions, phrase_start)
            || modifiers
                .iter()
                .any(|c| RELATION_MAKERS.contains(&&*crate::text::lower(text.slice(c.span))));
        let before = mentions
            .iter()
            .filter(is_party)
            .filter(|m| {
                m.span.end <= phrase_start && words(m.span.end, phrase_start) <= RELATION_REACH
            })
            // "close to both A and B, the unfolding tension…": a clause break between
            // a name and the word leaves the name out of the relationship.
            // Not the comma that closes an apposition before its verb ("X's rival, Y, has
            // deepened ties with Z").
            .filter(|m| {
                let gap = &text.original[m.span.end..phrase_start];
                !gap.contains([',', ';', ':', '(', ')'])
                    || gap.strip_prefix(", ").is_some_and(|verb| {
                        !verb.contains([',', ';', ':', '(', ')'])
                            && verb.split_whitespace().next().is_some_and(|w| {
                                AUXILIARIES.iter().any(|a| w.eq_ignore_ascii_case(a))
                            })
                    })
            })
            .rfind(|m| {
                (possessive(m) && words(m.span.end, phrase_start) <= 1)
                    || !is_object(text, mentions, m)
            })
            .map(|m| m.entity)
            .or(last_subject);
        // "amid the tensions, Varnian officials visited Kestria": a word that ends its
        // clause has no parties after it.
        let clause_ends = text.original[hit.span.end..]
            .trim_start()
            .starts_with([',', ';', ':', '.', ')']);
        let near_after: Vec<&crate::entities::Mention> = mentions
            .iter()
            .filter(is_party)
            .filter(|m| {
                !clause_ends
                    && m.span.start >= hit.span.end
                    && words(hit.span.end, m.span.start) <= RELATION_REACH
            })
            .filter(|m| !modifies_relational_noun(text, mentions, m))
            // "tensions over Zorblat", "a dispute about Kestria": what it is about is no party.
            .filter(|m| {
                !folded_between(text, hit.span.end, m.span.start)
                    .split_whitespace()
                    .any(|w| TOPIC_WORDS.contains(&w))
            })
            .collect();
        let after: Vec<&crate::entities::Mention> = near_after
            .iter()
            .enumerate()
            .filter(|(i, m)| {
                !(possessive(m)
                    && near_after
                        .get(i + 1)
                        .is_some_and(|n| words(m.span.end, n.span.start) <= 2))
            })
            .map(|(_, m)| *m)
            .take(2)
            .collect();
        let before = if between { None } else { before };
        // "A and B have close ties": a coordinated pair right before the word.
        let coordinated = before.and_then(|b| {
            let second = mentions
                .iter()
                .rfind(|m| m.entity == b && m.span.end <= phrase_start)?;
            let first = mentions
                .iter()
                .filter(is_party)
                .rfind(|m| m.span.end <= second.span.start)?;
            let gap = text.original[first.span.end..second.span.start].trim();
            let gap = if gap.eq_ignore_ascii_case("and") {
                "and"
            } else {
                gap
            };
            // "Varnian-Kestrian ties", "the Varnia–Kestria relationship" pair them too.
            (matches!(gap, "and" | "-" | "\u{2013}" | "\u{2014}" | "/") && first.entity != b)
                .then_some(first.entity)
        });
        // A relationship of a pair named together ("between A and B", "A and B have…")
        // is each party's toward the other, when the article tells it; "A's ties with B"
        // is A's, and so is a pair's relationship as one party's spokesman tells it.
        let (a, b, mutual) = match (before, after.as_slice()) {
            (Some(b), _) if coordinated.is_some() => (coordinated.unwrap_or(b), b, true),
            (Some(a), [b, ..]) => (a, b.entity, false),
            (None, [a, b]) if between => (a.entity, b.entity, true),
            // "relations between A and B are based on friendship": the pair carries on.
            _ => match last_pair {
                Some((a, b, mutual)) => (a, b, mutual),
                None => continue,
            },
        };
        if mutual && made {
            continue;
        }
        last_subject = Some(a);
        last_pair = Some((a, b, mutual));
        if polarity == 0.0 {
            continue;
        }
        if a == b {
            continue;
        }
        let mut used = vec![Cue {
            span: hit.span,
            polarity,
        }];
        used.extend(modifiers.into_iter().cloned());
        // A pair's relationship as one party's spokesman tells it is that party's.
        let speaker_side = |e: usize| {
            let bloc = &entities.entities[e].bloc;
            bloc.is_some() && *bloc == speaker.and_then(|s| entities.entities[s].bloc.clone())
        };
        let pairs: &[(usize, usize)] = if mutual && own_voice {
            &[(a, b), (b, a)]
        } else if mutual && speaker_side(b) && !speaker_side(a) {
            &[(b, a)]
        } else {
            &[(a, b)]
        };
        for &(holder, target) in pairs {
            out.push(Statement {
                span: sentence,
                holder: Holder::Entity(holder),
                targets: vec![Target {
                    entity: target,
                    polarity,
                }],
                cues: used.clone(),
                rule: "relation",
            });
        }
    }
    out
}

/// How many words may separate a hostile act from its agent or patient.
const ACT_REACH: usize = 5;

/// "the strike by the Zorblat army on the border district", "Israel's strikes on
/// Iran", "Iranian provocations against Azerbaijan": the agent's stance toward the patient.
/// Verbs whose object is an act their subject does ("launched an attack on"); finite
/// forms only: "to launch an attack", "could launch one" tell what has not been done.
const LAUNCHES: &[&str] = &[
    "launched",
    "launches",
    "waged",
    "wages",
    "waging",
    "carried",
    "conducted",
    "conducts",
    "staged",
    "stages",
    "mounted",
    "escalated",
    "stepped",
    "imposed",
    "imposes",
    "continued",
    "continues",
];
/// Most words from the subject to the act: "has launched a new wave of", "carried out".
const ACT_VERB_GAP: usize = 6;

fn act_statements(
    text: &Text,
    entities: &Entities,
    sentence: Span,
    hits: &[crate::kb::Hit<f32>],
) -> Vec<Statement> {
    let mentions = entities.mentions_in(sentence);
    let actor = |m: &&crate::entities::Mention| {
        matches!(
            entities.entities[m.entity].kind,
            EntityType::Country | EntityType::Person | EntityType::Organization
        )
    };
    let words = |a: usize, b: usize| {
        if b <= a {
            0
        } else {
            text.words_in(Span::new(a, b)).len()
        }
    };
    let word_before = |at: usize| {
        text.folded[..text.folded_offset(at)]
            .trim_end()
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .to_string()
    };
    let mut out = Vec::new();
    for hit in hits.iter().filter(|h| sentence.contains(h.span)) {
        if mentions.iter().any(|m| m.span.overlaps(hit.span)) {
            continue;
        }
        // Agent: "by X" after the act, or X right before it ("Israel's strikes",
        // "Iranian provocations").
        let after: Vec<&crate::entities::Mention> = mentions
            .iter()
            .filter(|m| {
                m.span.start >= hit.span.end && words(hit.span.end, m.span.start) <= ACT_REACH
            })
            .collect();
        // Not the "by" of a verb that follows ("the attack … was condemned by X").
        let by_agent = after
            .iter()
            .find(|m| actor(m) && word_before(m.span.start) == "by")
            .filter(|m| {
                !text.folded[text.folded_offset(hit.span.end)..text.folded_offset(m.span.start)]
                    .split_whitespace()
                    .any(|w| {
                        matches!(
                            w,
                            "was" | "were" | "is" | "are" | "has" | "have" | "had" | "been" | "be"
                        )
                    })
            });
        // Not "blamed Varnia for attacks", "accused Varnia of strikes": a charge, not a deed
        // the article tells.
        let charged = matches!(word_before(hit.span.start).as_str(), "for" | "of");
        let before_agent = mentions
            .iter()
            .filter(actor)
            .rfind(|m| m.span.end <= hit.span.start && words(m.span.end, hit.span.start) <= 1)
            .filter(|_| !charged);
        // "Varnia will face a new front in its battle against Kestria": the possessive
        // pronoun stands for the sentence's subject.
        let possessive_agent = || {
            matches!(word_before(hit.span.start).as_str(), "its" | "their")
                .then(|| {
                    mentions
                        .iter()
                        .filter(actor)
                        .find(|m| m.span.end <= hit.span.start)
                })
                .flatten()
        };
        // "Varnia launched a drone attack on Kestria": the subject of a verb of doing.
        let launcher = || {
            let m = mentions
                .iter()
                .filter(actor)
                .rfind(|m| m.span.end <= hit.span.start)?;
            let gap = text.folded
                [text.folded_offset(m.span.end)..text.folded_offset(hit.span.start)]
                .trim();
            let words: Vec<&str> = gap.split(' ').filter(|w| !w.is_empty()).collect();
            (words.len() <= ACT_VERB_GAP
                && !gap.contains([',', ';', ':', '(', ')'])
                && words.iter().any(|w| LAUNCHES.contains(w)))
            .then_some(m)
        };
        let Some(agent) = by_agent
            .copied()
            .or(before_agent)
            .or_else(possessive_agent)
            .or_else(launcher)
        else {
            continue;
        };
        // Patient: "on/against/at X" after the act; a place stands for its state.
        let patient = after.iter().find(|m| {
            m.entity != agent.entity
                && matches!(
                    word_before(m.span.start).as_str(),
                    "on" | "against" | "at" | "targeting"
                )
                && entities.entities[m.entity].bloc.is_some()
                && (actor(m) || entities.entities[m.entity].kind == EntityType::Place)
        });
        let Some(patient) = patient else { continue };
        out.push(Statement {
            span: sentence,
            holder: Holder::Entity(agent.entity),
            targets: vec![Target {
                entity: patient.entity,
                polarity: *hit.value,
            }],
            cues: vec![Cue {
                span: hit.span,
                polarity: *hit.value,
            }],
            rule: "hostile-act",
        });
    }
    out
}

/// The hits (in text order) that lie inside `span`, found by binary search.
fn hits_in<'h, 'l, T>(
    hits: &'h [crate::kb::Hit<'l, T>],
    span: Span,
) -> &'h [crate::kb::Hit<'l, T>] {
    let a = hits.partition_point(|h| h.span.start < span.start);
    let b = hits.partition_point(|h| h.span.start < span.end);
    &hits[a..b.max(a)]
}

fn advance(i: &mut usize, behind: impl Fn(usize) -> bool) {
    while behind(*i) {
        *i += 1;
    }
}

/// Cues of taking one side, whose "over" names the side not taken ("sided with Varnia
/// over Kestria").
const PREFERENCES: &[&str] = &[
    "side", "sided", "siding", "align", "chose", "choos", "prefer", "favo",
];

/// The target at `target` is named as the one opposed: right after "against", or after
/// "over" when the cue takes a side.
fn opposed(text: &Text, cue: Span, target: Span) -> bool {
    let before = text.original.get(..target.start).unwrap_or("").trim_end();
    let before = before.strip_suffix(" the").unwrap_or(before);
    // Past a few describing words: "over Christian Armenia", "over Muslim, but
    // pro-Western, Kestria".
    let mut before = before;
    for _ in 0..5 {
        let Some((rest, word)) = before.trim_end_matches(',').rsplit_once(' ') else {
            break;
        };
        let describing = word.starts_with(char::is_uppercase)
            && word.chars().all(|c| c.is_alphabetic() || c == '-')
            || word.starts_with("pro-")
            || matches!(word, "but" | "and" | "yet");
        if !describing {
            break;
        }
        before = rest;
    }
    before.ends_with(" against")
        || (before.ends_with(" over")
            && cue.end <= target.start
            && has_stem(text, cue, PREFERENCES))
}

/// Words a speaker's description may run to before the name ("the ambassador of Kestria
/// to Varnia, Olek Varga").
const DESCRIPTION_WORDS: usize = 6;

fn targets_of(
    text: &Text,
    entities: &Entities,
    sentence: Span,
    attribution: &Attribution,
    cues: &[Cue],
    polarity: f32,
) -> Vec<Target> {
    // An outlet is named mostly as a source ("told Reuters", "in an interview with
    // CNN"); it is a target only right after an attitude word ("accused the BBC of…",
    // "criticism of CNN").
    let judged = |m: &Mention| {
        cues.iter().any(|c| {
            c.span.end <= m.span.start
                && matches!(
                    folded_between(text, c.span.end, m.span.start).trim(),
                    "" | "the" | "of" | "of the" | "against" | "against the" | "at" | "at the"
                )
        })
    };
    let holder = match attribution.holder {
        Holder::Entity(e) => Some(e),
        Holder::Author => None,
    };
    // "The ambassador of Kestria to Varnia, Olek Varga, praised…", "At the opening of
    // Kestria's embassy, Olek Varga said…": what describes the speaker or sets the scene,
    // before the speaker and every cue, is not what is judged.
    let describes_speaker = |m: &Mention| {
        attribution.speaker.is_some_and(|s| {
            m.span.end <= s.start
                && words_between(text, m.span.end, s.start) <= DESCRIPTION_WORDS
                && cues.iter().all(|c| c.span.start >= s.end)
                && !folded_between(text, m.span.end, s.start)
                    .contains([';', '"', '\u{201C}', '\u{201D}'])
        })
    };
    let mut targets: Vec<Target> = Vec::new();
    for m in entities.mentions_in(sentence) {
        let e = &entities.entities[m.entity];
        if Some(m.entity) == holder
            || attribution.speaker.is_some_and(|s| s.contains(m.span))
            || describes_speaker(m)
        {
            continue;
        }
        let actor = matches!(
            e.kind,
            EntityType::Country | EntityType::Person | EntityType::Organization
        );
        if !(actor || (e.kind == EntityType::Media && judged(m))) {
            continue;
        }
        if targets.iter().any(|t| t.entity == m.entity) {
            continue;
        }
        targets.push(Target {
            entity: m.entity,
            polarity,
        });
    }
    targets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::attribute;
    use crate::entities::extract;

    use crate::kb::test_kb as kb;

    /// `contains_any` is a search for each phrase in turn.
    fn contains_any_as_searches(hay: &str, phrases: &[&str]) {
        let want = COMPANIONS
            .iter()
            .chain(JOINTLY)
            .chain(phrases)
            .any(|c| hay.as_bytes().windows(c.len()).any(|w| w == c.as_bytes()));
        let both = [COMPANIONS, JOINTLY].concat();
        assert_eq!(
            contains_any(hay.as_bytes(), &both, phrases),
            want,
            "{hay:?} {phrases:?}"
        );
    }

    #[test]
    fn contains_any_is_a_search_for_each_phrase() {
        for hay in [
            "",
            "met with",
            "a met wit",
            "xalongsidex",
            "led b",
            "in tandem wit h",
            "led by",
        ] {
            contains_any_as_searches(hay, &[]);
            contains_any_as_searches(hay, &["b", "x y"]);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn contains_any_matches_the_searches(parts in proptest::collection::vec(
            proptest::sample::select(vec!["met", "with", " ", "by", "led", "along", "side", "a", "tandem", "in ", "joined", "\u{2019}", "talks"]),
            0..12,
        )) {
            contains_any_as_searches(&parts.concat(), &[]);
        }
    }

    /// The last words as `is_companion` joined them before `last_words`.
    fn last_words_as_joined(s: &str) {
        let words: Vec<&str> = s.split_whitespace().collect();
        for n in [1, 2, 5] {
            let want = words[words.len().saturating_sub(n)..].join(" ");
            assert_eq!(last_words(s, n), want, "{s:?} {n}");
        }
    }

    #[test]
    fn last_words_table() {
        for s in [
            "",
            "   ",
            "a",
            " talks  with ",
            "one two three four five six seven",
            "met\twith the\u{3000}leaders of",
            "a b\u{00E9} c\n d e f",
        ] {
            last_words_as_joined(s);
        }
    }

    /// `new_clause_between`'s search, as it was: every subject looked for anywhere.
    fn clause_between_as_searched(gap: &str) -> bool {
        CLAUSE_SUBJECTS.iter().any(|c| gap.contains(c))
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn last_words_are_the_joined_words(parts in proptest::collection::vec(
            proptest::sample::select(vec!["met", "with", " ", "  ", "\t", "\n", "\u{3000}", "\u{00E9}", "by", "a", "led"]),
            0..14,
        )) {
            last_words_as_joined(&parts.concat());
        }

        #[test]
        fn clause_subjects_are_found_where_they_were(parts in proptest::collection::vec(
            proptest::sample::select(vec![",", ";", " ", "it", "they", "he", "she", "we", "x", ", it ", "\u{00E9}"]),
            0..14,
        )) {
            let gap = parts.concat();
            let t = Text::new(&gap);
            // The whole text is the gap (folding leaves these characters as they are).
            proptest::prop_assert_eq!(
                new_clause_between(&t, 0, gap.len()),
                clause_between_as_searched(&t.folded)
            );
        }
    }

    #[test]
    fn every_clause_subject_starts_with_a_comma_or_a_semicolon() {
        // `new_clause_between` tries them only there.
        for c in CLAUSE_SUBJECTS {
            assert!(c.starts_with([',', ';']), "{c}");
        }
    }

    #[test]
    fn every_aside_starts_with_a_comma_in_lower_case() {
        // `local_subject` looks for asides only in a gap with a comma, in lower case.
        for aside in ASIDES {
            assert!(aside.starts_with(','), "{aside}");
            assert_eq!(aside.to_ascii_lowercase(), *aside);
        }
    }

    #[test]
    fn every_rebuttal_passes_the_quick_check() {
        for r in REBUTTALS {
            for word in [
                r.to_string(),
                r.to_uppercase(),
                format!("{}{}", r[..1].to_uppercase(), &r[1..]),
            ] {
                let text = format!("x {word} y");
                let span = Span::new(2, 2 + word.len());
                assert!(may_be_rebuttal(text.as_bytes(), span), "{word}");
            }
        }
        // Too short, too long, another first letter: rejected without a comparison.
        for word in ["den", "dismissals", "xenied", "Reuters-based"] {
            let text = format!("{word}.");
            assert!(
                !may_be_rebuttal(text.as_bytes(), Span::new(0, word.len())),
                "{word}"
            );
        }
    }

    /// `(holder, target, sign)` of every statement.
    /// Fails, showing what was found, unless `text` has that stance.
    fn assert_has(text: &str, holder: &str, target: &str, sign: i8) {
        assert!(
            has(text, holder, target, sign),
            "{text}: {:?}",
            stances_of(text)
        );
    }

    /// Fails, showing what was found, if `text` has that stance.
    fn assert_lacks(text: &str, holder: &str, target: &str, sign: i8) {
        assert!(
            !has(text, holder, target, sign),
            "{text}: {:?}",
            stances_of(text)
        );
    }

    fn stances_of(text: &str) -> Vec<(String, String, i8)> {
        let t = Doc::new(kb(), text);
        let e = extract(kb(), &t);
        let a = attribute(kb(), &t, &e);
        let mut out = Vec::new();
        for s in stances(kb(), &t, &e, &a) {
            let holder = match s.holder {
                Holder::Author => "author".to_string(),
                Holder::Entity(i) => e.entities[i].id.clone(),
            };
            for target in s.targets {
                let sign = if target.polarity > 0.0 {
                    1
                } else if target.polarity < 0.0 {
                    -1
                } else {
                    0
                };
                out.push((holder.clone(), e.entities[target.entity].id.clone(), sign));
            }
        }
        out
    }

    /// Fails, showing what was found, unless every `(holder, target, sign)` of `text` is `ok`.
    fn assert_each(text: &str, ok: impl Fn(&(String, String, i8)) -> bool) {
        let found = stances_of(text);
        assert!(found.iter().all(ok), "{text}: {found:?}");
    }

    fn has(text: &str, holder: &str, target: &str, sign: i8) -> bool {
        stances_of(text)
            .iter()
            .any(|(h, t, s)| h == holder && t == target && *s == sign)
    }

    #[test]
    fn stance_table() {
        let cases = [
            ("Iran accused Israel of espionage.", "iran", "israel", -1),
            (
                "Ilham Aliyev called Israel a strategic partner.",
                "ilham_aliyev",
                "israel",
                1,
            ),
            (
                "Azerbaijan said its territory has never been a threat against Iran.",
                "azerbaijan",
                "iran",
                0,
            ),
            (
                "Iran said Israel is not a friend of Azerbaijan.",
                "iran",
                "israel",
                -1,
            ),
            ("Iran condemned Israel.", "iran", "israel", -1),
        ];
        for (text, holder, target, sign) in cases {
            assert_has(text, holder, target, sign);
        }
    }

    #[test]
    fn a_relative_clause_speaker_holds_what_follows() {
        for (text, speaker, target, sign) in [
            (
                "Moscow condemned Georgia's foreign minister, who declared that Tbilisi would build a united front against Russia.",
                "georgia",
                "russia",
                -1,
            ),
            (
                "Ankara welcomed Armenia's foreign minister, who also praised Turkey's restraint.",
                "armenia",
                "turkey",
                1,
            ),
            (
                "Reporters met Ukraine's envoy, who warned that Russia poses a threat.",
                "ukraine",
                "russia",
                -1,
            ),
        ] {
            assert_has(text, speaker, target, sign);
        }
        // Not the main clause's holder: the relative clause's words are not Moscow's.
        assert_lacks(
            "Moscow condemned Georgia's foreign minister, who declared that Tbilisi would build a united front against Russia.",
            "russia",
            "russia",
            -1,
        );
        // A companion is not a target ("together with").
        assert_lacks(
            "Moscow condemned Georgia's foreign minister, who declared that Tbilisi, together with Ukraine, would build a united front against Russia.",
            "georgia",
            "ukraine",
            -1,
        );
    }

    #[test]
    fn two_negations_cancel() {
        for text in [
            "\u{201C}Georgia would not last without our support,\u{201D} a Turkish official said.",
            "\u{201C}Georgia could never have won without our support,\u{201D} Turkey said.",
        ] {
            assert_has(text, "turkey", "georgia", 1);
            assert_lacks(text, "turkey", "georgia", -1);
        }
        // One negation still turns warmth into hostility.
        assert_has(
            "Turkey said Georgia acted without the support of Armenia.",
            "turkey",
            "georgia",
            -1,
        );
    }

    #[test]
    fn plural_holders_who_view_a_party_as_something() {
        for (text, holders, target, sign) in [
            (
                "Russia and Turkey view Armenia as a dangerous neighbour.",
                ["russia", "turkey"],
                "armenia",
                -1,
            ),
            (
                "Both Moscow and Ankara regard Yerevan as a reliable partner.",
                ["russia", "turkey"],
                "armenia",
                1,
            ),
            (
                "France and Russia perceive Georgia as a threat.",
                ["france", "russia"],
                "georgia",
                -1,
            ),
        ] {
            for holder in holders {
                assert_has(text, holder, target, sign);
            }
        }
    }

    #[test]
    fn a_relationship_a_third_party_would_make_is_not_the_pairs_yet() {
        for text in [
            "Russia is seeking to create tension between Georgia and Armenia.",
            "Moscow is accused of sowing discord between Georgia and Armenia.",
            "Russia is trying to stoke Georgian-Armenian rivalry.",
        ] {
            for (a, b) in [("georgia", "armenia"), ("armenia", "georgia")] {
                assert_lacks(text, a, b, -1);
                assert_lacks(text, a, b, 1);
            }
        }
        // The pair's own relationship still counts, and so does one a third party
        // would break: it is there to be broken.
        assert_has(
            "Russia wants to undermine the brotherly ties between Georgia and Armenia.",
            "georgia",
            "armenia",
            1,
        );
        assert_has(
            "Tension between Georgia and Armenia grew.",
            "georgia",
            "armenia",
            -1,
        );
        assert_has(
            "Georgia and Armenia have brotherly ties.",
            "armenia",
            "georgia",
            1,
        );
    }

    #[test]
    fn relationship_words_are_the_parties_stances() {
        let text =
            "It comes amid Azerbaijan's strained relations with Iran and friendship with Israel.";
        assert_has(text, "azerbaijan", "iran", -1);
        let text = "Azerbaijan's ties with Iran remain uneasy, if not hostile.";
        assert_has(text, "azerbaijan", "iran", -1);
        let text = "Officials said relations between Azerbaijan and Iran rest on friendship.";
        assert_has(text, "azerbaijan", "iran", 1);
        let text = "Tensions between Iran and Azerbaijan rose.";
        assert_has(text, "iran", "azerbaijan", -1);
        // Spelt either way, one's own cooperation is no target of one's criticism.
        for text in [
            "Georgia criticised remarks about Georgia's cooperation with Turkey.",
            "Georgia criticised remarks about Georgia's co-operation with Turkey.",
        ] {
            assert_has(text, "georgia", "turkey", 1);
            assert_lacks(text, "georgia", "turkey", -1);
        }
    }

    #[test]
    fn fighting_between_parties_is_an_event_not_a_stance() {
        for text in [
            "Fighting between Armenia and Azerbaijan resumed on Monday.",
            "The war between Russia and Georgia lasted five days.",
            "Border clashes between Kyrgyzstan and Tajikistan killed dozens.",
            "Georgia and Russia resumed hostilities in the spring.",
            // A contested thing is not a contest of attitudes.
            "Armenia and Azerbaijan fought over the disputed region.",
        ] {
            assert!(
                stances_of(text).is_empty(),
                "{text}: {:?}",
                stances_of(text)
            );
        }
    }

    #[test]
    fn support_against_a_party_is_hostility_to_it() {
        for (text, holder, ally, foe) in [
            (
                "Georgia backs its friends in any standoff against the Russian regime.",
                "georgia",
                None,
                "russia",
            ),
            (
                "Moldova voiced support for Ukraine against the Kremlin.",
                "moldova",
                Some("ukraine"),
                "kremlin",
            ),
            (
                "Moldova voiced support for Ukraine against Russia.",
                "moldova",
                Some("ukraine"),
                "russia",
            ),
            // Past the verb's object, and after "over" when it takes a side.
            (
                "Moldova supports Ukraine against Russia.",
                "moldova",
                Some("ukraine"),
                "russia",
            ),
            (
                "Moldova stood by Ukraine against Russia.",
                "moldova",
                Some("ukraine"),
                "russia",
            ),
            (
                "Historically, Moldova has sided with Ukraine over Russia.",
                "moldova",
                Some("ukraine"),
                "russia",
            ),
            (
                "Moldova aligned with Christian Ukraine over Orthodox Russia.",
                "moldova",
                Some("ukraine"),
                "russia",
            ),
        ] {
            assert_has(text, holder, foe, -1);
            assert_lacks(text, holder, foe, 1);
            if let Some(ally) = ally {
                assert_has(text, holder, ally, 1);
            }
        }
    }

    #[test]
    fn an_evaluative_speech_verb_outweighs_the_reason_it_gives() {
        for (text, sign) in [
            (
                "Georgia criticized Armenia for its first-ever ambassador to Russia.",
                -1,
            ),
            (
                "Georgia condemned Armenia over its warm ties with Russia.",
                -1,
            ),
            (
                "Georgia praised Armenia for ending its hostility toward Turkey.",
                1,
            ),
            (
                "Georgia fears a deal that would expand support for Armenia.",
                -1,
            ),
        ] {
            assert_has(text, "georgia", "armenia", sign);
            assert_lacks(text, "georgia", "armenia", -sign);
        }
    }

    #[test]
    fn diplomatic_firsts_are_steps_toward_a_state() {
        for text in [
            "Georgia appointed its first ever ambassador to Ukraine on Monday.",
            "Georgia named its first-ever ambassador to Ukraine.",
        ] {
            assert_has(text, "georgia", "ukraine", 1);
        }
    }

    #[test]
    fn a_verb_joined_by_and_keeps_the_earlier_subject() {
        for text in [
            "Ilham Aliyev snubbed both Georgia and Russia and won a vote in favor of Ukraine.",
            "The summit angered Georgia and praised Ukraine.",
            "Ilham Aliyev visited Russia, and backed Ukraine.",
        ] {
            for object in ["georgia", "russia"] {
                assert_lacks(text, object, "ukraine", 1);
            }
        }
        // A subject of its own still holds.
        assert_has(
            "Georgia praised Ukraine and Moldova.",
            "georgia",
            "ukraine",
            1,
        );
    }

    #[test]
    fn a_subject_reads_past_its_acronym_in_brackets() {
        // The acronym known as a name itself (IRGC), or not (HZB, GR-1).
        for (text, holder, target) in [
            (
                "The Islamic Revolutionary Guard Corps (IRGC) threatened Israel again.",
                "irgc",
                "israel",
            ),
            (
                "Hezbollah (HZB) threatened Israel again.",
                "hezbollah",
                "israel",
            ),
            (
                "Late on Monday Hamas (GR-1) condemned Israel's raids.",
                "hamas",
                "israel",
            ),
        ] {
            assert_has(text, holder, target, -1);
            assert_lacks(text, "author", target, -1);
        }
    }

    #[test]
    fn a_relationship_word_that_ends_its_clause_has_no_parties_after_it() {
        for text in [
            "Amid the tensions, Georgian officials visited Ukraine.",
            "Despite the rivalry; Georgia traded with Ukraine.",
        ] {
            assert_lacks(text, "georgia", "ukraine", -1);
        }
        assert_has(
            "The tensions between Georgia and Ukraine grew.",
            "georgia",
            "ukraine",
            -1,
        );
    }

    #[test]
    fn a_pair_named_together_holds_its_relationship_both_ways() {
        for text in [
            "Tensions between Iran and Azerbaijan rose.",
            "Turkey and Azerbaijan have close ties.",
            "Azerbaijan and Turkey enjoy a strategic partnership these days.",
        ] {
            let found = stances_of(text);
            let pair = |a: &str, b: &str| found.iter().any(|(h, t, _)| h == a && t == b);
            assert!(
                pair("azerbaijan", "iran") || pair("azerbaijan", "turkey"),
                "{text}: {found:?}"
            );
            assert!(
                pair("iran", "azerbaijan") || pair("turkey", "azerbaijan"),
                "{text}: {found:?}"
            );
        }
        // A hyphenated or slashed pair, and the common adjectives of relationship nouns.
        for (text, a, b, sign) in [
            (
                "Georgian-Armenian ties are friendly.",
                "georgia",
                "armenia",
                1,
            ),
            (
                "The Georgia–Russia rivalry deepened.",
                "georgia",
                "russia",
                -1,
            ),
            ("Greek/Turkish tensions rose again.", "greece", "turkey", -1),
            (
                "Georgia and Armenia keep cordial ties.",
                "georgia",
                "armenia",
                1,
            ),
            (
                "Georgia and Russia have had poor relations for years.",
                "georgia",
                "russia",
                -1,
            ),
            (
                "Like Serbia, Hungary maintains good relations with Russia.",
                "hungary",
                "russia",
                1,
            ),
            // A domain word between the adjective and the noun.
            (
                "Georgia and Ukraine have close economic ties.",
                "georgia",
                "ukraine",
                1,
            ),
            (
                "Georgia and Ukraine have deep security ties.",
                "ukraine",
                "georgia",
                1,
            ),
            (
                "Georgia's tense diplomatic ties with Russia worsened.",
                "georgia",
                "russia",
                -1,
            ),
        ] {
            assert_has(text, a, b, sign);
        }
        assert_lacks(
            "Like Serbia, Hungary maintains good relations with Russia.",
            "serbia",
            "russia",
            1,
        );
        // Two names after "ties with" are one party's partners, not a pair.
        let text = "The deal paves the way for closer security ties with Ukraine and Moldova.";
        assert_lacks(text, "ukraine", "moldova", 1);
        assert_has(
            "The deal brings closer ties between Ukraine and Moldova.",
            "ukraine",
            "moldova",
            1,
        );
        // One party's ties, or a party's spokesman on the pair: one way only.
        let text = "Azerbaijan's strained relations with Iran worsened.";
        assert_lacks(text, "iran", "azerbaijan", -1);
        let text = "Relations between Azerbaijan and Iran are friendly, Ilham Aliyev said.";
        assert_lacks(text, "iran", "azerbaijan", 1);
        // Whichever party is named first, the spokesman's side holds it.
        for text in [
            "Relations between Georgia and Azerbaijan are friendly, Ilham Aliyev said.",
            "Ilham Aliyev said that Georgia and Azerbaijan enjoy friendly relations.",
        ] {
            assert_has(text, "azerbaijan", "georgia", 1);
            assert_lacks(text, "georgia", "azerbaijan", 1);
        }
    }

    #[test]
    fn a_predicate_noun_describes_its_subject() {
        // The subject is the target of whoever speaks, not the holder.
        for (text, target, sign) in [
            (
                "Armenia is a trusted partner, Turkey's minister said.",
                "armenia",
                1,
            ),
            (
                "Ilham Aliyev said Russia remains a dangerous threat.",
                "russia",
                -1,
            ),
            (
                "Ilham Aliyev said Turkey is an ally and Armenia a mortal enemy.",
                "armenia",
                -1,
            ),
            (
                "Ilham Aliyev said Turkey is an ally and Armenia a mortal enemy.",
                "turkey",
                1,
            ),
        ] {
            let found = stances_of(text);
            assert!(
                found
                    .iter()
                    .any(|(h, t, s)| h != target && t == target && *s == sign),
                "{text}: {found:?}"
            );
            assert!(
                !found.iter().any(|(h, _, _)| h == target),
                "{text}: {found:?}"
            );
        }
        // With a possessor, the subject's stance toward it.
        for text in [
            "Russia has been one of Armenia's steadiest allies for decades.",
            "Russia, which sells arms to both sides, has been one of Armenia's allies.",
            "Russia is Armenia's closest partner.",
        ] {
            assert_has(text, "russia", "armenia", 1);
        }
    }

    #[test]
    fn in_the_articles_voice_a_victim_an_event_or_a_feeling_is_no_attitude() {
        for (text, victim) in [
            (
                "Armenian agents sought to destabilize Georgia for years.",
                "georgia",
            ),
            (
                "Russia tried to undermine Armenia through its media.",
                "armenia",
            ),
            (
                "The campaign infiltrated the government of Turkey quickly.",
                "turkey",
            ),
        ] {
            let found = stances_of(text);
            assert!(
                !found.iter().any(|(h, t, _)| h == "author" && t == victim),
                "{text}: {found:?}"
            );
        }
        for text in [
            "The attack on the embassy comes amid Turkey's quarrel over Armenia's borders.",
            "The strike on the depot followed a week of talks in Georgia and Armenia.",
            "The clashes sent ripples of concern through Georgia and Armenia.",
            "Russia is deeply worried about the unity of Turkey and Azerbaijan.",
        ] {
            let found = stances_of(text);
            assert!(
                !found.iter().any(|(h, _, s)| h == "author" && *s < 0),
                "{text}: {found:?}"
            );
        }
        // The doer is still blamed.
        let text = "Russia sought to destabilize Georgia for years.";
        assert_has(text, "author", "russia", -1);
    }

    #[test]
    fn words_quoted_from_nobody_named_are_not_the_articles() {
        for (quoted, plain, target) in [
            (
                "Claim: militias backed by Armenia \u{201c}threaten the region.\u{201d}",
                "Claim: militias backed by Armenia threaten the region.",
                "armenia",
            ),
            (
                "Groups armed by Georgia \"menace the border\", it was written.",
                "Groups armed by Georgia menace the border, it was written.",
                "georgia",
            ),
        ] {
            assert_has(plain, "author", target, -1);
            assert_lacks(quoted, "author", target, -1);
        }
    }

    #[test]
    fn whoever_a_move_angers_holds_it_against_those_who_made_it() {
        for (text, feeler, causes) in [
            (
                "Armenia's move infuriated Ankara.",
                "turkey",
                vec!["armenia"],
            ),
            (
                "Ties between Russia and Armenia grew, which angered Georgia.",
                "georgia",
                vec!["russia", "armenia"],
            ),
            (
                "The visit by the Georgian leader alarmed Moscow.",
                "russia",
                vec!["georgia"],
            ),
        ] {
            for cause in causes {
                assert_has(text, feeler, cause, -1);
                assert_lacks(text, cause, feeler, -1);
            }
        }
        // The one who feels it is not the one who caused it.
        assert_lacks("Moscow angered Georgia.", "russia", "georgia", -1);
    }

    #[test]
    fn the_states_describing_a_speaker_are_not_judged() {
        for (text, described, judged) in [
            (
                "The ambassador of Russia to Armenia, Ivan Petrov, praised Georgia.",
                "armenia",
                "georgia",
            ),
            (
                "Russia's envoy to Turkey, Ivan Petrov, condemned Georgia.",
                "turkey",
                "georgia",
            ),
            (
                "The Turkish ambassador to Armenia, Kemal Arslan, criticized Russia.",
                "armenia",
                "russia",
            ),
        ] {
            let sign = if text.contains("praised") { 1 } else { -1 };
            let speaker = if text.contains("Kemal") {
                "kemal_arslan"
            } else {
                "ivan_petrov"
            };
            assert_has(text, speaker, judged, sign);
            assert_lacks(text, speaker, described, sign);
        }
        // A name after the cue is judged, whatever comes before the speaker.
        assert_has(
            "Praising Armenia, the Russian envoy Ivan Petrov said ties would grow.",
            "ivan_petrov",
            "armenia",
            1,
        );
    }

    #[test]
    fn a_feeling_is_held_by_each_feeler_toward_causes_named_before_or_after() {
        for (text, feelers, causes) in [
            // Coordinated feelers each hold it.
            (
                "Armenia's decision to host the drills alarmed Turkey and Russia.",
                vec!["turkey", "russia"],
                vec!["armenia"],
            ),
            // A feeling caused in a capital is its state's.
            (
                "Georgia's exercise has sounded alarm bells in Ankara and Tehran.",
                vec!["turkey", "iran"],
                vec!["georgia"],
            ),
            (
                "The arms deal between Serbia and Russia raised eyebrows in Paris.",
                vec!["france"],
                vec!["serbia", "russia"],
            ),
            // With no cause before it, the cause named right after the feelers.
            (
                "The news sounded alarm bells in Baku and Ankara, as Armenia moved closer to Russia.",
                vec!["azerbaijan", "turkey"],
                vec!["armenia"],
            ),
            (
                "The summit drew the ire of Algeria over France's remarks.",
                vec!["algeria"],
                vec!["france"],
            ),
            (
                "Recent events have unnerved Finland after Russia massed troops.",
                vec!["finland"],
                vec!["russia"],
            ),
        ] {
            for feeler in &feelers {
                for cause in &causes {
                    assert_has(text, feeler, cause, -1);
                    assert_lacks(text, cause, feeler, -1);
                }
            }
        }
        // A cause must follow the feelers at once: a later clause is not one.
        assert_lacks(
            "The news alarmed Finland, and weeks later Russia held talks.",
            "finland",
            "russia",
            -1,
        );
        // A place after "in" stays a place when nothing is felt there.
        assert_lacks(
            "Protests in Ankara angered nobody in Georgia.",
            "turkey",
            "georgia",
            -1,
        );
    }

    #[test]
    fn predicate_nouns_take_coordinated_parties_and_conjuncts() {
        // Each party coordinated after the noun.
        for (text, parties) in [
            (
                "Georgia is a friend of Turkey and Armenia.",
                vec!["turkey", "armenia"],
            ),
            (
                "Georgia has long been an ally of Turkey, Armenia and Russia.",
                vec!["turkey", "armenia", "russia"],
            ),
        ] {
            for party in parties {
                assert_has(text, "georgia", party, 1);
            }
        }
        // A second noun is said of the first one's subject, not of the article's voice.
        for (text, friend, foe) in [
            (
                "Georgia is an ally of Turkey and an enemy of Russia.",
                "turkey",
                "russia",
            ),
            (
                "Georgia has been a partner of Armenia but a rival of Iran.",
                "armenia",
                "iran",
            ),
        ] {
            assert_has(text, "georgia", friend, 1);
            assert_has(text, "georgia", foe, -1);
            assert_lacks(text, "author", friend, -1);
            assert_lacks(text, "georgia", friend, -1);
        }
        // A party of another noun is not coordinated with the first.
        let text = "Georgia is a friend of Turkey and a neighbour of Russia.";
        assert_lacks(text, "georgia", "russia", 1);
    }

    #[test]
    fn coordinated_objects_are_each_a_target_with_their_own_verb() {
        for (text, targets, sign) in [
            (
                "Russia condemned Georgia and Armenia.",
                vec!["georgia", "armenia"],
                -1,
            ),
            (
                "Moscow warned Tbilisi, Yerevan and Ankara against joining.",
                vec!["georgia", "armenia", "turkey"],
                -1,
            ),
            (
                "France welcomed Georgia and Armenia.",
                vec!["georgia", "armenia"],
                1,
            ),
        ] {
            for target in targets {
                let holder = if text.starts_with("France") {
                    "france"
                } else {
                    "russia"
                };
                assert_has(text, holder, target, sign);
            }
        }
        // Two verbs of judging, each of its own object.
        for text in [
            "Russia praised Georgia and criticized Armenia.",
            "Russia welcomed Georgia but condemned Armenia.",
        ] {
            assert_has(text, "russia", "georgia", 1);
            assert_has(text, "russia", "armenia", -1);
            assert_lacks(text, "russia", "armenia", 1);
        }
    }

    #[test]
    fn an_outlet_is_a_target_only_right_after_an_attitude_word() {
        for (text, outlet, sign) in [
            ("Russia accused the BBC of bias.", "bbc", -1),
            ("Georgia sharply criticized CNN.", "cnn", -1),
            ("Armenia's criticism of the BBC grew.", "bbc", -1),
        ] {
            let holder = stances_of(text)
                .into_iter()
                .find(|(_, t, s)| t == outlet && *s == sign);
            assert!(holder.is_some(), "{text}: {:?}", stances_of(text));
        }
        // A source is not a target.
        for text in [
            "Russia condemned Georgia in an interview with CNN.",
            "Russia criticized Georgia, the minister told the BBC.",
        ] {
            assert!(
                !stances_of(text)
                    .iter()
                    .any(|(_, t, _)| t == "cnn" || t == "bbc"),
                "{text}: {:?}",
                stances_of(text)
            );
        }
    }

    #[test]
    fn coordinated_holders_each_hold_the_stance() {
        for (text, holders) in [
            (
                "Turkey, Georgia and Russia condemned Armenia.",
                &["turkey", "georgia", "russia"][..],
            ),
            (
                "Iran and Turkey have warned Armenia again.",
                &["iran", "turkey"][..],
            ),
            (
                "Officials said Georgia, Turkey, and Russia criticised Armenia.",
                &["georgia", "turkey", "russia"][..],
            ),
        ] {
            for holder in holders {
                assert_has(text, holder, "armenia", -1);
            }
        }
        // A name governed by a preposition, or after the verb, is not a holder.
        for text in [
            "Turkey condemned Armenia and Georgia.",
            "After talks with Georgia and Turkey, Russia condemned Armenia.",
        ] {
            let found = stances_of(text);
            assert!(
                !found.iter().any(|(h, _, _)| h == "georgia"),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn the_threatened_is_not_the_target() {
        let text = "Iran said the Zionist regime is a threat to Azerbaijan.";
        assert_lacks(text, "iran", "azerbaijan", -1);
        assert_has(text, "iran", "israel", -1);
    }

    #[test]
    fn a_place_is_not_a_target() {
        let text = "Eli Cohen accused Iran of plotting an attack on the embassy in Azerbaijan.";
        assert_has(text, "eli_cohen", "iran", -1);
        assert_lacks(text, "eli_cohen", "azerbaijan", -1);
    }

    #[test]
    fn a_hostile_epithet_is_an_attitude() {
        let text = "Iran said the Zionist regime keeps no promise it signs.";
        assert_has(text, "iran", "israel", -1);
        let text = "Iran said the Jewish state held elections.";
        assert!(stances_of(text).is_empty(), "{:?}", stances_of(text));
    }

    #[test]
    fn an_epithet_repeated_is_one_statement_with_a_cue_per_use() {
        let text = "Iran said the Zionist regime, the Zionists and the Zionist entity lie.";
        let t = Doc::new(kb(), text);
        let e = extract(kb(), &t);
        let a = attribute(kb(), &t, &e);
        let found = stances(kb(), &t, &e, &a);
        let epithet: Vec<_> = found
            .iter()
            .filter(|s| s.cues.iter().any(|c| t.slice(c.span).contains("Zionist")))
            .collect();
        assert_eq!(epithet.len(), 1, "{found:?}");
        assert_eq!(epithet[0].cues.len(), 3, "{found:?}");
    }

    #[test]
    fn hostile_acts_are_their_agents_stance() {
        let cases = [
            (
                "It condemned the attack by Iran on Nakhchivan.",
                "iran",
                "nakhchivan",
            ),
            ("Israel's strikes on Iran continued.", "israel", "iran"),
            (
                "Iranian provocations against Azerbaijan continue.",
                "iran",
                "azerbaijan",
            ),
            // Fighting told as one side's act; "its" is the sentence's subject.
            (
                "Russia's war on Ukraine entered a third year.",
                "russia",
                "ukraine",
            ),
            (
                "Georgia will face a new front in its battle against Russia.",
                "georgia",
                "russia",
            ),
            (
                "Armenia pressed on with its struggle against Turkey.",
                "armenia",
                "turkey",
            ),
            // The subject of a verb of doing.
            (
                "Russia launched a drone attack on Ukraine.",
                "russia",
                "ukraine",
            ),
            (
                "Russia has waged a long war against Ukraine.",
                "russia",
                "ukraine",
            ),
        ];
        for (text, holder, target) in cases {
            assert_has(text, holder, target, -1);
        }
        // An act not done is no one's act.
        assert_lacks(
            "Georgia will not permit Russia to launch an attack on Ukraine.",
            "russia",
            "ukraine",
            -1,
        );
        // Fighting between parties named together is an event, not either side's act.
        for text in [
            "The war between Armenia and Turkey ended.",
            "Fighting in Georgia and Russia ended.",
        ] {
            assert_lacks(text, "armenia", "turkey", -1);
            assert_lacks(text, "georgia", "russia", -1);
        }
    }

    #[test]
    fn a_direct_object_is_the_only_target_of_its_verb() {
        let text = "Iran blamed Turkey for prolonging the war by arming Azerbaijan.";
        assert_has(text, "iran", "turkey", -1);
        assert_lacks(text, "iran", "azerbaijan", -1);
    }

    #[test]
    fn modifiers_and_experiencers_are_not_blamed() {
        let text = "Washington voiced support for Iranian-backed reform groups.";
        assert_lacks(text, "united_states", "iran", 1);
        assert!(
            !stances_of(text).iter().any(|(_, t, _)| t == "iran"),
            "{:?}",
            stances_of(text)
        );
        let text = "The Azerbaijanis are aware of the threat posed by Iran.";
        assert_lacks(text, "author", "azerbaijan", -1);
    }

    #[test]
    fn an_addressee_is_still_a_target() {
        let text = "Akopian said Armenia expressed alarm to Israeli lawmakers.";
        assert_has(text, "armenia", "israel", -1);
    }

    #[test]
    fn arms_and_supplies_given_are_support_and_wariness_is_hostility() {
        for (text, holder, target, sign) in [
            (
                "Russia supplied Armenia with tanks for years.",
                "russia",
                "armenia",
                1,
            ),
            (
                "Turkey, for its part, is supplying Azerbaijan with drones.",
                "turkey",
                "azerbaijan",
                1,
            ),
            (
                "Israel has long been helping to arm Azerbaijan.",
                "israel",
                "azerbaijan",
                1,
            ),
            ("Russia sold weapons to Armenia.", "russia", "armenia", 1),
            (
                "Georgia said the drones it provided to Armenia worked well.",
                "georgia",
                "armenia",
                1,
            ),
            (
                "France delivered arms to Armenia in the spring.",
                "france",
                "armenia",
                1,
            ),
            (
                "Turkey remains wary of Russia in the region.",
                "turkey",
                "russia",
                -1,
            ),
        ] {
            assert_has(text, holder, target, sign);
        }
    }

    #[test]
    fn relational_nouns_name_both_parties() {
        for (text, pairs) in [
            (
                "Russia and Armenia have quietly become strategic partners.",
                vec![("russia", "armenia", 1), ("armenia", "russia", 1)],
            ),
            (
                "Armenia and Turkey remain bitter rivals.",
                vec![("armenia", "turkey", -1), ("turkey", "armenia", -1)],
            ),
            (
                "Armenia is a close ally of Russia.",
                vec![("armenia", "russia", 1)],
            ),
            (
                "Turkey has been a reliable partner to Azerbaijan.",
                vec![("turkey", "azerbaijan", 1)],
            ),
            (
                "Azerbaijan appointed its first ambassador to Israel on Monday.",
                vec![("azerbaijan", "israel", 1)],
            ),
        ] {
            for (holder, target, sign) in pairs {
                assert_has(text, holder, target, sign);
            }
            // The article itself takes no side in these.
            assert!(
                !stances_of(text).iter().any(|(h, _, _)| h == "author"),
                "{text}: {:?}",
                stances_of(text)
            );
        }
        // Appositions: the name set beside the noun is the one described.
        for (text, holder, target, sign) in [
            (
                "This has helped Turkey, Azerbaijan's oldest ally, grow its reach.",
                "turkey",
                "azerbaijan",
                1,
            ),
            (
                "Moscow also criticized Turkey, Armenia's old foe, for the drills.",
                "turkey",
                "armenia",
                -1,
            ),
            (
                "Russia, Turkey, Iran and Armenia's ally France met.",
                "france",
                "armenia",
                1,
            ),
        ] {
            assert_has(text, holder, target, sign);
        }
        let text = "Russia, Turkey, Iran and Armenia's ally France met.";
        assert_lacks(text, "russia", "france", 1);
        // A state used attributively: "Varnian ally Kestria" is "Varnia's ally Kestria",
        // and the state is neither party to a relationship word before it nor a target.
        for (text, party, named, sign, relation) in [
            (
                "Georgia kept warm ties with Russian ally Armenia.",
                "russia",
                "armenia",
                1,
                Some(("georgia", "armenia", 1)),
            ),
            (
                "Greece has deep links with Turkey's neighbour and Turkish foe, Armenia.",
                "turkey",
                "armenia",
                -1,
                None,
            ),
            (
                "The US ally Israel condemned Iran.",
                "united_states",
                "israel",
                1,
                None,
            ),
        ] {
            assert_has(text, party, named, sign);
            assert_has(text, named, party, sign);
            if let Some((holder, target, sign)) = relation {
                assert_has(text, holder, target, sign);
                assert_lacks(text, holder, party, sign);
            }
        }
        assert_has("The US ally Israel condemned Iran.", "israel", "iran", -1);
        assert_lacks(
            "The US ally Israel condemned Iran.",
            "israel",
            "united_states",
            -1,
        );
        // "X's ally against Y": both allies stand against Y.
        for text in [
            "Greece, Cyprus's oldest ally against Turkey, sent ships.",
            "Serbia remains Russia's partner against NATO.",
        ] {
            let (a, b, foe) = if text.starts_with("Greece") {
                ("greece", "cyprus", "turkey")
            } else {
                ("serbia", "russia", "nato")
            };
            assert_has(text, a, b, 1);
            assert_has(text, a, foe, -1);
            assert_has(text, b, foe, -1);
            assert_lacks(text, a, foe, 1);
        }
        // Without a name after the noun, the state is the one meant.
        assert_has(
            "Russia is quietly arming its Armenian allies.",
            "russia",
            "armenia",
            1,
        );
        // Allies and enemies are so to each other; a backer only one way.
        for (text, pairs, not) in [
            (
                "Georgia has close ties with Israel, Moscow's regional archfoe.",
                vec![("israel", "russia", -1), ("russia", "israel", -1)],
                ("georgia", "israel", -1),
            ),
            (
                "Russia, which borders Georgia, is one of Yerevan's two biggest backers.",
                vec![("russia", "armenia", 1)],
                ("armenia", "russia", 1),
            ),
        ] {
            for (holder, target, sign) in pairs {
                assert_has(text, holder, target, sign);
            }
            assert_lacks(text, not.0, not.1, not.2);
        }
        // Asides and adverbs between the subject and its noun, and "seen as" for "is".
        for text in [
            "Georgia, by most measures, is now a close ally of Turkey.",
            "Georgia has long been a reliable partner of Turkey.",
            "Georgia is widely seen as a reliable partner of Turkey.",
            "Georgia has long been regarded as a close friend of Turkey.",
        ] {
            assert_has(text, "georgia", "turkey", 1);
            assert!(
                !stances_of(text).iter().any(|(h, _, _)| h == "author"),
                "{text}: {:?}",
                stances_of(text)
            );
        }
        // The noun of a relative clause is its subject, not a name before it.
        let text = "Turkish agencies helped Georgia fight armed groups that threaten Armenia.";
        assert!(
            !stances_of(text).iter().any(|(h, _, _)| h == "georgia"),
            "{:?}",
            stances_of(text)
        );
        let text = "Georgia and Turkey have a flourishing economic relationship.";
        assert_has(text, "georgia", "turkey", 1);
        // A list of three is not a pair, and a comma breaks the clause.
        let text = "Russia, Armenia and Iran, officials said, are partners.";
        assert_lacks(text, "armenia", "iran", 1);
    }

    #[test]
    fn support_for_something_hostile_is_a_charge_against_the_supporter() {
        for (text, holder, target) in [
            (
                "Turkey condemned Iran's support for terrorism.",
                "turkey",
                "iran",
            ),
            (
                "Georgia said Russia's backing of separatism went on.",
                "georgia",
                "russia",
            ),
            (
                "Armenia's envoy said Turkey's support for aggression must end.",
                "armenia",
                "turkey",
            ),
        ] {
            assert_has(text, holder, target, -1);
            assert_lacks(text, holder, target, 1);
        }
        // Support for something good stays support.
        let text = "Turkey praised Georgia's support for dialogue.";
        assert_lacks(text, "turkey", "georgia", -1);
    }

    #[test]
    fn a_companion_is_not_a_target() {
        for (text, holder, companion) in [
            (
                "Iran issued a stern warning at a joint news conference with Russia's foreign minister.",
                "iran",
                "russia",
            ),
            (
                "Turkey condemned the attack, speaking alongside Azerbaijan's president.",
                "turkey",
                "ilham_aliyev",
            ),
            (
                "Armenia criticized the drills after talks with Russia.",
                "armenia",
                "russia",
            ),
            (
                "Condemnation from the Gulf states poured in, led by Georgia.",
                "other",
                "georgia",
            ),
            (
                "Russia condemned the vote, joined by Armenia.",
                "russia",
                "armenia",
            ),
        ] {
            assert!(
                !stances_of(text)
                    .iter()
                    .any(|(h, t, _)| h == holder && t == companion),
                "{text}: {:?}",
                stances_of(text)
            );
        }
        // Talks are no shelter for the one criticized by name.
        let text = "Armenia criticized Russia after talks in Geneva.";
        assert_has(text, "armenia", "russia", -1);
    }

    #[test]
    fn conjoined_holders_hold_together_and_are_not_each_others_targets() {
        for (text, holders) in [
            (
                "Georgia, Armenia and Turkey condemned Russia.",
                vec!["georgia", "armenia", "turkey"],
            ),
            (
                "Russia was condemned by Georgia and Turkey.",
                vec!["georgia", "turkey"],
            ),
        ] {
            let found = stances_of(text);
            for h in &holders {
                assert_has(text, h, "russia", -1);
            }
            assert!(
                !found.iter().any(|(h, t, _)| holders.contains(&h.as_str()) && holders.contains(&t.as_str())),
                "{text}: {found:?}"
            );
        }
        // The "by" of a later verb does not make its subject the act's agent.
        let text = "The attack on Georgia was condemned by Turkey and Azerbaijan.";
        assert_lacks(text, "turkey", "georgia", -1);
    }

    #[test]
    fn the_charge_in_an_accusation_is_held_against_the_accused() {
        for (text, holder, accused, third) in [
            (
                "Georgia accused Armenia of cooperating with Russia.",
                "georgia",
                "armenia",
                "russia",
            ),
            (
                "Turkey accuses Greece of backing Russia.",
                "turkey",
                "greece",
                "russia",
            ),
            (
                "Iran has accused Azerbaijan of friendship with Israel.",
                "iran",
                "azerbaijan",
                "israel",
            ),
        ] {
            assert_has(text, holder, accused, -1);
            assert_lacks(text, holder, third, 1);
        }
        // A charge is named near its verb: a later clause's support stays support.
        let text = "If Iran keeps up such charges of complicity, Georgia may answer by strengthening its ties with Turkey.";
        assert_has(text, "georgia", "turkey", 1);
    }

    #[test]
    fn a_possessor_holds_the_attitude_noun_it_owns_even_in_reported_speech() {
        for text in [
            "Ilham Aliyev said Russia's objection to Georgia's plan was odd.",
            "Ilham Aliyev said that Russia's sharp criticism of Georgia was unfair.",
        ] {
            let found = stances_of(text);
            assert_has(text, "russia", "georgia", -1);
            assert!(
                !found
                    .iter()
                    .any(|(h, t, _)| h == "russia" && t == "ilham_aliyev"),
                "{text}: {found:?}"
            );
            assert_lacks(text, "ilham_aliyev", "georgia", -1);
        }
    }

    #[test]
    fn a_demonym_before_an_attitude_noun_holds_it() {
        for (text, holder) in [
            ("There was sharp Turkish criticism of Georgia.", "turkey"),
            (
                "Ilham Aliyev said there was Turkish criticism of Georgia.",
                "turkey",
            ),
            ("Russian objection to Georgia's plan grew.", "russia"),
        ] {
            assert_has(text, holder, "georgia", -1);
        }
        // A full name before the noun is a compound, and a demonym before a relational
        // noun says who the party is.
        assert_lacks(
            "Ilham Aliyev said the Georgia crisis worried Turkey.",
            "georgia",
            "turkey",
            -1,
        );
        assert_lacks(
            "Armenia said it is quietly helping its Georgian allies.",
            "georgia",
            "armenia",
            1,
        );
    }

    #[test]
    fn a_name_run_on_from_a_relational_noun_does_not_follow_it() {
        // The unknown name "Strategic Partner" overlaps the noun "Partner": the analysis
        // still runs, and the name holds what it says.
        for text in [
            "Armenia Strategic Partner warned Turkey.",
            "Armenia Strategic Partner\twarned Turkey.",
        ] {
            assert_has(text, "strategic_partner", "turkey", -1);
        }
    }

    #[test]
    fn a_holder_says_one_thing_per_sentence() {
        for text in [
            "Olga Petrenko of Georgia said: \u{201c}Relations between Georgia and Armenia are \
             based on friendship and cooperation.\u{201d}",
            "Georgia and Armenia have a strategic partnership and strengthening ties, Olga \
             Petrenko of Georgia said.",
        ] {
            let found = stances_of(text);
            let n = found
                .iter()
                .filter(|s| *s == &("georgia".into(), "armenia".into(), 1))
                .count();
            assert_eq!(n, 1, "{text}: {found:?}");
        }
        // Words at odds over one target: the epithet's hostility is kept.
        let text = "Nasser Kanaani said the backing of the Zionist regime emboldens Baku.";
        assert_has(text, "nasser_kanaani", "israel", -1);
        assert_lacks(text, "nasser_kanaani", "israel", 1);
    }

    #[test]
    fn a_verb_joined_by_and_shares_the_subject() {
        for text in [
            "For his part, Sergey Lavrov commended the Chinese president for expressing \
             his condolences over the crash and praised Armenia.",
            "For his part, Sergey Lavrov commended the Chinese envoy for sending aid after \
             the floods and also praised Armenia.",
            "For his part, Sergey Lavrov lauded the Chinese envoy for his words of sympathy \
             and then praised Armenia.",
        ] {
            assert_has(text, "sergey_lavrov", "armenia", 1);
            assert_lacks(text, "author", "armenia", 1);
        }
        // A noun after "and" is not a verb: the article's voice keeps it.
        assert_lacks(
            "Sergey Lavrov thanked the French delegation for the long visit and praise \
             for Armenia followed.",
            "sergey_lavrov",
            "armenia",
            1,
        );
    }

    #[test]
    fn the_object_of_an_earlier_plain_verb_is_not_the_speakers_target() {
        for text in [
            "Turkey hosted the Greek envoy on Monday and then criticized Armenia.",
            "Turkey received a Greek delegation in Ankara and condemned Armenia.",
            "Turkey met the Greek minister and also warned Armenia.",
        ] {
            assert_has(text, "turkey", "armenia", -1);
            assert_lacks(text, "turkey", "greece", -1);
        }
        // An earlier verb that judges keeps its own object.
        let text = "Turkey praised the Greek envoy on Monday and then criticized Armenia.";
        assert_has(text, "turkey", "greece", 1);
        assert_has(text, "turkey", "armenia", -1);
    }

    #[test]
    fn an_attitude_noun_speaks_of_the_name_that_owns_it() {
        for text in [
            "Turkey must confront the Aliyev dictatorship.",
            "Lobbyists pressed the Foreign Office to soften its line on the Aliyev dictatorship.",
            "France has long tolerated the Aliyev dictatorship.",
        ] {
            assert_has(text, "author", "ilham_aliyev", -1);
            assert_each(text, |(h, t, _)| h != "author" || t == "ilham_aliyev");
        }
    }

    #[test]
    fn a_relationship_word_is_not_the_articles_attitude() {
        for text in [
            "A milestone was reached with a Christian friend of Russia: Georgia.",
            "There were talks with regional partners and in Paris between France and Turkey.",
            "The summit brought the two rival leaders of Armenia and Georgia together.",
            "One of those allies is Georgia.",
        ] {
            assert_each(text, |(h, _, _)| h != "author");
        }
        // A party named in its relative clause holds it.
        for (text, holder) in [
            ("The ally that France needs is Georgia.", "france"),
            ("The partner whom Turkey trusts most is Georgia.", "turkey"),
            (
                "The friend that the United States courts is Georgia.",
                "united_states",
            ),
        ] {
            assert_has(text, holder, "georgia", 1);
        }
    }

    #[test]
    fn a_hostile_deed_is_held_against_its_doer_named_after_it() {
        for text in [
            "The new government must counter hostile actions from Russia.",
            "The region has seen a wave of provocations by Russia.",
            "Officials now fear meddling from Russia in the vote.",
        ] {
            assert_has(text, "author", "russia", -1);
        }
        // A condemnation from someone is theirs, not held against them.
        assert_lacks(
            "Condemnation from Russia began pouring in.",
            "author",
            "russia",
            -1,
        );
    }

    #[test]
    fn advice_to_a_state_is_not_an_attitude_toward_it() {
        for text in [
            "The new French government must build a strategy to strengthen its allies and \
             counter hostile actions from Russia.",
            "Turkey should confront the hostile regime in Moscow.",
            "Georgia needs to resist Russian aggression.",
        ] {
            assert_each(text, |(h, t, _)| {
                h != "author" || !matches!(t.as_str(), "france" | "turkey" | "georgia")
            });
        }
        assert_has(
            "The new French government must build a strategy to strengthen its allies and \
             counter hostile actions from Russia.",
            "author",
            "russia",
            -1,
        );
    }

    #[test]
    fn the_article_blames_only_the_doer_of_a_hostile_deed() {
        // Stopping a hostile thing, or judging it, is not doing it.
        for (text, actor) in [
            (
                "In May, Georgia's security service foiled a terror plot.",
                "georgia",
            ),
            (
                "Turkish police thwarted an attack on the consulate.",
                "turkey",
            ),
            (
                "Armenia intercepted a hostile drone over Yerevan.",
                "armenia",
            ),
            (
                "In February, Turkey blamed Russia for attacks on Georgia.",
                "turkey",
            ),
            (
                "Turkey accused Russia of aggression against Georgia.",
                "turkey",
            ),
        ] {
            assert_lacks(text, "author", actor, -1);
        }
        // What an accusation charges is not a deed the article tells.
        for text in [
            "In February, Turkey blamed Russia for attacks on Georgia.",
            "Turkey accused Russia of strikes on Georgia.",
        ] {
            assert_lacks(text, "russia", "georgia", -1);
            assert_has(text, "turkey", "russia", -1);
        }
        assert_has(
            "Russia's provocations against Georgia continue.",
            "author",
            "russia",
            -1,
        );
    }

    #[test]
    fn the_one_regarded_as_a_threat_is_not_its_holder() {
        for text in [
            "In the 1990s, Turkey defined Russia as the gravest threat to its borders.",
            "Back then, Turkey labelled Russia as a threat to the region.",
            "Even then Turkey regarded Russia as a threat.",
        ] {
            assert_has(text, "turkey", "russia", -1);
            assert_lacks(text, "author", "turkey", -1);
            assert_each(text, |(h, _, _)| h != "russia");
        }
    }

    #[test]
    fn lies_as_a_place_is_no_attitude() {
        for text in [
            "Georgia lies between Russia and Turkey.",
            "Armenia lies in the shadow of Turkey.",
        ] {
            let found = stances_of(text);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        assert_has(
            "Georgia said Russia keeps spreading lies about Tbilisi.",
            "georgia",
            "russia",
            -1,
        );
    }

    #[test]
    fn the_one_a_side_is_taken_over_is_opposed_past_its_descriptions() {
        for text in [
            "Historically, Russia has aligned with Christian Armenia over Muslim, but \
             pro-Western, Turkey.",
            "Russia sided with Armenia over Muslim, secular Turkey.",
            "Russia has sided with Armenia over Muslim and NATO-member Turkey.",
        ] {
            assert_has(text, "russia", "armenia", 1);
            assert_lacks(text, "russia", "turkey", 1);
        }
    }

    #[test]
    fn who_acts_together_with_the_holder_is_on_its_side() {
        for text in [
            "Turkey, together with Armenia, condemned Russia.",
            "Turkey, alongside Armenia, warned Russia.",
            "Ankara, jointly with Yerevan, criticized Moscow on Monday.",
            "Georgia condemned Turkey's foreign minister, who said his country, together \
             with Armenia, was forming a united front against Russia.",
        ] {
            assert_has(text, "turkey", "armenia", 1);
            assert_has(text, "turkey", "russia", -1);
            assert_lacks(text, "armenia", "russia", -1);
        }
        // Each partner named, and only the holder's.
        let text = "Turkey, together with Armenia and Georgia, praised France.";
        assert_has(text, "turkey", "armenia", 1);
        assert_has(text, "turkey", "georgia", 1);
        assert_lacks(
            "Georgia condemned Turkey's foreign minister, who said his country, together \
             with Armenia, was forming a united front against Russia.",
            "georgia",
            "armenia",
            1,
        );
        // Agreeing with someone on a course is acting with them, not against them.
        for text in [
            "\u{201C}I agreed with Foreign Minister Sergey Lavrov on forming a united front \
             against Georgia,\u{201D} Turkey's foreign minister said.",
            "\u{201C}We agreed with Armenia on a common front against Russia,\u{201D} the \
             Turkish minister said.",
        ] {
            assert_each(text, |(_, t, s)| {
                !(matches!(t.as_str(), "sergey_lavrov" | "armenia") && *s < 0)
            });
        }
        // Meeting someone is not acting with them.
        assert_lacks(
            "Turkey met with Armenia and condemned Russia.",
            "turkey",
            "armenia",
            1,
        );
    }

    #[test]
    fn a_clause_break_ends_a_relationships_parties() {
        for text in [
            "For Georgia, situated close to both Russia and Turkey, the unfolding tension \
             carries grave implications.",
            "Wedged between Russia and Turkey, the region's rivalry shapes Georgia's choices.",
        ] {
            assert_lacks(text, "russia", "turkey", -1);
            assert_lacks(text, "turkey", "russia", -1);
        }
        for text in [
            "Russia and Turkey have a deep rivalry.",
            "Russia's rivalry with Turkey is deepening.",
        ] {
            assert_has(text, "russia", "turkey", -1);
        }
    }

    #[test]
    fn a_new_clause_ends_what_a_cue_speaks_of() {
        for text in [
            "Once Turkey defined Russia as a threat to the region, it sought ties with Georgia.",
            "Turkey called Russia a threat; Georgia stayed silent.",
            "Turkey condemned Russia's threats, they said, and Georgia agreed.",
        ] {
            assert_has(text, "turkey", "russia", -1);
            assert_lacks(text, "turkey", "georgia", -1);
        }
        // A list's commas are not a new clause.
        assert_has(
            "Turkey condemned Russia, Armenia and Georgia.",
            "turkey",
            "georgia",
            -1,
        );
    }

    #[test]
    fn an_attitude_aimed_at_a_capital_is_aimed_at_its_state() {
        for text in [
            "Russian officials lashed out at Tbilisi.",
            "Moscow hit out at Tbilisi over the vote.",
            "Moscow is angry at Tbilisi.",
            "Russia hits out at Tbilisi.",
            "Russia lashed out at Georgia.",
        ] {
            assert_has(text, "russia", "georgia", -1);
        }
        // Where something happens is still a place.
        assert_each(
            "Russian envoys held talks at Tbilisi and praised the hosts.",
            |(_, t, _)| t != "georgia",
        );
    }

    #[test]
    fn rebutting_an_actors_claims_stands_against_it() {
        for text in [
            "Georgia denied Russia's allegations.",
            "Tbilisi rebuffed Moscow's accusations on Monday.",
            "Georgia dismissed the claims made by Russia.",
            "The Georgian government refuted the charges from Russia.",
            "Georgia rejected the Russian warnings.",
        ] {
            assert_has(text, "georgia", "russia", -1);
        }
        // Nobody's claims, or no claims at all: no one is rebutted.
        for text in [
            "Georgia denied the allegations.",
            "Georgia denied any involvement in the attack on Russia.",
            "Georgia dismissed the minister after his visit to Russia.",
        ] {
            assert_lacks(text, "georgia", "russia", -1);
        }
    }

    #[test]
    fn judging_a_relationship_is_not_describing_it() {
        for text in [
            "Moscow has long opposed Tbilisi's ties with Turkey.",
            "Russia objects to Georgia's growing partnership with Turkey.",
            "Russia condemned Georgia's alliance with Turkey.",
        ] {
            assert_has(text, "russia", "georgia", -1);
            // The judging verb is the holder's, not the relationship's own colour.
            assert_lacks(text, "georgia", "turkey", -1);
            assert_lacks(text, "russia", "turkey", 1);
        }
        // A word right before the relationship still describes it.
        assert_has(
            "Russia's strained ties with Georgia worsened.",
            "russia",
            "georgia",
            -1,
        );
    }

    #[test]
    fn backing_is_support_but_a_backed_compound_is_no_attitude() {
        for text in [
            "Russia has firmly backed the Armenians.",
            "Moscow backs Yerevan in the dispute.",
            "Russia backed Armenia at the summit.",
        ] {
            assert_has(text, "russia", "armenia", 1);
        }
        // A retreat is no support; a compound modifier is nobody's attitude.
        assert_lacks(
            "Russia backed down after Armenia protested.",
            "russia",
            "armenia",
            1,
        );
        for text in [
            "Turkey voiced support for Georgia, which faces Russian-backed militias.",
            "Georgia condemned the Russian-backed separatists.",
        ] {
            let t = Doc::new(kb(), text);
            let e = extract(kb(), &t);
            let a = attribute(kb(), &t, &e);
            let cues: Vec<&str> = stances(kb(), &t, &e, &a)
                .iter()
                .flat_map(|s| s.cues.iter().map(|c| t.text.slice(c.span)))
                .collect();
            assert!(!cues.contains(&"backed"), "{text}: {cues:?}");
        }
        // Backing given to someone against a third is hostility to the third.
        assert_has(
            "Russia backs Armenia against Turkey.",
            "russia",
            "turkey",
            -1,
        );
    }

    #[test]
    fn a_name_after_a_dash_that_starts_a_clause_is_no_target() {
        for text in [
            "Russia backs the rebels\u{2014}Turkey will not object.",
            "Russia praised the rebels \u{2013} Georgia has said nothing since.",
        ] {
            assert_each(text, |(h, t, _)| {
                !(h == "russia" && (t == "turkey" || t == "georgia"))
            });
        }
        // A dash before a list still names targets.
        assert_has(
            "Russia condemned two neighbours\u{2014}Georgia and Turkey.",
            "russia",
            "georgia",
            -1,
        );
    }

    #[test]
    fn who_feels_a_caused_feeling_is_no_target_of_the_cause() {
        for text in [
            "Russia's support for Armenia angered Georgia.",
            "Moscow's praise for Yerevan alarmed Tbilisi.",
            "Russia's backing of Armenia irritated Georgia.",
        ] {
            assert_has(text, "georgia", "russia", -1);
            assert_lacks(text, "russia", "georgia", 1);
        }
    }

    #[test]
    fn measures_aimed_at_someone_and_firm_solidarity() {
        for text in [
            "Russian hardliners have called for action against Tbilisi.",
            "Russia took measures against Georgia.",
            "Moscow announced steps against Georgia.",
        ] {
            assert_has(text, "russia", "georgia", -1);
        }
        for text in [
            "Turkey stands firmly with Georgia.",
            "Ankara stood firmly by Tbilisi.",
        ] {
            assert_has(text, "turkey", "georgia", 1);
        }
    }

    #[test]
    fn a_relative_clause_or_apposition_between_subject_and_verb_is_neither() {
        for text in [
            "Russia, which borders Armenia, warned Georgia.",
            "Moscow, which has long backed Yerevan, condemned Tbilisi.",
            "Russia, whose troops guard Armenia, criticised Georgia.",
            "Russia, Armenia's old protector, warned Georgia.",
            "Russia, the main backer of Armenia, condemned Georgia.",
        ] {
            assert_has(text, "russia", "georgia", -1);
            // Nobody in the clause is the speaker, or a target of the main verb.
            assert_each(text, |(h, t, s)| {
                h != "armenia" && !(t == "armenia" && *s < 0)
            });
        }
        // What the clause itself says is its subject's.
        assert_has(
            "Moscow, which has long backed Yerevan, condemned Tbilisi.",
            "russia",
            "armenia",
            1,
        );
        // A list is no apposition: every item holds what it says.
        assert_has(
            "Georgia, the United States, and Turkey condemned Russia.",
            "turkey",
            "russia",
            -1,
        );
        // A person not known by name: still not the name inside the clause.
        assert_each(
            "The minister, who visited Armenia last week, praised Georgia.",
            |(h, _, _)| h != "armenia",
        );
    }

    #[test]
    fn discord_and_broken_ties_are_hostile_relationships() {
        for text in [
            "Russia and Georgia have been at odds over the region.",
            "Russia has been at loggerheads with Georgia.",
            "Russia cut diplomatic ties with Georgia.",
            "Russia severed ties with Georgia in 2008.",
            "Russia recalled its ambassador from Georgia.",
        ] {
            assert_has(text, "russia", "georgia", -1);
        }
    }

    #[test]
    fn neither_nor_is_one_negation() {
        for text in [
            "Neither Russia nor Turkey supports Georgia.",
            "Neither Moscow nor Ankara praised Tbilisi.",
        ] {
            assert_has(text, "russia", "georgia", -1);
            assert_has(text, "turkey", "georgia", -1);
            assert_lacks(text, "turkey", "georgia", 1);
        }
        // A negated object negates its verb.
        assert_lacks(
            "Turkey supports neither Georgia nor Armenia.",
            "turkey",
            "georgia",
            1,
        );
        // Each half of a split "neither …, nor …" negates its own cue.
        assert_lacks(
            "Russia is neither a friend of Georgia, nor a friend of Armenia, Turkey said.",
            "turkey",
            "russia",
            1,
        );
    }

    #[test]
    fn an_apposition_before_its_verb_still_holds_the_relationship() {
        for text in [
            "Russia's old rival, Turkey, has deepened ties with Georgia.",
            "Moscow's ally, Armenia, has close ties with Georgia.",
        ] {
            let holder = if text.contains("Turkey") {
                "turkey"
            } else {
                "armenia"
            };
            assert_has(text, holder, "georgia", 1);
        }
        // A comma that ends an opening phrase still leaves the name out.
        assert_each(
            "For Georgia, situated between Russia and Turkey, the rivalry is a burden.",
            |(h, t, _)| !(h == "georgia" || t == "georgia"),
        );
    }

    #[test]
    fn an_institution_is_named_with_its_states_official_name_too() {
        // The data list "… of Turkey"; "… of the Republic of Turkey" is derived.
        for text in [
            "The Ministry of National Defense of the Republic of Turkey condemned Russia.",
            "The Ministry of National Defence of the Republic of Turkey condemned Russia.",
        ] {
            assert_has(text, "mod_turkey", "russia", -1);
        }
    }

    #[test]
    fn a_contrasting_clause_has_its_own_subject() {
        for text in [
            "Russia supports the government of Armenia while Turkey backs the opposition.",
            "Russia praised Armenia, whereas Turkey denounced the rebels.",
            "Russia praised Armenia, although Turkey stayed away.",
            "Moscow welcomed Yerevan while the Turkish side kept silent.",
        ] {
            assert_has(text, "russia", "armenia", 1);
            assert_each(text, |(h, t, _)| !(h == "russia" && t == "turkey"));
        }
        // "while" before a verb is no new subject.
        assert_has(
            "Russia condemned Armenia while visiting Georgia.",
            "russia",
            "armenia",
            -1,
        );
    }

    #[test]
    fn what_a_relationship_is_about_is_no_party_to_it() {
        for text in [
            "Russia does not want to escalate tensions over Armenia.",
            "Ankara's quarrel regarding Armenia grew.",
        ] {
            assert_each(text, |(_, t, s)| {
                *s == 0 || (t != "armenia" && t != "georgia")
            });
        }
        for text in [
            "Russia's tensions with Armenia over Georgia grew.",
            "Tensions between Russia and Armenia over Georgia grew.",
            "Russia has a bitter dispute with Armenia about Georgia.",
        ] {
            assert_has(text, "russia", "armenia", -1);
            assert_lacks(text, "russia", "georgia", -1);
        }
    }

    #[test]
    fn advice_to_a_subject_is_not_its_stance() {
        for text in [
            "Turkey should stand with Georgia.",
            "Russia must confront Armenia.",
            "Georgia needs to back Turkey against Russia.",
            "Armenia ought to condemn Russia.",
        ] {
            assert_each(text, |(h, _, _)| {
                !matches!(h.as_str(), "turkey" | "russia" | "georgia" | "armenia")
            });
        }
        // "needs" without "to" is a plain verb.
        assert_has(
            "The partner that Turkey needs is Georgia.",
            "turkey",
            "georgia",
            1,
        );
    }

    #[test]
    fn an_ethnic_group_is_not_the_state() {
        for text in [
            "For decades Moscow has brutally suppressed ethnic Georgians.",
            "Ankara persecuted ethnic Armenians.",
        ] {
            assert_each(text, |(_, t, _)| t != "georgia" && t != "armenia");
        }
        assert_has("Ankara persecuted Armenia.", "turkey", "armenia", -1);
    }

    #[test]
    fn a_name_modifying_a_noun_is_not_its_subject() {
        for text in [
            "As the Georgia-Armenia crisis deepens, Turkey faces hard choices.",
            "As the Georgia\u{2013}Armenia standoff escalates, Turkey faces hard choices.",
            "While the Georgia/Armenia dispute worsens, Turkey hesitates.",
        ] {
            assert_each(text, |(h, t, _)| t != "turkey" && h != "turkey");
        }
        for text in [
            "Rights groups abroad have long condemned the Aliyev dictatorship.",
            "The Aliyev dictatorship jailed the reporters.",
        ] {
            assert!(
                stances_of(text).iter().all(|(h, _, _)| h != "ilham_aliyev"),
                "{text}: {:?}",
                stances_of(text)
            );
        }
        assert_has(
            "The Aliyev dictatorship jailed the reporters.",
            "author",
            "ilham_aliyev",
            -1,
        );
        // A people named in a place's description is not a party to the attitude.
        for text in [
            "The talks concern an Armenian-populated separatist enclave.",
            "The dispute is over a Georgian-speaking separatist region.",
        ] {
            let found = stances_of(text);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    #[test]
    fn a_side_taken_by_what_is_named_is_not_a_target() {
        for text in [
            "Turkey condemned the pro-Russia Armenia.",
            "Historically, Georgia has aligned with Armenia over Muslim, but pro-Western, Turkey.",
        ] {
            assert_each(text, |(_, t, _)| {
                t != "georgia" && t != "russia" && t != "the_west"
            });
        }
        assert_has(
            "Turkey condemned the pro-Russia militias and Russia.",
            "turkey",
            "russia",
            -1,
        );
    }

    #[test]
    fn no_cue_no_statement() {
        assert!(stances_of("Iran and Israel held talks in Geneva on Monday.").is_empty());
    }

    #[test]
    fn not_only_adds_rather_than_negates() {
        for text in [
            "Georgia is not only a partner of Armenia but also a friend.",
            "Georgia is not just a partner of Armenia.",
        ] {
            assert_has(text, "georgia", "armenia", 1);
            assert_lacks(text, "georgia", "armenia", -1);
        }
        assert_has(
            "Georgia is not a partner of Armenia.",
            "georgia",
            "armenia",
            -1,
        );
    }

    #[test]
    fn a_partner_in_an_owned_relationship_is_not_the_target() {
        // The attitude is to the relationship's owner; its partner is a party only.
        for (text, holder, owner, partner) in [
            (
                "Russia is wary of Armenia's ties with France.",
                "russia",
                "armenia",
                "france",
            ),
            (
                "Iraq voiced concern about Syria's links to Russia.",
                "iraq",
                "syria",
                "russia",
            ),
            (
                "Turkey has grown suspicious of Greece’s deepening ties to Egypt.",
                "turkey",
                "greece",
                "egypt",
            ),
            (
                "Moscow criticised Georgia's strategic partnership with the United States.",
                "russia",
                "georgia",
                "united_states",
            ),
        ] {
            assert_has(text, holder, owner, -1);
            assert_lacks(text, holder, partner, -1);
            assert_lacks(text, holder, partner, 1);
        }
        // Without an owner both are named as the ones judged.
        assert_has(
            "Russia criticised Armenia and France.",
            "russia",
            "france",
            -1,
        );
    }

    #[test]
    fn a_speaker_who_tells_of_another_sides_hostile_act_charges_it() {
        for (text, speaker, actor) in [
            (
                "Yerevan said Azerbaijan launched an attack on Armenian positions.",
                "armenia",
                "azerbaijan",
            ),
            (
                "Russia carried out strikes on Ukrainian towns, the Ukrainian government said.",
                "ukraine",
                "russia",
            ),
            (
                "According to Georgia, Russia has staged provocations against Georgian villages.",
                "georgia",
                "russia",
            ),
        ] {
            assert_has(text, speaker, actor, -1);
        }
        // A speaker of the actor's own side does not charge it.
        assert_each(
            "Azerbaijan's defence ministry said Azerbaijan launched strikes on Armenian positions.",
            |(_, target, sign)| !(target == "azerbaijan" && *sign < 0),
        );
    }

    #[test]
    fn an_attitude_verb_with_its_own_subject_in_reported_words_is_that_subjects() {
        for (text, speaker, holder, target, sign) in [
            (
                "Lavrov said Georgia condemned Ukraine.",
                "sergey_lavrov",
                "georgia",
                "ukraine",
                -1,
            ),
            (
                "\u{201C}Turkey has firmly backed the Georgians,\u{201D} Lavrov said.",
                "sergey_lavrov",
                "turkey",
                "georgia",
                1,
            ),
            (
                "Ilham Aliyev noted that Armenia had welcomed the French proposal.",
                "ilham_aliyev",
                "armenia",
                "france",
                1,
            ),
        ] {
            assert_has(text, holder, target, sign);
            assert_lacks(text, speaker, holder, sign);
        }
        // Present forms: "supports" right after the name, "is backing".
        assert_has(
            "Lavrov said Georgia supports Ukraine.",
            "georgia",
            "ukraine",
            1,
        );
        assert_has(
            "Lavrov said Georgia is backing Ukraine.",
            "georgia",
            "ukraine",
            1,
        );
        // A demonym before a plural noun is no subject.
        assert_each(
            "Lavrov said Ankara is quietly helping its Georgian allies.",
            |(holder, _, _)| holder != "georgia",
        );
        // The speaker's own verdict on a name stays the speaker's.
        assert_has(
            "Lavrov said Georgia is dangerous.",
            "sergey_lavrov",
            "georgia",
            -1,
        );
    }

    #[test]
    fn a_meeting_at_the_highest_level_grades_no_relationship() {
        for text in [
            "\u{201C}Georgia hosted the Armenian premier at the highest level,\u{201D} Lavrov said.",
            "Lavrov said Georgia welcomed the French delegation at the highest level.",
        ] {
            assert_each(text, |(_, target, sign)| {
                *sign <= 0 || (target != "armenia" && target != "georgia")
            });
        }
        // A relationship at its highest level is graded.
        assert_has(
            "Lavrov said relations with Georgia are at the highest level.",
            "sergey_lavrov",
            "georgia",
            1,
        );
    }

    #[test]
    fn a_pair_s_relationship_is_graded_past_the_pair() {
        for text in [
            "Ties between Georgia and Armenia are at their lowest level.",
            "Relations between Georgia and Armenia are at the lowest level in years.",
            "Relations between Georgia and Armenia have long been at their lowest level.",
        ] {
            assert_has(text, "georgia", "armenia", -1);
            assert_has(text, "armenia", "georgia", -1);
        }
    }

    #[test]
    fn hedge_weakens() {
        let t = Doc::new(kb(), "Israel may threaten Iran.");
        let e = extract(kb(), &t);
        let a = attribute(kb(), &t, &e);
        let s = stances(kb(), &t, &e, &a);
        let p = s[0].targets[0].polarity;
        assert!(p < 0.0 && p > -0.8, "{p}");
    }
}
