//! The embedded default gazetteer.

use std::sync::{Arc, OnceLock};

use crate::gazetteer::Options;
use crate::load;
use crate::store::Store;
use crate::{Gazetteer, Lang};

/// The generated default gazetteer (see `data/README.md`): a compact TSV,
/// compiled on first use.
const DEFAULT_TSV: &str = include_str!("../data/default.tsv");

static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();

impl Gazetteer {
    /// The embedded default gazetteer: countries and their official, common
    /// and alternate names (`GPE`, ids `iso3166-1:CN`), demonyms (`NORP`),
    /// cities of 50,000 inhabitants or more (`GPE`, `geonames:703448`,
    /// population as prior), first-level divisions worldwide (`GPE`:
    /// `iso3166-2:US-WA` for US states, Canadian provinces and Australian
    /// states, `geonames:1809935` elsewhere), territories, continents,
    /// regions and seas (`GPE`, `LOC`), religious, ethnic and political
    /// groups (`NORP`), international organizations with their acronyms
    /// (`ORG`, `wikidata:Q7184`, or `supraverden:SPRVD…` where Wikidata has
    /// none), and state institutions, news organizations and armed
    /// movements (`ORG`, `dateline:reuters`).
    /// Searched in German, French or Spanish ([`find_in`](Gazetteer::find_in)),
    /// it adds that language's country names, capitals' names, demonyms and
    /// nationality adjectives in every inflected form ("chinesischen",
    /// "chinoises", "chinas") and organizations' local names and acronyms
    /// ("OTAN", "ONU", "UNO"), each with the id of the English name, and
    /// leaves out names that are that language's common words ("Essen" in
    /// German). Searches without a language are English.
    /// Every id carries its namespace, so a join on ids never has to guess
    /// whether `CN` is a country code; see `data/README.md` ("Ids"). Entries
    /// of user gazetteers keep their ids as given.
    ///
    /// Compiled from the embedded data on the first call (a few tens of
    /// milliseconds in a release build; see the crate README for the
    /// measured figure) and shared afterwards: later calls return the same
    /// `&'static Gazetteer` at the cost of an atomic load. To add your own
    /// names, start a builder with
    /// [`GazetteerBuilder::embedded`](crate::GazetteerBuilder::embedded).
    ///
    /// Capitalized names need their capitals ("China" and "CHINA" match,
    /// "china" does not). Names that are common English words are matched
    /// case-sensitively ("Nice", "Hull") or left out ("Split", "Reading",
    /// "Mobile", "Van"), and acronyms match only in capitals ("US", "UN",
    /// "WHO"); see `data/README.md` for how the data decides.
    ///
    /// # Example
    ///
    /// ```
    /// use dateline_gazetteer::Gazetteer;
    ///
    /// let gazetteer = Gazetteer::embedded();
    /// let text = "Ukrainian officials met NATO envoys in Kyiv.";
    /// let found: Vec<(&str, &str, &str)> =
    ///     gazetteer.find_iter(text).map(|m| (&text[m.span()], m.label(), m.id())).collect();
    /// assert_eq!(
    ///     found,
    ///     [
    ///         ("Ukrainian", "NORP", "iso3166-1:UA"),
    ///         ("NATO", "ORG", "wikidata:Q7184"),
    ///         ("Kyiv", "GPE", "geonames:703448"),
    ///     ]
    /// );
    /// ```
    pub fn embedded() -> &'static Gazetteer {
        EMBEDDED.get_or_init(|| {
            // The loader validates every row.
            let mut entries = Store::new();
            load::read_tsv(DEFAULT_TSV.as_bytes(), &mut entries)
                .expect("the embedded data is valid TSV");
            entries.shrink_to_fit();
            Gazetteer::compile(Arc::new(entries), Options::default(), Lang::En)
                .expect("the embedded data compiles")
        })
    }
}
