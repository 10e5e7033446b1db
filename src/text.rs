//! Stage 1: text. Folding for matching, sentences, words — all spans in bytes of the
//! original text.
//!
//! Matching runs on a *folded* copy of the text (lower case, straight quotes, plain
//! dashes and spaces, Latin diacritics removed) so that "Hikmət Hacıyev", "HIKMET
//! HACIYEV" and "Hikmet Haciyev" meet the same pattern. Folding changes byte lengths,
//! so the folded text keeps a map from each of its bytes back to the original: every
//! span found in the folded text is turned back into a span of the original once, here.

use unicode_segmentation::UnicodeSegmentation;

/// A half-open byte range of the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The text of one document, ready for the later stages.
pub struct Text<'a> {
    pub original: &'a str,
    /// Folded copy used for every dictionary match.
    pub folded: String,
    /// For each byte of `folded`, the start of the original character it came from;
    /// one extra entry equal to `original.len()`.
    fold_to_original: Vec<usize>,
    /// Sentences in order, trimmed of surrounding white space.
    pub sentences: Vec<Span>,
    /// Words (UAX #29 word segments that contain a letter or digit), in order.
    pub words: Vec<Span>,
}

impl<'a> Text<'a> {
    pub fn new(original: &'a str) -> Text<'a> {
        let (folded, fold_to_original) = fold_with_map(original);
        Text {
            original,
            folded,
            fold_to_original,
            sentences: split_sentences(original),
            words: words(original),
        }
    }

    /// The original span that a folded byte range came from.
    pub fn original_span(&self, folded_start: usize, folded_end: usize) -> Span {
        let start = self.fold_to_original[folded_start.min(self.folded.len())];
        let end = if folded_end == 0 {
            start
        } else {
            let last = self.fold_to_original[(folded_end - 1).min(self.folded.len())];
            last + char_len_at(self.original, last)
        };
        Span::new(start, end.max(start))
    }

    /// The folded byte offset of an original byte offset (the first folded byte at or
    /// after it).
    pub fn folded_offset(&self, original: usize) -> usize {
        self.fold_to_original
            .partition_point(|&o| o < original)
            .min(self.folded.len())
    }

    /// The text from the start of the line up to `at`, when the line started at most
    /// `max` bytes before (bounded, so callers stay linear on texts without newlines).
    pub fn line_before(&self, at: usize, max: usize) -> Option<&'a str> {
        let from = floor_char_boundary(self.original, at.saturating_sub(max));
        let window = self.original.get(from..at)?;
        match window.rfind('\n') {
            Some(i) => Some(&window[i + 1..]),
            None if from == 0 => Some(window),
            None => None,
        }
    }

    pub fn slice(&self, span: Span) -> &'a str {
        self.original.get(span.start..span.end).unwrap_or("")
    }

    /// Index of the sentence containing `at`, if any.
    pub fn sentence_of(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        (i < self.sentences.len() && self.sentences[i].start <= at).then_some(i)
    }

    /// Indexes into `words` of the words inside `span`.
    pub fn words_in(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.words.partition_point(|w| w.start < span.start);
        let b = self.words.partition_point(|w| w.start < span.end);
        a..b.max(a)
    }
}

