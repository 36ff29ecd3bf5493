//! The error type of this crate.

use std::fmt;
use std::path::{Path, PathBuf};

/// An error that occurred while loading, building, saving or reading a
/// gazetteer.
///
/// Errors say *where*: the file (when the input came from one), the line and,
/// where it helps, the column. `Display` prints the whole chain joined by
/// `": "`, for example:
///
/// ```text
/// loading gazetteer "names.tsv": line 17: expected 3 tab-separated fields, found 2
/// ```
///
/// The underlying cause, if any (an I/O error, a JSON syntax error, a matcher
/// build error), is also available through [`std::error::Error::source`].
/// Matching text never produces an error.
pub struct Error {
    kind: ErrorKind,
    path: Option<PathBuf>,
    line: Option<u64>,
    column: Option<u64>,
    /// Whether the error came from saving, not loading, a file.
    saving: bool,
}

#[derive(Debug)]
enum ErrorKind {
    Io(std::io::Error),
    InvalidUtf8 { hint: Option<&'static str> },
    Header { found: String },
    FieldCount { expected: usize, found: usize },
    EmptyField { field: &'static str },
    TooLong { field: &'static str, len: usize },
    InvalidCase { value: String },
    InvalidPrior { value: String },
    InvalidLang { message: String },
    Json(serde_json::Error),
    JsonField { message: String },
    Build { message: String, source: Option<Box<dyn std::error::Error + Send + Sync>> },
    Format { message: String },
}

impl Error {
    pub(crate) fn io(err: std::io::Error) -> Error {
        Error::new(ErrorKind::Io(err))
    }

    /// Invalid UTF-8 in `line`, with a hint when the line looks like the
    /// start of a compressed or binary file rather than text.
    pub(crate) fn invalid_utf8(line: &[u8]) -> Error {
        let hint = if line.starts_with(&[0x1f, 0x8b]) {
            Some("the file looks gzip-compressed: decompress it first (gunzip)")
        } else if line.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Some("the file looks zstd-compressed: decompress it first (unzstd)")
        } else if line.starts_with(b"DLGAZET\0") {
            Some("this is a compiled gazetteer: open it with Gazetteer::load")
        } else if line.contains(&0) {
            Some("the file looks like binary data, not a TSV or JSON Lines gazetteer")
        } else {
            None
        };
        Error::new(ErrorKind::InvalidUtf8 { hint })
    }

    pub(crate) fn header(found: &str) -> Error {
        Error::new(ErrorKind::Header { found: truncate(found) })
    }

    pub(crate) fn field_count(expected: usize, found: usize) -> Error {
        Error::new(ErrorKind::FieldCount { expected, found })
    }

    pub(crate) fn empty_field(field: &'static str) -> Error {
        Error::new(ErrorKind::EmptyField { field })
    }

    pub(crate) fn too_long(field: &'static str, len: usize) -> Error {
        Error::new(ErrorKind::TooLong { field, len })
    }

    pub(crate) fn invalid_case(value: &str) -> Error {
        Error::new(ErrorKind::InvalidCase { value: truncate(value) })
    }

    pub(crate) fn invalid_prior(value: &str) -> Error {
        Error::new(ErrorKind::InvalidPrior { value: truncate(value) })
    }

    /// An unsupported language code in a `lang` column or field; `message`
    /// is the tokenizer's, which lists the supported codes.
    pub(crate) fn invalid_lang(message: &str) -> Error {
        Error::new(ErrorKind::InvalidLang { message: message.to_owned() })
    }

    pub(crate) fn json(err: serde_json::Error) -> Error {
        let column = err.column() as u64;
        Error::new(ErrorKind::Json(err)).with_column(column)
    }

    pub(crate) fn json_field(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::JsonField { message: message.into() })
    }

    pub(crate) fn build(
        message: impl Into<String>,
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Error {
        Error::new(ErrorKind::Build { message: message.into(), source })
    }

    pub(crate) fn format(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Format { message: message.into() })
    }

    fn new(kind: ErrorKind) -> Error {
        Error { kind, path: None, line: None, column: None, saving: false }
    }

    /// Marks the error as one from saving a file, which its message says.
    pub(crate) fn saving(mut self) -> Error {
        self.saving = true;
        self
    }

    pub(crate) fn with_path(mut self, path: &Path) -> Error {
        self.path = Some(path.to_path_buf());
        self
    }

    pub(crate) fn with_line(mut self, line: u64) -> Error {
        self.line = Some(line);
        self
    }

    pub(crate) fn with_column(mut self, column: u64) -> Error {
        if column > 0 {
            self.column = Some(column);
        }
        self
    }

    /// The file the error is about, when the input came from a file.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The 1-based line of the input the error is about, when known.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The 1-based column (in characters) of the input the error is about,
    /// when known.
    pub fn column(&self) -> Option<u64> {
        self.column
    }

    /// Whether the error is an I/O error (file not found, permission denied,
    /// a failing reader), as opposed to malformed content.
    pub fn is_io(&self) -> bool {
        matches!(self.kind, ErrorKind::Io(_))
    }

    /// Whether the error comes from reading a saved gazetteer that is
    /// truncated, corrupted, of another version, or not a gazetteer at all.
    pub fn is_format(&self) -> bool {
        matches!(self.kind, ErrorKind::Format { .. })
    }
}

/// Keeps quoted user values short in messages (a 10 KB name must not become
/// a 10 KB error message).
pub(crate) fn truncate(value: &str) -> String {
    const MAX: usize = 60;
    match value.char_indices().nth(MAX) {
        None => value.to_string(),
        Some((i, _)) => format!("{}…", &value[..i]),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, &self.kind) {
            (Some(path), _) if self.saving => {
                write!(f, "saving gazetteer {:?}: ", path.display().to_string())?
            }
            (None, _) if self.saving => f.write_str("saving gazetteer: ")?,
            (Some(path), ErrorKind::Format { .. }) => {
                write!(f, "reading compiled gazetteer {:?}: ", path.display().to_string())?
            }
            (Some(path), _) => write!(f, "loading gazetteer {:?}: ", path.display().to_string())?,
            (None, ErrorKind::Format { .. }) => f.write_str("reading compiled gazetteer: ")?,
            (None, ErrorKind::Build { .. }) => f.write_str("building gazetteer: ")?,
            (None, _) => f.write_str("loading gazetteer: ")?,
        }
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "line {line}, column {column}: ")?,
            (Some(line), None) => write!(f, "line {line}: ")?,
            _ => {}
        }
        self.fmt_kind(f)
    }
}

