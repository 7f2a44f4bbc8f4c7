//! The consistency report: one model, a renderer per format.
//!
//! [`build`] runs the whole pipeline on a read corpus: cleaning, near-
//! duplicates, claims, stories, shared passages, alignment and verdicts,
//! claim groups. The [`Report`] it returns is what every renderer
//! (`text`, `markdown`, JSON via serde, `html`) draws from.

pub mod html;
pub mod markdown;
pub mod text;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use crate::claims::{extract_article, Claim, ExtractOptions, Lang, Lexicon};
use crate::cluster::UnionFind;
use crate::dedup::{par_dedup_articles, par_shingle_sets, Cluster, Dedup, DedupOptions};
use crate::error::{Diagnostic, Result};
use crate::events::{par_events, par_frames, Event};
use crate::ingest::{Article, Published};
use crate::normalize::{par_clean, tokens_into, Cleaned, Token};
use crate::reconcile::align::{story_alignments, AlignOptions, Aligned, StoryInput};
use crate::reconcile::context::{contexts, ClaimContext};
use crate::reconcile::{format_interval, Verdict};
use crate::shingle::jaccard;
use crate::stories::{par_stories, StatedDates, Story, StoryOptions};
use crate::vectors::{par_vectors_idf, Idf, Vector};

/// Settings of a report.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// Near-duplicate settings.
    pub dedup: DedupOptions,
    /// Story settings.
    pub stories: StoryOptions,
    /// Language for every article (else the article's own, else detected).
    pub lang: Option<Lang>,
    /// Near-duplicate clusters computed by the Spark job (`dedup --clusters`), instead of computing them.
    pub clusters: Option<std::path::PathBuf>,
    /// Alignment settings.
    pub align: AlignOptions,
    /// Event settings.
    pub events: crate::events::EventOptions,
}

/// An article as the report lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Id.
    pub id: String,
    /// Outlet.
    pub source: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date, parsed.
    pub published: Option<Published>,
    /// Language used for claims.
    pub lang: Lang,
    /// Where it was read from.
    pub path: String,
    /// Line where its record or body starts.
    pub line: u64,
    /// Its near-duplicate cluster, if any.
    pub duplicate_of: Option<String>,
    /// Its story, if any.
    pub story: Option<String>,
    /// Its event, if it is in a story.
    pub event: Option<String>,
    /// Outlet, credits and independent source (`source` and `title` above
    /// are read from the text when not given; see [`crate::provenance`]).
    pub provenance: crate::provenance::Provenance,
}

/// One place of a shared passage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PassagePlace {
    /// Article id.
    pub doc: String,
    /// Byte range in the article text.
    pub span: [usize; 2],
}

/// Sentences two articles of a story share (the same wire copy).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    /// The story.
    pub story: String,
    /// Where it stands in the `lhs` article.
    pub a: PassagePlace,
    /// Where it stands in the `rhs` article.
    pub b: PassagePlace,
    /// Sentences in the run.
    pub sentences: usize,
    /// Jaccard of their word 4-grams.
    pub similarity: f64,
    /// The passage as the `lhs` article words it.
    pub text: String,
}

pub use crate::reconcile::align::Alignment;

/// Every source's value for one fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// Stable id.
    pub id: String,
    /// The story.
    pub story: String,
    /// The event its articles report.
    pub event: String,
    /// Kind of the claims.
    pub kind: crate::claims::Kind,
    /// Concept, when known.
    pub concept: Option<String>,
    /// Member claims, side by side.
    pub values: Vec<GroupValue>,
    /// Claims that conflict with most of the others they were compared with.
    pub outliers: Vec<String>,
    /// Any conflict or update inside.
    pub disputed: bool,
    /// Outlets and independent sources behind all its values.
    pub support: crate::provenance::Support,
}

