//! The CI check: a [`Report`] turned into findings, a policy applied to them,
//! and an exit status.
//!
//! A [`Finding`] is one thing a curator must accept or fix: a near-duplicate
//! pair, a conflicting or revised figure, an input that could not be read.
//! Its fingerprint hashes only what the finding is about, never where the
//! run happened to find it:
//!
//! * the kind (`near-duplicate`, `conflict`, `update`, `input-error`);
//! * the article ids involved, sorted;
//! * for claims, each side's surface text, its interval and the concept;
//! * for input errors, the file name (not its folder), line and message.
//!
//! File paths, story ids (a hash of all members, which changes when an
//! unrelated article joins), claim ids and byte offsets are left out, so the
//! fingerprint survives shuffled inputs, any thread count, files moved inside
//! the set and new articles added. Two findings that would hash alike (one
//! sentence repeated in an article) get `-2`, `-3`, … in the order they stand
//! in the article.

pub mod baseline;
pub mod config;
pub mod formats;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use globset::{Glob, GlobMatcher};
use serde::Serialize;

use crate::claims::Claim;
use crate::error::{Diagnostic, Error, Result, Severity};
use crate::ingest::Article;
use crate::reconcile::{format_interval, Verdict};
use crate::report::{Alignment, Report};

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Two articles are near-duplicates.
    NearDuplicate,
    /// Two outlets' figures for one fact cannot both be true.
    Conflict,
    /// A later report revised a tally.
    Update,
    /// Two named sources give figures for one fact that cannot both be true.
    Attributed,
    /// A piece of input could not be read.
    InputError,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 5] = [
        Kind::NearDuplicate,
        Kind::Conflict,
        Kind::Update,
        Kind::Attributed,
        Kind::InputError,
    ];

    /// The kebab-case name (the SARIF rule id).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::NearDuplicate => "near-duplicate",
            Kind::Conflict => "conflict",
            Kind::Update => "update",
            Kind::Attributed => "attributed",
            Kind::InputError => "input-error",
        }
    }

    /// A sentence describing the kind.
    pub fn description(self) -> &'static str {
        match self {
            Kind::NearDuplicate => {
                "Two articles of the set are near-duplicates (syndicated copies)"
            }
            Kind::Conflict => "Two outlets give figures for one fact that cannot both be true",
            Kind::Update => "A later report revised a tally given by an earlier one",
            Kind::Attributed => {
                "Two named sources, credited by the outlets, give figures for one fact that cannot both be true"
            }
            Kind::InputError => "A piece of input could not be read and was skipped",
        }
    }

    /// How much a finding of this kind matters.
    pub fn level(self) -> Level {
        match self {
            Kind::NearDuplicate | Kind::Conflict | Kind::InputError => Level::Error,
            Kind::Update | Kind::Attributed => Level::Warning,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                Error::Usage(format!(
                    "unknown finding kind {s:?} (near-duplicate, conflict, update, attributed, input-error)"
                ))
            })
    }
}

/// Severity of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// For information.
    Note,
    /// Worth a look.
    Warning,
    /// Must be fixed or accepted.
    Error,
}

impl Level {
    /// The lower-case name (SARIF's and GitHub's word).
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

impl FromStr for Level {
    type Err = Error;
    fn from_str(s: &str) -> Result<Level> {
        match s {
            "note" => Ok(Level::Note),
            "warning" => Ok(Level::Warning),
            "error" => Ok(Level::Error),
            _ => Err(Error::Usage(format!(
                "unknown severity {s:?} (note, warning, error)"
            ))),
        }
    }
}

/// A place in an input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The article.
    pub article: String,
    /// Its outlet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The file, as given on the command line.
    pub path: String,
    /// 1-based line.
    pub line: u64,
    /// 1-based column (characters).
    pub column: u64,
    /// The claim's sentence, or the article's headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The claim's surface and value (`sekitar 50.000 tentara` = about 50,000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
}

