//! Evaluation against labels read by hand: how often what the report says is true.
//!
//! The labels live outside the code: the dev labels of `$CROSSCHECK_SHARED/labels/` and the ones this
//! project added (`eval/labels/`). Four kinds, each scored on a [`Report`]:
//!
//! - **labelled pairs** of figures from two outlets ([`PairLabel`], the pairs brief): CONFLICT, AGREE,
//!   UPDATE, DIFFERENT (with the axis that separates them), BAD_EXTRACTION, UNCLEAR;
//! - **fact tables** of multi-outlet events ([`FactTable`], the facts brief): every fact two outlets
//!   state, with each outlet's mention and letters that say which values agree;
//! - **gold events** (ECB+ topics, gun-violence incidents, the fact tables' members) for grouping;
//! - **tolls** (the gun-violence archive's killed and injured) for casualty claims.
//!
//! A report claim stands for a labelled mention when it lies in the same document and its byte span
//! overlaps the mention's (`doc@start-end`); the first such claim in id order, as the reference scorers
//! in `$CROSSCHECK_SHARED/labels/score/` take it. Pairs and fact tables are merged into one judgement per
//! pair of claims ([`Judgements`]), so that precision counts each pair once whichever file labelled it.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use crate::report::Report;

/// What a labelled pair of figures is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Truth {
    /// One fact, compatible values.
    Agree,
    /// One fact, values that cannot both hold (a conflict, or an update at two moments).
    Dispute,
    /// Two different facts; the axis says what separates them.
    Different,
    /// A figure is misread; the pair means nothing.
    BadExtraction,
}

/// One labelled pair of figures (the pairs brief's output).
#[derive(Debug, Clone, Deserialize)]
pub struct PairLabel {
    /// `doc@start-end` of the first figure.
    pub a_claim: String,
    /// `doc@start-end` of the second.
    pub b_claim: String,
    /// CONFLICT, AGREE, UPDATE, DIFFERENT, BAD_EXTRACTION or UNCLEAR.
    pub label: String,
    /// For DIFFERENT: entity, attribute, time, event, subset or other.
    #[serde(default)]
    pub axis: Option<String>,
}

impl PairLabel {
    /// The label as a [`Truth`]; `None` for UNCLEAR.
    pub fn truth(&self) -> Option<Truth> {
        match self.label.as_str() {
            "AGREE" => Some(Truth::Agree),
            "CONFLICT" | "UPDATE" => Some(Truth::Dispute),
            "DIFFERENT" => Some(Truth::Different),
            "BAD_EXTRACTION" => Some(Truth::BadExtraction),
            _ => None,
        }
    }
}

/// One outlet's mention of a fact.
#[derive(Debug, Clone, Deserialize)]
pub struct Mention {
    /// Article id.
    pub doc: String,
    /// `doc@start-end`, or none when the extractor missed it.
    #[serde(default)]
    pub claim: Option<String>,
    /// Letter: equal letters are compatible values.
    #[serde(default)]
    pub group: Option<String>,
    /// The mention's words as written.
    #[serde(default)]
    pub quote: Option<String>,
}

/// A fact that two or more outlets state.
#[derive(Debug, Clone, Deserialize)]
pub struct Fact {
    /// Id.
    pub fact: String,
    /// Its mentions, one per article.
    pub mentions: Vec<Mention>,
}

/// An article put with an event that reports something else.
#[derive(Debug, Clone, Deserialize)]
pub struct NotMember {
    /// Article id.
    pub doc: String,
}

/// The fact table of one event group.
#[derive(Debug, Clone, Deserialize)]
pub struct FactGroup {
    /// Articles that report the event.
    #[serde(default)]
    pub members: Vec<String>,
    /// Articles grouped with them that report something else.
    #[serde(default)]
    pub not_members: Vec<NotMember>,
    /// Facts stated by two or more outlets.
    #[serde(default)]
    pub facts: Vec<Fact>,
}

/// Fact tables by group id.
pub type FactTable = BTreeMap<String, FactGroup>;

