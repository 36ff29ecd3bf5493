"""Entities read in context: `source`, `rule`, `enclosing` and the `nested` policy.

`Gazetteer.find` and `extract` read gazetteer matches with the words around
them, as the CLI does; these tests pin what Python sees of that, not the
rules themselves (the Rust crates test those).
"""

import json
import pickle
import subprocess

import pytest

import dateline

NAVY = "The US Navy met China's envoy."
# Accented letters and an emoji outside the Basic Multilingual Plane (one
# code point, four UTF-8 bytes, two UTF-16 units) before the names, so that
# byte or UTF-16 offsets would show.
BANK = "Em São Paulo, o Bank of China 🏦 abriu e a US Navy chegou."
POLICIES = ["drop", "keep", "flag"]
REFERENCE = "2024-07-24"


def described(entities):
    return [(e.text, e.label, e.id, e.source, e.rule, e.enclosing) for e in entities]


def test_a_rule_names_the_longer_name_and_the_gazetteer_the_rest():
    found = dateline.Gazetteer.default().find(NAVY)
    assert described(found) == [
        ("US Navy", "ORG", "", "rule", "head:org", None),
        ("China", "GPE", "iso3166-1:CN", "gazetteer", None, None),
    ]
    assert [NAVY[e.start : e.end] for e in found] == ["US Navy", "China"]


def test_drop_keep_and_flag(seed_text):
    gazetteer = dateline.Gazetteer.default()
    drop, keep, flag = (gazetteer.find(BANK, nested=policy) for policy in POLICIES)
    assert described(drop) == [
        ("São Paulo", "GPE", "geonames:3448439", "gazetteer", None, None),
        ("Bank of China", "ORG", "", "rule", "head:org", None),
        ("US Navy", "ORG", "", "rule", "head:org", None),
    ]
    assert [(e.text, e.source, e.enclosing) for e in keep] == [
        ("São Paulo", "gazetteer", None),
        ("China", "gazetteer", None),
        ("US", "gazetteer", None),
    ]
    # Flag is keep with the longer names' offsets.
    assert [(e.text, e.start, e.end) for e in flag] == [(e.text, e.start, e.end) for e in keep]
    enclosing = [(e.text, BANK[e.enclosing[0] : e.enclosing[1]]) for e in flag if e.enclosing]
    assert enclosing == [("China", "Bank of China"), ("US", "US Navy")]
    assert gazetteer.find(BANK) == drop
    for entities in (drop, keep, flag):
        for e in entities:
            assert BANK[e.start : e.end] == e.text
            if e.enclosing is not None:
                outer_start, outer_end = e.enclosing
                assert outer_start <= e.start < e.end <= outer_end
                assert (outer_start, outer_end) != (e.start, e.end)
    # Only flag sets `enclosing`, on the seed text as well.
    for policy in POLICIES:
        found = gazetteer.find(seed_text, nested=policy)
        assert any(e.enclosing for e in found) == (policy == "flag")


def test_find_many_takes_the_policy():
    gazetteer = dateline.Gazetteer.default()
    texts = [NAVY, "", BANK]
    for policy in POLICIES:
        assert gazetteer.find_many(texts, nested=policy) == [
            gazetteer.find(t, nested=policy) for t in texts
        ]


def test_users_gazetteers_are_read_in_context_too():
    companies = dateline.Gazetteer([("Shanghai", "GPE", "shanghai")])
    text = "Shanghai Electric Group said so in Shanghai."
    assert [(e.text, e.label, e.source) for e in companies.find(text)] == [
        ("Shanghai Electric Group", "ORG", "rule"),
        ("Shanghai", "GPE", "gazetteer"),
    ]
    assert [e.text for e in companies.find(text, nested="keep")] == ["Shanghai", "Shanghai"]


def test_find_and_extract_agree(seed_text):
    gazetteer = dateline.Gazetteer.default()
    for text in (NAVY, BANK, seed_text):
        for policy in POLICIES:
            doc = dateline.extract(text, reference_date=REFERENCE, nested=policy)
            assert doc.entities == gazetteer.find(text, nested=policy), (policy, text[:40])
    many = dateline.extract_many([NAVY, BANK], reference_date=REFERENCE, nested="flag")
    assert [d.entities for d in many] == gazetteer.find_many([NAVY, BANK], nested="flag")


def test_an_unknown_policy_is_a_value_error_naming_the_policies():
    gazetteer = dateline.Gazetteer.default()
    calls = [
        lambda: gazetteer.find(NAVY, nested="nest"),
        lambda: gazetteer.find_many([NAVY], nested="nest"),
        lambda: dateline.extract(NAVY, reference_date=REFERENCE, nested="nest"),
        lambda: dateline.extract_many([NAVY], reference_date=REFERENCE, nested="nest"),
    ]
    for call in calls:
        with pytest.raises(ValueError, match="nest") as raised:
            call()
        assert all(word in str(raised.value) for word in POLICIES)
    # As the CLI reads --nested: case and surrounding spaces do not matter.
    assert gazetteer.find(NAVY, nested=" FLAG ") == gazetteer.find(NAVY, nested="flag")  # type: ignore[arg-type]


