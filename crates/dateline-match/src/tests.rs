//! Table-driven search tests, run across every configuration, plus the
//! cross-cutting invariants (parity with aho-corasick, proptest, Unicode
//! edge cases, pathological input).

use crate::{BuildError, CasePolicy, Match, MatchKind, Matcher, Pattern, PatternId, Span};

/// One configuration a table runs under.
#[derive(Clone, Copy, Debug)]
struct Config {
    policy: CasePolicy,
    accents: bool,
    kind: MatchKind,
}

const POLICIES: [CasePolicy; 3] =
    [CasePolicy::Insensitive, CasePolicy::Sensitive, CasePolicy::Auto];
const KINDS: [MatchKind; 2] = [MatchKind::LeftmostLongest, MatchKind::All];

/// Every combination of case policy × accent folding × match kind.
fn all_configs() -> impl Iterator<Item = Config> {
    POLICIES.into_iter().flat_map(|policy| {
        [false, true].into_iter().flat_map(move |accents| {
            KINDS.into_iter().map(move |kind| Config { policy, accents, kind })
        })
    })
}

impl Config {
    fn build(&self, patterns: &[&str]) -> Matcher {
        Matcher::builder()
            .case_policy(self.policy)
            .accent_folding(self.accents)
            .match_kind(self.kind)
            .build(patterns.iter().copied())
            .unwrap_or_else(|e| panic!("{self:?}: {e}"))
    }
}

/// Which configurations a case applies to.
#[derive(Clone, Copy)]
enum When {
    Always,
    /// Case-insensitive policies only (the text's case differs from the
    /// pattern's, in a way `Auto` accepts when `auto` is set).
    Insensitive {
        auto: bool,
    },
    /// Only with accent folding.
    Accents,
    /// Only without accent folding.
    NoAccents,
    /// Only leftmost-longest.
    Leftmost,
    /// Only all-matches.
    AllMatches,
}

impl When {
    fn applies(self, c: &Config) -> bool {
        match self {
            When::Always => true,
            When::Insensitive { auto } => {
                c.policy == CasePolicy::Insensitive || (auto && c.policy == CasePolicy::Auto)
            }
            When::Accents => c.accents,
            When::NoAccents => !c.accents,
            When::Leftmost => c.kind == MatchKind::LeftmostLongest,
            When::AllMatches => c.kind == MatchKind::All,
        }
    }
}

/// Expected matches are written into the text in brackets,
/// "Iranian [Iran]"; nested brackets mark overlapping matches. Returns the
/// plain text and the spans ordered by (start, end).
fn unmark(marked: &str) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut open = Vec::new();
    let mut spans = Vec::new();
    for c in marked.chars() {
        match c {
            '[' => open.push(text.len()),
            ']' => spans.push(Span::new(open.pop().expect("balanced brackets"), text.len())),
            _ => text.push(c),
        }
    }
    spans.sort();
    (text, spans)
}

struct Case {
    name: &'static str,
    patterns: &'static [&'static str],
    /// The text with the expected matches in brackets (see [`unmark`]).
    text: &'static str,
    /// The pattern index of each expected match, in (start, end) order.
    want: &'static [usize],
    when: &'static [When],
}