/// Gold events: event id to article ids, and pairs of events that must stay apart.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldEvents {
    /// Event (or incident) id to its articles.
    #[serde(default, alias = "incidents")]
    pub events: BTreeMap<String, Vec<String>>,
    /// Events of one topic that are not one event.
    #[serde(default)]
    pub near_miss_event_pairs: Vec<(String, String)>,
    /// Per incident: `num_killed`, `num_injured`, … (gun-violence archive).
    #[serde(default, alias = "incident_info")]
    pub event_info: BTreeMap<String, serde_json::Value>,
}

/// The labels of the pairs brief.
pub const PAIR_LABELS: &[&str] = &[
    "CONFLICT",
    "AGREE",
    "UPDATE",
    "DIFFERENT",
    "BAD_EXTRACTION",
    "UNCLEAR",
];

/// Reads a JSON Lines file of labelled pairs. A line that is not a pair, or whose label is not one
/// of [`PAIR_LABELS`], is an error naming the file and line (a label the harness does not know
/// would otherwise count as unjudged).
pub fn read_pairs(path: &Path) -> anyhow::Result<Vec<PairLabel>> {
    let text = std::fs::read_to_string(path)?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            let at = || format!("{}:{}", path.display(), n + 1);
            let p: PairLabel =
                serde_json::from_str(l).map_err(|e| anyhow::anyhow!("{}: {e}", at()))?;
            anyhow::ensure!(
                PAIR_LABELS.contains(&p.label.as_str()),
                "{}: unknown label {:?} (expected one of {})",
                at(),
                p.label,
                PAIR_LABELS.join(", ")
            );
            Ok(p)
        })
        .collect()
}

/// Reads a fact-table file.
pub fn read_facts(path: &Path) -> anyhow::Result<FactTable> {
    let text = std::fs::read_to_string(path)?;
    serde_json::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// Reads gold events (`ecbplus-dev/gold.json`, `gva-dev/gold.json`).
pub fn read_gold(path: &Path) -> anyhow::Result<GoldEvents> {
    let text = std::fs::read_to_string(path)?;
    serde_json::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// Gold events from fact tables: each group's members are one event, and each article put with them
/// that reports something else is an event of its own, a near miss of theirs (the tables were drawn
/// from stories, so the members alone would only measure whether a story holds together).
pub fn events_of_tables(tables: &[FactTable]) -> GoldEvents {
    let mut g = GoldEvents::default();
    for t in tables {
        for (id, group) in t {
            if group.members.is_empty() {
                continue;
            }
            g.events.insert(id.clone(), group.members.clone());
            for (k, nm) in group.not_members.iter().enumerate() {
                if group.members.contains(&nm.doc) {
                    continue;
                }
                let other = format!("{id}/not-member-{k}");
                g.events.insert(other.clone(), vec![nm.doc.clone()]);
                g.near_miss_event_pairs.push((id.clone(), other));
            }
        }
    }
    g
}

/// Finds the report claim that stands for a labelled `doc@start-end`.
pub struct ClaimIndex<'a> {
    by_doc: HashMap<&'a str, Vec<(usize, usize, &'a str)>>,
}

impl<'a> ClaimIndex<'a> {
    /// Indexes the report's claims by document, in id order.
    pub fn new(report: &'a Report) -> Self {
        let mut by_doc: HashMap<&str, Vec<(usize, usize, &str)>> = HashMap::new();
        // Labelled mentions are spans of the text; a headline's claims are spans of the headline.
        for c in report.claims.iter().filter(|c| !c.headline) {
            by_doc
                .entry(c.doc.as_str())
                .or_default()
                .push((c.span[0], c.span[1], c.id.as_str()));
        }
        ClaimIndex { by_doc }
    }

