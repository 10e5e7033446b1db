//! Page furniture in plain text, and reader comments kept apart.
//!
//! A paste of a whole web page carries more than the article: share and print
//! widgets, menus, cookie notices, "Related articles" lists, copyright lines,
//! lone timestamps, and at the end the comment section with its reply form.
//! A reader skips these without thinking; this module does the same with
//! tables of *general* web-boilerplate patterns (never sentences of one
//! article), so that adding a pattern is adding a row.
//!
//! The HTML extractor reuses [`is_boilerplate_line`], [`is_date_line`] and
//! [`split_comments`] on the text it pulls out of a page.

use std::collections::HashSet;

use super::{blank_article, Article, Format};

/// How a [`Rule`] compares with a line's match key.
#[derive(Clone, Copy)]
enum How {
    /// The whole line is the phrase.
    Exact,
    /// The line starts with the phrase (followed by a word boundary).
    Prefix,
    /// The phrase occurs anywhere in the line.
    Contains,
}

/// One boilerplate pattern; `max_chars` keeps it from matching real prose,
/// which is longer than a widget label.
struct Rule {
    how: How,
    phrase: &'static str,
    max_chars: usize,
}

const SHORT: usize = 60;
const MEDIUM: usize = 120;
const LONG: usize = 300;

const fn exact(phrase: &'static str) -> Rule {
    Rule {
        how: How::Exact,
        phrase,
        max_chars: usize::MAX,
    }
}
const fn prefix(phrase: &'static str, max_chars: usize) -> Rule {
    Rule {
        how: How::Prefix,
        phrase,
        max_chars,
    }
}
const fn contains(phrase: &'static str, max_chars: usize) -> Rule {
    Rule {
        how: How::Contains,
        phrase,
        max_chars,
    }
}