const CASES: &[Case] = &[
    Case {
        name: "word_boundaries",
        patterns: &["Iran"],
        text: "Iranian Irani Tehran [Iran]",
        want: &[0],
        when: &[When::Always],
    },
    Case {
        name: "punctuation_is_a_boundary",
        patterns: &["China"],
        text: "[China]'s [China]’s ([China]) [China]-Russia [China].",
        want: &[0, 0, 0, 0, 0],
        when: &[When::Always],
    },
    Case {
        name: "all_caps_text",
        patterns: &["China"],
        text: "[CHINA]",
        want: &[0],
        when: &[When::Insensitive { auto: true }],
    },
    Case {
        name: "lowercase_text_for_capitalized_pattern",
        patterns: &["China"],
        text: "fine [china]",
        want: &[0],
        when: &[When::Insensitive { auto: false }],
    },
    Case {
        name: "invalid_longer_does_not_hide_shorter",
        patterns: &["New York", "New York Cit", "New Yorker"],
        text: "[New York] City, New Yorkers', [New York]-based [New Yorker]’s",
        want: &[0, 0, 2],
        when: &[When::Leftmost],
    },
    Case {
        // The issue's example: in "New Yorkers'" both candidates end inside
        // the word "Yorkers", so neither is a match.
        name: "no_match_inside_a_longer_word",
        patterns: &["New York", "New Yorker"],
        text: "New Yorkers' views",
        want: &[],
        when: &[When::Always],
    },
    Case {
        name: "whitespace_runs",
        patterns: &["Central Military Commission", "Wang Yi"],
        text: "[Central Military\nCommission] met [Wang  Yi]",
        want: &[0, 1],
        when: &[When::Always],
    },
    Case {
        name: "longest_wins",
        patterns: &["New York", "New York City", "York"],
        text: "[New York City] and [York]",
        want: &[1, 2],
        when: &[When::Leftmost],
    },
    Case {
        name: "all_matches_overlap",
        patterns: &["New York", "New York City", "York"],
        text: "[[New [York]] City]",
        want: &[0, 1, 2],
        when: &[When::AllMatches],
    },
    Case {
        name: "accent_folding_both_ways",
        patterns: &["Sao Paulo", "Zürich"],
        text: "[São Paulo], [Sa\u{303}o Paulo] and [Zurich]",
        want: &[0, 0, 1],
        when: &[When::Accents],
    },
    Case {
        name: "composed_equals_decomposed",
        patterns: &["São Paulo"],
        text: "[São Paulo] [Sa\u{303}o Paulo] Sao Paulo",
        want: &[0, 0],
        when: &[When::NoAccents],
    },
    Case {
        name: "dotted_capital_i",
        patterns: &["Istanbul"],
        text: "[İstanbul]",
        want: &[0],
        when: &[When::Insensitive { auto: true }],
    },
    Case {
        name: "unicode_case_folding",
        patterns: &["Österreich", "Straße"],
        text: "[ÖSTERREICH] [STRASSE]",
        want: &[0, 1],
        when: &[When::Insensitive { auto: true }],
    },
    Case {
        name: "typographic_apostrophes",
        patterns: &["Côte d'Ivoire"],
        text: "[Côte d’Ivoire] and [Côte dʼIvoire]",
        want: &[0, 0],
        when: &[When::Always],
    },
    Case {
        name: "dashes_fold",
        patterns: &["Guinea-Bissau"],
        text: "[Guinea–Bissau] [Guinea—Bissau] [Guinea\u{2011}Bissau]",
        want: &[0, 0, 0],
        when: &[When::Always],
    },
    Case {
        name: "no_break_space",
        patterns: &["Hong Kong"],
        text: "[Hong\u{a0}Kong] [Hong\u{202f}\u{a0}Kong]",
        want: &[0, 0],
        when: &[When::Always],
    },
    Case {
        name: "cjk_and_emoji",
        patterns: &["北京", "Kyiv"],
        text: "我在[北京]工作 👩‍👩‍👧[Kyiv]🇺🇦",
        want: &[0, 1],
        when: &[When::Always],
    },
    Case {
        name: "combining_mark_extends_the_word",
        patterns: &["Sa"],
        text: "Sa\u{303}o [Sa]",
        want: &[0],
        when: &[When::Always],
    },
    Case {
        name: "pattern_with_punctuation",
        patterns: &["U.S.", "'s-Hertogenbosch"],
        text: "The [U.S.] and [’s-Hertogenbosch].",
        want: &[0, 1],
        when: &[When::Always],
    },
    Case { name: "empty_text", patterns: &["a"], text: "", want: &[], when: &[When::Always] },
];

#[test]
fn case_names_are_unique() {
    let mut names: Vec<_> = CASES.iter().map(|c| c.name).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len());
}

#[test]
fn tables_across_all_configurations() {
    for config in all_configs() {
        for case in CASES {
            if !case.when.iter().all(|w| w.applies(&config)) {
                continue;
            }
            let matcher = config.build(case.patterns);
            let (text, spans) = unmark(case.text);
            let got: Vec<(usize, Span)> =
                matcher.find_iter(&text).map(|m| (m.pattern().as_usize(), m.span())).collect();
            let want: Vec<(usize, Span)> = case.want.iter().copied().zip(spans).collect();
            assert_eq!(got, want, "case {} under {config:?}", case.name);
            // The normalized entry point agrees.
            let normalized = matcher.normalizer().normalize(&text);
            assert_eq!(
                matcher.find_all_normalized(&normalized),
                matcher.find_all(&text),
                "case {} under {config:?} (normalized)",
                case.name
            );
        }
    }
}

#[test]
fn case_policies() {
    let m = Matcher::new([
        Pattern::new("US", CasePolicy::Auto),
        Pattern::new("WHO", CasePolicy::Auto),
        Pattern::new("Nice", CasePolicy::Auto),
        Pattern::new("Split", CasePolicy::Sensitive),
        Pattern::new("les Escaldes", CasePolicy::Auto),
        Pattern::new("it", CasePolicy::Sensitive),
    ])
    .expect("valid");
    let text = "us US Us who Who WHO nice Nice NICE split SPLIT Split \
                les escaldes Les Escaldes LES ESCALDES it IT";
    let found: Vec<&str> = m.find_iter(text).map(|m| &text[m.span()]).collect();
    assert_eq!(found, ["US", "WHO", "Nice", "NICE", "Split", "Les Escaldes", "LES ESCALDES", "it"]);
}

