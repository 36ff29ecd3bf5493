//! The bodies of dateline's fuzz targets, with the invariants they assert.
//!
//! Each function takes the fuzzer's raw bytes. The `fuzz_targets/*.rs`
//! binaries call them under libFuzzer; the `dateline-tests` crate includes
//! this file (`#[path]`) and replays every input in `fuzz/regressions/`
//! through the same functions, so a minimized crash stays a normal test.
//!
//! Only the `dateline` facade is used, so the file compiles in both crates.

use std::sync::OnceLock;

use dateline::matching::{CasePolicy, MatchKind, Matcher, Pattern};
use dateline::{
    Date, DateExtractor, Direction, Entry, Gazetteer, Lang, Mode, Nested, Pipeline,
    SentenceSplitter, Source, Span, Token, Tokenizer,
};

/// Asserts that `spans` are non-empty, within `text`, on char boundaries and
/// sorted by start; unless `overlapping`, also that none overlaps the next.
pub fn check_spans(text: &str, spans: &[Span], what: &str, overlapping: bool) {
    for (i, span) in spans.iter().enumerate() {
        assert!(span.start < span.end, "{what}: empty or reversed span {span:?}");
        assert!(span.end <= text.len(), "{what}: span {span:?} past the end ({})", text.len());
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{what}: span {span:?} not on char boundaries"
        );
        if let Some(next) = spans.get(i + 1) {
            assert!(span.start <= next.start, "{what}: spans out of order: {span:?}, {next:?}");
            assert!(
                overlapping || span.end <= next.start,
                "{what}: spans overlap: {span:?}, {next:?}"
            );
        }
    }
}

/// Fuzz target `tokenize`: both tokenizer modes and the sentence splitter,
/// in the language the first byte picks (see [`lang`]); the rest is the text.
///
/// Tokens are sorted, disjoint, on char boundaries, and every
/// non-whitespace char lies in exactly one token (the gaps between tokens
/// are whitespace only); the lazy iterator agrees with `tokenize`. Sentences
/// are sorted, disjoint, on char boundaries and trimmed.
pub fn tokenize(data: &[u8]) {
    let mut data = data;
    let lang = lang(take_u8(&mut data));
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    for mode in [Mode::Default, Mode::Treebank] {
        let tokenizer = Tokenizer::builder().mode(mode).lang(lang).build();
        let tokens = tokenizer.tokenize(text);
        let lazy: Vec<Token> = tokenizer.tokens(text).collect();
        assert_eq!(tokens, lazy, "{mode}: tokens() and tokenize() disagree");
        let spans: Vec<Span> = tokens.iter().map(Token::span).collect();
        check_spans(text, &spans, mode.as_str(), false);
        let mut at = 0;
        for span in spans.iter().copied().chain([Span::new(text.len(), text.len())]) {
            let gap = &text[at..span.start];
            assert!(
                gap.chars().all(char::is_whitespace),
                "{mode}: non-whitespace {gap:?} at {at}..{} is in no token",
                span.start
            );
            at = span.end;
        }
    }
    let sentences = SentenceSplitter::builder().lang(lang).build().split(text);
    check_spans(text, &sentences, "sentences", false);
    for &span in &sentences {
        let sentence = &text[span];
        assert_eq!(sentence, sentence.trim(), "sentence {span:?} is not trimmed");
    }
}

/// The language a byte of the input picks: `Lang::ALL[byte % 7]`, so 0
/// (and an input used up) is English.
fn lang(byte: u8) -> Lang {
    Lang::ALL[usize::from(byte) % Lang::ALL.len()]
}

/// Reads the next byte, or 0 when the input is used up.
fn take_u8(data: &mut &[u8]) -> u8 {
    match data.split_first() {
        Some((&b, rest)) => {
            *data = rest;
            b
        }
        None => 0,
    }
}

fn take_u16(data: &mut &[u8]) -> u16 {
    u16::from_le_bytes([take_u8(data), take_u8(data)])
}