impl Error {
    /// The message of the error without its location, for nesting in
    /// another error's message.
    pub(crate) fn detail(&self) -> String {
        struct Detail<'a>(&'a Error);
        impl fmt::Display for Detail<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt_kind(f)
            }
        }
        Detail(self).to_string()
    }

    fn fmt_kind(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Io(err) => write!(f, "{err}"),
            ErrorKind::InvalidUtf8 { hint: None } => f.write_str("invalid UTF-8"),
            ErrorKind::InvalidUtf8 { hint: Some(hint) } => write!(f, "invalid UTF-8 ({hint})"),
            ErrorKind::Header { found } => write!(
                f,
                "expected a header line naming the columns name, label and id, found {found:?}"
            ),
            ErrorKind::FieldCount { expected, found } => {
                write!(f, "expected {expected} tab-separated fields, found {found}")
            }
            ErrorKind::EmptyField { field } => write!(f, "empty {field}"),
            ErrorKind::TooLong { field, len } => write!(
                f,
                "{field} is {len} bytes long, more than the limit of {} bytes",
                crate::entry::MAX_NAME_LEN
            ),
            ErrorKind::InvalidCase { value } => {
                write!(f, "invalid case {value:?} (expected exact, fold or auto)")
            }
            ErrorKind::InvalidPrior { value } => {
                write!(f, "invalid prior {value:?} (expected a finite number)")
            }
            ErrorKind::InvalidLang { message } => write!(f, "invalid lang: {message}"),
            ErrorKind::Json(err) => write!(f, "invalid JSON: {err}"),
            ErrorKind::JsonField { message } => f.write_str(message),
            ErrorKind::Build { message, source } => match source {
                Some(source) => write!(f, "{message}: {source}"),
                None => f.write_str(message),
            },
            ErrorKind::Format { message } => f.write_str(message),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.kind)
            .field("path", &self.path)
            .field("line", &self.line)
            .field("column", &self.column)
            .field("saving", &self.saving)
            .field("message", &self.to_string())
            .finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(err) => Some(err),
            ErrorKind::Json(err) => Some(err),
            ErrorKind::Build { source: Some(source), .. } => Some(&**source),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_and_cause() {
        let err = Error::field_count(3, 2).with_line(17).with_path(Path::new("names.tsv"));
        assert_eq!(
            err.to_string(),
            r#"loading gazetteer "names.tsv": line 17: expected 3 tab-separated fields, found 2"#
        );
        assert_eq!(err.path(), Some(Path::new("names.tsv")));
        assert_eq!(err.line(), Some(17));
        assert!(!err.is_io());
    }

    #[test]
    fn long_values_are_truncated() {
        let value = "x".repeat(10_000);
        let message = Error::invalid_case(&value).to_string();
        assert!(message.len() < 200, "{message}");
    }

    #[test]
    fn io_errors_chain_their_source() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        let err = Error::io(io).with_path(Path::new("x.tsv"));
        assert!(err.is_io());
        assert!(std::error::Error::source(&err).is_some());
        assert_eq!(err.to_string(), r#"loading gazetteer "x.tsv": gone"#);
    }

    /// Saving failed with "loading gazetteer ...".
    #[test]
    fn regression_save_errors_say_saving() {
        let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied");
        let err = Error::io(io).with_path(Path::new("out.gz")).saving();
        assert_eq!(err.to_string(), r#"saving gazetteer "out.gz": denied"#);
    }

    /// A gzip file read as a gazetteer said only "invalid UTF-8".
    #[test]
    fn regression_invalid_utf8_hints_at_compressed_and_binary_files() {
        for (line, hint) in [
            (&b"\x1f\x8b\x08\x00"[..], "gzip-compressed"),
            (b"\x28\xb5\x2f\xfd\x04", "zstd-compressed"),
            (b"DLGAZET\0\x01", "compiled gazetteer"),
            (b"\x7fELF\x02\x00\xff", "binary data"),
        ] {
            let message = Error::invalid_utf8(line).to_string();
            assert!(message.contains(hint), "{message}");
        }
        assert_eq!(Error::invalid_utf8(b"caf\xe9").to_string(), "loading gazetteer: invalid UTF-8");
    }
}
