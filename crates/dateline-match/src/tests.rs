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
        // The example: in "New Yorkers'" both candidates end inside
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
