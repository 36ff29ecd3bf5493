//! [`NameRules`]: the word tables one language gives the context rules.

use dateline_match::{CasePolicy, Matcher, Pattern};
use dateline_tokenize::Lang;
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
    /// Connectors that join only after one of `topic_heads` ("Council on
    /// Foreign Relations"): after other head words they start the rest of
    /// the sentence ("Liberal Party on May 5", "XM Satellite Radio on
    /// Wikipedia").
    pub(crate) topic_connectors: WordSet,
    /// The head words a topic connector joins after: bodies named for what
    /// they deal with (commissions, committees, conferences).
    pub(crate) topic_heads: WordSet,
    /// Connectors that join only after an organization's head word, not
    /// after a place's or a facility's ("Institute for Policy Studies";
    /// "the Gaza Strip for Hamas", "Kennedy International Airport for
    /// Paris" are the sentence's), nor after one of `seat_heads`. Empty: no
    /// such limit.
    pub(crate) purpose_connectors: WordSet,
    /// Organization heads a purpose connector does not join after: "for"
    /// then says whose seat it is ("Member of Parliament for
    /// Toronto-Danforth", "of the European Parliament for Grand Sud-Est
    /// France").
    pub(crate) seat_heads: WordSet,
    /// The causes a body is named for, after a connector that joined a
    /// head word ("Forces for the Liberation", "Americans United for
    /// Separation"): one of `cause_connectors` joins after them as after a
    /// head ("... of Rwanda", "... of Church and State"); see
    /// `runs::joins_after_cause`. Empty: no such reading.
    pub(crate) cause_nouns: WordSet,
    /// The connectors that lead from a head word to its cause ("for",
    /// "on"; not "of": "Department of the Defense of the U.S.A." is a
    /// department and a place).
    pub(crate) cause_leads: WordSet,
    /// The connectors that join after a cause ("of").
    pub(crate) cause_connectors: WordSet,
    /// Head words that close a company's name after a brand ("Kartika
    /// Airlines", "Volvo Group", "Boskovich Farms Inc."): one of
    /// `locating_connectors` after them leads to where the company is, not
    /// to more of its name ("... of Indonesia"); see
    /// `runs::closes_a_brand`. Empty: no such reading.
    pub(crate) closing_heads: WordSet,
    /// The connectors that locate a closed name ("of").
    pub(crate) locating_connectors: WordSet,
    /// Head words of missions named for where they are posted ("United
    /// Nations Interim Force in Lebanon"); see `runs::end_over_posting`.
    pub(crate) mission_heads: WordSet,
    /// The words that join such a head to its place ("in").
    pub(crate) mission_connectors: WordSet,
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
    /// Region prefixes that make a part of a town a town's name ("North
    /// Adelaide", "East Cleveland": `GPE`, `prefix:town`), where the place
    /// after them is a town; see `towns.rs`.
    pub(crate) town_part_prefixes: WordSet,
    /// Places whose parts a compass word names are states of their own,
    /// each with the compass words that name them ("West Darfur", a state
    /// of Sudan; the former "North Yemen", "East Pakistan", "West
    /// Germany"): such a part is a `GPE` (`prefix:state`), not a region;
    /// see `towns.rs`. Empty: no such reading.
    pub(crate) compass_states: &'static [(&'static str, &'static [&'static str])],
    /// Nouns of an electoral district named for the places it joins, after
    /// its name ("the Ajax-Pickering riding") or before one of
    /// `riding_links` and it ("the riding of Toronto—Danforth"); see
    /// `ridings.rs`. Empty: no such reading.
    pub(crate) riding_nouns: WordSet,
    /// The words between such a noun and the name after it ("of").
    pub(crate) riding_links: WordSet,
    /// Words before a group that make one group with it ("Native
    /// American", "Roman Catholic"), beside the region prefixes ("North
    /// American"); see `groups.rs`.
    pub(crate) group_modifiers: WordSet,
    /// Groups that a group and a hyphen before them join into one
    /// ("Cuban-American", "Chinese-Canadian": the people of the second
    /// country by their origin; see `groups.rs`); empty: no such reading.
    pub(crate) hyphen_groups: WordSet,
    /// Nouns after such a pair that make it two groups in a relation ("the
    /// Mexican-American border", "Polish-American negotiations").
    pub(crate) relation_nouns: WordSet,
    /// Lowercase words that a place's name goes on over between two hyphens
    /// ("Brighton-le-Sands", "Stratford-upon-Avon"; see `runs.rs`).
    pub(crate) hyphen_particles: WordSet,
    /// Head words of roads and broadcasters whose number after them ends
    /// the name ("State Highway 15", "BBC Radio 4"; see `end_over_number`
    /// in `runs.rs`).
    pub(crate) numbered_heads: WordSet,
    /// Titles that are adjectives inside names too ("Massachusetts General
    /// Hospital", "Virginia General Assembly"): one joins a run when a head
    /// word follows it (see `runs.rs`).
    pub(crate) name_titles: WordSet,
    /// Abbreviations that begin a name ("St. Charles County", "St. Clair
    /// College"): their dot ends no sentence and the word joins a run.
    pub(crate) name_abbreviations: WordSet,
    /// Head words that begin a title when one of `opened_titles` follows
    /// ("U.S. District Judge", "Travis County District Attorney"): there
    /// they end no place's name and head no run.
    pub(crate) title_openers: WordSet,
    /// The titles, in any case, that a word of `title_openers` begins.
    pub(crate) opened_titles: WordSet,
    /// Conjunctions inside names ("Food and Drug Administration"): one
    /// joins two parts of a run when a head word ends the second part (see
    /// `runs.rs`).
    pub(crate) name_conjunctions: WordSet,
    /// Head words of units and courts named by number: an ordinal in digits
    /// right before their run begins the name ("25th Infantry Regiment",
    /// "113th Battalion", "9th Circuit Court of Appeals"; see
    /// `start_over_ordinal` in `runs.rs`).
    pub(crate) ordinal_heads: WordSet,
    /// Nouns of the people an organization serves, whose possessive begins
    /// its name ("People's Bank", "Women's Tennis Association", "Workers'
    /// Party"); see `name_possessor` in `runs.rs`.
    pub(crate) possessive_name_nouns: WordSet,
    /// Verbs of a match right after a city used as a club.
    pub(crate) sports_verbs_after: WordSet,
    /// Words right before a city used as a club.
    pub(crate) sports_words_before: EndingCues,
    /// Roles right after a city used as a club.
    pub(crate) sports_roles_after: WordSet,
    /// Cue words that need no score nearby.
    pub(crate) sports_strong_words: &'static [&'static str],
    /// Prepositions that make the name after them a place ("a march in
    /// Washington" in a story about Bishop Washington; `people.rs`).
    pub(crate) place_prepositions: &'static [&'static str],
    /// Nouns after a nationality word that make it a language ("Chinese-
    /// language", "French speaking"; `languages.rs`); empty: no such reading.
    pub(crate) language_nouns: WordSet,
    /// Verbs right before a nationality word that make it a language
    /// ("speaks French").
    pub(crate) language_verbs: WordSet,
    /// Words before "in", "into" or "from" that make the nationality word
    /// after a language ("translated into Spanish", "fluent in German").
    pub(crate) language_verbs_linked: WordSet,
    /// Nouns of currencies: a nationality word between an amount and one
    /// of them is part of the money ("500 Australian dollars"); empty: no
    /// such reading.
    pub(crate) currency_nouns: WordSet,
    /// Nouns of treaties and agreements, lowercase: a town right before one
    /// names the document ("the Kyoto protocol", "the Belfast agreement",
    /// "the Geneva convention"), a law, and is not reported (`mod.rs`);
    /// empty: no such reading.
    pub(crate) treaty_nouns: WordSet,
    /// Lowercase links of Romance names ("de", "du", "del"): a place after
    /// one that follows a capitalized word ends a foreign name ("Foro de
    /// São Paulo", "Banque Nationale de Paris", "Petróleos de Venezuela"),
    /// an organization's or a person's, and is not reported (`mod.rs`);
    /// empty: no such reading.
    pub(crate) foreign_name_links: WordSet,
    /// Words that end an amount before a currency ("several hundred",
    /// "two million"), beside numbers in digits.
    pub(crate) amount_words: WordSet,
    /// Words between a person's title and the place it is of ("President
    /// of Cuba Fidel Castro", "Ambassador to Iraq"; `people.rs`).
    pub(crate) title_links: WordSet,
    /// Lowercase words after "Town, Region" that end the phrase ("in
    /// Crawford, Texas, and", "near Palmyra, Syria in"), so that the words
    /// before the comma name a place (`towns.rs`).
    pub(crate) region_followers: WordSet,
    /// Endings of demonyms that link markup split from their place by a
    /// blank ("[[Russia]]n" read as "Russia n", "Iraq i", "Japan ese"),
    /// each with what the place or the next word must be for it
    /// (`splits.rs`); empty: no such reading.
    pub(crate) demonym_splits: &'static [(&'static str, SplitAfter)],
    /// Abbreviations of regions after a city, with the region's id.
    pub(crate) region_abbreviations: &'static [(&'static str, &'static str)],
    /// The language's common words, one a line (`#` lines are comments):
    /// capitalized at a sentence start, they are no evidence of a name.
    pub(crate) common_words: &'static str,
    /// Words the language's news writes as first names, one a line (`#`
    /// lines are comments): a place right after one ends a person's name
    /// ("John Bolton"; `people.rs`).
    pub(crate) first_names: &'static str,
    /// The indexes of the tables above, made on first use.
    pub(crate) caches: Caches,
}

