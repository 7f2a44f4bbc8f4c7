//! The context of a claim: what surrounds a figure in its sentence, for alignment
//! ([`crate::reconcile::align`]) to compare.
//!
//! [`contexts`] gives every claim of an article its [`ClaimContext`]: the content words next to the
//! figure (up to the neighbouring figures of the sentence, sharing the words between them, and beyond
//! them at a third of the weight; nearer words weigh more, 1, 1/2, 1/3 …), the rest of its sentence
//! (weighted by how telling each word is in the corpus), the word right before it, its names and rare
//! words, the name nearest it, the dates its sentence states, and whether it is marked as past
//! (`kemarin`, `sebelumnya`, `had`, `dari Rp13.500`) or its sentence is dated more than [`PAST_DAYS`]
//! before publication. [`overlap`] compares two word lists (a soft Dice, with spelling variants and
//! synonyms); [`comparable`] says whether two claims measure the same kind of thing. Figures in a
//! sentence with more than [`MAX_FIGURES_PER_SENTENCE`] figures of their kind are tables and never align.

use std::collections::{BTreeSet, HashMap};

use crate::claims::{Claim, Kind};
use crate::features::{features, same_term, synonyms, Feature};
use crate::vectors::Idf;
pub use crate::vectors::NAME_ANCHOR_IDF;

/// A sentence with more figures of one kind than this is a table or a list
/// (gold prices by weight, a results table); its figures are not aligned,
/// since nothing but their position tells them apart.
pub const MAX_FIGURES_PER_SENTENCE: usize = 5;

/// Bytes of punctuation and space at most between a table row's label figure and its value
/// (`0,5 gram: Rp 1.018.500`).
const ROW_GAP: usize = 4;

/// Share of the corpus's largest IDF from which a word is rare enough to
/// anchor a referent.
pub const ANCHOR_IDF: f64 = 0.6;

/// Whether two contexts share a name or rare word (spelling variants count).
pub fn share_anchor(a: &ClaimContext, b: &ClaimContext) -> bool {
    a.anchors
        .iter()
        .any(|x| b.anchors.iter().any(|y| x == y || same_term(x, y)))
}

/// Content features on each side of the number that make its local context.
pub const LOCAL_FEATURES: usize = 5;

/// Words near a figure that mark it as a past or previous value.
const PAST_MARKERS: &[&str] = &[
    "kemarin",
    "sebelumnya",
    "semula",
    "yesterday",
    "previous",
    "previously",
    "earlier",
    "sempat",
];
/// "had" shortly before a figure: the past perfect of an earlier move
/// ("which had lifted the rate to 5 percent").
const PAST_PERFECT: &[&str] = &["had"];
/// "from" right before a figure marks the old value (`naik dari Rp13.500`,
/// `raised to 5.75% from 5.50%`), unless it is part of a qualifier.
const FROM: &[&str] = &["dari", "from"];
const NOT_FROM: &[&str] = &["lebih", "kurang", "than", "apart", "away"];

/// What surrounds a claim.
#[derive(Debug, Clone, Default)]
pub struct ClaimContext {
    /// The claim stands in a table or list sentence ([`MAX_FIGURES_PER_SENTENCE`]).
    pub tabular: bool,
    /// The row of a table the figure stands in: the figure of another kind right before it
    /// (`0,5 gram: Rp 1.018.500`), as kind, unit and value; none when the figure follows words.
    pub row: Option<String>,
    /// The figure is someone's age (`a 63-year-old seller`).
    pub age: bool,
    /// Features near the number with their weight: 1 for the nearest word on
    /// each side, 1/2 for the next, and so on.
    pub local: Vec<(String, f64)>,
    /// Features of the rest of the sentence, weighted by how telling they are.
    pub sentence: Vec<(String, f64)>,
    /// Marked as a past or previous value.
    pub past: bool,
    /// Dates stated in the sentence (ISO).
    pub dates: BTreeSet<String>,
    /// The sentence dates itself more than [`PAST_DAYS`] before publication.
    pub dated_past: bool,
    /// Names and rare words of the sentence: what can tell one referent
    /// from another (Zarof and Lisa; Sukabumi; Tashvar).
    pub anchors: BTreeSet<String>,
    /// The name nearest the figure, within [`NAME_REACH`] content words of
    /// it (`menuntut Lisa membayar denda Rp750 juta`): whom it is about.
    pub near_name: Option<String>,
    /// Every content word of the sentence.
    pub words: BTreeSet<String>,
    /// The content word right before the figure (within its clause): often the property it
    /// measures or the thing it counts (`kedalaman 10 km`).
    pub head: Option<String>,
    /// The sentence's names (capitalised inside a sentence, not a month or
    /// a weekday, not in most articles of the corpus).
    pub names: BTreeSet<String>,
}

