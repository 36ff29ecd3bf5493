//! Input and output plumbing: stdin, files, JSON Lines, errors, formats.

use std::fs;

use serde_json::json;

use crate::{dateline, json_lines, stderr};

const SEED: &str = "seeds/000_6893e9d60b43f7bd.txt";

#[test]
fn stdin_is_one_document_with_source_dash() {
    let lines = json_lines(&dateline(&["sentences"], "One. Two.".as_bytes()));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["source"], "-");
    assert_eq!(lines[0]["sentences"][1], json!({"text": "Two.", "start": 5, "end": 9}));
}

#[test]
fn several_files_come_out_in_input_order() {
    let files = ["seeds/001_summit.txt", SEED, "seeds/002_markets.txt"];
    let mut args = vec!["tokenize", "--threads", "2"];
    args.extend(files);
    let lines = json_lines(&dateline(&args, b""));
    let sources: Vec<_> = lines.iter().map(|l| l["source"].as_str().unwrap().to_owned()).collect();
    assert_eq!(sources, files);
}

#[test]
fn offsets_are_code_points() {
    let text = "Київ — “Kyiv” 👩‍👩‍👧 said.";
    let lines = json_lines(&dateline(&["tokenize"], text.as_bytes()));
    let chars: Vec<char> = text.chars().collect();
    for token in lines[0]["tokens"].as_array().unwrap() {
        let (start, end) =
            (token["start"].as_u64().unwrap() as usize, token["end"].as_u64().unwrap() as usize);
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(slice, token["text"].as_str().unwrap());
    }
}

#[test]
fn jsonl_input_with_and_without_reference_date() {
    let input = concat!(
        r#"{"id": "a", "text": "It happened yesterday.", "reference_date": "2024-07-24"}"#,
        "\n",
        r#"{"id": 2, "text": "It happened yesterday."}"#,
        "\n",
    );
    let lines = json_lines(&dateline(
        &["dates", "--input", "jsonl", "--reference-date", "2020-01-10"],
        input.as_bytes(),
    ));
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["reference_date"], "2024-07-24");
    assert_eq!(lines[0]["dates"][0]["value"], "2024-07-23");
    assert_eq!(lines[1]["id"], 2);
    assert_eq!(lines[1]["reference_date"], "2020-01-10");
    assert_eq!(lines[1]["dates"][0]["value"], "2020-01-09");
}

#[test]
fn without_any_reference_date_the_cli_says_which_it_used() {
    let output = dateline(&["dates"], b"Next week.");
    assert!(output.status.success());
    assert!(stderr(&output).contains("resolving against today"), "{}", stderr(&output));
}

#[test]
fn empty_input_is_an_empty_document() {
    let lines = json_lines(&dateline(&["extract", "--reference-date", "2024-07-24"], b""));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["sentences"], json!([]));
    assert_eq!(lines[0]["entities"], json!([]));
    assert_eq!(lines[0]["dates"], json!([]));
    // And an empty JSONL stream has no documents at all.
    assert!(json_lines(&dateline(&["extract", "--input", "jsonl"], b"")).is_empty());
}

#[test]
fn missing_file_fails_naming_it_after_writing_what_came_before() {
    let output = dateline(&["sentences", SEED, "no/such/file.txt"], b"");
    assert!(!output.status.success());
    assert!(stderr(&output).contains("no/such/file.txt: cannot read"), "{}", stderr(&output));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "the readable document before it is written whole");
    assert!(stdout.ends_with('\n'));
}

#[test]
fn invalid_utf8_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.txt");
    fs::write(&path, b"line one\nline \xc3\x28 two\n").unwrap();
    let output = dateline(&["tokenize", path.to_str().unwrap()], b"");
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains(&format!("{}:2: invalid UTF-8", path.display())),
        "{}",
        stderr(&output)
    );
}

