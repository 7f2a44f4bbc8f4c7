//! See `crosscheck_fuzz::report` (fuzz/src/lib.rs) for what this target checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| crosscheck_fuzz::report(data));
