//! Alignment: which claims of two articles of one story state the same fact.
//!
//! Two claims are candidates when they come from articles of different
//! sources in the same story, have the same kind, and measure the same
//! thing: the same concept for counts (or the same counted noun when the
//! lexicon has no concept), the same currency for money, the same SI unit
//! for measures. Bare numbers, dates and times are context, not facts to
//! align.
//!
//! A candidate is scored on its context ([`ClaimContext`]): the content
//! features of the few words around the number — up to the neighbouring
//! figures of the sentence, sharing the words between them, and beyond
//! them at a third of the weight — (weight 0.6), and of the rest of the sentence
//! (0.4), each a soft Dice overlap with spelling variants matched
//! (`Moskwa`/`Moskow`). A figure other than a count, which has no counted
//! noun to go by, must share a word of its local context or a good part of
//! its sentence.
//! Words nearer the number weigh more (1, 1/2, 1/3 …): in "jarak 23 km …
//! kedalaman 10 km" the depth is the figure right after "kedalaman".
//!
//! Figures in a sentence with more than [`MAX_FIGURES_PER_SENTENCE`]
//! figures of their kind (price lists, results tables) are not aligned.
//!
//! Two things veto a pair outright: one number marked as past and the
//! other not (`naik menjadi Rp15.000 dari Rp13.500 kemarin`: yesterday's
//! price never aligns with today's), and values so far apart that no
//! report would state them for one fact (a ratio over 20; over 5 needs a
//! score of [`STRONG_SCORE`]). Sentences whose dates are all more than a
//! day apart score a third; a sentence dated more than a month before publication
//! against one that is not, half. Pairs below [`MIN_SCORE`] are dropped; among equal
//! contexts, closer values win.
//!
//! A count of a specific concept (troops, deaths …; not plain "people")
//! starts from [`SPECIFIC_BASE`]: the concept already says what is counted,
//! and outlets word the rest differently ("tens of thousands of troops moved
//! toward the frontier" and "at least 100,000 troops massed along it"). Two
//! figures that are each the only one of their kind, unit and concept in
//! their article start from [`UNIQUE_BASE`].
//!
//! Within each pair of articles a claim aligns to at most one claim: pairs
//! are taken greedily by score (ties by claim id), each claim once.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::claims::{Claim, Kind};
use crate::features::{features, same_term, synonyms, Feature};
use crate::stories::Idf;

/// A sentence with more figures of one kind than this is a table or a list
/// (gold prices by weight, a results table); its figures are not aligned,
/// since nothing but their position tells them apart.
pub const MAX_FIGURES_PER_SENTENCE: usize = 5;

/// Share of the corpus's largest IDF from which a word is rare enough to
/// anchor a referent.
pub const ANCHOR_IDF: f64 = 0.6;
/// The same for a name: names anchor unless they are everywhere in the
/// corpus ("Indonesia" in Indonesian news).
pub const NAME_ANCHOR_IDF: f64 = 0.4;

/// Whether two contexts share a name or rare word (spelling variants count).
pub fn share_anchor(a: &ClaimContext, b: &ClaimContext) -> bool {
    a.anchors
        .iter()
        .any(|x| b.anchors.iter().any(|y| x == y || same_term(x, y)))
}

/// Least context score for an alignment.
pub const MIN_SCORE: f64 = 0.2;
/// Least context score for figures more than five times apart.
pub const STRONG_SCORE: f64 = 0.5;
/// Score a count of a specific concept starts from, before its context.
pub const SPECIFIC_BASE: f64 = 0.25;
/// Score two figures start from when each is the only one of its kind, unit
/// and concept in its article.
pub const UNIQUE_BASE: f64 = 0.1;
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
];
/// "from" right before a figure marks the old value (`naik dari Rp13.500`,
/// `raised to 5.75% from 5.50%`), unless it is part of a qualifier.
const FROM: &[&str] = &["dari", "from"];
const NOT_FROM: &[&str] = &["lebih", "kurang", "than", "apart", "away"];

/// What surrounds a claim.
#[derive(Debug, Clone, Default)]
pub struct ClaimContext {
    /// The claim stands in a table or list sentence ([`MAX_FIGURES_PER_SENTENCE`]).
    pub tabular: bool,
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
            // A bare year is often the period of a reported figure ("sepanjang 2024").
            let dated_past =
                published.is_some_and(|p| dates.iter().any(|d| d.len() >= 7 && long_before(d, p)));
            let same_kind = same_sentence.iter().filter(|d| d.kind == c.kind).count();
            let anchors = fs
                .iter()
                .filter(|f| {
                    let t = telling(&f.key);
                    !f.number && (t >= ANCHOR_IDF || (f.name && t >= NAME_ANCHOR_IDF))
                })
                .map(|f| f.key.clone())
                .collect();
            let after_span = text.get(ce..).unwrap_or("");
            let age = after_span.starts_with("-old")
                || after_span.starts_with(" old")
                || after_span.starts_with("s-old");
            ClaimContext {
                age,
                anchors,
                tabular: same_kind > MAX_FIGURES_PER_SENTENCE,
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
fn dates_apart(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
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
        [y, m, d] => match (y.parse(), m.parse(), d.parse()) {
            (Ok(y), Ok(m), Ok(d)) => NaiveDate::from_ymd_opt(y, m, d),
            _ => None,
        },
        _ => None,
    };
    end.is_some_and(|e| (published - e).num_days() > PAST_DAYS)
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
    marked || from
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
            (Some(x), Some(y)) => x == y,
            (None, None) => a.noun_base.is_some() && a.noun_base == b.noun_base,
            _ => false,
        },
        Kind::Money | Kind::Measure => a.unit == b.unit && a.unit.is_some(),
        Kind::Duration | Kind::Percent | Kind::Magnitude => {
            a.concept.is_none() || b.concept.is_none() || a.concept == b.concept
        }
        Kind::Number | Kind::Date | Kind::Time => false,
    }
}

