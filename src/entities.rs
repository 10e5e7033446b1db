//! Stage 2: entities. Knowledge-base names, the names it lacks, and what each stands for.
//!
//! 1. Gazetteer: every alias of the knowledge base, leftmost-longest ("Tehran Times" is
//!    an outlet, not Tehran).
//! 2. Metonymy: a seat of government is the state when it acts ("Tehran warned") and a
//!    place when something happens there ("the embassy in Tehran") or a dateline names
//!    it ("Ankara, May 3 (Anadolu) -").
//! 3. Unknown names: capitalised runs after a role ("cleric Seyyed Hassan Ameli"), with an
//!    organisation head ("…Institute"), before a speech verb, or alone on a byline line
//!    under the title; a minister's portfolio is not part of the name ("Minister of
//!    Trade Olek Varga"); their bloc comes from the words around them ("Iranian cleric
//!    …", "Ministry … of Azerbaijan").
//! 4. Per-document aliases: a person's surname alone ("Blank" after "Stephen Blank") and
//!    an acronym in brackets after an organisation ("… Studies (BESA)").

use std::collections::HashMap;

use crate::doc::Doc;
use crate::grammar::{previous_word, words_between, CAUSED_FEELINGS};
use crate::kb::{AliasRole, EntityType, Hit, KnowledgeBase, Lexicon, ViewpointSet};
use crate::text::{Span, Text};

/// How a mention refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MentionKind {
    Name,
    /// A seat of government standing for the state.
    Metonym,
    /// A loaded name, also evidence of a viewpoint and an attitude of whoever uses it.
    Epithet {
        viewpoints: ViewpointSet,
        weight: f32,
        polarity: f32,
    },
}

#[derive(Clone, Debug)]
pub struct Mention {
    pub span: Span,
    /// Index into `Entities::entities`.
    pub entity: usize,
    pub kind: MentionKind,
}

/// An entity as found in one document.
#[derive(Clone, Debug)]
pub struct DocEntity {
    /// Index in the knowledge base, when it is known there.
    pub kb: Option<usize>,
    pub id: String,
    pub name: String,
    pub kind: EntityType,
    pub bloc: Option<String>,
    pub mentions: usize,
}

#[derive(Default, Debug)]
pub struct Entities {
    pub entities: Vec<DocEntity>,
    /// In text order (by start, longest first).
    pub mentions: Vec<Mention>,
}

impl Entities {
    /// Mentions whose start lies inside `span`.
    pub fn mentions_in(&self, span: Span) -> &[Mention] {
        let a = self.mentions.partition_point(|m| m.span.start < span.start);
        let b = self.mentions.partition_point(|m| m.span.start < span.end);
        &self.mentions[a..b.max(a)]
    }
}

/// Words before a seat of government that make it a location, not an actor.
const LOCATIVE_BEFORE: &[&str] = &[
    "in", "to", "from", "at", "near", "into", "outside", "inside", "across", "via", "toward",
    "towards", "around", "visit", "visited", "visiting", "visits", "reached", "left", "leaving",
    "over", "of",
];

/// Nouns after a seat of government that make it the place where something happens.
const PLACE_NOUNS_AFTER: &[&str] = &[
    "press conference",
    "news conference",
    "conference",
    "summit",
    "meeting",
    "forum",
    "residents",
    "hotel",
    "hospital",
    "airport",
];

/// Words that, joining capitalised words, keep a name going ("Ministry of Foreign Affairs").
const NAME_CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "al", "bin", "ibn", "de", "van", "von", "el", "on",
];

/// Capitalised words that do not start a name on their own at the start of a sentence or
/// after a role: function words, pronouns and days (months are `MONTHS`).
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "its",
    "our",
    "in",
    "on",
    "at",
    "for",
    "but",
    "and",
    "or",
    "if",
    "as",
    "while",
    "when",
    "after",
    "before",
    "since",
    "however",
    "meanwhile",
    "moreover",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mr",
    "mrs",
    "ms",
    "dr",
    "according",
    "also",
    "both",
    "with",
    "by",
    "from",
    "to",
    "of",
    "not",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "all",
    "some",
    "one",
    "two",
    "three",
    "new",
    "last",
    "first",
    "earlier",
    "later",
    "today",
    "yesterday",
    "then",
    "during",
    "amid",
    "despite",
    "although",
    "though",
    "such",
    "many",
    "several",
    "most",
    "other",
    "another",
    "each",
    "every",
];

pub fn extract(kb: &KnowledgeBase, doc: &Doc) -> Entities {
    let text = &doc.text;
    let mut found = Found::default();
    for hit in &doc.hits.gazetteer {
        let (index, role) = *hit.value;
        let entity = kb.entity(index);
        let kind = match role {
            AliasRole::Epithet {
                viewpoints,
                weight,
                polarity,
            } => MentionKind::Epithet {
                viewpoints,
                weight,
                polarity,
            },
            AliasRole::Name => MentionKind::Name,
        };
        match entity.metonym_of {
            Some(state) if !is_locative(text, &doc.hits.stance, hit.span) => {
                found.known(kb, state, hit.span, MentionKind::Metonym)
            }
            Some(state) => {
                if let Some(phrase) = ruled_from(text, hit.span) {
                    found.known(kb, state, phrase, MentionKind::Metonym);
                }
                found.known(kb, index, hit.span, kind)
            }
            None => found.known(kb, index, hit.span, kind),
        }
    }
    found.sort();
    // Roles ("Foreign Minister") and heads ("Ministry", "Airport"), found once for the
    // unknown names and for the roles persons take in.
    let mut roles: Vec<Span> = Vec::new();
    let mut heads: Vec<(Span, EntityType)> = Vec::new();
    for t in &doc.hits.titles {
        match t.value {
            EntityType::Person => roles.push(t.span),
            kind => heads.push((t.span, *kind)),
        }
    }
    unknown_names(kb, doc, &roles, &heads, &mut found);
    found.sort();
    collectives(doc, &mut found);
    found.sort();
    document_aliases(text, &mut found);
    found.sort();
    extend_over_roles(text, &roles, &mut found);
    found.sort();
    found.finish()
}

/// Mentions collected so far, with document entities keyed by id.
#[derive(Default)]
struct Found {
    entities: Vec<DocEntity>,
    by_id: HashMap<String, usize>,
    mentions: Vec<Mention>,
}

impl Found {
    fn known(&mut self, kb: &KnowledgeBase, index: usize, span: Span, kind: MentionKind) {
        let e = kb.entity(index);
        let doc = self.entity(&e.id, || DocEntity {
            kb: Some(index),
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind,
            bloc: e.bloc.clone(),
            mentions: 0,
        });
        self.mentions.push(Mention {
            span,
            entity: doc,
            kind,
        });
    }

    fn entity(&mut self, id: &str, make: impl FnOnce() -> DocEntity) -> usize {
        if let Some(&i) = self.by_id.get(id) {
            return i;
        }
        self.entities.push(make());
        self.by_id.insert(id.to_string(), self.entities.len() - 1);
        self.entities.len() - 1
    }

    fn covered(&self, span: Span) -> bool {
        let i = self.mentions.partition_point(|m| m.span.end <= span.start);
        self.mentions[i..]
            .iter()
            .take_while(|m| m.span.start < span.end)
            .any(|m| m.span.overlaps(span))
    }

    fn sort(&mut self) {
        self.mentions.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        self.mentions.dedup_by(|a, b| a.span == b.span);
    }

    fn finish(mut self) -> Entities {
        for m in &self.mentions {
            self.entities[m.entity].mentions += 1;
        }
        // Keep only entities that kept a mention: a place inside a body's name loses its
        // own mention ("Kestria" in "Kestria Farmers Union").
        let mut index = vec![usize::MAX; self.entities.len()];
        let mut kept = Vec::with_capacity(self.entities.len());
        for (i, e) in self.entities.into_iter().enumerate() {
            if e.mentions > 0 {
                index[i] = kept.len();
                kept.push(e);
            }
        }
        for m in &mut self.mentions {
            m.entity = index[m.entity];
        }
        Entities {
            entities: kept,
            mentions: self.mentions,
        }
    }
}

