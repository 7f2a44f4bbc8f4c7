//! Language tag and a cheap detector.
//!
//! Detection is a stop-word vote over at most the first 64 KiB of words:
//! each language has twenty very frequent function words, and whichever
//! language gets more hits wins. Ties (including texts without any stop
//! word) go to Indonesian, the project's main language.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Article language; decides number locale and word lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Indonesian (`.` thousands, `,` decimal).
    Id,
    /// English (`,` thousands, `.` decimal).
    En,
}

/// Error for an unknown language tag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}`; expected one of: id, en")]
pub struct ParseLangError(pub String);

impl FromStr for Lang {
    type Err = ParseLangError;
    fn from_str(s: &str) -> Result<Lang, ParseLangError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" | "ind" | "in" | "indonesian" | "bahasa" | "id-id" => Ok(Lang::Id),
            "en" | "eng" | "english" | "en-us" | "en-gb" => Ok(Lang::En),
            _ => Err(ParseLangError(s.to_string())),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Lang::Id => "id",
            Lang::En => "en",
        })
    }
}

/// The words that vote for a language (`data/lexicon/lang.tsv`): Indonesian, English.
fn stop_words() -> &'static (Vec<&'static str>, Vec<&'static str>) {
    static WORDS: std::sync::OnceLock<(Vec<&'static str>, Vec<&'static str>)> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let (mut id, mut en) = (Vec::new(), Vec::new());
        for line in include_str!("../../data/lexicon/lang.tsv").lines() {
            match line.split_once('\t') {
                Some(("id", w)) => id.extend(w.split_whitespace()),
                Some(("en", w)) => en.extend(w.split_whitespace()),
                _ => {}
            }
        }
        (id, en)
    })
}

/// Guesses the language of `text` by a stop-word vote (ties: Indonesian).
pub fn detect_lang(text: &str) -> Lang {
    let mut end = text.len().min(65_536);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (mut id, mut en) = (0usize, 0usize);
    let (id_stop, en_stop) = stop_words();
    for w in text[..end].split(|c: char| !c.is_alphabetic()) {
        if w.is_empty() || w.len() > 8 {
            continue;
        }
        let lw = w.to_ascii_lowercase();
        if id_stop.contains(&lw.as_str()) {
            id += 1;
        } else if en_stop.contains(&lw.as_str()) {
            en += 1;
        }
    }
    if en > id {
        Lang::En
    } else {
        Lang::Id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_both() {
        assert_eq!(
            detect_lang("Rusia mengerahkan pasukan di perbatasan dan ini"),
            Lang::Id
        );
        assert_eq!(
            detect_lang("The troops were sent to the border of Ukraine"),
            Lang::En
        );
        assert_eq!(detect_lang(""), Lang::Id);
    }

    #[test]
    fn parses_and_displays() {
        assert_eq!("ENG".parse::<Lang>(), Ok(Lang::En));
        assert_eq!("ind".parse::<Lang>(), Ok(Lang::Id));
        assert!("fr".parse::<Lang>().is_err());
        assert_eq!(Lang::Id.to_string(), "id");
        assert_eq!(
            serde_json::to_string(&Lang::En).ok().as_deref(),
            Some("\"en\"")
        );
    }
}
