//! The crate's one error type.

use core::fmt;

/// An error from building a [`Matcher`](crate::Matcher) or loading a
/// compiled one.
///
/// Text never causes an error: a search over any `&str` simply finds what it
/// finds. Errors come from patterns that cannot be matched (for example one
/// that normalizes to nothing) and from compiled bytes that are truncated,
/// corrupted or not a dateline matcher at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    /// The pattern normalizes to the empty string.
    EmptyPattern { index: usize, pattern: String },
    /// More patterns (or pattern bytes) than the compact representation holds.
    TooLarge { what: &'static str, limit: u64 },
    /// Compiled bytes failed validation.
    InvalidData { offset: usize, message: &'static str },
}

impl BuildError {
    pub(crate) fn empty_pattern(index: usize, pattern: &str) -> BuildError {
        BuildError { kind: ErrorKind::EmptyPattern { index, pattern: pattern.to_owned() } }
    }

    pub(crate) fn too_large(what: &'static str, limit: u64) -> BuildError {
        BuildError { kind: ErrorKind::TooLarge { what, limit } }
    }

    pub(crate) fn invalid_data(offset: usize, message: &'static str) -> BuildError {
        BuildError { kind: ErrorKind::InvalidData { offset, message } }
    }

    /// The offending pattern's text, when one pattern caused the error.
    pub fn pattern(&self) -> Option<&str> {
        match &self.kind {
            ErrorKind::EmptyPattern { pattern, .. } => Some(pattern),
            _ => None,
        }
    }

    /// The offending pattern's index in insertion order, when one pattern
    /// caused the error.
    pub fn pattern_index(&self) -> Option<usize> {
        match &self.kind {
            ErrorKind::EmptyPattern { index, .. } => Some(*index),
            _ => None,
        }
    }

    /// Whether a pattern normalized to nothing (empty, only whitespace, or
    /// only marks that accent folding removes).
    pub fn is_empty_pattern(&self) -> bool {
        matches!(self.kind, ErrorKind::EmptyPattern { .. })
    }

    /// Whether the input exceeded a size limit of the compiled form.
    pub fn is_too_large(&self) -> bool {
        matches!(self.kind, ErrorKind::TooLarge { .. })
    }

    /// Whether compiled bytes given to
    /// [`Matcher::read_from`](crate::Matcher::read_from) were invalid
    /// (truncated, corrupted, foreign or of another format version).
    pub fn is_invalid_data(&self) -> bool {
        matches!(self.kind, ErrorKind::InvalidData { .. })
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::EmptyPattern { index, pattern } => {
                write!(f, "pattern {index} ({pattern:?}) is empty after normalization")
            }
            ErrorKind::TooLarge { what, limit } => {
                write!(f, "too many {what}: the compiled matcher holds at most {limit}")
            }
            ErrorKind::InvalidData { offset, message } => {
                write!(f, "invalid compiled matcher at byte {offset}: {message}")
            }
        }
    }
}

impl std::error::Error for BuildError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_quotes_the_pattern() {
        let err = BuildError::empty_pattern(3, "  \n");
        assert_eq!(err.to_string(), r#"pattern 3 ("  \n") is empty after normalization"#);
        assert_eq!(err.pattern(), Some("  \n"));
        assert_eq!(err.pattern_index(), Some(3));
        assert!(err.is_empty_pattern() && !err.is_invalid_data());
    }

    #[test]
    fn display_names_the_offset() {
        let err = BuildError::invalid_data(12, "truncated");
        assert_eq!(err.to_string(), "invalid compiled matcher at byte 12: truncated");
        assert!(err.is_invalid_data());
    }
}