fn is_locative(text: &Text, attitudes: &[Hit<f32>], span: Span) -> bool {
    let rest = text.original.get(span.end..).unwrap_or("");
    // "a Baku-based group" places it; "ties with Baku based on trust" does not.
    if rest.starts_with("-based") || (rest.starts_with(" based") && !rest.starts_with(" based on"))
    {
        return true;
    }
    // A possessor is the state, whatever governs it ("one of Baku's allies", "in
    // Tehran's view"), and so is one side of a pair ("the scope of Ankara-Doha ties").
    if rest.starts_with("'s")
        || rest.starts_with("\u{2019}s")
        || rest
            .strip_prefix(['-', '\u{2013}'])
            .is_some_and(|r| r.starts_with(char::is_uppercase))
    {
        return false;
    }
    if is_dateline(text, span) {
        return true;
    }
    // "a Kestria press conference", "the Varnia summit": where something took place.
    if PLACE_NOUNS_AFTER.iter().any(|n| {
        rest.strip_prefix(' ')
            .and_then(|r| r.get(..n.len()))
            .is_some_and(|r| r.eq_ignore_ascii_case(n))
    }) {
        return true;
    }
    // "in Baku", and "in the Varnian capital" past its article.
    let mut before = previous_word(text, span.start);
    if let Some(the) = before.filter(|w| text.slice(*w).eq_ignore_ascii_case("the")) {
        before = previous_word(text, the.start);
    }
    let Some(before) = before else {
        return false;
    };
    let preposition = text.slice(before).to_lowercase();
    if !LOCATIVE_BEFORE.contains(&preposition.as_str()) {
        return false;
    }
    // The word the preposition hangs on, and the attitude word it is part of.
    let governor = previous_word(text, before.start);
    let attitude = governor.and_then(|w| {
        let k = attitudes.partition_point(|a| a.span.end < w.end);
        attitudes.get(k).filter(|a| a.span.overlaps(w))
    });
    // "criticism of Baku", "an approach to Tehran", "concern over Moscow": what an
    // attitude is held toward is the state, not a place.
    if ATTITUDE_PREPOSITIONS.contains(&preposition.as_str()) && attitude.is_some() {
        return false;
    }
    // "alarm bells in Ankara", "raised eyebrows in Paris": a feeling caused in a capital
    // is its state's.
    if preposition == "in"
        && attitude
            .is_some_and(|a| CAUSED_FEELINGS.contains(&&*crate::text::lower(text.slice(a.span))))
    {
        return false;
    }
    // "the ambassador to Baku": the state an envoy is sent to.
    preposition != "to"
        || !governor.is_some_and(|g| ENVOY_NOUNS.contains(&&*crate::text::lower(text.slice(g))))
}

/// "the government in Tehran", "officials in Ankara": the phrase that names the state
/// ruling from a seat of government, whose name itself stays the place.
fn ruled_from(text: &Text, seat: Span) -> Option<Span> {
    let before = previous_word(text, seat.start).filter(|w| text.slice(*w) == "in")?;
    let body = previous_word(text, before.start)?;
    RULING_NOUNS
        .contains(&&*crate::text::lower(text.slice(body)))
        .then(|| Span::new(body.start, seat.end))
}

/// Nouns whose "in <capital>" names the state ruled from there.
const RULING_NOUNS: &[&str] = &[
    "government",
    "regime",
    "authorities",
    "officials",
    "leadership",
    "rulers",
    "leaders",
    "administration",
    "policymakers",
    "diplomats",
];

/// Prepositions by which an attitude word names what it is held toward.
const ATTITUDE_PREPOSITIONS: &[&str] = &["of", "to", "toward", "towards", "over", "at"];

/// Nouns whose "to <capital>" names the state an envoy is sent to.
const ENVOY_NOUNS: &[&str] = &["ambassador", "envoy", "ambassadors", "envoys", "emissary"];

/// Nouns that introduce an outlet's name ("the news site X", "Saudi website X").
const MEDIA_NOUNS: &[&str] = &[
    " news site ",
    " news website ",
    " website ",
    " news outlet ",
    " media outlet ",
    " outlet ",
    " news portal ",
    " portal ",
    " newspaper ",
    " daily ",
    " weekly ",
    " magazine ",
    " news agency ",
    " broadcaster ",
    " TV channel ",
    " television channel ",
];

/// "the news site X": the name at `at` follows a noun for an outlet.
fn after_media_noun(text: &Text, at: usize) -> bool {
    let from = crate::text::floor_char_boundary(text.original, at.saturating_sub(24));
    let before = &text.original[from..at];
    MEDIA_NOUNS.iter().any(|n| before.ends_with(n))
}

/// Words before the name of an operation or a drill.
const CODENAMED: &[&str] = &["codenamed ", "code-named ", "code named ", "codename "];

/// "a drill codenamed Iron Lark": the name at `at` is an operation's.
fn codenamed(text: &Text, at: usize) -> bool {
    let from = crate::text::floor_char_boundary(text.original, at.saturating_sub(12));
    let before = text.original[from..at].to_lowercase();
    CODENAMED.iter().any(|c| before.ends_with(c))
}

/// Words of a minister's portfolio ("Minister of Culture and Tourism"), and the
/// connectors between them.
const PORTFOLIO_WORDS: &[&str] = &[
    "foreign",
    "affairs",
    "internal",
    "defense",
    "defence",
    "industry",
    "trade",
    "economy",
    "economic",
    "finance",
    "energy",
    "interior",
    "justice",
    "health",
    "education",
    "agriculture",
    "tourism",
    "transport",
    "transportation",
    "communications",
    "labor",
    "labour",
    "environment",
    "ecology",
    "intelligence",
    "digital",
    "development",
    "public",
    "security",
    "welfare",
    "housing",
    "religious",
    "information",
    "strategic",
    "diaspora",
    "national",
    "natural",
    "resources",
    "youth",
    "sport",
    "sports",
    "culture",
    "science",
    "technology",
    "technologies",
    "innovation",
    "heritage",
    "construction",
    "water",
    "infrastructure",
    "emergency",
    "situations",
    "social",
    "protection",
    "commerce",
    "immigration",
    "absorption",
    "regional",
    "cooperation",
    "planning",
    "urban",
    "and",
    "of",
    "the",
    "for",
];

fn is_portfolio(word: &str) -> bool {
    PORTFOLIO_WORDS.contains(&word.to_lowercase().as_str())
}

/// Month names: not names of people, and the date of a dateline.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Months as datelines shorten them ("Sept. 4").
const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// A capitalised word that starts no name on its own (see `NOT_NAMES`), lower-cased.
fn not_a_name(lower: &str) -> bool {
    NOT_NAMES.contains(&lower) || MONTHS.contains(&lower)
}