    /// Every report claim whose span overlaps the labelled one.
    pub fn overlapping(&self, labelled: &str) -> Vec<&'a str> {
        let Some((doc, span)) = labelled.rsplit_once('@') else {
            return Vec::new();
        };
        let Some((s, e)) = span.split_once('-') else {
            return Vec::new();
        };
        let (Ok(s), Ok(e)) = (s.parse::<usize>(), e.parse::<usize>()) else {
            return Vec::new();
        };
        self.by_doc
            .get(doc)
            .map(|cs| {
                cs.iter()
                    .filter(|(cs, ce, _)| *cs < e && s < *ce)
                    .map(|(_, _, id)| *id)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The first overlapping claim, or none.
    pub fn find(&self, labelled: &str) -> Option<&'a str> {
        self.overlapping(labelled).into_iter().next()
    }
}

/// An unordered pair of claim ids.
pub type ClaimPair = (String, String);

fn pair(a: &str, b: &str) -> ClaimPair {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// What is known of a pair of report claims from the labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    /// Same fact or not, values compatible or not.
    pub truth: Truth,
    /// For [`Truth::Different`]: what separates them, when labelled.
    pub axis: Option<String>,
    /// Where the judgement came from: `pairs` or `facts`.
    pub from: &'static str,
}

/// Judgements of pairs of report claims, from every label file, and the fact tables' cross-outlet
/// same-fact pairs (which the report should align).
#[derive(Debug, Default)]
pub struct Judgements {
    /// Pair of report claim ids to what it is.
    pub pairs: BTreeMap<ClaimPair, Judgement>,
    /// Cross-outlet pairs of one fact in the fact tables (report claim ids), with whether they disagree.
    pub should_align: BTreeMap<ClaimPair, bool>,
    /// Labelled mentions the report has no claim for.
    pub missed_mentions: usize,
    /// Labelled mentions in all.
    pub mentions: usize,
    /// Labelled pairs (pairs files) whose figures the report no longer has.
    pub pairs_unmatched: usize,
}

impl Judgements {
    /// Builds the judgements from labelled pairs and fact tables. Outlets are the report's.
    pub fn new(report: &Report, pairs: &[PairLabel], tables: &[FactTable]) -> Self {
        let index = ClaimIndex::new(report);
        let source: HashMap<&str, &str> = report
            .documents
            .iter()
            .map(|d| (d.id.as_str(), d.source.as_deref().unwrap_or(d.id.as_str())))
            .collect();
        let mut j = Judgements::default();
        // Fact tables first: a pair labelled in a fact table is judged with the whole event read.
        for t in tables {
            for group in t.values() {
                let mut labelled: Vec<(&str, &Fact, &Mention)> = Vec::new();
                for f in &group.facts {
                    for m in &f.mentions {
                        j.mentions += 1;
                        match m.claim.as_deref().and_then(|c| index.find(c)) {
                            Some(id) => labelled.push((id, f, m)),
                            None => j.missed_mentions += 1,
                        }
                    }
                }
                for (x, (ca, fa, ma)) in labelled.iter().enumerate() {
                    for (cb, fb, mb) in &labelled[x + 1..] {
                        if ca == cb {
                            continue;
                        }
                        let key = pair(ca, cb);
                        let other_outlet =
                            source.get(ma.doc.as_str()) != source.get(mb.doc.as_str());
                        let truth = if fa.fact != fb.fact {
                            Truth::Different
                        } else if ma.group == mb.group {
                            Truth::Agree
                        } else {
                            Truth::Dispute
                        };
                        if fa.fact == fb.fact && other_outlet {
                            j.should_align.insert(key.clone(), truth == Truth::Dispute);
                        }
                        j.pairs.entry(key).or_insert(Judgement {
                            truth,
                            axis: None,
                            from: "facts",
                        });
                    }
                }
            }
        }
        for p in pairs {
            let Some(truth) = p.truth() else { continue };
            let (xs, ys) = (index.overlapping(&p.a_claim), index.overlapping(&p.b_claim));
            if xs.is_empty() || ys.is_empty() {
                j.pairs_unmatched += 1;
            }
            for x in &xs {
                for y in &ys {
                    if x != y {
                        j.pairs.entry(pair(x, y)).or_insert(Judgement {
                            truth,
                            axis: p.axis.clone(),
                            from: "pairs",
                        });
                    }
                }
            }
        }
        j
    }
}

/// Whether a verdict flags a disagreement (anything but `consistent`).
fn is_dispute(verdict: &str) -> bool {
    verdict != "consistent"
}

/// How the report's alignments fare against the labels.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AlignmentScores {
    /// Alignments in the report.
    pub aligned: usize,
    /// Of them, disputes (conflict, update, attributed).
    pub disputes: usize,
    /// Alignments whose pair is judged.
    pub aligned_judged: usize,
    /// … and are one fact (agree or dispute).
    pub aligned_right: usize,
    /// Disputes whose pair is judged.
    pub disputes_judged: usize,
    /// … and truly disagree.
    pub disputes_right: usize,
    /// Judged disputes by what they truly are: agree, different (by axis), bad extraction.
    pub dispute_errors: BTreeMap<String, usize>,
    /// Judged alignments that are not one fact, by axis.
    pub alignment_errors: BTreeMap<String, usize>,
    /// Cross-outlet same-fact pairs of the fact tables.
    pub should_align: usize,
    /// … that the report aligns.
    pub should_align_hit: usize,
    /// Of those, pairs whose values disagree.
    pub should_dispute: usize,
    /// … that the report flags.
    pub should_dispute_hit: usize,
    /// Labelled mentions without a claim, and in all.
    pub missed_mentions: (usize, usize),
    /// The judged disputes: alignment id, confidence and what the pair truly is.
    pub judged_disputes: Vec<(String, f64, String)>,
    /// The fact tables' disagreeing pairs not flagged: the claim pair and the report's verdict on it
    /// (none when it is not aligned), in claim-id order.
    pub missed_disputes: Vec<(ClaimPair, Option<String>)>,
}

