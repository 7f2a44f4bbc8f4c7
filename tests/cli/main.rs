//! Integration tests: they drive the real binary on real inputs.

mod util;

mod check;
mod dedup;
mod events;
mod hostile;
mod html;
mod input_errors;
mod provenance;
mod report;
mod shared_data;
mod spark;
mod stream;
