//! Counting and printing the judged predictions of a set: precision,
//! recall and F1 per gold class, per predicted label and per span (any
//! class), what was left unscored, and the commonest false positives and
//! misses.
//!
//! Precision breaks down by any key of a judged prediction through
//! [`precision_by`]: the label today, the entity's source and rule once the
//! pipeline reports them.

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::{Value, json};

use super::score::{GoldName, Judged, Outcome, Scored, class_of};

/// Counts behind precision (`correct` of `predicted`) and recall (`found`
/// of `gold`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub predicted: usize,
    pub correct: usize,
    pub gold: usize,
    pub found: usize,
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| 100.0 * part as f64 / whole as f64)
}

impl Tally {
    pub(crate) fn precision(&self) -> Option<f64> {
        ratio(self.correct, self.predicted)
    }

    pub(crate) fn recall(&self) -> Option<f64> {
        ratio(self.found, self.gold)
    }

    /// The harmonic mean; 0 when either side is 0, none when either is undefined.
    pub(crate) fn f1(&self) -> Option<f64> {
        let (p, r) = (self.precision()?, self.recall()?);
        Some(if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) })
    }

    fn to_json(self) -> Value {
        let round = |x: Option<f64>| x.map(|x| (x * 10.0).round() / 10.0);
        json!({
            "predicted": self.predicted,
            "correct": self.correct,
            "gold": self.gold,
            "found": self.found,
            "precision": round(self.precision()),
            "recall": round(self.recall()),
            "f1": round(self.f1()),
        })
    }
}

/// Scored predictions grouped by `key`: `predicted` and `correct` of each
/// group (gold sides left at 0).
pub(crate) fn precision_by<K: Ord>(
    predictions: &[Judged],
    key: impl Fn(&Judged) -> K,
) -> BTreeMap<K, Tally> {
    let mut groups: BTreeMap<K, Tally> = BTreeMap::new();
    for judged in predictions.iter().filter(|j| j.outcome.is_scored()) {
        let tally = groups.entry(key(judged)).or_default();
        tally.predicted += 1;
        tally.correct += usize::from(judged.outcome == Outcome::Correct);
    }
    groups
}

/// Per gold class, in the order asked for.
pub(crate) fn by_class(scored: &Scored, classes: &[String]) -> Vec<(String, Tally)> {
    let precision = precision_by(&scored.predictions, |j| class_of(&j.label).to_owned());
    classes
        .iter()
        .map(|class| {
            let mut tally = precision.get(class).copied().unwrap_or_default();
            let gold: Vec<&GoldName> = scored.gold.iter().filter(|g| &g.label == class).collect();
            tally.gold = gold.len();
            tally.found = gold.iter().filter(|g| g.found_by.is_some()).count();
            (class.clone(), tally)
        })
        .collect()
}

/// Per predicted label; recall is the share of the label's class's gold
/// names that predictions with this label found (GPE and LOC split PLACE).
pub(crate) fn by_label(scored: &Scored) -> Vec<(String, Tally)> {
    precision_by(&scored.predictions, |j| j.label.clone())
        .into_iter()
        .map(|(label, mut tally)| {
            let class = class_of(&label);
            let gold = scored.gold.iter().filter(|g| g.label == class);
            tally.gold = gold.clone().count();
            tally.found = gold.filter(|g| g.found_by.as_deref() == Some(&label)).count();
            (label, tally)
        })
        .collect()
}

/// All evaluated classes together (micro-averaged).
pub(crate) fn overall(scored: &Scored) -> Tally {
    let judged = scored.predictions.iter().filter(|j| j.outcome.is_scored());
    Tally {
        predicted: judged.clone().count(),
        correct: judged.filter(|j| j.outcome == Outcome::Correct).count(),
        gold: scored.gold.len(),
        found: scored.gold.iter().filter(|g| g.found_by.is_some()).count(),
    }
}

/// Spans alone, whatever the class.
pub(crate) fn span(scored: &Scored) -> Tally {
    let judged = scored.predictions.iter().filter(|j| j.outcome.is_scored());
    Tally {
        predicted: judged.clone().count(),
        correct: judged.filter(|j| j.span_match).count(),
        gold: scored.gold.len(),
        found: scored.gold.iter().filter(|g| g.span_found).count(),
    }
}

/// A repeated false positive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FalsePositive {
    pub text: String,
    pub label: String,
    pub outcome: Outcome,
    /// The class of the name on the span, for a wrong label.
    pub gold_label: Option<String>,
    pub count: usize,
}

/// A repeated miss.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Miss {
    pub text: String,
    pub label: String,
    pub count: usize,
}

/// The `n` commonest false positives, by count, then text.
pub(crate) fn top_false_positives(scored: &Scored, n: usize) -> Vec<FalsePositive> {
    let mut counts: BTreeMap<(&str, &str, Outcome, Option<&str>), usize> = BTreeMap::new();
    for j in scored.predictions.iter().filter(|j| j.outcome.is_false_positive()) {
        *counts.entry((&j.text, &j.label, j.outcome, j.gold_label.as_deref())).or_default() += 1;
    }
    let mut top: Vec<FalsePositive> = counts
        .into_iter()
        .map(|((text, label, outcome, gold_label), count)| FalsePositive {
            text: text.to_owned(),
            label: label.to_owned(),
            outcome,
            gold_label: gold_label.map(str::to_owned),
            count,
        })
        .collect();
    top.sort_by_key(|entry| std::cmp::Reverse(entry.count));
    top.truncate(n);
    top
}

