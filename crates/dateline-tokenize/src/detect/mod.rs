//! Telling a document's language from its script and function words, for
//! `--lang auto`.
//!
//! The detector reads the text once. Every letter counts for its script
//! (Latin, Cyrillic, Han, or another); every word of letters up to
//! [`MAX_WORD`] bytes is lowercased into a buffer on the stack and looked
//! up in one sorted table of the supported languages' function words
//! ("the", "der", "les", "los"), and every letter that only some
//! languages write ("ß", "è", "ñ") counts for them. Nothing is allocated
//! per word.
//!
//! The script decides first: only the languages written in the text's
//! main script are candidates, so Cyrillic text can only be Ukrainian or
//! Russian, and Han only Chinese, once those languages have profiles. Among
//! the candidates the most function words and letters win; a candidate
//! alone in its script wins on the script. A text with no evidence (no
//! letters, no function words, or a script no supported language is
//! written in) has no answer: callers fall back to [`Lang::En`] and say so.
//!
//! Each language's evidence is a [`Profile`] in its own file (`en.rs`,
//! `de.rs`, ...), and [`profile`] is the one place that maps a [`Lang`] to
//! it: adding a language is a new file and a line there.
//!
//! Function words settle documents of a few sentences; `dateline-eval lang`
//! measures it on Universal Dependencies texts in documents of at least
//! 200 characters.

use std::sync::LazyLock;

use crate::Lang;

mod de;
mod en;
mod es;
mod fr;
mod ru;
mod uk;
mod zh;

/// A language's evidence: the script it is written in, its most frequent
/// function words, and the letters it writes that others do not.
pub(crate) struct Profile {
    /// The script of the language's letters.
    script: Script,
    /// Lowercase function words, in any order. An elided form ends with its
    /// apostrophe (French "l'"), written `'`.
    words: &'static [&'static str],
    /// Lowercase letters this language writes and at least one other
    /// supported language does not.
    letters: &'static [char],
}

/// The writing systems the detector tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Han,
    Other,
}

impl Script {
    const COUNT: usize = 4;

