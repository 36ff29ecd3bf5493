//! Invariants on arbitrary text: no panic, sorted non-overlapping spans on
//! char boundaries, and every match's text folds to one of its entry's names.

use dateline_gazetteer::{Entry, Gazetteer};
use proptest::prelude::*;

fn gazetteer() -> Gazetteer {
    Gazetteer::new([
        Entry::new("São Paulo", "GPE", "sp"),
        Entry::new("Київ", "GPE", "kyiv").with_alias("Kyiv"),
        Entry::new("Straße", "LOC", "strasse"),
        Entry::new("a", "X", "a"),
        Entry::new("a b", "X", "ab"),
        Entry::new("İstanbul", "GPE", "ist"),
    ])
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_are_sorted_on_boundaries_and_fold_to_a_name(
        text in "(São Paulo|SAO PAULO|Київ|kyiv|STRASSE|Straße|a|b|İstanbul|istanbul|[ \n’'\\-.,é\u{301}🇺]|\\PC){0,40}"
    ) {
        let g = gazetteer();
        let normalizer = g.normalizer();
        let mut last_end = 0;
        for m in g.find_iter(&text) {
            prop_assert!(m.start() >= last_end && m.start() < m.end() && m.end() <= text.len());
            prop_assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
            let folded = normalizer.fold(&text[m.span().range()]);
            prop_assert!(m.entry().names().any(|n| normalizer.fold(n) == folded), "{:?}", &text[m.span().range()]);
            last_end = m.end();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Loaders and the binary reader return errors, never panic, on any input.
    #[test]
    fn loaders_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..300),
        text in "(name|label|id|case|prior|population|exact|fold|auto|Kyiv|1e3|NaN|[\t\n\r #{}\":,\\[\\]a-z0-9]){0,60}",
    ) {
        for input in [bytes.as_slice(), text.as_bytes()] {
            let _ = Gazetteer::builder().add_tsv_reader(input).map(|b| b.build());
            let _ = Gazetteer::builder().add_jsonl_reader(input).map(|b| b.build());
            let _ = Gazetteer::from_bytes(input);
        }
    }
}