/// One source's value in a [`Group`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupValue {
    /// Claim id.
    pub claim: String,
    /// Article id.
    pub doc: String,
    /// Outlet.
    pub source: Option<String>,
    /// Surface.
    pub text: String,
    /// The interval in words.
    pub value: String,
    /// Outlets and independent sources behind this value (the group's
    /// claims that can both be true with it).
    pub support: crate::provenance::Support,
}

/// Counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Articles read.
    pub articles: usize,
    /// Distinct sources.
    pub sources: usize,
    /// Near-duplicate clusters.
    pub duplicate_clusters: usize,
    /// Stories of two or more articles.
    pub stories: usize,
    /// Events inside the stories.
    pub events: usize,
    /// Articles in stories.
    pub articles_in_stories: usize,
    /// Claims extracted.
    pub claims: usize,
    /// Claims by kind.
    pub claims_by_kind: BTreeMap<String, usize>,
    /// Aligned pairs, repeats included.
    pub alignments: usize,
    /// Alignments that repeat another's two facts (an article stating a figure twice): not
    /// counted as consistent, conflicts or updates.
    pub repeated: usize,
    /// Consistent pairs.
    pub consistent: usize,
    /// Conflicting pairs.
    pub conflicts: usize,
    /// Revised tallies.
    pub updates: usize,
    /// The least confidence of a reported dispute (`--min-confidence`).
    pub min_confidence: f64,
    /// Disputes under that threshold with a confidence of at least
    /// [`crate::reconcile::align::HELD_BACK_FLOOR`]: what a report at that floor would add.
    pub held_back: usize,
    /// Input problems.
    pub diagnostics: usize,
}

impl Summary {
    /// The disputes the threshold held back, as a sentence for the renderers (none when there are
    /// none).
    pub fn held_back_note(&self) -> Option<String> {
        (self.held_back > 0).then(|| {
            format!(
                "{} more possible disputes have a confidence under the threshold of {} \
                 (--min-confidence {} lists them).",
                self.held_back,
                self.min_confidence,
                crate::reconcile::align::HELD_BACK_FLOOR
            )
        })
    }
}

/// The consistency report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Schema version.
    pub version: u32,
    /// The articles.
    pub documents: Vec<Document>,
    /// Near-duplicate clusters (as in `dedup`).
    pub duplicates: Vec<Cluster>,
    /// Stories.
    pub stories: Vec<Story>,
    /// Events inside the stories (each story lists its own).
    pub events: Vec<Event>,
    /// Shared passages inside stories.
    pub passages: Vec<Passage>,
    /// Every claim.
    pub claims: Vec<Claim>,
    /// Aligned claim pairs; conflicts first, most severe first.
    pub alignments: Vec<Alignment>,
    /// Facts with every source's value.
    pub groups: Vec<Group>,
    /// Counts.
    pub summary: Summary,
    /// Input problems met while reading, by file and line.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// The claim with this id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims
            .binary_search_by(|c| c.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.claims[i])
            .or_else(|| self.claims.iter().find(|c| c.id == id))
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// A story's events, in its order.
    pub fn events_of<'a>(&'a self, story: &'a Story) -> impl Iterator<Item = &'a Event> + 'a {
        let first = self
            .events
            .partition_point(|e| e.story.as_str() < story.id.as_str());
        self.events[first..]
            .iter()
            .take_while(move |e| e.story == story.id)
    }

    /// Alignments that are conflicts or updates.
    pub fn disputes(&self) -> impl Iterator<Item = &Alignment> {
        self.alignments
            .iter()
            .filter(|a| a.verdict != Verdict::Consistent && a.repeats.is_none())
    }

    /// The alignments of distinct facts: without those that repeat another's two facts (an
    /// article that states a figure twice).
    pub fn aligned_facts(&self) -> impl Iterator<Item = &Alignment> {
        self.alignments.iter().filter(|a| a.repeats.is_none())
    }
}

