//! `dateline extract`: the whole pipeline.

use dateline::Pipeline;
use dateline::view::DocumentView;
use serde::Serialize;

use super::{DateArgs, GazetteerArgs, ModeArgs, References};
use crate::args::{InputArgs, OutputArgs};

/// Sentences, entities and dates together.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    gazetteer: GazetteerArgs,
    #[command(flatten)]
    dates: DateArgs,
    /// Include the tokens in the output.
    #[arg(long)]
    tokens: bool,
    #[command(flatten)]
    mode: ModeArgs,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Serialize)]
struct Record<'t> {
    reference_date: String,
    #[serde(flatten)]
    results: DocumentView<'t>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let mut builder = Pipeline::builder();
    if let Some(gazetteer) = args.gazetteer.build()? {
        builder.gazetteer(gazetteer);
    }
    let pipeline = builder
        .direction(args.dates.direction)
        .day_first(args.dates.day_first)
        .mode(args.mode.mode)
        .tokens(args.tokens)
        .build()?;
    let references = References::new(&args.dates);
    crate::run::run(args.input, &args.output, |document, emit| {
        let reference_date = references.for_document(document)?;
        let found = pipeline.process(&document.text, reference_date);
        emit.record(Record {
            reference_date: reference_date.to_string(),
            results: found.view(&document.text),
        });
        Ok(())
    })
}
