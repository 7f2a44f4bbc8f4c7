//! `crosscheck claims`: every numeric claim of every article.

use std::fmt::Write as _;
use std::path::PathBuf;

use super::report::lexicon;
use super::{report_diagnostics, ExitStatus, Verbosity};
use crate::claims::{Claim, Lang};
use crate::error::Result;
use crate::ingest::{load, InputOptions};
use crate::normalize::par_clean;
use crate::output::{terminal_safe, Target};
use crate::reconcile::format_interval;
use crate::report::par_claims;

/// Output formats of `claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClaimsFormat {
    /// One JSON claim per line.
    #[default]
    Jsonl,
    /// One JSON array.
    Json,
    /// For people.
    Text,
}

/// Everything `claims` needs.
#[derive(Debug, Clone)]
pub struct ClaimsConfig {
    /// Input paths.
    pub inputs: Vec<PathBuf>,
    /// Reading options.
    pub input: InputOptions,
    /// Language for every article.
    pub lang: Option<Lang>,
    /// Extra lexicon files.
    pub lexicons: Vec<PathBuf>,
    /// Output format.
    pub format: ClaimsFormat,
    /// Where it goes.
    pub output: Target,
    /// Diagnostics settings.
    pub verbosity: Verbosity,
}

/// Runs `claims`.
pub fn run(cfg: &ClaimsConfig) -> Result<ExitStatus> {
    cfg.output.check_not_input(&cfg.inputs)?;
    let lex = lexicon(&cfg.lexicons)?;
    let corpus = load(&cfg.inputs, &cfg.input)?;
    let status = report_diagnostics(&corpus, cfg.verbosity);
    let articles = &corpus.articles;
    let cleaned = par_clean(articles);
    let langs: Vec<Lang> = articles
        .iter()
        .map(|a| {
            cfg.lang
                .or_else(|| a.lang.as_deref().and_then(|l| l.parse().ok()))
                .unwrap_or_else(|| crate::claims::detect_lang(&a.text))
        })
        .collect();
    let claims: Vec<Claim> = par_claims(articles, &cleaned, &langs, &lex)
        .into_iter()
        .flatten()
        .collect();
    let mut out = String::new();
    match cfg.format {
        ClaimsFormat::Jsonl => {
            for c in &claims {
                out.push_str(&serde_json::to_string(c)?);
                out.push('\n');
            }
        }
        ClaimsFormat::Json => {
            out = serde_json::to_string_pretty(&claims)?;
            out.push('\n');
        }
        ClaimsFormat::Text => {
            for c in &claims {
                let kind = serde_json::to_value(c.kind)?;
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}",
                    c.id,
                    kind.as_str().unwrap_or(""),
                    c.concept.as_deref().unwrap_or("-"),
                    format_interval(c),
                    c.text
                );
            }
        }
    }
    if cfg.format == ClaimsFormat::Text {
        out = terminal_safe(&out, false).into_owned();
    }
    cfg.output.write(out.as_bytes())?;
    Ok(status)
}
