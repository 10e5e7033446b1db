//! `parallax analyze FILE...` — one JSON object per file (JSON Lines, in order), offsets
//! in Unicode code points. The only part of Parallax that reads files.

mod export;

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use parallax::ingest::{self, Format, Limits};
use parallax::{Analyzer, Meta, Units};

const USAGE: &str = "\
usage: parallax analyze FILE...
       parallax analyze --format csv|mentions|annotations|html FILE...

Prints one JSON object per FILE (JSON Lines, in the order given) with the entities,
statements and viewpoint of the article in it; offsets count Unicode code points of the
file's text. FILE may be plain text, Markdown or a saved HTML page, in UTF-8, UTF-16 (with
a byte-order mark) or Windows-1252. Metadata (outlet, url, date, author, title) is read
from FILE.meta.json when that file exists.

--format csv prints the stance edges of every FILE as one CSV (Source and Target first, as
Gephi and visone read edge lists), --format mentions the mentions as CSV, --format
annotations one W3C Web Annotation collection (JSON-LD) per FILE and line, --format html a
standalone annotated report of one FILE. Each carries the text.

A file that cannot be read or is not an article (binary, empty, too large) is reported on
standard error; the others are still printed, and the exit status is 1.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze") if args.len() > 1 => analyze(&args[1..]),
        Some("--version" | "-V") => {
            println!("parallax {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn analyze(args: &[String]) -> ExitCode {
    let (format, paths) = match export::Format::from_args(args) {
        Ok(f) => f,
        Err(message) => {
            eprintln!("parallax: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let analyzer = match Analyzer::new() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("parallax: {e}");
            return ExitCode::FAILURE;
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    if out.write_all(format.header().as_bytes()).is_err() {
        return ExitCode::FAILURE;
    }
    for path in &paths {
        let rendered = analyze_file(&analyzer, path).and_then(|(text, report, carried)| {
            if format == export::Format::Json {
                let line = ReportLine {
                    report: &report,
                    text: carried.then_some(text.as_str()),
                };
                return serde_json::to_string(&line)
                    .map(|json| json + "\n")
                    .map_err(|e| format!("{path}: {e}"));
            }
            let doc = export::Document {
                id: path,
                text: &text,
                report: &report,
            };
            format.render(&doc).map_err(|e| format!("{path}: {e}"))
        });
        match rendered {
            Ok(chunk) => {
                if out.write_all(chunk.as_bytes()).is_err() {
                    return ExitCode::FAILURE;
                }
            }
            Err(message) => {
                failed = true;
                let _ = out.flush();
                eprintln!("parallax: {message}");
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn analyze_file(
    analyzer: &Analyzer,
    path: &str,
) -> Result<(String, parallax::Report, bool), String> {
    let name = Path::new(path)
        .file_name()
        .map_or(path.into(), |n| n.to_string_lossy().into_owned());
    // The size limit is checked before the file is read whole.
    let size = std::fs::metadata(path)
        .map_err(|e| format!("{path}: cannot read: {e}"))?
        .len();
    ingest::check_size(size, &name, &Limits::default()).map_err(|e| format!("{path}: {e}"))?;
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let article =
        ingest::ingest(&bytes, &name, &Limits::default()).map_err(|e| format!("{path}: {e}"))?;
    let mut meta = sidecar(path)?;
    meta.source = Some(path.to_string());
    meta.title = meta.title.or(article.title.clone());
    meta.outlet = meta.outlet.or(article.meta.outlet.clone());
    meta.url = meta.url.or(article.meta.url.clone());
    meta.author = meta.author.or(article.meta.author.clone());
    meta.date = meta.date.or(article.meta.date.clone());
    // Plain text keeps its offsets: lines ingest dropped as boilerplate or comments are
    // blanked, not removed, so every span still points into the file's own text.
    // Bytes read as another encoding are not the file's text, even when valid UTF-8
    // (UTF-16 without a byte-order mark is, with its NULs).
    let original = utf8_text(&bytes).filter(|_| article.encoding.starts_with("UTF-8"));
    let text = match (article.format, original) {
        (Format::Text, Some(original)) => blank_dropped_lines(original, &article.text),
        _ => article.text.clone(),
    };
    let report = analyzer.report(&text, &meta, Units::CodePoints);
    // The analysed text travels with the JSON report whenever the offsets do not point
    // into the file's own bytes read as UTF-8 (HTML, Markdown, other encodings, blanked lines).
    let carried = original != Some(text.as_str());
    Ok((text, report, carried))
}

/// One line of JSON output: the report, plus `text` when the offsets need it.
#[derive(serde::Serialize)]
struct ReportLine<'a> {
    #[serde(flatten)]
    report: &'a parallax::Report,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

/// `FILE.meta.json`, when present.
fn sidecar(path: &str) -> Result<Meta, String> {
    let meta_path = format!("{path}.meta.json");
    match std::fs::read_to_string(&meta_path) {
        Ok(json) => {
            serde_json::from_str(&json).map_err(|e| format!("{meta_path}: not valid metadata: {e}"))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Meta::default()),
        Err(e) => Err(format!("{meta_path}: cannot read: {e}")),
    }
}

fn utf8_text(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).ok()
}

/// The original text with every line that is not in `kept` (in order) replaced by
/// spaces, so offsets are unchanged. Lines end at "\r\n", "\n" or a lone "\r".
fn blank_dropped_lines(original: &str, kept: &str) -> String {
    let mut kept_lines = kept
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
        .peekable();
    let mut out = String::with_capacity(original.len());
    let mut rest = original;
    while !rest.is_empty() {
        let body_len = rest.find(['\r', '\n']).unwrap_or(rest.len());
        let (body, after) = rest.split_at(body_len);
        let ending_len = if after.starts_with("\r\n") {
            2
        } else {
            after.len().min(1)
        };
        let (ending, next) = after.split_at(ending_len);
        let keep =
            body.trim().is_empty() || kept_lines.peek().is_some_and(|k| body.trim_end() == *k);
        if keep {
            if !body.trim().is_empty() {
                kept_lines.next();
            }
            out.push_str(body);
        } else {
            out.extend(body.chars().map(|c| if c == '\t' { '\t' } else { ' ' }));
        }
        out.push_str(ending);
        rest = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanking_keeps_offsets_and_kept_lines() {
        let original = "Title\nShare\nBody one.\n\nLeave a Reply\n";
        let kept = "Title\nBody one.";
        let blanked = blank_dropped_lines(original, kept);
        assert_eq!(blanked.len(), original.len());
        assert_eq!(blanked.chars().count(), original.chars().count());
        assert_eq!(blanked, "Title\n     \nBody one.\n\n             \n");
    }

    #[test]
    fn blanking_reads_lone_carriage_returns_as_line_ends() {
        let original = "Tehran warned Baku.\rShare\rIran said no to Israel.\r";
        let kept = "Tehran warned Baku.\nIran said no to Israel.";
        assert_eq!(
            blank_dropped_lines(original, kept),
            "Tehran warned Baku.\r     \rIran said no to Israel.\r"
        );
        assert_eq!(blank_dropped_lines("a\r\nb\r\n", "a\nb"), "a\r\nb\r\n");
    }
}
