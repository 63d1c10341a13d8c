//! Options shared by every stage: tone style, input encoding, source name.

use std::fmt;

/// Where the tone mark goes in the open syllables `oa`, `oe`, `uy` (hòa/hoà, thủy/thuỷ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[non_exhaustive]
pub enum Tone {
    /// Traditional style, used by most official documents: hòa, khỏe, thủy, Ủy ban.
    #[default]
    Old,
    /// Modern style: hoà, khoẻ, thuỷ, Uỷ ban.
    New,
}

/// The byte encoding of an input document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[non_exhaustive]
pub enum Encoding {
    /// Detect the encoding from the bytes.
    #[default]
    Auto,
    /// UTF-8 (with or without BOM); UTF-16 with a BOM is also accepted here.
    Utf8,
    /// UTF-16 with a byte-order mark.
    #[cfg_attr(feature = "cli", value(skip))]
    Utf16,
    /// TCVN 5712:1993 VN3, the "ABC" fonts (`.VnTime`).
    Tcvn3,
    /// VNI-Windows (`VNI-Times`): ASCII base letter + a trailing mark byte.
    Vni,
    /// VISCII (RFC 1456).
    Viscii,
    /// VIQR: ASCII mnemonics after the letter (`Vie^.t Nam`).
    Viqr,
    /// Windows-1258, with combining tone marks.
    Cp1258,
}

impl Encoding {
    /// The lower-case name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Auto => "auto",
            Encoding::Utf8 => "utf8",
            Encoding::Utf16 => "utf16",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Viscii => "viscii",
            Encoding::Viqr => "viqr",
            Encoding::Cp1258 => "cp1258",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Options for decoding, normalising and extracting. Build with `Options::default()` and the
/// setters.
///
/// ```
/// let opts = vanban::Options::default().tone(vanban::Tone::New).source("a.txt");
/// assert_eq!(opts.tone_style(), vanban::Tone::New);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    tone: Tone,
    encoding: Encoding,
    source: Option<String>,
}

impl Options {
    /// Sets the tone-mark style of the output.
    pub fn tone(mut self, tone: Tone) -> Self {
        self.tone = tone;
        self
    }

    /// Sets the input encoding (`Encoding::Auto` detects it).
    pub fn encoding(mut self, encoding: Encoding) -> Self {
        self.encoding = encoding;
        self
    }

    /// Sets the source name written into the record.
    pub fn source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// The tone-mark style.
    pub fn tone_style(&self) -> Tone {
        self.tone
    }

    /// The input encoding.
    pub fn input_encoding(&self) -> Encoding {
        self.encoding
    }

    /// The source name, if set.
    pub fn source_name(&self) -> Option<&str> {
        self.source.as_deref()
    }
}
