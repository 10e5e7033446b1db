//! The command line's export formats, the same the page offers (`www/export/`): stance edges
//! and mentions as CSV that Gephi and visone open, W3C Web Annotations (JSON-LD) with
//! quote and position selectors, and a standalone annotated HTML report. Each carries the
//! text. Reports come in code points (`Units::CodePoints`), which is also what a
//! `TextPositionSelector` counts.

use serde_json::{json, Value};

use parallax::report::{Report, StatementOut};

/// What `parallax analyze --format FMT` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The contract's JSON, one object per line (the default).
    Json,
    /// Stance edges as CSV, one header for all files.
    Csv,
    /// Mentions as CSV, one header for all files.
    Mentions,
    /// A Web Annotation collection per file, one per line.
    Annotations,
    /// The annotated HTML report of one file.
    Html,
}

impl Format {
    pub const NAMES: &'static str = "json, csv, mentions, annotations or html";

    fn parse(name: &str) -> Option<Format> {
        Some(match name {
            "json" => Format::Json,
            "csv" => Format::Csv,
            "mentions" => Format::Mentions,
            "annotations" => Format::Annotations,
            "html" => Format::Html,
            _ => return None,
        })
    }

    /// Takes `--format FMT` (or `--format=FMT`) out of the arguments.
    pub fn from_args(args: &[String]) -> Result<(Format, Vec<String>), String> {
        let mut format = None;
        let mut rest = Vec::new();
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let name = if arg == "--format" {
                Some(it.next().ok_or("--format needs a value")?.as_str())
            } else {
                arg.strip_prefix("--format=")
            };
            match name {
                Some(n) if format.is_some() => return Err(format!("--format given twice ({n})")),
                Some(n) => {
                    format =
                        Some(Format::parse(n).ok_or_else(|| {
                            format!("unknown format \"{n}\": use {}", Format::NAMES)
                        })?)
                }
                None => rest.push(arg.clone()),
            }
        }
        let format = format.unwrap_or(Format::Json);
        if rest.is_empty() {
            return Err("no FILE given".into());
        }
        if format == Format::Html && rest.len() > 1 {
            return Err("--format html makes one report: give one FILE".into());
        }
        Ok((format, rest))
    }

    /// What comes before the first file's output (the CSV header).
    pub fn header(self) -> String {
        match self {
            Format::Csv => edges_header(),
            Format::Mentions => mentions_header(),
            _ => String::new(),
        }
    }

    /// One document's output.
    pub fn render(self, doc: &Document) -> Result<String, serde_json::Error> {
        Ok(match self {
            Format::Json => serde_json::to_string(doc.report)? + "\n",
            Format::Csv => edges_rows(doc),
            Format::Mentions => mentions_rows(doc),
            Format::Annotations => serde_json::to_string(&annotations(doc))? + "\n",
            Format::Html => html_report(doc),
        })
    }
}

/// One analysed article: its id (the path given), its text and its report in code points.
pub struct Document<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub report: &'a Report,
}

// ---- CSV ----------------------------------------------------------------------------------

/// The stance edges' columns: `Source` and `Target` first, as Gephi's and visone's edge
/// lists want them; a `Weight` of 1 per statement, so parallel statements add up.
pub const EDGE_HEADER: [&str; 15] = [
    "Source",
    "Target",
    "Type",
    "Weight",
    "holder",
    "holder bloc",
    "voice",
    "target",
    "target bloc",
    "polarity",
    "rule",
    "article",
    "evidence",
    "start",
    "end",
];

/// The mentions' columns.
pub const MENTION_HEADER: [&str; 8] = [
    "article", "entity", "name", "type", "bloc", "text", "start", "end",
];