/// General web boilerplate, compared with a line's match key (trimmed,
/// lower-cased, bullets and a trailing colon or ellipsis removed, curly
/// apostrophes made straight). Grouped by the widget they come from.
const BOILERPLATE_RULES: &[Rule] = &[
    // Share and print widgets.
    exact("share"),
    exact("shares"),
    exact("share this"),
    exact("share this article"),
    exact("share this story"),
    exact("share this post"),
    exact("share article"),
    exact("share story"),
    prefix("share on", SHORT),
    prefix("share via", SHORT),
    prefix("share this", SHORT),
    exact("tweet"),
    exact("tweet this"),
    exact("print"),
    exact("print this"),
    exact("print article"),
    exact("print this article"),
    exact("print this page"),
    exact("email"),
    exact("e-mail"),
    exact("email this"),
    exact("mail"),
    exact("facebook"),
    exact("twitter"),
    exact("x"),
    exact("whatsapp"),
    exact("telegram"),
    exact("linkedin"),
    exact("reddit"),
    exact("pinterest"),
    exact("tumblr"),
    exact("vk"),
    exact("threads"),
    exact("bluesky"),
    exact("instagram"),
    exact("youtube"),
    exact("tiktok"),
    exact("flipboard"),
    exact("pocket"),
    exact("messenger"),
    exact("copy link"),
    exact("copy url"),
    exact("link copied"),
    exact("like this"),
    exact("like"),
    exact("loading"),
    exact("listen"),
    prefix("listen to this article", SHORT),
    exact("listen to article"),
    exact("save"),
    exact("save article"),
    exact("bookmark"),
    exact("gift this article"),
    exact("gift article"),
    exact("font size"),
    exact("text size"),
    // Follow and connect.
    exact("connect with us"),
    exact("stay connected"),
    exact("follow us"),
    prefix("follow us on", MEDIUM),
    prefix("follow our", MEDIUM),
    prefix("join our telegram", MEDIUM),
    prefix("join our whatsapp", MEDIUM),
    prefix("join us on", MEDIUM),
    prefix("download our app", MEDIUM),
    prefix("download the app", MEDIUM),
    // Comment forms (the comments themselves are split off separately).
    exact("reply"),
    exact("cancel reply"),
    exact("leave a reply cancel reply"),
    exact("log in to reply"),
    exact("login to reply"),
    exact("report"),
    exact("report comment"),
    exact("comments are closed"),
    prefix("your email address will not be published", LONG),
    contains("required fields are marked", LONG),
    prefix("you must be logged in to post a comment", LONG),
    prefix("this site uses akismet", LONG),
    prefix("notify me of", LONG),
    prefix("save my name, email", LONG),
    // Newsletters, accounts and paywalls.
    exact("subscribe"),
    exact("subscribe now"),
    prefix("subscribe to", MEDIUM),
    prefix("subscribe for", MEDIUM),
    prefix("sign up for", MEDIUM),
    prefix("sign up to", MEDIUM),
    exact("sign up"),
    exact("sign in"),
    exact("log in"),
    exact("login"),
    exact("log out"),
    exact("logout"),
    exact("register"),
    exact("my account"),
    exact("newsletter"),
    exact("newsletters"),
    prefix("get our newsletter", MEDIUM),
    prefix("join our newsletter", MEDIUM),
    prefix("get the latest", SHORT),
    prefix("already a subscriber", MEDIUM),
    prefix("create a free account", MEDIUM),
    prefix("support our journalism", MEDIUM),
    exact("donate"),
    // Navigation and search.
    exact("menu"),
    exact("main menu"),
    exact("open menu"),
    exact("close menu"),
    exact("close"),
    exact("home"),
    exact("search"),
    exact("search for"),
    contains("what are you looking for", SHORT),
    prefix("type your search", SHORT),
    prefix("type and press enter", SHORT),
    prefix("press enter to search", SHORT),
    exact("toggle navigation"),
    exact("skip to content"),
    exact("skip to main content"),
    exact("skip to navigation"),
    exact("back to top"),
    exact("scroll to top"),
    exact("top"),
    exact("next"),
    exact("previous"),
    exact("prev"),
    exact("next article"),
    exact("previous article"),
    exact("next post"),
    exact("previous post"),
    exact("older posts"),
    exact("newer posts"),
    exact("load more"),
    exact("show more"),
    exact("see more"),
    exact("view more"),
    exact("more"),
    exact("read more"),
    exact("continue reading"),
    exact("read full article"),
    exact("read the full story"),
    prefix("read more:", MEDIUM),
    prefix("read also:", MEDIUM),
    prefix("also read:", MEDIUM),
    prefix("see also:", MEDIUM),
    prefix("related:", MEDIUM),
    prefix("recommended:", MEDIUM),
    prefix("click here", MEDIUM),
    prefix("please enable javascript", MEDIUM),
    // Advertising.
    exact("advertisement"),
    exact("advertisements"),
    exact("ad"),
    exact("ads"),
    exact("sponsored"),
    exact("sponsored content"),
    exact("promoted"),
    exact("paid content"),
    prefix("sponsored by", SHORT),
    exact("scroll to continue"),
    exact("scroll to continue with content"),
    // Cookie and consent notices.
    prefix("we use cookies", LONG),
    prefix("this website uses cookies", LONG),
    prefix("this site uses cookies", LONG),
    prefix("our website uses cookies", LONG),
    prefix("by continuing to use", LONG),
    prefix("by using this site", LONG),
    contains("use of cookies", MEDIUM),
    contains("cookie policy", SHORT),
    contains("cookie settings", SHORT),
    exact("accept"),
    exact("accept all"),
    exact("accept cookies"),
    exact("reject all"),
    exact("i agree"),
    exact("got it"),
    exact("manage preferences"),
    // Footer links and legal lines.
    prefix("©", MEDIUM),
    prefix("(c) 19", MEDIUM),
    prefix("(c) 20", MEDIUM),
    prefix("copyright ©", MEDIUM),
    prefix("copyright (c)", MEDIUM),
    prefix("copyright 19", MEDIUM),
    prefix("copyright 20", MEDIUM),
    contains("all rights reserved", MEDIUM),
    exact("privacy policy"),
    exact("terms of use"),
    exact("terms of service"),
    exact("terms and conditions"),
    exact("contact us"),
    exact("about us"),
    exact("advertise"),
    exact("advertise with us"),
    exact("rss"),
    exact("sitemap"),
    // Taxonomy and bylines without content.
    prefix("tags:", MEDIUM),
    prefix("tagged:", MEDIUM),
    prefix("tagged with", MEDIUM),
    prefix("tagged", SHORT),
    prefix("filed under", MEDIUM),
    prefix("posted in", SHORT),
    prefix("categories:", MEDIUM),
    prefix("category:", MEDIUM),
    prefix("topics:", MEDIUM),
    exact("written by"),
    exact("posted by"),
    exact("post navigation"),
    exact("website"),
    // Picture credits.
    prefix("image credit", MEDIUM),
    contains("image credit:", MEDIUM),
    prefix("image source:", MEDIUM),
    prefix("photo credit", MEDIUM),
    contains("photo credit:", MEDIUM),
    prefix("photo:", MEDIUM),
    contains("photo:", SHORT),
    contains("credit:", SHORT),
    prefix("photograph:", MEDIUM),
    contains("getty images", SHORT),
    // Reading-time badges.
    contains("min read", 20),
    contains("minute read", 25),
    contains("minutes read", 25),
    prefix("reading time", 40),
];

/// Lone headers after which a page lists links to other articles (or tags):
/// the short lines that follow them are dropped with them.
const LIST_HEADERS: &[&str] = &[
    "related",
    "related articles",
    "related posts",
    "related news",
    "related stories",
    "related content",
    "related topics",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended for you",
    "recommended stories",
    "more stories",
    "more news",
    "more from",
    "more on this",
    "more on this story",
    "read next",
    "up next",
    "also read",
    "read also",
    "see also",
    "most read",
    "most popular",
    "popular",
    "popular posts",
    "trending",
    "trending now",
    "latest",
    "latest news",
    "latest posts",
    "recent posts",
    "editor's picks",
    "don't miss",
    "tags",
    "topics",
    "categories",
];

/// Lone lines that open a comment section (also "12 Comments", "One response
/// to …", "Comments (3)", handled in [`is_comment_marker`]).
const COMMENT_HEADERS: &[&str] = &[
    "comments",
    "comment",
    "reader comments",
    "readers' comments",
    "join the discussion",
    "join the conversation",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "write a comment",
    "show comments",
    "view comments",
    "see comments",
    "load comments",
    "have your say",
    "discuss this article",
];

/// Words that, after a count, name a comment section ("12 Comments").
const COMMENT_COUNT_WORDS: &[&str] = &[
    "comment",
    "comments",
    "response",
    "responses",
    "reply",
    "replies",
    "thought",
    "thoughts",
    "reaction",
    "reactions",
];

/// Article text needed before a comment header counts as one: a "12 Comments"
/// badge under the headline is page furniture, not the start of the comments.
const MIN_ARTICLE_CHARS_BEFORE_COMMENTS: usize = 300;

