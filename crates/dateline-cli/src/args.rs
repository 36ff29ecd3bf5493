//! Command-line arguments shared by every subcommand.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::fields::Fields;

/// Where documents come from.
#[derive(Args, Debug)]
pub struct InputArgs {
    /// How to read the input: `text` makes each FILE (or stdin) one document;
    /// `jsonl` reads one JSON object per line, its text from the field "text"
    /// and, when present, its id from "id", its reference date from
    /// "reference_date" and its language from "lang" (see --text-field,
    /// --id-field, --date-field, --lang-field); other
    /// fields are ignored. Input compressed with gzip or zstd is read as
    /// is, recognized by its first bytes.
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    pub input: InputFormat,

    /// With `--input jsonl`: the field holding the document text; a dotted
    /// name reads a nested object (`doc.body`) [default: text].
    #[arg(long, value_name = "FIELD", help_heading = "JSON Lines input")]
    pub text_field: Option<String>,

    /// With `--input jsonl`: the field holding the document id, echoed as
    /// "id" in the output [default: id].
    #[arg(long, value_name = "FIELD", help_heading = "JSON Lines input")]
    pub id_field: Option<String>,

    /// With `--input jsonl`: the field holding the document's reference date
    /// (YYYY-MM-DD; null or missing means --reference-date or today), such
    /// as `date` or `meta.published` [default: reference_date].
    #[arg(long, value_name = "FIELD", help_heading = "JSON Lines input")]
    pub date_field: Option<String>,

    /// With `--input jsonl`: the field holding the document's language (a
    /// code such as "de", or "auto"; null or missing means --lang), which
    /// overrides --lang for that document [default: lang].
    #[arg(long, value_name = "FIELD", help_heading = "JSON Lines input")]
    pub lang_field: Option<String>,

    /// With `--input jsonl`: copy this input field, unchanged, into each
    /// output record under the same name (null when a line lacks it).
    /// Repeatable.
    #[arg(long = "keep-field", value_name = "FIELD", help_heading = "JSON Lines input")]
    pub keep_fields: Vec<String>,

    /// What to do with a bad document (unreadable file, invalid UTF-8,
    /// malformed JSON line): `fail` stops with an error, `skip` reports it
    /// on stderr and goes on. A summary of documents written and skipped
    /// ends every run on stderr.
    #[arg(long, value_enum, default_value_t = OnError::Fail)]
    pub on_error: OnError,

    /// Fail (exit non-zero) once more than N documents are bad, skipping
    /// and reporting the first N. Default: 0, or no limit with `--on-error
    /// skip`.
    #[arg(long, value_name = "N")]
    pub max_errors: Option<u64>,

    /// Input files; standard input when none is given.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

impl InputArgs {
    /// The JSON Lines fields to read.
    ///
    /// # Errors
    ///
    /// When a field option is given without `--input jsonl`, or names a
    /// field badly.
    pub fn fields(&self) -> anyhow::Result<Fields> {
        let given = [
            ("--text-field", self.text_field.is_some()),
            ("--id-field", self.id_field.is_some()),
            ("--date-field", self.date_field.is_some()),
            ("--lang-field", self.lang_field.is_some()),
            ("--keep-field", !self.keep_fields.is_empty()),
        ];
        if self.input != InputFormat::Jsonl
            && let Some((option, _)) = given.iter().find(|(_, given)| *given)
        {
            anyhow::bail!("{option} reads JSON Lines input: add --input jsonl");
        }
        Fields::new(
            self.id_field.as_deref().unwrap_or("id"),
            self.text_field.as_deref().unwrap_or("text"),
            self.date_field.as_deref().unwrap_or("reference_date"),
            self.lang_field.as_deref().unwrap_or("lang"),
            &self.keep_fields,
        )
        .map_err(anyhow::Error::msg)
    }

    /// How many bad documents a run may skip before it fails; `None` for
    /// no limit.
    pub fn error_limit(&self) -> Option<u64> {
        match (self.max_errors, self.on_error) {
            (Some(n), _) => Some(n),
            (None, OnError::Fail) => Some(0),
            (None, OnError::Skip) => None,
        }
    }
}

/// Where and how results are written.
#[derive(Args, Debug)]
pub struct OutputArgs {
    /// Output format: one JSON object per line, one pretty JSON array, an
    /// aligned listing for people, a table with one row per found item
    /// (`tsv`), or one self-contained HTML page (`html`; extract, entities
    /// and dates).
    #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
    pub format: OutputFormat,

    /// Write to FILE instead of stdout. The file is replaced atomically
    /// when the run succeeds, so a failed or interrupted (Ctrl-C, SIGTERM)
    /// run leaves any earlier FILE untouched and no temporary file behind.
    /// A replaced FILE keeps its mode; a new one gets the umask's.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Number of worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// The `--input` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Each file, or stdin, is one document.
    Text,
    /// One JSON object per line, each one document.
    Jsonl,
}

/// The `--on-error` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OnError {
    /// Stop at the first bad document, exiting non-zero (or past the
    /// `--max-errors` limit).
    Fail,
    /// Report a bad document on stderr and continue (up to the
    /// `--max-errors` limit, if one is given).
    Skip,
}

/// The `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// JSON Lines: one object per document.
    Jsonl,
    /// A single pretty-printed JSON array.
    Json,
    /// An aligned, human-readable listing.
    Text,
    /// Tab-separated values with a header, one row per found item:
    /// doc, kind (sentence, entity, date, token), text, start, end,
    /// label_or_type, id_or_value. A backslash, tab, newline or carriage
    /// return inside a field is written as \\, \t, \n or \r.
    Tsv,
    /// One self-contained HTML page (inline CSS, no script): a summary,
    /// then each document with its entities and dates highlighted. The
    /// page is written when every document is in, so it is held in
    /// memory (two to four times the input text).
    Html,
}

impl OutputArgs {
    /// Refuses `--format html` for a subcommand that has nothing to
    /// highlight.
    ///
    /// # Errors
    ///
    /// When `--format html` was asked for.
    pub fn refuse_html(&self, command: &str) -> anyhow::Result<()> {
        if self.format == OutputFormat::Html {
            anyhow::bail!(
                "--format html is for extract, entities and dates, not {command}: use jsonl, \
                 json, text or tsv"
            );
        }
        Ok(())
    }
}
