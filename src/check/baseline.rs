//! The baseline: accepted findings, one `[[finding]]` table each, in TOML.
//!
//! Only `fingerprint` is matched; `kind` and `description` are for the people
//! reviewing the file. An entry that matches no current finding is stale:
//! reported as a warning, never a failure.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Finding;
use crate::error::{Error, Result};

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The finding's fingerprint.
    pub fingerprint: String,
    /// Its kind.
    #[serde(default)]
    pub kind: String,
    /// What it was, in a line.
    #[serde(default)]
    pub description: String,
}

/// The file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Format version (1).
    pub version: u32,
    /// The entries, sorted by fingerprint.
    #[serde(default, rename = "finding")]
    pub entries: Vec<Entry>,
    #[serde(skip)]
    index: BTreeSet<String>,
}

const HEADER: &str =
    "# crosscheck baseline: accepted findings. `crosscheck check --baseline FILE`\n\
# does not fail on these; only `fingerprint` is matched. Regenerate with\n\
# `crosscheck check PATHS --write-baseline FILE`.\n\n";

impl Baseline {
    /// The baseline of these findings.
    pub fn of(findings: &[Finding]) -> Self {
        let mut entries: Vec<Entry> = findings
            .iter()
            .map(|f| Entry {
                fingerprint: f.fingerprint.clone(),
                kind: f.kind.as_str().to_string(),
                description: f.title.clone(),
            })
            .collect();
        entries.sort_by(|a, b| a.fingerprint.cmp(&b.fingerprint));
        entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        Baseline::new(entries)
    }

    fn new(entries: Vec<Entry>) -> Self {
        let index = entries.iter().map(|e| e.fingerprint.clone()).collect();
        Baseline {
            version: 1,
            entries,
            index,
        }
    }

    /// Whether a fingerprint is accepted.
    pub fn contains(&self, fingerprint: &str) -> bool {
        self.index.contains(fingerprint)
    }

    /// Reads a baseline file.
    pub fn read(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let b: Baseline = toml::from_str(&text).map_err(|e| {
            let (line, col) = e
                .span()
                .map(|s| super::config::line_col(&text, s.start))
                .unwrap_or((1, 1));
            Error::Usage(format!(
                "{}:{line}:{col}: {}",
                path.display(),
                e.message().trim_end_matches('.')
            ))
        })?;
        if b.version != 1 {
            return Err(Error::Usage(format!(
                "{}: baseline version {} is not supported (1)",
                path.display(),
                b.version
            )));
        }
        Ok(Baseline::new(b.entries))
    }

    /// The file's text.
    pub fn to_toml(&self) -> Result<String> {
        let body = toml::to_string(self)
            .map_err(|e| Error::Usage(format!("cannot write the baseline: {e}")))?;
        Ok(format!("{HEADER}{body}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_toml() {
        let b = Baseline::new(vec![Entry {
            fingerprint: "conflict-0123456789abcdef".into(),
            kind: "conflict".into(),
            description: "troops conflict: \"100.000 tentara\" vs 50.000".into(),
        }]);
        let text = b.to_toml().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.toml");
        std::fs::write(&p, &text).unwrap();
        let back = Baseline::read(&p).unwrap();
        assert_eq!(back.entries, b.entries);
        assert!(back.contains("conflict-0123456789abcdef"));
    }
}
