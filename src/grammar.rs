//! Small helpers of English grammar over the document's text, shared by the stages:
//! words between two offsets, the word before one, whether a modifier governs a word,
//! whether a name is an object. Each reads `Text` only.

use crate::entities::Mention;
use crate::text::{Span, Text};

/// Whether `span` stands inside quotation marks opened earlier in `sentence`: words
/// someone else wrote or said, even where no speaker is named ("Claim: X \u{201c}threatens
/// Y\u{201d}").
pub(crate) fn is_quoted(text: &Text, sentence: Span, span: Span) -> bool {
    let before = &text.folded[text.folded_offset(sentence.start)..text.folded_offset(span.start)];
    before.matches('"').count() % 2 == 1
}

/// Auxiliaries right before a verb that make it passive ("was condemned by").
pub(crate) const PASSIVE_AUXILIARIES: &[&str] =
    &["was", "were", "been", "being", "is", "are", "be"];

/// Verbs by which something causes a feeling in whoever follows ("the visit angered
/// Moscow", "alarm bells in Ankara"): the one who feels it holds it toward the actors
/// who caused it (stance), and a capital it is felt in is its state (entities).
pub(crate) const CAUSED_FEELINGS: &[&str] = &[
    "angered",
    "angers",
    "angering",
    "infuriated",
    "infuriates",
    "infuriating",
    "enraged",
    "enrages",
    "irritated",
    "irritates",
    "irked",
    "irks",
    "outraged",
    "outrages",
    "alarmed",
    "alarms",
    "dismayed",
    "antagonized",
    "antagonised",
    "unnerved",
    "unnerves",
    "displeased",
    "alarm bells",
    "raised eyebrows",
    "drew the ire of",
    "draws the ire of",
    "drawn the ire of",
    "drawing the ire of",
];

/// How many words start between two offsets (0 when they are out of order).
pub(crate) fn words_between(text: &Text, a: usize, b: usize) -> usize {
    if b <= a {
        return 0;
    }
    text.words_in(Span::new(a, b)).len()
}

/// Words after which a name is an object or a modifier, not a subject.
const OBJECT_MARKERS: &[&str] = &[
    "between",
    "with",
    "of",
    "against",
    "to",
    "for",
    "in",
    "on",
    "from",
    "toward",
    "towards",
    "about",
    "over",
    "by",
    "at",
    "into",
    "among",
    "than",
    "like",
    "including",
    "and",
    "or",
];

/// Is this mention governed by a preposition ("ties between Israel and Azerbaijan")?
/// Coordinated names share the preposition of the first.
pub(crate) fn is_object(text: &Text, mentions: &[Mention], m: &Mention) -> bool {
    let mut at = m.span.start;
    for _ in 0..4 {
        let Some(word) = previous_word_lower(text, at) else {
            return false;
        };
        if word == "and" || word == "or" {
            // Step over the coordinated name before "and".
            let and_start = text.words[text.words.partition_point(|w| w.end <= at) - 1].start;
            match mentions.iter().rev().find(|x| {
                x.span.end <= and_start && text.original[x.span.end..and_start].trim().is_empty()
            }) {
                Some(prev) => at = prev.span.start,
                None => return false,
            }
            continue;
        }
        return OBJECT_MARKERS.contains(&word.as_str());
    }
    false
}

/// The word before `at`, lower-cased, when only spaces and commas separate them.
fn previous_word_lower(text: &Text, at: usize) -> Option<String> {
    let i = text.words.partition_point(|w| w.end <= at);
    let w = text.words.get(i.checked_sub(1)?)?;
    let gap = text.original.get(w.end..at)?;
    gap.chars()
        .all(|c| c.is_whitespace() || c == ',')
        .then(|| text.slice(*w).to_lowercase())
}

/// Words that make the name after them a partner in what the clause does.
pub(crate) const JOINTLY: &[&str] = &[
    "together with",
    "jointly with",
    "alongside",
    "along with",
    "in tandem with",
    "agreed with",
];

/// "together with Kestria", "alongside the Varnian army": the name at `span` acts jointly
/// with its clause's subject. Only the few bytes before it are read, so a long sentence
/// of names stays linear.
pub(crate) fn after_jointly(text: &Text, sentence: Span, span: Span) -> bool {
    let from = crate::text::floor_char_boundary(text.original, span.start.saturating_sub(24))
        .max(sentence.start);
    let before = folded_between(text, from, span.start).trim_end();
    let before = before.strip_suffix(" the").unwrap_or(before);
    JOINTLY.iter().any(|j| before.ends_with(j))
}

