//! One module per verb. Each `run` writes to the given output and returns an [`Outcome`].

pub mod extract;
pub mod fold;
#[cfg(feature = "search")]
pub mod index;
pub mod normalize;
#[cfg(feature = "search")]
pub mod search;

/// How a verb went: the number of inputs that failed (each already reported on stderr).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Inputs that could not be processed.
    pub failed: usize,
}