def test_entities_with_rule_and_enclosing_pickle_and_compare():
    gazetteer = dateline.Gazetteer.default()
    found = gazetteer.find(BANK, nested="flag") + gazetteer.find(BANK)
    assert any(e.rule for e in found) and any(e.enclosing for e in found)
    for entity in found:
        again = pickle.loads(pickle.dumps(entity))
        assert again == entity and hash(again) == hash(entity)
        assert (again.source, again.rule, again.enclosing) == (entity.source, entity.rule, entity.enclosing)
    # Entities differing only in source, rule or enclosing differ.
    base = dateline.Entity("US", "GPE", "iso3166-1:US", 4, 6)
    variants = [
        dateline.Entity("US", "GPE", "iso3166-1:US", 4, 6, source="rule"),
        dateline.Entity("US", "GPE", "iso3166-1:US", 4, 6, rule="namesake:region"),
        dateline.Entity("US", "GPE", "iso3166-1:US", 4, 6, enclosing=(4, 11)),
    ]
    for variant in variants:
        assert variant != base
        assert pickle.loads(pickle.dumps(variant)) == variant
    assert len({base, *variants}) == 4


def test_the_constructor_keeps_positional_arguments_and_checks_the_source():
    entity = dateline.Entity("Georgia", "GPE", "iso3166-1:GE", 0, 7, [("GPE", "us-ga")])
    assert (entity.source, entity.rule, entity.enclosing) == ("gazetteer", None, None)
    assert entity.alternatives == [("GPE", "us-ga")]
    full = dateline.Entity(
        "US", "GPE", "iso3166-1:US", 4, 6, (), "gazetteer", None, (4, 11)
    )
    assert full.enclosing == (4, 11)
    with pytest.raises(ValueError, match="gazetteer.*rule"):
        dateline.Entity("US", "GPE", "", 0, 2, source="dictionary")  # type: ignore[arg-type]


def test_repr_shows_only_what_is_not_the_default():
    found = dateline.Gazetteer.default().find(NAVY, nested="flag")
    assert repr(found[0]) == (
        "Entity(text='US', label='GPE', id='iso3166-1:US', start=4, end=6, enclosing=(4, 11))"
    )
    assert repr(found[1]) == "Entity(text='China', label='GPE', id='iso3166-1:CN', start=16, end=21)"
    navy = dateline.Gazetteer.default().find(NAVY)[0]
    assert repr(navy) == (
        "Entity(text='US Navy', label='ORG', id='', start=4, end=11, source='rule', rule='head:org')"
    )


def test_to_dict_is_what_the_cli_writes(cli):
    texts = [NAVY, BANK, "Portland, Maine, and Georgia."]
    gazetteer = dateline.Gazetteer.default()
    lines = "".join(json.dumps({"text": t}) + "\n" for t in texts)
    for policy in POLICIES:
        result = subprocess.run(
            [str(cli), "entities", "--input", "jsonl", "--format", "jsonl", "--nested", policy],
            input=lines, capture_output=True, text=True, encoding="utf-8", check=True,
        )
        written = [json.loads(line)["entities"] for line in result.stdout.splitlines()]
        mine = [[e.to_dict() for e in entities] for entities in gazetteer.find_many(texts, nested=policy)]
        assert mine == written, policy
    flagged = gazetteer.find(NAVY, nested="flag")[0].to_dict()
    assert flagged["enclosing"] == {"start": 4, "end": 11} and "rule" not in flagged


def test_extract_keeps_pipelines_of_different_settings_apart():
    # Asking with different settings in turns gives each call its own.
    mine = dateline.Gazetteer([("Bank of China", "ORG", "boc")])
    merged = dateline.Gazetteer([("Bank of China", "ORG", "boc")], include_default=True)
    for _ in range(2):
        for policy in POLICIES:
            alone = dateline.extract(BANK, reference_date=REFERENCE, gazetteer=mine, include_default=False, nested=policy)
            assert [(e.text, e.id) for e in alone.entities if e.source == "gazetteer"] == [("Bank of China", "boc")]
            both = dateline.extract(BANK, reference_date=REFERENCE, gazetteer=mine, nested=policy, tokens=True)
            assert both.entities == merged.find(BANK, nested=policy) and both.tokens is not None
            default = dateline.extract(BANK, reference_date=REFERENCE, nested=policy)
            assert default.entities == dateline.Gazetteer.default().find(BANK, nested=policy)
            assert default.tokens is None


def test_no_break_spaces_and_accents_beside_numbers_are_read_without_error():
    # Two-byte separators before multi-byte letters once put a context
    # rule's byte offset inside a letter (a PanicException in Python).
    texts = [
        "São Paulo\u00a023 July\u00a0SÃO PAULO ",
        "Québec\u00a023 July\u00a0last Tuesday São Paulo",
        "DETROIT\u00a04\u00a0Boston\u00a02",
    ]
    gazetteer = dateline.Gazetteer.default()
    for policy in POLICIES:
        for text, entities in zip(texts, gazetteer.find_many(texts, nested=policy)):
            assert entities, text
            assert all(text[e.start : e.end] == e.text for e in entities)
            doc = dateline.extract(text, reference_date=REFERENCE, nested=policy)
            assert doc.entities == entities
    scores = gazetteer.find(texts[2])
    assert [(e.text, e.label, e.rule) for e in scores] == [
        ("DETROIT", "ORG", "sports:score"),
        ("Boston", "ORG", "sports:score"),
    ]