    /// The script of a letter.
    fn of(c: char) -> Script {
        match c {
            'a'..='z' | 'A'..='Z' | '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => Script::Latin,
            '\u{400}'..='\u{52f}' => Script::Cyrillic,
            '\u{3400}'..='\u{4dbf}'
            | '\u{4e00}'..='\u{9fff}'
            | '\u{f900}'..='\u{faff}'
            | '\u{20000}'..='\u{2fa1f}' => Script::Han,
            _ => Script::Other,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The one place a [`Lang`] meets its detection profile.
fn profile(lang: Lang) -> &'static Profile {
    match lang {
        Lang::En => &en::PROFILE,
        Lang::De => &de::PROFILE,
        Lang::Fr => &fr::PROFILE,
        Lang::Es => &es::PROFILE,
        Lang::Uk => &uk::PROFILE,
        Lang::Ru => &ru::PROFILE,
        Lang::Zh => &zh::PROFILE,
    }
}

/// Words longer than this (in UTF-8 bytes, lowercased) are no function
/// word of any profile and are not looked up.
const MAX_WORD: usize = 16;

/// A function word counts this much; a language's own letter counts one.
/// Letters are many (every "ñ" of a text) and less sure (a Spanish name in
/// English news), words few and telling.
const WORD_WEIGHT: u32 = 2;

/// Once the leading language is this far ahead of every other, the rest
/// of the text cannot reasonably change the answer and is not read.
const DECISIVE_LEAD: u32 = 64;

/// A set of languages, as bits by position in [`Lang::ALL`].
type LangSet = u32;

const _: () = assert!(Lang::ALL.len() <= LangSet::BITS as usize);

/// Every profile's function words with the languages that have each, in
/// an open-addressing hash table built on first use: most words of a text
/// are no function word and miss at an empty slot without a comparison
/// (a binary search compared bytes eight times per word, and took four
/// fifths of the detector's time).
static WORDS: LazyLock<WordTable> = LazyLock::new(WordTable::new);

struct WordTable {
    /// Index into `words` per slot; `EMPTY` for none.
    slots: Vec<u16>,
    words: Vec<(&'static str, LangSet)>,
}

const EMPTY: u16 = u16::MAX;

impl WordTable {
    fn new() -> WordTable {
        let mut words: Vec<(&'static str, LangSet)> = Vec::new();
        for (i, &lang) in Lang::ALL.iter().enumerate() {
            words.extend(profile(lang).words.iter().map(|&w| (w, 1 << i)));
        }
        words.sort_unstable();
        words.dedup_by(|later, earlier| {
            let same = later.0 == earlier.0;
            if same {
                earlier.1 |= later.1;
            }
            same
        });
        assert!(words.len() < usize::from(EMPTY), "too many function words for u16 slots");
        // At most a quarter full, so probe runs stay short.
        let mut slots = vec![EMPTY; (4 * words.len()).next_power_of_two()];
        let mask = slots.len() - 1;
        for (i, (word, _)) in words.iter().enumerate() {
            let mut at = hash(word.as_bytes()) as usize & mask;
            while slots[at] != EMPTY {
                at = (at + 1) & mask;
            }
            slots[at] = i as u16;
        }
        WordTable { slots, words }
    }

    /// The languages that have `word` as a function word; `hash` is
    /// [`hash`] of it.
    fn get(&self, word: &[u8], hash: u64) -> Option<LangSet> {
        let mask = self.slots.len() - 1;
        let mut at = hash as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot == EMPTY {
                return None;
            }
            let (candidate, set) = self.words[usize::from(slot)];
            if candidate.as_bytes() == word {
                return Some(set);
            }
            at = (at + 1) & mask;
        }
    }

    #[cfg(test)]
    fn iter(&self) -> impl Iterator<Item = &(&'static str, LangSet)> {
        self.words.iter()
    }
}

/// The hash the word table is keyed by, one byte at a time so that
/// [`Word`] computes it while the word is read.
fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(HASH_SEED, |h, &b| hash_step(h, b))
}

const HASH_SEED: u64 = 0xcbf2_9ce4_8422_2325;

fn hash_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
}

/// The languages that write `c` (lowercase) as their own letter; empty for
/// ASCII and for letters no profile lists. Read for every non-ASCII
/// letter, so the letters below U+0530 (Latin and Cyrillic, where every
/// profile's letters are) come from a table built on first use.
fn letter_langs(c: char) -> LangSet {
    match LETTERS.get(c as usize) {
        Some(&set) => set,
        None => letter_langs_slow(c),
    }
}

/// [`letter_langs`] of every char below U+0530.
static LETTERS: LazyLock<Vec<LangSet>> = LazyLock::new(|| {
    (0..0x530u32).map(|c| char::from_u32(c).map_or(0, letter_langs_slow)).collect()
});

/// [`letter_langs`] by scanning the profiles.
fn letter_langs_slow(c: char) -> LangSet {
    let mut set = 0;
    for (i, &lang) in Lang::ALL.iter().enumerate() {
        if profile(lang).letters.contains(&c) {
            set |= 1 << i;
        }
    }
    set
}

impl Lang {
    /// The language `text` is written in, among [`Lang::ALL`], from its
    /// script and its function words; `None` when the text gives no
    /// evidence for any supported language (no letters, no function
    /// words, or letters of a script none of them is written in).
    ///
    /// Callers that need a language anyway fall back to [`Lang::En`], the
    /// default, and should say that they did: the CLI's `--lang auto`
    /// writes the language it used into every record.
    ///
    /// One pass over the text, with no allocation per word; a long text is
    /// read only until one language is far ahead. Reliable on a few
    /// sentences: 200 characters of news prose hold a dozen function
    /// words.
    ///
    /// ```
    /// use dateline_tokenize::Lang;
    ///
    /// assert_eq!(Lang::detect("Die Regierung hat am Montag mitgeteilt, dass sie ..."), Some(Lang::De));
    /// assert_eq!(Lang::detect("Le gouvernement a annoncé lundi qu'il ..."), Some(Lang::Fr));
    /// assert_eq!(Lang::detect("El gobierno anunció el lunes que ..."), Some(Lang::Es));
    /// assert_eq!(Lang::detect("The government said on Monday that it ..."), Some(Lang::En));
    /// assert_eq!(Lang::detect("2024-07-24 12:00"), None);
    /// ```
    pub fn detect(text: &str) -> Option<Lang> {
        Evidence::read(text).verdict()
    }
}

/// What one pass over a text found.
struct Evidence {
    /// Letters per [`Script`].
    scripts: [u32; Script::COUNT],
    /// Score per language, by position in [`Lang::ALL`].
    scores: [u32; Lang::ALL.len()],
}

impl Evidence {
    fn read(text: &str) -> Evidence {
        let mut evidence = Evidence { scripts: [0; Script::COUNT], scores: [0; Lang::ALL.len()] };
        let mut word = Word::default();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_ascii_alphabetic() {
                evidence.scripts[Script::Latin.index()] += 1;
                word.push_ascii(c as u8);
                continue;
            }
            if c.is_ascii() {
                let scored = if c == '\'' && chars.peek().is_some_and(|n| n.is_alphabetic()) {
                    evidence.end_elided(&mut word)
                } else {
                    evidence.end_word(&mut word)
                };
                if scored && evidence.decided() {
                    break;
                }
                continue;
            }
            // Latin-1 and Latin Extended letters, the accents of European
            // languages, and the Cyrillic letters skip the general Unicode
            // table (which took half the time of reading Cyrillic text).
            let latin = matches!(c, '\u{c0}'..='\u{24f}') && c != '×' && c != '÷';
            let cyrillic = matches!(c, '\u{400}'..='\u{481}' | '\u{48a}'..='\u{52f}');
            if cyrillic {
                evidence.scripts[Script::Cyrillic.index()] += 1;
                let lower = cyrillic_lowercase(c);
                evidence.add(letter_langs(lower), 1);
                word.push(lower);
                continue;
            }
            if latin || c.is_alphabetic() {
                let script = Script::of(c);
                evidence.scripts[script.index()] += 1;
                if script == Script::Han {
                    // Chinese writes no spaces between words: each
                    // character is looked up alone ("的", "是", "在").
                    let ended = evidence.end_word(&mut word);
                    word.push(c);
                    let scored = evidence.end_word(&mut word);
                    if (ended || scored) && evidence.decided() {
                        break;
                    }
                    continue;
                }
                let mut lower = c.to_lowercase();
                let first = lower.next().unwrap_or(c);
                evidence.add(letter_langs(first), 1);
                word.push(first);
                lower.for_each(|c| word.push(c));
                continue;
            }
            let set = letter_langs(c);
            if set != 0 {
                // Punctuation of one language: Spanish ¿ and ¡.
                evidence.add(set, 1);
            }
            let scored =
                if matches!(c, '’' | 'ʼ') && chars.peek().is_some_and(|n| n.is_alphabetic()) {
                    evidence.end_elided(&mut word)
                } else {
                    evidence.end_word(&mut word)
                };
            if scored && evidence.decided() {
                break;
            }
        }
        evidence.end_word(&mut word);
        evidence
    }