/// One thing the check found.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Stable id (see the module docs).
    pub fingerprint: String,
    /// What it is about.
    pub kind: Kind,
    /// How much it matters.
    pub level: Level,
    /// One line.
    pub title: String,
    /// The details.
    pub message: String,
    /// Involved articles, sorted.
    pub articles: Vec<String>,
    /// The claims' concept, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concept: Option<String>,
    /// The story (not part of the fingerprint).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// The fact (claim group) the alignment belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    /// Where: the primary place first.
    pub locations: Vec<Location>,
    /// Accepted in the baseline.
    pub baselined: bool,
    /// Fails the check (a kind in `fail_on`, not baselined).
    pub failing: bool,
    /// For a conflict or update: the independent sources behind its weaker
    /// value (for [`Policy::min_independent`]).
    #[serde(skip)]
    pub independent: Option<usize>,
}

/// The policy: what fails and what is not reported.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Kinds that fail.
    pub fail_on: BTreeSet<Kind>,
    /// Least severity reported.
    pub min_level: Level,
    /// Ignore rules.
    pub ignore: Vec<Ignore>,
    /// Independent sources each value of a conflict or update needs before
    /// the finding counts (`min_independent_sources`; 1 = every finding).
    pub min_independent: usize,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            fail_on: [Kind::NearDuplicate, Kind::Conflict, Kind::InputError].into(),
            min_level: Level::Note,
            ignore: Vec::new(),
            min_independent: 1,
        }
    }
}

/// A compiled `[[ignore]]` rule.
#[derive(Debug, Clone)]
pub struct Ignore {
    kind: Option<Kind>,
    article: Option<GlobMatcher>,
    source: Option<GlobMatcher>,
    concept: Option<String>,
    path: Option<GlobMatcher>,
}

fn glob(pattern: &str, case_insensitive: bool) -> Result<GlobMatcher> {
    globset::GlobBuilder::new(pattern)
        .case_insensitive(case_insensitive)
        .build()
        .map(|g: Glob| g.compile_matcher())
        .map_err(|e| Error::Usage(format!("bad glob {pattern:?} in [[ignore]]: {e}")))
}

impl Ignore {
    /// Compiles a rule.
    pub fn new(rule: &config::IgnoreRule) -> Result<Self> {
        if rule.kind.is_none()
            && rule.article.is_none()
            && rule.source.is_none()
            && rule.concept.is_none()
            && rule.path.is_none()
        {
            return Err(Error::Usage(
                "an [[ignore]] rule needs kind, article, source, concept or path".into(),
            ));
        }
        Ok(Ignore {
            kind: rule.kind.as_deref().map(str::parse).transpose()?,
            article: rule
                .article
                .as_deref()
                .map(|g| glob(g, false))
                .transpose()?,
            source: rule.source.as_deref().map(|g| glob(g, true)).transpose()?,
            concept: rule.concept.clone(),
            path: rule.path.as_deref().map(|g| glob(g, false)).transpose()?,
        })
    }

    /// Whether the rule covers the finding.
    pub fn matches(&self, f: &Finding) -> bool {
        self.kind.is_none_or(|k| k == f.kind)
            && self
                .article
                .as_ref()
                .is_none_or(|g| f.articles.iter().any(|a| g.is_match(a)))
            && self.source.as_ref().is_none_or(|g| {
                f.locations
                    .iter()
                    .any(|l| l.source.as_deref().is_some_and(|s| g.is_match(s)))
            })
            && self
                .concept
                .as_ref()
                .is_none_or(|c| f.concept.as_deref() == Some(c.as_str()))
            && self.path.as_ref().is_none_or(|g| {
                f.locations
                    .iter()
                    .any(|l| g.is_match(l.path.trim_start_matches("./")))
            })
    }
}

