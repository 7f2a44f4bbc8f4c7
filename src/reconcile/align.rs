//! Alignment: which figures of two outlets' reports in one story state one fact, with a confidence.
//!
//! For every pair of articles of a story from different outlets, every pair of their figures that
//! measure the same kind of thing ([`crate::reconcile::context::comparable`]) is a candidate, unless
//!
//! - their fact keys clash: a slot that both state differs ([`facts::clash`]; the slots in
//!   [`AlignOptions::vetoes`]). A running tally (deaths, evacuees) stated at two moments is the
//!   exception: that is one fact revised, an `update`;
//! - one stands in a sentence dated more than a week before publication and the other does not
//!   ([`AlignOptions::dated_past_veto`]);
//! - one stands in a table sentence (unless both stand in one row, or state one value to three
//!   significant digits or more), is an age, or the values are more than 20 times apart.
//!
//! Each candidate gets the features of [`model::FEATURES`] and the model's probability that it is one
//! fact. Within a pair of articles a figure aligns to at most one other, greedily by probability (ties
//! by claim id), except that a figure stating a range (`ribuan siswa`) takes none from the other
//! article; pairs under [`AlignOptions::min_alignment`] are not aligned, and disputes under
//! [`AlignOptions::min_confidence`] are not reported. The verdict is [`verdict::compare`]'s, made
//! `attributed` when the two sentences credit different named sources, and `update` for a tally at
//! two moments.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::claims::{Claim, Kind};
use crate::ingest::Article;
use crate::reconcile::context::{
    article_words, comparable, dates_apart, different_names, foreign_names, interval_gap_ratio,
    overlap, share_anchor, value_ratio, ClaimContext,
};
use crate::reconcile::facts::{Agreement, FactKey, Slot};
use crate::reconcile::model::{self, Model};
use crate::reconcile::verdict::{self, can_both_be_true, word_diff, DiffPart, Verdict};
use crate::stories::Story;
use crate::vectors::Vector;

/// Two claims aligned as one fact, with the verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alignment {
    /// Stable id: `{a}~{b}`.
    pub id: String,
    /// The story.
    pub story: String,
    /// The event both figures' articles report ([`crate::events`]).
    pub event: String,
    /// `lhs` claim id (the one in the smaller article id).
    pub a: String,
    /// `rhs` claim id.
    pub b: String,
    /// Probability that the two figures state one fact, in [0, 1] (the fitted model).
    pub confidence: f64,
    /// Overlap of the words next to the two figures, in [0, 1].
    pub local_context: f64,
    /// Overlap of the rest of their sentences, in [0, 1].
    pub sentence_context: f64,
    /// consistent, conflict, update or attributed.
    pub verdict: Verdict,
    /// Why, in words: the slots that matched, the one that differs, and the values.
    pub reason: String,
    /// Slots of the fact key both state alike (`attribute=depth`).
    pub matched: Vec<String>,
    /// Shared terms of the two contexts.
    pub evidence: Vec<String>,
    /// Distance between the intervals.
    pub gap: f64,
    /// The distance relative to the values.
    pub relative_gap: f64,
    /// Word diff of `lhs`'s sentence into `rhs`'s.
    pub diff: Vec<DiffPart>,
    /// Outlets and independent sources behind `a`'s value and `b`'s (filled by
    /// [`crate::provenance::annotate`]).
    pub support: [crate::provenance::Support; 2],
    /// The independent source both claims come from, when they share one
    /// (a copy that differs from the wire it credits, not two newsrooms).
    pub one_source: Option<String>,
    /// When an article repeats a figure: the id of the alignment of the same two facts that this
    /// one repeats (the most confident). Renderers show that one; the summary counts it once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeats: Option<String>,
    /// The event of `b`'s article when it is not `a`'s (`event`): a fact two events of one story
    /// both state, whose values agree.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_event: Option<String>,
}

/// Settings of alignment.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Slots whose clash keeps two figures apart.
    pub vetoes: Vec<Slot>,
    /// Slots whose clash keeps two figures whose values cannot both be true apart: they are never a
    /// dispute (values that agree may still align, the clash weighed by the model).
    pub dispute_vetoes: Vec<Slot>,
    /// A figure marked as past (`kemarin`, `sebelumnya`, `had`, `dari Rp13.500`) never aligns with
    /// one that is not.
    pub past_marker_veto: bool,
    /// A figure in a sentence dated more than a week before publication (`the magnitude 4.1 quake of
    /// December 2024`) never aligns with one in a sentence that is not.
    pub dated_past_veto: bool,
    /// Figures of two events of one story whose values agree are candidates too.
    pub across_events: bool,
    /// A table's figure aligns only with one of the same row.
    pub table_rows: bool,
    /// Least confidence for two figures to align.
    pub min_alignment: f64,
    /// Least confidence for a dispute (conflict, update, attributed) to be reported.
    pub min_confidence: f64,
    /// The model.
    pub model: Model,
}

