//! People named like places: "Mr. Houston", "Sen. Lincoln", "Ms. Jordan".
//!
//! A one-word place name right after a person's title (the rules' `titles`:
//! "Mr.", "Ms.", "Sen.", "Gov.", "President", "Sir", ...) is that person's
//! surname, not the place, and is not reported. Within the document, the
//! same name standing alone is the same person ("Mr. Henderson ...
//! Henderson said"), before or after the titled mention: news names a
//! person once with a title and then by surname, and a story that names a
//! Mr. Paris rarely means the city by the same word.
//!
//! A preposition of place before the bare name (the rules'
//! `place_prepositions`: "a march in Washington") keeps it a place, and acronyms ("Deputy US Secretary") are never
//! surnames. A country is the exception to the document rule: "Ms.
//! Jordan" is the person, but "Jordan" alone stays the country.
//!
//! Only one-word names are read this way: a title before a longer place
//! name ("President Trinidad and Tobago") is not a surname.
//!
//! A one-word place that ends a person's full name is a surname too, when a
//! title stands before the name ("Ambassador John R. Bolton") or, for a
//! city or region, when the name starts with a first name
//! (`data/first_names_en.txt`, words the news corpus writes before another
//! name: "John Bolton", "Ricardo Lagos"): the same document rule drops
//! its bare mentions ("Bolton said").

use dateline_tokenize::Span;

use crate::{EntityMatch, Resolved, Source};

use super::rules::{Class, NameRules};
use super::runs;

/// The surnames of a text that are place names: found as the resolver
/// reads its matches, dropped where they stand alone once it is done.
#[derive(Debug, Default)]
pub(crate) struct Surnames<'t> {
    names: Vec<&'t str>,
}

impl<'t> Surnames<'t> {
    /// Whether the place `found` follows a title ("Mr. Houston"); if so,
    /// its name is remembered (unless it is a country's).
    ///
    /// Asked of every place: inlined, the word before is read by a short
    /// byte loop, and looked up out of line only when it is capitalized
    /// (every title is).
    #[inline]
    pub(crate) fn after_title(
        &mut self,
        rules: &NameRules,
        text: &'t str,
        found: &EntityMatch<'_>,
    ) -> bool {
        match title_word_before(text, found.start()) {
            Some(from) => self.after_title_word(rules, text, found, from),
            None => false,
        }
    }

    /// [`after_title`](Surnames::after_title) for the capitalized word of
    /// title bytes at `from`, before the place.
    #[inline(never)]
    fn after_title_word(
        &mut self,
        rules: &NameRules,
        text: &'t str,
        found: &EntityMatch<'_>,
        from: usize,
    ) -> bool {
        let (start, end) = (found.start(), found.end());
        if !is_title_before(rules, text, from, start, end) {
            return false;
        }
        self.remember(&text[start..end], found);
        true
    }

    /// Whether the place `found` ends the name run `run` of a person: with
    /// a title before the run ("Petty Officer Scott C. Dayton", "Ambassador
    /// John R. Bolton"), or, for a city or region (`GPE`) or a group that is
    /// no country's people (`NORP`: "Tory", "Tatar"), the only match of the
    /// run, a first name and at most two initials before the name ("John
    /// Bolton", "Ricardo Lagos", "John R. Bolton", "John Tory"). If so, its
    /// name is remembered as a surname (unless it is a country's), and its
    /// bare mentions elsewhere are the person's. The run itself is another
    /// rule's business.
    pub(crate) fn ends_personal_name(
        &mut self,
        rules: &NameRules,
        text: &'t str,
        run: Span,
        found: &EntityMatch<'_>,
        label: &str,
        only_match: bool,
    ) -> bool {
        let (start, end) = (found.start(), found.end());
        if end != run.end || start <= run.start || !is_surname(&text[start..end]) {
            return false;
        }
        let first_named = || {
            only_match
                && (label == "GPE" || label == "NORP" && is_group_surname(found))
                && first_name_before(rules, &text[run.start..start])
        };
        // A group after a title is the title's ("Chinese Foreign Minister",
        // read by the runs): only a first name makes it a surname.
        let named = if label == "NORP" {
            first_named()
        } else {
            title_before(rules, text, run.start) || first_named()
        };
        if !named {
            return false;
        }
        self.remember(&text[start..end], found);
        true
    }

