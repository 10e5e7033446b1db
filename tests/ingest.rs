//! Ingest on the real seed pastes, and properties over random input.

use std::path::PathBuf;

use parallax::ingest::{ingest, ingest_text, is_boilerplate_line, Format, Limits};
use proptest::prelude::*;

fn seed_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn seed(name_prefix: &str) -> (String, Vec<u8>) {
    let entry = std::fs::read_dir(seed_dir())
        .expect("seeds/ exists")
        .filter_map(Result::ok)
        .find(|entry| entry.file_name().to_string_lossy().starts_with(name_prefix))
        .unwrap_or_else(|| panic!("seed {name_prefix} exists"));
    let name = entry.file_name().to_string_lossy().into_owned();
    let bytes = std::fs::read(entry.path()).expect("seed is readable");
    (name, bytes)
}

#[test]
fn every_seed_gives_clean_text() {
    let mut seen = 0;
    for entry in std::fs::read_dir(seed_dir()).expect("seeds/ exists") {
        let path = entry.expect("dir entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        seen += 1;
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let article =
            ingest(&bytes, &name, &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(article.format, Format::Text, "{name}");
        assert_eq!(article.encoding, "UTF-8", "{name}");
        assert!(article.text.len() > 1000, "{name}: text too short");
        for line in article.text.lines() {
            assert!(
                !is_boilerplate_line(line),
                "{name}: boilerplate kept: {line:?}"
            );
        }
        for line in article.text.lines() {
            assert!(
                std::str::from_utf8(&bytes)
                    .unwrap()
                    .lines()
                    .any(|original| original.trim_end() == line),
                "{name}: a kept line was altered: {line:?}"
            );
        }
        // No line of a comment is left in the text.
        for comment in &article.comments {
            for line in comment.lines().filter(|l| l.len() > 20) {
                assert!(
                    !article.text.contains(line),
                    "{name}: comment line in text: {line}"
                );
            }
        }
    }
    assert_eq!(seen, 5, "the five seed articles");
}

#[test]
fn seed_with_reader_comment_keeps_it_apart() {
    let (name, bytes) = seed("001_");
    let article = ingest(&bytes, &name, &Limits::default()).unwrap();
    assert_eq!(article.comments.len(), 1, "{:?}", article.comments);
    let comment = &article.comments[0];
    assert!(
        comment.starts_with("What about the Azerbaijani animal"),
        "{comment}"
    );
    assert!(comment.contains("Armenia, its army is rebuilding.\nSo they are a non player."));
    assert!(comment.ends_with("-The Al U Know"), "{comment}");
    // The commenter's name/date header is not part of the comment.
    assert!(!comment.contains("March 7, 2025"));
    for absent in [
        "Azerbaijani animal",
        "The Al U Know",
        "1 Comment",
        "Leave a Reply",
        "Your email address will not be published",
        "Advertisement",
        "Connect with us",
        "what are you looking for",
        "Written By",
        "Image Credit",
    ] {
        assert!(
            !article.text.contains(absent),
            "{absent:?} left in the text"
        );
    }
    // The author bio was pasted twice; it is kept once.
    assert_eq!(
        article
            .text
            .matches("Dr. Stephen J. Blank is a Non-Resident")
            .count(),
        1
    );
    assert_eq!(
        article.title.as_deref(),
        Some("Iran’s Worst Fear: A US-Israel-Azerbaijan Alliance?")
    );
    assert_eq!(article.meta.author.as_deref(), Some("Dr. Stephen Blank"));
    assert!(article.removed_lines >= 8, "{}", article.removed_lines);
}

#[test]
fn seed_with_comment_form_only_has_no_comments() {
    let (name, bytes) = seed("003_");
    let article = ingest(&bytes, &name, &Limits::default()).unwrap();
    assert!(article.comments.is_empty(), "{:?}", article.comments);
    assert!(!article.text.contains("Leave a Reply"));
    assert!(!article.text.contains("logged in to post a comment"));
    assert!(article
        .text
        .ends_with("among major regional and global players."));
    assert_eq!(article.removed_lines, 2);
    // The first line is a paragraph, not a headline.
    assert_eq!(article.title, None);
}

#[test]
fn seed_with_repeated_headline_and_lede_keeps_one_copy() {
    let (name, bytes) = seed("002_");
    let article = ingest(&bytes, &name, &Limits::default()).unwrap();
    let title = "Baku-Tel Aviv growing ties and Iran's national security concerns";
    assert_eq!(article.title.as_deref(), Some(title));
    assert_eq!(article.text.matches(title).count(), 1);
    assert_eq!(
        article
            .text
            .matches("The recent establishment of Azerbaijan's embassy")
            .count(),
        1
    );
    assert_eq!(article.meta.author.as_deref(), Some("N. Daneshvar"));
    assert!(article.comments.is_empty());
}

#[test]
fn clean_seeds_pass_through_unchanged() {
    for prefix in ["000_", "004_"] {
        let (name, bytes) = seed(prefix);
        let article = ingest(&bytes, &name, &Limits::default()).unwrap();
        let original = String::from_utf8(bytes).unwrap();
        assert_eq!(article.text, original.trim_end(), "{name}");
        assert_eq!(article.removed_lines, 0, "{name}");
        assert!(article.comments.is_empty(), "{name}");
    }
}

#[test]
fn seed_as_windows_1252_and_utf16_reads_the_same() {
    let (name, bytes) = seed("003_");
    let utf8 = String::from_utf8(bytes.clone()).unwrap();
    let reference = ingest(&bytes, &name, &Limits::default()).unwrap();

    let (cp1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&utf8);
    assert!(!unmappable);
    let legacy = ingest(&cp1252, &name, &Limits::default()).unwrap();
    assert_eq!(legacy.encoding, "windows-1252");
    assert_eq!(legacy.text, reference.text);

    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(utf8.encode_utf16().flat_map(u16::to_le_bytes));
    let wide = ingest(&utf16, &name, &Limits::default()).unwrap();
    assert_eq!(wide.encoding, "UTF-16LE");
    assert_eq!(wide.text, reference.text);
}

#[test]
fn seed_wrapped_as_html_page_is_extracted() {
    let (_, bytes) = seed("004_");
    let text = String::from_utf8(bytes).unwrap();
    let paragraphs: String = text
        .lines()
        .map(|line| {
            format!(
                "<p>{}</p>\n",
                line.replace('&', "&amp;").replace('<', "&lt;")
            )
        })
        .collect();
    let page = format!(
        "<!doctype html><html><head><title>Israel seeks closer ties with Azerbaijan | Haqqin</title>\
         <meta property='og:site_name' content='Haqqin'></head><body>\
         <nav><a href='/'>Home</a></nav><div class='entry-content'>{paragraphs}</div>\
         <div class='share'><a>Share</a></div><footer>© 2023</footer></body></html>"
    );
    let article = ingest(page.as_bytes(), "page.htm", &Limits::default()).unwrap();
    assert_eq!(article.format, Format::Html);
    assert_eq!(
        article.title.as_deref(),
        Some("Israel seeks closer ties with Azerbaijan")
    );
    assert_eq!(article.meta.outlet.as_deref(), Some("Haqqin"));
    let expected = format!(
        "Israel seeks closer ties with Azerbaijan\n{}",
        text.trim_end()
    );
    assert_eq!(article.text, expected);
}

/// A WordPress-style news page as saved from a browser (theme markup, share
/// bar, related posts, threaded comments, reply form, widgets, cookie notice).
const WORDPRESS_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>Iran warns Azerbaijan over Israel ties - The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="og:title" content="Iran warns Azerbaijan over Israel ties">
<meta property="og:url" content="https://dailyexample.com/world/iran-azerbaijan">
<meta property="article:published_time" content="2023-04-02T09:15:00+00:00">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Iran warns Azerbaijan","author":{"@type":"Person","name":"Sam Writer"}}</script>
<style>.x{}</style>
</head>
<body class="post-template-default single single-post postid-123 has-sidebar">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">The Daily Example</a></p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav></header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-123" class="post-123 post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">Iran warns Azerbaijan over Israel ties</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="2023-04-02T09:15:00+00:00">April 2, 2023</time></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/sam">Sam Writer</a></span></span></div></header>
<div class="entry-content">
<p>TEHRAN &mdash; Iran's foreign ministry on Sunday warned Azerbaijan that its growing ties with Israel, including the opening of an embassy in Tel Aviv, threaten the security of the region, a spokesman said.</p>
<figure class="wp-block-image"><img src="a.jpg" alt="Embassy"><figcaption>The new embassy. Photo: Reuters</figcaption></figure>
<p>“Our patience with the Zionist regime on our frontier has limits,” Nasser Kanaani told reporters in Tehran, adding that Baku should reconsider.</p>
<div class="code-block code-block-2"><div class="ad-container"><ins class="adsbygoogle">Advertisement</ins></div></div>
<p><strong>Read more:</strong> <a href="/x">Azerbaijan opens embassy in Israel</a></p>
<p>Azerbaijan's foreign ministry rejected the criticism, saying that its relations with third countries are its sovereign choice, and that Iran has no right to interfere.</p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a>Twitter</a></li><li><a>Facebook</a></li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><p><a>Iran holds drills</a></p></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a>World</a></span><span class="tags-links">Tagged <a>Iran</a></span></footer>
</article>
<nav class="navigation post-navigation"><a>Previous post</a><a>Next post</a></nav>
<div id="comments" class="comments-area">
<h2 class="comments-title">2 thoughts on &ldquo;Iran warns Azerbaijan over Israel ties&rdquo;</h2>
<ol class="comment-list">
<li id="comment-5" class="comment even thread-even depth-1 parent"><article id="div-comment-5" class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><img class="avatar"><b class="fn">Reza</b> <span class="says">says:</span></div><div class="comment-metadata"><a href="#"><time datetime="2023-04-02T11:00:00+00:00">April 2, 2023 at 11:00 am</time></a></div></footer><div class="comment-content"><p>This is a provocation by Baku.</p></div><div class="reply"><a rel="nofollow" class="comment-reply-link">Reply</a></div></article>
<ol class="children"><li id="comment-6" class="comment odd alt depth-2"><article id="div-comment-6" class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Elnur</b> <span class="says">says:</span></div></footer><div class="comment-content"><p>No, it is our sovereign right.</p></div></article></li></ol></li>
</ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply <small><a rel="nofollow" id="cancel-comment-reply-link" href="#">Cancel reply</a></small></h3><form id="commentform" class="comment-form"><p class="comment-notes">Your email address will not be published.</p><p class="form-submit"><input type="submit" value="Post Comment"></p></form></div>
</div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2>Recent Posts</h2><ul><li><a>Other news</a></li></ul></section></aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">© 2023 The Daily Example. All rights reserved.</div></footer>
</div>
<div id="cookie-notice">We use cookies to improve your experience. <button>Accept</button></div>
</body></html>
"##;

/// The same page as a reader's select-all-and-copy paste.
const WORDPRESS_PASTE: &str = r##"Skip to content
The Daily Example
Home
World
Politics
Iran warns Azerbaijan over Israel ties
Posted on April 2, 2023 by Sam Writer

TEHRAN — Iran's foreign ministry on Sunday warned Azerbaijan that its growing ties with Israel, including the opening of an embassy in Tel Aviv, threaten the security of the region, a spokesman said.

The new embassy. Photo: Reuters

“Our patience with the Zionist regime on our frontier has limits,” Nasser Kanaani told reporters in Tehran, adding that Baku should reconsider.

Advertisement

Read more: Azerbaijan opens embassy in Israel

Azerbaijan's foreign ministry rejected the criticism, saying that its relations with third countries are its sovereign choice, and that Iran has no right to interfere.

Share this:

    Twitter
    Facebook

Related

Iran holds drills
Posted in World
Tagged Iran
Post navigation
Previous post
Next post
2 thoughts on “Iran warns Azerbaijan over Israel ties”

    Reza says:
    April 2, 2023 at 11:00 am

    This is a provocation by Baku.
    Reply
        Elnur says:
        April 2, 2023 at 12:30 pm

        No, it is our sovereign right.
        Reply

Leave a Reply Cancel reply

Your email address will not be published. Required fields are marked *

Comment *

Name *

Email *

Website

Save my name, email, and website in this browser for the next time I comment.

Recent Posts

    Other news

© 2023 The Daily Example. All rights reserved.
We use cookies to improve your experience. Accept
"##;

const ARTICLE_PARAGRAPHS: [&str; 3] = [
    "TEHRAN — Iran's foreign ministry on Sunday warned Azerbaijan that its growing ties with Israel, including the opening of an embassy in Tel Aviv, threaten the security of the region, a spokesman said.",
    "“Our patience with the Zionist regime on our frontier has limits,” Nasser Kanaani told reporters in Tehran, adding that Baku should reconsider.",
    "Azerbaijan's foreign ministry rejected the criticism, saying that its relations with third countries are its sovereign choice, and that Iran has no right to interfere.",
];

#[test]
fn saved_page_gives_article_metadata_and_comments() {
    let article = ingest(WORDPRESS_PAGE.as_bytes(), "iran.html", &Limits::default()).unwrap();
    assert_eq!(article.format, Format::Html);
    // The reader view takes the JSON-LD headline first, as Firefox does.
    let title = "Iran warns Azerbaijan";
    let mut expected = vec![title];
    expected.extend(ARTICLE_PARAGRAPHS);
    assert_eq!(article.text, expected.join("\n"));
    assert_eq!(article.title.as_deref(), Some(title));
    assert_eq!(article.meta.lang.as_deref(), Some("en-US"));
    assert_eq!(article.meta.outlet.as_deref(), Some("The Daily Example"));
    assert_eq!(
        article.meta.url.as_deref(),
        Some("https://dailyexample.com/world/iran-azerbaijan")
    );
    assert_eq!(article.meta.author.as_deref(), Some("Sam Writer"));
    assert_eq!(article.meta.date.as_deref(), Some("2023-04-02"));
    assert_eq!(
        article.comments,
        vec![
            "This is a provocation by Baku.",
            "No, it is our sovereign right."
        ]
    );
    assert!(article.removed_lines >= 15, "{}", article.removed_lines);
}

#[test]
fn pasted_page_gives_the_same_article_and_comments() {
    let article = ingest_text(WORDPRESS_PASTE, None).unwrap();
    assert_eq!(article.format, Format::Text);
    let title = "Iran warns Azerbaijan over Israel ties";
    let mut expected = vec![title];
    expected.extend(ARTICLE_PARAGRAPHS);
    assert_eq!(article.text, expected.join("\n\n"));
    assert_eq!(article.title.as_deref(), Some(title));
    assert_eq!(article.meta.author.as_deref(), Some("Sam Writer"));
    assert_eq!(article.meta.date.as_deref(), Some("2023-04-02"));
    assert_eq!(
        article.comments,
        vec![
            "This is a provocation by Baku.",
            "No, it is our sovereign right."
        ]
    );
    assert!(article.removed_lines >= 25, "{}", article.removed_lines);
}

/// Words that never make a boilerplate line, a date or a comment header.
fn prose_line() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-zà-ÿ]{3,9}", 8..20).prop_map(|words| {
        let mut line = words.join(" ");
        line.push('.');
        let mut chars = line.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().collect::<String>() + chars.as_str())
            .unwrap_or(line)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096), name in ".{0,20}") {
        match ingest(&bytes, &name, &Limits::default()) {
            Ok(article) => prop_assert!(!article.text.trim().is_empty()),
            Err(error) => {
                prop_assert!(["binary", "empty", "too_large", "encoding"].contains(&error.kind()));
                prop_assert!(!error.to_string().is_empty());
            }
        }
    }

    #[test]
    fn random_markup_never_panics(parts in prop::collection::vec(prop::sample::select(vec![
        "<div>", "</div>", "<p>", "</p>", "<a href=x>", "</a>", "<table>", "<td>", "<script>", "</script>",
        "<!--", "-->", "<b>", "</i>", "<svg>", "<math>", "<li>", "<ul>", "text, words", "&amp;", "<", ">",
        "\"", "'", "<br/>", "<article>", "<section class=comments>", "<nav>", "<pre>", "\n",
    ]), 0..400)) {
        let html = format!("<html><body>{}", parts.concat());
        let article = ingest_text(&html, Some(Format::Html)).unwrap();
        prop_assert!(!article.text.contains("<script"));
        let _ = ingest_text(&parts.concat(), Some(Format::Markdown));
        let _ = ingest_text(&parts.concat(), None);
    }

    #[test]
    fn random_unicode_text_never_panics_and_keeps_lines(text in "\\PC{0,300}(\n\\PC{0,80}){0,30}") {
        let article = ingest_text(&text, Some(Format::Text)).unwrap();
        // Kept lines are input lines (trailing whitespace trimmed), in order.
        let mut originals = text.lines().map(str::trim_end);
        for line in article.text.lines() {
            prop_assert!(originals.any(|original| original == line), "{:?} not an input line", line);
        }
    }

    #[test]
    fn file_and_paste_agree(text in "\\PC{1,200}(\n\\PC{0,80}){0,10}") {
        prop_assume!(!text.trim().is_empty());
        let pasted = ingest_text(&text, None).unwrap();
        match ingest(text.as_bytes(), "", &Limits::default()) {
            Ok(from_file) => {
                prop_assert_eq!(&from_file.text, &pasted.text);
                prop_assert_eq!(&from_file.comments, &pasted.comments);
                prop_assert_eq!(from_file.format, pasted.format);
            }
            // Control characters make a file binary; pasted text has no such check.
            Err(error) => prop_assert!(matches!(error.kind(), "binary" | "empty")),
        }
    }

    #[test]
    fn prose_round_trips_through_a_utf8_file(lines in prop::collection::vec(prose_line(), 1..30)) {
        let mut unique = Vec::new();
        for line in lines {
            if !unique.contains(&line) {
                unique.push(line);
            }
        }
        let text = unique.join("\n");
        let article = ingest(text.as_bytes(), "article.txt", &Limits::default()).unwrap();
        prop_assert_eq!(&article.text, &text);
        prop_assert_eq!(article.removed_lines, 0);
        prop_assert!(article.comments.is_empty());
        let with_bom = [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat();
        let article = ingest(&with_bom, "article.txt", &Limits::default()).unwrap();
        prop_assert_eq!(article.encoding, "UTF-8 (BOM)");
        prop_assert_eq!(&article.text, &text);
    }

    #[test]
    fn escaped_text_in_a_paragraph_comes_back(text in "\\PC{1,200}") {
        let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assume!(!collapsed.is_empty() && !is_boilerplate_line(&collapsed));
        let escaped = collapsed.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        let html = format!("<!doctype html><html><body><article><p>{escaped}</p></article></body></html>");
        let article = ingest_text(&html, None).unwrap();
        prop_assert_eq!(article.text, collapsed);
    }
}