/// Nouns for those against someone: "Novak's critics", "opponents of the Varnian government".
const OPPONENTS: &[&str] = &[
    "critic",
    "critics",
    "opponent",
    "opponents",
    "detractors",
    "enemies",
    "foes",
    "adversaries",
];

/// Describing words a possessive may take before its noun ("Novak's fiercest critics").
const OPPONENT_MODIFIERS: usize = 2;

/// The name at `span` says whose opponents are meant ("Novak's critics", "opponents of
/// Varnia"): the opponents speak, not the one they oppose.
pub(crate) fn names_opponents(text: &Text, sentence: Span, span: Span) -> bool {
    let after = folded_between(text, span.end, sentence.end);
    let owned = after.strip_prefix("'s ").is_some_and(|rest| {
        rest.split_whitespace()
            .take(OPPONENT_MODIFIERS + 1)
            .any(|w| OPPONENTS.contains(&w))
    });
    let from = crate::text::floor_char_boundary(text.original, span.start.saturating_sub(24))
        .max(sentence.start);
    let before = folded_between(text, from, span.start).trim_end();
    let before = before.strip_suffix(" the").unwrap_or(before);
    owned
        || before
            .strip_suffix(" of")
            .and_then(|b| b.rsplit(' ').next())
            .is_some_and(|w| OPPONENTS.contains(&w))
}

/// Adverbs that may stand between "and" and a verb joined to an earlier one.
pub(crate) const JOINED_VERB_ADVERBS: &[&str] =
    &["also", "then", "later", "strongly", "even", "further"];

/// The word right before `at`, when nothing but spaces separates it from `at`.
pub(crate) fn previous_word(text: &Text, at: usize) -> Option<Span> {
    let i = text.words.partition_point(|w| w.end <= at);
    let w = text.words.get(i.checked_sub(1)?)?;
    text.original
        .get(w.end..at)
        .filter(|gap| gap.chars().all(char::is_whitespace))
        .map(|_| *w)
}

/// The folded text between two offsets of the original ("" when they are out of order).
pub(crate) fn folded_between<'t>(text: &'t Text, from: usize, to: usize) -> &'t str {
    text.folded
        .get(text.folded_offset(from)..text.folded_offset(to))
        .unwrap_or("")
}

/// A modifier governs a cue when it comes shortly before it in the same clause.
pub(crate) fn governs(text: &Text, modifier: Span, cue: Span, reach: usize) -> bool {
    if modifier.end > cue.start || cue.start - modifier.end > reach {
        return false;
    }
    let gap = text.original.get(modifier.end..cue.start).unwrap_or("");
    !gap.contains([',', ';', ':', '.', '(', ')'])
        && !gap.contains(" but ")
        && !gap.contains(" while ")
}

/// Bytes a relative clause may run either side of a name in it.
const RELATIVE_REACH: usize = 240;

/// The relative clause or apposition set off by commas that holds `span` (", which
/// borders Kestria,", ", Kestria's old rival,", ", a close ally of Kestria,"), from its
/// opening comma to its closing one, if it closes within the sentence and is not an item
/// of a list (", the Kestrian army, and…").
pub(crate) fn relative_clause(text: &Text, sentence: Span, span: Span) -> Option<Span> {
    // Only a clause's length either side is read, so a long sentence of names stays linear.
    let at = text.folded_offset(span.start);
    let start = text
        .folded_offset(sentence.start)
        .max(crate::text::floor_char_boundary(
            &text.folded,
            at.saturating_sub(RELATIVE_REACH),
        ));
    let before = text.folded.get(start..at)?;
    // The last ", ", byte by byte (a substring search would set up for each call).
    let opener = before.as_bytes().windows(2).rposition(|w| w == b", ")?;
    let end = text
        .folded_offset(sentence.end)
        .min(crate::text::floor_char_boundary(
            &text.folded,
            at + RELATIVE_REACH,
        ));
    let after = text.folded.get(at..end)?;
    let close = after.find(',')?;
    let phrase = format!("{}{}", &before[opener + 2..], &after[..close]);
    if phrase.contains([';', '.', ':', '(', ')']) {
        return None;
    }
    let relative = ["which ", "who ", "whose "]
        .iter()
        .any(|r| phrase.starts_with(r));
    // "the main backer of Kestria", or a possessive's few words ("Kestria's old rival");
    // a longer phrase after a possessive is a clause ("Kestria's envoy gave the…").
    let words = phrase.split(' ').count();
    let first = phrase.split(' ').next().unwrap_or("");
    let apposition = ((["a", "an", "the"].contains(&first) && words <= APPOSITION_WORDS)
        || (phrase.split(' ').take(2).any(|w| w.ends_with("'s")) && words <= 4))
        && !{
            let next = after[close + 1..].trim_start();
            next.starts_with("and ") || next.starts_with("or ")
        };
    (relative || apposition).then(|| text.original_span(start + opener, at + close + 1))
}

