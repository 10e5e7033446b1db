//! A dictionary of phrases compiled into a trie (a finite-state transducer) over folded
//! text.
//!
//! Every word list of the knowledge base (entity aliases, stance cues, speech verbs…) is
//! a `Lexicon<T>`: patterns with a value each. Matching is whole-word, leftmost-longest
//! among the matches that pass the word-boundary and capitalisation checks — so a
//! longer pattern that fails its check does not hide a shorter one that passes.
//!
//! A match can only begin where a word can (see `match_starts`), so the trie is walked
//! from those places alone, each walk as long as the longest pattern at most: linear in
//! the text, and no work at all inside words.

use std::fmt;
use std::sync::OnceLock;

use fst::raw::Fst;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::text::{fold, is_word_char, Span, Text};

/// How a pattern's capitalisation constrains the text it matches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum CaseRule {
    /// Lower-case pattern: any case matches.
    Any,
    /// Short all-capitals pattern ("US", "IRGC"): must match letter for letter.
    Exact(String),
    /// The first word that starts with a capital in the pattern must start with one in
    /// the text (by word position); later words may be lower case in running text.
    Capitals(Vec<bool>),
    /// Every word that starts with a capital in the pattern must start with one in the
    /// text: for framing, where the capital is the style ("the Azerbaijani Army").
    EveryCapital(Vec<bool>),
}

#[derive(Serialize, Deserialize)]
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

/// Distinct keys, each with its members (indexes, in the order given): the one
/// structure both a lexicon and the knowledge base's scanner walk.
#[derive(Serialize, Deserialize)]
pub(crate) struct Trie {
    keys: Keys,
    /// Key `k`'s members are `members[by_key[k]..by_key[k + 1]]`. Stored as each key's
    /// count of members, nearly all ones, which compress where the offsets do not.
    #[serde(with = "counts")]
    by_key: Vec<u32>,
    members: Vec<u32>,
}

/// Up to this many keys are tried one by one; more go into a transducer. Building one
/// costs a fixed megabyte of table, too much for the few surnames and acronyms a document
/// adds (`entities::document_aliases`), while trying every key at every start grows with
/// the keys.
const FEW_KEYS: usize = 32;

#[derive(Serialize, Deserialize)]
enum Keys {
    /// Each key with its number, and which bytes start one.
    Few(Vec<(Vec<u8>, usize)>, [u64; 4]),
    /// A finite-state transducer mapping each key to its number (`None` if it could not
    /// be built, which sorted distinct keys in memory never are).
    Many(Option<Transducer>),
}

/// The transducer, and the same trie laid out for the walk (`Flat`): the transducer is
/// what is stored, the flat layout what is walked.
struct Transducer {
    fst: Fst<Vec<u8>>,
    flat: Flat,
}

/// A transducer's nodes laid out at start-up, so that a step of the walk reads a node
/// where it lies instead of decoding it (fst packs each node in one of several encodings,
/// decoded on every step: with the nodes near the root laid out and the rest decoded, the
/// decoding was two fifths of the scanner's time natively). Compact, since the walk is
/// bound by the memory it reads (every node laid out as a record of its own gained
/// nothing over decoding most of them): a run of nodes with one transition each and no other way in,
/// final only at its ends (most of a key past its first bytes), is one record, whose bytes
/// are compared with the text at once. Records are laid out depth first, each one's first
/// child right after it. The root's transitions are laid out by byte: every walk takes
/// one, and the root has one for nearly every letter.
struct Flat {
    /// Record after record, each at an offset (what a transition's target is): a tag
    /// (`FINAL`, `CHAIN`) and, if final, the final output (four bytes, little-endian);
    /// then a chain, its number of bytes `n` (one byte), those `n` input bytes and its
    /// target and output on the way (four bytes each); or else its number of transitions
    /// `n` (two bytes), their `n` input bytes, then their `n` targets and outputs.
    bytes: Vec<u8>,
    /// For each first byte, the target and the output on the way (`NO_NODE` when no key
    /// starts with it).
    root: Box<[(u32, u32)]>,
}

const NO_NODE: u32 = u32::MAX;
/// A record's tag: the node is final (its final output follows).
const FINAL: u8 = 1;
/// A record's tag: a chain of single transitions.
const CHAIN: u8 = 2;

