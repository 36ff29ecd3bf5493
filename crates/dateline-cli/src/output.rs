//! Writing results: JSON Lines, a JSON array, a text listing or a TSV
//! table (an HTML page is `dateline::html`'s), to stdout or atomically to
//! a file.

use std::fs;
use std::io::{self, IoSlice, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use dateline::Lang;
use serde::Serialize;
use serde_json::Value;

use crate::args::OutputFormat;
use crate::input::Origin;
use crate::interrupt;

/// One document's results together with where the document came from.
///
/// Serializes as `{"id": ...}` (JSONL input with an id), or `{"source":
/// path}` plus `"line"` for JSONL lines without one, then `"lang"` when
/// the document's language was chosen (see [`crate::lang`]), the kept
/// input fields, and the record's own fields.
#[derive(Serialize)]
pub struct Labeled<'a, R> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'static str>,
    #[serde(flatten)]
    kept: Kept<'a>,
    #[serde(flatten)]
    record: R,
}

/// The `--keep-field` values, serialized as fields of the record.
struct Kept<'a>(&'a [(Arc<str>, Value)]);

impl Serialize for Kept<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(name, value)| (&**name, value)))
    }
}

impl<'a, R> Labeled<'a, R> {
    pub fn new(origin: &'a Origin, record: R) -> Labeled<'a, R> {
        let (id, source, line) = match origin {
            Origin::File(path) => (None, Some(path.as_str()), None),
            Origin::Line { id: Some(id), .. } => (Some(id), None, None),
            Origin::Line { path, line, id: None } => (None, Some(path.as_str()), Some(*line)),
        };
        Labeled { id, source, line, lang: None, kept: Kept(&[]), record }
    }

    /// Says the document's language, after the origin.
    pub fn with_lang(mut self, lang: Option<Lang>) -> Labeled<'a, R> {
        self.lang = lang.map(Lang::code);
        self
    }

    /// Adds the kept input fields, after the origin and before the record.
    pub fn with_kept(mut self, kept: &'a [(Arc<str>, Value)]) -> Labeled<'a, R> {
        self.kept = Kept(kept);
        self
    }
}

/// Serializes one document's results in `format` into `out`.
///
/// Documents are rendered in parallel, each on its own; [`separator`] and
/// [`closing`] put them together.
pub fn render<R: Serialize>(format: OutputFormat, record: &R, out: &mut Vec<u8>) -> io::Result<()> {
    match format {
        OutputFormat::Jsonl => {
            serde_json::to_writer(&mut *out, record)?;
            out.push(b'\n');
        }
        OutputFormat::Json => serde_json::to_writer_pretty(&mut *out, record)?,
        OutputFormat::Text => render_text(&serde_json::to_value(record)?, out)?,
        OutputFormat::Tsv => render_tsv(&serde_json::to_value(record)?, out)?,
        // Pages are made of `dateline::html::Section`s, not records (see
        // `Emit::page`); a subcommand without one refuses `--format html`
        // before it starts, so no record arrives here.
        OutputFormat::Html => {}
    }
    Ok(())
}

/// The TSV header line.
pub const TSV_HEADER: &[u8] = b"doc\tkind\ttext\tstart\tend\tlabel_or_type\tid_or_value\n";

/// The lists of found items a record may hold, with the `kind` of a row.
const TSV_KINDS: &[(&str, &str)] =
    &[("sentences", "sentence"), ("entities", "entity"), ("dates", "date"), ("tokens", "token")];

/// One row per found item: the document, the kind of item, its text and
/// code-point offsets, its label (entities), type (dates) or kind
/// (tokens), and its id (entities) or value (dates). Other fields of the
/// record (the reference date, kept input fields) have no column.
fn render_tsv(record: &Value, out: &mut Vec<u8>) -> io::Result<()> {
    let doc = match (record.get("id"), record.get("source"), record.get("line")) {
        (Some(Value::String(id)), _, _) => id.clone(),
        (Some(id), _, _) => id.to_string(),
        (None, Some(source), Some(line)) => format!("{}:{line}", plain(source)),
        (None, Some(source), None) => plain(source),
        (None, None, _) => String::new(),
    };
    for (list, kind) in TSV_KINDS {
        let Some(Value::Array(items)) = record.get(*list) else { continue };
        for item in items {
            let field = |name: &str| item.get(name).map(plain).unwrap_or_default();
            let first = |names: &[&str]| {
                names.iter().map(|n| field(n)).find(|s| !s.is_empty()).unwrap_or_default()
            };
            let fields = [
                doc.as_str(),
                kind,
                &field("text"),
                &field("start"),
                &field("end"),
                &first(&["label", "type", "kind"]),
                &first(&["id", "value"]),
            ];
            for (i, value) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(b'\t');
                }
                write_tsv_field(out, value);
            }
            out.push(b'\n');
        }
    }
    Ok(())
}

