//! Events: one real-world happening per group, inside a story.
//!
//! A story ([`crate::stories`]) is a thread of reports on one subject; it can
//! hold several happenings of one kind: two earthquakes, a match preview and
//! its result, the stock index's close on two days. Events split each story:
//!
//! 1. **Frames** ([`frame`]): what each article's headline and lead say
//!    happened: rare and main names, stated dates, figures, gazetteer places
//!    ([`places`]), the kind of happening ([`types`]).
//! 2. **Pairs** ([`pairs`]): how two articles' frames compare (names the
//!    other never mentions, very rare names both write, dates days apart,
//!    content cosine, …), turned by a fitted logistic regression into the
//!    probability that they report one happening.
//! 3. **Groups** ([`partition`]): near-duplicates always stay together; then
//!    average linkage over all the story's pairs merges while the mean
//!    probability across two groups is at least
//!    [`EventOptions::min_probability`].
//!
//! An article whose date is unknown is never kept out for it: a frame
//! without dates has its date features off. With `--group-by`, the curated
//! groups are the events (one per story).
//!
//! Alignment ([`crate::reconcile::align`]) compares figures within an event,
//! and across the events of one story only where the values agree.

pub mod frame;
pub mod pairs;
pub mod places;
pub mod types;

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;
use xxhash_rust::xxh3::xxh3_64;

use crate::claims::Claim;
use crate::cluster::{average_linkage, UnionFind};
use crate::dedup::Dedup;
use crate::ingest::Article;
use crate::normalize::Cleaned;
use crate::stories::Story;
use crate::vectors::{Idf, Vector};

pub use frame::Frame;
pub use pairs::PairModel;
pub use places::Gazetteer;
pub use types::EventTypes;

/// Settings of event grouping.
#[derive(Debug, Clone)]
pub struct EventOptions {
    /// Least average probability, over the cross pairs of two groups of a story, that their
    /// articles report one happening, for the groups to be one event.
    pub min_probability: f64,
    /// The pair model.
    pub model: PairModel,
    /// Split stories into events at all (off: each story is one event).
    pub split: bool,
}

impl Default for EventOptions {
    fn default() -> Self {
        EventOptions {
            min_probability: MIN_PROBABILITY,
            model: PairModel::builtin().clone(),
            split: true,
        }
    }
}

/// The default of [`EventOptions::min_probability`].
pub const MIN_PROBABILITY: f64 = 0.5;

impl Event {
    /// What the event is, in a line: its kind, places, date and names (`earthquake · Tuban, Jawa
    /// Timur · 2025-06-17 · BMKG`), the parts known.
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.kind.clone());
        if !self.places.is_empty() {
            parts.push(self.places.join(", "));
        }
        parts.extend(self.when.clone());
        if !self.actors.is_empty() {
            parts.push(self.actors.join(", "));
        }
        parts.join(" · ")
    }
}

/// One real-world happening: the articles of a story that report it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// Stable id: a hash of the member ids (or the `--group-by` value).
    pub id: String,
    /// The story it belongs to.
    pub story: String,
    /// Member article ids, sorted.
    pub members: Vec<String>,
    /// The headline of the earliest member that has one.
    pub title: Option<String>,
    /// The kind of happening most members name (`earthquake`, `match`), if any.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// The places most members name in headline and lead, most named first.
    pub places: Vec<String>,
    /// The date most members' leads state (ISO), else the earliest publication date.
    pub when: Option<String>,
    /// The rare names most members' headlines and leads carry, most named first.
    pub actors: Vec<String>,
    /// Member indices into the article list.
    #[serde(skip)]
    pub indices: Vec<usize>,
}

/// The frames of all articles.
pub fn par_frames(
    articles: &[Article],
    cleaned: &[Cleaned],
    claims: &[Vec<Claim>],
    vectors: &[Vector],
    idf: &Idf,
) -> Vec<Frame> {
    let (g, t) = (Gazetteer::bundled(), EventTypes::bundled());
    (0..articles.len())
        .into_par_iter()
        .map(|i| {
            frame::frame(
                &articles[i],
                &cleaned[i],
                &claims[i],
                &vectors[i],
                idf,
                g,
                t,
            )
        })
        .collect()
}