/// The char boundary at or after `at` (clamped to the end).
fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

fn case_policy(code: u8) -> CasePolicy {
    match code % 3 {
        0 => CasePolicy::Insensitive,
        1 => CasePolicy::Sensitive,
        _ => CasePolicy::Auto,
    }
}

/// Fuzz target `match`: normalization plus matching with patterns cut
/// from the input text itself, so that matches actually happen.
///
/// Layout: a flags byte (accent folding, match kind, default case policy),
/// a pattern count, four bytes per pattern (start u16, length in chars,
/// policy and case mangling), then the text.
///
/// Asserts: building fails only for patterns that normalize to nothing;
/// matches are on char boundaries, sorted (and disjoint for
/// leftmost-longest; ordered by start, end, pattern for all-matches); the
/// matched text folds to the pattern's folded text; searching a text
/// normalized once gives the same matches; a saved and reloaded matcher
/// gives the same matches.
pub fn matching(data: &[u8]) {
    let mut data = data;
    let flags = take_u8(&mut data);
    let count = usize::from(take_u8(&mut data) % 8) + 1;
    let mut recipes = Vec::with_capacity(count);
    for _ in 0..count {
        let start = take_u16(&mut data);
        let len = take_u8(&mut data);
        let policy = take_u8(&mut data);
        recipes.push((usize::from(start), usize::from(len % 16) + 1, policy));
    }
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let patterns: Vec<Pattern> = recipes
        .iter()
        .map(|&(start, len, policy)| {
            let start = ceil_boundary(text, start % (text.len() + 1));
            let end = text[start..].char_indices().nth(len).map_or(text.len(), |(i, _)| start + i);
            let mut piece = text[start..end].to_owned();
            if piece.is_empty() {
                piece.push('a');
            }
            if policy & 0x10 != 0 {
                piece = piece.to_uppercase();
            }
            if policy & 0x20 != 0 {
                piece = piece.to_lowercase();
            }
            match policy & 0x0f {
                0..=3 => Pattern::with_default_policy(piece),
                p => Pattern::new(piece, case_policy(p)),
            }
        })
        .collect();

    let kind = if flags & 2 != 0 { MatchKind::All } else { MatchKind::LeftmostLongest };
    let matcher = match Matcher::builder()
        .accent_folding(flags & 1 != 0)
        .match_kind(kind)
        .case_policy(case_policy(flags >> 2))
        .build(&patterns)
    {
        Ok(matcher) => matcher,
        Err(err) => {
            assert!(err.is_empty_pattern(), "unexpected build error: {err}");
            return;
        }
    };
    let normalizer = matcher.normalizer();
    let found = matcher.find_all(text);
    let spans: Vec<Span> = found.iter().map(|m| m.span()).collect();
    match kind {
        MatchKind::All => {
            check_spans(text, &spans, "all matches", true);
            for pair in found.windows(2) {
                let key = |m: &dateline::matching::Match| (m.start(), m.end(), m.pattern());
                assert!(key(&pair[0]) < key(&pair[1]), "all matches out of order: {pair:?}");
            }
        }
        _ => check_spans(text, &spans, "leftmost-longest matches", false),
    }
    for m in &found {
        let pattern = &patterns[m.pattern().as_usize()];
        let got = normalizer.fold(&text[m.span()]);
        let want = normalizer.fold(pattern.text());
        assert_eq!(
            got.trim(),
            want.trim(),
            "match {:?} ({:?}) does not fold like pattern {:?}",
            m.span(),
            &text[m.span()],
            pattern.text()
        );
    }
    let normalized = normalizer.normalize(text);
    assert_eq!(matcher.find_all_normalized(&normalized), found, "normalized search disagrees");
    // One scan prepared for several matchers: this one, one over its first
    // pattern, and one with the other accent folding (left out, so it
    // normalizes on its own). Each must find what it finds alone.
    let others: Vec<Matcher> = [flags & 1 != 0, flags & 1 == 0]
        .into_iter()
        .filter_map(|accents| {
            Matcher::builder().accent_folding(accents).match_kind(kind).build(&patterns[..1]).ok()
        })
        .collect();
    let mut prepared = normalizer.normalize(text);
    let all: Vec<&Matcher> = std::iter::once(&matcher).chain(&others).collect();
    prepared.prepare_for(&all);
    assert_eq!(matcher.find_all_normalized(&prepared), found, "prepared search disagrees");
    for other in &others {
        assert_eq!(
            other.find_all_normalized(&prepared),
            other.find_all(text),
            "prepared search of a second matcher disagrees"
        );
    }
    let reloaded = Matcher::read_from(&matcher.to_bytes()).expect("a saved matcher reloads");
    assert_eq!(reloaded.find_all(text), found, "reloaded matcher disagrees");
}