/// A scored candidate pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// Index of the `lhs` claim in the story's claim list.
    #[serde(skip)]
    pub a: usize,
    /// Index of the `rhs` claim.
    #[serde(skip)]
    pub b: usize,
    /// Context score in [0, 1].
    pub score: f64,
    /// Overlap of the words next to the two figures.
    pub local: f64,
    /// Overlap of the rest of their sentences.
    pub sentence: f64,
    /// Shared terms (`moskwa~moskow` for variants).
    pub evidence: Vec<String>,
}

/// A scored candidate before matching.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// Context score in [0, 1].
    pub score: f64,
    /// Overlap of the words next to the two figures.
    pub local: f64,
    /// Overlap of the rest of their sentences.
    pub sentence: f64,
    /// Shared terms.
    pub evidence: Vec<String>,
}

/// Scores a candidate pair; `None` when they cannot be the same fact.
pub fn score(a: &Claim, ca: &ClaimContext, b: &Claim, cb: &ClaimContext) -> Option<Scored> {
    score_with(a, ca, b, cb, false)
}

/// [`score`], knowing whether each claim is the only one of its kind, unit
/// and concept in its article (then they likely state the same fact).
fn score_with(
    a: &Claim,
    ca: &ClaimContext,
    b: &Claim,
    cb: &ClaimContext,
    both_unique: bool,
) -> Option<Scored> {
    let ratio = value_ratio(a, b);
    if !comparable(a, b)
        || ca.past != cb.past
        || ratio > 20.0
        || ca.tabular
        || cb.tabular
        || ca.age
        || cb.age
    {
        return None;
    }
    let mut evidence = BTreeSet::new();
    let local = overlap(&ca.local, &cb.local, &mut evidence);
    let sentence = overlap(&ca.sentence, &cb.sentence, &mut evidence);
    // A figure without a counted noun is only identified by the words around it.
    if a.kind != Kind::Count && local == 0.0 && sentence < 0.3 && !both_unique {
        return None;
    }
    let context = 0.6 * local + 0.4 * sentence;
    // A specific concept (troops, deaths, ambassadors …) already says what is
    // counted; "people" and unknown concepts do not.
    let specific = a.kind == Kind::Count && a.concept.as_deref().is_some_and(|c| c != "people");
    let mut s = match (specific, both_unique) {
        (true, _) => SPECIFIC_BASE + (1.0 - SPECIFIC_BASE) * context,
        (false, true) => UNIQUE_BASE + (1.0 - UNIQUE_BASE) * context,
        (false, false) => context,
    };
    if dates_apart(&ca.dates, &cb.dates) {
        s /= 3.0;
    } else if ca.dated_past != cb.dated_past {
        // One sentence is about an earlier time, the other says nothing of it.
        s /= 2.0;
    }
    // Figures far apart need strong context to be one fact.
    if ratio > 5.0 && s < STRONG_SCORE {
        return None;
    }
    if s < MIN_SCORE {
        return None;
    }
    // Closer values win ties between equally good contexts.
    let s = s + 0.05 * (1.0 - (ratio - 1.0).min(1.0));
    let round = |x: f64| (x.min(1.0) * 1000.0).round() / 1000.0;
    Some(Scored {
        score: round(s),
        local: round(local),
        sentence: round(sentence),
        evidence: evidence.into_iter().collect(),
    })
}

/// One-to-one matching between the claims of two articles: greedy by score.
pub fn match_articles(
    left: &[(usize, &Claim, &ClaimContext)],
    right: &[(usize, &Claim, &ClaimContext)],
    allowed: impl Fn(&Claim, &Claim) -> bool,
) -> Vec<Match> {
    let key = |c: &Claim| (c.kind, c.unit.clone(), c.concept.clone());
    let mut left_counts: HashMap<_, usize> = HashMap::new();
    for (_, c, _) in left {
        *left_counts.entry(key(c)).or_default() += 1;
    }
    let mut right_counts: HashMap<_, usize> = HashMap::new();
    for (_, c, _) in right {
        *right_counts.entry(key(c)).or_default() += 1;
    }
    let mut cands: Vec<Match> = Vec::new();
    for (i, a, ca) in left {
        for (j, b, cb) in right {
            let unique =
                left_counts.get(&key(a)) == Some(&1) && right_counts.get(&key(b)) == Some(&1);
            if !comparable(a, b) {
                continue;
            }
            let Some(sc) = score_with(a, ca, b, cb, unique) else {
                continue;
            };
            if allowed(a, b) {
                cands.push(Match {
                    a: *i,
                    b: *j,
                    score: sc.score,
                    local: sc.local,
                    sentence: sc.sentence,
                    evidence: sc.evidence,
                });
            }
        }
    }
    cands.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let mut used_a = BTreeSet::new();
    let mut used_b = BTreeSet::new();
    cands
        .into_iter()
        .filter(|m| {
            if used_a.contains(&m.a) || used_b.contains(&m.b) {
                return false;
            }
            used_a.insert(m.a);
            used_b.insert(m.b);
            true
        })
        .collect()
}
