//! Numeric claims: find the numbers an article states, with what they count
//! and how sure the article is about them.
//!
//! Pipeline, per article:
//! 1. [`split_sentences`] cuts the text into sentences (byte ranges);
//! 2. the tokeniser turns a sentence into words, digit runs and
//!    punctuation with byte offsets (`token`);
//! 3. the scanner (`scan`) walks the tokens once, left to right; at each
//!    token it tries, in order, a date or clock time (`datetime`), then a
//!    quantity: optional qualifier (`qualifier`), optional currency sign,
//!    a number (`number`, `words_id`, `words_en`), an optional range end, a
//!    unit (`units`) or a counted noun whose concept comes from the lexicon
//!    (`lexicon`). Every step looks at a bounded number of tokens, so the
//!    whole scan is linear in the text length.
//!
//! Decisions worth knowing (details in `docs/claims.md`):
//! - extraction reports what the text states; it does not widen intervals
//!   for rounding. A bare number is `[n, n]` with its stated `precision`;
//!   tolerance is the comparer's business;
//! - years, dates, times, identifiers, ordinals, phone numbers, URLs and
//!   sports scores never become `count` or `number` claims;
//! - spans always index the original text, so callers can highlight them.

mod datetime;
mod fxhash;
mod kinds;
pub mod lang;
pub mod lexicon;
pub mod number;
mod qualifier;
mod roles;
mod scan;
pub mod sentence;
mod token;
mod units;
mod words_en;
mod words_id;

pub use kinds::parse_ordinal;
pub use lang::{detect_lang, Lang, ParseLangError};
pub use lexicon::{Lexicon, LexiconError};
pub use number::parse_number_words;
pub(crate) use roles::is_person_concept;
pub use sentence::split_sentences;

use serde::{Deserialize, Serialize};

/// What kind of quantity a claim states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A number with a counted noun (`57 anggota`).
    Count,
    /// A bare number.
    Number,
    /// A length of time, in seconds.
    Duration,
    /// An amount of money, in the currency given by `unit`.
    Money,
    /// A percentage.
    Percent,
    /// A physical measure in SI units.
    Measure,
    /// An earthquake magnitude.
    Magnitude,
    /// A calendar date (or a year).
    Date,
    /// A clock time.
    Time,
    /// A match result: `low = high = 1000 · winner + loser` (the comparison
    /// key), `stated.low`/`stated.high` the two scores in the order written,
    /// `noun` the two sides when named (`Jepang vs Indonesia 6-0`).
    Score,
    /// A position in a ranking (`peringkat ke-40`, `6th place`).
    Rank,
    /// The nth occurrence of an event (`kali ketiga`, `the third time`);
    /// `noun` names the event unit (`kali`, `time`, `hari`).
    Ordinal,
    /// A level on an alert or grade scale (`Level II`, `Siaga I`, `status
    /// Awas`); `noun_base` names the scale.
    Level,
}

/// The quantity as written, before normalisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stated {
    /// Lower value as written (`8` in `8 jam`), `None` if unbounded.
    pub low: Option<f64>,
    /// Upper value as written.
    pub high: Option<f64>,
    /// Unit as written (`jam`, `Rp`, `km`), if any.
    pub unit: Option<String>,
}

/// One numeric mention in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// `{doc}@{start}-{end}` of the span: stable across runs.
    pub id: String,
    /// Document id given to [`extract`].
    pub doc: String,
    /// Text of the sentence containing the mention.
    pub sentence: String,
    /// Byte range of the sentence in the article text.
    pub sentence_span: [usize; 2],
    /// Byte range of the mention in the article text.
    pub span: [usize; 2],
    /// The mention's surface, qualifier and noun included.
    pub text: String,
    /// Kind of quantity.
    pub kind: Kind,
    /// Language-independent concept of what is counted (`troops`).
    pub concept: Option<String>,
    /// Counted noun as written (`pasukannya`).
    pub noun: Option<String>,
    /// Counted noun's base form (`pasukan`).
    pub noun_base: Option<String>,
    /// Lower bound in base units; `None` = unbounded.
    pub low: Option<f64>,
    /// Upper bound in base units; `None` = unbounded.
    pub high: Option<f64>,
    /// Whether `low` itself is included.
    pub low_inclusive: bool,
    /// Whether `high` itself is included.
    pub high_inclusive: bool,
    /// The text marks the value as approximate (or vague).
    pub approx: bool,
    /// Canonical qualifier: at_least, more_than, less_than, at_most, approx,
    /// nearly, range, vague.
    pub qualifier: Option<String>,
    /// Base unit: `s`, ISO 4217 code, `%`, SI unit; `None` for counts.
    pub unit: Option<String>,
    /// Stated precision in base units (see `number` docs).
    pub precision: Option<f64>,
    /// The quantity as written.
    pub stated: Stated,
    /// Dates: ISO `2022-01-13`, `2022-01`, `2022`, `--12-17`; times `09:00`.
    pub date: Option<String>,
    /// Time zone given with a time (`WIB`, `GMT`).
    pub tz: Option<String>,
    /// Language the mention was read in.
    pub lang: Lang,
    /// What it measures, of whom, when, and who says so: filled by the fact-key step
    /// ([`crate::reconcile::facts`]) after extraction; empty from [`extract`] alone.
    #[serde(default)]
    pub fact: crate::reconcile::facts::FactKey,
    /// The mention is in the article's headline (its `title`), not its text: `span` and
    /// `sentence_span` are byte ranges of the headline, and the id is `{doc}@title:{start}-{end}`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub headline: bool,
}

