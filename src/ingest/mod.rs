//! Ingest: turn whatever a reader drops or pastes into one clean [`Article`].
//!
//! The page (through wasm) and the CLI share this code so that a file gives the
//! same text, title and comments wherever it is opened. The steps are:
//!
//! 1. refuse what is not text, by content rather than by name ([`detect`]):
//!    PDFs, images, archives, executables, media, and anything full of NUL or
//!    control bytes;
//! 2. decode the bytes ([`decode`]): UTF-8 with or without BOM, UTF-16 with a
//!    BOM, else Windows-1252 (or the charset an HTML page declares);
//! 3. pick the format by sniffing the content first and the file name second;
//! 4. extract the article: Markdown syntax removed (`markdown`), the main
//!    text of an HTML page found by Firefox's reader view, ported to Rust as
//!    `dom_smoothie` ([`html`]), or page
//!    furniture stripped from plain text ([`boilerplate`]);
//! 5. keep reader comments apart, so that they are never analyzed as the
//!    article itself.
//!
//! Nothing here touches the file system, the network, threads or the clock,
//! so it compiles to `wasm32-unknown-unknown` unchanged. Nothing here panics on
//! any input, and every walk over a document tree uses an explicit stack.

use std::fmt;

use serde::{Deserialize, Serialize};

mod boilerplate;
#[rustfmt::skip]
mod codepages;
mod decode;
mod detect;
#[cfg(feature = "html")]
mod html;
#[cfg(feature = "markdown")]
mod markdown;

pub use boilerplate::is_boilerplate_line;

/// The largest file or text accepted, in bytes, by every way in (drop, folder, paste,
/// import, the CLI): 5 MiB, far more than any article, small enough for a browser tab.
/// The page reads it through wasm (`maxInputBytes`) to refuse a file before reading it.
pub const MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;

/// Limits on what [`ingest`] accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Files larger than this are refused with a "too_large" error.
    pub max_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: MAX_INPUT_BYTES,
        }
    }
}

/// The format the text was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// What is known about where the article comes from, from the document itself.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// Publication date as `YYYY-MM-DD` when it could be read.
    pub date: Option<String>,
    pub title: Option<String>,
    /// The page's language (`<html lang>`), e.g. "en" or "fa-IR".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// One ingested article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// The article body as plain text, one paragraph (or original line) per line.
    pub text: String,
    pub title: Option<String>,
    pub meta: Meta,
    /// Reader comments, kept apart: they are never analyzed as the article.
    pub comments: Vec<String>,
    /// The encoding the bytes were read as, e.g. "UTF-8" or "windows-1252".
    pub encoding: &'static str,
    /// Why that encoding, for the reader: "valid UTF-8", "a UTF-16 byte-order mark",
    /// "UTF-8 in all but 2 places (shown as �), …", "the page declares charset …".
    pub encoding_evidence: String,
    pub format: Format,
    /// Boilerplate lines (menus, share widgets, cookie notices…) that were dropped.
    pub removed_lines: usize,
}

/// Why a file was refused. The kind is a stable string for programs; the
/// message is for people and names the file and what to do instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestError {
    kind: IngestErrorKind,
    message: String,
}

/// The stable kinds of [`IngestError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IngestErrorKind {
    /// Not text at all: a PDF, an image, an archive, a program, media, or bytes
    /// that no text file contains.
    Binary,
    /// Nothing (or nothing readable) in it.
    Empty,
    /// Larger than [`Limits::max_bytes`].
    TooLarge,
    /// Text, but in an encoding this reader cannot tell apart reliably.
    Encoding,
    /// A web page or a Markdown note, in a build without the `html` or `markdown` feature
    /// (the main wasm module): the caller reads it again with the HTML module, which has
    /// both. Never returned with both features on.
    NeedsHtml,
}

impl IngestErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            IngestErrorKind::Binary => "binary",
            IngestErrorKind::Empty => "empty",
            IngestErrorKind::TooLarge => "too_large",
            IngestErrorKind::Encoding => "encoding",
            IngestErrorKind::NeedsHtml => "needs_html",
        }
    }
}

