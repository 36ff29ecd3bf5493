//! Reading documents: whole files, stdin, or JSON Lines, as a stream.
//!
//! Every problem with one document becomes a [`BadDocument`] that names the
//! file and line, so the caller can skip it or stop.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use serde_json::Value;

use crate::args::InputFormat;

/// One document to process.
#[derive(Debug)]
pub struct Document {
    /// Where it came from, echoed in the output.
    pub origin: Origin,
    /// The document text.
    pub text: String,
    /// The `reference_date` a JSONL line carried, unparsed.
    pub reference_date: Option<String>,
}

/// Where a document came from.
#[derive(Debug, Clone)]
pub enum Origin {
    /// A whole file, or `-` for stdin.
    File(String),
    /// One line of a JSON Lines file; `id` as the line gave it.
    Line { path: String, line: u64, id: Option<Value> },
}

impl Origin {
    /// The location for messages: `path` or `path:line`.
    pub fn location(&self) -> String {
        match self {
            Origin::File(path) => path.clone(),
            Origin::Line { path, line, .. } => format!("{path}:{line}"),
        }
    }
}

/// A document that could not be read, with where and why.
#[derive(Debug)]
pub struct BadDocument {
    /// `path` or `path:line`.
    pub location: String,
    /// What was wrong.
    pub message: String,
}

impl std::fmt::Display for BadDocument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// A document as the reader found it: a JSON line not parsed yet, or a
/// whole file already read. Parsing is left to [`Pending::parse`], so that
/// it runs on the worker threads while one thread only reads.
#[derive(Debug)]
pub enum Pending {
    /// One line of a JSON Lines file, as read.
    Line { bytes: Vec<u8>, path: Arc<str>, line: u64 },
    /// A whole-file document, or a problem found while reading.
    Ready(Result<Document, BadDocument>),
}

impl Pending {
    /// Its size in bytes as read, to bound how much is in flight.
    pub fn len(&self) -> usize {
        match self {
            Pending::Line { bytes, .. } => bytes.len(),
            Pending::Ready(document) => document.as_ref().map_or(0, |d| d.text.len()),
        }
    }

    /// The document, or why it is bad.
    pub fn parse(self) -> Result<Document, BadDocument> {
        match self {
            Pending::Line { bytes, path, line } => parse_line(&bytes, &path, line),
            Pending::Ready(document) => document,
        }
    }
}

/// A stream of documents from the files (or stdin) in order.
pub struct Documents {
    format: InputFormat,
    pending: std::vec::IntoIter<PathBuf>,
    use_stdin: bool,
    // The JSON Lines file being read, with its display name and line number.
    current: Option<(Box<dyn BufRead>, Arc<str>, u64)>,
    // Lines are read here and copied out at their exact size, rather than
    // each growing a new buffer from empty.
    line_buf: Vec<u8>,
}

impl Documents {
    /// Reads `files`, or stdin when `files` is empty.
    pub fn new(format: InputFormat, files: Vec<PathBuf>) -> Documents {
        let use_stdin = files.is_empty();
        Documents {
            format,
            pending: files.into_iter(),
            use_stdin,
            current: None,
            line_buf: Vec::new(),
        }
    }

    fn next_source(&mut self) -> Option<Source> {
        if self.use_stdin {
            self.use_stdin = false;
            return Some(Source { name: "-".to_owned(), reader: Ok(Box::new(io::stdin().lock())) });
        }
        let path = self.pending.next()?;
        let reader = if path.as_os_str() == "-" {
            Ok(Box::new(io::stdin().lock()) as Box<dyn Read>)
        } else {
            File::open(&path).map(|f| Box::new(f) as Box<dyn Read>)
        };
        Some(Source { name: display_path(&path), reader })
    }

    fn next_jsonl(&mut self) -> Option<Pending> {
        loop {
            if self.current.is_none() {
                let Source { name, reader } = self.next_source()?;
                match reader {
                    Ok(reader) => {
                        let reader = Box::new(BufReader::with_capacity(1 << 16, reader));
                        self.current = Some((reader, name.into(), 0));
                    }
                    Err(err) => return Some(Pending::Ready(Err(unreadable(name, err)))),
                }
            }
            let (reader, name, line) = self.current.as_mut().expect("set above");
            self.line_buf.clear();
            match reader.read_until(b'\n', &mut self.line_buf) {
                Ok(0) => {
                    self.current = None;
                    continue;
                }
                Ok(_) => {
                    *line += 1;
                    if self.line_buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let bytes = self.line_buf.clone();
                    return Some(Pending::Line { bytes, path: Arc::clone(name), line: *line });
                }
                Err(err) => {
                    let location = format!("{name}:{}", *line + 1);
                    self.current = None;
                    return Some(Pending::Ready(Err(BadDocument {
                        location,
                        message: format!("read error: {err}"),
                    })));
                }
            }
        }
    }

    fn next_file(&mut self) -> Option<Result<Document, BadDocument>> {
        let Source { name, reader } = self.next_source()?;
        let mut bytes = Vec::new();
        if let Err(err) = reader.and_then(|mut r| r.read_to_end(&mut bytes)) {
            return Some(Err(unreadable(name, err)));
        }
        Some(match String::from_utf8(bytes) {
            Ok(text) => Ok(Document { origin: Origin::File(name), text, reference_date: None }),
            Err(err) => {
                let (line, column) =
                    line_and_column(err.as_bytes(), err.utf8_error().valid_up_to());
                Err(BadDocument {
                    location: format!("{name}:{line}"),
                    message: format!("invalid UTF-8 at column {column}"),
                })
            }
        })
    }
}