/// The largest char boundary at or before `at`.
pub fn floor_char_boundary(s: &str, mut at: usize) -> usize {
    while at > 0 && !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn char_len_at(s: &str, at: usize) -> usize {
    s.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(0, char::len_utf8)
}

/// Folds one character for matching. `None` means "keep the lower-cased character".
const fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`'
        | '\u{00B4}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => "\"",
        // Hyphens and dashes join or separate words the way a space does: "Brigadier-General"
        // and "Amir Abdollahian" meet "Brigadier General" and "Amir-Abdollahian".
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => " ",
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' | '\u{2002}'
        | '\u{2003}' => " ",
        // A line break inside a sentence (hard-wrapped text) separates words as a space does.
        '\n' | '\r' | '\t' => " ",
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => "",
        // Latin letters of the region's transliterations (Azerbaijani, Turkish, and the
        // common diacritics of European spellings).
        'ə' | 'Ə' | 'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' | 'ē' | 'ė' | 'ę' => {
            "e"
        }
        'ı' | 'İ' | 'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Î' | 'ī' => "i",
        'ş' | 'Ş' | 'š' | 'Š' | 'ś' => "s",
        'ç' | 'Ç' | 'č' | 'Č' | 'ć' => "c",
        'ğ' | 'Ğ' => "g",
        'ö' | 'Ö' | 'ó' | 'ò' | 'ô' | 'õ' | 'Ó' | 'Ô' | 'ø' => "o",
        'ü' | 'Ü' | 'ú' | 'ù' | 'û' | 'Ú' | 'ū' => "u",
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' | 'ā' => "a",
        'ñ' | 'Ñ' | 'ń' => "n",
        'ž' | 'Ž' | 'ź' | 'ż' => "z",
        'ý' | 'ÿ' => "y",
        _ => return None,
    })
}

/// Folds a pattern or a text for matching (see the module docs).
pub fn fold(s: &str) -> String {
    fold_with_map(s).0
}

fn fold_with_map(s: &str) -> (String, Vec<usize>) {
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Most of a text: ASCII, each byte folded to one byte (`ASCII_FOLDS`).
        let end = non_ascii_from(bytes, i).unwrap_or(bytes.len());
        out.extend(bytes[i..end].iter().map(|&b| ASCII_FOLDS[usize::from(b)]));
        map.extend(i..end);
        i = end;
        let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let before = out.len();
        match fold_char(c) {
            Some(f) => out.extend_from_slice(f.as_bytes()),
            None => {
                for lower in c.to_lowercase() {
                    out.extend_from_slice(lower.encode_utf8(&mut [0; 4]).as_bytes());
                }
            }
        }
        map.resize(map.len() + (out.len() - before), i);
        i += c.len_utf8();
    }
    map.push(s.len());
    // Whole characters were written, so this is UTF-8.
    (String::from_utf8(out).unwrap_or_default(), map)
}

/// What each ASCII byte folds to (`fold_char`, else its lower case): one byte each.
static ASCII_FOLDS: [u8; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match fold_char(b as u8 as char) {
            Some(f) => f.as_bytes()[0],
            None => (b as u8).to_ascii_lowercase(),
        };
        b += 1;
    }
    table
};

/// Words per UAX #29 (the segments with a letter or digit), as `unicode_word_indices`
/// finds them in the whole text, found piece by piece: most of a text is ASCII, whose
/// words `ascii_words` finds in one pass, while a single curly quote would send a whole
/// text down the segmenter's slow path. Pieces are cut after a space or a line feed that
/// an ASCII character other than white space follows, where UAX #29 always breaks and no
/// rule looks back across; the pieces with other characters go to the segmenter alone.
fn words(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut words = Vec::with_capacity(bytes.len() / 5);
    let is_cut = |at: usize| {
        matches!(bytes[at - 1], b' ' | b'\n')
            && bytes[at].is_ascii()
            && !bytes[at].is_ascii_whitespace()
    };
    pieces(bytes, is_cut, |from, to, ascii| {
        if ascii {
            ascii_words(bytes, from, to, &mut words);
        } else {
            words.extend(
                text[from..to]
                    .unicode_word_indices()
                    .map(|(i, w)| Span::new(from + i, from + i + w.len())),
            );
        }
    });
    words
}

/// Calls `each(from, to, ascii)` with the pieces of a text in order: runs of ASCII, and
/// the pieces with other characters, each from the last cut before its first one to the
/// first cut after (`is_cut(at)`: cut before `at`). ASCII is skipped eight bytes at a time.
fn pieces(bytes: &[u8], is_cut: impl Fn(usize) -> bool, mut each: impl FnMut(usize, usize, bool)) {
    // The ASCII from `from` on has not been read.
    let mut from = 0;
    while let Some(wide) = non_ascii_from(bytes, from) {
        let start = (from + 1..wide)
            .rev()
            .find(|&at| is_cut(at))
            .unwrap_or(from);
        let end = (wide + 1..bytes.len())
            .find(|&at| is_cut(at))
            .unwrap_or(bytes.len());
        each(from, start, true);
        each(start, end, false);
        from = end;
    }
    each(from, bytes.len(), true);
}

/// The first byte at or after `from` that is not ASCII, read eight bytes at a time.
fn non_ascii_from(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut at = from;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|b| !b.is_ascii())
        .map(|i| at + i)
}

/// The words of `bytes[from..to]`, all ASCII, added to `words`: what the segmenter's
/// ASCII path finds (unicode-segmentation's `AsciiWordBoundIter`, whose segments with a
/// letter or digit are the words). A word is a run of letters, digits and underscores,
/// joined across one `.`, `'` or `:` between letters (WB6, WB7: "e.g", "U.S", "Iran's")
/// or one `.`, `,`, `;` or `'` between digits (WB11, WB12: "1,000", "3.5"), with at
/// least one letter or digit; every other byte is a segment of its own or of spaces.
fn ascii_words(bytes: &[u8], from: usize, to: usize, words: &mut Vec<Span>) {
    let b = &bytes[..to];
    let mut i = from;
    while i < to {
        if WORD_BYTES[usize::from(b[i])] == 0 {
            i += 1;
            continue;
        }
        let start = i;
        let mut alphanumeric = WORD_BYTES[usize::from(b[i])];
        i += 1;
        while i < to {
            let c = b[i];
            let kind = WORD_BYTES[usize::from(c)];
            if kind != 0 {
                alphanumeric |= kind;
                i += 1;
            } else if i + 1 < to && joins(c, b[i - 1], b[i + 1]) {
                // What follows is a letter or a digit, as is what came before.
                i += 2;
            } else {
                break;
            }
        }
        if alphanumeric & ALPHANUMERIC != 0 {
            words.push(Span::new(start, i));
        }
    }
}

/// What an ASCII byte is in a word: `ALPHANUMERIC`, `UNDERSCORE` (which joins words,
/// WB13a, WB13b, but does not make one), or 0.
static WORD_BYTES: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = ALPHANUMERIC;
        } else if c == b'_' {
            table[b] = UNDERSCORE;
        }
        b += 1;
    }
    table
};
const ALPHANUMERIC: u8 = 1;
const UNDERSCORE: u8 = 2;

