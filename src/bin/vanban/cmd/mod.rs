//! One module per verb. Each `run` writes to the given output and returns an [`Outcome`].

pub mod extract;
pub mod fold;
#[cfg(feature = "search")]
pub mod index;
pub mod normalize;
#[cfg(feature = "search")]
pub mod search;

use std::fmt;

/// How a verb went: the number of inputs that failed (each already reported on stderr).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Inputs that could not be processed.
    pub failed: usize,
}

impl Outcome {
    /// Reports one bad input on standard error ("vanban: a.bin: not a text document: …") and
    /// counts it.
    pub fn fail(&mut self, name: &str, cause: impl fmt::Display) {
        eprintln!("vanban: {name}: {cause}");
        self.failed += 1;
    }
}

/// The `-v` line for one input: what the decoder saw.
pub fn detected(
    name: &str,
    encoding: vanban::Encoding,
    confidence: f32,
    warnings: &[String],
) -> String {
    let mut line = format!("vanban: {name}: encoding {encoding} (confidence {confidence:.2})");
    // The decoder's own "detected encoding …" note says what the line already says.
    for warning in warnings
        .iter()
        .filter(|w| !w.starts_with("detected encoding"))
    {
        line.push_str("; ");
        line.push_str(warning);
    }
    line
}
