//! The crate's one error type.

use core::fmt;

/// An error from configuring a tokenizer, e.g. parsing an unknown
/// [`Mode`](crate::Mode) or [`Lang`](crate::Lang).
///
/// Text never causes an error: every `&str` tokenizes and splits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    UnknownMode { value: String },
    UnknownLang { value: String },
}

impl Error {
    /// A mode name that is not one of [`Mode::NAMES`](crate::Mode::NAMES).
    pub(crate) fn unknown_mode(value: &str) -> Error {
        Error { kind: ErrorKind::UnknownMode { value: value.to_owned() } }
    }

    /// A language tag whose primary subtag is not in [`Lang::ALL`](crate::Lang::ALL).
    pub(crate) fn unknown_lang(value: &str) -> Error {
        Error { kind: ErrorKind::UnknownLang { value: value.to_owned() } }
    }

    /// Whether this error is an unsupported language tag.
    pub fn is_unknown_lang(&self) -> bool {
        matches!(self.kind, ErrorKind::UnknownLang { .. })
    }

    /// Whether this error is an unknown mode name.
    pub fn is_unknown_mode(&self) -> bool {
        matches!(self.kind, ErrorKind::UnknownMode { .. })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::UnknownMode { value } => {
                write!(f, "unknown tokenizer mode {value:?} (expected one of: ")?;
                for (i, name) in crate::Mode::NAMES.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(name)?;
                }
                f.write_str(")")
            }
            ErrorKind::UnknownLang { value } => {
                write!(f, "unsupported language {value:?} (supported: ")?;
                for (i, lang) in crate::Lang::ALL.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(lang.code())?;
                }
                f.write_str(")")
            }
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_quotes_value_and_lists_modes() {
        let err = Error::unknown_mode("fast");
        assert!(err.is_unknown_mode());
        assert_eq!(
            err.to_string(),
            r#"unknown tokenizer mode "fast" (expected one of: default, treebank)"#
        );
    }
}
