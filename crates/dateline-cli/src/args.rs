//! Command-line arguments shared by every subcommand.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// Where documents come from.
#[derive(Args, Debug)]
pub struct InputArgs {
    /// How to read the input: `text` makes each FILE (or stdin) one document;
    /// `jsonl` reads one document per line, as {"id", "text", "reference_date"}
    /// (`id` and `reference_date` optional).
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    pub input: InputFormat,

    /// What to do with a bad document (unreadable file, invalid UTF-8,
    /// malformed JSON line): `fail` stops with an error, `skip` reports it
    /// on stderr and goes on; either way the summary counts it.
    #[arg(long, value_enum, default_value_t = OnError::Fail)]
    pub on_error: OnError,

    /// Input files; standard input when none is given.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Where and how results are written.
#[derive(Args, Debug)]
pub struct OutputArgs {
    /// Output format: one JSON object per line, one pretty JSON array, or
    /// an aligned listing for people.
    #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
    pub format: OutputFormat,

    /// Write to FILE instead of stdout. The file is replaced atomically
    /// when the run succeeds, so a failed or interrupted run leaves any
    /// earlier FILE untouched.
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
    /// Stop at the first bad document, exiting non-zero.
    Fail,
    /// Report a bad document on stderr and continue.
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
}
