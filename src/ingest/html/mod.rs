//! Saved web pages: the article found by `dom_smoothie`, a Rust port of Firefox's
//! reader view (Mozilla Readability), with what it does not do added around it:
//!
//! 1. the nesting is bounded before parsing ([`nesting`]), so hostile markup parses in
//!    linear time;
//! 2. the page is parsed once (html5ever, through `dom_query`); reader comments are
//!    taken out of it and kept apart ([`page`]), so they are never read as the article;
//! 3. the reader view finds the article and its title, byline, site name, date and
//!    language; [`meta`] adds the canonical URL and fallbacks from `<meta>`, JSON-LD and
//!    the markup;
//! 4. the article's blocks become lines and boilerplate lines are dropped; the headline
//!    leads the text. Repeated paragraphs stay: the reader view has already removed the
//!    page's repeated furniture, and an article may repeat itself.
//!
//! Parsing is inert: nothing runs and nothing is fetched, and only text nodes and a few
//! attributes are read, so no markup survives into the output.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use super::boilerplate::{
    byline_author, date_line_author, date_of_line, is_boilerplate_line, is_date_line, iso_date,
};
use super::{blank_article, is_web_url, Article, Format};

mod meta;
mod nesting;
mod page;

use meta::{clean_value, read_meta};
use nesting::{cap_nesting, MAX_NESTING};
use page::Page;

/// The reader view runs when [`Page::nesting_work`] is at most this, or at most the
/// page's size in bytes if larger: its time then stays linear in the page.
const MIN_READER_WORK: usize = 250_000;

pub(crate) fn to_article(source: &str) -> Article {
    let capped = cap_nesting(source, MAX_NESTING);
    let document = Document::from(capped.as_ref());
    let page = Page::new(&document);
    let comments = page.comments();
    let visible_lines = page.visible_lines().len();
    let mut meta = read_meta(&document);
    for section in page.comment_sections().into_iter().chain(page.furniture()) {
        if let Some(node) = document.tree.get(&section) {
            node.remove_from_parent();
        }
    }

    let reader = Readability::with_document(document, None, Some(reader_config())).ok();
    let library_meta = reader
        .as_ref()
        .map(|reader| reader.get_article_metadata(reader.parse_json_ld()));
    // Real pages need far less (at most 0.2 per byte on Readability's test pages); beyond
    // the budget the page is hostile or broken, and its visible body text is used instead.
    let within_budget = page.nesting_work() <= MIN_READER_WORK.max(source.len());
    let found = reader
        .filter(|_| within_budget)
        .and_then(|mut reader| reader.parse().ok());
    let found_lines = found
        .as_ref()
        .map(|article| lines_of(&article.text_content))
        .filter(|lines| !lines.is_empty());
    let raw_lines = found_lines.unwrap_or_else(|| page.body_lines());

    let mut lines = Vec::new();
    let (mut body_date, mut body_author) = (None, None);
    for line in raw_lines {
        if is_boilerplate_line(&line) {
            if is_date_line(&line) {
                body_date = body_date.or_else(|| date_of_line(&line));
                body_author = body_author.or_else(|| date_line_author(&line));
            }
            continue;
        }
        if body_author.is_none() {
            body_author = byline_author(&line);
        }
        lines.push(line);
    }

    // The reader view's own fields first (they are what Firefox shows), then ours.
    let (title, byline, site_name, published, lang, ld_url) = match (&found, &library_meta) {
        (Some(a), _) => (
            Some(a.title.to_string()),
            a.byline.clone(),
            a.site_name.clone(),
            a.published_time.clone(),
            a.lang.clone(),
            a.url.clone(),
        ),
        (None, Some(m)) => (
            Some(m.title.clone()),
            m.byline.clone(),
            m.site_name.clone(),
            m.published_time.clone(),
            m.lang.clone(),
            m.url.clone(),
        ),
        (None, None) => (None, None, None, None, None, None),
    };
    let first_h1 = page.first_h1();
    let title = title
        .as_deref()
        .and_then(clean_value)
        .or_else(|| meta.title.take())
        .or(first_h1);
    meta.outlet = site_name.as_deref().and_then(clean_value).or(meta.outlet);
    meta.author = byline
        .as_deref()
        .and_then(clean_value)
        .or(meta.author)
        .or(body_author);
    meta.date = published
        .as_deref()
        .and_then(iso_date)
        .or(meta.date)
        .or(body_date);
    meta.url = meta.url.or_else(|| {
        ld_url
            .filter(|url| is_web_url(url))
            .as_deref()
            .and_then(clean_value)
    });
    meta.lang = lang.as_deref().and_then(clean_value);
    meta.title.clone_from(&title);

    if let Some(title) = &title {
        if !lines.is_empty() && !lines.iter().any(|line| line == title) {
            lines.insert(0, title.clone());
        }
    }
    let comment_lines: usize = comments.iter().map(|c| c.lines().count()).sum();
    let mut article = blank_article(Format::Html);
    article.removed_lines = visible_lines.saturating_sub(lines.len() + comment_lines);
    article.text = lines.join("\n");
    article.comments = comments;
    article.title = title;
    article.meta = meta;
    article
}

/// The reader view as Firefox runs it, with the text laid out in blocks.
fn reader_config() -> Config {
    Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    }
}

/// One line per block of the reader view's text, whitespace collapsed.
fn lines_of(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect()
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
        // The reader view takes og:title as it is.
        assert_eq!(
            article.title.as_deref(),
            Some("Iran Watches Baku - Example News")
        );
        assert_eq!(article.meta.title, article.title);
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
                .starts_with("Iran Watches Baku - Example News\nIran is closely monitoring"),
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
    fn title_is_the_reader_views() {
        // From <title>, a " | Site" suffix goes when enough of a headline is left…
        let page = |head: &str| {
            article(&format!(
                "<html><head>{head}</head><body><article>{PARAGRAPHS}</article></body></html>"
            ))
        };
        let titled = page("<title>Iran warns Azerbaijan over the corridor | Example News</title>");
        assert_eq!(
            titled.title.as_deref(),
            Some("Iran warns Azerbaijan over the corridor")
        );
        // …while a title given as metadata is taken as it is, as Firefox shows it.
        let og = page("<meta property=\"og:title\" content=\"Baku replies - Example News\">");
        assert_eq!(og.title.as_deref(), Some("Baku replies - Example News"));
        assert!(
            og.text.starts_with("Baku replies - Example News\n"),
            "{}",
            og.text
        );
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
}