/// One RFC 4180 field: quoted when it holds a comma, a quote, a line break or edge spaces.
fn field(s: &str) -> String {
    let edge_space = s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace);
    if edge_space || s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = fields
        .iter()
        .map(|f| field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// The header line of the stance edges CSV.
pub fn edges_header() -> String {
    csv_line(&EDGE_HEADER)
}

/// The node id of a statement's holder: entities by id, authors by outlet (as the page).
fn holder_id(s: &StatementOut) -> String {
    if s.holder == "author" {
        format!("author:{}", s.holder_name)
    } else {
        s.holder.clone()
    }
}

/// Every (statement, target) of a document as edge lines.
pub fn edges_rows(doc: &Document) -> String {
    let mut out = String::new();
    for s in &doc.report.statements {
        for t in s.targets.iter().filter(|t| t.entity != s.holder) {
            out.push_str(&csv_line(&[
                holder_id(s),
                t.entity.clone(),
                "Directed".into(),
                "1".into(),
                s.holder_name.clone(),
                s.holder_bloc.clone().unwrap_or_default(),
                s.voice.clone(),
                t.name.clone(),
                t.bloc.clone().unwrap_or_default(),
                t.polarity.to_string(),
                rule_of(s),
                doc.id.to_string(),
                s.text.clone(),
                s.start.to_string(),
                s.end.to_string(),
            ]));
        }
    }
    out
}

/// The header line of the mentions CSV.
pub fn mentions_header() -> String {
    csv_line(&MENTION_HEADER)
}

/// Every mention of a document, with its entity's name, type and bloc.
pub fn mentions_rows(doc: &Document) -> String {
    let mut out = String::new();
    for m in &doc.report.mentions {
        let e = doc.report.entities.iter().find(|e| e.id == m.entity);
        let kind = e
            .and_then(|e| serde_json::to_value(e.kind).ok())
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        out.push_str(&csv_line(&[
            doc.id.to_string(),
            m.entity.clone(),
            e.map_or(m.entity.clone(), |e| e.name.clone()),
            kind,
            e.and_then(|e| e.bloc.clone()).unwrap_or_default(),
            m.text.clone(),
            m.start.to_string(),
            m.end.to_string(),
        ]));
    }
    out
}

// ---- statements as people read them --------------------------------------------------------

/// The rule that produced a statement (the contract's optional `statements[].rule`), or "".
/// Read from the serialized statement, so this file needs no change when the report gains
/// or renames the field.
fn rule_of(s: &StatementOut) -> String {
    serde_json::to_value(s)
        .ok()
        .and_then(|v| v.get("rule")?.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn polarity_class(p: f32) -> &'static str {
    if p <= -0.15 {
        "neg"
    } else if p >= 0.15 {
        "pos"
    } else {
        "neu"
    }
}

/// A statement's class: its targets' mean, or `mix` when they disagree (as the page).
fn statement_class(s: &StatementOut) -> &'static str {
    if s.targets.is_empty() {
        return "neu";
    }
    let mean = s.targets.iter().map(|t| t.polarity).sum::<f32>() / s.targets.len() as f32;
    let signed: Vec<&str> = s
        .targets
        .iter()
        .map(|t| polarity_class(t.polarity))
        .filter(|c| *c != "neu")
        .collect();
    if signed.contains(&"neg") && signed.contains(&"pos") {
        "mix"
    } else {
        polarity_class(mean)
    }
}

fn sign(class: &str) -> &'static str {
    match class {
        "neg" => "\u{2212}",
        "pos" => "+",
        "mix" => "\u{b1}",
        _ => "\u{25cb}",
    }
}

/// A polarity as the page writes it: "−0.80", "+0.35", "0.00".
fn format_polarity(p: f32) -> String {
    let abs = format!("{:.2}", p.abs());
    if abs == "0.00" {
        abs
    } else if p < 0.0 {
        format!("\u{2212}{abs}")
    } else {
        format!("+{abs}")
    }
}

