//! Bytes to text, decided per file on evidence that is reported with the text:
//!
//! 1. a byte-order mark (UTF-8, UTF-16LE/BE);
//! 2. without one, UTF-16 by its zero bytes: ASCII letters in UTF-16 have a zero
//!    byte beside each, on the odd side in little-endian and the even side in big;
//! 3. UTF-8 when it is valid, or mostly valid (at least four valid non-ASCII
//!    characters per invalid sequence): the few bad bytes become U+FFFD rather than
//!    the whole file turning into Windows-1252 mojibake;
//! 4. the charset an HTML page declares, if it is one of the single-byte code pages;
//! 5. else Windows-1252, the encoding of old Western pages and of text saved by
//!    Windows editors, but only when its non-ASCII bytes read as Western letters:
//!    text in a Cyrillic, Greek or Asian code page is refused with a message that
//!    says so, since those cannot be told apart without a declaration.
//!
//! The encodings read are UTF-8, UTF-16 and the WHATWG single-byte code pages
//! (windows-125x, ISO-8859-x, KOI8, IBM866, macintosh…: every script of the
//! region Parallax covers, Western, Turkish, Cyrillic, Greek, Arabic/Persian and
//! Hebrew, at 256 bytes a table, in [`super::codepages`]). The East Asian
//! multi-byte encodings (Shift_JIS, EUC-JP, ISO-2022-JP, GBK, gb18030, Big5,
//! EUC-KR) are refused by name, for pages the English knowledge base does not read
//! anyway: encoding_rs decodes through one dispatch over every encoding, so linking
//! it for any of them linked all their tables, 150 KB of each wasm module (123 KB
//! gzipped, measured). It is now only the source of the tables here and their check.
//!
//! The generic binary checks live here because they depend on the encoding:
//! NUL bytes are normal in UTF-16 and a sure sign of binary data elsewhere.

use std::borrow::Cow;

use super::codepages::{LABELS, SINGLE_BYTE, WINDOWS_1252};

/// Decoded text, with "\n" line ends only and no BOM.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Why this encoding, for the reader ("valid UTF-8", "declared in the page"…).
    pub evidence: String,
}

