//! Qualifiers: the words before a number that turn it into a bound.
//!
//! The phrases are data (`data/lexicon/qualifiers.tsv`): each a sequence of
//! lower-cased tokens (a hyphen is its own token, so `kira-kira` is
//! `kira - kira`) mapped to a [`Qual`]. The scanner tries the longest phrase
//! first. Both languages' phrases are always tried: Indonesian articles quote
//! English and the phrases do not collide.
//!
//! Interval conventions (see `docs/claims.md`): `at_least` [x, ∞),
//! `more_than` (x, ∞), `less_than` [0, x), `at_most` [0, x], `approx`
//! [x, x] with `approx = true`, `nearly` [0.9·x, x) with `approx = true`.

use super::fxhash::FxBuild;
use super::token::Tokens;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A qualifier before a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Qual {
    AtLeast,
    MoreThan,
    LessThan,
    AtMost,
    Approx,
    Nearly,
    /// `antara`/`between`: a range follows, joined by `dan`/`and`/`hingga`.
    Between,
    /// `dari`/`from`: a range follows only if `hingga`/`to` comes.
    From,
}

/// The qualifier lists (`data/lexicon/qualifiers.tsv`): phrases before a number, and words after a
/// figure.
struct Lists {
    /// Phrases before a number, by their first token.
    before: Index,
    /// Every phrase's first token, in the file's order.
    first: Vec<&'static str>,
    /// Words after a figure, longest first.
    after: Vec<(&'static str, Qual)>,
}

type Index = HashMap<&'static str, Vec<(Vec<&'static str>, Qual)>, FxBuild>;

fn parse_qual(name: &str) -> Option<Qual> {
    Some(match name {
        "at_least" => Qual::AtLeast,
        "more_than" => Qual::MoreThan,
        "less_than" => Qual::LessThan,
        "at_most" => Qual::AtMost,
        "approx" => Qual::Approx,
        "nearly" => Qual::Nearly,
        "between" => Qual::Between,
        "from" => Qual::From,
        _ => return None,
    })
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut l = Lists {
            before: HashMap::default(),
            first: Vec::new(),
            after: Vec::new(),
        };
        let text = include_str!("../../data/lexicon/qualifiers.tsv");
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&'static str> = line.split('\t').collect();
            let (place, phrase, qual) = match cols.as_slice() {
                [p, w, q] => (*p, *w, parse_qual(q)),
                _ => (line, "", None),
            };
            let qual = qual.unwrap_or_else(|| {
                panic!(
                    "data/lexicon/qualifiers.tsv:{}: expected place, phrase, qualifier",
                    n + 1
                )
            });
            match place {
                "before" => {
                    let words: Vec<&'static str> = phrase.split(' ').collect();
                    l.first.push(words[0]);
                    l.before.entry(words[0]).or_default().push((words, qual));
                }
                "after" => l.after.push((phrase, qual)),
                _ => panic!(
                    "data/lexicon/qualifiers.tsv:{}: unknown place {place:?}",
                    n + 1
                ),
            }
        }
        l.after.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        l
    })
}

/// Longest qualifier phrase starting at token `i`: the qualifier and the
/// index after it.
pub(crate) fn match_at(t: &Tokens, i: usize) -> Option<(Qual, usize)> {
    let cands = lists().before.get(t.low(i))?;
    let mut best: Option<(Qual, usize)> = None;
    for (p, q) in cands {
        if p.iter().enumerate().all(|(k, w)| t.low(i + k) == *w)
            && best.is_none_or(|(_, n)| p.len() > n - i)
        {
            best = Some((*q, i + p.len()));
        }
    }
    best
}

