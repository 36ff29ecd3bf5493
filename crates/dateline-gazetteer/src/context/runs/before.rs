//! The name-run readings as they were before their fast paths, kept for the
//! tests to compare the fast paths with, on many texts.

use dateline_tokenize::Span;

use super::super::rules::{Class, Head, NameRules};
use super::{
    MAX_CONNECTOR_LEN, Titles, Typed, ascii_word_at, ascii_word_before, extend_right, gap_after,
    gap_before, is_capitalized, is_dotted, is_name_word, is_word_byte, joins_over_connector,
    last_word, may_join_before, name_possessor, word_before, words,
};

/// `run_around_head` before the split into its two ends.
pub(crate) fn run_around_head(
    rules: &NameRules,
    text: &str,
    head: Span,
    match_starts: &[usize],
    match_ends: &[usize],
) -> Span {
    let end = extend_right(rules, text, head.end, match_starts);
    let start = extend_left(rules, text, head.start, match_ends, Titles::Join);
    Span::new(start, end)
}

pub(super) fn extend_left(
    rules: &NameRules,
    text: &str,
    from: usize,
    match_ends: &[usize],
    titles: Titles,
) -> usize {
    let mut start = from;
    loop {
        if start > 0 && text[..start].ends_with('-') {
            match word_before(rules, text, start - 1) {
                Some(w)
                    if is_name_word(rules, &text[w])
                        && match_ends.binary_search(&w.end).is_err() =>
                {
                    start = w.start;
                    continue;
                }
                _ => break,
            }
        }
        let at = gap_before(text, start);
        if at == start {
            break;
        }
        if let Some(possessor) = name_possessor(rules, text, at, match_ends) {
            start = possessor.start;
            continue;
        }
        if !may_join_before(&text.as_bytes()[..at]) {
            break;
        }
        let Some(word) = word_before(rules, text, at) else { break };
        let written = &text[word];
        let candidate = match rules.class(written) {
            Class::Title if titles == Titles::Join || super::title_in_name(rules, text, word) => {
                Some(word)
            }
            Class::Other if is_capitalized(written) => Some(word),
            Class::Connector | Class::SecondConnector => name_before_connector(rules, text, word),
            _ => None,
        };
        match candidate {
            Some(name) if !is_weak_start(rules, text, name) => {
                if titles == Titles::End
                    && start == from
                    && super::is_weak_quote_start(rules, text, name, from)
                {
                    break;
                }
                start = name.start;
            }
            _ => break,
        }
    }
    start
}

fn name_before_connector(rules: &NameRules, text: &str, word: Span) -> Option<Span> {
    let mut connector = word;
    if rules.is_second_connector(&text[connector]) {
        connector = word_before(rules, text, gap_before(text, connector.start))?;
    }
    if !rules.is_connector(&text[connector]) {
        return None;
    }
    let name = word_before(rules, text, gap_before(text, connector.start))?;
    (name.end < connector.start
        && is_name_word(rules, &text[name])
        && joins_over_connector(rules, &text[name], &text[connector])
        && !super::closes_a_brand(rules, text, name, &text[connector]))
    .then_some(name)
}

fn is_weak_start(rules: &NameRules, text: &str, word: Span) -> bool {
    let written = &text[word];
    is_sentence_start(text, word.start) && rules.is_common(written) && !rules.types_a_name(written)
}

pub(crate) fn is_sentence_start(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end_matches([' ', '\t', '\u{a0}', '"', '“', '‘', '\'', '(', '[']);
    match head.chars().next_back() {
        None | Some('\n' | '\r' | '.' | '!' | '?' | ':' | ';' | '—' | '–') => true,
        // Sliced before the mark's own bytes, where the first reading cut
        // into "•" and panicked.
        Some(mark @ ('-' | '•' | '*')) => {
            head[..head.len() - mark.len_utf8()].chars().next_back().is_none_or(char::is_whitespace)
        }
        Some('=' | '>') => super::ends_markup(head),
        Some(_) => false,
    }
}

/// `is_headline` by chars, as it read every line.
pub(crate) fn is_headline(line: &str) -> bool {
    let (mut capitalized, mut lower) = (0usize, 0usize);
    let (mut upper_letters, mut letters) = (0usize, 0usize);
    for word in line.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        for c in word.chars() {
            letters += 1;
            upper_letters += usize::from(c.is_uppercase());
        }
        if word.chars().count() >= 4 {
            if word.chars().next().is_some_and(char::is_uppercase) {
                capitalized += 1;
            } else {
                lower += 1;
            }
        }
    }
    let ends_a_sentence =
        line.trim_end().trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', '!', '?']);
    let title_case = capitalized >= 3 && lower * 5 <= capitalized && !ends_a_sentence;
    let capitals = letters >= 12 && upper_letters * 10 >= letters * 9;
    title_case || capitals
}

/// `word_before` with its fast path read through iterators.
pub(crate) fn word_before_by_iterators(rules: &NameRules, text: &str, end: usize) -> Option<Span> {
    let bytes = text.get(..end)?.as_bytes();
    let alnum = bytes.iter().rev().take_while(|b| b.is_ascii_alphanumeric()).count();
    if alnum > 0 {
        let stops = |b: u8| b.is_ascii() && !b.is_ascii_alphanumeric() && b != b'.' && b != b'\'';
        let start = end - alnum;
        let clean_before = start == 0 || stops(bytes[start - 1]);
        let clean_after = text.as_bytes().get(end).is_none_or(|&b| stops(b));
        if clean_before && clean_after {
            return Some(Span::new(start, end));
        }
    }
    super::word_before_read(rules, text, end)
}