/// Whether an ASCII `c` between `before` and `after` is inside a word (WB6, WB7, WB11,
/// WB12).
#[inline]
fn joins(c: u8, before: u8, after: u8) -> bool {
    match c {
        b'.' | b'\'' => {
            (before.is_ascii_digit() && after.is_ascii_digit())
                || (before.is_ascii_alphabetic() && after.is_ascii_alphabetic())
        }
        b',' | b';' => before.is_ascii_digit() && after.is_ascii_digit(),
        b':' => before.is_ascii_alphabetic() && after.is_ascii_alphabetic(),
        _ => false,
    }
}

/// The UAX #29 sentence segments of a text, as `split_sentence_bound_indices` finds
/// them, found piece by piece: the text is cut between two ASCII letters, where UAX #29
/// never breaks and no rule looks back past the second letter or ahead past the first.
/// Runs of ASCII pieces go to `ascii_sentence_breaks`, a table lookup per byte; the
/// pieces with other characters to the segmenter, which searches its tables for every
/// character.
fn sentence_segments(text: &str) -> Vec<Span> {
    // Every break but the text's start and end.
    let mut breaks = Vec::new();
    let add = |from: usize, to: usize, ascii: bool| {
        let piece = &text[from..to];
        if ascii {
            ascii_sentence_breaks(piece.as_bytes(), |at| breaks.push(from + at));
        } else {
            let starts = piece.split_sentence_bound_indices().map(|(at, _)| at);
            breaks.extend(starts.filter(|&at| at > 0).map(|at| from + at));
        }
    };
    let bytes = text.as_bytes();
    let is_cut = |at: usize| bytes[at - 1].is_ascii_alphabetic() && bytes[at].is_ascii_alphabetic();
    pieces(bytes, is_cut, add);
    if text.is_empty() {
        return Vec::new();
    }
    let mut segments = Vec::with_capacity(breaks.len() + 1);
    let mut start = 0;
    for at in breaks.into_iter().chain([text.len()]) {
        segments.push(Span::new(start, at));
        start = at;
    }
    segments
}

/// UAX #29's sentence break classes of the ASCII characters (its others have none).
#[derive(Clone, Copy, PartialEq, Eq)]
enum SentenceClass {
    Other,
    CR,
    LF,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
}

/// The class of an ASCII byte (`Other` for the rest), looked up: the breaks look at
/// every byte, and some bytes again ahead.
#[inline]
fn sentence_class(b: u8) -> SentenceClass {
    SENTENCE_CLASSES[usize::from(b)]
}

static SENTENCE_CLASSES: [SentenceClass; 256] = {
    let mut table = [SentenceClass::Other; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = class_of(b as u8);
        b += 1;
    }
    table
};

const fn class_of(b: u8) -> SentenceClass {
    use SentenceClass::*;
    match b {
        b'\t' | 0x0B | 0x0C | b' ' => Sp,
        b'\n' => LF,
        b'\r' => CR,
        b'!' | b'?' => STerm,
        b'.' => ATerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Close,
        b',' | b'-' | b':' | b';' => SContinue,
        b'0'..=b'9' => Numeric,
        b'A'..=b'Z' => Upper,
        b'a'..=b'z' => Lower,
        _ => Other,
    }
}

/// What the rules look back at: the last four classes, a run of `Close` or of `Sp`
/// counted once (the state `unicode-segmentation` keeps, which this follows rule for
/// rule so that the breaks are the same).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seen {
    Start,
    Other,
    CR,
    LF,
    ATerm,
    STerm,
    Letter,
    Close,
    Sp,
}

