//! `dateline sentences`.

use dateline::SentenceSplitter;
use dateline::view::{TextView, Viewer};
use serde::Serialize;

use crate::args::{InputArgs, OutputArgs};
use crate::lang::{LangArgs, PerLang};

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
        let mut viewer = Viewer::new(&document.text);
        let sentences = splitter.sentences(&document.text).map(|span| viewer.span(span)).collect();
        emit.lang(chosen.shown()).record(Record { sentences });
        Ok(())
    })
}
