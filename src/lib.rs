//! crosscheck: syndicated copies, numeric claims and their reconciliation across news outlets.
pub mod claims;
pub mod cluster;
pub mod clusters_in;
pub mod commands;
pub mod dedup;
pub mod error;
pub mod ingest;
pub mod lsh;
pub mod minhash;
pub mod normalize;
pub mod output;
pub mod shingle;
pub mod sign;