/// Calls `found` with every sentence break inside an ASCII text (not its start or end),
/// per UAX #29's rules SB3–SB11.
fn ascii_sentence_breaks(text: &[u8], mut found: impl FnMut(usize)) {
    let mut seen = [Seen::Start; 4];
    let mut at = 0;
    while let Some(&b) = text.get(at) {
        let class = sentence_class(b);
        // Most of a text: everything up to the next terminal or line end, when none was
        // seen. Only a terminal or a line end is broken after (SB4, SB11), and it stays
        // in what was seen until four other classes follow it: with none there, nothing
        // up to the next one is broken before, and only the run's last classes stay.
        if !class.ends() && seen.iter().all(|s| s.is_quiet()) {
            let run = text[at..]
                .iter()
                .position(|&b| sentence_class(b).ends())
                .unwrap_or(text.len() - at);
            seen = shifted(seen, &text[at..at + run]);
            at += run;
            continue;
        }
        // A run of letters, digits and other characters that neither
        // end nor continue a terminal. No break comes before any of them when none comes
        // before the first (after a letter or another character no rule breaks), and
        // each is only shifted into what was seen: the run's last four are what stays.
        if class.is_plain() && matches!(seen[3], Seen::Letter | Seen::Other | Seen::Start) {
            let run = text[at..]
                .iter()
                .position(|&b| !sentence_class(b).is_plain())
                .unwrap_or(text.len() - at);
            for &b in &text[at + run.saturating_sub(4)..at + run] {
                seen = [seen[1], seen[2], seen[3], Seen::of(sentence_class(b))];
            }
            at += run;
            continue;
        }
        let before = seen;
        seen = match (before[3], class) {
            (Seen::Close, SentenceClass::Close) | (Seen::Sp, SentenceClass::Sp) => before,
            _ => [before[1], before[2], before[3], Seen::of(class)],
        };
        if breaks_before(&before, class, &text[at..]) {
            found(at);
        }
        at += 1;
    }
}

/// What was `seen` after the classes of `run` (none a terminal or a line end) were
/// shifted in: the run's last four, read from its end, a run of `Close` or of `Sp`
/// counted once, then what was seen before it.
fn shifted(seen: [Seen; 4], run: &[u8]) -> [Seen; 4] {
    // The run's own, last first.
    let mut own = [Seen::Start; 4];
    let (mut n, mut j) = (0, run.len());
    while n < 4 && j > 0 {
        j -= 1;
        let s = Seen::of(sentence_class(run[j]));
        if n > 0 && own[n - 1] == s && matches!(s, Seen::Close | Seen::Sp) {
            continue;
        }
        own[n] = s;
        n += 1;
    }
    // A run of `Close` or of `Sp` that began before the run goes on in it.
    if j == 0 && n > 0 && own[n - 1] == seen[3] && matches!(seen[3], Seen::Close | Seen::Sp) {
        n -= 1;
    }
    let mut out = seen;
    out.rotate_left(n);
    for (k, s) in own.iter().take(n).enumerate() {
        out[3 - k] = *s;
    }
    out
}

impl SentenceClass {
    /// A terminal or a line end: what a sentence is broken after.
    #[inline]
    fn ends(self) -> bool {
        use SentenceClass as C;
        matches!(self, C::ATerm | C::STerm | C::CR | C::LF)
    }

    /// A class that only shifts into what was seen, as `Seen::Letter` or `Seen::Other`,
    /// and is broken before only after a terminal, a closer, a space or a line end.
    #[inline]
    fn is_plain(self) -> bool {
        use SentenceClass as C;
        matches!(
            self,
            C::Lower | C::Upper | C::Numeric | C::SContinue | C::Other
        )
    }
}

impl Seen {
    fn of(class: SentenceClass) -> Seen {
        use SentenceClass as C;
        match class {
            C::CR => Seen::CR,
            C::LF => Seen::LF,
            C::ATerm => Seen::ATerm,
            C::STerm => Seen::STerm,
            C::Lower | C::Upper => Seen::Letter,
            C::Close => Seen::Close,
            C::Sp => Seen::Sp,
            _ => Seen::Other,
        }
    }

    /// Neither a terminal nor a line end (see `SentenceClass::ends`).
    fn is_quiet(self) -> bool {
        !matches!(self, Seen::ATerm | Seen::STerm | Seen::CR | Seen::LF)
    }

    fn is_terminal(self) -> bool {
        matches!(self, Seen::STerm | Seen::ATerm)
    }
}

/// Whether a sentence breaks before the first character of `ahead`, of `class`, after
/// what was `seen`.
fn breaks_before(seen: &[Seen; 4], class: SentenceClass, ahead: &[u8]) -> bool {
    use SentenceClass as C;
    let last = seen[3];
    // After a letter or another character no rule breaks (nor looks further back); SB1
    // is the text's start.
    if matches!(last, Seen::Letter | Seen::Other | Seen::Start) {
        return false;
    }
    // SB3, SB4: after a line end.
    if matches!(last, Seen::CR | Seen::LF) {
        return !(class == C::LF && last == Seen::CR);
    }
    // SB6, SB7: "3.5", "U.S."
    if last == Seen::ATerm
        && (class == C::Numeric || (class == C::Upper && seen[2] == Seen::Letter))
    {
        return false;
    }
    // The terminal before `Close* Sp*`.
    let mut i = if last == Seen::Sp { 2 } else { 3 };
    if seen[i] == Seen::Close {
        i -= 1;
    }
    let after_terminal = seen[i].is_terminal();
    // SB8: a lower-case letter comes next.
    if seen[i] == Seen::ATerm && lower_ahead(ahead) {
        return false;
    }
    // SB8a, SB9, SB10: a terminal goes on with more punctuation, closers or spaces.
    let closing = seen[if last == Seen::Close { 2 } else { 3 }].is_terminal();
    if (after_terminal && matches!(class, C::SContinue | C::STerm | C::ATerm))
        || (closing && matches!(class, C::Close | C::Sp | C::CR | C::LF))
        || (after_terminal && matches!(class, C::Sp | C::CR | C::LF))
    {
        return false;
    }
    // SB11: SATerm Close* Sp* ÷ (the line-end case is SB4's).
    after_terminal
}

