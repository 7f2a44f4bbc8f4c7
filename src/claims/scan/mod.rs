//! The scanner: one left-to-right pass over a sentence's tokens.
//!
//! At each token the scanner tries a date/time, then a quantity:
//!
//! ```text
//! [qualifier] [magnitude marker | currency] NUMBER [scale] [unit]
//!     [range-connector [currency] NUMBER [scale] [unit]] [noun [predicate]]
//! ```
//!
//! A successful match emits one claim and resumes after it; a recognised
//! non-quantity (identifier, ordinal, score, phone number) is skipped whole
//! so that its digits are not read again. Every rule looks at most a few
//! tokens ahead or behind, so the pass is linear.
//!
//! The steps live in submodules, each an `impl Scanner` block: `numbers`
//! (digits, number words, vague magnitudes, fractions), `measures` (units,
//! currencies, rates, cents, compound durations and lengths), `ranges` (range ends),
//! `nouns` (counted nouns, concepts, role predicates, implicit counts,
//! ages), `acronyms` (the acronyms an article defines), `filters` (identifiers, phone numbers, years, addresses) and
//! `positions` (scores, ranks, ordinals, levels); qualifiers are in
//! `claims::qualifier`. This file holds the state, the pre-scan, the walk
//! (`sentence`, `try_at`) and the grammar of one quantity (`quantity`).
//! The word lists are data: `data/lexicon/scan.tsv`, `roles.tsv`,
//! `filters.tsv`, `kinds.tsv`.
//!
//! Concept decisions: the counted noun gives the concept through the
//! lexicon; a role predicate nearby (`tewas`, `luka-luka`, `menewaskan`,
//! `killed`) overrides it when the count is of people (no noun, an anaphor
//! such as `others`, or a noun of people: see `roles`), so `8 orang tewas`
//! and `two children died` count deaths; the noun is kept. A singular noun
//! of people with a role predicate is an implicit count of one (`a man was
//! killed`, `seorang wanita tewas`). Scores, ranks, ordinals and levels
//! are read where the ordinals and `a-b` pairs used to be skipped (`kinds`).

use super::datetime::{self, DateHit};
use super::fxhash::FxBuild;
use super::kinds;
use super::lexicon::{EntryKind, Lexicon};
use super::number::{parse_digits, trailing_zeros, word_atoms, Atom, WordEval};
use super::qualifier::{self, Qual};
use super::roles;
use super::token::{tokenize, TokKind, Tokens};
use super::units::{self, Unit};
use super::{words_en, words_id, Claim, ExtractOptions, Kind, Lang, Stated};
use chrono::NaiveDate;
use std::cell::Cell;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

mod acronyms;
mod filters;
mod measures;
mod nouns;
mod numbers;
mod positions;
mod ranges;

/// Scanning state: the token buffer is reused across an article's
/// sentences; the context flags (`sport`, `temp`, `rates`) belong to the
/// current sentence and are cleared at the start of each one.
pub(crate) struct Scanner<'a> {
    text: &'a str,
    lang: Lang,
    published: Option<NaiveDate>,
    lex: &'a Lexicon,
    toks: Tokens,
    sport: Cell<Option<bool>>,
    temp: Cell<Option<bool>>,
    rates: Cell<Option<bool>>,
    /// Whether the sentence tallies a period or several happenings
    /// (computed on demand, see `is_tally`).
    pub(super) tally: Cell<Option<bool>>,
    /// Whether the sentence capitalises most of its words, as headlines do
    /// (computed on demand, see `is_title_case`).
    pub(super) title: Cell<Option<bool>>,
    /// Token indices of the sentence's role predicates (first words of
    /// multi-word ones included), found on the first implicit-count try.
    preds: std::cell::RefCell<Option<Vec<usize>>>,
    /// The text is a headline, written in headline grammar: articles left
    /// out (`Man shot dead`) and commas for `and` (`2 adults, 3 children
    /// dead`). See [`Scanner::headline`].
    pub(super) headline: bool,
    /// The largest count stated so far in the text, per concept (`deaths`:
    /// 2 after "two people were killed"): a person named again later ("he
    /// was pronounced dead") is one of them, not a count of one.
    counted: std::cell::RefCell<Counted>,
    /// The acronyms the article defines (read on the first acronym met).
    acronyms: std::cell::RefCell<Option<Vec<acronyms::Definition>>>,
}

/// The largest count stated so far per concept, carried from a headline to its text.
#[derive(Debug, Default)]
pub(crate) struct Counted(Vec<(String, f64)>);

/// The scanner's word lists (`data/lexicon/scan.tsv`): which words start
/// a claim or let a sentence through the pre-scan, the context words of
/// sport, rates and temperature, identifier cues, the words that are
/// never counted nouns, and the words of occurrences and of multiples.
#[derive(Default)]
struct Lists {
    starter: Vec<&'static str>,
    trigger: Vec<&'static str>,
    prescan: Vec<&'static str>,
    sport: Vec<&'static str>,
    rates: Vec<&'static str>,
    temp: Vec<&'static str>,
    below_zero: Vec<&'static str>,
    id_cue: Vec<&'static str>,
    id_stop: Vec<&'static str>,
    en_stop: Vec<&'static str>,
    times: Vec<&'static str>,
    multiplies: Vec<&'static str>,
    function_noun: Vec<&'static str>,
    en_same: Vec<&'static str>,
    en_ie: Vec<&'static str>,
}

fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let mut l = Lists::default();
        for line in include_str!("../../../data/lexicon/scan.tsv").lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((list, word)) = line.split_once('\t') else {
                continue;
            };
            let v = match list {
                "starter" => &mut l.starter,
                "trigger" => &mut l.trigger,
                "prescan" => &mut l.prescan,
                "sport" => &mut l.sport,
                "rates" => &mut l.rates,
                "temp" => &mut l.temp,
                "below_zero" => &mut l.below_zero,
                "id_cue" => &mut l.id_cue,
                "id_stop" => &mut l.id_stop,
                "en_stop" => &mut l.en_stop,
                "times" => &mut l.times,
                "multiplies" => &mut l.multiplies,
                "function_noun" => &mut l.function_noun,
                "en_same" => &mut l.en_same,
                "en_ie" => &mut l.en_ie,
                _ => continue,
            };
            v.push(word);
        }
        l
    })
}

/// Cheap pre-check before the hash lookup: is there any trigger word with
/// this first byte and this length (lengths above 15 share one bit)?
fn may_trigger(w: &str) -> bool {
    static MASK: OnceLock<[u16; 256]> = OnceLock::new();
    let mask = MASK.get_or_init(|| {
        let mut m = [0u16; 256];
        for w in triggers() {
            if let Some(&b) = w.as_bytes().first() {
                m[b as usize] |= 1 << w.len().min(15);
            }
        }
        m
    });
    match w.as_bytes().first() {
        Some(&b) => mask[b as usize] & (1 << w.len().min(15)) != 0,
        None => false,
    }
}

/// Cheap check for the words that start a level or an ordinal
/// (`data/lexicon/kinds.tsv`: scale words, `status`, nouns of repeated
/// events, `kalinya`).
fn may_start_kind(w: &str) -> bool {
    static MASK: OnceLock<[u16; 256]> = OnceLock::new();
    let mask = MASK.get_or_init(|| {
        let mut m = [0u16; 256];
        for w in kinds::starters() {
            if let Some(&b) = w.as_bytes().first() {
                m[b as usize] |= 1 << w.len().min(15);
            }
        }
        m
    });
    match w.as_bytes().first() {
        Some(&b) => mask[b as usize] & (1 << w.len().min(15)) != 0 && kinds::is_starter(w),
        None => false,
    }
}

/// Words that can begin a claim without any digit in the sentence: number
/// words, vague words, weekdays, months, relative days, `se-` durations;
/// with a (first byte, length) bitmap for a cheap pre-check.
struct Starters {
    set: HashSet<&'static [u8], FxBuild>,
    mask: [u16; 256],
}

fn starters() -> &'static Starters {
    static SET: OnceLock<Starters> = OnceLock::new();
    SET.get_or_init(|| {
        let l = lists();
        let set: HashSet<&'static [u8], FxBuild> = l
            .starter
            .iter()
            .chain(&l.prescan)
            .copied()
            .chain(roles::cues())
            .map(str::as_bytes)
            .collect();
        let mut mask = [0u16; 256];
        for w in &set {
            if let Some(&b) = w.first() {
                mask[b as usize] |= 1 << w.len().min(15);
            }
        }
        Starters { set, mask }
    })
}

/// Cheap pre-scan of a sentence, without tokenising: a claim needs a
/// digit, a currency or fraction sign, a number-like word, or `a`/`an`
/// before a scale word or unit. Sentences failing this are skipped.
fn may_hold_claim(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.iter().any(|b| b.is_ascii_digit() || *b == b'$') {
        return true;
    }
    if !s.is_ascii()
        && s.chars().any(|c| {
            matches!(
                c,
                '€' | '£' | '¥' | '₹' | '½' | '⅓' | '⅔' | '¼' | '¾' | '⅕' | '⅛'
            )
        })
    {
        return true;
    }
    let st = starters();
    let mut buf = [0u8; 16];
    let mut prev_a = false;
    for w in bytes.split(|b| !b.is_ascii_alphabetic()) {
        if w.is_empty() || w.len() > buf.len() {
            prev_a = false;
            continue;
        }
        let lw = &mut buf[..w.len()];
        lw.copy_from_slice(w);
        lw.make_ascii_lowercase();
        let lw: &[u8] = lw;
        if st.mask[lw[0] as usize] & (1 << lw.len().min(15)) != 0 && st.set.contains(lw) {
            return true;
        }
        if prev_a {
            let word = std::str::from_utf8(lw).unwrap_or("");
            if units::may_start(word)
                || matches!(
                    word,
                    "few"
                        | "couple"
                        | "pair"
                        | "dozen"
                        | "half"
                        | "quarter"
                        | "hundred"
                        | "thousand"
                        | "million"
                        | "billion"
                )
            {
                return true;
            }
        }
        prev_a = lw == b"a" || lw == b"an";
    }
    false
}

fn triggers() -> &'static HashSet<&'static str, FxBuild> {
    static SET: OnceLock<HashSet<&'static str, FxBuild>> = OnceLock::new();
    SET.get_or_init(|| {
        let l = lists();
        l.starter
            .iter()
            .chain(&l.trigger)
            .copied()
            .chain(qualifier::first_words())
            .collect()
    })
}

/// A parsed number.
#[derive(Debug, Clone, Copy)]
struct Num {
    low: f64,
    high: f64,
    start: usize,
    end: usize,
    precision: Option<f64>,
    vague: bool,
    /// Written as a plain digit string without separators or scale.
    plain_int: bool,
    /// Number of digits of a plain integer.
    int_len: u32,
    has_scale: bool,
    words: bool,
    decimals: u32,
    approx: bool,
}

impl Num {
    /// A number written in words (`dua puluh`, `two thirds`) over tokens `start..end`: exact, no
    /// scale, precision or decimals unless the caller says otherwise.
    fn in_words(low: f64, high: f64, start: usize, end: usize) -> Num {
        Num {
            low,
            high,
            start,
            end,
            precision: None,
            vague: false,
            plain_int: false,
            int_len: 0,
            has_scale: false,
            words: true,
            decimals: 0,
            approx: false,
        }
    }