/// Content words between a figure and the name it is taken to be about.
pub const NAME_REACH: usize = 3;

/// Whether two figures are tied to different names: each has a name right
/// by it, the names differ (spelling variants aside), and neither sentence
/// mentions the other's name. "Uni Emirat Arab yang mengoleksi 14 poin" and
/// "Nippon mengoleksi 20 poin" are two teams, not a discrepancy.
pub fn different_names(a: &ClaimContext, b: &ClaimContext) -> bool {
    match (&a.near_name, &b.near_name) {
        (Some(x), Some(y)) => {
            let known = |w: &BTreeSet<String>, n: &str| w.iter().any(|k| k == n || same_term(k, n));
            x != y && !same_term(x, y) && !known(&b.words, x) && !known(&a.words, y)
        }
        _ => false,
    }
}

/// Whether two disputed figures are about different referents by their
/// articles: each sentence names someone or something that the other
/// article never mentions (spelling variants aside). "PT Caturkarda Depo
/// Bangunan … dividen Rp 4,2 per saham" and "PT Jasa Armada Indonesia …
/// Rp 23,72 per saham" are two companies' dividends; wire rewrites of one
/// event name the same people, if not in the same sentence, then elsewhere
/// in the article. `words_a` and `words_b` are every content word of the
/// two articles.
pub fn foreign_names(
    a: &ClaimContext,
    words_a: &BTreeSet<String>,
    b: &ClaimContext,
    words_b: &BTreeSet<String>,
) -> bool {
    let absent = |names: &BTreeSet<String>, words: &BTreeSet<String>| {
        names
            .iter()
            .filter(|n| !words.contains(*n) && !words.iter().any(|w| same_term(w, n)))
            .take(FOREIGN_NAMES)
            .count()
            == FOREIGN_NAMES
    };
    absent(&a.names, words_b) && absent(&b.names, words_a)
}

/// Names each sentence must have that the other article lacks, for
/// [`foreign_names`]: one capitalised word alone is often a common word in
/// a title ("Reserve", "Holdings") or an abbreviation ("BSP").
pub const FOREIGN_NAMES: usize = 2;

/// Every content word of an article, for [`foreign_names`].
pub fn article_words(text: &str) -> BTreeSet<String> {
    let mut fs = Vec::new();
    features(text, 0..text.len(), &mut fs);
    fs.into_iter()
        .filter(|f| !f.number)
        .map(|f| f.key)
        .collect()
}

