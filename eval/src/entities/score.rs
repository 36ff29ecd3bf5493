//! The recommended scoring rule of the entity sets (`eval/entities/README.md`,
//! "Scoring"), applied to one document.
//!
//! 1. Spans compare exactly, after a leading "the "/"The " is dropped from
//!    gold and prediction alike.
//! 2. A predicted GPE or LOC is of class PLACE; other labels are their own
//!    class.
//! 3. Gold is the outermost names, not `ignore`, of the classes that are both
//!    asked for and in the document's `scored_labels`; `with_nested` adds the
//!    inner names.
//! 4. A prediction is correct on the same span with the same class
//!    (`lenient`: or a class of the name's `alt_labels`), even when an
//!    ignore span overlaps it.
//! 5. Not scored: a prediction of a class that is not evaluated in this
//!    document; one that overlaps an ignore span; one that matches and
//!    overlaps no annotated name but lies inside a source mention extent,
//!    unless a currency sign is glued to it ("US" in "US$")
//!    (`judge_unannotated` scores those as spurious).
//!
//! Each judgement is kept with the prediction, so a report can group them
//! by any key (label today; source and rule once entities carry them).

use super::gold::{Annotation, Doc};

/// The options of the rule.
#[derive(Clone, Debug)]
pub(crate) struct Rules {
    /// Gold classes to evaluate: `PLACE`, `NORP`, `ORG`, `PERSON`.
    pub classes: Vec<String>,
    /// Inner names count as gold too.
    pub with_nested: bool,
    /// A class in the name's `alt_labels` is correct too.
    pub lenient: bool,
    /// Score predictions inside unannotated mentions instead of skipping them.
    pub judge_unannotated: bool,
    /// Never-reviewed re3d names (`confidence: 0`) become ignore spans.
    pub ignore_unreviewed: bool,
}

/// A predicted entity, in code-point offsets into the document's text.
#[derive(Clone, Debug)]
pub(crate) struct Prediction {
    pub start: usize,
    pub end: usize,
    /// The pipeline's label, such as `GPE`.
    pub label: String,
}

/// The gold class a predicted label is scored as.
pub(crate) fn class_of(label: &str) -> &str {
    match label {
        "GPE" | "LOC" => "PLACE",
        other => other,
    }
}

/// What became of one prediction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Outcome {
    /// Same span and class as a gold name.
    Correct,
    /// The span of an annotated name of another class.
    WrongLabel,
    /// Inside a longer annotated name, and not itself gold.
    Nested,
    /// No annotated name there.
    Spurious,
    /// Not scored: the class is not evaluated in this document.
    OutsideClasses,
    /// Not scored: overlaps an ignore span.
    OnIgnoreSpan,
    /// Not scored: inside a source mention whose names were not annotated.
    Unannotated,
}

impl Outcome {
    /// Counts toward precision.
    pub(crate) fn is_scored(self) -> bool {
        matches!(self, Outcome::Correct | Outcome::WrongLabel | Outcome::Nested | Outcome::Spurious)
    }

    /// A scored prediction that is not correct.
    pub(crate) fn is_false_positive(self) -> bool {
        self.is_scored() && self != Outcome::Correct
    }

    /// How reports name it.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Outcome::Correct => "correct",
            Outcome::WrongLabel => "wrong label",
            Outcome::Nested => "nested",
            Outcome::Spurious => "spurious",
            Outcome::OutsideClasses => "outside classes",
            Outcome::OnIgnoreSpan => "on ignore span",
            Outcome::Unannotated => "unannotated",
        }
    }
}

/// A prediction with its judgement.
#[derive(Clone, Debug)]
pub(crate) struct Judged {
    /// The span's text, "the " dropped.
    pub text: String,
    /// The pipeline's label.
    pub label: String,
    pub outcome: Outcome,
    /// For a wrong label, the class of the name on that span.
    pub gold_label: Option<String>,
    /// A scored prediction on a gold name's span, whatever the class.
    pub span_match: bool,
}

/// A gold name and whether it was found.
#[derive(Clone, Debug)]
pub(crate) struct GoldName {
    pub text: String,
    /// Its class.
    pub label: String,
    /// The predicted label that found it, if one did.
    pub found_by: Option<String>,
    /// A scored prediction has its span, whatever the class.
    pub span_found: bool,
}

