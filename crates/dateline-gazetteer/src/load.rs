//! Loaders for gazetteer files: TSV and JSON Lines.
//!
//! Both formats are read line by line; every problem is reported with its
//! 1-based line (and column where it helps), never skipped. Blank lines are
//! not rows and are ignored, as are lines starting with `#`.

use std::io::BufRead;

use crate::entry::{MAX_NAME_LEN, parse_case};
use crate::store::{Store, Thing};
use crate::{CasePolicy, Error, langs};

/// Reads lines as UTF-8, with their 1-based numbers, without a trailing
/// `\n` or `\r\n` and without a leading byte-order mark.
struct Lines<R> {
    reader: R,
    buf: Vec<u8>,
    number: u64,
}

impl<R: BufRead> Lines<R> {
    fn new(reader: R) -> Lines<R> {
        Lines { reader, buf: Vec::new(), number: 0 }
    }

    fn next_line(&mut self) -> Result<Option<(u64, &str)>, Error> {
        self.buf.clear();
        let n = self.reader.read_until(b'\n', &mut self.buf).map_err(|e| {
            // Report the line being read when the reader fails mid-file.
            Error::io(e).with_line(self.number + 1)
        })?;
        if n == 0 {
            return Ok(None);
        }
        self.number += 1;
        let mut bytes = &self.buf[..];
        if let Some(rest) = bytes.strip_suffix(b"\n") {
            bytes = rest;
        }
        if let Some(rest) = bytes.strip_suffix(b"\r") {
            bytes = rest;
        }
        if self.number == 1
            && let Some(rest) = bytes.strip_prefix("\u{feff}".as_bytes())
        {
            bytes = rest;
        }
        let line = std::str::from_utf8(bytes)
            .map_err(|_| Error::invalid_utf8(bytes).with_line(self.number))?;
        Ok(Some((self.number, line)))
    }
}

fn is_skipped(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.is_empty() || trimmed.starts_with('#')
}

/// Checks a name or alias: not empty or whitespace-only, not absurdly long.
/// Returns it trimmed.
pub(crate) fn check_name<'a>(field: &'static str, value: &'a str) -> Result<&'a str, Error> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Error::empty_field(field));
    }
    if trimmed.len() > MAX_NAME_LEN {
        return Err(Error::too_long(field, trimmed.len()));
    }
    Ok(trimmed)
}

fn parse_prior(value: &str) -> Result<Option<f64>, Error> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    match value.parse::<f64>() {
        Ok(prior) if prior.is_finite() => Ok(Some(prior)),
        _ => Err(Error::invalid_prior(value)),
    }
}

/// Where the columns a TSV file may have sit in its header.
struct Columns {
    count: usize,
    name: usize,
    label: usize,
    id: usize,
    case: Option<usize>,
    prior: Option<usize>,
    country: Option<usize>,
    admin1: Option<usize>,
    lang: Option<usize>,
}

impl Columns {
    fn from_header(header: &str) -> Option<Columns> {
        let fields: Vec<&str> = header.split('\t').map(str::trim).collect();
        let find = |wanted: &str| fields.iter().position(|f| f.eq_ignore_ascii_case(wanted));
        Some(Columns {
            count: fields.len(),
            name: find("name")?,
            label: find("label")?,
            id: find("id")?,
            case: find("case"),
            prior: find("prior").or_else(|| find("population")),
            country: find("country"),
            admin1: find("admin1"),
            lang: find("lang"),
        })
    }
}

/// Reads a TSV gazetteer: a header line naming at least the columns `name`,
/// `label` and `id` (optionally `case`, `prior` or `population`, `country`,
/// `admin1` and `lang`; other columns are ignored), then one surface form
/// per line.
pub(crate) fn read_tsv<R: BufRead>(reader: R, out: &mut Store) -> Result<(), Error> {
    let mut lines = Lines::new(reader);
    let mut columns = None;
    // Field ranges of the current line, reused from line to line.
    let mut fields: Vec<(usize, usize)> = Vec::new();
    while let Some((number, line)) = lines.next_line()? {
        if is_skipped(line) {
            continue;
        }
        let Some(cols) = &columns else {
            columns = Some(Columns::from_header(line).ok_or_else(|| {
                Error::header(line.split('\t').next().unwrap_or("")).with_line(number)
            })?);
            continue;
        };
        fields.clear();
        let mut start = 0;
        for (i, _) in line.match_indices('\t') {
            fields.push((start, i));
            start = i + 1;
        }
        fields.push((start, line.len()));
        push_tsv_row(cols, line, &fields, out).map_err(|e| e.with_line(number))?;
    }
    Ok(())
}

