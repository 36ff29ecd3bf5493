//! The embedded default gazetteer searched in each language: table cases
//! from `tests/data/embedded_langs.toml` (positives, and negatives such as
//! English "nice" and "china"), and links from each language's forms to
//! the id of the English name.

use dateline_gazetteer::{Gazetteer, Lang, Nested, Resolver};
use toml::{Table, Value};

const TABLE: &str = include_str!("data/embedded_langs.toml");

fn strings(value: Option<&Value>) -> Option<Vec<String>> {
    let array = value?.as_array().expect("a list of strings");
    Some(array.iter().map(|v| v.as_str().expect("a string").to_owned()).collect())
}

fn text_of<'a>(table: &'a Table, key: &str) -> &'a str {
    table.get(key).and_then(Value::as_str).unwrap_or_else(|| panic!("missing {key} in {table:?}"))
}

fn lang_of(table: &Table) -> Lang {
    text_of(table, "lang").parse().expect("a supported language")
}

fn table() -> Table {
    TABLE.parse().expect("embedded_langs.toml is valid TOML")
}

#[test]
fn embedded_cases_per_language() {
    let gazetteer = Gazetteer::embedded();
    let table = table();
    let cases = table["case"].as_array().expect("[[case]] entries");
    assert!(cases.len() >= 10);
    for case in cases {
        let case = case.as_table().expect("a case table");
        let name = text_of(case, "name");
        let lang = lang_of(case);
        let text = text_of(case, "text");
        let expected = strings(case.get("entities")).expect("entities");
        let found: Vec<String> = gazetteer
            .find_in(lang, text)
            .iter()
            .map(|m| format!("{}|{}|{}", &text[m.span()], m.label(), m.id()))
            .collect();
        assert_eq!(found, expected, "case {name} (gazetteer)");
        let resolver = Resolver::builder().lang(lang).build();
        let resolved: Vec<String> = resolver
            .find(gazetteer, text)
            .iter()
            .map(|e| match e.rule().filter(|_| e.id().is_empty()) {
                // Rule-found entities have no id: their rule instead.
                Some(rule) => format!("{}|{}|rule:{rule}", &text[e.span()], e.label()),
                None => format!("{}|{}|{}", &text[e.span()], e.label(), e.id()),
            })
            .collect();
        let expected = strings(case.get("resolver")).unwrap_or(expected);
        assert_eq!(resolved, expected, "case {name} (resolver)");
    }
}

#[test]
fn every_languages_form_carries_the_english_names_id() {
    let gazetteer = Gazetteer::embedded();
    let table = table();
    let links = table["link"].as_array().expect("[[link]] entries");
    for link in links {
        let link = link.as_table().expect("a link table");
        let (lang, form, english) =
            (lang_of(link), text_of(link, "form"), text_of(link, "english"));
        let found = gazetteer.find_in(lang, form);
        assert_eq!(found.len(), 1, "{lang} {form:?}: {found:?}");
        assert_eq!(&form[found[0].span()], form, "{lang} {form:?} matches whole");
        let theirs = gazetteer.find_in(Lang::En, english);
        assert_eq!(theirs.len(), 1, "English {english:?}: {theirs:?}");
        assert_eq!(found[0].id(), theirs[0].id(), "{lang} {form:?} and {english:?}");
    }
}

#[test]
fn the_embedded_gazetteer_searches_english_by_default() {
    let gazetteer = Gazetteer::embedded();
    assert_eq!(gazetteer.lang(), Lang::En);
    let text = "Pékin et l'OTAN, Peking und die UNO";
    assert_eq!(gazetteer.find(text), gazetteer.find_in(Lang::En, text));
    let french = gazetteer.with_lang(Lang::Fr);
    assert_eq!(french.find(text), gazetteer.find_in(Lang::Fr, text));
    assert!(french.find(text).len() > gazetteer.find(text).len());
}

#[test]
fn a_place_inside_a_chinese_organization_name_follows_the_nested_policy() {
    let gazetteer = Gazetteer::embedded();
    let text = "中国工商银行宣布";
    let with = |nested: Nested| {
        let resolver = Resolver::builder().lang(Lang::Zh).nested(nested).build();
        resolver
            .find(gazetteer, text)
            .iter()
            .map(|e| (text[e.span()].to_owned(), e.label(), e.enclosing().map(|s| &text[s])))
            .collect::<Vec<_>>()
    };
    assert_eq!(with(Nested::Drop), [("中国工商银行".to_owned(), "ORG", None)]);
    assert_eq!(with(Nested::Keep), [("中国".to_owned(), "GPE", None)]);
    assert_eq!(with(Nested::Flag), [("中国".to_owned(), "GPE", Some("中国工商银行"))]);
}