/// Why bytes could not be read as text; the string says what was seen.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    Binary(&'static str),
    UnknownEncoding(&'static str),
    /// A page declares an encoding this reader does not read (its name).
    UnsupportedEncoding(&'static str),
}

/// Share of control characters above which a file is not text (2 %).
const MAX_CONTROL_PERCENT: usize = 2;
/// Share of non-ASCII bytes above which undeclared, non-UTF-8 bytes are not
/// Windows-1252 prose (Western languages stay far below; Cyrillic code pages far above).
const MAX_HIGH_BYTE_PERCENT: usize = 30;

/// Valid non-ASCII characters needed per invalid UTF-8 sequence to read a file as
/// UTF-8 with replacement characters rather than as a legacy code page.
const MIN_VALID_PER_INVALID: usize = 4;

pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, Problem> {
    let (text, encoding, evidence): (Cow<'_, str>, &'static str, String) = if let Some(rest) =
        bytes.strip_prefix(b"\xef\xbb\xbf")
    {
        check_bytes(rest)?;
        let text = String::from_utf8_lossy(rest);
        (text, "UTF-8 (BOM)", "a UTF-8 byte-order mark".to_string())
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        let text = decode_utf16(rest, false).into();
        (text, "UTF-16LE", "a UTF-16 byte-order mark".to_string())
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        let text = decode_utf16(rest, true).into();
        (text, "UTF-16BE", "a UTF-16 byte-order mark".to_string())
    } else if let Some(big_endian) = utf16_without_bom(bytes) {
        let side = if big_endian { "first" } else { "second" };
        let name = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
        let evidence = format!(
            "no byte-order mark, but the {side} byte of most pairs is zero, as in {name} text"
        );
        (decode_utf16(bytes, big_endian).into(), name, evidence)
    } else {
        check_bytes(bytes)?;
        let (valid_non_ascii, invalid) = utf8_counts(bytes);
        if invalid == 0 {
            (
                String::from_utf8_lossy(bytes),
                "UTF-8",
                "valid UTF-8".to_string(),
            )
        } else if valid_non_ascii >= invalid * MIN_VALID_PER_INVALID {
            let evidence = format!(
                    "UTF-8 in all but {invalid} place{} (shown as \u{fffd}), against {valid_non_ascii} valid non-ASCII characters",
                    if invalid == 1 { "" } else { "s" }
                );
            (String::from_utf8_lossy(bytes), "UTF-8", evidence)
        } else {
            decode_legacy(bytes)?
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if encoding.starts_with("UTF-16") {
        check_chars(text)?;
    }
    Ok(Decoded {
        text: normalize_newlines(text).into_owned(),
        encoding,
        evidence,
    })
}

/// Valid non-ASCII characters and invalid sequences in `bytes` read as UTF-8.
fn utf8_counts(bytes: &[u8]) -> (usize, usize) {
    let mut valid_non_ascii = 0;
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        valid_non_ascii += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    (valid_non_ascii, invalid)
}

/// Non-UTF-8 bytes: the charset an HTML page declares, else Windows-1252 when the
/// non-ASCII bytes read as Western letters.
fn decode_legacy(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static str, String), Problem> {
    if let Some((name, table)) = declared_html_charset(bytes)? {
        let evidence = format!("not UTF-8, and the page declares charset {name}");
        return Ok((decode_single_byte(bytes, table).into(), name, evidence));
    }
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    let visible = bytes.iter().filter(|b| !b.is_ascii_whitespace()).count();
    let text = decode_single_byte(bytes, WINDOWS_1252);
    if high * 100 > visible * MAX_HIGH_BYTE_PERCENT || !reads_as_western(&text) {
        return Err(Problem::UnknownEncoding(
            "it is not UTF-8, and its non-ASCII bytes do not read as Western European letters; \
             it is probably text in a Cyrillic, Greek, Arabic, Hebrew or East Asian code page, \
             which cannot be told apart without a declaration",
        ));
    }
    Ok((
        text.into(),
        "windows-1252",
        "not UTF-8; its non-ASCII bytes read as Western European letters in Windows-1252"
            .to_string(),
    ))
}

/// Bytes in a single-byte code page: ASCII as it is, the upper half through `table`.
fn decode_single_byte(bytes: &[u8], table: &[u16; 128]) -> String {
    bytes
        .iter()
        .map(|&b| match b.checked_sub(0x80) {
            None => char::from(b),
            Some(high) => table
                .get(usize::from(high))
                .and_then(|&unit| char::from_u32(u32::from(unit)))
                .unwrap_or(char::REPLACEMENT_CHARACTER),
        })
        .collect()
}

/// UTF-16 as the WHATWG decoder reads it: an unpaired surrogate or a last odd byte
/// becomes U+FFFD.
fn decode_utf16(bytes: &[u8], big_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let mut text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// The table of the single-byte code page named `name` (encoding_rs's spelling).
fn single_byte(name: &str) -> Option<(&'static str, &'static [u16; 128])> {
    SINGLE_BYTE
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(known, table)| (*known, table))
}

/// The encoding a WHATWG label names (ASCII case-insensitive, trimmed).
fn encoding_of_label(label: &[u8]) -> Option<&'static str> {
    let label = std::str::from_utf8(label).ok()?.trim().to_ascii_lowercase();
    LABELS
        .binary_search_by(|(known, _)| (*known).cmp(label.as_str()))
        .ok()
        .and_then(|i| LABELS.get(i))
        .map(|(_, name)| *name)
}

/// Western languages put at most two accented letters in a row ("façade", "Müller");
/// another script read as Windows-1252 gives whole words of them ("Ìîñêâà").
fn reads_as_western(text: &str) -> bool {
    let mut words_with_accents = 0usize;
    let mut foreign_words = 0usize;
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let mut run = 0usize;
        let mut longest = 0usize;
        for c in word.chars() {
            run = if c.is_ascii() { 0 } else { run + 1 };
            longest = longest.max(run);
        }
        if longest > 0 {
            words_with_accents += 1;
        }
        if longest >= 3 {
            foreign_words += 1;
        }
    }
    foreign_words * 5 <= words_with_accents
}

/// The single-byte code page named by `<meta charset=…>` or `http-equiv` in the
/// first 4 KiB. No declaration, an unknown label, or UTF-8 or UTF-16 (the bytes
/// already failed those) give `None`; a multi-byte encoding is refused by name.
fn declared_html_charset(
    bytes: &[u8],
) -> Result<Option<(&'static str, &'static [u16; 128])>, Problem> {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    let head = head.to_ascii_lowercase();
    let Some(at) = find(&head, b"charset=") else {
        return Ok(None);
    };
    let rest = head.get(at + b"charset=".len()..).unwrap_or_default();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b' ' | b'/'))
        .unwrap_or(rest.len());
    let Some(name) = rest.get(..end).and_then(encoding_of_label) else {
        return Ok(None);
    };
    match single_byte(name) {
        Some(found) => Ok(Some(found)),
        None if matches!(name, "UTF-8" | "UTF-16LE" | "UTF-16BE" | "replacement") => Ok(None),
        None => Err(Problem::UnsupportedEncoding(name)),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// NUL bytes or many control bytes mean binary data in any 8-bit or UTF-8 text.
fn check_bytes(bytes: &[u8]) -> Result<(), Problem> {
    if bytes.contains(&0) {
        return Err(Problem::Binary("it contains NUL bytes"));
    }
    let controls = bytes
        .iter()
        .filter(|&&b| is_binary_control(b as u32))
        .count();
    if controls * 100 > bytes.len() * MAX_CONTROL_PERCENT {
        return Err(Problem::Binary("it is full of control characters"));
    }
    Ok(())
}

/// The same checks on decoded UTF-16 text.
fn check_chars(text: &str) -> Result<(), Problem> {
    let mut total = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return Err(Problem::Binary("it contains NUL characters"));
        }
        if is_binary_control(c as u32) {
            controls += 1;
        }
    }
    if controls * 100 > total * MAX_CONTROL_PERCENT {
        return Err(Problem::Binary("it is full of control characters"));
    }
    Ok(())
}