/// A statement's marker: holder → targets and sign ("Iran → Azerbaijan −").
pub fn statement_tag(s: &StatementOut) -> String {
    let mut names: Vec<&str> = Vec::new();
    for t in s.targets.iter().filter(|t| t.entity != s.holder) {
        if !names.contains(&t.name.as_str()) {
            names.push(&t.name);
        }
    }
    let whom = if names.len() > 2 {
        format!("{} +{}", names[..2].join(", "), names.len() - 2)
    } else {
        names.join(", ")
    };
    let arrow = if whom.is_empty() {
        String::new()
    } else {
        format!(" \u{2192} {whom}")
    };
    format!("{}{arrow} {}", s.holder_name, sign(statement_class(s)))
}

// ---- Web Annotations -----------------------------------------------------------------------

/// Characters (code points) of context kept on each side of a quote.
const CONTEXT: usize = 32;

fn urn(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The source IRI of a document: its URL when it has one, else a URN of its id.
fn source_of(doc: &Document) -> String {
    match doc.report.meta.url.as_deref() {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => url.to_string(),
        _ => format!("urn:parallax:article:{}", urn(doc.id)),
    }
}

fn target(chars: &[char], source: &str, start: usize, end: usize) -> Value {
    let (start, end) = (start.min(chars.len()), end.min(chars.len()));
    let text = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    json!({
        "source": source,
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": text(start, end),
                "prefix": text(start.saturating_sub(CONTEXT), start),
                "suffix": text(end, (end + CONTEXT).min(chars.len())),
            },
            { "type": "TextPositionSelector", "start": start, "end": end },
        ],
    })
}

/// One document's annotations: an `AnnotationCollection` with one page, a statement or a
/// mention per annotation, and the text itself as the collection's source.
pub fn annotations(doc: &Document) -> Value {
    let chars: Vec<char> = doc.text.chars().collect();
    let source = source_of(doc);
    let base = format!("urn:parallax:annotation:{}:", urn(doc.id));
    let r = doc.report;
    let mut items = Vec::new();
    for (i, s) in r.statements.iter().enumerate() {
        let mut lines = vec![statement_tag(s)];
        let spoken: Vec<_> = s.targets.iter().filter(|t| t.entity != s.holder).collect();
        lines.extend(
            spoken
                .iter()
                .map(|t| format!("{} {}", t.name, format_polarity(t.polarity))),
        );
        let rule = rule_of(s);
        if !rule.is_empty() {
            lines.push(format!("rule: {rule}"));
        }
        if !s.cues.is_empty() {
            let cues: Vec<&str> = s.cues.iter().map(|c| c.text.as_str()).collect();
            lines.push(format!("cue words: {}", cues.join(", ")));
        }
        let mut body = vec![
            json!({"type": "TextualBody", "purpose": "assessing", "format": "text/plain", "value": lines.join("\n")}),
            json!({"type": "TextualBody", "purpose": "tagging", "value": format!("holder:{}", s.holder)}),
        ];
        body.extend(spoken.iter().map(|t| {
            json!({"type": "TextualBody", "purpose": "tagging", "value": format!("target:{}", t.entity)})
        }));
        items.push(json!({
            "id": format!("{base}s{i}"),
            "type": "Annotation",
            "motivation": "assessing",
            "body": body,
            "target": target(&chars, &source, s.start, s.end),
        }));
    }
    for (i, m) in r.mentions.iter().enumerate() {
        let name = r
            .entities
            .iter()
            .find(|e| e.id == m.entity)
            .map_or(m.entity.as_str(), |e| e.name.as_str());
        items.push(json!({
            "id": format!("{base}m{i}"),
            "type": "Annotation",
            "motivation": "identifying",
            "body": [
                {"type": "TextualBody", "purpose": "identifying", "value": name},
                {"type": "TextualBody", "purpose": "tagging", "value": format!("entity:{}", m.entity)},
            ],
            "target": target(&chars, &source, m.start, m.end),
        }));
    }
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("urn:parallax:collection:{}", urn(doc.id)),
        "type": "AnnotationCollection",
        "label": r.title.clone().unwrap_or_else(|| doc.id.to_string()),
        "total": items.len(),
        "dcterms:source": {"id": source, "type": "Text", "format": "text/plain", "value": doc.text},
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    })
}

