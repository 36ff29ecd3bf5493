//! Reading documents: whole files, stdin, or JSON Lines, as a stream,
//! gzip- or zstd-compressed or not.
//!
//! Every problem with one document becomes a [`BadDocument`] that names the
//! file and line, so the caller can skip it or stop.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

use crate::args::InputFormat;
use crate::fields::Fields;
use crate::sniff::{self, Compression};

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// One document to process.
#[derive(Debug)]
pub struct Document {
    /// Where it came from, echoed in the output.
    pub origin: Origin,
    /// The document text.
    pub text: String,
    /// The `reference_date` a JSONL line carried, unparsed.
    pub reference_date: Option<String>,
    /// The `lang` a JSONL line carried, unparsed.
    pub lang: Option<String>,
    /// The `--keep-field` values of a JSONL line, to pass through.
    pub kept: Vec<(Arc<str>, Value)>,
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

    /// The document, or why it is bad; JSON lines are read for `fields`.
    pub fn parse(self, fields: &Fields) -> Result<Document, BadDocument> {
        match self {
            Pending::Line { bytes, path, line } => parse_line(fields, &bytes, &path, line),
            Pending::Ready(document) => document,
        }
    }
}

/// A stream of documents from the files (or stdin) in order.
pub struct Documents {
    format: InputFormat,
    pending: std::vec::IntoIter<PathBuf>,
    use_stdin: bool,
    // The JSON Lines file being read.
    current: Option<OpenFile>,
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
        let (name, reader) = if self.use_stdin {
            self.use_stdin = false;
            ("-".to_owned(), Ok(Box::new(io::stdin().lock()) as Box<dyn Read>))
        } else {
            let path = self.pending.next()?;
            let reader = if path.as_os_str() == "-" {
                Ok(Box::new(io::stdin().lock()) as Box<dyn Read>)
            } else {
                open_file(&path)
            };
            (display_path(&path), reader)
        };
        Some(match reader.and_then(sniff::decompressed) {
            Ok((reader, compression)) => Source { name, reader: Ok(reader), compression },
            Err(err) => Source { name, reader: Err(err), compression: None },
        })
    }

    fn next_jsonl(&mut self) -> Option<Pending> {
        loop {
            if self.current.is_none() {
                let Source { name, reader, compression } = self.next_source()?;
                match reader {
                    Ok(reader) => {
                        let reader = Box::new(BufReader::with_capacity(1 << 16, reader));
                        self.current = Some((reader, name.into(), 0, compression));
                    }
                    Err(err) => return Some(Pending::Ready(Err(unreadable(name, err)))),
                }
            }
            let (reader, name, line, compression) = self.current.as_mut().expect("set above");
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
                    // Without the line break, so that errors at the end of
                    // the line are placed on it.
                    let mut end = self.line_buf.len();
                    while end > 0 && matches!(self.line_buf[end - 1], b'\n' | b'\r') {
                        end -= 1;
                    }
                    // A byte order mark, as some Windows tools write, is not
                    // part of the first object.
                    let start =
                        if *line == 1 && self.line_buf.starts_with(BOM) { BOM.len() } else { 0 };
                    let bytes = self.line_buf[start..end.max(start)].to_vec();
                    return Some(Pending::Line { bytes, path: Arc::clone(name), line: *line });
                }
                Err(err) => {
                    let location = format!("{name}:{}", *line + 1);
                    let message = read_error(&err, *compression);
                    self.current = None;
                    return Some(Pending::Ready(Err(BadDocument { location, message })));
                }
            }
        }
    }

    fn next_file(&mut self) -> Option<Result<Document, BadDocument>> {
        let Source { name, reader, compression } = self.next_source()?;
        let mut reader = match reader {
            Ok(reader) => reader,
            Err(err) => return Some(Err(unreadable(name, err))),
        };
        let mut bytes = Vec::new();
        if let Err(err) = reader.read_to_end(&mut bytes) {
            let message = read_error(&err, compression);
            return Some(Err(BadDocument { location: name, message }));
        }
        Some(match String::from_utf8(bytes) {
            Ok(text) => Ok(Document {
                origin: Origin::File(name),
                text,
                reference_date: None,
                lang: None,
                kept: Vec::new(),
            }),
            Err(err) => {
                let offset = err.utf8_error().valid_up_to();
                let (line, column) = line_and_column(err.as_bytes(), offset);
                let hint = sniff::binary_hint(err.as_bytes());
                Err(BadDocument {
                    location: format!("{name}:{line}"),
                    message: format!("invalid UTF-8 at column {column}{hint}"),
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

/// A JSON Lines file being read: its reader, display name, the number of
/// the line last read, and its compression.
type OpenFile = (Box<dyn BufRead>, Arc<str>, u64, Option<Compression>);

/// One input file (or stdin) about to be read, decompressed.
struct Source {
    name: String,
    reader: io::Result<Box<dyn Read>>,
    compression: Option<Compression>,
}

/// Opens an input file, refusing a directory up front (reading one fails
/// later with a less helpful "Is a directory").
fn open_file(path: &Path) -> io::Result<Box<dyn Read>> {
    let file = File::open(path)?;
    if file.metadata()?.is_dir() {
        return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a directory, not a file"));
    }
    Ok(Box::new(file))
}

/// A failed read, naming the compression when the input had one (a
/// truncated or corrupt archive fails here).
fn read_error(err: &io::Error, compression: Option<Compression>) -> String {
    match compression {
        Some(compression) => format!(
            "cannot decompress {} input, which may be truncated or corrupt: {err}",
            compression.name()
        ),
        None => format!("read error: {err}"),
    }
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

fn parse_line(
    fields: &Fields,
    bytes: &[u8],
    name: &str,
    line: u64,
) -> Result<Document, BadDocument> {
    // Only a bad line needs its location spelled out.
    let location = || format!("{name}:{line}");
    // A SIMD validator: std's checks non-ASCII text a byte at a time, a
    // thirtieth of a Chinese or French `extract`.
    let line_text = match simdutf8::compat::from_utf8(bytes) {
        Ok(line_text) => line_text,
        Err(err) => {
            let column = err.valid_up_to() + 1;
            let hint = sniff::binary_hint(bytes);
            let message = format!("invalid UTF-8 at column {column}{hint}");
            return Err(BadDocument { location: location(), message });
        }
    };
    // From the validated `str`, so serde_json does not check UTF-8 again.
    match fields.read(line_text) {
        Ok(parsed) => Ok(Document {
            origin: Origin::Line { path: name.to_owned(), line, id: parsed.id },
            text: parsed.text,
            reference_date: parsed.reference_date,
            lang: parsed.lang,
            kept: parsed.kept,
        }),
        Err(message) => Err(BadDocument { location: location(), message }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn parse(pending: Pending) -> Result<Document, BadDocument> {
        pending.parse(&Fields::new("id", "text", "reference_date", "lang", &[]).unwrap())
    }

    fn jsonl_from(content: &[u8]) -> (tempfile::NamedTempFile, Vec<Result<Document, BadDocument>>) {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(content).unwrap();
        let docs =
            Documents::new(InputFormat::Jsonl, vec![file.path().to_owned()]).map(parse).collect();
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
    fn a_byte_order_mark_before_the_first_line_is_skipped() {
        let (_file, docs) =
            jsonl_from(b"\xef\xbb\xbf{\"text\": \"a\"}\n\xef\xbb\xbf{\"text\": \"b\"}\n");
        assert_eq!(docs[0].as_ref().unwrap().text, "a");
        // Only at the start of the file.
        assert!(docs[1].is_err());
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
        assert!(bad.message.starts_with("no \"text\" field"), "{}", bad.message);
    }

    #[test]
    fn compressed_files_are_read_by_their_bytes_not_their_names() {
        let text = b"{\"text\": \"a\"}\r\n{\"text\": \"b\"}\n";
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gzip.write_all(text).unwrap();
        let (_file, docs) = jsonl_from(&gzip.finish().unwrap());
        let texts: Vec<_> = docs.iter().map(|d| d.as_ref().unwrap().text.as_str()).collect();
        assert_eq!(texts, ["a", "b"]);
        let (_file, docs) = jsonl_from(&zstd::encode_all(&text[..], 3).unwrap());
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].as_ref().unwrap().text, "b");
    }

    #[test]
    fn a_truncated_archive_names_its_compression() {
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gzip.write_all(&b"{\"text\": \"a\"}\n".repeat(100)).unwrap();
        let bytes = gzip.finish().unwrap();
        let (_file, docs) = jsonl_from(&bytes[..bytes.len() / 2]);
        let bad = docs.last().unwrap().as_ref().unwrap_err();
        assert!(bad.message.starts_with("cannot decompress gzip input,"), "{}", bad.message);
    }

    #[test]
    fn a_directory_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let docs: Vec<_> =
            Documents::new(InputFormat::Text, vec![dir.path().to_owned()]).map(parse).collect();
        let bad = docs[0].as_ref().unwrap_err();
        assert_eq!(bad.message, "cannot read: is a directory, not a file");
    }

    #[test]
    fn invalid_utf8_in_a_text_file_names_line_and_column() {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(b"fine\nbad \xff byte\n").unwrap();
        let docs: Vec<_> =
            Documents::new(InputFormat::Text, vec![file.path().to_owned()]).map(parse).collect();
        let bad = docs[0].as_ref().unwrap_err();
        assert_eq!(bad.location, format!("{}:2", file.path().display()));
        assert_eq!(bad.message, "invalid UTF-8 at column 5");
    }

    #[test]
    fn missing_file_is_a_bad_document() {
        let docs: Vec<_> = Documents::new(InputFormat::Text, vec!["/no/such/file.txt".into()])
            .map(parse)
            .collect();
        let bad = docs[0].as_ref().unwrap_err();
        assert_eq!(bad.location, "/no/such/file.txt");
        assert!(bad.message.starts_with("cannot read:"), "{}", bad.message);
    }
}
