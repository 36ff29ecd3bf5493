//! Invariants on arbitrary text: no panic, sorted non-overlapping spans on
//! char boundaries, and every match's text folds to one of its entry's names.

use dateline_gazetteer::{CasePolicy, Entry, Gazetteer, Lang};
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

/// An entry with any of the optional fields, drawn from small pools so that
/// consecutive entries often share a thing and places repeat.
fn entry() -> impl Strategy<Value = Entry> {
    let id = prop::sample::select(vec!["1", "2", "iso3166-1:US", "geonames:4975802"]);
    let place = prop::option::of(prop::sample::select(vec!["US", "iso3166-2:US-ME", "FR", "ÜA"]));
    let case = prop::option::of(prop::sample::select(vec![
        dateline_gazetteer::CasePolicy::Sensitive,
        dateline_gazetteer::CasePolicy::Insensitive,
        dateline_gazetteer::CasePolicy::Auto,
    ]));
    (
        "[A-Za-zé]{1,6}( [A-Z][a-z]{0,4})?",
        prop::sample::select(vec!["GPE", "ORG"]),
        id,
        prop::collection::vec("[a-zА-я]{1,5}", 0..3),
        prop::option::of(prop::sample::select(vec![1.0, 2.5e6, -3.0])),
        case,
        place.clone(),
        place,
    )
        .prop_map(|(name, label, id, aliases, prior, case, country, admin1)| {
            let mut entry = Entry::new(name, label, id).with_aliases(aliases);
            if let Some(prior) = prior {
                entry = entry.with_prior(prior);
            }
            if let Some(case) = case {
                entry = entry.with_case(case);
            }
            if let Some(country) = country {
                entry = entry.with_country(country);
            }
            if let Some(admin1) = admin1 {
                entry = entry.with_admin1(admin1);
            }
            entry
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Entries come back as they went in: from the compact store, from a
    /// saved copy, and through a merge into another builder.
    #[test]
    fn entries_round_trip(entries in prop::collection::vec(entry(), 0..12)) {
        let g = Gazetteer::new(entries.clone()).unwrap();
        prop_assert_eq!(&g.to_entries(), &entries);
        for (view, entry) in g.entries().zip(&entries) {
            prop_assert_eq!(view, entry.clone());
            prop_assert_eq!(view.country(), entry.country());
            prop_assert_eq!(view.admin1(), entry.admin1());
        }
        let loaded = Gazetteer::from_bytes(&g.to_bytes().unwrap()).unwrap();
        prop_assert_eq!(&loaded.to_entries(), &entries);
        let merged = Gazetteer::builder()
            .entry(Entry::new("Ukraine", "GPE", "UA").with_country("UA"))
            .gazetteer(&loaded)
            .build()
            .unwrap();
        prop_assert_eq!(&merged.to_entries()[1..], &entries[..]);
    }
}

#[cfg(feature = "serde")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// An entry's serde form is a line of a JSON Lines gazetteer that loads
    /// back to the same entry.
    #[test]
    fn serde_form_is_a_jsonl_gazetteer(entries in prop::collection::vec(entry(), 1..8)) {
        let mut jsonl = String::new();
        for entry in &entries {
            jsonl.push_str(&serde_json::to_string(entry).unwrap());
            jsonl.push('\n');
        }
        let g = Gazetteer::builder().add_jsonl_reader(jsonl.as_bytes()).unwrap().build().unwrap();
        prop_assert_eq!(g.to_entries(), entries);
    }
}

/// A gazetteer with entries of every language and of some.
fn multilingual() -> Gazetteer {
    Gazetteer::new([
        Entry::new("China", "GPE", "cn").with_case(CasePolicy::Auto),
        Entry::new("china", "NORP", "cn").with_langs([Lang::Es]),
        Entry::new("chinos", "NORP", "cn").with_langs([Lang::Es]),
        Entry::new("chinois", "NORP", "cn").with_langs([Lang::Fr]),
        Entry::new("Peking", "GPE", "bj"),
        Entry::new("Pékin", "GPE", "bj").with_langs([Lang::Fr, Lang::De]),
        Entry::new("Essen", "GPE", "essen").with_langs([Lang::En, Lang::Fr, Lang::Es]),
        Entry::new("Peking Universität", "ORG", "pku").with_langs([Lang::De]),
    ])
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// In every language: sorted spans, every candidate applies to the
    /// language, and the normalized search and a copy set to the language
    /// agree with `find_in`.
    #[test]
    fn every_language_finds_only_its_entries(
        text in "(China|china|CHINA|chinos|chinois|Peking|Pékin|PEKIN|Essen|Universität|[ \n,.']|\\PC){0,30}"
    ) {
        let g = multilingual();
        for lang in Lang::ALL {
            let found = g.find_in(lang, &text);
            let mut last_end = 0;
            for m in &found {
                prop_assert!(m.start() >= last_end && m.end() <= text.len());
                prop_assert!(m.candidates().all(|c| c.applies_to(lang)), "{lang}: {m:?}");
                last_end = m.end();
            }
            let mut normalized = g.normalizer().normalize(&text);
            normalized.prepare_for(&[g.matcher_in(lang)]);
            prop_assert_eq!(g.find_iter_normalized_in(lang, &normalized).collect::<Vec<_>>(), found.clone());
            let in_lang = g.with_lang(lang);
            prop_assert_eq!(in_lang.find(&text), found);
        }
    }
}
