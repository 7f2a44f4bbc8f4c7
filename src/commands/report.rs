//! `crosscheck report`: the consistency report.

use std::path::PathBuf;

use super::{report_diagnostics, ExitStatus, Stages, Verbosity};
use crate::claims::Lexicon;
use crate::error::Result;
use crate::ingest::{load, Article, InputOptions};
use crate::output::{terminal_safe, Target};
use crate::report::{build_observed, html, markdown, text, Report, ReportOptions, STAGES};

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
    /// One self-contained HTML page (needs the articles' texts: [`render_with_articles`]).
    Html,
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
    build_report_with_articles(cfg).map(|(r, _, s)| (r, s))
}

/// [`build_report`], also returning the articles read (their texts and URLs
/// are not in the report; the HTML page shows them).
pub fn build_report_with_articles(
    cfg: &ReportConfig,
) -> Result<(Report, Vec<Article>, ExitStatus)> {
    let lex = lexicon(&cfg.lexicons)?;
    let mut plan = vec!["read"];
    plan.extend(STAGES);
    let mut stages = Stages::with_plan(cfg.verbosity.verbose, &plan);
    let corpus = load(&cfg.inputs, &cfg.input)?;
    stages.done("read");
    let status = stages.suspend(|| report_diagnostics(&corpus, cfg.verbosity));
    let report = build_observed(
        &corpus.articles,
        corpus.diagnostics,
        &cfg.report,
        &lex,
        &mut |stage| stages.done(stage),
    )?;
    stages.finish();
    Ok((report, corpus.articles, status))
}

/// Renders a report in a format (HTML without the article texts: see
/// [`render_with_articles`]).
pub fn render(report: &Report, format: ReportFormat, style: &text::Style) -> Result<String> {
    render_with_articles(report, &[], format, style)
}

/// Renders a report in a format; `articles` give the HTML page its texts and links.
pub fn render_with_articles(
    report: &Report,
    articles: &[Article],
    format: ReportFormat,
    style: &text::Style,
) -> Result<String> {
    Ok(match format {
        // Titles and sentences are printed as written: no control sequence
        // of theirs reaches the terminal.
        ReportFormat::Text => terminal_safe(&text::render(report, style), style.color).into_owned(),
        ReportFormat::Markdown => terminal_safe(&markdown::render(report), false).into_owned(),
        ReportFormat::Html => html::render(report, articles),
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
    let (report, articles, status) = build_report_with_articles(cfg)?;
    let out = render_with_articles(&report, &articles, cfg.format, &cfg.style)?;
    cfg.output.write(out.as_bytes())?;
    Ok(status)
}
