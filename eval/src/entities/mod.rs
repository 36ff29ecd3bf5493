//! `dateline-eval entities`: the pipeline's entities scored on the entity
//! development sets (`../shared/eval/entities/`: re3d, GUM news, MEANTIME),
//! by the rule their README recommends (see [`score`]).
//!
//! Predictions come from the `dateline` facade's [`Pipeline`] (the embedded
//! default gazetteer unless told otherwise), one document at a time, with
//! the document's `date` as reference. Documents without one (all of re3d)
//! use a fixed reference, [`FALLBACK_REFERENCE`], so runs repeat exactly:
//! the reference changes date values, not which entities are found.
//! Byte spans become code points through the facade's [`Viewer`], the
//! conversion JSON output and Python use.

mod gold;
mod report;
mod score;

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use dateline::view::Viewer;
use dateline::{Date, Gazetteer, Pipeline};

use self::gold::Doc;
use self::report::Summary;
use self::score::{Prediction, Rules, Scored};

/// The gold classes `--classes` can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "UPPER")]
pub enum Class {
    /// Places: predicted GPE and LOC.
    Place,
    /// Nationalities and other groups.
    Norp,
    /// Organizations.
    Org,
    /// People.
    Person,
}

impl Class {
    fn as_str(self) -> &'static str {
        match self {
            Class::Place => "PLACE",
            Class::Norp => "NORP",
            Class::Org => "ORG",
            Class::Person => "PERSON",
        }
    }
}

/// Arguments of `dateline-eval entities`.
#[derive(clap::Args)]
pub struct Args {
    /// Entity JSONL files, each scored as its own set (default:
    /// re3d, gum-news and meantime-en from ../shared/eval/entities/).
    paths: Vec<PathBuf>,
    /// Gold classes to score, comma-separated.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        ignore_case = true,
        default_value = "PLACE,NORP,ORG"
    )]
    classes: Vec<Class>,
    /// Names inside longer names are gold too (by default predicting one is a false positive).
    #[arg(long)]
    with_nested: bool,
    /// Accept a class from a name's `alt_labels` as correct.
    #[arg(long)]
    lenient: bool,
    /// Score predictions inside source mentions whose names were not annotated
    /// (by default they are left out).
    #[arg(long)]
    judge_unannotated: bool,
    /// Treat never-reviewed re3d names (`confidence: 0`) as ignore spans.
    #[arg(long)]
    ignore_unreviewed: bool,
    /// How many false positives and misses to list per set.
    #[arg(long, value_name = "N", default_value_t = 15)]
    top: usize,
    /// A gazetteer file to add (TSV or JSONL, as `dateline --gazetteer`); repeatable.
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteers: Vec<PathBuf>,
    /// Leave out the embedded default gazetteer.
    #[arg(long)]
    no_default_gazetteer: bool,
    /// Print a JSON summary instead of the tables.
    #[arg(long)]
    json: bool,
}

/// The reference date of documents that carry none.
pub(crate) const FALLBACK_REFERENCE: (i32, u32, u32) = (2000, 1, 1);

const DEFAULT_SETS: [&str; 3] = ["re3d", "gum-news", "meantime-en"];

