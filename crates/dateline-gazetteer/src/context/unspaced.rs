//! Names inside longer names in scripts written without spaces.
//!
//! Chinese writes "中国工商银行" (the Industrial and Commercial Bank of
//! China) as one run of characters: the gazetteer finds "中国" in it, and
//! no capital letters or spaces say that a longer name goes on. The longer
//! name is found from its head word instead: a place or demonym followed,
//! after a few characters, by a word that ends organizations' names
//! ("银行", bank; "外交部", foreign ministry) is that organization
//! ("俄罗斯外交部"), and the [`Nested`](super::Nested) policy decides what
//! becomes of the place inside it.
//!
//! The characters between the two must look like part of one name: at most
//! [`MAX_GAP`] of the script's characters, none of them a function word or
//! numeral of the language's `unspaced_stops` ("中国的银行", China's banks;
//! "美国一家公司", an American company), and no other gazetteer name
//! ("中国和美国银行"). A language without head words of this kind (every
//! one written with spaces) never gets here.

use dateline_tokenize::Span;

use super::rules::{Head, NameRules};

/// Characters allowed between a name and its head word: "工商" in
/// "中国工商银行", "石油天然气" is one more than most names need.
pub(crate) const MAX_GAP: usize = 4;

/// The longer name that the match at `span` begins, and its head, when the
/// language has head words for scripts without spaces and one follows;
/// `starts` are the starts of every gazetteer match in `text`, sorted.
///
/// Inlined: asked of every place, and most languages (every one written
/// with spaces) have no such heads, which settles it.
#[inline]
pub(crate) fn head_after(
    rules: &NameRules,
    text: &str,
    span: Span,
    starts: &[usize],
) -> Option<(Span, &'static Head)> {
    if rules.unspaced_heads.is_empty() {
        return None;
    }
    head_after_unspaced(rules, text, span, starts)
}

/// [`head_after`] in a language with heads written without spaces.
#[inline(never)]
fn head_after_unspaced(
    rules: &NameRules,
    text: &str,
    span: Span,
    starts: &[usize],
) -> Option<(Span, &'static Head)> {
    let after = text.get(span.end..)?;
    let mut gap = 0;
    let mut offset = 0;
    loop {
        let at = span.end + offset;
        if starts.binary_search(&at).is_ok() {
            // Another name begins inside the gap.
            return None;
        }
        let rest = &after.as_bytes()[offset..];
        // The first two bytes tell most heads apart without a memcmp: this
        // runs at every character after every place found.
        if let Some(head) = rules.unspaced_heads.iter().find(|h| {
            let word = h.word.as_bytes();
            word.first() == rest.first()
                && word.get(1).is_none_or(|b| rest.get(1) == Some(b))
                && rest.starts_with(word)
        }) {
            return Some((Span { start: span.start, end: at + head.word.len() }, head));
        }
        let c = after[offset..].chars().next()?;
        if gap == MAX_GAP || !is_unspaced(c) || rules.unspaced_stops.contains(c) {
            return None;
        }
        gap += 1;
        offset += c.len_utf8();
    }
}

/// Han ideographs, the characters of the languages this applies to.
fn is_unspaced(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::chinese::CHINESE;

    #[test]
    fn heads_end_names_across_short_gaps_only() {
        // (text, the place's length in bytes, other names' starts, the name found)
        let cases: &[(&str, usize, &[usize], Option<&str>)] = &[
            ("中国工商银行宣布", 6, &[], Some("中国工商银行")),
            ("美国国务院", 6, &[], Some("美国国务院")),
            ("中国的银行", 6, &[], None),
            ("美国一家公司", 6, &[], None),
            ("中国石油天然气集团", 6, &[], None),
            ("中国石油集团", 6, &[], Some("中国石油集团")),
            ("中国美国银行", 6, &[6], None),
            ("中国银行", 6, &[], Some("中国银行")),
            ("中国 银行", 6, &[], None),
            ("中国", 6, &[], None),
        ];
        for &(text, len, starts, want) in cases {
            let found = head_after(&CHINESE, text, Span { start: 0, end: len }, starts);
            assert_eq!(found.map(|(s, _)| &text[s.start..s.end]), want, "{text}");
        }
    }
}