    fn is_point(&self) -> bool {
        self.low == self.high
    }
}

/// A unit occurrence.
#[derive(Debug, Clone)]
struct UnitHit {
    unit: Unit,
    base: String,
    end: usize,
    surface: String,
}

/// A quantity found by the scanner.
#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    kind: Kind,
    low: Option<f64>,
    high: Option<f64>,
    low_inc: bool,
    high_inc: bool,
    approx: bool,
    qual: Option<&'static str>,
    unit: Option<String>,
    precision: Option<f64>,
    stated: Stated,
    noun: Option<String>,
    noun_base: Option<String>,
    concept: Option<String>,
    date: Option<String>,
    tz: Option<String>,
}

impl Mention {
    /// Whether every value is a finite number.
    fn is_finite(&self) -> bool {
        [
            self.low,
            self.high,
            self.precision,
            self.stated.low,
            self.stated.high,
        ]
        .into_iter()
        .flatten()
        .all(f64::is_finite)
    }
}

enum Outcome {
    Claim(Box<Mention>),
    /// Two claims in text order: an age inside an implicit count of one
    /// ("a 27-year-old man was killed": the age, then the man).
    Pair(Box<Mention>, Box<Mention>),
    Skip(usize),
    None,
}

fn round_sig(v: f64) -> f64 {
    // integers below 2^53 are exact already (the common case)
    if v == 0.0 || !v.is_finite() || (v.fract() == 0.0 && v.abs() < 9e15) {
        return v;
    }
    let mag = v.abs().log10().floor() as i32;
    let scale = 10f64.powi(12 - mag);
    if !scale.is_finite() || scale == 0.0 {
        return v;
    }
    (v * scale).round() / scale
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(text: &'a str, lang: Lang, opts: &ExtractOptions<'a>) -> Scanner<'a> {
        Scanner {
            text,
            lang,
            published: opts.published,
            lex: opts.lexicon,
            toks: Tokens::default(),
            sport: Cell::new(None),
            temp: Cell::new(None),
            rates: Cell::new(None),
            tally: Cell::new(None),
            title: Cell::new(None),
            preds: std::cell::RefCell::new(None),
            headline: false,
            counted: std::cell::RefCell::new(Counted::default()),
            acronyms: std::cell::RefCell::new(None),
        }
    }

    /// The scanner of a headline: English headlines leave articles out, so a
    /// singular noun of people at the head of a clause is one person (`Woman
    /// shot dead`), and join parts with commas (`2 adults, six children dead`
    /// is 8, `killed his wife, 2 sons, then himself` 4).
    pub(crate) fn headline(mut self) -> Self {
        self.headline = true;
        self
    }

    /// The scanner of a text whose headline has already counted `counted`.
    pub(crate) fn counted(self, counted: Counted) -> Self {
        self.counted.replace(counted);
        self
    }

    /// What the text has counted, once it is scanned.
    pub(crate) fn into_counted(self) -> Counted {
        self.counted.into_inner()
    }

    /// Scans one sentence, appending claims.
    pub(crate) fn sentence(&mut self, doc: &str, range: Range<usize>, out: &mut Vec<Claim>) {
        if !may_hold_claim(self.text.get(range.clone()).unwrap_or("")) {
            return;
        }
        tokenize(self.text, range.start, range.end, &mut self.toks);
        let n = self.toks.toks.len();
        // context words are read per sentence, on demand
        self.sport.set(None);
        self.temp.set(None);
        self.rates.set(None);
        self.tally.set(None);
        self.title.set(None);
        self.preds.replace(None);
        let sent_text = self.text.get(range.clone()).unwrap_or("");
        let mut i = 0;
        while i < n {
            match self.try_at(i) {
                Outcome::Claim(m) => {
                    let next = m.end.max(i + 1);
                    // A number past f64 (hundreds of digits, or times a scale
                    // word) is no claim: infinity would read as unbounded.
                    if m.is_finite() {
                        let c = self.to_claim(doc, &range, sent_text, *m);
                        // an ordinal read back from its noun takes in the
                        // words already read as a number ("twenty" of
                        // "the twenty-fifth time")
                        while out.last().is_some_and(|p: &Claim| p.span[1] > c.span[0]) {
                            out.pop();
                        }
                        self.note_count(&c);
                        out.push(c);
                    }
                    i = next;
                }
                Outcome::Pair(a, b) => {
                    let next = b.end.max(i + 1);
                    for m in [a, b] {
                        let c = self.to_claim(doc, &range, sent_text, *m);
                        self.note_count(&c);
                        out.push(c);
                    }
                    i = next;
                }
                Outcome::Skip(e) => i = e.max(i + 1),
                Outcome::None => i += 1,
            }
        }
    }

    /// Keeps the largest count of each concept stated so far (see `counted`).
    fn note_count(&self, c: &Claim) {
        let (Kind::Count, Some(concept), Some(low)) = (c.kind, c.concept.as_deref(), c.low) else {
            return;
        };
        let mut counted = self.counted.borrow_mut();
        match counted.0.iter_mut().find(|(k, _)| k == concept) {
            Some((_, v)) => *v = v.max(low),
            None => counted.0.push((concept.to_string(), low)),
        }
    }

    /// Whether the text has already counted more than one of `concept`.
    pub(super) fn counted_several(&self, concept: &str) -> bool {
        self.counted
            .borrow()
            .0
            .iter()
            .any(|(k, v)| k == concept && *v > 1.0)
    }

    /// The end of a "below zero" phrase starting at token `k`.
    fn below_zero(&self, k: usize) -> Option<usize> {
        lists().below_zero.iter().find_map(|phrase| {
            let mut q = k;
            for w in phrase.split(' ') {
                if self.toks.low(q) != w {
                    return None;
                }
                q += 1;
            }
            Some(q)
        })
    }

    /// Whether the sentence mentions a sport result (computed on demand).
    fn sport(&self) -> bool {
        if let Some(v) = self.sport.get() {
            return v;
        }
        let v = (0..self.toks.toks.len()).any(|i| lists().sport.contains(&self.toks.low(i)));
        self.sport.set(Some(v));
        v
    }

    /// Whether the sentence talks about temperature (computed on demand).
    fn temp_ctx(&self) -> bool {
        if let Some(v) = self.temp.get() {
            return v;
        }
        let v = (0..self.toks.toks.len()).any(|i| lists().temp.contains(&self.toks.low(i)));
        self.temp.set(Some(v));
        v
    }

    /// Whether the sentence talks about interest rates or yields.
    fn rate_ctx(&self) -> bool {
        if let Some(v) = self.rates.get() {
            return v;
        }
        let v = (0..self.toks.toks.len()).any(|i| lists().rates.contains(&self.toks.low(i)));
        self.rates.set(Some(v));
        v
    }

    fn to_claim(&self, doc: &str, range: &Range<usize>, sent: &str, m: Mention) -> Claim {
        let t = &self.toks;
        let start = t.toks.get(m.start).map(|x| x.start).unwrap_or(range.start);
        let end = t
            .toks
            .get(m.end.saturating_sub(1))
            .map(|x| x.end)
            .unwrap_or(range.end)
            .max(start);
        Claim {
            id: format!("{doc}@{start}-{end}"),
            doc: doc.to_string(),
            sentence: sent.to_string(),
            sentence_span: [range.start, range.end],
            span: [start, end],
            text: self.text.get(start..end).unwrap_or("").to_string(),
            kind: m.kind,
            concept: m.concept,
            noun: m.noun,
            noun_base: m.noun_base,
            low: m.low.map(round_sig),
            high: m.high.map(round_sig),
            low_inclusive: m.low_inc,
            high_inclusive: m.high_inc,
            approx: m.approx,
            qualifier: m.qual.map(str::to_string),
            unit: m.unit,
            precision: m.precision.map(round_sig),
            stated: m.stated,
            date: m.date,
            tz: m.tz,
            lang: self.lang,
            fact: Default::default(),
            headline: false,
        }
    }

    fn prev_low(&self, i: usize) -> &str {
        if i == 0 {
            ""
        } else {
            self.toks.low(i - 1)
        }
    }

    fn try_at(&self, i: usize) -> Outcome {
        let t = &self.toks;
        let Some(tok) = t.toks.get(i) else {
            return Outcome::None;
        };
        let w0 = t.low(i);
        // levels and ordinals start at a word: "Level II", "status Awas",
        // "kali ketiga", "ketiga kalinya", "the third time"
        if tok.kind == TokKind::Word && may_start_kind(w0) {
            if let Some(m) = self.word_kind_at(i) {
                return Outcome::Claim(Box::new(m));
            }
        }
        if tok.kind == TokKind::Word && self.lang == Lang::Id && w0.starts_with("ke") {
            if let Some(m) = self.collective_at(i) {
                return Outcome::Claim(Box::new(m));
            }
        }
        let candidate = match tok.kind {
            TokKind::Num | TokKind::Frac => true,
            TokKind::Punct => matches!(
                w0,
                "$" | "€" | "£" | "¥" | "₹" | "-" | "−" | "." | "," | "±" | "~" | "("
            ),
            TokKind::Word => may_trigger(w0) && triggers().contains(w0),
        };
        if !candidate {
            if self.headline && tok.kind == TokKind::Word {
                return self.implicit_person(i, i, None);
            }
            return Outcome::None;
        }
        // "the victim died", "seorang wanita tewas": only an implicit count
        if matches!(w0, "the" | "seorang")
            || roles::is_possessive(self.lang, w0)
            || roles::is_pronoun(self.lang, w0)
        {
            return self.implicit_person(i, i, None);
        }
        // dates and times first
        if let Some(h) = datetime::parse_at(t, self.text, i, self.published) {
            // "minggu" after a number is the week unit, handled as a quantity
            return Outcome::Claim(Box::new(self.date_mention(h)));
        }
        let w = t.low(i);
        if w == "absolute" && t.low(i + 1) == "zero" {
            return Outcome::Claim(Box::new(Mention {
                start: i,
                end: i + 2,
                kind: Kind::Measure,
                low: Some(-273.15),
                high: Some(-273.15),
                low_inc: true,
                high_inc: true,
                approx: false,
                qual: None,
                unit: Some("C".to_string()),
                precision: None,
                stated: Stated {
                    low: Some(0.0),
                    high: Some(0.0),
                    unit: Some("K".to_string()),
                },
                noun: None,
                noun_base: None,
                concept: None,
                date: None,
                tz: None,
            }));
        }
        let quick = match tok.kind {
            TokKind::Num | TokKind::Frac => true,
            TokKind::Punct => matches!(
                w,
                "$" | "€" | "£" | "¥" | "₹" | "-" | "−" | "." | "," | "±" | "~"
            ),
            TokKind::Word => true,
        };
        if !quick {
            return Outcome::None;
        }
        let (qual, mut j) = match qualifier::match_at(t, i) {
            Some((q, j)) => (Some(q), j),
            None => (None, i),
        };
        // "died around 11:30 p.m.": the qualifier is left out and the time
        // is read at its own token
        if qual.is_some() && j > i && datetime::parse_at(t, self.text, j, self.published).is_some()
        {
            return Outcome::None;
        }
        let mut approx2 = false;
        if matches!(qual, Some(Qual::From) | Some(Qual::Between)) {
            if let Some((Qual::Approx, j2)) = qualifier::match_at(t, j) {
                approx2 = true;
                j = j2;
            }
        }
        // "setidaknya ada enam penerbangan", "sedikitnya terdapat 20 rumah":
        // a verb of existence between the bound and its number.
        if matches!(
            qual,
            Some(
                Qual::AtLeast
                    | Qual::MoreThan
                    | Qual::LessThan
                    | Qual::AtMost
                    | Qual::Approx
                    | Qual::Nearly
            )
        ) && matches!(t.low(j), "ada" | "terdapat")
        {
            match self.quantity(i, j + 1, qual, approx2) {
                Outcome::None => {}
                o => return o,
            }
        }
        match self.quantity(i, j, qual, approx2) {
            Outcome::None if qual.is_some() => Outcome::None,
            o => o,
        }
    }

    fn date_mention(&self, h: DateHit) -> Mention {
        let t = &self.toks;
        let surface = (h.start..h.end)
            .map(|k| t.low(k))
            .collect::<Vec<_>>()
            .join(" ");
        Mention {
            start: h.start,
            end: h.end,
            kind: h.kind,
            low: h.year.map(f64::from),
            high: h.year.map(f64::from),
            low_inc: true,
            high_inc: true,
            approx: false,
            qual: None,
            unit: None,
            precision: h.year.map(|_| 1.0),
            stated: Stated {
                low: None,
                high: None,
                unit: Some(surface),
            },
            noun: None,
            noun_base: None,
            concept: None,
            date: h.date,
            tz: h.tz,
        }
    }

    fn quantity(&self, qstart: usize, mut j: usize, qual: Option<Qual>, approx2: bool) -> Outcome {
        let t = &self.toks;
        let n = t.toks.len();
        // magnitude markers
        let mut magnitude = false;
        let raw_j = t.raw(self.text, j);
        let is_marker = matches!(
            t.low(j),
            "magnitudo" | "magnitude" | "mag" | "bermagnitudo" | "berkekuatan"
        );
        // "Mag:4.8", "magnitude-6.1": a glued colon or dash between
        // "magnitudo (M) 4,8": the scale's abbreviation in brackets between
        let abbreviation = |k: usize| {
            let w = t.low(k);
            (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_alphabetic())
        };
        let jn = if is_marker
            && (t.low(j + 1) == ":" || t.is_dash(j + 1))
            && t.glued(j + 1)
            && t.glued(j + 2)
        {
            j + 2
        } else if is_marker && t.low(j + 1) == "(" && abbreviation(j + 2) && t.low(j + 3) == ")" {
            j + 4
        } else {
            j + 1
        };
        if (raw_j == "M" || is_marker) && t.kind(jn) == Some(TokKind::Num) {
            if let Some(d) = parse_digits(t.low(jn), self.lang) {
                if d.value < 10.0 && (d.decimals > 0 || raw_j != "M") {
                    magnitude = true;
                    j = jn;
                }
            }
        }
        let currency = if magnitude { None } else { self.currency_at(j) };
        let num_start = currency.as_ref().map(|c| c.1).unwrap_or(j);
        let money_ctx = currency.is_some();
        let Some(mut num) = self.number(num_start, money_ctx) else {
            // "a dollar", "an hour", "sejam"
            return match self.implicit_one(qstart, j, qual) {
                Outcome::None => self.implicit_person(qstart, j, qual),
                o => o,
            };
        };
        // a rupiah amount is never written to three decimals: `Rp 5.000` is five
        // thousand in an English text too
        if currency.as_ref().is_some_and(|c| c.0 == "IDR")
            && self.lang == Lang::En
            && num.end == num_start + 1
            && t.low(num_start).split_once('.').is_some_and(|(a, b)| {
                (1..=3).contains(&a.len()) && b.len() == 3 && !b.contains('.')
            })
        {
            if let Some(d) = crate::claims::number::parse_digits(t.low(num_start), Lang::Id) {
                num.low = d.value;
                num.high = d.value;
                num.precision = Some(d.precision());
            }
        }
        if let Some((f, e)) = self.and_fraction(num.end) {
            if num.is_point() && !num.vague && num.low.fract() == 0.0 {
                num.low += f;
                num.high = num.low;
                num.end = e;
                num.precision = None;
                num.plain_int = false;
            }
        }
        // "2,5 ± 1%", "2,5 +- 1 persen", "2,000.45±0.01": a stated margin
        // widens the value to the interval it gives. ("Â±" is "±" read as Latin-1.)
        let margin_at = |k: usize| -> Option<usize> {
            match t.low(k) {
                "±" => Some(k + 1),
                "+" if t.is_dash(k + 1) && t.glued(k + 1) => Some(k + 2),
                "+" if t.low(k + 1) == "/" && t.is_dash(k + 2) => Some(k + 3),
                "â" if t.low(k + 1) == "±" && t.glued(k + 1) => Some(k + 2),
                _ => None,
            }
        };
        if let Some(k) = margin_at(num.end) {
            if let Some(u) = self.number(k, false) {
                if num.is_point() && !num.vague && u.is_point() && !u.vague && u.low >= 0.0 {
                    num.low -= u.low;
                    num.high += u.high;
                    num.precision = None;
                    num.plain_int = false;
                }
                num.end = u.end;
            }
        }
        let start = if currency.is_some() || magnitude || qual.is_some() {
            qstart
        } else {
            num.start
        };
        let mut start = if qual == Some(Qual::From) && currency.is_none() {
            num.start.min(start)
        } else {
            start
        };

        // non-quantities
        if currency.is_none() && !magnitude {
            if let Some(skip) = self.non_quantity(&num) {
                return skip;
            }
        }
        // "a 45-year-old man": an age, never a duration
        if qual.is_none() && currency.is_none() && num.plain_int {
            if let Some((v, e)) = self.age_compound(num.start) {
                return Outcome::Claim(Box::new(Mention {
                    concept: Some("age".to_string()),
                    ..self.whole(num.start, e, Kind::Count, v)
                }));
            }
        }
        if qual == Some(Qual::From) {
            start = qstart;
        }
        let unqualified_start = if currency.is_some() { j } else { num.start };

        let mut m = Mention {
            start,
            end: num.end,
            kind: Kind::Number,
            low: Some(num.low),
            high: Some(num.high),
            low_inc: true,
            high_inc: true,
            approx: num.approx || num.vague,
            qual: if num.vague {
                Some("vague")
            } else if num.approx {
                Some("approx")
            } else {
                None
            },
            unit: None,
            precision: if num.vague { None } else { num.precision },
            stated: Stated {
                low: Some(num.low),
                high: Some(num.high),
                unit: None,
            },
            noun: None,
            noun_base: None,
            concept: None,
            date: None,
            tz: None,
        };

        // unit
        let mut unit: Option<UnitHit> = None;
        if magnitude {
            m.kind = Kind::Magnitude;
            m.stated.unit = Some(raw_j.to_string());
        } else if currency.is_none()
            && t.is_dash(num.end)
            && t.glued(num.end)
            && t.glued(num.end + 1)
            && matches!(t.low(num.end + 1), "magnitude" | "magnitudo")
            && num.low < 10.0
        {
            // "6.2-magnitude earthquake"
            m.kind = Kind::Magnitude;
            m.end = num.end + 2;
            m.stated.unit = Some(t.raw(self.text, num.end + 1).to_string());
        } else if matches!(t.raw(self.text, num.end), "SR")
            || (t.low(num.end) == "skala" && t.low(num.end + 1) == "richter")
        {
            m.kind = Kind::Magnitude;
            m.end = if t.low(num.end) == "skala" {
                num.end + 2
            } else {
                num.end + 1
            };
            m.stated.unit = Some("SR".to_string());
        } else if let Some((code, _, surface)) = &currency {
            unit = Some(UnitHit {
                unit: Unit {
                    kind: Kind::Money,
                    base: code,
                    factor: 1.0,
                    offset: 0.0,
                },
                base: code.to_string(),
                end: num.start,
                surface: surface.clone(),
            });
            // trailing currency word repeated ("Rp 5 juta rupiah") is absorbed
            if let Some(u) = self.unit_at(num.end, &num) {
                if u.unit.kind == Kind::Money && u.base == *code {
                    m.end = u.end;
                }
            }
        } else {
            // "half an hour", "two and a quarter of hours", "a dozen of"
            let mut k = num.end;
            if num.low.fract() != 0.0 && matches!(t.low(k), "a" | "an") {
                k += 1;
            }
            if self.lang == Lang::En
                && t.low(k) == "of"
                && (num.low.fract() != 0.0 || num.words)
                && self.unit_at(k + 1, &num).is_some()
            {
                k += 1;
            } else if self.lang == Lang::En
                && t.low(k) == "of"
                && num.low.fract() != 0.0
                && matches!(t.low(k + 1), "a" | "an")
                && self.unit_at(k + 2, &num).is_some()
            {
                // "a quarter of an hour", "three quarters of an hour"
                k += 2;
            }
            if let Some(u) = self.unit_at(k, &num) {
                m.end = u.end;
                unit = Some(u);
            }
        }
        m.end = m.end.max(num.end);
        // "2 degrees below zero", "2 below zero": a temperature under 0
        if unit
            .as_ref()
            .is_none_or(|u| u.unit.kind == Kind::Measure && u.base == "C")
        {
            if let Some(e) = self.below_zero(m.end) {
                (num.low, num.high) = (-num.high, -num.low);
                m.end = e;
                if unit.is_none() {
                    unit = Some(UnitHit {
                        unit: Unit {
                            kind: Kind::Measure,
                            base: "C",
                            factor: 1.0,
                            offset: 0.0,
                        },
                        base: "C".to_string(),
                        end: e,
                        surface: "°".to_string(),
                    });
                }
            }
        }
        if let Some(u) = &unit {
            m.kind = u.unit.kind;
            m.stated.unit = Some(u.surface.clone());
        }

        // rate: "/hour", "per kg"
        if let Some(u) = unit.as_mut() {
            if let Some((u2, e)) = self.rate_at(m.end, u.unit.kind == Kind::Money) {
                if u.unit.kind != Kind::Percent {
                    u.base = format!("{}/{}", u.base, u2.base);
                    u.unit.factor /= u2.unit.factor;
                    u.surface = format!("{}/{}", u.surface, t.low(e - 1));
                    m.stated.unit = Some(u.surface.clone());
                    m.end = e;
                }
            }
        }

        // range
        let mut range_hi: Option<Num> = None;
        if !num.vague {
            if let Some((hi, hi_unit, end, dash)) = self.range_end(m.end, qual, &unit, &num) {
                let both_plain = unit.is_none() && hi_unit.is_none();
                let level = num.low == hi.low && num.plain_int && hi.plain_int && hi.low < 20.0;
                if dash
                    && both_plain
                    && currency.is_none()
                    && num.plain_int
                    && hi.plain_int
                    && (num.low > hi.low || ((self.sport() || level) && hi.low < 100.0))
                {
                    // "menang 2-1", "Jepang vs Indonesia 6-0": a match result; a level one
                    // ("ditahan 1-1") is no range from a number to itself
                    if (self.sport() || level)
                        && num.low < 100.0
                        && hi.low < 100.0
                        && qual.is_none()
                    {
                        return Outcome::Claim(Box::new(
                            self.score(num.start, end, num.low, hi.low),
                        ));
                    }
                    return Outcome::Skip(end);
                }
                if unit.is_none() {
                    if let Some(u) = hi_unit {
                        m.kind = u.unit.kind;
                        m.stated.unit = Some(u.surface.clone());
                        unit = Some(u);
                    }
                }
                // scale propagation: "7-9 lakh", "Rp 10-15 juta"
                if hi.has_scale && !num.has_scale && num.high <= hi.low {
                    let scale = self.scale_of(&hi);
                    if num.low * scale <= hi.low {
                        num.low *= scale;
                        num.high *= scale;
                    }
                }
                m.end = end;
                range_hi = Some(hi);
            }
        }

        // money cents: "$20 and 43c", "20 dollars 43 cents"
        if let Some(u) = &unit {
            if u.unit.kind == Kind::Money
                && range_hi.is_none()
                && u.unit.factor == 1.0
                && num.low.fract() == 0.0
                && num.is_point()
            {
                if let Some((cents, e)) = self.cents_after(m.end) {
                    num.low += cents / 100.0;
                    num.high = num.low;
                    num.precision = Some(0.01);
                    m.end = e;
                }
            }
        }

        // compounds of durations and measures: "2 years, 3 months", "1 hour
        // thirty", "an hour and a half", "6 feet 2 inches", "1 meter 70 cm",
        // "two gallons and a half"
        let mut extra_base = 0.0;
        if let Some(u) = &unit {
            let compound = u.unit.compounds();
            if compound && range_hi.is_none() && num.is_point() {
                let (add, e) = self.compound_tail(m.end, &u.unit);
                if e > m.end {
                    extra_base = add;
                    m.end = e;
                }
            }
        }

        // values
        let (mut lo, mut hi) = match &range_hi {
            Some(h) => (num.low, h.high),
            None => (num.low, num.high),
        };
        m.stated.low = Some(lo);
        m.stated.high = Some(hi);
        let (factor, offset) = unit
            .as_ref()
            .map(|u| (u.unit.factor, u.unit.offset))
            .unwrap_or((1.0, 0.0));
        lo = lo * factor + offset + extra_base;
        hi = hi * factor + offset + extra_base;
        if lo > hi {
            std::mem::swap(&mut lo, &mut hi);
        }
        if extra_base > 0.0 {
            m.precision = None;
        } else if let Some(p) = m.precision {
            m.precision = Some(p * factor);
        }
        if range_hi.is_some() {
            m.qual = Some("range");
            m.precision = m
                .precision
                .zip(range_hi.and_then(|h| h.precision).map(|p| p * factor))
                .map(|(a, b)| a.max(b));
        }
        m.low = Some(lo);
        m.high = Some(hi);
        m.unit = unit.as_ref().map(|u| u.base.clone());

        // qualifier bounds
        let nonneg = !(m.kind == Kind::Measure && m.unit.as_deref() == Some("C")) && lo >= 0.0;
        if range_hi.is_none() {
            match qual {
                Some(Qual::AtLeast) => {
                    m.high = None;
                    m.qual = Some("at_least");
                }
                Some(Qual::MoreThan) => {
                    m.low = Some(hi);
                    m.high = None;
                    m.low_inc = false;
                    m.qual = Some("more_than");
                }
                Some(Qual::LessThan) => {
                    m.low = if nonneg { Some(0.0) } else { None };
                    m.high = Some(lo);
                    m.high_inc = false;
                    m.qual = Some("less_than");
                }
                Some(Qual::AtMost) => {
                    m.low = if nonneg { Some(0.0) } else { None };
                    m.qual = Some("at_most");
                }
                Some(Qual::Approx) => {
                    m.approx = true;
                    if m.qual.is_none() {
                        m.qual = Some("approx");
                    }
                }
                Some(Qual::Nearly) => {
                    m.low = Some(if nonneg {
                        hi * 0.9
                    } else {
                        hi - hi.abs() * 0.1
                    });
                    m.high = Some(hi);
                    m.high_inc = false;
                    m.approx = true;
                    m.qual = Some("nearly");
                }
                Some(Qual::Between) | Some(Qual::From) | None => {}
            }
        } else if qual == Some(Qual::Approx) || approx2 {
            m.approx = true;
        }

        // "dari 57 anggota": "dari"/"from" without a range end is not a qualifier
        if matches!(qual, Some(Qual::From) | Some(Qual::Between)) && range_hi.is_none() {
            m.start = if approx2 { m.start } else { unqualified_start };
            m.qual = if m.qual == Some("range") {
                None
            } else {
                m.qual
            };
        }
        // "45 and 50 mg": a bare number takes the unit of its coordinate
        if m.kind == Kind::Number
            && range_hi.is_none()
            && unit.is_none()
            && matches!(t.low(m.end), "and" | "or" | "dan" | "atau")
        {
            if let Some(n2) = self.number(m.end + 1, false) {
                if let Some(u2) = self.unit_at(n2.end, &n2) {
                    if !matches!(u2.unit.kind, Kind::Money) || u2.unit.factor == 1.0 {
                        let f = u2.unit.factor;
                        m.kind = u2.unit.kind;
                        m.low = m.low.map(|x| x * f + u2.unit.offset);
                        m.high = m.high.map(|x| x * f + u2.unit.offset);
                        m.precision = m.precision.map(|p| p * f);
                        m.unit = Some(u2.base.clone());
                    }
                }
            }
        }
        // an age by decade: "a woman in her 80s" -> [80, 89]; "in their late
        // 20s" -> [26, 29], "early" [20, 23], "mid" [23, 26]
        let decade = self.lang == Lang::En
            && currency.is_none()
            && range_hi.is_none()
            && num.plain_int
            && num.start == start
            && (10.0..=110.0).contains(&num.low)
            && num.low % 10.0 == 0.0
            && t.low(num.end) == "s"
            && t.glued(num.end);
        let owned = decade
            .then(|| {
                let (owner, from, to) = match start.checked_sub(1).map(|p| t.low(p)) {
                    Some("early") => (start - 1, 0.0, 3.0),
                    Some("mid") => (start - 1, 3.0, 6.0),
                    Some("late") => (start - 1, 6.0, 9.0),
                    _ => (start, 0.0, 9.0),
                };
                (owner >= 2
                    && t.low(owner - 2) == "in"
                    && roles::is_possessive(self.lang, t.low(owner - 1)))
                .then_some((owner, from, to))
            })
            .flatten();
        if let Some((owner, from, to)) = owned {
            m.kind = Kind::Count;
            m.low = Some(num.low + from);
            m.high = Some(num.low + to);
            m.start = owner;
            m.unit = None;
            m.precision = None;
            m.approx = true;
            m.qual = Some("vague");
            m.concept = Some("age".to_string());
            m.end = (num.end + 1).min(n);
            return Outcome::Claim(Box::new(m));
        }
        // ages: "Dedeh (45)", "berusia 63 tahun", "Liliana, 58 tahun,", "aged 45"
        if range_hi.is_none()
            && qual.is_none()
            && currency.is_none()
            && self.is_age(&num, &m, start)
        {
            m.kind = Kind::Count;
            m.low = Some(num.low);
            m.high = Some(num.high);
            m.unit = None;
            m.precision = Some(1.0);
            m.concept = Some("age".to_string());
            m.end = m.end.min(n);
            return Outcome::Claim(Box::new(m));
        }
        // counted noun ("32,000-seat stadium": after a glued hyphen)
        if m.kind == Kind::Number {
            let hyphen = self.lang == Lang::En
                && t.is_dash(m.end)
                && t.glued(m.end)
                && t.glued(m.end + 1)
                && !num.words;
            let noun = self.noun_at(m.end).or_else(|| {
                hyphen
                    .then(|| self.noun_at(m.end + 1))
                    .flatten()
                    .filter(|x| x.2.is_some())
            });
            // "the Aug. 15 death", "the 2007 shooting death": a singular
            // noun of a role after a number above one is not what it counts
            let singular = |noun: &str, concept: &Option<String>| {
                self.lang == Lang::En
                    && num.low > 1.0
                    && roles::is_role_concept(concept.as_deref())
                    && {
                        let last = noun.rsplit(' ').next().unwrap_or(noun).to_lowercase();
                        !last.ends_with('s') && !roles::is_plural(self.lang, &last)
                    }
            };
            let noun = noun.filter(|(noun, _, concept, _)| !singular(noun, concept));
            if let Some((noun, base, concept, e)) = noun {
                m.kind = Kind::Count;
                m.noun = Some(noun);
                m.noun_base = Some(base);
                m.concept = concept;
                m.end = e;
            }
            // a tally over a period or many places is no toll of one
            // happening: the count keeps its noun's concept
            let is_tally = || self.is_tally();
            if self.takes_role(&m) {
                if let Some(c) = self.predicate_near(start, m.end) {
                    m.kind = Kind::Count;
                    if !is_tally() {
                        m.concept = Some(c);
                    }
                }
            }
            if range_hi.is_none()
                && m.qual.is_none()
                && num.is_point()
                && !num.vague
                && (matches!(t.low(m.end), "and" | "dan") || self.headline && t.low(m.end) == ",")
                && !is_tally()
            {
                self.coordinated(&mut m, start);
            }
        }
        m.end = m.end.min(n);
        Outcome::Claim(Box::new(m))
    }
}

