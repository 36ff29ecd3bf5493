//! `dateline-eval`: scores dateline's components on external test suites.
//!
//! Every subcommand takes the dataset path as an argument (defaulting to
//! `../shared/eval/...`) and prints the suite's standard metrics.

use clap::{Parser, Subcommand};

mod duckling;
mod entities;
mod golden;
mod lang;
mod recognizers;
mod timex;
mod ud;

#[derive(Parser)]
#[command(name = "dateline-eval", about = "Score dateline on external evaluation suites")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Date and time expressions: TempEval-3, Recognizers-Text, Duckling;
    /// with `--lang xx` and no suite, every set of that language.
    Dates {
        /// The language of the texts (en, de, fr, es, uk, ru, zh).
        #[arg(long, default_value = "en")]
        lang: dateline_dates::Lang,
        #[command(subcommand)]
        suite: Option<timex::DatesSuite>,
    },
    /// Treebank tokenization on a CoNLL-U file: tokens, words, sentences P/R/F1 (CoNLL 2018).
    Tokenize(ud::Args),
    /// The sentence splitter on the Golden Rules: pass/fail per rule.
    Sentences(golden::Args),
    /// Entities on the re3d, GUM news and MEANTIME sets: P/R/F1 per class and label.
    Entities(entities::Args),
    /// `--lang auto` on UD texts in documents of at least 200 characters: accuracy and confusions.
    Lang(lang::Args),
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Dates { lang, suite } => timex::run(lang, suite),
        Command::Tokenize(args) => ud::run(&args),
        Command::Sentences(args) => golden::run(&args),
        Command::Entities(args) => entities::run(&args),
        Command::Lang(args) => lang::run(&args),
    }
}
