//! The `crosscheck` binary: arguments in, a configuration to the library, an exit status out.

mod cli;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};
use crosscheck::commands::{self, ExitStatus};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(n) = cli.jobs {
        if n == 0 {
            eprintln!("error: --jobs must be at least 1");
            return ExitCode::from(ExitStatus::Error.code());
        }
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
        {
            eprintln!("error: cannot start {n} worker threads: {e}");
            return ExitCode::from(ExitStatus::Error.code());
        }
    }
    let verbosity = cli.verbosity();
    let result = match &cli.command {
        Command::Dedup(args) => args
            .config(verbosity)
            .and_then(|cfg| commands::dedup::run(&cfg)),
        Command::Claims(args) => args
            .config(verbosity)
            .and_then(|cfg| commands::claims::run(&cfg)),
        Command::Report(args) => args
            .config(verbosity)
            .and_then(|cfg| commands::report::run(&cfg)),
        Command::Sign(args) => args
            .config(verbosity)
            .and_then(|cfg| commands::sign::run(&cfg)),
        Command::Check(args) => args
            .config(verbosity)
            .and_then(|cfg| commands::check::run(&cfg)),
    };
    match result {
        Ok(status) => ExitCode::from(status.code()),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(ExitStatus::Error.code())
        }
    }
}
