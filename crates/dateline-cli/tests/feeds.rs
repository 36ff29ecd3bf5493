//! Real feeds: extra fields, other field names, compressed input, and
//! runs with bad documents, as a news pipeline meets them.

use std::io::Write;

use serde_json::json;

use crate::{dateline, json_lines, stderr};

/// Three articles shaped like the project's news corpus: `id, date,
/// title, text, category`, one with a null date.
const CORPUS_LIKE: &str = concat!(
    r#"{"id": "a", "date": "2024-07-24", "title": "One", "text": "It happened yesterday.", "category": "x"}"#,
    "\n",
    r#"{"id": "b", "date": null, "title": "Two", "text": "It happened yesterday.", "category": "y"}"#,
    "\n",
    r#"{"id": "c", "date": "2020-01-10", "title": "Three", "text": "Nothing.", "category": "z"}"#,
    "\n",
);

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn unknown_fields_are_ignored_and_date_field_names_the_reference() {
    let args =
        ["dates", "--input", "jsonl", "--date-field", "date", "--reference-date", "2000-01-02"];
    let lines = json_lines(&dateline(&args, CORPUS_LIKE.as_bytes()));
    let summary: Vec<_> =
        lines.iter().map(|l| (l["id"].clone(), l["reference_date"].clone())).collect();
    assert_eq!(
        summary,
        [
            (json!("a"), json!("2024-07-24")),
            (json!("b"), json!("2000-01-02")),
            (json!("c"), json!("2020-01-10")),
        ]
    );
    assert_eq!(lines[0]["dates"][0]["value"], "2024-07-23");
    // Unknown fields do not leak into the output.
    assert!(lines[0].get("title").is_none() && lines[0].get("date").is_none());
}

#[test]
fn gzip_and_zstd_input_read_as_plain_from_files_and_stdin() {
    let args = ["sentences", "--input", "jsonl", "--date-field", "date"];
    let plain = dateline(&args, CORPUS_LIKE.as_bytes());
    assert!(plain.status.success(), "{}", stderr(&plain));
    let dir = tempfile::tempdir().unwrap();
    // Names that say nothing, or the wrong thing: the bytes decide.
    let gz = dir.path().join("feed.jsonl");
    std::fs::write(&gz, gzip(CORPUS_LIKE.as_bytes())).unwrap();
    let zst = dir.path().join("feed.gz");
    std::fs::write(&zst, zstd::encode_all(CORPUS_LIKE.as_bytes(), 3).unwrap()).unwrap();
    for path in [&gz, &zst] {
        let mut with_file = args.to_vec();
        with_file.push(path.to_str().unwrap());
        let output = dateline(&with_file, b"");
        assert!(output.status.success(), "{}", stderr(&output));
        // The file name is echoed for lines without ids only; these have ids.
        assert_eq!(output.stdout, plain.stdout, "{}", path.display());
    }
    let from_stdin = dateline(&args, &gzip(CORPUS_LIKE.as_bytes()));
    assert_eq!(from_stdin.stdout, plain.stdout);
    // A whole-file document may be compressed too.
    let text = dateline(&["sentences"], &gzip("One. Two.".as_bytes()));
    assert_eq!(json_lines(&text)[0]["sentences"][1]["text"], "Two.");
}

#[test]
fn text_and_id_fields_can_be_renamed_and_nested() {
    let input = concat!(
        r#"{"doc": {"body": "It happened yesterday.", "meta": {"uid": 9, "at": "2024-07-24"}}}"#,
        "\n"
    );
    let args = [
        "dates",
        "--input",
        "jsonl",
        "--text-field",
        "doc.body",
        "--id-field",
        "doc.meta.uid",
        "--date-field",
        "doc.meta.at",
    ];
    let lines = json_lines(&dateline(&args, input.as_bytes()));
    assert_eq!(lines[0]["id"], 9);
    assert_eq!(lines[0]["reference_date"], "2024-07-24");
    assert_eq!(lines[0]["dates"][0]["text"], "yesterday");
}