/// Longest apposition read as one, in words.
const APPOSITION_WORDS: usize = 10;

/// The folded word ending right before `at` (across spaces only), or "".
pub(crate) fn last_word_before<'t>(text: &Text<'t>, at: usize) -> &'t str {
    let before = text.original.get(..at).unwrap_or("").trim_end_matches(' ');
    let start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    &before[start..]
}

#[cfg(test)]
mod tests {
    use crate::text::Text;

    #[test]
    fn a_span_is_quoted_when_a_quotation_mark_before_it_is_open() {
        let t = Text::new("He wrote \u{201c}a betrayal\u{201d} and \"a threat\" then a deal.");
        let s = t.sentences[0];
        let at = |w: &str| {
            let start = t.original.find(w).unwrap();
            Span::new(start, start + w.len())
        };
        assert!(is_quoted(&t, s, at("betrayal")));
        assert!(is_quoted(&t, s, at("threat")));
        assert!(!is_quoted(&t, s, at("deal")));
        assert!(!is_quoted(&t, s, at("wrote")));
    }
    use super::*;
    use crate::entities::MentionKind;

    #[test]
    fn a_set_off_clause_is_a_relative_clause_or_apposition_not_a_list_item() {
        fn clause(text: &str, word: &str) -> Option<String> {
            let t = Text::new(text);
            relative_clause(&t, t.sentences[0], span_of(text, word)).map(|s| t.slice(s).to_string())
        }
        for (text, word, inside) in [
            (
                "Russia, which borders Armenia, warned Georgia.",
                "Armenia",
                ", which borders Armenia,",
            ),
            (
                "Russia, the main backer of Armenia, warned Georgia.",
                "Armenia",
                ", the main backer of Armenia,",
            ),
            (
                "Russia, Armenia's old protector, warned Georgia.",
                "Armenia",
                ", Armenia's old protector,",
            ),
        ] {
            assert_eq!(clause(text, word).as_deref(), Some(inside), "{text}");
        }
        for (text, word) in [
            (
                "Russia condemned Georgia, the United States, and Turkey.",
                "United",
            ),
            (
                "Russia, which borders Armenia. Georgia, said more.",
                "Georgia",
            ),
            ("In Tbilisi, officials condemned Russia.", "Russia"),
        ] {
            assert_eq!(clause(text, word), None, "{text}");
        }
    }

    fn span_of(text: &str, word: &str) -> Span {
        let at = text.find(word).expect("the word is in the text");
        Span::new(at, at + word.len())
    }

    fn mention(text: &str, word: &str) -> Mention {
        Mention {
            span: span_of(text, word),
            entity: 0,
            kind: MentionKind::Name,
        }
    }

    #[test]
    fn a_name_after_a_preposition_is_an_object_and_so_is_its_conjunct() {
        let s = "Talks between Varnia and Kestria began as Zorblat watched.";
        let t = Text::new(s);
        let (v, k, z) = (
            mention(s, "Varnia"),
            mention(s, "Kestria"),
            mention(s, "Zorblat"),
        );
        let all = [v.clone(), k.clone(), z.clone()];
        assert!(is_object(&t, &all, &v));
        assert!(is_object(&t, &all, &k));
        assert!(!is_object(&t, &all, &z));
    }

    #[test]
    fn a_modifier_governs_only_within_its_clause_and_reach_in_bytes() {
        let s = "It is not friendly. Not, however, hostile; never ever a partner.";
        let t = Text::new(s);
        let not = span_of(s, "not");
        assert!(governs(&t, not, span_of(s, "friendly"), 20));
        assert!(!governs(&t, not, span_of(s, "friendly"), 0));
        assert!(!governs(&t, span_of(s, "Not"), span_of(s, "hostile"), 40));
        assert!(governs(&t, span_of(s, "never"), span_of(s, "partner"), 20));
    }

    #[test]
    fn words_and_the_word_before() {
        let s = "Varnia  warned, then Kestria";
        let t = Text::new(s);
        assert_eq!(words_between(&t, 0, s.len()), 4);
        assert_eq!(words_between(&t, 10, 3), 0);
        let warned = span_of(s, "warned");
        assert_eq!(
            previous_word(&t, warned.start).map(|w| t.slice(w)),
            Some("Varnia")
        );
        assert_eq!(previous_word(&t, span_of(s, "then").start), None);
        assert_eq!(last_word_before(&t, span_of(s, "Kestria").start), "then");
        assert_eq!(folded_between(&t, warned.start, warned.end), "warned");
        assert_eq!(folded_between(&t, warned.end, warned.start), "");
    }
}
