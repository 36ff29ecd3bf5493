//! A name before a comma and a region is a place in that region:
//! "Palmyra, Syria", "Cibolo, Texas", "in Woodbridge, Virginia, and"
//! (`place:region`). News writes small places this way, and the default
//! gazetteer leaves out towns under 50,000 people (their names are words
//! and surnames as often as places). OntoNotes marks both names `GPE`.
//!
//! The reading is asked only of a gazetteer match right after ", " (two
//! byte tests a match, in the caller), whose chosen candidate is a country
//! or a first-level division (no `admin1`). The words before the
//! comma are a place when:
//!
//! * they are one to four capitalized words, none a gazetteer match, a
//!   title, a date word or a word that types a name ("Tabqa Dam", "Fort
//!   Campbell" are the head words' business);
//! * a lowercase word stands before them ("in", "near", "of", "and"), or a
//!   sentence starts there and the common words that start it are left out
//!   ("Near Palmyra, Syria"; "Meanwhile, China" leaves nothing);
//! * they do not start with a first name ("John Smith, Texas");
//! * the region ends the phrase: punctuation, a line end or a
//!   preposition or conjunction of `region_followers` after it. Not
//!   "Shaul Mofaz, Israel's Transportation Minister", "Margaret Beckett,
//!   UK Foreign Secretary", "Kaedar Electronics, South Korea-based", where
//!   the region starts a description of a person or a company.

use dateline_tokenize::Span;

use super::rules::{Class, NameRules};
use super::{Resolved, Source, runs};
use crate::EntityMatch;

/// The rule's name.
pub(crate) const RULE: &str = "place:region";

/// The name of the reading of [`towns_in_tables`].
pub(crate) const CELL_RULE: &str = "place:cell";

/// The name of the reading of [`is_part_of_town`].
pub(crate) const PART_RULE: &str = "prefix:town";

/// The name of the reading of [`is_compass_state`].
pub(crate) const STATE_RULE: &str = "prefix:state";

/// How many entities before a name in a table cell are read for a town in
/// a cell of its own: a row of an election table holds a candidate, a party
/// and a hometown ("|| Tom Wyka || Democrat || Lake Hiawatha ||").
const CELL_LOOKBACK: usize = 6;

/// The most words a place's name takes ("Portage La Prairie" is three).
const MAX_WORDS: usize = 4;

/// The place before match `i` and ", ", when match `i` is a region read
/// with its candidate `chosen` and the words before say a place (see the
/// module docs): words no earlier match takes.
pub(crate) fn before_region(
    rules: &NameRules,
    text: &str,
    matches: &[EntityMatch<'_>],
    i: usize,
    chosen: usize,
) -> Option<Span> {
    let region = matches[i];
    let start = region.start();
    if start < 3 || text.as_bytes().get(start - 2..start) != Some(b", ") {
        return None;
    }
    // A match right before the comma: a list ("Australia, Bahrain") or a
    // namesake's region ("Portland, Maine"), nothing to read.
    if i > 0 && matches[i - 1].end() == start - 2 {
        return None;
    }
    if !ends_phrase(rules, text, region.end()) {
        return None;
    }
    let candidate = region.candidates().nth(chosen)?;
    if candidate.label() != "GPE" || candidate.admin1().is_some() {
        return None;
    }
    let floor = if i == 0 { 0 } else { matches[i - 1].end() };
    let comma = start - 2;
    let mut words: Vec<Span> = Vec::with_capacity(MAX_WORDS);
    let mut end = comma;
    while let Some(word) = runs::word_before(rules, text, end) {
        let written = &text[word];
        if !runs::is_capitalized(written)
            || rules.class(written) != Class::Other
            || rules.types_a_name(written)
        {
            break;
        }
        if word.start < floor || words.len() == MAX_WORDS {
            return None;
        }
        words.push(word);
        // "Wilkes-Barre": a hyphen joins two capitalized words.
        if word.start > 0 && text.as_bytes()[word.start - 1] == b'-' {
            end = word.start - 1;
            continue;
        }
        let gap = runs::gap_before(text, word.start);
        if gap == word.start {
            break;
        }
        end = gap;
    }
    words.reverse();
    let mut first = 0;
    let run_start = words.first()?.start;
    if runs::is_sentence_start(text, run_start) {
        // "Near Palmyra, Syria": a capitalized common word is no evidence
        // at a sentence start. A sentence that starts with the name itself
        // starts with an adverb as often ("However, Bulgaria", "Meanwhile,
        // Croatia"); only a dateline's capitals say a place there
        // ("FORT WORTH, Texas (AP)").
        while words.get(first).is_some_and(|w| rules.is_common(&text[*w])) {
            first += 1;
        }
        if first == 0 && !is_capitals(&text[run_start..comma]) {
            return None;
        }
    } else {
        // A lowercase word before: "in Crawford", "near Taji"; not "Gulf
        // War, Kosovo", "St. Petersburg, Florida" (read from "St.").
        let before = runs::gap_before(text, run_start);
        let lowercase_word = before < run_start
            && runs::word_before(rules, text, before)
                .is_some_and(|w| text.as_bytes()[w.start].is_ascii_lowercase());
        if !lowercase_word {
            return None;
        }
    }
    let first = *words.get(first)?;
    if rules.is_first_name(&text[first]) {
        return None;
    }
    Some(Span::new(first.start, comma))
}

/// Whether the region ending at `end` ends its phrase: the end of the
/// text, punctuation or a line break after it, or one of the rules'
/// `region_followers` ("and", "in", "near").
fn ends_phrase(rules: &NameRules, text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(' ');
    match rest.bytes().next() {
        None => true,
        Some(b',' | b'.' | b';' | b':' | b')' | b'(' | b'"' | b'\n' | b'\r') => true,
        Some(b) if b.is_ascii_lowercase() => {
            let len = rest.bytes().take_while(u8::is_ascii_lowercase).count();
            let next = rest.as_bytes().get(len);
            next.is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'-')
                && rules.region_followers.contains(&rest[..len])
        }
        Some(_) => rest.starts_with(['—', '–']),
    }
}