/// The `n` commonest missed gold names, by count, then text.
pub(crate) fn top_misses(scored: &Scored, n: usize) -> Vec<Miss> {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for g in scored.gold.iter().filter(|g| g.found_by.is_none()) {
        *counts.entry((&g.text, &g.label)).or_default() += 1;
    }
    let mut top: Vec<Miss> = counts
        .into_iter()
        .map(|((text, label), count)| Miss {
            text: text.to_owned(),
            label: label.to_owned(),
            count,
        })
        .collect();
    top.sort_by_key(|entry| std::cmp::Reverse(entry.count));
    top.truncate(n);
    top
}

/// Predictions not scored, by reason.
fn not_scored(scored: &Scored) -> BTreeMap<Outcome, usize> {
    let mut counts = BTreeMap::new();
    for j in scored.predictions.iter().filter(|j| !j.outcome.is_scored()) {
        *counts.entry(j.outcome).or_default() += 1;
    }
    counts
}

/// Everything reported about one set (or the pooled sets).
pub(crate) struct Summary {
    pub name: String,
    pub documents: usize,
    pub predicted: usize,
    pub not_scored: BTreeMap<Outcome, usize>,
    pub classes: Vec<(String, Tally)>,
    pub all: Tally,
    pub labels: Vec<(String, Tally)>,
    pub span: Tally,
    pub false_positives: Vec<FalsePositive>,
    pub misses: Vec<Miss>,
}

impl Summary {
    pub(crate) fn new(
        name: &str,
        documents: usize,
        scored: &Scored,
        classes: &[String],
        top: usize,
    ) -> Summary {
        Summary {
            name: name.to_owned(),
            documents,
            predicted: scored.predictions.len(),
            not_scored: not_scored(scored),
            classes: by_class(scored, classes),
            all: overall(scored),
            labels: by_label(scored),
            span: span(scored),
            false_positives: top_false_positives(scored, top),
            misses: top_misses(scored, top),
        }
    }

    /// The tables, then (`with_top`) the false positives and misses.
    pub(crate) fn write_text(&self, out: &mut impl Write, with_top: bool) -> std::io::Result<()> {
        writeln!(out, "== {}: {} documents", self.name, self.documents)?;
        let reasons: Vec<String> =
            self.not_scored.iter().map(|(o, n)| format!("{n} {}", o.as_str())).collect();
        writeln!(
            out,
            "{} predicted, {} scored; not scored: {}",
            self.predicted,
            self.all.predicted,
            if reasons.is_empty() { "none".to_owned() } else { reasons.join(", ") }
        )?;
        writeln!(
            out,
            "{:<24} {:>6} {:>6} {:>6}  {:>11}  {:>11}",
            "", "P", "R", "F1", "correct", "found"
        )?;
        let row = |out: &mut dyn Write, name: &str, t: &Tally| {
            let pct = |x: Option<f64>| x.map_or_else(|| "-".to_owned(), |x| format!("{x:.1}"));
            writeln!(
                out,
                "{name:<24} {:>6} {:>6} {:>6}  {:>11}  {:>11}",
                pct(t.precision()),
                pct(t.recall()),
                pct(t.f1()),
                format!("{}/{}", t.correct, t.predicted),
                format!("{}/{}", t.found, t.gold),
            )
        };
        for (class, tally) in &self.classes {
            row(out, &format!("class {class}"), tally)?;
        }
        row(out, "all classes", &self.all)?;
        for (label, tally) in &self.labels {
            row(out, &format!("label {label}"), tally)?;
        }
        row(out, "span (any class)", &self.span)?;
        if with_top {
            writeln!(out, "top {} false positives:", self.false_positives.len())?;
            for fp in &self.false_positives {
                writeln!(out, "{:>5}  {:<6} {:<20} {:?}", fp.count, fp.label, fp.kind(), fp.text)?;
            }
            writeln!(out, "top {} misses:", self.misses.len())?;
            for miss in &self.misses {
                writeln!(out, "{:>5}  {:<6} {:?}", miss.count, miss.label, miss.text)?;
            }
        }
        writeln!(out)
    }

