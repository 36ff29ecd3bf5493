//! `--lang CODE|auto` and a line's own `"lang"`: which language each
//! document is read in, and that its record says so.

use serde_json::{Value, json};

use crate::{dateline, json_lines, stderr};

const SUBCOMMANDS: [&str; 5] = ["tokenize", "sentences", "entities", "dates", "extract"];

const GERMAN: &str =
    "Die Regierung hat am Montag in Berlin mitgeteilt, dass sie die Gespräche fortsetzt.";
const FRENCH: &str =
    "Le ministre a indiqué qu'il se rendra à Kyiv pour des entretiens avec le gouvernement.";

fn run(subcommand: &str, extra: &[&str], stdin: &str) -> Vec<Value> {
    let mut args = vec![subcommand, "--reference-date", "2024-07-24"];
    if matches!(subcommand, "tokenize" | "sentences" | "entities") {
        args.truncate(1);
    }
    args.extend_from_slice(extra);
    json_lines(&dateline(&args, stdin.as_bytes()))
}

#[test]
fn without_lang_no_record_says_a_language() {
    for subcommand in SUBCOMMANDS {
        let records = run(subcommand, &[], GERMAN);
        assert_eq!(records[0].get("lang"), None, "{subcommand}: {}", records[0]);
        let lines = format!("{}\n", json!({"text": "China met Ukraine."}));
        let records = run(subcommand, &["--input", "jsonl"], &lines);
        assert_eq!(records[0].get("lang"), None, "{subcommand}: {}", records[0]);
    }
}

