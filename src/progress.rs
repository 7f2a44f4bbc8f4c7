//! Progress on standard error: one spinner per long stage, with its name and
//! the time it has taken so far (indicatif).
//!
//! Progress is off unless the binary turns it on with [`enable`], which it does
//! only when standard error is a terminal and `--quiet` is not given; so pipes,
//! files and tests never see an escape code.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

static ENABLED: AtomicBool = AtomicBool::new(false);

/// Turns progress on or off for the whole process.
pub fn enable(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// Whether progress should be drawn: when not `quiet` and standard error is a terminal.
pub fn wanted(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal()
}

/// Whether progress is on.
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// A spinner for one stage; nothing at all when progress is off.
#[derive(Debug, Default)]
pub struct Spinner(Option<ProgressBar>);

impl Spinner {
    /// Starts a spinner saying `message`, when progress is on.
    pub fn start(message: &str) -> Spinner {
        if !enabled() {
            return Spinner(None);
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_message(message.to_string());
        bar.enable_steady_tick(Duration::from_millis(100));
        Spinner(Some(bar))
    }

    /// Runs `f` with the spinner hidden, so that what `f` prints on standard
    /// error is not garbled by it.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.0 {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Removes the spinner from the terminal.
    pub fn finish(&mut self) {
        if let Some(bar) = self.0.take() {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spinner_is_nothing_when_progress_is_off() {
        enable(false);
        let s = Spinner::start("read");
        assert!(s.0.is_none());
    }
}
