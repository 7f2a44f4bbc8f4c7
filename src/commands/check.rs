//! `crosscheck check`: the CI gate over a curated news set.
//!
//! Settings come from `crosscheck.toml` (given with `--config`, else found in
//! the working folder or its parents), command-line flags override them, and
//! the built-in defaults (those of `dedup` and `report`) fill the rest. The
//! pipeline is [`report::build`](crate::report::build); [`crate::check`] turns
//! its report into findings and applies the policy and the baseline.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{ExitStatus, Stages, Verbosity};
use crate::check::baseline::Baseline;
use crate::check::config::FileConfig;
use crate::check::{self, formats, Ignore, Kind, Level, Policy};
use crate::claims::Lang;
use crate::dedup::{DedupOptions, Keep};
use crate::error::{Error, Result};
use crate::ingest::{load, InputOptions};
use crate::lsh::LshParams;
use crate::minhash::NumPerm;
use crate::output::{terminal_safe, write_atomic, Target};
use crate::reconcile::align::AlignOptions;
use crate::report::{build, ReportOptions};
use crate::stories::StoryOptions;

/// `check --format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum CheckFormat {
    /// For a terminal or a log.
    #[default]
    Text,
    /// GitHub Actions workflow commands (annotations) plus a job summary.
    Github,
    /// JUnit XML: a testsuite per story, a testcase per fact.
    Junit,
    /// SARIF 2.1.0 (code scanning).
    Sarif,
    /// JSON (`version` 1).
    Json,
}

/// `crosscheck check` arguments; every setting left out comes from the
/// configuration file, then the defaults.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Folders, .txt/.md/.jsonl/.ndjson/.csv/.html files, or - for JSON Lines on standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Configuration file (default: crosscheck.toml in the working folder or its nearest parent).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Accepted findings: they are reported but do not fail the check.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write every current finding to FILE as the new baseline, and pass.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Write here (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With --format github: write the Markdown job summary here (default: $GITHUB_STEP_SUMMARY, appended).
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// Finding kinds that fail, separated by commas (near-duplicate, conflict, update, input-error).
    #[arg(long, value_name = "KINDS", value_delimiter = ',')]
    pub fail_on: Option<Vec<String>>,
    /// Findings below this severity are not reported (note, warning, error).
    #[arg(long, value_name = "LEVEL")]
    pub min_severity: Option<String>,
    /// Exact word-shingle Jaccard for near-duplicates [config: dedup.threshold; default 0.8].
    #[arg(long, value_name = "J")]
    pub threshold: Option<f64>,
    /// Words per shingle [dedup.ngram; 5].
    #[arg(long, value_name = "K")]
    pub ngram: Option<usize>,
    /// MinHash permutations: 64, 128 or 256 [dedup.num_perm; 128].
    #[arg(long, value_name = "N")]
    pub num_perm: Option<usize>,
    /// Cluster representative: earliest, longest, first [dedup.keep; earliest].
    #[arg(long, value_name = "KEEP")]
    pub keep: Option<String>,
    /// Days between dates in one story [report.window; 3].
    #[arg(long, value_name = "DAYS")]
    pub window: Option<i64>,
    /// Least cosine similarity to join a story [report.story_similarity; 0.17].
    #[arg(long, value_name = "S")]
    pub story_similarity: Option<f64>,
    /// Field used as the story id [report.group_by].
    #[arg(long, value_name = "FIELD")]
    pub group_by: Option<String>,
    /// Least confidence (0-1) that two figures state one fact for a dispute to count
    /// [report.min_confidence; 0.5].
    #[arg(long, value_name = "P")]
    pub min_confidence: Option<f64>,
    /// Language of every article: id, en [claims.lang].
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Extra lexicon file (repeatable; replaces claims.lexicons).
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// JSONL/CSV id field [input.id_field; id].
    #[arg(long, value_name = "NAME")]
    pub id_field: Option<String>,
    /// JSONL/CSV body field [input.text_field; text].
    #[arg(long, value_name = "NAME")]
    pub text_field: Option<String>,
    /// JSONL/CSV headline field [input.title_field; title].
    #[arg(long, value_name = "NAME")]
    pub title_field: Option<String>,
    /// JSONL/CSV outlet field [input.source_field; source].
    #[arg(long, value_name = "NAME")]
    pub source_field: Option<String>,
    /// JSONL/CSV date field [input.date_field; published].
    #[arg(long, value_name = "NAME")]
    pub date_field: Option<String>,
}