/// C0 controls other than tab, line feed, form feed and carriage return, and DEL.
fn is_binary_control(code: u32) -> bool {
    (code < 0x20 && !matches!(code, 0x09 | 0x0a | 0x0c | 0x0d)) || code == 0x7f
}

/// ASCII text in UTF-16 has a zero in every other byte: on the first side of each
/// pair in big-endian, the second in little-endian. `Some(big_endian)` when most
/// pairs in the first 4 KiB show it on one side and almost none on the other.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let sample = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let first_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let second_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let big_endian = first_zero > second_zero;
    let (zeros, others) = if big_endian {
        (first_zero, second_zero)
    } else {
        (second_zero, first_zero)
    };
    (zeros * 10 >= pairs * 7 && others * 20 <= pairs).then_some(big_endian)
}

/// "\r\n" and lone "\r" become "\n", so every extractor sees one kind of line end.
pub(crate) fn normalize_newlines(text: &str) -> Cow<'_, str> {
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables of `codepages.rs` as encoding_rs decodes each byte, and every label
    /// as encoding_rs reads it. `CODEPAGES_WRITE=1 cargo test --lib code_page_tables`
    /// writes the file anew (after an encoding_rs update, or to add a label).
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn code_page_tables_are_encoding_rs_s() {
        use encoding_rs::Encoding;
        use std::fmt::Write;
        let mut names = Vec::new();
        for (label, name) in LABELS {
            let encoding = Encoding::for_label(label.as_bytes()).expect(label);
            assert_eq!(encoding.name(), *name, "{label}");
            if !names.contains(&encoding) {
                names.push(encoding);
            }
        }
        assert!(
            LABELS.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, once each"
        );
        // All 40 of the WHATWG encodings are named, so a refusal can say which it was.
        assert_eq!(names.len(), 40);
        names.sort_by_key(|e| e.name());
        let mut out = String::from(
            "//! The WHATWG labels and the single-byte code pages ingest reads, as plain tables\n\
             //! (see decode.rs for which and why). Written from encoding_rs by\n\
             //! `CODEPAGES_WRITE=1 cargo test --lib code_page_tables`, which checks them too.\n\n\
             /// Every WHATWG label, lower case and sorted, with the name of its encoding.\n\
             pub(super) const LABELS: &[(&str, &str)] = &[\n",
        );
        for (label, name) in LABELS {
            writeln!(out, "    ({label:?}, {name:?}),").unwrap();
        }
        out.push_str(
            "];\n\n/// The single-byte code pages: bytes 0x80 to 0xFF as UTF-16 code units.\n\
             pub(super) const SINGLE_BYTE: &[(&str, [u16; 128])] = &[\n",
        );
        let mut windows_1252 = None;
        let single_byte = names
            .iter()
            .filter(|e| e.is_single_byte() && e.is_ascii_compatible() && e.name() != "replacement");
        for (single, encoding) in single_byte.enumerate() {
            let mut table = Vec::new();
            for byte in 0x80..=0xffu8 {
                let bytes = [byte];
                let (text, _) = encoding.decode_without_bom_handling(&bytes);
                let mut units = text.encode_utf16();
                table.push(units.next().expect("one unit"));
                assert_eq!(units.next(), None, "{} {byte:#x}", encoding.name());
            }
            writeln!(out, "    ({:?}, [", encoding.name()).unwrap();
            for row in table.chunks(8) {
                let row: Vec<String> = row.iter().map(|u| format!("0x{u:04x}")).collect();
                writeln!(out, "        {},", row.join(", ")).unwrap();
            }
            out.push_str("    ]),\n");
            if encoding.name() == "windows-1252" {
                windows_1252 = Some(single);
            }
        }
        writeln!(
            out,
            "];\n\n/// The default for undeclared bytes that are not UTF-8.\n\
             pub(super) const WINDOWS_1252: &[u16; 128] = &SINGLE_BYTE[{}].1;",
            windows_1252.expect("windows-1252")
        )
        .unwrap();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/ingest/codepages.rs");
        if std::env::var_os("CODEPAGES_WRITE").is_some() {
            std::fs::write(path, &out).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(path).unwrap(),
            out,
            "codepages.rs is not what encoding_rs gives: CODEPAGES_WRITE=1 rewrites it"
        );
        // Every byte of every table decodes as encoding_rs decodes it, and UTF-16 too.
        let all: Vec<u8> = (0..=255).collect();
        for (name, table) in SINGLE_BYTE {
            let encoding = Encoding::for_label(name.as_bytes()).unwrap();
            let expected = encoding.decode_without_bom_handling(&all).0;
            assert_eq!(decode_single_byte(&all, table), expected, "{name}");
        }
        let samples: [&[u8]; 5] = [
            b"a\0b\0",
            b"\x00\xd8a\0",
            b"\x3d\xd8\x00\xde!",
            b"\x00\xdc\x00\xd8",
            b"x",
        ];
        for bytes in samples {
            for (big, encoding) in [
                (false, encoding_rs::UTF_16LE),
                (true, encoding_rs::UTF_16BE),
            ] {
                let expected = encoding.decode_without_bom_handling(bytes).0;
                assert_eq!(decode_utf16(bytes, big), expected, "{bytes:?}");
            }
        }
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    }

    #[test]
    fn encodings_table() {
        let name = "Hikmət Hacıyev said “no”.\r\nNext line";
        let expected = "Hikmət Hacıyev said “no”.\nNext line";
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(name.as_bytes());
        let cases: Vec<(Vec<u8>, &str, &str)> = vec![
            (name.as_bytes().to_vec(), expected, "UTF-8"),
            (bom, expected, "UTF-8 (BOM)"),
            (utf16(name, false), expected, "UTF-16LE"),
            (utf16(name, true), expected, "UTF-16BE"),
            (
                b"\x93Caf\xe9\x94 is French.".to_vec(),
                "“Café” is French.",
                "windows-1252",
            ),
            (
                b"Line one\rLine two".to_vec(),
                "Line one\nLine two",
                "UTF-8",
            ),
        ];
        for (bytes, text, encoding) in cases {
            let decoded = decode(&bytes).unwrap();
            assert_eq!(decoded.text, text);
            assert_eq!(decoded.encoding, encoding);
        }
    }

    #[test]
    fn declared_single_byte_charset_is_used_for_non_utf8_html() {
        // "Мир" in windows-1251.
        let page = b"<html><head><meta charset=\"windows-1251\"></head><body><p>\xcc\xe8\xf0</p></body></html>";
        let decoded = decode(page).unwrap();
        assert_eq!(decoded.encoding, "windows-1251");
        assert!(decoded.text.contains("Мир"));
        // A UTF-8 declaration on bytes that are not UTF-8 falls back to Windows-1252.
        let page = b"<meta charset=utf-8><p>caf\xe9</p>";
        assert_eq!(decode(page).unwrap().encoding, "windows-1252");
    }

    #[test]
    fn binary_and_unknown_encodings_are_refused() {
        assert_eq!(
            decode(b"abc\0def").unwrap_err(),
            Problem::Binary("it contains NUL bytes")
        );
        assert_eq!(
            decode(b"\x01\x02\x03\x04 some text").unwrap_err(),
            Problem::Binary("it is full of control characters")
        );
        // Cyrillic windows-1251 without a declaration is not guessed as 1252.
        assert!(matches!(
            decode(b"\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0"),
            Err(Problem::UnknownEncoding(_))
        ));
        let mut nul_in_utf16 = utf16("text", false);
        nul_in_utf16.extend_from_slice(&[0, 0]);
        assert!(matches!(decode(&nul_in_utf16), Err(Problem::Binary(_))));
    }

    #[test]
    fn utf16_without_a_bom_is_read_by_its_zero_bytes() {
        let text = "Tehran warned Baku. Hikmət Hacıyev said no.";
        let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name, side) in [(little, "UTF-16LE", "second"), (big, "UTF-16BE", "first")] {
            let decoded = decode(&bytes).unwrap();
            assert_eq!(decoded.text, text);
            assert_eq!(decoded.encoding, name);
            assert!(decoded.evidence.contains(side), "{}", decoded.evidence);
        }
    }

    #[test]
    fn mostly_valid_utf8_stays_utf8_with_replacement_characters() {
        let mut bytes = "Hikmət Hacıyev said “no” to Tehran. "
            .repeat(3)
            .into_bytes();
        bytes.extend_from_slice(b"caf\xe9 ");
        bytes.extend_from_slice("Azərbaycan.".as_bytes());
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.text.contains("Hikmət") && decoded.text.contains("caf\u{fffd} Azərbaycan"));
        assert!(
            decoded.evidence.contains("all but 1 place"),
            "{}",
            decoded.evidence
        );
        // Mostly invalid: a Windows-1252 file with one accidental valid sequence.
        let western = b"Caf\xe9, na\xefve, r\xe9sum\xe9, \xc3\xa9 and d\xe9j\xe0 vu.".to_vec();
        let decoded = decode(&western).unwrap();
        assert_eq!(decoded.encoding, "windows-1252");
        assert!(decoded.text.starts_with("Café, naïve"), "{}", decoded.text);
    }

    #[test]
    fn non_latin_code_pages_are_named_as_such() {
        // "Moscow is silent." in windows-1251 after English text: few high bytes, but
        // they make whole words of accented letters when read as Windows-1252.
        let mut bytes = b"Iran warned Baku. ".repeat(10);
        bytes.extend_from_slice(b"\xcc\xee\xf1\xea\xe2\xe0 \xec\xee\xeb\xf7\xe8\xf2.");
        match decode(&bytes) {
            Err(Problem::UnknownEncoding(why)) => assert!(why.contains("Cyrillic"), "{why}"),
            other => panic!("{other:?}"),
        }
        // A declared multi-byte code page is refused by its name: "日本" in Shift_JIS.
        let page = b"<meta charset=\"shift_jis\"><p>\x93\xfa\x96\x7b</p>";
        assert_eq!(
            decode(page).unwrap_err(),
            Problem::UnsupportedEncoding("Shift_JIS")
        );
        let page = b"<meta http-equiv=content-type content='text/html; charset=GB2312'>\xc8\xd5";
        assert_eq!(
            decode(page).unwrap_err(),
            Problem::UnsupportedEncoding("GBK")
        );
        // A declared single-byte code page of the region is read: "Iran" in windows-1256
        // (its yeh is the Arabic one, U+064A).
        let page = b"<meta charset=\"Windows-1256\"><p>\xc7\xed\xd1\xc7\xe4</p>";
        let decoded = decode(page).unwrap();
        assert_eq!(decoded.encoding, "windows-1256");
        assert!(decoded.text.contains("\u{627}\u{64a}\u{631}\u{627}\u{646}"));
        // An unknown label is no declaration.
        let page = b"<meta charset=\"no-such\"><p>caf\xe9 au lait</p>";
        assert_eq!(decode(page).unwrap().encoding, "windows-1252");
    }

    #[test]
    fn tabs_form_feeds_and_a_stray_control_are_text() {
        let mut text = "Column\tvalue\x0c\n".repeat(20);
        text.push('\x1a');
        assert!(decode(text.as_bytes()).is_ok());
    }
}
