//! Tokens of text written without spaces (Chinese).
//!
//! The spaced tokenizer (`token.rs`) cuts words at spaces and letters; in a
//! Han run every character may begin a word, and "2024年7月23日" has no
//! space at all. Here a region is cut left to right, and at each position
//! the longest of three readings wins:
//!
//! * a **number**: a run of ASCII or full-width digits ("２０２４"), or of
//!   numeral characters ("二〇一九", "二十三", "两"). Digits and numerals
//!   read positionally when a multiplier (十 百 千 万) is among them, else
//!   digit by digit. A numeral token carries `Lex::Number` so that the
//!   grammar can tell "二〇一九" (written digit by digit) from "2019";
//! * a **table word**: the longest word of the language's [`Unspaced`]
//!   table starting here ("上周", "星期五", "个月"), with its class, or a
//!   not-date word ("日本", "年级") with none, so that its 日 or 年 never
//!   reaches the grammar;
//! * otherwise one **character**: a Han character is a word token of its
//!   own, without a class; other letters run to the next non-letter;
//!   anything else is one punctuation token (full-width punctuation is
//!   stored as its ASCII twin, so that "。" ends a sentence like ".").
//!
//! A word after a number that begins with a marker character (日, 月, 年)
//! but is some other word ("31日前": before the 31st, not "日前", the other
//! day; "26日本赛季": the 26th, then "this season", not Japan) is cut back
//! to the marker: after a number the marker belongs to it, unless the
//! number counts the word ("30日元", yen; "三年级", a school year).
//!
//! The grammar for these tokens is `grammar/unspaced.rs`. Nothing here
//! depends on a word segmenter: the table is all it knows, and the tokens
//! are only read inside the regions the scanner opens around anchors.
//!
//! [`Unspaced`]: crate::lexicon::Unspaced

use crate::lexicon::{Lex, Marker, UnspacedWords};
use crate::token::{Kind, Token};