/// The language of an article: the override, its declared language, or detected.
fn language(a: &Article, forced: Option<Lang>) -> Lang {
    forced
        .or_else(|| a.lang.as_deref().and_then(|l| l.parse().ok()))
        .unwrap_or_else(|| crate::claims::detect_lang(&a.text))
}

/// Claims of every article, in parallel; claim ids are unique per article.
pub fn par_claims(
    articles: &[Article],
    cleaned: &[Cleaned],
    langs: &[Lang],
    lexicon: &Lexicon,
) -> Vec<Vec<Claim>> {
    articles
        .par_iter()
        .zip(cleaned.par_iter())
        .zip(langs.par_iter())
        .map(|((a, c), &lang)| {
            let masked = c.masked(&a.text);
            let opts = ExtractOptions {
                lang: Some(lang),
                published: a.published.map(|p| p.date),
                lexicon,
            };
            let head = headline(a);
            let mut claims = extract_article(&a.id, &masked, head, &opts);
            let mut keys = by_part(&masked, head, &claims, crate::reconcile::facts::keys);
            if let Some(h) = head {
                let body = claims.partition_point(|c| !c.headline);
                crate::reconcile::facts::inherit_headline_moment(h, &mut keys[..body]);
            }
            for (c, k) in claims.iter_mut().zip(keys) {
                c.fact = k;
            }
            claims
        })
        .collect()
}

/// `f` over an article's claims, each part read against its own text: the text's claims (which come
/// first, see [`crate::claims::extract_article`]) against `text`, the headline's against `headline`.
fn by_part<T>(
    text: &str,
    headline: Option<&str>,
    claims: &[Claim],
    f: impl Fn(&str, &[Claim]) -> Vec<T>,
) -> Vec<T> {
    let body = claims.partition_point(|c| !c.headline);
    let mut out = f(text, &claims[..body]);
    if body < claims.len() {
        out.extend(f(headline.unwrap_or_default(), &claims[body..]));
    }
    out
}

/// The headline whose figures are claims too: the given `title` without the outlet's name after it,
/// unless the text opens with it (then its figures are the text's).
pub fn headline(a: &Article) -> Option<&str> {
    let t = a.title.as_deref()?.trim();
    let h = crate::provenance::dateline::headline_without_outlet(
        t,
        a.source.as_deref(),
        crate::provenance::outlets::Table::builtin(),
    );
    let first = a.text.lines().map(str::trim).find(|l| !l.is_empty());
    (!h.is_empty() && first.is_none_or(|l| !l.starts_with(h))).then_some(h)
}

/// Runs the whole pipeline. See the module docs.
pub fn build(
    articles: &[Article],
    diagnostics: Vec<Diagnostic>,
    opts: &ReportOptions,
    lexicon: &Lexicon,
) -> Result<Report> {
    build_observed(articles, diagnostics, opts, lexicon, &mut |_| {})
}

