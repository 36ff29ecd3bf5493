//! Gazetteer entries: a named thing with a label, an id, aliases and a prior.

use crate::CasePolicy;

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
}

impl Entry {
    /// Creates an entry with a name, a label and an id, without aliases,
    /// prior or case policy.
    pub fn new(name: impl Into<String>, label: impl Into<String>, id: impl Into<String>) -> Entry {
        Entry {
            name: name.into(),
            label: label.into(),
            id: id.into(),
            aliases: Vec::new(),
            prior: None,
            case: None,
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

    #[test]
    fn names_lists_the_name_then_the_aliases() {
        let entry = Entry::new("Kyiv", "GPE", "703448").with_aliases(["Kiev", "Kyiv City"]);
        assert_eq!(entry.names().collect::<Vec<_>>(), ["Kyiv", "Kiev", "Kyiv City"]);
        assert_eq!(entry.prior(), None);
        assert_eq!(entry.case(), None);
    }
}