/// The outcome of a check.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// Reported findings (failing first, then by kind and fingerprint).
    pub findings: Vec<Finding>,
    /// Findings left out by ignore rules or the minimum severity.
    pub ignored: usize,
    /// Baseline entries that matched nothing.
    pub stale: Vec<baseline::Entry>,
    /// Counts.
    pub summary: OutcomeSummary,
}

/// Counts of an [`Outcome`].
#[derive(Debug, Clone, Default, Serialize)]
pub struct OutcomeSummary {
    /// Articles read.
    pub articles: usize,
    /// Findings reported.
    pub findings: usize,
    /// Reported findings that fail.
    pub failing: usize,
    /// Reported findings accepted by the baseline.
    pub baselined: usize,
    /// Findings ignored.
    pub ignored: usize,
    /// Stale baseline entries.
    pub stale: usize,
    /// Failing findings by kind.
    pub failing_by_kind: BTreeMap<String, usize>,
}

impl Outcome {
    /// Findings that fail the check.
    pub fn failing(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.failing)
    }
}

/// Hex fingerprint of fields joined by a separator that cannot occur in them.
fn hash_fields(fields: &[&str]) -> String {
    let joined = fields.join("\u{1f}");
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(joined.as_bytes()))
}

/// The file location of a byte offset of an article's text.
///
/// For text files (`.txt`, `.md`) the body's start line plus the newlines
/// before the offset; for records (JSONL, CSV), HTML and standard input, the
/// line where the record starts.
pub fn locate(a: &Article, offset: usize) -> (u64, u64) {
    let ext = std::path::Path::new(&a.origin.path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let text_file = matches!(ext.as_deref(), Some("txt" | "md"));
    if !text_file {
        return (a.origin.line, 1);
    }
    let (line, col) = config::line_col(&a.text, offset);
    (a.origin.line + line as u64 - 1, col as u64)
}

fn claim_location(a: &Article, c: &Claim) -> Location {
    // A headline's figure is located at its article's record.
    let (line, column) = if c.headline {
        (a.origin.line, 1)
    } else {
        locate(a, c.span[0])
    };
    Location {
        article: a.id.clone(),
        source: a.source.clone(),
        path: a.origin.path.clone(),
        line,
        column,
        text: Some(c.sentence.trim().to_string()),
        claim: Some(format!("{} ({})", c.text, format_interval(c))),
    }
}

fn article_location(a: &Article) -> Location {
    let (line, column) = locate(a, 0);
    Location {
        article: a.id.clone(),
        source: a.source.clone(),
        path: a.origin.path.clone(),
        line,
        column,
        text: a.title.clone(),
        claim: None,
    }
}

fn who(l: &Location) -> String {
    match &l.source {
        Some(s) => format!("{s} ({})", l.article),
        None => l.article.clone(),
    }
}

/// Every finding of a report, before the policy; `articles` are the ones the
/// report was built from.
pub fn findings(report: &Report, articles: &[Article]) -> Vec<Finding> {
    let by_id: BTreeMap<&str, &Article> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let fact_of: BTreeMap<&str, &str> = report
        .groups
        .iter()
        .flat_map(|g| {
            g.values
                .iter()
                .map(move |v| (v.claim.as_str(), g.id.as_str()))
        })
        .collect();
    // (base fingerprint, order key, finding)
    let mut out: Vec<(String, (String, usize), Finding)> = Vec::new();
    for cluster in &report.duplicates {
        for p in &cluster.pairs {
            let (Some(a), Some(b)) = (by_id.get(p.a.as_str()), by_id.get(p.b.as_str())) else {
                continue;
            };
            let fp = hash_fields(&["near-duplicate", &p.a, &p.b]);
            let (la, lb) = (article_location(a), article_location(b));
            out.push((
                fp,
                (p.a.clone(), 0),
                Finding {
                    fingerprint: String::new(),
                    kind: Kind::NearDuplicate,
                    level: Kind::NearDuplicate.level(),
                    title: format!("near-duplicate of {}", p.b),
                    message: format!(
                        "{} and {} are near-duplicates (word-shingle Jaccard {:.2})",
                        who(&la),
                        who(&lb),
                        p.jaccard
                    ),
                    articles: vec![p.a.clone(), p.b.clone()],
                    concept: None,
                    story: None,
                    fact: None,
                    locations: vec![la, lb],
                    baselined: false,
                    failing: false,
                    independent: None,
                },
            ));
        }
    }
    for al in report.disputes() {
        if let Some(f) = alignment_finding(report, al, &by_id, &fact_of) {
            out.push(f);
        }
    }
    for d in &report.diagnostics {
        if d.severity != Severity::Error {
            continue;
        }
        out.push(diagnostic_finding(d));
    }
    // Same base fingerprint: number them in a stable order.
    out.sort_by(|x, y| x.0.cmp(&y.0).then_with(|| x.1.cmp(&y.1)));
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut findings: Vec<Finding> = out
        .into_iter()
        .map(|(fp, _, mut f)| {
            let n = seen.entry(fp.clone()).or_default();
            *n += 1;
            f.fingerprint = if *n == 1 {
                format!("{}-{fp}", f.kind)
            } else {
                format!("{}-{fp}-{n}", f.kind)
            };
            f
        })
        .collect();
    findings.sort_by(|x, y| {
        x.kind
            .cmp(&y.kind)
            .then_with(|| x.fingerprint.cmp(&y.fingerprint))
    });
    findings
}

fn alignment_finding(
    report: &Report,
    al: &Alignment,
    by_id: &BTreeMap<&str, &Article>,
    fact_of: &BTreeMap<&str, &str>,
) -> Option<(String, (String, usize), Finding)> {
    let kind = match al.verdict {
        Verdict::Conflict => Kind::Conflict,
        Verdict::Update => Kind::Update,
        Verdict::Attributed => Kind::Attributed,
        Verdict::Consistent => return None,
    };
    let (ca, cb) = (report.claim(&al.a)?, report.claim(&al.b)?);
    let (aa, ab) = (by_id.get(ca.doc.as_str())?, by_id.get(cb.doc.as_str())?);
    let side = |c: &Claim| {
        format!(
            "{}\u{1e}{}\u{1e}{}",
            c.doc,
            c.text.trim().to_lowercase(),
            format_interval(c)
        )
    };
    let mut sides = [side(ca), side(cb)];
    sides.sort();
    let concept = ca.concept.clone().or_else(|| cb.concept.clone());
    let fp = hash_fields(&[
        kind.as_str(),
        &sides[0],
        &sides[1],
        concept.as_deref().unwrap_or(""),
    ]);
    let (la, lb) = (claim_location(aa, ca), claim_location(ab, cb));
    let what = concept.as_deref().unwrap_or("figure");
    let title = match kind {
        Kind::Update => format!("{what} revised: {} → {}", ca.text.trim(), cb.text.trim()),
        Kind::Attributed => format!(
            "{what} disputed between sources: {} vs {}",
            ca.text.trim(),
            cb.text.trim()
        ),
        _ => format!("{what} conflict: {} vs {}", ca.text.trim(), cb.text.trim()),
    };
    let message = format!(
        "{}\n{}: {}\n{}: {}",
        al.reason,
        who(&la),
        la.text.as_deref().unwrap_or(""),
        who(&lb),
        lb.text.as_deref().unwrap_or("")
    );
    let mut articles = vec![ca.doc.clone(), cb.doc.clone()];
    articles.sort();
    articles.dedup();
    let order = (ca.doc.clone(), ca.span[0]);
    Some((
        fp,
        order,
        Finding {
            fingerprint: String::new(),
            kind,
            level: kind.level(),
            title,
            message,
            articles,
            concept,
            story: Some(al.story.clone()),
            fact: fact_of.get(al.a.as_str()).map(|s| s.to_string()),
            locations: vec![la, lb],
            baselined: false,
            failing: false,
            independent: Some(al.support[0].independent.min(al.support[1].independent)),
        },
    ))
}

fn diagnostic_finding(d: &Diagnostic) -> (String, (String, usize), Finding) {
    let name = std::path::Path::new(&d.path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| d.path.clone());
    let line = d.line.unwrap_or(1);
    let fp = hash_fields(&["input-error", &name, &line.to_string(), &d.message]);
    (
        fp,
        (d.path.clone(), line as usize),
        Finding {
            fingerprint: String::new(),
            kind: Kind::InputError,
            level: Level::Error,
            title: "input skipped".into(),
            message: d.message.clone(),
            articles: Vec::new(),
            concept: None,
            story: None,
            fact: None,
            locations: vec![Location {
                article: String::new(),
                source: None,
                path: d.path.clone(),
                line,
                column: 1,
                text: None,
                claim: None,
            }],
            baselined: false,
            failing: false,
            independent: None,
        },
    )
}

/// Applies the policy and the baseline to the findings.
pub fn apply(
    all: Vec<Finding>,
    policy: &Policy,
    baseline: Option<&baseline::Baseline>,
    articles: usize,
) -> Outcome {
    let mut kept = Vec::new();
    let mut ignored = 0;
    let mut matched: BTreeSet<String> = BTreeSet::new();
    for mut f in all {
        if let Some(b) = baseline {
            if b.contains(&f.fingerprint) {
                matched.insert(f.fingerprint.clone());
                f.baselined = true;
            }
        }
        let weak = f.independent.is_some_and(|n| n < policy.min_independent);
        if weak || f.level < policy.min_level || policy.ignore.iter().any(|r| r.matches(&f)) {
            ignored += 1;
            continue;
        }
        f.failing = !f.baselined && policy.fail_on.contains(&f.kind);
        kept.push(f);
    }
    kept.sort_by(|x, y| {
        y.failing
            .cmp(&x.failing)
            .then(x.kind.cmp(&y.kind))
            .then_with(|| x.fingerprint.cmp(&y.fingerprint))
    });
    let stale: Vec<baseline::Entry> = baseline
        .map(|b| {
            b.entries
                .iter()
                .filter(|e| !matched.contains(&e.fingerprint))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let mut summary = OutcomeSummary {
        articles,
        findings: kept.len(),
        failing: kept.iter().filter(|f| f.failing).count(),
        baselined: kept.iter().filter(|f| f.baselined).count(),
        ignored,
        stale: stale.len(),
        failing_by_kind: BTreeMap::new(),
    };
    for f in kept.iter().filter(|f| f.failing) {
        *summary
            .failing_by_kind
            .entry(f.kind.as_str().to_string())
            .or_default() += 1;
    }
    Outcome {
        findings: kept,
        ignored,
        stale,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_names() {
        for k in Kind::ALL {
            assert_eq!(k.as_str().parse::<Kind>().unwrap(), k);
        }
        assert!("dup".parse::<Kind>().is_err());
    }

    fn article(path: &str, line: u64, text: &str) -> Article {
        Article {
            origin: crate::ingest::Origin {
                path: path.into(),
                line,
                seq: 0,
            },
            ..Article::new("a", text)
        }
    }

    #[test]
    fn text_files_locate_the_claim_records_their_start() {
        let text = "Judul\n\nRusia mengerahkan sekitar 50.000 tentara.";
        let at = text.find("sekitar").unwrap();
        assert_eq!(locate(&article("set/a.txt", 9, text), at), (11, 19));
        assert_eq!(locate(&article("set/a.MD", 1, text), at), (3, 19));
        assert_eq!(locate(&article("set/a.jsonl", 4, text), at), (4, 1));
        assert_eq!(locate(&article("set/a.csv", 7, text), at), (7, 1));
    }

    #[test]
    fn fields_hash_apart() {
        assert_ne!(hash_fields(&["a", "bc"]), hash_fields(&["ab", "c"]));
    }
}
