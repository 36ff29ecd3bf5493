//! The embedded default gazetteer on the seed article: the expected entities
//! at the right byte offsets, and nothing else.

use dateline_gazetteer::Gazetteer;

const SEED: &str = include_str!("../../../seeds/000_6893e9d60b43f7bd.txt");
/// `[text, start, end, label, id]` per expected entity, in order.
const EXPECTED: &str = include_str!("data/seed_embedded.json");

#[test]
fn seed_article_golden() {
    let expected: Vec<(String, usize, usize, String, String)> =
        serde_json::from_str(EXPECTED).unwrap();
    let found: Vec<(String, usize, usize, String, String)> = Gazetteer::embedded()
        .find_iter(SEED)
        .map(|m| {
            (
                SEED[m.span()].to_string(),
                m.start(),
                m.end(),
                m.label().to_string(),
                m.id().to_string(),
            )
        })
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn seed_article_has_every_required_entity_and_no_false_positive() {
    let found: Vec<&str> = Gazetteer::embedded().find_iter(SEED).map(|m| &SEED[m.span()]).collect();
    for required in [
        "China",
        "Russia",
        "Ukraine",
        "Switzerland",
        "NATO",
        "Washington",
        "Kyiv",
        "Chinese",
        "Russian",
        "Ukrainian",
        "Iranian",
        "European",
    ] {
        assert!(found.contains(&required), "{required} not found");
    }
    // Words of the article that are also place names somewhere, or look like it.
    for never in [
        "Peace",
        "Read",
        "Commerce",
        "Foreign",
        "Minister",
        "June",
        "Summit",
        "Central",
        "Military",
        "Commission",
        "Western",
        "Kuleba",
        "Wang",
        "Yi",
        "Meloni",
        "FM",
        "Charter",
        "September",
        "July",
    ] {
        assert!(!found.contains(&never), "false positive {never:?}");
    }
}

#[test]
fn embedded_is_shared_and_sensible() {
    let a = Gazetteer::embedded();
    let b = Gazetteer::embedded();
    assert!(std::ptr::eq(a, b));
    assert!(a.forms_len() > 30_000, "{}", a.forms_len());
    let text =
        "us and who said it: the US, the UN and WHO; Georgia; Split and split; Nice and nice.";
    let found: Vec<(&str, &str)> = a.find_iter(text).map(|m| (&text[m.span()], m.id())).collect();
    assert_eq!(
        found,
        [
            ("US", "iso3166-1:US"),
            ("UN", "wikidata:Q1065"),
            ("WHO", "wikidata:Q7817"),
            ("Georgia", "iso3166-1:GE"),
            ("Nice", "geonames:2990440")
        ]
    );
    let georgia = a.find("Georgia");
    let ids: Vec<&str> = georgia[0].candidates().map(|e| e.id()).collect();
    assert_eq!(ids, ["iso3166-1:GE", "iso3166-2:US-GA"]);
}

/// Bare "Congo" is the Democratic Republic first (seed 35: "Congo's army"
/// in Nord-Kivu, "60 million residents in Congo"), the Republic second;
/// the Republic's own names still say which it is.
#[test]
fn bare_congo_is_the_democratic_republic_first() {
    let a = Gazetteer::embedded();
    let ids: Vec<&str> = a.find("Congo")[0].candidates().map(|e| e.id()).collect();
    assert_eq!(ids, ["iso3166-1:CD", "iso3166-1:CG"]);
    for (name, id) in [
        ("Republic of the Congo", "iso3166-1:CG"),
        ("Congo-Brazzaville", "iso3166-1:CG"),
        ("Democratic Republic of the Congo", "iso3166-1:CD"),
        ("DR Congo", "iso3166-1:CD"),
    ] {
        let found = a.find(name);
        assert_eq!(found[0].candidates().next().map(|e| e.id()), Some(id), "{name}");
    }
}

#[test]
fn common_words_and_acronyms_are_not_places() {
    // The examples of names that are also words, and corpus false
    // positives fixed in data/generate.py (see data/README.md).
    let text = "a mobile split, a nice reading in the bath of the van on a mission; the police \
                said it. a dining room, polish the tub; the GAO and an IPO; Peace Summit; June's Commerce; \
                Read more: Foreign Minister; Central Military Commission; Whitehall; RIM; Delta; \
                Brent crude";
    let found: Vec<&str> = Gazetteer::embedded().find_iter(text).map(|m| &text[m.span()]).collect();
    assert_eq!(found, Vec::<&str>::new());
}

#[test]
fn country_alternates_that_are_english_words_are_left_out() {
    // (text, language, the names found): "Island" is Iceland's ASCII
    // alternate ("Ísland") and an English word; German keeps it as its own
    // name for Iceland. Spellings of a country's common name stay.
    let cases: [(&str, dateline_tokenize::Lang, &[&str]); 4] = [
        (
            "the U.S. Pacific Island base; southern Jolo Island",
            dateline_tokenize::Lang::En,
            &["U.S.", "Pacific", "Jolo"],
        ),
        (
            "Iceland and Reunion, Réunion Island",
            dateline_tokenize::Lang::En,
            &["Iceland", "Reunion", "Réunion Island"],
        ),
        ("Island und Norwegen", dateline_tokenize::Lang::De, &["Island", "Norwegen"]),
        ("Lýðveldið Ísland", dateline_tokenize::Lang::En, &["Lýðveldið Ísland"]),
    ];
    for (text, lang, expected) in cases {
        let found: Vec<&str> =
            Gazetteer::embedded().find_iter_in(lang, text).map(|m| &text[m.span()]).collect();
        assert_eq!(found, expected, "{text:?} ({lang})");
    }
}

#[test]
fn capitalized_names_need_their_capitals_but_headlines_match() {
    let text = "CHINA AND UKRAINE; china and ukraine; Nice, NICE; Van, VAN";
    let found: Vec<&str> = Gazetteer::embedded().find_iter(text).map(|m| &text[m.span()]).collect();
    assert_eq!(found, ["CHINA", "UKRAINE", "Nice"]);
}

#[test]
fn regions_outrank_small_namesakes() {
    let g = Gazetteer::embedded();
    for (name, id) in [
        ("Florida", "iso3166-2:US-FL"),
        ("Ontario", "iso3166-2:CA-ON"),
        ("Victoria", "iso3166-2:AU-VIC"),
        ("Washington", "geonames:4140963"),
    ] {
        let found = g.find(name);
        assert_eq!(found.len(), 1, "{name}");
        assert_eq!(found[0].id(), id, "{name}");
    }
}

#[test]
fn builder_merges_the_default_with_user_entries() {
    let tsv = include_str!("../../../seeds/gazetteer.tsv");
    let gazetteer =
        Gazetteer::builder().embedded().add_tsv_reader(tsv.as_bytes()).unwrap().build().unwrap();
    let found: Vec<(&str, &str)> =
        gazetteer.find_iter(SEED).map(|m| (&SEED[m.span()], m.label())).collect();
    for expected in [
        ("Dmytro Kuleba", "PERSON"),
        ("Wang Yi", "PERSON"),
        ("UN Charter", "LAW"),
        ("Peace Summit", "EVENT"),
        ("Central Military Commission", "ORG"),
        ("Commerce Ministry", "ORG"),
        ("Meloni", "PERSON"),
        ("Kyiv", "GPE"),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
}

#[test]
fn shared_across_threads() {
    // First use may race: every thread must get the one gazetteer.
    let found: Vec<usize> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    (
                        Gazetteer::embedded() as *const Gazetteer as usize,
                        Gazetteer::embedded().find(SEED).len(),
                    )
                })
            })
            .collect();
        let results: Vec<(usize, usize)> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        assert!(results.windows(2).all(|w| w[0] == w[1]), "{results:?}");
        results.into_iter().map(|(_, n)| n).collect()
    });
    assert!(found.iter().all(|&n| n == found[0] && n > 40));
}

