//! A dictionary of phrases compiled into one Aho-Corasick automaton over folded text.
//!
//! Every word list of the knowledge base (entity aliases, stance cues, speech verbs…) is
//! a `Lexicon<T>`: patterns with a value each. Matching is whole-word, leftmost-longest
//! among the matches that pass the word-boundary and capitalisation checks — so a
//! longer pattern that fails its check does not hide a shorter one that passes.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::text::{fold, is_word_char, Span, Text};

/// How a pattern's capitalisation constrains the text it matches.
#[derive(Clone, Debug, PartialEq)]
enum CaseRule {
    /// Lower-case pattern: any case matches.
    Any,
    /// Short all-capitals pattern ("US", "IRGC"): must match letter for letter.
    Exact(String),
    /// The first word that starts with a capital in the pattern must start with one in
    /// the text (by word position); later words may be lower case in running text.
    Capitals(Vec<bool>),
}

struct Entry<T> {
    value: T,
    /// Pattern ended in `*`: any continuation of the last word matches.
    prefix: bool,
    case: CaseRule,
}

/// One match of a lexicon in a text.
#[derive(Debug)]
pub struct Hit<'l, T> {
    /// The span in the original text.
    pub span: Span,
    /// The span in the folded text.
    pub folded: Span,
    pub value: &'l T,
}

pub struct Lexicon<T> {
    automaton: Option<AhoCorasick>,
    entries: Vec<Entry<T>>,
    /// The patterns as written (without a trailing `*`), for tests that try every one.
    patterns: Vec<String>,
}

impl<T> Lexicon<T> {
    /// Compiles `(pattern, value)` pairs. Empty patterns are skipped.
    pub fn new(rows: impl IntoIterator<Item = (String, T)>) -> Lexicon<T> {
        let mut patterns = Vec::new();
        let mut written = Vec::new();
        let mut entries = Vec::new();
        for (pattern, value) in rows {
            let pattern = pattern.trim();
            let (body, prefix) = match pattern.strip_suffix('*') {
                Some(b) => (b.trim_end(), true),
                None => (pattern, false),
            };
            let folded = fold(body);
            if folded.trim().is_empty() {
                continue;
            }
            patterns.push(folded);
            written.push(body.to_string());
            entries.push(Entry {
                value,
                prefix,
                case: case_rule(body),
            });
        }
        let automaton = (!patterns.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .expect("patterns of a knowledge base always compile")
        });
        Lexicon {
            automaton,
            entries,
            patterns: written,
        }
    }

    /// Every pattern as written, with its value.
    pub fn patterns(&self) -> impl Iterator<Item = (&str, &T)> {
        self.patterns
            .iter()
            .zip(&self.entries)
            .map(|(p, e)| (p.as_str(), &e.value))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many raw automaton matches `folded` holds, with no checks: the floor a
    /// benchmark compares the whole analysis with.
    pub fn count_raw(&self, folded: &[u8]) -> usize {
        self.automaton
            .as_ref()
            .map_or(0, |ac| ac.find_overlapping_iter(folded).count())
    }

    /// All non-overlapping whole-word matches, leftmost-longest, in text order.
    pub fn find_all<'l>(&'l self, text: &Text) -> Vec<Hit<'l, T>> {
        self.find_in(text, 0, text.folded.len())
    }

    /// As `find_all`, within a folded byte range.
    pub fn find_in<'l>(&'l self, text: &Text, from: usize, to: usize) -> Vec<Hit<'l, T>> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let hay = text.folded.as_bytes();
        let to = to.min(hay.len());
        if from >= to {
            return Vec::new();
        }
        let mut valid: Vec<(usize, usize, usize)> = Vec::new();
        let input = aho_corasick::Input::new(&hay[..to]).range(from..to);
        for m in ac.find_overlapping_iter(input) {
            let entry = &self.entries[m.pattern().as_usize()];
            let mut end = m.end();
            if entry.prefix {
                end = extend_word(&text.folded, end);
            }
            if !whole_word(&text.folded, m.start(), end, entry.prefix) {
                continue;
            }
            let span = text.original_span(m.start(), end);
            if !entry.case.accepts(text.slice(span)) {
                continue;
            }
            valid.push((m.start(), end, m.pattern().as_usize()));
        }
        // Leftmost, then longest, then the pattern listed first.
        valid.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut hits = Vec::new();
        let mut covered = from;
        for (s, e, p) in valid {
            if s < covered {
                continue;
            }
            covered = e;
            hits.push(Hit {
                span: text.original_span(s, e),
                folded: Span::new(s, e),
                value: &self.entries[p].value,
            });
        }
        hits
    }
}