/// A dateline at the start of a line names where the report was filed: "TEHRAN -",
/// "BAKU,", and in mixed case when a date, an agency or a dash follows ("Ankara, March 4
/// (Anadolu) -", "Yerevan (AFP) -", "Kyiv, Ukraine, 3 May").
fn is_dateline(text: &Text, span: Span) -> bool {
    if !text
        .line_before(span.start, 16)
        .is_some_and(|b| b.trim().is_empty())
    {
        return false;
    }
    let word = text.slice(span);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters > 2
        && word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return true;
    }
    let limit =
        crate::text::floor_char_boundary(text.original, (span.end + 40).min(text.original.len()));
    let rest = text.original[span.end..limit].trim_start_matches([' ', ',']);
    // An optional country after the city: "Baku, Azerbaijan, 27 June".
    let is_month = |w: &str| {
        let w = w.to_lowercase();
        MONTHS.contains(&w.as_str()) || MONTH_ABBREVIATIONS.contains(&w.as_str())
    };
    let rest = match rest.split_once([',', ' ']) {
        Some((country, after)) if is_capitalised(country) && !is_month(country) => {
            after.trim_start_matches([' ', ','])
        }
        _ => rest,
    };
    let mut tokens = rest.split([' ', ',', '.']).filter(|t| !t.is_empty());
    let first = tokens.next().unwrap_or("");
    let numbered = !first.is_empty() && first.chars().all(|c| c.is_ascii_digit());
    rest.starts_with(['(', '-', '\u{2013}', '\u{2014}'])
        || is_month(first)
        || (numbered && tokens.next().is_some_and(is_month))
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Finds names the knowledge base lacks (see the module docs).
/// `roles` and `heads` are in text order, so lookups are binary searches.
fn unknown_names(
    kb: &KnowledgeBase,
    doc: &Doc,
    roles: &[Span],
    heads: &[(Span, EntityType)],
    found: &mut Found,
) {
    let text = &doc.text;
    let speech: Vec<Span> = doc.hits.speech.iter().map(|h| h.span).collect();
    let in_role = |w: Span| {
        let k = roles.partition_point(|r| r.end <= w.start);
        roles.get(k).is_some_and(|r| r.contains(w))
    };
    let is_head = |w: Span| {
        let k = heads.partition_point(|(h, _)| h.end <= w.start);
        heads.get(k).is_some_and(|(h, _)| h.contains(w))
    };
    // Only spaces (or a comma) between two offsets.
    let blank_between = |a: usize, b: usize| {
        text.original
            .get(a..b)
            .is_some_and(|g| g.trim().is_empty() || g.trim() == ",")
    };
    // The first role that starts after `at`, if it starts within `reach` words.
    let role_within = |at: usize, reach: usize| {
        let k = roles.partition_point(|r| r.start <= at);
        roles
            .get(k)
            .is_some_and(|r| text.words_in(Span::new(at, r.start)).len() <= reach)
    };
    // The last role that ends before `at`, if it ends within `reach` words of it.
    let role_before = |at: usize, reach: usize| {
        let k = roles.partition_point(|r| r.end <= at);
        k.checked_sub(1)
            .is_some_and(|k| text.words_in(Span::new(roles[k].end, at)).len() <= reach)
    };
    // A known body named by a head word alone ("Congress") inside a longer name ("World
    // Congress of …") is part of that name.
    let absorbable = |found: &Found, w: Span| {
        let k = found.mentions.partition_point(|m| m.span.start < w.start);
        is_head(w)
            && found.mentions[k..]
                .iter()
                .take_while(|m| m.span.start == w.start)
                .any(|m| m.span == w && found.entities[m.entity].kind == EntityType::Organization)
    };
    let mut new_mentions = Vec::new();
    for sentence in &text.sentences {
        let words = text.words_in(*sentence);
        if looks_like_headline(text, &text.words[words.clone()]) {
            continue;
        }
        let mut i = words.start;
        while i < words.end {
            let w = text.words[i];
            let word = text.slice(w);
            if !is_capitalised(word)
                || found.covered(w)
                || in_role(w)
                || not_a_name(&word.to_lowercase())
            {
                i += 1;
                continue;
            }
            // Grow a run of capitalised words joined by spaces, hyphens or connectors.
            let mut j = i;
            let mut end = i;
            while j + 1 < words.end {
                let next = text.words[j + 1];
                let gap = text
                    .original
                    .get(text.words[j].end..next.start)
                    .unwrap_or("");
                let next_word = text.slice(next);
                let joinable =
                    matches!(gap, " " | "-" | ". ") && (gap != ". " || text.words[j].len() == 1);
                // A role ends the name before it: "Foreign Ministry Spokesperson X".
                if !joinable || (found.covered(next) && !absorbable(found, next)) || in_role(next) {
                    break;
                }
                if is_capitalised(next_word) {
                    j += 1;
                    end = j;
                } else if NAME_CONNECTORS.contains(&next_word)
                    && j + 2 < words.end
                    && is_capitalised(text.slice(text.words[j + 2]))
                    && !not_a_name(&text.slice(text.words[j + 2]).to_lowercase())
                {
                    j += 1;
                } else {
                    break;
                }
            }
            // A possessive ending is not part of the name ("the Ministry's spokesman").
            let last = text.slice(text.words[end]);
            let possessive = ["'s", "\u{2019}s"]
                .iter()
                .find(|p| last.len() > p.len() && last.ends_with(**p))
                .map_or(0, |p| p.len());
            // "Minister of Trade and Energy Olek Varga": the portfolio after a role and
            // "of" is part of the role, and the name is what follows it.
            let role_of = roles[..roles.partition_point(|r| r.end <= w.start)]
                .last()
                .filter(|r| text.original.get(r.end..w.start).map(str::trim) == Some("of"))
                .copied();
            let mut first = i;
            if role_of.is_some() {
                while first <= end && is_portfolio(text.slice(text.words[first])) {
                    first += 1;
                }
                if first == i || first + 1 > end {
                    // No portfolio, or nothing but one: not a name after all.
                    i = end + 1;
                    continue;
                }
            }
            let w = text.words[first];
            let span = Span::new(w.start, text.words[end].end - possessive);
            let n_words = end - first + 1;
            // A head alone ("Region", "the Ministry") names nothing in particular, nor do
            // letters alone ("A B", a list's markers).
            if (i..=end).all(|k| is_head(text.words[k]))
                || (first..=end).all(|k| text.slice(text.words[k]).chars().count() == 1)
            {
                i = end + 1;
                continue;
            }
            // The last head inside the name decides: "Nakhchivan International Airport".
            let inside = heads.partition_point(|(h, _)| h.start < span.start)
                ..heads.partition_point(|(h, _)| h.start < span.end);
            let head = heads[inside]
                .iter()
                .rev()
                .find(|(h, _)| span.contains(*h))
                .map(|(_, k)| *k);
            let rest = text.original.get(span.end..).unwrap_or("");
            // "Jane Doe is a senior fellow at …": a bio line.
            let bio =
                (rest.starts_with(" is ") || rest.starts_with(" was ")) && role_within(span.end, 4);
            // "Tigran Vosk, Armenia's envoy in Rome, said": a role in apposition.
            let appositive = rest.starts_with(", ") && role_within(span.end, 3);
            // "the founder of the Varnia Fund, Olek Varga," or "a trader named Olek
            // Varga": a role phrase, then the name.
            let introduced = (text.original[..span.start].ends_with(", ")
                && role_before(span.start, 8))
                || previous_word(text, span.start)
                    .is_some_and(|p| text.slice(p) == "named" && !codenamed(text, span.start));
            // "cleric Seyyed Hassan Ameli": the last role ending before the name.
            let role = role_of.or_else(|| {
                roles[..roles.partition_point(|r| r.end <= w.start)]
                    .last()
                    .filter(|r| blank_between(r.end, w.start))
                    .copied()
            });
            let after_role = role.is_some();
            let k = speech.partition_point(|s| s.start < span.end);
            let before_speech = speech
                .get(k)
                .is_some_and(|s| blank_between(span.end, s.start));
            let sentence_initial = first == words.start;
            let kind = if let Some(k) = head {
                Some(k)
            } else if after_media_noun(text, span.start) {
                // "the Varnian news site Kestria Today": an outlet.
                Some(EntityType::Media)
            } else if codenamed(text, span.start) {
                // "a drill codenamed Iron Lark": operations and drills are events.
                Some(EntityType::Event)
            } else if after_role
                || (before_speech && n_words >= 2)
                || ((appositive || bio || introduced) && n_words >= 2)
                || (n_words >= 2 && (byline(text, w.start) || name_line(text, span, n_words)))
            {
                Some(EntityType::Person)
            } else {
                None
            };
            if let Some(kind) = kind {
                if !(sentence_initial && n_words == 1 && kind == EntityType::Person && !after_role)
                {
                    // The bloc is looked for before the role too ("Varnia's Deputy
                    // Minister of Trade Olek Varga").
                    let context = role.map_or(span.start, |r| r.start);
                    if kind == EntityType::Person {
                        // "By Jane Roe and Olek Varga": two people.
                        let mut from = span.start;
                        for (k, _) in text.slice(span).match_indices(" and ") {
                            new_mentions.push((Span::new(from, span.start + k), kind, context));
                            from = span.start + k + " and ".len();
                        }
                        new_mentions.push((Span::new(from, span.end), kind, context));
                    } else {
                        new_mentions.push((span, kind, context));
                    }
                }
            }
            i = end + 1;
        }
    }
    // "the Kestria Valley Farmers Union": a place before a body's name is part of it
    // (looked up while the mentions are still in order).
    let new_mentions: Vec<_> = new_mentions
        .into_iter()
        .map(|(span, kind, context)| match kind {
            EntityType::Organization => (
                place_before(text, found, span).map_or(span, |p| Span::new(p.start, span.end)),
                kind,
                context,
            ),
            _ => (span, kind, context),
        })
        .collect();
    let mut bodies = Vec::new();
    for (span, kind, context) in new_mentions {
        let name = text.slice(span).to_string();
        let (span, bloc) = bloc_around(kb, text, found, span, kind, context);
        let id = crate::kb::slug(&name);
        if id.is_empty() {
            continue;
        }
        let doc = found.entity(&id, || DocEntity {
            kb: None,
            id: id.clone(),
            name: name.clone(),
            kind,
            bloc: bloc.clone(),
            mentions: 0,
        });
        if found.entities[doc].bloc.is_none() {
            found.entities[doc].bloc = bloc;
        }
        found.mentions.push(Mention {
            span,
            entity: doc,
            kind: MentionKind::Name,
        });
        if kind == EntityType::Organization {
            bodies.push(span);
        }
    }
    // Places and bodies named inside a new body's name are not mentions of their own;
    // states stay (the bloc of "the Varnian Ministry of X" is read from them).
    bodies.sort_by_key(|b| b.start);
    let inside = |m: &Mention| {
        let k = bodies.partition_point(|b| b.start <= m.span.start);
        k.checked_sub(1)
            .is_some_and(|k| bodies[k].contains(m.span) && bodies[k] != m.span)
    };
    let entities = &found.entities;
    found.mentions.retain(|m| {
        !(inside(m)
            && matches!(
                entities[m.entity].kind,
                EntityType::Place | EntityType::Organization
            ))
    });
}