#[test]
fn normalized_text_from_another_normalizer_still_matches() {
    let g = Gazetteer::embedded();
    let text = "Talks in SÃO PAULO and Zürich";
    let other = dateline_gazetteer::Normalizer::new().with_accent_folding(!g.accent_folding());
    let normalized = other.normalize(text);
    assert_eq!(g.find_iter_normalized(&normalized).collect::<Vec<_>>(), g.find(text));
    assert_eq!(g.find(text).len(), 2);
}

/// The generated data itself (`data/default.tsv`), read column by column:
/// the loader support for `country` and `admin1` is separate, and these
/// columns must be right whatever reads them.
const DEFAULT_TSV: &str = include_str!("../data/default.tsv");
/// `[name, id, country, admin1]` of rows that must exist.
const DEFAULT_COLUMNS: &str = include_str!("data/default_columns.json");

/// Rows of `data/default.tsv` as maps from column name to value.
fn default_rows() -> Vec<std::collections::HashMap<&'static str, &'static str>> {
    let mut lines = DEFAULT_TSV.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = lines.next().expect("a header").split('\t').collect();
    lines.map(|line| header.iter().copied().zip(line.split('\t')).collect()).collect()
}

#[test]
fn default_rows_name_their_country_and_first_level_division() {
    let rows = default_rows();
    let expected: Vec<(String, String, String, String)> =
        serde_json::from_str(DEFAULT_COLUMNS).unwrap();
    for (name, id, country, admin1) in &expected {
        let found = rows.iter().find(|r| r["name"] == name && r["id"] == id);
        let found = found.unwrap_or_else(|| panic!("no row {name} {id}"));
        assert_eq!((found["country"], found["admin1"]), (&**country, &**admin1), "{name} {id}");
    }
}