/// `parallax analyze page.html`: the report carries the analysed text, and every
/// mention's offsets (code points) resolve against it; a plain UTF-8 file's offsets
/// point into the file itself, so it carries none.
#[test]
fn cli_report_carries_the_text_its_offsets_resolve_against() {
    let dir = std::env::temp_dir().join(format!("parallax-ingest-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("iran.html");
    let plain = dir.join("plain.txt");
    std::fs::write(&page, WORDPRESS_PAGE).unwrap();
    std::fs::write(&plain, "Tehran warned Baku.\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("analyze")
        .arg(&page)
        .arg(&plain)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reports: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let text: Vec<char> = reports[0]["text"]
        .as_str()
        .expect("an HTML report carries its text")
        .chars()
        .collect();
    assert!(text
        .iter()
        .collect::<String>()
        .starts_with("Iran warns Azerbaijan\nTEHRAN"));
    let mentions = reports[0]["mentions"].as_array().unwrap();
    assert!(mentions.len() >= 5, "{mentions:?}");
    for mention in mentions {
        let start = mention["start"].as_u64().unwrap() as usize;
        let end = mention["end"].as_u64().unwrap() as usize;
        assert_eq!(
            text[start..end].iter().collect::<String>(),
            mention["text"].as_str().unwrap()
        );
    }
    assert!(reports[1].get("text").is_none(), "{}", reports[1]);
    assert!(reports[1]["mentions"].as_array().unwrap().len() >= 2);
}

/// Hostile pages, deep and wide, generated at 100 KB (and 1 MB in release builds): each
/// is read without a panic and its article (JSON) is at most 20 times the page.
#[test]
fn deep_and_wide_hostile_pages_stay_linear() {
    let units = [
        "<div/>",
        "<div>",
        "<p><div>",
        "<table><tr><td>",
        "<ul><li>",
        "<b class=x><i class=y>",
        "<a href=x>",
        "</div></p></span>",
        "<svg><foreignObject><div>",
        "<div class=\"comment\"><p>Iran warned Baku, a reader said.</p>",
        "<div class=\"share-bar\"><a>Share</a></div>",
        "<div>Iran warned Baku.</div>",
        "<p>Tehran warned Baku, and Israel said no, again and again.</p>",
        "<nav><a>Home</a></nav><br>",
        "<table><tr><td>Iran</td><td>Baku</td></tr></table>",
    ];
    let sizes: &[usize] = if cfg!(debug_assertions) {
        &[100 * 1024]
    } else {
        &[100 * 1024, 1024 * 1024]
    };
    for &size in sizes {
        for unit in units {
            let mut page = String::from("<html><head><title>Hostile</title></head><body>");
            while page.len() < size {
                page.push_str(unit);
            }
            page.push_str("Iran warned Baku.</body></html>");
            let output = match ingest(page.as_bytes(), "hostile.html", &Limits::default()) {
                Ok(article) => serde_json::to_string(&article).unwrap().len(),
                Err(error) => error.message().len(),
            };
            assert!(
                output <= 20 * page.len(),
                "{unit} x {size}: {output} bytes out of {}",
                page.len()
            );
        }
    }
}

/// Line ends of any kind, BOM-less UTF-16 and the size limit, as the CLI meets them.
#[test]
fn cli_reads_cr_line_ends_and_bomless_utf16_and_refuses_large_files_unread() {
    let dir = std::env::temp_dir().join(format!("parallax-ingest-enc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cr = dir.join("cr.txt");
    std::fs::write(&cr, "Tehran warned Baku.\rIran said no to Israel.\r").unwrap();
    let utf16 = dir.join("utf16.txt");
    let bytes: Vec<u8> = "Tehran warned Baku.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(&utf16, bytes).unwrap();
    // Sparse: over the limit on disk without writing megabytes.
    let large = dir.join("large.txt");
    let file = std::fs::File::create(&large).unwrap();
    file.set_len(parallax::ingest::MAX_INPUT_BYTES as u64 + 1)
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("analyze")
        .arg(&cr)
        .arg(&utf16)
        .arg(&large)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("large.txt") && stderr.contains("the limit is 5 MB"),
        "{stderr}"
    );
    let reports: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(reports.len(), 2);
    let ids = |report: &serde_json::Value| -> Vec<String> {
        report["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&reports[0]), ["iran", "azerbaijan", "israel"]);
    assert_eq!(ids(&reports[1]), ["iran", "azerbaijan"]);
    assert_eq!(reports[1]["text"], "Tehran warned Baku.");
}
