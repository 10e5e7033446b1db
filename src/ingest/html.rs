//! Saved web pages: metadata from the head, the article body found the way
//! Readability finds it, and reader comments kept apart.
//!
//! Parsing is inert: html5ever (through scraper) only builds a tree; nothing
//! runs and nothing is fetched, and we only ever read text nodes and a few
//! attributes, so no markup survives into the output. The tree is copied
//! into a flat arena in document order and every walk over it is a loop with
//! an explicit stack or an index range, so depth cannot overflow the stack.
//! Deep nesting is also capped before parsing, because the HTML tree builder
//! scans its stack of open elements for many tags and would take quadratic
//! time on 100 000 nested `<div>`s.

use std::borrow::Cow;
use std::collections::HashSet;

use scraper::{Html, Node, Selector};
use serde_json::Value;

use super::boilerplate::{
    byline_author, date_line_author, date_of_line, duplicate_key, is_boilerplate_line,
    is_date_line, iso_date, split_comments,
};
use super::{blank_article, Article, Format, Meta};

/// Deeper nesting than this is flattened before parsing (real pages stay far below).
const MAX_NESTING: usize = 256;

/// Elements that never hold article text (scripts, media, forms, page chrome).
const JUNK_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "math",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "dialog",
    "figcaption",
    "head",
    "title",
    "meta",
    "link",
    "label",
    "menu",
];

/// Elements whose content is never shown, not even as page furniture.
const INVISIBLE_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "math", "head", "title", "meta",
    "link", "object", "embed", "canvas",
];

/// ARIA roles of page chrome.
const JUNK_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
    "tablist",
];

/// Words in `class`/`id` that mark page furniture (compared as whole words of
/// the attribute, split at `-`, `_` and spaces, so "nav" never matches "unavailable").
const JUNK_HINTS: &[&str] = &[
    "share",
    "sharing",
    "sharer",
    "shares",
    "social",
    "socials",
    "related",
    "relatedposts",
    "recommended",
    "recirc",
    "outbrain",
    "taboola",
    "subscribe",
    "subscription",
    "newsletter",
    "signup",
    "breadcrumb",
    "breadcrumbs",
    "menu",
    "navbar",
    "nav",
    "navigation",
    "sidebar",
    "widget",
    "widgets",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "adsbygoogle",
    "adslot",
    "adunit",
    "promo",
    "promotion",
    "promoted",
    "sponsor",
    "sponsored",
    "footer",
    "header",
    "masthead",
    "banner",
    "popup",
    "modal",
    "overlay",
    "pagination",
    "pager",
    "toolbar",
    "skip",
    "print",
    "follow",
    "tags",
    "tagcloud",
    "trending",
    "popular",
    "meta",
    "byline",
    "sr",
    "screenreader",
    "visually",
];

/// Words in `class`/`id` of a comment section.
const COMMENT_SECTION_HINTS: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "respond",
    "disqus",
    "replies",
    "responses",
];

/// Words that turn a comment word into something else: a count, a link, a button.
const NOT_A_COMMENT_SECTION_HINTS: &[&str] = &[
    "count", "counter", "link", "links", "number", "num", "has", "no", "icon", "btn", "button",
    "toggle", "total", "closed", "enabled", "open", "bubble", "badge", "meta",
];

/// Words in `class`/`id` that, next to "comment", mark a part of one comment
/// (or the list), not a whole comment.
const NOT_ONE_COMMENT_HINTS: &[&str] = &[
    "list",
    "form",
    "respond",
    "meta",
    "metadata",
    "author",
    "content",
    "body",
    "text",
    "reply",
    "awaiting",
    "count",
    "link",
    "title",
    "header",
    "footer",
    "area",
    "section",
    "wrap",
    "wrapper",
    "container",
    "children",
    "avatar",
    "date",
    "time",
    "edit",
    "actions",
    "navigation",
    "nav",
];

/// Parts of a comment that are not its text: who, when, and the reply link.
const COMMENT_META_HINTS: &[&str] = &[
    "author",
    "meta",
    "metadata",
    "vcard",
    "says",
    "reply",
    "avatar",
    "date",
    "edit",
    "permalink",
    "like",
    "likes",
    "actions",
    "vote",
    "votes",
    "report",
    "flag",
];

/// Words in `class`/`id` that make a container more likely to hold the article.
const POSITIVE_HINTS: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "main",
    "page",
    "post",
    "text",
    "blog",
    "story",
    "articlebody",
    "prose",
];

/// Words in `class`/`id` that make a container less likely to hold the article.
const NEGATIVE_HINTS: &[&str] = &[
    "meta", "byline", "caption", "credit", "shoutbox", "combx", "contact", "hid", "mini",
    "masthead", "media", "outbrain", "scroll", "shopping", "tool",
];

/// Elements that end a line of text.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "br",
    "legend",
    "option",
    "menu",
    "title",
];

/// JSON-LD types of an article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "SocialMediaPosting",
];

/// Separators between a headline and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];

/// Longest metadata value kept (a title or author name is never longer).
const MAX_META_CHARS: usize = 500;

/// Article text needed outside comment sections before we trust them: when
/// nearly all text sits in a "comment" container, the page was misread.
const MIN_TEXT_OUTSIDE_COMMENTS: usize = 200;

/// Shortest block that counts as a paragraph when scoring containers.
const MIN_PARAGRAPH_CHARS: usize = 25;

const NO_PARENT: usize = usize::MAX;

pub(crate) fn to_article(source: &str) -> Article {
    let capped = cap_nesting(source, MAX_NESTING);
    let document = Html::parse_document(&capped);
    let mut meta = read_meta(&document);
    let tree = Tree::build(&document);
    drop(document);

    // Class words are a strong hint and sometimes a wrong one ("no-sidebar" on
    // the wrapper of everything): like Readability, retry without them when
    // the first pass finds next to nothing.
    let mut extraction = Extraction::run(&tree, true);
    if extraction.text_chars() < MIN_ARTICLE_CHARS {
        let retry = Extraction::run(&tree, false);
        // Only a clearly larger text wins: a short article is not to gain its share bar.
        if retry.text_chars() > extraction.text_chars() * 2 {
            extraction = retry;
        }
    }

    let first_h1 = tree.first_h1();
    let title = clean_title(
        meta.title.take(),
        meta.outlet.as_deref(),
        first_h1.as_deref(),
    )
    .or(first_h1);
    let mut lines = extraction.lines;
    if let Some(title) = &title {
        if !lines.is_empty() && !lines.iter().any(|line| line == title) {
            lines.insert(0, title.clone());
        }
    }
    meta.date = meta.date.or(extraction.date);
    meta.author = meta.author.or(extraction.author);
    meta.title.clone_from(&title);

    let mut article = blank_article(Format::Html);
    article.text = lines.join("\n");
    article.comments = extraction.comments;
    article.removed_lines = extraction.removed_lines;
    article.title = title;
    article.meta = meta;
    article
}

/// Article text below which the class-word hints are distrusted (Readability's threshold).
const MIN_ARTICLE_CHARS: usize = 500;

