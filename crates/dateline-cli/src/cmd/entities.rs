//! `dateline entities`.

use dateline::view::{EntityView, Viewer};
use serde::Serialize;

use super::GazetteerArgs;
use crate::args::{InputArgs, OutputArgs};

/// Find gazetteer entities.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    gazetteer: GazetteerArgs,
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
    let resolver = args.gazetteer.resolver();
    crate::run::run(args.input, &args.output, |document, emit| {
        let text = &document.text;
        let entities = dateline::find_entities(&gazetteer, &resolver, text);
        if emit.is_page() {
            let found = dateline::Document { entities, ..dateline::Document::default() };
            emit.page(text, None, &found);
            return Ok(());
        }
        let mut viewer = Viewer::new(text);
        emit.record(Record { entities: entities.iter().map(|e| viewer.entity(e)).collect() });
        Ok(())
    })
}
