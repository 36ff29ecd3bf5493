//! Which fields of a JSON line make a document: `--id-field`,
//! `--text-field`, `--date-field`, `--lang-field` and `--keep-field`, and
//! reading them.
//!
//! Real feeds carry more than we need (`title`, `category`, ...) and name
//! things their own way (`body`, `meta.published`), so a line is read
//! against a small tree of the wanted paths: a key that leads nowhere is
//! skipped without building a value for it, a wanted one is read as a
//! JSON value and checked for its type afterwards, which lets the messages
//! say what was found instead of serde's "expected a string". Dotted names
//! (`meta.published`) walk into nested objects.

use std::fmt;
use std::sync::Arc;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

/// Field names that the output records use themselves, which a kept
/// field must not shadow.
const RESERVED: &[&str] =
    &["id", "source", "line", "lang", "reference_date", "sentences", "entities", "dates", "tokens"];

/// The input fields to read from each JSON line, by path.
#[derive(Debug)]
pub struct Fields {
    text: String,
    date: String,
    lang: String,
    keep: Vec<Arc<str>>,
    root: Node,
}

/// One key on the way to a wanted field: what it feeds, and which keys
/// below it are wanted too.
#[derive(Debug, Default)]
struct Node {
    key: String,
    targets: Vec<Target>,
    children: Vec<Node>,
}

#[derive(Clone, Copy, Debug)]
enum Target {
    Id,
    Text,
    Date,
    Lang,
    Keep(usize),
}

/// The wanted values one line held, before their types are checked.
struct Found {
    id: Option<Value>,
    text: Option<Value>,
    date: Option<Value>,
    lang: Option<Value>,
    keep: Vec<Option<Value>>,
}

/// The document-making fields of one line.
#[derive(Debug)]
pub struct Line {
    /// The id, when the line has a non-null one.
    pub id: Option<Value>,
    /// The text.
    pub text: String,
    /// The reference date, unparsed, when the line has a non-null one.
    pub reference_date: Option<String>,
    /// The language, unparsed, when the line has a non-null one.
    pub lang: Option<String>,
    /// The kept fields, named, in `--keep-field` order; `null` for a
    /// field the line lacks.
    pub kept: Vec<(Arc<str>, Value)>,
}

impl Fields {
    /// The fields at these paths; `keep` fields go to the output under the
    /// name given.
    ///
    /// # Errors
    ///
    /// When a path is empty or has an empty part, or a kept field's name
    /// would shadow one of the output's own fields.
    pub fn new(
        id: &str,
        text: &str,
        date: &str,
        lang: &str,
        keep: &[String],
    ) -> Result<Fields, String> {
        let mut root = Node::default();
        root.add(path("--id-field", id)?, Target::Id);
        root.add(path("--text-field", text)?, Target::Text);
        root.add(path("--date-field", date)?, Target::Date);
        root.add(path("--lang-field", lang)?, Target::Lang);
        let mut kept = Vec::with_capacity(keep.len());
        for (i, name) in keep.iter().enumerate() {
            if RESERVED.contains(&name.as_str()) {
                return Err(format!(
                    "--keep-field {name:?}: the output has its own {name:?} field; \
                     keep a field of another name (or choose the document id with --id-field)"
                ));
            }
            if kept.iter().any(|k: &Arc<str>| **k == **name) {
                return Err(format!("--keep-field {name:?} is given twice"));
            }
            root.add(path("--keep-field", name)?, Target::Keep(i));
            kept.push(Arc::from(name.as_str()));
        }
        Ok(Fields {
            text: text.to_owned(),
            date: date.to_owned(),
            lang: lang.to_owned(),
            keep: kept,
            root,
        })
    }

    /// Reads one JSON line (without its line break).
    ///
    /// # Errors
    ///
    /// A message for people, when the line is not a JSON object, has no
    /// text, or a field has the wrong type; JSON syntax errors name the
    /// column.
    pub fn read(&self, line: &str) -> Result<Line, String> {
        let mut found = Found {
            id: None,
            text: None,
            date: None,
            lang: None,
            keep: (0..self.keep.len()).map(|_| None).collect(),
        };
        let mut de = serde_json::Deserializer::from_str(line);
        let read = RootSeed { node: &self.root, found: &mut found }
            .deserialize(&mut de)
            .and_then(|()| de.end());
        if let Err(err) = read {
            return Err(self.describe_bad_line(line, &err));
        }
        self.check(found)
    }

