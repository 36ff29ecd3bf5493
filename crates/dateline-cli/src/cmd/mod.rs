//! One module per subcommand; options two or more share live here.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Args;
use dateline::{Date, Direction, Gazetteer, Mode};

use crate::input::Document;

pub mod dates;
pub mod entities;
pub mod extract;
pub mod sentences;
pub mod tokenize;

/// `--mode`.
#[derive(Args, Debug)]
pub struct ModeArgs {
    /// Tokenizer mode: `default` (news-friendly) or `treebank` (Universal
    /// Dependencies conventions of the --lang language, multi-word tokens
    /// such as German "zum" carrying their "words").
    #[arg(long, default_value = "default", value_parser = parse_from_str::<Mode>)]
    pub mode: Mode,
}

/// `--gazetteer` and `--no-default-gazetteer`.
#[derive(Args, Debug)]
pub struct GazetteerArgs {
    /// A gazetteer file to add: TSV (`name<TAB>label<TAB>id`, header line)
    /// or JSON Lines (`.jsonl`). Repeatable; merged with the default.
    #[arg(long = "gazetteer", value_name = "FILE")]
    pub gazetteers: Vec<PathBuf>,

    /// Leave out the embedded default gazetteer (countries, demonyms,
    /// cities, international organizations).
    #[arg(long)]
    pub no_default_gazetteer: bool,

    /// What becomes of a gazetteer match inside a longer capitalized name
    /// ("US" in "US Navy"): `drop` it (the longer name is reported when its
    /// head word types it: "US Navy" ORG), `keep` it as found, or `flag` it
    /// with the longer name's span as `enclosing`.
    #[arg(long, value_enum, default_value_t = NestedArg::Drop, value_name = "POLICY")]
    pub nested: NestedArg,
}

/// `--nested`: [`dateline::Nested`] as a command-line value.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum NestedArg {
    Drop,
    Keep,
    Flag,
}

impl From<NestedArg> for dateline::Nested {
    fn from(arg: NestedArg) -> dateline::Nested {
        match arg {
            NestedArg::Drop => dateline::Nested::Drop,
            NestedArg::Keep => dateline::Nested::Keep,
            NestedArg::Flag => dateline::Nested::Flag,
        }
    }
}

/// The embedded default gazetteer, compiled by `build.rs`.
static DEFAULT_GAZETTEER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/default.gazetteer"));

/// The embedded default gazetteer, loaded ready-made: several times faster
/// than [`Gazetteer::embedded`], which compiles it from its TSV. Bytes in
/// the executable need no checksum, which was a quarter of the start-up.
fn default_gazetteer() -> Gazetteer {
    Gazetteer::from_embedded_bytes(DEFAULT_GAZETTEER)
        .expect("build.rs saved the embedded gazetteer with this very crate version")
}

impl GazetteerArgs {
    /// The context reader these options ask for, searching the names of
    /// `lang`.
    pub fn resolver(&self, lang: dateline::Lang) -> dateline::Resolver {
        dateline::Resolver::builder().nested(self.nested.into()).lang(lang).build()
    }

    /// The gazetteer these options ask for.
    pub fn build(&self) -> anyhow::Result<Gazetteer> {
        if self.gazetteers.is_empty() {
            if self.no_default_gazetteer {
                anyhow::bail!(
                    "--no-default-gazetteer leaves no gazetteer: add one with --gazetteer FILE"
                );
            }
            return Ok(default_gazetteer());
        }
        let mut builder = Gazetteer::builder();
        if !self.no_default_gazetteer {
            builder.embedded();
        }
        for file in &self.gazetteers {
            builder.add_file(file)?;
        }
        Ok(builder.build()?)
    }
}

/// `--reference-date`, `--direction` and `--day-first`.
#[derive(Args, Debug)]
pub struct DateArgs {
    /// The date relative expressions resolve against ("yesterday", "in
    /// June"), as YYYY-MM-DD. A JSONL line's own date (see --date-field)
    /// overrides it; without either, today's date is used and said on
    /// stderr.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_from_str::<Date>)]
    pub reference_date: Option<Date>,