/// Builds the context of every claim of one article. `published` is the
/// article's date: a sentence that dates itself more than [`PAST_DAYS`]
/// before it may speak of an earlier event (`the magnitude 7.4 quake of
/// April 2024`) or report last year's figure; see [`score`].
pub fn contexts(
    text: &str,
    claims: &[Claim],
    published: Option<chrono::NaiveDate>,
    idf: &Idf,
) -> Vec<ClaimContext> {
    // Words weigh by how telling they are in this corpus: "harga" and "emas"
    // in a gold-price corpus say little, "kedalaman" or a name says much.
    let telling = |key: &str| (idf.of(key) / idf.max()).clamp(0.05, 1.0);
    let mut by_sentence: HashMap<[usize; 2], Vec<Feature>> = HashMap::new();
    let mut earlier_month: HashMap<[usize; 2], bool> = HashMap::new();
    // The claims of each sentence, in order: a claim looks at its own
    // sentence's only, so an article of thousands of figures costs no more
    // than its sentences do.
    let mut of_sentence: HashMap<[usize; 2], Vec<&Claim>> = HashMap::new();
    for c in claims {
        of_sentence.entry(c.sentence_span).or_default().push(c);
    }
    claims
        .iter()
        .map(|c| {
            let same_sentence = &of_sentence[&c.sentence_span];
            let fs = by_sentence.entry(c.sentence_span).or_insert_with(|| {
                let mut v = Vec::new();
                let [s, e] = c.sentence_span;
                if s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
                {
                    features(text, s..e, &mut v);
                }
                v
            });
            let [cs, ce] = c.span;
            // The local window stops at the neighbouring figures of the same sentence,
            // so that two numbers in one sentence do not share their words.
            let neighbours = same_sentence
                .iter()
                .copied()
                .filter(|d| d.span != c.span && d.kind != Kind::Date);
            let left = neighbours
                .clone()
                .filter(|d| d.span[1] <= cs)
                .max_by_key(|d| d.span[1]);
            let right = neighbours
                .filter(|d| d.span[0] >= ce)
                .min_by_key(|d| d.span[0]);
            let left_stop = left.map_or(0, |d| d.span[1]);
            let row = left.filter(|d| d.kind != c.kind).and_then(|d| {
                let gap = text.get(d.span[1]..cs)?;
                (gap.len() <= ROW_GAP && !gap.chars().any(|ch| ch.is_alphanumeric()))
                    .then(|| format!("{:?} {:?} {:?} {:?}", d.kind, d.unit, d.low, d.high))
            });
            let right_stop = right.map_or(usize::MAX, |d| d.span[0]);
            // Words between two figures belong to the nearer one: each side keeps
            // its half of them (the middle word, if any, goes to neither).
            let mut before: Vec<&Feature> = fs
                .iter()
                .filter(|f| f.end <= cs && f.start >= left_stop)
                .collect();
            let mut after: Vec<&Feature> = fs
                .iter()
                .filter(|f| f.start >= ce && f.end <= right_stop)
                .collect();
            if left.is_some() {
                let n = before.len();
                before.drain(..n.div_ceil(2));
            }
            let head = before
                .iter()
                .rev()
                .find(|f| !f.number)
                .map(|f| f.key.clone());
            if right.is_some() {
                after.truncate(after.len() / 2);
            }
            // Beyond a neighbouring figure the words still say something about
            // both ("raised its rate by [half a point] to [5.5 percent]"), at a third.
            let far_before = left.map_or(Vec::new(), |d| {
                fs.iter()
                    .filter(|f| f.end <= d.span[0])
                    .rev()
                    .take(LOCAL_FEATURES)
                    .collect()
            });
            let far_after = right.map_or(Vec::new(), |d| {
                fs.iter()
                    .filter(|f| f.start >= d.span[1])
                    .take(LOCAL_FEATURES)
                    .collect()
            });
            let mut local: Vec<(String, f64)> = Vec::new();
            let near_then_far =
                |near: Vec<&Feature>, far: Vec<&Feature>, local: &mut Vec<(String, f64)>| {
                    let n = near.len().min(LOCAL_FEATURES);
                    for (rank, f) in near.into_iter().take(LOCAL_FEATURES).enumerate() {
                        local.push((f.key.clone(), 1.0 / (rank + 1) as f64));
                    }
                    for (rank, f) in far.into_iter().take(LOCAL_FEATURES - n).enumerate() {
                        local.push((f.key.clone(), 1.0 / (3 * (n + rank + 1)) as f64));
                    }
                };
            near_then_far(before.into_iter().rev().collect(), far_before, &mut local);
            near_then_far(after, far_after, &mut local);
            let sentence: Vec<(String, f64)> = fs
                .iter()
                .filter(|f| (f.end <= cs || f.start >= ce) && !f.number)
                .map(|f| (f.key.clone(), telling(&f.key)))
                .collect();
            let dates: BTreeSet<String> = same_sentence
                .iter()
                .filter(|d| d.kind == Kind::Date)
                .filter_map(|d| d.date.clone())
                .collect();
            // A bare year is often the period of a reported figure ("sepanjang 2024"); a date that
            // starts a period running to now ("sejak Juni 2024", "since June 2024") dates nothing past.
            let dated_past = published.is_some_and(|p| {
                same_sentence
                    .iter()
                    .filter(|d| d.kind == Kind::Date && !starts_period(text, d))
                    .filter_map(|d| d.date.as_deref())
                    .any(|d| d.len() >= 7 && long_before(d, p))
                    || *earlier_month.entry(c.sentence_span).or_insert_with(|| {
                        let [s, e] = c.sentence_span;
                        names_earlier_month(text.get(s..e).unwrap_or(""), p)
                    })
            });
            let same_kind = same_sentence.iter().filter(|d| d.kind == c.kind).count();
            let anchors = fs
                .iter()
                .filter(|f| {
                    let t = telling(&f.key);
                    !f.number && (t >= ANCHOR_IDF || (f.name && t >= NAME_ANCHOR_IDF))
                })
                .map(|f| f.key.clone())
                .collect();
            // The nearest name on either side, by content words.
            let before = fs.iter().filter(|f| f.end <= cs).rev();
            let after = fs.iter().filter(|f| f.start >= ce);
            let by_distance = before
                .take(NAME_REACH)
                .enumerate()
                .chain(after.take(NAME_REACH).enumerate());
            let near_name = by_distance
                .filter(|(_, f)| f.name && !f.number && !is_calendar_word(&f.key))
                .min_by_key(|(d, f)| (*d, f.start))
                .map(|(_, f)| f.key.clone());
            let words = fs.iter().map(|f| f.key.clone()).collect();
            let names = fs
                .iter()
                .filter(|f| {
                    f.name
                        && !f.number
                        && !is_calendar_word(&f.key)
                        && telling(&f.key) >= NAME_ANCHOR_IDF
                })
                .map(|f| f.key.clone())
                .collect();
            let after_span = text.get(ce..).unwrap_or("");
            let age = after_span.starts_with("-old")
                || after_span.starts_with(" old")
                || after_span.starts_with("s-old");
            ClaimContext {
                head,
                age,
                anchors,
                near_name,
                words,
                names,
                tabular: same_kind > MAX_FIGURES_PER_SENTENCE,
                row,
                local,
                sentence,
                past: past_marked(text, c),
                dates,
                dated_past,
            }
        })
        .collect()
}

