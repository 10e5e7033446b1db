//! Markdown notes to plain text with a CommonMark parser, so that syntax
//! (`#`, `*`, `[text](url)`, fences) never reaches the analysis as words.
//!
//! Headings, paragraphs, list items, table rows and code-block lines each
//! become one line; links keep their text; images and raw HTML are dropped.
//! The first heading is the title and stays as the first line. YAML front
//! matter, if any, gives title, author, date, url and outlet.

use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::boilerplate::{date_of_line, iso_date};
use super::{blank_article, Article, Format, Meta};

pub(crate) fn to_article(text: &str) -> Article {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut lines = Lines::default();
    let mut first_heading: Option<String> = None;
    let mut in_heading = false;
    let mut image_depth = 0usize;
    let mut in_code_block = false;
    let mut front_matter: Option<String> = None;
    let mut in_front_matter = false;

    for event in Parser::new_ext(text, options) {
        // Everything inside an image is its alt text, which is not article text.
        match &event {
            Event::Start(Tag::Image { .. }) => {
                image_depth += 1;
                continue;
            }
            Event::End(TagEnd::Image) => {
                image_depth = image_depth.saturating_sub(1);
                continue;
            }
            _ if image_depth > 0 => continue,
            _ => {}
        }
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => {
                front_matter = Some(String::new());
                in_front_matter = true;
            }
            Event::End(TagEnd::MetadataBlock(_)) => in_front_matter = false,
            Event::Text(content) => {
                if let Some(yaml) = front_matter.as_mut().filter(|_| in_front_matter) {
                    yaml.push_str(&content);
                } else if in_code_block {
                    lines.push_code(&content);
                } else {
                    lines.current.push_str(&content);
                }
            }
            Event::Code(content) | Event::InlineMath(content) | Event::DisplayMath(content) => {
                lines.current.push_str(&content);
            }
            Event::SoftBreak => lines.current.push(' '),
            Event::HardBreak | Event::Rule => {
                lines.flush();
            }
            Event::Start(Tag::Heading { .. }) => {
                lines.flush();
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => {
                let heading = lines.flush();
                if in_heading && first_heading.is_none() {
                    first_heading = heading;
                }
                in_heading = false;
            }
            Event::Start(Tag::CodeBlock(_)) => {
                lines.flush();
                in_code_block = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                lines.flush();
                in_code_block = false;
            }
            Event::Start(Tag::TableCell) => {
                if !lines.current.trim().is_empty() {
                    lines.current.push_str(" | ");
                }
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition
                | Tag::HtmlBlock,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition
                | TagEnd::HtmlBlock,
            ) => {
                lines.flush();
            }
            // Raw HTML has no text of its own here; footnote marks and task boxes are markup.
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {}
            Event::Start(_) | Event::End(_) => {}
        }
    }
    lines.flush();

    let mut article = blank_article(Format::Markdown);
    article.meta = front_matter
        .as_deref()
        .map(meta_from_front_matter)
        .unwrap_or_default();
    article.title = first_heading.or_else(|| article.meta.title.clone());
    article.text = lines.out.join("\n");
    article
}

/// Output lines being built: `current` is the block in progress.
#[derive(Default)]
struct Lines {
    out: Vec<String>,
    current: String,
}

impl Lines {
    /// Ends the current block: whitespace collapsed, empty blocks dropped.
    /// Returns the line if one was written.
    fn flush(&mut self) -> Option<String> {
        let collapsed = self
            .current
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        self.current.clear();
        if collapsed.is_empty() {
            return None;
        }
        self.out.push(collapsed.clone());
        Some(collapsed)
    }

    /// Code keeps its own lines and indentation (only trailing space goes).
    fn push_code(&mut self, code: &str) {
        for piece in code.split_inclusive('\n') {
            self.current.push_str(piece);
            if piece.ends_with('\n') {
                let line = self.current.trim_end().to_string();
                self.current.clear();
                if !line.trim().is_empty() {
                    self.out.push(line);
                }
            }
        }
    }
}