    /// Why `line` could not be read, `err` being the reader's error. Only
    /// here is the line parsed whole, to say what it holds: valid JSON that
    /// is not an object, or no JSON at all ("hello world", which serde_json
    /// reads as a misspelled `true` or `null`).
    fn describe_bad_line(&self, line: &str, err: &serde_json::Error) -> String {
        match serde_json::from_str::<Value>(line) {
            Ok(value) if !value.is_object() => format!(
                "expected a JSON object with a {:?} field, found {}: each line must be one \
                 object such as {{\"id\": 1, {:?}: \"...\"}}",
                self.text,
                kind_of(&value),
                self.text
            ),
            Ok(_) => describe_json_error(err),
            Err(syntax) if !line.trim_start().starts_with('{') => format!(
                "{} (each line must be a JSON object; for plain text, use --input text)",
                describe_json_error(&syntax)
            ),
            Err(syntax) => describe_json_error(&syntax),
        }
    }

    fn check(&self, found: Found) -> Result<Line, String> {
        let text = match found.text {
            Some(Value::String(text)) => text,
            None => {
                return Err(format!(
                    "no {:?} field: each line must be a JSON object with the document text \
                     in a string field (choose which with --text-field)",
                    self.text
                ));
            }
            Some(other) => {
                return Err(format!(
                    "field {:?} must be a string, found {}",
                    self.text,
                    kind_of(&other)
                ));
            }
        };
        let reference_date = match found.date {
            None | Some(Value::Null) => None,
            Some(Value::String(date)) => Some(date),
            Some(other) => {
                return Err(format!(
                    "field {:?} must be a date string YYYY-MM-DD or null, found {}",
                    self.date,
                    kind_of(&other)
                ));
            }
        };
        let lang = match found.lang {
            None | Some(Value::Null) => None,
            Some(Value::String(lang)) => Some(lang),
            Some(other) => {
                return Err(format!(
                    "field {:?} must be a language code string such as \"de\" (or \"auto\"), \
                     or null, found {}",
                    self.lang,
                    kind_of(&other)
                ));
            }
        };
        let id = match found.id {
            None | Some(Value::Null) => None,
            Some(id) => Some(id),
        };
        let kept = self
            .keep
            .iter()
            .zip(found.keep)
            .map(|(name, value)| (Arc::clone(name), value.unwrap_or(Value::Null)))
            .collect();
        Ok(Line { id, text, reference_date, lang, kept })
    }
}

fn path<'p>(option: &str, name: &'p str) -> Result<Vec<&'p str>, String> {
    let parts: Vec<&str> = name.split('.').collect();
    if parts.iter().any(|p| p.is_empty()) {
        return Err(format!(
            "{option} {name:?}: expected a field name, or names joined by dots for nested \
             objects (such as meta.published)"
        ));
    }
    Ok(parts)
}

impl Node {
    fn add(&mut self, path: Vec<&str>, target: Target) {
        let mut node = self;
        for part in path {
            let at = match node.children.iter().position(|c| c.key == part) {
                Some(at) => at,
                None => {
                    node.children.push(Node { key: part.to_owned(), ..Node::default() });
                    node.children.len() - 1
                }
            };
            node = &mut node.children[at];
        }
        node.targets.push(target);
    }

    /// Hands `value`, found at this node, to its targets and children.
    fn assign(&self, value: Value, found: &mut Found) {
        if let Value::Object(map) = &value {
            for child in &self.children {
                if let Some(inner) = map.get(&child.key) {
                    child.assign(inner.clone(), found);
                }
            }
        }
        if let Some((last, rest)) = self.targets.split_last() {
            for &target in rest {
                found.set(target, value.clone());
            }
            found.set(*last, value);
        }
    }
}

impl Found {
    fn set(&mut self, target: Target, value: Value) {
        match target {
            Target::Id => self.id = Some(value),
            Target::Text => self.text = Some(value),
            Target::Date => self.date = Some(value),
            Target::Lang => self.lang = Some(value),
            Target::Keep(i) => self.keep[i] = Some(value),
        }
    }
}

/// What a JSON value is, as the error messages name it ("a boolean",
/// "null").
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde_json's message without its "at line 1 column N" suffix (a line
/// is one line here), with the column put where people look for it. The
/// line is parsed without its line break, so an error at its end is at
/// its last character, not at "column 0" of the next line.
fn describe_json_error(err: &serde_json::Error) -> String {
    let message = err.to_string();
    let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
    let column = err.column().max(1);
    let hint = if err.is_eof() { " (the line ends before the JSON object does)" } else { "" };
    format!("malformed JSON line at column {column}: {message}{hint}")
}

/// Reads the top-level object, keeping only the wanted fields.
struct RootSeed<'a> {
    node: &'a Node,
    found: &'a mut Found,
}

