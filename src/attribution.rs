//! Stage 3: attribution. Who expresses each sentence.
//!
//! In order of precedence, per sentence:
//! 1. "according to X" — X.
//! 2. A speech or attitude verb with its subject: the nearest person before it ("Iran's
//!    Foreign Ministry spokesman Nasser Kanaani said" → Kanaani, the innermost speaker),
//!    else the nearest organisation, outlet or state; after it when the verb follows a
//!    quotation ("…," said X). Pronouns and role nouns ("he said", "the minister
//!    warned", "the newspaper argues") resolve to the last such actor.
//! 3. A sentence inside a quotation that spans several sentences takes the quotation's
//!    speaker.
//! 4. Otherwise: the author's own voice.

use crate::doc::Doc;
use crate::entities::{Entities, Mention};
use crate::grammar::{
    after_jointly, folded_between, is_object, names_opponents, relative_clause, words_between,
    JOINED_VERB_ADVERBS, PASSIVE_AUXILIARIES,
};
use crate::kb::{EntityType, KnowledgeBase, SpeechKind};
use crate::text::{Span, Text};

/// Who expresses a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Holder {
    /// The article's own voice.
    Author,
    /// A document entity (index into `Entities::entities`).
    Entity(usize),
}

/// The holder of one sentence, with the words that attribute it.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub holder: Holder,
    /// The speech cue ("said", "according to"), when there is one.
    pub cue: Option<Span>,
    /// The holder's mention in this sentence, if it is named here.
    pub speaker: Option<Span>,
}

/// Role nouns that, after "the" (with any words between: "the Iranian diplomat"), stand
/// for the last person named.
const PERSON_ROLES: &[&str] = &[
    "minister",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "ambassador",
    "diplomat",
    "analyst",
    "author",
    "leader",
    "envoy",
    "general",
    "commander",
    "expert",
    "cleric",
    "lawmaker",
    "premier",
    "chief",
    "adviser",
    "advisor",
    "aide",
    "head",
    "director",
    "professor",
    "researcher",
    "senator",
    "deputy",
];

/// Subject words that stand for the last outlet named.
const MEDIA_ANAPHORS: &[&str] = &[
    "the newspaper",
    "the paper",
    "the daily",
    "the article",
    "the report",
    "the outlet",
    "the agency",
    "the news agency",
    "the editorial",
    "the website",
    "the publication",
    "the broadcaster",
    "the channel",
    "the magazine",
    "the piece",
    "the op-ed",
    "the column",
    "the commentary",
    "it",
];

/// Subject words that stand for the last state or organisation named.
const GROUP_ANAPHORS: &[&str] = &[
    "they",
    "it",
    "the ministry",
    "the country",
    "the government",
    "the regime",
    "officials",
    "the statement",
    "the communique",
    "the declaration",
];

/// How many words may open a sentence before its subject ("On Monday, Varnia…").
const SUBJECT_OPENING: usize = 3;
/// How many words may separate a subject from its verb.
const SUBJECT_REACH: usize = 8;
/// Words before a speech verb read for a pronoun, role noun or anaphor (they use four).
const LEAD_WORDS: usize = 8;

pub fn attribute(_kb: &KnowledgeBase, doc: &Doc, entities: &Entities) -> Vec<Attribution> {
    let text = &doc.text;
    let speech = &doc.hits.speech;
    let mut out = Vec::with_capacity(text.sentences.len());
    let mut last = Recent::default();
    let mut speech_i = 0;
    for sentence in &text.sentences {
        while speech_i < speech.len() && speech[speech_i].span.start < sentence.start {
            speech_i += 1;
        }
        let mentions = entities.mentions_in(*sentence);
        let mut result = Attribution {
            holder: Holder::Author,
            cue: None,
            speaker: None,
        };
        for hit in speech[speech_i..]
            .iter()
            .take_while(|h| h.span.end <= sentence.end)
        {
            // "Noting that…" opening a sentence goes on with the last speaker.
            let opening_participle = *hit.value == SpeechKind::Verb
                && !text.original[sentence.start..hit.span.start]
                    .chars()
                    .any(char::is_alphanumeric)
                && text.slice(hit.span).to_lowercase().ends_with("ing");
            let found = match hit.value {
                _ if opening_participle => match out.last() {
                    Some(Attribution {
                        holder: Holder::Entity(e),
                        ..
                    }) => Some((Holder::Entity(*e), None)),
                    _ => None,
                },
                SpeechKind::Source => first_actor_after(text, entities, mentions, hit.span.end, 5),
                SpeechKind::Verb => {
                    subject_of(text, entities, mentions, *sentence, hit.span, &mut last)
                }
            };
            if let Some((holder, speaker)) = found {
                result = Attribution {
                    holder,
                    cue: Some(hit.span),
                    speaker,
                };
                break;
            }
        }
        if result.holder == Holder::Author {
            if let Some(m) = headline_speaker(text, entities, mentions, *sentence) {
                result = Attribution {
                    holder: Holder::Entity(m.entity),
                    cue: None,
                    speaker: Some(m.span),
                };
            }
        }
        last.update(text, *sentence, entities, mentions, result.holder);
        out.push(result);
    }
    carry_quotations(text, &mut out);
    out
}

