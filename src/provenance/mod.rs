//! Provenance: which outlet wrote an article, whom it credits, and how many
//! independent sources stand behind a value.
//!
//! Data flows one way: [`annotate`] reads a finished [`Report`] and the
//! articles it was built from, and fills in the report's provenance fields.
//! It never changes what the earlier stages decided (stories, alignments,
//! verdicts).
//!
//! 1. **Metadata read from the text** ([`dateline`]): when an input gives no
//!    outlet or headline, the dateline or credit line names the outlet
//!    (`JAKARTA, KOMPAS.com -`, `Moskow, Purna Warta –`, `(Reuters) -`) and a
//!    first line that reads as a headline is the headline; the dateline's
//!    place is kept. Each is listed in `read_from_text`; given metadata
//!    always wins, and a text that does not say leaves the field empty.
//! 2. **Credits** ([`credits`]): `dilansir dari`, `dikutip dari`, `mengutip`,
//!    `seperti diberitakan`, `sumber:`, `(ANTARA)`, `via`, `according to a
//!    Reuters report`, wire bylines and sign-offs, each covering the whole
//!    article or one paragraph.
//! 3. **Independence**: each claim has an *origin*: the outlet credited for
//!    its paragraph, else the outlet credited for its article (a wire
//!    first), else the article's own outlet (else the article itself).
//!    Origins of near-duplicate copies are merged (union-find), and an
//!    outlet's own articles share its origin with every article crediting
//!    it, so five outlets running one Reuters story are one independent
//!    source. A value's [`Support`] counts the outlets and the independent
//!    sources of the claims in its fact group that agree with it (whose
//!    intervals can both be true); an alignment whose two claims come from
//!    one source names it (`one_source`): a copy that differs from the wire
//!    it credits is not a disagreement between two newsrooms.
//!
//! Outlet names are normalised with a table kept as data
//! (`data/outlets.tsv`, see [`outlets`]).

pub mod credits;
pub mod dateline;
pub mod outlets;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
use serde::Serialize;

pub use credits::{Credit, Scope};
pub use outlets::{Outlet, Table};

use crate::claims::Claim;
use crate::cluster::UnionFind;
use crate::ingest::Article;
use crate::reconcile::can_both_be_true;
use crate::report::Report;

/// Where an article comes from, as the report states it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Provenance {
    /// The outlet, normalised: from the input's source, else from the text.
    pub outlet: Option<Outlet>,
    /// Fields read from the text, not given: `source`, `title`, `place`.
    pub read_from_text: Vec<&'static str>,
    /// The dateline's place, as written.
    pub place: Option<String>,
    /// The sources it credits, by position.
    pub credits: Vec<Credit>,
    /// The independent source its own text counts as (a name), after
    /// merging near-duplicate copies and credits.
    pub independent_source: String,
}

/// How many outlets and independent sources stand behind a value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Support {
    /// Distinct outlets (an article without one counts as its own).
    pub outlets: usize,
    /// Distinct independent sources.
    pub independent: usize,
    /// The independent sources, by name.
    pub sources: Vec<String>,
}

impl std::fmt::Display for Support {
    /// `3 outlets, 2 independent`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} outlet{}, {} independent",
            self.outlets,
            if self.outlets == 1 { "" } else { "s" },
            self.independent
        )
    }
}

/// What one article's text says about where it comes from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Read {
    /// Outlet, place and headline of its first lines.
    pub head: dateline::Head,
    /// Its outlet: given (normalised), else read.
    pub outlet: Option<Outlet>,
    /// Its credits.
    pub credits: Vec<Credit>,
}

/// Reads one article: its head and credits; `a.source`, when given, is the outlet.
pub fn read_article(a: &Article, table: &Table) -> Read {
    let head = dateline::read_head(&a.text, table);
    let outlet = match a.source.as_deref() {
        Some(s) => table.resolve(s),
        None => head.outlet.clone(),
    };
    let mut credits = credits::credits(&a.text, outlet.as_ref().map(|o| o.key.as_str()), table);
    // A wire in the dateline of another outlet's article is a credit.
    if let (Some((w, span)), Some(o)) = (&head.wire, &outlet) {
        if w.key != o.key
            && !credits
                .iter()
                .any(|c| c.key == w.key && c.scope == Scope::Article)
        {
            credits.push(Credit {
                name: w.name.clone(),
                key: w.key.clone(),
                outlet: true,
                wire: w.wire,
                cue: "dateline".into(),
                scope: Scope::Article,
                span: *span,
                covers: [0, a.text.len()],
            });
            credits.sort_by_key(|c| (c.span, c.scope));
        }
    }
    Read {
        head,
        outlet,
        credits,
    }
}

/// Reads every article, in parallel.
pub fn par_read(articles: &[Article]) -> Vec<Read> {
    let table = Table::builtin();
    articles
        .par_iter()
        .map(|a| read_article(a, table))
        .collect()
}