/// FNV-1a, as the gazetteer file's checksum.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The matcher file's checksum: FNV-1a over 8-byte words, the tail bytewise.
fn matcher_hash(bytes: &[u8]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01B3;
    let mut state: u64 = 0xCBF2_9CE4_8422_2325;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        state = (state ^ word).wrapping_mul(PRIME).rotate_left(29);
    }
    let tail = words.remainder();
    for &b in tail {
        state = (state ^ u64::from(b)).wrapping_mul(PRIME);
    }
    state ^ tail.len() as u64
}

/// Recomputes a saved matcher's trailing checksum in place.
fn reseal_matcher(bytes: &mut [u8]) {
    if let Some(body) = bytes.len().checked_sub(8) {
        let hash = matcher_hash(&bytes[..body]);
        bytes[body..].copy_from_slice(&hash.to_le_bytes());
    }
}

/// Recomputes both checksums of a saved gazetteer in place: the
/// gazetteer's (just before the matcher length) and its first matcher's
/// (the gazetteer's own search; stored views of other languages follow).
fn reseal_gazetteer(bytes: &mut [u8]) {
    let Some(at) = bytes.windows(8).position(|w| w == b"DLMATCH\0") else { return };
    if at < 36 {
        return;
    }
    let sum = at - 16;
    let hash = fnv1a(&bytes[..sum]);
    bytes[sum..sum + 8].copy_from_slice(&hash.to_le_bytes());
    let len = u64::from_le_bytes(bytes[at - 8..at].try_into().expect("8 bytes"));
    let end =
        usize::try_from(len).map_or(bytes.len(), |len| at.saturating_add(len)).min(bytes.len());
    reseal_matcher(&mut bytes[at..end]);
}

/// Applies mutations from `ops` (4 bytes each: position u16, operation,
/// value) to `bytes`: XOR a byte, or overwrite a little-endian u32.
fn mutate(bytes: &mut [u8], mut ops: &[u8]) {
    if bytes.is_empty() {
        return;
    }
    while ops.len() >= 4 {
        let at = usize::from(u16::from_le_bytes([ops[0], ops[1]])) % bytes.len();
        let (op, value) = (ops[2], ops[3]);
        if op & 1 == 0 {
            bytes[at] ^= value.max(1);
        } else {
            let word = u32::from(value).wrapping_sub(u32::from(op >> 1 & 1)).to_le_bytes();
            let end = (at + 4).min(bytes.len());
            bytes[at..end].copy_from_slice(&word[..end - at]);
        }
        ops = &ops[4..];
    }
}

fn sample_entries() -> Vec<Entry> {
    vec![
        Entry::new("New York", "GPE", "NYC").with_prior(8.3e6).with_alias("NYC"),
        Entry::new("York", "GPE", "YRK").with_prior(2.0e5),
        Entry::new("São Paulo", "GPE", "SP").with_case(CasePolicy::Auto),
        Entry::new("Georgia", "GPE", "GE").with_prior(3.7e6),
        Entry::new("Georgia", "GPE", "US-GA").with_prior(1.1e7),
        Entry::new("US", "GPE", "US").with_case(CasePolicy::Sensitive),
        Entry::new("us", "PRON", "us"),
        Entry::new("UN", "ORG", "UN").with_case(CasePolicy::Auto),
        Entry::new("Wang Yi", "PERSON", "wang-yi"),
        Entry::new("Reading", "GPE", "RDG").with_case(CasePolicy::Sensitive),
        Entry::new("Київ", "GPE", "KYIV").with_aliases(["Kyiv", "Kiev"]),
    ]
}

