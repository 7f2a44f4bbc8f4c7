//! Property tests: number words round-trip, `extract` never panics and its
//! spans stay on char boundaries inside the text, whatever the text: news
//! soup, arbitrary characters, and numbers mixed with the characters that
//! trip byte offsets (combining marks, right-to-left text and marks,
//! zero-width and other format characters, emoji sequences, characters whose
//! lower case has another UTF-8 length, digits of other scripts).

use crosscheck::claims::{
    extract, extract_headline, parse_number_words, ExtractOptions, Kind, Lang, Lexicon,
};
use proptest::prelude::*;

const ID_UNITS: [&str; 10] = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
];
const EN_UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Indonesian words for 0..1000.
fn id_small(n: u64) -> Vec<String> {
    let mut out = Vec::new();
    let h = n / 100;
    let r = n % 100;
    match h {
        0 => {}
        1 => out.push("seratus".to_string()),
        _ => out.push(format!("{} ratus", ID_UNITS[h as usize])),
    }
    match r {
        0 => {}
        10 => out.push("sepuluh".into()),
        11 => out.push("sebelas".into()),
        12..=19 => out.push(format!("{} belas", ID_UNITS[(r - 10) as usize])),
        1..=9 => out.push(ID_UNITS[r as usize].into()),
        _ => {
            out.push(format!("{} puluh", ID_UNITS[(r / 10) as usize]));
            if r % 10 > 0 {
                out.push(ID_UNITS[(r % 10) as usize].into());
            }
        }
    }
    out
}

/// Renders `n` in Indonesian words (`seribu`, `seratus`, `sebelas` …).
fn id_words(n: u64) -> String {
    if n == 0 {
        return "nol".into();
    }
    let scales = [
        (1_000_000_000_000u64, "triliun"),
        (1_000_000_000, "miliar"),
        (1_000_000, "juta"),
        (1_000, "ribu"),
    ];
    let mut rest = n;
    let mut out = Vec::new();
    for (v, name) in scales {
        let q = rest / v;
        rest %= v;
        if q == 0 {
            continue;
        }
        if q == 1 && name == "ribu" {
            out.push("seribu".to_string());
        } else {
            out.extend(id_small(q));
            out.push(name.to_string());
        }
    }
    out.extend(id_small(rest));
    out.join(" ")
}

fn en_small(n: u64) -> Vec<String> {
    let mut out = Vec::new();
    let h = n / 100;
    let r = n % 100;
    if h > 0 {
        out.push(format!("{} hundred", EN_UNITS[h as usize]));
    }
    if r > 0 {
        if r < 20 {
            out.push(EN_UNITS[r as usize].into());
        } else if r % 10 == 0 {
            out.push(EN_TENS[(r / 10) as usize].into());
        } else {
            out.push(format!(
                "{}-{}",
                EN_TENS[(r / 10) as usize],
                EN_UNITS[(r % 10) as usize]
            ));
        }
    }
    out
}

/// Renders `n` in English words (short scale, hyphenated tens).
fn en_words(n: u64) -> String {
    if n == 0 {
        return "zero".into();
    }
    let scales = [
        (1_000_000_000_000u64, "trillion"),
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
    ];
    let mut rest = n;
    let mut out = Vec::new();
    for (v, name) in scales {
        let q = rest / v;
        rest %= v;
        if q > 0 {
            out.extend(en_small(q));
            out.push(name.to_string());
        }
    }
    out.extend(en_small(rest));
    out.join(" ")
}

fn lex() -> &'static Lexicon {
    static L: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    L.get_or_init(Lexicon::builtin)
}

fn value_via_extract(lang: Lang, s: &str) -> Option<f64> {
    let opts = ExtractOptions {
        lang: Some(lang),
        published: None,
        lexicon: lex(),
    };
    let claims = extract("p", s, &opts);
    let c = claims
        .iter()
        .find(|c| c.kind == Kind::Number && c.span == [0, s.len()])?;
    c.low.filter(|lo| Some(*lo) == c.high)
}