#[test]
fn every_subcommand_takes_lang_and_says_it_after_the_origin() {
    for subcommand in SUBCOMMANDS {
        for (flag, text, expected) in [
            ("de", GERMAN, "de"),
            ("FR-ca", GERMAN, "fr"),
            ("auto", FRENCH, "fr"),
            ("en", GERMAN, "en"),
        ] {
            let output = dateline(
                &[subcommand, "--lang", flag, "--reference-date", "2024-07-24"]
                    [..if matches!(subcommand, "dates" | "extract") { 5 } else { 3 }],
                text.as_bytes(),
            );
            let stdout = String::from_utf8(output.stdout.clone()).unwrap();
            assert!(
                stdout.starts_with(&format!(r#"{{"source":"-","lang":"{expected}","#)),
                "{subcommand} --lang {flag}: {stdout}{}",
                stderr(&output)
            );
        }
    }
}

#[test]
fn a_line_lang_overrides_the_flag_and_auto_detects_per_document() {
    let lines: String = [
        json!({"id": "a", "text": GERMAN}),
        json!({"id": "b", "text": GERMAN, "lang": "es"}),
        json!({"id": "c", "text": FRENCH, "lang": "auto"}),
        json!({"id": "d", "text": FRENCH, "lang": null}),
        json!({"id": "e", "text": "12:00 +3.5%"}),
    ]
    .iter()
    .map(|line| format!("{line}\n"))
    .collect();
    let langs = |records: Vec<Value>| -> Vec<Value> {
        records.iter().map(|r| r.get("lang").cloned().unwrap_or(Value::Null)).collect()
    };
    for subcommand in SUBCOMMANDS {
        let records = run(subcommand, &["--input", "jsonl", "--lang", "auto"], &lines);
        // No evidence in "e": English, and said.
        assert_eq!(
            langs(records),
            [json!("de"), json!("es"), json!("fr"), json!("fr"), json!("en")]
        );
        let records = run(subcommand, &["--input", "jsonl"], &lines);
        assert_eq!(
            langs(records),
            [Value::Null, json!("es"), json!("fr"), Value::Null, Value::Null]
        );
    }
}

#[test]
fn the_lang_field_can_be_renamed_and_nested() {
    let line = format!("{}\n", json!({"text": FRENCH, "meta": {"language": "fr"}, "lang": "de"}));
    let records = run("sentences", &["--input", "jsonl", "--lang-field", "meta.language"], &line);
    assert_eq!(records[0]["lang"], "fr");
}

#[test]
fn bad_lang_lines_are_bad_documents_that_can_be_skipped() {
    let lines = "{\"text\": \"A.\", \"lang\": \"xx\"}\n{\"text\": \"B.\", \"lang\": \"fr\"}\n";
    let output =
        dateline(&["sentences", "--input", "jsonl", "--on-error", "skip"], lines.as_bytes());
    let records = json_lines(&output);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["lang"], "fr");
    let stderr = stderr(&output);
    assert!(
        stderr.contains("skipped -:1: field \"lang\": unsupported language \"xx\""),
        "{stderr}"
    );
    assert!(stderr.contains("1 document written, 1 bad document skipped"), "{stderr}");
}

#[test]
fn other_formats_say_the_language_too() {
    let output = dateline(&["sentences", "--lang", "auto", "--format", "json"], GERMAN.as_bytes());
    let array: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(array[0]["lang"], "de");
    let output = dateline(&["sentences", "--lang", "auto", "--format", "text"], GERMAN.as_bytes());
    assert!(String::from_utf8_lossy(&output.stdout).contains("\nlang: de\n"));
}

#[test]
fn many_documents_in_several_languages_come_out_in_order() {
    // Enough lines for several chunks on several threads, so that each
    // language's pipeline is built while others are in use.
    let texts = [GERMAN, FRENCH, "China met Ukraine on 23 July, the ministry said."];
    let lines: String =
        (0..1500).map(|i| format!("{}\n", json!({"id": i, "text": texts[i % 3]}))).collect();
    let records = run("extract", &["--input", "jsonl", "--lang", "auto", "--threads", "2"], &lines);
    assert_eq!(records.len(), 1500);
    for (i, record) in records.iter().enumerate() {
        assert_eq!(record["id"], i);
        assert_eq!(record["lang"], ["de", "fr", "en"][i % 3]);
    }
}

#[test]
fn lines_processed_together_get_what_each_gets_alone() {
    // `extract` runs a group of lines through each language's pipeline
    // together; bad lines and mixed languages in between must not show.
    let lines: Vec<String> = [
        json!({"id": 0, "text": GERMAN, "lang": "de", "reference_date": "2024-03-01"}),
        json!({"id": 1, "text": "China met Ukraine on 23 July.", "reference_date": "2023-12-31"}),
        json!({"id": 2, "text": FRENCH, "lang": "auto"}),
        json!({"id": 3, "text": "Talks on 3 May.", "reference_date": "2024-13-45"}),
        json!({"id": 4, "text": "Last Tuesday in Paris.", "lang": "xx"}),
        json!({"id": 5, "text": GERMAN, "lang": "de", "reference_date": "2024-07-24"}),
        json!({"id": 6, "text": "Yesterday, in Kyiv."}),
    ]
    .iter()
    .map(|line| format!("{line}\n"))
    .chain(["not json\n".to_owned()])
    .collect();
    let args = ["--input", "jsonl", "--on-error", "skip", "--threads", "1"];
    let together = run("extract", &args, &lines.concat());
    let alone: Vec<Value> = lines.iter().flat_map(|line| run("extract", &args, line)).collect();
    assert_eq!(together, alone);
    assert_eq!(together.len(), 5);
}

#[test]
fn the_language_decides_which_names_apply() {
    // Spanish writes the demonym in lowercase ("china"); in English text the
    // same word is porcelain. Both commands that find names search the
    // language's names, per document.
    let text = "La delegación china llegó a Pekín con la OTAN.";
    let names = |record: &Value| -> Vec<String> {
        record["entities"]
            .as_array()
            .expect("entities")
            .iter()
            .map(|e| format!("{}|{}", e["text"].as_str().unwrap(), e["id"].as_str().unwrap()))
            .collect()
    };
    for subcommand in ["entities", "extract"] {
        let spanish = run(subcommand, &["--lang", "es"], text);
        assert_eq!(
            names(&spanish[0]),
            ["china|iso3166-1:CN", "Pekín|geonames:1816670", "OTAN|wikidata:Q7184"],
            "{subcommand}"
        );
        let english = run(subcommand, &[], text);
        assert!(!names(&english[0]).iter().any(|n| n.starts_with("china|")), "{subcommand}");
        let lines = format!("{}\n{}\n", json!({"text": text, "lang": "es"}), json!({"text": text}));
        let records = run(subcommand, &["--input", "jsonl"], &lines);
        assert_eq!(names(&records[0]).len(), 3, "{subcommand}");
        assert!(names(&records[1]).len() < 3, "{subcommand}");
    }
}

#[test]
fn ukrainian_russian_and_chinese_names_carry_the_english_ids() {
    // Issue 14: case forms, adjectives and Chinese names, with the ids of
    // the English names and spans in code points.
    // (language, text, every entity as (surface, id, start in code points))
    type Expected = &'static [(&'static str, &'static str, u64)];
    let cases: [(&str, &str, Expected); 3] = [
        (
            "uk",
            "У Києві заявили, що НАТО підтримає Україну; китайська делегація прибула до Пекіна.",
            &[
                ("Києві", "geonames:703448", 2),
                ("НАТО", "wikidata:Q7184", 20),
                ("Україну", "iso3166-1:UA", 35),
                ("китайська", "iso3166-1:CN", 44),
                ("Пекіна", "geonames:1816670", 75),
            ],
        ),
        (
            "ru",
            "В Киеве и в Москве.",
            &[("Киеве", "geonames:703448", 2), ("Москве", "geonames:524901", 12)],
        ),
        (
            "zh",
            "北约在基辅开会。",
            &[("北约", "wikidata:Q7184", 0), ("基辅", "geonames:703448", 3)],
        ),
    ];
    for (lang, text, expected) in cases {
        for subcommand in ["entities", "extract"] {
            let records = run(subcommand, &["--lang", lang], text);
            let found: Vec<(String, String, u64)> = records[0]["entities"]
                .as_array()
                .expect("entities")
                .iter()
                .map(|e| {
                    let text = e["text"].as_str().expect("text").to_owned();
                    (
                        text,
                        e["id"].as_str().expect("id").to_owned(),
                        e["start"].as_u64().expect("start"),
                    )
                })
                .collect();
            let expected: Vec<(String, String, u64)> =
                expected.iter().map(|&(t, id, s)| (t.to_owned(), id.to_owned(), s)).collect();
            assert_eq!(found, expected, "{subcommand} --lang {lang}");
        }
    }
}