/// Least confidence for a dispute to be reported, by default: the lowest threshold of the
/// cross-validated precision–recall curve (`docs/accuracy.md`) whose dispute precision clears 0.8
/// with the features selected in each fold by more than the noise of a few labels (0.839 held out,
/// recall 0.36; at 0.45, 0.823; at 0.4, 0.827, within a standard error of 0.8; the shipped features
/// fixed: 0.90, recall 0.38).
/// The model's dispute part has steps: one sign of one fact (each article states it once, or the
/// digits look like a typo) gives at most about 0.5, both give 0.7 or more, less as the values part.
/// The report shows the likeliest first, says how likely each is, and counts the disputes it held
/// back.
pub const MIN_CONFIDENCE: f64 = 0.5;

/// The least confidence of the disputes a report counts as held back under its threshold: those
/// `--min-confidence 0.1` would add.
pub const HELD_BACK_FLOOR: f64 = 0.1;

/// The alignments of a story, and how many disputes its threshold held back.
#[derive(Debug, Clone, Default)]
pub struct Aligned {
    /// The alignments reported.
    pub alignments: Vec<Alignment>,
    /// Disputes whose confidence lies in [[`HELD_BACK_FLOOR`], `min_confidence`): what a report at
    /// [`HELD_BACK_FLOOR`] would add.
    pub held_back: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            vetoes: VETOES.to_vec(),
            dispute_vetoes: DISPUTE_VETOES.to_vec(),
            past_marker_veto: false,
            dated_past_veto: true,
            across_events: true,
            table_rows: true,
            min_alignment: 0.5,
            min_confidence: MIN_CONFIDENCE,
            model: Model::builtin().clone(),
        }
    }
}

/// The slots whose clash keeps two figures apart by default: the moment alone paid on the dev labels
/// (`docs/accuracy.md`); the others are features of the model.
pub const VETOES: [Slot; 1] = [Slot::Moment];

/// The slots whose clash keeps two figures from being a dispute by default: two properties (a
/// quake's depth against its distance from a town, the share of tickets sold against a discount)
/// never contradict. The holder paid less: it is read wrongly more often (`docs/accuracy.md`).
pub const DISPUTE_VETOES: [Slot; 1] = [Slot::Attribute];

/// Values more than this many times apart are never one fact.
pub const MAX_RATIO: f64 = 20.0;
/// Bytes from the start of an article within which a sentence is in its lead.
pub const LEAD_BYTES: usize = 600;
/// Hours apart at which `hours_apart` reaches 1.
pub const HOURS_SCALE: f64 = 72.0;

/// A candidate pair: claim `ka` of article `i` and claim `kb` of article `j` (`i < j` in the story's
/// order), with its features.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Article index of the `lhs` claim.
    pub i: usize,
    /// Its claim index in the article.
    pub ka: usize,
    /// Article index of the `rhs` claim.
    pub j: usize,
    /// Its claim index.
    pub kb: usize,
    /// The features, in [`model::FEATURES`] order.
    pub x: Vec<f64>,
    /// Slots both keys state alike.
    pub matched: Vec<String>,
    /// The moment slot differs (a tally at two moments).
    pub moments_differ: bool,
    /// Overlap of the words next to the figures, of the sentences; shared terms.
    pub local: f64,
    /// See `local`.
    pub sentence: f64,
    /// See `local`.
    pub evidence: Vec<String>,
}

/// What the candidates of a story are built from, per article.
pub struct StoryInput<'a> {
    /// Every article.
    pub articles: &'a [Article],
    /// Claims per article.
    pub claims: &'a [Vec<Claim>],
    /// Contexts per article.
    pub contexts: &'a [Vec<ClaimContext>],
    /// Content vectors per article (for `article_similarity`).
    pub vectors: &'a [Vector],
    /// Each article's event ([`crate::report::Stages::event_of`]): figures are compared within
    /// an event only.
    pub event_of: &'a [u32],
}

