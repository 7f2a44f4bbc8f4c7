//! Errors and diagnostics.
//!
//! Two kinds of trouble are kept apart:
//!
//! * [`Error`] stops a command: a path that cannot be read at all, a bad flag
//!   value, an output that cannot be written.
//! * [`Diagnostic`] is a soft problem with one piece of input (a malformed
//!   JSON line, a file that is not UTF-8, an empty article). The piece is
//!   skipped, the rest of the input is still processed, and the exit status
//!   says that input was skipped.

use std::fmt;
use std::path::PathBuf;

/// The library's error type.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An I/O error while reading or writing a path.
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A value given on the command line or in a configuration is invalid.
    #[error("{0}")]
    Usage(String),
    /// Serialising output failed.
    #[error("cannot serialise output: {0}")]
    Serialise(#[from] serde_json::Error),
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// A `Result` with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How much a [`Diagnostic`] matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing was lost (an identical duplicate record merged).
    Notice,
    /// Input was skipped: the exit status reflects it.
    Error,
}

/// A problem with one piece of input, with the place it was found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// How much it matters.
    pub severity: Severity,
    /// The file (or `-` for standard input).
    pub path: String,
    /// 1-based line number, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// What went wrong, without a trailing period.
    pub message: String,
}

impl Diagnostic {
    /// An error: the input it names was skipped.
    pub fn error(path: impl Into<String>, line: Option<u64>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line,
            message: message.into(),
        }
    }

    /// A notice: nothing was lost.
    pub fn notice(path: impl Into<String>, line: Option<u64>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Notice,
            path: path.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Notice => "notice",
            Severity::Error => "error",
        };
        match self.line {
            Some(line) => write!(f, "{level}: {}:{line}: {}", self.path, self.message),
            None => write!(f, "{level}: {}: {}", self.path, self.message),
        }
    }
}
