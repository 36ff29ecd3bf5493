//! With the `serde` feature: types serialize as DESIGN.md writes them.

use dateline_dates::{Date, DateExtractor, DateTime, Direction, TimeExpression};

#[test]
fn time_expressions_serialize_with_timeml_names() -> Result<(), Box<dyn std::error::Error>> {
    let text = "Early September, the 6-month talks resume.";
    let found = DateExtractor::new().extract(text, "2024-07-24".parse::<Date>()?);
    let json = serde_json::to_value(&found[0])?;
    assert_eq!(json["type"], "DATE");
    assert_eq!(json["value"], "2024-09");
    assert_eq!(json["mod"], "START");
    assert_eq!(json["span"]["start"], 0);
    let back: TimeExpression = serde_json::from_value(json)?;
    assert_eq!(back, found[0]);
    assert_eq!(serde_json::to_string(&Direction::Future)?, "\"future\"");
    assert_eq!(serde_json::to_string(&"2024-07-24".parse::<Date>()?)?, "\"2024-07-24\"");
    let at: DateTime = "2024-07-24T16:30".parse()?;
    assert_eq!(serde_json::to_string(&at)?, "\"2024-07-24T16:30:00\"");
    assert_eq!(serde_json::from_str::<DateTime>("\"2024-07-24T16:30:00\"")?, at);
    Ok(())
}
