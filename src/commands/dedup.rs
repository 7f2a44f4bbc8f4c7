//! `crosscheck dedup`: near-duplicate clusters.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde::Serialize;

use super::{report_diagnostics, ExitStatus, Stages, Verbosity};
use crate::dedup::{par_dedup, par_shingle_sets, unique_indices, Dedup, DedupOptions};
use crate::error::Result;
use crate::ingest::{load, InputOptions};
use crate::normalize::par_clean;
use crate::output::{write_atomic, Target};

/// Output formats of `dedup`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DedupFormat {
    /// For people.
    #[default]
    Text,
    /// One JSON document.
    Json,
    /// One JSON cluster per line.
    Jsonl,
}

/// Everything `dedup` needs.
#[derive(Debug, Clone)]
pub struct DedupConfig {
    /// Input paths.
    pub inputs: Vec<PathBuf>,
    /// Reading options.
    pub input: InputOptions,
    /// Near-duplicate settings.
    pub dedup: DedupOptions,
    /// Output format.
    pub format: DedupFormat,
    /// Where the clusters go.
    pub output: Target,
    /// Where the deduplicated corpus goes, if asked.
    pub emit_unique: Option<PathBuf>,
    /// Diagnostics settings.
    pub verbosity: Verbosity,
    /// Take the clusters from a Spark run's output folder instead of computing them.
    pub clusters: Option<PathBuf>,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    version: u32,
    clusters: &'a [crate::dedup::Cluster],
    summary: &'a crate::dedup::Summary,
}

/// Runs `dedup`.
pub fn run(cfg: &DedupConfig) -> Result<ExitStatus> {
    cfg.dedup.validate()?;
    if cfg.clusters.is_some() && !cfg!(feature = "parquet") {
        return Err(crate::error::Error::Usage(crate::sign::NO_PARQUET.into()));
    }
    cfg.output.check_not_input(&cfg.inputs)?;
    if let Some(p) = &cfg.emit_unique {
        Target::File(p.clone()).check_not_input(&cfg.inputs)?;
    }
    let mut stages = Stages::new(cfg.verbosity.verbose);
    let corpus = load(&cfg.inputs, &cfg.input)?;
    stages.done("read");
    let status = report_diagnostics(&corpus, cfg.verbosity);
    let articles = &corpus.articles;
    let cleaned = par_clean(articles);
    stages.done("clean");
    let shingles = par_shingle_sets(articles, &cleaned, cfg.dedup.ngram);
    stages.done("shingle");
    let result = match &cfg.clusters {
        Some(dir) => crate::clusters_in::load(dir, articles, &shingles, &cfg.dedup)?,
        None => par_dedup(articles, &shingles, &cfg.dedup)?,
    };
    stages.done("minhash+lsh");
    let rendered = render(&result, cfg.format)?;
    cfg.output.write(rendered.as_bytes())?;
    if let Some(path) = &cfg.emit_unique {
        let keep = unique_indices(articles, &result);
        let mut out = String::new();
        for &i in &keep {
            out.push_str(&serde_json::to_string(&articles[i])?);
            out.push('\n');
        }
        write_atomic(path, out.as_bytes())?;
        if !cfg.verbosity.quiet {
            eprintln!(
                "{} articles in, {} out, {} clusters",
                articles.len(),
                keep.len(),
                result.clusters.len()
            );
        }
    }
    stages.done("write");
    Ok(status)
}

/// Renders the clusters in a format.
pub fn render(result: &Dedup, format: DedupFormat) -> Result<String> {
    Ok(match format {
        DedupFormat::Json => {
            let mut s = serde_json::to_string_pretty(&JsonDoc {
                version: 1,
                clusters: &result.clusters,
                summary: &result.summary,
            })?;
            s.push('\n');
            s
        }
        DedupFormat::Jsonl => {
            let mut s = String::new();
            for c in &result.clusters {
                s.push_str(&serde_json::to_string(c)?);
                s.push('\n');
            }
            s
        }
        DedupFormat::Text => render_text(result),
    })
}

fn render_text(result: &Dedup) -> String {
    let s = &result.summary;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} cluster{} of near-duplicates among {} articles ({} clustered, {} would remain)",
        s.clusters,
        if s.clusters == 1 { "" } else { "s" },
        s.articles,
        s.clustered_articles,
        s.unique_articles
    );
    let _ = writeln!(
        out,
        "threshold {:.2}, {}-word shingles, {} permutations, {} bands × {} rows; {} candidate pairs, {} verified",
        s.threshold, s.ngram, s.num_perm, s.bands, s.rows, s.candidate_pairs, s.verified_pairs
    );
    for c in &result.clusters {
        let _ = writeln!(
            out,
            "\n{}  {} articles, representative {}",
            c.id,
            c.members.len(),
            c.representative
        );
        let width = c.details.iter().map(|m| m.id.len()).max().unwrap_or(0);
        for m in &c.details {
            let mark = if m.id == c.representative { '*' } else { ' ' };
            let _ = writeln!(
                out,
                "  {mark} {:<width$}  {:.3}  {}",
                m.id,
                m.jaccard_to_representative,
                m.source.as_deref().unwrap_or("-"),
            );
        }
    }
    out
}