/// The little-endian `u32` at `at` in `bytes`.
#[inline]
fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let mut word = [0; 4];
    word.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(word)
}

impl Flat {
    /// Every node but the root, each decoded twice: once to count the ways into it, once
    /// to lay it out. Outputs are key numbers, which fit in 32 bits (`Trie::by_key` holds
    /// them so too), and so do the offsets.
    fn new(fst: &Fst<Vec<u8>>) -> Flat {
        let root = fst.root();
        // Ways into each node, by address (every address is a byte of the transducer).
        let mut ways_in = vec![0u32; fst.as_bytes().len() + 1];
        let mut stack = vec![root.addr()];
        while let Some(addr) = stack.pop() {
            for t in fst.node(addr).transitions() {
                ways_in[t.addr] += 1;
                if ways_in[t.addr] == 1 {
                    stack.push(t.addr);
                }
            }
        }
        let mut offset = vec![NO_NODE; ways_in.len()];
        let mut bytes = Vec::with_capacity(2 * fst.as_bytes().len());
        // Where a target is written, and the address of its node.
        let mut targets: Vec<(usize, usize)> = Vec::new();
        let mut edges: Vec<(usize, u32)> = Vec::new();
        let mut inputs: Vec<u8> = Vec::new();
        let mut stack: Vec<usize> = root.transitions().map(|t| t.addr).collect();
        stack.reverse();
        while let Some(addr) = stack.pop() {
            if offset[addr] != NO_NODE {
                continue;
            }
            offset[addr] = bytes.len() as u32;
            let node = fst.node(addr);
            let final_tag = if node.is_final() { FINAL } else { 0 };
            let chain_tag = if node.len() == 1 { CHAIN } else { 0 };
            bytes.push(final_tag | chain_tag);
            if node.is_final() {
                bytes.extend((node.final_output().value() as u32).to_le_bytes());
            }
            if node.len() == 1 {
                let t = node.transition(0);
                let (mut out, mut next) = (t.out.value(), t.addr);
                inputs.clear();
                inputs.push(t.inp);
                loop {
                    let inner = fst.node(next);
                    let ends = inner.is_final() || inner.len() != 1 || ways_in[next] != 1;
                    if ends || inputs.len() == usize::from(u8::MAX) {
                        break;
                    }
                    let t = inner.transition(0);
                    inputs.push(t.inp);
                    out += t.out.value();
                    next = t.addr;
                }
                bytes.push(inputs.len() as u8);
                bytes.extend(&inputs);
                targets.push((bytes.len(), next));
                bytes.extend(NO_NODE.to_le_bytes());
                bytes.extend((out as u32).to_le_bytes());
                stack.push(next);
            } else {
                bytes.extend((node.len() as u16).to_le_bytes());
                edges.clear();
                for t in node.transitions() {
                    bytes.push(t.inp);
                    edges.push((t.addr, t.out.value() as u32));
                }
                for &(addr, out) in &edges {
                    targets.push((bytes.len(), addr));
                    bytes.extend(NO_NODE.to_le_bytes());
                    bytes.extend(out.to_le_bytes());
                }
                stack.extend(edges.iter().rev().map(|e| e.0));
            }
        }
        for (at, addr) in targets {
            bytes[at..at + 4].copy_from_slice(&offset[addr].to_le_bytes());
        }
        let mut table = vec![(NO_NODE, 0); 256].into_boxed_slice();
        for t in root.transitions() {
            table[usize::from(t.inp)] = (offset[t.addr], t.out.value() as u32);
        }
        Flat { bytes, root: table }
    }
}

impl Transducer {
    fn new(fst: Fst<Vec<u8>>) -> Transducer {
        let flat = Flat::new(&fst);
        Transducer { fst, flat }
    }
}

/// Stored as the transducer's bytes, which are loaded as they are (no rebuilding); the
/// flat layout is made again.
impl Serialize for Transducer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.fst.as_bytes())
    }
}

