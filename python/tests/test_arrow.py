"""`extract_arrow`: extract_many's results as one Arrow record batch."""

import datetime
import pathlib
import sys

import pytest

import dateline

pa = pytest.importorskip("pyarrow", reason="extract_arrow needs pyarrow (scripts/test-python installs it)")

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
TEXTS = SEEDS + [
    "",
    "Київ — “Kyiv” 👩‍👩‍👧: China’s envoy arrived on 23 July.",
    "Nothing since 2012, from 1 to 3 September, in Portland, Maine.",
    "The US Navy and the Bank of China met in Georgia every Monday.",
]

# Fields to_dict() leaves out when they are empty, as the batch has them.
ENTITY_DEFAULTS = {"rule": None, "enclosing": None, "alternatives": []}
DATE_DEFAULTS = {"mod": None, "range": None}


def as_rows(docs, references):
    """extract_many's documents as the rows extract_arrow should give."""
    rows = []
    for doc, reference in zip(docs, references):
        d = doc.to_dict()
        row = {
            "reference_date": reference,
            "sentences": d["sentences"],
            "entities": [{**ENTITY_DEFAULTS, **e} for e in d["entities"]],
            "dates": [{**DATE_DEFAULTS, **x} for x in d["dates"]],
        }
        if "tokens" in d:
            row["tokens"] = d["tokens"]
        rows.append(row)
    return rows


@pytest.mark.parametrize(
    "options",
    [{}, {"nested": "flag"}, {"nested": "keep", "direction": "past", "day_first": True}, {"tokens": True}],
    ids=["default", "flag", "keep-past-day-first", "tokens"],
)
def test_rows_equal_extract_many(options):
    reference = datetime.date(2024, 7, 24)
    batch = dateline.extract_arrow(TEXTS, reference_date=reference, **options)
    assert isinstance(batch, pa.RecordBatch)
    assert batch.num_rows == len(TEXTS)
    expected = as_rows(dateline.extract_many(TEXTS, reference_date=reference, **options), [reference] * len(TEXTS))
    got = batch.to_pylist()
    assert got == expected
    assert sum(len(r["entities"]) + len(r["dates"]) for r in got) > 50


def test_flag_fills_enclosing_and_ranges_fill_range():
    batch = dateline.extract_arrow(TEXTS, reference_date="2024-07-24", nested="flag")
    entities = [e for row in batch.column("entities").to_pylist() for e in row]
    dates = [d for row in batch.column("dates").to_pylist() for d in row]
    assert any(e["enclosing"] is not None for e in entities)
    assert any(e["alternatives"] for e in entities)
    assert any(e["rule"] is not None for e in entities)
    assert any(d["range"] is not None for d in dates)


def test_offsets_are_code_points():
    texts = TEXTS[-3:]
    batch = dateline.extract_arrow(texts, reference_date="2024-07-24", tokens=True)
    for text, row in zip(texts, batch.to_pylist()):
        for column in ("sentences", "entities", "dates", "tokens"):
            for item in row[column]:
                assert text[item["start"] : item["end"]] == item["text"]


def test_reference_dates_per_text_become_a_date32_column():
    dates = ["2024-02-29", datetime.date(1969, 12, 31), datetime.datetime(1900, 3, 1, 12), "1970-01-01", "2400-12-31"]
    batch = dateline.extract_arrow(["Yesterday."] * len(dates), reference_date=dates)
    assert batch.schema.field("reference_date").type == pa.date32()
    got = batch.column("reference_date").to_pylist()
    assert got == [
        datetime.date(2024, 2, 29),
        datetime.date(1969, 12, 31),
        datetime.date(1900, 3, 1),
        datetime.date(1970, 1, 1),
        datetime.date(2400, 12, 31),
    ]
    # The days since 1970 are Arrow's own count, as pyarrow casts them.
    days = batch.column("reference_date").cast(pa.int32()).to_pylist()
    assert days == [(d - datetime.date(1970, 1, 1)).days for d in got]
    values = [row[0]["value"] for row in batch.column("dates").to_pylist()]
    assert values == ["2024-02-28", "1969-12-30", "1900-02-28", "1969-12-31", "2400-12-30"]


