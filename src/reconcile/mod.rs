//! Reconciliation: which claims of different outlets state one fact, and whether they can both be true.
//!
//! The stage runs in three steps, each in its own file, data flowing one way:
//!
//! 1. [`facts`]: a fact key on every claim (the attribute measured, whose figure, when, part of what,
//!    actual or planned, who says so), read from the claim's sentence with the word lists of
//!    `data/facts.tsv`;
//! 2. [`context`], [`align`] and [`model`]: candidate pairs of figures across outlets whose keys unify, each with
//!    a calibrated confidence from a logistic model fitted on labelled pairs (`data/align-model.tsv`);
//! 3. [`verdict`]: `consistent`, `conflict`, `update` or `attributed`, with the reason.

pub mod align;
pub mod context;
pub mod facts;
pub mod model;
pub mod verdict;

pub use verdict::*;