impl AlignmentScores {
    /// Share of judged disputes that truly disagree.
    pub fn dispute_precision(&self) -> f64 {
        ratio(self.disputes_right, self.disputes_judged)
    }
    /// Share of judged alignments that are one fact.
    pub fn alignment_precision(&self) -> f64 {
        ratio(self.aligned_right, self.aligned_judged)
    }
    /// Share of the fact tables' cross-outlet same-fact pairs aligned.
    pub fn alignment_recall(&self) -> f64 {
        ratio(self.should_align_hit, self.should_align)
    }
    /// Share of the fact tables' disagreeing pairs flagged.
    pub fn dispute_recall(&self) -> f64 {
        ratio(self.should_dispute_hit, self.should_dispute)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// One outlet's statement of a figure: its article, sentence and mention.
type Statement<'a> = (&'a str, &'a str, &'a str);

/// Scores the report's alignments against the judgements.
///
/// A judged alignment counts once per pair of statements: two outlets' sentences and figures. An
/// article whose text repeats a sentence word for word (a page that carries its body twice) makes
/// one alignment per copy; they are one judgement, not several.
pub fn score_alignments(report: &Report, j: &Judgements) -> AlignmentScores {
    let mut s = AlignmentScores {
        missed_mentions: (j.missed_mentions, j.mentions),
        should_align: j.should_align.len(),
        should_dispute: j.should_align.values().filter(|d| **d).count(),
        ..AlignmentScores::default()
    };
    let mut verdict: HashMap<ClaimPair, &str> = HashMap::new();
    for a in &report.alignments {
        verdict.insert(pair(&a.a, &a.b), a.verdict.as_str());
    }
    for (k, disagree) in &j.should_align {
        let v = verdict.get(k);
        s.should_align_hit += usize::from(v.is_some());
        if *disagree {
            if v.is_some_and(|v| is_dispute(v)) {
                s.should_dispute_hit += 1;
            } else {
                s.missed_disputes
                    .push((k.clone(), v.map(|v| v.to_string())));
            }
        }
    }
    let claim: HashMap<&str, &crate::claims::Claim> =
        report.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let statement = |id: &str| {
        claim
            .get(id)
            .map(|c| (c.doc.as_str(), c.sentence.as_str(), c.text.as_str()))
    };
    let mut judged: HashSet<(Option<Statement>, Option<Statement>)> = HashSet::new();
    for a in &report.alignments {
        let dispute = is_dispute(a.verdict.as_str());
        s.aligned += 1;
        s.disputes += usize::from(dispute);
        let Some(jd) = j.pairs.get(&pair(&a.a, &a.b)) else {
            continue;
        };
        let (x, y) = (statement(&a.a), statement(&a.b));
        if !judged.insert((x.min(y), x.max(y))) {
            continue;
        }
        let what = match jd.truth {
            Truth::Agree => "agree".to_string(),
            Truth::Dispute => "dispute".to_string(),
            Truth::BadExtraction => "bad extraction".to_string(),
            Truth::Different => {
                format!("different {}", jd.axis.as_deref().unwrap_or("(fact table)"))
            }
        };
        s.aligned_judged += 1;
        let same = matches!(jd.truth, Truth::Agree | Truth::Dispute);
        if same {
            s.aligned_right += 1;
        } else {
            *s.alignment_errors.entry(what.clone()).or_default() += 1;
        }
        if dispute {
            s.disputes_judged += 1;
            s.judged_disputes
                .push((a.id.clone(), a.confidence, what.clone()));
            if jd.truth == Truth::Dispute {
                s.disputes_right += 1;
            } else {
                *s.dispute_errors.entry(what).or_default() += 1;
            }
        }
    }
    s
}

/// The fact tables' mentions that have no claim id (the extractor of the day missed them), found
/// again by their quote in the article text (its first occurrence): (mentions without a claim id,
/// found by quote, found and now overlapping a report claim), `articles` giving the texts.
pub fn quoted_mentions(
    tables: &[FactTable],
    articles: &[crate::ingest::Article],
    report: &Report,
) -> QuotedMentions {
    let text_of: HashMap<&str, &str> = articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    let index = ClaimIndex::new(report);
    let mut out = QuotedMentions::default();
    for m in tables
        .iter()
        .flat_map(|t| t.values())
        .flat_map(|g| &g.facts)
        .flat_map(|f| &f.mentions)
        .filter(|m| m.claim.is_none())
    {
        out.without += 1;
        let (Some(text), Some(q)) = (text_of.get(m.doc.as_str()), m.quote.as_deref()) else {
            continue;
        };
        let Some(start) = text.find(q).filter(|_| !q.is_empty()) else {
            continue;
        };
        out.found += 1;
        let span = format!("{}@{}-{}", m.doc, start, start + q.len());
        if index.overlapping(&span).is_empty() {
            out.missed.push((m.doc.clone(), q.to_string()));
        } else {
            out.extracted += 1;
        }
    }
    out
}

/// Labelled mentions without a claim id, looked up by their quote.
#[derive(Debug, Clone, Default)]
pub struct QuotedMentions {
    /// Mentions without a claim id.
    pub without: usize,
    /// Of those, the ones whose quote is in the article.
    pub found: usize,
    /// Of those, the ones under a claim of the report.
    pub extracted: usize,
    /// The others: document and quote.
    pub missed: Vec<(String, String)>,
}

/// Grouping against gold events: pairwise and B-cubed, near-miss events merged.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupingScores {
    /// Pairwise precision, recall.
    pub pairwise: (f64, f64),
    /// B-cubed precision, recall, F1.
    pub bcubed: (f64, f64, f64),
    /// Near-miss event pairs with an article pair in one group, and in all.
    pub near_miss_merged: (usize, usize),
    /// Gold articles, events, predicted groups among them.
    pub counts: (usize, usize, usize),
}

