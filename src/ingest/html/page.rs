//! The page as a flat arena, for what the article extractor does not do: reader
//! comments kept apart (found by their markup, split like pasted comment sections), the
//! lines of the whole page (to count what was dropped, and as a last resort when no
//! article is found), and the first heading.
//!
//! The tree is copied from the parsed document in document order, so a node's
//! descendants are the indices right after it and parents come first; every walk is a
//! loop over an index range or with an explicit stack, so depth cannot overflow the stack.

use dom_query::{Document, NodeId, NodeRef};

use super::super::boilerplate::split_comments;

/// Article text needed outside comment sections before we trust them: when
/// nearly all text sits in a "comment" container, the page was misread.
const MIN_TEXT_OUTSIDE_COMMENTS: usize = 200;

/// Text a share bar or navigation may hold (Readability's character threshold).
const MAX_FURNITURE_CHARS: usize = 500;

const NO_PARENT: usize = usize::MAX;

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

enum Kind {
    Root,
    Element(Element),
    Text(Box<str>),
}

struct Element {
    tag: Box<str>,
    /// Words of `id` and `class`, lower-cased, split at every non-alphanumeric character.
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
    /// The node in the parsed document, to remove comment sections from it.
    id: NodeId,
}

#[derive(Clone, Copy, Default)]
struct Flags {
    junk: bool,
    invisible: bool,
    comment_root: bool,
    in_comments: bool,
    one_comment: bool,
    in_article: bool,
    in_pre: bool,
}

/// The document as a flat arena with per-node flags computed in one pass down.
pub(crate) struct Page {
    nodes: Vec<TreeNode>,
    flags: Vec<Flags>,
}

