//! Normalization for matching, with an offset map back to the original text.

use std::borrow::Cow;

use crate::Matcher;
use crate::fold::{FOLD, fold_char, is_plain_cjk_punctuation, table_folded};
use crate::matcher::MatcherId;
use crate::search::Prepared;

/// Folds text for matching: Unicode case folding, typographic folding,
/// canonical decomposition and (optionally) accent folding.
///
/// A [`Matcher`](crate::Matcher) normalizes its patterns and every text it
/// searches with the same rules; this type lets a caller normalize a text
/// *once* and hand the result to several matchers with
/// [`Matcher::find_iter_normalized`](crate::Matcher::find_iter_normalized).
///
/// What folds to what:
///
/// * case: full Unicode case folding ("ß" and "ẞ" → "ss", final "ς" → "σ"),
///   with one deliberate deviation: "İ" → "i";
/// * typography: ’ ‘ ‚ ‛ ʼ ′ → `'`; “ ” „ ‟ ″ → `"`; every dash and the
///   minus sign → `-`; every Unicode space → `' '`; and any run of
///   whitespace, line breaks included, compares as one space;
/// * composition: precomposed and combining forms are equal ("São" with
///   U+00E3 or with "a" + U+0303);
/// * accents, when enabled: combining diacritics are dropped and ø ł đ ð ħ ı
///   ŧ æ œ þ become o l d d h i t ae oe th, so "Sao Paulo" ⇄ "São Paulo".
///
/// # Example
///
/// ```
/// use dateline_match::{Matcher, Normalizer, Span};
///
/// let normalizer = Normalizer::new();
/// assert_eq!(normalizer.fold("São  PAULO’s"), "sao paulo's");
///
/// let text = "Flights from SÃO PAULO to Zürich.";
/// let normalized = normalizer.normalize(text);
/// let cities = Matcher::new(["Sao Paulo", "Zurich"])?;
/// let spans: Vec<Span> =
///     cities.find_iter_normalized(&normalized).map(|m| m.span()).collect();
/// assert_eq!(spans, [Span::new(13, 23), Span::new(27, 34)]);
/// assert_eq!(&text[spans[0]], "SÃO PAULO");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Normalizer {
    accent_folding: bool,
}

impl Default for Normalizer {
    fn default() -> Normalizer {
        Normalizer::new()
    }
}

impl Normalizer {
    /// A normalizer with accent folding on (the [`MatcherBuilder`]
    /// default).
    ///
    /// [`MatcherBuilder`]: crate::MatcherBuilder
    pub const fn new() -> Normalizer {
        Normalizer { accent_folding: true }
    }

    /// Returns this normalizer with accent folding switched on or off.
    pub const fn with_accent_folding(self, yes: bool) -> Normalizer {
        Normalizer { accent_folding: yes }
    }

    /// Whether accents are folded.
    pub const fn accent_folding(&self) -> bool {
        self.accent_folding
    }