    /// Ends the word before an apostrophe: the elided form ("l'") when a
    /// profile has it, else the word itself ("it" of "it's").
    fn end_elided(&mut self, word: &mut Word) -> bool {
        if let Some(set) = word.elided().and_then(|(w, h)| WORDS.get(w, h)) {
            self.add(set, WORD_WEIGHT);
            word.clear();
            true
        } else {
            self.end_word(word)
        }
    }

    /// Ends the word being read; whether it was a function word.
    fn end_word(&mut self, word: &mut Word) -> bool {
        let set = word.get().and_then(|(w, h)| WORDS.get(w, h));
        if let Some(set) = set {
            self.add(set, WORD_WEIGHT);
        }
        word.clear();
        set.is_some()
    }

    fn add(&mut self, set: LangSet, weight: u32) {
        let mut set = set;
        while set != 0 {
            let i = set.trailing_zeros() as usize;
            self.scores[i] += weight;
            set &= set - 1;
        }
    }

    /// Whether one language leads every other by [`DECISIVE_LEAD`].
    fn decided(&self) -> bool {
        let (mut best, mut second) = (0, 0);
        for &score in &self.scores {
            if score > best {
                (best, second) = (score, best);
            } else if score > second {
                second = score;
            }
        }
        best >= second + DECISIVE_LEAD
    }

