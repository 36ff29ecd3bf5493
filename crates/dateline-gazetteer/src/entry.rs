//! Gazetteer entries: a named thing with a label, an id, aliases, a prior,
//! and the ids of the country and first-level division that contain it.

use crate::{CasePolicy, Lang, langs};

/// The longest name (or alias) accepted, in bytes.
///
/// Real names are far shorter; the limit keeps a malformed file (a missing
/// newline, a pasted document) from turning into a multi-kilobyte pattern.
pub const MAX_NAME_LEN: usize = 1024;

/// One named thing: "Kyiv" (`GPE`, GeoNames id `703448`), "Wang Yi"
/// (`PERSON`), "NATO" (`ORG`).
///
/// An entry has a primary [`name`](Entry::name), optional
/// [`aliases`](Entry::aliases) (other surface forms of the same thing), an
/// optional [`prior`](Entry::prior) used to rank entries that share a surface
/// form (for places, the population), and an optional [`case`](Entry::case)
/// policy for all its names (when absent, the gazetteer's default applies).
///
/// A place may also say where it lies, to tell namesakes apart by context
/// ("Portland, Maine" is the Portland whose first-level division is Maine):
/// [`country`](Entry::country) and [`admin1`](Entry::admin1) hold the **id
/// of the containing entry** in the same gazetteer, not a name. In the
/// default gazetteer `country` is the id of the country's entry (e.g.
/// `iso3166-1:US`) and `admin1` the id of the first-level division's entry
/// (e.g. `iso3166-2:US-ME`, the state of Maine). Your own gazetteers may use
/// any ids, as long as they are consistent: a `country` or `admin1` value
/// should be the [`id`](Entry::id) of an entry that the same gazetteer (or
/// one merged with it) has. Neither is checked against the other entries:
/// a gazetteer of cities alone may name countries it does not list.
///
/// Labels follow OntoNotes/spaCy in the default gazetteer (`GPE`, `NORP`,
/// `ORG`, `LOC`, `PERSON`), but any label string is accepted.
///
/// # Example
///
/// ```
/// use dateline_gazetteer::{CasePolicy, Entry};
///
/// let entry = Entry::new("United Nations", "ORG", "Q1065")
///     .with_alias("U.N.")
///     .with_prior(1.0)
///     .with_case(CasePolicy::Insensitive);
/// assert_eq!(entry.names().collect::<Vec<_>>(), ["United Nations", "U.N."]);
///
/// let portland = Entry::new("Portland", "GPE", "geonames:4975802")
///     .with_country("iso3166-1:US")
///     .with_admin1("iso3166-2:US-ME");
/// assert_eq!(portland.country(), Some("iso3166-1:US"));
/// assert_eq!(portland.admin1(), Some("iso3166-2:US-ME"));
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entry {
    name: String,
    label: String,
    id: String,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    aliases: Vec<String>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    prior: Option<f64>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none", with = "case_serde")
    )]
    case: Option<CasePolicy>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    country: Option<String>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    admin1: Option<String>,
    #[cfg_attr(
        feature = "serde",
        serde(rename = "lang", default, skip_serializing_if = "Vec::is_empty")
    )]
    langs: Vec<Lang>,
}

impl Entry {
    /// Creates an entry with a name, a label and an id, without aliases,
    /// prior, case policy, country or first-level division.
    pub fn new(name: impl Into<String>, label: impl Into<String>, id: impl Into<String>) -> Entry {
        Entry {
            name: name.into(),
            label: label.into(),
            id: id.into(),
            aliases: Vec::new(),
            prior: None,
            case: None,
            country: None,
            admin1: None,
            langs: Vec::new(),
        }
    }

    /// Adds an alias: another surface form of the same thing.
    pub fn with_alias(mut self, alias: impl Into<String>) -> Entry {
        self.aliases.push(alias.into());
        self
    }