/// Whether two sentences' dates are all more than a day apart (both dated).
/// Reports of one event often date it a day apart (the night before, the
/// morning after), so adjacent days do not count.
pub fn dates_apart(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    use chrono::NaiveDate;
    let full = |s: &BTreeSet<String>| -> Vec<NaiveDate> {
        s.iter()
            .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .collect()
    };
    let (x, y) = (full(a), full(b));
    !x.is_empty()
        && !y.is_empty()
        && x.iter()
            .all(|p| y.iter().all(|q| (*p - *q).num_days().abs() > 1))
}

/// Whether two sentences are dated to different days (both dated, no day
/// in common): the Fed's move on Wednesday and the central bank's on Thursday.
pub fn other_days(a: &ClaimContext, b: &ClaimContext) -> bool {
    let days = |x: &ClaimContext| -> BTreeSet<String> {
        x.dates.iter().filter(|d| d.len() == 10).cloned().collect()
    };
    let (x, y) = (days(a), days(b));
    !x.is_empty() && !y.is_empty() && x.is_disjoint(&y)
}

/// Words before a date that make it the start of a period running to now.
const SINCE: &[&str] = &["sejak", "semenjak", "since"];

/// Whether a date is the start of a period that runs to now: a since-word among the two words
/// before it in its sentence (`sejak Juni 2024`, `since early June 2024`).
fn starts_period(text: &str, d: &Claim) -> bool {
    let before = text.get(d.sentence_span[0]..d.span[0]).unwrap_or("");
    before
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(2)
        .any(|w| SINCE.contains(&w.to_lowercase().as_str()))
}

