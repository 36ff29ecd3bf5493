"""`TimeExpression.rule`: the grammar rule behind a date, for explanations.

It names rules that may change between versions, so equality and hashing
leave it out, and `to_dict` (the CLI's JSON shape) does not carry it.
"""

import pickle

import dateline


def test_found_dates_carry_their_rule():
    found = dateline.find_dates("China tightened export controls, effective 1 September.", "2024-07-24")
    assert [(d.text, d.value, d.rule) for d in found] == [
        ("1 September", "2024-09-01", "day-month:future-cue(effective)")
    ]
    doc = dateline.extract("Kyiv, yesterday.", reference_date="2024-07-24")
    assert [(d.text, d.rule) for d in doc.dates] == [("yesterday", "yesterday")]
    # The same dates, found through extract_many's batch path.
    (batch,) = dateline.extract_many(["Kyiv, yesterday."], reference_date="2024-07-24")
    assert [d.rule for d in batch.dates] == ["yesterday"]


def test_rule_is_left_out_of_equality_hash_repr_and_dict():
    (found,) = dateline.find_dates("effective 1 September", "2024-07-24")
    made = dateline.TimeExpression("1 September", "DATE", "2024-09-01", 10, 21)
    assert made.rule is None
    assert found.rule is not None
    assert found == made
    assert hash(found) == hash(made)
    assert repr(found) == repr(made)
    assert found.to_dict() == made.to_dict()
    assert "rule" not in found.to_dict()


def test_rule_survives_pickling_and_the_constructor():
    (found,) = dateline.find_dates("effective 1 September", "2024-07-24")
    again = pickle.loads(pickle.dumps(found))
    assert again.rule == found.rule
    made = dateline.TimeExpression("1 September", "DATE", "2024-09-01", 10, 21, rule="mine")
    assert made.rule == "mine"
