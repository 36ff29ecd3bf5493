//! Groups named in two words: "Sunni Arab", "African American", "North
//! American", "Roman Catholic".
//!
//! A name run made of groups (`NORP` matches), or of a region prefix or a
//! group modifier (the rules' `region_prefixes` and `group_modifiers`)
//! before a group, names one group, as news annotation has it ("predominately
//! Shia Arab", "the Northern Kurdish language"). Read as separate names they
//! are two wrong spans; and a region prefix before a group used to make a
//! run that no head word typed, so the group was not reported at all.
//!
//! Only blanks stand between the words ("Chinese-Russian", "French and
//! Japanese" are two groups), and the run ends with a group: "Sunni
//! Triangle", "Arab League" are other things, and stay the business of the
//! other rules. One hyphen joins two groups when the second is one of the
//! rules' `hyphen_groups` ("Cuban-American", "Chinese-Canadian": a people
//! by its origin), unless a noun of a relation follows ("the
//! Mexican-American border"); see [`hyphened`].

use dateline_tokenize::Span;

use crate::EntityMatch;

use super::rules::NameRules;

/// The rule named for a run read as one group.
pub(crate) const RULE: &str = "group:norp";

/// Whether the name run `run` around the `NORP` match `i` is one group:
/// words that are each a `NORP` match, a region prefix or a group
/// modifier, one blank apart, the last a `NORP` match, two or more.
pub(crate) fn is_group(
    rules: &NameRules,
    text: &str,
    matches: &[EntityMatch<'_>],
    i: usize,
    run: Span,
) -> bool {
    // Matches are in text order. Most runs around a group go on past the
    // last match ("Chinese Foreign Ministry"): that is settled first.
    let after = i + matches[i..].partition_point(|m| m.start() < run.end);
    if matches[after - 1].end() != run.end {
        return false;
    }
    // The first match of the run, if any, is at or before match `i`.
    let mut next = matches[..=i].partition_point(|m| m.start() < run.start);
    let mut at = run.start;
    let mut pieces = 0;
    loop {
        let (end, group) = match matches.get(next).filter(|m| m.start() == at) {
            Some(found) => {
                next += 1;
                if found.label() != "NORP" || found.end() > run.end {
                    return false;
                }
                (found.end(), true)
            }
            None => {
                let end = text[at..run.end].find(' ').map_or(run.end, |p| at + p);
                let word = &text[at..end];
                if !rules.region_prefixes.contains(word) && !rules.group_modifiers.contains(word) {
                    return false;
                }
                (end, false)
            }
        };
        pieces += 1;
        if end >= run.end {
            return group && pieces >= 2;
        }
        if text.as_bytes()[end] != b' ' {
            return false;
        }
        at = end + 1;
    }
}

/// The span of "Cuban-American", "Indian-Americans": the `NORP` match `i`,
/// a hyphen right after it and the `NORP` match `i + 1`, one of the rules'
/// `hyphen_groups`, as a whole word, not before one of `relation_nouns`
/// ("the Mexican-American border"). The caller has tested the hyphen.
pub(crate) fn hyphened(
    rules: &NameRules,
    text: &str,
    matches: &[EntityMatch<'_>],
    i: usize,
) -> Option<Span> {
    let first = matches[i];
    let second = matches.get(i + 1).filter(|m| m.start() == first.end() + 1)?;
    let bytes = text.as_bytes();
    // A whole word after the hyphen ("African-American-led" is no group).
    if bytes.get(second.end()).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'-' || b >= 0x80)
        || !rules.hyphen_groups.contains(&text[second.span()])
        || second.label() != "NORP"
    {
        return None;
    }
    // The word after the pair, if one follows after a blank: a relation's
    // noun in any case ("border", "War"), or a head word that goes on with
    // a name ("the American-Australian Association"), leaves the pair to
    // the other rules.
    if bytes.get(second.end()) == Some(&b' ') {
        let start = second.end() + 1;
        let len = bytes[start..].iter().take(16).take_while(|b| b.is_ascii_alphabetic()).count();
        let word = &text[start..start + len];
        let mut lower = [0u8; 16];
        lower[..len].copy_from_slice(word.as_bytes());
        lower[..1.min(len)].make_ascii_lowercase();
        let noun = std::str::from_utf8(&lower[..len]).expect("ASCII stays UTF-8");
        if len > 0 && (rules.relation_nouns.contains(noun) || rules.head(word).is_some()) {
            return None;
        }
    }
    Some(Span::new(first.start(), second.end()))
}

#[cfg(test)]
mod tests {
    use crate::{Entry, Gazetteer};

    fn gazetteer() -> &'static Gazetteer {
        static GAZETTEER: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        GAZETTEER.get_or_init(|| {
            Gazetteer::new([
                Entry::new("Sunni", "NORP", "dateline:sunnis"),
                Entry::new("Shia", "NORP", "dateline:shia"),
                Entry::new("Arab", "NORP", "dateline:arabs"),
                Entry::new("Arabs", "NORP", "dateline:arabs"),
                Entry::new("African", "NORP", "wikidata:Q15"),
                Entry::new("American", "NORP", "iso3166-1:US"),
                Entry::new("Americans", "NORP", "iso3166-1:US"),
                Entry::new("Cuban", "NORP", "iso3166-1:CU"),
                Entry::new("Indian", "NORP", "iso3166-1:IN"),
                Entry::new("Mexican", "NORP", "iso3166-1:MX"),
                Entry::new("Polish", "NORP", "iso3166-1:PL"),
                Entry::new("Iraqi", "NORP", "iso3166-1:IQ"),
                Entry::new("British", "NORP", "iso3166-1:GB"),
                Entry::new("Canadian", "NORP", "iso3166-1:CA"),
                Entry::new("Kurdish", "NORP", "dateline:kurds"),
                Entry::new("Catholic", "NORP", "dateline:catholics"),
                Entry::new("Chinese", "NORP", "iso3166-1:CN"),
                Entry::new("Russian", "NORP", "iso3166-1:RU"),
                Entry::new("Syrian", "NORP", "iso3166-1:SY"),
                Entry::new("Japanese", "NORP", "iso3166-1:JP"),
                Entry::new("French", "NORP", "iso3166-1:FR"),
                Entry::new("Iraq", "GPE", "iso3166-1:IQ"),
                Entry::new("Africa", "LOC", "wikidata:Q15"),
                Entry::new("Arab League", "ORG", "wikidata:Q7172"),
            ])
            .expect("a valid gazetteer")
        })
    }

    fn read(text: &str) -> Vec<(&str, &str, Option<&'static str>)> {
        crate::context::tests::read_with(gazetteer(), text)
    }

    #[test]
    fn groups_of_two_words_are_one_group() {
        let group = Some(super::RULE);
        for (text, expected) in [
            ("It is predominately Shia Arab villages.", vec![("Shia Arab", "NORP", group)]),
            ("a Sunni Arab tribe", vec![("Sunni Arab", "NORP", group)]),
            ("the African American community", vec![("African American", "NORP", group)]),
            ("many North Americans say", vec![("North Americans", "NORP", group)]),
            ("the Northern Kurdish tribes", vec![("Northern Kurdish", "NORP", group)]),
            // A group's name as a language (languages.rs).
            (
                "in the Northern Kurdish language",
                vec![("Northern Kurdish", "LANGUAGE", Some(crate::context::languages::RULE))],
            ),
            ("a Roman Catholic priest", vec![("Roman Catholic", "NORP", group)]),
            ("Native Americans protested", vec![("Native Americans", "NORP", group)]),
            ("the Han Chinese majority", vec![("Han Chinese", "NORP", group)]),
            ("Sunni Arabs", vec![("Sunni Arabs", "NORP", group)]),
            // A group, a hyphen and the people of another country (seed 39).
            (
                "a second generation Cuban-American, opposes",
                vec![("Cuban-American", "NORP", group)],
            ),
            (
                "boasting about his support among Indian-Americans.",
                vec![("Indian-Americans", "NORP", group)],
            ),
            ("the large Chinese-Canadian community", vec![("Chinese-Canadian", "NORP", group)]),
            ("an African-American actor", vec![("African-American", "NORP", group)]),
            ("the Iraqi-British fraudster", vec![("Iraqi-British", "NORP", group)]),
        ] {
            assert_eq!(read(text), expected, "{text:?}");
        }
    }

    #[test]
    fn other_runs_and_separate_groups_stay_as_they_were() {
        for (text, expected) in [
            // A hyphen or a conjunction between them: two groups.
            (
                "the Chinese-Russian proposal",
                vec![("Chinese", "NORP", None), ("Russian", "NORP", None)],
            ),
            // A relation between the two, or a second word that names no
            // people of a country of immigrants: two groups.
            (
                "along the Mexican-American border",
                vec![("Mexican", "NORP", None), ("American", "NORP", None)],
            ),
            (
                "in Polish-American negotiations",
                vec![("Polish", "NORP", None), ("American", "NORP", None)],
            ),
            ("a protester of the Mexican-American War", vec![("Mexican", "NORP", None)]),
            ("the Syrian-Russian talks", vec![("Syrian", "NORP", None), ("Russian", "NORP", None)]),
            // The second word goes on: no group of two.
            (
                "an African-American-led group",
                vec![("African", "NORP", None), ("American", "NORP", None)],
            ),
            (
                "French and Japanese investors",
                vec![("French", "NORP", None), ("Japanese", "NORP", None)],
            ),
            // A title after the second group ends the first one's run
            // there: each is read alone, as before.
            (
                "the anti-Syrian Russian Prime Minister",
                vec![("Syrian", "NORP", None), ("Russian", "NORP", None)],
            ),
            (
                "the Chinese Catholic Bishop Li said",
                vec![("Chinese", "NORP", None), ("Catholic", "NORP", None)],
            ),
            // A group alone.
            ("an Arab diplomat", vec![("Arab", "NORP", None)]),
            // The run ends with no group: another rule's business.
            ("the Arab League met", vec![("Arab League", "ORG", None)]),
            ("the Sunni Triangle", vec![]),
            (
                "officials of the Kurdish Regional Government said",
                vec![("Kurdish Regional Government", "ORG", Some("head:org"))],
            ),
            // A word that is no modifier before a group: not a group.
            ("a Volga Russian village", vec![]),
            ("John African said", vec![]),
            // A region prefix before a place is a region, as before.
            ("in North Africa", vec![("North Africa", "LOC", Some("prefix:region"))]),
            ("in Northern Iraq", vec![("Northern Iraq", "LOC", Some("prefix:region"))]),
        ] {
            assert_eq!(read(text), expected, "{text:?}");
        }
    }
}