/// Words a headline's speaker may take before its colon ("Varnia's foreign minister:").
const HEADLINE_SPEAKER_WORDS: usize = 5;

/// "Novak: Kestria must withdraw", "Varnia's foreign minister: …": a short speaker, a
/// person or a state's official, before a colon opening the sentence speaks what follows.
/// Not a dateline ("KESTRIA CITY:") nor a place alone ("Varnia: the vote").
fn headline_speaker<'e>(
    text: &Text,
    entities: &'e Entities,
    mentions: &'e [Mention],
    sentence: Span,
) -> Option<&'e Mention> {
    let colon = text.original.get(sentence.start..sentence.end)?.find(':')? + sentence.start;
    let lead = text.original.get(sentence.start..colon)?;
    if lead.split_whitespace().count() > HEADLINE_SPEAKER_WORDS
        || lead.contains([',', '"', '\u{201C}', '\u{201D}'])
        || !lead.chars().any(char::is_lowercase)
    {
        return None;
    }
    let m = mentions
        .iter()
        .rfind(|m| m.span.end <= colon && is_actor(entities, m))?;
    let rest = folded_between(text, m.span.end, colon).trim();
    let official = rest.strip_prefix("'s ").is_some_and(|role| {
        role.split_whitespace()
            .any(|w| PERSON_ROLES.contains(&w) || w == "fm")
    });
    let person = entities.entities[m.entity].kind == EntityType::Person && rest.is_empty();
    (person || official).then_some(m)
}

/// The most recent actors of each kind, for pronouns and role nouns.
#[derive(Default)]
struct Recent {
    person: Option<usize>,
    media: Option<usize>,
    group: Option<usize>,
    country: Option<usize>,
    /// Whom "he" and "she" last stood for: once "she added" is resolved to the
    /// spokeswoman, a later "she said" stays hers even after other people are named.
    he: Option<usize>,
    she: Option<usize>,
    /// The last person named as a woman ("spokeswoman Jane Roe", "Ms Roe"), the last one
    /// not, and every one so named: "she" is not the man named last.
    woman: Option<usize>,
    not_woman: Option<usize>,
    women: Vec<usize>,
}

/// Words that name a person as a woman, right before the name or in its apposition.
const WOMEN: &[&str] = &[
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "businesswoman",
    "stateswoman",
    "ms",
    "mrs",
    "madam",
    "madame",
];

/// Bytes either side of a name read for a word naming a woman.
const WOMAN_REACH: usize = 40;

/// "Spokeswoman Jane Roe", "Jane Roe, spokeswoman for…", "Ms. Roe".
fn named_as_woman(text: &Text, sentence: Span, span: Span) -> bool {
    let from =
        crate::text::floor_char_boundary(text.original, span.start.saturating_sub(WOMAN_REACH))
            .max(sentence.start);
    let to =
        crate::text::floor_char_boundary(text.original, (span.end + WOMAN_REACH).min(sentence.end));
    let words = |a: usize, b: usize| {
        folded_between(text, a, b)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .any(|w| WOMEN.contains(&w))
    };
    // The mention may hold its title ("Spokeswoman Jane Roe").
    let before = folded_between(text, from, span.end);
    // Right before the name, past at most a few words of title; after it, in an apposition.
    let near_before = before
        .split_whitespace()
        .rev()
        .take(6)
        // Not past another name's "and" ("Ms. Roe and Olek Varga").
        .take_while(|w| !matches!(*w, "and" | "with" | "or"))
        .any(|w| WOMEN.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())));
    // The apposition runs to its closing comma.
    let after = text.original.get(span.end..to).unwrap_or("");
    let apposition_end = after
        .get(2..)
        .and_then(|a| a.find([',', '.', ';']))
        .map_or(to, |i| span.end + 2 + i);
    near_before || (after.starts_with(", ") && words(span.end, apposition_end))
}