/// The place named right before `span` ("Kestria" in "Kestria Farmers Union").
fn place_before(text: &Text, found: &Found, span: Span) -> Option<Span> {
    let k = found
        .mentions
        .partition_point(|m| m.span.start < span.start);
    found.mentions[..k]
        .iter()
        .rev()
        .take(4)
        .find(|m| m.span.end == span.start.saturating_sub(1))
        .filter(|m| {
            found.entities[m.entity].kind == EntityType::Place
                && text.original.get(m.span.end..span.start) == Some(" ")
        })
        .map(|m| m.span)
}

/// "Iranian state media", "Trump administration": a state followed by a media noun, or a
/// leader followed by a collective noun, is a body of its own; the state word inside stays
/// a mention of the state. A state's government, army or parliament named that way is
/// the state acting ("the Varnian government said"), not another entity.
fn collectives(doc: &Doc, found: &mut Found) {
    let text = &doc.text;
    let mut new = Vec::new();
    for hit in &doc.hits.collectives {
        let i = found
            .mentions
            .partition_point(|m| m.span.end <= hit.span.start);
        let Some(m) = found.mentions[..i]
            .iter()
            .rev()
            .find(|m| m.span.end <= hit.span.start)
        else {
            continue;
        };
        if text.original.get(m.span.end..hit.span.start) != Some(" ") || found.covered(hit.span) {
            continue;
        }
        let e = &found.entities[m.entity];
        let fits = match e.kind {
            EntityType::Country => {
                m.kind != MentionKind::Metonym && *hit.value == EntityType::Media
            }
            EntityType::Person => *hit.value == EntityType::Organization,
            _ => false,
        };
        if !fits {
            continue;
        }
        let span = Span::new(m.span.start, hit.span.end);
        new.push((span, *hit.value, e.bloc.clone()));
    }
    for (span, kind, bloc) in new {
        let name = text.slice(span).to_string();
        let id = crate::kb::slug(&name);
        let doc = found.entity(&id, || DocEntity {
            kb: None,
            id: id.clone(),
            name: name.clone(),
            kind,
            bloc,
            mentions: 0,
        });
        found.mentions.push(Mention {
            span,
            entity: doc,
            kind: MentionKind::Name,
        });
    }
}

/// "Iranian Foreign Minister Hossein Amir-Abdollahian": a person's mention takes in the
/// role before the name, and the state before the role, which stays a mention of its own
/// nested inside. A role that is itself an alias of the same person ("Azerbaijani
/// President" + "Ilham Aliyev") merges with the name.
fn extend_over_roles(text: &Text, roles: &[Span], found: &mut Found) {
    let blank = |a: usize, b: usize| {
        text.original
            .get(a..b)
            .is_some_and(|g| !g.is_empty() && g.trim().is_empty())
    };
    let mut drop = vec![false; found.mentions.len()];
    for i in 0..found.mentions.len() {
        let m = found.mentions[i].clone();
        if found.entities[m.entity].kind != EntityType::Person || m.kind != MentionKind::Name {
            continue;
        }
        let mut start = m.span.start;
        // The same person named twice in a row: one mention.
        if let Some(j) = (0..i).rev().find(|&j| found.mentions[j].span.end <= start) {
            let p = &found.mentions[j];
            if p.entity == m.entity && blank(p.span.end, start) {
                start = p.span.start;
                drop[j] = true;
            }
        }
        // A role right before the name, and a state right before the role.
        let k = roles.partition_point(|r| r.end <= start);
        if let Some(r) = k
            .checked_sub(1)
            .map(|k| roles[k])
            .filter(|r| blank(r.end, start))
        {
            start = r.start;
            let before = found.mentions[..i]
                .iter()
                .rev()
                .find(|x| x.span.end <= start)
                .filter(|x| found.entities[x.entity].kind == EntityType::Country)
                .map(|x| x.span);
            if let Some(s) = before {
                let gap = text.original.get(s.end..start).unwrap_or("");
                if gap.trim().is_empty() || gap.trim() == "'s" || gap.trim() == "\u{2019}s" {
                    start = s.start;
                }
            }
        }
        found.mentions[i].span.start = start;
    }
    let mut keep = drop.iter().map(|d| !d);
    found.mentions.retain(|_| keep.next().unwrap_or(true));
}

/// A "By Jane Doe" line.
fn byline(text: &Text, at: usize) -> bool {
    text.line_before(at, 24).is_some_and(|before| {
        let before = before.trim().to_lowercase();
        before == "by" || before == "written by" || before == "author:"
    })
}

/// Bytes from the start of a text within which a line holding only a name is its
/// author's (the byline of a page without "By").
const BYLINE_REACH: usize = 800;

/// A line near the top that holds nothing but two or three capitalised words: the
/// author's name under a headline ("Jane Roe", then the article).
fn name_line(text: &Text, span: Span, n_words: usize) -> bool {
    // Only near the top, so that every test here is bounded by `BYLINE_REACH`.
    if span.start >= BYLINE_REACH || n_words > 3 {
        return false;
    }
    // Nothing else on the line (looked for within a bounded reach: a line that long is
    // no byline).
    let limit = crate::text::floor_char_boundary(
        text.original,
        (span.end + BYLINE_REACH).min(text.original.len()),
    );
    let alone = text.original[span.end..limit]
        .split('\n')
        .next()
        .is_some_and(|line| line.trim().is_empty());
    // The first line is the title, not a byline.
    let below_a_title = !text.original[..span.start].trim().is_empty();
    alone
        && below_a_title
        && text
            .line_before(span.start, 8)
            .is_some_and(|b| b.trim().is_empty())
}

/// Title Case lines (most words capitalised) are headlines: no unknown names there.
fn looks_like_headline(text: &Text, words: &[Span]) -> bool {
    // A sentence that ends in a period is prose, however many names it holds; three
    // words or fewer are a name as often as a headline; "By …" is a byline.
    if words.len() <= 3 || words.first().is_some_and(|w| text.slice(*w) == "By") {
        return false;
    }
    if let Some(last) = words.last() {
        if text.original[last.end..].starts_with('.') {
            return false;
        }
    }
    let long: Vec<&str> = words
        .iter()
        .map(|w| text.slice(*w))
        .filter(|w| w.len() > 3)
        .collect();
    // Title Case leaves only short function words in lower case; a lower-case word of
    // substance ("a senior Ministry of Defense official") is a line of prose.
    long.len() >= 3
        && long
            .iter()
            .all(|w| is_capitalised(w) || TITLE_CASE_LOWER.contains(w))
}

/// Longer words that Title Case headlines leave in lower case.
const TITLE_CASE_LOWER: &[&str] = &[
    "with", "from", "into", "onto", "over", "amid", "after", "about", "against", "between", "than",
    "upon", "within", "without", "toward", "towards", "during", "under", "that", "versus",
];

