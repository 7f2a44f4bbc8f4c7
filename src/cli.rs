//! Command-line arguments (clap derive), turned into validated configurations.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crosscheck::claims::Lang;
use crosscheck::commands::claims::{ClaimsConfig, ClaimsFormat};
use crosscheck::commands::dedup::{DedupConfig, DedupFormat, StreamMode};
use crosscheck::commands::report::{ReportConfig, ReportFormat};
use crosscheck::commands::sign::SignConfig;
use crosscheck::commands::Verbosity;
use crosscheck::dedup::{DedupOptions, Keep};
use crosscheck::error::{Error, Result};
use crosscheck::ingest::InputOptions;
use crosscheck::lsh::LshParams;
use crosscheck::minhash::NumPerm;
use crosscheck::output::Target;
use crosscheck::report::text::Style;
use crosscheck::report::ReportOptions;
use crosscheck::stories::StoryOptions;

const EXIT_CODES: &str = "Exit status: 0 clean; 1 findings that fail `check`; 2 usage, configuration or input errors (bad input is reported with its file and line and skipped, the rest is still processed).";

/// Find syndicated copies, extract numeric claims and reconcile them across news outlets.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about, after_help = EXIT_CODES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, global = true, value_name = "N")]
    pub jobs: Option<usize>,
    /// Print no notices or progress on standard error.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Print stage timings on standard error.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Colour in text output (auto: on a terminal, unless NO_COLOR is set).
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    pub color: ColorArg,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Group near-duplicate articles (syndicated copies, republished wire stories).
    #[command(after_help = DEDUP_EXAMPLES)]
    Dedup(DedupArgs),
    /// Extract every numeric claim (counts, durations, money, percentages, dates) with its interval.
    #[command(after_help = CLAIMS_EXAMPLES)]
    Claims(ClaimsArgs),
    /// The consistency report: stories, aligned claims across outlets, conflicts first.
    #[command(after_help = REPORT_EXAMPLES)]
    Report(ReportArgs),
    /// Prepare a corpus for Spark: Parquet tables of band keys, shingle sets and documents (needs the `parquet` feature).
    #[command(after_help = SIGN_EXAMPLES)]
    Sign(SignArgs),
    /// The CI gate: fail on near-duplicates and numeric conflicts nobody accepted (see docs/ci.md).
    #[command(after_help = CHECK_EXAMPLES)]
    Check(crosscheck::commands::check::CheckArgs),
    /// Print a shell completion script to standard output.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff) to standard output.
    #[command(after_help = MAN_EXAMPLES)]
    Man,
}

const COMPLETIONS_EXAMPLES: &str = "Examples:
  crosscheck completions bash > ~/.local/share/bash-completion/completions/crosscheck
  crosscheck completions zsh > ~/.zfunc/_crosscheck
  crosscheck completions fish > ~/.config/fish/completions/crosscheck.fish";

const MAN_EXAMPLES: &str = "Examples:
  crosscheck man > crosscheck.1 && man ./crosscheck.1
  crosscheck man | gzip > /usr/local/share/man/man1/crosscheck.1.gz";

/// `crosscheck completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

const CHECK_EXAMPLES: &str = "Examples:
  crosscheck check articles/
  crosscheck check articles/ --baseline crosscheck-baseline.toml --format github
  crosscheck check articles/ --write-baseline crosscheck-baseline.toml
  crosscheck check articles/ --format sarif -o crosscheck.sarif

Settings: crosscheck.toml in the working folder or its parents (or --config FILE); flags override it.

Exit status: 0 clean (no failing findings; baselined ones and stale baseline entries do not fail);
1 findings that fail (kinds in fail_on, not in the baseline);
2 usage, configuration or baseline errors (with the file and line), or input that could not be read.";

const CLAIMS_EXAMPLES: &str = "Examples:
  crosscheck claims testdata/corpus
  crosscheck claims article.txt --lang id --format text
  crosscheck claims news.jsonl --lexicon my-concepts.tsv -o claims.jsonl

Exit status: 0 clean; 2 usage or input errors (bad input reported and skipped).";

const REPORT_EXAMPLES: &str = "Examples:
  crosscheck report testdata/corpus
  crosscheck report testdata/corpus --format markdown -o report.md
  crosscheck report testdata/corpus --format html -o report.html
  crosscheck report archive.jsonl --group-by story_id --format json

Exit status: 0 whatever the report finds; 2 usage or input errors (bad input reported and skipped).";

/// Claim extraction settings.
#[derive(Debug, Args)]
pub struct ClaimArgs {
    /// Language of every article (id, en); default: the article's `lang`, else detected.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// A lexicon file adding or overriding concepts (repeatable).
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
}

