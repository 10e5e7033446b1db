//! Errors with a stable kind. Analysis of any text never fails; only user-supplied
//! options, metadata and data files can be invalid. (Ingest refusing a file has its own
//! `ingest::IngestError`, with the same stable-kind shape.)

use std::fmt;

/// The stable, machine-readable kind of an error (the `kind` of a JS `Error`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// A knowledge-base file is malformed.
    Data,
    /// Metadata passed with a document is not of the expected shape.
    InvalidMeta,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Data => "data",
            ErrorKind::InvalidMeta => "invalid_meta",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// A malformed data file; the message names the file and line.
    pub fn data(message: &str) -> Error {
        Error::new(ErrorKind::Data, message)
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