#[test]
fn every_default_id_is_namespaced_and_every_city_has_a_country() {
    let namespaced = |id: &str| {
        let (space, rest) = id.split_once(':').unwrap_or(("", ""));
        !rest.is_empty()
            && [
                "iso3166-1",
                "iso3166-2",
                "iso3166-3",
                "geonames",
                "wikidata",
                "supraverden",
                "dateline",
            ]
            .contains(&space)
    };
    for row in default_rows() {
        assert!(namespaced(row["id"]), "{row:?}");
        assert!(row["country"].is_empty() || row["country"].starts_with("iso3166-1:"), "{row:?}");
        assert!(row["admin1"].is_empty() || namespaced(row["admin1"]), "{row:?}");
        if row["id"].starts_with("geonames:") {
            assert!(row["country"].starts_with("iso3166-1:"), "{row:?}");
        }
    }
}

/// `{text, found: [[form, label, id], ...]}`: what the default finds (best
/// candidate only), including the admin-1, territory, NORP-group and
/// institution rows, and the ambiguous words it must leave alone.
const DEFAULT_COVERAGE: &str = include_str!("data/default_coverage.json");

#[test]
fn divisions_territories_groups_and_institutions() {
    let cases: Vec<serde_json::Value> = serde_json::from_str(DEFAULT_COVERAGE).unwrap();
    let g = Gazetteer::embedded();
    for case in cases {
        let text = case["text"].as_str().unwrap();
        let expected: Vec<(String, String, String)> =
            serde_json::from_value(case["found"].clone()).unwrap();
        let found: Vec<(String, String, String)> = g
            .find_iter(text)
            .map(|m| (text[m.span()].to_string(), m.label().to_string(), m.id().to_string()))
            .collect();
        assert_eq!(found, expected, "{text}");
    }
}

#[test]
fn a_division_ranks_after_its_namesake_city() {
    // Moscow the city (a population prior) before Moscow the federal city
    // division (no prior); both stay candidates.
    let found = Gazetteer::embedded().find("Moscow");
    let ids: Vec<&str> = found[0].candidates().map(|e| e.id()).collect();
    assert_eq!(ids[0], "geonames:524901", "{ids:?}");
    assert!(ids.contains(&"geonames:524894"), "{ids:?}");
}