/// The source of an article, or its id when it has none (so it is its own source).
fn source_key(a: &Article) -> &str {
    a.source.as_deref().unwrap_or(a.id.as_str())
}

fn slot_value(k: &FactKey, s: Slot) -> String {
    match s {
        Slot::Attribute => k.attribute.clone().unwrap_or_default(),
        Slot::Holder => k.holder.clone().unwrap_or_default(),
        Slot::Moment => k.moment.join(","),
        Slot::Scope => k.scope.clone().unwrap_or_default(),
        Slot::Modality => k.modality.clone().unwrap_or_default(),
    }
}

/// Every candidate pair of a story with its features. See the module docs.
pub fn story_candidates(story: &Story, input: &StoryInput, opts: &AlignOptions) -> Vec<Candidate> {
    let StoryInput {
        articles,
        claims,
        contexts,
        vectors,
        event_of,
    } = *input;
    let f = model::feature;
    let mut words_of: HashMap<usize, BTreeSet<String>> = HashMap::new();
    let with_claims: Vec<usize> = story
        .indices
        .iter()
        .copied()
        .filter(|&i| !claims[i].is_empty())
        .collect();
    // Per article: whether each figure is the only one of the present of its kind, unit and concept;
    // and of its kind, unit and attribute (the article's only depth, or only net profit).
    let unique: HashMap<usize, Vec<bool>> = with_claims
        .iter()
        .map(|&i| (i, only_ones(&claims[i], &contexts[i], kind_key)))
        .collect();
    let unique_attribute: HashMap<usize, Vec<bool>> = with_claims
        .iter()
        .map(|&i| (i, only_ones(&claims[i], &contexts[i], attribute_key)))
        .collect();
    let mut out = Vec::new();
    for (n, &i) in with_claims.iter().enumerate() {
        for &j in &with_claims[n + 1..] {
            if source_key(&articles[i]).eq_ignore_ascii_case(source_key(&articles[j])) {
                continue;
            }
            // Figures of two events of one story align only when they agree (a background fact
            // both repeat: the four islands, the two groups of a draw); the model weighs it.
            let other_event = event_of[i] != event_of[j];
            let hours = match (articles[i].published, articles[j].published) {
                (Some(x), Some(y)) => {
                    ((x.instant_minutes() - y.instant_minutes()).abs() as f64 / 60.0 / HOURS_SCALE)
                        .min(1.0)
                }
                _ => 0.0,
            };
            let other_day = match (articles[i].published, articles[j].published) {
                (Some(x), Some(y)) => x.date != y.date,
                _ => false,
            };
            let similarity = vectors
                .get(i)
                .zip(vectors.get(j))
                .map_or(0.0, |(x, y)| x.cosine(y));
            // A headline's figures are not aligned: the model learnt from figures of the text, and
            // most headlines repeat one of their text's (aligning them cost the labelled idnews
            // pairs recall; docs/claims.md).
            let text_claims = |k: usize| {
                claims[k]
                    .iter()
                    .zip(&contexts[k])
                    .enumerate()
                    .filter(|(_, (c, _))| !c.headline)
            };
            for (ka, (a, ca)) in text_claims(i) {
                for (kb, (b, cb)) in text_claims(j) {
                    // Ages belong to people: two ages are one fact only when both name one
                    // holder, or when one names none and they agree (an unnamed person's age is
                    // never set against another's).
                    let age_a = ca.age || a.concept.as_deref() == Some("age");
                    let age_b = cb.age || b.concept.as_deref() == Some("age");
                    let one_persons_ages = age_a
                        && age_b
                        && a.kind == b.kind
                        && match (person(&a.fact), person(&b.fact)) {
                            (Some(x), Some(y)) => {
                                x == y
                                    || one_name(x, y, &articles[i].text)
                                    || one_name(x, y, &articles[j].text)
                            }
                            _ => can_both_be_true(a, b),
                        };
                    // Both state one value exactly alike to two significant digits or more
                    // (`Rp 52,9 juta`, `magnitudo 4,9`; not `dua bulan`, `Rp 7.000`): that identifies
                    // the fact across a past marker, and without shared words around the figures.
                    let alike = |digits: i32| {
                        a.low.is_some()
                            && a.low == b.low
                            && a.high == b.high
                            && a.significant_digits() >= digits
                            && b.significant_digits() >= digits
                    };
                    let same_value = alike(2);
                    // A table's figure aligns only with one of the same row, or with the same value
                    // to three significant digits or more (`US$ 126,1 juta` in two lists).
                    let one_row = (ca.row.is_some() && ca.row == cb.row) || alike(3);
                    // A score that names no sides (`unggul jauh 64-42`, `ditahan 1-1`) is the score of
                    // its event's match, unless marked past (`sempat menang 3-2`): it aligns with a
                    // score of the same event that it agrees with, never against one it contradicts
                    // (a match has a score at every minute).
                    let one_matchs_score = a.kind == Kind::Score
                        && b.kind == Kind::Score
                        && !other_event
                        && !(ca.past || cb.past || ca.dated_past || cb.dated_past)
                        && (a.noun_base.is_none() || b.noun_base.is_none())
                        && can_both_be_true(a, b);
                    if !(one_persons_ages || one_matchs_score || comparable(a, b))
                        || (opts.table_rows && (ca.tabular || cb.tabular) && !one_row)
                        || ((age_a || age_b) && !one_persons_ages)
                    {
                        continue;
                    }
                    if ((opts.past_marker_veto && ca.past != cb.past)
                        || (opts.dated_past_veto && ca.dated_past != cb.dated_past))
                        && !same_value
                    {
                        continue;
                    }
                    let ratio = value_ratio(a, b);
                    if ratio > MAX_RATIO {
                        continue;
                    }
                    let tally = verdict::is_tally(a);
                    let agree = Slot::ALL.map(|slot| a.fact.agreement(&b.fact, slot));
                    let differs = |slot: Slot| agree[slot.index()] == Agreement::Differ;
                    // A tally at two moments is one fact revised: an update.
                    if opts
                        .vetoes
                        .iter()
                        .any(|&slot| differs(slot) && !(tally && slot == Slot::Moment))
                    {
                        continue;
                    }
                    let moments_differ = differs(Slot::Moment);
                    let both_unique = unique[&i][ka] && unique[&j][kb];
                    let mut evidence = BTreeSet::new();
                    let local = overlap(&ca.local, &cb.local, &mut evidence);
                    let sentence = overlap(&ca.sentence, &cb.sentence, &mut evidence);
                    // No shared words are required: figures that are not counts used to need words
                    // around them in common (or a unique fact, a table row, a value alike), a gate
                    // that cost held-out dispute precision and recall (docs/accuracy.md); the
                    // contexts' overlap is a feature the model weighs.
                    let compatible = can_both_be_true(a, b);
                    if other_event && (!opts.across_events || !compatible) {
                        continue;
                    }
                    if !compatible && opts.dispute_vetoes.iter().any(|&slot| differs(slot)) {
                        continue;
                    }
                    let mut x = vec![0.0; model::FEATURES.len()];
                    x[f("other_event")] = f64::from(u8::from(other_event));
                    x[0] = 1.0;
                    x[f("local_context")] = local;
                    x[f("sentence_context")] = sentence;
                    x[f("specific_concept")] = f64::from(u8::from(
                        a.kind == Kind::Count
                            && a.concept.as_deref().is_some_and(|c| c != "people"),
                    ));
                    x[f("both_unique")] = f64::from(u8::from(both_unique));
                    // Values that cannot both hold are as far apart as their intervals' nearer
                    // bounds (`puluhan ribu` against `100.000`), not their midpoints.
                    let apart = if compatible {
                        ratio
                    } else {
                        interval_gap_ratio(a, b)
                    };
                    x[f("log_value_ratio")] = (apart.ln() / MAX_RATIO.ln()).clamp(0.0, 1.0);
                    x[f("values_compatible")] = f64::from(u8::from(compatible));
                    x[f("dates_apart")] = f64::from(u8::from(dates_apart(&ca.dates, &cb.dates)));
                    x[f("one_dated_past")] = f64::from(u8::from(ca.dated_past != cb.dated_past));
                    x[f("one_marked_past")] = f64::from(u8::from(ca.past != cb.past));
                    x[f("shared_anchor")] = f64::from(u8::from(share_anchor(ca, cb)));
                    x[f("names_differ")] = f64::from(u8::from(different_names(ca, cb)));
                    // Only asked of disputed values: it reads both articles' words.
                    if !compatible {
                        for k in [i, j] {
                            words_of
                                .entry(k)
                                .or_insert_with(|| article_words(&articles[k].text));
                        }
                        x[f("foreign_names")] = f64::from(u8::from(foreign_names(
                            ca,
                            &words_of[&i],
                            cb,
                            &words_of[&j],
                        )));
                    }
                    x[f("hours_apart")] = hours;
                    let mut matched = Vec::new();
                    for (slot, same, differs) in [
                        (Slot::Attribute, "attribute_same", "attribute_differs"),
                        (Slot::Holder, "holder_same", "holder_differs"),
                        (Slot::Moment, "moment_same", "moment_differs"),
                    ] {
                        match agree[slot.index()] {
                            Agreement::Same => {
                                x[f(same)] = 1.0;
                                matched.push(format!(
                                    "{}={}",
                                    slot.as_str(),
                                    slot_value(&a.fact, slot)
                                ));
                            }
                            Agreement::Differ => x[f(differs)] = 1.0,
                            Agreement::Unknown => {}
                        }
                    }
                    x[f("scope_differs")] = f64::from(u8::from(differs(Slot::Scope)));
                    x[f("modality_differs")] = f64::from(u8::from(differs(Slot::Modality)));
                    match (&a.fact.attribution, &b.fact.attribution) {
                        (Some(p), Some(q)) if p == q => x[f("attribution_same")] = 1.0,
                        (Some(_), Some(_)) => x[f("attribution_differs")] = 1.0,
                        _ => {}
                    }
                    x[f("both_in_lead")] = f64::from(u8::from(
                        a.sentence_span[0] < LEAD_BYTES && b.sentence_span[0] < LEAD_BYTES,
                    ));
                    x[f("article_similarity")] = similarity;
                    let kind = match a.kind {
                        Kind::Count => Some("kind_count"),
                        Kind::Money => Some("kind_money"),
                        Kind::Percent => Some("kind_percent"),
                        Kind::Measure | Kind::Magnitude => Some("kind_measure"),
                        Kind::Duration => Some("kind_duration"),
                        _ => None,
                    };
                    if let Some(k) = kind {
                        x[f(k)] = 1.0;
                    }
                    x[f("tally")] = f64::from(u8::from(tally));
                    x[f("head_word_same")] = f64::from(u8::from(match (&ca.head, &cb.head) {
                        (Some(p), Some(q)) => p == q || crate::features::same_term(p, q),
                        _ => false,
                    }));
                    let unique_attribute = a.fact.attribute.is_some()
                        && a.fact.attribute == b.fact.attribute
                        && unique_attribute[&i][ka]
                        && unique_attribute[&j][kb];
                    x[f("both_unique_attribute")] = f64::from(u8::from(unique_attribute));
                    // The only figure of its fact in each article, the fact known as finely as
                    // both state it: by the attribute when both name one, else by kind, unit and
                    // concept.
                    let attribute_known = agree[Slot::Attribute.index()] != Agreement::Unknown;
                    x[f("both_unique_fact")] = f64::from(u8::from(
                        unique_attribute || (both_unique && !attribute_known),
                    ));
                    x[f("published_other_day")] = f64::from(u8::from(other_day));
                    x[f("digits_alike")] = f64::from(u8::from(digits_alike(&a.text, &b.text)));
                    x[f("digits_alike_long")] = f64::from(u8::from(long_digits_alike(a, b)));
                    x[f("counted_noun_same")] = f64::from(u8::from(
                        a.noun_base.is_some() && a.noun_base == b.noun_base,
                    ));
                    out.push(Candidate {
                        i,
                        ka,
                        j,
                        kb,
                        x,
                        matched,
                        moments_differ,
                        local,
                        sentence,
                        evidence: evidence.into_iter().collect(),
                    });
                }
            }
        }
    }
    out
}

