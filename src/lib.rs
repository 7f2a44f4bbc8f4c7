//! crosscheck: syndicated copies, numeric claims and their reconciliation across news outlets.
pub mod align;
pub mod claims;
pub mod cluster;
pub mod commands;
pub mod dedup;
pub mod error;
pub mod features;
pub mod ingest;
pub mod lsh;
pub mod minhash;
pub mod normalize;
pub mod output;
pub mod progress;
pub mod reconcile;
pub mod report;
pub mod shingle;
pub mod stories;