#[test]
fn duplicate_patterns_report_first_in_leftmost_and_all_in_all() {
    let patterns = [Pattern::new("Georgia", CasePolicy::Sensitive), Pattern::from("georgia")];
    let m = Matcher::new(patterns.iter()).expect("valid");
    assert_eq!(m.find_all("Georgia")[0].pattern(), PatternId::new(0));
    assert_eq!(m.find_all("GEORGIA")[0].pattern(), PatternId::new(1));
    let all = Matcher::builder().match_kind(MatchKind::All).build(patterns.iter()).expect("valid");
    let ids: Vec<u32> = all.find_iter("Georgia").map(|m| m.pattern().as_u32()).collect();
    assert_eq!(ids, [0, 1]);
}

#[test]
fn empty_patterns_are_errors() {
    for bad in ["", "   ", "\n\t"] {
        let err: BuildError = Matcher::new(["ok", bad]).expect_err("empty");
        assert!(err.is_empty_pattern());
        assert_eq!(err.pattern(), Some(bad));
        assert_eq!(err.pattern_index(), Some(1));
    }
    let err = Matcher::new(["\u{301}"]).expect_err("only a mark");
    assert!(err.to_string().contains("\"\\u{301}\""), "{err}");
    assert!(Matcher::builder().accent_folding(false).build(["\u{301}"]).is_ok());
}