/// Whether one holder names part of the other: all of its words are the other's (`gustiana` and
/// `adek gustiana`, `mendagri` and `mendagri tito karnavian`).
fn names_part(x: &str, y: &str) -> bool {
    let within = |p: &str, q: &str| {
        p.split_whitespace().next().is_some()
            && p.split_whitespace()
                .all(|w| q.split_whitespace().any(|v| v == w))
    };
    within(x, y) || within(y, x)
}

/// The holder of an age, unless it is a place (`desainer ternama Indonesia ini … 47 tahun`): an age
/// belongs to a person, so a place read as its holder says nothing of whose it is.
fn person(key: &FactKey) -> Option<&str> {
    let h = key.holder.as_deref()?;
    let written: Vec<String> = h
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect();
    (!crate::events::Gazetteer::bundled().is_name(&written.join(" "))).then_some(h)
}

/// Whether two holders are one person's name: one names part of the other ([`names_part`]), or the
/// text writes them as one name (`hengki` and `kawilarang` in `Hengki Kawilarang`).
fn one_name(x: &str, y: &str, text: &str) -> bool {
    if x.trim().is_empty() || y.trim().is_empty() {
        return false;
    }
    if names_part(x, y) {
        return true;
    }
    let lower = text.to_lowercase();
    lower.contains(&format!("{x} {y}")) || lower.contains(&format!("{y} {x}"))
}

