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
    entities: Vec<Entity>,
    dates: Vec<TimeExpression>,
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
    let entities =
        entities.into_iter().zip(keep_entity).filter_map(|(x, keep)| keep.then_some(x)).collect();
    let dates =
        dates.into_iter().zip(keep_date).filter_map(|(x, keep)| keep.then_some(x)).collect();
    (entities, dates)
}
