//! Narrative documents: a history article names years far from its
//! reference date (the download date of a Wikipedia page, say), and its
//! dates without a year ("am 1. September") belong to the year it named
//! last, not to the reference's. News names years near its date.

/// Years this far from the reference or farther count as far ones.
pub(crate) const FAR_YEARS: i32 = 10;

/// Whether `text` reads as a narrative against a reference in `reference_year`:
/// at least three years written as four digits are far from it, and far
/// ones outnumber near ones two to one. A news report that recalls a past
/// year once or twice stays news.
pub(crate) fn is_narrative(text: &str, reference_year: i32) -> bool {
    let (mut far, mut near) = (0u32, 0u32);
    for year in written_years(text.as_bytes()) {
        if (year - reference_year).abs() >= FAR_YEARS {
            far += 1;
        } else {
            near += 1;
        }
    }
    far >= 3 && far >= 2 * near
}

/// The numbers of four digits from 1000 to 2199 that stand alone: no digit
/// touches them, nor a "." or "," that goes on with a digit ("1.500",
/// "2,500" are amounts, "1939." ends a sentence).
fn written_years(b: &[u8]) -> impl Iterator<Item = i32> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        // Most of a text has no digit: skip to the next one eight bytes
        // at a time, as the anchor scan does.
        while let Some(k) = crate::scan::memchr_digit(&b[i..]) {
            let start = i + k;
            i = start;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let sep_before =
                start >= 2 && matches!(b[start - 1], b'.' | b',') && b[start - 2].is_ascii_digit();
            let sep_after =
                i + 1 < b.len() && matches!(b[i], b'.' | b',') && b[i + 1].is_ascii_digit();
            if i - start != 4 || sep_before || sep_after {
                continue;
            }
            let year = b[start..i].iter().fold(0i32, |n, d| n * 10 + i32::from(d - b'0'));
            if (1000..2200).contains(&year) {
                return Some(year);
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_years_that_stand_alone() {
        let got: Vec<i32> =
            written_years(b"1939, 1.500 Mann, 2,5000, 12345, 0999 und 1945.").collect();
        assert_eq!(got, [1939, 1945]);
    }

    proptest::proptest! {
        /// The skip to the next digit finds what a byte-by-byte reading
        /// finds.
        #[test]
        fn years_as_read_byte_by_byte(s in "[0-9., a-zé]{0,60}") {
            let b = s.as_bytes();
            let mut want = Vec::new();
            let mut i = 0;
            while i < b.len() {
                if !b[i].is_ascii_digit() {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                let before = start >= 2 && matches!(b[start - 1], b'.' | b',') && b[start - 2].is_ascii_digit();
                let after = i + 1 < b.len() && matches!(b[i], b'.' | b',') && b[i + 1].is_ascii_digit();
                if i - start == 4 && !before && !after {
                    let year: i32 = s[start..i].parse().expect("four digits");
                    if (1000..2200).contains(&year) {
                        want.push(year);
                    }
                }
            }
            proptest::prop_assert_eq!(written_years(b).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn a_history_is_a_narrative() {
        let text = "Am 1. September 1939 begann der Krieg. 1940 fiel Paris, 1941 folgte \
                    der Angriff; 2011 erinnert man daran.";
        assert!(is_narrative(text, 2011));
    }

    #[test]
    fn news_that_recalls_a_year_is_no_narrative() {
        let text = "Seit 1989 ist die Mauer offen. 2010 und 2011 kamen mehr Besucher, \
                    2012 sollen es noch mehr werden; 1961 wurde sie gebaut, 1945 endete der Krieg.";
        assert!(!is_narrative(text, 2011));
        assert!(!is_narrative("Keine Jahre hier.", 2011));
    }
}