#[cfg(feature = "serde")]
#[test]
fn results_round_trip_through_serde() {
    let m = Match::new(PatternId::new(7), Span::new(3, 9));
    let json = serde_json::to_string(&m).expect("serializes");
    assert_eq!(json, r#"{"span":{"start":3,"end":9},"pattern":7}"#);
    assert_eq!(serde_json::from_str::<Match>(&json).expect("deserializes"), m);
    let p = Pattern::new("US", CasePolicy::Auto);
    let back: Pattern = serde_json::from_str(&serde_json::to_string(&p).expect("serializes"))
        .expect("deserializes");
    assert_eq!(back, p);
    assert_eq!(serde_json::to_string(&MatchKind::All).expect("serializes"), r#""All""#);
}

#[test]
fn filter_false_positives_do_not_end_the_search() {
    // Words that pass the first-word bit set by hash collision but begin no
    // pattern must not disturb the batched scanner (an experiment that
    // dropped them from a batch ended the search on an all-dropped batch).
    let m = Matcher::new(["kyiv"]).expect("valid");
    let false_positives: Vec<String> = (0u32..)
        .map(|i| format!("w{i}"))
        .filter(|w| m.first_words.contains(crate::filter::word_hash(w.as_bytes())))
        .take(100)
        .collect();
    let text = format!("{} Kyiv", false_positives.join(" "));
    assert_eq!(
        m.find_all(&text),
        [Match::new(PatternId::new(0), Span::new(text.len() - 4, text.len()))]
    );
}

#[test]
fn no_patterns_no_matches() {
    let m = Matcher::new(Vec::<String>::new()).expect("an empty matcher is fine");
    assert_eq!(m.pattern_count(), 0);
    assert!(m.find_all("anything at all, 北京").is_empty());
    let reloaded = Matcher::read_from(&m.to_bytes()).expect("round trip");
    assert!(reloaded.find_all("anything").is_empty());
    let debug = format!("{m:?}");
    assert!(debug.starts_with("Matcher { patterns: 0, nodes: 1,"), "{debug}");
}

#[test]
fn public_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Matcher>();
    assert_send_sync::<crate::MatcherBuilder>();
    assert_send_sync::<crate::FindIter<'_, '_>>();
    assert_send_sync::<crate::Normalizer>();
    assert_send_sync::<crate::NormalizedText<'_>>();
    assert_send_sync::<Match>();
    assert_send_sync::<Pattern>();
    assert_send_sync::<BuildError>();
}

mod parity {
    //! `dateline-match` against raw aho-corasick on ASCII text: every
    //! overlapping aho-corasick hit, filtered by the boundary rule (and for
    //! `Auto` by the pattern's capitals), must be exactly the all-matches
    //! result, and a greedy leftmost-longest pass over them must be exactly
    //! the leftmost-longest result.

    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind as AcMatchKind};
    use proptest::prelude::*;

    /// An independent ASCII boundary rule: not between two alphanumerics.
    fn boundary(text: &[u8], at: usize) -> bool {
        let word = |i: Option<&u8>| i.is_some_and(|b| b.is_ascii_alphanumeric());
        !(at > 0 && word(text.get(at - 1)) && word(text.get(at)))
    }

    /// (pattern, span) of every boundary-valid aho-corasick hit, ordered
    /// like `MatchKind::All`.
    fn reference_all(patterns: &[String], text: &str, insensitive: bool) -> Vec<(usize, Span)> {
        let ac = AhoCorasick::builder()
            .match_kind(AcMatchKind::Standard)
            .ascii_case_insensitive(insensitive)
            .build(patterns)
            .expect("aho-corasick builds");
        let mut all: Vec<(usize, Span)> = ac
            .find_overlapping_iter(text)
            .filter(|m| boundary(text.as_bytes(), m.start()) && boundary(text.as_bytes(), m.end()))
            .map(|m| (m.pattern().as_usize(), Span::new(m.start(), m.end())))
            .collect();
        all.sort_by_key(|&(id, span)| (span.start, span.end, id));
        all
    }

    /// Greedy leftmost-longest selection over all valid candidates.
    fn leftmost_longest(all: &[(usize, Span)]) -> Vec<(usize, Span)> {
        let mut out: Vec<(usize, Span)> = Vec::new();
        let mut next = 0;
        let mut i = 0;
        while i < all.len() {
            let start = all[i].1.start;
            let mut j = i;
            while j < all.len() && all[j].1.start == start {
                j += 1;
            }
            if start >= next {
                // Longest end; among equal ends the lowest pattern id.
                let end = all[i..j].iter().map(|c| c.1.end).max().expect("non-empty");
                let best = all[i..j].iter().filter(|c| c.1.end == end).min_by_key(|c| c.0);
                let best = *best.expect("non-empty");
                out.push(best);
                next = best.1.end;
            }
            i = j;
        }
        out
    }

    fn ours(
        patterns: &[String],
        text: &str,
        policy: CasePolicy,
        kind: MatchKind,
    ) -> Vec<(usize, Span)> {
        Matcher::builder()
            .case_policy(policy)
            .accent_folding(false)
            .match_kind(kind)
            .build(patterns)
            .expect("valid patterns")
            .find_iter(text)
            .map(|m| (m.pattern().as_usize(), m.span()))
            .collect()
    }

    /// `Auto` on ASCII without whitespace runs: every uppercase letter of
    /// the pattern is uppercase at the same place in the text.
    fn auto_ok(pattern: &str, found: &str) -> bool {
        pattern
            .bytes()
            .zip(found.bytes())
            .all(|(p, t)| !p.is_ascii_uppercase() || t.is_ascii_uppercase())
    }

    fn check(patterns: &[String], text: &str) -> Result<(), TestCaseError> {
        for policy in [CasePolicy::Sensitive, CasePolicy::Insensitive, CasePolicy::Auto] {
            let mut all = reference_all(patterns, text, policy != CasePolicy::Sensitive);
            if policy == CasePolicy::Auto {
                all.retain(|&(id, span)| auto_ok(&patterns[id], &text[span.start..span.end]));
            }
            prop_assert_eq!(
                &ours(patterns, text, policy, MatchKind::All),
                &all,
                "all, {:?}",
                policy
            );
            prop_assert_eq!(
                ours(patterns, text, policy, MatchKind::LeftmostLongest),
                leftmost_longest(&all),
                "leftmost-longest, {:?}",
                policy
            );
        }
        Ok(())
    }

    /// Patterns without leading, trailing or doubled spaces (which the
    /// matcher trims and collapses but aho-corasick would not).
    fn pattern() -> impl Strategy<Value = String> {
        "[abAB.'-]( ?[abAB.'-]){0,5}"
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn agrees_with_aho_corasick(
            patterns in prop::collection::vec(pattern(), 1..8),
            text in "[abAB.'-]( ?[abAB.'-]){0,60}",
        ) {
            check(&patterns, &text)?;
        }
    }

    #[test]
    fn agrees_on_news_like_text() {
        let patterns: Vec<String> =
            ["New York", "New York City", "York", "US", "U.S.", "Iran", "Iranian", "-based", "A"]
                .map(String::from)
                .to_vec();
        let text =
            "The U.S. and Iran met in New York City; New Yorkers, a York-based US Iranian group.";
        check(&patterns, text).expect("parity");
    }
}

mod invariants {
    //! Properties over arbitrary Unicode text, against a brute-force
    //! reference built from `Normalizer::fold` and the boundary predicate.

    use super::*;
    use crate::boundary::is_boundary_at;
    use proptest::prelude::*;

