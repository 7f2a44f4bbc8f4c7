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
    /// Token indices of the sentence's role predicates (first words of
    /// multi-word ones included), found on the first implicit-count try.
    preds: std::cell::RefCell<Option<Vec<usize>>>,
}

/// The scanner's word lists (`data/lexicon/scan.tsv`): which words start
/// a claim or let a sentence through the pre-scan, the context words of
/// sport, rates and temperature, identifier cues and the words that are
/// never counted nouns.
#[derive(Default)]
struct Lists {
    starter: Vec<&'static str>,
    trigger: Vec<&'static str>,
    prescan: Vec<&'static str>,
    sport: Vec<&'static str>,
    rates: Vec<&'static str>,
    temp: Vec<&'static str>,
    id_cue: Vec<&'static str>,
    id_stop: Vec<&'static str>,
    en_stop: Vec<&'static str>,
}

fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let mut l = Lists::default();
        for line in include_str!("../../data/lexicon/scan.tsv").lines() {
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
                "id_cue" => &mut l.id_cue,
                "id_stop" => &mut l.id_stop,
                "en_stop" => &mut l.en_stop,
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

fn is_upper_code(s: &str) -> bool {
    s.len() >= 2
        && s.len() <= 6
        && s.bytes().all(|b| b.is_ascii_uppercase())
        && s.bytes().any(|b| b.is_ascii_alphabetic())
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
            preds: std::cell::RefCell::new(None),
        }
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
                        out.push(self.to_claim(doc, &range, sent_text, *m));
                    }
                    i = next;
                }
                Outcome::Pair(a, b) => {
                    let next = b.end.max(i + 1);
                    for m in [a, b] {
                        out.push(self.to_claim(doc, &range, sent_text, *m));
                    }
                    i = next;
                }
                Outcome::Skip(e) => i = e.max(i + 1),
                Outcome::None => i += 1,
            }
        }
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

    /// Whether a role predicate of the sentence starts in `range`
    /// (the predicates' positions are found once per sentence).
    fn pred_in(&self, range: Range<usize>) -> bool {
        let mut cache = self.preds.borrow_mut();
        let preds = cache.get_or_insert_with(|| {
            let n = self.toks.toks.len();
            if !(0..n).any(|i| roles::is_cue(self.lang, self.toks.low(i))) {
                return Vec::new();
            }
            (0..n)
                .filter(|&i| {
                    let w = self.toks.low(i);
                    self.toks.kind(i) == Some(TokKind::Word)
                        && (self.lex.starts_multi(self.lang, w)
                            || matches!(self.lex_entry(w), Some((EntryKind::Pred, _))))
                })
                .collect()
        });
        preds.iter().any(|p| range.contains(p))
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
        }
    }

    fn vague_word(&self, w: &str) -> Option<(f64, f64)> {
        match self.lang {
            Lang::Id => words_id::vague(w),
            Lang::En => words_en::vague(w),
        }
    }

    /// Indonesian `se-` + duration unit: `sejam`, `sehari`, `setahun`.
    fn se_unit(&self, w: &str) -> Option<Unit> {
        if self.lang != Lang::Id {
            return None;
        }
        let rest = w.strip_prefix("se")?;
        match rest {
            "jam" | "hari" | "minggu" | "pekan" | "bulan" | "tahun" | "menit" | "detik"
            | "abad" | "dekade" => units::lookup(rest, rest),
            _ => None,
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
        let candidate = match tok.kind {
            TokKind::Num | TokKind::Frac => true,
            TokKind::Punct => matches!(
                w0,
                "$" | "€" | "£" | "¥" | "₹" | "-" | "−" | "." | "," | "±" | "~" | "("
            ),
            TokKind::Word => may_trigger(w0) && triggers().contains(w0),
        };
        if !candidate {
            return Outcome::None;
        }
        // "the victim died", "seorang wanita tewas": only an implicit count
        if matches!(w0, "the" | "seorang") {
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

    /// Currency sign at `k`: (ISO code, index after it, surface).
    fn currency_at(&self, k: usize) -> Option<(&'static str, usize, String)> {
        let t = &self.toks;
        let first = t.low(k);
        let plausible = match t.kind(k) {
            Some(TokKind::Punct) => matches!(first, "$" | "€" | "£" | "¥" | "₹"),
            Some(TokKind::Word) => matches!(
                first,
                "rp" | "idr"
                    | "us"
                    | "usd"
                    | "as"
                    | "eur"
                    | "euro"
                    | "gbp"
                    | "myr"
                    | "rm"
                    | "ringgit"
                    | "malaysia"
                    | "malaysian"
                    | "sgd"
                    | "s"
                    | "jpy"
                    | "cny"
                    | "rmb"
                    | "inr"
                    | "rs"
                    | "cad"
                    | "c"
                    | "chf"
                    | "aud"
                    | "a"
                    | "krw"
                    | "sar"
                    | "qar"
                    | "kwd"
                    | "egp"
                    | "ils"
                    | "mnt"
                    | "hkd"
                    | "hk"
                    | "rupiah"
            ),
            _ => false,
        };
        if !plausible {
            return None;
        }
        // the sign's extent: "US$", "Rp.", "malaysian ringgits", "EUR"
        let (len, spaced): (usize, bool) = if (t.is_punct(k + 1, "$")
            || (first == "rp" && t.is_punct(k + 1, ".")))
            && t.glued(k + 1)
        {
            (2, false)
        } else if matches!(first, "malaysia" | "malaysian")
            && matches!(t.low(k + 1), "ringgit" | "ringgits")
        {
            (2, true)
        } else {
            (1, false)
        };
        let (code, nk, raw) = {
            let s0 = t.toks.get(k)?.start;
            let e0 = t.toks.get(k + len - 1)?.end;
            let raw = self.text.get(s0..e0)?;
            let lower = t.lower.get(s0 - t.base..e0 - t.base)?;
            let lower_norm;
            let lower = if spaced {
                lower_norm = lower.split_whitespace().collect::<Vec<_>>().join(" ");
                lower_norm.as_str()
            } else {
                lower
            };
            (units::currency_prefix(raw, lower)?, k + len, raw)
        };
        // must be followed by a number (possibly spaced)
        let next_num = matches!(t.kind(nk), Some(TokKind::Num))
            || (t.kind(nk) == Some(TokKind::Word) && word_atoms(t.low(nk), self.lang).is_some())
            || (t.is_punct(nk, ".") && t.kind(nk + 1) == Some(TokKind::Num))
            || (self.lang == Lang::En && matches!(t.low(nk), "a" | "an"));
        if next_num {
            return Some((code, nk, raw.to_string()));
        }
        None
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
        let jn = if is_marker
            && (t.low(j + 1) == ":" || t.is_dash(j + 1))
            && t.glued(j + 1)
            && t.glued(j + 2)
        {
            j + 2
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
                    start: num.start,
                    end: e,
                    kind: Kind::Count,
                    low: Some(v),
                    high: Some(v),
                    low_inc: true,
                    high_inc: true,
                    approx: false,
                    qual: None,
                    unit: None,
                    precision: Some(1.0),
                    stated: Stated {
                        low: Some(v),
                        high: Some(v),
                        unit: None,
                    },
                    noun: None,
                    noun_base: None,
                    concept: Some("age".to_string()),
                    date: None,
                    tz: None,
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
        if let Some(u) = &unit {
            m.kind = u.unit.kind;
            m.stated.unit = Some(u.surface.clone());
        }
        m.end = m.end.max(num.end);

        // rate: "/hour", "per kg"
        if let Some(u) = unit.as_mut() {
            if let Some((u2, e)) = self.rate_at(m.end) {
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
                if dash
                    && both_plain
                    && currency.is_none()
                    && num.plain_int
                    && hi.plain_int
                    && (num.low > hi.low || (self.sport() && hi.low < 100.0))
                {
                    // "menang 2-1", "Jepang vs Indonesia 6-0": a match result
                    if self.sport() && num.low < 100.0 && hi.low < 100.0 && qual.is_none() {
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

        // duration compounds: "2 years, 3 months", "1 hour thirty", "an hour and a half"
        let mut extra_base = 0.0;
        if let Some(u) = &unit {
            if u.unit.kind == Kind::Duration && range_hi.is_none() && num.is_point() {
                let (add, e) = self.duration_tail(m.end, u.unit.factor);
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
        // an age by decade: "a woman in her 80s" -> [80, 89]
        if self.lang == Lang::En
            && currency.is_none()
            && range_hi.is_none()
            && num.plain_int
            && num.start == start
            && (10.0..=110.0).contains(&num.low)
            && num.low % 10.0 == 0.0
            && t.low(num.end) == "s"
            && t.glued(num.end)
            && start >= 2
            && t.low(start - 2) == "in"
            && matches!(t.low(start - 1), "her" | "his" | "their")
        {
            m.kind = Kind::Count;
            m.low = Some(num.low);
            m.high = Some(num.low + 9.0);
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
            if let Some((noun, base, concept, e)) = noun {
                m.kind = Kind::Count;
                m.noun = Some(noun);
                m.noun_base = Some(base);
                m.concept = concept;
                m.end = e;
            }
            if self.takes_role(&m) {
                if let Some(c) = self.predicate_near(start, m.end) {
                    m.kind = Kind::Count;
                    m.concept = Some(c);
                }
            }
        }
        m.end = m.end.min(n);
        Outcome::Claim(Box::new(m))
    }

    /// Whether a role predicate near the mention may decide its concept:
    /// the count has no noun, an anaphor (`four others`) or a noun of
    /// people (`two children`); never a count of things (`two rival
    /// groups`) or of times (`shot eight times`).
    fn takes_role(&self, m: &Mention) -> bool {
        let t = &self.toks;
        if matches!(t.low(m.end), "times" | "kali" | "x") {
            return false;
        }
        // "the five-bedroom house", "a two-story home": a modifier
        if m.noun.is_none() && t.is_dash(m.end) && t.glued(m.end) && t.glued(m.end + 1) {
            return false;
        }
        match (&m.noun_base, &m.concept) {
            (None, _) => true,
            (Some(_), Some(c)) => roles::is_person_concept(c),
            (Some(b), None) => roles::is_anaphor(self.lang, b),
        }
    }

    /// Whether a number (with its unit, if any) states a person's age in
    /// years: a bare integer in parentheses after a capitalised name
    /// (`Dedeh (45)`), or an integer count of years after an age word
    /// (`berusia 63 tahun`, `aged 45`, `umur 71 tahun`) or set off by
    /// commas after a name (`Liliana, 58 tahun,`, `Liliana, 58,`).
    fn is_age(&self, num: &Num, m: &Mention, start: usize) -> bool {
        let t = &self.toks;
        if !num.plain_int || num.low < 1.0 || num.low > 120.0 || !num.is_point() {
            return false;
        }
        let years = match m.kind {
            Kind::Number => m.end == num.end,
            Kind::Duration => {
                m.stated.unit.as_deref().is_some_and(|u| {
                    matches!(
                        u.to_lowercase().as_str(),
                        "tahun" | "thn" | "th" | "year" | "years" | "yrs"
                    )
                }) && m.end == num.end + 1
            }
            _ => false,
        };
        if !years {
            return false;
        }
        let prev = self.prev_low(start);
        if matches!(
            prev,
            "berusia" | "berumur" | "usia" | "umur" | "usianya" | "umurnya" | "aged" | "age"
        ) {
            return true;
        }
        // "at the age of 79"
        if prev == "of" && start >= 2 && t.low(start - 2) == "age" {
            return true;
        }
        let name_before = |k: usize| {
            k > 0
                && t.kind(k - 1) == Some(TokKind::Word)
                && t.raw(self.text, k - 1).starts_with(char::is_uppercase)
                && datetime::weekday(t.low(k - 1)).is_none()
                && datetime::month(t.low(k - 1)).is_none()
        };
        // "Dedeh (45)"
        if m.kind == Kind::Number
            && start == num.start
            && prev == "("
            && t.low(num.end) == ")"
            && name_before(start - 1)
        {
            return true;
        }
        // "Liliana, 58 tahun," / "Liliana, 58,"
        start == num.start
            && prev == ","
            && name_before(start - 1)
            && matches!(t.low(m.end), "," | ")")
            && (m.kind == Kind::Duration || self.lang == Lang::En)
    }

    fn scale_of(&self, hi: &Num) -> f64 {
        // the scale is the ratio of the value to the digits as written
        let t = &self.toks;
        let mut k = hi.start;
        while k < hi.end {
            if t.kind(k) == Some(TokKind::Num) {
                if let Some(d) = parse_digits(t.low(k), self.lang) {
                    if d.value > 0.0 {
                        return hi.low / d.value;
                    }
                }
            }
            k += 1;
        }
        1.0
    }

    /// An implicit count of one person with a role: `a man was shot and
    /// killed`, `killing a 17-year-old girl`, `left a woman dead`,
    /// `seorang wanita tewas`. The person is `a`/`an` and a noun of people
    /// after at most four modifiers (an age `N-year-old` among them), or
    /// `seorang` and at most two words; the role predicate comes right
    /// before, or after it past bridge words only (`was`, `shot and`,
    /// `dalam keadaan`). Without a role predicate nothing is claimed.
    fn implicit_person(&self, qstart: usize, j: usize, qual: Option<Qual>) -> Outcome {
        let t = &self.toks;
        // cheap check before the lexicon walks: a predicate right before
        // or within ten tokens after
        if qual.is_some() || !self.pred_in(j.saturating_sub(2)..j + 11) {
            return Outcome::None;
        }
        let w = t.low(j);
        // a singular noun of people: "victim", not "victims" or "people"
        let person = |k: usize| match self.person_at(k) {
            Some((written, base, Some(c), EntryKind::Noun, e))
                if roles::is_person_concept(&c)
                    && (self.lang == Lang::Id
                        || (written.to_lowercase() == base
                            && !roles::is_plural(self.lang, &base))) =>
            {
                Some((written, base, e))
            }
            _ => None,
        };
        let mut age: Option<(usize, usize, f64)> = None;
        let noun = match (self.lang, w) {
            // "the victim died", "the 15-year-old was pronounced dead": a
            // singular noun of people is one person
            (Lang::En, "a" | "an" | "the") => {
                let mut k = j + 1;
                let mut found = None;
                for _ in 0..5 {
                    if let Some(p) = person(k) {
                        found = Some((k, p));
                        break;
                    }
                    if let Some((v, e)) = self.age_compound(k) {
                        age = Some((k, e, v));
                        k = e;
                        continue;
                    }
                    let lw = t.low(k);
                    // "the first person killed", "the third man": a position
                    if t.kind(k) != Some(TokKind::Word)
                        || lists().en_stop.contains(&lw)
                        || kinds::ordinal_word(self.lang, lw).is_some()
                        || matches!(self.lex_at(k), Some((_, _, _, EntryKind::Pred, _)))
                    {
                        break;
                    }
                    k = self.word_unit(k).map_or(k + 1, |x| x.1);
                }
                // "killing a 17-year-old": the age stands for the person
                match (found, age) {
                    (Some(f), _) => Some(f),
                    (None, Some((a, e, _))) if e == k => {
                        age = None;
                        Some((a, (self.raw_span(a, e), "person".to_string(), e)))
                    }
                    _ => None,
                }
            }
            (Lang::Id, "seorang") => {
                let k = j + 1;
                match person(k) {
                    Some(p) => Some((k, p)),
                    None => {
                        // an unknown common noun: "seorang pengendara"
                        let ok = t.kind(k) == Some(TokKind::Word)
                            && !t.raw(self.text, k).starts_with(char::is_uppercase)
                            && !lists().id_stop.contains(&t.low(k))
                            && !looks_like_verb(t.low(k))
                            && self.lex_at(k).is_none();
                        ok.then(|| {
                            let e = self.word_unit(k).map_or(k + 1, |x| x.1);
                            (k, (self.raw_span(k, e), t.low(k).to_string(), e))
                        })
                    }
                }
            }
            _ => None,
        };
        let Some((nk, (written, base, e))) = noun else {
            return Outcome::None;
        };
        // Indonesian modifiers follow the noun: "seorang pengendara motor tewas"
        let mut after = e;
        if self.lang == Lang::Id {
            for _ in 0..2 {
                let lw = t.low(after);
                if t.kind(after) != Some(TokKind::Word)
                    || lists().id_stop.contains(&lw)
                    || roles::is_bridge(self.lang, lw)
                    || matches!(self.lex_at(after), Some((_, _, _, EntryKind::Pred, _)))
                    || looks_like_verb(lw)
                {
                    break;
                }
                after += 1;
            }
        }
        let Some(role) = self.role_before(j).or_else(|| self.role_after(after)) else {
            return Outcome::None;
        };
        let one = |start: usize, end: usize, low: f64| Mention {
            start,
            end,
            kind: Kind::Count,
            low: Some(low),
            high: Some(low),
            low_inc: true,
            high_inc: true,
            approx: false,
            qual: None,
            unit: None,
            precision: Some(1.0),
            stated: Stated {
                low: Some(low),
                high: Some(low),
                unit: None,
            },
            noun: None,
            noun_base: None,
            concept: None,
            date: None,
            tz: None,
        };
        let mut m = one(qstart.min(j), e, 1.0);
        m.noun = Some(written);
        m.noun_base = Some(base);
        m.concept = Some(role);
        match age {
            Some((a, ae, v)) => {
                let mut am = one(a, ae, v);
                am.concept = Some("age".to_string());
                m.start = nk.max(ae);
                Outcome::Pair(Box::new(am), Box::new(m))
            }
            None => Outcome::Claim(Box::new(m)),
        }
    }

    /// [`Self::lex_at`] for a noun written as in the lexicon: one probe
    /// without allocation for a single word, the full match only where a
    /// multi-word surface may start.
    #[allow(clippy::type_complexity)] // reason: lex_at's tuple
    fn person_at(&self, k: usize) -> Option<(String, String, Option<String>, EntryKind, usize)> {
        let t = &self.toks;
        let w = t.low(k);
        if t.kind(k) != Some(TokKind::Word) {
            return None;
        }
        if self.lex.starts_multi(self.lang, w) || (t.is_dash(k + 1) && t.glued(k + 1)) {
            return self.lex_at(k);
        }
        match self.lex_entry(w) {
            Some((EntryKind::Noun, c)) if roles::is_person_concept(c) => Some((
                t.raw(self.text, k).to_string(),
                w.to_string(),
                Some(c.to_string()),
                EntryKind::Noun,
                k + 1,
            )),
            _ => None,
        }
    }

    /// An age written `N-year-old` (`27-year-old`, `27 year old`) at `k`:
    /// (years, index after).
    fn age_compound(&self, k: usize) -> Option<(f64, usize)> {
        let t = &self.toks;
        if t.kind(k) != Some(TokKind::Num) {
            return None;
        }
        let v = parse_digits(t.low(k), self.lang)?.value;
        if !(0.0..=120.0).contains(&v) || v.fract() != 0.0 {
            return None;
        }
        let mut q = k + 1;
        if t.is_dash(q) {
            q += 1;
        }
        // "13-month-old": the age in years
        let per_year = match t.low(q) {
            "year" | "years" => 1.0,
            "month" | "months" => 12.0,
            "week" | "weeks" => 52.0,
            "day" | "days" => 365.0,
            _ => return None,
        };
        let v = round_sig(v / per_year);
        q += 1;
        if t.is_dash(q) {
            q += 1;
        }
        (t.low(q) == "old").then_some((v, q + 1))
    }

    /// A role predicate ending right before `k` (`killing a man`, `killed
    /// at least`): its concept.
    fn role_before(&self, k: usize) -> Option<String> {
        (1..=2)
            .filter(|&b| k >= b)
            .find_map(|b| match self.lex_at(k - b) {
                Some((_, _, Some(c), EntryKind::Pred, e)) if e == k => Some(c),
                _ => None,
            })
    }

    /// Whether the role predicate at `p..e`, after a noun ending at
    /// `from`, is an active verb whose object follows (`a man shot six
    /// people`, `the gunman killed his wife`): then the noun is the agent.
    /// Passive with a form of "be" in between (`was shot`) or without an
    /// object after it (`two men killed in the shooting`) it is the
    /// noun's role.
    fn is_active(&self, from: usize, p: usize, e: usize) -> bool {
        let t = &self.toks;
        // "fatally shot his daughters": the verb after the adverb
        let (p, e) = if roles::is_transitive(self.lang, t.low(e)) {
            (e, e + 1)
        } else {
            (p, e)
        };
        self.lang == Lang::En
            && roles::is_transitive(self.lang, t.low(p))
            && !(from..p).any(|k| roles::is_passive(self.lang, t.low(k)))
            && (roles::is_object(self.lang, t.low(e)) || t.kind(e) == Some(TokKind::Num))
    }

    /// A role predicate at `k` or after bridge words only (`was shot and
    /// killed`, `dalam keadaan tewas`): its concept.
    fn role_after(&self, mut k: usize) -> Option<String> {
        let t = &self.toks;
        let from = k;
        for _ in 0..6 {
            if t.kind(k) != Some(TokKind::Word) {
                return None;
            }
            if let Some((_, _, Some(c), EntryKind::Pred, e)) = self.lex_at(k) {
                return (!self.is_active(from, k, e)).then_some(c);
            }
            if !roles::is_bridge(self.lang, t.low(k)) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// "a dollar", "an hour", "a gallon", "sejam": one of a unit.
    fn implicit_one(&self, qstart: usize, j: usize, qual: Option<Qual>) -> Outcome {
        let t = &self.toks;
        let w = t.low(j);
        let unit = if let Some(u) = self.se_unit(w) {
            UnitHit {
                unit: u,
                base: u.base.to_string(),
                end: j + 1,
                surface: w.to_string(),
            }
        } else if self.lang == Lang::En && matches!(w, "a" | "an" | "one") {
            let Some(u) = self.unit_at_simple(j + 1) else {
                return Outcome::None;
            };
            if !matches!(u.unit.kind, Kind::Duration | Kind::Money | Kind::Measure)
                || u.unit.factor < 1e-3 && u.unit.kind == Kind::Money && u.surface.len() == 1
            {
                return Outcome::None;
            }
            u
        } else {
            return Outcome::None;
        };
        let mut end = unit.end;
        let mut value = unit.unit.factor;
        if unit.unit.kind == Kind::Duration {
            let (add, e) = self.duration_tail(end, unit.unit.factor);
            if e > end {
                value += add;
                end = e;
            }
        }
        let mut lo_stated = 1.0;
        if unit.unit.kind == Kind::Money {
            if let Some((c, e)) = self.cents_after(end) {
                value = unit.unit.factor * (1.0 + c / 100.0);
                lo_stated += c / 100.0;
                end = e;
            }
        }
        let start = if qual.is_some() { qstart } else { j };
        let mut m = Mention {
            start,
            end,
            kind: unit.unit.kind,
            low: Some(value),
            high: Some(value),
            low_inc: true,
            high_inc: true,
            approx: false,
            qual: None,
            unit: Some(unit.base.clone()),
            precision: None,
            stated: Stated {
                low: Some(lo_stated),
                high: Some(lo_stated),
                unit: Some(unit.surface),
            },
            noun: None,
            noun_base: None,
            concept: None,
            date: None,
            tz: None,
        };
        match qual {
            Some(Qual::MoreThan) => {
                m.high = None;
                m.low_inc = false;
                m.qual = Some("more_than");
            }
            Some(Qual::AtLeast) => {
                m.high = None;
                m.qual = Some("at_least");
            }
            Some(Qual::LessThan) => {
                m.low = Some(0.0);
                m.high_inc = false;
                m.qual = Some("less_than");
            }
            Some(Qual::AtMost) => {
                m.low = Some(0.0);
                m.qual = Some("at_most");
            }
            Some(Qual::Approx) => {
                m.approx = true;
                m.qual = Some("approx");
            }
            Some(Qual::Nearly) => {
                m.low = Some(value * 0.9);
                m.high_inc = false;
                m.approx = true;
                m.qual = Some("nearly");
            }
            _ => {}
        }
        Outcome::Claim(Box::new(m))
    }

    /// Identifiers, ordinals, phone numbers, years: returns how to skip.
    fn non_quantity(&self, num: &Num) -> Option<Outcome> {
        let t = &self.toks;
        let s = num.start;
        let e = num.end;
        let value = num.low;
        let rank_before = |k: usize| k > 0 && kinds::is("rank", self.lang, t.low(k - 1));
        // "peringkat ke-40", "ke-3 kalinya", "hari ke-4": before the
        // glued-letter identifiers ("SV-5276") below
        if s >= 2 && t.is_dash(s - 1) && t.glued(s) && t.low(s - 2) == "ke" {
            if num.plain_int && rank_before(s - 2) {
                return Some(self.ranked(Kind::Rank, s - 3, e, value, None));
            }
            if num.plain_int && t.low(e) == "kalinya" {
                return Some(self.ranked(Kind::Ordinal, s - 2, e + 1, value, Some("kali")));
            }
            if num.plain_int && s >= 3 && kinds::is("ordnoun", self.lang, t.low(s - 3)) {
                let noun = t.low(s - 3);
                return Some(self.ranked(Kind::Ordinal, s - 3, e, value, Some(noun)));
            }
            return Some(Outcome::Skip(e));
        }
        let first_num = (s..e).find(|&k| t.kind(k) == Some(TokKind::Num));
        // glued letters before the digits: "MH370", "J1149", "SV-5276"
        if let Some(k) = first_num {
            if k > 0 && t.glued(k) {
                let p = t.low(k - 1);
                let praw = t.raw(self.text, k - 1);
                if t.kind(k - 1) == Some(TokKind::Word) && units::currency_prefix(praw, p).is_none()
                {
                    return Some(Outcome::Skip(self.skip_id(e)));
                }
                if t.is_dash(k - 1)
                    && k > 1
                    && t.glued(k - 1)
                    && t.kind(k - 2) == Some(TokKind::Word)
                {
                    return Some(Outcome::Skip(self.skip_id(e)));
                }
                if matches!(p, "#" | "+" | "@" | "/") {
                    return Some(Outcome::Skip(self.skip_id(e)));
                }
            }
            // all-caps code before: "GA 716"; not before a unit ("TFT 7 inci")
            if k == s && k > 0 && !t.glued(k) {
                let praw = t.raw(self.text, k - 1);
                if t.kind(k - 1) == Some(TokKind::Word)
                    && is_upper_code(praw)
                    && self.unit_at(e, num).is_none()
                    && units::currency_prefix(praw, t.low(k - 1)).is_none()
                    && !matches!(praw, "M" | "SR" | "AS" | "US" | "RI" | "NATO")
                {
                    return Some(Outcome::Skip(self.skip_id(e)));
                }
            }
            let raw = t.low(k);
            // phone numbers and zero-padded ids
            if raw.len() >= 5 && raw.starts_with('0') && raw.bytes().all(|b| b.is_ascii_digit()) {
                return Some(Outcome::Skip(self.skip_id(e)));
            }
            if raw.len() >= 11 && raw.bytes().all(|b| b.is_ascii_digit()) {
                return Some(Outcome::Skip(self.skip_id(e)));
            }
        }
        // addresses: "7050 Old State Road", "the 7800 block of Main"
        if num.plain_int && self.is_address(e) {
            return Some(Outcome::Skip(e));
        }
        // photo captions: "Image 6 of 11"
        if num.plain_int
            && s > 0
            && t.low(e) == "of"
            && t.kind(e + 1) == Some(TokKind::Num)
            && roles::is_caption(self.lang, self.prev_low(s))
        {
            return Some(Outcome::Skip(e + 2));
        }
        // ordinal suffixes: 3rd, 21st, ke-3; a rank ("ranked 40th", "6th
        // place") or an nth time ("for the 3rd time"), otherwise no claim
        if matches!(t.low(e), "st" | "nd" | "rd" | "th") && t.glued(e) && num.plain_int {
            let after = t.low(e + 1);
            if kinds::is("place", self.lang, after) {
                return Some(self.ranked(Kind::Rank, s, e + 2, value, None));
            }
            if rank_before(s) {
                return Some(self.ranked(Kind::Rank, s - 1, e + 1, value, None));
            }
            if kinds::is("ordnoun", self.lang, after) {
                return Some(self.ranked(Kind::Ordinal, s, e + 2, value, Some(after)));
            }
            return Some(Outcome::Skip(e + 1));
        }
        // "peringkat 40", "rank 3": a position in a ranking
        if num.plain_int && rank_before(s) {
            return Some(self.ranked(Kind::Rank, s - 1, e, value, None));
        }
        // cue words before: "No. 5", "Pasal 340", "Story Code : 973357"
        let mut k = s;
        let mut hops = 0;
        while k > 0 && hops < 3 {
            let p = t.low(k - 1);
            if matches!(p, ":" | "." | "#" | "-") {
                k -= 1;
                hops += 1;
                continue;
            }
            // "naik ke 80 persen": spaced "ke" before a measure is "to"
            let to_measure = p == "ke" && k == s && self.unit_at(e, num).is_some();
            if lists().id_cue.contains(&p) && !num.words && !to_measure {
                return Some(Outcome::Skip(self.skip_id(e)));
            }
            break;
        }
        // years
        if num.plain_int && !num.has_scale && num.int_len == 4 {
            let v = num.low;
            let prev = self.prev_low(s);
            let cue = matches!(prev, "tahun" | "year" | "thn" | "th");
            if ((1900.0..=2100.0).contains(&v) || (cue && (1000.0..=2999.0).contains(&v)))
                && self.unit_at(e, num).is_none()
                && (cue || self.noun_at(e).is_none_or(|(_, _, c, _)| c.is_none()))
            {
                let mut end = e;
                let mut last = v;
                // "2013-14", "2019-2020": a span of years [first, last]
                if t.is_dash(e)
                    && t.glued(e)
                    && t.glued(e + 1)
                    && t.kind(e + 1) == Some(TokKind::Num)
                {
                    end = e + 2;
                    let d = t.low(e + 1);
                    if let Ok(x) = d.parse::<u32>() {
                        let x = f64::from(x);
                        let y2 = match d.len() {
                            4 => x,
                            2 => (v / 100.0).floor() * 100.0 + x,
                            _ => v,
                        };
                        if y2 > v && y2 - v < 100.0 {
                            last = y2;
                        }
                    }
                }
                let y = v as i32;
                return Some(Outcome::Claim(Box::new(Mention {
                    start: s,
                    end,
                    kind: Kind::Date,
                    low: Some(v),
                    high: Some(last),
                    low_inc: true,
                    high_inc: true,
                    approx: false,
                    qual: None,
                    unit: None,
                    precision: Some(1.0),
                    stated: Stated {
                        low: Some(v),
                        high: Some(v),
                        unit: None,
                    },
                    noun: None,
                    noun_base: None,
                    concept: None,
                    date: Some(format!("{y:04}")),
                    tz: None,
                })));
            }
        }
        None
    }

    /// A rank or ordinal claim over tokens `start..end`.
    fn ranked(
        &self,
        kind: Kind,
        start: usize,
        end: usize,
        value: f64,
        noun: Option<&str>,
    ) -> Outcome {
        let mut m = self.exact(start, end, kind, value);
        m.noun = noun.map(str::to_string);
        m.noun_base = noun.map(|n| if n == "kalinya" { "kali" } else { n }.to_string());
        Outcome::Claim(Box::new(m))
    }

    /// A claim of one exact value (no unit, precision 1).
    fn exact(&self, start: usize, end: usize, kind: Kind, value: f64) -> Mention {
        Mention {
            start,
            end: end.min(self.toks.toks.len()),
            kind,
            low: Some(value),
            high: Some(value),
            low_inc: true,
            high_inc: true,
            approx: false,
            qual: None,
            unit: None,
            precision: None,
            stated: Stated {
                low: Some(value),
                high: Some(value),
                unit: None,
            },
            noun: None,
            noun_base: None,
            concept: None,
            date: None,
            tz: None,
        }
    }

    /// A level (`Level II`, `siaga 1`, `status Awas`) or an nth time
    /// (`kali ketiga`, `ketiga kalinya`, `hari keempat`, `the third time`)
    /// starting at the word `i`.
    fn word_kind_at(&self, i: usize) -> Option<Mention> {
        let t = &self.toks;
        let w = t.low(i);
        let nx = i + 1;
        let raw_nx = t.raw(self.text, nx);
        // levels: a scale word, then a Roman numeral or a small integer
        if kinds::is("scheme", self.lang, w) {
            let v = kinds::roman(raw_nx).or_else(|| {
                (t.kind(nx) == Some(TokKind::Num))
                    .then(|| t.low(nx).parse::<u8>().ok())
                    .flatten()
                    .filter(|v| (1..=10).contains(v))
                    .map(f64::from)
            })?;
            // not "level 4,5" or "level 3%"
            if t.glued(nx + 1) && !t.is_punct(nx + 1, ",") && !t.is_punct(nx + 1, ".") {
                return None;
            }
            let mut m = self.exact(i, nx + 1, Kind::Level, v);
            m.noun = Some(t.raw(self.text, i).to_string());
            m.noun_base = Some(w.to_string());
            return Some(m);
        }
        // "status Awas": a named level of the volcano scale
        if w == "status" && raw_nx.starts_with(char::is_uppercase) {
            let v = kinds::named_level(self.lang, t.low(nx))?;
            let mut m = self.exact(i, nx + 1, Kind::Level, v);
            m.noun = Some(t.raw(self.text, i).to_string());
            m.noun_base = Some("status".to_string());
            return Some(m);
        }
        // Indonesian: the noun, then the ordinal ("kali ketiga"); English:
        // the ordinal, then the noun ("the third time"); "ketiga kalinya"
        if kinds::is("ordnoun", self.lang, w) || w == "kalinya" {
            let (k, start, end) = match self.lang {
                Lang::Id if w != "kalinya" => (nx, i, nx + 1),
                _ => (i.checked_sub(1)?, i - 1, i + 1),
            };
            if t.kind(k) != Some(TokKind::Word) {
                return None;
            }
            let v = kinds::ordinal_word(self.lang, t.low(k))?;
            let mut m = self.exact(start, end, Kind::Ordinal, v);
            let noun = if w == "kalinya" { "kali" } else { w };
            m.noun = Some(t.raw(self.text, i).to_string());
            m.noun_base = Some(noun.to_string());
            return Some(m);
        }
        None
    }

    /// A match result over `start..end`: `stated` keeps the two scores in
    /// the order written, `noun` the sides named before it with a versus
    /// word ("Jepang vs Indonesia 6-0"); the comparison key is `1000 ·
    /// winner + loser`, since writers put either side first ("menang 6-0",
    /// "kalah 0-6").
    fn score(&self, start: usize, end: usize, left: f64, right: f64) -> Mention {
        let sides = self
            .sides_before(start)
            .or_else(|| self.sides_around(start, end));
        let noun_base = sides.as_ref().map(|(a, b)| {
            let (la, lb) = (a.to_lowercase(), b.to_lowercase());
            if la > lb {
                format!("{lb} vs {la}")
            } else {
                format!("{la} vs {lb}")
            }
        });
        let key = left.max(right) * 1000.0 + left.min(right);
        let mut m = self.exact(start, end, Kind::Score, key);
        m.stated.low = Some(left);
        m.stated.high = Some(right);
        m.noun = sides.map(|(a, b)| format!("{a} vs {b}"));
        m.noun_base = noun_base;
        m
    }

    /// The two sides of a match named before `k`: capitalised words on
    /// either side of a versus word (`Jepang vs Indonesia`, `Argentina
    /// melawan Kolombia`), within the ten tokens before.
    fn sides_before(&self, k: usize) -> Option<(String, String)> {
        let t = &self.toks;
        let cap = |x: usize| {
            t.kind(x) == Some(TokKind::Word) && t.raw(self.text, x).starts_with(char::is_uppercase)
        };
        let lo = k.saturating_sub(10);
        let p = (lo..k)
            .rev()
            .find(|&p| kinds::is("versus", self.lang, t.low(p)))?;
        let mut a = p;
        while a > lo && a + 3 > p && cap(a - 1) {
            a -= 1;
        }
        let mut b = p + 1;
        while b < k && b < p + 4 && cap(b) {
            b += 1;
        }
        (a < p && b > p + 1).then(|| (self.raw_span(a, p), self.raw_span(p + 1, b)))
    }

    /// The two sides of a match around a score at `start..end` without a
    /// versus word: the nearest capitalised name before it in its clause
    /// and the one after a preposition right after it ("Indonesia kalah
    /// 0-4 dari Jepang", "Japan beat Indonesia 6-0" has no second name
    /// after it and is left without sides).
    fn sides_around(&self, start: usize, end: usize) -> Option<(String, String)> {
        let t = &self.toks;
        let cap = |x: usize| {
            t.kind(x) == Some(TokKind::Word) && t.raw(self.text, x).starts_with(char::is_uppercase)
        };
        // after: "dari Jepang", "atas China", "over Bahrain", "against Japan"
        let mut b = end;
        if !matches!(
            t.low(b),
            "dari" | "atas" | "kontra" | "melawan" | "over" | "against" | "to" | "by"
        ) {
            return None;
        }
        b += 1;
        let b0 = b;
        while b < b0 + 3 && cap(b) {
            b += 1;
        }
        if b == b0 {
            return None;
        }
        // before: the nearest capitalised run in the clause, not the
        // sentence's first word unless it is followed by another capital
        let lo = start.saturating_sub(8);
        let mut a_end = None;
        for p in (lo..start).rev() {
            if t.kind(p) == Some(TokKind::Punct) {
                break;
            }
            if cap(p) {
                a_end = Some(p + 1);
                break;
            }
        }
        let a_end = a_end?;
        let mut a = a_end - 1;
        while a > lo && a + 3 > a_end && cap(a - 1) {
            a -= 1;
        }
        Some((self.raw_span(a, a_end), self.raw_span(b0, b)))
    }

    /// Whether the words after a house number at `e` name a street: a
    /// street word (`Road`, `block`) right after it or after up to three
    /// capitalised words (`7050 Old State Road`).
    fn is_address(&self, e: usize) -> bool {
        let t = &self.toks;
        let mut k = e;
        for _ in 0..4 {
            // "302 E. Reed St.": an abbreviation's dot
            if k > e && t.is_punct(k, ".") && t.glued(k) {
                k += 1;
            }
            if t.kind(k) != Some(TokKind::Word) {
                return false;
            }
            let low = t.low(k);
            if k == e && low == "block" {
                return true;
            }
            if !t.raw(self.text, k).starts_with(char::is_uppercase) {
                return false;
            }
            if k > e && roles::is_street(self.lang, low) {
                return true;
            }
            k += 1;
        }
        false
    }

    fn skip_id(&self, mut e: usize) -> usize {
        // swallow glued alphanumeric continuation: "06F6", "0812-3456"
        let t = &self.toks;
        while e < t.toks.len()
            && t.glued(e)
            && !t.is_punct(e, ",")
            && !t.is_punct(e, ".")
            && !t.is_punct(e, ")")
        {
            e += 1;
        }
        e
    }

    /// Parses a number at `k` (digits, words, vague words) with its scale.
    fn number(&self, k: usize, money: bool) -> Option<Num> {
        let t = &self.toks;
        let n = t.toks.len();
        if k >= n {
            return None;
        }
        let mut i = k;
        let mut sign = 1.0;
        let w = t.low(i);
        let dot_num = (t.is_punct(i + 1, ".") || t.is_punct(i + 1, ","))
            && t.glued(i + 1)
            && t.kind(i + 2) == Some(TokKind::Num)
            && t.glued(i + 2);
        if matches!(w, "-" | "−") && (t.kind(i + 1) == Some(TokKind::Num) || dot_num) {
            let spaced_before = i == 0 || !t.glued(i);
            let prev_ok = i == 0 || !matches!(t.kind(i - 1), Some(TokKind::Num));
            if spaced_before && prev_ok && (t.glued(i + 1) || i == 0) {
                sign = -1.0;
                i += 1;
            } else {
                return None;
            }
        } else if matches!(w, "minus" | "negative" | "negatif")
            && matches!(t.kind(i + 1), Some(TokKind::Num) | Some(TokKind::Word))
        {
            sign = -1.0;
            i += 1;
        }
        let mut num = if let Some(x) = self.digits_number(i, money) {
            x
        } else {
            self.word_number(i)?
        };
        num.start = k;
        if sign < 0.0 {
            if num.words
                && i > k
                && t.kind(i) != Some(TokKind::Num)
                && !matches!(t.low(k), "minus" | "negative" | "negatif")
            {
                return None;
            }
            num.low = -num.low;
            num.high = -num.high;
            if num.low > num.high {
                std::mem::swap(&mut num.low, &mut num.high);
            }
            num.plain_int = false;
        }
        Some(num)
    }

    fn digits_number(&self, i: usize, money: bool) -> Option<Num> {
        let t = &self.toks;
        let mut k = i;
        let mut lead_dec = false;
        if (t.is_punct(k, ".") || t.is_punct(k, ","))
            && t.kind(k + 1) == Some(TokKind::Num)
            && t.glued(k + 1)
            && (k == 0 || !t.glued(k) || matches!(t.low(k - 1), "-" | "−"))
        {
            lead_dec = true;
            k += 1;
        }
        let start = i;
        let (mut value, mut precision, decimals, plain, int_len) = match t.kind(k) {
            Some(TokKind::Num) => {
                let raw = t.low(k);
                let d = if lead_dec {
                    let s = format!("0{}{}", if self.lang == Lang::Id { "," } else { "." }, raw);
                    if raw.contains(['.', ',']) {
                        return None;
                    }
                    parse_digits(&s, self.lang)?
                } else {
                    parse_digits(raw, self.lang)?
                };
                let plain = !d.separated;
                (
                    d.value,
                    Some(d.precision()),
                    d.decimals,
                    plain,
                    d.int_digits,
                )
            }
            Some(TokKind::Frac) => (frac_value(t.low(k)), None, 0, false, 0),
            _ => return None,
        };
        let mut end = k + 1;
        let mut has_scale = false;
        let mut plain_int = plain && decimals == 0;
        // vulgar fraction glued: 1½
        if t.kind(end) == Some(TokKind::Frac) && t.glued(end) {
            value += frac_value(t.low(end));
            precision = None;
            end += 1;
            plain_int = false;
        }
        // fraction a/b
        if plain_int
            && t.is_punct(end, "/")
            && t.glued(end)
            && t.glued(end + 1)
            && t.kind(end + 1) == Some(TokKind::Num)
        {
            let den = t.low(end + 1);
            if let Ok(dv) = den.parse::<u32>() {
                if dv > 0
                    && (value as u32) < dv
                    && dv <= 1000
                    && !(t.is_punct(end + 2, "/") && t.glued(end + 2))
                {
                    value /= dv as f64;
                    precision = None;
                    end += 2;
                    plain_int = false;
                } else {
                    return None;
                }
            } else {
                return None;
            }
        }
        // scientific: 4e14, 1e-3, 5.5x10-3
        if t.glued(end) && matches!(t.low(end), "e" | "x" | "×") {
            let mut q = end + 1;
            let base_ten = t.low(end) != "e";
            if base_ten {
                if t.low(q) == "10" && t.glued(q) {
                    q += 1;
                } else {
                    q = usize::MAX;
                }
            }
            if q != usize::MAX {
                let mut sgn = 1;
                if (t.is_dash(q) || t.is_punct(q, "^")) && t.glued(q) {
                    if t.is_punct(q, "^") {
                        q += 1;
                        if t.is_dash(q) && t.glued(q) {
                            sgn = -1;
                            q += 1;
                        }
                    } else {
                        sgn = -1;
                        q += 1;
                    }
                }
                if t.kind(q) == Some(TokKind::Num) && t.glued(q) {
                    if let Ok(ex) = t.low(q).parse::<i32>() {
                        if ex.abs() <= 300 {
                            value *= 10f64.powi(sgn * ex);
                            precision = None;
                            end = q + 1;
                            plain_int = false;
                        }
                    }
                }
            }
        }
        // spelled decimal point: "1 point 1"
        if plain_int && matches!(t.low(end), "point" | "koma") {
            if let Some((frac, e2)) = self.point_digits(end + 1) {
                value += frac;
                end = e2;
                plain_int = false;
                precision = None;
            }
        }
        // glued suffix multipliers: 100K, 1,2M, 1.2bn, 10jt
        let mut scale = 1.0;
        if t.glued(end) && t.kind(end) == Some(TokKind::Word) {
            let raw = t.raw(self.text, end);
            let s = match raw {
                "k" | "K" if !(self.temp_ctx() && raw == "K") => Some(1e3),
                "M" if money && self.lang == Lang::Id => Some(1e9),
                "M" => Some(1e6),
                "G" if decimals > 0 || lead_dec => Some(1e9),
                "B" | "b" if money => Some(1e9),
                "T" | "t" if money => Some(1e12),
                "T" => Some(1e12),
                "bn" | "Bn" | "bln" => Some(1e9),
                "m" | "mn" | "mln" if money => Some(1e6),
                "mn" | "mln" => Some(1e6),
                "jt" | "Jt" => Some(1e6),
                "rb" | "Rb" => Some(1e3),
                "tn" | "Tn" | "trn" => Some(1e12),
                _ => None,
            };
            if let Some(s) = s {
                if !(t.glued(end + 1) && t.kind(end + 1) == Some(TokKind::Num)) {
                    scale *= s;
                    end += 1;
                    has_scale = true;
                }
            }
        }
        // spaced scale words
        loop {
            let w = t.low(end);
            let raw = t.raw(self.text, end);
            let s = match self.lang {
                Lang::Id => match w {
                    "ribu" => Some(1e3),
                    "juta" | "jt" => Some(1e6),
                    "miliar" | "milyar" => Some(1e9),
                    "triliun" => Some(1e12),
                    "rb" => Some(1e3),
                    _ if money && raw == "M" => Some(1e9),
                    _ if money && raw == "T" => Some(1e12),
                    "thousand" => Some(1e3),
                    "million" => Some(1e6),
                    "billion" => Some(1e9),
                    _ => None,
                },
                Lang::En => match w {
                    "thousand" => Some(1e3),
                    "million" | "millions" | "mln" | "mn" => Some(1e6),
                    "billion" | "billions" | "bn" => Some(1e9),
                    "trillion" | "trillions" => Some(1e12),
                    "lakh" | "lakhs" | "lac" | "lacs" => Some(1e5),
                    "crore" | "crores" | "cr" | "koti" | "krore" | "krores" => Some(1e7),
                    "dozen" | "dozens" => Some(12.0),
                    "k" if money => Some(1e3),
                    _ => None,
                },
            };
            match s {
                Some(s) if t.kind(end) == Some(TokKind::Word) => {
                    scale *= s;
                    end += 1;
                    has_scale = true;
                }
                _ => break,
            }
        }
        // "satu setengah juta" style half after digits: "1 setengah"? rare; skip
        let mut low = value * scale;
        let mut high = low;
        let mut vague = false;
        let mut approx = false;
        // "Rp 8 jutaan", "Rp 8,6 jutaan", "150 ribuan": that many and some more
        // of the scale, up to the next step of the last digit written.
        if self.lang == Lang::Id && t.kind(end) == Some(TokKind::Word) {
            let s = match t.low(end) {
                "ribuan" => Some(1e3),
                "jutaan" => Some(1e6),
                "miliaran" | "milyaran" => Some(1e9),
                "triliunan" => Some(1e12),
                _ => None,
            };
            if let Some(s) = s {
                let step = if decimals > 0 {
                    10f64.powi(-(decimals as i32))
                } else {
                    10f64.powi(trailing_zeros(value) as i32)
                };
                scale *= s;
                low = value * scale;
                high = (value + step) * scale;
                vague = true;
                has_scale = true;
                end += 1;
            }
        }
        // "380-an", "360-ish"
        if t.is_dash(end) && t.glued(end) && t.glued(end + 1) {
            match t.low(end + 1) {
                "an" if plain_int => {
                    let step = 10f64.powi(trailing_zeros(value).max(1) as i32);
                    high = low + step - 1.0;
                    vague = true;
                    end += 2;
                }
                "ish" => {
                    approx = true;
                    end += 2;
                }
                _ => {}
            }
        }
        if let Some(p) = precision.as_mut() {
            *p *= scale;
        }
        if vague {
            precision = None;
        }
        low = round_sig(low);
        high = round_sig(high);
        Some(Num {
            low,
            high,
            start,
            end,
            precision,
            vague,
            plain_int: plain_int && !has_scale,
            int_len,
            has_scale,
            words: false,
            decimals,
            approx,
        })
    }

    /// Digits after "point"/"koma": a number token or digit words.
    fn point_digits(&self, k: usize) -> Option<(f64, usize)> {
        let t = &self.toks;
        if t.kind(k) == Some(TokKind::Num) {
            let raw = t.low(k);
            if raw.bytes().all(|b| b.is_ascii_digit()) {
                let v: f64 = format!("0.{raw}").parse().ok()?;
                return Some((v, k + 1));
            }
            return None;
        }
        let mut digits = String::new();
        let mut e = k;
        while let Some(a) = word_atoms(t.low(e), self.lang) {
            match a {
                [Atom::Digit(d)] => {
                    digits.push(char::from(b'0' + d));
                    e += 1;
                }
                _ => break,
            }
        }
        if digits.is_empty() {
            return None;
        }
        let v: f64 = format!("0.{digits}").parse().ok()?;
        Some((v, e))
    }

    /// Number words or vague words at `i`.
    fn word_number(&self, i: usize) -> Option<Num> {
        let t = &self.toks;
        let w = t.low(i);
        if t.kind(i) != Some(TokKind::Word) {
            return None;
        }
        // "salah satu tim terbaik", "one of the best teams": one of a set, not a count
        // "no one was hurt": nobody, not a count of one
        if (w == "satu" && i > 0 && t.low(i - 1) == "salah")
            || (w == "one" && t.low(i + 1) == "of" && self.lang == Lang::En)
            || (w == "one" && i > 0 && t.low(i - 1) == "no" && self.lang == Lang::En)
        {
            return None;
        }
        // vague magnitudes
        if let Some((lo, hi)) = self.vague_word(w) {
            let mut end = i + 1;
            let (mut lo, mut hi) = (lo, hi);
            loop {
                let mut q = end;
                if self.lang == Lang::En && t.low(q) == "of" {
                    q += 1;
                }
                let s = match t.low(q) {
                    "ribu" | "thousands" | "thousand" => 1e3,
                    "juta" | "millions" | "million" => 1e6,
                    "miliar" | "milyar" | "billions" | "billion" => 1e9,
                    "triliun" | "trillions" => 1e12,
                    _ => break,
                };
                lo *= s;
                hi = (hi + 1.0) * s - 1.0;
                end = q + 1;
            }
            return Some(Num {
                low: lo,
                high: hi,
                start: i,
                end,
                precision: None,
                vague: true,
                plain_int: false,
                int_len: 0,
                has_scale: false,
                words: true,
                decimals: 0,
                approx: true,
            });
        }
        let mut ev = WordEval::new();
        let mut k = i;
        let mut end = i;
        let n = t.toks.len();
        let en = self.lang == Lang::En;
        // "a hundred", "a dozen", "a quarter", "half"
        if en && matches!(w, "a" | "an") {
            let nx = t.low(i + 1);
            match word_atoms(nx, self.lang) {
                Some([Atom::Hundred]) | Some([Atom::Scale(_)]) | Some([Atom::Dozen]) => {
                    ev.push(Atom::Digit(1));
                    k = i + 1;
                }
                Some([Atom::Quarter]) | Some([Atom::Half]) => {
                    k = i + 1;
                }
                _ if nx == "few" => {
                    // Duckling's convention: "a few" = 3, approximate
                    let e = i + 2;
                    return Some(Num {
                        low: 3.0,
                        high: 3.0,
                        start: i,
                        end: e,
                        precision: None,
                        vague: false,
                        plain_int: false,
                        int_len: 0,
                        has_scale: false,
                        words: true,
                        decimals: 0,
                        approx: true,
                    });
                }
                _ => return None,
            }
        }
        while k < n {
            let wk = t.low(k);
            if t.kind(k) != Some(TokKind::Word) {
                // hyphen inside "twenty-three"
                if t.is_dash(k)
                    && t.glued(k)
                    && t.glued(k + 1)
                    && !ev.is_empty()
                    && word_atoms(t.low(k + 1), self.lang).is_some()
                {
                    k += 1;
                    continue;
                }
                // connectors "," / "&" in "three million, two hundred & forty"
                if en
                    && (wk == "," || wk == "&")
                    && ev.after_multiplier()
                    && word_atoms(t.low(k + 1), self.lang).is_some_and(|a| {
                        matches!(a[0], Atom::Digit(_) | Atom::Teen(_) | Atom::Tens(_))
                    })
                {
                    k += 1;
                    continue;
                }
                break;
            }
            if en && wk == "and" {
                let nx = t.low(k + 1);
                if ev.after_multiplier()
                    && word_atoms(nx, self.lang).is_some_and(|a| {
                        matches!(a[0], Atom::Digit(_) | Atom::Teen(_) | Atom::Tens(_))
                    })
                {
                    k += 1;
                    continue;
                }
                // "and a half", "and half", "and an half", "and (a) quarter", "and two quarters"
                if !ev.is_empty() && !ev.frac {
                    let mut q = k + 1;
                    let mut mult = 1.0;
                    if matches!(t.low(q), "a" | "an") {
                        q += 1;
                    } else if let Some([Atom::Digit(d)]) = word_atoms(t.low(q), self.lang) {
                        if matches!(t.low(q + 1), "quarters" | "quarter" | "halves") {
                            mult = *d as f64;
                            q += 1;
                        }
                    }
                    let f = match t.low(q) {
                        "half" => Some(0.5),
                        "quarter" | "quarters" => Some(0.25),
                        _ => None,
                    };
                    if let Some(f) = f {
                        ev.add_fraction(f * mult);
                        k = q + 1;
                        end = k;
                    }
                }
                break;
            }
            if wk == "point" || wk == "koma" {
                if ev.is_empty() && wk == "koma" {
                    break;
                }
                if let Some((frac, e2)) = self.point_digits(k + 1) {
                    let v = ev.value() + frac;
                    // continue with scale words only
                    let mut scale = 1.0;
                    let mut e = e2;
                    while let Some([Atom::Scale(s)]) = word_atoms(t.low(e), self.lang) {
                        scale *= s;
                        e += 1;
                    }
                    return Some(Num {
                        low: v * scale,
                        high: v * scale,
                        start: i,
                        end: e,
                        precision: None,
                        vague: false,
                        plain_int: false,
                        int_len: 0,
                        has_scale: scale > 1.0,
                        words: true,
                        decimals: 1,
                        approx: false,
                    });
                }
                break;
            }
            // fraction denominators after a small cardinal: "one sixth", "two thirds"
            if en && !ev.is_empty() && ev.value() < 20.0 && ev.value() >= 1.0 && !ev.frac {
                if let Some(den) = words_en::denominator(wk) {
                    let v = ev.value() / den;
                    return Some(Num {
                        low: v,
                        high: v,
                        start: i,
                        end: k + 1,
                        precision: None,
                        vague: false,
                        plain_int: false,
                        int_len: 0,
                        has_scale: false,
                        words: true,
                        decimals: 0,
                        approx: false,
                    });
                }
            }
            let Some(atoms) = word_atoms(wk, self.lang) else {
                break;
            };
            // plural vague words are handled above; "hundreds" alone is not a number
            let mut ok = true;
            let saved = ev;
            for a in atoms {
                if !ev.push(*a) {
                    ok = false;
                    break;
                }
            }
            if !ok {
                ev = saved;
                break;
            }
            k += 1;
            end = k;
        }
        if ev.is_empty() || end == i {
            return None;
        }
        let v = ev.value();
        // a lone "half"/"quarter"/"setengah" is a number only before a unit
        // ("half an hour", "setengah jam"); "the second quarter" is not
        if end == i + 1 && v < 1.0 && ev.frac {
            let mut q = end;
            if matches!(t.low(q), "a" | "an" | "of") {
                q += 1;
            }
            let probe = Num {
                low: v,
                high: v,
                start: i,
                end,
                precision: None,
                vague: false,
                plain_int: false,
                int_len: 0,
                has_scale: false,
                words: true,
                decimals: 0,
                approx: false,
            };
            self.unit_at(q, &probe)?;
        }
        let precision = if ev.frac || v.fract() != 0.0 {
            None
        } else {
            Some(10f64.powi(trailing_zeros(v) as i32))
        };
        Some(Num {
            low: v,
            high: v,
            start: i,
            end,
            precision,
            vague: false,
            plain_int: false,
            int_len: 0,
            has_scale: false,
            words: true,
            decimals: 0,
            approx: false,
        })
    }

    /// Single-token unit lookup (for "a dollar", rates).
    fn unit_at_simple(&self, k: usize) -> Option<UnitHit> {
        let t = &self.toks;
        if t.kind(k) != Some(TokKind::Word) {
            return None;
        }
        let raw = t.raw(self.text, k);
        let low = t.low(k);
        if !units::may_start(low) {
            return None;
        }
        let u = units::lookup(raw, low)?;
        let u = self.fix_pound(u, low, k, false);
        Some(UnitHit {
            unit: u,
            base: u.base.to_string(),
            end: k + 1,
            surface: raw.to_string(),
        })
    }

    /// "pound(s)": money (GBP) in Indonesian, after a scale word, or before
    /// "sterling"; otherwise mass.
    fn fix_pound(&self, u: Unit, low: &str, k: usize, scaled: bool) -> Unit {
        if matches!(low, "pound" | "pounds") {
            let money = self.lang == Lang::Id || scaled || self.toks.low(k + 1) == "sterling";
            let lo = k.saturating_sub(30);
            let hi = (k + 30).min(self.toks.toks.len());
            let weighty = (lo..hi).any(|x| {
                matches!(
                    self.toks.low(x),
                    "weighs" | "weigh" | "weight" | "weighed" | "heavy" | "berat" | "weighing"
                )
            });
            if money && !weighty {
                return Unit {
                    kind: Kind::Money,
                    base: "GBP",
                    factor: 1.0,
                    offset: 0.0,
                };
            }
        }
        u
    }

    /// Unit after a number at `k` (longest match over up to 4 tokens).
    fn unit_at(&self, k: usize, num: &Num) -> Option<UnitHit> {
        let t = &self.toks;
        let n = t.toks.len();
        let mut k0 = k;
        // "16-meter", "two-year"
        if t.is_dash(k) && t.glued(k) && t.glued(k + 1) && t.kind(k + 1) == Some(TokKind::Word) {
            k0 = k + 1;
        }
        if k0 >= n {
            return None;
        }
        if !units::may_start(t.low(k0)) && t.low(k0) != "in" {
            return None;
        }
        let mut raw = String::new();
        let mut low = String::new();
        let mut best: Option<(Unit, usize, String)> = None;
        let mut best_low = String::new();
        for m in 0..4 {
            let q = k0 + m;
            if q >= n {
                break;
            }
            let kind = t.kind(q);
            if m > 0 {
                if kind == Some(TokKind::Num) {
                    // only "km2", "m3", "km^2"
                    if !(t.glued(q)
                        && (matches!(t.low(q), "2" | "3") || (t.low(q) == "1" && t.is_dash(q - 1))))
                    {
                        break;
                    }
                }
                if !t.glued(q) {
                    raw.push(' ');
                    low.push(' ');
                }
                // "75-basis-point": a hyphen between unit words reads as a space.
                if t.is_dash(q)
                    && t.glued(q + 1)
                    && t.kind(q + 1) == Some(TokKind::Word)
                    && t.kind(q - 1) == Some(TokKind::Word)
                {
                    raw.push('-');
                    low.push(' ');
                    continue;
                }
            } else if kind == Some(TokKind::Num) || kind == Some(TokKind::Frac) {
                break;
            }
            raw.push_str(t.raw(self.text, q));
            low.push_str(t.low(q));
            if let Some(u) = units::lookup(&raw, &low) {
                best = Some((u, q + 1, raw.clone()));
                best_low = low.clone();
            }
        }
        if best.is_none()
            && t.low(k0) == "in"
            && !num.words
            && (k0 + 1 >= n || (t.is_punct(k0 + 1, ".") && k0 + 2 >= n))
        {
            best = Some((
                Unit {
                    kind: Kind::Measure,
                    base: "m",
                    factor: 0.0254,
                    offset: 0.0,
                },
                k0 + 1,
                "in".to_string(),
            ));
            best_low = "in".to_string();
        }
        let (mut u, end, surface) = best?;
        // "Aragon 2025 Hari Ini": a year before "hari ini" (today), not 2,025 days.
        if u.kind == Kind::Duration
            && num.plain_int
            && num.int_len == 4
            && (1900.0..=2100.0).contains(&num.low)
            && t.low(end) == "ini"
        {
            return None;
        }
        let first_raw = t.raw(self.text, k0);
        // guards for ambiguous symbols
        match surface.as_str() {
            "\"" => {
                // an inch mark only when no quotation is open before it
                let quotes = (k0.saturating_sub(200)..k0)
                    .filter(|&x| t.low(x) == "\"")
                    .count();
                if quotes % 2 == 1 || !t.glued(k0) {
                    return None;
                }
            }
            "c" | "C" | "F" | "K" | "h" | "m" | "g" | "l" | "L" | "am" | "pm" | "b" | "°" => {
                // a symbol must not continue into letters or digits
                if t.glued(end) && matches!(t.kind(end), Some(TokKind::Word) | Some(TokKind::Num)) {
                    return None;
                }
                if matches!(surface.as_str(), "am" | "pm") && num.decimals < 1 {
                    return None;
                }
            }
            _ => {}
        }
        if t.glued(end) && t.kind(end) == Some(TokKind::Num) {
            return None; // "F6", "J1149"
        }
        if first_raw.eq_ignore_ascii_case("le") && !num.words && first_raw == "le" && t.glued(k0) {
            return None;
        }
        u = self.fix_pound(u, &best_low, k0, num.has_scale);
        // a bare degree sign or word takes its scale from what follows:
        // "−459.67° on the Fahrenheit scale"
        if matches!(best_low.as_str(), "°" | "degrees" | "degree" | "derajat") {
            for x in end..(end + 4).min(n) {
                match t.low(x) {
                    "fahrenheit" => {
                        u = Unit {
                            kind: Kind::Measure,
                            base: "C",
                            factor: 5.0 / 9.0,
                            offset: -160.0 / 9.0,
                        };
                        break;
                    }
                    "celsius" | "celcius" => break,
                    _ => {}
                }
            }
        }
        // "b": bit in data contexts, barn in physics contexts, else nothing
        if surface == "b" {
            let (lo, hi) = (k0.saturating_sub(30), (k0 + 30).min(n));
            let has = |ws: &[&str]| (lo..hi).any(|x| ws.contains(&t.low(x)));
            if has(&[
                "transmit",
                "package",
                "packet",
                "data",
                "file",
                "memory",
                "bandwidth",
                "download",
                "upload",
                "network",
            ]) {
                u = Unit {
                    kind: Kind::Measure,
                    base: "bit",
                    factor: 1.0,
                    offset: 0.0,
                };
            } else if has(&["area", "cross", "section", "nuclear", "physics"]) {
                u = Unit {
                    kind: Kind::Measure,
                    base: "m2",
                    factor: 1e-28,
                    offset: 0.0,
                };
            } else {
                return None;
            }
        }
        if u.kind == Kind::Measure && u.base == "C" && surface == "K" && !self.temp_ctx() {
            return None;
        }
        // "half a point", "a half-point increase": percentage points only
        // in a sentence about rates
        if matches!(best_low.as_str(), "point" | "points" | "poin") && !self.rate_ctx() {
            return None;
        }
        Some(UnitHit {
            unit: u,
            base: u.base.to_string(),
            end,
            surface,
        })
    }

    /// "/hour", "per kg", "per week" after a unit.
    fn rate_at(&self, k: usize) -> Option<(UnitHit, usize)> {
        let t = &self.toks;
        let q = if (t.is_punct(k, "/") && t.glued(k)) || t.low(k) == "per" {
            k + 1
        } else {
            return None;
        };
        let u = self.unit_at_simple(q)?;
        if matches!(u.unit.kind, Kind::Duration | Kind::Measure) {
            let e = u.end;
            Some((u, e))
        } else {
            None
        }
    }

    /// Second half of a range after index `k`: (number, its unit, end, dash?).
    fn range_end(
        &self,
        k: usize,
        qual: Option<Qual>,
        unit: &Option<UnitHit>,
        first: &Num,
    ) -> Option<(Num, Option<UnitHit>, usize, bool)> {
        let t = &self.toks;
        let mut q = k;
        let mut dash = false;
        if t.is_dash(q) {
            dash = true;
            q += 1;
        }
        let w = t.low(q);
        let word_conn = match qual {
            Some(Qual::Between) | Some(Qual::From) => {
                matches!(w, "and" | "dan" | "hingga" | "sampai" | "to" | "until")
            }
            _ => matches!(
                w,
                "to" | "hingga" | "sampai" | "s.d" | "s/d" | "sd" | "until"
            ),
        };
        if word_conn {
            q += 1;
            if w == "sampai" && t.low(q) == "dengan" {
                q += 1;
            }
        } else if t.low(q) == "s" && t.is_punct(q + 1, ".") && t.low(q + 2) == "d" {
            q += 3;
            if t.is_punct(q, ".") {
                q += 1;
            }
        } else if !dash {
            return None;
        }
        // optional currency on the second number
        let cur2 = self.currency_at(q);
        let nstart = cur2.as_ref().map(|c| c.1).unwrap_or(q);
        if cur2.is_some() && unit.as_ref().is_none_or(|u| u.unit.kind != Kind::Money) {
            return None;
        }
        let hi = self.number(
            nstart,
            cur2.is_some() || unit.as_ref().is_some_and(|u| u.unit.kind == Kind::Money),
        )?;
        if hi.vague {
            return None;
        }
        // a year after a non-year is not a range end
        if hi.plain_int
            && hi.int_len == 4
            && (1900.0..=2100.0).contains(&hi.low)
            && !(first.plain_int && first.int_len == 4)
            && unit.is_none()
        {
            return None;
        }
        let mut end = hi.end;
        let mut hi_unit = None;
        if let Some(u2) = self.unit_at(end, &hi) {
            if let Some(u1) = unit {
                if u1.base != u2.base {
                    // the range ends before the second quantity
                    return None;
                }
            }
            end = u2.end;
            hi_unit = Some(u2);
        } else if let Some(u1) = unit {
            // "$350 per kg to $680 per kg": the second rate suffix
            if u1.unit.kind == Kind::Money && cur2.is_some() {
                if let Some((_, e)) = self.rate_at(end) {
                    end = e;
                }
            }
        }
        if let Some(u1) = unit {
            if u1.base.contains('/') {
                if let Some((_, e)) = self.rate_at(end) {
                    end = e;
                }
            }
        }
        if dash && !word_conn && unit.is_none() && hi_unit.is_none() && first.words != hi.words {
            return None;
        }
        Some((hi, hi_unit, end, dash && !word_conn))
    }

    /// Cents after a money amount: "and 43c", "43 cents", "43" at the end.
    fn cents_after(&self, k: usize) -> Option<(f64, usize)> {
        let t = &self.toks;
        let mut q = k;
        if matches!(t.low(q), "and" | "dan") {
            q += 1;
        }
        let num = self.number(q, false)?;
        if num.vague || num.low.fract() != 0.0 || num.low < 1.0 || num.low > 99.0 {
            return None;
        }
        if !num.words && t.low(num.start).len() > 2 {
            return None;
        }
        let e = num.end;
        let cw = t.low(e);
        if matches!(cw, "c" | "cents" | "cent" | "sen" | "sens" | "¢")
            && !(t.glued(e + 1) && t.kind(e + 1) == Some(TokKind::Word))
        {
            return Some((num.low, e + 1));
        }
        // bare two digits only at the end of the sentence or before punctuation
        let at_end = e >= t.toks.len()
            || (t.kind(e) == Some(TokKind::Punct) && !matches!(cw, "%" | "-" | "/"));
        if at_end {
            return Some((num.low, e));
        }
        None
    }

    /// "and a half", "and an half", "and half", "and a quarter", "setengah".
    fn and_fraction(&self, k: usize) -> Option<(f64, usize)> {
        let t = &self.toks;
        if self.lang == Lang::Id {
            return (t.low(k) == "setengah").then_some((0.5, k + 1));
        }
        if t.low(k) != "and" {
            return None;
        }
        let mut q = k + 1;
        let mut mult = 1.0;
        if matches!(t.low(q), "a" | "an") {
            q += 1;
        } else if let Some([Atom::Digit(d)]) = word_atoms(t.low(q), self.lang) {
            if matches!(t.low(q + 1), "quarters" | "quarter") {
                mult = *d as f64;
                q += 1;
            }
        }
        let f = match t.low(q) {
            "half" => 0.5,
            "quarter" | "quarters" => 0.25,
            _ => return None,
        };
        Some((f * mult, q + 1))
    }

    /// Smaller duration parts after a duration unit with `factor`.
    fn duration_tail(&self, k: usize, factor: f64) -> (f64, usize) {
        let t = &self.toks;
        let mut add = 0.0;
        let mut end = k;
        let mut cur = factor;
        let mut q = k;
        for _ in 0..4 {
            let mut p = q;
            let comma = t.is_punct(p, ",");
            if comma {
                p += 1;
            }
            if matches!(t.low(p), "and" | "dan") {
                if comma && self.lang == Lang::En {
                    // serial comma: "3 years, 2 months, 14 days, and 16 hours"
                    // is an enumeration; keep the parts separate
                    return (0.0, k);
                }
                p += 1;
            }
            // "and a half"
            if matches!(t.low(p), "a" | "an") && t.low(p + 1) == "half" && p > q {
                add += 0.5 * cur;
                end = p + 2;
                break;
            }
            if t.low(p) == "half" && p > q {
                add += 0.5 * cur;
                end = p + 1;
                break;
            }
            let Some(num) = self.number(p, false) else {
                break;
            };
            if num.vague || !num.is_point() {
                break;
            }
            if let Some(u) = self.unit_at(num.end, &num) {
                if u.unit.kind == Kind::Duration && u.unit.factor < cur {
                    add += num.low * u.unit.factor;
                    cur = u.unit.factor;
                    end = u.end;
                    q = u.end;
                    continue;
                }
                break;
            }
            // "1 hour thirty": bare number, next smaller grain, at the end
            let at_end = num.end >= t.toks.len() || t.kind(num.end) == Some(TokKind::Punct);
            let smaller = if cur == 3600.0 {
                60.0
            } else if cur == 60.0 {
                1.0
            } else {
                0.0
            };
            if at_end && smaller > 0.0 && num.low < 60.0 && num.low.fract() == 0.0 {
                add += num.low * smaller;
                end = num.end;
            }
            break;
        }
        (add, end)
    }

    fn lex_entry(&self, w: &str) -> Option<(EntryKind, &str)> {
        self.lex.entry(self.lang, w)
    }

    /// Base form of a word for lexicon lookup: strip -nya/-ku/-mu, plural.
    fn base_forms(&self, w: &str) -> Vec<String> {
        let mut v = vec![w.to_string()];
        match self.lang {
            Lang::Id => {
                for suf in ["nya", "ku", "mu"] {
                    if let Some(b) = w.strip_suffix(suf) {
                        if b.len() >= 3 {
                            v.push(b.to_string());
                        }
                    }
                }
            }
            Lang::En => {
                if let Some(b) = w.strip_suffix("ies") {
                    v.push(format!("{b}y"));
                }
                if let Some(b) = w.strip_suffix("es") {
                    v.push(b.to_string());
                }
                if let Some(b) = w.strip_suffix('s') {
                    v.push(b.to_string());
                }
                if let Some(b) = w.strip_suffix("men") {
                    v.push(format!("{b}man"));
                }
            }
        }
        v
    }

    /// Word at `k` with a glued reduplication or hyphenated compound joined:
    /// (joined lower form, index after).
    fn word_unit(&self, k: usize) -> Option<(String, usize)> {
        let t = &self.toks;
        if t.kind(k) != Some(TokKind::Word) {
            return None;
        }
        let w = t.low(k);
        if t.is_dash(k + 1)
            && t.glued(k + 1)
            && t.glued(k + 2)
            && t.kind(k + 2) == Some(TokKind::Word)
        {
            let w2 = t.low(k + 2);
            return Some((format!("{w}-{w2}"), k + 3));
        }
        Some((w.to_string(), k + 1))
    }

    /// Lexicon match at `k` (up to 3 words): (as written, base, concept, kind, end).
    fn lex_at(&self, k: usize) -> Option<(String, String, Option<String>, EntryKind, usize)> {
        let t = &self.toks;
        if t.kind(k) != Some(TokKind::Word) {
            return None;
        }
        let w0 = t.low(k);
        // multi-word surfaces only when the lexicon has one starting here
        if self.lex.starts_multi(self.lang, w0) {
            let mut words: Vec<(String, usize)> = Vec::with_capacity(3);
            let mut q = k;
            for _ in 0..3 {
                match self.word_unit(q) {
                    Some((w, e)) => {
                        words.push((w, e));
                        q = e;
                    }
                    None => break,
                }
            }
            for len in (2..=words.len()).rev() {
                let last_end = words[len - 1].1;
                let head: Vec<&str> = words[..len - 1].iter().map(|(w, _)| w.as_str()).collect();
                for c in self.base_forms(&words[len - 1].0) {
                    let key = format!("{} {}", head.join(" "), c);
                    if let Some((kind, concept)) = self.lex_entry(&key) {
                        let concept = (!concept.is_empty()).then(|| concept.to_string());
                        return Some((self.raw_span(k, last_end), key, concept, kind, last_end));
                    }
                }
            }
        }
        // single word (or a glued hyphen pair such as "luka-luka")
        let hyphen = t.is_dash(k + 1)
            && t.glued(k + 1)
            && t.glued(k + 2)
            && t.kind(k + 2) == Some(TokKind::Word);
        if hyphen {
            let w2 = t.low(k + 2);
            let joined = format!("{w0}-{w2}");
            let mut cands = self.base_forms(&joined);
            if w0 == w2 || w2.starts_with(w0) {
                cands.extend(self.base_forms(w0));
            }
            for c in cands {
                if let Some((kind, concept)) = self.lex_entry(&c) {
                    let concept = (!concept.is_empty()).then(|| concept.to_string());
                    return Some((self.raw_span(k, k + 3), c, concept, kind, k + 3));
                }
            }
            return None;
        }
        let hit = |c: &str| {
            self.lex_entry(c)
                .map(|(kind, concept)| (c.to_string(), kind, concept))
        };
        let found = hit(w0).or_else(|| match self.lang {
            Lang::Id => ["nya", "ku", "mu"]
                .iter()
                .filter_map(|suf| w0.strip_suffix(suf).filter(|b| b.len() >= 3))
                .find_map(hit),
            Lang::En => w0
                .strip_suffix('s')
                .and_then(hit)
                .or_else(|| w0.strip_suffix("es").and_then(hit))
                .or_else(|| w0.strip_suffix("ies").and_then(|b| hit(&format!("{b}y"))))
                .or_else(|| w0.strip_suffix("men").and_then(|b| hit(&format!("{b}man")))),
        });
        let (base, kind, concept) = found?;
        let concept = (!concept.is_empty()).then(|| concept.to_string());
        Some((t.raw(self.text, k).to_string(), base, concept, kind, k + 1))
    }

    /// The counted noun after index `k`.
    fn noun_at(&self, k: usize) -> Option<(String, String, Option<String>, usize)> {
        let t = &self.toks;
        let mut q = k;
        if self.lang == Lang::En && t.low(q) == "of" {
            q += 1;
        }
        if t.kind(q) != Some(TokKind::Word) {
            return None;
        }
        let stop = |w: &str| match self.lang {
            Lang::Id => lists().id_stop.contains(&w),
            Lang::En => lists().en_stop.contains(&w),
        };
        let first = t.low(q);
        // "48 kali transaksi": N times a counted event noun
        if self.lang == Lang::Id && first == "kali" {
            if let Some((_, b2, Some(c2), EntryKind::Noun, e2)) = self.lex_at(q + 1) {
                return Some((self.raw_span(q, e2), b2, Some(c2), e2));
            }
        }
        if stop(first)
            || datetime::weekday(first).is_some()
            || matches!(first, "kemarin" | "besok" | "lusa")
            || datetime::month(first).is_some()
                && t.raw(self.text, q).starts_with(char::is_uppercase)
        {
            return None;
        }
        if word_atoms(first, self.lang).is_some() {
            return None;
        }
        // lexicon match, possibly after a classifier (ID) or adjectives (EN)
        let span = if self.lang == Lang::En { 3 } else { 1 };
        let mut p = q;
        for _ in 0..span {
            if t.kind(p) != Some(TokKind::Word) || stop(t.low(p)) {
                break;
            }
            if let Some((written, base, concept, kind, e)) = self.lex_at(p) {
                if kind == EntryKind::Classifier {
                    if let Some((w2, b2, c2, k2, e2)) = self.lex_at(e) {
                        if k2 != EntryKind::Pred {
                            return Some((w2, b2, c2, e2));
                        }
                    }
                    if let Some((w2, e2)) = self.word_unit(e) {
                        if !stop(&w2) {
                            return Some((self.raw_span(e, e2), w2, None, e2));
                        }
                    }
                    return Some((written, base, None, e));
                }
                if kind == EntryKind::Pred {
                    // "19 dead", "27 injured": the predicate is not a noun
                    if p == q {
                        return None;
                    }
                    break;
                }
                // "empat orang penasihat hukum": `orang` as a classifier
                // before a more specific noun
                if self.lang == Lang::Id && p == q && base == "orang" {
                    if let Some((_, b2, Some(c2), EntryKind::Noun, e2)) = self.lex_at(e) {
                        if c2 != "people" {
                            return Some((self.raw_span(q, e2), b2, Some(c2), e2));
                        }
                    }
                }
                // English compounds: the head noun is the last one
                // ("NATO member ambassadors")
                let (mut base, mut concept, mut e) = (base, concept, e);
                if self.lang == Lang::En {
                    while let Some((_, b2, c2, EntryKind::Noun, e2)) = self.lex_at(e) {
                        base = b2;
                        concept = c2;
                        e = e2;
                    }
                }
                let written = if p == q && e == self.lex_at(p).map(|x| x.4).unwrap_or(e) {
                    written
                } else {
                    self.raw_span(q, e)
                };
                return Some((written, base, concept, e));
            }
            p = self.word_unit(p).map(|x| x.1).unwrap_or(p + 1);
        }
        // unknown noun: the first word, if it looks like a common noun
        let (w, e) = self.word_unit(q)?;
        let raw = t.raw(self.text, q);
        if raw.chars().next().is_some_and(|c| c.is_uppercase()) {
            return None;
        }
        if !w.chars().all(|c| c.is_alphabetic() || c == '-') || w.chars().count() < 2 {
            return None;
        }
        if self.lang == Lang::Id && looks_like_verb(&w) {
            return None;
        }
        let base = self.base_forms(&w).pop().unwrap_or_else(|| w.clone());
        let base = if let Some((a, b)) = w.split_once('-') {
            if a == b {
                a.to_string()
            } else {
                base
            }
        } else {
            base
        };
        Some((self.raw_span(q, e), base, None, e))
    }

    fn raw_span(&self, a: usize, b: usize) -> String {
        let t = &self.toks;
        match (t.toks.get(a), t.toks.get(b.saturating_sub(1))) {
            (Some(x), Some(y)) if y.end >= x.start => {
                self.text.get(x.start..y.end).unwrap_or("").to_string()
            }
            _ => String::new(),
        }
    }

    /// A predicate near the mention: up to 3 words after, 5 tokens before.
    fn predicate_near(&self, start: usize, end: usize) -> Option<String> {
        let t = &self.toks;
        // "killing two people and injuring 27": the verb right before wins
        for back in 1..=2 {
            if start >= back {
                if let Some((_, _, Some(c), EntryKind::Pred, e)) = self.lex_at(start - back) {
                    if e == start {
                        return Some(c);
                    }
                }
            }
        }
        let mut q = end;
        // "two of the victims were dead": past the partitive
        if self.lang == Lang::En
            && t.low(q) == "of"
            && matches!(t.low(q + 1), "the" | "those" | "these" | "them" | "their")
        {
            q += 2;
            if let Some((_, _, Some(c), EntryKind::Noun, e)) = self.lex_at(q) {
                if roles::is_person_concept(&c) {
                    q = e;
                }
            }
        }
        for _ in 0..4 {
            if t.kind(q) != Some(TokKind::Word) {
                break;
            }
            if let Some((_, _, Some(c), EntryKind::Pred, e)) = self.lex_at(q) {
                if self.is_active(end, q, e) {
                    return None;
                }
                return Some(c);
            }
            q = self.word_unit(q).map(|x| x.1).unwrap_or(q + 1);
        }
        // before: the nearest predicate, unless it sits in a relative
        // clause ("korban meninggal yang sudah dievakuasi ada delapan
        // orang"): then the head's predicate before `yang`/`who` wins
        let lo = start.saturating_sub(8);
        let mut found: Option<String> = None;
        let mut relative = false;
        for p in (lo..start).rev() {
            if t.kind(p) == Some(TokKind::Punct) && !t.is_dash(p) {
                break;
            }
            // "Three died and one was taken to hospital": another clause
            if found.is_none() && roles::is_clause_break(self.lang, t.low(p)) {
                break;
            }
            if matches!(t.low(p), "yang" | "who" | "which" | "that") {
                relative = found.is_some();
                continue;
            }
            if let Some((_, _, Some(c), EntryKind::Pred, e)) = self.lex_at(p) {
                if e <= start {
                    if found.is_none() {
                        found = Some(c);
                        if self.lang == Lang::En {
                            break;
                        }
                    } else if relative {
                        return Some(c);
                    }
                }
            }
        }
        found
    }
}

/// Indonesian verb prefixes: an unknown word after a number that starts
/// with one of them is a verb (`5,6 terjadi`), not a counted noun.
fn looks_like_verb(w: &str) -> bool {
    let n = w.chars().count();
    (n >= 6
        && ["meng", "meny", "mem", "ber", "ter"]
            .iter()
            .any(|p| w.starts_with(p)))
        || (n >= 7 && w.starts_with("di"))
}

fn frac_value(s: &str) -> f64 {
    match s {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅛" => 0.125,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
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
