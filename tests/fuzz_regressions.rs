//! Replays the inputs the fuzzers found (`testdata/fuzz-regressions/TARGET/`)
//! and the fuzzers' seeds (`fuzz/seeds/TARGET/`) through the fuzz targets'
//! own checks, on stable, in every `cargo test`.
//!
//! The checks are `fuzz/src/lib.rs`, included here as a module; see
//! `fuzz/README.md` for the targets and how to add a case: minimise the
//! crash (`cargo +nightly fuzz tmin TARGET ARTIFACT`) and copy it into the
//! target's folder under a name that says what it found.

#[path = "../fuzz/src/lib.rs"]
mod harness;

use std::path::Path;

/// Runs `check` on every file in `testdata/fuzz-regressions/{target}` and
/// `fuzz/seeds/{target}`.
fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    replay_dir(&root.join("testdata/fuzz-regressions").join(target), check);
    let seeds = replay_dir(&root.join("fuzz/seeds").join(target), check);
    assert!(seeds > 0, "no seeds for {target}");
}

/// Runs `check` on every file in `dir` (none if it does not exist); returns how many.
fn replay_dir(dir: &Path, check: fn(&[u8])) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut files: Vec<_> = entries
        .map(|e| e.expect("list fuzz regressions").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    for f in &files {
        let data = std::fs::read(f).expect("read fuzz regression");
        eprintln!("{}", f.display());
        check(&data);
    }
    files.len()
}

#[test]
fn claims() {
    replay("claims", harness::claims);
}

#[test]
fn number() {
    replay("number", harness::number);
}

#[test]
fn ingest() {
    replay("ingest", harness::ingest);
}

#[test]
fn report() {
    replay("report", harness::report);
}