/// The origin key of an article's own text: its article-wide outlet credit
/// (a wire first, then the earliest), else its outlet, else itself.
fn article_origin(id: &str, r: &Read) -> (String, String) {
    let credited = r
        .credits
        .iter()
        .filter(|c| c.scope == Scope::Article && c.outlet)
        .min_by_key(|c| (!c.wire, c.span));
    match (credited, &r.outlet) {
        (Some(c), _) => (c.key.clone(), c.name.clone()),
        (None, Some(o)) => (o.key.clone(), o.name.clone()),
        (None, None) => (format!("#{id}"), id.to_string()),
    }
}

/// Fills the report's provenance: documents' outlets, headlines, places and
/// credits (given metadata wins), stories' and events' missing titles, the supports of
/// groups, their values and alignments, and the count of sources. See the
/// module docs.
pub fn annotate(report: &mut Report, articles: &[Article]) {
    let reads = par_read(articles);
    let index: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    // Origins, merged over near-duplicate clusters.
    let origins: Vec<(String, String)> = articles
        .iter()
        .zip(&reads)
        .map(|(a, r)| article_origin(&a.id, r))
        .collect();
    let mut keys: BTreeMap<String, String> = BTreeMap::new();
    for (k, n) in &origins {
        keys.entry(k.clone()).or_insert_with(|| n.clone());
    }
    for r in &reads {
        for c in r.credits.iter().filter(|c| c.outlet) {
            keys.entry(c.key.clone()).or_insert_with(|| c.name.clone());
        }
    }
    let key_ids: HashMap<&str, usize> = keys
        .keys()
        .enumerate()
        .map(|(n, k)| (k.as_str(), n))
        .collect();
    let names: Vec<&str> = keys.values().map(String::as_str).collect();
    let mut uf = UnionFind::new(keys.len());
    for cl in &report.duplicates {
        let ids: Vec<usize> = cl
            .members
            .iter()
            .filter_map(|m| index.get(m.as_str()))
            .map(|&i| key_ids[origins[i].0.as_str()])
            .collect();
        for w in ids.windows(2) {
            uf.union(w[0], w[1]);
        }
    }
    let root: Vec<usize> = (0..names.len()).map(|k| uf.find(k)).collect();
    // A root's name: the smallest name among its keys, so it does not depend on union order.
    let mut root_name: BTreeMap<usize, &str> = BTreeMap::new();
    for (n, name) in names.iter().enumerate() {
        let r = root[n];
        let e = root_name.entry(r).or_insert(name);
        if *name < *e {
            *e = name;
        }
    }
    // Documents.
    for (i, d) in report.documents.iter_mut().enumerate() {
        let (a, r) = (&articles[i], &reads[i]);
        let mut read_from_text = Vec::new();
        if d.source.is_none() {
            if let Some(o) = &r.head.outlet {
                d.source = Some(o.name.clone());
                read_from_text.push("source");
            }
        }
        if d.title.is_none() {
            if let Some(h) = &r.head.headline {
                d.title = Some(h.clone());
                read_from_text.push("title");
            }
        }
        if r.head.place.is_some() {
            read_from_text.push("place");
        }
        debug_assert_eq!(d.id, a.id);
        d.provenance = Provenance {
            outlet: r.outlet.clone(),
            read_from_text,
            place: r.head.place.clone(),
            credits: r.credits.clone(),
            independent_source: root_name[&root[key_ids[origins[i].0.as_str()]]].to_string(),
        };
    }
    let documents = &report.documents;
    let first_title = |members: &[String]| {
        members
            .iter()
            .filter_map(|m| index.get(m.as_str()))
            .find_map(|&i| documents[i].title.clone())
    };
    for st in report.stories.iter_mut().filter(|s| s.title.is_none()) {
        st.title = first_title(&st.members);
    }
    for e in report.events.iter_mut().filter(|e| e.title.is_none()) {
        e.title = first_title(&e.members);
    }
    report.summary.sources = report
        .documents
        .iter()
        .filter_map(|d| d.provenance.outlet.as_ref().map(|o| o.key.as_str()))
        .collect::<BTreeSet<_>>()
        .len();
    // Each claim's independent source and outlet.
    let claim_at: HashMap<&str, &Claim> =
        report.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let who = |c: &Claim| -> (String, usize) {
        let Some(&i) = index.get(c.doc.as_str()) else {
            return (format!("#{}", c.doc), usize::MAX);
        };
        let outlet = reads[i]
            .outlet
            .as_ref()
            .map_or_else(|| format!("#{}", c.doc), |o| o.key.clone());
        let paragraph = reads[i].credits.iter().find(|k| {
            k.scope == Scope::Paragraph
                && !c.headline
                && k.outlet
                && k.covers[0] <= c.span[0]
                && c.span[0] < k.covers[1]
        });
        let key = paragraph.map_or(origins[i].0.as_str(), |k| k.key.as_str());
        (outlet, root[key_ids[key]])
    };
    let support = |claims: &[&Claim]| -> Support {
        let mut outlets = BTreeSet::new();
        let mut roots = BTreeSet::new();
        for c in claims {
            let (o, r) = who(c);
            outlets.insert(o);
            roots.insert(r);
        }
        let sources: BTreeSet<&str> = roots
            .iter()
            .filter_map(|r| root_name.get(r).copied())
            .collect();
        Support {
            outlets: outlets.len(),
            independent: roots.len(),
            sources: sources.into_iter().map(str::to_string).collect(),
        }
    };
    // Groups and their values; alignments take their sides' value supports.
    let mut value_support: HashMap<String, Support> = HashMap::new();
    for g in &mut report.groups {
        let members: Vec<&Claim> = g
            .values
            .iter()
            .filter_map(|v| claim_at.get(v.claim.as_str()).copied())
            .collect();
        g.support = support(&members);
        for v in &mut g.values {
            if v.source.is_none() {
                v.source = index
                    .get(v.doc.as_str())
                    .and_then(|&i| report.documents[i].source.clone());
            }
            let Some(c) = claim_at.get(v.claim.as_str()) else {
                continue;
            };
            let agreeing: Vec<&Claim> = members
                .iter()
                .copied()
                .filter(|m| can_both_be_true(c, m))
                .collect();
            v.support = support(&agreeing);
            value_support.insert(v.claim.clone(), v.support.clone());
        }
    }
    for al in &mut report.alignments {
        let side = |id: &str| {
            value_support
                .get(id)
                .cloned()
                .or_else(|| claim_at.get(id).map(|c| support(&[c])))
                .unwrap_or_default()
        };
        al.support = [side(&al.a), side(&al.b)];
        if let (Some(a), Some(b)) = (claim_at.get(al.a.as_str()), claim_at.get(al.b.as_str())) {
            let (ra, rb) = (who(a).1, who(b).1);
            al.one_source = (ra == rb)
                .then(|| root_name.get(&ra).map(|s| s.to_string()))
                .flatten();
        }
    }
}