/// One document's judged predictions and gold names.
#[derive(Clone, Debug, Default)]
pub(crate) struct Scored {
    pub predictions: Vec<Judged>,
    pub gold: Vec<GoldName>,
}

type CharSpan = (usize, usize);

/// An annotation with its span, "the " dropped.
struct Name<'d> {
    span: CharSpan,
    annotation: &'d Annotation,
}

/// Judges `predictions` (any order) against `doc`'s annotations.
pub(crate) fn score(doc: &Doc, predictions: &[Prediction], rules: &Rules) -> Scored {
    let chars: Vec<char> = doc.text.chars().collect();
    let evaluated = |class: &str| {
        rules.classes.iter().any(|c| c == class) && doc.scored_labels.iter().any(|c| c == class)
    };
    let is_ignored =
        |a: &Annotation| a.ignore || (rules.ignore_unreviewed && a.confidence == Some(0.0));
    let (ignored, names): (Vec<Name<'_>>, Vec<Name<'_>>) = doc
        .entities
        .iter()
        .map(|a| Name { span: without_the(&chars, (a.start, a.end)), annotation: a })
        .partition(|name| is_ignored(name.annotation));
    let gold: Vec<&Name<'_>> = names
        .iter()
        .filter(|n| evaluated(&n.annotation.label) && (rules.with_nested || !n.annotation.nested))
        .collect();
    let extents: Vec<CharSpan> = doc
        .entities
        .iter()
        .filter_map(|a| a.mention)
        .chain(doc.unnamed_mentions.iter().copied())
        .collect();

    let mut found_by: Vec<Option<String>> = vec![None; gold.len()];
    let mut span_found = vec![false; gold.len()];
    let mut judged = Vec::with_capacity(predictions.len());
    for prediction in predictions {
        let span = without_the(&chars, (prediction.start, prediction.end));
        let class = class_of(&prediction.label);
        let mut gold_label = None;
        let outcome = if !evaluated(class) {
            Outcome::OutsideClasses
        } else if let Some(g) = (0..gold.len()).find(|&g| {
            let annotation = gold[g].annotation;
            found_by[g].is_none()
                && gold[g].span == span
                && (annotation.label == class
                    || (rules.lenient && annotation.alt_labels.iter().any(|l| l == class)))
        }) {
            found_by[g] = Some(prediction.label.clone());
            Outcome::Correct
        } else if ignored.iter().any(|n| overlaps(n.span, span)) {
            Outcome::OnIgnoreSpan
        } else if !rules.judge_unannotated
            && !names.iter().any(|n| overlaps(n.span, span))
            && extents.iter().any(|&extent| contains(extent, span))
            && !glued_to_currency(&chars, span)
        {
            Outcome::Unannotated
        } else {
            let (outcome, label) = false_positive(&names, span, rules.with_nested);
            gold_label = label.map(str::to_owned);
            outcome
        };
        let span_match = outcome.is_scored() && {
            match (0..gold.len()).find(|&g| !span_found[g] && gold[g].span == span) {
                Some(g) => {
                    span_found[g] = true;
                    true
                }
                None => false,
            }
        };
        judged.push(Judged {
            text: chars[span.0..span.1].iter().collect(),
            label: prediction.label.clone(),
            outcome,
            gold_label,
            span_match,
        });
    }
    let gold = gold
        .iter()
        .zip(found_by)
        .zip(span_found)
        .map(|((name, found_by), span_found)| GoldName {
            text: chars[name.span.0..name.span.1].iter().collect(),
            label: name.annotation.label.clone(),
            found_by,
            span_found,
        })
        .collect();
    Scored { predictions: judged, gold }
}

