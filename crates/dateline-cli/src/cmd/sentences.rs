//! `dateline sentences`.

use dateline::SentenceSplitter;
use dateline::view::{TextView, Viewer};
use serde::Serialize;

use crate::args::{InputArgs, OutputArgs};

/// Split documents into sentences.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Serialize)]
struct Record<'t> {
    sentences: Vec<TextView<'t>>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    args.output.refuse_html("sentences")?;
    let splitter = SentenceSplitter::new();
    crate::run::run(args.input, &args.output, |document, emit| {
        let mut viewer = Viewer::new(&document.text);
        let sentences = splitter.sentences(&document.text).map(|span| viewer.span(span)).collect();
        emit.record(Record { sentences });
        Ok(())
    })
}
