import datetime

import dateline


def test_version_is_exposed():
    assert isinstance(dateline.__version__, str) and dateline.__version__


def test_tokenize_default_and_treebank():
    tokens = dateline.tokenize("China's exports rose 3.5% in the U.S.")
    texts = [t.text for t in tokens]
    assert texts[:2] == ["China", "'s"]
    assert "3.5%" in texts and "U.S." in texts
    assert tokens[0] == dateline.Token("China", 0, 5, "word")
    treebank = [t.text for t in dateline.tokenize("They don't know.", mode="treebank")]
    assert treebank == ["They", "do", "n't", "know", "."]


def test_sentences():
    spans = dateline.sentences("Mr. Wang arrived. He left at 3 p.m. on Monday.")
    assert [s.text for s in spans] == ["Mr. Wang arrived.", "He left at 3 p.m. on Monday."]
    assert spans[1] == dateline.Span("He left at 3 p.m. on Monday.", 18, 46)


def test_find_dates_on_the_seed_article(seed_text):
    found = dateline.find_dates(seed_text, reference_date="2024-07-24")
    values = {(d.text, d.value) for d in found}
    assert ("1 September", "2024-09-01") in values
    assert ("23 July", "2024-07-23") in values
    assert ("June", "2024-06") in values
    assert all(d.type == "DATE" for d in found)


def test_reference_date_accepts_date_datetime_and_string():
    text = "It happened yesterday."
    expected = "2024-07-23"
    for reference in ["2024-07-24", datetime.date(2024, 7, 24), datetime.datetime(2024, 7, 24, 18, 30)]:
        assert [d.value for d in dateline.find_dates(text, reference_date=reference)] == [expected]


def test_direction_option():
    past = dateline.find_dates("on Tuesday", reference_date="2024-07-24", direction="past")
    future = dateline.find_dates("on Tuesday", reference_date="2024-07-24", direction="future")
    assert past[0].value == "2024-07-23"
    assert future[0].value == "2024-07-30"


def test_default_gazetteer_finds_places_and_demonyms(seed_text):
    gazetteer = dateline.Gazetteer.default()
    found = {(e.text, e.label) for e in gazetteer.find(seed_text)}
    for expected in [("China", "GPE"), ("Ukraine", "GPE"), ("Chinese", "NORP"), ("NATO", "ORG")]:
        assert expected in found


def test_gazetteer_from_tuples_and_dicts():
    gazetteer = dateline.Gazetteer(
        [
            ("Wang Yi", "PERSON", "wang-yi"),
            {"name": "Dmytro Kuleba", "label": "PERSON", "id": "kuleba", "aliases": ["Kuleba"]},
        ]
    )
    found = gazetteer.find("Kuleba met Wang  Yi.")
    assert [(e.text, e.id, e.start, e.end) for e in found] == [
        ("Kuleba", "kuleba", 0, 6),
        ("Wang  Yi", "wang-yi", 11, 19),
    ]


def test_gazetteer_accent_folding_option():
    # On by default, as in the CLI and Rust; off on request.
    folding = dateline.Gazetteer([("Sao Paulo", "GPE", "sp")])
    plain = dateline.Gazetteer([("Sao Paulo", "GPE", "sp")], accent_folding=False)
    assert plain.find("São Paulo") == []
    assert [e.text for e in folding.find("São Paulo")] == ["São Paulo"]


def test_gazetteer_from_file_save_and_load(tmp_path, seed_gazetteer_path, seed_text):
    gazetteer = dateline.Gazetteer.from_file(seed_gazetteer_path)
    found = [e.text for e in gazetteer.find(seed_text)]
    assert "Wang Yi" in found and "Kuleba" in found
    saved = tmp_path / "seeds.dlg"
    gazetteer.save(saved)
    assert dateline.Gazetteer.load(saved).find(seed_text) == gazetteer.find(seed_text)


def test_find_many_matches_find(seed_text):
    gazetteer = dateline.Gazetteer.default()
    texts = [seed_text, "", "Kyiv and Washington", seed_text[:300]]
    assert gazetteer.find_many(texts) == [gazetteer.find(t) for t in texts]