/// What one pass over the page found.
struct Extraction {
    lines: Vec<String>,
    comments: Vec<String>,
    removed_lines: usize,
    /// From a lone date line or a byline in the body, for pages without metadata.
    date: Option<String>,
    author: Option<String>,
}

impl Extraction {
    fn run(tree: &Tree, use_class_hints: bool) -> Extraction {
        let page = Page::analyze(tree, use_class_hints);
        let mut rendered = Vec::new();
        for root in page.body_roots() {
            page.render(root, &mut rendered, |i| page.excluded(i));
        }
        let mut extraction = Extraction {
            lines: Vec::new(),
            comments: page.comments(),
            removed_lines: 0,
            date: None,
            author: None,
        };
        let mut seen: HashSet<String> = HashSet::new();
        for line in rendered {
            if is_boilerplate_line(&line) {
                if is_date_line(&line) {
                    extraction.date = extraction.date.or_else(|| date_of_line(&line));
                    extraction.author = extraction.author.or_else(|| date_line_author(&line));
                }
                continue;
            }
            if duplicate_key(&line).is_some_and(|key| !seen.insert(key.to_string())) {
                continue;
            }
            if extraction.author.is_none() {
                extraction.author = byline_author(&line);
            }
            extraction.lines.push(line);
        }
        // Every visible block that is neither article nor comment was dropped.
        let comment_lines: usize = extraction.comments.iter().map(|c| c.lines().count()).sum();
        let mut visible = Vec::new();
        page.render(0, &mut visible, |i| page.invisible(i));
        extraction.removed_lines = visible
            .len()
            .saturating_sub(extraction.lines.len() + comment_lines);
        extraction
    }

    fn text_chars(&self) -> usize {
        self.lines.iter().map(|line| line.chars().count()).sum()
    }
}

// ---------------------------------------------------------------------------
// Nesting cap

const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT_TAGS: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Elements closed implicitly by the next sibling of the same kind: they do
/// not nest deeply in the parsed tree however many are left open.
const SELF_CLOSING_SIBLING_TAGS: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "rb",
    "rt", "rp", "colgroup",
];

/// Drops the start and end tags of elements nested deeper than `limit`,
/// keeping their content. A small linear tokenizer: comments, doctypes and
/// raw-text elements are skipped whole, quoted attribute values respected.
fn cap_nesting(html: &str, limit: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let lower = html.to_ascii_lowercase();
    let lower = lower.as_bytes();
    let mut out: Option<String> = None;
    let mut kept_from = 0;
    let mut depth = 0usize;
    let mut dropped = 0usize;
    // Raw-text elements whose end tag was searched for and is not in the rest
    // of the document: searching again would make the scan quadratic.
    let mut unclosed: Vec<String> = Vec::new();
    let mut at = 0;
    while let Some(offset) = bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        let start = at + offset;
        let next = bytes.get(start + 1).copied();
        if lower
            .get(start..)
            .is_some_and(|rest| rest.starts_with(b"<!--"))
        {
            at = find_from(lower, start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        if matches!(next, Some(b'!' | b'?')) {
            at = find_byte(bytes, start, b'>').map_or(bytes.len(), |end| end + 1);
            continue;
        }
        let closing = next == Some(b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = lower.get(name_start..).map_or(0, |rest| {
            rest.iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count()
        });
        if name_len == 0 || !lower.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            at = start + 1;
            continue;
        }
        let name = html
            .get(name_start..name_start + name_len)
            .unwrap_or("")
            .to_ascii_lowercase();
        let end = tag_end(bytes, name_start + name_len);
        let self_closing = end >= 2 && bytes.get(end - 2) == Some(&b'/');
        let counted = !VOID_TAGS.contains(&name.as_str())
            && !SELF_CLOSING_SIBLING_TAGS.contains(&name.as_str())
            && !RAW_TEXT_TAGS.contains(&name.as_str());
        let mut drop_tag = false;
        if closing {
            if counted {
                if dropped > 0 {
                    dropped -= 1;
                    drop_tag = true;
                } else {
                    depth = depth.saturating_sub(1);
                }
            }
        } else if counted && !self_closing {
            if depth >= limit {
                dropped += 1;
                drop_tag = true;
            } else {
                depth += 1;
            }
        }
        if drop_tag {
            let buffer = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buffer.push_str(html.get(kept_from..start).unwrap_or(""));
            kept_from = end;
        }
        at = end;
        if !closing && RAW_TEXT_TAGS.contains(&name.as_str()) && !unclosed.contains(&name) {
            // Skip the raw text to its end tag, which is then read as usual
            // (unclosed, the rest is scanned: over-counting only caps sooner).
            let mut needle = b"</".to_vec();
            needle.extend_from_slice(name.as_bytes());
            match find_from(lower, end, &needle) {
                Some(close) => at = close,
                None => unclosed.push(name),
            }
        } else if !closing && name == "plaintext" {
            break;
        }
    }
    match out {
        Some(mut buffer) => {
            buffer.push_str(html.get(kept_from..).unwrap_or(""));
            Cow::Owned(buffer)
        }
        None => Cow::Borrowed(html),
    }
}

/// The index just past the `>` closing a tag, outside quoted values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    let mut at = from;
    while let Some(&b) = bytes.get(at) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return at + 1,
            None => {}
        }
        at += 1;
    }
    bytes.len()
}

fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == byte)
        .map(|p| p + from)
}

fn find_from(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let rest = haystack.get(from..)?;
    let first = *needle.first()?;
    let mut at = 0;
    while let Some(offset) = rest.get(at..)?.iter().position(|&b| b == first) {
        let candidate = at + offset;
        if rest.get(candidate..)?.starts_with(needle) {
            return Some(from + candidate);
        }
        at = candidate + 1;
    }
    None
}

// ---------------------------------------------------------------------------
// Metadata

/// Collapses whitespace and caps the length of a metadata value.
fn clean_value(value: &str) -> Option<String> {
    let collapsed: String = value.split_whitespace().collect::<Vec<_>>().join(" ");
    let capped: String = collapsed.chars().take(MAX_META_CHARS).collect();
    (!capped.is_empty()).then_some(capped)
}

/// Only absolute web addresses are kept: a `javascript:` or `data:` URL from a
/// hostile page must never become a link in the UI.
pub(crate) fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<')
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

/// Metadata candidates in order of trust; the first present wins.
#[derive(Default)]
struct MetaCandidates {
    og_title: Option<String>,
    html_title: Option<String>,
    ld_headline: Option<String>,
    site_name: Option<String>,
    ld_publisher: Option<String>,
    application_name: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    author_meta: Option<String>,
    ld_author: Option<String>,
    article_author: Option<String>,
    author_markup: Option<String>,
    published_meta: Option<String>,
    ld_date: Option<String>,
    other_date_meta: Option<String>,
    time_element: Option<String>,
}

fn set_once(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value;
    }
}