impl Recent {
    fn update(
        &mut self,
        text: &Text,
        sentence: Span,
        entities: &Entities,
        mentions: &[Mention],
        holder: Holder,
    ) {
        for m in mentions {
            match entities.entities[m.entity].kind {
                EntityType::Person => {
                    self.person = Some(m.entity);
                    if !self.women.contains(&m.entity) && named_as_woman(text, sentence, m.span) {
                        self.women.push(m.entity);
                    }
                    if self.women.contains(&m.entity) {
                        self.woman = Some(m.entity);
                    } else {
                        self.not_woman = Some(m.entity);
                    }
                }
                EntityType::Media => self.media = Some(m.entity),
                EntityType::Organization => self.group = Some(m.entity),
                EntityType::Country => {
                    self.group = Some(m.entity);
                    self.country = Some(m.entity);
                }
                _ => {}
            }
        }
        // "Varnia had harsh words for Kestria. The country's minister…": "the country" is
        // the state the last sentence was about, its subject, not its last object.
        if let Some(subject) = mentions.iter().find(|m| {
            entities.entities[m.entity].kind == EntityType::Country
                && words_between(text, sentence.start, m.span.start) <= SUBJECT_OPENING
                && !is_object(text, mentions, m)
        }) {
            self.country = Some(subject.entity);
        }
        if let Holder::Entity(e) = holder {
            match entities.entities[e].kind {
                EntityType::Person => {
                    self.person = Some(e);
                    if self.women.contains(&e) {
                        self.woman = Some(e);
                    } else {
                        self.not_woman = Some(e);
                    }
                }
                EntityType::Media => self.media = Some(e),
                _ => self.group = Some(e),
            }
        }
    }
}

fn is_actor(entities: &Entities, m: &Mention) -> bool {
    entities.entities[m.entity].kind.is_actor()
}