impl ClaimArgs {
    fn lang(&self) -> Result<Option<Lang>> {
        self.lang
            .as_deref()
            .map(|l| {
                l.parse::<Lang>()
                    .map_err(|_| Error::Usage(format!("--lang must be id or en, got {l:?}")))
            })
            .transpose()
    }
}

/// `crosscheck claims`.
#[derive(Debug, Args)]
pub struct ClaimsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub claim: ClaimArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormatArg::Jsonl)]
    pub format: ClaimsFormatArg,
    /// Write here (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `claims --format` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ClaimsFormatArg {
    /// One JSON claim per line.
    Jsonl,
    /// One JSON array.
    Json,
    /// One line per claim: id, kind, concept, interval, text.
    Text,
}

/// `crosscheck report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub near: NearDupArgs,
    #[command(flatten)]
    pub claim: ClaimArgs,
    /// Largest distance in days between publication dates in one story (undated articles always may join).
    #[arg(long, default_value_t = 3, value_name = "DAYS")]
    pub window: i64,
    /// Least content similarity (cosine) for two articles to join a story.
    #[arg(long, default_value_t = 0.17, value_name = "S")]
    pub story_similarity: f64,
    /// Least confidence (0-1) that two figures state one fact for a dispute to be reported
    /// (docs/accuracy.md has the precision and recall each threshold gives on the dev labels).
    #[arg(long, default_value_t = crosscheck::reconcile::align::MIN_CONFIDENCE, value_name = "P")]
    pub min_confidence: f64,
    /// Least mean probability (0-1) that articles of a story report one happening for them to be one
    /// event; 0 keeps every story one event (docs/report.md#events has what each threshold gives).
    #[arg(long, default_value_t = crosscheck::events::MIN_PROBABILITY, value_name = "P")]
    pub event_probability: f64,
    /// Use this JSONL/CSV field (or front-matter key) as the story id instead of grouping.
    #[arg(long, value_name = "FIELD")]
    pub group_by: Option<String>,
    /// Take the near-duplicate clusters from a Spark run's output folder (see `sign`) instead of computing them.
    #[arg(long, value_name = "DIR")]
    pub clusters: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormatArg::Text)]
    pub format: ReportFormatArg,
    /// Write here (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `report --format` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportFormatArg {
    /// For a terminal: conflicts first.
    Text,
    /// Markdown.
    Markdown,
    /// JSON, `version` 1 (schema in docs/report.md).
    Json,
    /// One self-contained HTML page: overview, stories, diffs, article texts, filters.
    Html,
}

/// `--color` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ColorArg {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

const SIGN_EXAMPLES: &str = "Examples:
  crosscheck sign articles.jsonl --out signed/
  spark-submit contrib/spark/crosscheck_lsh.py signed/ spark-out/
  crosscheck dedup --clusters spark-out/ articles.jsonl

Exit status: 0 clean; 2 usage or input errors, or a build without the `parquet` feature.";

const DEDUP_EXAMPLES: &str = "Examples:
  crosscheck dedup testdata/corpus
  crosscheck dedup articles.jsonl --format json -o clusters.json
  crosscheck dedup news.csv --id-field url --text-field isi_berita --emit-unique unique.jsonl

Exit status: 0 clean; 2 usage or input errors (bad input reported and skipped).";

/// Where articles come from and how records name their fields.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Folders, .txt/.md/.jsonl/.ndjson/.csv/.html files, or - for JSON Lines on standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// JSONL/CSV field with the article id (missing: FILE#ROW). Every field option takes alternatives separated by commas: the first present is used.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// JSONL/CSV field with the body text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// JSONL/CSV field with the headline.
    #[arg(long, default_value = "title", value_name = "NAME")]
    pub title_field: String,
    /// JSONL/CSV field with the outlet.
    #[arg(long, default_value = "source", value_name = "NAME")]
    pub source_field: String,
    /// JSONL/CSV field with the publication date.
    #[arg(long, default_value = "published", value_name = "NAME")]
    pub date_field: String,
    /// JSONL/CSV field with the URL.
    #[arg(long, default_value = "url", value_name = "NAME")]
    pub url_field: String,
    /// JSONL/CSV field with the language (id, en).
    #[arg(long, default_value = "lang", value_name = "NAME")]
    pub lang_field: String,
    /// Skip (and report) articles larger than this many bytes.
    #[arg(long, default_value_t = 16 << 20, value_name = "BYTES")]
    pub max_article_bytes: usize,
}

