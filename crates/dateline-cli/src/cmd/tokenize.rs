//! `dateline tokenize`.

use dateline::Tokenizer;
use dateline::view::{TokenView, Viewer};
use serde::Serialize;

use super::ModeArgs;
use crate::args::{InputArgs, OutputArgs};
use crate::lang::{LangArgs, PerLang};

/// Split documents into tokens.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    mode: ModeArgs,
    #[command(flatten)]
    lang: LangArgs,
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
    let mode = args.mode.mode;
    let tokenizers = PerLang::new(args.lang.first(), |lang| {
        Ok(Tokenizer::builder().mode(mode).lang(lang).build())
    })?;
    crate::run::run(args.input, &args.output, |document, emit| {
        let chosen = args.lang.for_document(document)?;
        let tokenizer = tokenizers.get(chosen.lang)?;
        let mut viewer = Viewer::new(&document.text);
        let tokens = tokenizer.tokens(&document.text).map(|token| viewer.token(&token)).collect();
        emit.lang(chosen.shown()).record(Record { tokens });
        Ok(())
    })
}