/// A field with the characters that would break a row escaped: `\\`,
/// `\t`, `\n`, `\r`. Everything else is written as it is.
fn write_tsv_field(out: &mut Vec<u8>, field: &str) {
    for byte in field.bytes() {
        match byte {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(byte),
        }
    }
}

/// What goes before a document.
pub fn separator(format: OutputFormat, first: bool) -> &'static [u8] {
    match (format, first) {
        (OutputFormat::Json, true) => b"[\n",
        (OutputFormat::Json, false) => b",\n",
        (OutputFormat::Text, false) => b"\n",
        (OutputFormat::Tsv, true) => TSV_HEADER,
        _ => b"",
    }
}

/// What closes the output once every document is written.
pub fn closing(format: OutputFormat, wrote_any: bool) -> &'static [u8] {
    match (format, wrote_any) {
        (OutputFormat::Json, true) => b"\n]\n",
        (OutputFormat::Json, false) => b"[]\n",
        // A table with no rows still says its columns.
        (OutputFormat::Tsv, false) => TSV_HEADER,
        _ => b"",
    }
}

/// The listing for people: scalar fields as `key: value`, then each list of
/// spans as aligned rows `start-end  tag  value  text`.
fn render_text(record: &Value, out: &mut Vec<u8>) -> io::Result<()> {
    let Value::Object(fields) = record else { return writeln!(out, "{record}") };
    for (key, value) in fields.iter().filter(|(_, v)| !v.is_array()) {
        match value {
            Value::String(s) => writeln!(out, "{key}: {s}")?,
            other => writeln!(out, "{key}: {other}")?,
        }
    }
    for (key, value) in fields {
        let Value::Array(items) = value else { continue };
        writeln!(out, "{key} ({}):", items.len())?;
        for item in items {
            let field = |name: &str| item.get(name).map(plain).unwrap_or_default();
            let tag = ["label", "type", "kind"].iter().map(|n| field(n)).find(|s| !s.is_empty());
            let detail = ["id", "value", "rule"].iter().map(|n| field(n)).find(|s| !s.is_empty());
            let range = format!("{}-{}", field("start"), field("end"));
            let text = field("text").replace('\n', "⏎");
            writeln!(
                out,
                "  {range:>13}  {:<10} {:<14} {text}",
                tag.unwrap_or_default(),
                detail.unwrap_or_default()
            )?;
        }
    }
    Ok(())
}

fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Where output goes: stdout, or a temporary file that replaces the target
/// only when [`Sink::finish`] is called.
pub enum Sink {
    Stdout(io::Stdout),
    File { temp: tempfile::NamedTempFile, target: PathBuf },
}