/// Why a prediction that is not correct is wrong: the span of a name of
/// another class (outermost names only, unless inner ones are gold), inside
/// a longer name, or on no name at all.
/// The wrong label's name's class comes along.
fn false_positive<'d>(
    names: &[Name<'d>],
    span: CharSpan,
    with_nested: bool,
) -> (Outcome, Option<&'d str>) {
    if let Some(name) =
        names.iter().find(|n| n.span == span && (with_nested || !n.annotation.nested))
    {
        (Outcome::WrongLabel, Some(&name.annotation.label))
    } else if names.iter().any(|n| contains(n.span, span)) {
        // Strictly inside a longer name, or on an inner name's exact span
        // (typed otherwise, and not gold without `with_nested`).
        (Outcome::Nested, None)
    } else {
        (Outcome::Spurious, None)
    }
}

/// The span without a leading "the "/"The " (never emptied).
fn without_the(chars: &[char], (start, end): CharSpan) -> CharSpan {
    let the = |first: char| {
        chars.get(start..start + 4).is_some_and(|w| w[0] == first && w[1..] == ['h', 'e', ' '])
    };
    if end > start + 4 && (the('t') || the('T')) { (start + 4, end) } else { (start, end) }
}

fn overlaps(a: CharSpan, b: CharSpan) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn contains(outer: CharSpan, inner: CharSpan) -> bool {
    outer.0 <= inner.0 && inner.1 <= outer.1
}

/// A currency sign right before or after the span: "US" in "US$", "A$",
/// "$US". Such names are part of a money value, which the sources do not
/// annotate as a name's mention, so they are judged.
fn glued_to_currency(chars: &[char], (start, end): CharSpan) -> bool {
    let before = start.checked_sub(1).and_then(|i| chars.get(i));
    [before, chars.get(end)].into_iter().flatten().any(|&c| is_currency_sign(c))
}