fn read_meta(document: &Html) -> Meta {
    let mut found = MetaCandidates::default();
    if let Some(title_selector) = selector("title") {
        if let Some(title) = document.select(&title_selector).next() {
            found.html_title = clean_value(&title.text().collect::<String>());
        }
    }
    if let Some(meta_selector) = selector("meta[content]") {
        for element in document.select(&meta_selector) {
            let value = element.value();
            let key = value
                .attr("property")
                .or_else(|| value.attr("name"))
                .or_else(|| value.attr("itemprop"))
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            let content = clean_value(value.attr("content").unwrap_or(""));
            match key.as_str() {
                "og:title" | "twitter:title" => set_once(&mut found.og_title, content),
                "og:site_name" => set_once(&mut found.site_name, content),
                "application-name" => set_once(&mut found.application_name, content),
                "og:url" => set_once(&mut found.og_url, content),
                "author" | "byl" | "dc.creator" | "parsely-author" | "sailthru.author" => {
                    let content =
                        content.map(|a| a.strip_prefix("By ").map(str::to_string).unwrap_or(a));
                    set_once(&mut found.author_meta, content);
                }
                "article:author" => {
                    // Often a profile URL rather than a name.
                    set_once(
                        &mut found.article_author,
                        content.filter(|a| !a.contains("://")),
                    );
                }
                "article:published_time" | "datepublished" | "og:published_time" => {
                    set_once(
                        &mut found.published_meta,
                        content.as_deref().and_then(iso_date),
                    );
                }
                "date" | "pubdate" | "publishdate" | "dc.date" | "dc.date.issued"
                | "sailthru.date" | "parsely-pub-date" | "article.published" => {
                    set_once(
                        &mut found.other_date_meta,
                        content.as_deref().and_then(iso_date),
                    );
                }
                _ => {}
            }
        }
    }
    if let Some(link_selector) = selector("link[rel][href]") {
        for element in document.select(&link_selector) {
            let value = element.value();
            let is_canonical = value.attr("rel").is_some_and(|rel| {
                rel.split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
            });
            if is_canonical {
                set_once(
                    &mut found.canonical,
                    value.attr("href").and_then(clean_value),
                );
            }
        }
    }
    if let Some(author_selector) = selector("[rel~=author], [itemprop~=author]") {
        for element in document.select(&author_selector) {
            let text: String = element.text().collect::<Vec<_>>().join(" ");
            let name = clean_value(&text).filter(|name| name.split_whitespace().count() <= 6);
            set_once(&mut found.author_markup, name);
        }
    }
    if let Some(time_selector) = selector("time[datetime]") {
        if let Some(time) = document.select(&time_selector).next() {
            found.time_element = time.value().attr("datetime").and_then(iso_date);
        }
    }
    if let Some(ld_selector) = selector("script[type]") {
        for script in document.select(&ld_selector) {
            let is_ld = script
                .value()
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if is_ld {
                let json: String = script.text().collect();
                read_json_ld(&json, &mut found);
            }
        }
    }

    let url = [found.canonical.take(), found.og_url.take()]
        .into_iter()
        .flatten()
        .find(|url| is_web_url(url));
    Meta {
        outlet: found
            .site_name
            .or(found.ld_publisher)
            .or(found.application_name),
        url,
        author: found
            .author_meta
            .or(found.ld_author)
            .or(found.article_author)
            .or(found.author_markup),
        date: found
            .published_meta
            .or(found.ld_date)
            .or(found.other_date_meta)
            .or(found.time_element),
        title: found.og_title.or(found.html_title).or(found.ld_headline),
    }
}

/// Reads headline, author, date and publisher from JSON-LD article objects,
/// walking the JSON with an explicit stack.
fn read_json_ld(json: &str, found: &mut MetaCandidates) {
    let Ok(root) = serde_json::from_str::<Value>(json) else {
        return;
    };
    let mut stack = vec![&root];
    while let Some(value) = stack.pop() {
        match value {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(object) => {
                let is_article = match object.get("@type") {
                    Some(Value::String(kind)) => ARTICLE_TYPES.contains(&kind.as_str()),
                    Some(Value::Array(kinds)) => kinds
                        .iter()
                        .any(|k| k.as_str().is_some_and(|k| ARTICLE_TYPES.contains(&k))),
                    _ => false,
                };
                if is_article {
                    set_once(
                        &mut found.ld_headline,
                        object
                            .get("headline")
                            .and_then(Value::as_str)
                            .and_then(clean_value),
                    );
                    set_once(
                        &mut found.ld_author,
                        object.get("author").and_then(names_of),
                    );
                    set_once(
                        &mut found.ld_date,
                        object
                            .get("datePublished")
                            .and_then(Value::as_str)
                            .and_then(iso_date),
                    );
                    set_once(
                        &mut found.ld_publisher,
                        object.get("publisher").and_then(names_of),
                    );
                }
                if let Some(graph) = object.get("@graph") {
                    stack.push(graph);
                }
            }
            _ => {}
        }
    }
}

/// "Name", {"name": "Name"} or a list of those, as "A, B".
fn names_of(value: &Value) -> Option<String> {
    let name_of = |v: &Value| match v {
        Value::String(name) => Some(name.clone()),
        Value::Object(object) => object
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string),
        _ => None,
    };
    let names: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(name_of).collect(),
        other => name_of(other).into_iter().collect(),
    };
    let names: Vec<String> = names
        .iter()
        .filter_map(|name| clean_value(name))
        .filter(|name| !name.contains("://"))
        .collect();
    clean_value(&names.join(", "))
}

/// The headline from og:title or `<title>`: a " | Site" or " - Site" suffix
/// (or "Site | " prefix) is removed when it is the site name, or when the
/// other part is the page's `<h1>`.
fn clean_title(
    title: Option<String>,
    site_name: Option<&str>,
    first_h1: Option<&str>,
) -> Option<String> {
    let title = title?;
    let same =
        |a: &str, b: Option<&str>| b.is_some_and(|b| a.trim().eq_ignore_ascii_case(b.trim()));
    for separator in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            if same(tail, site_name) || same(head, first_h1) {
                return clean_value(head);
            }
        }
        if let Some((head, tail)) = title.split_once(separator) {
            if same(head, site_name) || same(tail, first_h1) {
                return clean_value(tail);
            }
        }
    }
    Some(title)
}

// ---------------------------------------------------------------------------
// The arena

enum Kind {
    Root,
    Element(Element),
    Text(Box<str>),
}

struct Element {
    tag: Box<str>,
    /// Words of `id` and `class`, lower-cased, split at `-`, `_` and spaces.
    hints: Vec<Box<str>>,
    role: Option<Box<str>>,
    hidden: bool,
    article_body: bool,
}

impl Element {
    fn has_hint(&self, words: &[&str]) -> bool {
        self.hints.iter().any(|hint| words.contains(&hint.as_ref()))
    }
}

struct TreeNode {
    parent: usize,
    children: Vec<usize>,
    kind: Kind,
}

/// The document as a flat arena in document order: a node's descendants are
/// the indices right after it, so subtrees are ranges and parents come first.
struct Tree {
    nodes: Vec<TreeNode>,
}