/// Per figure of an article, the index of the first figure that repeats it (or its own index): the
/// same kind, unit, value and concept, and an attribute and a holder that do not clash with those the
/// class's figures state (a figure that names no holder, or part of the holder, repeats one that names
/// it; `Rp 6.000` for two holders is two facts).
fn repeat_classes(claims: &[Claim]) -> Vec<usize> {
    let key = |c: &Claim| {
        (
            c.kind,
            c.unit.clone(),
            c.low.map(f64::to_bits),
            c.high.map(f64::to_bits),
            c.concept.clone(),
        )
    };
    let mut groups: HashMap<_, Vec<usize>> = HashMap::new();
    for (k, c) in claims.iter().enumerate() {
        groups.entry(key(c)).or_default().push(k);
    }
    let mut class: Vec<usize> = (0..claims.len()).collect();
    let fits = |x: Option<&str>, y: Option<&str>| x.is_none() || y.is_none() || x == y;
    // A holder that names part of another is the same (`mendagri` in `mendagri tito karnavian`).
    let part = |x: Option<&str>, y: Option<&str>| match (x, y) {
        (Some(x), Some(y)) => x == y || names_part(x, y),
        _ => true,
    };
    for members in groups.values() {
        // Classes of this value: (first member, attribute, holder) as far as their members state them.
        let mut open: Vec<(usize, Option<&str>, Option<&str>)> = Vec::new();
        for &k in members {
            let (attr, holder) = (
                claims[k].fact.attribute.as_deref(),
                claims[k].fact.holder.as_deref(),
            );
            match open
                .iter_mut()
                .find(|(_, a, h)| fits(*a, attr) && part(*h, holder))
            {
                Some((first, a, h)) => {
                    class[k] = *first;
                    *a = a.or(attr);
                    *h = h.or(holder);
                }
                None => open.push((k, attr, holder)),
            }
        }
    }
    class
}