/// Scores groups (`group_of`: article id to group id; an article in none is alone) against gold events.
pub fn score_grouping(gold: &GoldEvents, group_of: &HashMap<String, String>) -> GroupingScores {
    let mut ev_of: BTreeMap<&str, &str> = BTreeMap::new();
    for (e, ds) in &gold.events {
        for d in ds {
            ev_of.insert(d.as_str(), e.as_str());
        }
    }
    let docs: Vec<&str> = ev_of.keys().copied().collect();
    let group: Vec<String> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            group_of
                .get(*d)
                .cloned()
                .unwrap_or_else(|| format!("single-{i}"))
        })
        .collect();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for x in 0..docs.len() {
        for y in x + 1..docs.len() {
            let g = ev_of[docs[x]] == ev_of[docs[y]];
            let p = group[x] == group[y];
            tp += usize::from(g && p);
            fp += usize::from(p && !g);
            fn_ += usize::from(g && !p);
        }
    }
    let mut gsets: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    let mut psets: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        gsets.entry(ev_of[d]).or_default().insert(i);
        psets.entry(group[i].as_str()).or_default().insert(i);
    }
    let n = docs.len().max(1) as f64;
    let (mut bp, mut br) = (0.0, 0.0);
    for (i, d) in docs.iter().enumerate() {
        let g = &gsets[ev_of[d]];
        let p = &psets[group[i].as_str()];
        let both = g.intersection(p).count() as f64;
        bp += both / p.len() as f64;
        br += both / g.len() as f64;
    }
    let (bp, br) = (bp / n, br / n);
    let f1 = |p: f64, r: f64| {
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    let groups_of_event = |e: &str| -> BTreeSet<String> {
        gold.events
            .get(e)
            .map(|ds| {
                ds.iter()
                    .filter_map(|d| docs.iter().position(|x| x == d))
                    .map(|i| group[i].clone())
                    .collect()
            })
            .unwrap_or_default()
    };
    let merged = gold
        .near_miss_event_pairs
        .iter()
        .filter(|(a, b)| !groups_of_event(a).is_disjoint(&groups_of_event(b)))
        .count();
    GroupingScores {
        pairwise: (ratio(tp, tp + fp), ratio(tp, tp + fn_)),
        bcubed: (bp, br, f1(bp, br)),
        near_miss_merged: (merged, gold.near_miss_event_pairs.len()),
        counts: (
            docs.len(),
            gsets.len(),
            group.iter().collect::<BTreeSet<_>>().len(),
        ),
    }
}

