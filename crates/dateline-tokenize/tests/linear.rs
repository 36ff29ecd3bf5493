//! Pathological inputs finish in linear time. No clock is read: each test
//! checks the amount of work (tokens, sentences) on inputs large enough
//! that quadratic behaviour would not finish in any reasonable test run.

use dateline_tokenize::{Lang, Mode, SentenceSplitter, Tokenizer};

const TEN_MB: usize = 10 * 1024 * 1024;
/// Pathological units: large enough that a quadratic scan would take
/// hours, small enough to keep debug test runs short.
const TWO_MB: usize = 2 * 1024 * 1024;

fn repeat_to(unit: &str, len: usize) -> String {
    unit.repeat(len / unit.len())
}

#[test]
fn ten_megabyte_single_line_of_words() {
    let text = repeat_to("Kyiv's U.S. talks, 3.5% e.g. ", TEN_MB);
    let units = text.len() / "Kyiv's U.S. talks, 3.5% e.g. ".len();
    let tokens = Tokenizer::new().tokens(&text).count();
    assert_eq!(tokens, units * 7);
    assert_eq!(SentenceSplitter::new().sentences(&text).count(), 1);
}

#[test]
fn ten_megabyte_runs_without_spaces() {
    // One giant chunk each: dotted letters (e-mail and abbreviation probes),
    // hyphens, digits and punctuation.
    for (unit, expected) in
        [("a.", None), ("a-", None), ("1,", None), ("!?", Some(1)), ("x@", None)]
    {
        let text = repeat_to(unit, TWO_MB);
        for mode in [Mode::Default, Mode::Treebank] {
            let tokens = Tokenizer::with_mode(mode).tokens(&text).count();
            assert!(tokens >= 1 && tokens <= text.len(), "{unit:?}: {tokens} tokens");
            if let Some(expected) = expected {
                assert_eq!(tokens, expected, "{unit:?}");
            }
        }
        assert!(SentenceSplitter::new().sentences(&text).count() <= text.len());
    }
}

#[test]
fn two_megabytes_of_chinese_without_punctuation() {
    // One Han run: the segmenter cuts it in 64 KiB pieces, each a lattice
    // of its own, so a word may break only where a piece ends.
    let unit = "中国和乌克兰";
    let text = repeat_to(unit, TWO_MB);
    let units = text.len() / unit.len();
    let tokenizer = Tokenizer::builder().lang(Lang::Zh).build();
    let tokens = tokenizer.tokens(&text).count();
    let pieces = text.len().div_ceil(64 * 1024);
    assert!(tokens >= units * 3 && tokens <= units * 3 + pieces, "{tokens} tokens");
    let splitter = SentenceSplitter::builder().lang(Lang::Zh).build();
    assert_eq!(splitter.sentences(&text).count(), 1);
    let text = repeat_to("好……", TWO_MB);
    assert_eq!(splitter.sentences(&text).count(), text.len() / "好……".len());
}

#[test]
fn a_million_newlines() {
    let text = "\n".repeat(1_000_000);
    assert_eq!(Tokenizer::new().tokens(&text).count(), 0);
    assert_eq!(SentenceSplitter::new().sentences(&text).count(), 0);
    // Short capitalized lines are headings: one sentence each.
    let text = "Line\n".repeat(1_000_000);
    assert_eq!(Tokenizer::new().tokens(&text).count(), 1_000_000);
    assert_eq!(SentenceSplitter::new().sentences(&text).count(), 1_000_000);
    // Lowercase continuation lines are wrapped prose: one sentence.
    let text = "a\n".repeat(1_000_000);
    assert_eq!(SentenceSplitter::new().sentences(&text).count(), 1);
}

#[test]
fn many_abbreviations_in_one_sentence() {
    // Each period must be decided from a bounded window, not by rescanning
    // the sentence so far.
    let text = repeat_to("at 5 a.m. Mr. X. ", TWO_MB);
    let sentences = SentenceSplitter::new().sentences(&text).count();
    assert!(sentences >= 1 && sentences <= text.len());
    let tokens = Tokenizer::with_mode(Mode::Treebank).tokens(&text).count();
    assert!(tokens >= text.len() / "at 5 a.m. Mr. X. ".len() * 5);
}