#[test]
fn renderers_spot_checks() {
    assert_eq!(id_words(1_118), "seribu seratus delapan belas");
    assert_eq!(id_words(23), "dua puluh tiga");
    assert_eq!(en_words(21_011), "twenty-one thousand eleven");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn indonesian_words_round_trip(n in 0u64..1_000_000_000_000) {
        let s = id_words(n);
        prop_assert_eq!(parse_number_words(&s, Lang::Id), Some(n as f64), "{}", s);
        prop_assert_eq!(value_via_extract(Lang::Id, &s), Some(n as f64), "{}", s);
    }

    #[test]
    fn english_words_round_trip(n in 0u64..1_000_000_000_000) {
        let s = en_words(n);
        prop_assert_eq!(parse_number_words(&s, Lang::En), Some(n as f64), "{}", s);
        prop_assert_eq!(value_via_extract(Lang::En, &s), Some(n as f64), "{}", s);
    }

    #[test]
    fn extract_never_panics_and_spans_are_sound(s in "\\PC{0,200}", en in any::<bool>()) {
        let lang = if en { Lang::En } else { Lang::Id };
        let opts = ExtractOptions { lang: Some(lang), published: chrono::NaiveDate::from_ymd_opt(2022, 1, 14), lexicon: lex() };
        for c in extract("p", &s, &opts) {
            prop_assert!(c.span[0] <= c.span[1] && c.span[1] <= s.len());
            prop_assert!(s.is_char_boundary(c.span[0]) && s.is_char_boundary(c.span[1]));
            prop_assert!(c.sentence_span[0] <= c.span[0] && c.span[1] <= c.sentence_span[1]);
            prop_assert_eq!(&s[c.span[0]..c.span[1]], c.text.as_str());
        }
    }

    #[test]
    fn extract_on_news_like_soup(parts in prop::collection::vec(prop::sample::select(vec![
        "100.000", "1,5", "juta", "Rp", "US$", "$", "-", "–", "/", "(", ")", "12/1", "13/1/2022", "09.00", ":",
        "WIB", "GMT", "lebih", "dari", "setidaknya", "puluhan", "ribu", "orang", "tewas", "luka", "-", "luka",
        "jam", "menit", "persen", "%", "km", "°C", "M", "4,8", "SR", "ke", "No.", "Pasal", "2014", "the", "at",
        "least", "more", "than", "hundreds", "of", "and", "a", "half", "hour", "½", "e", "x10", "±", "\u{a0}",
        "\r\n", "“", "”", "0-5", "GA", "716", "sejam", "Kamis", "Minggu", "17", "Desember", "pukul", "0812",
        "s.d.", "antara", "between", "dan", "to", "point", "koma", "lima", "twenty", "-an", "ish", "é", "😀",
    ]), 0..60), glue in prop::collection::vec(any::<bool>(), 60)) {
        let mut s = String::new();
        for (i, p) in parts.iter().enumerate() {
            if !glue[i % glue.len()] {
                s.push(' ');
            }
            s.push_str(p);
        }
        for lang in [Lang::Id, Lang::En] {
            let opts = ExtractOptions { lang: Some(lang), published: None, lexicon: lex() };
            for c in extract("p", &s, &opts) {
                prop_assert!(s.is_char_boundary(c.span[0]) && s.is_char_boundary(c.span[1]) && c.span[1] <= s.len());
                prop_assert!(c.low.is_none_or(f64::is_finite) && c.high.is_none_or(f64::is_finite));
            }
        }
    }
}

/// Pieces that trip code working in byte offsets, to mix with numbers.
const ODD: &[&str] = &[
    // combining marks (alone, and after letters and digits)
    "\u{301}",
    "\u{300}",
    "\u{308}",
    "\u{20e3}",
    "e\u{301}",
    "5\u{301}",
    "\u{fe0f}",
    "\u{e0100}",
    // zero-width and other format characters
    "\u{200b}",
    "\u{200c}",
    "\u{200d}",
    "\u{2060}",
    "\u{feff}",
    "\u{ad}",
    "\u{180e}",
    // bidirectional marks, embeddings and isolates; right-to-left text
    "\u{200e}",
    "\u{200f}",
    "\u{202a}",
    "\u{202b}",
    "\u{202c}",
    "\u{202e}",
    "\u{2066}",
    "\u{2067}",
    "\u{2069}",
    "\u{61c}",
    "שלום",
    "מאה",
    "مرحبا",
    "العربية",
    "قتيل",
    // digits of other scripts, separators, fractions, signs
    "١٢٣",
    "٤٫٥",
    "٬",
    "۱۲",
    "१२३",
    "１２",
    "０",
    "²",
    "³",
    "¹",
    "½",
    "⅓",
    "⅞",
    "−",
    "‰",
    "％",
    "€",
    "£",
    "¥",
    "₹",
    "Rp",
    "US$",
    "S$",
    "°",
    // lower case of another length (or several characters)
    "İ",
    "ẞ",
    "\u{212a}",
    "\u{212b}",
    "\u{2126}",
    "ﬁ",
    "ǅ",
    "Σ",
    "ς",
    "ΐ",
    "Ⱥ",
    "ȿ",
    // emoji: skin tone, ZWJ family, flag, keycap
    "😀",
    "👍🏽",
    "👨\u{200d}👩\u{200d}👧",
    "🇮🇩",
    "1\u{fe0f}\u{20e3}",
    "🔟",
    // spaces and line breaks
    "\u{a0}",
    "\u{202f}",
    "\u{2009}",
    "\u{3000}",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\r",
    "\n",
    "\t",
    "\r\n",
    // other scripts
    "中文",
    "한국어",
    "ไทย",
    "Ελλάδα",
];