/// Everything `check` needs, validated.
#[derive(Debug, Clone)]
pub struct CheckConfig {
    /// Input paths.
    pub inputs: Vec<PathBuf>,
    /// Reading options.
    pub input: InputOptions,
    /// Pipeline settings.
    pub report: ReportOptions,
    /// Extra lexicon files.
    pub lexicons: Vec<PathBuf>,
    /// What fails.
    pub policy: Policy,
    /// Accepted findings.
    pub baseline: Option<PathBuf>,
    /// Write a new baseline here instead of judging.
    pub write_baseline: Option<PathBuf>,
    /// Output format.
    pub format: CheckFormat,
    /// Where it goes.
    pub output: Target,
    /// Where the GitHub job summary goes (and whether to append).
    pub summary: Option<(PathBuf, bool)>,
    /// Diagnostics settings.
    pub verbosity: Verbosity,
}

impl CheckArgs {
    /// Reads the configuration file, applies the flags over it, validates.
    pub fn config(&self, verbosity: Verbosity) -> Result<CheckConfig> {
        let file = FileConfig::discover(self.config.as_deref())?;
        let d = InputOptions::default();
        let i = &file.input;
        let pick = |flag: &Option<String>, conf: &Option<String>, def: &str| {
            flag.clone()
                .or_else(|| conf.clone())
                .unwrap_or_else(|| def.to_string())
        };
        let group_by = self
            .group_by
            .clone()
            .or_else(|| file.report.group_by.clone());
        let input = InputOptions {
            id_field: pick(&self.id_field, &i.id_field, &d.id_field),
            text_field: pick(&self.text_field, &i.text_field, &d.text_field),
            title_field: pick(&self.title_field, &i.title_field, &d.title_field),
            source_field: pick(&self.source_field, &i.source_field, &d.source_field),
            date_field: pick(&self.date_field, &i.date_field, &d.date_field),
            url_field: i.url_field.clone().unwrap_or(d.url_field),
            lang_field: i.lang_field.clone().unwrap_or(d.lang_field),
            group_field: group_by.clone(),
            max_article_bytes: i.max_article_bytes.unwrap_or(d.max_article_bytes),
        };
        let dd = DedupOptions::default();
        let num_perm = match self.num_perm.or(file.dedup.num_perm) {
            None => dd.num_perm,
            Some(n) => NumPerm::from_count(n)
                .ok_or_else(|| Error::Usage(format!("num_perm must be 64, 128 or 256, got {n}")))?,
        };
        let keep = match self.keep.as_deref().or(file.dedup.keep.as_deref()) {
            None => dd.keep,
            Some("earliest") => Keep::Earliest,
            Some("longest") => Keep::Longest,
            Some("first") => Keep::First,
            Some(k) => {
                return Err(Error::Usage(format!(
                    "keep must be earliest, longest or first, got {k:?}"
                )))
            }
        };
        let lsh = match (file.dedup.bands, file.dedup.rows) {
            (Some(bands), Some(rows)) => Some(LshParams { bands, rows }),
            (None, None) => dd.lsh,
            _ => {
                return Err(Error::Usage(
                    "dedup.bands and dedup.rows go together".into(),
                ))
            }
        };
        let dedup = DedupOptions {
            threshold: self
                .threshold
                .or(file.dedup.threshold)
                .unwrap_or(dd.threshold),
            ngram: self.ngram.or(file.dedup.ngram).unwrap_or(dd.ngram),
            num_perm,
            lsh,
            max_bucket: file.dedup.max_bucket.unwrap_or(dd.max_bucket),
            keep,
        };
        dedup.validate()?;
        let window = self.window.or(file.report.window).unwrap_or(3);
        if window < 0 {
            return Err(Error::Usage(format!(
                "window must be 0 or more days, got {window}"
            )));
        }
        let min_similarity = self
            .story_similarity
            .or(file.report.story_similarity)
            .unwrap_or(crate::stories::StoryOptions::default().min_similarity);
        if !(0.0..=1.0).contains(&min_similarity) {
            return Err(Error::Usage(format!(
                "story_similarity must be in [0, 1], got {min_similarity}"
            )));
        }
        let min_confidence = self
            .min_confidence
            .or(file.report.min_confidence)
            .unwrap_or(crate::reconcile::align::MIN_CONFIDENCE);
        if !(0.0..=1.0).contains(&min_confidence) {
            return Err(Error::Usage(format!(
                "min_confidence must be in [0, 1], got {min_confidence}"
            )));
        }
        let lang = self
            .lang
            .as_deref()
            .or(file.claims.lang.as_deref())
            .map(|l| {
                l.parse::<Lang>()
                    .map_err(|_| Error::Usage(format!("lang must be id or en, got {l:?}")))
            })
            .transpose()?;
        let lexicons = if self.lexicon.is_empty() {
            file.claims
                .lexicons
                .iter()
                .map(|p| file.resolve(p))
                .collect()
        } else {
            self.lexicon.clone()
        };
        let mut policy = Policy::default();
        if let Some(kinds) = self.fail_on.as_ref().or(file.check.fail_on.as_ref()) {
            policy.fail_on = kinds
                .iter()
                .map(|k| k.trim().parse::<Kind>())
                .collect::<Result<BTreeSet<_>>>()?;
        }
        if let Some(l) = self
            .min_severity
            .as_deref()
            .or(file.check.min_severity.as_deref())
        {
            policy.min_level = l.parse::<Level>()?;
        }
        if let Some(n) = file.check.min_independent_sources {
            policy.min_independent = n;
        }
        policy.ignore = file
            .ignore
            .iter()
            .map(Ignore::new)
            .collect::<Result<Vec<_>>>()?;
        let baseline = self
            .baseline
            .clone()
            .or_else(|| file.check.baseline.as_ref().map(|p| file.resolve(p)));
        let summary = match (&self.summary, self.format) {
            (Some(p), _) => Some((p.clone(), false)),
            (None, CheckFormat::Github) => std::env::var_os("GITHUB_STEP_SUMMARY")
                .filter(|v| !v.is_empty())
                .map(|v| (PathBuf::from(v), true)),
            _ => None,
        };
        Ok(CheckConfig {
            inputs: self.paths.clone(),
            input,
            report: ReportOptions {
                dedup,
                stories: StoryOptions {
                    window_days: window,
                    min_similarity,
                    group_by,
                },
                lang,
                clusters: None,
                align: AlignOptions {
                    min_confidence,
                    ..AlignOptions::default()
                },
                events: Default::default(),
            },
            lexicons,
            policy,
            baseline,
            write_baseline: self.write_baseline.clone(),
            format: self.format,
            output: Target::from_arg(self.output.as_deref()),
            summary,
            verbosity,
        })
    }
}