impl Iterator for Documents {
    type Item = Pending;

    fn next(&mut self) -> Option<Self::Item> {
        match self.format {
            InputFormat::Text => self.next_file().map(Pending::Ready),
            InputFormat::Jsonl => self.next_jsonl(),
        }
    }
}

/// One input file (or stdin) about to be read.
struct Source {
    name: String,
    reader: io::Result<Box<dyn Read>>,
}

fn display_path(path: &Path) -> String {
    if path.as_os_str() == "-" { "-".to_owned() } else { path.display().to_string() }
}

fn unreadable(name: String, err: io::Error) -> BadDocument {
    BadDocument { location: name, message: format!("cannot read: {err}") }
}

/// The 1-based line and column (in bytes) of `offset` in `bytes`.
fn line_and_column(bytes: &[u8], offset: usize) -> (u64, usize) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    let column = offset - before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
    (line, column)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonLine {
    #[serde(default)]
    id: Option<Value>,
    text: String,
    #[serde(default)]
    reference_date: Option<String>,
}

fn parse_line(bytes: &[u8], name: &str, line: u64) -> Result<Document, BadDocument> {
    // Only a bad line needs its location spelled out.
    let location = || format!("{name}:{line}");
    let line_text = match std::str::from_utf8(bytes) {
        Ok(line_text) => line_text,
        Err(err) => {
            let column = err.valid_up_to() + 1;
            let message = format!("invalid UTF-8 at column {column}");
            return Err(BadDocument { location: location(), message });
        }
    };
    // From the validated `str`, so serde_json does not check UTF-8 again.
    match serde_json::from_str::<JsonLine>(line_text) {
        Ok(parsed) => Ok(Document {
            origin: Origin::Line { path: name.to_owned(), line, id: parsed.id },
            text: parsed.text,
            reference_date: parsed.reference_date,
        }),
        Err(err) => Err(BadDocument { location: location(), message: describe_json_error(&err) }),
    }
}

/// serde_json's message without its "at line 1 column N" suffix (the line
/// is always 1 here), with the column put where people look for it.
fn describe_json_error(err: &serde_json::Error) -> String {
    let message = err.to_string();
    let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
    format!("malformed JSON line at column {}: {message}", err.column())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn jsonl_from(content: &[u8]) -> (tempfile::NamedTempFile, Vec<Result<Document, BadDocument>>) {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(content).unwrap();
        let docs = Documents::new(InputFormat::Jsonl, vec![file.path().to_owned()])
            .map(Pending::parse)
            .collect();
        (file, docs)
    }

    #[test]
    fn jsonl_lines_become_documents_and_blank_lines_are_skipped() {
        let (_file, docs) =
            jsonl_from(b"{\"id\": 7, \"text\": \"a\"}\n\n{\"text\": \"b\", \"reference_date\": \"2024-07-24\"}\n");
        assert_eq!(docs.len(), 2);
        let second = docs[1].as_ref().unwrap();
        assert_eq!(second.text, "b");
        assert_eq!(second.reference_date.as_deref(), Some("2024-07-24"));
        assert!(matches!(&second.origin, Origin::Line { line: 3, id: None, .. }));
    }

    #[test]
    fn malformed_line_names_the_line_and_reading_goes_on() {
        let (file, docs) = jsonl_from(b"{\"text\": \"a\"}\n{\"text\": \n{\"text\": \"c\"}\n");
        let bad = docs[1].as_ref().unwrap_err();
        assert_eq!(bad.location, format!("{}:2", file.path().display()));
        assert!(bad.message.starts_with("malformed JSON line at column"), "{}", bad.message);
        assert_eq!(docs[2].as_ref().unwrap().text, "c");
    }

    #[test]
    fn missing_text_field_is_reported() {
        let (_file, docs) = jsonl_from(b"{\"id\": \"x\"}\n");
        let bad = docs[0].as_ref().unwrap_err();
        assert!(bad.message.contains("missing field `text`"), "{}", bad.message);
    }

    #[test]
    fn invalid_utf8_in_a_text_file_names_line_and_column() {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(b"fine\nbad \xff byte\n").unwrap();
        let docs: Vec<_> = Documents::new(InputFormat::Text, vec![file.path().to_owned()])
            .map(Pending::parse)
            .collect();
        let bad = docs[0].as_ref().unwrap_err();
        assert_eq!(bad.location, format!("{}:2", file.path().display()));
        assert_eq!(bad.message, "invalid UTF-8 at column 5");
    }

    #[test]
    fn missing_file_is_a_bad_document() {
        let docs: Vec<_> = Documents::new(InputFormat::Text, vec!["/no/such/file.txt".into()])
            .map(Pending::parse)
            .collect();
        let bad = docs[0].as_ref().unwrap_err();
        assert_eq!(bad.location, "/no/such/file.txt");
        assert!(bad.message.starts_with("cannot read:"), "{}", bad.message);
    }
}