/// [`build`], calling `stage_done` with each stage's name as it ends:
/// [`STAGES`], in order (for progress and timings).
pub fn build_observed(
    articles: &[Article],
    diagnostics: Vec<Diagnostic>,
    opts: &ReportOptions,
    lexicon: &Lexicon,
    stage_done: &mut dyn FnMut(&'static str),
) -> Result<Report> {
    let stages = run_stages(articles, opts, lexicon, stage_done)?;
    let mut report = assemble(articles, stages, diagnostics, &opts.align);
    crate::provenance::annotate(&mut report, articles);
    stage_done(STAGES[5]);
    Ok(report)
}

/// The stages before alignment (cleaning, near-duplicates, claims with their fact keys, stories),
/// calling `stage_done` as each ends.
pub fn run_stages(
    articles: &[Article],
    opts: &ReportOptions,
    lexicon: &Lexicon,
    stage_done: &mut dyn FnMut(&'static str),
) -> Result<Stages> {
    let cleaned = par_clean(articles);
    stage_done(STAGES[0]);
    // The same clusters `dedup` finds, by the same fused path.
    let dedup = match &opts.clusters {
        Some(dir) => {
            let shingles = par_shingle_sets(articles, &cleaned, opts.dedup.ngram);
            crate::clusters_in::load(dir, articles, &shingles, &opts.dedup)?
        }
        None => par_dedup_articles(articles, &cleaned, &opts.dedup)?,
    };
    stage_done(STAGES[1]);
    let langs: Vec<Lang> = articles.iter().map(|a| language(a, opts.lang)).collect();
    let claims_per_doc = par_claims(articles, &cleaned, &langs, lexicon);
    stage_done(STAGES[2]);
    let (vectors, idf) = par_vectors_idf(articles, &cleaned);
    let frames = par_frames(articles, &cleaned, &claims_per_doc, &vectors, &idf);
    let dates: Vec<StatedDates> = frames
        .iter()
        .map(|f| StatedDates {
            lead: &f.dates,
            text: &f.text_dates,
        })
        .collect();
    let mut stories = par_stories(articles, &vectors, &dates, &dedup, &opts.stories);
    stage_done(STAGES[3]);
    let events = par_events(
        articles,
        &stories,
        &frames,
        &vectors,
        &dedup,
        &opts.events,
        opts.stories.group_by.is_some(),
    );
    let mut event_of = vec![u32::MAX; articles.len()];
    let mut of_story: HashMap<&str, Vec<String>> = HashMap::new();
    for (n, e) in events.iter().enumerate() {
        for &i in &e.indices {
            event_of[i] = n as u32;
        }
        of_story
            .entry(e.story.as_str())
            .or_default()
            .push(e.id.clone());
    }
    for s in &mut stories {
        s.events = of_story.remove(s.id.as_str()).unwrap_or_default();
    }
    stage_done(STAGES[4]);
    Ok(Stages {
        cleaned,
        langs,
        claims_per_doc,
        dedup,
        stories,
        events,
        event_of,
        idf,
        vectors,
    })
}

/// The stages of [`build_observed`], in order.
pub const STAGES: [&str; 6] = [
    "clean",
    "shingle+minhash",
    "claims",
    "stories",
    "events",
    "align",
];

/// What the stages of [`build`] produced, per article where it applies.
pub struct Stages {
    /// Cleaned texts.
    pub cleaned: Vec<Cleaned>,
    /// Languages.
    pub langs: Vec<Lang>,
    /// Claims with their fact keys.
    pub claims_per_doc: Vec<Vec<Claim>>,
    /// Near-duplicates.
    pub dedup: Dedup,
    /// Stories.
    pub stories: Vec<Story>,
    /// Events inside the stories.
    pub events: Vec<Event>,
    /// Each article's event (an index into `events`), `u32::MAX` outside stories.
    pub event_of: Vec<u32>,
    /// Term weights of the corpus.
    pub idf: Idf,
    /// Content vectors.
    pub vectors: Vec<Vector>,
}

impl Stages {
    /// What alignment reads of the stages: the articles, their claims, the claims' `contexts`
    /// ([`Stages::contexts`]), vectors and events.
    pub fn story_input<'a>(
        &'a self,
        articles: &'a [Article],
        contexts: &'a [Vec<ClaimContext>],
    ) -> StoryInput<'a> {
        StoryInput {
            articles,
            claims: &self.claims_per_doc,
            contexts,
            vectors: &self.vectors,
            event_of: &self.event_of,
        }
    }

    /// The context of every claim, per article.
    pub fn contexts(&self, articles: &[Article]) -> Vec<Vec<ClaimContext>> {
        articles
            .par_iter()
            .zip(self.claims_per_doc.par_iter())
            .map(|(a, cs)| {
                let published = a.published.map(|p| p.date);
                by_part(&a.text, headline(a), cs, |text, part| {
                    contexts(text, part, published, &self.idf)
                })
            })
            .collect()
    }
}

