//! The line format shared by every data file: `field | field | …`, `#` comments.

use crate::error::Error;

/// One non-comment line of a data file, with where it came from for error messages.
/// Borrows from the embedded file: reading the knowledge base allocates no line.
#[derive(Clone, Copy, Debug)]
pub struct Record<'a> {
    file: &'a str,
    line: usize,
    text: &'a str,
}

impl<'a> Record<'a> {
    /// The ` | `-separated fields, trimmed.
    pub fn fields(&self) -> Vec<&'a str> {
        self.text.split('|').map(str::trim).collect()
    }

    pub fn error(&self, message: impl Into<String>) -> Error {
        Error::data(&format!("{}: {}", self.place(), message.into()))
    }

    /// `file:line`, for messages.
    pub fn place(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

/// The records of a file: blank lines and `#` comments skipped.
pub fn records<'a>(file: &'a str, src: &'a str) -> impl Iterator<Item = Record<'a>> + 'a {
    src.lines().enumerate().filter_map(move |(i, line)| {
        let t = line.trim();
        (!t.is_empty() && !t.starts_with('#')).then_some(Record {
            file,
            line: i + 1,
            text: t,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_skip_comments_and_blanks() {
        let src = "# header\n\n a | b \n#x\nc|d";
        let recs: Vec<Record> = records("f.txt", src).collect();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].fields(), ["a", "b"]);
        assert_eq!(recs[1].line, 5);
    }
}