// ---- the HTML report -----------------------------------------------------------------------

/// The report's stylesheet: the same text as `REPORT_CSS` in `www/export/report.js`
/// (e2e/unit/export.test.mjs compares them and checks the hash).
pub const REPORT_CSS: &str = "body{font:16px/1.6 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1c2229;background:#fff}h1{font-size:1.5rem;line-height:1.25}h2{font:600 1rem/1.3 system-ui,sans-serif;margin-top:2rem}.meta,.legend,table{font:14px/1.45 system-ui,sans-serif;color:#3d4650}mark{background:#eef1f4;border-bottom:2px solid #5f6b7a;padding:0 1px}.b-iran{border-color:#2e7d32}.b-israel{border-color:#1f5fbf;border-bottom-style:double;border-bottom-width:4px}.b-azerbaijan{border-color:#c2410c;border-bottom-style:dashed}.b-us{border-color:#7c3aed;border-bottom-style:dotted}.st{background:#f6f6f3}.tag{font:600 11px/1 system-ui,sans-serif;border:1px solid;border-radius:3px;padding:1px 4px;margin-right:4px}.neg{color:#b3303e}.pos{color:#16705a}.neu,.mix{color:#58626e}table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #dfe2e6;padding:4px;text-align:left;vertical-align:top}";

/// sha256 of `REPORT_CSS`, base64: the only style the report's CSP allows.
pub const REPORT_CSS_SHA256: &str = "sha256-jGcs17h6tIB5/+EH7laL4B3KzjJZUbnNcdH6i+cUaSc=";