    /// Every span (s, e) on token boundaries whose text folds to a
    /// pattern, without leading or trailing whitespace, ordered like
    /// `MatchKind::All`.
    fn brute_force(patterns: &[String], text: &str, accents: bool) -> Vec<(usize, Span)> {
        let normalizer = crate::Normalizer::new().with_accent_folding(accents);
        let keys: Vec<String> = patterns.iter().map(|p| normalizer.fold(p)).collect();
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let mut out = Vec::new();
        for (a, &s) in cuts.iter().enumerate() {
            for &e in &cuts[a + 1..] {
                let piece = &text[s..e];
                if piece.starts_with(char::is_whitespace) || piece.ends_with(char::is_whitespace) {
                    continue;
                }
                if !is_boundary_at(text, s) || !is_boundary_at(text, e) {
                    continue;
                }
                let folded = normalizer.fold(piece);
                for (id, key) in keys.iter().enumerate() {
                    if *key == folded {
                        out.push((id, Span::new(s, e)));
                    }
                }
            }
        }
        // Of spans that differ only by characters folding drops, keep the
        // tightest: latest start for an end, earliest end for a start.
        let all = out.clone();
        out.retain(|&(id, span)| {
            !all.iter().any(|&(other, o)| {
                other == id
                    && ((o.end == span.end && o.start > span.start)
                        || (o.start == span.start && o.end < span.end))
            })
        });
        out.sort_by_key(|&(id, span)| (span.start, span.end, id));
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn all_matches_equal_brute_force(
            patterns in prop::collection::vec("[aAsSé\u{301}ßİı' ’.\\-—\u{a0}\n北京😀]{1,4}", 1..5),
            text in "[aAsSé\u{301}ßİı' ’.\\-—\u{a0}\n北京😀]{0,24}",
            accents: bool,
        ) {
            let normalizer = crate::Normalizer::new().with_accent_folding(accents);
            let patterns: Vec<String> =
                patterns.into_iter().filter(|p| !normalizer.fold(p).is_empty()).collect();
            prop_assume!(!patterns.is_empty());
            let matcher = Matcher::builder()
                .accent_folding(accents)
                .match_kind(MatchKind::All)
                .build(&patterns)
                .expect("non-empty patterns");
            let got: Vec<(usize, Span)> =
                matcher.find_iter(&text).map(|m| (m.pattern().as_usize(), m.span())).collect();
            prop_assert_eq!(got, brute_force(&patterns, &text, accents));
        }

        #[test]
        fn fold_eq_is_comparing_folds(
            a in "[aAsSé\u{301}ßİıŒ' ’.\\-—\u{a0}\n北京😀]{0,6}",
            b in "[aAsSé\u{301}ßİıŒ' ’.\\-—\u{a0}\n北京😀]{0,6}",
            accents: bool,
        ) {
            let normalizer = crate::Normalizer::new().with_accent_folding(accents);
            let (fa, fb) = (normalizer.fold(&a), normalizer.fold(&b));
            prop_assert!(normalizer.fold_eq(&a, &fa));
            prop_assert_eq!(normalizer.fold_eq(&a, &fb), fa == fb);
            // Strings that are no fold of anything: raw, and with spaces
            // at either end.
            prop_assert_eq!(normalizer.fold_eq(&a, &b), fa == b);
            let spaced = format!(" {fa} ");
            prop_assert_eq!(normalizer.fold_eq(&a, &spaced), fa == spaced);
        }

        #[test]
        fn matches_sit_on_char_boundaries_and_fold_to_their_pattern(
            patterns in prop::collection::vec("[aAsSé\u{301}ßİı' ’.\\-—\u{a0}\n北京😀]{1,4}", 1..5),
            text in "[aAsSé\u{301}ßİı' ’.\\-—\u{a0}\n北京😀]{0,40}",
            accents: bool,
            all: bool,
        ) {
            let normalizer = crate::Normalizer::new().with_accent_folding(accents);
            let patterns: Vec<String> =
                patterns.into_iter().filter(|p| !normalizer.fold(p).is_empty()).collect();
            prop_assume!(!patterns.is_empty());
            let kind = if all { MatchKind::All } else { MatchKind::LeftmostLongest };
            let matcher =
                Matcher::builder().accent_folding(accents).match_kind(kind).build(&patterns).expect("valid");
            let found = matcher.find_all(&text);
            let mut last_end = 0;
            for m in &found {
                prop_assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
                prop_assert!(m.start() < m.end() && m.end() <= text.len());
                let pattern = &patterns[m.pattern().as_usize()];
                prop_assert_eq!(normalizer.fold(&text.as_str()[m.span()]), normalizer.fold(pattern));
                if !all {
                    prop_assert!(m.start() >= last_end, "leftmost-longest matches overlap");
                    last_end = m.end();
                }
            }
            let normalized = normalizer.normalize(&text);
            prop_assert_eq!(&matcher.find_all_normalized(&normalized), &found);
            let mut prepared = normalizer.normalize(&text);
            prepared.prepare_for(&[&matcher]);
            prop_assert_eq!(matcher.find_all_normalized(&prepared), found);
        }

        /// Searches over starts prepared for several matchers at once find
        /// what scans of the text find, around punctuation, standalone
        /// characters and marks.
        #[test]
        fn prepared_searches_equal_byte_scans(
            words in prop::collection::vec(r"[aAé\u{301}北😀]{1,3}|[a ]{0,3}[.,'’\-]", 0..40),
            patterns in prop::collection::vec(r"[aAé北]{1,3}( [aAé]{1,2})?|[.'’\-]a?", 1..6),
            accents: bool,
            all: bool,
        ) {
            let text = words.join(" ");
            let normalizer = crate::Normalizer::new().with_accent_folding(accents);
            let kind = if all { MatchKind::All } else { MatchKind::LeftmostLongest };
            let build = |patterns: &[String], accents: bool| {
                Matcher::builder().accent_folding(accents).match_kind(kind).build(patterns).expect("valid")
            };
            let matchers = [
                build(&patterns, accents),
                build(&patterns[..1], accents),
                build(&patterns, !accents),
                build(&[".".to_owned(), "a a".to_owned()], accents),
            ];
            let mut prepared = normalizer.normalize(&text);
            prepared.prepare_for(&matchers.iter().collect::<Vec<_>>());
            for matcher in &matchers {
                prop_assert_eq!(matcher.find_all_normalized(&prepared), matcher.find_all(&text));
            }
        }

        /// A prepared scan keeps no start on a small letter for a word
        /// that begins only patterns needing a capital (the search would
        /// skip it): searches still find what scans find, in ASCII text
        /// and where normalizing changed offsets ("É" read as "e").
        #[test]
        fn prepared_searches_skip_small_letters_as_scans_do(
            words in prop::collection::vec(r"[aAbBÉé\u{301}]{1,3}|[.,’]", 0..40),
            patterns in prop::collection::vec((r"[aAbBEéÉ]{1,3}( [aAb]{1,2})?", 0..3usize), 1..6),
            accents: bool,
        ) {
            let text = words.join(" ");
            let policies = [CasePolicy::Insensitive, CasePolicy::Sensitive, CasePolicy::Auto];
            let build = |patterns: &[(String, usize)]| {
                let patterns = patterns.iter().map(|(p, c)| Pattern::new(p.as_str(), policies[*c]));
                Matcher::builder().accent_folding(accents).build(patterns).expect("valid")
            };
            let sensitive: Vec<(String, usize)> =
                patterns.iter().map(|(p, _)| (p.clone(), 1)).collect();
            let matchers = [build(&patterns), build(&sensitive), build(&patterns[..1])];
            let normalizer = crate::Normalizer::new().with_accent_folding(accents);
            let mut prepared = normalizer.normalize(&text);
            prepared.prepare_for(&matchers.iter().collect::<Vec<_>>());
            for matcher in &matchers {
                prop_assert_eq!(matcher.find_all_normalized(&prepared), matcher.find_all(&text));
            }
        }

        #[test]
        fn no_input_panics(text in "\\PC{0,64}", bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            let lossy = String::from_utf8_lossy(&bytes);
            for config in all_configs() {
                let matcher = config.build(&["a", "Ab c", "’s", "é", "北", "\u{301}x"]);
                let _ = matcher.find_all(&text);
                let _ = matcher.find_all(&lossy);
                let _ = Matcher::read_from(&bytes);
            }
        }
    }

