//! What an article says happened: the frame of its headline and lead.
//!
//! An article's frame is read from its headline and the first
//! [`LEAD_BYTES`] of its body, where news writing puts what, where, when and
//! who:
//! - **names**: the headline's and lead's names that few articles of the
//!   corpus carry (`Teixeira`, `Pangandaran`, `Semeru`);
//! - **main names**: the rare names the whole article writes most;
//! - **dates**: the calendar dates the lead states, resolved against the
//!   publication date by the claim extractor (`Senin (16/6)`,
//!   `DECEMBER 16, 2008`);
//! - **places**: gazetteer places named in headline and lead
//!   ([`super::places`]);
//! - **type**: the kind of happening, from trigger words
//!   (`data/events/types.tsv`);
//! - **figures**: the figures of two significant digits or more the whole
//!   text states (`5,6`, `417 orang`, `Rp 52,9 juta`).
//!
//! The names of the whole article that very few articles of the corpus write
//! (a victim, a street) are its vector's ([`Vector::shared_rare_names`]).
//!
//! How two frames compare is [`super::pairs`]' business.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use xxhash_rust::xxh3::xxh3_64;

use crate::claims::{Claim, Kind};
use crate::features::features;
use crate::ingest::Article;
use crate::normalize::Cleaned;
use crate::vectors::{Idf, Vector, NAME_ANCHOR_IDF};

use super::places::{Gazetteer, PlaceId};
use super::types::EventTypes;

/// How many main names an article has ([`Frame::main`]).
pub const MAIN_NAMES: usize = 3;

/// How much of the body counts as the lead.
pub const LEAD_BYTES: usize = 400;

/// The frame of one article.
#[derive(Debug, Clone, Default)]
pub struct Frame {
    /// Rare names of headline and lead: (feature hash, the word as written), in text order, unique.
    pub names: Vec<(u64, String)>,
    /// The article's main names: the [`MAIN_NAMES`] rare names it writes most (count times IDF),
    /// heaviest first, as feature hashes.
    pub main: Vec<u64>,
    /// Calendar dates stated in the lead, sorted, unique.
    pub dates: Vec<NaiveDate>,
    /// Calendar dates stated anywhere in the text (not the headline), sorted, unique: a follow-up
    /// names the day of the happening it follows in its body.
    pub text_dates: Vec<NaiveDate>,
    /// The figures the text states of two significant digits or more (a toll, a magnitude, a sum;
    /// not dates, times or ranks), as hashes of kind, bounds and unit, sorted, unique: reports of
    /// one happening repeat its figures.
    pub figures: Vec<u64>,
    /// Places named in headline and lead, in text order, unique.
    pub places: Vec<PlaceId>,
    /// Kind of happening, from the headline first, else the lead.
    pub kind: Option<String>,
}

/// The byte range of an article's lead: the first [`LEAD_BYTES`] of its kept text, ending at a
/// character boundary.
fn lead_range(text: &str, cleaned: &Cleaned) -> std::ops::Range<usize> {
    let start = cleaned.kept.first().map_or(0, |r| r.start);
    let mut end = (start + LEAD_BYTES).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    start..end
}

/// Reads the frame of one article.
pub fn frame(
    article: &Article,
    cleaned: &Cleaned,
    claims: &[Claim],
    vector: &Vector,
    idf: &Idf,
    gazetteer: &Gazetteer,
    types: &EventTypes,
) -> Frame {
    let text = &article.text;
    let lead = lead_range(text, cleaned);
    let rare = |key: &str| idf.of(key) / idf.max() >= NAME_ANCHOR_IDF;
    let mut names: Vec<(u64, String)> = Vec::new();
    let mut push = |k: u64, w: &str| {
        if !names.iter().any(|(x, _)| *x == k) {
            names.push((k, w.to_string()));
        }
    };
    // A headline is written in title case: its words are names only when the body writes them so.
    if let Some(t) = &article.title {
        let mut fs = Vec::new();
        features(t, 0..t.len(), &mut fs);
        for f in fs.iter().filter(|f| !f.number) {
            let k = xxh3_64(f.key.as_bytes());
            if vector.is_title_name(k) {
                push(k, &t[f.start..f.end]);
            }
        }
    }
    let mut fs = Vec::new();
    features(text, lead.clone(), &mut fs);
    for f in fs.iter().filter(|f| f.name && !f.number && rare(&f.key)) {
        push(xxh3_64(f.key.as_bytes()), &text[f.start..f.end]);
    }
    // Main names: over the whole kept text.
    let mut counts: std::collections::HashMap<u64, (f64, f64)> = Default::default();
    let mut body = Vec::new();
    for r in &cleaned.kept {
        features(text, r.clone(), &mut body);
    }
    for f in body.iter().filter(|f| f.name && !f.number) {
        let e = counts
            .entry(xxh3_64(f.key.as_bytes()))
            .or_insert_with(|| (0.0, idf.of(&f.key)));
        e.0 += 1.0;
    }
    let least = NAME_ANCHOR_IDF * idf.max();
    let mut ranked: Vec<(u64, f64)> = counts
        .into_iter()
        .filter(|(_, (_, w))| *w >= least)
        .map(|(k, (n, w))| (k, n * w))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let main: Vec<u64> = ranked
        .into_iter()
        .take(MAIN_NAMES)
        .map(|(k, _)| k)
        .collect();
    let dates_before = |end: usize| {
        let mut dates: Vec<NaiveDate> = claims
            .iter()
            .filter(|c| c.kind == Kind::Date && !c.headline && c.span[0] < end)
            .filter_map(|c| c.date.as_deref())
            .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .collect();
        dates.sort_unstable();
        dates.dedup();
        dates
    };
    let dates = dates_before(lead.end);
    let text_dates = dates_before(usize::MAX);
    let mut figures: Vec<u64> = claims.iter().filter_map(figure).collect();
    figures.sort_unstable();
    figures.dedup();
    let mut places = Vec::new();
    let mut kind = None;
    if let Some(t) = &article.title {
        gazetteer.find(t, 0..t.len(), &mut places);
        kind = types.find(t).map(str::to_string);
    }
    gazetteer.find(text, lead.clone(), &mut places);
    let mut seen = std::collections::HashSet::new();
    places.retain(|p| seen.insert(*p));
    Frame {
        names,
        main,
        dates,
        text_dates,
        figures,
        places,
        kind: kind.or_else(|| types.find(&text[lead]).map(str::to_string)),
    }
}

/// A figure's hash ([`Frame::figures`]), or `None` for a claim that says little of which happening
/// it is about.
fn figure(c: &Claim) -> Option<u64> {
    let told = matches!(
        c.kind,
        Kind::Count
            | Kind::Number
            | Kind::Duration
            | Kind::Money
            | Kind::Percent
            | Kind::Measure
            | Kind::Magnitude
    );
    // Two significant digits or more (`5,6`, `417`; not `Rp 7.000`, `dua`).
    (told && c.significant_digits() >= 2).then(|| {
        let key = format!(
            "{:?}|{:?}|{:?}|{}",
            c.kind,
            c.low,
            c.high,
            c.unit.as_deref().unwrap_or("")
        );
        xxh3_64(key.as_bytes())
    })
}

/// The words most members of a group name, most often first (ties by the word), at most `n`.
pub fn common<'a, I>(items: I, n: usize) -> Vec<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for w in items {
        *counts.entry(w).or_default() += 1;
    }
    let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
    v.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(y.0)));
    v.into_iter().take(n).map(|(w, _)| w.to_string()).collect()
}