impl Claim {
    /// The significant digits the figure states: its value's leading digit down to its precision
    /// (`52,9` three, `950` two, `7.000` one); 0 for a range or a figure with no precision.
    pub fn significant_digits(&self) -> i32 {
        match (self.low, self.high, self.precision) {
            (Some(l), Some(h), Some(p)) if l == h && l != 0.0 && p > 0.0 => {
                (l.abs().log10().floor() - p.log10().round()) as i32 + 1
            }
            _ => 0,
        }
    }
}

/// Options for [`extract`].
#[derive(Debug, Clone, Copy)]
pub struct ExtractOptions<'a> {
    /// Language; `None` = detect from the text.
    pub lang: Option<Lang>,
    /// Publication date, to resolve weekdays and day-month dates.
    pub published: Option<chrono::NaiveDate>,
    /// Concept lexicon.
    pub lexicon: &'a Lexicon,
}

/// Extracts numeric claims from `text` (the original article text).
///
/// Never panics; runs in time linear in `text.len()`. Claims come in text
/// order and never overlap.
///
/// ```
/// use crosscheck::claims::{extract, ExtractOptions, Kind, Lang, Lexicon};
/// let lex = Lexicon::builtin();
/// let opts = ExtractOptions { lang: Some(Lang::Id), published: None, lexicon: &lex };
/// let claims = extract("a", "Rusia mengerahkan setidaknya 100.000 tentara.", &opts);
/// assert_eq!(claims[0].kind, Kind::Count);
/// assert_eq!(claims[0].low, Some(100_000.0));
/// assert_eq!(claims[0].high, None);
/// assert_eq!(claims[0].concept.as_deref(), Some("troops"));
/// ```
pub fn extract(doc: &str, text: &str, opts: &ExtractOptions) -> Vec<Claim> {
    scan_text(doc, text, opts, false, scan::Counted::default()).0
}

/// The claims of an article's text and, after them, of its headline ([`extract_headline`]). The
/// headline is read first: a person the text names after a headline's count (`3 killed in
/// shooting` … `he was pronounced dead`) is one of those counted, not a count of one.
pub fn extract_article(
    doc: &str,
    text: &str,
    headline: Option<&str>,
    opts: &ExtractOptions,
) -> Vec<Claim> {
    let (mut head, counted) = match headline {
        Some(h) => headline_claims(doc, h, opts),
        None => (Vec::new(), scan::Counted::default()),
    };
    let mut out = scan_text(doc, text, opts, false, counted).0;
    out.append(&mut head);
    out
}

fn scan_text(
    doc: &str,
    text: &str,
    opts: &ExtractOptions,
    headline: bool,
    counted: scan::Counted,
) -> (Vec<Claim>, scan::Counted) {
    let lang = opts.lang.unwrap_or_else(|| detect_lang(text));
    let mut out = Vec::new();
    let mut scanner = scan::Scanner::new(text, lang, opts).counted(counted);
    if headline {
        scanner = scanner.headline();
    }
    for range in split_sentences(text, lang) {
        for piece in pieces(text, range) {
            let first = out.len();
            scanner.sentence(doc, piece, &mut out);
            share_price_unit(&mut out[first..]);
            qualifier::trailing_bounds(text, &mut out[first..]);
        }
    }
    (out, scanner.into_counted())
}

/// Claims of an article's headline: [`extract`] on it, read in headline grammar (English
/// headlines leave articles out and join parts with commas: `Woman, 2 children dead` is 3 deaths),
/// marked [`Claim::headline`], with ids of their own (`{doc}@title:{start}-{end}`) so that they
/// never meet a claim of the text.
pub fn extract_headline(doc: &str, headline: &str, opts: &ExtractOptions) -> Vec<Claim> {
    headline_claims(doc, headline, opts).0
}

fn headline_claims(
    doc: &str,
    headline: &str,
    opts: &ExtractOptions,
) -> (Vec<Claim>, scan::Counted) {
    let (mut out, counted) = scan_text(doc, headline, opts, true, scan::Counted::default());
    for c in &mut out {
        c.headline = true;
        c.id = format!("{doc}@title:{}-{}", c.span[0], c.span[1]);
    }
    (out, counted)
}

