//! Per-language rule tables for the tokenizer and the sentence splitter.
//!
//! The tokenizer and the splitter are one engine for every language; what
//! differs is data: abbreviations, the capitalized words that start a
//! sentence, date words, how an apostrophe or a hyphen splits a word in
//! treebank mode, and the multi-word tokens Universal Dependencies expands
//! (German `zum` = `zu` + `dem`). Each language's tables live in its own
//! file (`en.rs`, `de.rs`, ...) as one [`Rules`] value, and [`rules`] is the
//! one place that maps a [`Lang`] to it.
//!
//! Adding a language: a new file here with its `RULES` (the tables and
//! switches it uses, the rest from `Rules::PLAIN`), one arm in [`rules`], the language in
//! `Lang::ALL`, and `tests/data/tokens-xx.toml` and `sentences-xx.toml`
//! (the case loaders find them; a test fails while a language has none).
//! The engine reads nothing else. The shapes here are meant to
//! carry the next ones too: Cyrillic abbreviations ("р.", "г.") and
//! initials are abbreviation entries and starters; a language written
//! without spaces lists the `stops` that end its sentences whatever follows
//! and a `segmenter` that cuts its Han runs into words (Chinese).
//!
//! English's tables are the ones the engine had before languages existed,
//! and the English paths test the same conditions in the same order, so
//! English output and speed do not change.

mod de;
mod en;
mod es;
mod fr;
mod ru;
mod uk;
mod zh;

use crate::segment::Segmenter;
use crate::util::abbrev::Abbreviations;
use crate::util::datewords::DateWords;
use crate::{Lang, TokenKind};

/// One language's tables.
#[derive(Debug)]
pub(crate) struct Rules {
    /// Words whose following period does not (always) end a sentence.
    pub(crate) abbreviations: Abbreviations,
    /// Capitalized words that commonly start a sentence: after a dotted
    /// abbreviation, an initial or a German ordinal, only these signal a
    /// new sentence ("U.S. How" versus "U.S. Government").
    pub(crate) starters: &'static [&'static str],
    /// Weekdays, months and time zones for the splitter's time and date
    /// rules.
    pub(crate) dates: &'static DateWords,
    /// What an apostrophe inside a word does.
    pub(crate) apostrophe: Apostrophe,
    /// What a hyphen between word chars does in treebank mode (default mode
    /// keeps hyphenated words whole in every language).
    pub(crate) hyphens: Hyphens,
    /// Which letter runs treebank mode splits in two.
    pub(crate) word_split: WordSplit,
    /// Whether a comma between digits is a decimal comma ("5,2", "130,00");
    /// without it only a thousands group ("1,000") joins.
    pub(crate) decimal_comma: bool,
    /// Whether a number's period before a lowercase word or a non-starter
    /// is an ordinal's ("am 23. Juli", "der 2. Weltkrieg", "zum 67.
    /// meines Vaters") and neither ends the sentence nor leaves the token.
    pub(crate) ordinal_dot: bool,
    /// Whether an initial joined to another by a hyphen is one token
    /// ("J.-C." in "av. J.-C.", "J.-P. Sartre"), as French writes them.
    pub(crate) hyphenated_initials: bool,
    /// Whether treebank mode splits runs of `!` and `?` into one token per
    /// mark ("Super!!" -> "Super" "!" "!"), as UD German does.
    pub(crate) split_mark_runs: bool,
    /// Whether nouns are capitalized (German): a capital after an
    /// abbreviation's period then says nothing, and only a sentence
    /// starter ends the sentence there.
    pub(crate) capitalized_nouns: bool,
    /// Whether a semicolon before a capitalized sentence starter ends a
    /// sentence: languages that write a lowercase word after a semicolon.
    pub(crate) semicolon_before_starter: bool,
    /// Whether a hyphen after a terminator continues the sentence: Spanish
    /// agency copy separates a dateline or a date from its text with
    /// ".-" ("Madrid, 6 jul (EFE).- El Gobierno", "6 de julio. - Barak
    /// presenta"), and interviews mark turns with dashes ("¿Por qué? -, se
    /// pregunta").
    pub(crate) dash_continues: bool,
    /// Multi-word tokens whose syntactic words are not substrings of the
    /// token (treebank mode), sorted by form.
    pub(crate) multiwords: &'static [MultiWord],
    /// Chars that end a sentence whatever follows them, with the
    /// terminators and closing quotes after them (Chinese `；` and `…`,
    /// where no space comes before the next sentence). Empty for languages
    /// that write spaces.
    pub(crate) stops: &'static [char],
    /// The dictionary segmenter of a language written without spaces
    /// (Chinese): it cuts runs of Han chars into words. Without one, each
    /// Han char is a word.
    pub(crate) segmenter: Option<&'static Segmenter>,
    /// How punctuation inside and around words behaves beyond the rules
    /// above (the Cyrillic languages' conventions).
    pub(crate) punctuation: Punctuation,
}