/// Puts the stages' results together: passages, alignments, groups, documents.
fn assemble(
    articles: &[Article],
    stages: Stages,
    diagnostics: Vec<Diagnostic>,
    align: &AlignOptions,
) -> Report {
    let contexts_per_doc = stages.contexts(articles);
    let Stages {
        cleaned,
        langs,
        claims_per_doc,
        dedup,
        stories,
        events,
        event_of,
        vectors,
        ..
    } = stages;
    let cleaned = &cleaned;
    let per_story: Vec<(Vec<Passage>, Aligned, Vec<Group>)> = stories
        .par_iter()
        .map(|s| {
            let passages = story_passages(s, articles, cleaned, &langs);
            let input = StoryInput {
                articles,
                claims: &claims_per_doc,
                contexts: &contexts_per_doc,
                vectors: &vectors,
                event_of: &event_of,
            };
            let aligned = story_alignments(s, &input, align);
            let groups = story_groups(s, articles, &claims_per_doc, &aligned.alignments);
            (passages, aligned, groups)
        })
        .collect();
    let mut passages = Vec::new();
    let mut alignments = Vec::new();
    let mut groups = Vec::new();
    let mut held_back = 0;
    for (p, a, g) in per_story {
        passages.extend(p);
        alignments.extend(a.alignments);
        groups.extend(g);
        held_back += a.held_back;
    }
    // Alignment runs within events, and across the events of one story for values that agree:
    // `event` is the event of `a`'s article, `other_event` that of `b`'s when it differs.
    let event_of_doc: HashMap<&str, &str> = events
        .iter()
        .flat_map(|e| e.members.iter().map(move |m| (m.as_str(), e.id.as_str())))
        .collect();
    let event_of_claim = |claim: &str| {
        let doc = claim.rsplit_once('@').map_or(claim, |(d, _)| d);
        event_of_doc
            .get(doc)
            .map_or_else(String::new, |e| e.to_string())
    };
    for a in &mut alignments {
        a.event = event_of_claim(&a.a);
        let other = event_of_claim(&a.b);
        if other != a.event {
            a.other_event = Some(other);
        }
    }
    for g in &mut groups {
        g.event = g
            .values
            .first()
            .and_then(|v| event_of_doc.get(v.doc.as_str()))
            .map_or_else(String::new, |e| e.to_string());
    }
    alignments.sort_by(|x, y| {
        let rank = |a: &Alignment| match a.verdict {
            Verdict::Conflict => 0,
            Verdict::Attributed => 1,
            Verdict::Update => 2,
            Verdict::Consistent => 3,
        };
        // Disputes most likely real first, then the most severe.
        rank(x)
            .cmp(&rank(y))
            .then(y.confidence.total_cmp(&x.confidence))
            .then(y.relative_gap.total_cmp(&x.relative_gap))
            .then_with(|| x.id.cmp(&y.id))
    });
    groups.sort_by(|x, y| y.disputed.cmp(&x.disputed).then_with(|| x.id.cmp(&y.id)));
    let story_of: HashMap<usize, &str> = stories
        .iter()
        .flat_map(|s| s.indices.iter().map(move |&i| (i, s.id.as_str())))
        .collect();
    let documents: Vec<Document> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| Document {
            id: a.id.clone(),
            source: a.source.clone(),
            title: a.title.clone(),
            published: a.published,
            lang: langs[i],
            path: a.origin.path.clone(),
            line: a.origin.line,
            duplicate_of: dedup.cluster_of[i].map(|c| dedup.clusters[c].id.clone()),
            story: story_of.get(&i).map(|s| s.to_string()),
            event: events.get(event_of[i] as usize).map(|e| e.id.clone()),
            provenance: Default::default(),
        })
        .collect();
    let mut claims: Vec<Claim> = claims_per_doc.into_iter().flatten().collect();
    claims.sort_by(|a, b| a.id.cmp(&b.id));
    let mut claims_by_kind: BTreeMap<String, usize> = BTreeMap::new();
    for c in &claims {
        let k = serde_json::to_value(c.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        *claims_by_kind.entry(k).or_default() += 1;
    }
    let count = |v: Verdict| {
        alignments
            .iter()
            .filter(|a| a.verdict == v && a.repeats.is_none())
            .count()
    };
    let summary = Summary {
        articles: articles.len(),
        sources: articles
            .iter()
            .filter_map(|a| a.source.as_deref())
            .collect::<BTreeSet<_>>()
            .len(),
        duplicate_clusters: dedup.clusters.len(),
        stories: stories.len(),
        events: events.len(),
        articles_in_stories: stories.iter().map(|s| s.members.len()).sum(),
        claims: claims.len(),
        claims_by_kind,
        alignments: alignments.len(),
        repeated: alignments.iter().filter(|a| a.repeats.is_some()).count(),
        consistent: count(Verdict::Consistent),
        conflicts: count(Verdict::Conflict),
        updates: count(Verdict::Update),
        min_confidence: align.min_confidence,
        held_back,
        diagnostics: diagnostics.len(),
    };
    // By file and line, so that the report does not depend on the order the
    // inputs were given in; a stable sort keeps the problems of one place in
    // the order they were met.
    let mut diagnostics = diagnostics;
    diagnostics.sort_by(|x, y| (&x.path, x.line).cmp(&(&y.path, y.line)));
    Report {
        version: 1,
        documents,
        duplicates: dedup.clusters,
        stories,
        events,
        passages,
        claims,
        alignments,
        groups,
        summary,
        diagnostics,
    }
}

