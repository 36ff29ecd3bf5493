//! `dateline`: who, where and when in news text, as JSON Lines.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod args;
mod cmd;
mod fields;
mod input;
mod interrupt;
mod jsonl;
mod lang;
mod output;
mod run;
mod sniff;

/// Tokens, sentences, entities and dates from news text in English,
/// German, French, Spanish, Ukrainian, Russian or Chinese (--lang; English
/// by default).
///
/// Each FILE is one document (stdin when there is none), or with
/// `--input jsonl` each line is one: a JSON object with "text" and,
/// optionally, "id", "reference_date" and "lang" (other names through
/// --text-field, --id-field, --date-field, --lang-field). gzip and zstd
/// input is read as is. Output is one JSON object per document, in input
/// order, with offsets in Unicode code points (Python string indices);
/// --format also writes a JSON array, a text listing, a TSV table (one
/// row per item) or one HTML page to look at (extract, entities, dates).
#[derive(Parser)]
#[command(name = "dateline", version, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Split documents into tokens.
    Tokenize(cmd::tokenize::Args),
    /// Split documents into sentences.
    Sentences(cmd::sentences::Args),
    /// Find gazetteer entities (places, nationalities, organizations, ...).
    Entities(cmd::entities::Args),
    /// Find date and time expressions, normalized to TimeML TIMEX3.
    Dates(cmd::dates::Args),
    /// Sentences, entities and dates together: the main job.
    Extract(cmd::extract::Args),
}

// The pipeline allocates many small, short-lived values per document
// (matches, date candidates, entity strings); mimalloc serves them faster
// than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Tokenize(args) => cmd::tokenize::run(args),
        Command::Sentences(args) => cmd::sentences::run(args),
        Command::Entities(args) => cmd::entities::run(args),
        Command::Dates(args) => cmd::dates::run(args),
        Command::Extract(args) => cmd::extract::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dateline: error: {}", message(&err));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes joined by ": ", as `{:#}` prints them, but
/// leaving out a cause that the message before it already ends with: the
/// library errors print their cause themselves and also return it from
/// `source()`, which printed every OS error twice.
fn message(err: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if message.ends_with(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn arguments_are_consistent() {
        super::Cli::command().debug_assert();
    }

    #[test]
    fn causes_are_printed_once() {
        let os = std::io::Error::from(std::io::ErrorKind::NotFound);
        let printed = os.to_string();
        let err = anyhow::Error::new(os).context(format!("loading \"x\": {printed}"));
        assert_eq!(super::message(&err), format!("loading \"x\": {printed}"));
        let err = anyhow::anyhow!("inner").context("outer");
        assert_eq!(super::message(&err), "outer: inner");
    }
}