/// Splits every story into events (see the module docs). Events come sorted by story id, and within
/// a story by their first member; every story member is in exactly one event.
pub fn par_events(
    articles: &[Article],
    stories: &[Story],
    frames: &[Frame],
    vectors: &[Vector],
    dedup: &Dedup,
    opts: &EventOptions,
    curated: bool,
) -> Vec<Event> {
    let g = Gazetteer::bundled();
    let mut events: Vec<Event> = stories
        .par_iter()
        .map(|s| {
            let groups = if curated || !opts.split {
                vec![s.indices.clone()]
            } else {
                split_story(s, articles, frames, vectors, dedup, opts)
            };
            groups
                .into_iter()
                .map(|idx| describe(s, idx, articles, frames, g, curated))
                .collect::<Vec<Event>>()
        })
        .flatten()
        .collect();
    events.sort_by(|a, b| (&a.story, &a.members).cmp(&(&b.story, &b.members)));
    events
}

/// The events of one story, as lists of article indices (sorted), ordered by their first member.
fn split_story(
    story: &Story,
    articles: &[Article],
    frames: &[Frame],
    vectors: &[Vector],
    dedup: &Dedup,
    opts: &EventOptions,
) -> Vec<Vec<usize>> {
    let probability = |i: usize, j: usize| {
        opts.model.predict(&pairs::features(
            (&articles[i], &frames[i], &vectors[i]),
            (&articles[j], &frames[j], &vectors[j]),
        ))
    };
    partition(story, &dedup.cluster_of, probability, opts.min_probability)
}

