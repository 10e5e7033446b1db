//! A bound on the depth of the parsed tree, applied to the markup before parsing.
//!
//! The HTML tree builder scans its stack of open elements for many tags, so a page of
//! 100 000 nested `<div>`s takes quadratic time to parse. This pass follows the parsing
//! rules closely enough to know how deep the tree will be and drops the start and end
//! tags of elements that would sit deeper than a limit, keeping their content:
//!
//! - `<div/>` opens a `<div>`: a trailing slash closes only void and foreign elements;
//! - an end tag closes the nearest open element of its name, and everything opened after
//!   it, but only when no scope boundary (`table`, `td`, `template`…) lies in between;
//!   an end tag that matches nothing open is ignored and never lowers the count;
//! - elements closed by their next sibling (`p`, `li`, `td`…), void elements and raw
//!   text elements do not add depth.
//!
//! A small linear tokenizer: comments, doctypes and raw-text elements are skipped whole,
//! quoted attribute values respected. Each end tag looks at most `limit` open elements.

use std::borrow::Cow;
use std::collections::HashMap;

/// Deeper nesting than this is flattened before parsing (real pages stay far below).
pub(crate) const MAX_NESTING: usize = 256;

const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT_TAGS: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Elements closed implicitly by the next sibling of the same kind, and the document's
/// own `html`, `head` and `body`, which never nest: they add no depth.
const UNCOUNTED_TAGS: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "rb",
    "rt", "rp", "colgroup", "html", "head", "body",
];

/// Elements an end tag of another name cannot close through ("has an element in scope").
const SCOPE_BOUNDARIES: &[&str] = &[
    "applet",
    "caption",
    "marquee",
    "object",
    "table",
    "template",
    "svg",
    "math",
    "foreignobject",
    "desc",
    "title",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
];

/// Drops the start and end tags of elements nested deeper than `limit`, keeping their
/// content; borrows the input when nothing is that deep.
pub(crate) fn cap_nesting(html: &str, limit: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let lower = html.to_ascii_lowercase();
    let lower = lower.as_bytes();
    let mut out: Option<String> = None;
    let mut kept_from = 0;
    // The open elements the parser will see, innermost last (never more than `limit`).
    let mut open: Vec<String> = Vec::new();
    // How many of `open` are `svg` or `math`, where a trailing slash does close.
    let mut foreign = 0usize;
    // Start tags dropped, by name, whose end tags are to be dropped too.
    let mut dropped: HashMap<String, usize> = HashMap::new();
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
                .take_while(|b| !b.is_ascii_whitespace() && !matches!(b, b'/' | b'>'))
                .count()
        });
        if name_len == 0 || !lower.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            at = start + 1;
            continue;
        }
        let name =
            String::from_utf8_lossy(lower.get(name_start..name_start + name_len).unwrap_or(b""))
                .into_owned();
        let end = tag_end(bytes, name_start + name_len);
        let self_closing = foreign > 0 && end >= 2 && bytes.get(end - 2) == Some(&b'/');
        let counted = !VOID_TAGS.contains(&name.as_str())
            && !UNCOUNTED_TAGS.contains(&name.as_str())
            && !RAW_TEXT_TAGS.contains(&name.as_str());
        let mut drop_tag = false;
        if closing {
            if counted {
                match dropped.get_mut(&name) {
                    Some(count) if *count > 0 => {
                        *count -= 1;
                        drop_tag = true;
                    }
                    _ => foreign = foreign.saturating_sub(close(&mut open, &name)),
                }
            }
        } else if counted && !self_closing {
            if open.len() >= limit {
                *dropped.entry(name.clone()).or_default() += 1;
                drop_tag = true;
            } else {
                foreign += usize::from(is_foreign(&name));
                open.push(name.clone());
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

fn is_foreign(tag: &str) -> bool {
    tag == "svg" || tag == "math"
}

/// An end tag: pops the nearest open element of that name and all opened after it,
/// unless a scope boundary comes first or none is open (then it is ignored). Returns
/// how many `svg` and `math` elements it popped.
fn close(open: &mut Vec<String>, name: &str) -> usize {
    for position in (0..open.len()).rev() {
        let tag = open.get(position).map_or("", String::as_str);
        if tag == name {
            let popped = open.get(position..).map_or(0, |closed| {
                closed.iter().filter(|tag| is_foreign(tag)).count()
            });
            open.truncate(position);
            return popped;
        }
        if SCOPE_BOUNDARIES.contains(&tag) {
            return 0;
        }
    }
    0
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_borrowed_and_deep_ones_flattened() {
        let shallow = "<div><p>a</p><br/><img src=x><script>if (a < b) { '<div>' }</script></div>";
        assert!(matches!(cap_nesting(shallow, 3), Cow::Borrowed(_)));
        let deep = "<div><div><div>x</div></div></div>";
        assert_eq!(cap_nesting(deep, 2), "<div><div>x</div></div>");
        let quoted = "<div title='>'><div>x</div></div>";
        assert_eq!(cap_nesting(quoted, 1), "<div title='>'>x</div>");
    }

    #[test]
    fn a_trailing_slash_does_not_close_an_html_element() {
        // <div/> opens a div, as the parser reads it: the third one is too deep.
        assert_eq!(cap_nesting("<div/><div/><div/>x", 2), "<div/><div/>x");
        // In SVG the slash does close: these stay siblings.
        let svg = "<svg><path/><path/><path/></svg>";
        assert!(matches!(cap_nesting(svg, 2), Cow::Borrowed(_)));
    }

    #[test]
    fn unmatched_end_tags_do_not_lower_the_count() {
        // Stray </span>s close nothing, so the third div is still too deep.
        assert_eq!(
            cap_nesting("<div><div></span></span><div>x</div></div></div>", 2),
            "<div><div></span></span>x</div></div>"
        );
        // An end tag cannot close a div outside the table it is in.
        assert_eq!(
            cap_nesting("<div><table></div><b>x</b></table></div>", 2),
            "<div><table></div>x</table></div>"
        );
        // A real end tag closes what was opened after its element, too.
        assert!(matches!(
            cap_nesting("<div><b><i>x</div><div>y</div>", 3),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn siblings_void_and_raw_text_elements_add_no_depth() {
        let page =
            "<ul><li>a<li>b<li>c</ul><p>x<p>y<br><br><img src=x><textarea><div><div></textarea>";
        assert!(matches!(cap_nesting(page, 1), Cow::Borrowed(_)));
    }
}