/// Text for HTML content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn bloc_class(bloc: Option<&str>) -> String {
    match bloc {
        None => "b-none".into(),
        Some(b) => {
            let clean: String = b
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            format!("b-{}", if clean.is_empty() { "other" } else { &clean })
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Para,
    Statement(usize),
    Mention(usize),
}

/// The article's text as paragraphs with statements and mentions as nested elements. A span
/// crossing another is split (its first piece opens the statement's marker), as the page does.
fn annotated_body(doc: &Document) -> String {
    let chars: Vec<char> = doc.text.chars().collect();
    let r = doc.report;
    // (start, end, layer, kind): lower layers enclose higher ones.
    let mut spans: Vec<(usize, usize, u8, Kind)> = Vec::new();
    let mut line_start = 0;
    for (i, c) in chars.iter().chain(std::iter::once(&'\n')).enumerate() {
        if *c == '\n' || *c == '\r' {
            if chars[line_start..i].iter().any(|c| !c.is_whitespace()) {
                spans.push((line_start, i, 0, Kind::Para));
            }
            line_start = i + 1;
        }
    }
    for (i, s) in r.statements.iter().enumerate() {
        spans.push((s.start, s.end, 1, Kind::Statement(i)));
    }
    for (i, m) in r.mentions.iter().enumerate() {
        spans.push((m.start, m.end, 2, Kind::Mention(i)));
    }
    spans.retain(|s| s.0 < s.1 && s.1 <= chars.len());
    let mut cuts: Vec<usize> = spans.iter().flat_map(|s| [s.0, s.1]).collect();
    cuts.extend([0, chars.len()]);
    cuts.sort_unstable();
    cuts.dedup();
    // Spans sorted by start; `active` holds those begun and not yet ended.
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].0, spans[i].2, std::cmp::Reverse(spans[i].1)));
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut opened = vec![false; spans.len()];
    let mut out = String::new();
    let close = |k: Kind| match k {
        Kind::Para => "</p>\n",
        Kind::Statement(_) => "</span>",
        Kind::Mention(_) => "</mark>",
    };
    for w in cuts.windows(2) {
        let (lo, hi) = (w[0], w[1]);
        active.retain(|&i| spans[i].1 > lo);
        while next < order.len() && spans[order[next]].0 <= lo {
            active.push(order[next]);
            next += 1;
        }
        let mut wanted: Vec<usize> = active
            .iter()
            .copied()
            .filter(|&i| spans[i].1 >= hi)
            .collect();
        wanted.sort_by_key(|&i| (spans[i].2, spans[i].0, std::cmp::Reverse(spans[i].1), i));
        let piece: String = chars[lo..hi].iter().collect();
        // Text between paragraph lines (line breaks) stays plain, outside every element.
        if wanted.first().is_none_or(|&i| spans[i].3 != Kind::Para) {
            wanted.clear();
        }
        let keep = open.iter().zip(&wanted).take_while(|(a, b)| a == b).count();
        while open.len() > keep {
            if let Some(i) = open.pop() {
                out.push_str(close(spans[i].3));
            }
        }
        for &i in &wanted[keep..] {
            let first = !opened[i];
            opened[i] = true;
            match spans[i].3 {
                Kind::Para => out.push_str("<p>"),
                Kind::Statement(n) => {
                    let s = &r.statements[n];
                    if first {
                        out.push_str(&format!(
                            "<span class=\"st\" id=\"s-{n}\"><b class=\"tag {}\">{}</b>",
                            statement_class(s),
                            escape_html(&statement_tag(s))
                        ));
                    } else {
                        out.push_str("<span class=\"st\">");
                    }
                }
                Kind::Mention(n) => {
                    let m = &r.mentions[n];
                    let e = r.entities.iter().find(|e| e.id == m.entity);
                    let title = e.map_or(m.entity.clone(), |e| {
                        format!(
                            "{} \u{b7} {} \u{b7} {}",
                            e.name,
                            serde_json::to_value(e.kind)
                                .ok()
                                .and_then(|v| v.as_str().map(str::to_string))
                                .unwrap_or_default(),
                            e.bloc.as_deref().unwrap_or("no bloc")
                        )
                    });
                    out.push_str(&format!(
                        "<mark class=\"{}\" title=\"{}\">",
                        bloc_class(e.and_then(|e| e.bloc.as_deref())),
                        escape_html(&title)
                    ));
                }
            }
            open.push(i);
        }
        out.push_str(&escape_html(&piece));
    }
    while let Some(i) = open.pop() {
        out.push_str(close(spans[i].3));
    }
    out
}