impl<'de> Deserialize<'de> for Transducer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Transducer, D::Error> {
        struct Bytes;
        impl Visitor<'_> for Bytes {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("the bytes of a transducer")
            }
            fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Vec<u8>, E> {
                Ok(bytes.to_vec())
            }
            fn visit_byte_buf<E: de::Error>(self, bytes: Vec<u8>) -> Result<Vec<u8>, E> {
                Ok(bytes)
            }
        }
        let bytes = deserializer.deserialize_byte_buf(Bytes)?;
        let fst = Fst::new(bytes).map_err(de::Error::custom)?;
        Ok(Transducer::new(fst))
    }
}

impl Trie {
    /// From `(key, member)` pairs.
    pub(crate) fn new(pairs: Vec<(&str, u32)>) -> Trie {
        let (distinct, by_key, members) = Trie::sorted(pairs);
        let keys = if distinct.len() <= FEW_KEYS {
            let mut first = [0u64; 4];
            for key in &distinct {
                first[usize::from(key[0] >> 6)] |= 1 << (key[0] & 63);
            }
            let numbered = distinct.iter().enumerate().map(|(i, k)| (k.to_vec(), i));
            Keys::Few(numbered.collect(), first)
        } else {
            let mut builder = fst::raw::Builder::memory();
            let ok = distinct
                .iter()
                .enumerate()
                .all(|(i, k)| builder.insert(k, i as u64).is_ok());
            let fst = ok
                .then(|| builder.into_inner().ok())
                .flatten()
                .and_then(|bytes| Fst::new(bytes).ok());
            Keys::Many(fst.map(Transducer::new))
        };
        Trie {
            keys,
            by_key,
            members,
        }
    }

    /// The distinct keys of `(key, member)` pairs in order, and each one's members.
    fn sorted(mut pairs: Vec<(&str, u32)>) -> (Vec<&[u8]>, Vec<u32>, Vec<u32>) {
        pairs.sort_unstable();
        let mut distinct: Vec<&[u8]> = Vec::new();
        let mut by_key = Vec::new();
        let mut members = Vec::with_capacity(pairs.len());
        for (i, (key, member)) in pairs.iter().enumerate() {
            if i == 0 || pairs[i - 1].0 != *key {
                distinct.push(key.as_bytes());
                by_key.push(members.len() as u32);
            }
            members.push(*member);
        }
        by_key.push(members.len() as u32);
        (distinct, by_key, members)
    }

    /// The bytes of the transducer, if the trie has one: what `with_transducer` takes
    /// for the same pairs.
    pub(crate) fn transducer_bytes(&self) -> Option<&[u8]> {
        match &self.keys {
            Keys::Many(Some(t)) => Some(t.fst.as_bytes()),
            _ => None,
        }
    }

    /// The trie `new` makes of `pairs`, with the transducer it built of their keys before
    /// (`transducer_bytes`), which is far quicker than building it again; `None` if the
    /// transducer is not one of as many keys.
    pub(crate) fn with_transducer(pairs: Vec<(&str, u32)>, bytes: Vec<u8>) -> Option<Trie> {
        let (distinct, by_key, members) = Trie::sorted(pairs);
        let fst = Fst::new(bytes).ok()?;
        (distinct.len() > FEW_KEYS && fst.len() == distinct.len()).then(|| Trie {
            keys: Keys::Many(Some(Transducer::new(fst))),
            by_key,
            members,
        })
    }

    /// The places in a folded text where a key of a trie of few keys may start: where a
    /// whole-word match may (`match_starts`) and the byte there starts a key. Found byte by
    /// byte, and only the few bytes that start a key are looked at further (a key starts
    /// with a character's first byte, so such a byte is where a character starts). Not
    /// for a transducer, whose keys start with nearly every letter: `match_starts` finds
    /// those faster.
    ///
    /// Calls `each` with every such place, in order, and says whether the trie has few
    /// keys (`false`, for a transducer: none were looked for). A plain loop, so that the test of each byte is inlined into it (as an
    /// iterator's closure it was a call per byte of the text in wasm).
    #[inline]
    pub(crate) fn few_starts(&self, folded: &str, mut each: impl FnMut(usize)) -> bool {
        let Keys::Few(_, first) = &self.keys else {
            return false;
        };
        for (i, &b) in folded.as_bytes().iter().enumerate() {
            if first[usize::from(b >> 6)] & (1 << (b & 63)) != 0 && may_start_at(folded, i) {
                each(i);
            }
        }
        true
    }

