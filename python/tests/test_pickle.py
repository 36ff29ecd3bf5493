import pickle

import dateline


def roundtrip(value):
    return pickle.loads(pickle.dumps(value))


def test_value_classes_pickle():
    doc = dateline.extract("China met Ukraine on 23 July.", reference_date="2024-07-24", tokens=True)
    for value in [doc, *doc.sentences, *doc.entities, *doc.dates, *(doc.tokens or [])]:
        assert roundtrip(value) == value


def test_default_gazetteer_pickles_by_reference():
    gazetteer = dateline.Gazetteer.default()
    data = pickle.dumps(gazetteer)
    assert len(data) < 200
    assert roundtrip(gazetteer).find("Kyiv") == gazetteer.find("Kyiv")


def test_custom_gazetteer_pickles_as_its_recipe():
    gazetteer = dateline.Gazetteer([("Wang Yi", "PERSON", "wang-yi")], accent_folding=True)
    again = roundtrip(gazetteer)
    assert again.find("Wang Yi spoke") == gazetteer.find("Wang Yi spoke")
    assert len(again) == len(gazetteer)
