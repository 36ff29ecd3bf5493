//! Gazetteers: lists of names mapped to labels and ids, found in text on
//! token boundaries, with an embedded default gazetteer of countries,
//! demonyms, cities and international organizations.
//!
//! # Overview
//!
//! * [`Entry`]: a name with a label (`GPE`, `NORP`, `ORG`, `PERSON`, ...),
//!   an id, aliases, an optional prior for ranking, an optional
//!   [`CasePolicy`], and optionally where it lies: its
//!   [`country`](Entry::country) and [`admin1`](Entry::admin1) (see
//!   [below](#country-and-admin1)).
//! * [`GazetteerBuilder`], from [`Gazetteer::builder`]: entries from code,
//!   TSV and JSON Lines files or readers, other gazetteers and the embedded
//!   default, merged and compiled by [`build`](GazetteerBuilder::build).
//! * [`Gazetteer`]: [`find_iter`](Gazetteer::find_iter) and
//!   [`find`](Gazetteer::find) report [`EntityMatch`]es (a [`Span`] of the
//!   original text, the top-ranked label and id, and all ranked
//!   candidates as [`EntryRef`]s, views of the gazetteer's compact entry
//!   storage with [`Entry`]'s accessors), leftmost-longest (or all overlapping matches with
//!   [`MatchKind::All`]); [`find_iter_normalized`](Gazetteer::find_iter_normalized)
//!   searches a text normalized once for several searches.
//!   [`find_in`](Gazetteer::find_in) and the other `_in` searches take a
//!   [`Lang`]: entries limited to other languages
//!   ([`Entry::with_langs`]) are left out, so Spanish "china" (a Chinese
//!   woman) is found in Spanish text only.
//!   [`save`](Gazetteer::save) / [`load`](Gazetteer::load) store a compiled
//!   gazetteer in a versioned, checksummed binary file.
//! * [`Resolver`]: reads matches in context (names inside longer names,
//!   cities used as clubs, namesakes by region), giving [`Resolved`]
//!   entities with a [`Source`] and the rule that decided; [`Nested`] is
//!   its policy for names inside names.
//! * [`Gazetteer::embedded`] (feature `embedded`): the default gazetteer,
//!   with German, French and Spanish names for searches in those languages.
//! * [`Error`]: loading and building errors, naming the file and line.
//!
//! # Country and admin1
//!
//! Several places share a name: Portland, Oregon and Portland, Maine. For
//! telling them apart by context ("Portland, Maine"; a dateline
//! "PORTLAND, Maine (AP) —"), an entry may carry `country` and `admin1`.
//! Both hold the **id of the containing entry** in the gazetteer, not a
//! name or a code of their own: for the default gazetteer, `country` is the
//! id of the country's entry (e.g. `iso3166-1:US`) and `admin1` the id of
//! the entry of the first-level division (state, province, region) that
//! contains the place (e.g. `iso3166-2:US-ME`, Maine). Users' gazetteers may
//! use any ids, as long as they are consistent: a `country` or `admin1`
//! value names the [`id`](Entry::id) of an entry of the same gazetteer (or
//! of one merged with it). Both are optional, independent of each other,
//! and not checked against the other entries. TSV files give them as
//! `country` and `admin1` columns (an empty cell for none), JSON Lines as
//! `"country"` and `"admin1"` fields; saved gazetteers keep them.
//!
//! Matching is [`dateline_match`]'s: Unicode case folding, optional accent
//! folding, typographic and whitespace folding, token boundaries ("Iran" is
//! not found in "Iranian"; "China" is found in "China's").
//!
//! # Example: your own gazetteer
//!
//! ```
//! use dateline_gazetteer::{CasePolicy, Entry, Gazetteer, Span};
//!
//! let gazetteer = Gazetteer::new([
//!     Entry::new("Wang Yi", "PERSON", "wang-yi"),
//!     Entry::new("Georgia", "GPE", "GE").with_prior(3.7e6),
//!     Entry::new("Georgia", "GPE", "US-GA").with_prior(1.1e7),
//!     Entry::new("UN", "ORG", "Q1065").with_case(CasePolicy::Sensitive),
//! ])?;
//! let text = "Wang Yi flew from Georgia to the UN; let us see.";
//! let found = gazetteer.find(text);
//! assert_eq!(found.len(), 3);
//! assert_eq!((found[0].span(), found[0].id()), (Span::new(0, 7), "wang-yi"));
//! // Ambiguous: both Georgias are candidates, the higher prior first.
//! let ids: Vec<&str> = found[1].candidates().map(|e| e.id()).collect();
//! assert_eq!(ids, ["US-GA", "GE"]);
//! assert_eq!(&text[found[2].span()], "UN");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: namesakes and where they lie
//!
//! ```
//! use dateline_gazetteer::Gazetteer;
//!
//! let tsv = "name\tlabel\tid\tprior\tcountry\tadmin1\n\
//!            Maine\tGPE\tiso3166-2:US-ME\t1362359\tiso3166-1:US\t\n\
//!            Portland\tGPE\tgeonames:5746545\t652503\tiso3166-1:US\tiso3166-2:US-OR\n\
//!            Portland\tGPE\tgeonames:4975802\t68408\tiso3166-1:US\tiso3166-2:US-ME\n";
//! let gazetteer = Gazetteer::builder().add_tsv_reader(tsv.as_bytes())?.build()?;
//! let text = "PORTLAND, Maine (AP) — ...";
//! let found = gazetteer.find(text);
//! let (place, region) = (found[0], found[1]);
//! // By prior alone, the larger Portland (Oregon) comes first ...
//! assert_eq!(place.id(), "geonames:5746545");
//! // ... but the candidate that lies in the region named next to it is
//! // the one meant.
//! let meant = place.candidates().find(|c| c.admin1() == Some(region.id()));
//! assert_eq!(meant.map(|c| c.id()), Some("geonames:4975802"));
//! assert_eq!(region.entry().country(), Some("iso3166-1:US"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: files, merged with the default
//!
//! ```
//! use dateline_gazetteer::Gazetteer;
//!
//! # #[cfg(feature = "embedded")] {
//! let tsv = "# the seed article's people\n\
//!            name\tlabel\tid\tcase\n\
//!            Dmytro Kuleba\tPERSON\tdmytro-kuleba\tfold\n\
//!            Kuleba\tPERSON\tdmytro-kuleba\tfold\n";
//! let gazetteer = Gazetteer::builder()
//!     .embedded()
//!     .add_tsv_reader(tsv.as_bytes())? // or .add_file("names.tsv")?
//!     .build()?;
//! let text = "Kuleba visited China.";
//! let labels: Vec<&str> = gazetteer.find_iter(text).map(|m| m.label()).collect();
//! assert_eq!(labels, ["PERSON", "GPE"]);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//!
//! * `embedded` (default): [`Gazetteer::embedded`] and
//!   [`GazetteerBuilder::embedded`], with the default data (about 3 MB of
//!   TSV; licences in `data/ATTRIBUTION.md`).
//! * `serde`: `Serialize`/`Deserialize` for [`Entry`] (`country` and
//!   `admin1` are left out when unset), `Serialize` for [`EntityMatch`]
//!   (each candidate with its `country` and `admin1` when set).

mod builder;
mod context;
#[cfg(feature = "embedded")]
mod embedded;
mod entry;
mod error;
mod gazetteer;
mod langs;
mod load;
mod persist;
mod plan;
mod store;

pub use crate::{
    builder::GazetteerBuilder,
    context::{Nested, ParseNestedError, Resolved, Resolver, ResolverBuilder, Source},
    entry::{Entry, MAX_NAME_LEN},
    error::Error,
    gazetteer::{EntityMatch, Gazetteer},
    store::{Entries, EntryRef},
};
pub use dateline_match::{CasePolicy, MatchKind, NormalizedText, Normalizer};
pub use dateline_tokenize::{Lang, Span};

#[cfg(all(doctest, feature = "embedded"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_types_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Gazetteer>();
        assert_send_sync::<GazetteerBuilder>();
        assert_send_sync::<Entry>();
        assert_send_sync::<EntryRef<'static>>();
        assert_send_sync::<EntityMatch<'static>>();
        assert_send_sync::<Error>();
    }
}
