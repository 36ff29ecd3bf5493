//! `dateline tokenize`.

use dateline::Tokenizer;
use dateline::view::{TokenView, Viewer};
use serde::Serialize;

use super::ModeArgs;
use crate::args::{InputArgs, OutputArgs};

/// Split documents into tokens.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    mode: ModeArgs,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Serialize)]
struct Record<'t> {
    tokens: Vec<TokenView<'t>>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    args.output.refuse_html("tokenize")?;
    let tokenizer = Tokenizer::builder().mode(args.mode.mode).build();
    crate::run::run(args.input, &args.output, |document, emit| {
        let mut viewer = Viewer::new(&document.text);
        let tokens = tokenizer.tokens(&document.text).map(|token| viewer.token(&token)).collect();
        emit.record(Record { tokens });
        Ok(())
    })
}