/// Whether two figures are written with the same digits but one changed, or two swapped
/// (`4.705` and `4.075`, `7.991.960` and `7.991.160`): the mark of a typo or a misread copy, and so of
/// one fact.
pub fn digits_alike(a: &str, b: &str) -> bool {
    let digits = |s: &str| {
        s.chars()
            .filter(char::is_ascii_digit)
            .collect::<Vec<char>>()
    };
    let (x, y) = (digits(a), digits(b));
    if x.len() != y.len() || x.len() < 2 || x == y {
        return false;
    }
    let differ: Vec<usize> = (0..x.len()).filter(|&k| x[k] != y[k]).collect();
    match differ.as_slice() {
        [_] => true,
        [p, q] => q - p == 1 && x[*p] == y[*q] && x[*q] == y[*p],
        _ => false,
    }
}

/// Whether a figure states a range, not one value (`ribuan`, `setidaknya 100.000`, `10 hingga 20`).
fn is_range(c: &Claim) -> bool {
    c.low != c.high
}

/// Significant digits both figures must state for their digits alike to count as long
/// ([`long_digits_alike`]).
pub const LONG_DIGITS: i32 = 4;

/// [`digits_alike`] in figures of [`LONG_DIGITS`] significant digits or more (`7.991.960` and
/// `7.991.160`, `Rp1.937.000` and `Rp1.936.000`; not `47` and `46`): two long figures so alike are
/// rarely a coincidence.
pub fn long_digits_alike(a: &Claim, b: &Claim) -> bool {
    digits_alike(&a.text, &b.text)
        && a.significant_digits().min(b.significant_digits()) >= LONG_DIGITS
}

/// What makes two figures of one article "of one kind": kind, unit and concept.
fn kind_key(c: &Claim) -> Option<(Kind, Option<&str>, Option<&str>)> {
    Some((c.kind, c.unit.as_deref(), c.concept.as_deref()))
}

/// The same by the attribute, for figures that state one.
fn attribute_key(c: &Claim) -> Option<(Kind, Option<&str>, &str)> {
    Some((c.kind, c.unit.as_deref(), c.fact.attribute.as_deref()?))
}