/// An alignment's reason, with a note when both claims come from one source.
pub fn reason_with_source(a: &crate::report::Alignment) -> String {
    match &a.one_source {
        Some(s) => format!(
            "{} (both from one source, {s}: a copy differs from its source)",
            a.reason
        ),
        None => a.reason.clone(),
    }
}

impl Provenance {
    /// One line for a report: what was read from the text and whom the
    /// article credits, or nothing when there is neither (a place alone is
    /// left to the JSON).
    ///
    /// `from the text: source, title · credits Kompas.com (dilansir dari, whole article)`
    pub fn describe(&self) -> Option<String> {
        if self.credits.is_empty() && self.read_from_text.iter().all(|f| *f == "place") {
            return None;
        }
        let mut parts = Vec::new();
        let read: Vec<&str> = self
            .read_from_text
            .iter()
            .copied()
            .filter(|f| *f != "place")
            .collect();
        if !read.is_empty() {
            parts.push(format!("from the text: {}", read.join(", ")));
        }
        if let Some(p) = &self.place {
            parts.push(format!("place {p}"));
        }
        if !self.credits.is_empty() {
            let credits: Vec<String> = self
                .credits
                .iter()
                .map(|c| {
                    let scope = match c.scope {
                        Scope::Article => "whole article",
                        Scope::Paragraph => "one paragraph",
                    };
                    format!("{} ({}, {scope})", c.name, c.cue)
                })
                .collect();
            parts.push(format!("credits {}", credits.join(", ")));
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, source: Option<&str>, text: &str) -> Article {
        Article {
            source: source.map(str::to_string),
            ..Article::new(id, text)
        }
    }

    #[test]
    fn given_source_wins_and_credits_skip_it() {
        let t = Table::builtin();
        let a = article(
            "x",
            Some("detik.com"),
            "JAKARTA, KOMPAS.com - Hal itu dilansir dari detikcom.",
        );
        let r = read_article(&a, t);
        assert_eq!(r.outlet.as_ref().map(|o| o.key.as_str()), Some("detik"));
        assert_eq!(
            r.head.outlet.as_ref().map(|o| o.key.as_str()),
            Some("kompas")
        );
        assert!(r.credits.is_empty(), "{:?}", r.credits);
    }

    #[test]
    fn a_wire_dateline_in_an_outlets_article_is_a_credit() {
        let a = article(
            "x",
            Some("Gulf Sport"),
            "DUBAI (Reuters) - The club was sold for $1 billion.",
        );
        let r = read_article(&a, Table::builtin());
        assert_eq!(r.credits.len(), 1);
        assert_eq!(
            (r.credits[0].key.as_str(), r.credits[0].scope),
            ("reuters", Scope::Article)
        );
        assert_eq!(
            &a.text[r.credits[0].span[0]..r.credits[0].span[1]],
            "(Reuters)"
        );
        assert_eq!(article_origin("x", &r).0, "reuters");
    }

    #[test]
    fn support_reads_as_words() {
        let s = Support {
            outlets: 3,
            independent: 1,
            sources: vec![],
        };
        assert_eq!(s.to_string(), "3 outlets, 1 independent");
    }
}
