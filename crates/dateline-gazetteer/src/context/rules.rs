//! [`NameRules`]: the word tables one language gives the context rules.

use std::collections::HashMap;

use dateline_match::{CasePolicy, Matcher, Pattern};
use dateline_tokenize::Lang;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// The part a word plays in a name run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// "of", "&": joins two names' words after a head word.
    Connector,
    /// "the" after a connector.
    SecondConnector,
    /// Never in a name: dates, "The".
    Break,
    /// A person's title.
    Title,
    /// Anything else.
    Other,
}

/// A head word and the label it gives the name it ends.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Head {
    pub(crate) word: &'static str,
    pub(crate) label: &'static str,
    pub(crate) rule: &'static str,
}

/// The label of heads that end names dateline does not report (laws).
pub(crate) const UNREPORTED: &str = "LAW";

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

    /// A law's name ("Real ID Act", "Lake Simcoe Act"): neither a place
    /// nor an organization, so neither the run nor a name inside it is
    /// reported.
    pub(crate) const fn law(word: &'static str) -> Head {
        Head { word, label: UNREPORTED, rule: "head:law" }
    }
}

/// One language's tables. Words are compared as written (capitalized
/// words capitalized), except the lowercase cue words of sports pages.
#[derive(Debug)]
pub(crate) struct NameRules {
    /// Whether capitalized words make name runs at all (English: yes; a
    /// language without tables of its own: no, see `without_runs.rs`).
    pub(crate) name_runs: bool,
    /// Lowercase words that join two capitalized words into one name.
    pub(crate) connectors: WordSet,
    /// Words that may follow a connector before the next capitalized word.
    pub(crate) second_connectors: WordSet,
    /// Capitalized words that are never part of a name run.
    pub(crate) breaks: WordSet,
    /// Titles of people: a name run stops before the words leading to one.
    pub(crate) titles: WordSet,
    /// Head words: the last word of a name (or the word before its first
    /// "of") saying what the name is.
    pub(crate) heads: &'static [Head],
    /// Head words written right after a place in scripts without spaces
    /// ("银行" in "中国工商银行"; see `unspaced.rs`); empty for languages
    /// written with spaces.
    pub(crate) unspaced_heads: &'static [Head],
    /// Characters that cannot stand between a place and such a head word
    /// (function words, numerals).
    pub(crate) unspaced_stops: &'static str,
    /// First words that make a name an organization (sports clubs).
    pub(crate) org_prefixes: WordSet,
    /// First words that make a name a geographic feature.
    pub(crate) loc_prefixes: WordSet,
    /// First words that make a part of a place a region ("Eastern Ukraine").
    pub(crate) region_prefixes: WordSet,
    /// Verbs of a match right after a city used as a club.
    pub(crate) sports_verbs_after: WordSet,
    /// Words right before a city used as a club.
    pub(crate) sports_words_before: &'static [&'static str],
    /// Roles right after a city used as a club.
    pub(crate) sports_roles_after: WordSet,
    /// Cue words that need no score nearby.
    pub(crate) sports_strong_words: &'static [&'static str],
    /// Abbreviations of regions after a city, with the region's id.
    pub(crate) region_abbreviations: &'static [(&'static str, &'static str)],
    /// The language's common words, one a line (`#` lines are comments):
    /// capitalized at a sentence start, they are no evidence of a name.
    pub(crate) common_words: &'static str,
    /// The matcher of the name cues, made on first use.
    pub(crate) cue_matcher: OnceLock<Matcher>,
    /// Connectors, breaks and titles by word, made on first use.
    pub(crate) class_index: OnceLock<Index<Class>>,
    /// `heads` by word, made on first use.
    pub(crate) head_index: OnceLock<Index<&'static Head>>,
    /// `common_words` as a sorted list, made on first use.
    pub(crate) common_list: OnceLock<Vec<&'static str>>,
}

/// The tables of `lang`: the one place a language is mapped to its rules.
pub(crate) fn for_lang(lang: Lang) -> &'static NameRules {
    match lang {
        Lang::En => &super::english::ENGLISH,
        Lang::Zh => &super::chinese::CHINESE,
        _ => &super::without_runs::WITHOUT_RUNS,
    }
}