/// The report's groups as article id to group id: its stories.
pub fn story_of(report: &Report) -> HashMap<String, String> {
    report
        .stories
        .iter()
        .flat_map(|s| s.members.iter().map(move |m| (m.clone(), s.id.clone())))
        .collect()
}

/// The report's events as article id to event id.
pub fn event_of(report: &Report) -> HashMap<String, String> {
    report
        .events
        .iter()
        .flat_map(|e| e.members.iter().map(move |m| (m.clone(), e.id.clone())))
        .collect()
}

/// How whole each labelled multi-outlet event stays: the target of the events issue.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Containment {
    /// Gold events with articles from two or more outlets.
    pub events: usize,
    /// Of those, the ones whose cross-outlet article pairs are together at least `least_together`
    /// of the time, in a group no larger than `most_times` their own articles.
    pub whole: usize,
    /// Cross-outlet article pairs of one gold event that share a group, and all of them.
    pub pairs_together: (usize, usize),
    /// The events that are not whole: (event, share of pairs together, size of its largest group,
    /// its articles).
    pub broken: Vec<(String, f64, usize, usize)>,
}

/// Whether each gold event with two or more outlets stays in one group no larger than
/// `most_times` its articles, with at least `least_together` of its cross-outlet pairs together.
/// `group_of` maps article ids to groups (an article in none is alone); `source_of` gives outlets.
pub fn score_containment(
    gold: &GoldEvents,
    group_of: &HashMap<String, String>,
    source_of: &HashMap<String, String>,
    most_times: usize,
    least_together: f64,
) -> Containment {
    let mut size: HashMap<&str, usize> = HashMap::new();
    for g in group_of.values() {
        *size.entry(g.as_str()).or_default() += 1;
    }
    let mut c = Containment::default();
    for (e, ds) in &gold.events {
        let outlets: BTreeSet<&str> = ds
            .iter()
            .map(|d| source_of.get(d).map_or(d.as_str(), String::as_str))
            .collect();
        if outlets.len() < 2 {
            continue;
        }
        c.events += 1;
        let group = |d: &String| group_of.get(d).map(String::as_str);
        let (mut together, mut pairs) = (0usize, 0usize);
        for (x, a) in ds.iter().enumerate() {
            for b in &ds[x + 1..] {
                if source_of.get(a) == source_of.get(b) && source_of.contains_key(a) {
                    continue;
                }
                pairs += 1;
                together += usize::from(group(a).is_some() && group(a) == group(b));
            }
        }
        let largest = ds
            .iter()
            .filter_map(group)
            .map(|g| size[g])
            .max()
            .unwrap_or(1);
        let share = ratio(together, pairs);
        c.pairs_together.0 += together;
        c.pairs_together.1 += pairs;
        if share >= least_together && largest <= most_times * ds.len() {
            c.whole += 1;
        } else {
            c.broken.push((e.clone(), share, largest, ds.len()));
        }
    }
    c
}