/// Punctuation conventions the Cyrillic languages brought. Every switch
/// is off in [`Punctuation::PLAIN`], which the languages before them use,
/// so their output stays as it was.
#[derive(Debug)]
pub(crate) struct Punctuation {
    /// Whether a single non-ASCII letter with a period is an initial, as an
    /// ASCII one always is ("В. В. Путин", "т. е."): the period stays with
    /// it and does not end the sentence before a name. In the splitter, a
    /// single letter listed as an abbreviation is that abbreviation after
    /// a number ("1998 г.", "2016 р.", "XX в."), not an initial.
    pub(crate) non_ascii_initials: bool,
    /// Whether treebank mode makes every period, and the comma, colon,
    /// period or slash between digits, a token of its own, as UD Ukrainian
    /// IU writes them: "р" and ".", "4" and "," and "2", "13" and ":" and
    /// "00". Default mode keeps them as other languages do.
    pub(crate) split_inner_punct: bool,
    /// Whether groups of three digits after a space join the number before
    /// them ("80 000", "1 200 000"; also with a no-break or thin space), as
    /// Ukrainian typography writes thousands.
    pub(crate) spaced_thousands: bool,
    /// Whether an HTML character reference is one token ("&#39;", "&amp;"),
    /// and the same one written twice ("&#39;&#39;") one token as `''` is:
    /// text scraped from the web carries them.
    pub(crate) character_references: bool,
    /// Whether a dash and a lowercase word after a sentence's terminator
    /// carry the sentence on, as direct speech is written ("Где ты? --
    /// кричу я", "Хто там? — спитав він").
    pub(crate) dialogue_dash: bool,
}

impl Punctuation {
    /// No switch on.
    pub(crate) const PLAIN: Punctuation = Punctuation {
        non_ascii_initials: false,
        split_inner_punct: false,
        spaced_thousands: false,
        character_references: false,
        dialogue_dash: false,
    };
}

impl Rules {
    /// A language without any of the optional rules: no abbreviations, no
    /// date words, every switch off, apostrophes joining and hyphenated
    /// words whole. A language's `RULES` names what it uses and takes the
    /// rest from here (`..Rules::PLAIN`), so a field a new language brings
    /// touches no other language's file.
    pub(crate) const PLAIN: Rules = Rules {
        abbreviations: Abbreviations::new(&[], &[]),
        starters: &[],
        dates: &DateWords::NONE,
        apostrophe: Apostrophe::Join,
        hyphens: Hyphens::Keep,
        word_split: WordSplit::None,
        decimal_comma: false,
        ordinal_dot: false,
        hyphenated_initials: false,
        split_mark_runs: false,
        capitalized_nouns: false,
        semicolon_before_starter: false,
        dash_continues: false,
        multiwords: &[],
        stops: &[],
        segmenter: None,
        punctuation: Punctuation::PLAIN,
    };
}

/// The rules of `lang`.
#[inline]
pub(crate) fn rules(lang: Lang) -> &'static Rules {
    match lang {
        Lang::En => &en::RULES,
        Lang::De => &de::RULES,
        Lang::Fr => &fr::RULES,
        Lang::Es => &es::RULES,
        Lang::Uk => &uk::RULES,
        Lang::Ru => &ru::RULES,
        Lang::Zh => &zh::RULES,
    }
}

/// What an apostrophe between letters does.
#[derive(Debug)]
pub(crate) enum Apostrophe {
    /// English: clitics split from their host (`China` + `'s`, `do` +
    /// `n't`); any other apostrophe before a letter joins ("O'Brien").
    EnglishClitics,
    /// Elision: an elided word keeps its apostrophe and ends there
    /// (`l'` + `Ukraine`, `qu'` + `il`); words not listed stay whole
    /// ("aujourd'hui"). Forms are lowercase, without the apostrophe.
    Elision(&'static [&'static str]),
    /// The apostrophe joins ("TV's", "geht's").
    Join,
}