/// Days before publication after which a dated sentence speaks of the past
/// (a month named before the report's month does too).
pub const PAST_DAYS: i64 = 7;

/// Whether an ISO date (`2024`, `2024-04`, `2024-04-03`) ends more than
/// [`PAST_DAYS`] before `published`.
fn long_before(date: &str, published: chrono::NaiveDate) -> bool {
    use chrono::NaiveDate;
    let parts: Vec<&str> = date.split('-').collect();
    let end = match parts.as_slice() {
        [y] => y
            .parse()
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31)),
        [y, m] => match (y.parse(), m.parse::<u32>()) {
            // The last day of the month.
            (Ok(y), Ok(m)) if (1..=12).contains(&m) => NaiveDate::from_ymd_opt(y, m % 12 + 1, 1)
                .map(|first| {
                    if m == 12 {
                        NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(first)
                    } else {
                        first.pred_opt().unwrap_or(first)
                    }
                }),
            _ => None,
        },
        [y, m, d] => match (y.parse(), m.parse(), d.parse()) {
            (Ok(y), Ok(m), Ok(d)) => NaiveDate::from_ymd_opt(y, m, d),
            _ => None,
        },
        _ => None,
    };
    end.is_some_and(|e| (published - e).num_days() > PAST_DAYS)
}

/// Day and month names and time zones: capitalised, but nobody a figure is about.
pub fn is_calendar_word(key: &str) -> bool {
    crate::ingest::date::month_name(key).is_some()
        || matches!(
            key,
            "senin"
                | "selasa"
                | "rabu"
                | "kamis"
                | "jumat"
                | "sabtu"
                | "minggu"
                | "ahad"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "wib"
                | "wita"
                | "wit"
                | "gmt"
                | "utc"
        )
}

/// Whether a sentence names as a point in time, without day or year, a
/// month earlier in the year of `published` ("had lifted the rate to 5
/// percent … in November" in a December report). A month after the report's may be ahead, and a
/// month with a day or year is a date the extractor already gives.
fn names_earlier_month(sentence: &str, published: chrono::NaiveDate) -> bool {
    use chrono::Datelike;
    let words: Vec<&str> = sentence
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(k, w)| {
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        let full = w.len() >= 3 && !matches!(*w, "Mar" | "Jan" | "Jun" | "Jul" | "Des");
        let numeric = |x: Option<&&str>| x.is_some_and(|x| x.chars().all(|ch| ch.is_ascii_digit()));
        // A point in time ("in November", "pada bulan Mei", "Mei lalu"),
        // not the start of a period that runs to now ("since early February").
        let at = words[k.saturating_sub(2)..k]
            .iter()
            .any(|p| matches!(p.to_lowercase().as_str(), "in" | "pada" | "bulan" | "last"))
            || words
                .get(k + 1)
                .is_some_and(|n| n.eq_ignore_ascii_case("lalu"));
        capitalised
            && full
            && at
            && !numeric(k.checked_sub(1).and_then(|j| words.get(j)))
            && !numeric(words.get(k + 1))
            && crate::ingest::date::month_name(&w.to_lowercase())
                .is_some_and(|m| m < published.month())
    })
}