impl Tree {
    fn build(document: &Html) -> Tree {
        let mut nodes: Vec<TreeNode> = Vec::new();
        let mut stack = vec![(document.tree.root(), NO_PARENT)];
        while let Some((node, parent)) = stack.pop() {
            let kind = match node.value() {
                Node::Document | Node::Fragment => Kind::Root,
                Node::Element(element) => Kind::Element(element_of(element)),
                Node::Text(text) => Kind::Text(text.to_string().into_boxed_str()),
                _ => continue,
            };
            let index = nodes.len();
            nodes.push(TreeNode {
                parent,
                children: Vec::new(),
                kind,
            });
            if let Some(parent_node) = nodes.get_mut(parent) {
                parent_node.children.push(index);
            }
            stack.extend(node.children().rev().map(|child| (child, index)));
        }
        Tree { nodes }
    }

    fn element(&self, index: usize) -> Option<&Element> {
        match self.nodes.get(index).map(|n| &n.kind) {
            Some(Kind::Element(element)) => Some(element),
            _ => None,
        }
    }

    fn tag(&self, index: usize) -> &str {
        self.element(index).map_or("", |e| &e.tag)
    }

    fn parent(&self, index: usize) -> usize {
        self.nodes.get(index).map_or(NO_PARENT, |n| n.parent)
    }

    fn children(&self, index: usize) -> &[usize] {
        self.nodes.get(index).map_or(&[], |n| &n.children)
    }

    /// For each node, whether it is or contains an explicit article container
    /// (`article`, `main`, `role=main`, `itemprop=articleBody`), which class
    /// words must never remove. Bottom-up over the arena.
    fn holders_of_articles(&self) -> Vec<bool> {
        let mut holds = vec![false; self.nodes.len()];
        for index in (0..self.nodes.len()).rev() {
            let own = self.element(index).is_some_and(|e| {
                matches!(e.tag.as_ref(), "article" | "main")
                    || e.article_body
                    || e.role.as_deref() == Some("main")
            });
            let value = own || holds.get(index).copied().unwrap_or(false);
            if let Some(slot) = holds.get_mut(index) {
                *slot = value;
            }
            if let Some(parent_slot) = holds.get_mut(self.parent(index)) {
                *parent_slot |= value;
            }
        }
        holds
    }

    /// The text of the first `<h1>`, whitespace collapsed.
    fn first_h1(&self) -> Option<String> {
        let index = (0..self.nodes.len()).find(|&i| self.tag(i) == "h1")?;
        let mut text = String::new();
        let mut stack = vec![index];
        while let Some(i) = stack.pop() {
            if let Some(Kind::Text(t)) = self.nodes.get(i).map(|n| &n.kind) {
                text.push_str(t);
            }
            if !INVISIBLE_TAGS.contains(&self.tag(i)) {
                stack.extend(self.children(i).iter().rev());
            }
        }
        clean_value(&text)
    }
}

fn element_of(element: &scraper::node::Element) -> Element {
    let mut hints = Vec::new();
    for value in [element.id(), element.attr("class")].into_iter().flatten() {
        for word in value.split(|c: char| !c.is_alphanumeric()) {
            if !word.is_empty() {
                hints.push(word.to_lowercase().into_boxed_str());
            }
        }
    }
    let style = element
        .attr("style")
        .unwrap_or("")
        .to_ascii_lowercase()
        .replace(' ', "");
    let hidden = element.attr("hidden").is_some()
        || element
            .attr("aria-hidden")
            .is_some_and(|v| v.trim() == "true")
        || style.contains("display:none")
        || style.contains("visibility:hidden");
    Element {
        tag: element.name().to_ascii_lowercase().into_boxed_str(),
        hints,
        role: element
            .attr("role")
            .map(|r| r.trim().to_ascii_lowercase().into_boxed_str()),
        hidden,
        article_body: element
            .attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|w| w == "articleBody")),
    }
}

// ---------------------------------------------------------------------------
// Page analysis

#[derive(Clone, Copy, Default)]
struct Flags {
    junk: bool,
    invisible: bool,
    comment_root: bool,
    in_comments: bool,
    one_comment: bool,
    in_article: bool,
    in_link: bool,
    in_pre: bool,
}

/// Per-node facts computed in one pass down and one pass up the arena.
struct Page<'t> {
    tree: &'t Tree,
    flags: Vec<Flags>,
    /// Characters of text (whitespace collapsed) in the subtree, excluded parts not counted.
    text_len: Vec<usize>,
    link_len: Vec<usize>,
    commas: Vec<usize>,
}