/// For each claim of an article, whether it is a figure of the present (not marked past, its
/// sentence not dated long before) and the only such figure with its `key`.
fn only_ones<'c, K: Eq + std::hash::Hash>(
    claims: &'c [Claim],
    contexts: &[ClaimContext],
    key: impl Fn(&'c Claim) -> Option<K>,
) -> Vec<bool> {
    let present = |x: &ClaimContext| !x.past && !x.dated_past;
    let mut counts: HashMap<K, usize> = HashMap::new();
    for (c, x) in claims.iter().zip(contexts).filter(|(c, _)| !c.headline) {
        if let (true, Some(k)) = (present(x), key(c)) {
            *counts.entry(k).or_default() += 1;
        }
    }
    claims
        .iter()
        .zip(contexts)
        .map(|(c, x)| present(x) && key(c).is_some_and(|k| counts.get(&k) == Some(&1)))
        .collect()
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The alignments of a story. See the module docs.
pub fn story_alignments(story: &Story, input: &StoryInput, opts: &AlignOptions) -> Aligned {
    let scored = story_candidates(story, input, opts)
        .into_iter()
        .map(|c| (opts.model.predict(&c.x), c))
        .collect();
    align_scored(story, input, opts, scored)
}

/// The alignments of a story from its candidates, each with its confidence (the model's, or one
/// predicted by a model fitted without this story, for cross-validation).
pub fn align_scored(
    story: &Story,
    input: &StoryInput,
    opts: &AlignOptions,
    scored: Vec<(f64, Candidate)>,
) -> Aligned {
    // Candidates are taken from the most confident down, so the ones under the threshold, taken
    // last, change nothing above it: they are only counted.
    let floor = opts
        .min_alignment
        .min(opts.min_confidence)
        .min(HELD_BACK_FLOOR);
    let mut cands: Vec<(f64, Candidate)> =
        scored.into_iter().filter(|(p, _)| *p >= floor).collect();
    let (articles, claims) = (input.articles, input.claims);
    let id = |c: &Candidate| (&claims[c.i][c.ka].id, &claims[c.j][c.kb].id);
    cands.sort_by(|(p, x), (q, y)| q.total_cmp(p).then_with(|| id(x).cmp(&id(y))));
    // An article that repeats a figure ([`repeat_classes`]) states one fact: its mentions share a
    // class, and a class aligns to at most one class of each other article.
    let mut classes: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut class_of = |i: usize, k: usize| -> usize {
        classes
            .entry(i)
            .or_insert_with(|| repeat_classes(&claims[i]))[k]
    };
    let mut used: HashMap<(usize, usize, usize), usize> = HashMap::new();
    // The first alignment of two classes: the one its repeats point to.
    let mut first: HashMap<(usize, usize, usize, usize), String> = HashMap::new();
    let mut out = Vec::new();
    let mut held_back = 0;
    for (p, c) in cands {
        let (ca, cb) = (class_of(c.i, c.ka), class_of(c.j, c.kb));
        // One figure aligns to at most one figure of each other article, or to several when
        // they repeat one fact there.
        if used.get(&(c.i, ca, c.j)).is_some_and(|&x| x != cb)
            || used.get(&(c.j, cb, c.i)).is_some_and(|&x| x != ca)
        {
            continue;
        }
        let (a, b) = (&claims[c.i][c.ka], &claims[c.j][c.kb]);
        // A figure that states a range, not a value (`ribuan siswa`, `lebih dari 100`), takes no
        // figure of the other article: `4.705 siswa` agrees with `ribuan siswa` and can still meet
        // that article's `4.075 siswa`.
        if is_range(a) || !is_range(b) {
            used.insert((c.i, ca, c.j), cb);
        }
        if is_range(b) || !is_range(a) {
            used.insert((c.j, cb, c.i), ca);
        }
        let mut cmp = verdict::compare(
            a,
            articles[c.i].published.as_ref(),
            b,
            articles[c.j].published.as_ref(),
        );
        if cmp.verdict == Verdict::Conflict && c.moments_differ {
            cmp.verdict = Verdict::Update;
            cmp.reason = format!(
                "a tally at two moments ({} and {}): {}",
                a.fact.moment.join(", "),
                b.fact.moment.join(", "),
                cmp.reason
            );
        }
        if cmp.verdict == Verdict::Conflict {
            if let (Some(x), Some(y)) = (&a.fact.attribution, &b.fact.attribution) {
                if x != y {
                    cmp.verdict = Verdict::Attributed;
                    cmp.reason = format!(
                        "two sources disagree: {} according to {x}, {} according to {y}",
                        verdict::describe(a),
                        verdict::describe(b)
                    );
                }
            }
        }
        let least = if cmp.verdict == Verdict::Consistent {
            opts.min_alignment
        } else {
            opts.min_confidence
        };
        if p < least {
            held_back += usize::from(cmp.verdict != Verdict::Consistent && p >= HELD_BACK_FLOOR);
            continue;
        }
        let reason = if c.matched.is_empty() {
            cmp.reason
        } else {
            format!("{}; same {}", cmp.reason, c.matched.join(", "))
        };
        let id = format!("{}~{}", a.id, b.id);
        let repeats = match first.entry((c.i, ca, c.j, cb)) {
            std::collections::hash_map::Entry::Occupied(e) => Some(e.get().clone()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(id.clone());
                None
            }
        };
        out.push(Alignment {
            id,
            repeats,
            other_event: None,
            story: story.id.clone(),
            event: String::new(),
            a: a.id.clone(),
            b: b.id.clone(),
            confidence: round3(p),
            local_context: round3(c.local),
            sentence_context: round3(c.sentence),
            verdict: cmp.verdict,
            reason,
            matched: c.matched,
            evidence: c.evidence,
            gap: cmp.gap,
            relative_gap: (cmp.relative_gap * 10_000.0).round() / 10_000.0,
            diff: word_diff(&a.sentence, &b.sentence),
            support: Default::default(),
            one_source: None,
        });
    }
    Aligned {
        alignments: out,
        held_back,
    }
}

#[cfg(test)]
mod tests {
    use super::{digits_alike, long_digits_alike, one_name};
    use crate::claims::{extract, Claim, ExtractOptions, Lang, Lexicon};

    /// The one claim an Indonesian sentence states.
    fn one_claim(text: &str) -> Claim {
        let lex = Lexicon::builtin();
        let opts = ExtractOptions {
            lang: Some(Lang::Id),
            published: None,
            lexicon: &lex,
        };
        let claims = extract("doc", text, &opts);
        assert_eq!(claims.len(), 1, "{text}: {claims:?}");
        claims.into_iter().next().unwrap()
    }

    #[test]
    fn significant_digits_run_from_the_leading_digit_to_the_precision() {
        let digits = |text: &str| one_claim(text).significant_digits();
        assert_eq!(digits("Kerugian ditaksir Rp 52,9 juta."), 3);
        assert_eq!(digits("Gempa bermagnitudo 4,9 mengguncang Garut."), 2);
        assert_eq!(digits("Daya listrik 950 watt cukup."), 2);
        assert_eq!(digits("Harga turun Rp 7.000."), 1);
        assert_eq!(digits("Antara 10 hingga 20 persen."), 0);
    }

    #[test]
    fn long_digits_alike_needs_four_significant_digits_in_both() {
        let alike = |x: &str, y: &str| long_digits_alike(&one_claim(x), &one_claim(y));
        assert!(alike(
            "Bantuan diterima 7.991.960 keluarga.",
            "Bantuan diterima 7.991.160 keluarga."
        ));
        assert!(alike(
            "Harganya Rp1.937.000 per gram.",
            "Harganya Rp1.936.000 per gram."
        ));
        assert!(alike("Ada 4.705 siswa.", "Ada 4.075 siswa."));
        // Alike, but short: a coincidence is common.
        assert!(digits_alike("47 tahun", "46 tahun"));
        assert!(!alike("Usianya 47 tahun.", "Usianya 46 tahun."));
        assert!(!alike("Harga turun Rp 7.000.", "Harga turun Rp 8.000."));
        // Long, but not alike.
        assert!(!alike("Ada 4.705 siswa.", "Ada 4.716 siswa."));
    }

    #[test]
    fn holders_are_one_name_when_one_holds_the_other_or_the_text_joins_them() {
        let text = "Aktor Hengki Kawilarang meninggal dunia. Adek Gustiana berusia 24 tahun.";
        assert!(one_name("hengki", "kawilarang", text));
        assert!(one_name("kawilarang", "hengki", text));
        assert!(one_name("gustiana", "adek gustiana", "Gustiana (24)."));
        assert!(!one_name("hengki", "gustiana", text));
        assert!(!one_name("", "hengki", text));
    }
}
