//! crosscheck: syndicated copies, numeric claims and their reconciliation across news outlets.
pub mod claims;
