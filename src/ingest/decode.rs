//! Bytes to text. A byte-order mark decides first (UTF-8, UTF-16LE/BE);
//! without one, valid UTF-8 is UTF-8; anything else is read as Windows-1252,
//! the encoding of old Western pages and of text saved by Windows editors,
//! unless an HTML page declares another single-byte charset.
//!
//! The generic binary checks live here because they depend on the encoding:
//! NUL bytes are normal in UTF-16 and a sure sign of binary data elsewhere.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// Decoded text, with "\n" line ends only and no BOM.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Why bytes could not be read as text; the string says what was seen.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    Binary(&'static str),
    UnknownEncoding(&'static str),
}

/// Share of control characters above which a file is not text (2 %).
const MAX_CONTROL_PERCENT: usize = 2;
/// Share of non-ASCII bytes above which undeclared, non-UTF-8 bytes are not
/// Windows-1252 prose (Western languages stay far below; Cyrillic code pages far above).
const MAX_HIGH_BYTE_PERCENT: usize = 30;

pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, Problem> {
    let (text, encoding): (Cow<'_, str>, &'static str) =
        if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
            check_bytes(rest)?;
            (UTF_8.decode_without_bom_handling(rest).0, "UTF-8 (BOM)")
        } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
            (UTF_16LE.decode_without_bom_handling(rest).0, "UTF-16LE")
        } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
            (UTF_16BE.decode_without_bom_handling(rest).0, "UTF-16BE")
        } else {
            if looks_like_utf16_without_bom(bytes) {
                return Err(Problem::UnknownEncoding(
                    "it looks like UTF-16 without a byte-order mark",
                ));
            }
            check_bytes(bytes)?;
            match std::str::from_utf8(bytes) {
                Ok(text) => (Cow::Borrowed(text), "UTF-8"),
                Err(_) => decode_legacy(bytes)?,
            }
        };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if encoding.starts_with("UTF-16") {
        check_chars(text)?;
    }
    Ok(Decoded {
        text: normalize_newlines(text).into_owned(),
        encoding,
    })
}

/// Non-UTF-8 bytes: the charset an HTML page declares if it is a single-byte
/// one encoding_rs knows, else Windows-1252 when the bytes look like Western text.
fn decode_legacy(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static str), Problem> {
    if let Some(declared) = declared_html_charset(bytes) {
        return Ok((
            declared.decode_without_bom_handling(bytes).0,
            declared.name(),
        ));
    }
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    let visible = bytes.iter().filter(|b| !b.is_ascii_whitespace()).count();
    if high * 100 > visible * MAX_HIGH_BYTE_PERCENT {
        return Err(Problem::UnknownEncoding(
            "it is not UTF-8, and too many of its bytes are non-ASCII for Windows-1252; \
             it may be in a Cyrillic, Greek or Asian code page",
        ));
    }
    Ok((
        WINDOWS_1252.decode_without_bom_handling(bytes).0,
        WINDOWS_1252.name(),
    ))
}

/// The charset named by `<meta charset=…>` or `http-equiv` in the first
/// 4 KiB, if it is an ASCII-compatible single-byte encoding (UTF-8 is not:
/// bytes that fail UTF-8 are better read as Windows-1252 than with U+FFFD).
fn declared_html_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    let head = head.to_ascii_lowercase();
    let at = find(&head, b"charset=")?;
    let rest = head.get(at + b"charset=".len()..)?;
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b' ' | b'/'))
        .unwrap_or(rest.len());
    let encoding = Encoding::for_label(rest.get(..end)?)?;
    let single_byte_ascii_compatible = encoding.is_single_byte() && encoding.is_ascii_compatible();
    single_byte_ascii_compatible.then_some(encoding)
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

/// ASCII text in UTF-16 has a NUL in every other byte; without a BOM we
/// cannot know the byte order for sure, so the reader is asked to re-save.
fn looks_like_utf16_without_bom(bytes: &[u8]) -> bool {
    let sample = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    if sample.len() < 8 {
        return false;
    }
    let pairs = sample.len() / 2;
    let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let (nuls, others) = if even_nuls > odd_nuls {
        (even_nuls, odd_nuls)
    } else {
        (odd_nuls, even_nuls)
    };
    nuls * 10 >= pairs * 7 && others * 20 <= pairs
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
        let bomless: Vec<u8> = "Hello there, world"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(matches!(decode(&bomless), Err(Problem::UnknownEncoding(_))));
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
    fn tabs_form_feeds_and_a_stray_control_are_text() {
        let mut text = "Column\tvalue\x0c\n".repeat(20);
        text.push('\x1a');
        assert!(decode(text.as_bytes()).is_ok());
    }
}