impl InputArgs {
    fn options(&self, group_field: Option<String>) -> InputOptions {
        InputOptions {
            id_field: self.id_field.clone(),
            text_field: self.text_field.clone(),
            title_field: self.title_field.clone(),
            source_field: self.source_field.clone(),
            date_field: self.date_field.clone(),
            url_field: self.url_field.clone(),
            lang_field: self.lang_field.clone(),
            group_field,
            max_article_bytes: self.max_article_bytes,
        }
    }
}

/// Near-duplicate settings.
#[derive(Debug, Args)]
pub struct NearDupArgs {
    /// Exact word-shingle Jaccard at or above which two articles are near-duplicates.
    #[arg(long, default_value_t = 0.8, value_name = "J")]
    pub threshold: f64,
    /// Words per shingle.
    #[arg(long, default_value_t = 5, value_name = "K")]
    pub ngram: usize,
    /// MinHash permutations: 64, 128 or 256.
    #[arg(long, default_value_t = 128, value_name = "N")]
    pub num_perm: usize,
    /// LSH bands (with --rows; default: derived from --threshold).
    #[arg(long, requires = "rows", value_name = "B")]
    pub bands: Option<usize>,
    /// LSH rows per band (with --bands).
    #[arg(long, requires = "bands", value_name = "R")]
    pub rows: Option<usize>,
    /// Largest LSH bucket expanded into all its pairs (larger ones are chained).
    #[arg(long, default_value_t = 200, value_name = "N")]
    pub max_bucket: usize,
    /// Which member represents a cluster.
    #[arg(long, value_enum, default_value_t = KeepArg::Earliest)]
    pub keep: KeepArg,
}

/// `--keep` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KeepArg {
    /// Earliest publication (undated last), ties by id.
    Earliest,
    /// Longest text, ties by id.
    Longest,
    /// First in input order (depends on the order of inputs).
    First,
}

impl NearDupArgs {
    fn options(&self) -> Result<DedupOptions> {
        let num_perm = NumPerm::from_count(self.num_perm).ok_or_else(|| {
            Error::Usage(format!(
                "--num-perm must be 64, 128 or 256, got {}",
                self.num_perm
            ))
        })?;
        let opts = DedupOptions {
            threshold: self.threshold,
            ngram: self.ngram,
            num_perm,
            lsh: self
                .bands
                .zip(self.rows)
                .map(|(bands, rows)| LshParams { bands, rows }),
            max_bucket: self.max_bucket,
            keep: match self.keep {
                KeepArg::Earliest => Keep::Earliest,
                KeepArg::Longest => Keep::Longest,
                KeepArg::First => Keep::First,
            },
        };
        opts.validate()?;
        Ok(opts)
    }
}

/// `crosscheck dedup`.
#[derive(Debug, Args)]
pub struct DedupArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub near: NearDupArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DedupFormatArg::Text)]
    pub format: DedupFormatArg,
    /// Write the clusters here (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write the deduplicated corpus as JSON Lines: one representative per cluster and every unclustered article.
    #[arg(long, value_name = "FILE.jsonl")]
    pub emit_unique: Option<PathBuf>,
    /// Write the verified pairs as "i j" lines: 0-based line numbers of the input (record indices of one JSON Lines file).
    #[arg(long, value_name = "FILE")]
    pub pairs_out: Option<PathBuf>,
    /// Stream JSON Lines input (keep signatures, not texts): auto = for .jsonl/.ndjson inputs of 512 MiB or more. Same results either way.
    #[arg(long, value_enum, default_value_t = StreamArg::Auto)]
    pub stream: StreamArg,
    /// Take the clusters from a Spark run's output folder (contrib/spark/crosscheck_lsh.py) instead of computing them; give the input and near-duplicate flags given to `sign`.
    #[arg(long, value_name = "DIR")]
    pub clusters: Option<PathBuf>,
}

/// `dedup --stream` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StreamArg {
    /// Stream large JSON Lines inputs.
    Auto,
    /// Always stream (JSON Lines files only).
    Always,
    /// Never stream.
    Never,
}

/// `crosscheck sign`.
#[derive(Debug, Args)]
pub struct SignArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub near: NearDupArgs,
    /// The output folder (replaced atomically; refused when it holds something else).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Files per table (default: one per 50,000 articles).
    #[arg(long, value_name = "N")]
    pub shards: Option<usize>,
}

impl SignArgs {
    /// The validated configuration.
    pub fn config(&self, verbosity: Verbosity) -> Result<SignConfig> {
        Ok(SignConfig {
            inputs: self.input.paths.clone(),
            input: self.input.options(None),
            dedup: self.near.options()?,
            out: self.out.clone(),
            shards: self.shards,
            verbosity,
        })
    }
}