/// What [`NameRules`] makes from its tables on first use: one
/// `Caches::new()` in each language's rules, so that a new index is
/// declared here only.
#[derive(Debug)]
pub(crate) struct Caches {
    /// The matcher of the name cues.
    cue_matcher: OnceLock<Matcher>,
    /// Connectors, breaks and titles by word.
    class_index: OnceLock<Index<Class>>,
    /// `heads` by word.
    head_index: OnceLock<Index<&'static Head>>,
    /// The words of [`NameRules::types_a_name`].
    typer_index: OnceLock<Index<()>>,
    /// The words of [`NameRules::is_dotted_word`].
    dotted_index: OnceLock<Index<()>>,
    /// `region_abbreviations` by word.
    region_index: OnceLock<Index<&'static str>>,
    /// `common_words` as a sorted list.
    common_list: OnceLock<Vec<&'static str>>,
    /// `first_names` by word.
    first_index: OnceLock<Index<()>>,
}

impl Caches {
    /// Nothing made yet.
    pub(crate) const fn new() -> Caches {
        Caches {
            cue_matcher: OnceLock::new(),
            class_index: OnceLock::new(),
            head_index: OnceLock::new(),
            typer_index: OnceLock::new(),
            dotted_index: OnceLock::new(),
            region_index: OnceLock::new(),
            common_list: OnceLock::new(),
            first_index: OnceLock::new(),
        }
    }
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
        let classes = self.caches.class_index.get_or_init(|| {
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

    #[cfg(test)]
    pub(crate) fn is_break(&self, word: &str) -> bool {
        self.class(word) == Class::Break
    }

    #[cfg(test)]
    pub(crate) fn is_title(&self, word: &str) -> bool {
        self.class(word) == Class::Title
    }

    /// The head words in capitals ("BANK", as headlines and datelines write
    /// them) that are not head words as written ("AG", "PLC" are), each
    /// with its head. Made once for each index that asks, and kept by it:
    /// the tables live for the process.
    fn capital_heads(&self) -> impl Iterator<Item = (&'static str, &'static Head)> {
        let heads: &'static [Head] = self.heads;
        heads.iter().filter_map(move |h| {
            let capitals = h.word.to_uppercase();
            let new = !heads.iter().any(|other| other.word == capitals);
            new.then(|| (&*Box::leak(capitals.into_boxed_str()), h))
        })
    }

    /// The head word `word` is, as written or in capitals ("BANK", as
    /// headlines and datelines write it).
    pub(crate) fn head(&self, word: &str) -> Option<&'static Head> {
        let heads = self.caches.head_index.get_or_init(|| {
            let heads: &'static [Head] = self.heads;
            Index::new(heads.iter().map(|h| (h.word, h)).chain(self.capital_heads()))
        });
        heads.get(word)
    }

    /// Whether `word` says a name goes on or what it is: a head word or a
    /// club or feature prefix ("Bank" of "Bank of China", "Real", "Mount").
    pub(crate) fn types_a_name(&self, word: &str) -> bool {
        // One lookup, not three: the rules ask this after most names.
        let typers = self.caches.typer_index.get_or_init(|| {
            let capitals = self.capital_heads().map(|(w, _)| w);
            let heads = self.heads.iter().map(|h| h.word).chain(capitals);
            let prefixes = self.org_prefixes.words.iter().chain(self.loc_prefixes.words).copied();
            Index::new(heads.chain(prefixes).map(|w| (w, ())))
        });
        typers.get(word).is_some()
    }

    /// Whether `word` (with its final dot) is a word of the tables that
    /// may end in a dot: a title, a break, a head word (as written or in
    /// capitals), a region's abbreviation, a feature prefix or a name's
    /// abbreviation ("Gen.", "Jan.", "Corp.", "Ore.", "Mt.", "St."). One
    /// lookup, not six: this is asked of every word before a dot near a
    /// name.
    pub(crate) fn is_dotted_word(&self, word: &str) -> bool {
        let dotted = self.caches.dotted_index.get_or_init(|| {
            let capitals = self.capital_heads().map(|(w, _)| w);
            let heads = self.heads.iter().map(|h| h.word).chain(capitals);
            let regions = self.region_abbreviations.iter().map(|&(w, _)| w);
            let words = (self.titles.words.iter().chain(self.breaks.words))
                .chain(self.loc_prefixes.words)
                .chain(self.name_abbreviations.words)
                .copied()
                .chain(heads)
                .chain(regions);
            Index::new(words.map(|w| (w, ())))
        });
        dotted.get(word).is_some()
    }

    /// A case-sensitive matcher of [`name_cues`](NameRules::name_cues),
    /// built on first use.
    pub(crate) fn cue_matcher(&'static self) -> &'static Matcher {
        self.caches.cue_matcher.get_or_init(|| {
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
        let list = self.caches.common_list.get_or_init(|| word_list(self.common_words));
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

    /// Whether `word` (as written) is a first name of the language's news.
    pub(crate) fn is_first_name(&self, word: &str) -> bool {
        // Asked of the word after most names that start a run: one lookup
        // in an index, which answers most words by their first and last
        // bytes and length alone.
        let index = self
            .caches
            .first_index
            .get_or_init(|| Index::new(word_list(self.first_names).into_iter().map(|w| (w, ()))));
        index.get(word).is_some()
    }

    /// The id of the region `word` abbreviates ("Ore."), by one lookup:
    /// it is asked after every comma that follows a place.
    pub(crate) fn region_abbreviation(&self, word: &str) -> Option<&'static str> {
        let index = self.caches.region_index.get_or_init(|| {
            let abbreviations: &'static [(&'static str, &'static str)] = self.region_abbreviations;
            // The first of a word given twice wins, as the list's search did.
            Index::new(abbreviations.iter().rev().copied())
        });
        index.get(word)
    }
}

/// The words of a list, one a line (`#` lines are comments), sorted.
fn word_list(text: &'static str) -> Vec<&'static str> {
    // Lines split by a byte loop: a search for each line break costs more
    // than these short lines.
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
    // The generator writes the words sorted; a hand-edited table is
    // sorted here.
    if !words.is_sorted() {
        words.sort_unstable();
    }
    words
}

/// A fixed set of words, for lookups the rules make for every word near a
/// name.
#[derive(Debug)]
pub(crate) struct WordSet {
    pub(crate) words: &'static [&'static str],
    index: OnceLock<Index<()>>,
    /// The words' first bytes, a bit each, gathered at compile time.
    first_bytes: [u64; 4],
}

impl WordSet {
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        let mut first_bytes = [0u64; 4];
        let mut i = 0;
        while i < words.len() {
            if let Some(&b) = words[i].as_bytes().first() {
                first_bytes[(b >> 6) as usize] |= 1 << (b & 63);
            }
            i += 1;
        }
        WordSet { words, index: OnceLock::new(), first_bytes }
    }

    /// Whether a word of the set begins with `byte`: one bit test, before
    /// a word is read for [`WordSet::contains`] on a path every match takes.
    #[inline]
    pub(crate) fn may_start(&self, byte: u8) -> bool {
        self.first_bytes[usize::from(byte >> 6)] & (1 << (byte & 63)) != 0
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        let index = self.index.get_or_init(|| Index::new(self.words.iter().map(|&w| (w, ()))));
        index.get(word).is_some()
    }
}

/// Cue words or phrases read at the end of a text (before a name), with
/// the bytes they end in, gathered at compile time: most texts end in a
/// byte that no cue ends in, which settles them without a look at the cues.
#[derive(Debug)]
pub(crate) struct EndingCues {
    pub(crate) words: &'static [&'static str],
    last_bytes: [bool; 256],
}

impl EndingCues {
    pub(crate) const fn new(words: &'static [&'static str]) -> EndingCues {
        let mut last_bytes = [false; 256];
        let mut i = 0;
        while i < words.len() {
            match words[i].as_bytes() {
                [.., last] => last_bytes[*last as usize] = true,
                // The empty cue ends every text.
                [] => last_bytes = [true; 256],
            }
            i += 1;
        }
        EndingCues { words, last_bytes }
    }

    /// Whether `text` ends in a byte that some cue ends in (so that a cue
    /// may end it).
    #[inline]
    pub(crate) fn may_end(&self, text: &str) -> bool {
        text.as_bytes().last().is_some_and(|&b| self.last_bytes[usize::from(b)])
    }
}

/// Words to values, in an open-addressing table keyed by a word's length
/// and two integers loaded from its bytes ([`Key`]): a lookup hashes them
/// with one multiply and compares integers, not strings, which made the
/// lookups the rules make for every word near a name three times cheaper
/// than a hash map of strings.
#[derive(Debug)]
pub(crate) struct Index<V> {
    /// A power of two of slots, at most half of them full; `None` marks
    /// an empty one.
    slots: Box<[Option<Slot<V>>]>,
    /// 64 minus log2 of the slot count.
    shift: u32,
    /// Per first byte, the lengths of the words starting with it (bit
    /// `len`, the last bit for 31 bytes and more): most words the rules
    /// look up (names) are in no table, and most of those share no first
    /// byte and length with a word of it, which this answers without
    /// hashing.
    lengths: Box<[u32; 256]>,
    /// The same per last byte: a name that shares its first byte and
    /// length with a table word ("Moscow" and "Monday") seldom shares its
    /// last byte too.
    tail_lengths: Box<[u32; 256]>,
}

/// The bit of [`Index::lengths`] for a word of `len` bytes.
#[inline]
fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

#[derive(Clone, Copy, Debug)]
struct Slot<V> {
    key: Key,
    word: &'static str,
    value: V,
}

/// A word's length and its bytes in two integers: all of them for words of
/// up to 16 bytes, so that equal keys are equal words; a longer word's key
/// holds its first and last eight bytes, and is compared whole as well.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key {
    len: usize,
    head: u64,
    tail: u64,
}

