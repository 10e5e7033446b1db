//! Content sniffing: is this a known binary format, and is the text HTML,
//! Markdown or plain? Names lie (a PDF saved as `.txt` is still a PDF), so
//! the content decides first and the extension only breaks ties.

use super::Format;

/// One known file signature: `magic` found at byte `offset` means `what`.
struct Signature {
    offset: usize,
    magic: &'static [u8],
    /// Completes "\"x\" is … , not text.", so it starts with an article.
    what: &'static str,
}

const fn sig(offset: usize, magic: &'static [u8], what: &'static str) -> Signature {
    Signature {
        offset,
        magic,
        what,
    }
}

/// File signatures ("magic numbers") of formats people drop by mistake.
/// Data, not code: add a row to recognize another format.
const SIGNATURES: &[Signature] = &[
    sig(0, b"%PDF", "a PDF document"),
    sig(0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    sig(0, b"\xff\xd8\xff", "a JPEG image"),
    sig(0, b"GIF87a", "a GIF image"),
    sig(0, b"GIF89a", "a GIF image"),
    sig(8, b"WEBP", "a WebP image"),
    sig(8, b"WAVE", "a WAV audio file"),
    sig(8, b"AVI ", "an AVI video"),
    sig(0, b"II*\x00", "a TIFF image"),
    sig(0, b"MM\x00*", "a TIFF image"),
    sig(0, b"\x00\x00\x01\x00", "an icon image"),
    sig(0, b"PK\x03\x04", "a ZIP archive (or Word/Excel document)"),
    sig(0, b"PK\x05\x06", "a ZIP archive (or Word/Excel document)"),
    sig(0, b"PK\x07\x08", "a ZIP archive (or Word/Excel document)"),
    sig(
        0,
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Microsoft Office document (.doc/.xls/.ppt)",
    ),
    sig(0, b"{\\rtf", "an RTF (Rich Text) document"),
    sig(0, b"\x1f\x8b", "a gzip archive"),
    sig(0, b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    sig(0, b"Rar!\x1a\x07", "a RAR archive"),
    sig(0, b"\xfd7zXZ\x00", "an xz archive"),
    sig(0, b"\x28\xb5\x2f\xfd", "a Zstandard archive"),
    sig(4, b"1AY&SY", "a bzip2 archive"),
    sig(257, b"ustar", "a tar archive"),
    sig(0, b"\x7fELF", "an executable program (ELF)"),
    sig(0, b"\xcf\xfa\xed\xfe", "an executable program (Mach-O)"),
    sig(0, b"\xfe\xed\xfa\xcf", "an executable program (Mach-O)"),
    sig(
        0,
        b"\xca\xfe\xba\xbe",
        "a compiled program (Java class or Mach-O)",
    ),
    sig(0, b"\x00asm", "a WebAssembly module"),
    sig(0, b"SQLite format 3\x00", "an SQLite database"),
    sig(0, b"ID3", "an MP3 audio file"),
    sig(0, b"\xff\xfb", "an MP3 audio file"),
    sig(0, b"\xff\xf3", "an MP3 audio file"),
    sig(0, b"\xff\xf2", "an MP3 audio file"),
    sig(4, b"ftyp", "an MP4/MOV video or audio file"),
    sig(0, b"OggS", "an Ogg audio or video file"),
    sig(0, b"fLaC", "a FLAC audio file"),
    sig(0, b"\x1a\x45\xdf\xa3", "a Matroska/WebM video"),
    sig(0, b"wOFF", "a web font"),
    sig(0, b"wOF2", "a web font"),
];

/// Names the binary format of `bytes` if its signature is known.
pub(crate) fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    if is_windows_executable(bytes) {
        return Some("a Windows executable program");
    }
    if bytes.starts_with(b"RIFF") && bytes.len() >= 12 {
        // RIFF containers are named by the form type at offset 8; unknown ones are still media.
        return SIGNATURES
            .iter()
            .find(|s| s.offset == 8 && bytes.get(8..12) == Some(s.magic))
            .map(|s| s.what)
            .or(Some("a RIFF media file"));
    }
    if bytes.starts_with(b"BZh") && !matches!(bytes.get(3), Some(b'1'..=b'9')) {
        return None;
    }
    SIGNATURES
        .iter()
        .filter(|s| s.offset != 8)
        .find(|s| {
            s.offset
                .checked_add(s.magic.len())
                .and_then(|end| bytes.get(s.offset..end))
                == Some(s.magic)
        })
        .map(|s| s.what)
}

/// "MZ" alone could start a text file, so the PE header it points to must be there too.
fn is_windows_executable(bytes: &[u8]) -> bool {
    if !bytes.starts_with(b"MZ") {
        return false;
    }
    let Some(offset_bytes) = bytes.get(0x3c..0x40) else {
        return false;
    };
    let mut raw = [0u8; 4];
    raw.copy_from_slice(offset_bytes);
    let pe_offset = u32::from_le_bytes(raw) as usize;
    pe_offset
        .checked_add(4)
        .and_then(|end| bytes.get(pe_offset..end))
        == Some(b"PE\0\0".as_slice())
}

/// Tag names whose presence, in numbers, marks a fragment of HTML.
const HTML_TAG_NAMES: &[&str] = &[
    "p",
    "div",
    "span",
    "a",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "td",
    "img",
    "em",
    "strong",
    "b",
    "i",
    "section",
    "article",
    "blockquote",
    "meta",
    "link",
    "script",
    "style",
    "title",
    "figure",
    "header",
    "footer",
    "nav",
    "main",
];

/// How far into the text HTML sniffing looks (it decides on the opening).
const SNIFF_WINDOW: usize = 64 * 1024;

/// Content first: a document that opens as HTML is HTML whatever the name, and one
/// whose name says nothing is HTML when its markup says so; a `.txt` or `.md` that merely
/// quotes a few tags stays what its name says. Then the extension; then, for names that
/// say nothing, Markdown by its own signs; else text.
pub(crate) fn sniff_format(text: &str, extension: Option<String>) -> Format {
    let named_text = matches!(
        extension.as_deref(),
        Some("txt" | "text" | "md" | "markdown" | "mdown" | "mkd")
    );
    if opens_like_html(text) || (!named_text && looks_like_html(text)) {
        return Format::Html;
    }
    match extension.as_deref() {
        Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("txt" | "text") => Format::Text,
        _ if looks_like_markdown(text) => Format::Markdown,
        _ => Format::Text,
    }
}

fn window(text: &str, limit: usize) -> &str {
    &text[..crate::text::floor_char_boundary(text, text.len().min(limit))]
}

/// A document opening: `<!doctype html`, `<html`, or XML declaring an HTML root.
fn opens_like_html(text: &str) -> bool {
    let head = window(text, 1024).to_ascii_lowercase();
    let start = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || (start.starts_with("<?xml") && head.contains("<html"))
}

/// A document opening (`<!doctype html`, `<html`), a `<body`/`<head>` tag, or
/// known tags on at least every third line.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let head = window(text, SNIFF_WINDOW).to_ascii_lowercase();
    let start = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if start.starts_with("<!doctype html") || start.starts_with("<html") {
        return true;
    }
    if start.starts_with("<?xml") && head.contains("<html") {
        return true;
    }
    if head.contains("<body") || head.contains("<head>") {
        return true;
    }
    let tags = count_known_tags(&head);
    let lines = head.lines().filter(|l| !l.trim().is_empty()).count();
    tags >= 3 && tags * 3 >= lines
}