const SAMPLE_TEXT: &str = "Wang Yi flew from New York via São Paulo and SAO PAULO to Georgia; \
    the UN told us the US and Reading, not reading, met in Київ (Kyiv’s mayor). NYC.";

/// The saved bytes of the sample gazetteer, leftmost-longest and all-matches.
fn sample_gazetteers() -> &'static [Vec<u8>; 2] {
    static SAVED: OnceLock<[Vec<u8>; 2]> = OnceLock::new();
    SAVED.get_or_init(|| {
        [MatchKind::LeftmostLongest, MatchKind::All].map(|kind| {
            let gazetteer = Gazetteer::builder()
                .match_kind(kind)
                .entries(sample_entries())
                .build()
                .expect("the sample gazetteer builds");
            gazetteer.to_bytes().expect("the sample gazetteer saves")
        })
    })
}

/// Entity spans, labels and ids, for comparing two gazetteers.
fn entities(gazetteer: &Gazetteer, text: &str) -> Vec<(Span, String, String)> {
    let found = gazetteer.find(text);
    let spans: Vec<Span> = found.iter().map(|m| m.span()).collect();
    check_spans(text, &spans, "entities", gazetteer.match_kind() == MatchKind::All);
    for m in &found {
        assert!(m.candidates().len() > 0, "entity {:?} without candidates", m.span());
    }
    found.iter().map(|m| (m.span(), m.label().to_owned(), m.id().to_owned())).collect()
}

/// Searches with a gazetteer that loaded, and checks it survives a save and
/// reload unchanged.
fn exercise(gazetteer: &Gazetteer, text: &str) {
    let found = entities(gazetteer, text);
    let sample = entities(gazetteer, SAMPLE_TEXT);
    let bytes = gazetteer.to_bytes().expect("a loaded gazetteer saves");
    let reloaded = Gazetteer::from_bytes(&bytes).expect("a saved gazetteer reloads");
    assert_eq!(entities(&reloaded, text), found, "reloaded gazetteer disagrees");
    assert_eq!(entities(&reloaded, SAMPLE_TEXT), sample, "reloaded gazetteer disagrees");
}

/// Fuzz target `gazetteer_load`: every loader on arbitrary bytes.
///
/// The first byte picks the loader: TSV, JSON Lines, `Gazetteer::from_bytes`,
/// `Matcher::read_from`, or one of the last two on a valid saved file
/// mutated by the input and resealed with correct checksums (so that the
/// structural checks behind the checksum are reached). Loading may fail
/// with an error, never panic; whatever loads must search without panicking
/// and give spans on char boundaries.
pub fn gazetteer_load(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else { return };
    match mode % 6 {
        0 | 1 => {
            let mut builder = Gazetteer::builder();
            let loaded = if mode % 6 == 0 {
                builder.add_tsv_reader(rest).map(|_| ())
            } else {
                builder.add_jsonl_reader(rest).map(|_| ())
            };
            match loaded.and_then(|()| builder.build()) {
                Ok(gazetteer) => exercise(&gazetteer, &String::from_utf8_lossy(rest)),
                Err(err) => drop(err.to_string()),
            }
        }
        2 => match Gazetteer::from_bytes(rest) {
            Ok(gazetteer) => exercise(&gazetteer, &String::from_utf8_lossy(rest)),
            Err(err) => drop(err.to_string()),
        },
        3 => match Matcher::read_from(rest) {
            Ok(matcher) => drop(matcher.find_all(&String::from_utf8_lossy(rest))),
            Err(err) => drop(err.to_string()),
        },
        4 => {
            let Some((&which, ops)) = rest.split_first() else { return };
            let mut bytes = sample_gazetteers()[usize::from(which & 1)].clone();
            mutate(&mut bytes, ops);
            reseal_gazetteer(&mut bytes);
            match Gazetteer::from_bytes(&bytes) {
                Ok(gazetteer) => {
                    drop(entities(&gazetteer, SAMPLE_TEXT));
                    drop(entities(&gazetteer, &String::from_utf8_lossy(ops)));
                }
                Err(err) => drop(err.to_string()),
            }
        }
        _ => {
            let Some((&which, ops)) = rest.split_first() else { return };
            let saved = &sample_gazetteers()[usize::from(which & 1)];
            let at = saved.windows(8).rposition(|w| w == b"DLMATCH\0").expect("a matcher");
            let mut bytes = saved[at..].to_vec();
            mutate(&mut bytes, ops);
            reseal_matcher(&mut bytes);
            match Matcher::read_from(&bytes) {
                Ok(matcher) => {
                    for text in [SAMPLE_TEXT, &String::from_utf8_lossy(ops)] {
                        let spans: Vec<Span> =
                            matcher.find_all(text).iter().map(|m| m.span()).collect();
                        check_spans(text, &spans, "reloaded matcher", true);
                    }
                }
                Err(err) => drop(err.to_string()),
            }
        }
    }
}