    /// Remembers `name`, the place `found` read as a surname, unless it is
    /// a country's: "Ms. Jordan" is rare beside the Jordan news names
    /// every day.
    fn remember(&mut self, name: &'t str, found: &EntityMatch<'_>) {
        if !found.entry().id().starts_with("iso3166-1:") && !self.names.contains(&name) {
            self.names.push(name);
        }
    }

    /// Drops from `out` the gazetteer entities, read alone, named as a
    /// remembered surname, unless a preposition of place precedes a place
    /// ("a march in Washington" in a story that quotes Bishop Washington;
    /// "the key blow to Tory's campaign" is John Tory's all the same).
    pub(crate) fn drop_bare_mentions(
        &self,
        rules: &NameRules,
        text: &str,
        out: &mut Vec<Resolved<'_>>,
    ) {
        if self.names.is_empty() {
            return;
        }
        out.retain(|entity| {
            let span = entity.span();
            let bare = entity.source() == Source::Gazetteer
                && entity.enclosing().is_none()
                && self.names.contains(&&text[span.start..span.end]);
            !bare
                || entity.label() != "NORP"
                    && runs::word_before(rules, text, span.start.saturating_sub(1)).is_some_and(
                        |word| rules.place_prepositions.contains(&&text[word.start..word.end]),
                    )
        });
    }
}

/// Whether a person's name follows the name ending at `end`, one blank
/// apart: a first name, one blank and a capitalized word that starts no
/// gazetteer match ("President of Venezuela Hugo Chavez", "Australian John
/// Howard"). Not "Shiite United Iraqi Alliance": "Iraqi" is a match.
pub(crate) fn person_follows(
    rules: &NameRules,
    text: &str,
    end: usize,
    match_starts: &[usize],
) -> bool {
    // Bytes first: a blank and a title-case ASCII word, a blank and a
    // capitalized word; the two lookups only then.
    let bytes = text.as_bytes();
    let first = end + 1;
    if bytes.get(end) != Some(&b' ') || !bytes.get(first).is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let len = bytes[first + 1..].iter().take_while(|b| b.is_ascii_lowercase()).count();
    let next = first + 1 + len + 1;
    if len == 0
        || bytes.get(next - 1) != Some(&b' ')
        || !bytes.get(next).is_some_and(u8::is_ascii_uppercase)
        || !bytes.get(next + 1).is_some_and(|b| b.is_ascii_lowercase() || !b.is_ascii())
    {
        return false;
    }
    if !rules.is_first_name(&text[first..next - 1]) || match_starts.binary_search(&next).is_ok() {
        return false;
    }
    // Not a date or a title ("Ukraine John Monday"), as the runs read them.
    runs::word_from(rules, text, next).is_some_and(|word| rules.class(&text[word]) == Class::Other)
}

/// Whether the place `found` is what a title before it is of, and the
/// rest of its run (`found.end..run_end`) is the title holder's name:
/// "President of Cuba Fidel Castro", "Ambassador to Iraq Ryan Crocker",
/// "Minister for the Middle East Tobias Ellwood", "former mayor of
/// Toulouse Philippe Douste-Blazy". The title is one of the rules' `titles`
/// (capitalized or not), then one of `title_links` ("of", "for", "to") and
/// perhaps "the"; the holder's name is two to four capitalized words or
/// initials, none a common word, a gazetteer match or a word that types a
/// name (see [`is_holder_name`]). Not "Executive Director of California
/// Safe Schools" ("Safe" is a common word), "chairman of the Oxford Union"
/// (one word). Asked only of an
/// untyped run that starts with its place, where the run would otherwise
/// be dropped.
pub(crate) fn holder_follows(
    rules: &NameRules,
    text: &str,
    found: Span,
    run_end: usize,
    match_starts: &[usize],
) -> bool {
    is_title_complement(rules, text, found.start)
        && is_holder_name(rules, text, found.end, run_end, match_starts)
}

