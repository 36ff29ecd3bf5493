//! `dateline sentences`.

use dateline::view::{TextView, Viewer};
use dateline::{CharOffsets, SentenceSplitter, Span};
use serde::Serialize;

use crate::args::{InputArgs, OutputArgs};
use crate::lang::{LangArgs, PerLang};
use crate::run::Emit;

/// Split documents into sentences.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    lang: LangArgs,
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
    let splitters =
        PerLang::new(args.lang.first(), |lang| Ok(SentenceSplitter::builder().lang(lang).build()))?;
    crate::run::run(args.input, &args.output, |document, emit| {
        let chosen = args.lang.for_document(document)?;
        let splitter = splitters.get(chosen.lang)?;
        let sentences: Vec<Span> = splitter.sentences(&document.text).collect();
        write(&document.text, &sentences, emit.lang(chosen.shown()));
        Ok(())
    })
}

fn write(text: &str, sentences: &[Span], emit: Emit<'_>) {
    emit.fields_or_record(
        |object| object.spans_field("sentences", text, &CharOffsets::new(text), sentences),
        || {
            let mut viewer = Viewer::new(text);
            Record { sentences: sentences.iter().map(|&span| viewer.span(span)).collect() }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::tests::{assert_jsonl_is_serdes, seeds};

    #[test]
    fn jsonl_is_what_serde_writes_for_the_seeds() {
        let splitter = SentenceSplitter::new();
        for text in seeds() {
            let sentences: Vec<Span> = splitter.sentences(text).collect();
            assert_jsonl_is_serdes(
                |emit| write(text, &sentences, emit),
                || {
                    let mut viewer = Viewer::new(text);
                    Record { sentences: sentences.iter().map(|&span| viewer.span(span)).collect() }
                },
            );
        }
    }
}
