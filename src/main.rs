//! The `crosscheck` binary: arguments in, a configuration to the library, an exit status out.

mod cli;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};
use crosscheck::commands::{self, ExitStatus};

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    crosscheck::progress::enable(crosscheck::progress::wanted(verbosity.quiet));
    let result = match &cli.command {
        Command::Dedup(args) => args
            .config(verbosity)
            .and_then(|cfg| commands::dedup::run(&cfg)),
        Command::Claims(args) => args
            .config(verbosity)
            .and_then(|cfg| commands::claims::run(&cfg)),
        Command::Report(args) => args
            .config(verbosity, cli.color)
            .and_then(|cfg| commands::report::run(&cfg)),
        Command::Sign(args) => args
            .config(verbosity)
            .and_then(|cfg| commands::sign::run(&cfg)),
        Command::Check(args) => args
            .config(verbosity)
            .and_then(|cfg| commands::check::run(&cfg)),
        Command::Completions(args) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(args.shell, &mut cmd, "crosscheck", &mut std::io::stdout());
            Ok(ExitStatus::Clean)
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cmd)
                .render(&mut std::io::stdout())
                .map(|()| ExitStatus::Clean)
                .map_err(|e| crosscheck::error::Error::io("-", e))
        }
    };
    match result {
        Ok(status) => ExitCode::from(status.code()),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(ExitStatus::Error.code())
        }
    }
}
