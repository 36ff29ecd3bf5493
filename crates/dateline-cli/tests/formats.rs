//! `--format tsv` and `--format html`.

use crate::{dateline, stderr};

fn stdout(output: &std::process::Output) -> String {
    assert!(output.status.success(), "dateline failed: {}", stderr(output));
    String::from_utf8(output.stdout.clone()).expect("output is UTF-8")
}

const HEADER: &str = "doc\tkind\ttext\tstart\tend\tlabel_or_type\tid_or_value";

#[test]
fn tsv_has_a_header_and_one_row_per_item() {
    // Offsets count code points, as in JSON: "China" starts at 9, byte 13.
    let out = stdout(&dateline(
        &["extract", "--format", "tsv", "--reference-date", "2024-07-24"],
        "Київ and China met on 23 July.".as_bytes(),
    ));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            HEADER,
            "-\tsentence\tКиїв and China met on 23 July.\t0\t30\t\t",
            "-\tentity\tChina\t9\t14\tGPE\tiso3166-1:CN",
            "-\tdate\t23 July\t22\t29\tDATE\t2024-07-23",
        ]
    );
}

#[test]
fn tsv_escapes_backslashes_tabs_and_line_breaks() {
    // The id and the text hold every character that would break a row.
    let line = r#"{"id": "a\tb\\c\nd", "text": "Paris\\Rome\tand\r\nBerlin."}"#;
    let out =
        stdout(&dateline(&["sentences", "--input", "jsonl", "--format", "tsv"], line.as_bytes()));
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(
        rows,
        [HEADER, "a\\tb\\\\c\\nd\tsentence\tParis\\\\Rome\\tand\\r\\nBerlin.\t0\t23\t\t"]
    );
    for row in &rows {
        assert_eq!(row.split('\t').count(), 7, "{row:?}");
    }
}

#[test]
fn tsv_names_documents_by_id_or_by_file_and_line() {
    let input = "{\"id\": 7, \"text\": \"In Paris.\"}\n{\"text\": \"In Rome.\"}\n";
    let out =
        stdout(&dateline(&["entities", "--input", "jsonl", "--format", "tsv"], input.as_bytes()));
    let docs: Vec<&str> = out.lines().skip(1).map(|r| r.split('\t').next().unwrap()).collect();
    assert_eq!(docs, ["7", "-:2"]);
}

#[test]
fn tsv_of_tokens_and_of_nothing() {
    let out = stdout(&dateline(&["tokenize", "--format", "tsv"], b"Hi, you."));
    assert_eq!(out.lines().nth(1), Some("-\ttoken\tHi\t0\t2\tword\t"));
    // No document at all: the header alone.
    let out = stdout(&dateline(&["entities", "--input", "jsonl", "--format", "tsv"], b""));
    assert_eq!(out, format!("{HEADER}\n"));
}

#[test]
fn html_is_one_page_with_marks_and_escaped_text() {
    let input = concat!(
        "{\"id\": \"one\", \"text\": \"China acted on 1 September.\", \"reference_date\": \"2024-07-24\"}\n",
        "{\"id\": \"<two>\", \"text\": \"<script>alert(1)</script> in Paris\"}\n",
    );
    let out = stdout(&dateline(
        &["extract", "--input", "jsonl", "--format", "html", "--reference-date", "2020-01-01"],
        input.as_bytes(),
    ));
    assert!(out.starts_with("<!DOCTYPE html>") && out.ends_with("</html>\n"));
    assert_eq!(out.matches("<!DOCTYPE").count(), 1, "one page for all documents");
    assert!(out.contains("<h2>one</h2><p class=\"meta\">reference date 2024-07-24"));
    assert!(out.contains("<h2>&lt;two&gt;</h2><p class=\"meta\">reference date 2020-01-01"));
    assert!(out.contains("data-id=\"iso3166-1:CN\""));
    assert!(out.contains("data-value=\"2024-09-01\""));
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !out.contains("<script"));
    assert!(out.contains("2 documents · 2 sentences · 2 entities · 1 date expression"));
}

#[test]
fn html_from_entities_and_dates_and_to_a_file() {
    let out = stdout(&dateline(&["entities", "--format", "html"], b"Talks in Geneva."));
    assert!(out.contains("data-label=\"GPE\"") && !out.contains("<mark class=\"date"));
    let out = stdout(&dateline(
        &["dates", "--format", "html", "--reference-date", "2024-07-24"],
        b"Talks in Geneva on Monday.",
    ));
    assert!(out.contains("data-value=\"2024-07-22\"") && !out.contains("<mark class=\"ent"));

    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    let output = dateline(
        &[
            "extract",
            "--format",
            "html",
            "--reference-date",
            "2024-07-24",
            "-o",
            page.to_str().unwrap(),
        ],
        b"Talks in Geneva.",
    );
    assert!(stdout(&output).is_empty());
    assert!(std::fs::read_to_string(&page).unwrap().contains("data-label=\"GPE\""));
}

#[test]
fn html_leaves_out_skipped_documents() {
    let input = "{\"id\": \"good\", \"text\": \"In Paris.\"}\nnot json\n";
    let out = stdout(&dateline(
        &["entities", "--input", "jsonl", "--format", "html", "--on-error", "skip"],
        input.as_bytes(),
    ));
    assert!(out.contains("<h2>good</h2>") && out.contains("1 document ·"));
}

#[test]
fn html_is_refused_where_there_is_nothing_to_highlight() {
    for command in ["tokenize", "sentences"] {
        let output = dateline(&[command, "--format", "html"], b"One.");
        assert!(!output.status.success());
        assert!(output.stdout.is_empty());
        assert!(
            stderr(&output).contains(&format!(
                "--format html is for extract, entities and dates, not {command}"
            )),
            "{}",
            stderr(&output)
        );
    }
}

/// The README's TSV example: the `echo TEXT | dateline ARGS` line of the
/// `sh` block before the ```tsv block, run, gives that block.
#[test]
fn the_readme_tsv_example_is_what_the_command_writes() {
    let readme = std::fs::read_to_string(crate::root().join("README.md")).unwrap();
    let expected_at = readme.find("```tsv\n").expect("README has a ```tsv block") + 7;
    let expected = &readme[expected_at..expected_at + readme[expected_at..].find("```").unwrap()];
    let command = readme[..expected_at]
        .lines()
        .rev()
        .find(|line| line.starts_with("echo "))
        .expect("an echo line before the block");
    let (echo, args) = command.split_once(" | dateline ").expect("echo TEXT | dateline ARGS");
    let text = echo.trim_start_matches("echo ").trim_matches('"');
    let args: Vec<&str> = args.split_whitespace().collect();
    assert!(args.contains(&"tsv"), "{command}");
    let out = stdout(&dateline(&args, format!("{text}\n").as_bytes()));
    assert_eq!(out, expected);
}