/// Within one sentence, a money amount without a per-unit takes the
/// per-unit of a comparable price in the same currency ("naik menjadi
/// Rp15.000 per kg dari Rp13.500": both are `IDR/kg`). Only when the
/// sentence has exactly one such per-unit, its amount is stated in the
/// currency itself (no conversion factor) and the two amounts are within a
/// factor of two of each other.
fn share_price_unit(claims: &mut [Claim]) {
    let mut rate: Option<(String, f64)> = None;
    for c in claims.iter() {
        let (Kind::Money, Some(u), Some(v)) = (c.kind, c.unit.as_deref(), c.low) else {
            continue;
        };
        if !u.contains('/') {
            continue;
        }
        if c.stated.low != Some(v) || rate.as_ref().is_some_and(|(r, _)| r != u) {
            return;
        }
        rate = Some((u.to_string(), v));
    }
    let Some((unit, price)) = rate else {
        return;
    };
    let Some((currency, _)) = unit.split_once('/') else {
        return;
    };
    for c in claims.iter_mut() {
        if c.kind == Kind::Money
            && c.unit.as_deref() == Some(currency)
            && c.low.zip(c.high).is_some_and(|(lo, hi)| {
                lo == hi && lo > 0.0 && lo * 2.0 >= price && lo <= price * 2.0
            })
        {
            c.unit = Some(unit.clone());
        }
    }
}

/// Longest stretch scanned as one sentence. Longer "sentences" (tables,
/// run-on lines without punctuation) are cut at a space into pieces of at
/// most this size, and each piece is reported as the claim's sentence; this
/// bounds memory and every per-sentence context check.
pub const MAX_SENTENCE: usize = 600;

fn pieces(text: &str, range: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    if range.len() <= MAX_SENTENCE {
        return vec![range];
    }
    let mut out = Vec::new();
    let mut s = range.start;
    while range.end - s > MAX_SENTENCE {
        let mut cut = s + MAX_SENTENCE;
        while cut > s && !text.is_char_boundary(cut) {
            cut -= 1;
        }
        // prefer a space within the last quarter of the piece
        let floor = s + MAX_SENTENCE * 3 / 4;
        if let Some(sp) = text
            .get(floor..cut)
            .and_then(|w| w.rfind(char::is_whitespace))
        {
            cut = floor + sp;
        }
        if cut <= s {
            break;
        }
        out.push(s..cut);
        s = cut;
        while s < range.end && text[s..].starts_with(char::is_whitespace) {
            s += text[s..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if s < range.end {
        out.push(s..range.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lang: Lang, text: &str) -> Vec<Claim> {
        let lex = Lexicon::builtin();
        let opts = ExtractOptions {
            lang: Some(lang),
            published: None,
            lexicon: &lex,
        };
        extract("d", text, &opts)
    }

    #[test]
    fn empty_and_blank_inputs() {
        assert!(run(Lang::Id, "").is_empty());
        assert!(run(Lang::Id, "   \r\n\u{a0} ").is_empty());
    }

    #[test]
    fn spans_index_the_original_text_with_crlf() {
        let text = "Judul\r\n\r\nSebanyak 57 anggota hadir.\r\n";
        let c = run(Lang::Id, text);
        assert_eq!(c.len(), 1);
        assert_eq!(&text[c[0].span[0]..c[0].span[1]], "57 anggota");
        assert_eq!(c[0].id, format!("d@{}-{}", c[0].span[0], c[0].span[1]));
        assert_eq!(c[0].sentence, "Sebanyak 57 anggota hadir.");
    }

    #[test]
    fn numbers_past_f64_are_no_claims() {
        let huge = vec!["999"; 110].join(".");
        let text = format!("Kerugian Rp {huge} triliun. Sebanyak {huge} orang. Ada 57 anggota.");
        let c = run(Lang::Id, &text);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].text, "57 anggota");
    }

    #[test]
    fn long_runs_are_cut_into_pieces_at_spaces() {
        let text = "kata ".repeat(1000);
        let p = pieces(&text, 0..text.len());
        assert!(p.len() > 1);
        assert!(p.iter().all(|r| r.len() <= MAX_SENTENCE));
        assert!(p.windows(2).all(|w| w[0].end <= w[1].start));
    }

    /// Context words (sport, temperature, rates) are read per sentence:
    /// one sentence about interest rates must not make a later "points"
    /// percentage points, nor a sentence without them hide the rates of a
    /// later one.
    #[test]
    fn context_is_per_sentence() {
        let pp = |c: &Claim| c.unit.as_deref() == Some("pp");
        let c = run(
            Lang::En,
            "The Fed raised interest rates by half a point. He scored 20 points in the final.",
        );
        assert_eq!(c.len(), 2, "{c:#?}");
        assert!(pp(&c[0]) && !pp(&c[1]), "{c:#?}");
        let c = run(
            Lang::En,
            "He scored 20 points in the final. The Fed raised interest rates by half a point.",
        );
        assert_eq!(c.len(), 2, "{c:#?}");
        assert!(!pp(&c[0]) && pp(&c[1]), "{c:#?}");
    }

    #[test]
    fn serde_names() {
        let c = run(Lang::Id, "Rapat 8 jam.");
        let json = serde_json::to_value(&c[0]).unwrap_or_default();
        assert_eq!(json["kind"], "duration");
        assert_eq!(json["lang"], "id");
        assert_eq!(json["stated"]["unit"], "jam");
    }
}