    /// Normalizes `text` once, for any number of searches.
    ///
    /// ASCII text, and text whose every character is already folded, is
    /// borrowed without a copy.
    pub fn normalize<'t>(&self, text: &'t str) -> NormalizedText<'t> {
        let bytes = text.as_bytes();
        let mut owned: Option<String> = None;
        let mut expansions = Vec::new();
        let mut copied = 0;
        let mut buf = String::new();
        let mut i = 0;
        while i < bytes.len() {
            // Skip ASCII eight bytes at a time: it needs no folding here.
            if let Some(chunk) = bytes.get(i..i + 8) {
                let word = u64::from_le_bytes(chunk.try_into().expect("8-byte chunk"));
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8;
                    continue;
                }
            }
            if bytes[i] < 0x80 {
                i += 1;
                continue;
            }
            // U+4000..=U+9FFF (Han ideographs, and the hexagrams between
            // Extension A and the main block) have no case and no
            // decomposition: they fold to themselves.
            if (0xE4..=0xE9).contains(&bytes[i]) || is_plain_cjk_punctuation(&bytes[i..]) {
                i += 3;
                continue;
            }
            let c = text[i..].chars().next().expect("i is a char boundary below len");
            let len = c.len_utf8();
            // Accented Latin letters and typographic punctuation, the
            // commonest non-ASCII chars of European text, fold through
            // tables made once by `fold_char`.
            let folded: &str = match table_folded(c, self.accent_folding) {
                Some(folded) => folded,
                None => {
                    buf.clear();
                    fold_char(c, self.accent_folding, &mut buf);
                    &buf
                }
            };
            if folded.as_bytes() != &bytes[i..i + len] {
                let out = owned.get_or_insert_with(|| String::with_capacity(text.len() + 16));
                out.push_str(&text[copied..i]);
                expansions.push(Expansion {
                    norm: out.len(),
                    norm_len: folded.len(),
                    orig: i,
                    orig_len: len,
                });
                out.push_str(folded);
                copied = i + len;
            }
            i += len;
        }
        let normalized = match owned {
            Some(mut out) => {
                out.push_str(&text[copied..]);
                Cow::Owned(out)
            }
            None => Cow::Borrowed(text),
        };
        NormalizedText {
            original: text,
            normalized,
            expansions,
            accent_folding: self.accent_folding,
            prepared: Vec::new(),
        }
    }

    /// The fully folded form of `text`, as the search compares it: case,
    /// typography and (optionally) accents folded, whitespace runs collapsed
    /// to one space, leading and trailing whitespace removed.
    ///
    /// Two strings match each other exactly when their folded forms are
    /// equal (case policies and boundaries aside).
    pub fn fold(&self, text: &str) -> String {
        let mut key = Vec::with_capacity(text.len());
        self.fold_units(text, |unit, _| key.push(unit));
        // Units are the bytes of valid UTF-8 with only ASCII bytes replaced
        // by ASCII bytes, and whitespace collapse removes whole ASCII bytes.
        String::from_utf8(trim_spaces(key)).expect("folding keeps UTF-8 valid")
    }

    /// Writes [`fold`](Normalizer::fold)`(text)` into `out`, replacing its
    /// contents but reusing its buffer: for callers that fold many strings
    /// (a gazetteer of a million names) without allocating one `String`
    /// each.
    ///
    /// ```
    /// use dateline_match::Normalizer;
    ///
    /// let mut key = String::from("old contents");
    /// Normalizer::new().fold_into(" São  PAULO ", &mut key);
    /// assert_eq!(key, "sao paulo");
    /// ```
    pub fn fold_into(&self, text: &str, out: &mut String) {
        let mut units = std::mem::take(out).into_bytes();
        units.clear();
        self.fold_units(text, |unit, _| {
            // A leading space is dropped as it comes (runs are collapsed).
            if !(unit == b' ' && units.is_empty()) {
                units.push(unit);
            }
        });
        if units.last() == Some(&b' ') {
            units.pop();
        }
        // As in `fold`: valid UTF-8 with ASCII bytes replaced by ASCII bytes
        // and whole ASCII bytes removed.
        *out = String::from_utf8(units).expect("folding keeps UTF-8 valid");
    }

    /// Writes [`fold`](Normalizer::fold)`(text)` into `out` and returns it,
    /// or `None` when it does not fit: for callers that look words up in a
    /// table of short keys on a hot path, with the key on the stack (a key
    /// longer than `out` is in no such table).
    ///
    /// ```
    /// use dateline_match::Normalizer;
    ///
    /// let mut buf = [0u8; 8];
    /// assert_eq!(Normalizer::new().fold_to_slice(" Février ", &mut buf), Some("fevrier"));
    /// assert_eq!(Normalizer::new().fold_to_slice("Septembre", &mut buf), None);
    /// ```
    pub fn fold_to_slice<'a>(&self, text: &str, out: &'a mut [u8]) -> Option<&'a str> {
        let mut len = 0;
        let mut fits = true;
        // A space is written only once a unit follows it: `fold` trims the
        // leading and trailing one (runs are already collapsed).
        let mut space = false;
        let mut put = |unit: u8, len: &mut usize| match out.get_mut(*len) {
            Some(slot) => {
                *slot = unit;
                *len += 1;
                true
            }
            None => false,
        };
        self.fold_units(text, |unit, _| {
            if !fits {
                return;
            }
            if unit == b' ' {
                space = len > 0;
                return;
            }
            if std::mem::take(&mut space) {
                fits = put(b' ', &mut len);
            }
            fits = fits && put(unit, &mut len);
        });
        // As in `fold`: whole chars' bytes, with ASCII bytes replaced by
        // ASCII bytes, and the text fitted whole.
        fits.then(|| std::str::from_utf8(&out[..len]).expect("folding keeps UTF-8 valid"))
    }

    /// Whether [`fold`](Normalizer::fold)`(text)` is `folded`, without
    /// building the folded string: for callers that compare words against
    /// a table (a date word list) many times over.
    ///
    /// ```
    /// use dateline_match::Normalizer;
    ///
    /// let normalizer = Normalizer::new();
    /// assert!(normalizer.fold_eq(" Été ", "ete"));
    /// assert!(!normalizer.fold_eq("Été", "et"));
    /// ```
    pub fn fold_eq(&self, text: &str, folded: &str) -> bool {
        let want = folded.as_bytes();
        let mut matched = 0;
        let mut ok = true;
        let mut first = true;
        // A space is compared only once a unit follows it: `fold` trims
        // the leading and trailing one (runs are already collapsed).
        let mut space = false;
        self.fold_units(text, |unit, _| {
            if !ok {
                return;
            }
            let lead = std::mem::replace(&mut first, false);
            if unit == b' ' {
                space = !lead;
                return;
            }
            if std::mem::take(&mut space) {
                ok = want.get(matched) == Some(&b' ');
                matched += 1;
            }
            ok = ok && want.get(matched) == Some(&unit);
            matched += 1;
        });
        ok && matched == want.len()
    }

    /// Emits the search units of `text` in order, each with whether the
    /// character it came from is uppercase. Whitespace runs collapse to one
    /// `' '` unit; nothing is trimmed.
    pub(crate) fn fold_units(&self, text: &str, mut emit: impl FnMut(u8, bool)) {
        let mut buf = String::new();
        let mut last_space = false;
        let mut push = |unit: u8, upper: bool| {
            let unit = FOLD[unit as usize];
            if unit == b' ' {
                if last_space {
                    return;
                }
                last_space = true;
            } else {
                last_space = false;
            }
            emit(unit, upper);
        };
        // Names found in English text are ASCII nearly always: a unit a
        // byte, without decoding chars (the case checks of a search's
        // candidates read every one).
        if text.is_ascii() {
            for &b in text.as_bytes() {
                push(b, b.is_ascii_uppercase());
            }
            return;
        }
        for c in text.chars() {
            if c.is_ascii() {
                push(c as u8, c.is_ascii_uppercase());
            } else {
                // The accented letters of European text fold through the
                // tables `normalize` uses, not `fold_char`'s Unicode lookups.
                let folded = match table_folded(c, self.accent_folding) {
                    Some(folded) => folded,
                    None => {
                        buf.clear();
                        fold_char(c, self.accent_folding, &mut buf);
                        &buf
                    }
                };
                let upper = c.is_uppercase() || is_titlecase(c);
                for &unit in folded.as_bytes() {
                    push(unit, upper);
                }
            }
        }
    }
}