/// Runs `check`: 0 clean, 1 failing findings, 2 failing input errors (or a
/// usage, configuration or baseline error, returned as `Err`).
pub fn run(cfg: &CheckConfig) -> Result<ExitStatus> {
    cfg.output.check_not_input(&cfg.inputs)?;
    if let Some(p) = &cfg.write_baseline {
        Target::File(p.clone()).check_not_input(&cfg.inputs)?;
    }
    let baseline = match (&cfg.baseline, &cfg.write_baseline) {
        (Some(p), None) => Some(Baseline::read(p)?),
        _ => None,
    };
    let lex = super::report::lexicon(&cfg.lexicons)?;
    let mut stages = Stages::new(cfg.verbosity.verbose);
    let corpus = load(&cfg.inputs, &cfg.input)?;
    stages.done("read");
    // Input problems are printed here and become `input-error` findings;
    // whether they fail is the policy's call, not the reader's.
    for d in &corpus.diagnostics {
        if !(cfg.verbosity.quiet && d.severity == crate::error::Severity::Notice) {
            eprintln!("{d}");
        }
    }
    let report = build(
        &corpus.articles,
        corpus.diagnostics.clone(),
        &cfg.report,
        &lex,
    )?;
    stages.done("analyse");
    let all = check::findings(&report, &corpus.articles);
    let articles = corpus.articles.len();
    if let Some(p) = &cfg.write_baseline {
        let outcome = check::apply(all, &cfg.policy, None, articles);
        let b = Baseline::of(&outcome.findings);
        write_atomic(p, b.to_toml()?.as_bytes())?;
        if !cfg.verbosity.quiet {
            eprintln!(
                "crosscheck check: wrote {} finding{} to the baseline {}",
                b.entries.len(),
                if b.entries.len() == 1 { "" } else { "s" },
                p.display()
            );
        }
        return Ok(ExitStatus::Clean);
    }
    let outcome = check::apply(all, &cfg.policy, baseline.as_ref(), articles);
    let rendered = match cfg.format {
        CheckFormat::Text => terminal_safe(&formats::text(&outcome), false).into_owned(),
        CheckFormat::Json => formats::json(&outcome)?,
        CheckFormat::Github => formats::github(&outcome),
        CheckFormat::Junit => formats::junit(&outcome, &report)?,
        CheckFormat::Sarif => formats::sarif(&outcome)?,
    };
    cfg.output.write(rendered.as_bytes())?;
    if let Some((path, append)) = &cfg.summary {
        let md = formats::github_summary(&outcome);
        if *append {
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .map_err(|e| Error::io(path, e))?;
            f.write_all(md.as_bytes()).map_err(|e| Error::io(path, e))?;
        } else {
            write_atomic(path, md.as_bytes())?;
        }
    }
    if !cfg.verbosity.quiet {
        for e in &outcome.stale {
            eprintln!(
                "warning: stale baseline entry {} ({}): {}; it matches no finding now (not a failure)",
                e.fingerprint, e.kind, e.description
            );
        }
        if cfg.format != CheckFormat::Text || cfg.output != Target::Stdout {
            eprintln!("{}", formats::verdict_line(&outcome));
        }
    }
    let input_fails = outcome.failing().any(|f| f.kind == Kind::InputError);
    Ok(if input_fails {
        ExitStatus::Error
    } else if outcome.summary.failing > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
}