const NEWS: &[&str] = &[
    "Rp",
    "US$",
    "juta",
    "miliar",
    "ribu",
    "persen",
    "%",
    "orang",
    "tewas",
    "luka",
    "rumah",
    "setidaknya",
    "lebih",
    "dari",
    "sekitar",
    "hingga",
    "pukul",
    "WIB",
    "jam",
    "km",
    "magnitudo",
    "at",
    "least",
    "more",
    "than",
    "about",
    "people",
    "killed",
    "million",
    "billion",
    "percent",
    "hours",
    "homes",
    "troops",
    "puluhan",
    "ratusan",
    "dozens",
    "hundreds",
    "Juni",
    "June",
    "Kamis",
    "-",
    "–",
    "/",
    ".",
    ",",
    ":",
    "(",
    ")",
    "tiga",
    "twenty-three",
    "satu",
    "setengah",
    // headline grammar and the roles of people
    "Man",
    "woman",
    "he",
    "she",
    "his",
    "wife",
    "children",
    "dead",
    "shot",
    "accidentally",
    "then",
    "himself",
    "and",
    "Third",
    "kills",
    "between",
];

/// A number as news prints it, in either locale.
fn news_number() -> impl Strategy<Value = String> {
    (any::<u32>(), 0usize..6).prop_map(|(n, style)| match style {
        0 => n.to_string(),
        1 => format!("{}.{:03}", n / 1000, n % 1000),
        2 => format!("{},{:03}", n / 1000, n % 1000),
        3 => format!("{},{}", n % 1000, n % 10),
        4 => format!("{}.{}", n % 100, n % 7),
        _ => format!("{:02}.{:02}", n % 24, n % 60),
    })
}

fn lex_opts(lang: Option<Lang>, dated: bool) -> ExtractOptions<'static> {
    ExtractOptions {
        lang,
        published: if dated {
            chrono::NaiveDate::from_ymd_opt(2025, 6, 18)
        } else {
            None
        },
        lexicon: lex(),
    }
}

/// The laws every claim of `text` obeys: its spans lie inside the text on
/// char boundaries and slice to its surface and sentence, its id names its
/// span, its bounds are finite and ordered, and claims come in text order
/// without overlapping.
fn spans_are_sound(text: &str, opts: &ExtractOptions) -> Result<(), TestCaseError> {
    claims_are_sound(text, &extract("p", text, opts), "p@")?;
    // The same text read as a headline (headline grammar, ids of their own).
    let head = extract_headline("p", text, opts);
    prop_assert!(head.iter().all(|c| c.headline));
    claims_are_sound(text, &head, "p@title:")
}

fn claims_are_sound(
    text: &str,
    claims: &[crosscheck::claims::Claim],
    id_prefix: &str,
) -> Result<(), TestCaseError> {
    let mut end = 0;
    for c in claims {
        let [a, b] = c.span;
        let [sa, sb] = c.sentence_span;
        prop_assert!(a < b && b <= text.len(), "span {:?} of {:?}", c.span, text);
        prop_assert!(
            text.is_char_boundary(a) && text.is_char_boundary(b),
            "span {:?} of {:?}",
            c.span,
            text
        );
        prop_assert!(
            sa <= a && b <= sb && sb <= text.len(),
            "sentence {:?} around {:?}",
            c.sentence_span,
            c.span
        );
        prop_assert!(text.is_char_boundary(sa) && text.is_char_boundary(sb));
        prop_assert_eq!(&text[a..b], c.text.as_str());
        prop_assert_eq!(&text[sa..sb], c.sentence.as_str());
        prop_assert_eq!(&c.id, &format!("{id_prefix}{a}-{b}"));
        prop_assert!(
            a >= end,
            "claims overlap or go back: {:?}",
            claims.iter().map(|c| c.span).collect::<Vec<_>>()
        );
        end = b;
        prop_assert!(c.low.is_none_or(f64::is_finite) && c.high.is_none_or(f64::is_finite));
        if let (Some(lo), Some(hi)) = (c.low, c.high) {
            prop_assert!(lo <= hi, "{} gives [{}, {}]", c.text, lo, hi);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, .. ProptestConfig::default() })]

    /// Numbers and news words glued to, or spaced from, the odd characters,
    /// in Indonesian, English and detected, with and without a date.
    #[test]
    fn extract_is_sound_around_odd_unicode(
        parts in prop::collection::vec(prop_oneof![
            3 => prop::sample::select(ODD).prop_map(str::to_string),
            3 => news_number(),
            2 => prop::sample::select(NEWS).prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
        ], 0..50),
        glue in prop::collection::vec(any::<bool>(), 50),
        lang in prop::sample::select(vec![Some(Lang::Id), Some(Lang::En), None]),
        dated in any::<bool>(),
    ) {
        let mut s = String::new();
        for (i, p) in parts.iter().enumerate() {
            if !glue[i] {
                s.push(' ');
            }
            s.push_str(p);
        }
        spans_are_sound(&s, &lex_opts(lang, dated))?;
    }

    /// Any characters at all, control and format characters included.
    #[test]
    fn extract_is_sound_on_any_characters(
        chars in prop::collection::vec(any::<char>(), 0..200),
        lang in prop::sample::select(vec![Some(Lang::Id), Some(Lang::En), None]),
    ) {
        let s: String = chars.into_iter().collect();
        spans_are_sound(&s, &lex_opts(lang, true))?;
    }
}