/// Splits a story by a pair probability: near-duplicates (`cluster_of`, each article's
/// near-duplicate cluster) together, then average linkage down to `least` (see the module docs).
/// Groups of article indices, sorted, ordered by their first member.
pub fn partition(
    story: &Story,
    cluster_of: &[Option<usize>],
    probability: impl Fn(usize, usize) -> f64,
    least: f64,
) -> Vec<Vec<usize>> {
    let idx = &story.indices;
    let n = idx.len();
    let mut uf = UnionFind::new(n);
    let mut by_cluster: HashMap<usize, usize> = HashMap::new();
    for (x, &i) in idx.iter().enumerate() {
        if let Some(c) = cluster_of[i] {
            let first = *by_cluster.entry(c).or_insert(x);
            uf.union(first, x);
        }
    }
    link(&mut uf, idx, probability, least);
    let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (x, &i) in idx.iter().enumerate() {
        let r = uf.find(x);
        by_root.entry(r).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = by_root.into_values().collect();
    for gr in &mut groups {
        gr.sort_unstable();
    }
    groups.sort();
    groups
}

/// Average linkage over all pairs of a story's articles (`idx`, local indices in `uf`), by the
/// probability that they report one happening, down to `least` on average.
fn link(uf: &mut UnionFind, idx: &[usize], probability: impl Fn(usize, usize) -> f64, least: f64) {
    let n = idx.len();
    let mut edges: Vec<(u32, u32, f64)> = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for x in 0..n {
        for y in x + 1..n {
            // Centred on the threshold: a pair below it weighs against the merge.
            let p = probability(idx[x], idx[y]) - least;
            edges.push((x as u32, y as u32, p));
        }
    }
    average_linkage(uf, &edges, &vec![None; n], 0, 0.0);
}

/// Capitalised words that name no one in particular (`data/events/generic-names.txt`).
fn generic_names() -> &'static std::collections::HashSet<&'static str> {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../../data/events/generic-names.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// An event of `story` made of the articles `idx`, with what most of them say.
fn describe(
    story: &Story,
    idx: Vec<usize>,
    articles: &[Article],
    frames: &[Frame],
    g: &Gazetteer,
    curated: bool,
) -> Event {
    let mut members: Vec<String> = idx.iter().map(|&i| articles[i].id.clone()).collect();
    members.sort();
    let id = if curated {
        story.id.clone()
    } else {
        format!(
            "event-{:012x}",
            xxh3_64(members.join("\n").as_bytes()) >> 16
        )
    };
    let earliest = |i: &usize| {
        (
            articles[*i]
                .published
                .map_or(i64::MAX, |p| p.instant_minutes()),
            articles[*i].id.clone(),
        )
    };
    let title = idx
        .iter()
        .filter(|&&i| articles[i].title.is_some())
        .min_by_key(|i| earliest(i))
        .and_then(|&i| articles[i].title.clone());
    let kind = frame::common(idx.iter().filter_map(|&i| frames[i].kind.as_deref()), 1)
        .into_iter()
        .next();
    let mut place_names: Vec<&str> = Vec::new();
    let mut actor_names: Vec<&str> = Vec::new();
    let mut days: Vec<String> = Vec::new();
    for &i in &idx {
        let f = &frames[i];
        let mut names: Vec<&str> = f.places.iter().map(|&p| g.name(p)).collect();
        names.sort_unstable();
        names.dedup();
        place_names.extend(&names);
        let place_words: Vec<String> = names
            .iter()
            .flat_map(|n| n.split_whitespace())
            .map(str::to_lowercase)
            .collect();
        let mut actors: Vec<&str> = f
            .names
            .iter()
            .map(|(_, w)| w.as_str())
            .filter(|w| {
                let l = w.to_lowercase();
                !place_words.contains(&l)
                    && !g.is_name(w)
                    && EventTypes::bundled().find(w).is_none()
                    && !generic_names().contains(l.as_str())
                    && !w.chars().any(|c| c.is_ascii_digit())
            })
            .collect();
        actors.sort_unstable();
        actors.dedup();
        actor_names.extend(actors);
        days.extend(f.dates.iter().map(|d| d.to_string()));
    }
    let when = frame::common(days.iter().map(String::as_str), 1)
        .into_iter()
        .next()
        .or_else(|| {
            idx.iter()
                .filter_map(|&i| articles[i].published.map(|p| p.date))
                .min()
                .map(|d| d.to_string())
        });
    Event {
        id,
        story: story.id.clone(),
        members,
        title,
        kind,
        places: frame::common(place_names, 3),
        when,
        actors: frame::common(actor_names, 3),
        indices: idx,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(n: usize) -> Story {
        Story {
            id: "story-test".into(),
            members: (0..n).map(|i| format!("a{i}")).collect(),
            title: None,
            events: Vec::new(),
            indices: (0..n).collect(),
        }
    }

    fn no_duplicates(n: usize) -> Vec<Option<usize>> {
        vec![None; n]
    }

    #[test]
    fn pairs_likely_apart_split_a_story() {
        // Two happenings of three reports each: alike within, unlike across.
        let side = |i: usize| i / 3;
        let p = |i: usize, j: usize| if side(i) == side(j) { 0.9 } else { 0.1 };
        let groups = partition(&story(6), &no_duplicates(6), p, MIN_PROBABILITY);
        assert_eq!(groups, vec![vec![0, 1, 2], vec![3, 4, 5]]);
        // Everything alike: one event.
        let groups = partition(&story(6), &no_duplicates(6), |_, _| 0.8, MIN_PROBABILITY);
        assert_eq!(groups, vec![vec![0, 1, 2, 3, 4, 5]]);
    }

    #[test]
    fn near_duplicates_stay_together_whatever_the_pairs_say() {
        let mut dedup = no_duplicates(4);
        dedup[0] = Some(0);
        dedup[3] = Some(0);
        let groups = partition(&story(4), &dedup, |_, _| 0.0, MIN_PROBABILITY);
        assert_eq!(groups, vec![vec![0, 3], vec![1], vec![2]]);
    }

    #[test]
    fn the_bundled_event_data_reads() {
        assert!(!generic_names().is_empty());
        assert!(Gazetteer::bundled().len() > 1000);
        assert!(EventTypes::bundled().find("gempa").is_some());
    }
}
