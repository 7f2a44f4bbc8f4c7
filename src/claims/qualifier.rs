//! Qualifiers: the words before a number that turn it into a bound.
//!
//! Each phrase is a sequence of lower-cased tokens (a hyphen is its own
//! token, so `kira-kira` is `kira - kira`) mapped to a [`Qual`]. The
//! scanner tries the longest phrase first. Both languages' phrases are
//! always tried: Indonesian articles quote English and the phrases do not
//! collide.
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

#[rustfmt::skip]
const PHRASES: &[(&[&str], Qual)] = &[
    (&["setidaknya"], Qual::AtLeast), (&["sedikitnya"], Qual::AtLeast),
    (&["minimal"], Qual::AtLeast), (&["minimum"], Qual::AtLeast),
    (&["paling", "sedikit"], Qual::AtLeast), (&["sekurang", "-", "kurangnya"], Qual::AtLeast),
    (&["sekurangnya"], Qual::AtLeast),
    (&["tidak", "kurang", "dari"], Qual::AtLeast), (&["tak", "kurang", "dari"], Qual::AtLeast),
    (&["at", "least"], Qual::AtLeast), (&["no", "less", "than"], Qual::AtLeast),
    (&["not", "less", "than"], Qual::AtLeast), (&["a", "minimum", "of"], Qual::AtLeast),
    (&["no", "fewer", "than"], Qual::AtLeast),
    (&["lebih", "dari"], Qual::MoreThan), (&["lebih", "daripada"], Qual::MoreThan),
    (&["di", "atas"], Qual::MoreThan), (&["melebihi"], Qual::MoreThan),
    (&["melewati"], Qual::MoreThan), (&["lebih", "banyak", "dari"], Qual::MoreThan),
    (&["lebih", "mahal", "dari"], Qual::MoreThan), (&["lebih", "tinggi", "dari"], Qual::MoreThan),
    (&["more", "than"], Qual::MoreThan), (&["over"], Qual::MoreThan), (&["above"], Qual::MoreThan),
    (&["in", "excess", "of"], Qual::MoreThan), (&["upwards", "of"], Qual::MoreThan),
    (&["greater", "than"], Qual::MoreThan), (&["exceeding"], Qual::MoreThan),
    (&["kurang", "dari"], Qual::LessThan), (&["di", "bawah"], Qual::LessThan),
    (&["tidak", "sampai"], Qual::LessThan), (&["tak", "sampai"], Qual::LessThan),
    (&["lebih", "murah", "dari"], Qual::LessThan), (&["lebih", "rendah", "dari"], Qual::LessThan),
    (&["lebih", "sedikit", "dari"], Qual::LessThan),
    (&["less", "than"], Qual::LessThan), (&["fewer", "than"], Qual::LessThan),
    (&["under"], Qual::LessThan), (&["below"], Qual::LessThan), (&["lower", "than"], Qual::LessThan),
    (&["cheaper", "than"], Qual::LessThan),
    (&["hingga"], Qual::AtMost), (&["sampai"], Qual::AtMost), (&["sampai", "dengan"], Qual::AtMost),
    (&["maksimal"], Qual::AtMost), (&["maksimum"], Qual::AtMost), (&["paling", "banyak"], Qual::AtMost),
    (&["tidak", "lebih", "dari"], Qual::AtMost), (&["tak", "lebih", "dari"], Qual::AtMost),
    (&["up", "to"], Qual::AtMost), (&["as", "many", "as"], Qual::AtMost), (&["as", "much", "as"], Qual::AtMost),
    (&["at", "most"], Qual::AtMost), (&["no", "more", "than"], Qual::AtMost),
    (&["not", "more", "than"], Qual::AtMost), (&["a", "maximum", "of"], Qual::AtMost),
    (&["sekitar"], Qual::Approx), (&["sekira"], Qual::Approx), (&["kira", "-", "kira"], Qual::Approx),
    (&["kurang", "lebih"], Qual::Approx), (&["lebih", "kurang"], Qual::Approx),
    (&["lebih", "-", "kurang"], Qual::Approx), (&["kurang", "-", "lebih"], Qual::Approx),
    (&["diperkirakan"], Qual::Approx), (&["ditaksir"], Qual::Approx), (&["±"], Qual::Approx),
    (&["about"], Qual::Approx), (&["around"], Qual::Approx), (&["some"], Qual::Approx),
    (&["roughly"], Qual::Approx), (&["approximately"], Qual::Approx), (&["approx"], Qual::Approx),
    (&["approx", "."], Qual::Approx), (&["circa"], Qual::Approx), (&["an", "estimated"], Qual::Approx),
    (&["estimated"], Qual::Approx), (&["~"], Qual::Approx), (&["somewhere", "around"], Qual::Approx),
    (&["hampir"], Qual::Nearly), (&["nyaris"], Qual::Nearly), (&["mendekati"], Qual::Nearly),
    (&["nearly"], Qual::Nearly), (&["almost"], Qual::Nearly), (&["close", "to"], Qual::Nearly),
    (&["just", "under"], Qual::Nearly), (&["just", "shy", "of"], Qual::Nearly),
    (&["antara"], Qual::Between), (&["between"], Qual::Between),
    (&["dari"], Qual::From), (&["from"], Qual::From), (&["mulai", "dari"], Qual::From),
];

type Index = HashMap<&'static str, Vec<(&'static [&'static str], Qual)>, FxBuild>;

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m: Index = HashMap::default();
        for (p, q) in PHRASES {
            m.entry(p[0]).or_default().push((*p, *q));
        }
        m
    })
}

/// Longest qualifier phrase starting at token `i`: the qualifier and the
/// index after it.
pub(crate) fn match_at(t: &Tokens, i: usize) -> Option<(Qual, usize)> {
    let cands = index().get(t.low(i))?;
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
    PHRASES.iter().map(|(p, _)| p[0])
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
}

/// Words after a figure that make it a bound: `5 or more`, `10 orang atau lebih`, `usia 17 tahun ke
/// atas` (at least); `3 or fewer`, `atau kurang` (at most).
#[rustfmt::skip]
const TRAILING: &[(&str, Qual)] = &[
    ("or more", Qual::AtLeast), ("or higher", Qual::AtLeast), ("or above", Qual::AtLeast),
    ("or greater", Qual::AtLeast), ("or over", Qual::AtLeast), ("and above", Qual::AtLeast),
    ("and up", Qual::AtLeast), ("atau lebih", Qual::AtLeast), ("ke atas", Qual::AtLeast),
    ("or less", Qual::AtMost), ("or fewer", Qual::AtMost), ("or lower", Qual::AtMost),
    ("or below", Qual::AtMost), ("atau kurang", Qual::AtMost), ("ke bawah", Qual::AtMost),
];

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
        let found = TRAILING.iter().find(|(p, _)| {
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