/// Whether a run that its first word types a region ("North Canton",
/// `prefix:region`) names a town or a part of one: the first word is one of
/// the rules' `town_part_prefixes` ("North", "East") and the place after it,
/// read with its candidate `chosen`, is a town (a `GPE` with a first-level
/// division: "Canton" of Ohio, "Adelaide", "Croydon"). Then the run is a
/// suburb, a city of its own or a district ("North Adelaide", "East
/// Cleveland", "East Boston"), a `GPE` as OntoNotes marks them; a region of
/// a country or a state ("Northern Iraq", "South Florida", "North Wales")
/// stays `LOC`. Asked only of runs already typed `prefix:region`.
#[cold]
#[inline(never)]
pub(crate) fn is_part_of_town(
    rules: &NameRules,
    text: &str,
    run: Span,
    place: &EntityMatch<'_>,
    chosen: usize,
) -> bool {
    let first = &text[run.start..place.start()];
    rules.town_part_prefixes.contains(first.trim_end()) && is_town(place, chosen)
}

/// Whether `place`, read with its candidate `chosen`, is a town: a `GPE`
/// with a first-level division ("Canton" of Ohio, "Kyoto"), not a country.
pub(crate) fn is_town(place: &EntityMatch<'_>, chosen: usize) -> bool {
    place
        .candidates()
        .nth(chosen)
        .is_some_and(|town| town.label() == "GPE" && town.admin1().is_some())
}

/// Whether a run that its first word types a region (`prefix:region`) is a
/// state of its own: the run is a compass word and the place after it, and
/// the rules' `compass_states` name that place with that word ("West
/// Darfur", a state of Sudan; "North Yemen", "East Pakistan", "West
/// Germany", former countries). OntoNotes marks them `GPE`; "Western
/// Sudan", "North Germany" stay regions. Asked only of runs already typed
/// `prefix:region`.
#[cold]
#[inline(never)]
pub(crate) fn is_compass_state(
    rules: &NameRules,
    text: &str,
    run: Span,
    place: &EntityMatch<'_>,
) -> bool {
    if run.end != place.end() {
        return false;
    }
    let first = text[run.start..place.start()].trim_end();
    let name = &text[place.start()..place.end()];
    rules.compass_states.iter().any(|&(state, words)| state == name && words.contains(&first))
}

/// Whether `name` is written in capitals (a dateline's): no lowercase
/// letter, two letters at least.
fn is_capitals(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !name.chars().any(char::is_lowercase)
}

/// Whether `span` fills a table cell alone: "| " right before it and " |"
/// right after ("|| Lake Hiawatha ||", wiki and Markdown tables).
fn fills_a_cell(text: &str, span: Span) -> bool {
    let bytes = text.as_bytes();
    span.start >= 2
        && &bytes[span.start - 2..span.start] == b"| "
        && bytes.get(span.end..span.end + 2) == Some(b" |")
}