impl NameRules {
    /// What part `word` plays in a name run, in one lookup.
    pub(crate) fn class(&self, word: &str) -> Class {
        let classes = self.class_index.get_or_init(|| {
            let of = |set: &WordSet, class: Class| set.words.iter().map(move |&w| (w, class));
            Index::new(
                of(&self.connectors, Class::Connector)
                    .chain(of(&self.second_connectors, Class::SecondConnector))
                    .chain(of(&self.breaks, Class::Break))
                    .chain(of(&self.titles, Class::Title)),
            )
        });
        classes.get(word).unwrap_or(Class::Other)
    }

    pub(crate) fn is_connector(&self, word: &str) -> bool {
        self.class(word) == Class::Connector
    }

    pub(crate) fn is_second_connector(&self, word: &str) -> bool {
        self.class(word) == Class::SecondConnector
    }

    pub(crate) fn is_break(&self, word: &str) -> bool {
        self.class(word) == Class::Break
    }

    pub(crate) fn is_title(&self, word: &str) -> bool {
        self.class(word) == Class::Title
    }

    /// The head word `word` is, as written or in capitals ("BANK", as
    /// headlines and datelines write it).
    pub(crate) fn head(&self, word: &str) -> Option<&'static Head> {
        let heads = self.head_index.get_or_init(|| {
            let heads: &'static [Head] = self.heads;
            // The capital forms live as long as the tables: made once.
            let capitals = heads.iter().map(|h| {
                let upper: &'static str = Box::leak(h.word.to_uppercase().into_boxed_str());
                (upper, h)
            });
            Index::new(heads.iter().map(|h| (h.word, h)).chain(capitals))
        });
        heads.get(word)
    }

    /// Whether `word` says a name goes on or what it is: a head word or a
    /// club or feature prefix ("Bank" of "Bank of China", "Real", "Mount").
    pub(crate) fn types_a_name(&self, word: &str) -> bool {
        self.head(word).is_some()
            || self.org_prefixes.contains(word)
            || self.loc_prefixes.contains(word)
    }

    /// A case-sensitive matcher of [`name_cues`](NameRules::name_cues),
    /// built on first use.
    pub(crate) fn cue_matcher(&'static self) -> &'static Matcher {
        self.cue_matcher.get_or_init(|| {
            let cues = self.name_cues().map(|w| Pattern::new(w, CasePolicy::Sensitive));
            Matcher::new(cues).expect("the rules' words are valid patterns")
        })
    }

    /// The head words and prefixes that type a name ("Party", "Real",
    /// "Mount"), as written.
    pub(crate) fn name_cues(&self) -> impl Iterator<Item = &'static str> {
        // Club prefixes ("Real") type a name only with a place in it
        // ("Real Madrid"), which the gazetteer's matches bring.
        let heads: &'static [Head] = self.heads;
        let loc: &'static [&'static str] = self.loc_prefixes.words;
        heads.iter().map(|h| h.word).chain(loc.iter().copied())
    }

    /// Whether `word` (as written) is usually written in lowercase.
    pub(crate) fn is_common(&self, word: &str) -> bool {
        // A sorted list searched by halves, not a hash set: lookups are
        // few (sentence-initial words next to names), and hashing the
        // 5,000 English words into a set at start-up cost more than all
        // the lookups of a 3 MB run.
        let list = self.common_list.get_or_init(|| {
            let text: &'static str = self.common_words;
            // Lines split by a byte loop: a search for each line break
            // costs more than these short lines.
            let mut words: Vec<&'static str> = Vec::with_capacity(text.len() / 8);
            let mut start = 0;
            for (i, b) in text.bytes().enumerate().chain([(text.len(), b'\n')]) {
                if b == b'\n' {
                    let line = &text[start..i];
                    let line = line.strip_suffix('\r').unwrap_or(line);
                    if !line.is_empty() && !line.starts_with('#') {
                        words.push(line);
                    }
                    start = i + 1;
                }
            }
            // The generator writes the words sorted; a hand-edited table
            // is sorted here.
            if !words.is_sorted() {
                words.sort_unstable();
            }
            words
        });
        let find = |lower: &str| list.binary_search(&lower).is_ok();
        // Lowercase ASCII on the stack: this runs for sentence-initial words.
        let mut buffer = [0u8; 32];
        if word.is_ascii() && word.len() <= buffer.len() {
            let lower = &mut buffer[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            let lower = std::str::from_utf8(lower).expect("ASCII stays UTF-8");
            return find(lower);
        }
        find(&word.to_lowercase())
    }

    pub(crate) fn region_abbreviation(&self, word: &str) -> Option<&'static str> {
        self.region_abbreviations.iter().find(|(w, _)| *w == word).map(|(_, id)| *id)
    }
}