/// Casualty claims against the archive's tolls: for `deaths` and `injured`, (articles with such a
/// claim holding the toll, articles with a toll, claims holding it, claims of that concept).
pub fn score_tolls(gold: &GoldEvents, report: &Report) -> BTreeMap<&'static str, [usize; 4]> {
    let mut by_doc: HashMap<&str, Vec<&crate::claims::Claim>> = HashMap::new();
    for c in &report.claims {
        by_doc.entry(c.doc.as_str()).or_default().push(c);
    }
    let mut out = BTreeMap::new();
    for (concept, key) in [("deaths", "num_killed"), ("injured", "num_injured")] {
        let mut s = [0usize; 4];
        for (e, ds) in &gold.events {
            let Some(v) = gold
                .event_info
                .get(e)
                .and_then(|i| i.get(key))
                .and_then(|v| v.as_f64())
            else {
                continue;
            };
            if v == 0.0 {
                continue;
            }
            for d in ds {
                s[1] += 1;
                let cs: Vec<_> = by_doc
                    .get(d.as_str())
                    .map(|cs| {
                        cs.iter()
                            .filter(|c| c.concept.as_deref() == Some(concept))
                            .collect()
                    })
                    .unwrap_or_default();
                let holds = |c: &crate::claims::Claim| {
                    c.low.is_none_or(|l| l <= v) && c.high.is_none_or(|h| v <= h)
                };
                s[3] += cs.len();
                s[2] += cs.iter().filter(|c| holds(c)).count();
                s[0] += usize::from(cs.iter().any(|c| holds(c)));
            }
        }
        out.insert(concept, s);
    }
    out
}

/// The reading options of the idnews corpus (two CSV shapes), as the README gives them.
pub fn idnews_input() -> crate::ingest::InputOptions {
    crate::ingest::InputOptions {
        id_field: "url,Link".into(),
        text_field: "isi_berita,content,Isi".into(),
        title_field: "judul,title,Judul".into(),
        source_field: "sumber,source,Sumber".into(),
        date_field: "tanggal_publikasi,date,Tanggal".into(),
        ..crate::ingest::InputOptions::default()
    }
}

/// Builds the report of the inputs with the default settings (what `crosscheck report` does).
pub fn report_of(
    paths: &[std::path::PathBuf],
    input: &crate::ingest::InputOptions,
    opts: &crate::report::ReportOptions,
) -> anyhow::Result<Report> {
    Ok(report_and_articles(paths, input, opts)?.0)
}

/// [`report_of`], with the articles it was built from (for their texts).
pub fn report_and_articles(
    paths: &[std::path::PathBuf],
    input: &crate::ingest::InputOptions,
    opts: &crate::report::ReportOptions,
) -> anyhow::Result<(Report, Vec<crate::ingest::Article>)> {
    let corpus = crate::ingest::load(paths, input)?;
    let lexicon = crate::claims::Lexicon::builtin();
    let report = crate::report::build(&corpus.articles, corpus.diagnostics, opts, &lexicon)?;
    Ok((report, corpus.articles))
}

/// Every labelled idnews event: the fact tables' ([`events_of_tables`]) and the event labels'
/// partitions, with the near-miss pairs of both.
pub fn labelled_events(tables: &[FactTable], labelled: &[GoldEvents]) -> GoldEvents {
    let mut g = events_of_tables(tables);
    for l in labelled {
        g.events.extend(l.events.clone());
        g.near_miss_event_pairs
            .extend(l.near_miss_event_pairs.iter().cloned());
    }
    g
}

/// The labelled events to keep whole: the fact tables' members and the event labels' events (not
/// the articles a table sets apart).
pub fn events_to_keep_whole(tables: &[FactTable], labelled: &[GoldEvents]) -> GoldEvents {
    let mut g = GoldEvents::default();
    for t in tables {
        for (id, group) in t {
            g.events.insert(id.clone(), group.members.clone());
        }
    }
    for l in labelled {
        g.events.extend(l.events.clone());
    }
    g
}

/// Each article's outlet, as the report gives it.
pub fn source_of(report: &Report) -> HashMap<String, String> {
    report
        .documents
        .iter()
        .filter_map(|d| d.source.clone().map(|s| (d.id.clone(), s)))
        .collect()
}