/// Titlecase digraphs (ǅ ǈ ǋ ǲ) count as uppercase for case policies.
fn is_titlecase(c: char) -> bool {
    matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ')
}

fn trim_spaces(mut key: Vec<u8>) -> Vec<u8> {
    if key.last() == Some(&b' ') {
        key.pop();
    }
    if key.first() == Some(&b' ') {
        key.remove(0);
    }
    key
}

/// One original character whose folded form differs from its own bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Expansion {
    /// Where its folded form starts in the normalized text.
    norm: usize,
    /// Length of the folded form (0 when accent folding drops a mark).
    norm_len: usize,
    /// Where the character starts in the original text.
    orig: usize,
    /// Its length in the original text.
    orig_len: usize,
}

/// Tells whether the normalized byte at an offset is the original's own
/// byte, outside every folded form (and not where accent folding dropped a
/// mark), for offsets asked in increasing order: a cursor over the
/// expansions, which a scan moves past once.
pub(crate) struct OriginalBytes<'a> {
    expansions: &'a [Expansion],
    next: usize,
}

impl OriginalBytes<'_> {
    /// Whether the byte at `at` is the original's; `at` must not be
    /// smaller than any offset asked before.
    #[inline(always)]
    pub(crate) fn at(&mut self, at: usize) -> bool {
        // A dropped mark counts for the char after it: the original char
        // at that offset is the mark, as `to_original_range` says.
        let covers_up_to = |e: &Expansion| e.norm + e.norm_len.max(1);
        while let Some(e) = self.expansions.get(self.next)
            && covers_up_to(e) <= at
        {
            self.next += 1;
        }
        self.expansions.get(self.next).is_none_or(|e| e.norm > at)
    }
}

/// A text normalized for matching, with the map back to the original.
///
/// Made by [`Normalizer::normalize`] and searched by
/// [`Matcher::find_iter_normalized`](crate::Matcher::find_iter_normalized).
/// Matches are always reported as spans of the original text; normalized
/// offsets never leave this crate.
///
/// The map is stored sparsely: the normalized text is the original with
/// some characters replaced by their folded forms, and only those
/// replacements are recorded. Everything between them maps one to one.
#[derive(Clone, Debug)]
pub struct NormalizedText<'t> {
    original: &'t str,
    normalized: Cow<'t, str>,
    expansions: Vec<Expansion>,
    accent_folding: bool,
    /// Candidate starts per matcher, from [`NormalizedText::prepare_for`].
    prepared: Vec<(MatcherId, Vec<Prepared>)>,
}

