//! What happens when an entity and a date expression cover the same text.
//!
//! The rule, in order:
//! 1. An entity that covers the whole date wins: "Theresa May said",
//!    "August Wilson", "Christmas Island", or "Independence Day" where the
//!    gazetteer lists the film. The gazetteer's names are deliberate, so a
//!    name that contains a date word is a name.
//! 2. Otherwise a date that covers the whole entity wins: "the Sunday
//!    Times"-style partial names inside a longer date do not survive
//!    ("10 June 2024" keeps the date even if "June" were a place name).
//! 3. Partial overlaps keep the longer span, the entity on a tie.

use dateline_dates::TimeExpression;

use crate::Entity;

/// Drops the losers of every entity/date overlap; both lists stay sorted.
pub(crate) fn resolve(
    mut entities: Vec<Entity>,
    mut dates: Vec<TimeExpression>,
) -> (Vec<Entity>, Vec<TimeExpression>) {
    if entities.is_empty() || dates.is_empty() {
        return (entities, dates);
    }
    let mut keep_entity = vec![true; entities.len()];
    let mut keep_date = vec![true; dates.len()];
    // Both lists are sorted and each is free of overlaps, so one merge walk
    // visits every overlapping pair.
    let (mut e, mut d) = (0, 0);
    while e < entities.len() && d < dates.len() {
        let (entity, date) = (entities[e].span(), dates[d].span());
        if entity.overlaps(date) {
            if entity.contains(date) || (!date.contains(entity) && entity.len() >= date.len()) {
                keep_date[d] = false;
            } else {
                keep_entity[e] = false;
            }
        }
        if entity.end <= date.end {
            e += 1;
        } else {
            d += 1;
        }
    }
    // In place (`retain` visits each in order once): most documents lose
    // nothing, and copying every entity and date into new lists cost more
    // than finding the overlaps.
    let mut keep = keep_entity.into_iter();
    entities.retain(|_| keep.next().unwrap_or(true));
    let mut keep = keep_date.into_iter();
    dates.retain(|_| keep.next().unwrap_or(true));
    (entities, dates)
}

#[cfg(test)]
mod tests {
    use dateline_gazetteer::{Entry, Gazetteer};

    use crate::{Date, Pipeline};

    fn reference() -> Date {
        "2024-07-24".parse().expect("a valid date")
    }

    fn pipeline_with(entries: Vec<Entry>) -> Pipeline {
        let gazetteer =
            Gazetteer::builder().embedded().entries(entries).build().expect("a valid gazetteer");
        Pipeline::builder().gazetteer(gazetteer).build().expect("a valid pipeline")
    }

    /// (entity texts, date texts) found in `text`.
    fn found(pipeline: &Pipeline, text: &str) -> (Vec<String>, Vec<String>) {
        let document = pipeline.process(text, reference());
        (
            document.entities.iter().map(|e| text[e.span()].to_owned()).collect(),
            document.dates.iter().map(|d| text[d.span()].to_owned()).collect(),
        )
    }

    #[test]
    fn a_name_that_covers_a_date_word_is_a_name() {
        let pipeline = pipeline_with(vec![
            Entry::new("Theresa May", "PERSON", "theresa-may"),
            Entry::new("August Wilson", "PERSON", "august-wilson"),
        ]);
        let (entities, dates) = found(&pipeline, "Theresa May met August Wilson on 3 May.");
        assert_eq!(entities, ["Theresa May", "August Wilson"]);
        assert_eq!(dates, ["3 May"]);
    }

    #[test]
    fn a_holiday_is_a_date_unless_the_gazetteer_knows_the_name() {
        let text = "Independence Day opened in cinemas on Independence Day.";
        let (_, dates) = found(&Pipeline::new(), text);
        assert_eq!(
            dates.len(),
            2,
            "without the film in the gazetteer both are holidays: {dates:?}"
        );

        let pipeline = pipeline_with(vec![Entry::new(
            "Independence Day",
            "WORK_OF_ART",
            "independence-day-film",
        )]);
        let (entities, dates) = found(&pipeline, text);
        assert_eq!(entities, ["Independence Day", "Independence Day"]);
        assert!(dates.is_empty(), "the gazetteer's name wins over the holiday: {dates:?}");
    }

    #[test]
    fn a_date_that_covers_an_entity_wins() {
        let pipeline = pipeline_with(vec![Entry::new("June", "GPE", "june-town")]);
        let (entities, dates) = found(&pipeline, "Talks ended on 10 June 2024 in Kyiv.");
        assert_eq!(entities, ["Kyiv"]);
        assert_eq!(dates, ["10 June 2024"]);
    }
}
