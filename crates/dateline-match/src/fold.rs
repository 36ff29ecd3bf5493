//! Per-character folding: the one table every normalization step goes
//! through, so that patterns and texts are folded identically.
//!
//! Two layers:
//!
//! * [`fold_char`] maps one non-ASCII `char` to its folded form (case
//!   folding, typographic folding, canonical decomposition, optional accent
//!   removal). It is applied once per text by the normalizer.
//! * [`FOLD`] maps one byte of that result to the *unit* the trie compares:
//!   ASCII letters to lowercase and ASCII whitespace to `' '`. The search
//!   applies it on the fly, which is what lets ASCII text skip the copy.

use unicode_normalization::char::decompose_canonical;

/// Byte → search unit: ASCII uppercase to lowercase, ASCII whitespace to
/// `' '`, every other byte (including all non-ASCII bytes) to itself.
pub(crate) static FOLD: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = match b {
            b'A'..=b'Z' => b + 32,
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => b' ',
            _ => b,
        };
        i += 1;
    }
    table
};

/// Whether `bytes` begin with CJK punctuation that folds to itself and is
/// no word character: ideographic 、。〃〄, brackets 〈〉《》「」『』【】〔〕〖〗〘〙〚〛〜〝〞〟,
/// and the full-width ！＃＄％＆（）＊＋，．／：；＜＝＞？＠. Chinese
/// and Japanese text is full of them; they skip the slow path.
#[inline]
pub(crate) fn is_plain_cjk_punctuation(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [0xE3, 0x80, 0x81..=0x84 | 0x88..=0x91 | 0x94..=0x9F, ..]
            | [0xEF, 0xBC, 0x81 | 0x83..=0x86 | 0x88..=0x8C | 0x8E | 0x8F | 0x9A..=0xA0, ..]
    )
}

/// The chars [`table_folded`] answers from a table: Latin-1 Supplement and
/// Latin Extended-A and -B (no-break space, « », à-ÿ, ā-ž, ...), Cyrillic
/// (Ukrainian and Russian: case and decomposition lookups were a fifth of
/// their search time), and General Punctuation (’ “ ” – — …), the
/// commonest non-ASCII chars of European news.
const TABLED: [core::ops::RangeInclusive<char>; 3] =
    ['\u{00A0}'..='\u{024F}', '\u{0400}'..='\u{04FF}', '\u{2000}'..='\u{206F}'];

/// The folded form of `c` (as [`fold_char`] gives it) when `c` is one of
/// [`TABLED`], from tables made on first use.
#[inline]
pub(crate) fn table_folded(c: char, accents: bool) -> Option<&'static str> {
    static TABLES: std::sync::OnceLock<[Vec<String>; 2]> = std::sync::OnceLock::new();
    let mut index = 0;
    let mut found = false;
    for range in &TABLED {
        if range.contains(&c) {
            index += c as usize - *range.start() as usize;
            found = true;
            break;
        }
        index += *range.end() as usize - *range.start() as usize + 1;
    }
    if !found {
        return None;
    }
    let tables = TABLES.get_or_init(|| {
        [false, true].map(|accents| {
            TABLED
                .iter()
                .flat_map(|range| range.clone())
                .map(|c| {
                    let mut folded = String::new();
                    fold_char(c, accents, &mut folded);
                    folded
                })
                .collect()
        })
    });
    Some(tables[usize::from(accents)][index].as_str())
}

/// Appends the folded form of `c` to `out`.
///
/// `c` may be any char, but ASCII is cheaper to handle through [`FOLD`].
/// The result never contains ASCII uppercase letters; whitespace becomes
/// `' '`.
pub(crate) fn fold_char(c: char, accents: bool, out: &mut String) {
    if let Some(t) = typographic(c) {
        out.push(t);
        return;
    }
    if let Some(s) = special_case_fold(c) {
        out.push_str(s);
        return;
    }
    for lower in c.to_lowercase() {
        if lower.is_ascii() {
            out.push(lower);
            continue;
        }
        decompose_canonical(lower, |d| {
            if !accents {
                out.push(d);
            } else if !is_diacritic(d) {
                match strip_letter(d) {
                    Some(s) => out.push_str(s),
                    None => out.push(d),
                }
            }
        });
    }
}