/// The bloc of an unknown name from a state named right before it ("Iranian cleric X",
/// "Azerbaijan's Foreign Ministry") or inside it ("Embassy of Azerbaijan"); an
/// organisation's mention grows to include the state word before it.
fn bloc_around(
    kb: &KnowledgeBase,
    text: &Text,
    found: &Found,
    span: Span,
    kind: EntityType,
    context: usize,
) -> (Span, Option<String>) {
    // A person takes the bloc of a body named before their role too ("Varnian Foreign
    // Ministry spokesman X", "the Kestrian army's chief of staff X").
    let state_bloc = |m: &Mention| {
        let e = &found.entities[m.entity];
        (e.kind == EntityType::Country
            || (kind == EntityType::Person && e.kind == EntityType::Organization))
            .then(|| e.bloc.clone())
            .flatten()
    };
    // Inside: "Ministry of Foreign Affairs of Azerbaijan" stops before "Azerbaijan".
    let after = text.original.get(span.end..).unwrap_or("");
    if kind == EntityType::Organization && after.starts_with(" of ") {
        let at = span.end + 4;
        let k = found.mentions.partition_point(|m| m.span.start < at);
        if let Some(m) = found.mentions.get(k).filter(|m| m.span.start == at) {
            if let Some(b) = state_bloc(m) {
                return (Span::new(span.start, m.span.end), Some(b));
            }
        }
    }
    // Before: the nearest state mention within the three words before the name.
    let first = text
        .words
        .partition_point(|w| w.start < context.min(span.start));
    let window_start = text
        .words
        .get(first.saturating_sub(4))
        .map_or(0, |w| w.start);
    let sentence_start = text
        .sentence_of(span.start)
        .map_or(0, |s| text.sentences[s].start);
    let window = Span::new(window_start.max(sentence_start), span.start);
    let from = found
        .mentions
        .partition_point(|m| m.span.start < window.start);
    let to = found
        .mentions
        .partition_point(|m| m.span.start < window.end);
    // "the ambassador of Kestria to Varnia, X": an envoy's destination is not their state.
    let envoy_from = text
        .words
        .get(first.saturating_sub(8))
        .map_or(0, |w| w.start)
        .max(sentence_start);
    let envoy = text
        .words_in(Span::new(envoy_from, span.start))
        .any(|k| ENVOY_NOUNS.contains(&&*crate::text::lower(text.slice(text.words[k]))));
    let destination = |m: &Mention| {
        envoy
            && previous_word(text, m.span.start)
                .is_some_and(|w| text.slice(w).eq_ignore_ascii_case("to"))
    };
    let near = found.mentions[from..to.max(from)]
        .iter()
        .filter(|m| window.contains(m.span))
        .filter(|m| !destination(m))
        .filter(|m| {
            // "of Kestria to Varnia, X": the phrase goes on past the destination.
            let k = found
                .mentions
                .partition_point(|d| d.span.start < m.span.end);
            let end = found.mentions[k..]
                .iter()
                .take_while(|d| d.span.end <= span.start)
                .filter(|d| destination(d))
                .find(|d| words_between(text, m.span.end, d.span.start) <= 2)
                .map_or(m.span.end, |d| d.span.end);
            !crosses_a_phrase(text, end, context.min(span.start))
        })
        .filter_map(|m| state_bloc(m).map(|b| (m, b)))
        .next_back();
    match near {
        Some((m, b)) if kind == EntityType::Organization => {
            let gap = text.original.get(m.span.end..span.start).unwrap_or("");
            let adjacent = gap.trim().is_empty() || gap.trim() == "'s" || gap.trim() == "\u{2019}s";
            (
                if adjacent {
                    Span::new(m.span.start, span.end)
                } else {
                    span
                },
                Some(b),
            )
        }
        Some((_, b)) => (span, Some(b)),
        None => {
            let _ = kb;
            (span, apposition_bloc(text, found, span, kind))
        }
    }
}

/// "the Varnian question with President X": a preposition or conjunction between a state
/// word and a name starts another phrase, so the state does not qualify the name.
fn crosses_a_phrase(text: &Text, from: usize, to: usize) -> bool {
    let gap = text
        .folded
        .get(text.folded_offset(from)..text.folded_offset(to));
    gap.unwrap_or("").split_whitespace().any(|w| {
        matches!(
            w,
            "with" | "to" | "for" | "against" | "and" | "or" | "by" | "from" | "between" | "on"
        )
    })
}

/// "Jane Roe, Spokeswoman for the Ministry of Defence of Zorblat,":
/// the bloc of the institution named in a person's apposition.
fn apposition_bloc(text: &Text, found: &Found, span: Span, kind: EntityType) -> Option<String> {
    if kind != EntityType::Person || !text.original.get(span.end..)?.starts_with(", ") {
        return None;
    }
    // Within the apposition's clause, at most a few hundred bytes on.
    let limit =
        crate::text::floor_char_boundary(text.original, (span.end + 300).min(text.original.len()));
    let clause_end = text.original[span.end + 2..limit]
        .find([',', '.', ';', '"', '\u{201C}'])
        .map_or(limit, |i| span.end + 2 + i);
    let from = found.mentions.partition_point(|m| m.span.start <= span.end);
    let to = found
        .mentions
        .partition_point(|m| m.span.start < clause_end);
    found.mentions[from..to.max(from)]
        .iter()
        .filter(|m| m.span.end <= clause_end)
        .filter(|m| {
            matches!(
                found.entities[m.entity].kind,
                EntityType::Country | EntityType::Organization
            )
        })
        .find_map(|m| found.entities[m.entity].bloc.clone())
}

/// Bytes after an organisation's name in which its bracketed acronym must close:
/// " (" + at most 8 letters with dots or hyphens + ")".
const ACRONYM_LOOKAHEAD: usize = 24;

