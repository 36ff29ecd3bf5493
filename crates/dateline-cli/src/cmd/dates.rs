//! `dateline dates`.

use dateline::view::{DateView, Viewer};
use dateline::{CharOffsets, Date, DateExtractor, TimeExpression};
use serde::Serialize;

use super::{DateArgs, References};
use crate::args::{InputArgs, OutputArgs};
use crate::lang::{LangArgs, PerLang};
use crate::run::Emit;

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
        write(&document.text, reference_date, &found, emit.lang(chosen.shown()));
        Ok(())
    })
}

fn write(text: &str, reference_date: Date, dates: &[TimeExpression], emit: Emit<'_>) {
    let reference_date = reference_date.to_string();
    emit.fields_or_record(
        |object| {
            object.str_field("reference_date", &reference_date);
            object.dates_field(text, &CharOffsets::new(text), dates);
        },
        || record(text, &reference_date, dates),
    );
}

fn record<'t>(text: &'t str, reference_date: &str, dates: &'t [TimeExpression]) -> Record<'t> {
    let mut viewer = Viewer::new(text);
    Record {
        reference_date: reference_date.to_owned(),
        dates: dates.iter().map(|d| viewer.date(d)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::tests::{assert_jsonl_is_serdes, seeds};

    #[test]
    fn jsonl_is_what_serde_writes_for_the_seeds() {
        let extractor = DateExtractor::new();
        let reference: Date = "2024-07-24".parse().expect("a valid date");
        let mut fields = String::new();
        for text in seeds() {
            let dates = extractor.extract(text, reference);
            fields += &assert_jsonl_is_serdes(
                |emit| write(text, reference, &dates, emit),
                || record(text, "2024-07-24", &dates),
            );
        }
        for field in ["\"mod\":", "\"range\":"] {
            assert!(fields.contains(field), "no {field} in the seeds' output");
        }
    }
}