/// SB8's look ahead: a lower-case letter comes before any other letter, separator or
/// terminal.
fn lower_ahead(text: &[u8]) -> bool {
    for &b in text {
        match sentence_class(b) {
            SentenceClass::Lower => return true,
            SentenceClass::Upper
            | SentenceClass::CR
            | SentenceClass::LF
            | SentenceClass::STerm
            | SentenceClass::ATerm => return false,
            _ => {}
        }
    }
    false
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "u.s.", "u.k.", "u.n.", "e.u.", "dr.", "gen.", "mr.", "mrs.", "ms.", "st.", "lt.", "col.",
    "maj.", "capt.", "sgt.", "adm.", "prof.", "sen.", "rep.", "gov.", "jr.", "sr.", "inc.", "co.",
    "corp.", "ltd.", "no.", "vs.", "e.g.", "i.e.", "etc.", "jan.", "feb.", "mar.", "apr.", "aug.",
    "sept.", "sep.", "oct.", "nov.", "dec.", "approx.", "dept.", "est.", "fig.", "mt.", "ft.",
    "u.s.a.",
];

/// Sentences per UAX #29, re-joined where a break follows an abbreviation or an initial
/// ("U.S. President", "N. Daneshvar"), and always broken at line ends: headlines and
/// captions carry no final period.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut glue_next = false;
    let width = wrap_width(text);
    // In text wrapped at a fixed width, a line that reaches the width goes on in the next.
    let reaches_width = |line: &str| {
        width.is_some_and(|w| {
            let last = line.rsplit('\n').next().unwrap_or("");
            last.len() * 10 >= w * 7 && !last.trim_end().ends_with(['.', '!', '?', ':', ';'])
        })
    };
    for segment in sentence_segments(text) {
        let span = trim(text, segment);
        if span.is_empty() {
            continue;
        }
        let gap = text
            .get(out.last().map_or(0, |l| l.end)..span.start)
            .unwrap_or("");
        let crosses_line = gap.contains('\n');
        // Text wrapped by hand: one line break, and the line goes on in lower case or
        // after a word no sentence ends with ("met on\nMonday").
        let wrapped = gap.matches('\n').count() == 1
            && out.last().is_some_and(|l| {
                let line = &text[..l.end];
                !line.ends_with(['.', '!', '?', ':', ';'])
                    && (text[span.start..].starts_with(char::is_lowercase)
                        || ends_with_a_linking_word(line)
                        || reaches_width(line))
            });
        match out.last_mut() {
            Some(last) if (glue_next && !crosses_line) || wrapped => last.end = span.end,
            _ => out.push(span),
        }
        let sentence = &text[span.start..span.end];
        glue_next = ends_with_abbreviation(sentence) && !sentence.ends_with('\n');
    }
    // Lines inside one UAX #29 sentence (a headline without a period) are sentences too,
    // unless wrapped by hand as above.
    let mut split = Vec::with_capacity(out.len());
    for s in out {
        let mut start = s.start;
        for (j, _) in text[s.start..s.end].match_indices('\n') {
            if text[s.start + j + 1..s.end].starts_with(char::is_lowercase)
                || ends_with_a_linking_word(&text[s.start..s.start + j])
                || reaches_width(&text[..s.start + j])
            {
                continue;
            }
            let part = trim(text, Span::new(start, s.start + j));
            if !part.is_empty() {
                split.push(part);
            }
            start = s.start + j + 1;
        }
        let part = trim(text, Span::new(start, s.end));
        if !part.is_empty() {
            split.push(part);
        }
    }
    let mut sentences = Vec::with_capacity(split.len());
    for s in split {
        cut_long(text, s, &mut sentences);
    }
    sentences
}

/// Longest sentence, in bytes. Every stage works sentence by sentence, some in time
/// quadratic in a sentence's words; a text with no sentence ends (a list, a pasted table,
/// "Zionists " ten thousand times) is cut into pieces this long so that every stage stays
/// linear in the text. Real sentences are far shorter.
pub const MAX_SENTENCE: usize = 2000;

/// `span` cut into pieces of at most `MAX_SENTENCE` bytes, at the last white space of each
/// piece's second half when there is one, added to `pieces`.
fn cut_long(text: &str, span: Span, pieces: &mut Vec<Span>) {
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE {
        let limit = floor_char_boundary(text, start + MAX_SENTENCE);
        let half = floor_char_boundary(text, start + MAX_SENTENCE / 2);
        let end = text[half..limit]
            .rfind(char::is_whitespace)
            .map_or(limit, |i| half + i);
        let piece = trim(text, Span::new(start, end));
        if !piece.is_empty() {
            pieces.push(piece);
        }
        start = trim(text, Span::new(end, span.end)).start;
    }
    pieces.push(trim(text, Span::new(start, span.end)));
}

