//! `dateline entities`.

use dateline::view::{EntityView, Viewer};
use serde::Serialize;

use super::GazetteerArgs;
use crate::args::{InputArgs, OutputArgs};
use crate::lang::{LangArgs, PerLang};

/// Find gazetteer entities.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    gazetteer: GazetteerArgs,
    #[command(flatten)]
    lang: LangArgs,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Serialize)]
struct Record<'t> {
    entities: Vec<EntityView<'t>>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let gazetteer = args.gazetteer.build()?;
    let resolvers = PerLang::new(args.lang.first(), |lang| Ok(args.gazetteer.resolver(lang)))?;
    crate::run::run(args.input, &args.output, |document, emit| {
        let chosen = args.lang.for_document(document)?;
        let text = &document.text;
        let entities = dateline::find_entities(&gazetteer, resolvers.get(chosen.lang)?, text);
        if emit.is_page() {
            let found = dateline::Document { entities, ..dateline::Document::default() };
            emit.page(text, None, &found);
            return Ok(());
        }
        let mut viewer = Viewer::new(text);
        emit.lang(chosen.shown())
            .record(Record { entities: entities.iter().map(|e| viewer.entity(e)).collect() });
        Ok(())
    })
}