/// The project's own event labels (`*events*.json` in `repo_labels`): event partitions of whole
/// stories, with their near-miss pairs; round-ups are left out of the events.
pub fn event_label_files(repo_labels: &Path) -> anyhow::Result<Vec<GoldEvents>> {
    Ok(named_event_label_files(repo_labels)?
        .into_iter()
        .map(|(_, g)| g)
        .collect())
}

/// [`event_label_files`] with each file's name, in name order.
pub fn named_event_label_files(repo_labels: &Path) -> anyhow::Result<Vec<(String, GoldEvents)>> {
    let mut names: Vec<std::path::PathBuf> = match std::fs::read_dir(repo_labels) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
        .into_iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_string();
            (name.contains("events") && name.ends_with(".json")).then_some((name, p))
        })
        .map(|(name, p)| Ok((name, read_gold(&p)?)))
        .collect()
}

/// The label files: the dev labels in `shared/labels/` and the project's own in `repo_labels`
/// (`*pairs*.jsonl` and `*facts*.json`), in name order.
pub fn label_files(
    shared: &Path,
    repo_labels: &Path,
) -> anyhow::Result<(Vec<PairLabel>, Vec<FactTable>)> {
    let mut pairs = read_pairs(&shared.join("labels/idnews-pairs-dev.jsonl"))?;
    let mut tables = vec![read_facts(&shared.join("labels/idnews-facts-dev.json"))?];
    let mut names: Vec<std::path::PathBuf> = match std::fs::read_dir(repo_labels) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    for p in names {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.contains("pairs") && name.ends_with(".jsonl") {
            pairs.extend(read_pairs(&p)?);
        } else if name.contains("facts") && name.ends_with(".json") {
            tables.push(read_facts(&p)?);
        }
    }
    Ok((pairs, tables))
}

/// The command line of the evaluation tools (`examples/eval.rs`, `examples/fit_align.rs`).
pub struct ToolArgs(Vec<String>);

impl ToolArgs {
    /// The process's arguments.
    pub fn from_env() -> Self {
        ToolArgs(std::env::args().skip(1).collect())
    }

    /// The value after `--name`, when given.
    pub fn value(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .position(|a| a == name)
            .and_then(|i| self.0.get(i + 1))
            .cloned()
    }

    /// The number after `--name`, else `default`; an error when it does not parse.
    pub fn number<T: std::str::FromStr>(&self, name: &str, default: T) -> anyhow::Result<T> {
        match self.value(name) {
            None => Ok(default),
            Some(v) => v
                .parse()
                .map_err(|_| anyhow::anyhow!("{name}: not a number: {v:?}")),
        }
    }

    /// The shared folder: `--shared DIR`, else `$CROSSCHECK_SHARED`.
    pub fn shared(&self) -> anyhow::Result<std::path::PathBuf> {
        self.value("--shared")
            .or_else(|| std::env::var("CROSSCHECK_SHARED").ok())
            .map(std::path::PathBuf::from)
            .ok_or_else(|| anyhow::anyhow!("set CROSSCHECK_SHARED or pass --shared DIR"))
    }

    /// The project's labels: `--labels DIR`, else `eval/labels`.
    pub fn labels(&self) -> std::path::PathBuf {
        std::path::PathBuf::from(
            self.value("--labels")
                .unwrap_or_else(|| "eval/labels".into()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_label_the_brief_does_not_know_is_an_error_naming_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pairs.jsonl");
        let good = r#"{"a_claim": "a@1-2", "b_claim": "b@3-4", "label": "CONFLICT", "axis": null}"#;
        let bad = r#"{"a_claim": "a@5-6", "b_claim": "b@7-8", "label": "DISPUTE", "axis": null}"#;
        std::fs::write(&path, format!("{good}\n\n{bad}\n")).unwrap();
        let e = read_pairs(&path).unwrap_err().to_string();
        assert!(e.contains("pairs.jsonl:3"), "{e}");
        assert!(e.contains("\"DISPUTE\""), "{e}");
        std::fs::write(&path, format!("{good}\n")).unwrap();
        let read = read_pairs(&path).unwrap();
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].truth(), Some(Truth::Dispute));
    }
}