fn case_rule(pattern: &str) -> CaseRule {
    let letters: String = pattern.chars().filter(|c| c.is_alphabetic()).collect();
    if !letters.is_empty()
        && letters.chars().count() <= 5
        && letters.chars().all(char::is_uppercase)
    {
        return CaseRule::Exact(letters);
    }
    let capitals: Vec<bool> = pattern
        .split_whitespace()
        .map(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .collect();
    if capitals.iter().any(|&c| c) {
        CaseRule::Capitals(capitals)
    } else {
        CaseRule::Any
    }
}

impl CaseRule {
    fn accepts(&self, matched: &str) -> bool {
        match self {
            CaseRule::Any => true,
            CaseRule::Exact(letters) => matched
                .chars()
                .filter(|c| c.is_alphabetic())
                .eq(letters.chars()),
            // The first capitalised word of the pattern must be capitalised in the text:
            // "Blank" is not "blank", but "the Islamic republic" is "the Islamic Republic".
            CaseRule::Capitals(caps) => matched
                .split_whitespace()
                .zip(caps)
                .find(|(_, &cap)| cap)
                .is_none_or(|(word, _)| {
                    word.chars()
                        .find(|c| c.is_alphabetic())
                        .is_some_and(char::is_uppercase)
                }),
        }
    }
}

fn extend_word(folded: &str, mut end: usize) -> usize {
    while let Some(c) = folded.get(end..).and_then(|r| r.chars().next()) {
        if !is_word_char(c) {
            break;
        }
        end += c.len_utf8();
    }
    end
}

fn whole_word(folded: &str, start: usize, end: usize, prefix: bool) -> bool {
    let before = folded.get(..start).and_then(|s| s.chars().next_back());
    let after = folded.get(end..).and_then(|s| s.chars().next());
    let first = folded.get(start..).and_then(|s| s.chars().next());
    let last = folded.get(..end).and_then(|s| s.chars().next_back());
    // Boundaries only matter next to word characters of the pattern itself.
    let left_ok = !(first.is_some_and(is_word_char) && before.is_some_and(is_word_char));
    let right_ok = prefix || !(last.is_some_and(is_word_char) && after.is_some_and(is_word_char));
    left_ok && right_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(patterns: &[&str], text: &str) -> Vec<String> {
        let lex = Lexicon::new(patterns.iter().map(|p| (p.to_string(), ())));
        let t = Text::new(text);
        lex.find_all(&t)
            .iter()
            .map(|h| t.slice(h.span).to_string())
            .collect()
    }

    #[test]
    fn lexicon_table() {
        let cases: &[(&[&str], &str, &[&str])] = &[
            (&["Iran"], "Iran and Iranian", &["Iran"]),
            (&["Iran", "Iranian"], "Iranian Iran", &["Iranian", "Iran"]),
            (
                &["Islamic Revolutionary Guard Corps", "Guard"],
                "the Islamic Revolutionary Guard Corps",
                &["Islamic Revolutionary Guard Corps"],
            ),
            (&["US"], "US and us and Us", &["US"]),
            (&["Blank"], "a blank page by Blank", &["Blank"]),
            (
                &["accus*"],
                "accused, accusations",
                &["accused", "accusations"],
            ),
            (
                &["the Zionist regime"],
                "THE ZIONIST REGIME and the zionist regime",
                &["THE ZIONIST REGIME"],
            ),
            (
                &["Hikmet Hajiyev", "Hikmet Haciyev"],
                "Hikmət Hacıyev",
                &["Hikmət Hacıyev"],
            ),
            (&["Israel's"], "Israel\u{2019}s", &["Israel\u{2019}s"]),
            // A longer pattern failing its boundary does not hide a shorter one.
            (&["the west", "western"], "the western front", &["western"]),
            (&[], "anything", &[]),
        ];
        for (patterns, text, want) in cases {
            assert_eq!(matches(patterns, text), *want, "{patterns:?} in {text:?}");
        }
    }
}