/// Tokenizes `text[from..to]` (both on char boundaries) with the word table
/// `words`, appending to `out`.
pub(crate) fn tokenize(
    text: &str,
    from: usize,
    to: usize,
    words: &UnspacedWords,
    out: &mut Vec<Token>,
) {
    let mut i = from;
    let mut space = true;
    let mut newline = false;
    while i < to {
        let Some(c) = text[i..to].chars().next() else { break };
        // Most characters of a region are Han characters that begin no
        // table word and no numeral: a token of their own, with no lookup
        // more (the branches below would give the same).
        if is_han(c) && !words.may_begin(c) {
            let end = i + c.len_utf8();
            out.push(token(i, end, Kind::Word, None, 0, 0, space, newline));
            (space, newline) = (false, false);
            i = end;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            newline |= c == '\n';
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let number = out.last().filter(|t| t.kind == Kind::Num && t.end == start);
        let word = longest_word(text, i, to, words);
        if let Some(v) = digit(c) {
            let (value, digits, end) = digit_run(text, i, to, v);
            out.push(token(start, end, Kind::Num, None, value, digits, space, newline));
            i = end;
        } else if let Some((value, digits, end)) = numeral_run(text, i, to, words)
            .filter(|&(_, _, end)| word.is_none_or(|(w_end, _)| w_end < end))
        {
            out.push(token(
                start,
                end,
                Kind::Num,
                Some(Lex::Number(value)),
                value,
                digits,
                space,
                newline,
            ));
            i = end;
        } else if let Some((mut end, mut lex)) = word {
            // "31日前", "26日本赛季": after a number, the marker of a day or
            // a month stands alone, and so does 年 after a year of four
            // digits ("2009年报考"), unless the number counts the word
            // ("30日元", "三年级", "5分钟").
            // After four digits 年 is the year's ("2009年报考"), not "年报";
            // 日 and 月 only after a number a day or a month may have
            // ("四百万日本人" is four million Japanese).
            let first = &text[start..start + c.len_utf8()];
            if let Some(n) = number
                && !matches!(lex, Some(Lex::Marker(_) | Lex::Unit(..)))
                && !words.table.counted.contains(&&text[start..end])
                && let Some(marker) = words.get(first)
                && (lex.is_some() && matches!(marker, Some(Lex::Marker(_)))
                    || match marker {
                        Some(Lex::Marker(Marker::Day)) => (1..=31).contains(&n.num),
                        Some(Lex::Marker(Marker::Month)) => (1..=12).contains(&n.num),
                        Some(Lex::Marker(Marker::Year)) => n.digits == 4,
                        _ => false,
                    })
            {
                end = start + c.len_utf8();
                lex = marker;
            }
            out.push(token(start, end, Kind::Word, lex, 0, 0, space, newline));
            i = end;
        } else if is_han(c) {
            let end = i + c.len_utf8();
            out.push(token(start, end, Kind::Word, None, 0, 0, space, newline));
            i = end;
        } else if c.is_alphabetic() {
            let end = text[i..to]
                .char_indices()
                .find(|&(_, ch)| !ch.is_alphabetic() || is_han(ch))
                .map_or(to, |(k, _)| i + k);
            out.push(token(start, end, Kind::Word, None, 0, 0, space, newline));
            i = end;
        } else {
            let end = i + c.len_utf8();
            let ascii = ascii_twin(c);
            out.push(token(start, end, Kind::Punct, None, ascii as u32, 0, space, newline));
            i = end;
        }
        space = false;
        newline = false;
    }
}

#[allow(clippy::too_many_arguments)]
fn token(
    start: usize,
    end: usize,
    kind: Kind,
    lex: Option<Lex>,
    num: u32,
    digits: u8,
    space: bool,
    newline: bool,
) -> Token {
    Token { start, end, kind, lex, num, digits, space, newline, upper: false }
}

/// The value of an ASCII or full-width digit.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A run of digits from `i`, whose first digit is `first`: its value
/// (saturating), its digit count and its end.
fn digit_run(text: &str, i: usize, to: usize, first: u32) -> (u32, u8, usize) {
    let mut value = first;
    let mut count: u8 = 1;
    let mut end = i + text[i..].chars().next().map_or(1, char::len_utf8);
    for ch in text[end..to].chars() {
        let Some(v) = digit(ch) else { break };
        value = value.saturating_mul(10).saturating_add(v);
        count = count.saturating_add(1);
        end += ch.len_utf8();
    }
    (value, count, end)
}

/// A run of numeral characters from `i`: its value, its digit count (0 when
/// it reads positionally, "二十三") and its end; `None` when `text[i..]`
/// does not begin with a numeral.
fn numeral_run(text: &str, i: usize, to: usize, words: &UnspacedWords) -> Option<(u32, u8, usize)> {
    let mut values: Vec<u32> = Vec::new();
    let mut end = i;
    for ch in text[i..to].chars() {
        // A digit inside a numeral run is one of its digits ("一九九０年",
        // "二０００年": 〇 is often typed as a full-width zero).
        // A run that begins with a zero is no year ("策零9月": a name).
        let joins = values.first().is_some_and(|&v| v > 0);
        let Some(v) = words.numeral(ch).or_else(|| digit(ch).filter(|_| joins)) else {
            break;
        };
        values.push(v);
        end += ch.len_utf8();
    }
    if values.is_empty() {
        return None;
    }
    if values.iter().all(|&v| v < 10) {
        let value = values.iter().fold(0u32, |a, &v| a.saturating_mul(10).saturating_add(v));
        return Some((value, values.len().min(255) as u8, end));
    }
    // Positional: 二十三 = 23, 一百零五 = 105, 十 = 10, 三万五千 = 35000.
    let (mut total, mut section, mut current) = (0u32, 0u32, 0u32);
    for &v in &values {
        match v {
            0..=9 => current = v,
            10000 => {
                total = total.saturating_add(section.saturating_add(current).saturating_mul(v));
                section = 0;
                current = 0;
            }
            _ => {
                let n = if current == 0 { 1 } else { current };
                section = section.saturating_add(n.saturating_mul(v));
                current = 0;
            }
        }
    }
    Some((total.saturating_add(section).saturating_add(current), 0, end))
}

/// The longest table word starting at `i` (and ending by `to`): its end
/// and its class (`None` for a not-date word).
fn longest_word(
    text: &str,
    i: usize,
    to: usize,
    words: &UnspacedWords,
) -> Option<(usize, Option<Lex>)> {
    words.longest(&text[i..to]).map(|(len, lex)| (i + len, lex))
}

/// Whether `c` is a Han character (CJK ideographs and their extensions,
/// compatibility ideographs, and 〇).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Full-width punctuation as the ASCII character the grammar reads.
fn ascii_twin(c: char) -> char {
    match c {
        '。' | '．' => '.',
        '，' | '、' => ',',
        '：' => ':',
        '；' => ';',
        '！' => '!',
        '？' => '?',
        '（' => '(',
        '）' => ')',
        '／' => '/',
        '－' | '—' | '～' => '-',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Language, Lexicon};

    fn tokens(text: &str) -> Vec<(String, Kind, u32, Option<Lex>)> {
        let lx = Lexicon::new(Language::Chinese);
        let words = lx.unspaced.as_ref().expect("Chinese is unspaced");
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), words, &mut out);
        out.iter().map(|t| (text[t.start..t.end].to_owned(), t.kind, t.num, t.lex)).collect()
    }

    #[test]
    fn numbers_in_digits_full_width_and_numerals() {
        let t = tokens("２０２４年7月二十三日二〇一九年");
        let nums: Vec<(String, u32)> =
            t.iter().filter(|t| t.1 == Kind::Num).map(|t| (t.0.clone(), t.2)).collect();
        assert_eq!(
            nums,
            [
                ("２０２４".into(), 2024),
                ("7".into(), 7),
                ("二十三".into(), 23),
                ("二〇一九".into(), 2019)
            ]
        );
        assert_eq!(t[1].3, Some(Lex::Marker(Marker::Year)));
        assert_eq!(tokens("一百零五")[0].2, 105);
        assert_eq!(tokens("十")[0].2, 10);
        assert_eq!(tokens("三万五千")[0].2, 35000);
        assert_eq!(tokens("一九九０")[0].2, 1990);
        assert_eq!(tokens("二０００")[0].2, 2000);
        assert_eq!(tokens("零9")[1].2, 9);
    }

    #[test]
    fn longest_word_wins_and_not_dates_hide_their_marker() {
        let words: Vec<String> = tokens("上周五，日本三年级").into_iter().map(|t| t.0).collect();
        assert_eq!(words, ["上周", "五", "，", "日本", "三", "年级"]);
        assert_eq!(tokens("日本")[0].3, None);
        // After a number the marker stands alone: "31日前" is before the 31st.
        let words: Vec<String> = tokens("31日前").into_iter().map(|t| t.0).collect();
        assert_eq!(words, ["31", "日", "前"]);
        let words: Vec<String> = tokens("26日本").into_iter().map(|t| t.0).collect();
        assert_eq!(words, ["26", "日", "本"]);
        let words: Vec<String> = tokens("四百万日本人").into_iter().map(|t| t.0).collect();
        assert_eq!(words, ["四百万", "日本", "人"]);
        // But units and counted words stay whole: "5分钟", "30日元".
        let words: Vec<String> = tokens("30日元").into_iter().map(|t| t.0).collect();
        assert_eq!(words, ["30", "日元"]);
        let words: Vec<String> = tokens("5分钟").into_iter().map(|t| t.0).collect();
        assert_eq!(words, ["5", "分钟"]);
        // After four digits 年 is a year's ("2009年报考"), not "年报".
        let words: Vec<String> = tokens("2009年报考").into_iter().map(|t| t.0).collect();
        assert_eq!(words, ["2009", "年", "报", "考"]);
        let words: Vec<String> = tokens("20年报告").into_iter().map(|t| t.0).collect();
        assert_eq!(words, ["20", "年报", "告"]);
        let words: Vec<String> = tokens("2009年级").into_iter().map(|t| t.0).collect();
        assert_eq!(words, ["2009", "年级"]);
    }

    #[test]
    fn full_width_punctuation_reads_as_ascii() {
        let t = tokens("日。");
        assert_eq!(t[1].1, Kind::Punct);
        assert_eq!(t[1].2, '.' as u32);
    }
}