/// The currency signs of Unicode's Sc category that news text uses.
fn is_currency_sign(c: char) -> bool {
    matches!(c, '$' | '¢' | '£' | '¤' | '¥' | '\u{20A0}'..='\u{20C0}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::gold;

    /// Default rules: PLACE, NORP and ORG, nothing optional.
    fn rules() -> Rules {
        Rules {
            classes: ["PLACE", "NORP", "ORG"].map(String::from).to_vec(),
            with_nested: false,
            lenient: false,
            judge_unannotated: false,
            ignore_unreviewed: false,
        }
    }

    /// A document from its text and its annotations written as
    /// `(name, label, extra JSON fields after a comma)`; offsets are the
    /// name's first occurrence, or with `name@N` its N-th (from 0).
    fn doc(text: &str, scored: &[&str], names: &[(&str, &str, &str)], unnamed: &[&str]) -> Doc {
        let find = |name: &str| -> (usize, usize) {
            let (name, nth) = match name.split_once('@') {
                Some((name, nth)) => (name, nth.parse().expect("an occurrence number")),
                None => (name, 0),
            };
            let byte = text.match_indices(name).nth(nth).expect("the name is in the text").0;
            let start = text[..byte].chars().count();
            (start, start + name.chars().count())
        };
        let entities: Vec<String> = names
            .iter()
            .map(|&(name, label, extra)| {
                let (start, end) = find(name);
                let text: String = name.split('@').next().unwrap_or(name).to_owned();
                format!(
                    "{{\"start\": {start}, \"end\": {end}, \"text\": {text:?}, \"label\": {label:?}{extra}}}"
                )
            })
            .collect();
        let unnamed: Vec<String> = unnamed
            .iter()
            .map(|m| {
                let (start, end) = find(m);
                format!("[{start}, {end}]")
            })
            .collect();
        let line = format!(
            "{{\"id\": \"t\", \"text\": {text:?}, \"scored_labels\": {scored:?}, \
             \"entities\": [{}], \"unnamed_mentions\": [{}]}}",
            entities.join(", "),
            unnamed.join(", ")
        );
        gold::parse(&line).expect("a valid test document").remove(0)
    }

    /// Predictions written as `(text, label)`, located like `doc`'s names.
    fn predict(doc: &Doc, found: &[(&str, &str)]) -> Vec<Prediction> {
        found
            .iter()
            .map(|&(name, label)| {
                let (name, nth) = match name.split_once('@') {
                    Some((name, nth)) => (name, nth.parse().expect("an occurrence number")),
                    None => (name, 0),
                };
                let byte =
                    doc.text.match_indices(name).nth(nth).expect("the name is in the text").0;
                let start = doc.text[..byte].chars().count();
                Prediction { start, end: start + name.chars().count(), label: label.to_owned() }
            })
            .collect()
    }

    fn outcomes(doc: &Doc, found: &[(&str, &str)], rules: &Rules) -> Vec<Outcome> {
        score(doc, &predict(doc, found), rules).predictions.iter().map(|j| j.outcome).collect()
    }

    const ALL: [&str; 4] = ["PLACE", "NORP", "ORG", "PERSON"];

    #[test]
    fn a_leading_the_is_dropped_from_both_sides() {
        let d = doc(
            "Talks in The Hague and the Netherlands.",
            &ALL,
            &[("The Hague", "PLACE", ""), ("Netherlands", "PLACE", "")],
            &[],
        );
        let scored =
            score(&d, &predict(&d, &[("Hague", "GPE"), ("the Netherlands", "GPE")]), &rules());
        assert_eq!(
            scored.predictions.iter().map(|j| j.outcome).collect::<Vec<_>>(),
            [Outcome::Correct, Outcome::Correct]
        );
        assert_eq!(scored.predictions[1].text, "Netherlands");
        assert_eq!(scored.gold[0].text, "Hague");
        // "the" is dropped only as a whole word.
        assert_eq!(without_the(&"Thessaloniki".chars().collect::<Vec<_>>(), (0, 12)), (0, 12));
    }

    #[test]
    fn spans_must_match_exactly() {
        let d = doc("New York City police", &ALL, &[("New York City", "PLACE", "")], &[]);
        let scored = score(&d, &predict(&d, &[("New York", "GPE")]), &rules());
        assert_eq!(scored.predictions[0].outcome, Outcome::Nested);
        assert!(!scored.predictions[0].span_match);
        assert_eq!(scored.gold[0].found_by, None);
    }

    #[test]
    fn gpe_and_loc_count_as_place() {
        let d = doc(
            "Syria and the Tigris",
            &ALL,
            &[("Syria", "PLACE", ""), ("Tigris", "PLACE", "")],
            &[],
        );
        let scored = score(&d, &predict(&d, &[("Syria", "GPE"), ("Tigris", "LOC")]), &rules());
        assert!(scored.predictions.iter().all(|j| j.outcome == Outcome::Correct));
        assert_eq!(scored.gold[1].found_by.as_deref(), Some("LOC"));
        let d = doc("Syria", &ALL, &[("Syria", "PLACE", "")], &[]);
        assert_eq!(outcomes(&d, &[("Syria", "FAC")], &rules()), [Outcome::OutsideClasses]);
    }

    #[test]
    fn person_is_scored_only_when_asked_for() {
        let d = doc(
            "Kerry met Ellwood",
            &ALL,
            &[("Kerry", "PERSON", ""), ("Ellwood", "PERSON", "")],
            &[],
        );
        let found = [("Kerry", "PERSON")];
        let default = score(&d, &predict(&d, &found), &rules());
        assert_eq!(default.predictions[0].outcome, Outcome::OutsideClasses);
        assert!(default.gold.is_empty());
        let mut with_person = rules();
        with_person.classes.push("PERSON".into());
        let scored = score(&d, &predict(&d, &found), &with_person);
        assert_eq!(scored.predictions[0].outcome, Outcome::Correct);
        assert_eq!(scored.gold.len(), 2);
    }

    #[test]
    fn classes_outside_the_documents_scored_labels_are_not_scored() {
        // GUM and MEANTIME do not score NORP.
        let scored_labels = ["PLACE", "ORG", "PERSON"];
        let d = doc(
            "Afghan girls in Kabul",
            &scored_labels,
            &[("Afghan", "NORP", ""), ("Kabul", "PLACE", "")],
            &[],
        );
        let scored = score(&d, &predict(&d, &[("Afghan", "NORP")]), &rules());
        assert_eq!(scored.predictions[0].outcome, Outcome::OutsideClasses);
        assert_eq!(scored.gold.len(), 1, "only Kabul is gold");
        assert_eq!(scored.gold[0].text, "Kabul");
    }

    #[test]
    fn inner_names_are_false_positives_unless_with_nested() {
        let d = doc(
            "Iraqi Security Forces advanced",
            &ALL,
            &[("Iraqi Security Forces", "ORG", ""), ("Iraqi", "NORP", ", \"nested\": true")],
            &[],
        );
        let found = [("Iraqi", "NORP")];
        let flat = score(&d, &predict(&d, &found), &rules());
        assert_eq!(flat.predictions[0].outcome, Outcome::Nested);
        assert_eq!(flat.gold.len(), 1);
        let mut nested = rules();
        nested.with_nested = true;
        let scored = score(&d, &predict(&d, &found), &nested);
        assert_eq!(scored.predictions[0].outcome, Outcome::Correct);
        assert_eq!(scored.gold.len(), 2);
    }

    #[test]
    fn an_inner_name_typed_otherwise_is_nested_not_a_wrong_label() {
        let d = doc(
            "United States Navy ships",
            &ALL,
            &[("United States Navy", "ORG", ""), ("United States", "PLACE", ", \"nested\": true")],
            &[],
        );
        assert_eq!(outcomes(&d, &[("United States", "ORG")], &rules()), [Outcome::Nested]);
        let mut nested = rules();
        nested.with_nested = true;
        assert_eq!(outcomes(&d, &[("United States", "ORG")], &nested), [Outcome::WrongLabel]);
    }

    #[test]
    fn ignore_spans_are_not_gold_and_predictions_on_them_are_not_scored() {
        let d = doc(
            "Foreign Secretary spoke in Iraq",
            &ALL,
            &[("Foreign", "ORG", ", \"ignore\": true"), ("Iraq", "PLACE", "")],
            &[],
        );
        let scored = score(&d, &predict(&d, &[("Foreign Secretary", "ORG")]), &rules());
        assert_eq!(scored.predictions[0].outcome, Outcome::OnIgnoreSpan);
        assert!(!scored.predictions[0].span_match);
        assert_eq!(scored.gold.len(), 1);
    }

    #[test]
    fn a_correct_prediction_stays_correct_beside_an_ignore_span() {
        // An ignore span inside a gold name must not take the gold name's
        // credit away.
        let d = doc(
            "Islamic State of Iraq fighters",
            &ALL,
            &[("Islamic State of Iraq", "ORG", ""), ("Iraq", "PLACE", ", \"ignore\": true")],
            &[],
        );
        assert_eq!(outcomes(&d, &[("Islamic State of Iraq", "ORG")], &rules()), [Outcome::Correct]);
    }

    #[test]
    fn unreviewed_names_become_ignore_spans_when_asked() {
        let d = doc("Virginia said", &ALL, &[("Virginia", "ORG", ", \"confidence\": 0")], &[]);
        let found = [("Virginia", "GPE")];
        let kept = score(&d, &predict(&d, &found), &rules());
        assert_eq!(kept.predictions[0].outcome, Outcome::WrongLabel);
        assert_eq!(kept.gold.len(), 1);
        let mut ignoring = rules();
        ignoring.ignore_unreviewed = true;
        let scored = score(&d, &predict(&d, &found), &ignoring);
        assert_eq!(scored.predictions[0].outcome, Outcome::OnIgnoreSpan);
        assert!(scored.gold.is_empty());
        // A reviewed name (confidence above 0) stays gold.
        let d = doc("Virginia said", &ALL, &[("Virginia", "ORG", ", \"confidence\": 0.9")], &[]);
        assert_eq!(score(&d, &[], &ignoring).gold.len(), 1);
    }

    #[test]
    fn alt_labels_are_accepted_only_when_lenient() {
        let d =
            doc("France said", &ALL, &[("France", "ORG", ", \"alt_labels\": [\"PLACE\"]")], &[]);
        let found = [("France", "GPE")];
        assert_eq!(outcomes(&d, &found, &rules()), [Outcome::WrongLabel]);
        let mut lenient = rules();
        lenient.lenient = true;
        let scored = score(&d, &predict(&d, &found), &lenient);
        assert_eq!(scored.predictions[0].outcome, Outcome::Correct);
        assert_eq!(scored.gold[0].label, "ORG", "recall still counts the gold class");
    }

    #[test]
    fn names_inside_unannotated_mentions_are_not_scored_unless_judged() {
        let d = doc(
            "the US manufacturer and the Ford plant",
            &ALL,
            &[],
            &["the US manufacturer", "the Ford plant"],
        );
        let found = [("US", "GPE"), ("Ford", "ORG")];
        assert_eq!(outcomes(&d, &found, &rules()), [Outcome::Unannotated, Outcome::Unannotated]);
        let mut judging = rules();
        judging.judge_unannotated = true;
        assert_eq!(outcomes(&d, &found, &judging), [Outcome::Spurious, Outcome::Spurious]);
    }

    #[test]
    fn a_named_mentions_extent_shelters_other_names_in_it() {
        // "US" sits in the source mention of "Barack Obama" but touches no name.
        let d = doc(
            "US President Barack Obama spoke",
            &ALL,
            &[("Barack Obama", "PERSON", ", \"mention\": [0, 25]")],
            &[],
        );
        assert_eq!(outcomes(&d, &[("US", "GPE")], &rules()), [Outcome::Unannotated]);
        // Outside every extent a prediction is judged.
        let d =
            doc("US President Barack Obama spoke", &ALL, &[("Barack Obama", "PERSON", "")], &[]);
        assert_eq!(outcomes(&d, &[("US", "GPE")], &rules()), [Outcome::Spurious]);
    }

    #[test]
    fn a_prediction_touching_a_name_inside_an_extent_is_judged() {
        let d = doc(
            "the Bank of China branch",
            &ALL,
            &[("Bank of China", "ORG", ", \"mention\": [0, 24]")],
            &["the Bank of China branch"],
        );
        assert_eq!(outcomes(&d, &[("China", "GPE")], &rules()), [Outcome::Nested]);
    }

    #[test]
    fn names_glued_to_a_currency_sign_are_judged() {
        let d = doc(
            "a US$7.2 bn deal and the A$ rate",
            &ALL,
            &[],
            &["a US$7.2 bn deal", "the A$ rate"],
        );
        assert_eq!(
            outcomes(&d, &[("US", "GPE"), ("A", "GPE")], &rules()),
            [Outcome::Spurious, Outcome::Spurious]
        );
    }

    #[test]
    fn false_positives_say_why() {
        let d = doc(
            "Paris met Airbus at the Paris Air Show in Rome",
            &ALL,
            &[("Paris", "PERSON", ""), ("Airbus", "ORG", ""), ("Paris Air Show", "OTHER", "")],
            &[],
        );
        let found = [("Paris", "GPE"), ("Airbus", "NORP"), ("Paris@1", "GPE"), ("Rome", "GPE")];
        let scored = score(&d, &predict(&d, &found), &rules());
        let got: Vec<(Outcome, Option<&str>)> =
            scored.predictions.iter().map(|j| (j.outcome, j.gold_label.as_deref())).collect();
        assert_eq!(
            got,
            [
                (Outcome::WrongLabel, Some("PERSON")),
                (Outcome::WrongLabel, Some("ORG")),
                (Outcome::Nested, None),
                (Outcome::Spurious, None),
            ]
        );
    }

    #[test]
    fn the_span_score_ignores_the_class_and_each_gold_name_is_found_once() {
        let d = doc("Iraq and Iraq", &ALL, &[("Iraq", "PLACE", ""), ("Iraq@1", "ORG", "")], &[]);
        let scored = score(&d, &predict(&d, &[("Iraq", "ORG"), ("Iraq@1", "ORG")]), &rules());
        let got: Vec<(Outcome, bool)> =
            scored.predictions.iter().map(|j| (j.outcome, j.span_match)).collect();
        assert_eq!(got, [(Outcome::WrongLabel, true), (Outcome::Correct, true)]);
        assert_eq!(scored.gold[0].found_by, None);
        assert!(scored.gold.iter().all(|g| g.span_found));
        // Unscored predictions never count for the span score.
        let d = doc("Kerry", &ALL, &[("Kerry", "PLACE", "")], &[]);
        let scored = score(&d, &predict(&d, &[("Kerry", "PERSON")]), &rules());
        assert!(!scored.predictions[0].span_match && !scored.gold[0].span_found);
    }
}
