//! The tables of a language without name-run rules of its own: every
//! gazetteer match is read as found.
//!
//! The English rules grow names over capitalized words ("Bank of China",
//! "US Navy"), which is English orthography: German capitalizes every noun
//! ("in China Geschäfte machen" would make "China Geschäfte" one run and
//! drop the place), and the head words ("Bank", "Party") are English
//! words. Rather than let those rules misfire, a language gets no runs, no
//! head words and no sports words until it has tables of its own (a file
//! like `english.rs`, and a line in [`super::rules::for_lang`]). What stays
//! is what reads no language's words: namesakes by the region after a
//! comma ("Portland, Maine"), score lines, and "US$" as money.

use super::rules::{Caches, EndingCues, Head, NameRules, WordSet};

/// No name runs, no head words, no cue words.
pub(crate) static WITHOUT_RUNS: NameRules = NameRules::without_runs(&[], "");

impl NameRules {
    /// Tables with no name runs and no cue words, but for the head words
    /// that end a name written without spaces and the stop words between
    /// (Chinese, `chinese.rs`; none for [`WITHOUT_RUNS`]): every other table
    /// is written empty here once, not in each such language.
    pub(crate) const fn without_runs(
        unspaced_heads: &'static [Head],
        unspaced_stops: &'static str,
    ) -> NameRules {
        NameRules {
            name_runs: false,
            connectors: WordSet::new(&[]),
            second_connectors: WordSet::new(&[]),
            topic_connectors: WordSet::new(&[]),
            topic_heads: WordSet::new(&[]),
            purpose_connectors: WordSet::new(&[]),
            seat_heads: WordSet::new(&[]),
            cause_nouns: WordSet::new(&[]),
            cause_leads: WordSet::new(&[]),
            cause_connectors: WordSet::new(&[]),
            closing_heads: WordSet::new(&[]),
            locating_connectors: WordSet::new(&[]),
            mission_heads: WordSet::new(&[]),
            mission_connectors: WordSet::new(&[]),
            breaks: WordSet::new(&[]),
            titles: WordSet::new(&[]),
            heads: &[],
            unspaced_heads,
            unspaced_stops,
            org_prefixes: WordSet::new(&[]),
            loc_prefixes: WordSet::new(&[]),
            region_prefixes: WordSet::new(&[]),
            town_part_prefixes: WordSet::new(&[]),
            compass_states: &[],
            riding_nouns: WordSet::new(&[]),
            riding_links: WordSet::new(&[]),
            group_modifiers: WordSet::new(&[]),
            hyphen_groups: WordSet::new(&[]),
            relation_nouns: WordSet::new(&[]),
            hyphen_particles: WordSet::new(&[]),
            numbered_heads: WordSet::new(&[]),
            name_titles: WordSet::new(&[]),
            name_abbreviations: WordSet::new(&[]),
            title_openers: WordSet::new(&[]),
            opened_titles: WordSet::new(&[]),
            name_conjunctions: WordSet::new(&[]),
            ordinal_heads: WordSet::new(&[]),
            possessive_name_nouns: WordSet::new(&[]),
            sports_verbs_after: WordSet::new(&[]),
            sports_words_before: EndingCues::new(&[]),
            sports_roles_after: WordSet::new(&[]),
            sports_strong_words: &[],
            place_prepositions: &[],
            language_nouns: WordSet::new(&[]),
            currency_nouns: WordSet::new(&[]),
            treaty_nouns: WordSet::new(&[]),
            foreign_name_links: WordSet::new(&[]),
            amount_words: WordSet::new(&[]),
            language_verbs: WordSet::new(&[]),
            language_verbs_linked: WordSet::new(&[]),
            title_links: WordSet::new(&[]),
            region_followers: WordSet::new(&[]),
            demonym_splits: &[],
            region_abbreviations: &[],
            common_words: "",
            first_names: "",
            caches: Caches::new(),
        }
    }
}