/// The subject of a speech verb (see the module docs).
fn subject_of(
    text: &Text,
    entities: &Entities,
    mentions: &[Mention],
    sentence: Span,
    verb: Span,
    recent: &mut Recent,
) -> Option<(Holder, Option<Span>)> {
    // After a quotation ("…,” Arman Akopian, Armenia's ambassador, said), the speaker is
    // named between the closing mark and the verb, or after the verb.
    let before_all = text.original.get(sentence.start..verb.start).unwrap_or("");
    let from = before_all
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '\u{201D}' | '"'))
        .map_or(sentence.start, |(i, c)| sentence.start + i + c.len_utf8());
    let before = text.original.get(from..verb.start).unwrap_or("");
    // Pronoun or role noun right before the verb (allowing auxiliaries: "he has said").
    // Only the last few words count, so only they are read: reading from the sentence
    // start for every speech word made a long sentence of them quadratic.
    let k = text.words.partition_point(|w| w.end <= verb.start);
    let lead_from = text
        .words
        .get(k.saturating_sub(LEAD_WORDS))
        .map_or(from, |w| w.start.max(from));
    let lead = text
        .folded
        .get(text.folded_offset(lead_from)..text.folded_offset(verb.start))
        .unwrap_or("");
    let lead_words: Vec<&str> = lead
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // A passive ("was condemned by X", "had been warned") has its speaker after "by",
    // or none: its subject is the one spoken to or of.
    if lead_words
        .last()
        .is_some_and(|w| PASSIVE_AUXILIARIES.contains(w))
    {
        let after = text.folded[text.folded_offset(verb.end)..].trim_start();
        return after
            .starts_with("by ")
            .then(|| first_actor_after(text, entities, mentions, verb.end, 4))
            .flatten();
    }
    // "Varnia, which has long backed Kestria, warned…", "Varnia, Kestria's old rival,
    // praised…": a relative clause or apposition set off by commas stands between the
    // subject and its verb; no name in it is the subject.
    let relative = before
        .trim_end()
        .strip_suffix(',')
        .and_then(|b| relative_clause(text, sentence, Span::new(from + b.len(), from + b.len())));
    if let Some(r) = relative {
        if let Some(m) = mentions
            .iter()
            .rfind(|m| m.span.end <= r.start)
            .filter(|m| m.span.end == r.start && is_actor(entities, m))
        {
            return Some((Holder::Entity(m.entity), Some(m.span)));
        }
    }
    let tail = |n: usize| lead_words[lead_words.len().saturating_sub(n)..].join(" ");
    let near_tail: Vec<String> = (1..=4).map(tail).collect();
    // `t` is the phrase `a`, or starts with it as whole words.
    let starts_with_words = |t: &str, a: &str| {
        t.strip_prefix(a)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    };
    let ends_with_any = |list: &[&str]| {
        near_tail
            .iter()
            .any(|t| list.iter().any(|a| starts_with_words(t, a)))
    };
    // Nearest person before the verb, then the nearest actor.
    let before_verb: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.span.start >= from && m.span.end <= verb.start && is_actor(entities, m))
        .filter(|m| !relative.is_some_and(|r| r.contains(m.span)))
        .filter(|m| !is_object(text, mentions, m) || is_role_of(text, m))
        // "Varnia, together with Kestria, condemned…": the partner is not the subject.
        .filter(|m| !after_jointly(text, sentence, m.span))
        .filter(|m| !names_opponents(text, sentence, m.span))
        .filter(|m| words_between(text, m.span.end, verb.start) <= SUBJECT_REACH)
        // "The summit angered Varnia and praised Kestria": the name before "and" is the
        // object of the earlier verb; the joined verb has the earlier subject.
        .filter(|m| {
            let gap = text.folded[text.folded_offset(m.span.end)..text.folded_offset(verb.start)]
                .trim_start();
            !["and ", "or ", "but "].iter().any(|c| gap.starts_with(c))
        })
        .collect();
    let clause_start = before.rfind([',', ';', ':']).map_or(from, |i| from + i);
    // The sentence's subject, further back: an actor among its first words, or after an
    // opening phrase ("For his part, Novak…").
    let subject = || {
        mentions.iter().find(|m| {
            let opening = words_between(text, sentence.start, m.span.start);
            m.span.end <= verb.start
                && is_actor(entities, m)
                && !names_opponents(text, sentence, m.span)
                && (opening <= 2
                    || opening <= SUBJECT_OPENING
                        && text.original[..m.span.start].trim_end().ends_with(','))
                && words_between(text, m.span.end, verb.start) <= 20
        })
    };
    // "Varnia hosted Kestria's envoy last week and condemned Zorblat": a verb joined by
    // "and" to an earlier one has the sentence's subject, not the name just before it.
    let joined = lead_words
        .iter()
        .rev()
        .find(|w| !JOINED_VERB_ADVERBS.contains(w))
        .is_some_and(|w| *w == "and");
    if let Some(m) = subject().filter(|_| joined) {
        return Some((Holder::Entity(m.entity), Some(m.span)));
    }
    {
        if let Some(m) = before_verb
            .iter()
            .rev()
            .find(|m| entities.entities[m.entity].kind == EntityType::Person)
        {
            return Some((Holder::Entity(m.entity), Some(m.span)));
        }
        for pronoun in ["he", "she"] {
            let used = near_tail.iter().any(|t| starts_with_words(t, pronoun));
            if !used {
                continue;
            }
            let (memory, last) = if pronoun == "he" {
                (&mut recent.he, recent.not_woman)
            } else {
                (&mut recent.she, recent.woman.or(recent.person))
            };
            if let Some(p) = memory.or(last) {
                *memory = Some(p);
                return Some((Holder::Entity(p), None));
            }
        }
        let role_anaphor = lead_words.last().is_some_and(|w| PERSON_ROLES.contains(w))
            && lead_words
                .iter()
                .rev()
                .take(4)
                .skip(1)
                .any(|w| matches!(*w, "the" | "this" | "that"));
        // "the country's defence minister said": the state last named speaks.
        let country_role = lead_words.last().is_some_and(|w| PERSON_ROLES.contains(w))
            && lead
                .rsplit_once("the country")
                .is_some_and(|(_, rest)| rest.starts_with("'s ") || rest.starts_with("\u{2019}s "));
        if country_role {
            if let Some(g) = recent.country.or(recent.group) {
                return Some((Holder::Entity(g), None));
            }
        }
        if role_anaphor {
            if let Some(p) = recent.person {
                return Some((Holder::Entity(p), None));
            }
        }
        if ends_with_any(MEDIA_ANAPHORS) {
            if let Some(p) = recent.media {
                return Some((Holder::Entity(p), None));
            }
        }
        if let Some(m) = before_verb.iter().rev().find(|m| {
            m.span.start >= clause_start.min(m.span.start)
                && words_between(text, m.span.end, verb.start) <= 4
        }) {
            return Some((Holder::Entity(m.entity), Some(m.span)));
        }
        if ends_with_any(GROUP_ANAPHORS) {
            if let Some(p) = recent.group {
                return Some((Holder::Entity(p), None));
            }
        }
        if let Some(m) = subject() {
            return Some((Holder::Entity(m.entity), Some(m.span)));
        }
    }
    // The speaker follows the verb only when nothing stands in the subject's place: after
    // a quotation ("…,” said X) or at the start ("Said X: …"). In "Novak noted that the
    // visit of Minister Y…", Y is inside what was said, and Novak, unknown, is the speaker.
    let inverted = !before.chars().any(char::is_alphanumeric);
    inverted
        .then(|| first_actor_after(text, entities, mentions, verb.end, 6))
        .flatten()
}