fn story_groups(
    story: &Story,
    articles: &[Article],
    claims: &[Vec<Claim>],
    aligned: &[Alignment],
) -> Vec<Group> {
    // Claim id -> (article index, claim index).
    let mut where_: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for &i in &story.indices {
        for (k, c) in claims[i].iter().enumerate() {
            where_.insert(c.id.as_str(), (i, k));
        }
    }
    let ids: Vec<&str> = aligned
        .iter()
        .flat_map(|a| [a.a.as_str(), a.b.as_str()])
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let pos: HashMap<&str, usize> = ids.iter().enumerate().map(|(n, id)| (*id, n)).collect();
    let mut uf = UnionFind::new(ids.len());
    for a in aligned {
        uf.union(pos[a.a.as_str()], pos[a.b.as_str()]);
    }
    uf.groups()
        .into_iter()
        .filter_map(|g| {
            let members: Vec<&str> = g.iter().map(|&n| ids[n]).collect();
            let (i0, k0) = *where_.get(members[0])?;
            let first = &claims[i0][k0];
            let mut values = Vec::new();
            for m in &members {
                let (i, k) = where_[m];
                let c = &claims[i][k];
                values.push(GroupValue {
                    claim: c.id.clone(),
                    doc: articles[i].id.clone(),
                    source: articles[i].source.clone(),
                    text: c.text.clone(),
                    value: format_interval(c),
                    support: Default::default(),
                });
            }
            let set: BTreeSet<&str> = members.iter().copied().collect();
            let mut tally: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
            for a in aligned
                .iter()
                .filter(|a| set.contains(a.a.as_str()) && a.repeats.is_none())
            {
                let bad = usize::from(a.verdict == Verdict::Conflict);
                for id in [a.a.as_str(), a.b.as_str()] {
                    let t = tally.entry(id).or_default();
                    t.0 += bad;
                    t.1 += 1;
                }
            }
            let disputed = aligned
                .iter()
                .any(|a| set.contains(a.a.as_str()) && a.verdict != Verdict::Consistent);
            let outliers = if members.len() >= 3 {
                tally
                    .iter()
                    .filter(|(_, (bad, all))| *bad * 2 > *all)
                    .map(|(id, _)| id.to_string())
                    .collect()
            } else {
                Vec::new()
            };
            Some(Group {
                id: format!(
                    "fact-{:012x}",
                    xxhash_rust::xxh3::xxh3_64(members.join("\n").as_bytes()) >> 16
                ),
                story: story.id.clone(),
                event: String::new(),
                kind: first.kind,
                concept: first.concept.clone(),
                values,
                outliers,
                disputed,
                support: Default::default(),
            })
        })
        .collect()
}