/// Lines shorter than this are not checked for duplicates (short labels repeat legitimately).
const MIN_DUPLICATE_CHARS: usize = 20;
/// Long lines are compared by their opening only: an author box repeated
/// with one word changed is still the same box.
const DUPLICATE_PREFIX_CHARS: usize = 100;

/// Leading runs of at least this many one-to-three-word lines are a menu.
const MIN_MENU_RUN: usize = 4;

/// The comparable form of a line: trimmed, lower-cased, bullets and a
/// trailing colon or ellipsis removed, curly apostrophes straight, inner
/// whitespace collapsed.
fn match_key(line: &str) -> String {
    const LEADING: &[char] = &[
        '•', '·', '-', '*', '|', '»', '›', '>', '→', '▶', '►', '◦', '–', '—', '#',
    ];
    const TRAILING: &[char] = &[':', '…', '.', '»', '›', '→', '|', '-', '–', '—'];
    let trimmed = line
        .trim()
        .trim_start_matches(|c: char| LEADING.contains(&c) || c.is_whitespace())
        .trim_end_matches(|c: char| TRAILING.contains(&c) || c.is_whitespace());
    let mut key = String::with_capacity(trimmed.len());
    for word in trimmed.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        for c in word.chars() {
            match c {
                '’' | '‘' | '`' => key.push('\''),
                _ => key.extend(c.to_lowercase()),
            }
        }
    }
    key
}

fn rule_matches(rule: &Rule, key: &str, key_chars: usize) -> bool {
    if key_chars > rule.max_chars {
        return false;
    }
    match rule.how {
        How::Exact => key == rule.phrase,
        How::Contains => key.contains(rule.phrase),
        How::Prefix => {
            let Some(rest) = key.strip_prefix(rule.phrase) else {
                return false;
            };
            // "donate" must not match "donated": an alphabetic phrase ends at a word boundary.
            let phrase_ends_in_letter = rule.phrase.chars().last().is_some_and(char::is_alphabetic);
            !phrase_ends_in_letter || !rest.chars().next().is_some_and(char::is_alphanumeric)
        }
    }
}

/// True for a line a reader skips as page furniture: share/print widgets,
/// follow-us prompts, comment-form text, newsletter and cookie notices,
/// copyright lines, "Related" headers, tag lists, picture credits, reading
/// times, lone timestamps and comment-count badges.
pub fn is_boilerplate_line(line: &str) -> bool {
    // No rule matches more than LONG characters: prose paragraphs return at once.
    if line.len() > LONG * 4 {
        return false;
    }
    let key = match_key(line);
    let key_chars = key.chars().count();
    if key_chars == 0 || key_chars > LONG {
        return false;
    }
    BOILERPLATE_RULES
        .iter()
        .any(|rule| rule_matches(rule, &key, key_chars))
        || LIST_HEADERS.contains(&key.as_str())
        || is_comment_marker_key(&key)
        || is_form_label(&key)
        || is_date_line(line)
}

/// "Name *", "Email *": labels of required form fields.
fn is_form_label(key: &str) -> bool {
    key.ends_with('*') && key.chars().count() <= 30 && key.split_whitespace().count() <= 4
}

/// Where " by " starts in `line`, ignoring ASCII case (last occurrence).
fn rfind_by(line: &str) -> Option<usize> {
    line.as_bytes()
        .windows(4)
        .rposition(|w| w.eq_ignore_ascii_case(b" by "))
}

/// The author of a "Posted on March 3, 2023 by Jane Doe" line.
pub(crate) fn date_line_author(line: &str) -> Option<String> {
    let by = rfind_by(line)?;
    if !is_date_line(line) {
        return None;
    }
    byline_author(line.get(by + 1..)?)
}

fn is_list_header(line: &str) -> bool {
    LIST_HEADERS.contains(&match_key(line).as_str())
}

/// True for a lone line that opens a comment section.
pub(crate) fn is_comment_marker(line: &str) -> bool {
    is_comment_marker_key(&match_key(line))
}

fn is_comment_marker_key(key: &str) -> bool {
    if COMMENT_HEADERS.contains(&key) {
        return true;
    }
    if let Some(rest) = key.strip_prefix("comments") {
        // "Comments (12)", "Comments: 12"
        let rest = rest
            .trim_start_matches([' ', '(', ':'])
            .trim_end_matches(')');
        if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()) {
            return true;
        }
    }
    let mut words = key.splitn(3, ' ');
    let (Some(count), Some(noun)) = (words.next(), words.next()) else {
        return false;
    };
    let is_count = (!count.is_empty() && count.chars().all(|c| c.is_ascii_digit() || c == ','))
        || matches!(count, "one" | "two" | "three" | "no");
    let rest_fits = words
        .next()
        .is_none_or(|rest| rest.starts_with("on ") || rest.starts_with("to "));
    is_count && COMMENT_COUNT_WORDS.contains(&noun) && rest_fits
}

/// "Jane Doe says:" (the WordPress comment header) or "Jane Doe wrote:",
/// giving the name. Without the colon ("Jane Doe says") only when a date
/// line follows, as in the header of a pasted comment.
fn says_header<'a>(lines: &[&'a str], index: usize) -> Option<&'a str> {
    let trimmed = lines.get(index)?.trim();
    let (name, needs_date) = match trimmed
        .strip_suffix("says:")
        .or_else(|| trimmed.strip_suffix("wrote:"))
    {
        Some(name) => (name, false),
        None => (trimmed.strip_suffix(" says")?, true),
    };
    let name = name.trim();
    if name.is_empty() || !is_name_like(name) {
        return None;
    }
    if needs_date && !next_non_empty(lines, index).is_some_and(is_date_line) {
        return None;
    }
    Some(name)
}

