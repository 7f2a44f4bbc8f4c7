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

/// The value of an ordinal written in words, one or several
/// (`["twenty", "fifth"]` 25, `["one", "hundred", "and", "first"]` 101,
/// `["two", "hundredth"]` 200, `["twentyfifth"]` 25, `["kesepuluh"]` 10,
/// `["kedua", "puluh", "lima"]` 25): in English the cardinal before the last
/// word, then that word's ordinal, added or, for a scale word, multiplied;
/// in Indonesian `ke-` before the whole cardinal. Dashes between the words are left out by
/// the caller.
pub(crate) fn ordinal_words(lang: Lang, words: &[&str]) -> Option<f64> {
    if lang == Lang::Id && words.len() > 1 {
        // ke- before the whole cardinal: "kedua puluh lima" 25
        let card = format!("{} {}", words[0].strip_prefix("ke")?, words[1..].join(" "));
        let v = parse_number_words(&card, lang)?;
        return (v >= 1.0 && v.fract() == 0.0).then_some(v);
    }
    let (last, head) = words.split_last()?;
    let one = |w: &str| ordinal_word(lang, w).or_else(|| glued_ordinal(lang, w));
    // a scale word's ordinal: "hundredth" (a hundred alone is no cardinal)
    let scale = || parse_number_words(&format!("one {}", last.strip_suffix("th")?), lang);
    let v = one(last).or_else(scale)?;
    if head.is_empty() {
        return Some(v);
    }
    let head = head.join(" ");
    let head = head.strip_suffix(" and").unwrap_or(&head);
    let p = parse_number_words(head, lang)?;
    if p < 1.0 || p.fract() != 0.0 {
        return None;
    }
    if v >= 100.0 && (v.log10().fract() == 0.0) {
        return Some(p * v);
    }
    // "twenty fifth": the cardinal's last place must be free for the ordinal
    let place = if v < 10.0 {
        10.0
    } else if v < 100.0 {
        100.0
    } else {
        1000.0
    };
    (p % place == 0.0).then_some(p + v)
}

/// An ordinal of tens and units written solid: `twentyfifth` 25.
fn glued_ordinal(lang: Lang, w: &str) -> Option<f64> {
    if lang != Lang::En {
        return None;
    }
    w.char_indices().skip(1).find_map(|(i, _)| {
        let tens = parse_number_words(&w[..i], lang)?;
        let unit = ordinal_word(lang, &w[i..])?;
        ((20.0..100.0).contains(&tens) && tens % 10.0 == 0.0 && unit < 10.0).then_some(tens + unit)
    })
}

/// Reads a whole ordinal as written: `25th`, `1st`, `twenty-fifth`,
/// `thirty first`, `fortysecond`, `ketiga`, `Kesepuluh`, `ke-00003`, `ke-3`.
/// `None` unless the whole text is one ordinal.
pub fn parse_ordinal(s: &str, lang: Lang) -> Option<f64> {
    let low = s.trim().to_lowercase();
    // digits with a suffix: 25th, 1st; Indonesian ke-3, ke 3
    let digits = |d: &str| {
        (!d.is_empty() && d.len() <= 9 && d.bytes().all(|b| b.is_ascii_digit()))
            .then(|| d.parse::<f64>().ok())
            .flatten()
            .filter(|v| *v >= 1.0)
    };
    let suffixed = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suf| low.strip_suffix(suf).and_then(digits));
    if suffixed.is_some() {
        return suffixed;
    }
    if let Some(rest) = low.strip_prefix("ke") {
        let rest = rest.trim_start_matches(['-', ' ']);
        if let Some(v) = digits(rest) {
            return Some(v);
        }
    }
    let words: Vec<&str> = low
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2015}'))
        .filter(|w| !w.is_empty())
        .collect();
    ordinal_words(lang, &words)
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
    fn ordinals_of_several_words() {
        let en = |s: &str| parse_ordinal(s, Lang::En);
        assert_eq!(en("twenty-fifth"), Some(25.0));
        assert_eq!(en("twenty fifth"), Some(25.0));
        assert_eq!(en("twentyfifth"), Some(25.0));
        assert_eq!(en("thirty\u{2014}first"), Some(31.0));
        assert_eq!(en("one hundred and first"), Some(101.0));
        assert_eq!(en("two hundredth"), Some(200.0));
        assert_eq!(en("42nd"), Some(42.0));
        assert_eq!(en("twenty third"), Some(23.0));
        assert_eq!(en("five third"), None);
        assert_eq!(en("twenty"), None);
        let id = |s: &str| parse_ordinal(s, Lang::Id);
        assert_eq!(id("Kesepuluh"), Some(10.0));
        assert_eq!(id("ke-00003"), Some(3.0));
        assert_eq!(id("ke-40"), Some(40.0));
        assert_eq!(id("kedua puluh lima"), Some(25.0));
        assert_eq!(id("dua puluh"), None);
    }

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
