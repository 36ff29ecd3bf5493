//! `dateline-eval`: scores dateline's components on external test suites.
//!
//! Every subcommand takes the dataset path as an argument (defaulting to
//! `../shared/eval/...`) and prints the suite's standard metrics.

use clap::{Parser, Subcommand};

mod duckling;
mod recognizers;
mod timex;

#[derive(Parser)]
#[command(name = "dateline-eval", about = "Score dateline on external evaluation suites")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Date and time expressions: TempEval-3, Recognizers-Text, Duckling.
    Dates {
        #[command(subcommand)]
        suite: timex::DatesSuite,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Dates { suite } => timex::run(suite),
    }
}