/// A past marker within three words before or after the mention.
fn past_marked(text: &str, c: &Claim) -> bool {
    let [cs, ce] = c.span;
    let [ss, se] = c.sentence_span;
    let before = text.get(ss..cs).unwrap_or("");
    let after = text.get(ce..se).unwrap_or("");
    let lower = |w: &str| w.to_lowercase();
    let words_before: Vec<String> = before
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(lower)
        .collect();
    let words_after: Vec<String> = after
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(lower)
        .collect();
    let marked = words_before
        .iter()
        .rev()
        .take(2)
        .chain(words_after.iter().take(2))
        .any(|w| PAST_MARKERS.contains(&w.as_str()));
    let from = match words_before.as_slice() {
        [.., prev, last] => FROM.contains(&last.as_str()) && !NOT_FROM.contains(&prev.as_str()),
        [last] => FROM.contains(&last.as_str()),
        [] => false,
    };
    let perfect = words_before
        .iter()
        .rev()
        .take(5)
        .any(|w| PAST_PERFECT.contains(&w.as_str()));
    marked || from || perfect
}

/// Weighted soft Dice overlap of two feature lists in [0, 1]: a matched
/// pair counts the geometric mean of its weights (0.9 of it for a spelling
/// variant, 0.8 for synonyms from `data/synonyms.txt`), over the mean total
/// weight of the two lists.
pub fn overlap(a: &[(String, f64)], b: &[(String, f64)], evidence: &mut BTreeSet<String>) -> f64 {
    let total = (a.iter().map(|x| x.1).sum::<f64>() + b.iter().map(|x| x.1).sum::<f64>()) / 2.0;
    if total == 0.0 {
        return 0.0;
    }
    let mut score = 0.0;
    let mut used = vec![false; b.len()];
    for (x, wx) in a {
        let mut best: Option<(usize, f64)> = None;
        for (j, (y, wy)) in b.iter().enumerate() {
            if used[j] {
                continue;
            }
            let m = if x == y {
                1.0
            } else if same_term(x, y) {
                0.9
            } else if synonyms(x, y) {
                0.8
            } else {
                continue;
            };
            let s = m * (wx * wy).sqrt();
            if best.is_none_or(|(_, bs)| s > bs) {
                best = Some((j, s));
            }
        }
        if let Some((j, s)) = best {
            used[j] = true;
            score += s;
            if x == &b[j].0 {
                evidence.insert(x.clone());
            } else {
                evidence.insert(format!("{x}~{}", b[j].0));
            }
        }
    }
    (score / total).min(1.0)
}

/// A representative value of a claim: its midpoint, or its one bound.
fn representative(c: &Claim) -> Option<f64> {
    match (c.low, c.high) {
        (Some(l), Some(h)) => Some((l + h) / 2.0),
        (Some(l), None) => Some(l),
        (None, Some(h)) => Some(h),
        (None, None) => None,
    }
}

/// Ratio of the larger to the smaller representative value (1 when unknown).
pub fn value_ratio(a: &Claim, b: &Claim) -> f64 {
    match (representative(a), representative(b)) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => (x / y).max(y / x),
        _ => 1.0,
    }
}

/// How far apart two claims' intervals lie: the ratio of the nearer bounds when one interval lies
/// wholly below the other (`puluhan ribu`, 10,000–99,999, against `100.000`: about 1), else 1. A
/// bound at zero or below gives the ratio of the representative values instead.
pub fn interval_gap_ratio(a: &Claim, b: &Claim) -> f64 {
    // `x` lies wholly below `y`: its top under `y`'s bottom.
    let below = |x: &Claim, y: &Claim| match (x.high, y.low) {
        (Some(top), Some(bottom)) if top < bottom => Some((top, bottom)),
        _ => None,
    };
    match below(a, b).or_else(|| below(b, a)) {
        Some((top, bottom)) if top > 0.0 => bottom / top,
        Some(_) => value_ratio(a, b),
        None => 1.0,
    }
}