impl IngestError {
    fn new(kind: IngestErrorKind, message: String) -> Self {
        IngestError { kind, message }
    }

    /// One of "binary", "empty", "too_large", "encoding" (or "needs_html", see
    /// [`IngestErrorKind::NeedsHtml`]).
    pub fn kind(&self) -> &'static str {
        self.kind.as_str()
    }

    /// The same as [`IngestError::kind`], as an enum to match on.
    pub fn error_kind(&self) -> IngestErrorKind {
        self.kind
    }

    /// The message shown to the reader (also what `Display` prints).
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for IngestError {}

impl Serialize for IngestError {
    /// `{"kind": "...", "message": "..."}`, so the page can show and branch on it.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut state = serializer.serialize_struct("IngestError", 2)?;
        state.serialize_field("kind", self.kind())?;
        state.serialize_field("message", &self.message)?;
        state.end()
    }
}

/// Reads a dropped or opened file: refuses non-text, decodes, sniffs the
/// format and extracts the article.
pub fn ingest(bytes: &[u8], file_name: &str, limits: &Limits) -> Result<Article, IngestError> {
    read_file(bytes, file_name, limits, |text, shown_name| {
        extract(
            text,
            detect::sniff_format(text, extension(file_name)),
            shown_name,
        )
    })
}

/// Reads a file that [`ingest`] found to be a web page or a Markdown note (a build
/// without the `html` or `markdown` feature answers "needs_html" for them) as one: the
/// HTML module's way in, so that it links no plain-text extractor. What the same sniffing
/// finds to be Markdown is a note, anything else a page.
#[cfg(feature = "html")]
pub fn ingest_page(bytes: &[u8], file_name: &str, limits: &Limits) -> Result<Article, IngestError> {
    read_file(bytes, file_name, limits, |text, _| {
        Ok(page_or_note(
            text,
            detect::sniff_format(text, extension(file_name)),
        ))
    })
}

/// Pasted text that [`ingest_text`] found to be HTML or Markdown, read as such (the HTML
/// module's other way in).
#[cfg(feature = "html")]
pub fn ingest_pasted_page(text: &str) -> Article {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = decode::normalize_newlines(text);
    let format = detect::sniff_format(&text, None);
    page_or_note(&text, format)
}

/// A Markdown note read as one (with the `markdown` feature), anything else as a web page.
#[cfg(feature = "html")]
fn page_or_note(text: &str, format: Format) -> Article {
    #[cfg(feature = "markdown")]
    if format == Format::Markdown {
        return finish(markdown::to_article(text), Format::Markdown);
    }
    let _ = format;
    finish(html::to_article(text), Format::Html)
}

/// The checks and decoding of every file, around `extract(text, shown_name)`.
fn read_file(
    bytes: &[u8],
    file_name: &str,
    limits: &Limits,
    extract: impl FnOnce(&str, &str) -> Result<Article, IngestError>,
) -> Result<Article, IngestError> {
    let shown_name = display_name(file_name);
    check_size(bytes.len() as u64, file_name, limits)?;
    if bytes.is_empty() {
        return Err(IngestError::new(
            IngestErrorKind::Empty,
            format!("{shown_name} is empty."),
        ));
    }
    if let Some(kind) = detect::sniff_binary(bytes) {
        return Err(IngestError::new(
            IngestErrorKind::Binary,
            format!(
                "{shown_name} is {kind}, not text. Open it, copy the article text and paste it \
                 (or save the page as .html) instead."
            ),
        ));
    }
    let decoded = decode::decode(bytes).map_err(|problem| match problem {
        decode::Problem::Binary(why) => IngestError::new(
            IngestErrorKind::Binary,
            format!(
                "{shown_name} looks like a binary file ({why}), not text. Open it in the program \
                 that made it, copy the article text and paste it instead."
            ),
        ),
        decode::Problem::UnsupportedEncoding(name) => IngestError::new(
            IngestErrorKind::Encoding,
            format!(
                "{shown_name} declares the charset {name}, an East Asian multi-byte encoding \
                 this reader does not read. Open it in a browser and save it again as UTF-8, or \
                 paste the article text instead."
            ),
        ),
        decode::Problem::UnknownEncoding(why) => IngestError::new(
            IngestErrorKind::Encoding,
            format!(
                "{shown_name} is not in an encoding this reader can tell apart ({why}). Save it \
                 as UTF-8 text, or paste the article text instead."
            ),
        ),
    })?;
    if decoded.text.trim().is_empty() {
        return Err(IngestError::new(
            IngestErrorKind::Empty,
            format!("{shown_name} is empty (it holds only blank space)."),
        ));
    }
    let mut article = extract(&decoded.text, &shown_name)?;
    article.encoding = decoded.encoding;
    article.encoding_evidence = decoded.evidence;
    if article.text.trim().is_empty() {
        let what = match article.format {
            Format::Html => "no article text was found in the page, only markup and page furniture",
            Format::Markdown => "it has no text once the Markdown markup is removed",
            Format::Text => "it holds only page furniture such as menus and share buttons",
        };
        return Err(IngestError::new(
            IngestErrorKind::Empty,
            format!("{shown_name} has nothing to analyze: {what}. Paste the article text instead."),
        ));
    }
    Ok(article)
}

