//! Page furniture, line by line: share and print widgets, follow-us prompts, comment-form
//! text, newsletter and cookie notices, copyright lines, "Related" headers, picture credits,
//! reading times. Each pattern is a row of a table of *general* web boilerplate (never a
//! sentence of one article), so that adding a pattern is adding a row.

use super::comments::is_comment_marker_key;
use super::dates::is_date_line;

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

pub(super) const SHORT: usize = 60;
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

/// The comparable form of a line: trimmed, lower-cased, bullets and a
/// trailing colon or ellipsis removed, curly apostrophes straight, inner
/// whitespace collapsed.
pub(super) fn match_key(line: &str) -> String {
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

pub(super) fn is_list_header(line: &str) -> bool {
    LIST_HEADERS.contains(&match_key(line).as_str())
}

/// A headline-like line: short, not ending like a sentence.
pub(super) fn is_headline_like(line: &str) -> bool {
    let trimmed = line.trim();
    let words = trimmed.split_whitespace().count();
    (1..=25).contains(&words)
        && trimmed.chars().count() <= 200
        && !trimmed.ends_with(['.', ',', ';', ':'])
        && trimmed.chars().any(char::is_alphabetic)
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
}
