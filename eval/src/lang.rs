//! `dateline-eval lang`: how often `--lang auto` ([`Lang::detect`]) names
//! the language of Universal Dependencies texts.
//!
//! Documents are rebuilt from the `# text` lines of each CoNLL-U file, in
//! file order: sentences are joined by a space, and a document closes as
//! soon as it holds at least `--min-chars` characters (200 by default), or
//! where the treebank starts a new document (`# newdoc`). A piece shorter
//! than the minimum left at a `# newdoc` or at the end of a file is not
//! scored; the report counts those. So the treebanks that mark documents
//! (English EWT, Spanish AnCora, Ukrainian IU, Russian Taiga) give pieces
//! of real documents, and the ones that do not (the GSD treebanks, whose
//! sentences are shuffled) give runs of neighbouring sentences, often from
//! different sources: a harder test than one article. The uk and ru
//! columns of the confusion table show how often Ukrainian and Russian,
//! which share a script and many words, are taken for each other.
//!
//! Two accuracies: "detected" counts a text without an answer (`None`,
//! listed under "none" in the confusion table) as wrong; "auto" scores
//! what `--lang auto` does with it, which is to read it as English.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use dateline_tokenize::Lang;

/// How often the documents are detected again for the speed figure.
const TIMED_ROUNDS: usize = 10;

/// Arguments of `dateline-eval lang`.
#[derive(clap::Args)]
pub struct Args {
    /// CoNLL-U files as LANG=PATH (repeatable); by default every dev file
    /// of the supported languages under ../shared/eval/tokenize, or
    /// $DATELINE_SHARED/eval/tokenize (English EWT in `ud-ewt/`, the others
    /// in a folder named by their code: `de/`, `fr/`, `es/`, `uk/`, `ru/`
    /// with GSD and Taiga, `zh/`).
    #[arg(value_name = "LANG=PATH")]
    files: Vec<String>,
    /// Shortest document scored, in characters.
    #[arg(long, default_value_t = 200)]
    min_chars: usize,
    /// Print this many misread documents per language.
    #[arg(long, default_value_t = 0)]
    errors: usize,
}

/// Per gold language: documents scored, answers by language (`None` for
/// no answer), and the misread documents.
#[derive(Default)]
struct Tally {
    documents: usize,
    answers: BTreeMap<Option<Lang>, usize>,
    short: usize,
    misread: Vec<(Option<Lang>, String)>,
}

pub fn run(args: &Args) -> Result<()> {
    let files = if args.files.is_empty() { default_files()? } else { parse_files(&args.files)? };
    let mut tallies: BTreeMap<Lang, Tally> = BTreeMap::new();
    let (mut bytes, mut seconds) = (0usize, 0f64);
    for (lang, path) in &files {
        let source = std::fs::read_to_string(path)
            .with_context(|| format!("reading CoNLL-U file {}", path.display()))?;
        let (documents, short) = documents(&source, args.min_chars);
        let tally = tallies.entry(*lang).or_default();
        tally.short += short;
        let answers: Vec<Option<Lang>> = documents.iter().map(|d| Lang::detect(d)).collect();
        // Timed apart from the first pass, which builds the word table.
        let started = Instant::now();
        for _ in 0..TIMED_ROUNDS {
            for document in &documents {
                std::hint::black_box(Lang::detect(std::hint::black_box(document)));
            }
        }
        seconds += started.elapsed().as_secs_f64();
        bytes += TIMED_ROUNDS * documents.iter().map(String::len).sum::<usize>();
        for (document, answer) in documents.into_iter().zip(answers) {
            tally.documents += 1;
            *tally.answers.entry(answer).or_default() += 1;
            if answer != Some(*lang) && tally.misread.len() < args.errors {
                tally.misread.push((answer, document));
            }
        }
    }

    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "--lang auto on UD texts, in documents of at least {} characters",
        args.min_chars
    )?;
    for (lang, path) in &files {
        writeln!(out, "  {lang}: {}", path.display())?;
    }
    let mut header = String::from("gold | documents | detected |     auto |");
    for answer in Lang::ALL.into_iter().map(Lang::code).chain(["none"]) {
        write!(header, " {answer:>5}")?;
    }
    writeln!(out, "\n{header}")?;
    writeln!(out, "{}", "-".repeat(header.len()))?;
    for (lang, tally) in &tallies {
        let count = |answer: Option<Lang>| tally.answers.get(&answer).copied().unwrap_or(0);
        let correct = count(Some(*lang));
        let auto = correct + if *lang == Lang::En { count(None) } else { 0 };
        let percent = |n: usize| 100.0 * n as f64 / tally.documents.max(1) as f64;
        let mut row = format!(
            "{:<4} | {:>9} | {:>7.2}% | {:>7.2}% |",
            lang.code(),
            tally.documents,
            percent(correct),
            percent(auto)
        );
        for answer in Lang::ALL.map(Some).into_iter().chain([None]) {
            write!(row, " {:>5}", count(answer))?;
        }
        writeln!(out, "{row}")?;
    }
    let short: Vec<String> =
        tallies.iter().map(|(lang, t)| format!("{lang} {}", t.short)).collect();
    writeln!(
        out,
        "(columns: the language detected; shorter pieces not scored: {})",
        short.join(", ")
    )?;
    if seconds > 0.0 {
        writeln!(
            out,
            "detection: {:.0} MB/s over {:.1} MB ({} build, one thread)",
            bytes as f64 / seconds / 1e6,
            bytes as f64 / 1e6,
            if cfg!(debug_assertions) { "debug" } else { "release" }
        )?;
    }
    for (lang, tally) in &tallies {
        for (answer, document) in &tally.misread {
            let answer = answer.map_or("none", Lang::code);
            writeln!(out, "\n{lang} read as {answer}: {document}")?;
        }
    }
    Ok(())
}

