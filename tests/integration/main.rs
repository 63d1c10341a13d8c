//! Integration tests: the real CLI on real documents.
//!
//! One test binary (`cargo test --test integration`). `cli` and `eval` run the `vanban` binary,
//! which needs the `cli` feature.

#[cfg(feature = "cli")]
mod cli;
#[cfg(feature = "cli")]
mod containers;
#[cfg(feature = "cli")]
mod eval;
mod normalize;
mod robust;
#[cfg(feature = "search")]
mod search;
mod snapshots;
