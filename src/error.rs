//! The one error type of the crate.

use std::fmt;

/// Everything that can go wrong while cleaning. Nothing in the crate panics on bad input; it returns
/// one of these instead. [`Error::code`] gives a stable machine-readable name for each variant.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than [`crate::Options::max_input_bytes`].
    InputTooLarge {
        /// The configured limit in bytes.
        limit: usize,
        /// The size of the input in bytes.
        actual: usize,
    },
    /// An option has a value that cannot be used (the message says which and why).
    InvalidOptions(String),
    /// The input bytes could not be decoded to text.
    Decode(String),
}

impl Error {
    /// A stable code for the error kind: `INPUT_TOO_LARGE`, `INVALID_OPTIONS` or `DECODE`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InputTooLarge { .. } => "INPUT_TOO_LARGE",
            Error::InvalidOptions(_) => "INVALID_OPTIONS",
            Error::Decode(_) => "DECODE",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { limit, actual } => write!(
                f,
                "input is {actual} bytes, more than the limit of {limit} bytes (raise maxInputBytes to allow it)"
            ),
            Error::InvalidOptions(msg) => write!(f, "invalid options: {msg}"),
            Error::Decode(msg) => write!(f, "cannot decode input: {msg}"),
        }
    }
}

impl std::error::Error for Error {}