/// Refuses a file of `size` bytes over the limit: call it with the size the file
/// system reports, before reading the file whole.
pub fn check_size(size: u64, file_name: &str, limits: &Limits) -> Result<(), IngestError> {
    if size <= limits.max_bytes as u64 {
        return Ok(());
    }
    let size = usize::try_from(size).unwrap_or(usize::MAX);
    Err(IngestError::new(
        IngestErrorKind::TooLarge,
        format!(
            "{} is {}; the limit is {}. Split it or paste the article part.",
            display_name(file_name),
            human_size(size),
            human_size(limits.max_bytes)
        ),
    ))
}

/// Reads pasted text. `format_hint` forces a format; without it the text is
/// sniffed (HTML markup, then a Markdown heading or links, else plain text).
/// Fails only without the `html` or `markdown` feature, for HTML or Markdown
/// ([`IngestErrorKind::NeedsHtml`]).
pub fn ingest_text(text: &str, format_hint: Option<Format>) -> Result<Article, IngestError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = decode::normalize_newlines(text);
    let format = format_hint.unwrap_or_else(|| detect::sniff_format(&text, None));
    extract(&text, format, "The pasted text")
}

/// Runs the extractor for `format`; `text` has "\n" line ends only. `shown_name` names the
/// file in the answer of a build without a parser.
#[cfg_attr(all(feature = "html", feature = "markdown"), allow(unused_variables))]
fn extract(text: &str, format: Format, shown_name: &str) -> Result<Article, IngestError> {
    let article = match format {
        Format::Text => boilerplate::clean_text(text),
        #[cfg(feature = "markdown")]
        Format::Markdown => markdown::to_article(text),
        #[cfg(feature = "html")]
        Format::Html => html::to_article(text),
        // The main wasm module has neither parser: the worker loads the HTML module, which
        // has both, and asks it.
        #[cfg(not(all(feature = "html", feature = "markdown")))]
        _ => {
            let what = match format {
                Format::Html => "a web page",
                _ => "a Markdown note",
            };
            return Err(IngestError::new(
                IngestErrorKind::NeedsHtml,
                format!("{shown_name} is {what}, and this build reads it with its HTML module."),
            ));
        }
    };
    Ok(finish(article, format))
}

/// Sets the format, and the metadata's title from the article's when it has none.
fn finish(mut article: Article, format: Format) -> Article {
    article.format = format;
    if article.meta.title.is_none() {
        article.meta.title.clone_from(&article.title);
    }
    article
}

/// An empty article to fill in; `encoding` is set by the caller.
fn blank_article(format: Format) -> Article {
    Article {
        text: String::new(),
        title: None,
        meta: Meta::default(),
        comments: Vec::new(),
        encoding: "UTF-8",
        encoding_evidence: String::new(),
        format,
        removed_lines: 0,
    }
}