def test_schema_uses_plain_strings_and_int64_offsets():
    # Spark's mapInArrow and most readers expect `string`, not `large_string`.
    batch = dateline.extract_arrow(["Kyiv"], reference_date="2024-07-24")
    assert batch.schema.names == ["reference_date", "sentences", "entities", "dates"]
    entity = batch.schema.field("entities").type.value_type
    assert entity.field("text").type == pa.string()
    assert entity.field("start").type == pa.int64()
    assert entity.field("alternatives").type == pa.list_(
        pa.field("item", pa.struct([pa.field("label", pa.string(), False), pa.field("id", pa.string(), False)]), False)
    )
    assert [f.name for f in batch.schema.field("dates").type.value_type] == [
        "text", "start", "end", "type", "value", "mod", "range",
    ]


def test_no_texts_give_an_empty_batch_with_the_schema():
    batch = dateline.extract_arrow([], reference_date="2024-07-24")
    assert batch.num_rows == 0
    assert batch.schema == dateline.extract_arrow(["x"], reference_date="2024-07-24").schema


def test_texts_from_a_generator_in_several_chunks():
    texts = [TEXTS[i % len(TEXTS)] for i in range(2500)]
    batch = dateline.extract_arrow((t for t in texts), reference_date="2024-07-24")
    assert batch.num_rows == 2500
    assert batch.slice(2400).to_pylist() == dateline.extract_arrow(texts[2400:], reference_date="2024-07-24").to_pylist()


def test_gazetteer_options_apply():
    gazetteer = dateline.Gazetteer([("Wang Yi", "PERSON", "wang-yi")])
    batch = dateline.extract_arrow(["Wang Yi in Beijing"], reference_date="2024-07-24", gazetteer=gazetteer, include_default=False)
    assert [(e["text"], e["id"]) for e in batch.column("entities").to_pylist()[0]] == [("Wang Yi", "wang-yi")]


def test_bad_arguments_raise_like_extract_many():
    with pytest.raises(TypeError, match=r"extract_arrow\(\) takes an iterable of texts .* not a str"):
        dateline.extract_arrow("one text", reference_date="2024-07-24")
    with pytest.raises(TypeError, match=r"extract_arrow\(\): text 1 is a int, not a str"):
        dateline.extract_arrow(["a", 1], reference_date="2024-07-24")
    with pytest.raises(ValueError, match="reference_date"):
        dateline.extract_arrow(["a"], reference_date="2024-13-01")
    with pytest.raises(ValueError, match="reference_date has 1 dates for 2 texts"):
        dateline.extract_arrow(["a", "b"], reference_date=["2024-07-24"])
    with pytest.raises(ValueError, match="nested"):
        dateline.extract_arrow(["a"], reference_date="2024-07-24", nested="sideways")


def test_without_pyarrow_the_error_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match="pip install pyarrow"):
        dateline.extract_arrow(["a"], reference_date="2024-07-24")


def test_batch_outlives_its_capsules_and_shares_buffers():
    batch = dateline.extract_arrow(TEXTS, reference_date="2024-07-24")
    copy = pa.record_batch(batch)  # through the PyCapsule protocol again
    del batch
    import gc

    gc.collect()
    assert copy.num_rows == len(TEXTS)
    assert copy.column("sentences").to_pylist()[0][0]["start"] == 0


def test_polars_reads_the_batch():
    pl = pytest.importorskip("polars")
    texts = TEXTS[-3:]
    frame = pl.from_arrow(dateline.extract_arrow(texts, reference_date="2024-07-24"))
    assert frame.height == 3
    entities = frame.select(pl.col("entities").explode()).unnest("entities").drop_nulls("text")
    assert "Portland" in entities["text"].to_list()
    assert entities.schema["start"] == pl.Int64
    expected = sum(len(d.entities) for d in dateline.extract_many(texts, reference_date="2024-07-24"))
    assert entities.height == expected