    /// The answer: the main script's candidates, then the highest score
    /// among them (the earlier in [`Lang::ALL`] on a tie).
    fn verdict(&self) -> Option<Lang> {
        let letters: u32 = self.scripts.iter().sum();
        if letters == 0 {
            return None;
        }
        let script = [Script::Latin, Script::Cyrillic, Script::Han, Script::Other]
            .into_iter()
            .max_by_key(|s| (self.scripts[s.index()], std::cmp::Reverse(s.index())))?;
        let candidates: Vec<(usize, Lang)> = Lang::ALL
            .iter()
            .copied()
            .enumerate()
            .filter(|&(_, lang)| profile(lang).script == script)
            .collect();
        match candidates.as_slice() {
            [] => None,
            [(_, only)] => Some(*only),
            _ => {
                let (i, lang) = candidates
                    .iter()
                    .copied()
                    .max_by_key(|&(i, _)| (self.scores[i], std::cmp::Reverse(i)))?;
                (self.scores[i] > 0).then_some(lang)
            }
        }
    }
}

/// The lowercase form of a Cyrillic letter (U+0400 to U+052F): Russian
/// and Ukrainian capitals by offset, the rest by the Unicode table.
fn cyrillic_lowercase(c: char) -> char {
    match c {
        '\u{410}'..='\u{42f}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        '\u{400}'..='\u{40f}' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        '\u{430}'..='\u{45f}' => c,
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// The word being read, lowercased, in a buffer on the stack; one too long
/// to be a function word is marked and not looked up.
struct Word {
    bytes: [u8; MAX_WORD + 1],
    len: usize,
    too_long: bool,
    /// [`hash`] of the bytes so far.
    hash: u64,
}

impl Default for Word {
    fn default() -> Word {
        Word { bytes: [0; MAX_WORD + 1], len: 0, too_long: false, hash: HASH_SEED }
    }
}

impl Word {
    fn push_ascii(&mut self, b: u8) {
        if self.len < MAX_WORD {
            let b = b.to_ascii_lowercase();
            self.bytes[self.len] = b;
            self.hash = hash_step(self.hash, b);
            self.len += 1;
        } else {
            self.too_long = true;
        }
    }

    fn push(&mut self, c: char) {
        let width = c.len_utf8();
        if self.len + width <= MAX_WORD {
            let encoded = c.encode_utf8(&mut self.bytes[self.len..]);
            self.hash = encoded.bytes().fold(self.hash, hash_step);
            self.len += width;
        } else {
            self.too_long = true;
        }
    }

    /// The word and its hash.
    fn get(&self) -> Option<(&[u8], u64)> {
        (self.len > 0 && !self.too_long).then(|| (&self.bytes[..self.len], self.hash))
    }

    /// The word with an apostrophe after it, as profiles write elisions,
    /// and its hash.
    fn elided(&mut self) -> Option<(&[u8], u64)> {
        if self.len == 0 || self.too_long {
            return None;
        }
        self.bytes[self.len] = b'\'';
        Some((&self.bytes[..=self.len], hash_step(self.hash, b'\'')))
    }

    fn clear(&mut self) {
        self.len = 0;
        self.too_long = false;
        self.hash = HASH_SEED;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_supported_language_has_a_profile_of_lowercase_words() {
        for lang in Lang::ALL {
            let profile = profile(lang);
            assert!(profile.words.len() >= 40, "{lang}: too few function words to tell");
            for word in profile.words {
                assert_eq!(word.to_lowercase(), *word, "{lang}: {word:?} is not lowercase");
                assert!(word.len() <= MAX_WORD, "{lang}: {word:?} is longer than MAX_WORD");
                assert!(!word.contains('’'), "{lang}: write elisions with ' in {word:?}");
            }
            for letter in profile.letters {
                assert!(
                    !letter.is_ascii(),
                    "{lang}: {letter:?} is ASCII, which every language writes"
                );
            }
        }
    }

    #[test]
    fn each_language_has_words_of_its_own() {
        for (i, lang) in Lang::ALL.iter().enumerate() {
            let own = WORDS.iter().filter(|(_, set)| *set == 1 << i).count();
            assert!(own >= 20, "{lang}: only {own} function words of its own");
        }
    }

    #[test]
    fn every_function_word_is_found_and_others_are_not() {
        for lang in Lang::ALL {
            for word in profile(lang).words {
                let set = WORDS.get(word.as_bytes(), hash(word.as_bytes()));
                assert!(
                    set.is_some_and(|s| s
                        & (1 << Lang::ALL.iter().position(|&l| l == lang).unwrap())
                        != 0),
                    "{lang}: {word}"
                );
            }
        }
        for word in ["", "x", "government", "thé", "l"] {
            assert_eq!(WORDS.get(word.as_bytes(), hash(word.as_bytes())), None, "{word}");
        }
    }

    #[test]
    fn news_sentences_are_told_apart() {
        let cases = [
            (
                Lang::En,
                "China has tightened export controls on drones, effective 1 September, the ministry said.",
            ),
            (
                Lang::De,
                "China hat die Ausfuhrkontrollen für Drohnen verschärft, teilte das Ministerium am Mittwoch mit.",
            ),
            (
                Lang::Fr,
                "La Chine a renforcé le contrôle des exportations de drones, a indiqué le ministère mercredi.",
            ),
            (
                Lang::Es,
                "China ha endurecido los controles a la exportación de drones, informó el ministerio el miércoles.",
            ),
            (
                Lang::Uk,
                "Китай посилив контроль за експортом дронів з 1 вересня, повідомило міністерство в середу.",
            ),
            (
                Lang::Ru,
                "Китай ужесточил контроль за экспортом дронов с 1 сентября, сообщило министерство в среду.",
            ),
            (Lang::Zh, "中国自9月1日起加强了对无人机的出口管制，商务部周三表示。"),
        ];
        for (lang, text) in cases {
            assert_eq!(Lang::detect(text), Some(lang), "{text}");
            assert_eq!(Lang::detect(&text.to_uppercase()), Some(lang), "{text} in capitals");
        }
    }

    #[test]
    fn elisions_and_curly_apostrophes_count() {
        // Only elided forms tell these apart from Spanish and English.
        assert_eq!(Lang::detect("l’Ukraine qu’il d’Europe"), Some(Lang::Fr));
        assert_eq!(Lang::detect("l'Ukraine qu'il d'Europe"), Some(Lang::Fr));
        // "it's" still counts "it".
        assert_eq!(Lang::detect("it's it’s"), Some(Lang::En));
    }

    // Ukrainian and Russian share most letters and many function words
    // ("на", "не", "за", "по"): a short text tells them apart by the words
    // and letters each has alone.
    #[test]
    fn ukrainian_and_russian_are_told_apart() {
        let cases = [
            (Lang::Uk, "Він сказав, що це не так."),
            (Lang::Ru, "Он сказал, что это не так."),
            (Lang::Uk, "У Києві та Харкові"),
            (Lang::Ru, "В Киеве и Харькове"),
            (Lang::Uk, "Україна"),
            (Lang::Ru, "Объём"),
            (Lang::Uk, "П'ЯТНИЦЯ, М’ЯЧ І МʼЯЧ"),
        ];
        for (lang, text) in cases {
            assert_eq!(Lang::detect(text), Some(lang), "{text}");
        }
    }

    // Cyrillic words are two bytes a letter: the longest function words
    // ("которые", 14 bytes) fit, longer words are skipped whole.
    #[test]
    fn cyrillic_words_fit_and_long_ones_are_skipped() {
        for lang in [Lang::Uk, Lang::Ru] {
            for word in profile(lang).words {
                let upper = word.to_uppercase();
                let evidence = Evidence::read(&upper);
                let i = Lang::ALL.iter().position(|&l| l == lang).unwrap();
                assert_eq!(evidence.scores[i], WORD_WEIGHT + letters(word, lang), "{upper}");
            }
        }
        // "якийнебудьщоб" is no "щоб": a long word is not cut.
        let uk = Lang::ALL.iter().position(|&l| l == Lang::Uk).unwrap();
        assert_eq!(Evidence::read("якийнебудьщоб").scores[uk], 0);
    }

    fn letters(word: &str, lang: Lang) -> u32 {
        word.chars().filter(|c| profile(lang).letters.contains(c)).count() as u32
    }

    #[test]
    fn letters_a_language_writes_alone_count() {
        assert_eq!(Lang::detect("Müller Straße"), Some(Lang::De));
        assert_eq!(Lang::detect("¿Señor?"), Some(Lang::Es));
        assert_eq!(Lang::detect("Œuvre façade"), Some(Lang::Fr));
    }

    #[test]
    fn the_letter_table_agrees_with_the_profiles() {
        for c in ('\u{0}'..='\u{10ffff}').step_by(7).chain(['ß', 'ñ', 'і', 'ы', 'ґ', '¿']) {
            assert_eq!(letter_langs(c), letter_langs_slow(c), "{c:?}");
        }
        assert_ne!(letter_langs('ї'), 0);
    }

    #[test]
    fn cyrillic_fast_paths_agree_with_unicode() {
        for c in '\u{400}'..='\u{52f}' {
            let fast = matches!(c, '\u{400}'..='\u{481}' | '\u{48a}'..='\u{52f}');
            assert_eq!(fast, c.is_alphabetic(), "{c:?}");
            if fast {
                let lower: Vec<char> = c.to_lowercase().collect();
                assert_eq!(lower, [cyrillic_lowercase(c)], "{c:?}");
            }
        }
    }

    #[test]
    fn no_evidence_is_no_answer() {
        for text in ["", "   ", "2024-07-24 12:00 +3.5%", "Xqzt Blorf", "🇺🇦 🇨🇳"] {
            assert_eq!(Lang::detect(text), None, "{text:?}");
        }
    }

    #[test]
    fn the_script_decides_before_the_words() {
        // Latin function words in Cyrillic or Han text do not make it
        // English, and no supported language is written in Greek.
        assert_eq!(Lang::detect("Міністр закордонних справ України the of"), Some(Lang::Uk));
        assert_eq!(Lang::detect("Министр иностранных дел России the of"), Some(Lang::Ru));
        assert_eq!(Lang::detect("中国外交部长王毅 the and"), Some(Lang::Zh));
        assert_eq!(Lang::detect("Ελλάδα και Κύπρος"), None);
    }

    #[test]
    fn a_long_text_stops_once_decided() {
        // Seven English function words a sentence.
        let text = "The talks in Geneva were about the war and the peace. ".repeat(200);
        let evidence = Evidence::read(&text);
        assert_eq!(evidence.verdict(), Some(Lang::En));
        assert!(evidence.scores[0] < 2 * DECISIVE_LEAD, "read to the end: {:?}", evidence.scores);
    }

    #[test]
    fn long_words_and_odd_text_do_not_panic() {
        let long = "ä".repeat(MAX_WORD) + " der";
        assert_eq!(Lang::detect(&long), Some(Lang::De));
        // Letters whose lowercase is longer than themselves.
        assert_eq!(Lang::detect("İİİİİİİİİİİİİİİİİİİİ die"), Some(Lang::De));
        assert_eq!(Lang::detect("e\u{301}te\u{301} \u{301}'"), None);
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_without_panicking(text in "\\PC{0,200}") {
            let answer = Lang::detect(&text);
            // An answer needs a letter.
            proptest::prop_assert!(answer.is_none() || text.chars().any(char::is_alphabetic) || text.contains(['¿', '¡']));
        }
    }
}