/// The file name as shown in messages: quoted, without control characters.
fn display_name(file_name: &str) -> String {
    let cleaned: String = file_name.chars().filter(|c| !c.is_control()).collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        "The file".to_string()
    } else {
        format!("\"{cleaned}\"")
    }
}

/// Only absolute web addresses are kept: a `javascript:` or `data:` URL from a
/// hostile page must never become a link in the UI.
#[cfg(any(feature = "html", feature = "markdown"))]
pub(crate) fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<')
}

/// The lower-cased extension of `file_name`, if any.
fn extension(file_name: &str) -> Option<String> {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let (stem, ext) = base.rsplit_once('.')?;
    if stem.is_empty() || ext.is_empty() {
        return None;
    }
    Some(ext.to_ascii_lowercase())
}

/// "12.3 MB", "5 MB", "800 KB", "12 bytes" (binary units, as file managers show).
fn human_size(bytes: usize) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * 1024;
    let (unit, name) = match bytes {
        MIB.. => (MIB, "MB"),
        KIB.. => (KIB, "KB"),
        _ => return format!("{bytes} bytes"),
    };
    let shown = one_decimal(bytes, unit);
    format!("{} {name}", shown.strip_suffix(".0").unwrap_or(&shown))
}

/// `bytes / unit` with one decimal, as `format!("{:.1}", bytes as f64 / unit as f64)`
/// writes it for a power-of-two `unit` up to 2^60 (the quotient is exact; a tie is
/// rounded to even): in integers, since core's float formatting is about 8 kB of the
/// gzipped wasm module and nothing else there needs it.
pub(crate) fn one_decimal(bytes: usize, unit: usize) -> String {
    let unit = (unit.max(1) as u64).min(1 << 60);
    let (mut whole, rest) = (bytes as u64 / unit, bytes as u64 % unit);
    let (mut tenth, below) = (rest * 10 / unit, rest * 10 % unit);
    if 2 * below > unit || (2 * below == unit && tenth % 2 == 1) {
        tenth += 1;
        if tenth == 10 {
            (whole, tenth) = (whole + 1, 0);
        }
    }
    format!("{whole}.{tenth}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(bytes: &[u8], name: &str) -> IngestError {
        match ingest(bytes, name, &Limits::default()) {
            Ok(article) => panic!("expected an error for {name}, got {article:?}"),
            Err(error) => error,
        }
    }

    #[test]
    fn pdf_named_txt_is_refused_with_advice() {
        let error = err(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "report.txt");
        assert_eq!(error.kind(), "binary");
        assert_eq!(
            error.to_string(),
            "\"report.txt\" is a PDF document, not text. Open it, copy the article text and \
             paste it (or save the page as .html) instead."
        );
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        let error = err(b"", "x.txt");
        assert_eq!(error.kind(), "empty");
        assert_eq!(error.to_string(), "\"x.txt\" is empty.");
        assert_eq!(err(b" \n\t\r\n", "x.txt").kind(), "empty");
        assert_eq!(err(b"\xef\xbb\xbf", "x.txt").kind(), "empty");
    }

    #[test]
    fn page_in_an_east_asian_code_page_is_refused_by_name() {
        let error = err(b"<meta charset=big5><p>\xa4\xa4\xa4\xe5</p>", "news.html");
        assert_eq!(error.kind(), "encoding");
        assert!(
            error
                .message()
                .starts_with("\"news.html\" declares the charset Big5, an East Asian"),
            "{error}"
        );
        assert!(error.message().contains("UTF-8"), "{error}");
    }

    #[test]
    fn the_html_modules_way_in_reads_a_page_as_ingest_does() {
        let page = b"<html><head><title>T</title></head><body><nav>Home</nav><article>\
            <p>Iran and Azerbaijan held talks in Baku on Monday, officials said.</p>\
            </article></body></html>";
        let whole = ingest(page, "a.html", &Limits::default()).unwrap();
        assert_eq!(
            ingest_page(page, "a.html", &Limits::default()).unwrap(),
            whole
        );
        let pasted = ingest_text(std::str::from_utf8(page).unwrap(), None).unwrap();
        assert_eq!(
            ingest_pasted_page(std::str::from_utf8(page).unwrap()),
            pasted
        );
        assert_eq!(whole.format, Format::Html);
        let empty = b"<html><body><nav>Home</nav></body></html>";
        assert_eq!(
            ingest_page(empty, "e.html", &Limits::default()).unwrap_err(),
            ingest(empty, "e.html", &Limits::default()).unwrap_err()
        );
    }

    /// The main wasm module hands Markdown notes to the HTML module too: its way in reads
    /// a note, dropped or pasted, as `ingest` does, and a page named `.md` still as a page.
    #[test]
    fn the_html_modules_way_in_reads_a_note_as_ingest_does() {
        let note = b"---\ntitle: Talks in Baku\n---\n# Talks\n\nIran and *Azerbaijan* met \
            in [Baku](https://example.com/baku) on Monday.\n\n## More\n\n- one\n- two\n";
        let whole = ingest(note, "note.md", &Limits::default()).unwrap();
        assert_eq!(whole.format, Format::Markdown);
        assert!(!whole.text.contains(['*', '#', ']']), "{:?}", whole.text);
        assert_eq!(whole.meta.title.as_deref(), Some("Talks in Baku"));
        assert_eq!(
            ingest_page(note, "note.md", &Limits::default()).unwrap(),
            whole
        );
        let text = std::str::from_utf8(note).unwrap();
        let pasted = ingest_text(text, None).unwrap();
        assert_eq!(pasted.format, Format::Markdown);
        assert_eq!(ingest_pasted_page(text), pasted);
        let page = b"<!doctype html><html><body><article><p>Iran and Azerbaijan held \
            talks in Baku on Monday, officials said.</p></article></body></html>";
        assert_eq!(
            ingest_page(page, "page.md", &Limits::default()).unwrap(),
            ingest(page, "page.md", &Limits::default()).unwrap()
        );
        assert_eq!(
            ingest(page, "page.md", &Limits::default()).unwrap().format,
            Format::Html
        );
    }

    #[test]
    fn page_without_article_text_is_empty() {
        let page =
            b"<html><head><script>var a = 1;</script></head><body><nav>Home</nav></body></html>";
        assert_eq!(err(page, "page.html").kind(), "empty");
    }

    #[test]
    fn too_large_names_size_and_limit() {
        let limits = Limits {
            max_bytes: 5 * 1024 * 1024,
        };
        let big = vec![b'a'; 12_900_000];
        let error = ingest(&big, "big.txt", &limits).unwrap_err();
        assert_eq!(error.kind(), "too_large");
        assert_eq!(
            error.to_string(),
            "\"big.txt\" is 12.3 MB; the limit is 5 MB. Split it or paste the article part."
        );
    }

    #[test]
    fn size_is_checked_from_the_file_system_size() {
        let limits = Limits::default();
        assert!(check_size(MAX_INPUT_BYTES as u64, "a.txt", &limits).is_ok());
        let error = check_size(u64::MAX, "a.txt", &limits).unwrap_err();
        assert_eq!(error.kind(), "too_large");
        assert!(error
            .message()
            .ends_with("the limit is 5 MB. Split it or paste the article part."));
    }

    #[test]
    fn limit_is_checked_before_anything_else() {
        let limits = Limits { max_bytes: 3 };
        assert_eq!(
            ingest(b"%PDF-1", "a.pdf", &limits).unwrap_err().kind(),
            "too_large"
        );
        assert!(ingest(b"abc", "a.txt", &limits).is_ok());
    }

    #[test]
    fn error_serializes_kind_and_message() {
        let error = err(b"", "x.txt");
        let json = serde_json::to_string(&error).unwrap();
        assert_eq!(json, r#"{"kind":"empty","message":"\"x.txt\" is empty."}"#);
    }

    #[test]
    fn article_serializes_snake_case_and_lowercase_format() {
        let article = ingest(
            b"Headline here\n\nBody, with words.\n",
            "a.txt",
            &Limits::default(),
        )
        .unwrap();
        let json = serde_json::to_value(&article).unwrap();
        assert_eq!(json["format"], "text");
        assert_eq!(json["encoding"], "UTF-8");
        assert_eq!(json["removed_lines"], 0);
        assert_eq!(json["title"], "Headline here");
        assert_eq!(json["meta"]["title"], "Headline here");
        let format: Format = serde_json::from_str("\"markdown\"").unwrap();
        assert_eq!(format, Format::Markdown);
    }

    #[test]
    fn format_by_content_then_extension() {
        let cases: &[(&[u8], &str, Format)] = &[
            (
                b"<!DOCTYPE html><title>T</title><p>Body text here.</p>",
                "a.txt",
                Format::Html,
            ),
            (
                b"  <html><body><p>Body text here.</p></body></html>",
                "a",
                Format::Html,
            ),
            (b"# Heading\n\nBody text here.", "a.md", Format::Markdown),
            (
                b"# Heading\n\nBody text here.",
                "a.MARKDOWN",
                Format::Markdown,
            ),
            (b"Body text, plain.", "a.htm", Format::Html),
            (b"Body text, plain.", "a.txt", Format::Text),
            (
                b"# Not a heading in a .txt file\n\nBody.",
                "a.txt",
                Format::Text,
            ),
        ];
        for (bytes, name, expected) in cases {
            let article = ingest(bytes, name, &Limits::default()).unwrap();
            assert_eq!(article.format, *expected, "{name}");
        }
    }

    #[test]
    fn pasted_text_is_sniffed_or_forced() {
        assert_eq!(
            ingest_text("<p>Hello there, world.</p><p>More.</p>", None)
                .unwrap()
                .format,
            Format::Html
        );
        assert_eq!(
            ingest_text("# Title\n\nBody [link](https://e.com).", None)
                .unwrap()
                .format,
            Format::Markdown
        );
        assert_eq!(
            ingest_text("Just words.", None).unwrap().format,
            Format::Text
        );
        let forced = ingest_text("# Title\n\nBody.", Some(Format::Text)).unwrap();
        assert_eq!(forced.format, Format::Text);
        assert!(forced.text.starts_with("# Title"));
        assert_eq!(
            ingest_text("\u{feff}Title line\r\nBody.\r\n", None)
                .unwrap()
                .text,
            "Title line\nBody."
        );
    }

    #[test]
    fn human_sizes() {
        let cases = [
            (12, "12 bytes"),
            (2048, "2 KB"),
            (5 * 1024 * 1024, "5 MB"),
            (12_900_000, "12.3 MB"),
        ];
        for (bytes, shown) in cases {
            assert_eq!(human_size(bytes), shown);
        }
    }

    /// `one_decimal` writes what float formatting writes, ties and carries included.
    #[test]
    fn one_decimal_is_float_formatting() {
        let mut sizes = vec![
            0, 1, 51, 52, 102, 103, 256, 768, 1023, 1024, 1075, 1076, 1280,
        ];
        sizes.extend([
            262_144, 786_432, 1_310_720, 104_857, 104_858, 157_286, 157_287,
        ]);
        sizes.extend([
            995_328,
            1_048_575,
            1_048_576,
            1_101_004,
            1_101_005,
            5 * 1024 * 1024,
        ]);
        sizes.extend([12_900_000, u32::MAX as usize, 10_433_332, 10_433_331]);
        sizes.extend((0..4000).map(|i| i * 263));
        for unit in [1, 1024, 1024 * 1024] {
            for &bytes in &sizes {
                let float = format!("{:.1}", bytes as f64 / unit as f64);
                assert_eq!(one_decimal(bytes, unit), float, "{bytes} / {unit}");
            }
        }
        // The wasm module's message of the limit (`check_text_size`) is written so.
        let limit = one_decimal(MAX_INPUT_BYTES, 1024 * 1024);
        let float = format!("{}", MAX_INPUT_BYTES as f64 / (1024.0 * 1024.0));
        assert_eq!(limit.strip_suffix(".0").unwrap_or(&limit), float);
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

    #[test]
    fn extensions() {
        assert_eq!(extension("a/b/c.HTML").as_deref(), Some("html"));
        assert_eq!(extension(".bashrc"), None);
        assert_eq!(extension("noext"), None);
        assert_eq!(extension("x."), None);
    }
}
