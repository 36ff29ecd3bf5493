//! `dateline dates`.

use dateline::DateExtractor;
use dateline::view::{DateView, Viewer};
use serde::Serialize;

use super::{DateArgs, References};
use crate::args::{InputArgs, OutputArgs};
use crate::lang::{LangArgs, PerLang};

/// Find date and time expressions.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    dates: DateArgs,
    #[command(flatten)]
    lang: LangArgs,
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
    let (direction, day_first) = (args.dates.direction, args.dates.day_first);
    let extractors = PerLang::new(args.lang.first(), |lang| {
        Ok(DateExtractor::builder().direction(direction).day_first(day_first).lang(lang).build()?)
    })?;
    let references = References::new(&args.dates);
    crate::run::run(args.input, &args.output, |document, emit| {
        let chosen = args.lang.for_document(document)?;
        let reference_date = references.for_document(document)?;
        let found = extractors.get(chosen.lang)?.extract(&document.text, reference_date);
        if emit.is_page() {
            let found = dateline::Document { dates: found, ..dateline::Document::default() };
            emit.page(&document.text, Some(reference_date), &found);
            return Ok(());
        }
        let mut viewer = Viewer::new(&document.text);
        emit.lang(chosen.shown()).record(Record {
            reference_date: reference_date.to_string(),
            dates: found.iter().map(|d| viewer.date(d)).collect(),
        });
        Ok(())
    })
}