/// A short line that can be a person's name in a comment header: at most six
/// words, no sentence punctuation at the end. A leading list number ("1.") is ignored.
fn is_name_like(line: &str) -> bool {
    let trimmed = line.trim();
    let trimmed = match trimmed.split_once(". ") {
        Some((number, rest)) if number.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => trimmed,
    };
    let words = trimmed.split_whitespace().count();
    (1..=6).contains(&words)
        && trimmed.chars().count() <= SHORT
        && !trimmed.ends_with(['.', '!', '?', ',', ';', ':'])
        && trimmed.chars().any(char::is_alphabetic)
}

/// A headline-like line: short, not ending like a sentence.
fn is_headline_like(line: &str) -> bool {
    let trimmed = line.trim();
    let words = trimmed.split_whitespace().count();
    (1..=25).contains(&words)
        && trimmed.chars().count() <= 200
        && !trimmed.ends_with(['.', ',', ';', ':'])
        && trimmed.chars().any(char::is_alphabetic)
}

// ---------------------------------------------------------------------------
// Dates

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

const TIME_ZONES: &[&str] = &[
    "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "est", "edt", "cst", "cdt", "mst", "mdt",
    "pst", "pdt", "et", "pt", "msk", "irst", "azt", "ist", "trt", "idt",
];

/// Labels that may stand before a lone date ("Published: March 3, 2023").
const DATE_LABELS: &[&str] = &[
    "published on",
    "published",
    "updated on",
    "updated",
    "last updated on",
    "last updated",
    "first published",
    "posted on",
    "posted",
    "modified",
    "date",
    "on",
];

/// Words and separators that may appear in a date line besides date parts.
const DATE_FILLERS: &[&str] = &["at", "|", "·", "•", "-", "–", "—", "@", "/", "on"];

const UNITS: &[&str] = &[
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr",
    "hrs", "day", "days", "week", "weeks", "month", "months", "year", "years",
];

#[derive(Default)]
struct DateParts {
    month: Option<u32>,
    day: Option<u32>,
    year: Option<u32>,
    iso: Option<(u32, u32, u32)>,
    time: bool,
    relative: bool,
}

/// Reads a line that is nothing but a date and/or time ("March 7, 2025 at
/// 11:14 am", "2025-03-07", "Updated: 3 hours ago", "10:12 GMT").
fn parse_date_line(line: &str) -> Option<DateParts> {
    let mut trimmed = line.trim();
    if trimmed.is_empty() || trimmed.chars().count() > 90 {
        return None;
    }
    // "Posted on March 3, 2023 by Jane Doe": the byline after the date is allowed.
    if let Some(by) = rfind_by(trimmed) {
        trimmed.get(by + 1..).and_then(byline_author)?;
        trimmed = trimmed.get(..by).unwrap_or("").trim();
    }
    if trimmed.chars().count() > 60 {
        return None;
    }
    let mut rest = trimmed.to_lowercase();
    if let Some(label) = DATE_LABELS.iter().find(|label| {
        rest.strip_prefix(*label)
            .is_some_and(|after| after.starts_with([':', ' ']))
    }) {
        rest = rest[label.len()..]
            .trim_start_matches([':', ' '])
            .to_string();
    }
    let tokens: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() {
        return None;
    }
    let mut parts = DateParts::default();
    let mut index = 0;
    while let Some(&token) = tokens.get(index) {
        index += 1;
        let token = token.trim_end_matches('.');
        if DATE_FILLERS.contains(&token) || WEEKDAYS.contains(&token) || TIME_ZONES.contains(&token)
        {
            continue;
        }
        if matches!(
            token,
            "am" | "pm" | "a.m" | "p.m" | "ago" | "yesterday" | "today" | "now"
        ) {
            parts.relative |= matches!(token, "ago" | "yesterday" | "today" | "now");
            continue;
        }
        if let Some(&(_, month)) = MONTHS.iter().find(|(name, _)| *name == token) {
            parts.month = Some(month);
            continue;
        }
        if let Some(iso) = parse_numeric_date(token) {
            parts.iso = Some(iso);
            continue;
        }
        if is_time(token) || is_utc_offset(token) {
            parts.time = true;
            continue;
        }
        if let Ok(number) = token
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<u32>()
        {
            let suffix = token.trim_start_matches(|c: char| c.is_ascii_digit());
            if tokens.get(index).is_some_and(|next| UNITS.contains(next)) && suffix.is_empty() {
                index += 1;
                parts.relative = true;
                continue;
            }
            let ordinal = matches!(suffix, "" | "st" | "nd" | "rd" | "th");
            if (1900..=2100).contains(&number) && suffix.is_empty() && parts.year.is_none() {
                parts.year = Some(number);
                continue;
            }
            if (1..=31).contains(&number) && ordinal && parts.day.is_none() {
                parts.day = Some(number);
                continue;
            }
        }
        if token == "just" && tokens.get(index) == Some(&"now") {
            continue;
        }
        return None;
    }
    let calendar = parts.month.is_some() && (parts.day.is_some() || parts.year.is_some());
    let time_only =
        parts.time && parts.month.is_none() && parts.day.is_none() && parts.year.is_none();
    (calendar || parts.iso.is_some() || time_only || parts.relative).then_some(parts)
}

