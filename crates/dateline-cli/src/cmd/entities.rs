//! `dateline entities`.

use dateline::view::{EntityView, Viewer};
use dateline::{CharOffsets, Entity};
use serde::Serialize;

use super::GazetteerArgs;
use crate::args::{InputArgs, OutputArgs};
use crate::lang::{LangArgs, PerLang};
use crate::run::Emit;

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
        write(text, &entities, emit.lang(chosen.shown()));
        Ok(())
    })
}

fn write(text: &str, entities: &[Entity], emit: Emit<'_>) {
    emit.fields_or_record(
        |object| object.entities_field(text, &CharOffsets::new(text), entities),
        || {
            let mut viewer = Viewer::new(text);
            Record { entities: entities.iter().map(|e| viewer.entity(e)).collect() }
        },
    );
}

#[cfg(test)]
mod tests {
    use dateline::{Gazetteer, Resolver};

    use super::*;
    use crate::cmd::tests::{assert_jsonl_is_serdes, seeds};

    #[test]
    fn jsonl_is_what_serde_writes_for_the_seeds() {
        let gazetteer = Gazetteer::embedded();
        let resolver = Resolver::new();
        let mut fields = String::new();
        for text in seeds() {
            let entities = dateline::find_entities(gazetteer, &resolver, text);
            fields += &assert_jsonl_is_serdes(
                |emit| write(text, &entities, emit),
                || {
                    let mut viewer = Viewer::new(text);
                    Record { entities: entities.iter().map(|e| viewer.entity(e)).collect() }
                },
            );
        }
        for field in ["\"alternatives\":", "\"rule\":"] {
            assert!(fields.contains(field), "no {field} in the seeds' output");
        }
    }
}
