//! Concept lexicon: which counted nouns and predicates map to which
//! language-independent concept.
//!
//! The lexicon is data, not code: one tab-separated file per language in
//! `data/lexicon/`, embedded with `include_str!`, in the format
//! `lang<TAB>kind<TAB>surface<TAB>concept` (`#` starts a comment line).
//! `kind` is `noun` (what a number counts), `pred` (a role predicate that
//! decides the concept of a count of people, e.g. `tewas` in `8 orang
//! tewas`; which counts are of people is in `data/lexicon/roles.tsv`) or
//! `classifier` (a counter word such as `buah` that hands the count to the
//! next noun; its concept column is empty). User files in the same format
//! add or override entries through [`Lexicon::load_overrides`]; an entry
//! whose concept is `-` removes the surface.
//!
//! Surfaces are matched on lower-cased whole words; multi-word surfaces
//! (`duta besar`, `meninggal dunia`) are matched on consecutive words, at
//! most [`MAX_WORDS`] of them.

use super::fxhash::FxBuild;
use super::Lang;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Longest surface, in words, that the matcher looks for.
pub const MAX_WORDS: usize = 3;

/// Role of a lexicon entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A counted noun.
    Noun,
    /// A role predicate that decides the concept of a count of people.
    Pred,
    /// A counter word that passes the count to the next noun.
    Classifier,
}

/// Error while reading a lexicon file.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The file could not be read.
    #[error("cannot read lexicon {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A line is malformed.
    #[error("{path}:{line}: {message}")]
    Line {
        /// The file (`<builtin>` for embedded data).
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Noun and predicate concepts per language.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    id: Map,
    en: Map,
    /// First words of multi-word surfaces, per language.
    id_multi: HashSet<String, FxBuild>,
    en_multi: HashSet<String, FxBuild>,
}

type Map = HashMap<String, (EntryKind, String), FxBuild>;

const BUILTIN_ID: &str = include_str!("../../data/lexicon/id.tsv");
const BUILTIN_EN: &str = include_str!("../../data/lexicon/en.tsv");

impl Lexicon {
    /// The embedded Indonesian and English lexicons.
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon::default();
        for src in [BUILTIN_ID, BUILTIN_EN] {
            // The embedded files are tested to parse; a bad line is skipped.
            let _ = lex.load_str(src, Path::new("<builtin>"));
        }
        lex
    }

    /// Adds or overrides entries from a user file in the builtin format.
    pub fn load_overrides(&mut self, path: &Path) -> Result<(), LexiconError> {
        let src = std::fs::read_to_string(path).map_err(|source| LexiconError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.load_str(&src, path)
    }

    /// Parses `src` (named `path` in errors) into this lexicon. Lines parsed
    /// before a bad line are kept.
    pub fn load_str(&mut self, src: &str, path: &Path) -> Result<(), LexiconError> {
        for (n, line) in src.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let bad = |message: String| LexiconError::Line {
                path: path.to_path_buf(),
                line: n + 1,
                message,
            };
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 || cols.len() > 4 {
                return Err(bad(format!(
                    "expected 4 tab-separated columns (lang, kind, surface, concept), found {}",
                    cols.len()
                )));
            }
            let lang: Lang = cols[0].parse().map_err(|e| bad(format!("{e}")))?;
            let kind = match cols[1].trim() {
                "noun" => EntryKind::Noun,
                "pred" => EntryKind::Pred,
                "classifier" => EntryKind::Classifier,
                other => {
                    return Err(bad(format!(
                        "unknown kind `{other}`; expected noun, pred or classifier"
                    )))
                }
            };
            let surface = cols[2]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            if surface.is_empty() {
                return Err(bad("empty surface".to_string()));
            }
            if surface.split(' ').count() > MAX_WORDS {
                return Err(bad(format!("surface has more than {MAX_WORDS} words")));
            }
            let concept = cols.get(3).map(|c| c.trim()).unwrap_or("");
            if concept.is_empty() && kind != EntryKind::Classifier {
                return Err(bad("missing concept".to_string()));
            }
            if concept == "-" {
                self.map_mut(lang).remove(&surface);
                continue;
            }
            if let Some((first, _)) = surface.split_once(' ') {
                let first = first.to_string();
                match lang {
                    Lang::Id => self.id_multi.insert(first),
                    Lang::En => self.en_multi.insert(first),
                };
            }
            self.map_mut(lang)
                .insert(surface, (kind, concept.to_string()));
        }
        Ok(())
    }

    fn map_mut(&mut self, lang: Lang) -> &mut Map {
        match lang {
            Lang::Id => &mut self.id,
            Lang::En => &mut self.en,
        }
    }

    fn map(&self, lang: Lang) -> &Map {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }

    /// The concept of a noun or predicate surface (lower-cased, words
    /// separated by single spaces), if known.
    pub fn concept_of(&self, lang: Lang, word: &str) -> Option<&str> {
        let key = word
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        match self.map(lang).get(key.as_str()) {
            Some((EntryKind::Classifier, _)) | None => None,
            Some((_, c)) => Some(c.as_str()),
        }
    }

    /// The entry for a lower-cased surface.
    pub fn entry(&self, lang: Lang, lower: &str) -> Option<(EntryKind, &str)> {
        self.map(lang).get(lower).map(|(k, c)| (*k, c.as_str()))
    }

    /// Whether some multi-word surface starts with the word `lower`.
    pub fn starts_multi(&self, lang: Lang, lower: &str) -> bool {
        match lang {
            Lang::Id => self.id_multi.contains(lower),
            Lang::En => self.en_multi.contains(lower),
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.id.len() + self.en.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.id.is_empty() && self.en.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_files_parse_cleanly() {
        let mut lex = Lexicon::default();
        assert!(lex.load_str(BUILTIN_ID, Path::new("id")).is_ok());
        assert!(lex.load_str(BUILTIN_EN, Path::new("en")).is_ok());
        assert!(lex.len() > 200);
    }

    #[test]
    fn looks_up_concepts() {
        let lex = Lexicon::builtin();
        assert_eq!(lex.concept_of(Lang::Id, "tentara"), Some("troops"));
        assert_eq!(lex.concept_of(Lang::Id, "Duta Besar"), Some("ambassadors"));
        assert_eq!(lex.concept_of(Lang::En, "soldier"), Some("troops"));
        assert_eq!(lex.concept_of(Lang::Id, "buah"), None);
    }

    #[test]
    fn bad_line_reports_file_and_line() {
        let mut lex = Lexicon::default();
        let err = lex.load_str("# c\nid\tnoun\tkapal\n", Path::new("x.tsv"));
        let msg = err.map(|_| String::new()).unwrap_or_else(|e| e.to_string());
        assert!(msg.starts_with("x.tsv:2:"), "{msg}");
        let err = lex.load_str("xx\tnoun\ta\tb\n", Path::new("y.tsv"));
        assert!(err.is_err());
    }

    #[test]
    fn overrides_replace_and_remove() {
        let mut lex = Lexicon::builtin();
        assert!(lex
            .load_str(
                "id\tnoun\ttentara\tsoldiers\nid\tnoun\twarga\t-\n",
                Path::new("o")
            )
            .is_ok());
        assert_eq!(lex.concept_of(Lang::Id, "tentara"), Some("soldiers"));
        assert_eq!(lex.concept_of(Lang::Id, "warga"), None);
    }
}