/// "2025-03-07", "2025-03-07T10:00:00Z", "2025/03/07", "07.03.2025" (day
/// first, as in Europe), "07/03/2025" only when the day is unambiguous.
fn parse_numeric_date(token: &str) -> Option<(u32, u32, u32)> {
    let date = token.split('t').next().unwrap_or(token);
    let fields: Vec<&str> = date.split(['-', '/', '.']).collect();
    let [a, b, c] = fields.as_slice() else {
        return None;
    };
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (a_n, b_n, c_n) = (number(a)?, number(b)?, number(c)?);
    let valid = |y: u32, m: u32, d: u32| {
        ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then_some((y, m, d))
    };
    if a.len() == 4 {
        return valid(a_n, b_n, c_n);
    }
    if c.len() == 4 {
        let dotted = date.contains('.');
        if dotted || a_n > 12 {
            return valid(c_n, b_n, a_n);
        }
        if b_n > 12 {
            return valid(c_n, a_n, b_n);
        }
        // Ambiguous day/month: a date line, but no date we can state.
        return valid(c_n, 1, 1).map(|_| (0, 0, 0));
    }
    None
}

fn is_time(token: &str) -> bool {
    let token = token
        .trim_end_matches("am")
        .trim_end_matches("pm")
        .trim_end_matches("a.m")
        .trim_end_matches("p.m")
        .trim_end_matches('h');
    let fields: Vec<&str> = token.split(':').collect();
    (2..=3).contains(&fields.len())
        && fields
            .iter()
            .all(|f| (1..=2).contains(&f.len()) && f.chars().all(|c| c.is_ascii_digit()))
}

fn is_utc_offset(token: &str) -> bool {
    let token = token.trim_start_matches("gmt").trim_start_matches("utc");
    token.len() >= 2
        && token.starts_with(['+', '-'])
        && token[1..].chars().all(|c| c.is_ascii_digit() || c == ':')
}

/// True for a line that is only a date and/or time.
pub(crate) fn is_date_line(line: &str) -> bool {
    parse_date_line(line).is_some()
}

/// The `YYYY-MM-DD` of a lone date line, when it names a full calendar date.
pub(crate) fn date_of_line(line: &str) -> Option<String> {
    let parts = parse_date_line(line)?;
    let (year, month, day) = match parts.iso {
        Some((0, _, _)) => return None,
        Some(ymd) => ymd,
        None => (parts.year?, parts.month?, parts.day?),
    };
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// Normalizes a machine date ("2023-03-01T10:00:00+02:00") to `YYYY-MM-DD`.
pub(crate) fn iso_date(value: &str) -> Option<String> {
    let head = value.trim().get(..10)?;
    let bytes = head.as_bytes();
    let shape_ok = bytes.iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    });
    if !shape_ok {
        return None;
    }
    let (year, month, day) = parse_numeric_date(head)?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

// ---------------------------------------------------------------------------
// Bylines

/// Openers of a byline line; what follows is the author's name.
const BYLINE_OPENERS: &[&str] = &[
    "by:",
    "by",
    "written by:",
    "written by",
    "author:",
    "words by",
    "about the author:",
    "reporting by",
];