/// The date extractor of one (direction, day-first, language) setting,
/// each built the first time it is asked for.
fn extractor(direction: u8, day_first: bool, lang: Lang) -> &'static DateExtractor {
    const DIRECTIONS: [Direction; 4] =
        [Direction::Context, Direction::Past, Direction::Future, Direction::Nearest];
    const SETTINGS: usize = DIRECTIONS.len() * 2 * Lang::ALL.len();
    static EXTRACTORS: [OnceLock<DateExtractor>; SETTINGS] = [const { OnceLock::new() }; SETTINGS];
    let direction = usize::from(direction) % DIRECTIONS.len();
    let at = Lang::ALL.iter().position(|&l| l == lang).expect("a language of Lang::ALL");
    let setting = (at * DIRECTIONS.len() + direction) * 2 + usize::from(day_first);
    EXTRACTORS[setting].get_or_init(|| {
        DateExtractor::builder()
            .direction(DIRECTIONS[direction])
            .day_first(day_first)
            .lang(lang)
            .build()
            .expect("valid settings")
    })
}

/// The pipeline of a language that the `dates` target also runs, each
/// built the first time it is asked for, with the nested-name policy
/// `policy` picks (drop, keep, flag).
fn pipeline(lang: Lang, policy: u8) -> (&'static Pipeline, Nested) {
    const POLICIES: [Nested; 3] = [Nested::Drop, Nested::Keep, Nested::Flag];
    const SETTINGS: usize = POLICIES.len() * Lang::ALL.len();
    static PIPELINES: [OnceLock<Pipeline>; SETTINGS] = [const { OnceLock::new() }; SETTINGS];
    let at = Lang::ALL.iter().position(|&l| l == lang).expect("a language of Lang::ALL");
    let policy = usize::from(policy) % POLICIES.len();
    let nested = POLICIES[policy];
    let pipeline = PIPELINES[at * POLICIES.len() + policy].get_or_init(|| {
        Pipeline::builder().tokens(true).lang(lang).nested(nested).build().expect("valid settings")
    });
    (pipeline, nested)
}