    /// Adds several aliases.
    pub fn with_aliases<I, S>(mut self, aliases: I) -> Entry
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.aliases.extend(aliases.into_iter().map(Into::into));
        self
    }

    /// Sets the prior: a ranking weight for entries that share a surface
    /// form, higher first (e.g. a population).
    pub fn with_prior(mut self, prior: f64) -> Entry {
        self.prior = Some(prior);
        self
    }

    /// Sets the case policy of all the entry's names, overriding the
    /// gazetteer's default.
    pub fn with_case(mut self, case: CasePolicy) -> Entry {
        self.case = Some(case);
        self
    }

    /// Sets the country: the id of the entry of the country that contains
    /// this one (in the default gazetteer, e.g. `iso3166-1:US`).
    pub fn with_country(mut self, country: impl Into<String>) -> Entry {
        self.country = Some(country.into());
        self
    }

    /// Sets the first-level administrative division (state, province,
    /// region): the id of the entry of the division that contains this one
    /// (in the default gazetteer, e.g. `iso3166-2:US-ME`).
    pub fn with_admin1(mut self, admin1: impl Into<String>) -> Entry {
        self.admin1 = Some(admin1.into());
        self
    }

    /// Limits the entry to text in these languages (by default an entry
    /// applies to every language). For forms that are names in one
    /// language and words in another: Spanish "china" (a Chinese woman) is
    /// porcelain in English, French "Nice" an adjective in English. Kept
    /// in [`Lang::ALL`] order, each once; an empty list leaves the entry
    /// for every language.
    pub fn with_langs(mut self, langs: impl IntoIterator<Item = Lang>) -> Entry {
        let mask = langs.into_iter().fold(langs::mask(&self.langs), |m, l| m | langs::bit(l));
        self.langs = langs::langs(mask).collect();
        self
    }

    /// The primary name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The label, e.g. `"GPE"`.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The id as given, e.g. `"geonames:703448"`, `"iso3166-1:UA"` or
    /// `"wikidata:Q1065"` in the default gazetteer, whose ids carry their
    /// namespace; user gazetteers' ids are kept as written.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The aliases, in the order they were added.
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// The prior, if any.
    pub fn prior(&self) -> Option<f64> {
        self.prior
    }

    /// The entry's own case policy, if any.
    pub fn case(&self) -> Option<CasePolicy> {
        self.case
    }

    /// The id of the entry of the country that contains this one, if set
    /// (see [`with_country`](Entry::with_country)).
    pub fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }

    /// The id of the entry of the first-level division that contains this
    /// one, if set (see [`with_admin1`](Entry::with_admin1)).
    pub fn admin1(&self) -> Option<&str> {
        self.admin1.as_deref()
    }

    /// The languages the entry is limited to, in [`Lang::ALL`] order;
    /// empty for an entry of every language.
    pub fn langs(&self) -> &[Lang] {
        &self.langs
    }

    /// Whether the entry applies to text in `lang`.
    pub fn applies_to(&self, lang: Lang) -> bool {
        self.langs.is_empty() || self.langs.contains(&lang)
    }

    /// The name followed by the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Parses a case policy as written in gazetteer files: `exact` (also
/// `sensitive`), `fold` (also `insensitive`) or `auto`, ignoring ASCII case.
pub(crate) fn parse_case(value: &str) -> Option<CasePolicy> {
    let value = value.trim();
    if value.eq_ignore_ascii_case("exact") || value.eq_ignore_ascii_case("sensitive") {
        Some(CasePolicy::Sensitive)
    } else if value.eq_ignore_ascii_case("fold") || value.eq_ignore_ascii_case("insensitive") {
        Some(CasePolicy::Insensitive)
    } else if value.eq_ignore_ascii_case("auto") {
        Some(CasePolicy::Auto)
    } else {
        None
    }
}

/// The file spelling of a case policy, the inverse of [`parse_case`].
#[cfg(any(feature = "serde", test))]
pub(crate) fn case_name(case: CasePolicy) -> &'static str {
    match case {
        CasePolicy::Sensitive => "exact",
        CasePolicy::Insensitive => "fold",
        _ => "auto",
    }
}