    pub(crate) fn to_json(&self) -> Value {
        let tallies = |rows: &[(String, Tally)]| -> Value {
            rows.iter()
                .map(|(k, t)| (k.clone(), t.to_json()))
                .collect::<serde_json::Map<_, _>>()
                .into()
        };
        json!({
            "name": self.name,
            "documents": self.documents,
            "predicted": self.predicted,
            "not_scored": self.not_scored.iter()
                .map(|(o, n)| (o.as_str().replace(' ', "_"), json!(n)))
                .collect::<serde_json::Map<_, _>>(),
            "classes": tallies(&self.classes),
            "all": self.all.to_json(),
            "labels": tallies(&self.labels),
            "span": self.span.to_json(),
            "false_positives": self.false_positives.iter().map(|fp| json!({
                "text": fp.text,
                "label": fp.label,
                "kind": fp.outcome.as_str(),
                "gold_label": fp.gold_label,
                "count": fp.count,
            })).collect::<Vec<_>>(),
            "misses": self.misses.iter().map(|m| json!({
                "text": m.text,
                "label": m.label,
                "count": m.count,
            })).collect::<Vec<_>>(),
        })
    }
}

impl FalsePositive {
    /// "wrong label (ORG)", "spurious", "nested".
    pub(crate) fn kind(&self) -> String {
        match &self.gold_label {
            Some(gold) => format!("{} ({gold})", self.outcome.as_str()),
            None => self.outcome.as_str().to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(text: &str, label: &str, outcome: Outcome, span_match: bool) -> Judged {
        let gold_label = (outcome == Outcome::WrongLabel).then(|| "ORG".to_owned());
        Judged { text: text.into(), label: label.into(), outcome, gold_label, span_match }
    }

    fn gold(text: &str, label: &str, found_by: Option<&str>, span_found: bool) -> GoldName {
        GoldName {
            text: text.into(),
            label: label.into(),
            found_by: found_by.map(String::from),
            span_found,
        }
    }

    /// Three PLACE and one ORG gold names; GPE finds two places, LOC one.
    fn sample() -> Scored {
        Scored {
            predictions: vec![
                judged("Syria", "GPE", Outcome::Correct, true),
                judged("Iraq", "GPE", Outcome::Correct, true),
                judged("France", "GPE", Outcome::WrongLabel, true),
                judged("Tigris", "LOC", Outcome::Correct, true),
                judged("Iraq", "GPE", Outcome::Nested, false),
                judged("Iraq", "GPE", Outcome::Nested, false),
                judged("Kerry", "PERSON", Outcome::OutsideClasses, false),
                judged("US", "GPE", Outcome::Unannotated, false),
            ],
            gold: vec![
                gold("Syria", "PLACE", Some("GPE"), true),
                gold("Iraq", "PLACE", Some("GPE"), true),
                gold("Tigris", "PLACE", Some("LOC"), true),
                gold("France", "ORG", None, true),
                gold("Coalition", "ORG", None, false),
            ],
        }
    }

    #[test]
    fn tallies_compute_precision_recall_and_f1() {
        let t = Tally { predicted: 4, correct: 3, gold: 6, found: 3 };
        assert_eq!((t.precision(), t.recall()), (Some(75.0), Some(50.0)));
        assert_eq!(t.f1(), Some(60.0));
        assert_eq!(Tally { predicted: 0, correct: 0, gold: 2, found: 0 }.f1(), None);
        assert_eq!(Tally { predicted: 2, correct: 0, gold: 2, found: 0 }.f1(), Some(0.0));
    }

    #[test]
    fn unscored_predictions_count_nowhere() {
        let all = overall(&sample());
        assert_eq!(all, Tally { predicted: 6, correct: 3, gold: 5, found: 3 });
        let span = span(&sample());
        assert_eq!(span, Tally { predicted: 6, correct: 4, gold: 5, found: 4 });
    }

    #[test]
    fn classes_pool_gpe_and_loc_and_labels_split_place_recall() {
        let classes = by_class(&sample(), &["PLACE".into(), "ORG".into()]);
        assert_eq!(classes[0].1, Tally { predicted: 6, correct: 3, gold: 3, found: 3 });
        assert_eq!(classes[1].1, Tally { predicted: 0, correct: 0, gold: 2, found: 0 });
        let labels = by_label(&sample());
        let names: Vec<&str> = labels.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(names, ["GPE", "LOC"], "PERSON was not scored");
        assert_eq!(labels[0].1, Tally { predicted: 5, correct: 2, gold: 3, found: 2 });
        assert_eq!(labels[1].1, Tally { predicted: 1, correct: 1, gold: 3, found: 1 });
    }

    #[test]
    fn precision_groups_by_any_key() {
        let by_text = precision_by(&sample().predictions, |j| j.text.clone());
        assert_eq!(by_text["Iraq"], Tally { predicted: 3, correct: 1, gold: 0, found: 0 });
        assert!(!by_text.contains_key("Kerry"));
    }

    #[test]
    fn top_lists_count_repeats_first() {
        let fps = top_false_positives(&sample(), 1);
        assert_eq!(fps.len(), 1);
        assert_eq!(
            (fps[0].text.as_str(), fps[0].count, fps[0].kind()),
            ("Iraq", 2, "nested".into())
        );
        let fps = top_false_positives(&sample(), 5);
        assert_eq!(fps[1].kind(), "wrong label (ORG)");
        let misses = top_misses(&sample(), 5);
        let got: Vec<(&str, usize)> = misses.iter().map(|m| (m.text.as_str(), m.count)).collect();
        assert_eq!(got, [("Coalition", 1), ("France", 1)]);
    }
}