#[cfg(test)]
mod tests {
    use super::filters::is_upper_code;
    use super::nouns::looks_like_verb;
    use super::*;

    #[test]
    fn prescan_keeps_number_sentences_only() {
        assert!(may_hold_claim("Ada 5 orang."));
        assert!(may_hold_claim("Puluhan warga datang."));
        assert!(may_hold_claim("It cost a dollar."));
        assert!(may_hold_claim("Harga naik €5."));
        assert!(!may_hold_claim(
            "Kepala dinas mengatakan bahwa pekerjaan akan selesai."
        ));
        assert!(!may_hold_claim("It was a good day for a walk"));
    }

    #[test]
    fn verb_prefixes() {
        assert!(looks_like_verb("terjadi") && looks_like_verb("mengatakan"));
        assert!(!looks_like_verb("tentara") && !looks_like_verb("desa"));
    }

    #[test]
    fn rounding_keeps_twelve_significant_digits() {
        assert_eq!(round_sig(0.1 + 0.2), 0.3);
        assert_eq!(round_sig(1_937_000.000_000_2), 1_937_000.0);
        assert_eq!(round_sig(0.0), 0.0);
    }

    #[test]
    fn upper_codes() {
        assert!(is_upper_code("GA") && is_upper_code("COVID"));
        assert!(!is_upper_code("A") && !is_upper_code("Ga"));
    }
}