/// Counts `<name` / `</name` for names in [`HTML_TAG_NAMES`]; `text` is lower-cased.
fn count_known_tags(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut at = 0;
    while let Some(found) = memchr_lt(bytes, at) {
        let mut name_start = found + 1;
        if bytes.get(name_start) == Some(&b'/') {
            name_start += 1;
        }
        let mut name_end = name_start;
        while bytes
            .get(name_end)
            .is_some_and(|b| b.is_ascii_alphanumeric())
        {
            name_end += 1;
        }
        let terminated = matches!(
            bytes.get(name_end),
            Some(b'>' | b' ' | b'/' | b'\n' | b'\t' | b'\r')
        );
        if terminated {
            if let Some(name) = text.get(name_start..name_end) {
                if HTML_TAG_NAMES.contains(&name) {
                    count += 1;
                }
            }
        }
        at = found + 1;
    }
    count
}

fn memchr_lt(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == b'<')
        .map(|p| p + from)
}

/// Markdown by its own signs, for names without a telling extension: the
/// first line is an ATX heading, or there are several headings, links or fences.
pub(crate) fn looks_like_markdown(text: &str) -> bool {
    let head = window(text, SNIFF_WINDOW);
    let is_heading = |line: &str| {
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        (1..=6).contains(&hashes) && line.as_bytes().get(hashes) == Some(&b' ')
    };
    let first = head.lines().map(str::trim_end).find(|l| !l.is_empty());
    if first.is_some_and(is_heading) {
        return true;
    }
    let mut signs = 0;
    for line in head.lines() {
        if is_heading(line) || line.starts_with("```") {
            signs += 1;
        }
        signs += line.matches("](http").count();
    }
    signs >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_signature_is_recognized() {
        let mut pe = vec![0u8; 0x90];
        pe[0] = b'M';
        pe[1] = b'Z';
        pe[0x3c] = 0x80;
        pe[0x80..0x84].copy_from_slice(b"PE\0\0");
        let mut tar = vec![b'a'; 300];
        tar[257..262].copy_from_slice(b"ustar");
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (b"%PDF-1.4\n".to_vec(), "a PDF document"),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "a PNG image"),
            (b"\xff\xd8\xff\xe0\0\x10JFIF".to_vec(), "a JPEG image"),
            (b"GIF89a\x01\0".to_vec(), "a GIF image"),
            (b"GIF87a\x01\0".to_vec(), "a GIF image"),
            (b"RIFF\x24\0\0\0WEBPVP8 ".to_vec(), "a WebP image"),
            (b"RIFF\x24\0\0\0WAVEfmt ".to_vec(), "a WAV audio file"),
            (b"RIFF\x24\0\0\0XXXXfmt ".to_vec(), "a RIFF media file"),
            (
                b"PK\x03\x04\x14\0\x06\0[Content_Types].xml".to_vec(),
                "a ZIP archive (or Word/Excel document)",
            ),
            (
                b"PK\x05\x06\0\0".to_vec(),
                "a ZIP archive (or Word/Excel document)",
            ),
            (
                b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0".to_vec(),
                "an old Microsoft Office document (.doc/.xls/.ppt)",
            ),
            (b"{\\rtf1\\ansi".to_vec(), "an RTF (Rich Text) document"),
            (b"\x1f\x8b\x08\0".to_vec(), "a gzip archive"),
            (b"7z\xbc\xaf\x27\x1c\0\x04".to_vec(), "a 7z archive"),
            (b"Rar!\x1a\x07\x01\0".to_vec(), "a RAR archive"),
            (b"BZh91AY&SY".to_vec(), "a bzip2 archive"),
            (tar, "a tar archive"),
            (
                b"\x7fELF\x02\x01\x01".to_vec(),
                "an executable program (ELF)",
            ),
            (pe, "a Windows executable program"),
            (b"\0asm\x01\0\0\0".to_vec(), "a WebAssembly module"),
            (b"SQLite format 3\0".to_vec(), "an SQLite database"),
            (b"ID3\x04\0\0".to_vec(), "an MP3 audio file"),
            (b"\xff\xfb\x90\x64".to_vec(), "an MP3 audio file"),
            (
                b"\0\0\0\x18ftypmp42".to_vec(),
                "an MP4/MOV video or audio file",
            ),
            (b"OggS\0\x02".to_vec(), "an Ogg audio or video file"),
            (b"fLaC\0\0".to_vec(), "a FLAC audio file"),
            (b"\x1a\x45\xdf\xa3\x9f".to_vec(), "a Matroska/WebM video"),
        ];
        for (bytes, expected) in cases {
            assert_eq!(sniff_binary(&bytes), Some(expected), "{bytes:?}");
        }
    }

    #[test]
    fn text_that_merely_starts_like_a_signature_is_text() {
        let cases: &[&[u8]] = &[
            b"MZ is how the story begins.",
            b"BZh is not bzip2 without a level",
            b"PK is a name",
            b"RIFF",
            b"ID",
            b"",
            b"Plain words.",
            b"%PD",
        ];
        for bytes in cases {
            assert_eq!(sniff_binary(bytes), None, "{bytes:?}");
        }
    }

    #[test]
    fn html_sniffing() {
        let html = [
            "<!DOCTYPE html><p>x",
            "\n\n  <HTML lang=en>",
            "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
            "Saved page\n<head><title>T</title></head>",
            "<p>One</p>\n<p>Two</p>\n<p>Three</p>",
        ];
        for text in html {
            assert!(looks_like_html(text), "{text}");
        }
        let not_html = [
            "Plain text that mentions a <p> tag once.\nAnd more lines.\nAnd more.",
            "a < b and c > d",
            "",
            "<<<<<<",
        ];
        for text in not_html {
            assert!(!looks_like_html(text), "{text}");
        }
    }

    #[test]
    fn format_order() {
        let md = Some("md".to_string());
        assert_eq!(
            sniff_format("<!doctype html><p>x</p>", md.clone()),
            Format::Html
        );
        assert_eq!(sniff_format("plain", md), Format::Markdown);
        assert_eq!(sniff_format("plain", Some("htm".into())), Format::Html);
        assert_eq!(
            sniff_format("# Heading\nx", Some("txt".into())),
            Format::Text
        );
        assert_eq!(sniff_format("# Heading\nx", None), Format::Markdown);
        assert_eq!(sniff_format("#hashtag first\nx", None), Format::Text);
        assert_eq!(sniff_format("plain", Some("csv".into())), Format::Text);
        // A text that quotes tags keeps its name's format; a saved page does not.
        let quoting = "<p>one</p>\n<p>two</p>\n<b>three</b>";
        assert_eq!(sniff_format(quoting, Some("txt".into())), Format::Text);
        assert_eq!(sniff_format(quoting, None), Format::Html);
        assert_eq!(
            sniff_format("<!doctype html><p>x</p>", Some("txt".into())),
            Format::Html
        );
    }
}
