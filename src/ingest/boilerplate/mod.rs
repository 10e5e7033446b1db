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
//!
//! By concern: [`furniture`] (the pattern tables), [`dates`] (date lines and bylines),
//! [`comments`] (where the comments start and how they split); this file cleans a
//! whole plain text with them.

use std::collections::HashSet;

use super::{blank_article, Article, Format};

mod comments;
mod dates;
mod furniture;

pub(crate) use comments::split_comments;
#[cfg(any(feature = "html", feature = "markdown"))]
pub(crate) use dates::iso_date;
pub(crate) use dates::{byline_author, date_line_author, date_of_line, is_date_line};
pub use furniture::is_boilerplate_line;

use comments::{is_comment_marker, next_non_empty, says_header};
use furniture::{is_headline_like, is_list_header};

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