/// Whether a title, a link word ("of", "for", "to") and perhaps "the"
/// stand before `start`.
fn is_title_complement(rules: &NameRules, text: &str, start: usize) -> bool {
    let before = runs::gap_before(text, start);
    // A link word or "the" ends the text before, compared by bytes: most
    // runs have another word there, and no word is read for them.
    let head = &text.as_bytes()[..before];
    let linked = |word: &&str| {
        head.ends_with(word.as_bytes())
            && head.len() > word.len()
            && head[head.len() - word.len() - 1] == b' '
    };
    if before == start
        || !(rules.title_links.words.iter().any(linked)
            || rules.second_connectors.words.iter().any(linked))
    {
        return false;
    }
    let Some(mut link) = runs::word_before(rules, text, before) else {
        return false;
    };
    if rules.is_second_connector(&text[link]) {
        match runs::word_before(rules, text, runs::gap_before(text, link.start)) {
            Some(word) => link = word,
            None => return false,
        }
    }
    if !rules.title_links.contains(&text[link]) {
        return false;
    }
    let Some(title) = runs::word_before(rules, text, runs::gap_before(text, link.start)) else {
        return false;
    };
    let title = &text[title];
    if rules.class(title) == Class::Title {
        return true;
    }
    // "former mayor of", "the ambassador to": a title in lowercase.
    let mut buffer = [0u8; MAX_TITLE];
    let Some(capitalized) = buffer.get_mut(..title.len()).filter(|_| title.is_ascii()) else {
        return false;
    };
    capitalized.copy_from_slice(title.as_bytes());
    capitalized[0].make_ascii_uppercase();
    std::str::from_utf8(capitalized).is_ok_and(|word| rules.class(word) == Class::Title)
}

/// Whether `text[from..to]` is a person's name after a place: two to four
/// blank-separated capitalized words or initials, none a common word, a
/// match or a word that types a name; or one such word that a hyphen
/// continues ("Mayor of Taipei Lung-pin Hau", whose run stops at the
/// hyphen). A single word is as often a name's last word ("chairman of the
/// Oxford Union", "MP for Birmingham Sparkbrook").
fn is_holder_name(
    rules: &NameRules,
    text: &str,
    from: usize,
    to: usize,
    match_starts: &[usize],
) -> bool {
    let mut count = 0;
    let mut at = from;
    for word in text[from..to].split(' ') {
        let start = at;
        at += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        count += 1;
        let initial = matches!(word.as_bytes(), [b'A'..=b'Z', b'.']);
        if count > 4
            || !(initial || word.chars().next().is_some_and(char::is_uppercase))
            || match_starts.binary_search(&start).is_ok()
            || rules.types_a_name(word)
            || (!initial && rules.is_common(word))
        {
            return false;
        }
    }
    count > 1 || (count == 1 && text.as_bytes().get(to) == Some(&b'-'))
}

/// Whether a title and one blank stand right before `start`, where a name
/// run starts (asked only of runs that end in a place).
fn title_before(rules: &NameRules, text: &str, start: usize) -> bool {
    title_word_before(text, start).is_some_and(|from| is_title(rules, text, from, start))
}

/// Where the capitalized word of title bytes before `start` and one blank
/// starts, if one does.
#[inline(always)]
fn title_word_before(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if start < 2 || bytes[start - 1] != b' ' {
        return None;
    }
    // Titles are ASCII letters, dots and hyphens ("Lt.-Gen."), capitalized:
    // a table-driven loop back to the word's start.
    let blank = start - 1;
    let window = &bytes[blank.saturating_sub(MAX_TITLE)..blank];
    let len =
        window.iter().rev().position(|&b| !TITLE_BYTE[usize::from(b)]).unwrap_or(window.len());
    let from = blank - len;
    (len > 0 && bytes[from].is_ascii_uppercase()).then_some(from)
}

/// The bytes a title is written with: ASCII letters, "." and "-".
static TITLE_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphabetic() || c == b'.' || c == b'-';
        b += 1;
    }
    table
};

