//! Property tests across crates: spans sorted, on char boundaries and in
//! bounds; code-point views that slice back to the same text; the same
//! results for a document processed alone, in a batch or from threads.

use dateline::{CharOffsets, Date, Document, Nested, Span};
use proptest::prelude::*;

use crate::common::{pipeline, reference};
use crate::fuzz_targets;

/// Pieces of news-like text that exercise names, dates, folding and
/// Unicode edge cases (ligatures that fold longer, combining marks, emoji
/// sequences, typographic apostrophes, odd spaces).
const VOCAB: &[&str] = &[
    "China",
    "China’s",
    "CHINA",
    "Kyiv",
    "Київ",
    "Georgia",
    "New York",
    "New\nYork",
    "São Paulo",
    "SAO PAULO",
    "Sa\u{303}o Paulo",
    "US",
    "us",
    "UN",
    "NATO",
    "Wang Yi",
    "Iranian",
    "May",
    "may",
    "March",
    "march",
    "1 September",
    "September 1, 2024",
    "last Tuesday",
    "next week",
    "2024-07-23",
    "3 p.m.",
    "every Monday",
    "since 2012",
    "two days ago",
    "the third quarter",
    "Q3",
    "1/9/2024",
    "23 July",
    "Mr.",
    "U.S.",
    "e.g.",
    "No. 5",
    ".",
    ",",
    "!",
    "?",
    "\"",
    "“",
    "”",
    "(",
    ")",
    "-",
    "—",
    "…",
    "\n\n",
    "e\u{301}",
    "\u{301}",
    "👩‍👩‍👧",
    "🇺🇦",
    "https://example.com/a?b=c",
    "@UN",
    "#Kyiv",
    "3.5%",
    "1,000",
    "İstanbul",
    "ß",
    "ﬁ",
    "ǅ",
    "Σ",
    "ς",
    "\u{200b}",
    "\u{feff}",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(VOCAB).prop_map(str::to_owned),
        3 => prop::sample::select(&[" ", " ", " ", "  ", "\n", "\t", "\u{a0}", "\u{2009}", "\r\n"][..])
            .prop_map(str::to_owned),
        1 => "\\PC{1,6}",
        1 => (0u32..3000).prop_map(|n| n.to_string()),
    ]
}

/// News-like text of up to about 60 pieces.
fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|pieces| pieces.concat())
}

fn any_date() -> impl Strategy<Value = Date> {
    (1i32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| Date::new(y, m, d).expect("valid"))
}

/// The code-point offset of `byte`, counted the slow way.
fn slow_char_offset(text: &str, byte: usize) -> usize {
    text.char_indices().take_while(|&(i, _)| i < byte).count()
}

fn all_spans(document: &Document) -> Vec<Span> {
    let mut spans = document.sentences.clone();
    spans.extend(document.entities.iter().map(|e| e.span()));
    spans.extend(document.dates.iter().map(|d| d.span()));
    spans.extend(document.tokens.iter().flatten().map(|t| t.span()));
    spans
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Tokens cover every non-whitespace char exactly once, in order, in
    /// both modes; sentences are sorted, disjoint and trimmed.
    #[test]
    fn tokens_and_sentences(text in news_text()) {
        fuzz_targets::tokenize(text.as_bytes());
    }

    /// Pipeline results are sorted, on char boundaries, within bounds, and
    /// entities never overlap dates; each view's code-point range selects
    /// the text of its byte span.
    #[test]
    fn document_spans_and_views(text in news_text(), reference in any_date()) {
        fuzz_targets::check_document(pipeline(), Nested::Drop, &text, reference);
    }

    /// `CharOffsets` agrees with counting chars for every result boundary,
    /// whatever order the offsets are asked in.
    #[test]
    fn char_offsets_agree_with_counting(text in news_text(), reverse in any::<bool>()) {
        let document = pipeline().process(&text, reference());
        let mut bytes: Vec<usize> =
            all_spans(&document).iter().flat_map(|s| [s.start, s.end]).collect();
        if reverse {
            bytes.reverse();
        }
        let mut offsets = CharOffsets::new(&text);
        for byte in bytes {
            prop_assert_eq!(offsets.char_offset(byte), slow_char_offset(&text, byte));
        }
    }

    /// Matching with patterns cut from the text: matches on boundaries,
    /// sorted, folding like their pattern; normalized and reloaded
    /// matchers agree.
    #[test]
    fn matches(header in prop::collection::vec(any::<u8>(), 0..34), text in news_text()) {
        let mut data = header;
        data.extend_from_slice(text.as_bytes());
        fuzz_targets::matching(&data);
    }

    /// Date expressions under every direction and day-first setting and
    /// any reference date: sorted, disjoint, on boundaries, with values.
    #[test]
    fn dates(header in prop::array::uniform5(any::<u8>()), text in news_text()) {
        let mut data = header.to_vec();
        data[4] &= !8; // the pipeline half is covered above
        data.extend_from_slice(text.as_bytes());
        fuzz_targets::dates(&data);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// A document gets the same results processed alone, in a batch (rayon,
    /// in groups that run stage by stage) and from several threads at once.
    #[test]
    fn alone_batch_and_threads_agree(
        documents in prop::collection::vec((news_text(), any_date()), 1..16),
    ) {
        let pipeline = pipeline();
        let alone: Vec<Document> =
            documents.iter().map(|(text, date)| pipeline.process(text, *date)).collect();
        let batch = pipeline.process_batch(&documents);
        prop_assert_eq!(&batch, &alone);
        let threads: Vec<Document> = std::thread::scope(|scope| {
            let handles: Vec<_> = documents
                .iter()
                .map(|(text, date)| scope.spawn(move || pipeline.process(text, *date)))
                .collect();
            handles.into_iter().map(|h| h.join().expect("no panic")).collect()
        });
        prop_assert_eq!(&threads, &alone);
    }
}

/// Documents survive a serde round trip, labels and all: entity labels are
/// borrowed for the common ones and owned for others, which must not show.
#[test]
fn documents_round_trip_through_json() {
    let gazetteer = dateline::Gazetteer::builder()
        .embedded()
        .entries([dateline::Entry::new("Wang Yi", "PERSON_OF_NOTE", "wang-yi")])
        .build()
        .expect("a valid gazetteer");
    let pipeline =
        dateline::Pipeline::builder().gazetteer(gazetteer).build().expect("valid settings");
    for (text, date) in crate::common::seed_documents() {
        let document = pipeline.process(text, date);
        let json = serde_json::to_string(&document).expect("documents serialize");
        let back: Document = serde_json::from_str(&json).expect("and deserialize");
        assert_eq!(back, document);
    }
    let document = pipeline.process("Wang Yi met officials in China.", reference());
    let labels: Vec<&str> = document.entities.iter().map(|e| e.label()).collect();
    assert_eq!(labels, ["PERSON_OF_NOTE", "GPE"]);
}