/// Serializes a case policy the way gazetteer files write it (`"exact"`,
/// `"fold"`, `"auto"`), independently of `dateline-match`'s own serde form.
#[cfg(feature = "serde")]
mod case_serde {
    use crate::CasePolicy;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(
        case: &Option<CasePolicy>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match case {
            Some(case) => s.serialize_some(super::case_name(*case)),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<CasePolicy>, D::Error> {
        let value = Option::<String>::deserialize(d)?;
        match value {
            None => Ok(None),
            Some(value) => super::parse_case(&value).map(Some).ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "invalid case {value:?} (expected exact, fold or auto)"
                ))
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_case_spellings_of_the_shared_files() {
        assert_eq!(parse_case("exact"), Some(CasePolicy::Sensitive));
        assert_eq!(parse_case("FOLD"), Some(CasePolicy::Insensitive));
        assert_eq!(parse_case(" auto "), Some(CasePolicy::Auto));
        assert_eq!(parse_case("sometimes"), None);
        for case in [CasePolicy::Sensitive, CasePolicy::Insensitive, CasePolicy::Auto] {
            assert_eq!(parse_case(case_name(case)), Some(case));
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trip_uses_the_file_spellings() {
        let entry = Entry::new("UN", "ORG", "Q1065").with_case(CasePolicy::Sensitive);
        let json = serde_json::to_string(&entry).unwrap();
        assert_eq!(json, r#"{"name":"UN","label":"ORG","id":"Q1065","case":"exact"}"#);
        assert_eq!(serde_json::from_str::<Entry>(&json).unwrap(), entry);
        let err = serde_json::from_str::<Entry>(r#"{"name":"a","label":"b","id":"c","case":"x"}"#);
        assert!(err.is_err());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_writes_country_and_admin1_only_when_set() {
        let entry = Entry::new("Portland", "GPE", "geonames:4975802")
            .with_country("iso3166-1:US")
            .with_admin1("iso3166-2:US-ME");
        let json = serde_json::to_string(&entry).unwrap();
        assert_eq!(
            json,
            r#"{"name":"Portland","label":"GPE","id":"geonames:4975802","country":"iso3166-1:US","admin1":"iso3166-2:US-ME"}"#
        );
        assert_eq!(serde_json::from_str::<Entry>(&json).unwrap(), entry);
        let country_only = Entry::new("Lyon", "GPE", "geonames:2996944").with_country("FR");
        let json = serde_json::to_string(&country_only).unwrap();
        assert!(!json.contains("admin1"), "{json}");
        assert_eq!(serde_json::from_str::<Entry>(&json).unwrap(), country_only);
        let json = r#"{"name":"a","label":"b","id":"c","admin1":null}"#;
        assert_eq!(serde_json::from_str::<Entry>(json).unwrap(), Entry::new("a", "b", "c"));
        let err = serde_json::from_str::<Entry>(r#"{"name":"a","label":"b","id":"c","country":1}"#);
        assert!(err.is_err());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_writes_lang_codes_only_when_limited() {
        let entry = Entry::new("chinos", "NORP", "iso3166-1:CN").with_langs([Lang::Es]);
        let json = serde_json::to_string(&entry).unwrap();
        assert_eq!(json, r#"{"name":"chinos","label":"NORP","id":"iso3166-1:CN","lang":["es"]}"#);
        assert_eq!(serde_json::from_str::<Entry>(&json).unwrap(), entry);
        let json = serde_json::to_string(&Entry::new("China", "GPE", "iso3166-1:CN")).unwrap();
        assert!(!json.contains("lang"), "{json}");
    }

    #[test]
    fn names_lists_the_name_then_the_aliases() {
        let entry = Entry::new("Kyiv", "GPE", "703448").with_aliases(["Kiev", "Kyiv City"]);
        assert_eq!(entry.names().collect::<Vec<_>>(), ["Kyiv", "Kiev", "Kyiv City"]);
        assert_eq!(entry.prior(), None);
        assert_eq!(entry.case(), None);
        assert_eq!((entry.country(), entry.admin1()), (None, None));
        assert!(entry.langs().is_empty() && entry.applies_to(Lang::Fr));
    }

    #[test]
    fn langs_are_kept_in_order_once_and_limit_the_entry() {
        let entry = Entry::new("china", "NORP", "iso3166-1:CN").with_langs([Lang::Es, Lang::Fr]);
        let entry = entry.with_langs([Lang::Es]);
        assert_eq!(entry.langs(), [Lang::Fr, Lang::Es]);
        assert!(entry.applies_to(Lang::Es) && !entry.applies_to(Lang::En));
    }
}