/// What a hyphen between word chars does in treebank mode.
#[derive(Debug)]
pub(crate) enum Hyphens {
    /// The hyphen is a token of its own, except after these bound prefixes
    /// (lowercase; at most 8 bytes) and inside phone-number digit groups.
    Split(&'static [&'static [u8]]),
    /// Hyphenated words stay whole ("Saint-Pétersbourg", "dólar-marco").
    Keep,
    /// The hyphen is a token of its own, except in the words
    /// [`Compounds`] describes (UD Ukrainian).
    SplitCompounds(&'static Compounds),
}

/// The hyphenated words a language that splits compounds keeps whole.
#[derive(Debug)]
pub(crate) struct Compounds {
    /// Words before a hyphen that stay joined to the rest ("по" of
    /// "по-новому"); lowercase.
    pub(crate) prefixes: &'static [&'static str],
    /// Particles after a hyphen that stay joined ("небудь" of
    /// "хто-небудь"); lowercase.
    pub(crate) suffixes: &'static [&'static str],
    /// Whether a number keeps the letters after its hyphen ("2016-го",
    /// "1990-х").
    pub(crate) after_number: bool,
    /// Whether a word repeated around the hyphen, whole or by its stem,
    /// stays one ("ледь-ледь", "врешті-решт", "всього-навсього").
    pub(crate) repeated: bool,
}

impl Compounds {
    /// Whether the hyphen between `left` and `right` (the letter and digit
    /// runs around it) stays inside the word.
    pub(crate) fn keeps(&self, left: &str, right: &str) -> bool {
        if left.is_empty() || right.is_empty() {
            return false;
        }
        if self.after_number
            && left.bytes().all(|b| b.is_ascii_digit())
            && right.chars().all(char::is_alphabetic)
        {
            return true;
        }
        let lower = |word: &str| -> Option<String> {
            (word.chars().count() <= 8).then(|| word.to_lowercase())
        };
        if let Some(left) = lower(left)
            && self.prefixes.contains(&left.as_str())
        {
            return true;
        }
        if let Some(right) = lower(right)
            && self.suffixes.contains(&right.as_str())
        {
            return true;
        }
        self.repeated && repeats(left, right)
    }
}

/// Whether `right` repeats `left`, whole or by a shared stem of at least
/// three letters that covers most of the shorter word ("ледь-ледь",
/// "врешті-решт", "всього-навсього").
fn repeats(left: &str, right: &str) -> bool {
    let left: Vec<char> = left.chars().flat_map(char::to_lowercase).collect();
    let right: Vec<char> = right.chars().flat_map(char::to_lowercase).collect();
    if left == right {
        return true;
    }
    // A run of letters both share, three quarters of the shorter word long
    // at least: "решт" of "врешті-решт", "всього" of "всього-навсього";
    // not "мед" of "медико-технологічних".
    let shorter = left.len().min(right.len());
    (3..=shorter)
        .rev()
        .filter(|n| n * 4 >= shorter * 3)
        .any(|n| right.windows(n).any(|w| left.windows(n).any(|v| v == w)))
}

/// Which single letter runs treebank mode splits in two tokens.
#[derive(Debug)]
pub(crate) enum WordSplit {
    /// English: contractions written without an apostrophe ("gonna" ->
    /// "gon" + "na") and numbers glued to units ("375mm" -> "375" + "mm").
    English,
    /// Pronouns attached to a verb (Spanish "quedarse" -> "quedar" + "se").
    Enclitics(&'static Enclitics),
    /// None.
    None,
}

impl WordSplit {
    /// Where treebank mode splits the letter run `word`: the length and
    /// kind of its first part.
    #[inline]
    pub(crate) fn split(&self, word: &str) -> Option<(usize, TokenKind)> {
        match self {
            WordSplit::English => en::split_word(word),
            WordSplit::Enclitics(enclitics) => {
                enclitics.split(word).map(|len| (len, TokenKind::Word))
            }
            WordSplit::None => None,
        }
    }
}

/// English's treebank splits ([`WordSplit::English`]), for the tokenizer to
/// call inline.
#[inline(always)]
pub(crate) fn english_split(word: &str) -> Option<(usize, TokenKind)> {
    en::split_word(word)
}

/// Pronouns written attached to the end of a verb.
#[derive(Debug)]
pub(crate) struct Enclitics {
    /// `(pronoun, verb endings it may follow)`, longest pronoun first; the
    /// endings are those of infinitives and gerunds ("ar", "ándo").
    pub(crate) pronouns: &'static [(&'static str, &'static [&'static str])],
    /// Whole words that look like a verb with a pronoun but are not
    /// ("charla", "firme").
    pub(crate) exceptions: &'static [&'static str],
    /// Words that end in these are not verbs ("parte", "aparte").
    pub(crate) exception_endings: &'static [&'static str],
}