/// Words longer than this are compared whole after their keys.
const KEYED: usize = 16;

impl Key {
    #[inline]
    fn of(word: &str) -> Key {
        let b = word.as_bytes();
        let len = b.len();
        let (head, tail) = match (b.first_chunk::<8>(), b.last_chunk::<8>()) {
            // Eight bytes or more: the first eight and the last eight
            // (they overlap below 16).
            (Some(head), Some(tail)) => (u64::from_le_bytes(*head), u64::from_le_bytes(*tail)),
            _ => match (b.first_chunk::<4>(), b.last_chunk::<4>()) {
                // Four to seven: the first four and the last four.
                (Some(head), Some(tail)) => {
                    (u64::from(u32::from_le_bytes(*head)), u64::from(u32::from_le_bytes(*tail)))
                }
                // One to three: the first, middle and last byte.
                _ => match b {
                    [] => (0, 0),
                    [first, .., last] | [first @ last] => {
                        let middle = b[len / 2];
                        (u64::from(*first) | u64::from(middle) << 8 | u64::from(*last) << 16, 0)
                    }
                },
            },
        };
        Key { len, head, tail }
    }

    #[inline]
    fn hash(self) -> u64 {
        let mixed = self.head ^ self.tail.rotate_left(29) ^ (self.len as u64) << 56;
        mixed.wrapping_mul(0xff51_afd7_ed55_8ccd) ^ (mixed >> 31)
    }
}

