//! `parallax analyze FILE...` — one JSON object per file (JSON Lines, in order), offsets
//! in Unicode code points; `-` is standard input. `parallax analyze --jsonl` streams JSON
//! Lines of articles in and reports out, one at a time, in constant memory. The only part
//! of Parallax that reads files.

mod export;

use std::io::{self, BufRead, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use parallax::ingest::{self, Format, Limits};
use parallax::{Analyzer, Meta, Units};

const USAGE: &str = r#"usage: parallax analyze FILE...
       parallax analyze --format csv|mentions|annotations|html FILE...
       parallax analyze --jsonl [FILE...]

Prints one JSON object per FILE (JSON Lines, in the order given) with the entities,
statements and viewpoint of the article in it; offsets count Unicode code points of the
file's text. FILE may be plain text, Markdown or a saved HTML page, in UTF-8, UTF-16 (with
a byte-order mark) or Windows-1252. Metadata (outlet, url, date, author, title) is read
from FILE.meta.json when that file exists. FILE `-` reads one article from standard input.

With --jsonl, each line of the FILEs (standard input when none is given, or for `-`) is
one article as JSON: {"id", "text", "outlet", "url", "date"} ("author" and "title" too,
all but "text" optional). One report is written per line as soon as it is analysed, its
"source" set to the "id"; offsets count code points of "text" as given. Memory stays
flat however long the stream; a line that is not such an object is reported on standard
error with its line number, and the others are still analysed.

--format csv prints the stance edges of every FILE as one CSV (Source and Target first, as
Gephi and visone read edge lists), --format mentions the mentions as CSV, --format
annotations one W3C Web Annotation collection (JSON-LD) per FILE and line, --format html a
standalone annotated report of one FILE. Each carries the text.

A file that cannot be read or is not an article (binary, empty, too large) is reported on
standard error; the others are still printed, and the exit status is 1."#;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze") if args.get(1).is_some_and(|a| a == "--jsonl") => analyze_jsonl(&args[2..]),
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

fn analyzer() -> Option<Analyzer> {
    Analyzer::new().map_err(|e| eprintln!("parallax: {e}")).ok()
}

fn analyze(args: &[String]) -> ExitCode {
    let (format, paths) = match export::Format::from_args(args) {
        Ok(f) => f,
        Err(message) => {
            eprintln!("parallax: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let Some(analyzer) = analyzer() else {
        return ExitCode::FAILURE;
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
    let stdin = path == STDIN;
    let name = Path::new(path)
        .file_name()
        .map_or(path.into(), |n| n.to_string_lossy().into_owned());
    let bytes = if stdin {
        read_stdin()
    } else {
        // The size limit is checked before the file is read whole.
        let size = std::fs::metadata(path)
            .map_err(|e| format!("{path}: cannot read: {e}"))?
            .len();
        ingest::check_size(size, &name, &Limits::default()).map_err(|e| format!("{path}: {e}"))?;
        std::fs::read(path)
    }
    .map_err(|e| format!("{path}: cannot read: {e}"))?;
    let article =
        ingest::ingest(&bytes, &name, &Limits::default()).map_err(|e| format!("{path}: {e}"))?;
    let mut meta = if stdin {
        Meta::default()
    } else {
        sidecar(path)?
    };
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

/// The path that names standard input.
const STDIN: &str = "-";

/// All of standard input, up to one byte over the ingest limit (so ingest can say "too
/// large" without the rest being held).
fn read_stdin() -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let cap = Limits::default().max_bytes as u64 + 1;
    io::stdin().lock().take(cap).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// One line of `--jsonl` input.
#[derive(serde::Deserialize)]
struct JsonlArticle {
    id: Option<serde_json::Value>,
    text: String,
    outlet: Option<String>,
    url: Option<String>,
    date: Option<String>,
    author: Option<String>,
    title: Option<String>,
}

/// The longest `--jsonl` line read; longer ones are skipped with a message, unbuffered.
const MAX_LINE: usize = 16 * 1024 * 1024;

fn analyze_jsonl(paths: &[String]) -> ExitCode {
    let Some(analyzer) = analyzer() else {
        return ExitCode::FAILURE;
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let stdin = [STDIN.to_string()];
    for path in if paths.is_empty() { &stdin[..] } else { paths } {
        let input: Box<dyn BufRead> = if path == STDIN {
            Box::new(io::BufReader::new(io::stdin().lock()))
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(io::BufReader::new(f)),
                Err(e) => {
                    eprintln!("parallax: {path}: cannot read: {e}");
                    failed = true;
                    continue;
                }
            }
        };
        let name = if path == STDIN { "stdin" } else { path };
        match stream_jsonl(&analyzer, input, name, &mut out) {
            Ok(ok) => failed |= !ok,
            Err(e) => {
                // Standard output closed (a consumer that stopped reading) or unreadable input.
                eprintln!("parallax: {name}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    if out.flush().is_err() || failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Analyses each line of `input` and writes its report at once. `Ok(false)` when some
/// line was unusable (reported on standard error); `Err` when reading or writing failed.
fn stream_jsonl(
    analyzer: &Analyzer,
    mut input: impl BufRead,
    name: &str,
    out: &mut impl Write,
) -> io::Result<bool> {
    let mut line = Vec::new();
    let mut all_ok = true;
    for number in 1.. {
        line.clear();
        let Some(complete) = read_line(&mut input, &mut line, MAX_LINE)? else {
            break;
        };
        if !complete {
            eprintln!("parallax: {name}:{number}: line longer than {MAX_LINE} bytes, skipped");
            all_ok = false;
            continue;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let article: JsonlArticle = match serde_json::from_slice(&line) {
            Ok(a) => a,
            Err(e) => {
                eprintln!(
                    "parallax: {name}:{number}: not an article object {{\"id\", \"text\", …}}: {e}"
                );
                all_ok = false;
                continue;
            }
        };
        let meta = Meta {
            source: article.id.map(|id| match id {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            }),
            title: article.title,
            outlet: article.outlet,
            url: article.url,
            date: article.date,
            author: article.author,
        };
        let report = analyzer.report_json(&article.text, &meta, Units::CodePoints);
        out.write_all(report.as_bytes())?;
        out.write_all(b"\n")?;
        out.flush()?;
    }
    Ok(all_ok)
}

/// Reads up to and without the next `\n` into `line`. `None` at the end of input;
/// `Some(false)` when the line was longer than `max` (the rest of it is read and dropped).
fn read_line(input: &mut impl BufRead, line: &mut Vec<u8>, max: usize) -> io::Result<Option<bool>> {
    let mut any = false;
    let mut fits = true;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(any.then_some(fits));
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        if fits && line.len() + chunk.len() <= max {
            line.extend_from_slice(chunk);
        } else {
            fits = false;
            line.clear();
        }
        let used = done.unwrap_or(buf.len());
        input.consume(used);
        if done.is_some() {
            return Ok(Some(fits));
        }
    }
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

    #[test]
    fn lines_are_bounded() {
        let mut input = io::Cursor::new(b"short\nmuch too long\r\nlast".to_vec());
        let mut line = Vec::new();
        let mut got = Vec::new();
        while let Some(fits) = read_line(&mut input, &mut line, 8).unwrap() {
            got.push((fits, String::from_utf8(line.clone()).unwrap()));
            line.clear();
        }
        assert_eq!(
            got,
            [
                (true, "short".to_string()),
                (false, String::new()),
                (true, "last".to_string())
            ]
        );
    }
}