impl<'t> NormalizedText<'t> {
    /// Scans the text once for the token starts where each of `matchers`
    /// may find a match, so that their searches afterwards
    /// ([`Matcher::find_iter_normalized`]) read those instead of scanning
    /// the text again each. Worth it when two or more matchers search one
    /// text (a gazetteer and the date scanner, say); a single search is as
    /// fast without it. Results are the same either way.
    ///
    /// Matchers whose accent folding differs from the text's are left out
    /// (their searches normalize the original again), as is a text of
    /// 4 GiB or more. Calling it again replaces the earlier starts.
    pub fn prepare_for(&mut self, matchers: &[&Matcher]) {
        let matchers: Vec<&Matcher> = matchers
            .iter()
            .copied()
            .filter(|m| m.normalizer().accent_folding() == self.accent_folding)
            .collect();
        self.prepared = crate::search::prepare_starts(self, &matchers)
            .map(|found| matchers.iter().map(|m| m.id).zip(found).collect())
            .unwrap_or_default();
    }

    /// The starts [`NormalizedText::prepare_for`] found for the matcher
    /// `id`, if it was one of those.
    pub(crate) fn prepared_starts(&self, id: MatcherId) -> Option<&[Prepared]> {
        self.prepared.iter().find(|(m, _)| *m == id).map(|(_, found)| found.as_slice())
    }

