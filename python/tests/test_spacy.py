"""The spaCy component `dateline.spacy` (issue 15, item 1).

Skipped when spaCy is not installed (`pip install "./python[spacy]"`;
`scripts/test-python` installs it from requirements-dev.txt).
"""

import datetime
import pickle
import subprocess
import sys
import textwrap
import warnings

import pytest

spacy = pytest.importorskip(
    "spacy", reason='spaCy is not installed: pip install "./python[spacy]" to test dateline.spacy'
)
from spacy import displacy  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402

import dateline  # noqa: E402

TEXT = "China tightened export controls, effective 1 September. The US Navy met Wang Yi in Kyiv yesterday."
PEOPLE_TSV = "name\tlabel\tid\nWang Yi\tPERSON\twang-yi\n"


def pipeline(**config):
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline", config={"reference_date": "2024-07-24", **config})
    return nlp


def ents(doc):
    return [(e.text, e.label_, e.kb_id_) for e in doc.ents]


def values(doc, key="dates"):
    return [s._.timex_value for s in doc.spans[key]]


def dates(doc, key="dates"):
    return [(s.text, s.label_, s._.timex_type, s._.timex_value, s._.timex_rule) for s in doc.spans[key]]


def test_the_factory_is_found_through_the_entry_point_without_an_import():
    # A fresh interpreter that never imports dateline: spaCy loads the
    # factory from the `spacy_factories` entry point of the installed package.
    script = textwrap.dedent(
        """
        import sys
        import spacy
        nlp = spacy.blank("en")
        nlp.add_pipe("dateline", config={"reference_date": "2024-07-24"})
        doc = nlp("Talks in Kyiv on Monday.")
        print([e.kb_id_ for e in doc.ents], [s._.timex_value for s in doc.spans["dates"]])
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "['geonames:703448'] ['2024-07-22']"


def test_dates_go_to_spans_and_entities_to_ents():
    doc = pipeline()(TEXT)
    assert dates(doc) == [
        ("1 September", "DATE", "DATE", "2024-09-01", "day-month:future-cue(effective)"),
        ("yesterday", "DATE", "DATE", "2024-07-23", "yesterday"),
    ]
    # The TIMEX3 value is each date span's kb_id_ too (displacy shows it).
    assert [s.kb_id_ for s in doc.spans["dates"]] == ["2024-09-01", "2024-07-23"]
    # Names as the gazetteer and the context rules read them: "US Navy" is a
    # rule's ORG (no id), not the GPE "US".
    assert ents(doc) == [("China", "GPE", "iso3166-1:CN"), ("US Navy", "ORG", ""), ("Kyiv", "GPE", "geonames:703448")]
    # spaCy's own DATE entities are not made: dates stay in the span group.
    assert all(e.label_ != "DATE" for e in doc.ents)


def test_the_same_results_as_extract():
    text = "Wang Yi met Dmytro Kuleba in Guangzhou on 23 July. China sent envoys to Europe next week."
    doc = pipeline()(text)
    found = dateline.extract(text, reference_date="2024-07-24")
    assert [(e.start_char, e.end_char, e.label_, e.kb_id_) for e in doc.ents] == [
        (e.start, e.end, e.label, e.id) for e in found.entities
    ]
    assert [(s.start_char, s.end_char, s._.timex_value) for s in doc.spans["dates"]] == [
        (d.start, d.end, d.value) for d in found.dates
    ]


def test_config_options_reach_extract(tmp_path):
    people = tmp_path / "people.tsv"
    people.write_text(PEOPLE_TSV, encoding="utf-8")
    orgs = tmp_path / "orgs.jsonl"
    orgs.write_text('{"name": "Acme Corp", "label": "ORG", "id": "acme"}\n', encoding="utf-8")
    text = "Wang Yi of Acme Corp flew to Kyiv on 03/04/2024."
    mine = pipeline(gazetteers=[str(people), str(orgs)])(text)
    assert ents(mine) == [("Wang Yi", "PERSON", "wang-yi"), ("Acme Corp", "ORG", "acme"), ("Kyiv", "GPE", "geonames:703448")]
    only_mine = pipeline(gazetteers=[str(people)], include_default=False)(text)
    # Without the default, Kyiv is gone; "Acme Corp" is still an ORG by its head word.
    assert ents(only_mine) == [("Wang Yi", "PERSON", "wang-yi"), ("Acme Corp", "ORG", "")]
    assert values(mine) == ["2024-03-04"]
    day_first = pipeline(day_first=True)(text)
    assert values(day_first) == ["2024-04-03"]
    # direction: a bare weekday, after or before the reference date.
    assert values(pipeline(direction="future")("Monday")) == ["2024-07-29"]
    assert values(pipeline(direction="past")("Monday")) == ["2024-07-22"]
    # nested: "US" inside "US Navy" as found, instead of the longer name.
    assert ents(pipeline(nested="keep")("The US Navy sailed."))[0] == ("US", "GPE", "iso3166-1:US")
    assert values(pipeline(spans_key="timex")("Monday"), "timex") == ["2024-07-22"]


def test_bad_options_fail_when_the_pipe_is_added():
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="sideways"):
        nlp.add_pipe("dateline", config={"nested": "sideways"})
    with pytest.raises(ValueError, match="sometime"):
        nlp.add_pipe("dateline", config={"direction": "sometime"})
    with pytest.raises(ValueError, match="2024-13-01"):
        nlp.add_pipe("dateline", config={"reference_date": "2024-13-01"})
    with pytest.raises(ValueError, match="maybe"):
        nlp.add_pipe("dateline", config={"case": "maybe", "gazetteers": ["x.tsv"]})
    with pytest.raises(ValueError, match="supported"):
        nlp.add_pipe("dateline", config={"lang": "xx"})


def test_the_language_follows_the_pipeline_unless_the_config_says():
    assert spacy.blank("en").add_pipe("dateline").lang == "en"
    assert spacy.blank("de").add_pipe("dateline").lang == "de"
    # A language dateline does not read falls back to English (None).
    assert spacy.blank("xx").add_pipe("dateline").lang is None
    nlp = spacy.blank("en")
    component = nlp.add_pipe("dateline", config={"lang": "auto", "reference_date": "2024-07-24"})
    assert component.lang == "auto"
    doc = nlp("The ministers met in Kyiv on Monday.")
    assert [s.text for s in doc.spans["dates"]] == ["Monday"]


def test_a_malformed_gazetteer_fails_when_the_pipe_is_added(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\tlabel\tid\nAcme\tORG\n", encoding="utf-8")
    with pytest.raises(dateline.GazetteerError) as caught:
        spacy.blank("en").add_pipe("dateline", config={"gazetteers": [str(bad)]})
    assert caught.value.line == 2


def test_reference_date_comes_from_the_doc_then_the_config():
    nlp = pipeline()
    doc = nlp("Kyiv, yesterday.")
    assert doc.spans["dates"][0]._.timex_value == "2024-07-23"
    for reference in ["2020-02-29", datetime.date(2020, 2, 29), datetime.datetime(2020, 2, 29, 12)]:
        doc = nlp.make_doc("Kyiv, yesterday.")
        doc._.reference_date = reference
        assert nlp(doc).spans["dates"][0]._.timex_value == "2020-02-28"
    # In a batch, each doc its own.
    docs = [nlp.make_doc("yesterday"), nlp.make_doc("yesterday")]
    docs[1]._.reference_date = "2001-01-01"
    assert [d.spans["dates"][0]._.timex_value for d in nlp.pipe(docs)] == ["2024-07-23", "2000-12-31"]


def test_without_any_reference_date_today_is_used_with_the_warning():
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline")
    # The warning is given once per process, so it may already be spent.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dateline.ReferenceDateWarning)
        doc = nlp("today")
    today = datetime.datetime.now(datetime.timezone.utc).date()
    assert doc.spans["dates"][0]._.timex_value in {
        str(today),
        str(today - datetime.timedelta(days=1)),
        str(today + datetime.timedelta(days=1)),
    }


def test_character_spans_expand_to_the_tokens_that_cover_them():
    nlp = pipeline()
    # "Kyiv's" as one token: the entity takes the whole token.
    doc = Doc(nlp.vocab, words=["Talks", "in", "Kyiv's", "office"])
    nlp.get_pipe("dateline")(doc)
    assert [(e.text, e.start, e.end) for e in doc.ents] == [("Kyiv's", 2, 3)]
    # Two names in one token: the first (in text order) is kept.
    doc = Doc(nlp.vocab, words=["Kyiv/Moscow", "talks"])
    assert [e.text for e in dateline.Gazetteer.default().find(doc.text)] == ["Kyiv", "Moscow"]
    nlp.get_pipe("dateline")(doc)
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("Kyiv/Moscow", "geonames:703448")]


def with_ents(nlp, text, *spans):
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans]
    return doc


def test_existing_ents_are_kept_by_default_and_overwritten_on_request():
    text = "China and Russia met in Kyiv."  # tokens: China and Russia met in Kyiv .
    # An earlier component called "China and Russia" an ORG and "met" an EVENT.
    keep = pipeline()
    doc = keep.get_pipe("dateline")(with_ents(keep, text, (0, 3, "ORG"), (3, 4, "EVENT")))
    assert [(e.text, e.label_) for e in doc.ents] == [("China and Russia", "ORG"), ("met", "EVENT"), ("Kyiv", "GPE")]
    overwrite = pipeline(overwrite_ents=True)
    doc = overwrite.get_pipe("dateline")(with_ents(overwrite, text, (0, 3, "ORG"), (3, 4, "EVENT")))
    # dateline's China and Russia replace the ORG; "met" overlaps nothing and stays.
    assert [(e.text, e.label_) for e in doc.ents] == [("China", "GPE"), ("Russia", "GPE"), ("met", "EVENT"), ("Kyiv", "GPE")]


def test_other_components_entities_are_kept_in_a_full_pipeline():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "Kyiv Post"}])
    nlp.add_pipe("dateline", config={"reference_date": "2024-07-24"})
    doc = nlp("The Kyiv Post wrote about China.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Kyiv Post", "ORG"), ("China", "GPE")]


def test_a_gazetteer_object_can_be_set_and_round_trips_through_to_bytes():
    nlp = pipeline(include_default=False)
    with pytest.raises(ValueError, match="include_default=False leaves no gazetteer"):
        nlp("Acme Corp in Kyiv")
    nlp.get_pipe("dateline").gazetteer = dateline.Gazetteer([("Acme Corp", "ORG", "acme")])
    assert ents(nlp("Acme Corp in Kyiv")) == [("Acme Corp", "ORG", "acme")]
    again = pipeline(include_default=False)
    again.from_bytes(nlp.to_bytes())
    assert ents(again("Acme Corp in Kyiv")) == [("Acme Corp", "ORG", "acme")]


def test_to_disk_and_from_disk_carry_the_gazetteer(tmp_path):
    people = tmp_path / "people.tsv"
    people.write_text(PEOPLE_TSV, encoding="utf-8")
    nlp = pipeline(gazetteers=[str(people)])
    text = "Wang Yi flew to Kyiv yesterday."
    expected = (ents(nlp(text)), dates(nlp(text)))
    assert expected[0][0] == ("Wang Yi", "PERSON", "wang-yi")
    nlp.to_disk(tmp_path / "model")
    assert (tmp_path / "model" / "dateline" / "gazetteer.bin").is_file()
    # The source file is gone: the saved copy is what the loaded pipeline uses.
    people.unlink()
    loaded = spacy.load(tmp_path / "model")
    assert (ents(loaded(text)), dates(loaded(text))) == expected
    fresh = spacy.blank("en")
    fresh.add_pipe("dateline", config={"reference_date": "2024-07-24"})
    fresh.from_disk(tmp_path / "model")
    assert ents(fresh(text)) == expected[0]


def test_a_config_naming_missing_files_fails_when_it_runs_unless_loaded(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline", config={"gazetteers": [str(tmp_path / "missing.tsv")]})
    with pytest.raises(FileNotFoundError, match="missing.tsv"):
        nlp("Kyiv")
    with pytest.raises(FileNotFoundError, match="missing.tsv"):
        list(nlp.pipe(["Kyiv"]))


def test_from_disk_of_a_pipeline_saved_without_a_gazetteer_drops_ours(tmp_path):
    plain = pipeline()
    plain.to_disk(tmp_path / "plain")
    nlp = pipeline()
    nlp.get_pipe("dateline").gazetteer = dateline.Gazetteer([("Acme Corp", "ORG", "acme")])
    nlp.from_disk(tmp_path / "plain")
    assert nlp.get_pipe("dateline").gazetteer is None
    assert ents(nlp("Acme Corp in Kyiv")) == [("Kyiv", "GPE", "geonames:703448")]


def test_pipe_with_two_processes_gives_the_single_process_results():
    nlp = pipeline()
    texts = [TEXT, "Kyiv, yesterday.", "Nothing here.", "Paris on Monday, Berlin next week."] * 5
    single = [(ents(d), dates(d)) for d in nlp.pipe(texts, batch_size=3)]
    assert single == [(ents(nlp(t)), dates(nlp(t))) for t in texts]
    double = [(ents(d), dates(d)) for d in nlp.pipe(texts, n_process=2, batch_size=3)]
    assert double == single
    # Docs with their own reference dates (strings: the Doc is serialized).
    docs = []
    for day in ["2001-01-01", "2002-02-02"]:
        doc = nlp.make_doc("yesterday")
        doc._.reference_date = day
        docs.append(doc)
    assert [d.spans["dates"][0]._.timex_value for d in nlp.pipe(docs, n_process=2)] == ["2000-12-31", "2002-02-01"]


def test_displacy_shows_dates_and_entities():
    doc = pipeline()(TEXT)
    spans = displacy.render(doc, style="span", options={"spans_key": "dates"}, jupyter=False)
    for mark in ["DATE", "2024-09-01", "2024-07-23", "September", "yesterday"]:
        assert mark in spans
    marks = displacy.render(doc, style="ent", jupyter=False)
    assert marks.count('<mark class="entity"') == 3
    for mark in ["China", "GPE", "iso3166-1:CN", "US Navy", "ORG", "Kyiv", "geonames:703448"]:
        assert mark in marks


def test_the_component_pickles_for_spawned_workers():
    nlp = pipeline(include_default=False)
    component = nlp.get_pipe("dateline")
    component.gazetteer = dateline.Gazetteer([("Acme Corp", "ORG", "acme")])
    nlp("Acme Corp")  # fills the string cache, which is not pickled
    again = pickle.loads(pickle.dumps(component))
    doc = again(nlp.make_doc("Acme Corp, yesterday"))
    assert ents(doc) == [("Acme Corp", "ORG", "acme")]
    assert values(doc) == ["2024-07-23"]
