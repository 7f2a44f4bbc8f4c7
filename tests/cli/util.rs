//! A small harness for driving the real `crosscheck` binary.

#![allow(
    dead_code,
    reason = "each test module uses a different part of the harness"
)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `crosscheck` binary built by cargo.
pub fn bin() -> Command {
    let mut c = Command::cargo_bin("crosscheck").expect("binary built");
    c.env("NO_COLOR", "1");
    c
}

/// The repository's `testdata/`.
pub fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata")
}

/// The fixture corpus.
pub fn corpus() -> PathBuf {
    testdata().join("corpus")
}

/// The shared data folder from `CROSSCHECK_SHARED`, or `None` (and a line
/// saying the test skipped) when unset. Set but missing fails the test.
pub fn shared(test: &str) -> Option<PathBuf> {
    match std::env::var_os("CROSSCHECK_SHARED") {
        None => {
            println!("skipped {test}: CROSSCHECK_SHARED not set");
            None
        }
        Some(p) => {
            let p = PathBuf::from(p);
            assert!(
                p.join("seeds").is_dir() && p.join("corpora").is_dir(),
                "CROSSCHECK_SHARED={} has no seeds/ and corpora/",
                p.display()
            );
            // absolute, so that a test may run the binary in another folder
            // (the README's `CROSSCHECK_SHARED=../shared` is relative)
            Some(std::path::absolute(&p).expect("the current folder is readable"))
        }
    }
}

/// Runs the binary, returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = bin().args(args).output().expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Expected-results sidecars (`testdata/expected/*.json`).
pub fn expectations() -> Vec<serde_json::Value> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(testdata().join("expected"))
        .expect("testdata/expected")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            serde_json::from_str(&std::fs::read_to_string(p).expect("read"))
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        })
        .collect()
}