/// Whether the capitalized word at `from` (up to the blank before `start`)
/// is a title, and the name at `start..end` one word that may be a surname.
fn is_title_before(rules: &NameRules, text: &str, from: usize, start: usize, end: usize) -> bool {
    is_title(rules, text, from, start) && is_surname(&text[start..end])
}

/// Whether the capitalized word at `from` (up to the blank before `start`)
/// is a title.
#[inline(always)]
fn is_title(rules: &NameRules, text: &str, from: usize, start: usize) -> bool {
    let bytes = text.as_bytes();
    // A longer word ("Dépêche", "Mr2") is no title.
    if from > 0 && (!bytes[from - 1].is_ascii() || bytes[from - 1].is_ascii_digit()) {
        return false;
    }
    rules.class(&text[from..start - 1]) == Class::Title
}

/// Whether `given` (the words of a run before a place, with the blank
/// after them) is a first name, then at most two initials: "John ",
/// "John R. ", "George H. W. ".
fn first_name_before(rules: &NameRules, given: &str) -> bool {
    let mut words = given.split(' ').filter(|w| !w.is_empty());
    let Some(first) = words.next() else { return false };
    let mut initials = 0;
    for word in words {
        let initial = matches!(word.as_bytes(), [b'A'..=b'Z', b'.']);
        initials += 1;
        if !initial || initials > 2 {
            return false;
        }
    }
    given.ends_with(' ') && rules.is_first_name(first)
}

/// Whether `name` may be a surname: one word, not an acronym ("Deputy US
/// Secretary" names the country).
#[inline(always)]
fn is_surname(name: &str) -> bool {
    !name.contains([' ', '\u{a0}', '-']) && name.chars().any(char::is_lowercase)
}

/// Whether the group `found` names people of no country (a party's, a
/// faith's or a people's: "Tory", "Tatar"), as a surname may: a country's
/// people ("Lindsey German", "Peter Schweizer") stay a nationality, as a
/// country stays itself after a first name. Asked only of a group after a
/// first name.
#[cold]
#[inline(never)]
fn is_group_surname(found: &EntityMatch<'_>) -> bool {
    !found.entry().id().starts_with("iso3166-1:")
}

/// The longest title, in bytes ("Secretary-General", "President-elect").
const MAX_TITLE: usize = 20;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::english::ENGLISH;

    #[test]
    fn first_names_take_at_most_two_initials() {
        for (given, expected) in [
            ("John ", true),
            ("John R. ", true),
            ("George H. W. ", true),
            ("George H. W. X. ", false),
            ("John Zorblat ", false),
            ("John RR. ", false),
            ("Zorblat ", false),
            ("John", false),
            ("", false),
        ] {
            assert_eq!(first_name_before(&ENGLISH, given), expected, "{given:?}");
        }
    }

    /// Seed-44 reading: "Tory" of John Tory, the Ontario PC leader, was the
    /// party's group (NORP) in every bare mention ("Tory called McGuinty to
    /// concede").
    #[test]
    fn a_group_after_a_first_name_is_a_surname_unless_a_country_s_people() {
        use crate::{Entry, Gazetteer, Resolver};
        let gazetteer = Gazetteer::new([
            Entry::new("Tory", "NORP", "dateline:tories"),
            Entry::new("German", "NORP", "iso3166-1:DE"),
        ])
        .expect("a valid gazetteer");
        let read = |text: &str| -> Vec<String> {
            let found = Resolver::new().find(&gazetteer, text);
            found.iter().map(|e| text[e.span()].to_string()).collect()
        };
        assert!(read("John Tory lost his seat. Tory called to concede.").is_empty());
        assert!(read("Tory said no. Later John R. Tory conceded.").is_empty());
        // A preposition of place keeps a place, not a group.
        assert!(read("John Tory lost. It was a blow to Tory's campaign.").is_empty());
        // No first name before it: the group.
        assert_eq!(read("Tory MPs voted against it."), ["Tory"]);
        // A country's people stay a nationality.
        assert_eq!(read("Lindsey German spoke. German voters agreed."), ["German"]);
    }
}