/// `dedup --format` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DedupFormatArg {
    /// For people.
    Text,
    /// One JSON document (`version`, `clusters`, `summary`).
    Json,
    /// One JSON cluster per line.
    Jsonl,
}

impl Cli {
    /// Diagnostics settings.
    pub fn verbosity(&self) -> Verbosity {
        Verbosity {
            quiet: self.quiet,
            verbose: self.verbose && !self.quiet,
        }
    }
}

impl DedupArgs {
    /// The validated configuration.
    pub fn config(&self, verbosity: Verbosity) -> Result<DedupConfig> {
        Ok(DedupConfig {
            inputs: self.input.paths.clone(),
            input: self.input.options(None),
            dedup: self.near.options()?,
            format: match self.format {
                DedupFormatArg::Text => DedupFormat::Text,
                DedupFormatArg::Json => DedupFormat::Json,
                DedupFormatArg::Jsonl => DedupFormat::Jsonl,
            },
            output: Target::from_arg(self.output.as_deref()),
            emit_unique: self.emit_unique.clone(),
            pairs_out: self.pairs_out.clone(),
            stream: match self.stream {
                StreamArg::Auto => StreamMode::Auto,
                StreamArg::Always => StreamMode::Always,
                StreamArg::Never => StreamMode::Never,
            },
            verbosity,
            clusters: self.clusters.clone(),
        })
    }
}

impl ClaimsArgs {
    /// The validated configuration.
    pub fn config(&self, verbosity: Verbosity) -> Result<ClaimsConfig> {
        Ok(ClaimsConfig {
            inputs: self.input.paths.clone(),
            input: self.input.options(None),
            lang: self.claim.lang()?,
            lexicons: self.claim.lexicon.clone(),
            format: match self.format {
                ClaimsFormatArg::Jsonl => ClaimsFormat::Jsonl,
                ClaimsFormatArg::Json => ClaimsFormat::Json,
                ClaimsFormatArg::Text => ClaimsFormat::Text,
            },
            output: Target::from_arg(self.output.as_deref()),
            verbosity,
        })
    }
}

impl ReportArgs {
    /// The validated configuration.
    pub fn config(&self, verbosity: Verbosity, color: ColorArg) -> Result<ReportConfig> {
        if self.window < 0 {
            return Err(Error::Usage(format!(
                "--window must be 0 or more days, got {}",
                self.window
            )));
        }
        if !(0.0..=1.0).contains(&self.story_similarity) {
            return Err(Error::Usage(format!(
                "--story-similarity must be in [0, 1], got {}",
                self.story_similarity
            )));
        }
        if !(0.0..=1.0).contains(&self.min_confidence) {
            return Err(Error::Usage(format!(
                "--min-confidence must be in [0, 1], got {}",
                self.min_confidence
            )));
        }
        if !(0.0..=1.0).contains(&self.event_probability) {
            return Err(Error::Usage(format!(
                "--event-probability must be in [0, 1], got {}",
                self.event_probability
            )));
        }
        let output = Target::from_arg(self.output.as_deref());
        let color = match color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                use std::io::IsTerminal;
                output == Target::Stdout
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Ok(ReportConfig {
            inputs: self.input.paths.clone(),
            input: self.input.options(self.group_by.clone()),
            report: ReportOptions {
                dedup: self.near.options()?,
                stories: StoryOptions {
                    window_days: self.window,
                    min_similarity: self.story_similarity,
                    group_by: self.group_by.clone(),
                },
                lang: self.claim.lang()?,
                clusters: self.clusters.clone(),
                align: crosscheck::reconcile::align::AlignOptions {
                    min_confidence: self.min_confidence,
                    ..Default::default()
                },
                events: crosscheck::events::EventOptions {
                    min_probability: self.event_probability,
                    ..Default::default()
                },
            },
            lexicons: self.claim.lexicon.clone(),
            format: match self.format {
                ReportFormatArg::Text => ReportFormat::Text,
                ReportFormatArg::Markdown => ReportFormat::Markdown,
                ReportFormatArg::Json => ReportFormat::Json,
                ReportFormatArg::Html => ReportFormat::Html,
            },
            output,
            style: Style {
                color,
                width: terminal_width(),
            },
            verbosity,
        })
    }
}

/// The terminal's width: `COLUMNS`, else the width of the terminal on
/// standard output, else 100 (at least 40).
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| {
            terminal_size::terminal_size_of(std::io::stdout())
                .map(|(terminal_size::Width(w), _)| usize::from(w))
        })
        .filter(|&w: &usize| w >= 40)
        .unwrap_or(100)
}