/// Whether two claims measure the same kind of thing.
pub fn comparable(a: &Claim, b: &Claim) -> bool {
    if a.kind != b.kind {
        return false;
    }
    // An age belongs to one person: two ages in a story are two people.
    if a.concept.as_deref() == Some("age") || b.concept.as_deref() == Some("age") {
        return false;
    }
    match a.kind {
        Kind::Count => match (&a.concept, &b.concept) {
            // two counts of people may be one group under two names (`192 orang` and `194 WNI`,
            // `442 jemaah haji` and `442 penumpang`): the model weighs the nouns
            (Some(x), Some(y)) => {
                x == y
                    || (crate::claims::is_person_concept(x) && crate::claims::is_person_concept(y))
            }
            (None, None) => match (a.noun_base.as_deref(), b.noun_base.as_deref()) {
                (Some(x), Some(y)) => x == y || crate::features::one_letter_apart(x, y),
                _ => false,
            },
            _ => false,
        },
        Kind::Money | Kind::Measure => a.unit == b.unit && a.unit.is_some(),
        Kind::Duration | Kind::Percent | Kind::Magnitude => {
            a.concept.is_none() || b.concept.is_none() || a.concept == b.concept
        }
        // a score between the same named sides (a sports story cites many
        // results), a level on the same scale, the nth time of the same
        // event; a rank of what both rank
        Kind::Score => a.noun_base.is_some() && a.noun_base == b.noun_base,
        Kind::Level | Kind::Ordinal => a.noun_base == b.noun_base,
        Kind::Rank => a.concept == b.concept,
        Kind::Number | Kind::Date | Kind::Time => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn first_claim(text: &str) -> Claim {
        let lexicon = crate::claims::Lexicon::builtin();
        let opts = crate::claims::ExtractOptions {
            lang: Some(crate::claims::Lang::Id),
            published: None,
            lexicon: &lexicon,
        };
        crate::claims::extract("d", text, &opts)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no claim in {text:?}"))
    }

    #[test]
    fn values_apart_are_as_far_as_their_intervals_nearer_bounds() {
        let tens = first_claim("Rusia mengerahkan puluhan ribu pasukannya di perbatasan.");
        let exact = first_claim("Rusia mengerahkan 100.000 tentara di perbatasan.");
        let at_least = first_claim("Rusia mengerahkan setidaknya 100.000 tentara.");
        // Tens of thousands reaches just under 100,000: barely apart, whichever comes first.
        for (a, b) in [(&tens, &exact), (&exact, &tens), (&tens, &at_least)] {
            let gap = interval_gap_ratio(a, b);
            assert!((1.0..1.001).contains(&gap), "{gap}");
        }
        // Their midpoints lie further apart.
        assert!(value_ratio(&tens, &exact) > 1.5);
        // Exact values: the plain ratio; overlapping intervals: not apart.
        let seven = first_claim("Pertemuan berlangsung 7 jam.");
        let eight = first_claim("Pertemuan berlangsung 8 jam.");
        let over_seven = first_claim("Pertemuan berlangsung lebih dari tujuh jam.");
        assert!((interval_gap_ratio(&seven, &eight) - 8.0 / 7.0).abs() < 1e-9);
        assert_eq!(interval_gap_ratio(&over_seven, &eight), 1.0);
        assert_eq!(interval_gap_ratio(&exact, &at_least), 1.0);
    }

    #[test]
    fn a_bare_earlier_month_dates_a_sentence_in_the_past() {
        let dec = day("2022-12-15");
        assert!(names_earlier_month(
            "which had lifted the rate to 5 percent with a 75-basis-point increase in November.",
            dec
        ));
        assert!(names_earlier_month(
            "Harga sempat turun pada bulan Mei lalu.",
            dec
        ));
        assert!(names_earlier_month("Harga Mei lalu Rp12.000.", dec));
        // The start of a period running to now, a full date, a later month, a verb.
        assert!(!names_earlier_month(
            "has moved troops since early February",
            dec
        ));
        assert!(!names_earlier_month("on 3 November 2022 it rose", dec));
        assert!(!names_earlier_month("in November", day("2022-11-20")));
        assert!(!names_earlier_month("Prices may rise in may", dec));
    }

    #[test]
    fn a_period_since_a_date_runs_to_now() {
        use crate::claims::Lang::{En, Id};
        let lexicon = crate::claims::Lexicon::builtin();
        let published = day("2025-06-18");
        let dated = |lang, text: &str| {
            let opts = crate::claims::ExtractOptions {
                lang: Some(lang),
                published: Some(published),
                lexicon: &lexicon,
            };
            let claims = crate::claims::extract("d", text, &opts);
            let cs = contexts(text, &claims, Some(published), &Idf::default());
            let (_, x) = claims
                .iter()
                .zip(&cs)
                .find(|(c, _)| c.kind == Kind::Count)
                .unwrap_or_else(|| panic!("no count in {text:?}"));
            x.dated_past
        };
        assert!(!dated(
            Id,
            "Secara total sejak Juni 2024, BYD telah mengirimkan 30.000 unit mobil ke konsumen."
        ));
        assert!(!dated(
            En,
            "Since June 2024 the company has delivered 30,000 cars."
        ));
        assert!(dated(En, "In June 2024 the company delivered 30,000 cars."));
        assert!(dated(
            Id,
            "Pada Juni 2024, BYD telah mengirimkan 30.000 unit mobil ke konsumen."
        ));
    }

    #[test]
    fn months_end_on_their_last_day() {
        let p = day("2025-01-09");
        assert!(long_before("2024-12", p));
        assert!(!long_before("2025-01", p));
        assert!(!long_before("2024-12", day("2025-01-05")));
        assert!(
            long_before("2024-02", day("2024-03-09")),
            "February 2024 has 29 days"
        );
    }

    #[test]
    fn figures_tied_to_different_names_are_not_one_fact() {
        let ctx = |name: Option<&str>, words: &[&str]| ClaimContext {
            near_name: name.map(str::to_string),
            words: words.iter().map(|w| w.to_string()).collect(),
            ..ClaimContext::default()
        };
        let uae = ctx(
            Some("arab"),
            &["uni", "emirat", "arab", "mengoleksi", "poin"],
        );
        let japan = ctx(Some("nippon"), &["nippon", "mengoleksi", "poin"]);
        assert!(different_names(&uae, &japan));
        // Spelling variants, a name the other sentence also mentions, or a
        // figure with no name by it: no verdict on the referent.
        let moskow = ctx(Some("moskow"), &["moskow", "tentara"]);
        let moskwa = ctx(Some("moskwa"), &["moskwa", "pasukan"]);
        assert!(!different_names(&moskow, &moskwa));
        let both = ctx(Some("nippon"), &["nippon", "arab", "poin"]);
        assert!(!different_names(&uae, &both));
        assert!(!different_names(&uae, &ctx(None, &["poin"])));
    }

    #[test]
    fn other_days_needs_a_day_on_each_side() {
        let ctx = |dates: &[&str]| ClaimContext {
            dates: dates.iter().map(|d| d.to_string()).collect(),
            ..ClaimContext::default()
        };
        assert!(other_days(&ctx(&["2022-12-14"]), &ctx(&["2022-12-15"])));
        assert!(!other_days(
            &ctx(&["2022-12-14", "2022-12-15"]),
            &ctx(&["2022-12-15"])
        ));
        assert!(!other_days(&ctx(&["2022-12"]), &ctx(&["2022-12-15"])));
        assert!(!other_days(&ctx(&[]), &ctx(&["2022-12-15"])));
    }
}