impl<'t> Page<'t> {
    fn analyze(tree: &'t Tree, use_class_hints: bool) -> Page<'t> {
        let mut page = Page {
            tree,
            flags: vec![Flags::default(); tree.nodes.len()],
            text_len: Vec::new(),
            link_len: Vec::new(),
            commas: Vec::new(),
        };
        let holds_article = tree.holders_of_articles();
        let class_hints =
            |index: usize| use_class_hints && !holds_article.get(index).copied().unwrap_or(false);
        page.mark(true, &class_hints);
        page.measure();
        let has_comments = page.flags.iter().any(|f| f.comment_root);
        if has_comments && page.text_len.first().copied().unwrap_or(0) < MIN_TEXT_OUTSIDE_COMMENTS {
            // Almost everything sits in "comment" containers: the markup misled us.
            page.mark(false, &class_hints);
            page.measure();
        }
        page
    }

    /// Top-down flags; parents come before children in the arena.
    /// `class_hints(i)` says whether class/id words may mark node `i` as furniture.
    fn mark(&mut self, find_comments: bool, class_hints: &dyn Fn(usize) -> bool) {
        let tree = self.tree;
        for index in 0..tree.nodes.len() {
            let parent = self
                .flags
                .get(tree.parent(index))
                .copied()
                .unwrap_or_default();
            let mut flags = Flags {
                junk: parent.junk,
                invisible: parent.invisible,
                in_comments: parent.in_comments,
                in_article: parent.in_article,
                in_link: parent.in_link,
                in_pre: parent.in_pre,
                comment_root: false,
                one_comment: false,
            };
            if let Some(element) = tree.element(index) {
                let tag = element.tag.as_ref();
                flags.invisible |= INVISIBLE_TAGS.contains(&tag) || element.hidden;
                if find_comments && !parent.in_comments && is_comment_section(element) {
                    flags.comment_root = true;
                    flags.in_comments = true;
                }
                if find_comments && flags.in_comments {
                    let parent_is_comment_list =
                        parent.comment_root && matches!(tree.tag(tree.parent(index)), "ol" | "ul");
                    flags.one_comment =
                        is_one_comment(element) || (tag == "li" && parent_is_comment_list);
                }
                if !flags.comment_root && !flags.one_comment {
                    flags.junk |= is_junk(element, parent.in_article, class_hints(index));
                }
                if flags.in_comments && !flags.one_comment && !flags.comment_root {
                    flags.junk |= matches!(tag, "time" | "header" | "footer")
                        || element.has_hint(COMMENT_META_HINTS);
                }
                flags.in_article |= tag == "article" || element.article_body;
                flags.in_link |= tag == "a";
                flags.in_pre |= tag == "pre";
            }
            if let Some(slot) = self.flags.get_mut(index) {
                *slot = flags;
            }
        }
    }

    /// Bottom-up text, link-text and comma counts over the article candidates.
    fn measure(&mut self) {
        let count = self.tree.nodes.len();
        self.text_len = vec![0; count];
        self.link_len = vec![0; count];
        self.commas = vec![0; count];
        for index in (0..count).rev() {
            if let Some(Kind::Text(text)) = self.tree.nodes.get(index).map(|n| &n.kind) {
                let length: usize = text.split_whitespace().map(|w| w.chars().count() + 1).sum();
                let commas = text
                    .chars()
                    .filter(|c| matches!(c, ',' | '،' | '，'))
                    .count();
                self.text_len[index] += length;
                self.commas[index] += commas;
                if self.flags.get(index).is_some_and(|f| f.in_link) {
                    self.link_len[index] += length;
                }
            }
            let parent = self.tree.parent(index);
            if parent != NO_PARENT && parent < count && !self.excluded(index) {
                self.text_len[parent] += self.text_len[index];
                self.link_len[parent] += self.link_len[index];
                self.commas[parent] += self.commas[index];
            }
        }
    }

    /// Not part of the article: furniture, hidden, or a comment section.
    fn excluded(&self, index: usize) -> bool {
        self.flags
            .get(index)
            .is_none_or(|f| f.junk || f.invisible || f.in_comments)
    }

    fn invisible(&self, index: usize) -> bool {
        self.flags.get(index).is_none_or(|f| f.invisible)
    }

    fn link_density(&self, index: usize) -> f64 {
        let text = self.text_len.get(index).copied().unwrap_or(0);
        if text == 0 {
            return 0.0;
        }
        self.link_len.get(index).copied().unwrap_or(0) as f64 / text as f64
    }

    /// Readability's scoring: each paragraph scores 1 + commas + a point per
    /// 100 characters (at most 3) and passes it to its parent, half to its
    /// grandparent and a third or less further up; containers start from a
    /// score for their tag and their class words; link-heavy ones are
    /// discounted. Returns the best container and its score.
    fn best_candidate(&self) -> Option<(usize, f64)> {
        let tree = self.tree;
        let count = tree.nodes.len();
        let mut scores: Vec<Option<f64>> = vec![None; count];
        for index in 0..count {
            if self.excluded(index) || !self.is_paragraph(index) {
                continue;
            }
            let length = self.text_len.get(index).copied().unwrap_or(0);
            if length < MIN_PARAGRAPH_CHARS {
                continue;
            }
            let score = 1.0
                + self.commas.get(index).copied().unwrap_or(0) as f64
                + (length / 100).min(3) as f64;
            let mut ancestor = tree.parent(index);
            for level in 0..5 {
                let Some(element) = tree.element(ancestor) else {
                    break;
                };
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => level as f64 * 3.0,
                };
                if let Some(slot) = scores.get_mut(ancestor) {
                    let base = slot.unwrap_or_else(|| initial_score(element));
                    *slot = Some(base + score / divider);
                }
                ancestor = tree.parent(ancestor);
            }
        }
        scores
            .iter()
            .enumerate()
            .filter_map(|(index, score)| {
                score.map(|s| (index, s * (1.0 - self.link_density(index))))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// A block of prose: `p`, `pre`, `td`, `blockquote`, or a `div`-like
    /// container holding text but no blocks of its own.
    fn is_paragraph(&self, index: usize) -> bool {
        match self.tree.tag(index) {
            "p" | "pre" | "td" | "blockquote" => true,
            "div" | "section" | "article" | "main" => !self
                .tree
                .children(index)
                .iter()
                .any(|&child| BLOCK_TAGS.contains(&self.tree.tag(child))),
            _ => false,
        }
    }

    /// The containers whose text is the article: the best candidate and its
    /// siblings that score nearly as well or are clean paragraphs (as
    /// Readability does for articles split by ads); the body if nothing scored.
    fn body_roots(&self) -> Vec<usize> {
        let tree = self.tree;
        let Some((best, best_score)) = self.best_candidate() else {
            let body = (0..tree.nodes.len())
                .find(|&i| tree.tag(i) == "body")
                .unwrap_or(0);
            return vec![body];
        };
        let parent = tree.parent(best);
        if tree.element(parent).is_none() {
            return vec![best];
        }
        let threshold = (best_score * 0.2).max(10.0);
        let siblings = tree.children(parent);
        let scored_siblings = self.sibling_scores(siblings);
        let mut roots = Vec::new();
        for (position, &sibling) in siblings.iter().enumerate() {
            if sibling == best {
                roots.push(sibling);
                continue;
            }
            if self.excluded(sibling) || tree.element(sibling).is_none() {
                continue;
            }
            let score = scored_siblings
                .get(position)
                .copied()
                .flatten()
                .unwrap_or(0.0);
            let length = self.text_len.get(sibling).copied().unwrap_or(0);
            let density = self.link_density(sibling);
            let good_paragraph = tree.tag(sibling) == "p" && length > 80 && density < 0.25;
            if score >= threshold || good_paragraph {
                roots.push(sibling);
            }
        }
        roots
    }

    /// Scores of sibling containers, computed like [`Page::best_candidate`]
    /// but only for the paragraphs inside each sibling.
    fn sibling_scores(&self, siblings: &[usize]) -> Vec<Option<f64>> {
        siblings
            .iter()
            .map(|&sibling| {
                let element = self.tree.element(sibling)?;
                let mut total = initial_score(element);
                let mut any = false;
                for &child in self.tree.children(sibling) {
                    let length = self.text_len.get(child).copied().unwrap_or(0);
                    if !self.excluded(child)
                        && self.is_paragraph(child)
                        && length >= MIN_PARAGRAPH_CHARS
                    {
                        any = true;
                        total += 1.0
                            + self.commas.get(child).copied().unwrap_or(0) as f64
                            + (length / 100).min(3) as f64;
                    }
                }
                any.then(|| total * (1.0 - self.link_density(sibling)))
            })
            .collect()
    }

    /// Appends the block-level text of the subtree at `root` to `lines`, one
    /// block per line, whitespace collapsed (kept line by line in `<pre>`),
    /// skipping subtrees for which `skip` is true. Iterative.
    fn render(&self, root: usize, lines: &mut Vec<String>, skip: impl Fn(usize) -> bool) {
        let tree = self.tree;
        let mut buffer = String::new();
        // (node, entering): leaving a block element ends its line.
        let mut stack = vec![(root, true)];
        while let Some((index, entering)) = stack.pop() {
            let Some(node) = tree.nodes.get(index) else {
                continue;
            };
            if !entering {
                flush_line(&mut buffer, lines);
                continue;
            }
            if skip(index) {
                continue;
            }
            match &node.kind {
                Kind::Text(text) => {
                    if self.flags.get(index).is_some_and(|f| f.in_pre) {
                        let mut pieces = text.split('\n').peekable();
                        while let Some(piece) = pieces.next() {
                            buffer.push_str(piece);
                            if pieces.peek().is_some() {
                                flush_line(&mut buffer, lines);
                            }
                        }
                    } else {
                        buffer.push_str(text);
                    }
                }
                Kind::Element(element) => {
                    let block = BLOCK_TAGS.contains(&element.tag.as_ref());
                    if block {
                        flush_line(&mut buffer, lines);
                        stack.push((index, false));
                    } else if element.tag.as_ref() == "img" {
                        buffer.push(' ');
                    }
                    stack.extend(node.children.iter().rev().map(|&child| (child, true)));
                }
                Kind::Root => stack.extend(node.children.iter().rev().map(|&child| (child, true))),
            }
        }
        flush_line(&mut buffer, lines);
    }

    /// Reader comments: each comment element of each comment section, or,
    /// where the markup does not mark single comments, the section's lines
    /// split the way pasted comment sections are.
    fn comments(&self) -> Vec<String> {
        let tree = self.tree;
        let count = tree.nodes.len();
        let mut comments = Vec::new();
        let mut index = 0;
        while index < count {
            let flags = self.flags.get(index).copied().unwrap_or_default();
            if !flags.comment_root || flags.invisible {
                index += 1;
                continue;
            }
            let end = self.subtree_end(index);
            let singles: Vec<usize> = (index + 1..end)
                .filter(|&i| {
                    self.flags
                        .get(i)
                        .is_some_and(|f| f.one_comment && !f.invisible)
                })
                .collect();
            let junk = |i: usize| self.flags.get(i).is_none_or(|f| f.junk || f.invisible);
            if singles.is_empty() {
                let mut lines = Vec::new();
                self.render(index, &mut lines, junk);
                let line_refs: Vec<&str> = lines.iter().map(String::as_str).collect();
                comments.extend(split_comments(&line_refs).0);
            } else {
                for &single in &singles {
                    let mut lines = Vec::new();
                    let nested =
                        |i: usize| i != single && self.flags.get(i).is_some_and(|f| f.one_comment);
                    self.render(single, &mut lines, |i| junk(i) || nested(i));
                    let line_refs: Vec<&str> = lines.iter().map(String::as_str).collect();
                    let pieces = split_comments(&line_refs).0;
                    if !pieces.is_empty() {
                        comments.push(pieces.join("\n"));
                    }
                }
            }
            index = end;
        }
        comments
    }

    /// One past the last index of the subtree at `index` (subtrees are ranges).
    fn subtree_end(&self, index: usize) -> usize {
        let mut last = index;
        while let Some(&child) = self.tree.children(last).last() {
            last = child;
        }
        last + 1
    }
}

fn flush_line(buffer: &mut String, lines: &mut Vec<String>) {
    let line = buffer.split_whitespace().collect::<Vec<_>>().join(" ");
    buffer.clear();
    if !line.is_empty() {
        lines.push(line);
    }
}

/// Readability's starting score for a container: its tag, its class words,
/// and (our addition) the semantic article markers.
fn initial_score(element: &Element) -> f64 {
    let mut score = match element.tag.as_ref() {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        "article" | "main" => 10.0,
        _ => 0.0,
    };
    if element.has_hint(POSITIVE_HINTS) {
        score += 25.0;
    }
    if element.has_hint(NEGATIVE_HINTS) {
        score -= 25.0;
    }
    if element.article_body || element.role.as_deref() == Some("main") {
        score += 25.0;
    }
    score
}

/// Page furniture by tag, role, hidden state or class/id words. The document
/// itself and explicit article containers are never furniture by class.
fn is_junk(element: &Element, in_article: bool, use_class_hints: bool) -> bool {
    let tag = element.tag.as_ref();
    if tag == "header" {
        // An article's own header holds its headline and byline.
        return !in_article;
    }
    if JUNK_TAGS.contains(&tag) || element.hidden {
        return true;
    }
    if element
        .role
        .as_deref()
        .is_some_and(|role| JUNK_ROLES.contains(&role))
    {
        return true;
    }
    let structural = matches!(tag, "html" | "body" | "article" | "main") || element.article_body;
    // "no-sidebar", "has-header", "with-ads": a layout switch on a wrapper, not furniture.
    let layout_switch = element.has_hint(&["no", "has", "with", "without"]);
    use_class_hints && !structural && !layout_switch && element.has_hint(JUNK_HINTS)
}

/// A comment section: comment words in `class`/`id`, not a count or a link.
fn is_comment_section(element: &Element) -> bool {
    let tag = element.tag.as_ref();
    let allowed = !matches!(
        tag,
        "html"
            | "body"
            | "main"
            | "a"
            | "span"
            | "button"
            | "input"
            | "textarea"
            | "label"
            | "time"
            | "img"
            | "script"
            | "style"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "p"
    );
    allowed
        && element.has_hint(COMMENT_SECTION_HINTS)
        && !element.has_hint(NOT_A_COMMENT_SECTION_HINTS)
}

/// One comment: an `li`, `article` or `div` whose class/id has the word "comment".
fn is_one_comment(element: &Element) -> bool {
    matches!(element.tag.as_ref(), "li" | "article" | "div")
        && element.hints.iter().any(|h| h.as_ref() == "comment")
        && !element.has_hint(NOT_ONE_COMMENT_HINTS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(html: &str) -> Article {
        let mut article = to_article(html);
        article.format = Format::Html;
        article
    }

    const PARAGRAPHS: &str = "<p>Iran is closely monitoring the strengthening ties between Israel and Azerbaijan, and has expressed concern.</p>\
        <p>The report highlights Tehran's primary concern: the deepening ties between Israel, the US, and Azerbaijan.</p>\
        <p>Officials have signaled plans to counter what they see as an emerging regional alliance, by several means.</p>";

    #[test]
    fn metadata_is_extracted() {
        let html = r#"<!doctype html><html><head>
            <title>Iran Watches Baku | Example News</title>
            <meta property="og:title" content="Iran Watches Baku - Example News">
            <meta property="og:site_name" content="Example News">
            <link rel="canonical" href="https://example.com/iran-baku">
            <meta property="og:url" content="https://example.com/other">
            <meta name="author" content="Jane Doe">
            <meta property="article:published_time" content="2025-03-02T08:00:00Z">
            </head><body><article><h1>Iran Watches Baku</h1>"#
            .to_string()
            + PARAGRAPHS
            + "</article></body></html>";
        let article = article(&html);
        assert_eq!(article.title.as_deref(), Some("Iran Watches Baku"));
        assert_eq!(article.meta.title.as_deref(), Some("Iran Watches Baku"));
        assert_eq!(article.meta.outlet.as_deref(), Some("Example News"));
        assert_eq!(
            article.meta.url.as_deref(),
            Some("https://example.com/iran-baku")
        );
        assert_eq!(article.meta.author.as_deref(), Some("Jane Doe"));
        assert_eq!(article.meta.date.as_deref(), Some("2025-03-02"));
        assert!(
            article
                .text
                .starts_with("Iran Watches Baku\nIran is closely monitoring"),
            "{}",
            article.text
        );
    }

    #[test]
    fn json_ld_and_time_fallbacks() {
        let html = r#"<html><head><title>Plain Title</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebPage"},
              {"@type":["NewsArticle"],"headline":"LD Headline","datePublished":"2024-05-06T10:00:00+03:00",
               "author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Ek"}],
               "publisher":{"@type":"Organization","name":"LD Outlet"}}]}</script>
            </head><body><main>"#
            .to_string()
            + PARAGRAPHS
            + "<time datetime=\"2020-01-01\">Jan 1</time></main></body></html>";
        let article = article(&html);
        assert_eq!(article.meta.author.as_deref(), Some("Ann Lee, Bo Ek"));
        assert_eq!(article.meta.date.as_deref(), Some("2024-05-06"));
        assert_eq!(article.meta.outlet.as_deref(), Some("LD Outlet"));
        assert_eq!(article.title.as_deref(), Some("Plain Title"));
        let no_ld = to_article(&format!("<html><body><h1>Only H1</h1><time datetime='2020-01-02'>x</time>{PARAGRAPHS}</body></html>"));
        assert_eq!(no_ld.title.as_deref(), Some("Only H1"));
        assert_eq!(no_ld.meta.date.as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn title_suffix_and_prefix_are_stripped_only_when_they_are_the_site() {
        let cases = [
            ("Headline | Site", Some("Site"), None, "Headline"),
            ("Site - Headline", Some("Site"), None, "Headline"),
            ("Headline – Other", Some("Site"), None, "Headline – Other"),
            ("Headline :: Whatever", None, Some("Headline"), "Headline"),
            ("A - B - Site", Some("Site"), None, "A - B"),
        ];
        for (title, site, h1, expected) in cases {
            assert_eq!(
                clean_title(Some(title.to_string()), site, h1).as_deref(),
                Some(expected),
                "{title}"
            );
        }
    }

    #[test]
    fn furniture_scripts_and_handlers_never_reach_the_text() {
        let html = format!(
            r##"<html><head><style>body {{ color: red }}</style><script>var tracking = "SCRIPTTEXT";</script></head>
            <body>
            <header class="site-header"><a href="/">Site</a><nav><a href="/world">World</a></nav></header>
            <div class="breadcrumbs">Home &gt; World</div>
            <article>
              {PARAGRAPHS}
              <img src="x" onerror="alert('IMGERROR')">
              <div class="share-buttons"><a href="#">Facebook</a><a href="#">Twitter</a></div>
              <noscript>Enable JavaScript NOSCRIPT</noscript>
              <p style="display:none">HIDDEN TEXT</p>
            </article>
            <aside><h3>Related</h3><ul><li><a href="/a">RELATED LINK ONE</a></li></ul></aside>
            <div class="related-posts"><a href="/b">RELATED LINK TWO</a></div>
            <div id="newsletter-signup">Sign up NEWSLETTER</div>
            <footer>© 2025 Example. All rights reserved.</footer>
            <template><p>TEMPLATE TEXT</p></template>
            </body></html>"##
        );
        let article = article(&html);
        for absent in [
            "SCRIPTTEXT",
            "color: red",
            "IMGERROR",
            "onerror",
            "Facebook",
            "NOSCRIPT",
            "HIDDEN",
            "RELATED",
            "NEWSLETTER",
            "rights reserved",
            "TEMPLATE",
            "World",
            "Home",
        ] {
            assert!(
                !article.text.contains(absent),
                "{absent} in {}",
                article.text
            );
        }
        assert_eq!(article.text.lines().count(), 3, "{}", article.text);
        assert!(article.removed_lines >= 5, "{}", article.removed_lines);
    }

    #[test]
    fn best_container_wins_over_link_lists() {
        let links: String = (0..30).map(|i| format!("<p><a href='/{i}'>A rather long link title number {i}, with commas, more</a></p>")).collect();
        let html = format!("<html><body><div id='links'>{links}</div><div class='story-body'>{PARAGRAPHS}</div></body></html>");
        let article = article(&html);
        assert!(
            article.text.starts_with("Iran is closely monitoring"),
            "{}",
            article.text
        );
        assert!(!article.text.contains("link title"));
    }

    #[test]
    fn split_article_bodies_are_joined() {
        let html = format!(
            "<html><body><div id='wrap'><div class='content'>{PARAGRAPHS}</div><div class='ad-slot'>AD</div><div class='content'>{}</div></div></body></html>",
            PARAGRAPHS.replace("Iran is", "Baku is").replace("The report", "A second report").replace("Officials", "Diplomats")
        );
        let article = article(&html);
        assert_eq!(article.text.lines().count(), 6, "{}", article.text);
        assert!(!article.text.contains("AD\n") && !article.text.ends_with("AD"));
    }

    #[test]
    fn layout_classes_and_misleading_class_words_do_not_hide_the_article() {
        // A wrapper switch ("no-sidebar") and a wrapper holding the <article> keep their text.
        let html = format!(
            "<html><body><div class='site no-sidebar'><div class='header-wrap'><article>{PARAGRAPHS}</article></div></div></body></html>"
        );
        assert!(article(&html)
            .text
            .starts_with("Iran is closely monitoring"));
        // Everything under a furniture-looking class: the retry without class words finds it.
        let long = PARAGRAPHS.repeat(2).replace("Iran is", "Tehran is");
        let html = format!("<html><body><div class='widget'><div>{long}</div></div></body></html>");
        let found = article(&html);
        assert!(
            found.text.starts_with("Tehran is closely monitoring"),
            "{}",
            found.text
        );
    }

    #[test]
    fn wordpress_comments_are_separated() {
        let html = format!(
            r##"<html><body><article class="post">{PARAGRAPHS}</article>
            <div id="comments" class="comments-area">
              <h2 class="comments-title">2 thoughts on “Iran”</h2>
              <ol class="comment-list">
                <li id="comment-1" class="comment even thread-even depth-1">
                  <article id="div-comment-1" class="comment-body">
                    <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Ali Veli</b> <span class="says">says:</span></div>
                    <div class="comment-metadata"><a href="#c1"><time datetime="2025-03-03">March 3, 2025 at 10:12 am</time></a></div></footer>
                    <div class="comment-content"><p>FIRST COMMENT text here.</p><p>Second paragraph.</p></div>
                    <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
                  </article>
                  <ol class="children"><li id="comment-2" class="comment odd depth-2">
                    <article class="comment-body"><div class="comment-content"><p>NESTED REPLY text.</p></div></article>
                  </li></ol>
                </li>
              </ol>
              <div id="respond" class="comment-respond"><h3>Leave a Reply</h3>
                <form><p>Your email address will not be published.</p><textarea></textarea><input type="submit" value="Post Comment"></form></div>
            </div></body></html>"##
        );
        let article = article(&html);
        assert_eq!(
            article.comments,
            vec![
                "FIRST COMMENT text here.\nSecond paragraph.",
                "NESTED REPLY text."
            ]
        );
        for absent in ["COMMENT", "REPLY", "Leave a Reply", "thoughts"] {
            assert!(
                !article.text.contains(absent),
                "{absent} in {}",
                article.text
            );
        }
        assert!(article.text.contains("Iran is closely monitoring"));
    }

    #[test]
    fn unstructured_comment_section_is_split_like_text() {
        let html = format!(
            "<html><body><div class='entry'>{PARAGRAPHS}</div><section class='comments'><p>Jo Doe says:</p><p>May 1, 2024 at 1:00 pm</p><p>ONE.</p><p>Reply</p><p>Al Bo says:</p><p>May 2, 2024 at 2:00 pm</p><p>TWO.</p></section></body></html>"
        );
        let article = article(&html);
        assert_eq!(article.comments, vec!["ONE.", "TWO."]);
        assert!(!article.text.contains("ONE."));
    }

    #[test]
    fn article_misread_as_comments_is_kept() {
        let html = format!("<html><body><div class='comment'>{PARAGRAPHS}</div></body></html>");
        let article = article(&html);
        assert!(article.comments.is_empty());
        assert!(article.text.contains("Iran is closely monitoring"));
    }

    #[test]
    fn hostile_markup_comes_out_as_plain_text() {
        let payloads = [
            r#"<script>alert('XSS1')</script>"#,
            r#"<IMG SRC="javascript:alert('XSS2');">"#,
            r#"<IMG SRC=# onmouseover="alert('XSS3')">"#,
            r#"<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000052&#0000039&#0000041">"#,
            r#"<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>"#,
            r#"<BODY onload!#$%&()*~+-_.,:;?@[/|\]^`=alert("XSS5")>"#,
            r#"<<SCRIPT>alert("XSS6");//\<</SCRIPT>"#,
            r#"<svg/onload=alert('XSS7')>"#,
            r#"<iframe src="javascript:alert('XSS8');"></iframe>"#,
            r#"<a href="javascript:alert('XSS9')">link text</a>"#,
            r#"<div style="background-image: url(javascript:alert('XSS10'))">styled</div>"#,
            r#"<math><mtext><table><mglyph><style><img src=x onerror=alert('XSS11')>"#,
            r#"<noscript><p title="</noscript><img src=x onerror=alert('XSS12')>">"#,
            r#"<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS13');">"#,
            r#"<object data="javascript:alert('XSS14')"></object>"#,
            r#"<!--<img src=x onerror=alert('XSS16')>-->"#,
            r#"<base href="javascript:alert('XSS17');//">"#,
        ];
        for (n, payload) in payloads.iter().enumerate() {
            let html = format!("<html><head><title>T</title></head><body><article>{PARAGRAPHS}{payload}</article></body></html>");
            let article = article(&html);
            let everything = format!(
                "{}\n{:?}\n{:?}\n{:?}",
                article.text, article.title, article.meta, article.comments
            );
            for leak in [
                "XSS",
                "alert",
                "onerror",
                "onload",
                "onmouseover",
                "javascript:",
                "<img",
                "<IMG",
                "<svg",
                "<iframe",
            ] {
                assert!(
                    !everything.contains(leak),
                    "payload {n} leaked {leak}: {everything}"
                );
            }
            assert!(
                article.text.contains("Iran is closely monitoring"),
                "payload {n}: {}",
                article.text
            );
        }
        // In HTML, CDATA is a bogus comment up to the first ">": what follows is shown as text.
        let cdata = article(&format!("<html><body><article>{PARAGRAPHS}<p><![CDATA[<script>alert('X')</script>]]></p></article></body></html>"));
        assert!(cdata.text.ends_with("alert('X')]]>"), "{}", cdata.text);
        assert!(!cdata.text.contains("<script") && !cdata.text.contains("CDATA"));
        // <xmp> shows its content as characters, so tags inside it are text, not elements.
        let xmp = article(&format!(
            "<html><body><article>{PARAGRAPHS}<xmp><b>bold?</b></xmp></article></body></html>"
        ));
        assert!(xmp.text.ends_with("<b>bold?</b>"), "{}", xmp.text);
        let link = article(&format!("<html><body><article>{PARAGRAPHS}<p><a href=\"javascript:alert(1)\">the ministry statement</a></p><p>after</p></article></body></html>"));
        assert!(link.text.contains("the ministry statement") && !link.text.contains("javascript"));
        let closed = article(&format!(
            "<html><body><article>{PARAGRAPHS}</article></body></html><p>after the end</p>"
        ));
        assert!(closed.text.contains("after the end") || closed.text.contains("Iran is"));

        // Metadata is text too: escaped tags in a title stay as characters; unsafe URLs are dropped.
        let head = article(&format!(
            "<html><head><title>Title &lt;script&gt;alert('T')&lt;/script&gt;</title>\
             <meta property='og:url' content='javascript:alert(1)'><link rel='canonical' href=' javascript:alert(2)'></head>\
             <body><article>{PARAGRAPHS}</article></body></html>"
        ));
        assert_eq!(
            head.title.as_deref(),
            Some("Title <script>alert('T')</script>")
        );
        assert_eq!(head.meta.url, None);
    }

    #[test]
    fn deep_and_unbalanced_markup_does_not_crash() {
        let deep_div = format!(
            "<html><body>{}deep text{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let article = article(&deep_div);
        assert_eq!(article.text, "deep text");
        let cases = [
            "<p><div>".repeat(50_000),
            "<b class=x><i class=y>".repeat(50_000),
            "<table><tr><td>".repeat(20_000),
            "<a href=x>".repeat(50_000),
            "</div></p></span>".repeat(50_000),
            "<ul><li>".repeat(20_000),
            "<svg><foreignObject><div>".repeat(20_000),
            "<<<>>><<!--".repeat(20_000),
            "<div".repeat(50_000),
            "<script>".repeat(10_000),
        ];
        for html in cases {
            let _ = to_article(&html);
        }
    }

    #[test]
    fn cap_nesting_keeps_shallow_pages_and_flattens_deep_ones() {
        let shallow = "<div><p>a</p><br/><img src=x><script>if (a < b) { '<div>' }</script></div>";
        assert!(matches!(cap_nesting(shallow, 3), Cow::Borrowed(_)));
        let deep = "<div><div><div>x</div></div></div>";
        assert_eq!(cap_nesting(deep, 2), "<div><div>x</div></div>");
        let quoted = "<div title='>'><div>x</div></div>";
        assert_eq!(cap_nesting(quoted, 1), "<div title='>'>x</div>");
    }

    #[test]
    fn web_urls() {
        assert!(is_web_url("https://example.com/a?b=c"));
        assert!(is_web_url("HTTP://EXAMPLE.COM"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "/relative",
            "https://a b",
            "https://x\"onmouseover=1",
        ] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }
}
