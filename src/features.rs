//! Content features of text: the words and numbers that say what a text is about.
//!
//! Stories and claim contexts are compared on content, not on wording. A
//! feature is a normalised word (NFKC, lower case) that is not a function
//! word of Indonesian or English (`data/stopwords/`), at least three letters
//! long, or a number of two digits or more with its separators dropped
//! (`100.000` and `100,000` both give `#100000`). A word written with a
//! capital inside a sentence is taken as a name and weighs double.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::normalize::normalise_word;

/// The function words of both languages.
pub fn stopwords() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        [
            include_str!("../data/stopwords/id.txt"),
            include_str!("../data/stopwords/en.txt"),
        ]
        .iter()
        .flat_map(|f| f.lines())
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(str::to_string)
        .collect()
    })
}

/// A content feature found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// Normalised form (`moskow`, `#100000`).
    pub key: String,
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// Written with a capital inside a sentence.
    pub name: bool,
    /// A number.
    pub number: bool,
}

/// The content features of `text[range]`, in text order.
pub fn features(text: &str, range: std::ops::Range<usize>, out: &mut Vec<Feature>) {
    let stop = stopwords();
    let s = &text[range.clone()];
    let mut chars = s.char_indices().peekable();
    let mut sentence_start = true;
    while let Some((i, c)) = chars.next() {
        if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let word = &s[i..end];
            let was_start = sentence_start;
            sentence_start = false;
            if word.chars().count() < 3 {
                continue;
            }
            let key = normalise_word(word);
            if stop.contains(&key) {
                continue;
            }
            let name = !was_start && c.is_uppercase();
            out.push(Feature {
                key,
                start: range.start + i,
                end: range.start + end,
                name,
                number: false,
            });
        } else if c.is_ascii_digit() {
            let mut end = i + 1;
            let mut digits = String::from(c);
            while let Some(&(j, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    digits.push(d);
                    end = j + 1;
                    chars.next();
                } else if (d == '.' || d == ',')
                    && s[j + 1..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_ascii_digit())
                {
                    chars.next();
                } else {
                    break;
                }
            }
            sentence_start = false;
            if digits.len() >= 2 {
                out.push(Feature {
                    key: format!("#{digits}"),
                    start: range.start + i,
                    end: range.start + end,
                    name: false,
                    number: true,
                });
            }
        } else if matches!(c, '.' | '!' | '?' | '\n' | '"' | '“' | '”' | ':') {
            sentence_start = true;
        }
    }
}

/// Word groups that report the same thing (`data/synonyms.txt`).
fn synonym_group(word: &str) -> Option<usize> {
    static GROUPS: OnceLock<std::collections::HashMap<String, usize>> = OnceLock::new();
    GROUPS
        .get_or_init(|| {
            include_str!("../data/synonyms.txt")
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .enumerate()
                .flat_map(|(g, l)| l.split_whitespace().map(move |w| (w.to_string(), g)))
                .collect()
        })
        .get(word)
        .copied()
}

/// Whether two different words report the same thing (`killed`/`tewas`, `deal`/`takeover`).
pub fn synonyms(a: &str, b: &str) -> bool {
    matches!((synonym_group(a), synonym_group(b)), (Some(x), Some(y)) if x == y)
}

/// Whether two feature keys name the same thing: equal, or long words
/// spelled alike (`moskwa`/`moskow`, `kulba`/`kuleba`, Jaro-Winkler ≥ 0.9).
pub fn same_term(a: &str, b: &str) -> bool {
    a == b
        || (a.len() >= 5
            && b.len() >= 5
            && !a.starts_with('#')
            && !b.starts_with('#')
            && a.as_bytes()[0] == b.as_bytes()[0]
            && strsim::jaro_winkler(a, b) >= 0.9)
}

/// Whether two words of six letters or more are one word spelt two ways: one letter changed, added
/// or dropped (`sertipikat` and `sertifikat`, `pebalap` and `pembalap`). Stricter than [`same_term`],
/// for the nouns figures count, where a near word is often another thing (`siswa` and `siswi`).
pub fn one_letter_apart(x: &str, y: &str) -> bool {
    // Compared as bytes, without allocating on this hot path: for words with letters outside
    // ASCII that can only find fewer variants.
    let (x, y) = (x.as_bytes(), y.as_bytes());
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    if short.len() < 6 || long.len() - short.len() > 1 {
        return false;
    }
    let head = short.iter().zip(long).take_while(|(p, q)| p == q).count();
    if head == short.len() {
        return true;
    }
    if short.len() == long.len() {
        short[head + 1..] == long[head + 1..]
    } else {
        short[head..] == long[head + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(t: &str) -> Vec<String> {
        let mut out = Vec::new();
        features(t, 0..t.len(), &mut out);
        out.iter()
            .map(|f| format!("{}{}", f.key, if f.name { "*" } else { "" }))
            .collect()
    }

    #[test]
    fn content_words_names_and_numbers() {
        assert_eq!(
            keys("Rusia telah mengerahkan setidaknya 100.000 tentara di dekat Ukraina."),
            [
                "rusia",
                "mengerahkan",
                "setidaknya",
                "#100000",
                "tentara",
                "dekat",
                "ukraina*"
            ]
        );
        assert_eq!(keys("More than 1,800 US soldiers."), ["#1800", "soldiers"]);
    }

    #[test]
    fn spelling_variants() {
        assert!(same_term("moskwa", "moskow"));
        assert!(same_term("kulba", "kuleba"));
        assert!(!same_term("rusia", "russia") || strsim::jaro_winkler("rusia", "russia") >= 0.9);
        assert!(!same_term("#100", "#1000"));
        assert!(!same_term("jenewa", "brussels"));
        assert!(synonyms("tewas", "killed"));
        assert!(synonyms("takeover", "deal"));
        assert!(!synonyms("tewas", "injured"));
        assert!(one_letter_apart("sertipikat", "sertifikat"));
        assert!(one_letter_apart("pebalap", "pembalap"));
        assert!(!one_letter_apart("siswa", "siswi"));
        assert!(!one_letter_apart("pelajar", "pengajar"));
    }
}
