//! Stories: reports of the same event, grouped even when worded apart.
//!
//! Outlets rewrite the same wire reports, so reports of one event can share
//! almost no word 5-grams (the five seed reports of the January 2022 talks
//! share under 1%). Stories are therefore found on content features
//! ([`crate::features`]): names, content words and numbers.
//!
//! 1. **Vectors** ([`crate::vectors`]): each article's features weighted by
//!    TF-IDF over the corpus (sublinear term frequency, smoothed IDF), names
//!    ×2, the headline's features added once; L2-normalised.
//! 2. **Candidates**: the article's [`TOP_TERMS`] heaviest features form a
//!    set; MinHash (128 permutations) and LSH with 128 bands of one row make
//!    pairs of articles whose top terms overlap at all: reports of one event
//!    in different words share only a few of their top terms (Jaccard 0.05
//!    is a candidate with probability 0.9986). A bucket over 200 articles (a
//!    term in every other article) is chained rather than expanded.
//! 3. **Similarities**: the cosine of each candidate pair whose dates lie
//!    within `window` days of each other (an article whose date is unknown is
//!    never kept out by the window).
//! 4. **Groups**: near-duplicate clusters first (they always stay inside one
//!    story), then average linkage: the two groups whose cross pairs are most
//!    similar on average merge while that average is at least
//!    [`StoryOptions::min_similarity`]. Unlike single linkage this does not
//!    chain: on the 7,000 idnews articles single linkage made one "story" of
//!    1,301 articles out of celebrity news, economy and sport.
//! 5. **Bridges beyond the window**: a candidate pair published further apart
//!    joins its two stories when both state one calendar date and the
//!    articles share [`BRIDGE_RARE_NAMES`] very rare names (a victim's, a
//!    street's; [`Vector::shared_rare_names`]) and their headlines are not
//!    apart: a late or re-dated report of one happening (a crawler's dates can
//!    be weeks off), or a follow-up (an arrest, a hearing, a funeral). The
//!    date is one both leads state, or one the lead of either states that lies
//!    within the window before the earlier report's publication (the day of
//!    the happening it reports) and that the other's text states anywhere (a
//!    follow-up names the day it follows). A thread's next episode states its
//!    own date; a schedule's future dates are not the day of a happening.
//!
//! With `--group-by FIELD` a curated set's own story ids are used instead.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;
use xxhash_rust::xxh3::xxh3_64;

use crate::cluster::{average_linkage, UnionFind};
use crate::dedup::Dedup;
use crate::ingest::Article;
use crate::lsh::{par_candidates, LshParams};
use crate::minhash::{signature, NumPerm};
use crate::vectors::Vector;

/// Pairs less similar than this are left out of the linkage (as if 0).
pub const MIN_EDGE: f64 = 0.05;

/// Very rare names two articles published beyond the window must share to join ([`par_stories`],
/// step 5). One shared name also joined a wedding's preview to its reception and an ondel-ondel ban
/// to an anniversary (two dates stated in passing); two kept those apart.
pub const BRIDGE_RARE_NAMES: usize = 2;

/// Heaviest features per article used for candidate generation.
pub const TOP_TERMS: usize = 30;

/// Settings of story grouping.
#[derive(Debug, Clone)]
pub struct StoryOptions {
    /// Largest distance in days between the publication dates of two articles of one story.
    pub window_days: i64,
    /// Least cosine similarity of content vectors for two articles to join.
    pub min_similarity: f64,
    /// Use this article field's values as story ids instead.
    pub group_by: Option<String>,
}

impl Default for StoryOptions {
    fn default() -> Self {
        StoryOptions {
            window_days: 3,
            min_similarity: 0.17,
            group_by: None,
        }
    }
}

/// A story: a thread of articles on one subject, split into events ([`crate::events`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    /// Stable id: a hash of the member ids (or the `--group-by` value).
    pub id: String,
    /// Member article ids, sorted.
    pub members: Vec<String>,
    /// The headline of the earliest member that has one.
    pub title: Option<String>,
    /// Its events' ids, in the order of [`crate::events::par_events`].
    pub events: Vec<String>,
    /// Member indices into the article list.
    #[serde(skip)]
    pub indices: Vec<usize>,
}

fn within_window(a: &Article, b: &Article, days: i64) -> bool {
    match (a.published, b.published) {
        (Some(x), Some(y)) => (x.date - y.date).num_days().abs() <= days,
        _ => true,
    }
}

/// The calendar dates an article states: in its lead, and anywhere in its text (sorted, unique).
#[derive(Debug, Clone, Copy, Default)]
pub struct StatedDates<'a> {
    /// Dates the lead states.
    pub lead: &'a [NaiveDate],
    /// Dates the text states anywhere (the lead's among them).
    pub text: &'a [NaiveDate],
}