/// Words that never end a sentence or a headline: a line ending in one goes on.
const LINKING_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or",
    "but", "that", "which", "who", "as", "its", "their", "his", "her",
];

/// The width a text was wrapped at by hand (a mail, a cable, a plain-text archive), if
/// it was: most of its lines of some length end within a few characters of the longest
/// of them. Text with one paragraph per line has no such width.
fn wrap_width(text: &str) -> Option<usize> {
    let lengths: Vec<usize> = text
        .lines()
        .map(|l| l.trim_end().len())
        .filter(|&n| n >= 30)
        .collect();
    let longest = *lengths.iter().max()?;
    let near = lengths.iter().filter(|&&n| n + 12 >= longest).count();
    (lengths.len() >= 8 && longest <= 100 && near * 2 >= lengths.len()).then_some(longest)
}

fn ends_with_a_linking_word(line: &str) -> bool {
    // Only the line's last few bytes are read: a line may be one endless word.
    let line = line.trim_end();
    let tail = &line[floor_char_boundary(line, line.len().saturating_sub(8))..];
    let last = tail.rsplit(char::is_whitespace).next().unwrap_or("");
    LINKING_WORDS.contains(&last)
}

fn ends_with_abbreviation(sentence: &str) -> bool {
    // The last word, found from the end (a sentence may be long).
    let last = sentence
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let last = last.trim_start_matches(['(', '"', '\u{201C}', '\'']);
    if !last.ends_with('.') {
        return false;
    }
    // As `fold(last)` would compare: an ASCII word folds to its lower case, and the
    // abbreviations have no character that folding changes otherwise.
    let listed = if last.is_ascii() {
        ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(last))
    } else {
        ABBREVIATIONS.contains(&fold(last).as_str())
    };
    if listed {
        return true;
    }
    // A single capital initial: "N." or "J.R.R."
    let mut letters = 0;
    for c in last.chars().filter(|c| *c != '.') {
        letters += 1;
        if letters > 3 || !c.is_uppercase() {
            return false;
        }
    }
    letters > 0
}

fn trim(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end().len();
    Span::new(start, end.max(start))
}