/// Surnames and bracketed acronyms, as aliases for this document only.
fn document_aliases(text: &Text, found: &mut Found) {
    let mut aliases: Vec<(String, usize)> = Vec::new();
    for m in &found.mentions {
        let e = &found.entities[m.entity];
        let surface = text.slice(m.span);
        if e.kind == EntityType::Person && m.kind == MentionKind::Name {
            let last = e.name.split([' ', '-']).next_back().unwrap_or("");
            if e.name.contains(' ') && last.chars().count() >= 4 && is_capitalised(last) {
                aliases.push((last.to_string(), m.entity));
            }
        }
        if matches!(e.kind, EntityType::Organization | EntityType::Media) {
            // Only a few bytes on: an acronym is short, and scanning the rest of the text
            // for a ')' made "Name (" repeated quadratic.
            let limit = crate::text::floor_char_boundary(
                text.original,
                (m.span.end + ACRONYM_LOOKAHEAD).min(text.original.len()),
            );
            let after = text.original.get(m.span.end..limit).unwrap_or("");
            if let Some((inner, _)) = after.strip_prefix(" (").and_then(|r| r.split_once(')')) {
                let letters = inner.chars().filter(|c| c.is_alphabetic()).count();
                if (2..=8).contains(&letters)
                    && inner
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c == '-' || c == '.')
                {
                    aliases.push((inner.to_string(), m.entity));
                }
            }
        }
        let _ = surface;
    }
    if aliases.is_empty() {
        return;
    }
    // One entity per alias, the first in order (as the lexicon would pick): the same
    // acronym after a thousand names must not be a thousand patterns matched at once.
    aliases.sort();
    aliases.dedup_by(|a, b| a.0 == b.0);
    let lexicon = Lexicon::new(aliases);
    for hit in lexicon.find_all(text) {
        if !found.covered(hit.span) {
            found.mentions.push(Mention {
                span: hit.span,
                entity: *hit.value,
                kind: MentionKind::Name,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::doc::Doc;
    use crate::kb::test_kb as kb;

    /// `(surface, entity id)` of every mention.
    fn mentions(text: &str) -> Vec<(String, String)> {
        let t = Doc::new(kb(), text);
        let e = extract(kb(), &t);
        e.mentions
            .iter()
            .map(|m| (t.slice(m.span).to_string(), e.entities[m.entity].id.clone()))
            .collect()
    }

    /// Each `(text, surface, id)`: `surface` is a mention of `id`.
    fn all_have(cases: &[(&str, &str, &str)]) {
        for (text, surface, id) in cases {
            assert!(has(text, surface, id), "{text}: {:?}", mentions(text));
        }
    }

    fn has(text: &str, surface: &str, id: &str) -> bool {
        mentions(text).iter().any(|(s, i)| s == surface && i == id)
    }

    #[test]
    fn aliases_merge_to_one_state() {
        let text = "Tehran warned that the Islamic Republic and Iranian officials were ready.";
        for s in ["Tehran", "Islamic Republic", "Iranian"] {
            assert!(
                mentions(text)
                    .iter()
                    .any(|(x, i)| x.contains(s) && i == "iran"),
                "{s}: {:?}",
                mentions(text)
            );
        }
    }

    #[test]
    fn metonym_or_place() {
        let cases = [
            ("Baku rejected the claim.", "Baku", "azerbaijan"),
            ("The embassy in Baku was closed.", "Baku", "baku"),
            ("Officials in Tehran said so.", "Tehran", "tehran"),
            (
                "Washington imposed sanctions.",
                "Washington",
                "united_states",
            ),
            // What an attitude is held toward is the state; a place's own "of" is not.
            ("There was sharp criticism of Ankara.", "Ankara", "turkey"),
            ("Their hostility toward Moscow grew.", "Moscow", "russia"),
            ("Concern over Yerevan grew.", "Yerevan", "armenia"),
            ("The streets of Ankara were quiet.", "Ankara", "ankara"),
            ("The road to Moscow was closed.", "Moscow", "moscow"),
        ];
        for (text, surface, id) in cases {
            assert!(has(text, surface, id), "{text}: {:?}", mentions(text));
        }
    }

    #[test]
    fn a_body_in_a_seat_of_government_is_the_state() {
        for (text, phrase, state, seat) in [
            (
                "The government in Ankara objected.",
                "government in Ankara",
                "turkey",
                "Ankara",
            ),
            (
                "Officials in Yerevan said no.",
                "Officials in Yerevan",
                "armenia",
                "Yerevan",
            ),
            (
                "He met the authorities in Moscow.",
                "authorities in Moscow",
                "russia",
                "Moscow",
            ),
        ] {
            let found = mentions(text);
            assert!(has(text, phrase, state), "{text}: {found:?}");
            assert!(has(text, seat, &seat.to_lowercase()), "{text}: {found:?}");
        }
        // A place with no ruling body before it stays only a place.
        let found = mentions("The talks in Ankara ended.");
        assert!(found.iter().all(|(s, _)| s == "Ankara"), "{found:?}");
    }

    #[test]
    fn outlets_are_not_states() {
        assert!(
            has(
                "The Tehran Times reported it.",
                "Tehran Times",
                "tehran_times"
            ),
            "{:?}",
            mentions("The Tehran Times reported it.")
        );
    }

    #[test]
    fn epithets_denote_their_state() {
        let text = "They met officials of the Zionist regime.";
        let t = Doc::new(kb(), text);
        let e = extract(kb(), &t);
        let m = e
            .mentions
            .iter()
            .find(|m| t.slice(m.span).contains("Zionist"))
            .expect("epithet found");
        assert_eq!(e.entities[m.entity].id, "israel");
        assert!(matches!(m.kind, MentionKind::Epithet { .. }));
    }

    /// The entity named `name` that `text` is found to hold; fails if there is none.
    fn entity_named(text: &str, name: &str) -> DocEntity {
        let t = Doc::new(kb(), text);
        let e = extract(kb(), &t);
        let found = e.entities.iter().find(|x| x.name == name).cloned();
        found.unwrap_or_else(|| panic!("{name} not found in {text}"))
    }

    #[test]
    fn unknown_person_after_a_role_takes_the_bloc_before_it() {
        let text = "The Iranian cleric Seyyed Qorban Zalimi spoke at length about it.";
        let p = entity_named(text, "Seyyed Qorban Zalimi");
        assert_eq!(p.kind, EntityType::Person);
        assert_eq!(p.bloc.as_deref(), Some("iran"));
    }

    #[test]
    fn a_person_takes_the_bloc_of_the_body_named_before_their_role() {
        for (text, bloc) in [
            ("Iranian Foreign Ministry spokesman Talos Verikou said the talks would go on.", "iran"),
            ("Israel's Defense Ministry official Talos Verikou said the talks would go on.", "israel"),
            ("The spokesman of Azerbaijan's Foreign Ministry, Talos Verikou, said the talks would go on.", "azerbaijan"),
        ] {
            let p = entity_named(text, "Talos Verikou");
            assert_eq!(p.bloc.as_deref(), Some(bloc), "{text}");
        }
    }

    #[test]
    fn an_envoy_belongs_to_the_state_that_sends_them() {
        for text in [
            "The ambassador of Iran to Armenia, Talos Verikou, said on Friday that talks would go on.",
            "Iran's ambassador to Armenia, Talos Verikou, said on Friday that talks would go on.",
            "The Iranian envoy to Armenia Talos Verikou said on Friday that talks would go on.",
        ] {
            let p = entity_named(text, "Talos Verikou");
            assert_eq!(p.bloc.as_deref(), Some("iran"), "{text}");
        }
        // Not an envoy: "to" names whom an adviser serves.
        let text = "Adviser to the Israeli prime minister, Talos Verikou, said on Friday that talks would go on.";
        let t = Doc::new(kb(), text);
        let e = extract(kb(), &t);
        let p = e.entities.iter().find(|x| x.name == "Talos Verikou");
        assert_eq!(p.and_then(|p| p.bloc.as_deref()), Some("israel"), "{text}");
    }

    #[test]
    fn a_state_in_another_phrase_does_not_place_a_person() {
        for (text, name) in [
            (
                "He raised the Iranian question with President Talos Verikou.",
                "Talos Verikou",
            ),
            (
                "The talks turned from Azerbaijani gas to President Orla Petrenko.",
                "Orla Petrenko",
            ),
            (
                "The envoy spoke about Israel and Senator Brin Halloway later.",
                "Brin Halloway",
            ),
        ] {
            let t = Doc::new(kb(), text);
            let e = extract(kb(), &t);
            let p = e
                .entities
                .iter()
                .find(|x| x.name == name)
                .unwrap_or_else(|| panic!("{name} found in {text}"));
            assert_eq!(p.bloc, None, "{text}");
        }
    }

    #[test]
    fn unknown_names_leave_out_possessives_ranks_and_time_words() {
        for (text, name) in [
            (
                "The Qorvand Ministry's spokesman spoke.",
                "Qorvand Ministry",
            ),
            (
                "Major Telmi Varsak of the border guard spoke.",
                "Telmi Varsak",
            ),
            (
                "Sergeant Odo Brannik said the post was quiet.",
                "Odo Brannik",
            ),
        ] {
            let t = Doc::new(kb(), text);
            let e = extract(kb(), &t);
            assert!(
                e.entities.iter().any(|x| x.name == name),
                "{text}: {:?}",
                e.entities
            );
        }
        for text in [
            "Earlier on Sunday, the talks resumed in Vienna.",
            "Later Today, the talks resumed.",
        ] {
            let t = Doc::new(kb(), text);
            let e = extract(kb(), &t);
            assert!(
                e.entities
                    .iter()
                    .all(|x| !x.name.contains("Sunday") && !x.name.contains("Today")),
                "{text}: {:?}",
                e.entities
            );
        }
        // Letters alone on a line are no one's name; a name with an initial still is.
        for (text, name) in [
            ("Preface.\n\nJ K\nThe talks resumed.", None),
            ("Preface.\n\nİ İ\nThe talks resumed.", None),
            ("Preface.\n\nÉ É\nThe talks resumed.", None),
            (
                "Preface.\n\nJ Qorvandi\nThe talks resumed.",
                Some("J Qorvandi"),
            ),
        ] {
            let t = Doc::new(kb(), text);
            let e = extract(kb(), &t);
            let people: Vec<&str> = e
                .entities
                .iter()
                .filter(|x| x.kind == EntityType::Person)
                .map(|x| x.name.as_str())
                .collect();
            assert_eq!(people, name.into_iter().collect::<Vec<_>>(), "{text}");
        }
    }

    #[test]
    fn heads_and_appositions_type_unknown_names() {
        let cases = [
            (
                "He landed at the Qorvand International Airport yesterday.",
                "Qorvand International Airport",
                EntityType::Place,
            ),
            (
                "They signed the Zelmar Treaty after long talks.",
                "Zelmar Treaty",
                EntityType::Policy,
            ),
            (
                "\u{201C}No,\u{201D} Arman Qazarian, Armenia's ambassador to Israel, said.",
                "Arman Qazarian",
                EntityType::Person,
            ),
        ];
        for (text, name, kind) in cases {
            let t = Doc::new(kb(), text);
            let e = extract(kb(), &t);
            let found = e.entities.iter().find(|x| x.name == name);
            assert_eq!(
                found.map(|x| x.kind),
                Some(kind),
                "{text}: {:?}",
                e.entities
            );
        }
    }

    #[test]
    fn collectives_are_bodies_of_their_own() {
        for (text, body) in [
            (
                "The Israeli government and Iranian state media disagreed.",
                "iranian_state_media",
            ),
            (
                "Azerbaijani media and the Trump administration spoke.",
                "trump_administration",
            ),
        ] {
            let ms = mentions(text);
            assert!(ms.iter().any(|(_, id)| id == body), "{text}: {ms:?}");
        }
        // A state's own government or army is the state.
        for text in [
            "The Israeli government and Iranian state media disagreed.",
            "The Turkish government and the Armenian government both replied.",
        ] {
            let ms = mentions(text);
            assert!(
                ms.iter().all(|(s, _)| !s.contains("government")),
                "{text}: {ms:?}"
            );
            assert!(has(text, "Israeli", "israel") || has(text, "Turkish", "turkey"));
        }
    }

    #[test]
    fn apposition_gives_a_bloc() {
        let text = "Leila Qorvina, spokeswoman for the Foreign Ministry of Azerbaijan, said so.";
        let t = Doc::new(kb(), text);
        let e = extract(kb(), &t);
        let p = e
            .entities
            .iter()
            .find(|x| x.name == "Leila Qorvina")
            .expect("person found");
        assert_eq!(p.bloc.as_deref(), Some("azerbaijan"));
    }

    #[test]
    fn a_person_mention_takes_in_its_role_and_nests_the_state() {
        let text = "Iranian Foreign Minister Hossein Amir-Abdollahian spoke first.";
        let ms = mentions(text);
        assert!(
            ms.contains(&(
                "Iranian Foreign Minister Hossein Amir-Abdollahian".into(),
                "hossein_amir_abdollahian".into()
            )),
            "{ms:?}"
        );
        assert!(ms.contains(&("Iranian".into(), "iran".into())), "{ms:?}");
        let text = "Azerbaijani President Ilham Aliyev said so.";
        let ms = mentions(text);
        assert_eq!(
            ms.iter().filter(|(_, id)| id == "ilham_aliyev").count(),
            1,
            "{ms:?}"
        );
    }

    #[test]
    fn surname_alone_is_the_same_person() {
        let text = "The analyst Jonathan Qwerty wrote a report. Later, Qwerty added more.";
        let ms = mentions(text);
        let ids: Vec<&String> = ms
            .iter()
            .filter(|(s, _)| s.contains("Qwerty"))
            .map(|(_, i)| i)
            .collect();
        assert_eq!(ids.len(), 2, "{ms:?}");
        assert_eq!(ids[0], ids[1]);
    }

    #[test]
    fn bracketed_acronym_is_an_alias() {
        let text = "The Zorblat Institute for Peace (ZIP) published it. ZIP said more.";
        let ms = mentions(text);
        let zip: Vec<_> = ms.iter().filter(|(s, _)| s == "ZIP").collect();
        assert!(!zip.is_empty(), "{ms:?}");
        assert!(
            zip.iter()
                .all(|(_, id)| id == "zorblat_institute_for_peace"),
            "{ms:?}"
        );
    }

    #[test]
    fn unknown_organisation_grows_over_its_state_word() {
        let text = "The Azerbaijani Ministry of Ecology issued a statement.";
        assert!(
            has(
                text,
                "Azerbaijani Ministry of Ecology",
                "ministry_of_ecology"
            ),
            "{:?}",
            mentions(text)
        );
    }

    #[test]
    fn datelines_are_places_in_any_case() {
        for (text, surface) in [
            ("BAKU, May 2 (Trend) - The talks went on.", "BAKU"),
            ("Tehran, March 4 (IRNA) - Officials met again.", "Tehran"),
            ("Baku, Azerbaijan, 27 June. The ministry spoke.", "Baku"),
            ("Yerevan (AFP) \u{2013} The vote was held.", "Yerevan"),
            ("Ankara - Ministers gathered on Monday.", "Ankara"),
        ] {
            let ms = mentions(text);
            let id = ms
                .iter()
                .find(|(s, _)| s == surface)
                .map(|(_, i)| i.as_str());
            assert!(
                matches!(id, Some("baku" | "tehran" | "yerevan" | "ankara")),
                "{text}: {ms:?}"
            );
        }
        // At the start of a line but acting: the state.
        all_have(&[
            (
                "Tehran, for its part, rejected the claim.",
                "Tehran",
                "iran",
            ),
            ("Baku warned Yerevan again.", "Baku", "azerbaijan"),
        ]);
    }

    #[test]
    fn one_side_of_a_pair_is_the_state() {
        all_have(&[
            (
                "He wrote on the depth of Baku-Ankara ties.",
                "Baku",
                "azerbaijan",
            ),
            (
                "The scope of Tehran-Moscow relations grew.",
                "Tehran",
                "iran",
            ),
            ("A Baku-based group sued.", "Baku", "baku"),
        ]);
    }

    #[test]
    fn based_on_does_not_place_a_capital() {
        for text in [
            "She called ties with Tehran based on mutual respect.",
            "Its bond with Baku based on trade was praised.",
        ] {
            let ms = mentions(text);
            assert!(
                ms.iter().any(|(_, i)| i == "iran" || i == "azerbaijan"),
                "{text}: {ms:?}"
            );
            assert!(
                ms.iter().all(|(_, i)| i != "tehran" && i != "baku"),
                "{text}: {ms:?}"
            );
        }
    }

    /// `name` is found in `text` as an entity of `kind`.
    fn assert_kind(text: &str, name: &str, kind: EntityType) {
        let t = Doc::new(kb(), text);
        let e = extract(kb(), &t);
        let found = e.entities.iter().find(|x| x.name == name).map(|x| x.kind);
        assert_eq!(found, Some(kind), "{text}: {:?}", e.entities);
    }

    /// The persons found in `text`, by name.
    fn persons(text: &str) -> Vec<String> {
        let t = Doc::new(kb(), text);
        extract(kb(), &t)
            .entities
            .into_iter()
            .filter(|x| x.kind == EntityType::Person)
            .map(|x| x.name)
            .collect()
    }

    /// Each `(text, name)`: `name` is a person of `text` when `found`, else it is not.
    fn check_persons(found: bool, cases: &[(&str, &str)]) {
        for (text, name) in cases {
            let all = persons(text);
            assert_eq!(all.iter().any(|p| p == name), found, "{text}: {all:?}");
        }
    }

    #[test]
    fn a_name_alone_on_a_line_under_the_title_is_the_author() {
        check_persons(
            true,
            &[
                (
                    "Talks stall again\nMirza Qalandarov\nThe talks stalled.",
                    "Mirza Qalandarov",
                ),
                (
                    "Why the border matters\n\nOlena Varkasova\n\nIt matters.",
                    "Olena Varkasova",
                ),
                (
                    "A headline here\nJane Tirrel Okafor\nShe writes.",
                    "Jane Tirrel Okafor",
                ),
            ],
        );
        // The title itself, a long line, or a name deep in the text is not a byline.
        let far = format!(
            "Title\n{}\nMirza Qalandarov\nText.",
            "words here. ".repeat(80)
        );
        check_persons(
            false,
            &[
                ("Border Tensions\nThe talks stalled.", "Border Tensions"),
                (
                    "Title\nRegional Outlook For Next Year\nText.",
                    "Regional Outlook For Next Year",
                ),
                (&far, "Mirza Qalandarov"),
            ],
        );
    }

    #[test]
    fn prose_with_many_names_is_not_a_headline() {
        check_persons(
            true,
            &[
                ("Scholars, and Green Union Party Chairman, Deputy Rauf Kazimli attended the event.", "Rauf Kazimli"),
                ("Guests and Liberal Party Leader, Senator Ilse Marveen spoke at the forum.", "Ilse Marveen"),
            ],
        );
        // A Title Case headline still names no one.
        let text = "Varnia Minister Warns Zorblat Over Border Drills";
        assert!(persons(text).is_empty(), "{:?}", persons(text));
    }

    #[test]
    fn a_portfolio_after_a_role_is_not_the_name() {
        check_persons(
            true,
            &[
                (
                    "They met Minister of Industry and Trade Olek Varga on Monday.",
                    "Olek Varga",
                ),
                (
                    "The Minister of Culture Tamsin Oduya opened it.",
                    "Tamsin Oduya",
                ),
                (
                    "He and Deputy Minister of Foreign Affairs Rasim Quliev spoke.",
                    "Rasim Quliev",
                ),
            ],
        );
        let text = "The Minister of Defense spoke to reporters.";
        assert!(persons(text).is_empty(), "{:?}", persons(text));
    }

    #[test]
    fn messaging_services_are_media() {
        for (text, id) in [
            ("A clip spread on Telegram channels overnight.", "telegram"),
            ("He posted the video on YouTube and Facebook.", "youtube"),
            ("The group wrote on Telegram that it was over.", "telegram"),
        ] {
            let ms = mentions(text);
            assert!(ms.iter().any(|(_, i)| i == id), "{text}: {ms:?}");
        }
    }

    #[test]
    fn known_events_named_by_description() {
        all_have(&[
            (
                "Gunmen stormed the building in the Azerbaijani embassy attack last winter.",
                "Azerbaijani embassy attack",
                "embassy_attack_2023",
            ),
            (
                "After the attack on Azerbaijan's embassy in Tehran, Baku recalled staff.",
                "attack on Azerbaijan's embassy in Tehran",
                "embassy_attack_2023",
            ),
            (
                "The helicopter crash near the border killed nine people.",
                "helicopter crash",
                "raisi_helicopter_crash",
            ),
        ]);
    }

    #[test]
    fn former_soviet_states_name_the_soviet_union() {
        let text = "Fighting between two former Soviet republics worried Ankara.";
        assert!(
            mentions(text).iter().any(|(_, id)| id == "soviet_union"),
            "{:?}",
            mentions(text)
        );
    }

    #[test]
    fn a_capital_before_an_event_noun_is_where_it_happened() {
        all_have(&[
            (
                "He spoke at a May 5 Ankara press conference.",
                "Ankara",
                "ankara",
            ),
            ("The Baku summit ended early.", "Baku", "baku"),
            ("Tehran residents queued for fuel.", "Tehran", "tehran"),
            ("Moscow summoned the envoy.", "Moscow", "russia"),
        ]);
    }

    #[test]
    fn a_codenamed_operation_is_an_event() {
        for (text, name) in [
            (
                "The army began a drill codenamed Silver Heron near the river.",
                "Silver Heron",
            ),
            (
                "Troops joined an operation code-named Iron Lark on Monday.",
                "Iron Lark",
            ),
        ] {
            assert_kind(text, name, EntityType::Event);
        }
    }

    #[test]
    fn american_states_and_cities_are_places() {
        all_have(&[
            ("An editor from Ohio was interviewed.", "Ohio", "ohio"),
            (
                "A rabbi in Los Angeles signed it.",
                "Los Angeles",
                "los_angeles",
            ),
            (
                "The ministers met in West Jerusalem.",
                "West Jerusalem",
                "west_jerusalem",
            ),
        ]);
    }

    #[test]
    fn a_byline_of_two_names_is_two_people() {
        check_persons(
            true,
            &[
                (
                    "Talks resume\n\nBy Mirza Qalandarov and Olena Varkasova\n\nThe talks resumed.",
                    "Mirza Qalandarov",
                ),
                (
                    "Talks resume\n\nBy Mirza Qalandarov and Olena Varkasova\n\nThe talks resumed.",
                    "Olena Varkasova",
                ),
                (
                    "A new deal\nBy Tamsin Oduya and Rasim Quliev | Some Daily\nIt was signed.",
                    "Rasim Quliev",
                ),
            ],
        );
    }

    #[test]
    fn a_capital_named_by_description() {
        all_have(&[
            (
                "Protesters gathered in the Azeri capital on Friday.",
                "the Azeri capital",
                "baku",
            ),
            (
                "Crowds filled the streets in the Iranian capital.",
                "the Iranian capital",
                "tehran",
            ),
            (
                "A drone fell on the Nakhchivan airport.",
                "Nakhchivan airport",
                "nakhchivan_airport",
            ),
        ]);
    }

    #[test]
    fn a_states_military_or_intelligence_is_the_state() {
        for (text, state) in [
            ("The Iranian military held drills near the border.", "iran"),
            ("Turkey's military presence in the region grew.", "turkey"),
            (
                "He worked closely with Israeli intelligence for years.",
                "israel",
            ),
        ] {
            let ms = mentions(text);
            assert!(ms.iter().any(|(_, id)| id == state), "{text}: {ms:?}");
            assert!(
                ms.iter()
                    .all(|(s, _)| !s.contains("military") && !s.contains("intelligence")),
                "{text}: {ms:?}"
            );
        }
    }

    #[test]
    fn a_name_after_a_role_phrase_or_named_is_a_person() {
        check_persons(
            true,
            &[
                (
                    "It was led by the head of the Varnia Fund in Paris, Olek Varga, last week.",
                    "Olek Varga",
                ),
                (
                    "Guests included the chief rabbi of the city, Tamsin Oduya, and others.",
                    "Tamsin Oduya",
                ),
                (
                    "Police held a smuggler named Rasim Quliev at the border.",
                    "Rasim Quliev",
                ),
            ],
        );
        // A comma alone, or "code-named", is not enough.
        check_persons(
            false,
            &[
                (
                    "After the long talks in spring, Olek Varga left.",
                    "Olek Varga",
                ),
                ("An operation code-named Iron Lark began.", "Iron Lark"),
            ],
        );
    }

    #[test]
    fn a_known_name_inside_a_longer_body_is_part_of_it() {
        for (text, body, gone) in [
            (
                "Members of the World Congress of Azerbaijanis protested.",
                "World Congress of Azerbaijanis",
                "us_congress",
            ),
            (
                "The Southern Azerbaijan Independence Party joined the rally.",
                "Southern Azerbaijan Independence Party",
                "iranian_azerbaijan",
            ),
        ] {
            let ms = mentions(text);
            assert!(ms.iter().any(|(s, _)| s == body), "{text}: {ms:?}");
            assert!(ms.iter().all(|(_, id)| id != gone), "{text}: {ms:?}");
        }
        // A state inside stays a mention of the state.
        let text = "Members of the World Congress of Azerbaijanis protested.";
        assert!(
            has(text, "Azerbaijanis", "azerbaijan"),
            "{:?}",
            mentions(text)
        );
    }

    #[test]
    fn a_place_absorbed_into_a_body_is_not_listed() {
        let text = "The Southern Azerbaijan Independence Party joined the rally.";
        let t = Doc::new(kb(), text);
        let e = extract(kb(), &t);
        assert!(
            e.entities
                .iter()
                .all(|x| x.id != "iranian_azerbaijan" && x.mentions > 0),
            "{:?}",
            e.entities
        );
        for m in &e.mentions {
            assert!(m.entity < e.entities.len());
        }
    }

    #[test]
    fn the_capital_an_envoy_is_sent_to_is_the_state() {
        all_have(&[
            (
                "He met the Varnian Ambassador to Tehran on Monday.",
                "Tehran",
                "iran",
            ),
            ("Its envoy to Baku was recalled.", "Baku", "azerbaijan"),
            ("She flew to Baku on Monday.", "Baku", "baku"),
        ]);
    }

    #[test]
    fn a_name_after_an_outlet_noun_is_an_outlet() {
        for (text, name) in [
            (
                "It was first reported by the Varnian news site Kestria Today.",
                "Kestria Today",
            ),
            (
                "A source told the Saudi website Qalamuna that drills began.",
                "Qalamuna",
            ),
            (
                "According to the daily Morgenpost Zorblat, talks failed.",
                "Morgenpost Zorblat",
            ),
        ] {
            assert_kind(text, name, EntityType::Media);
        }
    }
}