def test_extract_and_to_dict(seed_text, seed_gazetteer_path):
    gazetteer = dateline.Gazetteer.from_file(seed_gazetteer_path, include_default=True)
    doc = dateline.extract(seed_text, reference_date="2024-07-24", gazetteer=gazetteer)
    assert len(doc.sentences) > 5
    assert {"Wang Yi", "China"} <= {e.text for e in doc.entities}
    as_dict = doc.to_dict()
    assert set(as_dict) == {"sentences", "entities", "dates"}
    assert as_dict["dates"][0]["text"] == doc.dates[0].text
    assert as_dict["entities"][0]["label"] == doc.entities[0].label


def test_extract_many_equals_extract(seed_text):
    texts = [seed_text, "Nothing here.", "Talks in Geneva next week."]
    docs = dateline.extract_many(texts, reference_date="2024-07-24")
    assert docs == [dateline.extract(t, reference_date="2024-07-24") for t in texts]
    per_document = dateline.extract_many(texts, reference_date=["2024-07-24", None, "2020-01-01"])
    assert per_document[2] == dateline.extract(texts[2], reference_date="2020-01-01")


def test_documents_differing_in_entities_or_tokens_are_unequal():
    text = "Talks in Geneva next week."
    doc = dateline.extract(text, reference_date="2024-07-24")
    assert doc == dateline.extract(text, reference_date="2024-07-24")
    no_places = dateline.Document(doc.sentences, [], doc.dates)
    assert doc.entities and doc != no_places
    with_tokens = dateline.extract(text, reference_date="2024-07-24", tokens=True)
    assert doc != with_tokens
    assert with_tokens.tokens is not None
    fewer_tokens = dateline.Document(doc.sentences, doc.entities, doc.dates, with_tokens.tokens[:-1])
    assert with_tokens != fewer_tokens
    assert with_tokens == dateline.Document(
        doc.sentences, doc.entities, doc.dates, dateline.tokenize(text)
    )


def test_repr_reads_like_a_constructor():
    entity = dateline.Entity("Wang Yi", "PERSON", "wang-yi", 0, 7)
    assert repr(entity) == "Entity(text='Wang Yi', label='PERSON', id='wang-yi', start=0, end=7)"
    token = dateline.Token("it's", 0, 4, "word")
    assert repr(token) == "Token(text=\"it's\", start=0, end=4, kind='word')"


def test_results_are_hashable_and_frozen():
    token = dateline.tokenize("Kyiv")[0]
    assert {token: 1}[dateline.Token("Kyiv", 0, 4, "word")] == 1
    try:
        token.start = 3  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("results must be frozen")


def test_cached_extractors_keep_each_option_set_apart():
    # Extractors are cached per option set; interleaved calls must not mix them.
    seen: dict[tuple[str, bool], list[str]] = {}
    for _ in range(2):
        for direction in ["past", "future"]:
            for day_first in [False, True]:
                found = [
                    d.value
                    for text in ["on Tuesday", "on 02/03/2024"]
                    for d in dateline.find_dates(
                        text, reference_date="2024-07-24", direction=direction, day_first=day_first
                    )
                ]
                assert seen.setdefault((direction, day_first), found) == found
    assert seen[("past", False)] == ["2024-07-23", "2024-02-03"]
    assert seen[("past", True)] == ["2024-07-23", "2024-03-02"]
    assert seen[("future", False)] == ["2024-07-30", "2024-02-03"]


def test_each_gazetteer_keeps_its_own_names():
    # Label and id strings are cached per gazetteer; gazetteers built and
    # dropped in turn must never see each other's.
    for round in range(20):
        first = dateline.Gazetteer([("Paris", "GPE", f"paris-{round}")])
        second = dateline.Gazetteer([("Paris", "PERSON", f"paris-hilton-{round}"), ("Paris", "GPE", "x")])
        assert [(e.label, e.id) for e in first.find("Paris")] == [("GPE", f"paris-{round}")]
        found = second.find_many(["Paris"])[0][0]
        assert (found.label, found.id, found.alternatives) == ("PERSON", f"paris-hilton-{round}", [("GPE", "x")])
        del first, second