/// `s.to_lowercase()`, borrowed when that changes nothing (a word of lower-case ASCII,
/// nearly every word a rule compares with its lists): the same text without an
/// allocation.
pub fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// True for characters that continue a word (so a match next to them is not whole).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn text_wrapped_at_a_width_is_joined_across_its_line_ends() {
        let paragraph = "Officials met on Monday to discuss trade and security in the region. \
            The ministers reviewed the pipeline and the new border crossings at length. \
            Moscow has long opposed Tbilisi's ties with Ankara, and the talks changed little. \
            Analysts called the meeting a modest step that could still lead somewhere useful.";
        // Wrapped at 60 columns, as a mail or a cable is.
        let mut wrapped = String::from("Talks in the region\n\n");
        let mut line = String::new();
        let twice = format!("{paragraph} {paragraph}");
        for word in twice.split(' ') {
            if line.len() + word.len() + 1 > 60 {
                wrapped.push_str(line.trim_end());
                wrapped.push('\n');
                line.clear();
            }
            line.push_str(word);
            line.push(' ');
        }
        wrapped.push_str(line.trim_end());
        let found = sentences(&wrapped);
        assert_eq!(found[0], "Talks in the region");
        let opposed = found.iter().find(|s| s.contains("opposed")).unwrap();
        assert!(
            opposed.starts_with("Moscow") && opposed.ends_with("little."),
            "{found:?}"
        );
        assert_eq!(found.len(), 9, "{found:?}");
        // One paragraph per line, with a headline: every line stays its own.
        let lines = "Talks in the region\nOfficials met on Monday. They talked.\nMoscow spoke\nAnkara replied at length on the matter of the new border crossings today.";
        assert_eq!(sentences(lines).len(), 5, "{:?}", sentences(lines));
    }

    #[test]
    fn lower_is_to_lowercase() {
        for s in [
            "",
            "said",
            "Said",
            "U.S.",
            "Hikm\u{0259}t",
            "\u{0130}stanbul",
            "\u{212A}",
        ] {
            assert_eq!(lower(s), s.to_lowercase(), "{s:?}");
        }
        assert!(matches!(lower("said"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn a_line_break_inside_a_sentence_folds_to_a_space() {
        // Hard-wrapped text: a phrase broken over two lines still meets its pattern.
        for text in ["the Islamic\nRepublic", "the Islamic\tRepublic"] {
            let t = Text::new(text);
            assert_eq!(t.folded, "the islamic republic");
            let at = t.folded.find("republic").unwrap();
            assert_eq!(t.slice(t.original_span(at, at + 8)), "Republic");
        }
    }

    #[test]
    fn folding_maps_back_to_the_original() {
        let text = "Hikmət Hacıyev said \u{201C}no\u{201D} \u{2014} twice";
        let t = Text::new(text);
        assert_eq!(t.folded, "hikmet haciyev said \"no\"   twice");
        let at = t.folded.find("haciyev").unwrap();
        let span = t.original_span(at, at + "haciyev".len());
        assert_eq!(t.slice(span), "Hacıyev");
        let q = t.folded.find("\"no\"").unwrap();
        assert_eq!(t.slice(t.original_span(q, q + 4)), "\u{201C}no\u{201D}");
    }

    #[test]
    fn ascii_folds_to_one_byte_as_fold_char_says() {
        for b in 0..128u8 {
            let c = char::from(b);
            let want = fold_char(c).map_or(c.to_ascii_lowercase().to_string(), str::to_string);
            assert_eq!(
                want,
                char::from(ASCII_FOLDS[usize::from(b)]).to_string(),
                "{b}"
            );
        }
        let t = Text::new("A-b`c\r\n\tD\u{2019}E\u{0130}\u{03A3}");
        assert_eq!(t.folded, "a b'c   d'ei\u{03C3}");
        assert_eq!(t.folded.len() + 1, t.fold_to_original.len());
    }

    #[test]
    fn folded_offset_inverts_the_map() {
        let t = Text::new("Ə x ə");
        let s = t.folded_offset(t.original.find('x').unwrap());
        assert_eq!(&t.folded[s..s + 1], "x");
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "The U.S. President spoke. Then Dr. Smith left.",
                &["The U.S. President spoke.", "Then Dr. Smith left."],
            ),
            (
                "By N. Daneshvar. Tehran said no.",
                &["By N. Daneshvar.", "Tehran said no."],
            ),
            (
                "Headline without a period\nBody sentence. Second one.",
                &["Headline without a period", "Body sentence.", "Second one."],
            ),
            ("  \n\n  ", &[]),
            (
                "Gen. Salami warned Israel.",
                &["Gen. Salami warned Israel."],
            ),
            // Wrapped by hand: a line that goes on in lower case is the same sentence.
            (
                "The two states have a growing trade\nrelationship. Talks went on.",
                &[
                    "The two states have a growing trade\nrelationship.",
                    "Talks went on.",
                ],
            ),
            (
                "Officials met in the capital on\nMonday and\nagreed to talk.",
                &["Officials met in the capital on\nMonday and\nagreed to talk."],
            ),
            // A blank line, or a line ended by a stop, still ends it.
            (
                "A short headline\n\nthen a lower-case start.",
                &["A short headline", "then a lower-case start."],
            ),
            (
                "It ended:\nthe list follows.",
                &["It ended:", "the list follows."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(sentences(text), *want, "for {text:?}");
        }
    }

    #[test]
    fn an_endless_sentence_is_cut_at_spaces() {
        let text = "Zionists ".repeat(1000) + &"ə".repeat(3000);
        let spans = split_sentences(&text);
        assert!(spans.len() > 4, "{}", spans.len());
        let mut covered = 0;
        for s in &spans {
            assert!(s.len() <= MAX_SENTENCE && !s.is_empty(), "{s:?}");
            let piece = &text[s.start..s.end];
            assert_eq!(piece, piece.trim(), "trimmed");
            covered += piece.split_whitespace().count();
        }
        // No word is split in the spaced part, and nothing is lost.
        assert!(spans
            .iter()
            .take(3)
            .all(|s| text[s.start..s.end].split(' ').all(|w| w == "Zionists")));
        assert!(covered >= 1000);
        assert_eq!(spans.last().unwrap().end, text.len());
    }

    #[test]
    fn sentence_of_finds_the_container() {
        let t = Text::new("One two. Three four.");
        assert_eq!(t.sentence_of(0), Some(0));
        assert_eq!(t.sentence_of(10), Some(1));
        assert_eq!(t.sentence_of(8), None);
    }

    #[test]
    fn line_before_is_bounded() {
        let t = Text::new("By Jane\nAnother line here");
        assert_eq!(t.line_before(3, 40), Some("By "));
        let at = t.original.find("line").unwrap();
        assert_eq!(t.line_before(at, 40), Some("Another "));
        assert_eq!(t.line_before(at, 3), None);
    }

    /// Every word as the segmenter finds it in the whole text.
    fn whole_text_words(text: &str) -> Vec<Span> {
        text.unicode_word_indices()
            .map(|(i, w)| Span::new(i, i + w.len()))
            .collect()
    }

    #[test]
    fn words_by_piece_are_the_whole_texts() {
        for text in [
            "",
            " ",
            "a",
            "\u{201C}",
            "Iran\u{2019}s \u{201C}red alert\u{201D} \u{0301}x  y\n\u{200D}z 3.5 a.b",
            "ə\nə \u{1F1EE}\u{1F1F7} \u{1F1EE}\u{1F1F7}x \u{05D0}\"\u{05D1} e\u{0301} 1,000 'q' ",
        ] {
            assert_eq!(words(text), whole_text_words(text), "{text:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Pieces of the characters UAX #29's word rules treat apart, in any order.
        #[test]
        fn words_by_piece_match_on_any_mix(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                " ", "  ", "\n", "\r\n", "\t", "a", "Z", "1", ".", ",", "'", "\u{2019}", ":",
                "_", ";", "\"", "\u{201C}", "-", "\u{00A0}", "\u{0301}", "\u{200D}", "\u{200B}",
                "\u{00AD}", "\u{1F1EE}", "\u{1F600}", "\u{05D0}", "\u{3042}", "\u{30A2}",
                "ə", "İ", "\u{2028}", "\u{0085}", "\u{FF0E}", "\u{FE13}",
            ]),
            0..40,
        )) {
            let text = parts.concat();
            proptest::prop_assert_eq!(words(&text), whole_text_words(&text));
        }

        /// Any ASCII: the words found in one pass are the segments with a letter or
        /// digit that the segmenter's general path (not its own ASCII path) finds.
        #[test]
        fn ascii_words_match_the_general_segmenter(
            text in "[\\x00-\\x7F]{0,60}|[aZ1_.,;:' \\r\\n\\t\"-]{0,40}"
        ) {
            let general: Vec<Span> = text
                .split_word_bound_indices()
                .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
                .map(|(i, w)| Span::new(i, i + w.len()))
                .collect();
            proptest::prop_assert_eq!(words(&text), general);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Folding is `fold_char`, else the lower case, character by character, each
        /// folded byte mapped to its character's start.
        #[test]
        fn folding_is_per_character(text in "[\\x00-\\x7F\u{2019}\u{201C}\u{2014}\u{00A0}\u{00AD}\u{0130}\u{03A3}\u{0259}\u{1F600}]{0,40}") {
            let mut folded = String::new();
            let mut map = Vec::new();
            for (i, c) in text.char_indices() {
                let f: String = fold_char(c).map_or_else(|| c.to_lowercase().collect(), str::to_string);
                map.extend(std::iter::repeat_n(i, f.len()));
                folded.push_str(&f);
            }
            map.push(text.len());
            proptest::prop_assert_eq!(fold_with_map(&text), (folded, map));
        }
    }

    /// Every sentence segment as the segmenter finds it in the whole text.
    fn whole_text_sentences(text: &str) -> Vec<Span> {
        text.split_sentence_bound_indices()
            .map(|(i, s)| Span::new(i, i + s.len()))
            .collect()
    }

    #[test]
    fn sentence_segments_by_piece_are_the_whole_texts() {
        for text in [
            "",
            ".",
            "a",
            "\u{201C}",
            "U.S. President. He said \u{201C}no.\u{201D} Then etc. he left.  (Yes.) 3.5 ok?!",
            "Mr. Smith\r\nleft. \"Quote.\" next; A.B. c. D\u{2028}e\u{0085}f\u{2024} g",
            "e.g. Hikm\u{0259}t said. \u{0301}It did.\u{00A0}No. wait",
        ] {
            assert_eq!(
                sentence_segments(text),
                whole_text_sentences(text),
                "{text:?}"
            );
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Any ASCII, where every break is this module's own.
        #[test]
        fn ascii_sentence_segments_match(
            text in "[\\x00-\\x7F]{0,60}|[aZ1 .!?\"()\\r\\n\\t,;:-]{0,60}"
        ) {
            proptest::prop_assert_eq!(sentence_segments(&text), whole_text_sentences(&text));
        }

        /// Pieces of the characters UAX #29's sentence rules treat apart, ASCII or not.
        #[test]
        fn sentence_segments_match_on_any_mix(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                " ", "  ", "\n", "\r", "\r\n", "\t", "a", "bc", "Z", "De", "1", ".", "!", "?",
                ",", ";", ":", "-", "'", "\"", "(", ")", "]", "\u{201C}", "\u{201D}", "\u{2019}",
                "\u{00A0}", "\u{0301}", "\u{200D}", "\u{00AD}", "\u{2028}", "\u{0085}",
                "\u{2024}", "\u{3002}", "\u{05D0}", "ə", "É", "\u{2014}", "\u{1F600}",
                "U.S.", "e.g.", "\u{FF0E}", "\u{00AB}", "\u{00BB}",
            ]),
            0..40,
        )) {
            let text = parts.concat();
            proptest::prop_assert_eq!(sentence_segments(&text), whole_text_sentences(&text));
        }
    }

    #[test]
    fn words_skip_punctuation() {
        let t = Text::new("Iran's \u{201C}red alert\u{201D}, 2025.");
        let words: Vec<&str> = t.words.iter().map(|w| t.slice(*w)).collect();
        assert_eq!(words, ["Iran's", "red", "alert", "2025"]);
    }
}