/// A standalone annotated HTML report of one document: no scripts, a strict CSP of its own
/// (nothing loads; the one stylesheet is allowed by its hash), every piece of text escaped.
pub fn html_report(doc: &Document) -> String {
    let r = doc.report;
    let m = &r.meta;
    let title = r.title.clone().unwrap_or_else(|| doc.id.to_string());
    let url = m
        .url
        .as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    let author = m.author.as_ref().map(|a| format!("by {a}"));
    let byline: Vec<&str> = [
        m.outlet.as_deref(),
        author.as_deref(),
        m.date.as_deref(),
        url,
    ]
    .into_iter()
    .flatten()
    .collect();
    let label = r
        .viewpoints
        .iter()
        .find(|v| v.id == r.viewpoint.label)
        .map_or(r.viewpoint.label.as_str(), |v| v.label.as_str());
    let voice = |id: &str| {
        r.viewpoints
            .iter()
            .find(|v| v.id == id)
            .map_or(id.to_string(), |v| v.label.clone())
    };
    let statements: Vec<String> = r
        .statements
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let targets: Vec<String> = s
                .targets
                .iter()
                .filter(|t| t.entity != s.holder)
                .map(|t| {
                    format!(
                        "{} <span class=\"{}\">{}</span>",
                        escape_html(&t.name),
                        polarity_class(t.polarity),
                        format_polarity(t.polarity)
                    )
                })
                .collect();
            let cues: Vec<&str> = s.cues.iter().map(|c| c.text.as_str()).collect();
            format!(
                "<tr><td><a href=\"#s-{i}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                i + 1,
                escape_html(&s.holder_name),
                targets.join("<br>"),
                escape_html(&rule_of(s)),
                escape_html(&cues.join(", ")),
                escape_html(&voice(&s.voice))
            )
        })
        .collect();
    let entities: Vec<String> = r
        .entities
        .iter()
        .map(|e| {
            let kind = serde_json::to_value(e.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape_html(&e.name),
                escape_html(&kind),
                escape_html(e.bloc.as_deref().unwrap_or("no bloc")),
                e.mentions
            )
        })
        .collect();
    format!(
        "<!doctype html>
<html lang=\"en\">
<head>
<meta charset=\"utf-8\">
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '{hash}'; img-src 'none'; base-uri 'none'; form-action 'none'\">
<meta name=\"referrer\" content=\"no-referrer\">
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
<title>{title} \u{2014} Parallax report</title>
<style>{css}</style>
</head>
<body>
<h1>{title}</h1>
<p class=\"meta\">{byline}</p>
<p class=\"meta\">{label} viewpoint \u{b7} {confidence}% confidence \u{b7} {n_entities} entities \u{b7} {n_statements} statements</p>
{notes}<p class=\"legend\">Highlights: entity mentions (hover for name, type and bloc); each statement opens with its holder \u{2192} targets and sign (\u{2212} negative, + positive, \u{25cb} neutral, \u{b1} mixed).</p>
<article>
{body}</article>
<h2>Statements</h2>
<table><thead><tr><th>#</th><th>Holder</th><th>Targets</th><th>Rule</th><th>Cue words</th><th>Voice</th></tr></thead><tbody>
{statements}
</tbody></table>
<h2>Entities</h2>
<table><thead><tr><th>Name</th><th>Type</th><th>Bloc</th><th>Mentions</th></tr></thead><tbody>
{entities}
</tbody></table>
<p class=\"meta\">Made by Parallax; nothing in this file runs or loads anything.</p>
</body>
</html>
",
        hash = REPORT_CSS_SHA256,
        css = REPORT_CSS,
        title = escape_html(&title),
        byline = escape_html(&byline.join(" \u{b7} ")),
        label = escape_html(label),
        confidence = (r.viewpoint.confidence.clamp(0.0, 1.0) * 100.0).round(),
        n_entities = r.entities.len(),
        n_statements = r.statements.len(),
        body = annotated_body(doc),
        notes = r
            .notes
            .iter()
            .map(|n| format!("<p class=\"meta\">{}</p>\n", escape_html(n)))
            .collect::<String>(),
        statements = statements.join("\n"),
        entities = entities.join("\n"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_quote_what_they_must() {
        for (raw, want) in [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"no\"", "\"say \"\"no\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            (" edge", "\" edge\""),
            ("", ""),
        ] {
            assert_eq!(field(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn html_escapes_every_special_character() {
        assert_eq!(
            escape_html("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn the_report_says_what_a_capped_analysis_leaves_out() {
        let analyzer = parallax::Analyzer::new().unwrap();
        let text = "Tehran warned Baku.";
        let mut report = analyzer.report(
            text,
            &parallax::Meta::default(),
            parallax::Units::CodePoints,
        );
        report.notes.push("Only the first <5> statements".into());
        let doc = Document {
            id: "a.txt",
            text,
            report: &report,
        };
        assert!(
            html_report(&doc).contains("<p class=\"meta\">Only the first &lt;5&gt; statements</p>")
        );
    }

    #[test]
    fn polarity_as_the_page_writes_it() {
        assert_eq!(format_polarity(-0.8), "\u{2212}0.80");
        assert_eq!(format_polarity(0.351), "+0.35");
        assert_eq!(format_polarity(-0.001), "0.00");
    }
}