    /// Calls `found(end, member)` for every key that starts at `start` in `hay`.
    #[inline]
    pub(crate) fn walk(&self, hay: &[u8], start: usize, mut found: impl FnMut(usize, usize)) {
        let mut key_found = |end: usize, key: usize| {
            let (a, z) = (self.by_key[key] as usize, self.by_key[key + 1] as usize);
            for &m in &self.members[a..z] {
                found(end, m as usize);
            }
        };
        let rest = &hay[start..];
        match &self.keys {
            Keys::Few(keys, first) => {
                if rest
                    .first()
                    .is_some_and(|&b| first[usize::from(b >> 6)] & (1 << (b & 63)) != 0)
                {
                    // The first byte first: most keys differ there, and comparing it
                    // costs no call.
                    for (key, i) in keys {
                        if key.first() == rest.first() && rest.starts_with(key) {
                            key_found(start + key.len(), *i);
                        }
                    }
                }
            }
            Keys::Many(None) => {}
            Keys::Many(Some(Transducer { flat, .. })) => {
                let Some(&first) = rest.first() else {
                    return;
                };
                let (mut node, mut out) = flat.root[usize::from(first)];
                if node == NO_NODE {
                    return;
                }
                let bytes = &flat.bytes[..];
                // `i` bytes read.
                let mut i = 1;
                loop {
                    let mut at = node as usize;
                    let tag = bytes[at];
                    at += 1;
                    if tag & FINAL != 0 {
                        key_found(start + i, (out + u32_at(bytes, at)) as usize);
                        at += 4;
                    }
                    let edge = if tag & CHAIN != 0 {
                        let n = usize::from(bytes[at]);
                        let inputs = &bytes[at + 1..at + 1 + n];
                        if rest.get(i..i + n) != Some(inputs) {
                            return;
                        }
                        i += n;
                        at + 1 + n
                    } else {
                        let n = usize::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]));
                        let inputs = &bytes[at + 2..at + 2 + n];
                        let Some(j) = rest
                            .get(i)
                            .and_then(|&b| inputs.iter().position(|&x| x == b))
                        else {
                            return;
                        };
                        i += 1;
                        at + 2 + n + 8 * j
                    };
                    node = u32_at(bytes, edge);
                    out += u32_at(bytes, edge + 4);
                }
            }
        }
    }
}

/// Offsets from 0 stored as the differences between them.
mod counts {
    use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(offsets: &[u32], serializer: S) -> Result<S::Ok, S::Error> {
        let counts: Vec<u32> = offsets.windows(2).map(|w| w[1] - w[0]).collect();
        counts.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u32>, D::Error> {
        let counts = Vec::<u32>::deserialize(deserializer)?;
        let mut offsets = Vec::with_capacity(counts.len() + 1);
        offsets.push(0u32);
        let mut at = 0u32;
        for n in counts {
            at = at
                .checked_add(n)
                .ok_or_else(|| de::Error::custom("member offsets overflow"))?;
            offsets.push(at);
        }
        Ok(offsets)
    }
}

#[derive(Serialize, Deserialize)]
pub struct Lexicon<T> {
    /// Built on the first `find_all`: the knowledge base's lexicons are found by its
    /// scanner (`KnowledgeBase::hits`), all in one walk, and need none of their own.
    #[serde(skip)]
    trie: OnceLock<Trie>,
    /// Each entry's pattern, folded: by `new`, or from the patterns for a lexicon read
    /// back from the compact form (`kb::compact`), where only its own trie needs them.
    #[serde(skip)]
    folded: OnceLock<Vec<String>>,
    entries: Vec<Entry<T>>,
    /// The patterns as written (without a trailing `*`), for tests that try every one.
    patterns: Vec<String>,
}

impl<T> Lexicon<T> {
    /// The same lexicon with every capital of a pattern required in the text, not only
    /// its first.
    pub fn with_every_capital(mut self) -> Lexicon<T> {
        for e in &mut self.entries {
            if let CaseRule::Capitals(caps) = &e.case {
                e.case = CaseRule::EveryCapital(caps.clone());
            }
        }
        self
    }

