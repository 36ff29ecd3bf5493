//! One surface form, several entries: all kept, ranked by prior.

use dateline_gazetteer::{CasePolicy, Entry, Gazetteer};

fn ids<'g>(m: &dateline_gazetteer::EntityMatch<'g>) -> Vec<&'g str> {
    m.candidates().map(|e| e.id()).collect()
}

#[test]
fn higher_prior_first_then_no_prior_in_insertion_order() {
    let gazetteer = Gazetteer::new([
        Entry::new("Washington", "PERSON", "george-washington"),
        Entry::new("Washington", "GPE", "5815135"),
        Entry::new("Washington", "GPE", "2634715").with_prior(67_085.0),
        Entry::new("Washington, D.C.", "GPE", "4140963")
            .with_alias("Washington")
            .with_prior(689_545.0),
    ])
    .unwrap();
    let found = gazetteer.find("Talks in Washington.");
    assert_eq!(found.len(), 1);
    assert_eq!(ids(&found[0]), ["4140963", "2634715", "george-washington", "5815135"]);
    assert_eq!((found[0].label(), found[0].id()), ("GPE", "4140963"));
    assert_eq!(found[0].entry().name(), "Washington, D.C.");
}

#[test]
fn georgia_country_before_state_by_prior() {
    let gazetteer = Gazetteer::new([
        Entry::new("Georgia", "GPE", "4197000"),
        Entry::new("Georgia", "GPE", "GE").with_prior(3_700_000.0),
    ])
    .unwrap();
    let found = gazetteer.find("GEORGIA");
    assert_eq!(ids(&found[0]), ["GE", "4197000"]);
}

#[test]
fn same_label_and_id_appears_once() {
    let gazetteer = Gazetteer::new([
        Entry::new("Kyiv", "GPE", "703448").with_prior(1.0),
        Entry::new("Kyiv", "GPE", "703448").with_prior(2.0),
        Entry::new("KYIV", "GPE", "703448"),
        Entry::new("Kyiv", "ORG", "703448"),
    ])
    .unwrap();
    let found = gazetteer.find("in Kyiv");
    let candidates: Vec<_> =
        found[0].candidates().map(|e| (e.label(), e.id(), e.prior())).collect();
    assert_eq!(candidates, [("GPE", "703448", Some(2.0)), ("ORG", "703448", None)]);
    assert_eq!(gazetteer.forms_len(), 1);
}

#[test]
fn case_sensitive_and_insensitive_forms_stay_apart() {
    let gazetteer = Gazetteer::new([
        Entry::new("US", "GPE", "US").with_case(CasePolicy::Sensitive),
        Entry::new("us", "PRON", "us"),
    ])
    .unwrap();
    assert_eq!(gazetteer.forms_len(), 2);
    let found = gazetteer.find("us");
    assert_eq!(ids(&found[0]), ["us"]);
    // "US" passes both forms' case policies: it carries both candidates.
    let found = gazetteer.find("US");
    assert_eq!(ids(&found[0]), ["US", "us"]);
}

#[test]
fn user_names_join_the_defaults_that_fold_alike() {
    // A user's insensitive entry merged after an Auto entry of the same
    // name (as from the embedded gazetteer) is still a candidate.
    let gazetteer = Gazetteer::builder()
        .entry(Entry::new("Georgia", "GPE", "GE").with_prior(3.7e6).with_case(CasePolicy::Auto))
        .entry(Entry::new("Georgia", "PERSON", "georgia-meloni"))
        .build()
        .unwrap();
    assert_eq!(ids(&gazetteer.find("Georgia")[0]), ["GE", "georgia-meloni"]);
    assert_eq!(ids(&gazetteer.find("georgia")[0]), ["georgia-meloni"]);
}

#[test]
fn merging_user_entries_with_another_gazetteer() {
    let base =
        Gazetteer::new([Entry::new("Kyiv", "GPE", "703448").with_prior(2_952_301.0)]).unwrap();
    let merged = Gazetteer::builder()
        .gazetteer(&base)
        .entry(Entry::new("Kyiv", "ORG", "dynamo-kyiv"))
        .entry(Entry::new("Dmytro Kuleba", "PERSON", "dmytro-kuleba"))
        .build()
        .unwrap();
    assert_eq!(merged.len(), 3);
    let found = merged.find("Dmytro Kuleba in Kyiv");
    assert_eq!(found.len(), 2);
    assert_eq!(ids(&found[1]), ["703448", "dynamo-kyiv"]);
}

#[test]
fn all_matches_mode_reports_overlaps() {
    use dateline_gazetteer::MatchKind;

    let gazetteer = Gazetteer::builder()
        .match_kind(MatchKind::All)
        .entries([Entry::new("New York", "GPE", "NYC"), Entry::new("York", "GPE", "YRK")])
        .build()
        .unwrap();
    assert_eq!(gazetteer.match_kind(), MatchKind::All);
    let text = "New York";
    let found: Vec<(&str, &str)> =
        gazetteer.find_iter(text).map(|m| (&text[m.span()], m.id())).collect();
    assert_eq!(found, [("New York", "NYC"), ("York", "YRK")]);
    let loaded = Gazetteer::from_bytes(&gazetteer.to_bytes().unwrap()).unwrap();
    assert_eq!(loaded.match_kind(), MatchKind::All);
    assert_eq!(loaded.find(text), gazetteer.find(text));
}