/// `stands_alone` with its right side read first.
pub(crate) fn stands_alone(rules: &NameRules, text: &str, matched: Span) -> bool {
    let bytes = text.as_bytes();
    // Right: a connector joins only after a head word, which a gazetteer
    // name rarely ends with, so only a capital (or a hyphen, "&", a
    // non-ASCII letter) after a blank can extend the run.
    let right_alone = match bytes.get(matched.end) {
        None => true,
        Some(b'-') => false,
        Some(b' ' | b'\t') => {
            let at = gap_after(text, matched.end);
            match bytes.get(at) {
                Some(b) if b.is_ascii_lowercase() => !rules.types_a_name(last_word(&text[matched])),
                // A date or a person's title ends the run ("Beijing Monday",
                // "Chinese Foreign Minister"), unless the title is a name's
                // ("Massachusetts General Hospital").
                Some(b) if b.is_ascii_uppercase() => {
                    let word = ascii_word_at(bytes, at);
                    match rules.class(&text[word]) {
                        Class::Break => true,
                        Class::Title => !super::title_in_name(rules, text, word),
                        _ => false,
                    }
                }
                Some(b) => *b != b'&' && b.is_ascii(),
                None => true,
            }
        }
        Some(b) => b.is_ascii(),
    };
    if !right_alone {
        return false;
    }
    if matched.start == 0 {
        return true;
    }
    match bytes[matched.start - 1] {
        b'-' => false,
        b' ' | b'\t' => {
            let at = gap_before(text, matched.start);
            // "the People's Republic": a possessive that may begin the name.
            if name_possessor(rules, text, at, &[]).is_some() {
                return false;
            }
            match at.checked_sub(1).map(|i| bytes[i]) {
                // A short lowercase word may be a connector ("of China").
                Some(b) if b.is_ascii_lowercase() => {
                    let lower = bytes[..at].iter().rev().take_while(|b| b.is_ascii_lowercase());
                    let len = lower.count();
                    // The whole word, not the tail of "China".
                    let whole = at == len || {
                        let before = bytes[at - len - 1];
                        before.is_ascii() && !before.is_ascii_alphanumeric()
                    };
                    whole
                        && (len > MAX_CONNECTOR_LEN || {
                            let word = &text[at - len..at];
                            !matches!(rules.class(word), Class::Connector | Class::SecondConnector)
                        })
                }
                // "The United States", "President Bush": no name word.
                Some(b) if b.is_ascii_uppercase() || b.is_ascii_lowercase() => {
                    let word = ascii_word_before(bytes, at);
                    bytes[word.start].is_ascii_uppercase()
                        && (word.start == 0 || !is_word_byte(bytes[word.start - 1]))
                        && matches!(rules.class(&text[word]), Class::Break | Class::Title)
                }
                // A sentence's end ("... in 2008. China"), unless the dot ends
                // an abbreviation that may lead a name ("U.S.", "Corp.").
                Some(b'.') => {
                    let word = ascii_word_before(bytes, at - 1);
                    let before_dot = (word.start < word.end).then(|| bytes[word.end - 1]);
                    let dotted = &text[word.start..at];
                    let may_lead = word.start < word.end
                        && bytes[word.start].is_ascii_uppercase()
                        && is_dotted(rules, dotted)
                        && rules.class(dotted) == Class::Other;
                    before_dot.is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                        && !may_lead
                }
                Some(b) => b.is_ascii() && !(b.is_ascii_digit() || b == b'&'),
                None => true,
            }
        }
        b => b.is_ascii(),
    }
}

/// `type_of` reading the whole run.
pub(crate) fn type_of(
    rules: &NameRules,
    text: &str,
    run: Span,
    inner_place: Option<Span>,
) -> Option<Typed> {
    let mut first = None;
    let mut head: Option<Span> = None;
    let mut before_connector = false;
    for word in words(rules, text, run) {
        let written = &text[word];
        if first.is_none() {
            first = Some(word);
        }
        // One class lookup a word: a connector, or a name word (see
        // `is_name_word`).
        let class = rules.class(written);
        if class == Class::Connector && written != "&" {
            before_connector = true;
        }
        if !before_connector && class == Class::Other && is_capitalized(written) {
            head = Some(word);
        }
    }
    let first = &text[first?];
    if rules.org_prefixes.contains(first) && inner_place.is_some() {
        return Some(Typed { label: "ORG", rule: "prefix:org" });
    }
    if let Some(Head { label, rule, .. }) = head.and_then(|h| rules.head(&text[h])) {
        return Some(Typed { label, rule });
    }
    if rules.loc_prefixes.contains(first) {
        return Some(Typed { label: "LOC", rule: "prefix:loc" });
    }
    let rest_is_the_place = inner_place.is_some_and(|place| {
        place.end == run.end && gap_after(text, run.start + first.len()) == place.start
    });
    if rules.region_prefixes.contains(first) && rest_is_the_place {
        return Some(Typed { label: "LOC", rule: "prefix:region" });
    }
    None
}