fn push_tsv_row(
    cols: &Columns,
    line: &str,
    fields: &[(usize, usize)],
    out: &mut Store,
) -> Result<(), Error> {
    if fields.len() != cols.count {
        return Err(Error::field_count(cols.count, fields.len()));
    }
    let field = |i: usize| &line[fields[i].0..fields[i].1];
    // 1-based column, in characters, where field `i` starts.
    let column = |i: usize| -> u64 { line[..fields[i].0].chars().count() as u64 + 1 };
    let at = |i: usize| move |e: Error| e.with_column(column(i));
    let name = check_name("name", field(cols.name)).map_err(at(cols.name))?;
    let label = check_name("label", field(cols.label)).map_err(at(cols.label))?;
    let id = check_name("id", field(cols.id)).map_err(at(cols.id))?;
    let mut case = None;
    if let Some(i) = cols.case {
        let value = field(i).trim();
        if !value.is_empty() {
            case = Some(parse_case(value).ok_or_else(|| at(i)(Error::invalid_case(value)))?);
        }
    }
    let prior = match cols.prior {
        Some(i) => parse_prior(field(i)).map_err(at(i))?,
        None => None,
    };
    let optional_id = |column: Option<usize>, what: &'static str| match column {
        Some(i) => optional_tsv_id(what, field(i)).map_err(at(i)),
        None => Ok(None),
    };
    let country = optional_id(cols.country, "country")?;
    let admin1 = optional_id(cols.admin1, "admin1")?;
    let langs = match cols.lang {
        Some(i) => langs::parse(field(i)).map_err(at(i))?,
        None => langs::ALL,
    };
    out.push(name, [], &Thing { label, id, prior, case, country, admin1, langs })
}

/// A `country` or `admin1` cell: empty (or blank) for none, else an id,
/// trimmed.
fn optional_tsv_id<'a>(what: &'static str, value: &'a str) -> Result<Option<&'a str>, Error> {
    if value.trim().is_empty() { Ok(None) } else { check_name(what, value).map(Some) }
}

/// Reads a JSON Lines gazetteer: one object per line with the keys `name`,
/// `label`, `id` (a string or an integer) and optionally `aliases` (an array
/// of strings), `prior` or `population` (a number), `case` (`"exact"`,
/// `"fold"` or `"auto"`), and `country` and `admin1` (ids, written like
/// `id`; `null` or absent for none), and `lang` (a code or an array of
/// codes; absent, `null`, `""` or `[]` for every language). Other keys are
/// ignored.
pub(crate) fn read_jsonl<R: BufRead>(reader: R, out: &mut Store) -> Result<(), Error> {
    let mut lines = Lines::new(reader);
    while let Some((number, line)) = lines.next_line()? {
        if is_skipped(line) {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| Error::json(e).with_line(number))?;
        push_json_entry(&value, out).map_err(|e| e.with_line(number))?;
    }
    Ok(())
}

fn push_json_entry(value: &serde_json::Value, out: &mut Store) -> Result<(), Error> {
    use serde_json::Value;

    let Value::Object(object) = value else {
        return Err(Error::json_field("expected a JSON object"));
    };
    let string = |key: &'static str| -> Result<&str, Error> {
        match object.get(key) {
            Some(Value::String(s)) => check_name(key, s),
            Some(_) => Err(Error::json_field(format!("field {key:?} must be a string"))),
            None => Err(Error::json_field(format!("missing field {key:?}"))),
        }
    };
    let name = string("name")?;
    let label = string("label")?;
    let mut numbers = [String::new(), String::new(), String::new()];
    let [id_number, country_number, admin1_number] = &mut numbers;
    let id = match object.get("id") {
        Some(value) => json_id(value, "id", id_number)?,
        None => return Err(Error::json_field("missing field \"id\"")),
    };
    let optional_id = |key: &'static str, number| match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => json_id(value, key, number).map(Some),
    };
    let country = optional_id("country", country_number)?;
    let admin1 = optional_id("admin1", admin1_number)?;
    let mut aliases = Vec::new();
    match object.get("aliases") {
        None | Some(Value::Null) => {}
        Some(Value::Array(values)) => {
            for alias in values {
                let Value::String(alias) = alias else {
                    return Err(Error::json_field("field \"aliases\" must hold strings only"));
                };
                aliases.push(check_name("alias", alias)?);
            }
        }
        Some(_) => return Err(Error::json_field("field \"aliases\" must be an array of strings")),
    }
    let prior = match object.get("prior").or_else(|| object.get("population")) {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => match n.as_f64() {
            Some(prior) if prior.is_finite() => Some(prior),
            _ => return Err(Error::invalid_prior(&n.to_string())),
        },
        Some(other) => return Err(Error::invalid_prior(&other.to_string())),
    };
    let case: Option<CasePolicy> = match object.get("case") {
        None | Some(Value::Null) => None,
        Some(Value::String(value)) => {
            Some(parse_case(value).ok_or_else(|| Error::invalid_case(value))?)
        }
        Some(other) => return Err(Error::invalid_case(&other.to_string())),
    };
    let langs = match object.get("lang") {
        None | Some(Value::Null) => langs::ALL,
        Some(Value::String(codes)) => langs::parse(codes)?,
        Some(Value::Array(codes)) => {
            let mut mask = langs::ALL;
            for code in codes {
                let Value::String(code) = code else {
                    return Err(Error::json_field("field \"lang\" must hold strings only"));
                };
                mask |= langs::parse(code)?;
            }
            mask
        }
        Some(_) => {
            return Err(Error::json_field(
                "field \"lang\" must be a string or an array of strings",
            ));
        }
    };
    out.push(name, aliases, &Thing { label, id, prior, case, country, admin1, langs })
}