    #[test]
    fn tricky_unicode_spans() {
        let m = Matcher::new(["istanbul", "strasse", "sao paulo", "北京", "kyiv"]).expect("valid");
        let text = "İSTANBUL, Straße, SA\u{303}O PAULO, 北京, 🇺🇦Kyiv👍";
        let found: Vec<&str> = m.find_iter(text).map(|m| &text[m.span()]).collect();
        assert_eq!(found, ["İSTANBUL", "Straße", "SA\u{303}O PAULO", "北京", "Kyiv"]);
    }
}

mod pathological {
    //! The search costs at most O(text × longest pattern): each walk
    //! consumes at least one byte per step and stops at the longest
    //! pattern's length, and the scanner reads each word once. These inputs
    //! would be quadratic for a naive search; they must finish.

    use super::*;

    fn a_patterns(sep: &str) -> Vec<String> {
        (1..=100).map(|n| vec!["a"; n].join(sep)).collect()
    }

    #[test]
    fn ten_megabytes_of_a() {
        let text = "a".repeat(10 << 20);
        for kind in KINDS {
            let m = Matcher::builder().match_kind(kind).build(a_patterns("")).expect("valid");
            // One word of 10 MB: no pattern ends on a token boundary.
            assert_eq!(m.find_iter(&text).count(), 0);
        }
        let m = Matcher::new(a_patterns("")).expect("valid");
        assert_eq!(m.find_all(&text[..100]).len(), 1);
    }