    /// Compiles `(pattern, value)` pairs. Empty patterns are skipped.
    pub fn new(rows: impl IntoIterator<Item = (String, T)>) -> Lexicon<T> {
        let mut folded_all = Vec::new();
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
            folded_all.push(folded);
            written.push(body.to_string());
            entries.push(Entry {
                value,
                prefix,
                case: case_rule(body),
            });
        }
        Lexicon {
            trie: OnceLock::new(),
            folded: OnceLock::from(folded_all),
            entries,
            patterns: written,
        }
    }

    /// Every pattern as `new` takes it (a prefix pattern with its `*`), with its value: what
    /// the compact form of the built-in knowledge base stores (`kb::compact`).
    pub(crate) fn rows(&self) -> impl Iterator<Item = (String, &T)> {
        self.patterns.iter().zip(&self.entries).map(|(p, e)| {
            let pattern = if e.prefix { format!("{p}*") } else { p.clone() };
            (pattern, &e.value)
        })
    }

    /// The lexicon of `rows` that `new` has compiled before (the compact form's), without
    /// folding the patterns: only the lexicon's own trie needs them (`keys`).
    pub(crate) fn compiled(rows: impl ExactSizeIterator<Item = (String, T)>) -> Lexicon<T> {
        let mut written = Vec::with_capacity(rows.len());
        let mut entries = Vec::with_capacity(rows.len());
        for (pattern, value) in rows {
            let (body, prefix) = match pattern.strip_suffix('*') {
                Some(b) => (b.trim_end(), true),
                None => (pattern.as_str(), false),
            };
            entries.push(Entry {
                value,
                prefix,
                case: case_rule(body),
            });
            written.push(if prefix { body.to_string() } else { pattern });
        }
        Lexicon {
            trie: OnceLock::new(),
            folded: OnceLock::new(),
            entries,
            patterns: written,
        }
    }

    /// Every entry's folded pattern with its index, for a trie over several lexicons.
    pub(crate) fn keys(&self) -> impl Iterator<Item = (&str, usize)> {
        let folded = self
            .folded
            .get_or_init(|| self.patterns.iter().map(|p| fold(p)).collect());
        folded.iter().enumerate().map(|(i, f)| (f.as_str(), i))
    }

    fn trie(&self) -> &Trie {
        self.trie
            .get_or_init(|| Trie::new(self.keys().map(|(k, i)| (k, i as u32)).collect()))
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

    /// All non-overlapping whole-word matches, leftmost-longest, in text order.
    pub fn find_all<'l>(&'l self, text: &Text) -> Vec<Hit<'l, T>> {
        let trie = self.trie();
        let hay = text.folded.as_bytes();
        let mut valid = Vec::new();
        let mut walk = |start: usize| {
            trie.walk(hay, start, |end, entry| {
                self.accept(text, start, end, entry, &mut valid)
            })
        };
        if !trie.few_starts(&text.folded, &mut walk) {
            match_starts(&text.folded).for_each(&mut walk);
        }
        self.select(text, valid)
    }

    /// Keeps the match of `entry` from `start` to `end` in `valid` if it passes the right
    /// word boundary and the capitalisation rule (a prefix pattern takes in the rest of
    /// its word).
    #[inline]
    pub(crate) fn accept(
        &self,
        text: &Text,
        start: usize,
        end: usize,
        entry: usize,
        valid: &mut Vec<(usize, usize, usize)>,
    ) {
        let e = &self.entries[entry];
        let end = if e.prefix {
            extend_word(&text.folded, end)
        } else {
            end
        };
        if !whole_word_end(&text.folded, end, e.prefix) {
            return;
        }
        if !matches!(e.case, CaseRule::Any)
            && !e.case.accepts(text.slice(text.original_span(start, end)))
        {
            return;
        }
        valid.push((start, end, entry));
    }

    /// The hits among `valid` matches: leftmost, then longest, then the pattern listed
    /// first.
    pub(crate) fn select<'l>(
        &'l self,
        text: &Text,
        mut valid: Vec<(usize, usize, usize)>,
    ) -> Vec<Hit<'l, T>> {
        valid.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut hits = Vec::new();
        let mut covered = 0;
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

