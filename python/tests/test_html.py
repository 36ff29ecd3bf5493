"""Document.to_html(), _repr_html_() and dateline.to_html(documents): the
facade's page renderer over Python results (its own tests are in Rust)."""

import html.parser
import pickle

import pytest

import dateline


class Marks(html.parser.HTMLParser):
    """Each <mark>'s attributes and the text inside it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marks, self.open, self.tags = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "mark":
            self.open.append((dict(attrs), []))

    def handle_endtag(self, tag):
        if tag == "mark":
            attrs, text = self.open.pop()
            self.marks.append((attrs, "".join(text)))

    def handle_data(self, data):
        for _, text in self.open:
            text.append(data)


def marks(page):
    parser = Marks()
    parser.feed(page)
    assert parser.open == [], "every mark closes"
    return parser


def test_a_document_from_extract_renders_its_marks(seed_text):
    doc = dateline.extract(seed_text, reference_date="2024-07-24")
    page = doc.to_html()
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    found = marks(page)
    assert len(found.marks) == len(doc.entities) + len(doc.dates)
    china = [a for a, text in found.marks if text == "China"]
    assert china and all(a["data-id"] == "iso3166-1:CN" and a["data-label"] == "GPE" for a in china)
    assert china[0]["title"] == "GPE · iso3166-1:CN\nsource: gazetteer"
    september = [a for a, text in found.marks if text == "1 September"]
    assert september[0]["data-value"] == "2024-09-01"
    assert september[0]["title"] == "DATE · 2024-09-01"
    assert "script" not in found.tags


def test_offsets_are_code_points_in_non_ascii_text():
    text = "👩‍👩‍👧 «Київ»: China’s envoy in São Paulo on 23 July."
    doc = dateline.extract(text, reference_date="2024-07-24")
    shown = [t for _, t in marks(doc.to_html()).marks]
    assert shown == [x.text for x in sorted([*doc.entities, *doc.dates], key=lambda x: x.start)]
    assert "China" in shown and "23 July" in shown


def test_markup_in_text_and_results_is_shown_as_text():
    text = "<script>alert(1)</script> & <b>Paris</b>"
    doc = dateline.extract(text, reference_date="2024-07-24")
    assert doc.text is text, "the document keeps the caller's string, not a copy"
    hostile = dateline.Entity("<b>Paris</b>", '<i x="1">', "<script>", 28, 40, rule="</mark>")
    made = dateline.Document(doc.sentences, [hostile], [], text=text)
    for page in (doc.to_html(), made.to_html(name="<em>", title="</title><script>"), made._repr_html_()):
        assert "<script" not in page and "<b>" not in page and "<i " not in page and "<em>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; " in page
    attrs, shown = marks(made.to_html()).marks[0]
    assert (attrs["data-label"], attrs["data-id"], attrs["data-rule"], shown) == ('<i x="1">', "<script>", "</mark>", "<b>Paris</b>")


def test_overlapping_and_bad_spans_from_hand_built_documents_render():
    text = "the US Navy on May Day 2024"
    entities = [
        dateline.Entity("US", "GPE", "us", 4, 6),
        dateline.Entity("US Navy", "ORG", "", 4, 11, source="rule", rule="head:org"),
        dateline.Entity("Navy on", "ORG", "", 7, 14),  # crosses the ORG's end
        dateline.Entity("far", "GPE", "x", 90, 99),  # past the end: not highlighted
    ]
    dates = [dateline.TimeExpression("May Day 2024", "DATE", "2024-05-01", 15, 27)]
    page = dateline.Document([], entities, dates, text=text).to_html()
    found = marks(page)
    shown = [t for _, t in found.marks]
    assert "US" in shown and "US Navy" in shown and "May Day 2024" in shown
    # The crossing mark is split in two pieces with the same attributes.
    crossing = [t for a, t in found.marks if a.get("data-label") == "ORG" and "data-rule" not in a]
    assert sorted(crossing) == [" on", "Navy"]
    assert "far" not in shown


def test_repr_html_is_a_scoped_fragment_for_notebooks(seed_text):
    doc = dateline.extract(seed_text, reference_date="2024-07-24")
    fragment = doc._repr_html_()
    assert fragment.startswith("<style>") and fragment.endswith("</div>")
    assert "<html" not in fragment and "<body" not in fragment
    style = fragment[len("<style>") : fragment.index("</style>")]
    for rule in filter(None, (r.strip() for r in style.split("}"))):
        for selector in rule.split("{")[0].split(","):
            assert selector.strip().startswith(".dateline-page"), selector


def test_many_documents_on_one_page():
    texts = ["Talks in Geneva on Monday.", "China and Russia met in 2022.", ""]
    docs = dateline.extract_many(texts, reference_date="2024-07-24")
    page = dateline.to_html(docs, names=["a", "b", "c"], title="Three")
    assert "<title>Three</title>" in page and "3 documents · " in page
    assert page.index("<h2>a</h2>") < page.index("<h2>b</h2>") < page.index("<h2>c</h2>")
    assert "<h2>document 2</h2>" in dateline.to_html(docs)
    assert "0 documents" in dateline.to_html([])


def test_errors_say_what_is_wrong():
    bare = dateline.Document([], [], [])
    assert bare.text is None
    with pytest.raises(ValueError, match="no text to show: pass text="):
        bare.to_html()
    with pytest.raises(ValueError, match="no text to show"):
        bare._repr_html_()
    docs = dateline.extract_many(["One.", "Two."], reference_date="2024-07-24")
    with pytest.raises(ValueError, match="names has 1 items for 2 documents"):
        dateline.to_html(docs, names=["one"])
    with pytest.raises(TypeError):
        dateline.to_html(["not a document"])
    with pytest.raises(TypeError):
        dateline.to_html(docs, names="ab")


def test_text_survives_pickling_and_does_not_change_equality():
    doc = dateline.extract("Talks in Geneva.", reference_date="2024-07-24")
    back = pickle.loads(pickle.dumps(doc))
    assert back == doc and back.text == "Talks in Geneva."
    assert back.to_html() == doc.to_html()
    assert dateline.Document(doc.sentences, doc.entities, doc.dates) == doc