    #[test]
    fn words_longer_than_the_filter_knows_match_in_prepared_texts() {
        let long = "a".repeat(crate::filter::MAX_WORD + 1);
        let text = format!("{long} b {long}. {long}");
        let m = Matcher::new([format!("{long} b"), long.clone()]).expect("valid");
        let scanned = m.find_all(&text);
        assert_eq!(scanned.len(), 3);
        let other = Matcher::new(["b"]).expect("valid");
        let mut prepared = m.normalizer().normalize(&text);
        prepared.prepare_for(&[&m, &other]);
        assert_eq!(m.find_all_normalized(&prepared), scanned);
        assert_eq!(other.find_all_normalized(&prepared).len(), 1);
    }

    #[test]
    fn spaced_a_runs() {
        // 200k words: every word start walks up to 100 words deep.
        let text = "a ".repeat(200_000);
        let m = Matcher::new(a_patterns(" ")).expect("valid");
        let found = m.find_all(&text);
        assert_eq!(found.len(), 2000);
        assert!(found.iter().all(|m| m.span().len() == 199));
        let all =
            Matcher::builder().match_kind(MatchKind::All).build(a_patterns(" ")).expect("valid");
        // Each of the 200k starts has up to 100 matches.
        let expected: usize = (0..200_000usize).map(|i| (200_000 - i).min(100)).sum();
        assert_eq!(all.find_iter(&text).count(), expected);
    }
}

#[test]
fn capitalized_patterns_skip_lowercase_starts_and_find_the_rest() {
    let sensitive = |p: &str| Pattern::new(p, CasePolicy::Sensitive);
    let heads = Matcher::new(["Party", "Bank of", "Émile"].map(sensitive)).expect("valid");
    assert!(heads.capital_starts);
    let text = "the party, Party Bank of bank of émile Émile Ünion Party";
    let spans: Vec<&str> = heads.find_iter(text).map(|m| &text[m.span()]).collect();
    assert_eq!(spans, ["Party", "Bank of", "Émile", "Party"]);
    // A pattern that may match lowercase text turns the skip off.
    let mixed = Matcher::new([sensitive("Party"), Pattern::new("bank", CasePolicy::Insensitive)])
        .expect("valid");
    assert!(!mixed.capital_starts);
    let spans: Vec<&str> = mixed.find_iter(text).map(|m| &text[m.span()]).collect();
    assert_eq!(spans, ["Party", "Bank", "bank", "Party"]);
    let auto = Matcher::new([Pattern::new("China", CasePolicy::Auto)]).expect("valid");
    assert!(auto.capital_starts);
    assert_eq!(auto.find_iter("china CHINA China").count(), 2);
}

#[test]
fn lowercase_starts_skip_only_words_that_begin_capitalized_patterns() {
    use crate::filter::word_hash;
    let auto = |p: &str| Pattern::new(p, CasePolicy::Auto);
    let insensitive = |p: &str| Pattern::new(p, CasePolicy::Insensitive);
    let m = Matcher::new([
        auto("La Paz"),
        auto("Le Havre"),
        insensitive("le monde"),
        insensitive("chinois"),
        // Lowercase, but its first word is not "la".
        insensitive("lagos"),
        Pattern::new("de", CasePolicy::Sensitive),
    ])
    .expect("valid");
    assert!(!m.capital_starts);
    let lower = m.lower_words();
    for word in ["le", "chinois", "de", "lagos"] {
        assert!(lower.contains(word_hash(word.as_bytes())), "{word}");
    }
    // One probe of a bit set: an absent word could collide, "la" does not.
    assert!(!lower.contains(word_hash(b"la")));
    let text = "la paz, La Paz; le havre, Le Havre, le monde, LE MONDE, chinois, De de";
    let spans: Vec<&str> = m.find_iter(text).map(|m| &text[m.span()]).collect();
    assert_eq!(spans, ["La Paz", "Le Havre", "le monde", "LE MONDE", "chinois", "de"]);
    // The same in all-matches mode, and after a save and load.
    let all = Matcher::builder()
        .match_kind(MatchKind::All)
        .build([auto("La Paz"), insensitive("chinois")])
        .expect("valid");
    let spans: Vec<&str> = all.find_iter(text).map(|m| &text[m.span()]).collect();
    assert_eq!(spans, ["La Paz", "chinois"]);
    let loaded = Matcher::read_from(&m.to_bytes()).expect("round trip");
    assert_eq!(loaded.find_all(text), m.find_all(text));
}

mod unspaced_engine {
    //! The Aho-Corasick engine for scripts without spaces finds exactly
    //! what the trie walked from every character finds.

    use super::*;
    use proptest::prelude::*;

