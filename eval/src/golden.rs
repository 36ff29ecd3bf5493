//! `dateline-eval sentences`: the sentence splitter on the Golden Rules
//! (pragmatic_segmenter's English rules), pass or fail per rule.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use dateline_tokenize::SentenceSplitter;

/// Arguments of `dateline-eval sentences`.
#[derive(clap::Args)]
pub struct Args {
    /// The Golden Rules JSONL file (default: ../shared/eval/sentences/golden-rules-en.jsonl,
    /// or under `$DATELINE_SHARED`).
    golden: Option<PathBuf>,
    /// Print every rule, not only the failures.
    #[arg(long)]
    verbose: bool,
}

#[derive(serde::Deserialize)]
struct Rule {
    id: u64,
    name: String,
    text: String,
    sentences: Vec<String>,
}

pub fn run(args: &Args) -> Result<()> {
    let path = args.golden.clone().unwrap_or_else(default_path);
    let source = std::fs::read_to_string(&path)
        .with_context(|| format!("reading Golden Rules file {}", path.display()))?;
    let splitter = SentenceSplitter::new();
    let mut out = std::io::stdout().lock();
    let (mut passed, mut total) = (0, 0);
    for (n, line) in source.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let rule: Rule = serde_json::from_str(line)
            .with_context(|| format!("{}: line {}", path.display(), n + 1))?;
        let got: Vec<&str> =
            splitter.sentences(&rule.text).map(|s| &rule.text[s.range()]).collect();
        let ok = got == rule.sentences;
        total += 1;
        passed += usize::from(ok);
        if !ok || args.verbose {
            writeln!(out, "{} {:>2}. {}", if ok { "PASS" } else { "FAIL" }, rule.id, rule.name)?;
        }
        if !ok {
            writeln!(out, "     text:     {:?}", rule.text)?;
            writeln!(out, "     expected: {:?}", rule.sentences)?;
            writeln!(out, "     got:      {got:?}")?;
        }
    }
    writeln!(out, "Golden Rules: {passed}/{total} passed ({})", path.display())?;
    Ok(())
}

fn default_path() -> PathBuf {
    crate::timex::shared("eval/sentences/golden-rules-en.jsonl")
}
