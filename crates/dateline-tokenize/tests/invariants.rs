//! Property-based invariants of the tokenizer and the sentence splitter.

use dateline_tokenize::{CharOffsets, Lang, Mode, SentenceSplitter, Token, Tokenizer};
use proptest::prelude::*;

/// Text drawn from pieces that exercise every rule: news words,
/// abbreviations, clitics, URLs, numbers, emoji, marks, CJK, RTL, spaces.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S.".to_owned()),
        Just("Mr.".to_owned()),
        Just("don't".to_owned()),
        Just("China’s".to_owned()),
        Just("https://x.org/a(b)".to_owned()),
        Just("a@b.com".to_owned()),
        Just("@x".to_owned()),
        Just("#t".to_owned()),
        Just("3.5%".to_owned()),
        Just("1,000".to_owned()),
        Just("2024-07-23".to_owned()),
        Just("...".to_owned()),
        Just(". . .".to_owned()),
        Just("👩‍👩‍👧".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("北京".to_owned()),
        Just("שלום".to_owned()),
        Just("1.)".to_owned()),
        Just("•".to_owned()),
        Just("04/26/2001 07:17 AM".to_owned()),
        // German, French and Spanish rules.
        Just("am 23. Juli".to_owned()),
        Just("zum".to_owned()),
        Just("Im".to_owned()),
        Just("z. B.".to_owned()),
        Just("5,2".to_owned()),
        Just("l'Ukraine".to_owned()),
        Just("qu’il".to_owned()),
        Just("aujourd'hui".to_owned()),
        Just("des".to_owned()),
        Just(" ; Le".to_owned()),
        Just("pièce. »".to_owned()),
        Just("¿Qué?".to_owned()),
        Just("¡Sí!".to_owned()),
        Just("del".to_owned()),
        Just("quedarse".to_owned()),
        Just("EE. UU.".to_owned()),
        Just("julio. - El".to_owned()),
        "[ \n\t.,!?'\"()\\-]{1,3}",
        "[a-zA-Z0-9]{1,6}",
        "\\PC{1,4}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

/// Any supported language.
fn lang() -> impl Strategy<Value = Lang> {
    prop::sample::select(Lang::ALL.to_vec())
}

fn tokenizer(lang: Lang, treebank: bool) -> Tokenizer {
    let mode = if treebank { Mode::Treebank } else { Mode::Default };
    Tokenizer::builder().mode(mode).lang(lang).build()
}

fn splitter(lang: Lang) -> SentenceSplitter {
    SentenceSplitter::builder().lang(lang).build()
}

fn check_tokens(text: &str, tokens: &[Token]) -> Result<(), TestCaseError> {
    let mut at = 0;
    let mut rebuilt = String::new();
    for token in tokens {
        prop_assert!(token.start() >= at, "overlap or disorder at {:?}", token);
        prop_assert!(token.start() < token.end(), "empty token {:?}", token);
        prop_assert!(text.is_char_boundary(token.start()) && text.is_char_boundary(token.end()));
        let gap = &text[at..token.start()];
        prop_assert!(gap.chars().all(char::is_whitespace), "non-space gap {:?}", gap);
        prop_assert!(!text[token.span()].chars().any(char::is_whitespace), "space in token");
        rebuilt.push_str(gap);
        rebuilt.push_str(&text[token.span()]);
        at = token.end();
    }
    let tail = &text[at..];
    prop_assert!(tail.chars().all(char::is_whitespace), "non-space tail {:?}", tail);
    rebuilt.push_str(tail);
    prop_assert_eq!(rebuilt, text);
    Ok(())
}

/// Inputs on which a token once straddled a sentence boundary (found by a
/// random-input stress run).
#[test]
fn regression_sentences_hold_whole_tokens() {
    let cases = [
        "北%9www.。!$\"•1.)!\r7x@y.co=",
        "(1,000\t$ア。\u{20e3}?&⁃/⁃ʼ\u{20e3}*n't🇺(,3.57",
        "Mr.ก9,…\u{fe0f}7北's“:1,000@🇺‐-‐م*。”\u{200d}\u{fe0f}7(1.) ",
        ".م @_).\u{200d}\"a.=。'\u{301}www.مU.S.;ア_😀\"1.)71.)”",
        "\u{200d} U.S.‐www.Zhttp://-\u{301}x@y.coa.U.S.\u{fe0f}\u{301}\u{200d}1,000\u{20e3}:7",
        "é\u{20e3}。\u{301}'s.a0’1,0007&\u{200d}-”%“9ア3.5",
        "。''s’וa.:,?",
        "🇺_Z’%’⁃n'ta.Zn't?&www.1,000&\rU.S.!é",
        "3.5\u{fe0f}n'ta.Zn't😀!ʼa:a.1,000•'•@,@\n-7'\u{301}http://\"\r“\"ア;",
        "😀‐@@’ก。\u{20e3}⁃。''\u{20e3}😀\u{301}_•Mr.a.‐",
    ];
    for text in cases {
        for (lang, treebank) in Lang::ALL.into_iter().flat_map(|l| [(l, false), (l, true)]) {
            let tokens = tokenizer(lang, treebank).tokenize(text);
            for sentence in splitter(lang).sentences(text) {
                for token in &tokens {
                    assert!(
                        sentence.contains(token.span()) || !sentence.overlaps(token.span()),
                        "{text:?} ({lang}): token {:?} straddles {:?}",
                        &text[token.span()],
                        &text[sentence.range()]
                    );
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Tokens plus the whitespace gaps between them rebuild the input;
    /// every non-whitespace char is in exactly one token; spans are sorted,
    /// non-overlapping and on char boundaries.
    #[test]
    fn tokens_cover_the_text(text in texty(), treebank in any::<bool>(), lang in lang()) {
        let tokens = tokenizer(lang, treebank).tokenize(&text);
        check_tokens(&text, &tokens)?;
        // Only treebank mode emits multi-word tokens, and they are words.
        for token in &tokens {
            if !token.words().is_empty() {
                prop_assert!(treebank && token.words().len() >= 2, "{:?}", token);
                prop_assert_eq!(token.kind(), dateline_tokenize::TokenKind::Word);
            }
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(
        text in "\\PC{0,64}",
        treebank in any::<bool>(),
        lang in lang(),
    ) {
        let tokens = tokenizer(lang, treebank).tokenize(&text);
        check_tokens(&text, &tokens)?;
        let _ = splitter(lang).split(&text);
    }

    #[test]
    fn any_unicode_never_panics(text in any::<String>(), lang in lang()) {
        let tokens = tokenizer(lang, false).tokenize(&text);
        check_tokens(&text, &tokens)?;
        let _ = splitter(lang).split(&text);
    }

    /// Sentences are sorted, disjoint, trimmed, on char boundaries, and
    /// cover every non-whitespace char.
    #[test]
    fn sentences_partition_the_text(text in texty(), lang in lang()) {
        let spans = splitter(lang).split(&text);
        let mut at = 0;
        for span in &spans {
            prop_assert!(span.start >= at && span.start < span.end, "bad span {:?}", span);
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            let sentence = &text[span.range()];
            prop_assert_eq!(sentence.trim(), sentence);
            prop_assert!(text[at..span.start].chars().all(char::is_whitespace));
            at = span.end;
        }
        prop_assert!(text[at..].chars().all(char::is_whitespace));
    }

    /// No token straddles a sentence boundary, so a document's sentences
    /// hold whole tokens.
    #[test]
    fn sentences_hold_whole_tokens(text in texty(), treebank in any::<bool>(), lang in lang()) {
        let tokens = tokenizer(lang, treebank).tokenize(&text);
        for sentence in splitter(lang).sentences(&text) {
            for token in &tokens {
                let inside = sentence.contains(token.span());
                let outside = !sentence.overlaps(token.span());
                prop_assert!(
                    inside || outside,
                    "token {:?} straddles sentence {:?}",
                    &text[token.span()],
                    &text[sentence.range()]
                );
            }
        }
    }

    /// Code-point offsets of token spans agree with a slow reference.
    #[test]
    fn char_offsets_of_tokens(text in texty()) {
        let mut offsets = CharOffsets::new(&text);
        for token in Tokenizer::new().tokens(&text) {
            let (start, end) = offsets.span(token.span());
            prop_assert_eq!(start, text[..token.start()].chars().count());
            prop_assert_eq!(end, text[..token.end()].chars().count());
        }
    }
}
