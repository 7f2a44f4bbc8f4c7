//! Numeric claims (work in progress).