/// Typographic folding: quotes, dashes and Unicode whitespace.
fn typographic(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' | '\u{2032}'
        | '\u{FF07}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{FF02}' => '"',
        '\u{2010}'..='\u{2015}'
        | '\u{2212}'
        | '\u{2E3A}'
        | '\u{2E3B}'
        | '\u{FE58}'
        | '\u{FE63}'
        | '\u{FF0D}' => '-',
        c if c.is_whitespace() => ' ',
        _ => return None,
    })
}

/// Full case folding where it differs from `char::to_lowercase`
/// (CaseFolding.txt status F and the C entries that matter), plus the one
/// deliberate deviation: `İ` folds to plain `i`, so "İstanbul" matches
/// "Istanbul" with or without accent folding.
fn special_case_fold(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'İ' => "i",
        'ς' => "σ",
        'ſ' => "s",
        'ϐ' => "β",
        'ϑ' => "θ",
        'ϕ' => "φ",
        'ϖ' => "π",
        'ϰ' => "κ",
        'ϱ' => "ρ",
        'ϵ' => "ε",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        'ŉ' => "ʼn",
        _ => return None,
    })
}

/// Combining diacritical marks that accent folding removes. Only the
/// diacritic blocks: spacing marks and the vowel signs of Indic scripts
/// carry meaning and stay.
fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Letters with a stroke or ligatures that have no canonical decomposition
/// but that readers treat as accented Latin letters.
fn strip_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' => "o",
        'ł' => "l",
        'đ' => "d",
        'ð' => "d",
        'ħ' => "h",
        'ı' => "i",
        'ŧ' => "t",
        'ŀ' => "l",
        'ƀ' => "b",
        'ƶ' => "z",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn tables_fold_as_fold_char_does() {
        let mut tabled = 0;
        for c in ('\u{0080}'..='\u{3000}').chain(['\u{FF0C}']) {
            for accents in [false, true] {
                let mut slow = String::new();
                fold_char(c, accents, &mut slow);
                if let Some(fast) = table_folded(c, accents) {
                    assert_eq!(fast, slow, "U+{:04X}", c as u32);
                    tabled += 1;
                }
            }
        }
        assert_eq!(tabled, 2 * (0x024F - 0x00A0 + 1 + 0x04FF - 0x0400 + 1 + 0x206F - 0x2000 + 1));
    }

    use super::*;

    fn fold(s: &str, accents: bool) -> String {
        let mut out = String::new();
        for c in s.chars() {
            if c.is_ascii() {
                out.push(FOLD[c as usize] as char);
            } else {
                fold_char(c, accents, &mut out);
            }
        }
        out
    }

    #[test]
    fn folds_case_typography_and_accents() {
        let cases: &[(&str, bool, &str)] = &[
            ("İstanbul", false, "istanbul"),
            ("ÖSTERREICH", true, "osterreich"),
            ("ÖSTERREICH", false, "o\u{308}sterreich"),
            ("Straße", false, "strasse"),
            ("STRASSE", false, "strasse"),
            ("China’s", true, "china's"),
            ("“Kyiv”", true, "\"kyiv\""),
            ("1914—1918", true, "1914-1918"),
            ("a\u{A0}b\u{2009}c", true, "a b c"),
            ("São", true, "sao"),
            ("Sa\u{303}o", true, "sao"),
            ("São", false, "sa\u{303}o"),
            ("Łódź", true, "lodz"),
            ("ΟΔΥΣΣΕΥΣ", false, "οδυσσευσ"),
            ("北京", true, "北京"),
            ("👩‍👩‍👧", true, "👩‍👩‍👧"),
        ];
        for &(input, accents, want) in cases {
            assert_eq!(fold(input, accents), want, "{input:?} accents={accents}");
        }
    }

    #[test]
    fn folded_output_has_no_ascii_uppercase() {
        for c in (0..0x3_0000u32).filter_map(char::from_u32) {
            for accents in [false, true] {
                let mut out = String::new();
                fold_char(c, accents, &mut out);
                assert!(!out.bytes().any(|b| b.is_ascii_uppercase()), "{c:?} -> {out:?}");
                assert!(!out.chars().any(|c| c != ' ' && c.is_whitespace()), "{c:?}");
            }
        }
    }
}
