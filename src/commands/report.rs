//! `crosscheck report`: the consistency report.

use std::path::PathBuf;

use super::{report_diagnostics, ExitStatus, Stages, Verbosity};
use crate::claims::Lexicon;
use crate::error::Result;
use crate::ingest::{load, InputOptions};
use crate::output::Target;
use crate::report::{build, markdown, text, Report, ReportOptions};

/// Output formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportFormat {
    /// For a terminal.
    #[default]
    Text,
    /// Markdown.
    Markdown,
    /// JSON (`version` 1).
    Json,
}

/// Everything `report` needs.
#[derive(Debug, Clone)]
pub struct ReportConfig {
    /// Input paths.
    pub inputs: Vec<PathBuf>,
    /// Reading options.
    pub input: InputOptions,
    /// Pipeline settings.
    pub report: ReportOptions,
    /// Extra lexicon files.
    pub lexicons: Vec<PathBuf>,
    /// Output format.
    pub format: ReportFormat,
    /// Where it goes.
    pub output: Target,
    /// Colours and width for text.
    pub style: text::Style,
    /// Diagnostics settings.
    pub verbosity: Verbosity,
}

/// Loads the lexicon with the user's files on top of the built-in one.
pub fn lexicon(files: &[PathBuf]) -> Result<Lexicon> {
    let mut lex = Lexicon::builtin();
    for f in files {
        lex.load_overrides(f)
            .map_err(|e| crate::error::Error::Usage(e.to_string()))?;
    }
    Ok(lex)
}

/// Reads the inputs and builds the report; returns it with the input status.
pub fn build_report(cfg: &ReportConfig) -> Result<(Report, ExitStatus)> {
    let lex = lexicon(&cfg.lexicons)?;
    let mut stages = Stages::new(cfg.verbosity.verbose);
    let corpus = load(&cfg.inputs, &cfg.input)?;
    stages.done("read");
    let status = report_diagnostics(&corpus, cfg.verbosity);
    let report = build(&corpus.articles, corpus.diagnostics, &cfg.report, &lex)?;
    stages.done("analyse");
    Ok((report, status))
}

/// Renders a report in a format.
pub fn render(report: &Report, format: ReportFormat, style: &text::Style) -> Result<String> {
    Ok(match format {
        ReportFormat::Text => text::render(report, style),
        ReportFormat::Markdown => markdown::render(report),
        ReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(report)?;
            s.push('\n');
            s
        }
    })
}

/// Runs `report`: exit 0 whatever it finds (2 when input was skipped).
pub fn run(cfg: &ReportConfig) -> Result<ExitStatus> {
    cfg.output.check_not_input(&cfg.inputs)?;
    let (report, status) = build_report(cfg)?;
    let out = render(&report, cfg.format, &cfg.style)?;
    cfg.output.write(out.as_bytes())?;
    Ok(status)
}