/// Whether two articles published beyond the window still report one happening (step 5 of the
/// module docs). `first` is the earlier publication date, when both are known.
fn bridged(
    a: StatedDates,
    b: StatedDates,
    va: &Vector,
    vb: &Vector,
    first: Option<NaiveDate>,
    window_days: i64,
) -> bool {
    // A date of the happening: on or before the earlier report, within the window before it.
    let happening =
        |d: &NaiveDate| first.is_some_and(|f| *d <= f && (f - *d).num_days() <= window_days);
    let named = |x: StatedDates, y: StatedDates| {
        x.lead
            .iter()
            .any(|d| happening(d) && y.text.binary_search(d).is_ok())
    };
    (a.lead.iter().any(|d| b.lead.binary_search(d).is_ok()) || named(a, b) || named(b, a))
        && va.shared_rare_names(vb) >= BRIDGE_RARE_NAMES
        && !va.headlines_apart(vb)
        && va.cosine(vb) >= MIN_EDGE
}

/// Groups articles (sorted by id) into stories of two or more. `dates` are the calendar dates each
/// article states (its frame's, [`crate::events::Frame::dates`] and
/// [`crate::events::Frame::text_dates`]).
pub fn par_stories(
    articles: &[Article],
    vectors: &[Vector],
    dates: &[StatedDates],
    dedup: &Dedup,
    opts: &StoryOptions,
) -> Vec<Story> {
    let mut uf = UnionFind::new(articles.len());
    if opts.group_by.is_some() {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, a) in articles.iter().enumerate() {
            if let Some(g) = a.group.as_deref() {
                let f = *first.entry(g).or_insert(i);
                uf.union(f, i);
            }
        }
    } else {
        let top_sets: Vec<Vec<u64>> = vectors.par_iter().map(|v| v.heaviest(TOP_TERMS)).collect();
        let sigs: Vec<Vec<u64>> = top_sets
            .par_iter()
            .map(|s| {
                if s.is_empty() {
                    Vec::new()
                } else {
                    signature(s, NumPerm::P128)
                }
            })
            .collect();
        let views: Vec<Option<&[u64]>> = sigs
            .iter()
            .map(|s| (!s.is_empty()).then_some(s.as_slice()))
            .collect();
        let candidates = par_candidates(
            &views,
            LshParams {
                bands: 128,
                rows: 1,
            },
            200,
        );
        let bridges: Vec<(u32, u32)> = candidates
            .par_iter()
            .copied()
            .filter(|&(i, j)| {
                let (i, j) = (i as usize, j as usize);
                !within_window(&articles[i], &articles[j], opts.window_days)
                    && bridged(
                        dates[i],
                        dates[j],
                        &vectors[i],
                        &vectors[j],
                        match (articles[i].published, articles[j].published) {
                            (Some(x), Some(y)) => Some(x.date.min(y.date)),
                            _ => None,
                        },
                        opts.window_days,
                    )
            })
            .collect();
        let edges: Vec<(u32, u32, f64)> = candidates
            .into_par_iter()
            .filter_map(|(i, j)| {
                let (a, b) = (&articles[i as usize], &articles[j as usize]);
                if !within_window(a, b, opts.window_days) {
                    return None;
                }
                let (va, vb) = (&vectors[i as usize], &vectors[j as usize]);
                if va.headlines_apart(vb) {
                    return None;
                }
                let sim = va.cosine(vb);
                (sim >= MIN_EDGE).then_some((i, j, sim))
            })
            .collect();
        for c in &dedup.clusters {
            let idx: Vec<usize> = c
                .members
                .iter()
                .filter_map(|m| articles.binary_search_by(|a| a.id.as_str().cmp(m)).ok())
                .collect();
            for w in idx.windows(2) {
                uf.union(w[0], w[1]);
            }
        }
        let days: Vec<Option<i64>> = articles
            .iter()
            .map(|a| a.published.map(|p| i64::from(p.date.num_days_from_ce())))
            .collect();
        average_linkage(
            &mut uf,
            &edges,
            &days,
            opts.window_days,
            opts.min_similarity,
        );
        for (i, j) in bridges {
            uf.union(i as usize, j as usize);
        }
    }
    uf.groups()
        .into_iter()
        .map(|g| {
            let members: Vec<String> = g.iter().map(|&i| articles[i].id.clone()).collect();
            let id = match (&opts.group_by, articles[g[0]].group.as_deref()) {
                (Some(_), Some(group)) => group.to_string(),
                _ => format!(
                    "story-{:012x}",
                    xxh3_64(members.join("\n").as_bytes()) >> 16
                ),
            };
            let title = g
                .iter()
                .filter(|&&i| articles[i].title.is_some())
                .min_by_key(|&&i| {
                    (
                        articles[i]
                            .published
                            .map_or(i64::MAX, |p| p.instant_minutes()),
                        articles[i].id.as_str(),
                    )
                })
                .and_then(|&i| articles[i].title.clone());
            Story {
                id,
                members,
                title,
                events: Vec::new(),
                indices: g,
            }
        })
        .collect()
}