/// A fixed set of words, for lookups the rules make for every word near a
/// name.
#[derive(Debug)]
pub(crate) struct WordSet {
    pub(crate) words: &'static [&'static str],
    index: OnceLock<Index<()>>,
}

impl WordSet {
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet { words, index: OnceLock::new() }
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        let index = self.index.get_or_init(|| Index::new(self.words.iter().map(|&w| (w, ()))));
        index.get(word).is_some()
    }
}

/// Words to values, behind a filter on (first byte, length) that turns
/// most words away before they are hashed.
#[derive(Debug)]
pub(crate) struct Index<V> {
    /// Bit [`filter_key`] of every word is set.
    filter: Box<[u64; FILTER_WORDS]>,
    map: HashMap<&'static str, V, BuildHasherDefault<Fnv>>,
}

impl<V: Copy> Index<V> {
    fn new(entries: impl Iterator<Item = (&'static str, V)>) -> Index<V> {
        let mut filter = Box::new([0u64; FILTER_WORDS]);
        let mut map = HashMap::default();
        for (word, value) in entries {
            let key = filter_key(word);
            filter[key / 64] |= 1 << (key % 64);
            map.insert(word, value);
        }
        Index { filter, map }
    }

    /// False when `word` cannot be in the index (cheap); true when it may.
    fn may_hold(&self, word: &str) -> bool {
        let key = filter_key(word);
        self.filter[key / 64] & (1 << (key % 64)) != 0
    }

    /// The value of `word`; the filter turns most absent words away before
    /// they are hashed.
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        if self.may_hold(word) { self.map.get(word).copied() } else { None }
    }
}

/// The filter's size in 64-bit words: 4,096 bits, a few set per table.
const FILTER_WORDS: usize = 64;

/// Where a word falls in an [`Index`]'s filter: its first two bytes and
/// its length, mixed.
fn filter_key(word: &str) -> usize {
    let bytes = word.as_bytes();
    let first = bytes.first().map_or(0, |&b| usize::from(b));
    let second = bytes.get(1).map_or(0, |&b| usize::from(b));
    (first.wrapping_mul(151) ^ second.wrapping_mul(31) ^ word.len().wrapping_mul(2_654_435_761))
        % (FILTER_WORDS * 64)
}

/// FNV-1a: short keys, no need to resist crafted collisions (the keys are
/// the tables', not the text's).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = hash;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_are_found_in_any_case() {
        let english = &crate::context::english::ENGLISH;
        for word in ["the", "The", "THE", "yesterday", "Officials"] {
            assert!(english.is_common(word), "{word}");
        }
        for word in ["China", "Beijing", "", "#", "zzzz", "Ünïcödé"] {
            assert!(!english.is_common(word), "{word}");
        }
    }

    #[test]
    fn word_sets_hold_their_words_only() {
        static SET: WordSet = WordSet::new(&["of", "for", "&", "Bank"]);
        for word in ["of", "for", "&", "Bank"] {
            assert!(SET.contains(word), "{word}");
        }
        for word in ["", "o", "off", "For", "bank", "Banks", "&&"] {
            assert!(!SET.contains(word), "{word}");
        }
    }
}
