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
