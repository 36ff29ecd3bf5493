//! Pathological inputs. Each test bounds *work*, not wall time: the inputs
//! are large enough that a quadratic step would not finish (10 MB squared is
//! 10¹⁴), and the assertions count outputs, which must stay proportional to
//! the input.

use dateline::matching::Matcher;
use dateline::{
    DateExtractor, Entry, Gazetteer, Mode, Pipeline, SentenceSplitter, Span, Tokenizer,
};

use crate::common::{pipeline, reference};
use crate::fuzz_targets::check_spans;

const MB: usize = 1 << 20;

/// Runs every component on `text` and checks the spans; returns the counts
/// (tokens in both modes, sentences, entities, dates).
fn run_all(text: &str) -> [usize; 5] {
    let mut counts = [0; 5];
    for (i, mode) in [Mode::Default, Mode::Treebank].into_iter().enumerate() {
        let spans: Vec<Span> = Tokenizer::with_mode(mode).tokens(text).map(|t| t.span()).collect();
        check_spans(text, &spans, mode.as_str(), false);
        counts[i] = spans.len();
    }
    let sentences = SentenceSplitter::new().split(text);
    check_spans(text, &sentences, "sentences", false);
    counts[2] = sentences.len();
    let entities: Vec<Span> = Gazetteer::embedded().find_iter(text).map(|m| m.span()).collect();
    check_spans(text, &entities, "entities", false);
    counts[3] = entities.len();
    let dates: Vec<Span> =
        DateExtractor::new().extract(text, reference()).iter().map(|d| d.span()).collect();
    check_spans(text, &dates, "dates", false);
    counts[4] = dates.len();
    counts
}

#[test]
fn ten_megabytes_of_one_letter() {
    let text = "a".repeat(10 * MB);
    assert_eq!(run_all(&text), [1, 1, 1, 0, 0]);
}

#[test]
fn ten_megabytes_without_whitespace() {
    // Shapes that tempt backtracking or rescanning: dotted abbreviations,
    // URLs, numbers with separators, hyphenated compounds, date-like digit
    // runs, apostrophes, non-ASCII letters. 10 MB of them all, through the
    // tokenizer; a quarter megabyte of each through every component (a
    // quadratic step would still be 6·10¹⁰ operations).
    let units = ["U.S.", "http://a.b/", "1,000.", "dual-use-", "2024-07-23/", "China’s", "Київ."];
    let mixed = units.concat().repeat(10 * MB / units.concat().len());
    let spans: Vec<Span> = Tokenizer::new().tokens(&mixed).map(|t| t.span()).collect();
    check_spans(&mixed, &spans, "mixed", false);
    assert!(spans.len() <= mixed.len() / 4);
    for unit in units {
        let text = unit.repeat(MB / 4 / unit.len());
        let counts = run_all(&text);
        let chars = text.chars().count();
        assert!(counts.iter().all(|&n| n <= chars), "{unit}: {counts:?}");
    }
}

#[test]
fn a_million_newlines() {
    let text = "\n".repeat(1_000_000);
    assert_eq!(run_all(&text), [0; 5]);
    let document = pipeline().process(&text, reference());
    assert!(document.sentences.is_empty() && document.tokens == Some(Vec::new()));

    // One word per line: a token each; a blank line between them makes
    // each its own sentence.
    let text = "Kyiv\n".repeat(200_000);
    let [tokens, treebank, _, entities, dates] = run_all(&text);
    assert_eq!((tokens, treebank, entities, dates), (200_000, 200_000, 200_000, 0));
    let text = "Kyiv.\n\n".repeat(200_000);
    assert_eq!(SentenceSplitter::new().split(&text).len(), 200_000);
}

#[test]
fn a_hundred_thousand_combining_marks_on_one_letter() {
    // One mark repeated, and two marks of different combining classes
    // alternating, which canonical reordering must sort.
    for marks in ["\u{301}", "\u{301}\u{316}"] {
        let text = format!("a{} Kyiv", marks.repeat(100_000 / marks.chars().count()));
        assert_eq!(run_all(&text), [2, 2, 1, 1, 0], "{marks:?}");
        let matcher = Matcher::new(["a", "Kyiv"]).expect("valid patterns");
        let found = matcher.find_all(&text);
        let spans: Vec<Span> = found.iter().map(|m| m.span()).collect();
        check_spans(&text, &spans, "matches", false);
        // With accent folding the marks fold away: "a" matches the whole
        // first word.
        assert_eq!(spans, [Span::new(0, text.len() - 5), Span::new(text.len() - 4, text.len())]);
        assert_eq!(matcher.normalizer().fold(&text), "a kyiv");
    }
}