    fn engines(patterns: &[&str]) -> (Matcher, Matcher) {
        let automaton = Matcher::new(patterns.iter().copied()).expect("valid patterns");
        let trie = Matcher::builder()
            .unspaced_automaton(false)
            .build(patterns.iter().copied())
            .expect("valid patterns");
        assert!(automaton.unspaced.is_some() && trie.unspaced.is_none());
        (automaton, trie)
    }

    fn found<'t>(matcher: &Matcher, text: &'t str) -> Vec<&'t str> {
        matcher.find_iter(text).map(|m| &text[m.span()]).collect()
    }

    const NAMES: &[&str] = &[
        "北京",
        "北京大学",
        "中国",
        "乌克兰",
        "北约",
        "NATO",
        "G7",
        "联合国",
        "京大",
        "中国 银行",
    ];

    #[test]
    fn names_start_at_any_character() {
        let (automaton, trie) = engines(NAMES);
        let text = "在北京大学举行的北约NATO峰会上，中国和乌克兰代表见面。G7与联合国";
        let want = ["北京大学", "北约", "NATO", "中国", "乌克兰", "G7", "联合国"];
        assert_eq!(found(&automaton, text), want);
        assert_eq!(found(&trie, text), want);
    }

    #[test]
    fn mixed_text_and_offsets() {
        let (automaton, _) = engines(NAMES);
        // Chinese names inside English text, a line break inside a name,
        // Latin in any case after Han.
        let text = "Talks in 北京 and 中国\n 银行 with 北约Nato.";
        let spans: Vec<(usize, usize)> =
            automaton.find_iter(text).map(|m| (m.start(), m.end())).collect();
        assert_eq!(spans, [(9, 15), (20, 34), (40, 46), (46, 50)]);
        let texts: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(texts, ["北京", "中国\n 银行", "北约", "Nato"]);
    }

    #[test]
    fn loaded_matchers_keep_the_engine() {
        let (automaton, _) = engines(NAMES);
        let mut bytes = Vec::new();
        automaton.write_to(&mut bytes).expect("writes to a Vec");
        let loaded = Matcher::read_from(&bytes).expect("reads back");
        assert!(loaded.unspaced.is_some());
        let text = "北约和联合国";
        assert_eq!(found(&loaded, text), found(&automaton, text));
    }

    #[test]
    fn spaced_patterns_build_no_automaton() {
        let matcher = Matcher::new(["China", "Beijing"]).expect("valid patterns");
        assert!(matcher.unspaced.is_none());
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Runs further apart than the automaton's lookahead, runs longer
        /// than it, and names across the edge of its window.
        #[test]
        fn automaton_agrees_with_the_trie_far_apart(
            pieces in prop::collection::vec(
                (
                    prop::sample::select(&["北京", "中国", "北约NATO", "大学", "国", "NATO"][..]),
                    prop::sample::select(&["a ", "x", " ", "大", "，"][..]),
                    0..4200usize,
                ),
                1..6,
            ),
        ) {
            let text: String =
                pieces.iter().map(|(name, filler, n)| filler.repeat(*n) + name).collect();
            let (automaton, trie) = engines(NAMES);
            let a: Vec<Match> = automaton.find_iter(&text).collect();
            prop_assert_eq!(&a, &trie.find_iter(&text).collect::<Vec<_>>());
        }

        #[test]
        fn automaton_agrees_with_the_trie(
            pieces in prop::collection::vec(
                prop::sample::select(&["北", "京", "大", "学", "中", "国", "银", "行", "约", "联", "合",
                    "NATO", "nato", "G7", " ", "，", "。", "a", "の", "ロ", "\n"][..]),
                0..40,
            ),
            extra in prop::collection::vec(
                prop::sample::select(&["北", "京", "中", "国", "大", "学", "の", "N"][..]),
                1..4,
            ),
        ) {
            let text: String = pieces.concat();
            let extra: String = extra.concat();
            let mut patterns: Vec<&str> = NAMES.to_vec();
            patterns.push(&extra);
            let (automaton, trie) = engines(&patterns);
            let a: Vec<Match> = automaton.find_iter(&text).collect();
            let t: Vec<Match> = trie.find_iter(&text).collect();
            prop_assert_eq!(&a, &t);
            // One scan prepared for matchers that take runs whole and for
            // matchers that take them a char at a time finds the same.
            let all = Matcher::builder()
                .match_kind(MatchKind::All)
                .build(patterns.iter().copied())
                .expect("valid patterns");
            let mut normalized = automaton.normalizer().normalize(&text);
            normalized.prepare_for(&[&automaton, &trie, &all]);
            prop_assert_eq!(&automaton.find_all_normalized(&normalized), &a);
            prop_assert_eq!(&trie.find_all_normalized(&normalized), &t);
            prop_assert_eq!(all.find_all_normalized(&normalized), all.find_all(&text));
        }
    }
}
