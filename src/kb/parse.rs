//! The line format shared by every data file: `field | field | …`, `#` comments.

use crate::error::Error;

/// One non-comment line of a data file, with where it came from for error messages.
#[derive(Clone, Debug)]
pub struct Record {
    file: String,
    line: usize,
    text: String,
}

impl Record {
    /// The ` | `-separated fields, trimmed.
    pub fn fields(&self) -> Vec<&str> {
        self.text.split('|').map(str::trim).collect()
    }

    pub fn error(&self, message: impl Into<String>) -> Error {
        Error::data(&self.file, self.line, message)
    }
}

/// The records of a file: blank lines and `#` comments skipped.
pub fn records<'a>(file: &'a str, src: &'a str) -> impl Iterator<Item = Record> + 'a {
    src.lines().enumerate().filter_map(move |(i, line)| {
        let t = line.trim();
        (!t.is_empty() && !t.starts_with('#')).then(|| Record {
            file: file.to_string(),
            line: i + 1,
            text: t.to_string(),
        })
    })
}

/// Exactly `N` fields, or an error naming the file and line.
pub fn fields<const N: usize>(rec: &Record) -> Result<[&str; N], Error> {
    let parts = rec.fields();
    <[&str; N]>::try_from(parts.as_slice()).map_err(|_| {
        rec.error(format!(
            "expected {N} fields separated by `|`, found {}",
            parts.len()
        ))
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

    #[test]
    fn wrong_field_count_names_the_line() {
        let rec = records("f.txt", "\na | b | c").next().unwrap();
        let err = fields::<2>(&rec).unwrap_err().to_string();
        assert!(err.contains("f.txt:2"), "{err}");
    }
}
