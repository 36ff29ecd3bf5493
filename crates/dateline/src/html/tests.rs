use super::*;
use crate::{Date, Pipeline};

const SEED: &str = include_str!("../../../../seeds/000_6893e9d60b43f7bd.txt");

fn reference() -> Date {
    "2024-07-24".parse().expect("a valid date")
}

fn entity<'a>(start: usize, end: usize, label: &'a str, id: &'a str) -> EntityMark<'a> {
    EntityMark { span: Span { start, end }, label, id, source: "gazetteer", rule: None }
}

fn date<'a>(start: usize, end: usize, value: &'a str) -> DateMark<'a> {
    DateMark { span: Span { start, end }, kind: "DATE", value, modifier: None, rule: None }
}

/// Every `<mark` opened is closed, in order, and no tag we never write
/// appears: the markup is ours alone.
fn assert_marks_nest(html: &str) {
    let mut depth = 0i32;
    for piece in html.split('<').skip(1) {
        if piece.starts_with("mark ") {
            depth += 1;
        } else if piece.starts_with("/mark>") {
            depth -= 1;
            assert!(depth >= 0);
        }
    }
    assert_eq!(depth, 0);
}

#[test]
fn the_seed_article_page_has_its_marks_summary_and_timeline() {
    let document = Pipeline::new().process(SEED, reference());
    let mut page = Page::new();
    page.add(&Annotated::new("seeds/000.txt", SEED, &document).reference_date(reference()));
    let html = page.to_html();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<title>dateline: 1 document</title>"));
    assert!(html.contains(
        "<mark class=\"ent l-GPE\" data-label=\"GPE\" data-id=\"iso3166-1:CN\" \
         title=\"GPE · iso3166-1:CN&#10;source: gazetteer\">China</mark>"
    ));
    assert!(html.contains("data-type=\"DATE\" data-value=\"2024-09-01\""));
    assert!(html.contains("title=\"DATE · 2024-09-01&#10;rule: "), "date hovers name the rule");
    assert!(html.contains("<svg class=\"timeline\""));
    assert!(html.contains("reference date 2024-07-24"));
    assert!(html.contains("<h2>Most frequent entities</h2>"));
    assert!(html.contains(".dateline-page .l-GPE{background:#feca74}"));
    // No script, and nothing fetched: the page stands alone.
    assert!(!html.contains("<script") && !html.contains("src=") && !html.contains("href="));
    assert_marks_nest(&html);
    let marks = html.matches("<mark ").count();
    assert_eq!(marks, document.entities.len() + document.dates.len());
}

#[test]
fn markup_in_any_text_is_shown_not_run() {
    let text = "<script>alert(1)</script> in Paris & \"Rome\"";
    let document = Annotated {
        name: "<img src=x onerror=alert(1)>",
        text,
        reference_date: None,
        sentences: vec![Span { start: 0, end: text.len() }],
        entities: vec![
            EntityMark { rule: Some("r\"><script>"), ..entity(29, 34, "<b>", "x\"y") },
            entity(38, 42, "GPE", "<rome>"),
        ],
        dates: vec![date(0, 8, "<v>")],
    };
    let mut page = Page::new();
    page.title("</title><script>alert(2)</script>").add(&document);
    for html in [page.to_html(), page.to_fragment()] {
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img") && !html.contains("<b>") && !html.contains("<rome>"));
        assert!(html.contains("&lt;script&gt;</mark>alert(1)&lt;/script&gt; in "));
        assert!(html.contains("data-label=\"&lt;b&gt;\" data-id=\"x&quot;y\""));
        assert!(html.contains("&amp; &quot;<mark"));
        assert_marks_nest(&html);
    }
}

#[test]
fn overlapping_entities_and_dates_nest_or_split() {
    let text = "the US Navy on May Day 2024";
    let document = Annotated {
        name: "overlaps",
        text,
        entities: vec![
            entity(4, 6, "GPE", "us"),
            entity(4, 11, "ORG", ""),
            entity(15, 22, "EVENT", "may-day"),
        ],
        // "May Day" nests in the date "May Day 2024"; "Navy on" crosses
        // the ORG's end.
        dates: vec![date(15, 27, "2024-05-01"), date(7, 14, "bad")],
        ..Annotated::default()
    };
    let html = Section::new(&document).html;
    assert_marks_nest(&html);
    // Nested: the date holds the event.
    assert!(html.contains(
        "data-value=\"2024-05-01\" title=\"DATE · 2024-05-01\"><mark class=\"ent l-EVENT\""
    ));
    // Split: "Navy" closes with the ORG and " on" reopens the same date.
    let crossing =
        "<mark class=\"date t-DATE\" data-type=\"DATE\" data-value=\"bad\" title=\"DATE · bad\">";
    assert_eq!(html.matches(crossing).count(), 2, "{html}");
    assert!(html.contains(&format!("{crossing}Navy</mark></mark>{crossing} on</mark>")), "{html}");
}

#[test]
fn the_summary_counts_and_ranks_across_documents() {
    let a = "China, China and Russia on 1 May 2024.";
    let b = "Chinese and China on 2 May 2024.";
    let reference = reference();
    let pipeline = Pipeline::new();
    let (da, db) = (pipeline.process(a, reference), pipeline.process(b, reference));
    let docs = [Annotated::new("a", a, &da), Annotated::new("b", b, &db)];
    let html = render_html(&docs);
    assert!(html.contains("2 documents · 2 sentences"), "{html}");
    // China three times, first among entities.
    let top = &html[html.find("Most frequent entities").expect("the table")..];
    let first_row = &top[..top.find("</tr>").expect("a row")];
    assert!(first_row.contains(">China<") && first_row.contains("iso3166-1:CN"), "{first_row}");
    assert!(first_row.contains("<td class=\"n\">3</td>"), "{first_row}");
    // The same documents in the other order give the same summary.
    let reversed = render_html(&[docs[1].clone(), docs[0].clone()]);
    let summary =
        |html: &str| html[..html.find("<section class=\"doc\"").expect("a doc")].to_owned();
    assert_eq!(summary(&html), summary(&reversed));
    assert!(html.find("id=\"doc-1\"").expect("doc 1") < html.find("id=\"doc-2\"").expect("doc 2"));
}

#[test]
fn any_label_gets_a_colour_and_the_fragment_keeps_its_style_scoped() {
    let text = "HMS Victory";
    let document = Annotated {
        name: "ships",
        text,
        entities: vec![entity(0, 11, "SHIP", "hms-victory")],
        ..Annotated::default()
    };
    let mut page = Page::new();
    page.add(&document);
    let fragment = page.to_fragment();
    assert!(fragment.starts_with("<style>") && fragment.ends_with("</div>"));
    assert!(fragment.contains(".dateline-page .l-SHIP{background:hsl("));
    let style = &fragment[7..fragment.find("</style>").expect("style ends")];
    for rule in style.split('}').map(str::trim).filter(|r| !r.is_empty()) {
        for selector in rule[..rule.find('{').expect("a rule")].split(',') {
            assert!(selector.trim_start().starts_with(".dateline-page"), "unscoped: {selector}");
        }
    }
}

#[test]
fn an_empty_page_and_an_empty_document_render() {
    let html = Page::new().to_html();
    assert!(html.contains("0 documents") && html.contains("No date to place"));
    let html = render_html(&[Annotated::default()]);
    assert!(html.contains("<h2>document</h2>") && html.contains("(empty)"));
}
