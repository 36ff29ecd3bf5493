"""Offsets are code points: text[start:end] == result.text, on any text."""

import dateline

TEXTS = [
    "Київ — “Kyiv” said on 1 September 2024 that Україна and China’s envoy met.",
    "👩‍👩‍👧 Families in São Paulo (São Paulo) met on Tuesday 🇺🇦 in Zürich.",
    "北京 (Beijing) and 東京 said on 3 March that Tōkyō's talks were fine.",
    "Cafe\u0301 owners in Mu\u0308nchen and Germany met 2 days ago.",
    "مرحبا Iran and Iraq — שלום — met on 12 June.",
    "",
    "   \n\n  ",
]


def check(text, results):
    for result in results:
        assert text[result.start : result.end] == result.text, (text, result)


def test_every_api_reports_code_point_offsets():
    gazetteer = dateline.Gazetteer.default()
    for text in TEXTS:
        check(text, dateline.tokenize(text))
        check(text, dateline.tokenize(text, mode="treebank"))
        check(text, dateline.sentences(text))
        check(text, gazetteer.find(text))
        check(text, dateline.find_dates(text, reference_date="2024-07-24"))
        doc = dateline.extract(text, reference_date="2024-07-24", tokens=True)
        check(text, doc.sentences + doc.entities + doc.dates + list(doc.tokens or []))


def test_non_ascii_entities_are_found_at_the_right_place():
    text = TEXTS[1]
    found = [e for e in dateline.Gazetteer.default().find(text) if e.text == "São Paulo"]
    assert [text[e.start : e.end] for e in found] == ["São Paulo", "São Paulo"]