#[test]
fn malformed_json_line_fails_or_is_skipped_and_counted() {
    let input = b"{\"text\": \"One.\"}\n{\"text\": oops}\n{\"text\": \"Three.\"}\n";
    let failed = dateline(&["sentences", "--input", "jsonl"], input);
    assert!(!failed.status.success());
    assert!(stderr(&failed).contains("-:2: malformed JSON line"), "{}", stderr(&failed));
    assert_eq!(String::from_utf8(failed.stdout).unwrap().lines().count(), 1);

    let skipped = dateline(&["sentences", "--input", "jsonl", "--on-error", "skip"], input);
    let lines = json_lines(&skipped);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["line"], 3);
    assert!(
        stderr(&skipped).contains("2 documents written, 1 bad document skipped"),
        "{}",
        stderr(&skipped)
    );
}

/// Thousands of documents span several chunks in flight at once: output
/// stays in input order on two threads, and a bad line stops the run with
/// everything before it written and nothing after it.
#[test]
fn many_chunks_keep_input_order_and_stop_at_a_bad_line() {
    let mut input = String::new();
    for i in 1..=3000 {
        if i == 2000 {
            input.push_str("{\"id\": 2000, \"text\": oops}\n");
        } else {
            input.push_str(&format!("{{\"id\": {i}, \"text\": \"Document {i}. It ends.\"}}\n"));
        }
    }
    let skipped = dateline(
        &["extract", "--input", "jsonl", "--threads", "2", "--on-error", "skip"],
        input.as_bytes(),
    );
    let ids: Vec<u64> = json_lines(&skipped).iter().map(|l| l["id"].as_u64().unwrap()).collect();
    let expected: Vec<u64> = (1..=3000).filter(|&i| i != 2000).collect();
    assert_eq!(ids, expected);

    let failed = dateline(&["extract", "--input", "jsonl", "--threads", "2"], input.as_bytes());
    assert!(!failed.status.success());
    assert!(stderr(&failed).contains("-:2000: malformed JSON line"), "{}", stderr(&failed));
    let written = String::from_utf8(failed.stdout).unwrap();
    let ids: Vec<u64> = written
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, (1..2000).collect::<Vec<u64>>());
}

#[test]
fn bad_reference_date_in_a_line_is_a_bad_document() {
    let input = b"{\"text\": \"Today.\", \"reference_date\": \"2024-13-40\"}\n";
    let output = dateline(&["dates", "--input", "jsonl"], input);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("-:1: invalid reference_date \"2024-13-40\""),
        "{}",
        stderr(&output)
    );
}

#[test]
fn text_format_is_an_aligned_listing() {
    let output =
        dateline(&["extract", "--format", "text", "--reference-date", "2024-07-24", SEED], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with(&format!("source: {SEED}\n")), "{text}");
    assert!(text.contains("GPE"), "{text}");
    assert!(text.contains("2024-09-01"), "{text}");
}

#[test]
fn json_format_is_one_array() {
    let output = dateline(&["sentences", "--format", "json", SEED, "seeds/001_summit.txt"], b"");
    let value: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("one JSON document");
    assert_eq!(value.as_array().map(Vec::len), Some(2));
}

#[test]
fn output_file_is_replaced_only_on_success() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    fs::write(&out, "previous\n").unwrap();
    let out_arg = out.to_str().unwrap();

    let failed = dateline(&["sentences", "--output", out_arg, SEED, "no/such/file.txt"], b"");
    assert!(!failed.status.success());
    assert_eq!(fs::read_to_string(&out).unwrap(), "previous\n");

    let ok = dateline(&["sentences", "--output", out_arg, SEED], b"");
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(ok.stdout.is_empty());
    assert!(fs::read_to_string(&out).unwrap().starts_with("{\"source\""));
    // No temporary files are left behind.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn no_default_gazetteer_needs_a_file() {
    let output = dateline(&["entities", "--no-default-gazetteer"], b"China");
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("--no-default-gazetteer leaves no gazetteer"),
        "{}",
        stderr(&output)
    );
}