/// Every word that can start a qualifier phrase.
pub(crate) fn first_words() -> impl Iterator<Item = &'static str> {
    lists().first.iter().copied()
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn q(s: &str) -> Option<(Qual, usize)> {
        let mut t = Tokens::default();
        tokenize(s, 0, s.len(), &mut t);
        match_at(&t, 0)
    }

    #[test]
    fn longest_wins() {
        assert_eq!(q("lebih dari 5"), Some((Qual::MoreThan, 2)));
        assert_eq!(q("kurang lebih 5"), Some((Qual::Approx, 2)));
        assert_eq!(q("kurang dari 5"), Some((Qual::LessThan, 2)));
        assert_eq!(q("kira-kira 5"), Some((Qual::Approx, 3)));
        assert_eq!(q("sampai dengan 5"), Some((Qual::AtMost, 2)));
        assert_eq!(q("rumah 5"), None);
    }

    #[test]
    fn every_phrase_is_written_as_the_tokenizer_reads_it() {
        // A phrase in the data file that the tokenizer splits otherwise would never match.
        for cands in lists().before.values() {
            for (words, qual) in cands {
                let text = format!("{} 5", words.join(" "));
                assert_eq!(q(&text), Some((*qual, words.len())), "{text:?}");
            }
        }
        assert!(lists().after.len() >= 10);
    }
}

/// Turns point figures followed by a trailing bound (`magnitude 5 or more`) into that bound, and
/// takes the words into the mention.
pub(crate) fn trailing_bounds(text: &str, claims: &mut [super::Claim]) {
    use super::Kind;
    for c in claims.iter_mut() {
        let point = c.low.is_some() && c.low == c.high && c.qualifier.is_none();
        if !point || matches!(c.kind, Kind::Date | Kind::Time) {
            continue;
        }
        let [start, end] = c.span;
        let Some(after) = text.get(end..) else {
            continue;
        };
        let rest = after.trim_start_matches([' ', '\u{a0}']);
        let skipped = after.len() - rest.len();
        if skipped == 0 {
            continue;
        }
        // Words after a figure that make it a bound: `5 or more`, `10 orang atau lebih`, `usia 17
        // tahun ke atas` (at least); `3 or fewer`, `atau kurang` (at most).
        let found = lists().after.iter().find(|(p, _)| {
            rest.get(..p.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(p))
                && !rest[p.len()..].starts_with(|ch: char| ch.is_alphanumeric())
        });
        let Some(&(phrase, qual)) = found else {
            continue;
        };
        let new_end = end + skipped + phrase.len();
        if new_end > c.sentence_span[1] {
            continue;
        }
        match qual {
            Qual::AtLeast => {
                c.high = None;
                c.low_inclusive = true;
                c.qualifier = Some("at_least".into());
            }
            _ => {
                c.low = Some(0.0);
                c.high_inclusive = true;
                c.qualifier = Some("at_most".into());
            }
        }
        c.span = [start, new_end];
        c.text = text[start..new_end].to_string();
        c.id = format!("{}@{start}-{new_end}", c.doc);
    }
}

#[cfg(test)]
mod trailing_tests {
    use crate::claims::{extract, ExtractOptions, Lang, Lexicon};

    fn bounds(lang: Lang, text: &str) -> Vec<(String, Option<f64>, Option<f64>)> {
        let lex = Lexicon::builtin();
        let opts = ExtractOptions {
            lang: Some(lang),
            published: None,
            lexicon: &lex,
        };
        extract("t", text, &opts)
            .into_iter()
            .map(|c| (c.text, c.low, c.high))
            .collect()
    }

    #[test]
    fn a_trailing_or_more_makes_a_lower_bound() {
        assert_eq!(
            bounds(Lang::En, "Aftershocks of magnitude 5 or more are expected."),
            [("magnitude 5 or more".to_string(), Some(5.0), None)]
        );
        assert_eq!(
            bounds(Lang::Id, "Sebanyak 10 orang atau lebih tewas."),
            [("10 orang atau lebih".to_string(), Some(10.0), None)]
        );
        assert_eq!(
            bounds(Lang::En, "Groups of 3 or fewer may enter."),
            [("3 or fewer".to_string(), Some(0.0), Some(3.0))]
        );
        // Not a bound: "or" followed by another word.
        assert_eq!(
            bounds(Lang::En, "It took 5 or moreover 6 hours."),
            bounds(Lang::En, "It took 5 or moreover 6 hours.")
                .into_iter()
                .filter(|(t, _, _)| !t.contains("or more"))
                .collect::<Vec<_>>()
        );
    }
}