/// The id in field `key` of a JSON object: a string (checked like a name)
/// or an integer (written into `number`).
fn json_id<'a>(
    value: &'a serde_json::Value,
    key: &'static str,
    number: &'a mut String,
) -> Result<&'a str, Error> {
    use serde_json::Value;

    match value {
        Value::String(s) => check_name(key, s),
        Value::Number(n) if n.is_u64() || n.is_i64() => {
            *number = n.to_string();
            Ok(number.as_str())
        }
        _ => Err(Error::json_field(format!("field {key:?} must be a string or an integer"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Entry;

    fn entries(store: &Store) -> Vec<Entry> {
        (0..store.len()).map(|i| store.get(i).to_entry()).collect()
    }

    fn tsv(text: &str) -> Result<Vec<Entry>, Error> {
        let mut out = Store::new();
        read_tsv(text.as_bytes(), &mut out).map(|()| entries(&out))
    }

    fn jsonl(text: &str) -> Result<Vec<Entry>, Error> {
        let mut out = Store::new();
        read_jsonl(text.as_bytes(), &mut out).map(|()| entries(&out))
    }

    #[test]
    fn tsv_with_optional_columns() {
        let entries = tsv("# comment\n\nname\tlabel\tid\tcountry\tpopulation\tkind\tcase\r\n\
             Kyiv\tGPE\t703448\tUA\t2952301\tname\tfold\r\n\
             UK\tGPE\tGB\t\t\talt\texact\n")
        .unwrap();
        assert_eq!(
            entries,
            [
                Entry::new("Kyiv", "GPE", "703448")
                    .with_prior(2952301.0)
                    .with_case(CasePolicy::Insensitive)
                    .with_country("UA"),
                Entry::new("UK", "GPE", "GB").with_case(CasePolicy::Sensitive),
            ]
        );
    }

    #[test]
    fn tsv_country_and_admin1_by_header_name() {
        let entries = tsv("Admin1\tid\tname\tCOUNTRY\tlabel\n\
             iso3166-2:US-ME\tgeonames:4975802\tPortland\t iso3166-1:US \tGPE\n\
             \tgeonames:5746545\tPortland\tiso3166-1:US\tGPE\n\
             \tiso3166-1:US\tUnited States\t\tGPE\n")
        .unwrap();
        assert_eq!(
            entries,
            [
                Entry::new("Portland", "GPE", "geonames:4975802")
                    .with_country("iso3166-1:US")
                    .with_admin1("iso3166-2:US-ME"),
                Entry::new("Portland", "GPE", "geonames:5746545").with_country("iso3166-1:US"),
                Entry::new("United States", "GPE", "iso3166-1:US"),
            ]
        );
    }

    #[test]
    fn tsv_overlong_country_names_its_column() {
        let long = "x".repeat(MAX_NAME_LEN + 1);
        let err = tsv(&format!("name\tlabel\tid\tadmin1\nPortland\tGPE\t1\t{long}\n")).unwrap_err();
        assert_eq!((err.line(), err.column()), (Some(2), Some(16)));
        assert!(err.to_string().contains("admin1 is 1025 bytes long"), "{err}");
    }

    #[test]
    fn tsv_errors_name_line_and_column() {
        let err = tsv("name\tlabel\tid\nKyiv\tGPE\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "loading gazetteer: line 2: expected 3 tab-separated fields, found 2"
        );
        let err = tsv("name\tlabel\tid\tcase\nKyiv\tGPE\t1\tmaybe\n").unwrap_err();
        assert_eq!(err.line(), Some(2));
        assert!(err.to_string().contains("invalid case \"maybe\""), "{err}");
        let err = tsv("name\tlabel\tid\n  \tGPE\t1\n").unwrap_err();
        assert_eq!(err.to_string(), "loading gazetteer: line 2, column 1: empty name");
        let err = tsv("Kyiv\tGPE\t1\n").unwrap_err();
        assert_eq!(err.line(), Some(1));
        let err = tsv("name\tlabel\tid\tprior\nKyiv\tGPE\t1\tlots\n").unwrap_err();
        assert_eq!(err.column(), Some(12));
    }

    #[test]
    fn tsv_rejects_invalid_utf8_with_its_line() {
        let mut out = Store::new();
        let err = read_tsv(&b"name\tlabel\tid\nK\xffiv\tGPE\t1\n"[..], &mut out).unwrap_err();
        assert_eq!(err.to_string(), "loading gazetteer: line 2: invalid UTF-8");
    }

    #[test]
    fn jsonl_entries_and_errors() {
        let entries = jsonl(
            r#"{"name": "Wang Yi", "label": "PERSON", "id": "wang-yi", "aliases": ["Wang"], "prior": 2, "case": "auto"}
{"name": "Kyiv", "label": "GPE", "id": 703448, "population": null}"#,
        )
        .unwrap();
        assert_eq!(
            entries,
            [
                Entry::new("Wang Yi", "PERSON", "wang-yi")
                    .with_alias("Wang")
                    .with_prior(2.0)
                    .with_case(CasePolicy::Auto),
                Entry::new("Kyiv", "GPE", "703448"),
            ]
        );
        let err =
            jsonl("{\"name\": \"A\", \"label\": \"X\", \"id\": \"1\"}\n{\"name\": 3}").unwrap_err();
        assert_eq!(err.to_string(), "loading gazetteer: line 2: field \"name\" must be a string");
        let err = jsonl("{\"name\": \"A\",").unwrap_err();
        assert_eq!(err.line(), Some(1));
        assert!(err.column().is_some());
        assert!(std::error::Error::source(&err).is_some());
        let err = jsonl(r#"{"name": "A", "label": "X"}"#).unwrap_err();
        assert!(err.to_string().ends_with("missing field \"id\""), "{err}");
        let err = jsonl(r#"{"name": "A", "label": "X", "id": "1", "aliases": [""]}"#).unwrap_err();
        assert!(err.to_string().ends_with("empty alias"), "{err}");
    }

    #[test]
    fn jsonl_country_and_admin1() {
        let entries = jsonl(
            r#"{"name": "Portland", "label": "GPE", "id": 4975802, "country": "US", "admin1": 4971068}
{"name": "Portland", "label": "GPE", "id": 5746545, "country": "US", "admin1": null}
{"name": "Maine", "label": "GPE", "id": 4971068, "country": " US "}"#,
        )
        .unwrap();
        assert_eq!(
            entries,
            [
                Entry::new("Portland", "GPE", "4975802").with_country("US").with_admin1("4971068"),
                Entry::new("Portland", "GPE", "5746545").with_country("US"),
                Entry::new("Maine", "GPE", "4971068").with_country("US"),
            ]
        );
        let err = jsonl(
            "{\"name\": \"A\", \"label\": \"X\", \"id\": \"1\"}\n\
             {\"name\": \"B\", \"label\": \"X\", \"id\": \"2\", \"country\": [\"US\"]}",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "loading gazetteer: line 2: field \"country\" must be a string or an integer"
        );
        let err = jsonl(r#"{"name": "A", "label": "X", "id": "1", "admin1": ""}"#).unwrap_err();
        assert_eq!(err.to_string(), "loading gazetteer: line 1: empty admin1");
    }

    #[test]
    fn overlong_names_are_rejected() {
        let long = "a".repeat(10 * 1024);
        let err = tsv(&format!("name\tlabel\tid\n{long}\tGPE\t1\n")).unwrap_err();
        assert!(err.to_string().contains("more than the limit"), "{err}");
        assert!(err.to_string().len() < 200);
    }
}