impl<V: Copy> Index<V> {
    /// The index of `entries`; a word given twice keeps its last value.
    fn new(entries: impl Iterator<Item = (&'static str, V)>) -> Index<V> {
        let entries: Vec<(&'static str, V)> = entries.collect();
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut index = Index {
            slots: vec![None; size].into_boxed_slice(),
            shift: 0,
            lengths: Box::new([0; 256]),
            tail_lengths: Box::new([0; 256]),
        };
        index.shift = 64 - size.trailing_zeros();
        for (word, value) in entries {
            if let (Some(&first), Some(&last)) = (word.as_bytes().first(), word.as_bytes().last()) {
                index.lengths[usize::from(first)] |= length_bit(word.len());
                index.tail_lengths[usize::from(last)] |= length_bit(word.len());
            }
            let key = Key::of(word);
            let i = index.find(key, word);
            index.slots[i] = Some(Slot { key, word, value });
        }
        index
    }

    /// The slot that holds `word`, or the empty one where it would go.
    #[inline]
    fn find(&self, key: Key, word: &str) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = (key.hash() >> self.shift) as usize;
        loop {
            match &self.slots[i] {
                Some(slot) if slot.key == key && (key.len <= KEYED || slot.word == word) => {
                    return i;
                }
                Some(_) => i = (i + 1) & mask,
                None => return i,
            }
        }
    }

    /// The value of `word`.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        // The empty word has no first byte: it is looked up.
        if let (Some(&first), Some(&last)) = (word.as_bytes().first(), word.as_bytes().last()) {
            let bit = length_bit(word.len());
            if self.lengths[usize::from(first)] & self.tail_lengths[usize::from(last)] & bit == 0 {
                return None;
            }
        }
        self.slots[self.find(Key::of(word), word)].map(|slot| slot.value)
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

    /// The one lookup of `types_a_name` answers as the three it stands
    /// for: a head word (as written or in capitals), a club prefix or a
    /// feature prefix; and nothing else.
    #[test]
    fn types_a_name_is_a_head_or_a_prefix() {
        for lang in dateline_tokenize::Lang::ALL {
            let rules = for_lang(lang);
            let mut words: Vec<String> = Vec::new();
            for w in rules.heads.iter().map(|h| h.word) {
                words.extend([w.to_owned(), w.to_uppercase(), w.to_lowercase(), format!("{w}s")]);
            }
            for &w in rules.org_prefixes.words.iter().chain(rules.loc_prefixes.words) {
                words.extend([w.to_owned(), w.to_uppercase(), w.to_lowercase()]);
            }
            words.extend(["", "Officials", "of", "The"].map(String::from));
            for w in &words {
                let want = rules.head(w).is_some()
                    || rules.org_prefixes.contains(w)
                    || rules.loc_prefixes.contains(w);
                assert_eq!(rules.types_a_name(w), want, "{lang}: {w:?}");
            }
        }
        let english = &crate::context::english::ENGLISH;
        assert!(english.types_a_name("Bank") && english.types_a_name("BANK"));
        assert!(english.types_a_name("Mount") && !english.types_a_name("Officials"));
    }

    /// Words that share a first byte and a length with a word of the
    /// index, or a first byte only, or neither, and words of 31 bytes and
    /// more, which share the last length bit.
    #[test]
    fn indexes_find_their_words_past_the_length_filter() {
        let long = "Abcdefghijklmnopqrstuvwxyz0123456789";
        let index = Index::new(
            ["of", "Bank", "Banks", "", "é", long].into_iter().enumerate().map(|(i, w)| (w, i)),
        );
        let found = |w: &str| index.get(w);
        assert_eq!(
            ["of", "Bank", "Banks", "", "é", long].map(found),
            [Some(0), Some(1), Some(2), Some(3), Some(4), Some(5)]
        );
        let absent = ["on", "Bark", "Bankz", "Ban", "o", "x", "è", &long[..32], &long[1..]];
        assert_eq!(absent.map(found), [None; 9]);
        // A first byte and a length shared with one word, a last byte and
        // the length with another: still absent.
        let index = Index::new([("Monday", 0), ("Sunday", 1), ("Moscox", 2)].into_iter());
        assert_eq!(
            ["Monday", "Sunday", "Moscox"].map(|w| index.get(w)),
            [Some(0), Some(1), Some(2)]
        );
        assert_eq!(["Moscow", "Munday", "Sonday", "Mondax"].map(|w| index.get(w)), [None; 4]);
    }

    /// A topic connector joins only where `types_a_name` holds too, so a
    /// topic head that is no head word would be dead.
    #[test]
    fn topic_heads_are_head_words() {
        for lang in dateline_tokenize::Lang::ALL {
            let rules = for_lang(lang);
            for w in rules.topic_heads.words {
                assert!(rules.head(w).is_some(), "{lang}: {w:?}");
            }
            for w in rules.topic_connectors.words {
                assert!(rules.connectors.contains(w), "{lang}: {w:?}");
            }
            // A purpose connector is a connector, and a seat an
            // organization's head.
            for w in rules.purpose_connectors.words {
                assert!(rules.connectors.contains(w), "{lang}: {w:?}");
            }
            for w in rules.seat_heads.words {
                assert!(rules.head(w).is_some_and(|h| h.label == "ORG"), "{lang}: {w:?}");
            }
            // A mission's run is typed by its head word first.
            for w in rules.mission_heads.words {
                assert!(rules.head(w).is_some_and(|h| h.label == "ORG"), "{lang}: {w:?}");
            }
            // A cause is led to and followed by connectors.
            for w in rules.cause_leads.words.iter().chain(rules.cause_connectors.words) {
                assert!(rules.connectors.contains(w), "{lang}: {w:?}");
            }
            // A closing head is a head, and a locating word a connector.
            for w in rules.closing_heads.words {
                assert!(rules.head(w).is_some_and(|h| h.label == "ORG"), "{lang}: {w:?}");
            }
            for w in rules.locating_connectors.words {
                assert!(rules.connectors.contains(w), "{lang}: {w:?}");
            }
            // A town's part is a region's first.
            for w in rules.town_part_prefixes.words {
                assert!(rules.region_prefixes.contains(w), "{lang}: {w:?}");
            }
            // So is a state's compass word: the reading is asked of
            // regions' runs only.
            for &(place, words) in rules.compass_states {
                for w in words {
                    assert!(rules.region_prefixes.contains(w), "{lang}: {w:?} {place:?}");
                }
            }
        }
    }

    /// The one lookup of `is_dotted_word` answers as the six it stands
    /// for, for every table word with and without its dot, in any case.
    #[test]
    fn dotted_words_are_titles_breaks_heads_regions_prefixes_or_abbreviations() {
        for lang in dateline_tokenize::Lang::ALL {
            let rules = for_lang(lang);
            let mut words: Vec<String> = Vec::new();
            let heads = rules.heads.iter().map(|h| h.word);
            let regions = rules.region_abbreviations.iter().map(|&(w, _)| w);
            let sets = [
                &rules.titles,
                &rules.breaks,
                &rules.loc_prefixes,
                &rules.name_abbreviations,
                &rules.connectors,
            ];
            let table = sets.iter().flat_map(|s| s.words.iter().copied());
            for w in heads.chain(regions).chain(table) {
                let bare = w.trim_end_matches('.');
                for form in [w.to_owned(), w.to_uppercase(), w.to_lowercase(), format!("{bare}.")] {
                    words.push(form);
                }
            }
            words.extend(["", ".", "Officials.", "U.S.", "W."].map(String::from));
            for w in &words {
                let want = rules.is_title(w)
                    || rules.is_break(w)
                    || rules.head(w).is_some()
                    || rules.region_abbreviation(w).is_some()
                    || rules.loc_prefixes.contains(w)
                    || rules.name_abbreviations.contains(w);
                assert_eq!(rules.is_dotted_word(w), want, "{lang}: {w:?}");
            }
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
        // First bytes: the words', and no other.
        for b in 0..=255u8 {
            assert_eq!(SET.may_start(b), matches!(b, b'o' | b'f' | b'&' | b'B'), "{b}");
        }
        assert!(!WordSet::new(&[]).may_start(b'a'));
    }
}

/// What a demonym's ending split from its place needs (`demonym_splits`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SplitAfter {
    /// A place ending in "a": "Russia n", "Australia ns".
    PlaceInA,
    /// A place ending in a consonant: "Iraq i", "Japan ese", "Iran ian".
    PlaceInConsonant,
    /// Any place, with a word after that starts with a consonant other
    /// than "h", which the article "an" would not come before: "Europe an
    /// leaders", "Tibet an capital"; not "Japan an unusual", "Europe an
    /// hour".
    ConsonantNext,
}