impl Page {
    pub(crate) fn new(document: &Document) -> Page {
        let mut nodes: Vec<TreeNode> = Vec::new();
        let mut stack: Vec<(NodeRef<'_>, usize)> = vec![(document.root(), NO_PARENT)];
        while let Some((node, parent)) = stack.pop() {
            let kind = if node.is_document() || node.is_fragment() {
                Kind::Root
            } else if node.is_element() {
                Kind::Element(element_of(&node))
            } else if node.is_text() {
                Kind::Text(node.text().to_string().into_boxed_str())
            } else {
                continue;
            };
            let index = nodes.len();
            nodes.push(TreeNode {
                parent,
                children: Vec::new(),
                kind,
                id: node.id,
            });
            if let Some(parent_node) = nodes.get_mut(parent) {
                parent_node.children.push(index);
            }
            let first = stack.len();
            stack.extend(node.children_it(false).map(|child| (child, index)));
            if let Some(children) = stack.get_mut(first..) {
                children.reverse();
            }
        }
        let mut page = Page {
            flags: vec![Flags::default(); nodes.len()],
            nodes,
        };
        page.mark(true);
        let has_comments = page.flags.iter().any(|f| f.comment_root);
        if has_comments && page.text_outside_comments() < MIN_TEXT_OUTSIDE_COMMENTS {
            // Almost everything sits in "comment" containers: the markup misled us.
            page.mark(false);
        }
        page
    }

    /// The sum over elements of how many elements enclose them: what the reader view's
    /// scans of descendants (one per container, several times over) cost at most.
    pub(crate) fn nesting_work(&self) -> usize {
        let mut depth = vec![0usize; self.nodes.len()];
        let mut total = 0usize;
        for index in 0..self.nodes.len() {
            let own = match self.nodes.get(index).map(|n| &n.kind) {
                Some(Kind::Element(_)) => depth.get(self.parent(index)).map_or(0, |d| d + 1),
                _ => depth.get(self.parent(index)).copied().unwrap_or(0),
            };
            if let Some(slot) = depth.get_mut(index) {
                *slot = own;
            }
            if self.element(index).is_some() {
                total = total.saturating_add(own);
            }
        }
        total
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

    /// Top-down flags; parents come before children in the arena.
    fn mark(&mut self, find_comments: bool) {
        for index in 0..self.nodes.len() {
            let parent_index = self.parent(index);
            let parent = self.flags.get(parent_index).copied().unwrap_or_default();
            let mut flags = Flags {
                junk: parent.junk,
                invisible: parent.invisible,
                in_comments: parent.in_comments,
                in_article: parent.in_article,
                in_pre: parent.in_pre,
                comment_root: false,
                one_comment: false,
            };
            if let Some(element) = self.element(index) {
                let tag = element.tag.as_ref();
                flags.invisible |= INVISIBLE_TAGS.contains(&tag) || element.hidden;
                if find_comments && !parent.in_comments && is_comment_section(element) {
                    flags.comment_root = true;
                    flags.in_comments = true;
                }
                if find_comments && flags.in_comments {
                    let parent_is_comment_list =
                        parent.comment_root && matches!(self.tag(parent_index), "ol" | "ul");
                    flags.one_comment =
                        is_one_comment(element) || (tag == "li" && parent_is_comment_list);
                }
                if !flags.comment_root && !flags.one_comment {
                    flags.junk |= is_junk(element, parent.in_article);
                }
                if flags.in_comments && !flags.one_comment && !flags.comment_root {
                    flags.junk |= matches!(tag, "time" | "header" | "footer")
                        || element.has_hint(COMMENT_META_HINTS);
                }
                flags.in_article |= tag == "article" || element.article_body;
                flags.in_pre |= tag == "pre";
            }
            if let Some(slot) = self.flags.get_mut(index) {
                *slot = flags;
            }
        }
    }

    /// Characters of visible text outside furniture and comment sections.
    fn text_outside_comments(&self) -> usize {
        self.nodes
            .iter()
            .zip(&self.flags)
            .filter(|(_, f)| !(f.junk || f.invisible || f.in_comments))
            .map(|(node, _)| match &node.kind {
                Kind::Text(text) => text.split_whitespace().map(|w| w.chars().count() + 1).sum(),
                _ => 0,
            })
            .sum()
    }

    /// The document nodes of the comment sections, outermost only, to be taken out of
    /// the document before the article is looked for.
    pub(crate) fn comment_sections(&self) -> Vec<NodeId> {
        self.nodes
            .iter()
            .zip(&self.flags)
            .filter(|(_, f)| f.comment_root)
            .map(|(node, _)| node.id)
            .collect()
    }

    /// Share bars and navigation that hold little text, outermost only: elements whose
    /// `class`/`id` has the word "share" or "sharedaddy" (Readability removes these by a
    /// regex that treats `-` as a word break, "share-buttons"; the port splits only at
    /// spaces and `_`), and `<nav>` ("Previous post", "Next post").
    pub(crate) fn furniture(&self) -> Vec<NodeId> {
        let mut text_len = vec![0usize; self.nodes.len()];
        for index in (0..self.nodes.len()).rev() {
            if let Some(Kind::Text(text)) = self.nodes.get(index).map(|n| &n.kind) {
                if let Some(slot) = text_len.get_mut(index) {
                    *slot += text
                        .split_whitespace()
                        .map(|w| w.chars().count() + 1)
                        .sum::<usize>();
                }
            }
            let own = text_len.get(index).copied().unwrap_or(0);
            if let Some(slot) = text_len.get_mut(self.parent(index)) {
                *slot += own;
            }
        }
        let mut widgets = Vec::new();
        let mut index = 0;
        while index < self.nodes.len() {
            let is_widget = self.element(index).is_some_and(|e| {
                e.tag.as_ref() == "nav"
                    || (!matches!(e.tag.as_ref(), "html" | "body" | "article" | "main")
                        && e.has_hint(&["share", "sharedaddy"]))
            }) && text_len.get(index).copied().unwrap_or(0) < MAX_FURNITURE_CHARS;
            if is_widget {
                if let Some(node) = self.nodes.get(index) {
                    widgets.push(node.id);
                }
                index = self.subtree_end(index);
            } else {
                index += 1;
            }
        }
        widgets
    }

    /// Every visible line of the page, one block per line.
    pub(crate) fn visible_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        self.render(0, &mut lines, |i| self.invisible(i));
        lines
    }

    /// The lines of the `<body>` outside furniture and comments: the article when
    /// nothing better is found.
    pub(crate) fn body_lines(&self) -> Vec<String> {
        let body = (0..self.nodes.len())
            .find(|&i| self.tag(i) == "body")
            .unwrap_or(0);
        let mut lines = Vec::new();
        self.render(body, &mut lines, |i| {
            self.flags
                .get(i)
                .is_none_or(|f| f.junk || f.invisible || f.in_comments)
        });
        lines
    }

    /// The text of the first `<h1>`, whitespace collapsed.
    pub(crate) fn first_h1(&self) -> Option<String> {
        let index = (0..self.nodes.len()).find(|&i| self.tag(i) == "h1")?;
        let mut lines = Vec::new();
        self.render(index, &mut lines, |i| self.invisible(i));
        let text = lines.join(" ");
        (!text.is_empty()).then_some(text)
    }

    fn invisible(&self, index: usize) -> bool {
        self.flags.get(index).is_none_or(|f| f.invisible)
    }

    /// Appends the block-level text of the subtree at `root` to `lines`, one
    /// block per line, whitespace collapsed (kept line by line in `<pre>`),
    /// skipping subtrees for which `skip` is true. Iterative.
    fn render(&self, root: usize, lines: &mut Vec<String>, skip: impl Fn(usize) -> bool) {
        let mut buffer = String::new();
        // (node, entering): leaving a block element ends its line.
        let mut stack = vec![(root, true)];
        while let Some((index, entering)) = stack.pop() {
            let Some(node) = self.nodes.get(index) else {
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
    pub(crate) fn comments(&self) -> Vec<String> {
        let count = self.nodes.len();
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
        while let Some(&child) = self.children(last).last() {
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

fn element_of(node: &NodeRef<'_>) -> Element {
    let mut hints = Vec::new();
    for value in [node.id_attr(), node.class()].into_iter().flatten() {
        for word in value.split(|c: char| !c.is_alphanumeric()) {
            if !word.is_empty() {
                hints.push(word.to_lowercase().into_boxed_str());
            }
        }
    }
    let style = node
        .attr("style")
        .map(|s| s.to_ascii_lowercase().replace(' ', ""))
        .unwrap_or_default();
    let hidden = node.has_attr("hidden")
        || node.attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        || style.contains("display:none")
        || style.contains("visibility:hidden");
    Element {
        tag: node
            .node_name()
            .map(|name| name.to_ascii_lowercase())
            .unwrap_or_default()
            .into_boxed_str(),
        hints,
        role: node
            .attr("role")
            .map(|r| r.trim().to_ascii_lowercase().into_boxed_str()),
        hidden,
        article_body: node
            .attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|w| w == "articleBody")),
    }
}

/// Page furniture by tag, role, hidden state or class/id words. The document
/// itself and explicit article containers are never furniture by class.
fn is_junk(element: &Element, in_article: bool) -> bool {
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
    !structural && !layout_switch && element.has_hint(JUNK_HINTS)
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