pub fn run(args: &Args) -> Result<()> {
    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        DEFAULT_SETS
            .iter()
            .map(|set| crate::timex::shared(&format!("eval/entities/{set}.jsonl")))
            .collect()
    } else {
        args.paths.clone()
    };
    let mut classes: Vec<String> = Vec::new();
    for class in &args.classes {
        if !classes.iter().any(|c| c == class.as_str()) {
            classes.push(class.as_str().to_owned());
        }
    }
    let rules = Rules {
        classes: classes.clone(),
        with_nested: args.with_nested,
        lenient: args.lenient,
        judge_unannotated: args.judge_unannotated,
        ignore_unreviewed: args.ignore_unreviewed,
    };
    let pipeline = pipeline(args)?;

    let mut summaries = Vec::new();
    let mut pooled = Scored::default();
    let mut pooled_documents = 0;
    for path in &paths {
        let docs = gold::load(path)?;
        let mut scored = Scored::default();
        for doc in &docs {
            let predictions = predict(&pipeline, doc)
                .with_context(|| format!("{}: document {:?}", path.display(), doc.id))?;
            let one = score::score(doc, &predictions, &rules);
            scored.predictions.extend(one.predictions);
            scored.gold.extend(one.gold);
        }
        let name = path
            .file_stem()
            .map_or_else(|| path.display().to_string(), |stem| stem.to_string_lossy().into_owned());
        summaries.push((path, Summary::new(&name, docs.len(), &scored, &classes, args.top)));
        pooled_documents += docs.len();
        pooled.predictions.extend(scored.predictions);
        pooled.gold.extend(scored.gold);
    }
    let pooled = Summary::new("pooled", pooled_documents, &pooled, &classes, args.top);

    let mut out = std::io::stdout().lock();
    if args.json {
        let sets: Vec<serde_json::Value> = summaries
            .iter()
            .map(|(path, summary)| {
                let mut value = summary.to_json();
                value["path"] = path.display().to_string().into();
                value
            })
            .collect();
        let summary = serde_json::json!({
            "options": {
                "classes": classes,
                "with_nested": args.with_nested,
                "lenient": args.lenient,
                "judge_unannotated": args.judge_unannotated,
                "ignore_unreviewed": args.ignore_unreviewed,
                "default_gazetteer": !args.no_default_gazetteer,
                "gazetteers": args.gazetteers.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            },
            "sets": sets,
            "pooled": pooled.to_json(),
        });
        serde_json::to_writer_pretty(&mut out, &summary)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "Entities, exact spans after a leading \"the\"; classes {}{}{}{}{}",
        classes.join(", "),
        if args.with_nested { "; inner names gold" } else { "" },
        if args.lenient { "; alt_labels accepted" } else { "" },
        if args.judge_unannotated { "; unannotated mentions judged" } else { "" },
        if args.ignore_unreviewed { "; unreviewed names ignored" } else { "" },
    )?;
    writeln!(out)?;
    for (path, summary) in &summaries {
        writeln!(out, "{}", path.display())?;
        summary.write_text(&mut out, true)?;
    }
    pooled.write_text(&mut out, false)?;
    Ok(())
}

/// The pipeline the gazetteer options ask for.
fn pipeline(args: &Args) -> Result<Pipeline> {
    if args.gazetteers.is_empty() {
        if args.no_default_gazetteer {
            bail!("--no-default-gazetteer leaves no gazetteer: add one with --gazetteer FILE");
        }
        return Ok(Pipeline::new());
    }
    let mut builder = Gazetteer::builder();
    if !args.no_default_gazetteer {
        builder.embedded();
    }
    for file in &args.gazetteers {
        builder.add_file(file)?;
    }
    let gazetteer = builder.build()?;
    Ok(Pipeline::builder().gazetteer(gazetteer).build()?)
}

/// The pipeline's entities in `doc`, in code points.
fn predict(pipeline: &Pipeline, doc: &Doc) -> Result<Vec<Prediction>> {
    let found = pipeline.process(&doc.text, reference_date(doc.date.as_deref())?);
    let mut viewer = Viewer::new(&doc.text);
    Ok(found
        .entities
        .iter()
        .map(|entity| {
            let view = viewer.entity(entity);
            Prediction { start: view.span.start, end: view.span.end, label: view.label.to_owned() }
        })
        .collect())
}

/// A document's `date`: `YYYY-MM-DD`, or `DD-MM-YYYY` as one MEANTIME
/// document has it; [`FALLBACK_REFERENCE`] when there is none.
fn reference_date(date: Option<&str>) -> Result<Date> {
    let Some(date) = date else {
        let (year, month, day) = FALLBACK_REFERENCE;
        return Ok(Date::new(year, month, day)?);
    };
    if let Ok(parsed) = date.parse() {
        return Ok(parsed);
    }
    let parts: Vec<&str> = date.split('-').collect();
    if let [day, month, year] = parts[..]
        && year.len() == 4
        && let Ok(parsed) = format!("{year}-{month}-{day}").parse()
    {
        return Ok(parsed);
    }
    bail!("date {date:?} is neither YYYY-MM-DD nor DD-MM-YYYY")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_in_either_order_and_fall_back_when_absent() {
        let date = |s: Option<&str>| reference_date(s).map(|d| d.to_string());
        assert_eq!(date(Some("2008-03-01")).ok().as_deref(), Some("2008-03-01"));
        assert_eq!(date(Some("03-02-2009")).ok().as_deref(), Some("2009-02-03"));
        assert_eq!(date(None).ok().as_deref(), Some("2000-01-01"));
        let err = reference_date(Some("March 2009")).expect_err("not a date");
        assert!(err.to_string().contains("\"March 2009\""), "{err}");
    }

    #[test]
    fn predictions_are_in_code_points() {
        let doc: Doc = serde_json::from_str(
            r#"{"id": "t", "text": "Київ — “Kyiv”: China’s envoy", "scored_labels": ["PLACE"],
                "entities": []}"#,
        )
        .expect("a document");
        let predictions = predict(&Pipeline::new(), &doc).expect("predictions");
        let china = predictions.iter().find(|p| p.label == "GPE" && p.start == 15);
        assert!(china.is_some_and(|p| p.end == 20), "{predictions:?}");
    }
}
