//! A nationality word used as a language: "said in Arabic.", "speaks
//! French", "translated into Spanish", "Chinese-language", "the French
//! language", "German-speaking cantons" (`norp:language`). OntoNotes marks
//! these `LANGUAGE`, not `NORP`; the gazetteer has one entry for both
//! ("French" the people and the tongue), so the words around decide.
//!
//! Cues, all from the rules' tables:
//!
//! * after the word, joined by a hyphen or a blank, one of
//!   `language_nouns` ("language", "speaking", "translation");
//! * before it, when the phrase ends after it (punctuation, the end of the
//!   text, or a function word of `region_followers`: "speaks French and"):
//!   one of `language_verbs` ("speak", "learning", "taught"); "in", "into"
//!   or "from" after one of `language_verbs_linked` ("translated into",
//!   "fluent in", "dubbed in"); "in" with punctuation right after ("said in
//!   Arabic.", "in French,"). Not "in French politics", "teaches Afghan
//!   soldiers".
//!
//! A plural ("Estonians", "Europeans") is a people, never a language. Asked
//! of every `NORP` entity reported: the word after it is read once, and a
//! word before it only when the phrase ends after it.

use dateline_tokenize::Span;

use super::rules::NameRules;

/// The rule's name.
pub(crate) const RULE: &str = "norp:language";

/// The longest cue word read back, in bytes ("translating").
const MAX_CUE: usize = 12;

/// Whether the nationality word at `found` names a language here.
pub(crate) fn is_language(rules: &NameRules, text: &str, found: Span) -> bool {
    let bytes = text.as_bytes();
    if bytes[..found.end].last() == Some(&b's') || rules.language_nouns.words.is_empty() {
        return false;
    }
    // The word after is read once: a language noun ("Chinese-language"),
    // or whether the phrase ends there, which every cue before needs. Most
    // nationality words go on to a capitalized or a common noun and stop
    // here without a word read before them.
    let (noun, ends) = match bytes.get(found.end) {
        None => (false, true),
        Some(&sep @ (b'-' | b' ')) => {
            let from = found.end + 1;
            let len = bytes[from..]
                .iter()
                .take(MAX_CUE + 1)
                .take_while(|b| b.is_ascii_lowercase())
                .count();
            let whole = bytes.get(from + len).is_none_or(|b| !b.is_ascii_alphanumeric());
            if len == 0 || len > MAX_CUE || !whole {
                (
                    false,
                    len == 0
                        && sep == b' '
                        && bytes.get(from).is_some_and(|b| !b.is_ascii_alphanumeric()),
                )
            } else {
                let word = &text[from..from + len];
                let noun = rules.language_nouns.contains(word);
                (noun, !noun && sep == b' ' && rules.region_followers.contains(word))
            }
        }
        Some(b) => (false, !b.is_ascii_alphanumeric()),
    };
    noun || (ends && cue_before(rules, text, found))
}

/// A verb of speaking or translating before ("speaks French."), "in",
/// "into" or "from" after a verb of translating ("dubbed in Spanish"), or
/// "in" with punctuation right after ("said in Arabic."). The caller has
/// checked that the phrase ends after the name.
fn cue_before(rules: &NameRules, text: &str, found: Span) -> bool {
    let Some(word) = lowercase_word_before(text, found.start) else { return false };
    let written = &text[word.clone()];
    if rules.language_verbs.contains(written) {
        // "speaks French.", "learning Dutch, haunts"; not "teaches Afghan
        // soldiers", "a french speaking Algerian newspaper".
        return true;
    }
    if !matches!(written, "in" | "into" | "from") {
        return false;
    }
    if lowercase_word_before(text, word.start)
        .is_some_and(|verb| rules.language_verbs_linked.contains(&text[verb]))
    {
        return true;
    }
    // "said in Arabic.", "a message in Turkish," (not "in French and
    // British politics").
    written == "in"
        && text.as_bytes().get(found.end).is_none_or(|b| {
            matches!(b, b'.' | b',' | b';' | b':' | b')' | b'!' | b'?' | b'"' | b'\n')
        })
}

/// The lowercase ASCII word ending one blank before `at`, if one does.
fn lowercase_word_before(text: &str, at: usize) -> Option<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let end = at.checked_sub(1).filter(|&e| bytes[e] == b' ')?;
    let len =
        bytes[..end].iter().rev().take(MAX_CUE + 1).take_while(|b| b.is_ascii_lowercase()).count();
    let start = end - len;
    let starts_word = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
    (len > 0 && len <= MAX_CUE && starts_word).then_some(start..end)
}
