//! `dateline dates`.

use dateline::DateExtractor;
use dateline::view::{DateView, Viewer};
use serde::Serialize;

use super::{DateArgs, References};
use crate::args::{InputArgs, OutputArgs};

/// Find date and time expressions.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    dates: DateArgs,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Serialize)]
struct Record<'t> {
    reference_date: String,
    dates: Vec<DateView<'t>>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let extractor = DateExtractor::builder()
        .direction(args.dates.direction)
        .day_first(args.dates.day_first)
        .build()?;
    let references = References::new(&args.dates);
    crate::run::run(args.input, &args.output, |document, emit| {
        let reference_date = references.for_document(document)?;
        let found = extractor.extract(&document.text, reference_date);
        if emit.is_page() {
            let found = dateline::Document { dates: found, ..dateline::Document::default() };
            emit.page(&document.text, Some(reference_date), &found);
            return Ok(());
        }
        let mut viewer = Viewer::new(&document.text);
        emit.record(Record {
            reference_date: reference_date.to_string(),
            dates: found.iter().map(|d| viewer.date(d)).collect(),
        });
        Ok(())
    })
}
