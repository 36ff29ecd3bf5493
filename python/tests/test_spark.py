"""The Spark example on a local[2] session equals single-process results."""

import datetime
import gzip
import json
import os
import pathlib
import shutil
import sys

import pytest

import dateline

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "news-en.jsonl.gz"

pyspark = pytest.importorskip("pyspark", reason="the Spark test needs pyspark (scripts/test-python installs it)")
sys.path.insert(0, str(ROOT / "python" / "examples"))
import spark_extract  # noqa: E402


def news_documents(count: int) -> list[dict]:
    """Wikinews documents when the shared corpus is there, else the seeds with variations."""
    if CORPUS.exists():
        return spark_extract.read_corpus(CORPUS, count)
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    return [
        {"id": str(i), "text": texts[i % len(texts)][i % 97 :], "date": "2024-07-24" if i % 3 else ""}
        for i in range(count)
    ]


@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
        pytest.skip("Spark needs Java")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        pyspark.sql.SparkSession.builder.master("local[2]")
        .appName("dateline-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    # The workers import the example module too.
    session.sparkContext.addPyFile(str(ROOT / "python" / "examples" / "spark_extract.py"))
    yield session
    session.stop()


# Fields to_dict() leaves out when they are empty, as the Arrow columns have them.
ENTITY_DEFAULTS = {"rule": None, "enclosing": None, "alternatives": []}
DATE_DEFAULTS = {"mod": None, "range": None}


def test_spark_results_equal_single_process(spark):
    rows = news_documents(300)
    gazetteer = dateline.Gazetteer.default()
    frame = spark.createDataFrame(rows, "id string, text string, date string").repartition(4)
    result = {row["id"]: row.asDict(recursive=True) for row in spark_extract.extract_frame(frame, gazetteer).collect()}
    assert len(result) == len(rows)

    found_any = 0
    for row in rows:
        doc = dateline.extract(row["text"], reference_date=row["date"] or None, gazetteer=gazetteer).to_dict()
        got = result[row["id"]]
        if row["date"]:
            assert got["reference_date"] == datetime.date.fromisoformat(row["date"][:10])
        assert got["sentences"] == doc["sentences"]
        assert got["entities"] == [{**ENTITY_DEFAULTS, **e} for e in doc["entities"]]
        assert got["dates"] == [{**DATE_DEFAULTS, **d} for d in doc["dates"]]
        found_any += len(got["entities"]) + len(got["dates"])
    assert found_any > 100