impl Sink {
    /// Stdout, or a temporary file beside `target` that is removed if the
    /// run is interrupted by SIGINT or SIGTERM.
    ///
    /// The file gets the mode a new file would (0666 less the umask), or
    /// the mode of the file it will replace, not the 0600 of a temporary
    /// file.
    pub fn open(target: Option<PathBuf>) -> anyhow::Result<Sink> {
        let Some(target) = target else { return Ok(Sink::Stdout(io::stdout())) };
        let dir = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
            _ => PathBuf::from("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".dateline-");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // open(2) takes the umask off this, as for any new file.
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let temp = builder
            .tempfile_in(&dir)
            .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
        if let Some(existing) = fs::metadata(&target).ok().filter(|m| m.is_file()) {
            temp.as_file().set_permissions(existing.permissions()).with_context(|| {
                format!("cannot give {} the mode of {}", temp.path().display(), target.display())
            })?;
        }
        interrupt::remove_on_signal(temp.path()).context("cannot watch for interrupts")?;
        Ok(Sink::File { temp, target })
    }

    /// The file the output goes to; `None` for stdout.
    pub fn target(&self) -> Option<&Path> {
        match self {
            Sink::Stdout(_) => None,
            Sink::File { target, .. } => Some(target),
        }
    }

    /// Writes whole documents, each piece in order; never part of one.
    pub fn write_all_vectored(&mut self, pieces: &mut [IoSlice<'_>]) -> io::Result<()> {
        match self {
            Sink::Stdout(stdout) => {
                let mut lock = stdout.lock();
                write_all_vectored(&mut lock, pieces)?;
                lock.flush()
            }
            Sink::File { temp, .. } => write_all_vectored(temp, pieces),
        }
    }

    /// Makes the output final: for a file, syncs it and renames it over the target.
    pub fn finish(self) -> anyhow::Result<()> {
        if let Sink::File { temp, target } = self {
            temp.as_file().sync_all().context("cannot sync the output file")?;
            let temp_path = temp.path().to_owned();
            interrupt::settle(|| temp.persist(&target)).with_context(|| {
                format!("cannot move {} to {}", temp_path.display(), target.display())
            })?;
            // Best effort: make the rename itself durable.
            if let Some(dir) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
                let _ = fs::File::open(dir).and_then(|d| d.sync_all());
            }
        }
        Ok(())
    }
}

/// Plain writes, for output made in pieces (a page).
impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(stdout) => stdout.lock().write(buf),
            Sink::File { temp, .. } => temp.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(stdout) => stdout.lock().flush(),
            Sink::File { temp, .. } => temp.flush(),
        }
    }
}

/// `Write::write_all_vectored`, which is not stable yet: writes every
/// piece, resuming after partial writes (a `writev` takes at most
/// `IOV_MAX` pieces and may write fewer bytes than asked).
fn write_all_vectored(out: &mut impl Write, mut pieces: &mut [IoSlice<'_>]) -> io::Result<()> {
    IoSlice::advance_slices(&mut pieces, 0);
    while !pieces.is_empty() {
        match out.write_vectored(pieces) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(written) => IoSlice::advance_slices(&mut pieces, written),
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn jsonl_is_one_line_per_document() {
        let mut out = Vec::new();
        render(OutputFormat::Jsonl, &json!({"a": 1}), &mut out).unwrap();
        render(OutputFormat::Jsonl, &json!({"a": 2}), &mut out).unwrap();
        assert_eq!(out, b"{\"a\":1}\n{\"a\":2}\n");
    }

    #[test]
    fn json_is_one_array() {
        let mut out = Vec::new();
        out.extend_from_slice(separator(OutputFormat::Json, true));
        render(OutputFormat::Json, &json!(1), &mut out).unwrap();
        out.extend_from_slice(separator(OutputFormat::Json, false));
        render(OutputFormat::Json, &json!(2), &mut out).unwrap();
        out.extend_from_slice(closing(OutputFormat::Json, true));
        let parsed: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(parsed, json!([1, 2]));
        assert_eq!(closing(OutputFormat::Json, false), b"[]\n");
    }

    #[test]
    fn text_lists_spans_aligned() {
        let record = json!({"source": "a.txt", "entities": [
            {"text": "China", "start": 0, "end": 5, "label": "GPE", "id": "CN"}
        ]});
        let mut out = Vec::new();
        render(OutputFormat::Text, &record, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "source: a.txt\nentities (1):\n            0-5  GPE        CN             China\n"
        );
    }

    #[test]
    fn labels_carry_id_or_source_and_line() {
        let by_id = Origin::Line { path: "in.jsonl".into(), line: 3, id: Some(json!("doc-1")) };
        let without_id = Origin::Line { path: "in.jsonl".into(), line: 3, id: None };
        let record = json!({"x": 1});
        assert_eq!(
            serde_json::to_value(Labeled::new(&by_id, &record)).unwrap(),
            json!({"id": "doc-1", "x": 1})
        );
        assert_eq!(
            serde_json::to_value(Labeled::new(&without_id, &record)).unwrap(),
            json!({"source": "in.jsonl", "line": 3, "x": 1})
        );
        let with_lang = Labeled::new(&by_id, &record).with_lang(Some(Lang::De));
        assert_eq!(
            serde_json::to_string(&with_lang).unwrap(),
            r#"{"id":"doc-1","lang":"de","x":1}"#
        );
    }
}
