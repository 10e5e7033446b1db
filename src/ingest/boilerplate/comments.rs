//! Reader comments: where a comment section starts, and how it splits into comments.

use super::dates::is_date_line;
use super::furniture::{is_boilerplate_line, is_headline_like, is_list_header, match_key, SHORT};

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

/// True for a lone line that opens a comment section.
pub(crate) fn is_comment_marker(line: &str) -> bool {
    is_comment_marker_key(&match_key(line))
}

pub(super) fn is_comment_marker_key(key: &str) -> bool {
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
pub(super) fn says_header<'a>(lines: &[&'a str], index: usize) -> Option<&'a str> {
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

pub(super) fn next_non_empty<'a>(lines: &[&'a str], index: usize) -> Option<&'a str> {
    lines
        .get(index + 1..)?
        .iter()
        .copied()
        .find(|line| !line.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