#[test]
fn kept_fields_pass_through_unchanged_in_every_format() {
    let input = concat!(
        r#"{"id": 1, "text": "One.", "title": "Für \"uns\"", "tags": {"a": [1, 2.5]}}"#,
        "\n",
        r#"{"id": 2, "text": "Two."}"#,
        "\n",
    );
    let args = ["sentences", "--input", "jsonl", "--keep-field", "title", "--keep-field", "tags"];
    let lines = json_lines(&dateline(&args, input.as_bytes()));
    assert_eq!(lines[0]["title"], "Für \"uns\"");
    assert_eq!(lines[0]["tags"], json!({"a": [1, 2.5]}));
    assert_eq!((&lines[1]["title"], &lines[1]["tags"]), (&json!(null), &json!(null)));
    // Kept fields come right after the id, before the results.
    let keys: Vec<_> = lines[0].as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["id", "title", "tags", "sentences"]);
    // The serde path (other formats) writes the same record.
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let array: serde_json::Value =
        serde_json::from_slice(&dateline(&json_args, input.as_bytes()).stdout).unwrap();
    assert_eq!(array, json!(lines));
}

#[test]
fn field_options_are_checked_before_reading() {
    let cases: [(&[&str], &str); 3] = [
        (&["sentences", "--text-field", "body"], "--text-field reads JSON Lines input"),
        (&["sentences", "--input", "jsonl", "--keep-field", "sentences"], "its own \"sentences\""),
        (&["sentences", "--input", "jsonl", "--date-field", "meta..date"], "expected a field name"),
    ];
    for (args, expected) in cases {
        let output = dateline(args, b"{\"text\": \"x\"}\n");
        assert!(!output.status.success(), "{args:?}");
        assert!(stderr(&output).contains(expected), "{args:?}: {}", stderr(&output));
    }
}

/// Two bad lines among five.
const TWO_BAD: &[u8] =
    b"{\"text\": \"1.\"}\n[2]\n{\"text\": \"3.\"}\n{\"text\": 4}\n{\"text\": \"5.\"}\n";

#[test]
fn max_errors_fails_the_run_past_the_limit() {
    let base = ["sentences", "--input", "jsonl"];
    // (extra arguments, succeeds, documents written)
    let cases: [(&[&str], bool, usize); 6] = [
        (&[], false, 1),
        (&["--on-error", "skip"], true, 3),
        (&["--max-errors", "2"], true, 3),
        (&["--max-errors", "1"], false, 2),
        (&["--on-error", "skip", "--max-errors", "1"], false, 2),
        (&["--on-error", "skip", "--max-errors", "0"], false, 1),
    ];
    for (extra, succeeds, written) in cases {
        let mut args = base.to_vec();
        args.extend(extra);
        let output = dateline(&args, TWO_BAD);
        let err = stderr(&output);
        assert_eq!(output.status.success(), succeeds, "{args:?}: {err}");
        assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), written, "{args:?}");
        // A summary either way.
        let summary =
            format!("dateline: {written} document{} written", if written == 1 { "" } else { "s" });
        assert!(err.contains(&summary), "{args:?}: {err}");
        if !succeeds && extra.contains(&"1") {
            assert!(err.contains("more than 1 bad documents (--max-errors 1)"), "{err}");
        }
    }
}

#[test]
fn a_stopped_run_says_the_output_file_is_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    std::fs::write(&out, "previous\n").unwrap();
    let args =
        ["sentences", "--input", "jsonl", "--max-errors", "1", "--output", out.to_str().unwrap()];
    let output = dateline(&args, TWO_BAD);
    assert!(!output.status.success());
    let expected = format!(
        "dateline: stopped after 2 documents, 1 bad document skipped; {} left as it was",
        out.display()
    );
    assert!(stderr(&output).contains(&expected), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous\n");
}

#[test]
fn a_run_that_skips_everything_says_so() {
    let output = dateline(&["sentences", "--input", "jsonl", "--on-error", "skip"], b"[1]\n[2]\n");
    assert!(output.status.success());
    assert!(
        stderr(&output).contains("dateline: 0 documents written, 2 bad documents skipped"),
        "{}",
        stderr(&output)
    );
}