/// Reads flat `key: value` lines of YAML front matter (nested YAML is ignored).
fn meta_from_front_matter(yaml: &str) -> Meta {
    let mut meta = Meta::default();
    for line in yaml.lines() {
        if line.starts_with([' ', '\t', '-']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => &mut meta.title,
            "author" | "byline" | "by" => &mut meta.author,
            "url" | "canonical_url" | "canonical" | "source_url" | "link" => &mut meta.url,
            "outlet" | "source" | "publisher" | "site" | "site_name" | "publication" => {
                &mut meta.outlet
            }
            "date" | "published" | "published_at" | "pubdate" => {
                if meta.date.is_none() {
                    meta.date = iso_date(value).or_else(|| date_of_line(value));
                }
                continue;
            }
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(value.to_string());
        }
    }
    if meta
        .url
        .as_deref()
        .is_some_and(|url| !super::is_web_url(url))
    {
        meta.url = None;
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_to_text_table() {
        let cases: &[(&str, &str)] = &[
            (
                "# Title\n\nA *para* with **bold**\nand a soft break.",
                "Title\nA para with bold and a soft break.",
            ),
            (
                "Intro\n\n- one\n- two [link text](https://e.com)\n  - nested",
                "Intro\none\ntwo link text\nnested",
            ),
            ("1. first\n2. second", "first\nsecond"),
            ("Text ![alt words](img.png) after", "Text after"),
            (
                "Before\n\n<div class=\"x\">raw <b>html</b></div>\n\nAfter <span>inline</span>",
                "Before\nAfter inline",
            ),
            (
                "```rust\nfn main() {\n    let x = 1;\n}\n```",
                "fn main() {\n    let x = 1;\n}",
            ),
            ("    indented code\n    second", "indented code\nsecond"),
            ("> quoted *words*\n> more", "quoted words more"),
            ("Use `code` here", "Use code here"),
            ("| a | b |\n|---|---|\n| 1 | 2 |", "a | b\n1 | 2"),
            ("Line one  \nLine two", "Line one\nLine two"),
            ("Word[^1]\n\n[^1]: The note.", "Word\nThe note."),
            ("- [x] done", "done"),
            ("***\n\n---", ""),
        ];
        for (markdown, text) in cases {
            assert_eq!(to_article(markdown).text, *text, "{markdown}");
        }
    }

    #[test]
    fn first_heading_is_the_title_and_stays_in_text() {
        let article = to_article("Intro line\n\n## The *Real* Title\n\nBody.\n\n# Later heading");
        assert_eq!(article.title.as_deref(), Some("The Real Title"));
        assert_eq!(
            article.text,
            "Intro line\nThe Real Title\nBody.\nLater heading"
        );
        assert_eq!(
            to_article("Setext Title\n============\n\nBody.")
                .title
                .as_deref(),
            Some("Setext Title")
        );
        assert_eq!(to_article("No heading.").title, None);
    }

    #[test]
    fn front_matter_gives_metadata_not_text() {
        let article = to_article(
            "---\ntitle: \"Iran and Azerbaijan\"\nauthor: Jane Doe\ndate: 2024-03-05\nurl: https://example.com/a\nsource: Example News\ntags:\n  - x\n---\n\nBody text.",
        );
        assert_eq!(article.text, "Body text.");
        assert_eq!(article.title.as_deref(), Some("Iran and Azerbaijan"));
        assert_eq!(article.meta.author.as_deref(), Some("Jane Doe"));
        assert_eq!(article.meta.date.as_deref(), Some("2024-03-05"));
        assert_eq!(article.meta.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(article.meta.outlet.as_deref(), Some("Example News"));
        let hostile = to_article("---\nurl: javascript:alert(1)\n---\n\nBody.");
        assert_eq!(hostile.meta.url, None);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        for markdown in [
            ">".repeat(100_000),
            "- ".repeat(50_000),
            "[".repeat(100_000),
            "*".repeat(100_000),
            "<div>".repeat(100_000),
        ] {
            let _ = to_article(&markdown);
        }
    }
}