fn starts_upper(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// Whether a whole-word match may start at byte `i` of a folded text, as `match_starts`
/// says: `i` starts a character, not between two word characters.
#[inline]
fn may_start_at(folded: &str, i: usize) -> bool {
    let bytes = folded.as_bytes();
    let Some(&b) = bytes.get(i) else {
        return false;
    };
    if i == 0 {
        return true;
    }
    let before = bytes[i - 1];
    if b.is_ascii() && before.is_ascii() {
        let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        return !(word(b) && word(before));
    }
    let (Some(head), Some(rest)) = (folded.get(..i), folded.get(i..)) else {
        return false;
    };
    let after_word = head.chars().next_back().is_some_and(is_word_char);
    !(after_word && rest.chars().next().is_some_and(is_word_char))
}

/// The byte offsets of a folded text where a whole-word match may start: everywhere but
/// between two word characters.
pub fn match_starts(folded: &str) -> impl Iterator<Item = usize> + '_ {
    let mut after_word = false;
    folded.char_indices().filter_map(move |(i, c)| {
        let word = is_word_char(c);
        let start = !(word && after_word);
        after_word = word;
        start.then_some(i)
    })
}

fn case_rule(pattern: &str) -> CaseRule {
    // One pass (the compact knowledge base makes every rule at start-up): the letters,
    // whether all are capitals, and which words start with a capital, as bits.
    // Nearly every pattern is ASCII, read faster byte by byte.
    let (letters, all_upper, words, capitals) = match pattern.is_ascii() {
        true => capitals_of(pattern.bytes().map(char::from)),
        false => capitals_of(pattern.chars()),
    };
    if letters > 0 && letters <= 5 && all_upper {
        return CaseRule::Exact(pattern.chars().filter(|c| c.is_alphabetic()).collect());
    }
    if words > 64 {
        return case_rule_of_words(pattern);
    }
    if capitals == 0 {
        return CaseRule::Any;
    }
    CaseRule::Capitals((0..words).map(|w| capitals & (1 << w) != 0).collect())
}

/// The number of letters of a pattern, whether all are capitals, its number of words and
/// which of the first 64 start with a capital (as bits).
#[inline]
fn capitals_of(chars: impl Iterator<Item = char>) -> (usize, bool, usize, u64) {
    let (mut letters, mut all_upper) = (0usize, true);
    let (mut words, mut capitals, mut in_word, mut lettered) = (0usize, 0u64, false, false);
    for c in chars {
        if c.is_whitespace() {
            in_word = false;
            continue;
        }
        if !in_word {
            (in_word, lettered) = (true, false);
            words += 1;
        }
        if c.is_alphabetic() {
            letters += 1;
            let upper = c.is_uppercase();
            all_upper &= upper;
            if !lettered && upper && words <= 64 {
                capitals |= 1 << (words - 1);
            }
            lettered = true;
        }
    }
    (letters, all_upper, words, capitals)
}