/// The author's name from a byline line ("By: N. Daneshvar", "By Jane Doe |
/// March 3"), when what follows the opener looks like a name.
pub(crate) fn byline_author(line: &str) -> Option<String> {
    let trimmed = line.trim();
    if trimmed.chars().count() > 80 {
        return None;
    }
    let lower = trimmed.to_lowercase();
    let opener = BYLINE_OPENERS.iter().find(|opener| {
        lower
            .strip_prefix(*opener)
            .is_some_and(|after| after.starts_with(char::is_whitespace))
    })?;
    let rest = trimmed.get(opener.len()..)?.trim();
    let name = rest
        .split(['|', '•', '·', ',', '—', '–'])
        .next()
        .unwrap_or(rest)
        .trim();
    // "Jane Doe." loses the period; "John Q." keeps the one closing an initial.
    let last_word_len = name
        .split_whitespace()
        .last()
        .map_or(0, |w| w.chars().count());
    let name = match name.strip_suffix('.') {
        Some(stripped) if last_word_len > 2 => stripped,
        _ => name,
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let particles = [
        "de", "da", "van", "von", "der", "al", "bin", "ibn", "la", "le", "del",
    ];
    let name_words_ok = words.iter().all(|word| {
        word.chars().next().is_some_and(char::is_uppercase) || particles.contains(word)
    });
    ((2..=6).contains(&words.len()) && name_words_ok).then(|| name.to_string())
}

// ---------------------------------------------------------------------------
// Comments

/// Splits the lines of a comment section into individual comments: a new
/// comment starts after a "Name says:" header, after a "Name" + date header
/// (the name line is dropped with the date), and after a "Reply" link or any
/// other boilerplate line. Returns the comments and the number of boilerplate
/// lines dropped.
pub(crate) fn split_comments(lines: &[&str]) -> (Vec<String>, usize) {
    let mut comments = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut removed = 0;
    let mut in_list = false;
    let flush = |current: &mut Vec<&str>, comments: &mut Vec<String>| {
        if !current.is_empty() {
            comments.push(current.join("\n"));
            current.clear();
        }
    };
    for (index, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if says_header(lines, index).is_some() {
            flush(&mut current, &mut comments);
            continue;
        }
        if is_date_line(trimmed) {
            // The line before a comment's date is its author's name.
            if current.last().is_some_and(|last| is_name_like(last)) {
                current.pop();
            }
            flush(&mut current, &mut comments);
            continue;
        }
        if is_boilerplate_line(trimmed) {
            flush(&mut current, &mut comments);
            removed += 1;
            // "Recent Posts" and the like after the comments: their links go too.
            in_list = is_list_header(trimmed);
            continue;
        }
        if in_list && is_headline_like(trimmed) {
            removed += 1;
            continue;
        }
        in_list = false;
        current.push(trimmed);
    }
    flush(&mut current, &mut comments);
    (comments, removed)
}

// ---------------------------------------------------------------------------
// Plain text

/// What identifies a line for duplicate removal: the line itself, or the
/// opening of a long one; `None` for lines too short to judge.
pub(crate) fn duplicate_key(line: &str) -> Option<&str> {
    let trimmed = line.trim();
    if trimmed.chars().count() < MIN_DUPLICATE_CHARS {
        return None;
    }
    let end = trimmed
        .char_indices()
        .nth(DUPLICATE_PREFIX_CHARS)
        .map_or(trimmed.len(), |(at, _)| at);
    trimmed.get(..end)
}

/// Marks the lines of leading menus: before the first real paragraph, runs of
/// at least [`MIN_MENU_RUN`] lines of one to three words each (blank lines between are allowed).
fn leading_menu_lines(lines: &[&str]) -> HashSet<usize> {
    let mut menu = HashSet::new();
    let mut run: Vec<usize> = Vec::new();
    let is_menu_item = |line: &str| {
        let words = line.split_whitespace().count();
        (1..=3).contains(&words)
            && line.chars().count() <= 30
            && !line.ends_with(['.', '?', '!', ':'])
    };
    for (index, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.chars().count() >= 80 {
            break;
        }
        if is_menu_item(trimmed) {
            run.push(index);
        } else {
            if run.len() >= MIN_MENU_RUN {
                menu.extend(run.iter().copied());
            }
            run.clear();
        }
    }
    if run.len() >= MIN_MENU_RUN {
        menu.extend(run);
    }
    menu
}

/// Cleans plain text (often a paste of a whole page): drops boilerplate lines
/// and exact repeats, moves the comment section to `comments`, and reads the
/// title, byline and date. Kept lines are unchanged except for trailing
/// whitespace; blank lines left around removed ones are collapsed.
pub(crate) fn clean_text(text: &str) -> Article {
    let mut article = blank_article(Format::Text);
    let lines: Vec<&str> = text.lines().collect();
    let menu = leading_menu_lines(&lines);
    let mut kept: Vec<&str> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut removed_since_kept = false;
    let mut in_list = false;
    let mut article_chars = 0usize;
    let mut comment_start = None;

    for (index, line) in lines.iter().enumerate() {
        let line = line.trim_end();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            let last_is_blank = kept.last().is_none_or(|last| last.is_empty());
            if !(kept.is_empty() || (last_is_blank && removed_since_kept)) {
                kept.push("");
            }
            continue;
        }
        if article_chars >= MIN_ARTICLE_CHARS_BEFORE_COMMENTS && starts_comments(&lines, index) {
            comment_start = Some(index);
            break;
        }
        let drop = if menu.contains(&index) || is_boilerplate_line(trimmed) {
            if is_date_line(trimmed) {
                if article.meta.date.is_none() {
                    article.meta.date = date_of_line(trimmed);
                }
                if article.meta.author.is_none() {
                    article.meta.author = date_line_author(trimmed);
                }
            }
            in_list = is_list_header(trimmed);
            true
        } else if in_list && is_headline_like(trimmed) {
            true
        } else {
            in_list = false;
            duplicate_key(trimmed).is_some_and(|key| !seen.insert(key))
        };
        if drop {
            article.removed_lines += 1;
            removed_since_kept = true;
            continue;
        }
        if article.meta.author.is_none() {
            article.meta.author = byline_author(trimmed);
        }
        article_chars += trimmed.len();
        removed_since_kept = false;
        kept.push(line);
    }
    while kept.last().is_some_and(|last| last.is_empty()) {
        kept.pop();
    }
    if let Some(start) = comment_start {
        let (comments, removed) = split_comments(lines.get(start..).unwrap_or_default());
        article.comments = comments;
        article.removed_lines += removed;
    }
    article.title = headline_of(&kept);
    article.text = kept.join("\n");
    article
}

/// A comment section starts at a comment header ("12 Comments", "Leave a
/// Reply") or at a "Name says:" line followed by a date.
fn starts_comments(lines: &[&str], index: usize) -> bool {
    if lines.get(index).is_some_and(|line| is_comment_marker(line)) {
        return true;
    }
    says_header(lines, index).is_some() && next_non_empty(lines, index).is_some_and(is_date_line)
}

fn next_non_empty<'a>(lines: &[&'a str], index: usize) -> Option<&'a str> {
    lines
        .get(index + 1..)?
        .iter()
        .copied()
        .find(|line| !line.trim().is_empty())
}

