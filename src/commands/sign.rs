//! `crosscheck sign`: the Parquet tables a Spark job needs to cluster a corpus
//! too large for one machine (see [`crate::sign`]).

use std::path::PathBuf;

use super::{ExitStatus, Verbosity};
use crate::dedup::DedupOptions;
use crate::error::{Error, Result};
use crate::ingest::InputOptions;

/// Everything `sign` needs.
#[derive(Debug, Clone)]
pub struct SignConfig {
    /// Input paths.
    pub inputs: Vec<PathBuf>,
    /// Reading options.
    pub input: InputOptions,
    /// Near-duplicate settings (shingles, permutations, bands; the rest is
    /// recorded for the Spark job).
    pub dedup: DedupOptions,
    /// The output folder.
    pub out: PathBuf,
    /// Files per table; `None`: one per 50,000 articles.
    pub shards: Option<usize>,
    /// Diagnostics settings.
    pub verbosity: Verbosity,
}

/// Runs `sign`.
pub fn run(cfg: &SignConfig) -> Result<ExitStatus> {
    cfg.dedup.validate()?;
    if cfg.shards == Some(0) {
        return Err(Error::Usage("--shards must be at least 1".into()));
    }
    imp::run(cfg)
}

#[cfg(not(feature = "parquet"))]
mod imp {
    use super::SignConfig;
    use crate::commands::ExitStatus;
    use crate::error::{Error, Result};
    use crate::sign::NO_PARQUET;

    pub fn run(_cfg: &SignConfig) -> Result<ExitStatus> {
        Err(Error::Usage(NO_PARQUET.into()))
    }
}

#[cfg(feature = "parquet")]
mod imp {
    use super::SignConfig;
    use crate::commands::{report_diagnostics, ExitStatus, Stages};
    use crate::dedup::par_shingle_sets;
    use crate::error::Result;
    use crate::ingest::load;
    use crate::normalize::par_clean;
    use crate::output::Target;
    use crate::sign::{default_shards, write_signed};

    pub fn run(cfg: &SignConfig) -> Result<ExitStatus> {
        Target::File(cfg.out.clone()).check_not_input(&cfg.inputs)?;
        let mut stages = Stages::new(cfg.verbosity.verbose);
        let corpus = load(&cfg.inputs, &cfg.input)?;
        stages.done("read");
        let status = report_diagnostics(&corpus, cfg.verbosity);
        let articles = &corpus.articles;
        let cleaned = par_clean(articles);
        stages.done("clean");
        let shingles = par_shingle_sets(articles, &cleaned, cfg.dedup.ngram);
        stages.done("shingle");
        let shards = cfg.shards.unwrap_or_else(|| default_shards(articles.len()));
        let m = write_signed(&cfg.out, articles, &shingles, &cfg.dedup, shards)?;
        stages.done("sign+write");
        if !cfg.verbosity.quiet {
            eprintln!(
                "signed {} articles ({} with words) into {}: {} shard{}, {} bands × {} rows",
                m.articles,
                m.signed,
                cfg.out.display(),
                m.shards,
                if m.shards == 1 { "" } else { "s" },
                m.bands,
                m.rows
            );
        }
        Ok(status)
    }
}