/// Sentences of one article with their word 4-gram sets.
fn sentence_shingles(
    a: &Article,
    c: &Cleaned,
    lang: Lang,
) -> Vec<(std::ops::Range<usize>, Vec<u64>)> {
    let masked = c.masked(&a.text);
    crate::claims::split_sentences(&masked, lang)
        .into_iter()
        .filter_map(|r| {
            let mut toks: Vec<Token> = Vec::new();
            tokens_into(&masked, r.clone(), &mut toks);
            if toks.len() < 6 {
                return None;
            }
            let set = crate::shingle::shingle_set(&toks, 4);
            Some((r, set))
        })
        .collect()
}

fn story_passages(
    story: &Story,
    articles: &[Article],
    cleaned: &[Cleaned],
    langs: &[Lang],
) -> Vec<Passage> {
    let sents: Vec<Vec<(std::ops::Range<usize>, Vec<u64>)>> = story
        .indices
        .iter()
        .map(|&i| sentence_shingles(&articles[i], &cleaned[i], langs[i]))
        .collect();
    let mut out = Vec::new();
    for x in 0..story.indices.len() {
        for y in x + 1..story.indices.len() {
            // Index y's shingles, then find x's sentences that share enough.
            let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
            for (n, (_, set)) in sents[y].iter().enumerate() {
                for h in set {
                    index.entry(*h).or_default().push(n);
                }
            }
            let mut matches: Vec<(usize, usize, f64)> = Vec::new();
            for (m, (_, set)) in sents[x].iter().enumerate() {
                let mut hits: BTreeMap<usize, usize> = BTreeMap::new();
                for h in set {
                    for &n in index.get(h).map_or(&[][..], Vec::as_slice) {
                        *hits.entry(n).or_default() += 1;
                    }
                }
                let best = hits
                    .keys()
                    .map(|&n| (n, jaccard(set, &sents[y][n].1)))
                    .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
                if let Some((n, j)) = best {
                    if j >= 0.5 {
                        matches.push((m, n, j));
                    }
                }
            }
            // Runs of consecutive sentences in both articles make one passage.
            let (ai, bi) = (story.indices[x], story.indices[y]);
            let mut k = 0;
            while k < matches.len() {
                let mut end = k;
                while end + 1 < matches.len()
                    && matches[end + 1].0 == matches[end].0 + 1
                    && matches[end + 1].1 == matches[end].1 + 1
                {
                    end += 1;
                }
                let (m0, n0, _) = matches[k];
                let (m1, n1, _) = matches[end];
                let sim = matches[k..=end].iter().map(|t| t.2).sum::<f64>() / (end - k + 1) as f64;
                let a_span = [sents[x][m0].0.start, sents[x][m1].0.end];
                let b_span = [sents[y][n0].0.start, sents[y][n1].0.end];
                out.push(Passage {
                    story: story.id.clone(),
                    a: PassagePlace {
                        doc: articles[ai].id.clone(),
                        span: a_span,
                    },
                    b: PassagePlace {
                        doc: articles[bi].id.clone(),
                        span: b_span,
                    },
                    sentences: end - k + 1,
                    similarity: (sim * 1000.0).round() / 1000.0,
                    text: articles[ai].text[a_span[0]..a_span[1]].to_string(),
                });
                k = end + 1;
            }
        }
    }
    out
}
