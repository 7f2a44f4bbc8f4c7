//! Words of the score, rank, ordinal and level kinds (`data/lexicon/kinds.tsv`)
//! and the ordinal rules of both languages.
//!
//! Indonesian ordinals are `ke-` and a cardinal word (`ketiga`, `kesebelas`,
//! `ke-40`), with `pertama` apart; English ordinals are a cardinal and `-th`
//! (`fourth`, `eleventh`), `-ieth` for a `-y` ten (`twentieth`), or digits
//! and a suffix (`40th`), with `first`, `second`, `third`, `fifth`,
//! `eighth`, `ninth`, `twelfth` apart.

use super::fxhash::FxBuild;
use super::number::parse_number_words;
use super::Lang;
use std::collections::HashMap;
use std::sync::OnceLock;

const KINDS: &str = include_str!("../../data/lexicon/kinds.tsv");

/// kind -> per language slot (`[id, en]`) -> word -> value (0 when the file
/// gives none).
type Words = HashMap<&'static str, [HashMap<&'static str, f64, FxBuild>; 2], FxBuild>;

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        let mut m = Words::default();
        for line in KINDS.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&'static str> = line.split('\t').collect();
            let (Some(lang), Some(kind), Some(word)) = (cols.first(), cols.get(1), cols.get(2))
            else {
                continue;
            };
            let value = cols.get(3).and_then(|v| v.parse().ok()).unwrap_or(0.0);
            let slots: &[usize] = match *lang {
                "id" => &[0],
                "en" => &[1],
                _ => &[0, 1],
            };
            let entry = m.entry(*kind).or_default();
            for &l in slots {
                entry[l].insert(*word, value);
            }
        }
        m
    })
}

fn get(kind: &str, lang: Lang, word: &str) -> Option<f64> {
    let l = match lang {
        Lang::Id => 0,
        Lang::En => 1,
    };
    words().get(kind)?[l].get(word).copied()
}

/// Whether `word` is of `kind` in `lang` (`rank`, `place`, `ordnoun`,
/// `scheme`, `versus`).
pub(crate) fn is(kind: &str, lang: Lang, word: &str) -> bool {
    get(kind, lang, word).is_some()
}

/// Words at which a level or an ordinal may start: scale words, `status`,
/// nouns of repeated events and `kalinya`, in either language.
pub(crate) fn starters() -> impl Iterator<Item = &'static str> {
    ["scheme", "ordnoun", "rank"]
        .into_iter()
        .filter_map(|k| words().get(k))
        .flat_map(|s| s.iter().flat_map(|m| m.keys().copied()))
        .chain(["status", "kalinya"])
}

/// Whether a word is one of [`starters`].
pub(crate) fn is_starter(word: &str) -> bool {
    matches!(word, "status" | "kalinya")
        || ["scheme", "ordnoun", "rank"]
            .into_iter()
            .filter_map(|k| words().get(k))
            .any(|s| s.iter().any(|m| m.contains_key(word)))
}

/// A named level after `status` (`awas` -> 4).
pub(crate) fn named_level(lang: Lang, word: &str) -> Option<f64> {
    get("named", lang, word)
}

/// The value of an ordinal word (`ketiga` 3, `kesebelas` 11, `fourth` 4,
/// `twentieth` 20, `third` 3).
pub(crate) fn ordinal_word(lang: Lang, word: &str) -> Option<f64> {
    if let Some(v) = get("ordinal", lang, word) {
        return Some(v);
    }
    let v = match lang {
        Lang::Id => parse_number_words(word.strip_prefix("ke")?, lang)?,
        Lang::En => {
            let stem = word.strip_suffix("th")?;
            let card = match stem.strip_suffix("ie") {
                Some(ten) => format!("{ten}y"),
                None => stem.to_string(),
            };
            parse_number_words(&card, lang)?
        }
    };
    (v >= 1.0 && v.fract() == 0.0).then_some(v)
}

/// A Roman numeral from I to XX (`II` 2, `IV` 4), upper case only.
pub(crate) fn roman(s: &str) -> Option<f64> {
    if s.is_empty() || s.len() > 5 || !s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) {
        return None;
    }
    let val = |b: u8| match b {
        b'I' => 1,
        b'V' => 5,
        _ => 10,
    };
    let b = s.as_bytes();
    let mut total = 0i32;
    for (i, &c) in b.iter().enumerate() {
        let v = val(c);
        if b.get(i + 1).is_some_and(|&n| val(n) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    (1..=20).contains(&total).then_some(f64::from(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_from_the_grammar() {
        assert_eq!(ordinal_word(Lang::Id, "ketiga"), Some(3.0));
        assert_eq!(ordinal_word(Lang::Id, "kesebelas"), Some(11.0));
        assert_eq!(ordinal_word(Lang::Id, "pertama"), Some(1.0));
        assert_eq!(ordinal_word(Lang::Id, "kemarin"), None);
        assert_eq!(ordinal_word(Lang::En, "fourth"), Some(4.0));
        assert_eq!(ordinal_word(Lang::En, "twentieth"), Some(20.0));
        assert_eq!(ordinal_word(Lang::En, "third"), Some(3.0));
        assert_eq!(ordinal_word(Lang::En, "month"), None);
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman("II"), Some(2.0));
        assert_eq!(roman("IV"), Some(4.0));
        assert_eq!(roman("XIX"), Some(19.0));
        assert_eq!(roman("I"), Some(1.0));
        assert_eq!(roman("Ii"), None);
    }

    #[test]
    fn word_kinds() {
        assert!(is("rank", Lang::Id, "peringkat") && is("scheme", Lang::Id, "siaga"));
        assert!(is("versus", Lang::En, "vs") && !is("versus", Lang::En, "melawan"));
        assert_eq!(named_level(Lang::Id, "awas"), Some(4.0));
    }
}