    /// Which way bare dates and weekdays resolve: `context` (tense and cues
    /// such as "since", "next", "ago"), `past`, `future` or `nearest`.
    #[arg(long, default_value = "context", value_parser = parse_from_str::<Direction>)]
    pub direction: Direction,

    /// Read numeric dates such as 01/09/2024 as day/month/year.
    #[arg(long)]
    pub day_first: bool,
}

/// The reference date of each document: its own `reference_date`, else
/// `--reference-date`, else today (said once on stderr).
pub struct References {
    given: Option<Date>,
    today: Date,
    announced: AtomicBool,
}

impl References {
    pub fn new(args: &DateArgs) -> References {
        References {
            given: args.reference_date,
            today: Date::today_utc(),
            announced: AtomicBool::new(false),
        }
    }

    pub fn for_document(&self, document: &Document) -> Result<Date, String> {
        if let Some(text) = &document.reference_date {
            return text.parse().map_err(|err| format!("invalid reference_date {text:?}: {err}"));
        }
        if let Some(given) = self.given {
            return Ok(given);
        }
        if !self.announced.swap(true, Ordering::Relaxed) {
            eprintln!("dateline: no reference date given; resolving against today, {}", self.today);
        }
        Ok(self.today)
    }
}

fn parse_from_str<T>(text: &str) -> Result<T, String>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    text.parse().map_err(|err: T::Err| err.to_string())
}

#[cfg(test)]
pub(crate) mod tests {
    use serde::Serialize;
    use serde_json::json;

    use super::*;
    use crate::args::OutputFormat;
    use crate::input::Origin;
    use crate::output::{Labeled, render};
    use crate::run::{Emit, Output};

    /// The seed articles, which between them exercise every optional
    /// output field.
    pub(crate) fn seeds() -> [&'static str; 5] {
        [
            include_str!("../../../../seeds/000_6893e9d60b43f7bd.txt"),
            include_str!("../../../../seeds/001_summit.txt"),
            include_str!("../../../../seeds/002_markets.txt"),
            include_str!("../../../../seeds/003_unicode.txt"),
            include_str!("../../../../seeds/004_names_and_false_dates.txt"),
        ]
    }

    /// Checks that the JSON Lines `write` makes are what serde writes for
    /// `record`, from each kind of origin; returns the JSON Lines.
    pub(crate) fn assert_jsonl_is_serdes<R: Serialize>(
        write: impl Fn(Emit<'_>),
        record: impl Fn() -> R,
    ) -> String {
        let origins = [
            Origin::File("seeds/a.txt".into()),
            Origin::Line { path: "in.jsonl".into(), line: 3, id: None },
            Origin::Line { path: "in.jsonl".into(), line: 3, id: Some(json!("doc\"1")) },
            Origin::Line { path: "in.jsonl".into(), line: 3, id: Some(json!({"n": 1.5})) },
        ];
        let mut all = String::new();
        for origin in &origins {
            let mut fast = Output::default();
            write(Emit::new(origin, OutputFormat::Jsonl, &mut fast));
            let mut slow = Vec::new();
            render(OutputFormat::Jsonl, &Labeled::new(origin, record()), &mut slow).unwrap();
            let fast = String::from_utf8(fast.bytes).unwrap();
            assert_eq!(fast, String::from_utf8(slow).unwrap());
            all += &fast;
        }
        all
    }

    #[test]
    fn the_precompiled_default_is_the_embedded_gazetteer() {
        let embedded = Gazetteer::embedded();
        let bytes = embedded.to_bytes_with_views(&dateline::Lang::ALL).expect("it serializes");
        assert_eq!(DEFAULT_GAZETTEER, bytes.as_slice());
        // Every language's stored search is the one compiled from the TSV.
        let default = default_gazetteer();
        for lang in dateline::Lang::ALL {
            let own = |g: &Gazetteer| g.with_lang(lang).to_bytes().expect("it serializes");
            assert_eq!(own(&default), own(embedded), "{lang}");
        }
    }
}