impl Enclitics {
    /// The length of the verb in `word` when it ends in an attached
    /// pronoun.
    pub(crate) fn split(&self, word: &str) -> Option<usize> {
        // Verbs are written in lowercase; capitalized words are names.
        if !word.starts_with(|c: char| c.is_lowercase()) || word.len() < 5 {
            return None;
        }
        let (verb, _) = self.pronouns.iter().find_map(|&(pronoun, endings)| {
            let verb = word.strip_suffix(pronoun)?;
            endings.iter().any(|e| verb.ends_with(e) && verb.len() > e.len()).then_some((verb, ()))
        })?;
        let lower = word.to_lowercase();
        if self.exceptions.contains(&lower.as_str())
            || self.exception_endings.iter().any(|e| lower.ends_with(e))
        {
            return None;
        }
        Some(verb.len())
    }
}

/// A multi-word token: a contraction whose syntactic words are not
/// substrings of it ("zum" = "zu" + "dem", "du" = "de" + "le").
#[derive(Debug)]
pub(crate) struct MultiWord {
    /// The token, lowercase.
    pub(crate) form: &'static str,
    /// Its words when the token is written in lowercase.
    pub(crate) words: &'static [&'static str],
    /// Its words when the token is capitalized ("Zum" -> "Zu" + "dem").
    pub(crate) capitalized: &'static [&'static str],
    /// When set, the token is a contraction only after a word that is not
    /// in this list (lowercase), and never at the start of a sentence or
    /// after punctuation: French "des" is "de" + "les" after a noun ("le
    /// prix des maisons") but an article after a verb or a preposition
    /// ("il a des amis", "avec des amis").
    pub(crate) not_after: Option<&'static [&'static str]>,
}

/// Finds the multi-word token whose words are `words` (either case form)
/// in any language: `(language, index, capitalized)`.
pub(crate) fn find_multiword(words: &[&str]) -> Option<(Lang, u8, bool)> {
    Lang::ALL.into_iter().find_map(|lang| {
        rules(lang).multiwords.iter().enumerate().find_map(|(i, m)| {
            let index = u8::try_from(i).ok()?;
            if m.words == words {
                Some((lang, index, false))
            } else if m.capitalized == words {
                Some((lang, index, true))
            } else {
                None
            }
        })
    })
}

impl Rules {
    /// Looks up `word` in the multi-word tokens; its index.
    #[inline]
    pub(crate) fn multiword(&self, word: &str) -> Option<usize> {
        if self.multiwords.is_empty() || word.len() > 12 {
            return None;
        }
        let mut buf = [0u8; 12];
        let lower = lowercase_into(word, &mut buf)?;
        self.multiwords.binary_search_by(|m| m.form.cmp(lower)).ok()
    }

    /// Whether `word` (from the splitter's or tokenizer's look-ahead) is a
    /// capitalized word that commonly starts a sentence. With elision, an
    /// elided article or pronoun counts by its elided part ("L'Ukraine" as
    /// "L'").
    #[inline]
    pub(crate) fn is_starter(&self, word: &str) -> bool {
        if self.starters.contains(&word) {
            return true;
        }
        if let Apostrophe::Elision(_) = self.apostrophe
            && let Some(i) = word.find(['\'', '’'])
        {
            let head = &word[..i];
            return self.starters.iter().any(|s| s.strip_suffix('\'') == Some(head));
        }
        false
    }

    /// Whether `word` is elided (`l`, `qu`, `jusqu`) and ends at an
    /// apostrophe, in a language with elision.
    #[inline]
    pub(crate) fn is_elided(&self, word: &str) -> bool {
        let Apostrophe::Elision(forms) = self.apostrophe else { return false };
        let mut buf = [0u8; 12];
        lowercase_into(word, &mut buf).is_some_and(|lower| forms.contains(&lower))
    }
}

