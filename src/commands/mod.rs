//! The commands behind the binary: each takes a validated configuration,
//! writes its result to a [`Target`](crate::output::Target) and diagnostics to
//! standard error, and returns an [`ExitStatus`].

pub mod check;
pub mod claims;
pub mod dedup;
pub mod report;
pub mod sign;

use std::io::Write;
use std::time::Instant;

use crate::ingest::Corpus;
use crate::output::terminal_safe;

/// How a command ended, as the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    /// 0: done, all input read.
    Clean,
    /// 1: `check` found findings that fail it.
    Findings,
    /// 2: usage, configuration or input errors (some input was skipped).
    Error,
}

impl ExitStatus {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Clean => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Error => 2,
        }
    }
}

/// Settings shared by every command's diagnostics output.
#[derive(Debug, Clone, Copy, Default)]
pub struct Verbosity {
    /// No notices, no progress.
    pub quiet: bool,
    /// Stage timings on standard error.
    pub verbose: bool,
}

/// Prints input diagnostics to standard error and says whether input was skipped.
pub fn report_diagnostics(corpus: &Corpus, v: Verbosity) -> ExitStatus {
    let mut err = std::io::stderr().lock();
    for d in &corpus.diagnostics {
        if v.quiet && d.severity == crate::error::Severity::Notice {
            continue;
        }
        let _ = writeln!(err, "{}", terminal_safe(&d.to_string(), false));
    }
    let skipped = corpus
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::error::Severity::Error)
        .count();
    if skipped > 0 {
        let _ = writeln!(
            err,
            "crosscheck: {skipped} piece{} of input skipped (see above); exit status 2",
            if skipped == 1 { "" } else { "s" }
        );
        ExitStatus::Error
    } else {
        ExitStatus::Clean
    }
}

/// Stage timings for `-v`, and a progress spinner for the running stage
/// (see [`crate::progress`]).
#[derive(Debug)]
pub struct Stages {
    verbose: bool,
    last: Instant,
    start: Instant,
    /// Names of the stages still to come, when known.
    plan: std::collections::VecDeque<&'static str>,
    spinner: crate::progress::Spinner,
}

impl Stages {
    /// Starts the clock.
    pub fn new(verbose: bool) -> Self {
        Stages::with_plan(verbose, &[])
    }

    /// Starts the clock, knowing the names of the stages to come (for the spinner).
    pub fn with_plan(verbose: bool, plan: &[&'static str]) -> Self {
        let now = Instant::now();
        let mut s = Stages {
            verbose,
            last: now,
            start: now,
            plan: plan.iter().copied().collect(),
            spinner: crate::progress::Spinner::default(),
        };
        s.spin(None);
        s
    }

    /// Shows a spinner for the next planned stage (or, before the first
    /// stage without a plan, "working"). Past the plan there is none: output
    /// may be going to the same terminal then, and a redrawn spinner would
    /// overwrite it.
    fn spin(&mut self, after: Option<&str>) {
        let msg = match (self.plan.front(), after) {
            (Some(next), _) => format!("crosscheck: {next}"),
            (None, None) => "crosscheck: working".to_string(),
            (None, Some(_)) => return,
        };
        self.spinner = crate::progress::Spinner::start(&msg);
    }

    /// Ends a stage: prints its time when verbose, and moves the spinner on.
    pub fn done(&mut self, stage: &str) {
        let now = Instant::now();
        self.spinner.finish();
        if self.verbose {
            eprintln!(
                "  {stage:<16} {:>9.3} s   (total {:.3} s)",
                (now - self.last).as_secs_f64(),
                (now - self.start).as_secs_f64()
            );
        }
        if self.plan.front().is_some_and(|&n| n == stage) {
            self.plan.pop_front();
        }
        self.last = now;
        self.spin(Some(stage));
    }

    /// Runs `f` (which prints on standard error) with the spinner hidden.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.spinner.suspend(f)
    }

    /// Ends the last stage: the spinner goes.
    pub fn finish(&mut self) {
        self.spinner.finish();
    }
}
