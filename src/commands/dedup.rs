//! `crosscheck dedup`: near-duplicate clusters.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use super::{report_diagnostics, ExitStatus, Stages, Verbosity};
use crate::dedup::stream::{stream_dedup, Rereader, DEFAULT_CHUNK_BYTES};
use crate::dedup::{par_dedup_articles, unique_indices, ArticleMeta, Dedup, DedupOptions};
use crate::error::{Error, Result};
use crate::ingest::stream::{input_bytes, streamable};
use crate::ingest::{load, Corpus, InputOptions};
use crate::normalize::par_clean;
use crate::output::{terminal_safe, write_atomic_with, Target};

/// When `dedup` streams its input instead of holding it in memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StreamMode {
    /// When every input is a `.jsonl`/`.ndjson` file and together they pass
    /// [`AUTO_STREAM_BYTES`].
    #[default]
    Auto,
    /// Always (every input must be a `.jsonl`/`.ndjson` file).
    Always,
    /// Never.
    Never,
}

/// Input size from which `--stream auto` streams: the in-memory path holds
/// about three times its input.
pub const AUTO_STREAM_BYTES: u64 = 512 << 20;

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
    /// Where verified pairs go as `i j` (0-based input line numbers), if asked.
    pub pairs_out: Option<PathBuf>,
    /// Streaming or in memory.
    pub stream: StreamMode,
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
    for p in cfg.emit_unique.iter().chain(&cfg.pairs_out) {
        Target::File(p.clone()).check_not_input(&cfg.inputs)?;
    }
    let stream = match cfg.stream {
        StreamMode::Never => false,
        StreamMode::Always => {
            if !streamable(&cfg.inputs) {
                return Err(Error::Usage(
                    "--stream always reads .jsonl/.ndjson files only (no folders, no -)"
                        .to_string(),
                ));
            }
            true
        }
        StreamMode::Auto => {
            streamable(&cfg.inputs) && input_bytes(&cfg.inputs) >= AUTO_STREAM_BYTES
        }
    };
    if stream {
        run_streaming(cfg)
    } else {
        run_in_memory(cfg)
    }
}

fn run_in_memory(cfg: &DedupConfig) -> Result<ExitStatus> {
    let mut stages = Stages::new(cfg.verbosity.verbose);
    let corpus = load(&cfg.inputs, &cfg.input)?;
    stages.done("read");
    let status = report_diagnostics(&corpus, cfg.verbosity);
    let articles = &corpus.articles;
    let cleaned = par_clean(articles);
    stages.done("clean");
    let result = match &cfg.clusters {
        Some(dir) => {
            let shingles = crate::dedup::par_shingle_sets(articles, &cleaned, cfg.dedup.ngram);
            crate::clusters_in::load(dir, articles, &shingles, &cfg.dedup)?
        }
        None => par_dedup_articles(articles, &cleaned, &cfg.dedup)?,
    };
    stages.done("sketch+lsh+verify");
    drop(cleaned);
    let rendered = render(&result, cfg.format)?;
    cfg.output.write(rendered.as_bytes())?;
    if let Some(path) = &cfg.pairs_out {
        write_pairs(path, &result, articles, |a| a.origin.line)?;
    }
    if let Some(path) = &cfg.emit_unique {
        let keep = unique_indices(articles, &result);
        write_atomic_with(path, |w| {
            for &i in &keep {
                serde_json::to_writer(&mut *w, &articles[i])?;
                w.write_all(b"\n").map_err(|e| Error::io(path, e))?;
            }
            Ok(())
        })?;
        print_unique_summary(cfg, articles.len(), keep.len(), &result);
    }
    stages.done("write");
    Ok(status)
}

fn run_streaming(cfg: &DedupConfig) -> Result<ExitStatus> {
    let mut stages = Stages::new(cfg.verbosity.verbose);
    let streamed = stream_dedup(&cfg.inputs, &cfg.input, &cfg.dedup, DEFAULT_CHUNK_BYTES)?;
    if cfg.verbosity.verbose {
        for (name, secs) in &streamed.timings {
            eprintln!("  {name:<14} {secs:>9.3} s   (streaming)");
        }
    }
    stages.done("stream dedup");
    let corpus = Corpus {
        articles: Vec::new(),
        diagnostics: streamed.diagnostics,
        ignored_files: 0,
    };
    let status = report_diagnostics(&corpus, cfg.verbosity);
    let result = &streamed.dedup;
    let articles = &streamed.articles;
    let rendered = render(result, cfg.format)?;
    cfg.output.write(rendered.as_bytes())?;
    if let Some(path) = &cfg.pairs_out {
        write_pairs(path, result, articles, |a| a.line)?;
    }
    if let Some(path) = &cfg.emit_unique {
        let keep = unique_indices(articles, result);
        let reread = Rereader::new(&cfg.inputs, &cfg.input)?;
        write_atomic_with(path, |w| {
            for batch in keep.chunks(4096) {
                let lines: Vec<Result<Vec<u8>>> = batch
                    .par_iter()
                    .map(|&i| {
                        let a = reread.read(&articles[i])?;
                        let mut line = serde_json::to_vec(&a)?;
                        line.push(b'\n');
                        Ok(line)
                    })
                    .collect();
                for line in lines {
                    w.write_all(&line?).map_err(|e| Error::io(path, e))?;
                }
            }
            Ok(())
        })?;
        print_unique_summary(cfg, articles.len(), keep.len(), result);
    }
    stages.done("write");
    Ok(status)
}

fn print_unique_summary(cfg: &DedupConfig, n: usize, kept: usize, result: &Dedup) {
    if !cfg.verbosity.quiet {
        eprintln!(
            "{n} articles in, {kept} out, {} clusters",
            result.clusters.len()
        );
    }
}

/// Writes the verified pairs as `i j` lines, `i < j` being 0-based line
/// numbers of the input (the record index of a single JSON Lines file), sorted.
fn write_pairs<M: ArticleMeta>(
    path: &Path,
    result: &Dedup,
    articles: &[M],
    line: impl Fn(&M) -> u64,
) -> Result<()> {
    // Articles are sorted by id.
    let line_of = |id: &str| {
        articles
            .binary_search_by(|a| a.id().cmp(id))
            .map(|i| line(&articles[i]).saturating_sub(1))
            .unwrap_or(u64::MAX)
    };
    let mut pairs: Vec<(u64, u64)> = result
        .clusters
        .iter()
        .flat_map(|c| c.pairs.iter())
        .map(|p| {
            let (a, b) = (line_of(&p.a), line_of(&p.b));
            (a.min(b), a.max(b))
        })
        .collect();
    pairs.sort_unstable();
    write_atomic_with(path, |w| {
        for (a, b) in &pairs {
            writeln!(w, "{a} {b}").map_err(|e| Error::io(path, e))?;
        }
        Ok(())
    })
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
        DedupFormat::Text => terminal_safe(&render_text(result), false).into_owned(),
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
