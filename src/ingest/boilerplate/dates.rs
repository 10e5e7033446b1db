//! Dates and bylines: lone date lines ("March 7, 2025 at 11:14 am", "Updated: 3 hours
//! ago") are furniture, but give the article's date; byline lines give its author.

/// Where " by " starts in `line`, ignoring ASCII case (last occurrence).
fn rfind_by(line: &str) -> Option<usize> {
    line.as_bytes()
        .windows(4)
        .rposition(|w| w.eq_ignore_ascii_case(b" by "))
}

/// The author of a "Posted on March 3, 2023 by Jane Doe" line.
pub(crate) fn date_line_author(line: &str) -> Option<String> {
    let by = rfind_by(line)?;
    if !is_date_line(line) {
        return None;
    }
    byline_author(line.get(by + 1..)?)
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

const TIME_ZONES: &[&str] = &[
    "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "est", "edt", "cst", "cdt", "mst", "mdt",
    "pst", "pdt", "et", "pt", "msk", "irst", "azt", "ist", "trt", "idt",
];

/// Labels that may stand before a lone date ("Published: March 3, 2023").
const DATE_LABELS: &[&str] = &[
    "published on",
    "published",
    "updated on",
    "updated",
    "last updated on",
    "last updated",
    "first published",
    "posted on",
    "posted",
    "modified",
    "date",
    "on",
];

/// Words and separators that may appear in a date line besides date parts.
const DATE_FILLERS: &[&str] = &["at", "|", "·", "•", "-", "–", "—", "@", "/", "on"];

const UNITS: &[&str] = &[
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr",
    "hrs", "day", "days", "week", "weeks", "month", "months", "year", "years",
];

#[derive(Default)]
struct DateParts {
    month: Option<u32>,
    day: Option<u32>,
    year: Option<u32>,
    iso: Option<(u32, u32, u32)>,
    time: bool,
    relative: bool,
}

/// Reads a line that is nothing but a date and/or time ("March 7, 2025 at
/// 11:14 am", "2025-03-07", "Updated: 3 hours ago", "10:12 GMT").
fn parse_date_line(line: &str) -> Option<DateParts> {
    let mut trimmed = line.trim();
    if trimmed.is_empty() || trimmed.chars().count() > 90 {
        return None;
    }
    // "Posted on March 3, 2023 by Jane Doe": the byline after the date is allowed.
    if let Some(by) = rfind_by(trimmed) {
        trimmed.get(by + 1..).and_then(byline_author)?;
        trimmed = trimmed.get(..by).unwrap_or("").trim();
    }
    if trimmed.chars().count() > 60 {
        return None;
    }
    let mut rest = trimmed.to_lowercase();
    if let Some(label) = DATE_LABELS.iter().find(|label| {
        rest.strip_prefix(*label)
            .is_some_and(|after| after.starts_with([':', ' ']))
    }) {
        rest = rest[label.len()..]
            .trim_start_matches([':', ' '])
            .to_string();
    }
    let tokens: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() {
        return None;
    }
    let mut parts = DateParts::default();
    let mut index = 0;
    while let Some(&token) = tokens.get(index) {
        index += 1;
        let token = token.trim_end_matches('.');
        if DATE_FILLERS.contains(&token) || WEEKDAYS.contains(&token) || TIME_ZONES.contains(&token)
        {
            continue;
        }
        if matches!(
            token,
            "am" | "pm" | "a.m" | "p.m" | "ago" | "yesterday" | "today" | "now"
        ) {
            parts.relative |= matches!(token, "ago" | "yesterday" | "today" | "now");
            continue;
        }
        if let Some(&(_, month)) = MONTHS.iter().find(|(name, _)| *name == token) {
            parts.month = Some(month);
            continue;
        }
        if let Some(iso) = parse_numeric_date(token) {
            parts.iso = Some(iso);
            continue;
        }
        if is_time(token) || is_utc_offset(token) {
            parts.time = true;
            continue;
        }
        if let Ok(number) = token
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<u32>()
        {
            let suffix = token.trim_start_matches(|c: char| c.is_ascii_digit());
            if tokens.get(index).is_some_and(|next| UNITS.contains(next)) && suffix.is_empty() {
                index += 1;
                parts.relative = true;
                continue;
            }
            let ordinal = matches!(suffix, "" | "st" | "nd" | "rd" | "th");
            if (1900..=2100).contains(&number) && suffix.is_empty() && parts.year.is_none() {
                parts.year = Some(number);
                continue;
            }
            if (1..=31).contains(&number) && ordinal && parts.day.is_none() {
                parts.day = Some(number);
                continue;
            }
        }
        if token == "just" && tokens.get(index) == Some(&"now") {
            continue;
        }
        return None;
    }
    let calendar = parts.month.is_some() && (parts.day.is_some() || parts.year.is_some());
    let time_only =
        parts.time && parts.month.is_none() && parts.day.is_none() && parts.year.is_none();
    (calendar || parts.iso.is_some() || time_only || parts.relative).then_some(parts)
}

/// "2025-03-07", "2025-03-07T10:00:00Z", "2025/03/07", "07.03.2025" (day
/// first, as in Europe), "07/03/2025" only when the day is unambiguous.
fn parse_numeric_date(token: &str) -> Option<(u32, u32, u32)> {
    let date = token.split('t').next().unwrap_or(token);
    let fields: Vec<&str> = date.split(['-', '/', '.']).collect();
    let [a, b, c] = fields.as_slice() else {
        return None;
    };
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (a_n, b_n, c_n) = (number(a)?, number(b)?, number(c)?);
    let valid = |y: u32, m: u32, d: u32| {
        ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then_some((y, m, d))
    };
    if a.len() == 4 {
        return valid(a_n, b_n, c_n);
    }
    if c.len() == 4 {
        let dotted = date.contains('.');
        if dotted || a_n > 12 {
            return valid(c_n, b_n, a_n);
        }
        if b_n > 12 {
            return valid(c_n, a_n, b_n);
        }
        // Ambiguous day/month: a date line, but no date we can state.
        return valid(c_n, 1, 1).map(|_| (0, 0, 0));
    }
    None
}

fn is_time(token: &str) -> bool {
    let token = token
        .trim_end_matches("am")
        .trim_end_matches("pm")
        .trim_end_matches("a.m")
        .trim_end_matches("p.m")
        .trim_end_matches('h');
    let fields: Vec<&str> = token.split(':').collect();
    (2..=3).contains(&fields.len())
        && fields
            .iter()
            .all(|f| (1..=2).contains(&f.len()) && f.chars().all(|c| c.is_ascii_digit()))
}

fn is_utc_offset(token: &str) -> bool {
    let token = token.trim_start_matches("gmt").trim_start_matches("utc");
    token.len() >= 2
        && token.starts_with(['+', '-'])
        && token[1..].chars().all(|c| c.is_ascii_digit() || c == ':')
}

/// True for a line that is only a date and/or time.
pub(crate) fn is_date_line(line: &str) -> bool {
    parse_date_line(line).is_some()
}

/// The `YYYY-MM-DD` of a lone date line, when it names a full calendar date.
pub(crate) fn date_of_line(line: &str) -> Option<String> {
    let parts = parse_date_line(line)?;
    let (year, month, day) = match parts.iso {
        Some((0, _, _)) => return None,
        Some(ymd) => ymd,
        None => (parts.year?, parts.month?, parts.day?),
    };
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// Normalizes a machine date ("2023-03-01T10:00:00+02:00") to `YYYY-MM-DD`.
#[cfg(any(feature = "html", feature = "markdown"))]
pub(crate) fn iso_date(value: &str) -> Option<String> {
    let head = value.trim().get(..10)?;
    let bytes = head.as_bytes();
    let shape_ok = bytes.iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    });
    if !shape_ok {
        return None;
    }
    let (year, month, day) = parse_numeric_date(head)?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// Openers of a byline line; what follows is the author's name.
const BYLINE_OPENERS: &[&str] = &[
    "by:",
    "by",
    "written by:",
    "written by",
    "author:",
    "words by",
    "about the author:",
    "reporting by",
];

/// The author's name from a byline line ("By: N. Daneshvar", "By Jane Doe |
/// March 3"), when what follows the opener looks like a name.
pub(crate) fn byline_author(line: &str) -> Option<String> {
    let trimmed = line.trim();
    if trimmed.chars().count() > 80 {
        return None;
    }
    let lower = trimmed.to_lowercase();
    let opener = BYLINE_OPENERS.iter().find(|opener| {
        lower
            .strip_prefix(*opener)
            .is_some_and(|after| after.starts_with(char::is_whitespace))
    })?;
    let rest = trimmed.get(opener.len()..)?.trim();
    let name = rest
        .split(['|', '•', '·', ',', '—', '–'])
        .next()
        .unwrap_or(rest)
        .trim();
    // "Jane Doe." loses the period; "John Q." keeps the one closing an initial.
    let last_word_len = name
        .split_whitespace()
        .last()
        .map_or(0, |w| w.chars().count());
    let name = match name.strip_suffix('.') {
        Some(stripped) if last_word_len > 2 => stripped,
        _ => name,
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let particles = [
        "de", "da", "van", "von", "der", "al", "bin", "ibn", "la", "le", "del",
    ];
    let name_words_ok = words.iter().all(|word| {
        word.chars().next().is_some_and(char::is_uppercase) || particles.contains(word)
    });
    ((2..=6).contains(&words.len()) && name_words_ok).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let cases = [
            ("March 7, 2025 at 11:14 am", Some("2025-03-07")),
            ("Tuesday, 7 March 2025", Some("2025-03-07")),
            ("Published: Mar. 3, 2023 10:12 AM GMT", Some("2023-03-03")),
            ("2023-04-02T08:00:00Z", Some("2023-04-02")),
            ("07.03.2025", Some("2025-03-07")),
            ("13/03/2025", Some("2025-03-13")),
            ("03/04/2025", None),
            ("3 hours ago", None),
            ("11:14", None),
            ("March 2025", None),
        ];
        for (line, iso) in cases {
            assert!(is_date_line(line), "{line}");
            assert_eq!(date_of_line(line).as_deref(), iso, "{line}");
        }
        for line in [
            "March on Baku",
            "7 soldiers",
            "It happened on March 7, 2025.",
            "2020",
            "March 7, 2025 by the sea",
        ] {
            assert!(!is_date_line(line), "{line}");
        }
        let byline = "Posted on April 2, 2023 by Sam Writer";
        assert_eq!(date_line_author(byline).as_deref(), Some("Sam Writer"));
        assert_eq!(date_of_line(byline).as_deref(), Some("2023-04-02"));
        assert_eq!(
            iso_date("2023-03-01T10:00:00+02:00").as_deref(),
            Some("2023-03-01")
        );
        assert_eq!(iso_date("2023-13-01"), None);
        assert_eq!(iso_date("yesterday"), None);
        assert_eq!(iso_date("ü"), None);
    }

    #[test]
    fn bylines() {
        let cases = [
            ("By: N. Daneshvar", Some("N. Daneshvar")),
            ("\u{a0}By Jane Doe | March 3, 2024", Some("Jane Doe")),
            (
                "About the Author: Dr. Stephen Blank\u{a0}",
                Some("Dr. Stephen Blank"),
            ),
            ("Written by Ali al Hamid", Some("Ali al Hamid")),
            ("By Tuesday, officials said the talks would resume.", None),
            ("By the way", None),
            ("By 2030", None),
        ];
        for (line, author) in cases {
            assert_eq!(byline_author(line).as_deref(), author, "{line}");
        }
    }
}
