//! `dateline extract`: the whole pipeline.

use std::sync::Arc;

use dateline::view::DocumentView;
use dateline::{Date, Lang, Pipeline};
use serde::Serialize;

use super::{DateArgs, GazetteerArgs, ModeArgs, References};
use crate::args::{InputArgs, OutputArgs};
use crate::lang::{Chosen, LangArgs, PerLang};
use crate::run::Emit;

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
    lang: LangArgs,
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
    // One gazetteer, shared by the pipelines of every language.
    let gazetteer = Arc::new(args.gazetteer.build()?);
    let mut builder = Pipeline::builder();
    builder
        .gazetteer(gazetteer)
        .nested(args.gazetteer.nested.into())
        .direction(args.dates.direction)
        .day_first(args.dates.day_first)
        .mode(args.mode.mode)
        .tokens(args.tokens);
    let pipelines =
        PerLang::new(args.lang.first(), |lang| Ok(builder.clone().lang(lang).build()?))?;
    let references = References::new(&args.dates);
    crate::run::run_in_groups(args.input, &args.output, |group| {
        let readings: Vec<Result<Reading<'_>, String>> = group
            .iter()
            .map(|(document, _)| {
                let chosen = args.lang.for_document(document)?;
                let reference_date = references.for_document(document)?;
                let pipeline = pipelines.get(chosen.lang)?;
                Ok(Reading { chosen, reference_date, pipeline })
            })
            .collect();
        let readable: Vec<Option<(&str, &Reading<'_>)>> = group
            .iter()
            .zip(&readings)
            .map(|((document, _), reading)| Some((document.text.as_str(), reading.as_ref().ok()?)))
            .collect();
        let found = process_by_lang(&readable);
        group
            .into_iter()
            .zip(readings)
            .zip(found)
            .map(|(((document, emit), reading), found)| {
                let Reading { chosen, reference_date, .. } = reading?;
                let found = found.expect("every readable document is processed");
                write(&document.text, reference_date, &found, emit.lang(chosen.shown()));
                Ok(())
            })
            .collect()
    })
}

/// How a document is read: in which language, against which date.
struct Reading<'p> {
    chosen: Chosen,
    reference_date: Date,
    pipeline: &'p Pipeline,
}

/// Runs the readable documents (texts with their reading; `None` for the
/// others) through their language's pipeline, each language's documents
/// as one batch, stage by stage, and returns what was found in each, in
/// order.
fn process_by_lang(documents: &[Option<(&str, &Reading<'_>)>]) -> Vec<Option<dateline::Document>> {
    let mut found = vec![None; documents.len()];
    for &lang in &Lang::ALL {
        let in_lang = |document: &Option<_>| {
            document.filter(|(_, reading): &(&str, &Reading<'_>)| reading.chosen.lang == lang)
        };
        let Some((_, first)) = documents.iter().find_map(in_lang) else { continue };
        let (positions, batch): (Vec<usize>, Vec<(&str, Date)>) = documents
            .iter()
            .enumerate()
            .filter_map(|(position, document)| {
                let (text, reading) = in_lang(document)?;
                Some((position, (text, reading.reference_date)))
            })
            .unzip();
        let processed = first.pipeline.process_batch(&batch);
        for (position, document) in positions.into_iter().zip(processed) {
            found[position] = Some(document);
        }
    }
    found
}

fn write(text: &str, reference_date: Date, found: &dateline::Document, emit: Emit<'_>) {
    if emit.is_page() {
        return emit.page(text, Some(reference_date), found);
    }
    let reference_date = reference_date.to_string();
    emit.fields_or_record(
        |object| {
            object.str_field("reference_date", &reference_date);
            object.document_fields(text, found);
        },
        || Record { reference_date: reference_date.clone(), results: found.view(text) },
    );
}

#[cfg(test)]
mod tests {
    use dateline::{Date, Pipeline};
    use proptest::prelude::*;

    use super::*;
    use crate::cmd::tests::{assert_jsonl_is_serdes, seeds};

    /// The JSON Lines the fast writer makes for `text`, checked against
    /// what serde makes of the view record.
    fn jsonl_checked(pipeline: &Pipeline, text: &str) -> String {
        let reference: Date = "2024-07-24".parse().expect("a valid date");
        let found = pipeline.process(text, reference);
        assert_jsonl_is_serdes(
            |emit| write(text, reference, &found, emit),
            || Record { reference_date: reference.to_string(), results: found.view(text) },
        )
    }

    fn pipeline() -> &'static Pipeline {
        static PIPELINE: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
        PIPELINE.get_or_init(|| Pipeline::builder().tokens(true).build().expect("valid settings"))
    }

    #[test]
    fn jsonl_is_what_serde_writes_for_the_views_on_the_seeds() {
        let all: String = seeds().iter().map(|text| jsonl_checked(pipeline(), text)).collect();
        // The seeds exercise every optional field.
        for field in ["\"alternatives\":", "\"mod\":", "\"range\":", "\"tokens\":"] {
            assert!(all.contains(field), "no {field} in the seeds' output");
        }
    }

    const PIECES: &[&str] = &[
        "China",
        "Georgia",
        "Київ",
        "São Paulo",
        "“quoted”",
        "\"",
        "\\",
        "\t",
        "\u{1}",
        "\u{7f}",
        "👩‍👩‍👧",
        "since 2012",
        "from 1 to 3 September",
        "about two weeks",
        "every Monday",
        "early 2024",
        "3 p.m.",
        "Mr.",
        "e\u{301}",
        ".",
        "\n\n",
        "",
    ];

    proptest! {
        #[test]
        fn jsonl_is_what_serde_writes_for_the_views(
            pieces in prop::collection::vec((prop::sample::select(PIECES), prop::sample::select(&[" ", ". ", "\n"][..])), 0..20),
        ) {
            let text: String = pieces.iter().flat_map(|&(p, g)| [p, g]).collect();
            jsonl_checked(pipeline(), &text);
        }
    }
}