/// Fuzz target `dates`: date extraction with a reference date, direction
/// and day-first setting taken from the input, and (when a flag bit is set)
/// the whole pipeline with its code-point views.
///
/// Layout: year (u16), month, day, flags (bits 0–1 direction, bit 2
/// day-first, bit 3 also run the pipeline, bits 4–5 its nested-name
/// policy), the language (see [`lang`]), then the text.
///
/// Asserts: expressions are on char boundaries, sorted and disjoint, with
/// non-empty values; `text()` is the spanned text. The pipeline's results
/// are sorted and on char boundaries, its entities say where their label
/// comes from (see [`check_document`]), and every view's `start..end` in
/// code points selects the same text as the byte span.
pub fn dates(data: &[u8]) {
    let mut data = data;
    let year = 1 + i32::from(take_u16(&mut data) % 9999);
    let month = 1 + u32::from(take_u8(&mut data) % 12);
    let day = take_u8(&mut data);
    let flags = take_u8(&mut data);
    let lang = lang(take_u8(&mut data));
    let reference = Date::new(year, month, 1 + u32::from(day % 31))
        .or_else(|_| Date::new(year, month, 1 + u32::from(day % 28)))
        .expect("days 1 to 28 exist in every month");
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let found = extractor(flags, flags & 4 != 0, lang).extract(text, reference);
    let spans: Vec<Span> = found.iter().map(|t| t.span()).collect();
    check_spans(text, &spans, "dates", false);
    for t in &found {
        assert!(!t.value().is_empty(), "date {:?} has an empty value", t.span());
        assert_eq!(t.text(text), &text[t.span()]);
    }
    if flags & 8 != 0 {
        let (pipeline, nested) = pipeline(lang, (flags >> 4) & 3);
        check_document(pipeline, nested, text, reference);
    }
}

/// Processes `text` with `pipeline`, built with the `nested` policy, and
/// checks the document and its view.
///
/// An entity a rule found has an empty id and names its rule; a gazetteer
/// entity has its entry's id and no rule unless a rule chose among its
/// candidates (a namesake) or relabelled it. Only [`Nested::Flag`] gives
/// an enclosing span, and it holds the entity's.
pub fn check_document(pipeline: &Pipeline, nested: Nested, text: &str, reference: Date) {
    let document = pipeline.process(text, reference);
    check_spans(text, &document.sentences, "pipeline sentences", false);
    let spans: Vec<Span> = document.entities.iter().map(|e| e.span()).collect();
    check_spans(text, &spans, "pipeline entities", false);
    let spans: Vec<Span> = document.dates.iter().map(|d| d.span()).collect();
    check_spans(text, &spans, "pipeline dates", false);
    for entity in &document.entities {
        let span = entity.span();
        assert!(
            !document.dates.iter().any(|d| d.span().overlaps(span)),
            "entity {span:?} overlaps a date"
        );
        if entity.source() == Source::Rule {
            assert!(entity.id().is_empty(), "rule entity {span:?} has an id");
            assert!(
                entity.rule().is_some_and(|r| !r.is_empty()),
                "rule entity {span:?} names no rule"
            );
        } else {
            assert!(!entity.id().is_empty(), "gazetteer entity {span:?} has no id");
        }
        if let Some(outer) = entity.enclosing() {
            assert_eq!(nested, Nested::Flag, "{span:?} enclosed without flag");
            assert!(
                outer.start <= span.start && span.end <= outer.end && outer.end <= text.len(),
                "enclosing {outer:?} does not hold {span:?}"
            );
            assert!(text.is_char_boundary(outer.start) && text.is_char_boundary(outer.end));
        }
    }
    if let Some(tokens) = &document.tokens {
        let spans: Vec<Span> = tokens.iter().map(Token::span).collect();
        check_spans(text, &spans, "pipeline tokens", false);
    }
    let chars: Vec<char> = text.chars().collect();
    let view = document.view(text);
    let spans = view.sentences.iter().chain(view.entities.iter().map(|e| &e.span));
    let spans = spans.chain(view.dates.iter().map(|d| &d.span));
    let spans = spans.chain(view.tokens.iter().flatten().map(|t| &t.span));
    for span in spans {
        assert!(span.start < span.end && span.end <= chars.len(), "view {span:?} out of range");
        let by_chars: String = chars[span.start..span.end].iter().collect();
        assert_eq!(
            by_chars, span.text,
            "code points {}..{} select other text",
            span.start, span.end
        );
    }
}