/// The first kept line when it looks like a headline. A one-to-three-word
/// line directly followed by a longer headline is a site name or section
/// label above the headline, and the headline is taken instead.
fn headline_of(kept: &[&str]) -> Option<String> {
    let mut non_empty = kept.iter().map(|l| l.trim()).filter(|l| !l.is_empty());
    let first = non_empty.next()?;
    if !is_headline_like(first) {
        return None;
    }
    let first_words = first.split_whitespace().count();
    if first_words <= 3 {
        if let Some(second) = non_empty.next() {
            let second_words = second.split_whitespace().count();
            if second_words >= 4 && second_words >= first_words + 2 && is_headline_like(second) {
                return Some(second.to_string());
            }
        }
    }
    Some(first.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_lines() {
        let boilerplate = [
            "Share",
            "  Share this:",
            "Tweet",
            "Print",
            "Email",
            "Facebook",
            "Twitter",
            "WhatsApp",
            "Telegram",
            "• Share on Facebook",
            "Leave a Reply",
            "Leave a comment",
            "Cancel reply",
            "Your email address will not be published. Required fields are marked *",
            "Required fields are marked *",
            "Subscribe",
            "Sign up for our newsletter",
            "Related articles",
            "Related Posts:",
            "Read more",
            "Read more: Something else happened",
            "Advertisement",
            "ADVERTISEMENT",
            "Follow us on Twitter and Facebook",
            "We use cookies to give you the best experience. By continuing you agree.",
            "© 2024 Example Media Ltd.",
            "Copyright © 2023 Example",
            "Example News. All rights reserved.",
            "Tags: Iran, Azerbaijan",
            "March 7, 2025",
            "March 7, 2025 at 11:14 am",
            "Updated: 3 hours ago",
            "2024-03-01",
            "10:12 GMT",
            "Connect with us",
            "Hi, what are you looking for?",
            "Written By",
            "Photo credit: Somebody",
            "Tank in the desert. Image Credit: Army.",
            "5 min read",
            "12 Comments",
            "You must be logged in to post a comment.",
            "Posted on April 2, 2023 by Sam Writer",
            "Tagged Iran",
            "Post navigation",
            "The new embassy. Photo: Reuters",
            "Email *",
            "Name *",
        ];
        for line in boilerplate {
            assert!(is_boilerplate_line(line), "should be boilerplate: {line:?}");
        }
    }

    #[test]
    fn prose_is_not_boilerplate() {
        let prose = [
            "Iran shares a long border with Azerbaijan.",
            "The minister donated the funds.",
            "Share prices fell sharply on Monday after the announcement.",
            "Follow the money, the report says, and you find the same three banks.",
            "Print media in the region is under pressure.",
            "March",
            "May 2025 be better",
            "Comments by the spokesman were sharply criticized in Baku.",
            "Related to this, the ministry issued a statement on the corridor.",
            "In 2020, the war ended after 44 days.",
            "Subscribers to the theory say otherwise.",
            "Posted in 2019, the video drew criticism from officials in Tehran and elsewhere in the region for weeks.",
            "",
        ];
        for line in prose {
            assert!(!is_boilerplate_line(line), "should be kept: {line:?}");
        }
    }

    #[test]
    fn dates() {
        let cases = [
            ("March 7, 2025 at 11:14 am", Some("2025-03-07")),
            ("Tuesday, 7 March 2025", Some("2025-03-07")),
            ("Published: Mar. 3, 2023 10:12 AM GMT", Some("2023-03-03")),
            ("2023-04-02T08:00:00Z", Some("2023-04-02")),
            ("07.03.2025", Some("2025-03-07")),
            ("13/03/2025", Some("2025-03-13")),
            ("03/04/2025", None),
            ("3 hours ago", None),
            ("11:14", None),
            ("March 2025", None),
        ];
        for (line, iso) in cases {
            assert!(is_date_line(line), "{line}");
            assert_eq!(date_of_line(line).as_deref(), iso, "{line}");
        }
        for line in [
            "March on Baku",
            "7 soldiers",
            "It happened on March 7, 2025.",
            "2020",
            "March 7, 2025 by the sea",
        ] {
            assert!(!is_date_line(line), "{line}");
        }
        let byline = "Posted on April 2, 2023 by Sam Writer";
        assert_eq!(date_line_author(byline).as_deref(), Some("Sam Writer"));
        assert_eq!(date_of_line(byline).as_deref(), Some("2023-04-02"));
        assert_eq!(
            iso_date("2023-03-01T10:00:00+02:00").as_deref(),
            Some("2023-03-01")
        );
        assert_eq!(iso_date("2023-13-01"), None);
        assert_eq!(iso_date("yesterday"), None);
        assert_eq!(iso_date("ü"), None);
    }

    #[test]
    fn comment_markers() {
        for line in [
            "1 Comment",
            "12 comments",
            "One Response to “Title”",
            "Comments (3)",
            "Leave a Reply",
            "3 thoughts on “Iran”",
        ] {
            assert!(is_comment_marker(line), "{line}");
        }
        for line in [
            "12 soldiers",
            "Comments by the minister",
            "1 comment was made by the ministry today",
        ] {
            assert!(!is_comment_marker(line), "{line}");
        }
    }

    #[test]
    fn bylines() {
        let cases = [
            ("By: N. Daneshvar", Some("N. Daneshvar")),
            ("\u{a0}By Jane Doe | March 3, 2024", Some("Jane Doe")),
            (
                "About the Author: Dr. Stephen Blank\u{a0}",
                Some("Dr. Stephen Blank"),
            ),
            ("Written by Ali al Hamid", Some("Ali al Hamid")),
            ("By Tuesday, officials said the talks would resume.", None),
            ("By the way", None),
            ("By 2030", None),
        ];
        for (line, author) in cases {
            assert_eq!(byline_author(line).as_deref(), author, "{line}");
        }
    }

    #[test]
    fn wordpress_comments_are_split() {
        let lines = [
            "John Smith says:",
            "March 3, 2023 at 10:12 am",
            "I disagree with the author.",
            "Strongly.",
            "Reply",
            "Jane Roe says:",
            "March 4, 2023 at 9:00 pm",
            "Good piece.",
            "Reply",
            "Leave a Reply",
            "Your email address will not be published.",
        ];
        let (comments, removed) = split_comments(&lines);
        assert_eq!(
            comments,
            vec!["I disagree with the author.\nStrongly.", "Good piece."]
        );
        assert_eq!(removed, 4);
    }

    #[test]
    fn name_and_date_headers_are_split() {
        let lines = [
            "2 Comments",
            "  1. Ann Lee",
            "  May 1, 2024 at 1:00 pm",
            "First.",
            "",
            "  2. Bo Ek",
            "  May 2, 2024 at 2:00 pm",
            "Second one.",
        ];
        let (comments, _) = split_comments(&lines);
        assert_eq!(comments, vec!["First.", "Second one."]);
    }

    fn paragraph(n: usize) -> String {
        format!("Paragraph {n} explains, at some length and with several clauses, what the officials said and why it matters to the region.")
    }

    #[test]
    fn whole_page_paste_is_cleaned() {
        let text = format!(
            "Home\nWorld\nPolitics\nBusiness\nConnect with us\n\nSite Name\n\nIran Warns Baku Over Israeli Ties\n\nBy Jane Doe\nMarch 3, 2024\n\n{}\n\nShare this:\nTwitter\nFacebook\n\n{}\n\nRelated articles\nIran holds drills near border\nBaku answers Tehran\n\n{}\n{}\n\nTags: Iran, Azerbaijan\n© 2024 Example Media. All rights reserved.\n\n2 Comments\n\nAli Veli says:\nMarch 4, 2024 at 10:12 am\nThis is nonsense.\nReply\n\nMary Major says:\nMarch 5, 2024 at 8:01 pm\nGreat analysis, thanks.\nReply\n\nLeave a Reply\nCancel reply\nYour email address will not be published.\n",
            paragraph(1),
            paragraph(2),
            paragraph(3),
            paragraph(1),
        );
        let article = clean_text(&text);
        let expected = format!(
            "Iran Warns Baku Over Israeli Ties\n\nBy Jane Doe\n\n{}\n\n{}\n\n{}",
            paragraph(1),
            paragraph(2),
            paragraph(3)
        );
        assert_eq!(article.text, expected);
        assert_eq!(
            article.title.as_deref(),
            Some("Iran Warns Baku Over Israeli Ties")
        );
        assert_eq!(article.meta.author.as_deref(), Some("Jane Doe"));
        assert_eq!(article.meta.date.as_deref(), Some("2024-03-03"));
        assert_eq!(
            article.comments,
            vec!["This is nonsense.", "Great analysis, thanks."]
        );
        // A menu of 6 short lines (site name included) + date + 3 share widgets
        // + related header and 2 links + duplicate + tags + copyright; then in
        // the comments the count, 2 "Reply" links and 3 reply-form lines.
        assert_eq!(article.removed_lines, 6 + 1 + 3 + 3 + 1 + 2 + 6);
    }

    #[test]
    fn comment_badge_under_headline_is_not_the_comment_section() {
        let text = format!(
            "Headline\n12 Comments\n{}\n{}\n{}",
            paragraph(1),
            paragraph(2),
            paragraph(3)
        );
        let article = clean_text(&text);
        assert!(article.comments.is_empty());
        assert!(article.text.contains(&paragraph(3)));
        assert!(!article.text.contains("12 Comments"));
    }

    #[test]
    fn related_list_ends_at_the_next_paragraph() {
        let text = format!(
            "{}\nRelated\nOther story one\nOther story two\n{}",
            paragraph(1),
            paragraph(2)
        );
        let article = clean_text(&text);
        assert_eq!(article.text, format!("{}\n{}", paragraph(1), paragraph(2)));
        assert_eq!(article.removed_lines, 3);
    }

    #[test]
    fn near_duplicate_long_lines_are_dropped() {
        let bio = format!("{} He lives in the US.", paragraph(9));
        let text = format!(
            "{}\n{bio}\nWritten By\n{}",
            paragraph(1),
            bio.replace("US", "U.S.")
        );
        let article = clean_text(&text);
        assert_eq!(article.text, format!("{}\n{bio}", paragraph(1)));
        assert_eq!(article.removed_lines, 2);
        assert_eq!(duplicate_key("short"), None);
    }

    #[test]
    fn titles() {
        assert_eq!(
            clean_text("A Headline\nBody.").title.as_deref(),
            Some("A Headline")
        );
        let masthead = clean_text("The Outlet\nIran Warns Baku Over Ties\nBody.");
        assert_eq!(masthead.title.as_deref(), Some("Iran Warns Baku Over Ties"));
        assert_eq!(
            clean_text("Short one\nTwo three four\nBody.")
                .title
                .as_deref(),
            Some("Short one")
        );
        assert_eq!(clean_text("A sentence that ends.\nBody.").title, None);
        assert_eq!(clean_text(&paragraph(1)).title, None);
        assert_eq!(clean_text("").title, None);
    }

    #[test]
    fn kept_lines_are_untouched_except_trailing_space() {
        let text = "  Indented line  \n\n\nAfter two blanks\t\n";
        assert_eq!(
            clean_text(text).text,
            "  Indented line\n\n\nAfter two blanks"
        );
    }
}