/// `case_rule` word by word, for a pattern of more words than its bits hold.
fn case_rule_of_words(pattern: &str) -> CaseRule {
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
                .is_none_or(|(word, _)| starts_upper(word)),
            CaseRule::EveryCapital(caps) => matched
                .split_whitespace()
                .zip(caps)
                .all(|(word, &cap)| !cap || starts_upper(word)),
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

/// The right boundary of a match (the left one is `match_starts`'): a word may not go on
/// past its end, unless the pattern asks for any continuation.
fn whole_word_end(folded: &str, end: usize, prefix: bool) -> bool {
    let after = folded.get(end..).and_then(|s| s.chars().next());
    let last = folded.get(..end).and_then(|s| s.chars().next_back());
    prefix || !(last.is_some_and(is_word_char) && after.is_some_and(is_word_char))
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

    /// The matcher this trie replaced: every overlapping Aho-Corasick match anywhere,
    /// then the same checks with the left word boundary tested per match.
    #[cfg(not(target_arch = "wasm32"))]
    fn reference<'l, T>(
        lex: &'l Lexicon<T>,
        ac: &aho_corasick::AhoCorasick,
        text: &Text,
    ) -> Vec<(Span, Span, &'l T)> {
        let f = &text.folded;
        let mut valid = Vec::new();
        for m in ac.find_overlapping_iter(f.as_str()) {
            let entry = &lex.entries[m.pattern().as_usize()];
            let end = if entry.prefix {
                extend_word(f, m.end())
            } else {
                m.end()
            };
            let before = f[..m.start()].chars().next_back();
            let first = f[m.start()..].chars().next();
            let left_ok = !(first.is_some_and(is_word_char) && before.is_some_and(is_word_char));
            if !left_ok || !whole_word_end(f, end, entry.prefix) {
                continue;
            }
            if entry
                .case
                .accepts(text.slice(text.original_span(m.start(), end)))
            {
                valid.push((m.start(), end, m.pattern().as_usize()));
            }
        }
        valid.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut out = Vec::new();
        let mut covered = 0;
        for (s, e, p) in valid {
            if s >= covered {
                covered = e;
                out.push((
                    text.original_span(s, e),
                    Span::new(s, e),
                    &lex.entries[p].value,
                ));
            }
        }
        out
    }

    /// Every pattern of `lex`, in runs of a few, joined and cased in the ways that test
    /// the boundaries and the capitalisation rules.
    #[cfg(not(target_arch = "wasm32"))]
    fn texts_of<T>(lex: &Lexicon<T>) -> Vec<String> {
        let mut out = Vec::new();
        let patterns: Vec<&str> = lex.patterns.iter().map(String::as_str).collect();
        for (k, run) in patterns.chunks(7).enumerate() {
            for join in [" ", "", "-", ", ", "\u{2019}s ", "x ", " \u{0259}", ". "] {
                let text = run.join(join);
                out.push(format!("{} {text} and {}", run[0], run[run.len() - 1]));
                if k % 3 == 0 {
                    out.push(text.to_uppercase());
                    out.push(text.to_lowercase());
                }
            }
        }
        out
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn check_against_reference<T: PartialEq + std::fmt::Debug>(name: &str, lex: &Lexicon<T>) {
        let texts = texts_of(lex);
        assert!(!texts.is_empty() || lex.is_empty(), "{name}");
        let folded: Vec<String> = lex.patterns.iter().map(|p| fold(p)).collect();
        let ac = aho_corasick::AhoCorasick::new(&folded).expect("the patterns compile");
        for text in &texts {
            let t = Text::new(text);
            let got: Vec<(Span, Span, &T)> = lex
                .find_all(&t)
                .into_iter()
                .map(|h| (h.span, h.folded, h.value))
                .collect();
            assert_eq!(got, reference(lex, &ac, &t), "{name} in {text:?}");
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn every_lexicon_of_the_knowledge_base_matches_as_aho_corasick_did() {
        let kb = crate::kb::test_kb();
        check_against_reference("gazetteer", &kb.gazetteer);
        check_against_reference("stance", &kb.stance);
        check_against_reference("speech", &kb.speech);
        check_against_reference("negation", &kb.negation);
        check_against_reference("hedges", &kb.hedges);
        check_against_reference("titles", &kb.titles);
        check_against_reference("framing", &kb.framing);
        check_against_reference("relations", &kb.relations);
        check_against_reference("collectives", &kb.collectives);
        check_against_reference("acts", &kb.acts);
    }

    /// The starts found byte by byte are `match_starts` where the byte starts a key.
    fn starts_are_match_starts(text: &str) {
        let t = Text::new(text);
        let few = Lexicon::new(["iran", "\u{0259}li", "_x", "'s"].map(|p| (p.to_string(), ())));
        let firsts: Vec<u8> = few.keys().map(|(k, _)| k.as_bytes()[0]).collect();
        let want: Vec<usize> = match_starts(&t.folded)
            .filter(|&i| firsts.contains(&t.folded.as_bytes()[i]))
            .collect();
        let mut starts = Vec::new();
        assert!(
            few.trie().few_starts(&t.folded, |i| starts.push(i)),
            "few keys"
        );
        assert_eq!(starts, want, "{text:?}");
    }

    #[test]
    fn starts_table() {
        for text in [
            "",
            "Iran",
            "xIran _Iran Iran_ 3iran \u{0259}li a\u{0259}li \u{00E9}iran",
            "Israel\u{2019}s \u{201C}Iran\u{201D} \u{0130}ran \u{1F600}iran Ali",
        ] {
            starts_are_match_starts(text);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        #[test]
        fn starts_match_on_any_mix(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                " ", "i", "ran", "Iran", "_", "x", "3", "'", "s", "\u{2019}", "\u{0259}", "li",
                "\u{00E9}", "\u{0130}", "\u{1F600}", "-", "\n", ".", "\u{05D0}", "\u{00A0}",
            ]),
            0..30,
        )) {
            starts_are_match_starts(&parts.concat());
        }
    }

    /// The one-pass `case_rule` is the word-by-word one it replaced, on every pattern of
    /// the knowledge base and on odd ones.
    #[test]
    fn case_rules_are_the_word_by_word_ones() {
        let reference = |pattern: &str| {
            let letters: String = pattern.chars().filter(|c| c.is_alphabetic()).collect();
            if !letters.is_empty()
                && letters.chars().count() <= 5
                && letters.chars().all(char::is_uppercase)
            {
                return CaseRule::Exact(letters);
            }
            case_rule_of_words(pattern)
        };
        let kb = crate::kb::test_kb();
        let long = "x ".repeat(70) + "Y";
        let odd = [
            "",
            " ",
            "US",
            "U.S.",
            "IRGC'S",
            "ABCDEF",
            "Əliyev",
            "the Islamic Republic",
            "  a  B  ",
            "1st Army",
            "İ",
            "a\u{00A0}B",
            "ǅ",
            &long,
        ];
        let patterns = kb.gazetteer.patterns.iter().map(String::as_str);
        for p in patterns
            .chain(kb.framing.patterns.iter().map(String::as_str))
            .chain(odd)
        {
            assert_eq!(case_rule(p), reference(p), "{p:?}");
        }
    }

    #[test]
    fn every_capital_is_required_only_when_asked() {
        let rows = || {
            ["Varnian Army", "Great Return", "red line"]
                .iter()
                .map(|p| (p.to_string(), ()))
        };
        let text = Text::new(
            "the Varnian army; the Varnian Army; a great return; the Great Return; a Red Line",
        );
        let found = |lex: &Lexicon<()>| -> Vec<String> {
            lex.find_all(&text)
                .iter()
                .map(|h| text.slice(h.span).to_string())
                .collect()
        };
        assert_eq!(
            found(&Lexicon::new(rows())),
            ["Varnian army", "Varnian Army", "Great Return", "Red Line"]
        );
        assert_eq!(
            found(&Lexicon::new(rows()).with_every_capital()),
            ["Varnian Army", "Great Return", "Red Line"]
        );
    }

    #[test]
    fn empty_patterns_are_skipped_and_odd_ones_kept() {
        let lex = Lexicon::new(
            ["a\0b", "", "  ", "*", "ok"]
                .iter()
                .map(|p| (p.to_string(), ())),
        );
        assert_eq!(lex.len(), 2);
        assert_eq!(lex.find_all(&Text::new("ok a\0b a\0")).len(), 2);
    }

    #[test]
    fn few_keys_and_many_match_alike() {
        let words: Vec<String> = (0..2 * FEW_KEYS).map(|i| format!("Name{i}")).collect();
        let text: Vec<String> = words
            .iter()
            .rev()
            .map(|w| format!("{w}, {w}x {w}"))
            .collect();
        let text = text.join(" ");
        let t = Text::new(&text);
        for n in [3, FEW_KEYS, FEW_KEYS + 1, 2 * FEW_KEYS] {
            let lex = Lexicon::new(words[..n].iter().map(|w| (w.clone(), ())));
            assert!(matches!(lex.trie().keys, Keys::Few(..)) == (n <= FEW_KEYS));
            let found: Vec<&str> = lex.find_all(&t).iter().map(|h| t.slice(h.span)).collect();
            let want: Vec<&str> = words[..n]
                .iter()
                .rev()
                .flat_map(|w| [w.as_str(), w.as_str()])
                .collect();
            assert_eq!(found, want, "{n} keys");
        }
    }
}