/// `word` lowercased into `buf` (ASCII letters only; other chars are kept
/// as they are, which is enough for tables written in lowercase), or `None`
/// when it does not fit or has an uppercase non-ASCII letter the tables
/// could hold in lowercase ("À" before "la").
fn lowercase_into<'b>(word: &str, buf: &'b mut [u8; 12]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if word.is_ascii() {
        let out = buf.get_mut(..bytes.len())?;
        for (o, b) in out.iter_mut().zip(bytes) {
            *o = b.to_ascii_lowercase();
        }
        return core::str::from_utf8(out).ok();
    }
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut tmp = [0u8; 4];
        let s = c.encode_utf8(&mut tmp);
        buf.get_mut(n..n + s.len())?.copy_from_slice(s.as_bytes());
        n += s.len();
    }
    core::str::from_utf8(&buf[..n]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiwords_are_sorted_lowercase_and_not_substrings() {
        for lang in Lang::ALL {
            let table = rules(lang).multiwords;
            for pair in table.windows(2) {
                assert!(
                    pair[0].form < pair[1].form,
                    "{lang}: {} >= {}",
                    pair[0].form,
                    pair[1].form
                );
            }
            for (i, m) in table.iter().enumerate() {
                assert_eq!(m.form, m.form.to_lowercase(), "{lang}");
                assert!(m.words.len() >= 2 && m.words.len() == m.capitalized.len(), "{}", m.form);
                assert_eq!(rules(lang).multiword(m.form), Some(i));
                let first = m.words[0];
                let mut chars = first.chars();
                let upper: String = chars.next().into_iter().flat_map(char::to_uppercase).collect();
                assert_eq!(m.capitalized[0], upper + chars.as_str(), "{}", m.form);
                assert_eq!(m.words[1..], m.capitalized[1..], "{}", m.form);
            }
        }
    }

    // The tokenizer runs English's splits inline and does not consult the
    // multi-word table of a language that splits the English way.
    #[test]
    fn english_splitting_languages_have_no_multiwords() {
        for lang in Lang::ALL {
            if let WordSplit::English = rules(lang).word_split {
                assert!(rules(lang).multiwords.is_empty(), "{lang}");
            }
        }
    }

    #[test]
    fn multiword_lookup_ignores_case() {
        let de = rules(Lang::De);
        assert!(de.multiword("Zum").is_some() && de.multiword("ZUM").is_some());
        assert_eq!(de.multiword("zu"), None);
        let fr = rules(Lang::Fr);
        assert!(fr.multiword("Au").is_some());
        assert!(rules(Lang::En).multiword("im").is_none());
    }

    #[test]
    fn elision_and_starters() {
        let fr = rules(Lang::Fr);
        assert!(fr.is_elided("qu") && fr.is_elided("L") && fr.is_elided("jusqu"));
        assert!(!fr.is_elided("aujourd"));
        assert!(fr.is_starter("L'Ukraine") && fr.is_starter("Le"));
        assert!(!rules(Lang::En).is_elided("l"));
        assert!(rules(Lang::En).is_starter("It's") && !rules(Lang::En).is_starter("It’s"));
    }

    #[test]
    fn ukrainian_compounds() {
        let Hyphens::SplitCompounds(compounds) = rules(Lang::Uk).hyphens else {
            panic!("Ukrainian splits compounds")
        };
        for (left, right) in [
            ("по", "новому"),
            ("По", "перше"),
            ("будь", "який"),
            ("хто", "небудь"),
            ("2016", "го"),
            ("ледь", "ледь"),
            ("врешті", "решт"),
            ("всього", "навсього"),
        ] {
            assert!(compounds.keeps(left, right), "{left}-{right}");
        }
        for (left, right) in [
            ("прес", "секретар"),
            ("медико", "технологічних"),
            ("більш", "менш"),
            ("18", "25"),
            ("ІТ", "спеціалісти"),
            ("", "x"),
        ] {
            assert!(!compounds.keeps(left, right), "{left}-{right}");
        }
    }

    #[test]
    fn spanish_enclitics() {
        let WordSplit::Enclitics(enclitics) = rules(Lang::Es).word_split else {
            panic!("Spanish splits enclitics")
        };
        for (word, verb) in
            [("quedarse", "quedar"), ("darle", "dar"), ("encontrándose", "encontrándo")]
        {
            assert_eq!(enclitics.split(word), Some(verb.len()), "{word}");
        }
        for word in ["parte", "firme", "charla", "Carlos", "internos", "se", "muerte"] {
            assert_eq!(enclitics.split(word), None, "{word}");
        }
    }
}