def test_extract_pipelines_are_cached_per_settings_and_gazetteer():
    custom = dateline.Gazetteer([("Acme Corp", "ORG", "acme")])
    for _ in range(2):
        for gazetteer in [None, dateline.Gazetteer.default(), custom]:
            for direction, value in [("past", "2024-07-23"), ("future", "2024-07-30")]:
                for tokens in [False, True]:
                    doc = dateline.extract(
                        "China and Acme Corp met on Tuesday.",
                        reference_date="2024-07-24",
                        gazetteer=gazetteer,
                        direction=direction,
                        tokens=tokens,
                    )
                    assert [d.value for d in doc.dates] == [value]
                    assert (doc.tokens is not None) == tokens
                    # A user gazetteer adds to the default unless
                    # include_default=False; without "Acme Corp" in it, a
                    # context rule reads the name from its head word.
                    labels = [(e.label, e.source) for e in doc.entities]
                    acme = "gazetteer" if gazetteer is custom else "rule"
                    assert labels == [("GPE", "gazetteer"), ("ORG", acme)]
                    if gazetteer is not None:
                        alone = dateline.extract(
                            "China and Acme Corp met on Tuesday.",
                            reference_date="2024-07-24",
                            gazetteer=gazetteer,
                            include_default=False,
                        )
                        expected = (
                            [("ORG", "gazetteer")]
                            if gazetteer is custom
                            else [("GPE", "gazetteer"), ("ORG", "rule")]
                        )
                        assert [(e.label, e.source) for e in alone.entities] == expected


def test_every_result_class_has_to_dict_shaped_like_the_document_dict():
    text = "China met Ukraine on 23 July. Talks resume since early 2024."
    doc = dateline.extract(text, reference_date="2024-07-24", tokens=True)
    assert doc.tokens is not None
    as_dict = doc.to_dict()
    assert [s.to_dict() for s in doc.sentences] == as_dict["sentences"]
    assert [e.to_dict() for e in doc.entities] == as_dict["entities"]
    assert [d.to_dict() for d in doc.dates] == as_dict["dates"]
    assert [t.to_dict() for t in doc.tokens] == as_dict["tokens"]
    assert doc.entities[0].to_dict() == {
        "text": "China", "start": 0, "end": 5, "label": "GPE", "id": doc.entities[0].id, "source": "gazetteer"
    }
    assert doc.sentences[0].to_dict() == {"text": "China met Ukraine on 23 July.", "start": 0, "end": 29}
    assert doc.tokens[0].to_dict() == {"text": "China", "start": 0, "end": 5, "kind": "word"}
    assert doc.dates[0].to_dict() == {"text": "23 July", "start": 21, "end": 28, "type": "DATE", "value": "2024-07-23"}
    georgia = dateline.Gazetteer.default().find("Georgia")[0].to_dict()
    assert georgia["alternatives"] and set(georgia["alternatives"][0]) == {"label", "id"}
    ranged = [d.to_dict() for d in doc.dates if d.mod is not None or d.range is not None]
    assert all(("mod" in d) or ("range" in d) for d in ranged)


def test_document_tokens_are_tokens_as_tokenize_returns_them():
    text = "Talks in Geneva resume next week."
    doc = dateline.extract(text, reference_date="2024-07-24", tokens=True)
    assert isinstance(doc.tokens, dateline.Tokens)
    assert type(doc.tokens) is type(dateline.tokenize(text))
    assert doc.tokens == dateline.tokenize(text)
    assert doc.tokens.text == text and doc.tokens[2:4].text == "Geneva resume"
    assert dateline.extract(text, reference_date="2024-07-24").tokens is None
    assert dateline.extract_many([text], reference_date="2024-07-24", tokens=True)[0].tokens == doc.tokens