/// "The President of Varnia said": a state after a role and "of" stands for the role's
/// holder, so it is a subject, not an object.
fn is_role_of(text: &Text, m: &Mention) -> bool {
    let before = text.folded[..text.folded_offset(m.span.start)].trim_end();
    let Some(rest) = before.strip_suffix(" of") else {
        return false;
    };
    let role = rest.rsplit(' ').next().unwrap_or("");
    PERSON_ROLES.contains(&role) || matches!(role, "government" | "ministry" | "embassy")
}

fn first_actor_after(
    text: &Text,
    entities: &Entities,
    mentions: &[Mention],
    at: usize,
    reach: usize,
) -> Option<(Holder, Option<Span>)> {
    // Prefer a person within reach ("said Iranian Foreign Minister X").
    let near: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.span.start >= at && is_actor(entities, m))
        .filter(|m| words_between(text, at, m.span.start) <= reach)
        .collect();
    near.iter()
        .find(|m| entities.entities[m.entity].kind == EntityType::Person)
        .or_else(|| near.first())
        .map(|m| (Holder::Entity(m.entity), Some(m.span)))
}

/// Sentences inside a quotation that spans several sentences take its speaker.
fn carry_quotations(text: &Text, out: &mut [Attribution]) {
    // Quotations as runs of sentences (one left open at the end runs to the end).
    let mut regions: Vec<(usize, usize)> = Vec::new();
    // Sentences holding a whole quotation with its own speaker: they only pass the
    // speaker on to a quotation right after them.
    let mut whole: Vec<usize> = Vec::new();
    let mut open_since: Option<usize> = None;
    for (i, s) in text.sentences.iter().enumerate() {
        let body = text.slice(*s);
        let opens = body.matches('\u{201C}').count();
        let closes = body.matches('\u{201D}').count();
        let straight = body.matches('"').count();
        let was_open = open_since.is_some();
        let now_open = match (opens, closes) {
            (o, c) if o > c => true,
            (o, c) if c > o => false,
            _ => was_open ^ (straight % 2 == 1),
        };
        match (was_open, now_open) {
            (false, true) => open_since = Some(i),
            (true, false) => regions.push((open_since.take().unwrap_or(i), i)),
            (false, false) if opens > 0 && opens == closes => whole.push(i),
            _ => {}
        }
    }
    if let Some(start) = open_since {
        regions.push((start, text.sentences.len().saturating_sub(1)));
    }
    // Each takes the speaker named inside it; a quotation that follows right after
    // another ("…,” Cohen said. “I agreed with…") continues its speaker.
    let mut previous: Option<(usize, usize)> = None;
    for (start, end) in regions {
        if end >= out.len() {
            continue;
        }
        if let Some(&w) = whole.iter().rev().find(|&&w| w < start) {
            if let Holder::Entity(e) = out[w].holder {
                if previous.is_none_or(|(p, _)| p < w) && out[w].cue.is_some() {
                    previous = Some((w, e));
                }
            }
        }
        let named = (start..=end).rev().find_map(|k| match out[k].holder {
            Holder::Entity(e) if out[k].cue.is_some() => Some(e),
            _ => None,
        });
        let speaker = named.or_else(|| {
            previous
                .filter(|(prev_end, _)| prev_end + 1 == start)
                .map(|(_, e)| e)
        });
        if let Some(e) = speaker {
            for a in &mut out[start..=end] {
                if a.holder == Holder::Author {
                    a.holder = Holder::Entity(e);
                }
            }
            previous = Some((end, e));
        } else {
            previous = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::extract;

    use crate::kb::test_kb as kb;

    /// The holder's entity id of each sentence ("author" for the article's voice).
    fn holders(text: &str) -> Vec<String> {
        let t = Doc::new(kb(), text);
        let e = extract(kb(), &t);
        attribute(kb(), &t, &e)
            .iter()
            .map(|a| match a.holder {
                Holder::Author => "author".to_string(),
                Holder::Entity(i) => e.entities[i].id.clone(),
            })
            .collect()
    }

    #[test]
    fn a_verb_joined_by_and_has_the_sentence_subject() {
        for text in [
            "Georgia strengthened its ties with the French navy last year and condemned Armenia.",
            "Georgia hosted Sergey Lavrov on Monday and then criticized Armenia.",
            "On Friday, Georgia received the Turkish envoy in Tbilisi and also warned Armenia.",
        ] {
            assert_eq!(holders(text), ["georgia"], "{text}");
        }
        // Not before an opening phrase of more than a few words.
        assert_eq!(
            holders("For his part, Sergey Lavrov thanked the French envoy and warned Armenia."),
            ["sergey_lavrov"]
        );
        // A subject of its own still speaks for itself.
        assert_eq!(
            holders("Georgia hosted the talks, and Sergey Lavrov warned Armenia."),
            ["sergey_lavrov"]
        );
    }

    #[test]
    fn the_ones_opponents_are_named_after_do_not_speak() {
        for (text, opposed) in [
            (
                "Erdogan's critics said the policy was reckless.",
                "recep_tayyip_erdogan",
            ),
            (
                "Opponents of Ilham Aliyev say the vote was rigged.",
                "ilham_aliyev",
            ),
            (
                "Putin's fiercest critics warned that the talks would fail.",
                "vladimir_putin",
            ),
            (
                "Critics of the Iranian government have accused it of lying.",
                "iran",
            ),
        ] {
            assert!(
                !holders(text).contains(&opposed.to_string()),
                "{text}: {:?}",
                holders(text)
            );
        }
        // Supporters and spokesmen speak for their side.
        assert_eq!(
            holders("Putin's spokesman said the talks would fail."),
            ["vladimir_putin"]
        );
    }

    #[test]
    fn she_and_he_are_the_woman_and_the_man_named_last() {
        for (text, who) in [
            (
                "Spokeswoman Leila Qorvina opened the briefing. Ilham Aliyev was mentioned. She said the talks went well.",
                "leila_qorvina",
            ),
            (
                "Leila Qorvina, a spokeswoman for the ministry, spoke. Ilham Aliyev was mentioned. She said the talks went well.",
                "leila_qorvina",
            ),
            (
                "Ilham Aliyev arrived. Ms. Leila Qorvina greeted him. He said the talks went well.",
                "ilham_aliyev",
            ),
            (
                "Ms. Leila Qorvina and Ilham Aliyev met. He said the talks went well.",
                "ilham_aliyev",
            ),
            (
                "Ilham Aliyev, the president, met spokeswoman Leila Qorvina. He said the talks went well.",
                "ilham_aliyev",
            ),
        ] {
            assert_eq!(holders(text).last().map(String::as_str), Some(who), "{text}");
        }
    }

    #[test]
    fn a_headline_speaker_before_a_colon_speaks_what_follows() {
        for (text, who) in [
            ("Aliyev: Armenia must withdraw its troops", "ilham_aliyev"),
            ("Iran's FM: Israel is the main threat", "iran"),
            ("Georgia's president: Russia is an occupier", "georgia"),
        ] {
            assert_eq!(holders(text), [who], "{text}");
        }
        // A dateline or a place alone is not a speaker.
        for text in [
            "TBILISI: Russia is an occupier",
            "Georgia: a country at a crossroads",
        ] {
            assert_eq!(holders(text), ["author"], "{text}");
        }
    }

    #[test]
    fn attribution_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Israel is a partner.", &["author"]),
            ("Iran warned Azerbaijan on Monday.", &["iran"]),
            ("According to Azerbaijan, the drills were a threat.", &["azerbaijan"]),
            ("\u{201C}This is a threat,\u{201D} said Ilham Aliyev.", &["ilham_aliyev"]),
            ("Ilham Aliyev arrived. He said Israel is a partner.", &["author", "ilham_aliyev"]),
            (
                "Ilham Aliyev arrived. The trip matters, the visiting leader said.",
                &["author", "ilham_aliyev"],
            ),
            (
                "The spokeswoman Leila Qorvina spoke first. She said so. Ilham Aliyev arrived. She added more.",
                &["author", "leila_qorvina", "author", "leila_qorvina"],
            ),
            (
                "Iran is watching ties between Israel and Azerbaijan and has accused them of plotting.",
                &["iran"],
            ),
            (
                "Iran's Foreign Ministry spokesman Nasser Kanaani said the move was hostile.",
                &["nasser_kanaani"],
            ),
            // A role of a state: the state speaks ("The President of Varnia said").
            ("The President of Georgia condemned the drills.", &["georgia"]),
            ("The foreign minister of Turkey criticized the plan.", &["turkey"]),
            // A state after any other "of" is still an object.
            ("The people of Georgia condemned the drills.", &["author"]),
            // Holders named by what they issued, or by their state.
            (
                "Turkey released a statement. The statement praised Georgia.",
                &["author", "turkey"],
            ),
            (
                "Georgia protested. Later the country's foreign minister condemned the drills.",
                &["author", "georgia"],
            ),
            // "It" that speaks is the body or state last named.
            (
                "Turkey's foreign ministry issued a statement. \u{201C}We reject this,\u{201D} it said.",
                &["author", "mfa_turkey"],
            ),
            (
                "The Georgian foreign ministry met on Monday. It condemned the drills.",
                &["author", "georgia"],
            ),
            // "The country" is the state the last sentence was about, not its object.
            (
                "Georgia had harsh words for Armenia. On Monday, the country's defence minister \
                 condemned the drills.",
                &["author", "georgia"],
            ),
            (
                "The Tehran Times ran an editorial. The piece accused Georgia of betrayal.",
                &["author", "tehran_times"],
            ),
            // An unknown speaker is not replaced by a name inside what was said.
            ("Kowalczyk noted that the visit of Ilham Aliyev was welcome.", &["author"]),
            ("Observers noted that the envoy of Ilham Aliyev was welcome.", &["author"]),
            // An opening participle goes on with the last speaker, or with nobody.
            (
                "Ilham Aliyev said the talks went well. Noting that Iran had been warned, he left.",
                &["ilham_aliyev", "ilham_aliyev"],
            ),
            ("Stressing that Iran had been warned, the talks ended.", &["author"]),
            // A passive's speaker follows "by", or there is none.
            ("Iran was warned by Ilham Aliyev on Monday.", &["ilham_aliyev"]),
            ("Iran has been criticized for the drills.", &["author"]),
            ("\u{201C}We will answer,\u{201D} warned Ilham Aliyev.", &["ilham_aliyev"]),
            (
                "Ilham Aliyev said: \u{201C}We want peace. Our ties are strong.\u{201D}",
                &["ilham_aliyev", "ilham_aliyev"],
            ),
            (
                "\u{201C}We want peace,\u{201D} Ilham Aliyev said.\n\u{201C}Our ties are strong. We agreed",
                &["ilham_aliyev", "ilham_aliyev", "ilham_aliyev"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(holders(text), *want, "for {text:?}");
        }
    }
}