/// A name its words type `LOC` ("Lake Hiawatha", "Rock Island", "West
/// Chester", by `prefix:loc`, `head:loc`, `prefix:region`) alone in a
/// table cell, with a `GPE` alone in a cell among the few entities before
/// it, is a town of that column (`GPE`, `place:cell`): election tables list
/// each candidate's hometown. Gazetteer entries keep their label ("| Africa
/// |" is the continent), as do names read in prose. Asked of every entity,
/// by its label and source first: a pass over the entities, not the text.
pub(crate) fn towns_in_tables(text: &str, found: &mut [Resolved<'_>]) {
    for i in 0..found.len() {
        // The source first (most entities are the gazetteer's), then the
        // label, then two byte tests.
        if found[i].source != Source::Rule
            || found[i].label != "LOC"
            || !fills_a_cell(text, found[i].span)
        {
            continue;
        }
        let town_before = found[i.saturating_sub(CELL_LOOKBACK)..i]
            .iter()
            .any(|before| before.label == "GPE" && fills_a_cell(text, before.span));
        if town_before {
            found[i] = Resolved::by_rule(found[i].span, "GPE", CELL_RULE);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Entry, Gazetteer};

    fn gazetteer() -> &'static Gazetteer {
        static GAZETTEER: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        GAZETTEER.get_or_init(|| {
            let town = |name: &str, id: &str, country: &str, admin1: &str| {
                Entry::new(name, "GPE", id).with_country(country).with_admin1(admin1)
            };
            Gazetteer::new([
                town("Canton", "geonames:5149222", "iso3166-1:US", "iso3166-2:US-OH"),
                town("Adelaide", "geonames:2078025", "iso3166-1:AU", "iso3166-2:AU-SA"),
                town("Boston", "geonames:4930956", "iso3166-1:US", "iso3166-2:US-MA"),
                town("Sydney", "geonames:2147714", "iso3166-1:AU", "iso3166-2:AU-NSW"),
                Entry::new("Ohio", "GPE", "iso3166-2:US-OH").with_country("iso3166-1:US"),
                Entry::new("Florida", "GPE", "iso3166-2:US-FL").with_country("iso3166-1:US"),
                Entry::new("Wales", "GPE", "geonames:2634895").with_country("iso3166-1:GB"),
                Entry::new("Iraq", "GPE", "iso3166-1:IQ"),
                Entry::new("Europe", "LOC", "wikidata:Q46"),
                Entry::new("Darfur", "LOC", "dateline:darfur"),
                Entry::new("Sudan", "GPE", "iso3166-1:SD"),
                Entry::new("Yemen", "GPE", "iso3166-1:YE"),
                Entry::new("Pakistan", "GPE", "iso3166-1:PK"),
                Entry::new("Germany", "GPE", "iso3166-1:DE"),
            ])
            .expect("a valid gazetteer")
        })
    }

    fn read(text: &str) -> Vec<(&str, &str, Option<&'static str>)> {
        crate::context::tests::read_with(gazetteer(), text)
    }

    /// Seed-43 reading ("North Canton, Ohio"; seeds 35, 36 and 41 read
    /// "East Cleveland", "North Adelaide", "North Sydney" as regions).
    #[test]
    fn a_compass_word_before_a_town_names_a_town() {
        let town = Some(super::PART_RULE);
        let region = Some("prefix:region");
        for (text, expected) in [
            (
                "The symposium was held in North Canton, Ohio on Wednesday.",
                vec![("North Canton", "GPE", town), ("Ohio", "GPE", None)],
            ),
            ("a college in North Adelaide.", vec![("North Adelaide", "GPE", town)]),
            ("neighbouring East Boston has no green space", vec![("East Boston", "GPE", town)]),
            // Counter-cases: a region of a country or a state, or a town's
            // area named by another prefix, stays a region.
            ("Fighting in Northern Iraq went on.", vec![("Northern Iraq", "LOC", region)]),
            ("He retired to South Florida.", vec![("South Florida", "LOC", region)]),
            ("The designer, of North Wales, won.", vec![("North Wales", "LOC", region)]),
            ("Fires burned in Western Sydney.", vec![("Western Sydney", "LOC", region)]),
            ("Demand fell in Northern Europe.", vec![("Northern Europe", "LOC", region)]),
        ] {
            assert_eq!(read(text), expected, "{text}");
        }
    }

    /// Seed-49 reading ("West Darfur", "East Pakistan"; seeds 39 and 44 read
    /// "South Darfur", "West Darfur" and "North Yemen" as regions).
    #[test]
    fn a_compass_word_before_a_divided_place_names_a_state() {
        let state = Some(super::STATE_RULE);
        let region = Some("prefix:region");
        for (text, expected) in [
            (
                "the UN met with a West Darfur security official",
                vec![("West Darfur", "GPE", state)],
            ),
            ("Refugees reached North Darfur.", vec![("North Darfur", "GPE", state)]),
            ("the former East Pakistan (now Bangladesh)", vec![("East Pakistan", "GPE", state)]),
            ("He was born in West Germany.", vec![("West Germany", "GPE", state)]),
            (
                "North Yemen and South Yemen merged.",
                vec![("North Yemen", "GPE", state), ("South Yemen", "GPE", state)],
            ),
            // Counter-cases: another compass word, or a compass word the
            // place's states are not named by, makes a region.
            ("Rains fell in Western Sudan.", vec![("Western Sudan", "LOC", region)]),
            ("Storms hit North Germany.", vec![("North Germany", "LOC", region)]),
            ("Fighting in Northern Darfur went on.", vec![("Northern Darfur", "LOC", region)]),
            ("Floods hit South Pakistan.", vec![("South Pakistan", "LOC", region)]),
        ] {
            assert_eq!(read(text), expected, "{text}");
        }
    }
}
