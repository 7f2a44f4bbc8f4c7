//! `crosscheck.toml`: the check's settings, read with serde from TOML.
//!
//! Every table denies unknown keys, so a misspelt knob is an error that names
//! the file, line and column of the key (exit status 2) instead of a setting
//! silently ignored. Paths in the file (lexicons, the baseline) are relative
//! to the file's folder.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};

/// The configuration file's name, looked for in the working folder and its parents.
pub const FILE_NAME: &str = "crosscheck.toml";

/// The whole file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// How records name their fields.
    #[serde(default)]
    pub input: InputSection,
    /// Near-duplicate settings (as `dedup`).
    #[serde(default)]
    pub dedup: DedupSection,
    /// Story settings (as `report`).
    #[serde(default)]
    pub report: ReportSection,
    /// Claim extraction settings.
    #[serde(default)]
    pub claims: ClaimsSection,
    /// What fails the check.
    #[serde(default)]
    pub check: CheckSection,
    /// Findings never reported.
    #[serde(default)]
    pub ignore: Vec<IgnoreRule>,
    /// The folder of the file (paths in it are relative to it).
    #[serde(skip)]
    pub dir: PathBuf,
    /// The file itself, when one was read.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// `[input]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputSection {
    /// Field with the id.
    pub id_field: Option<String>,
    /// Field with the body.
    pub text_field: Option<String>,
    /// Field with the headline.
    pub title_field: Option<String>,
    /// Field with the outlet.
    pub source_field: Option<String>,
    /// Field with the date.
    pub date_field: Option<String>,
    /// Field with the URL.
    pub url_field: Option<String>,
    /// Field with the language.
    pub lang_field: Option<String>,
    /// Largest article read.
    pub max_article_bytes: Option<usize>,
}

/// `[dedup]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DedupSection {
    /// Jaccard threshold.
    pub threshold: Option<f64>,
    /// Words per shingle.
    pub ngram: Option<usize>,
    /// MinHash permutations.
    pub num_perm: Option<usize>,
    /// LSH bands (with `rows`).
    pub bands: Option<usize>,
    /// LSH rows (with `bands`).
    pub rows: Option<usize>,
    /// Largest bucket expanded.
    pub max_bucket: Option<usize>,
    /// earliest, longest or first.
    pub keep: Option<String>,
}

/// `[report]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportSection {
    /// Days between dates in one story.
    pub window: Option<i64>,
    /// Least cosine similarity in a story.
    pub story_similarity: Option<f64>,
    /// Field used as the story id.
    pub group_by: Option<String>,
    /// Least confidence for a dispute to count.
    pub min_confidence: Option<f64>,
}

/// `[claims]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimsSection {
    /// id or en.
    pub lang: Option<String>,
    /// Extra lexicon files, relative to the configuration file.
    #[serde(default)]
    pub lexicons: Vec<PathBuf>,
}

/// `[check]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckSection {
    /// Finding kinds that fail the check.
    pub fail_on: Option<Vec<String>>,
    /// Findings below this severity are not reported.
    pub min_severity: Option<String>,
    /// Baseline file, relative to the configuration file.
    pub baseline: Option<PathBuf>,
    /// Independent sources each value of a conflict or update needs before
    /// the finding counts (see [`crate::provenance`]).
    pub min_independent_sources: Option<usize>,
}

/// `[[ignore]]`: a finding is ignored when it matches every key the rule gives.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IgnoreRule {
    /// A finding kind.
    pub kind: Option<String>,
    /// An article id (a glob: `kompas-*`); matches when any involved article does.
    pub article: Option<String>,
    /// An outlet (a glob, case-insensitive).
    pub source: Option<String>,
    /// A claim concept (`troops`, `deaths`).
    pub concept: Option<String>,
    /// A glob on the paths of the involved files (`archive/**`).
    pub path: Option<String>,
    /// Why (shown nowhere; for the reader of the file).
    pub reason: Option<String>,
}

impl FileConfig {
    /// Parses a configuration; errors name `path`, the line and column.
    pub fn parse(text: &str, path: &Path) -> Result<Self> {
        let mut cfg: FileConfig = toml::from_str(text).map_err(|e| {
            let (line, col) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
            Error::Usage(format!(
                "{}:{line}:{col}: {}",
                path.display(),
                e.message().trim_end_matches('.')
            ))
        })?;
        cfg.dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        cfg.path = Some(path.to_path_buf());
        Ok(cfg)
    }

    /// Reads the given file, or `crosscheck.toml` in the working folder or
    /// its nearest parent that has one, or the defaults.
    pub fn discover(given: Option<&Path>) -> Result<Self> {
        let path = match given {
            Some(p) => Some(p.to_path_buf()),
            None => {
                let cwd = std::env::current_dir().map_err(|e| Error::io(".", e))?;
                cwd.ancestors()
                    .map(|d| d.join(FILE_NAME))
                    .find(|p| p.is_file())
            }
        };
        match path {
            None => Ok(FileConfig {
                dir: PathBuf::from("."),
                ..FileConfig::default()
            }),
            Some(p) => {
                let text = std::fs::read_to_string(&p).map_err(|e| Error::io(&p, e))?;
                FileConfig::parse(&text, &p)
            }
        }
    }

    /// A path from the file, made relative to the file's folder.
    pub fn resolve(&self, p: &Path) -> PathBuf {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.dir.join(p)
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_names_its_line() {
        let text = "[dedup]\nthreshold = 0.9\n\n[check]\nfail_onn = [\"conflict\"]\n";
        let err = FileConfig::parse(text, Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.toml:5:1: "), "{err}");
        assert!(err.contains("fail_onn"), "{err}");
    }

    #[test]
    fn a_full_file_parses() {
        let text = r#"
[input]
id_field = "url"
[dedup]
threshold = 0.85
keep = "longest"
[report]
window = 5
[claims]
lang = "id"
lexicons = ["lex.tsv"]
[check]
fail_on = ["conflict"]
min_severity = "warning"
min_independent_sources = 2
[[ignore]]
concept = "troops"
reason = "known"
"#;
        let cfg = FileConfig::parse(text, Path::new("x/c.toml")).unwrap();
        assert_eq!(cfg.dedup.threshold, Some(0.85));
        assert_eq!(cfg.ignore.len(), 1);
        assert_eq!(cfg.check.min_independent_sources, Some(2));
        assert_eq!(cfg.resolve(Path::new("lex.tsv")), Path::new("x/lex.tsv"));
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncé d", 7), (2, 4));
    }
}