impl<'de> DeserializeSeed<'de> for RootSeed<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RootSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(child) = map.next_key_seed(KeySeed(self.node))? {
            match child {
                Some(child) => {
                    let child = &self.node.children[child];
                    child.assign(map.next_value::<Value>()?, self.found);
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// A key, as the index of the wanted child it names, without allocating.
struct KeySeed<'a>(&'a Node);

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Option<usize>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Ok(self.0.children.iter().position(|c| c.key == key))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn defaults() -> Fields {
        Fields::new("id", "text", "reference_date", "lang", &[]).unwrap()
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let line = defaults()
            .read(r#"{"id": "a", "date": "2024-01-02", "title": {"x": [1, 2]}, "text": "T"}"#)
            .unwrap();
        assert_eq!(line.id, Some(json!("a")));
        assert_eq!(line.text, "T");
        assert_eq!(line.reference_date, None);
    }

    #[test]
    fn fields_can_be_renamed_and_nested() {
        let fields = Fields::new(
            "meta.uid",
            "body",
            "meta.published",
            "meta.language",
            &["title".into(), "meta.author".into(), "meta".into()],
        )
        .unwrap();
        let line = fields
            .read(
                r#"{"body": "B", "title": "Hi", "meta": {"uid": 7, "published": "2024-07-24", "author": null, "language": "fr"}}"#,
            )
            .unwrap();
        assert_eq!(line.lang.as_deref(), Some("fr"));
        assert_eq!(line.id, Some(json!(7)));
        assert_eq!(line.text, "B");
        assert_eq!(line.reference_date.as_deref(), Some("2024-07-24"));
        let kept: Vec<(&str, Value)> = line.kept.iter().map(|(k, v)| (&**k, v.clone())).collect();
        assert_eq!(
            kept,
            [
                ("title", json!("Hi")),
                ("meta.author", Value::Null),
                (
                    "meta",
                    json!({"uid": 7, "published": "2024-07-24", "author": null, "language": "fr"})
                ),
            ]
        );
    }

    #[test]
    fn missing_kept_fields_and_null_dates_and_ids_are_absent() {
        let fields = Fields::new("id", "text", "date", "lang", &["title".into()]).unwrap();
        let line = fields.read(r#"{"id": null, "date": null, "lang": null, "text": ""}"#).unwrap();
        assert_eq!((line.id, line.reference_date, line.lang), (None, None, None));
        assert_eq!(line.kept[0].1, Value::Null);
        // A nested path through something that is not an object is missing too.
        let fields = Fields::new("id", "text", "meta.date", "lang", &[]).unwrap();
        assert_eq!(fields.read(r#"{"text": "", "meta": 3}"#).unwrap().reference_date, None);
    }

    #[test]
    fn wrong_types_and_shapes_say_what_was_found() {
        let fields = defaults();
        let cases = [
            (r#"[1, 2]"#, "expected a JSON object with a \"text\" field, found an array"),
            (r#""text""#, "found a string"),
            (r#"{"text": 5}"#, "field \"text\" must be a string, found a number"),
            (r#"{"id": 1}"#, "no \"text\" field"),
            (r#"{"text": "", "reference_date": 20240101}"#, "must be a date string"),
            (r#"{"text": "", "lang": ["de"]}"#, "field \"lang\" must be a language code string"),
            (r#"{"text": "a""#, "malformed JSON line at column 12: EOF while parsing an object"),
            (r#"{"text": "a"} x"#, "malformed JSON line at column 15: trailing characters"),
            ("true", "found a boolean"),
            (" null", "found null"),
            ("-3.5", "found a number"),
            // Text that is not JSON at all, though it starts as a literal
            // or a number would.
            ("this is not json", "malformed JSON line at column 2"),
            ("nothing here", "for plain text, use --input text"),
            ("2024 was a year", "malformed JSON line at column 6: trailing characters"),
            ("hello world", "malformed JSON line at column 1: expected value"),
        ];
        for (input, expected) in cases {
            let message = fields.read(input).unwrap_err();
            assert!(message.contains(expected), "{input}: {message}");
        }
    }

    #[test]
    fn bad_field_options_are_refused() {
        for (keep, expected) in [
            (vec!["sentences".to_owned()], "the output has its own \"sentences\" field"),
            (vec!["lang".to_owned()], "the output has its own \"lang\" field"),
            (vec!["a".into(), "a".into()], "given twice"),
            (vec!["a..b".into()], "expected a field name"),
        ] {
            let err = Fields::new("id", "text", "reference_date", "lang", &keep).unwrap_err();
            assert!(err.contains(expected), "{err}");
        }
        assert!(Fields::new("id", "", "d", "l", &[]).unwrap_err().starts_with("--text-field \"\""));
    }
}
