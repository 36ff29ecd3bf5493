//! [`NameRules`]: the word tables one language gives the context rules.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A head word and the label it gives the name it ends.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Head {
    pub(crate) word: &'static str,
    pub(crate) label: &'static str,
    pub(crate) rule: &'static str,
}

impl Head {
    pub(crate) const fn org(word: &'static str) -> Head {
        Head { word, label: "ORG", rule: "head:org" }
    }

    pub(crate) const fn gpe(word: &'static str) -> Head {
        Head { word, label: "GPE", rule: "head:gpe" }
    }

    pub(crate) const fn loc(word: &'static str) -> Head {
        Head { word, label: "LOC", rule: "head:loc" }
    }

    pub(crate) const fn fac(word: &'static str) -> Head {
        Head { word, label: "FAC", rule: "head:fac" }
    }
}

/// One language's tables. Words are compared as written (capitalized
/// words capitalized), except the lowercase cue words of sports pages.
#[derive(Debug)]
pub(crate) struct NameRules {
    /// Lowercase words that join two capitalized words into one name.
    pub(crate) connectors: &'static [&'static str],
    /// Words that may follow a connector before the next capitalized word.
    pub(crate) second_connectors: &'static [&'static str],
    /// Capitalized words that are never part of a name run.
    pub(crate) breaks: &'static [&'static str],
    /// Titles of people: a name run stops before the words leading to one.
    pub(crate) titles: &'static [&'static str],
    /// Head words: the last word of a name (or the word before its first
    /// "of") saying what the name is.
    pub(crate) heads: &'static [Head],
    /// First words that make a name an organization (sports clubs).
    pub(crate) org_prefixes: &'static [&'static str],
    /// First words that make a name a geographic feature.
    pub(crate) loc_prefixes: &'static [&'static str],
    /// First words that make a part of a place a region ("Eastern Ukraine").
    pub(crate) region_prefixes: &'static [&'static str],
    /// Verbs of a match right after a city used as a club.
    pub(crate) sports_verbs_after: &'static [&'static str],
    /// Words right before a city used as a club.
    pub(crate) sports_words_before: &'static [&'static str],
    /// Roles right after a city used as a club.
    pub(crate) sports_roles_after: &'static [&'static str],
    /// Cue words that need no score nearby.
    pub(crate) sports_strong_words: &'static [&'static str],
    /// Abbreviations of regions after a city, with the region's id.
    pub(crate) region_abbreviations: &'static [(&'static str, &'static str)],
    /// The language's common words, one a line (`#` lines are comments):
    /// capitalized at a sentence start, they are no evidence of a name.
    pub(crate) common_words: &'static str,
    /// `heads` by word, made on first use.
    pub(crate) head_index: OnceLock<HashMap<&'static str, &'static Head>>,
    /// `common_words` as a set, made on first use.
    pub(crate) common_set: OnceLock<HashSet<&'static str>>,
}

impl NameRules {
    pub(crate) fn is_connector(&self, word: &str) -> bool {
        self.connectors.contains(&word)
    }

    pub(crate) fn is_second_connector(&self, word: &str) -> bool {
        self.second_connectors.contains(&word)
    }

    pub(crate) fn is_break(&self, word: &str) -> bool {
        self.breaks.contains(&word)
    }

    pub(crate) fn is_title(&self, word: &str) -> bool {
        self.titles.contains(&word)
    }

    /// The head word `word` is, as written or in capitals.
    pub(crate) fn head(&self, word: &str) -> Option<&'static Head> {
        let heads = self.head_index.get_or_init(|| {
            let heads: &'static [Head] = self.heads;
            heads.iter().map(|h| (h.word, h)).collect()
        });
        heads.get(word).copied().or_else(|| {
            let capitals = word.len() > 1 && word.chars().all(|c| !c.is_lowercase());
            capitals.then(|| self.heads.iter().find(|h| is_upper_of(word, h.word))).flatten()
        })
    }

    /// Whether `word` (as written) is usually written in lowercase.
    pub(crate) fn is_common(&self, word: &str) -> bool {
        let set = self.common_set.get_or_init(|| {
            self.common_words.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
        });
        let lower = word.to_lowercase();
        set.contains(lower.as_str())
    }

    pub(crate) fn region_abbreviation(&self, word: &str) -> Option<&'static str> {
        self.region_abbreviations.iter().find(|(w, _)| *w == word).map(|(_, id)| *id)
    }
}

/// Whether `word` is `table` in capitals ("BANK" for "Bank"), as headlines
/// and datelines write it.
fn is_upper_of(word: &str, table: &str) -> bool {
    word.chars().all(|c| !c.is_lowercase())
        && word.chars().eq(table.chars().flat_map(char::to_uppercase))
}