    /// The original text.
    pub fn original(&self) -> &'t str {
        self.original
    }

    /// Whether normalization borrowed the original text without copying it
    /// (ASCII text, or text with nothing to fold outside ASCII).
    pub fn is_borrowed(&self) -> bool {
        matches!(self.normalized, Cow::Borrowed(_))
    }

    /// Whether accents were folded.
    pub fn accent_folding(&self) -> bool {
        self.accent_folding
    }

    /// The normalized bytes (ASCII case and whitespace still unfolded; the
    /// search folds those on the fly with `FOLD`).
    pub(crate) fn bytes(&self) -> &[u8] {
        self.normalized.as_bytes()
    }

    /// The normalized text as a `str`.
    pub(crate) fn as_str(&self) -> &str {
        &self.normalized
    }

    /// Whether normalized offsets equal original offsets.
    pub(crate) fn is_identity(&self) -> bool {
        self.expansions.is_empty()
    }

    /// Which normalized bytes are the original's own, for offsets asked in
    /// increasing order (see [`OriginalBytes`]).
    pub(crate) fn original_bytes(&self) -> OriginalBytes<'_> {
        OriginalBytes { expansions: &self.expansions, next: 0 }
    }

    /// The original offsets that normalized offset `n` stands for, as
    /// `(smallest, largest)`: they differ when accent folding dropped marks
    /// at `n`, and the characters between them are exactly those marks.
    /// `None` when `n` falls inside the folded form of one character.
    #[inline]
    pub(crate) fn to_original_range(&self, n: usize) -> Option<(usize, usize)> {
        let exps = &self.expansions;
        let idx = exps.partition_point(|e| e.norm < n);
        match exps.get(idx) {
            Some(e) if e.norm == n => {
                let lo = e.orig;
                // Marks dropped at `n` widen the range; a replaced char
                // starting at `n` does not.
                let dropped = exps[idx..].iter().take_while(|e| e.norm == n && e.norm_len == 0);
                let hi = dropped.last().map_or(lo, |e| e.orig + e.orig_len);
                Some((lo, hi))
            }
            _ => self.after(idx, n).map(|o| (o, o)),
        }
    }

    /// Maps `n` given that expansions `..idx` start at or before `n`.
    fn after(&self, idx: usize, n: usize) -> Option<usize> {
        match idx.checked_sub(1).map(|i| self.expansions[i]) {
            None => Some(n),
            Some(e) => {
                let end = e.norm + e.norm_len;
                (end <= n).then(|| e.orig + e.orig_len + (n - end))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The slow reference: the normalized units of a text, each with the
    /// original range of the character it came from.
    fn reference(text: &str, accents: bool) -> Vec<(u8, usize, usize)> {
        let mut out = Vec::new();
        for (i, c) in text.char_indices() {
            let mut buf = String::new();
            if c.is_ascii() {
                buf.push(c);
            } else {
                fold_char(c, accents, &mut buf);
            }
            for b in buf.bytes() {
                out.push((b, i, i + c.len_utf8()));
            }
        }
        out
    }

    #[test]
    fn plain_cjk_punctuation_folds_to_itself() {
        let mut seen = 0;
        for c in ('\u{3000}'..='\u{303F}').chain('\u{FF00}'..='\u{FF65}') {
            let mut utf8 = [0u8; 4];
            if !is_plain_cjk_punctuation(c.encode_utf8(&mut utf8).as_bytes()) {
                continue;
            }
            seen += 1;
            for accents in [false, true] {
                let mut folded = String::new();
                fold_char(c, accents, &mut folded);
                assert_eq!(folded, c.to_string(), "U+{:04X}", c as u32);
            }
            assert!(!crate::boundary::is_word_char(c), "U+{:04X}", c as u32);
            assert!(!crate::boundary::is_standalone(c), "U+{:04X}", c as u32);
        }
        assert_eq!(seen, 4 + 10 + 12 + 1 + 4 + 5 + 2 + 7);
    }

    #[test]
    fn han_folds_to_itself() {
        // The fast path in `normalize` skips these chars unfolded.
        for c in '\u{4000}'..='\u{9FFF}' {
            for accents in [false, true] {
                let mut folded = String::new();
                fold_char(c, accents, &mut folded);
                assert_eq!(folded, c.to_string(), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn ascii_is_borrowed() {
        let n = Normalizer::new().normalize("Central Military\n\nCommission");
        assert!(n.is_borrowed() && n.is_identity());
        let n = Normalizer::new().normalize("北京");
        assert!(n.is_borrowed());
        let n = Normalizer::new().normalize("China’s");
        assert!(!n.is_borrowed());
        assert_eq!(n.bytes(), b"China's");
        assert_eq!(n.to_original_range(5), Some((5, 5)));
        assert_eq!(n.to_original_range(6), Some((8, 8)));
    }

    #[test]
    fn dropped_marks_join_the_match() {
        let text = "Sa\u{303}o";
        let n = Normalizer::new().normalize(text);
        assert_eq!(n.bytes(), b"Sao");
        assert_eq!(n.to_original_range(2), Some((2, 4)));
        assert_eq!(n.to_original_range(3), Some((5, 5)));
    }

    #[test]
    fn fold_into_writes_what_fold_returns() {
        let n = Normalizer::new();
        for text in
            ["", " ", "  Central Military\r\n Commission\t", "ÖSTERREICH", "a\u{303}", "\u{303}"]
        {
            let mut out = String::from("leftover");
            n.fold_into(text, &mut out);
            assert_eq!(out, n.fold(text), "{text:?}");
        }
    }

    proptest! {
        /// The slice gets `fold`'s key whenever it fits, and `None` only
        /// when the key is longer than the slice.
        #[test]
        fn fold_to_slice_is_fold_when_it_fits(
            text in "[a-zA-Z \n’ßİéÉœ\u{303}北—\u{a0}]{0,12}",
            accents: bool,
            room in 0usize..20,
        ) {
            let n = Normalizer::new().with_accent_folding(accents);
            let want = n.fold(&text);
            let mut buf = vec![0u8; room];
            match n.fold_to_slice(&text, &mut buf) {
                Some(key) => prop_assert_eq!(key, want.as_str()),
                None => prop_assert!(want.len() > room, "{:?} fits in {}", want, room),
            }
        }
    }

    #[test]
    fn fold_collapses_and_trims() {
        let n = Normalizer::new();
        assert_eq!(n.fold("  Central Military\r\n Commission\t"), "central military commission");
        assert_eq!(n.fold("ÖSTERREICH"), "osterreich");
        assert_eq!(Normalizer::new().with_accent_folding(false).fold("Straße"), "strasse");
    }

    proptest! {
        #[test]
        fn offset_map_is_monotone_and_in_bounds(
            text in "[a-zA-Z \\n’ßİé\u{303}ø北😀—\u{a0}]{0,24}",
            accents: bool,
        ) {
            let n = Normalizer::new().with_accent_folding(accents).normalize(&text);
            let units = reference(&text, accents);
            let want: Vec<u8> = units.iter().map(|u| u.0).collect();
            prop_assert_eq!(n.bytes(), want.as_slice());
            let mut last = 0;
            for pos in (0..=units.len()).filter(|&p| n.as_str().is_char_boundary(p)) {
                if let Some((s, e)) = n.to_original_range(pos) {
                    prop_assert!(s <= e && e <= text.len() && s >= last);
                    prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
                    if pos < units.len() {
                        prop_assert!(s <= units[pos].1);
                    }
                    last = e;
                }
            }
            prop_assert_eq!(n.to_original_range(units.len()).map(|r| r.1), Some(text.len()));
        }
    }
}
