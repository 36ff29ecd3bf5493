//! Tokenizer and sentence-splitter throughput on the news corpus, with plain
//! `unicode-segmentation` word bounds as the baseline in the same group.
//!
//! `cargo bench -p dateline-benches --bench tokenize`

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use dateline_tokenize::{Mode, SentenceSplitter, Tokenizer};
use unicode_segmentation::UnicodeSegmentation;

fn count_tokens(tokenizer: &Tokenizer, documents: &[String]) -> usize {
    documents.iter().map(|d| tokenizer.tokens(d).count()).sum()
}

fn count_word_bounds(documents: &[String]) -> usize {
    documents.iter().map(|d| d.split_word_bounds().count()).sum()
}

fn count_sentences(splitter: &SentenceSplitter, documents: &[String]) -> usize {
    documents.iter().map(|d| splitter.sentences(d).count()).sum()
}

fn count_tokens_and_sentences(
    tokenizer: &Tokenizer,
    splitter: &SentenceSplitter,
    documents: &[String],
) -> (usize, usize) {
    documents.iter().fold((0, 0), |(t, s), d| {
        (t + tokenizer.tokens(d).count(), s + splitter.sentences(d).count())
    })
}

fn tokenize(c: &mut Criterion) {
    let corpus = dateline_benches::load();
    let documents = &corpus.documents;
    let default = Tokenizer::new();
    let treebank = Tokenizer::with_mode(Mode::Treebank);
    let splitter = SentenceSplitter::new();

    // Check the results once, so that a broken build cannot look fast: the
    // tokenizer must produce about as many tokens as there are non-space
    // UAX #29 word-bound segments, and every document has a sentence.
    let non_space_bounds: usize = documents
        .iter()
        .map(|d| d.split_word_bounds().filter(|w| !w.trim().is_empty()).count())
        .sum();
    let tokens = count_tokens(&default, documents);
    let treebank_tokens = count_tokens(&treebank, documents);
    let (_, sentences) = count_tokens_and_sentences(&default, &splitter, documents);
    assert!(
        tokens * 10 > non_space_bounds * 8 && tokens * 10 < non_space_bounds * 11,
        "{tokens} tokens vs {non_space_bounds} word bounds"
    );
    assert!(treebank_tokens >= tokens, "{treebank_tokens} treebank vs {tokens} default tokens");
    assert!(sentences >= documents.len(), "{sentences} sentences in {} documents", documents.len());
    eprintln!(
        "{}: {tokens} tokens (treebank {treebank_tokens}), {sentences} sentences, \
         {non_space_bounds} non-space word bounds",
        corpus.name
    );

    let mut group = c.benchmark_group("tokenize");
    group.throughput(Throughput::Bytes(corpus.total_bytes()));
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("default/dateline", &corpus.name), |b| {
        b.iter(|| count_tokens(black_box(&default), black_box(documents)))
    });
    group.bench_function(BenchmarkId::new("treebank/dateline", &corpus.name), |b| {
        b.iter(|| count_tokens(black_box(&treebank), black_box(documents)))
    });
    group.bench_function(BenchmarkId::new("unicode-segmentation-word-bounds", &corpus.name), |b| {
        b.iter(|| count_word_bounds(black_box(documents)))
    });
    group.bench_function(BenchmarkId::new("sentences/dateline", &corpus.name), |b| {
        b.iter(|| count_sentences(black_box(&splitter), black_box(documents)))
    });
    group.bench_function(BenchmarkId::new("tokens+sentences", &corpus.name), |b| {
        b.iter(|| count_tokens_and_sentences(&default, black_box(&splitter), black_box(documents)))
    });
    group.finish();
}

criterion_group!(benches, tokenize);
criterion_main!(benches);