/// The documents of a CoNLL-U file, as the module docs describe, and the
/// number of pieces too short to score.
fn documents(source: &str, min_chars: usize) -> (Vec<String>, usize) {
    let mut documents = Vec::new();
    let mut short = 0;
    let mut current = String::new();
    let mut chars = 0;
    let mut close = |current: &mut String, chars: &mut usize, documents: &mut Vec<String>| {
        if *chars >= min_chars {
            documents.push(std::mem::take(current));
        } else if *chars > 0 {
            short += 1;
        }
        current.clear();
        *chars = 0;
    };
    for line in source.lines() {
        if line.starts_with("# newdoc") {
            close(&mut current, &mut chars, &mut documents);
        } else if let Some(text) = line.strip_prefix("# text = ") {
            if !current.is_empty() {
                current.push(' ');
                chars += 1;
            }
            current.push_str(text);
            chars += text.chars().count();
            if chars >= min_chars {
                close(&mut current, &mut chars, &mut documents);
            }
        }
    }
    close(&mut current, &mut chars, &mut documents);
    (documents, short)
}

/// `LANG=PATH` arguments.
fn parse_files(args: &[String]) -> Result<Vec<(Lang, PathBuf)>> {
    args.iter()
        .map(|arg| {
            let Some((lang, path)) = arg.split_once('=') else {
                bail!("{arg:?}: expected LANG=PATH, such as de=de_gsd-ud-dev.conllu");
            };
            let lang: Lang = lang.parse().with_context(|| format!("in {arg:?}"))?;
            Ok((lang, PathBuf::from(path)))
        })
        .collect()
}

/// Every `*-dev.conllu` of the supported languages under
/// ../shared/eval/tokenize (`$DATELINE_SHARED/eval/tokenize` when that is
/// set: a worktree's ../shared may not exist); test files are never read.
fn default_files() -> Result<Vec<(Lang, PathBuf)>> {
    let root = crate::timex::shared("eval/tokenize");
    let mut files = Vec::new();
    for lang in Lang::ALL {
        let dir = root.join(if lang == Lang::En { "ud-ewt" } else { lang.code() });
        let entries = std::fs::read_dir(&dir)
            .with_context(|| format!("reading {} (give LANG=PATH files instead)", dir.display()))?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with("-dev.conllu"))
            .collect();
        found.sort();
        files.extend(found.into_iter().map(|p| (lang, p)));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_close_at_the_minimum_and_at_newdoc() {
        let source = "# newdoc id = a\n# text = one two\n1\tone\n\n# text = three\n\n\
                      # newdoc id = b\n# text = x\n# text = four five six\n# text = tail\n";
        let (found, short) = documents(source, 8);
        assert_eq!(found, ["one two three", "x four five six"]);
        // "tail" at the end is too short.
        assert_eq!(short, 1);
        let (found, short) = documents(source, 100);
        assert!(found.is_empty());
        assert_eq!(short, 2);
    }

    #[test]
    fn file_arguments_name_a_supported_language() {
        assert_eq!(parse_files(&["de-AT=x.conllu".into()]).unwrap()[0].0, Lang::De);
        assert!(parse_files(&["xx=x.conllu".into()]).is_err());
        assert!(parse_files(&["x.conllu".into()]).is_err());
    }
}
