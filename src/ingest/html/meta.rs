//! Metadata the article extractor does not give, or gives only sometimes: the
//! canonical URL, `og:url`, `application-name`, dates in other `<meta>` names and in
//! `<time>`, authors marked up in the page, and JSON-LD articles. Read from the parsed
//! document as text only: no value becomes markup, and only web URLs are kept.

use dom_query::Document;
use serde_json::Value;

use super::super::boilerplate::iso_date;
use super::super::{is_web_url, Meta};

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

/// Longest metadata value kept (a title or author name is never longer).
const MAX_META_CHARS: usize = 500;

/// Collapses whitespace and caps the length of a metadata value.
pub(crate) fn clean_value(value: &str) -> Option<String> {
    let collapsed: String = value.split_whitespace().collect::<Vec<_>>().join(" ");
    let capped: String = collapsed.chars().take(MAX_META_CHARS).collect();
    (!capped.is_empty()).then_some(capped)
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

/// The page's own metadata, each field from the most trusted source that has it.
pub(crate) fn read_meta(document: &Document) -> Meta {
    let mut found = MetaCandidates::default();
    if let Some(title) = document.select("title").nodes().first() {
        found.html_title = clean_value(&title.text());
    }
    for element in document.select("meta[content]").nodes() {
        let key = element
            .attr("property")
            .or_else(|| element.attr("name"))
            .or_else(|| element.attr("itemprop"))
            .map(|key| key.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let content = clean_value(element.attr("content").as_deref().unwrap_or(""));
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
            "date" | "pubdate" | "publishdate" | "dc.date" | "dc.date.issued" | "sailthru.date"
            | "parsely-pub-date" | "article.published" => {
                set_once(
                    &mut found.other_date_meta,
                    content.as_deref().and_then(iso_date),
                );
            }
            _ => {}
        }
    }
    for element in document.select("link[rel][href]").nodes() {
        let is_canonical = element.attr("rel").is_some_and(|rel| {
            rel.split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("canonical"))
        });
        if is_canonical {
            set_once(
                &mut found.canonical,
                element.attr("href").as_deref().and_then(clean_value),
            );
        }
    }
    for element in document.select("[rel~=author], [itemprop~=author]").nodes() {
        let name = clean_value(&element.text()).filter(|name| name.split_whitespace().count() <= 6);
        set_once(&mut found.author_markup, name);
    }
    if let Some(time) = document.select("time[datetime]").nodes().first() {
        found.time_element = time.attr("datetime").as_deref().and_then(iso_date);
    }
    for script in document.select("script[type]").nodes() {
        let is_ld = script
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if is_ld {
            read_json_ld(&script.text(), &mut found);
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
        lang: None,
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