#[test]
fn repeated_date_like_words() {
    // 60,000 to 90,000 tokens each: a step that rescans earlier tokens
    // would take billions of steps.
    let n = 30_000;
    for unit in ["1 ", "May ", "1 May ", "May 1 ", "last ", "2024 ", "Tuesday ", "1/1 ", "the 1st "]
    {
        let text = unit.repeat(n);
        let words = text.split_whitespace().count();
        let found = DateExtractor::new().extract(&text, reference());
        let spans: Vec<Span> = found.iter().map(|d| d.span()).collect();
        check_spans(&text, &spans, unit, false);
        assert!(found.len() <= words, "{unit:?}: {} dates in {words} words", found.len());
    }
    // Bare numbers and ambiguous "May" are no dates, however many.
    assert!(DateExtractor::new().extract(&"1 ".repeat(n), reference()).is_empty());
    assert!(DateExtractor::new().extract(&"May ".repeat(n), reference()).is_empty());
}

/// Every one-letter name the default settings keep apart: alphabetic chars
/// that are their own case fold (so "a" and "A" are one name).
fn one_letter_names() -> Vec<String> {
    let normalizer = dateline::gazetteer::Normalizer::new().with_accent_folding(false);
    let mut names: Vec<String> = ('\u{0}'..='\u{2ffff}')
        .filter(|c| c.is_alphabetic())
        .map(String::from)
        .filter(|name| normalizer.fold(name) == *name && !name.trim().is_empty())
        .collect();
    names.sort();
    names
}

#[test]
fn a_million_one_letter_entries() {
    let names = one_letter_names();
    assert!(names.len() > 100_000, "{} one-letter names", names.len());
    let entries =
        (0..1_000_000).map(|i| Entry::new(names[i % names.len()].as_str(), "X", i.to_string()));
    let gazetteer = Gazetteer::builder()
        .accent_folding(false)
        .entries(entries)
        .build()
        .expect("one-letter names are valid");
    assert_eq!(gazetteer.len(), 1_000_000);
    assert_eq!(gazetteer.forms_len(), names.len());
    // Every letter of a text of one-letter words is found, with all its
    // entries (about ten each) as candidates.
    let text: String = names.iter().step_by(97).map(|n| format!("{n} ")).collect();
    let found = gazetteer.find(&text);
    let spans: Vec<Span> = found.iter().map(|m| m.span()).collect();
    check_spans(&text, &spans, "entities", false);
    assert_eq!(found.len(), text.split_whitespace().count());
    let per_name = 1_000_000 / names.len();
    assert!(found.iter().all(|m| (per_name..=per_name + 1).contains(&m.candidates().len())));
}

/// Bug (fixed): building a gazetteer was quadratic in the number of entries
/// that share one surface form. `rank` in
/// crates/dateline-gazetteer/src/gazetteer.rs removed duplicate (label, id)
/// candidates by scanning every candidate kept so far, so k entries named
/// "Springfield" cost k²/2 string comparisons: 200,000 of them are 2·10¹⁰,
/// which does not finish (40,000 took 19.8 s in a release build). It now
/// keeps the pairs seen in a hash set.
#[test]
fn regression_rank_is_quadratic_in_entries_sharing_a_name() {
    let entries = (0..200_000).map(|i| Entry::new("Springfield", "GPE", i.to_string()));
    let gazetteer = Gazetteer::new(entries).expect("valid entries");
    assert_eq!(gazetteer.find("Springfield")[0].candidates().len(), 200_000);
    // And duplicates still collapse: 1M rows of 26 names with 26 ids.
    let entries = (0..1_000_000).map(|i| {
        let name = char::from(b'a' + (i % 26) as u8).to_string();
        Entry::new(name, "X", (i % 26).to_string())
    });
    let gazetteer = Gazetteer::new(entries).expect("valid entries");
    assert!(gazetteer.find("a b z").iter().all(|m| m.candidates().len() == 1));
    // Long lists with duplicates keep the first of each (label, id), in
    // rank order: 300,000 rows over 1,000 ids, the prior rising with the id.
    let entries = (0..300_000).map(|i| {
        let id = i % 1000;
        Entry::new("Springfield", "GPE", id.to_string()).with_prior(f64::from(id))
    });
    let gazetteer = Gazetteer::new(entries).expect("valid entries");
    let ids: Vec<String> =
        gazetteer.find("Springfield")[0].candidates().map(|e| e.id().to_owned()).collect();
    let want: Vec<String> = (0..1000).rev().map(|id: u32| id.to_string()).collect();
    assert_eq!(ids, want);
}

#[test]
fn a_pipeline_over_large_whitespace_free_input() {
    let text = "Kyiv".repeat(MB / 4);
    let pipeline = Pipeline::builder().build().expect("valid settings");
    let document = pipeline.process(&text, reference());
    assert_eq!(document.sentences.len(), 1);
    assert!(document.entities.is_empty() && document.dates.is_empty());
}
