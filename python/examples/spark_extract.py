"""Run dateline over a Spark DataFrame of documents with mapInArrow.

    python python/examples/spark_extract.py [CORPUS.jsonl.gz] [--limit N]

Reads news documents (`id`, `text`, `date`) into a DataFrame, ships one
gazetteer to the workers with a broadcast variable, and adds each
document's sentences, entities and dates as array-of-struct columns.
`dateline.extract_arrow` builds those columns in Rust as one Arrow batch per
Spark batch, so no Python object is made per entity or date. Run it with the
virtual environment's Python on the workers (`PYSPARK_PYTHON`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import pathlib
from typing import Iterator

import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.pandas.types import from_arrow_schema

import dateline

# The columns extract_arrow gives, after the document's id; the Spark schema
# is read off the Arrow one, so the two cannot drift apart.
COLUMNS = ["reference_date", "sentences", "entities", "dates"]


def output_schema() -> pa.Schema:
    """The Arrow schema of extract_frame's rows: `id`, then extract_arrow's columns."""
    columns = dateline.extract_arrow([], reference_date="1970-01-01").schema
    return pa.schema([pa.field("id", pa.string())] + [columns.field(name) for name in COLUMNS])


def extract_frame(documents: DataFrame, gazetteer: dateline.Gazetteer) -> DataFrame:
    """Adds extract_arrow's columns to a DataFrame with `id`, `text` and `date` columns.

    A missing or empty `date` resolves against today (UTC).
    """
    shared = documents.sparkSession.sparkContext.broadcast(gazetteer)
    schema = output_schema()

    def extract_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            references = [d or None for d in batch.column("date").to_pylist()]
            found = dateline.extract_arrow(
                batch.column("text").to_pylist(), reference_date=references, gazetteer=shared.value
            )
            columns = [batch.column("id")] + [found.column(name) for name in COLUMNS]
            yield pa.RecordBatch.from_arrays(columns, schema=schema)

    return documents.select("id", "text", "date").mapInArrow(extract_batches, schema=from_arrow_schema(schema))


def read_corpus(path: pathlib.Path, limit: int) -> list[dict]:
    """Documents from a (gzipped) JSON Lines corpus with `id`, `text` and `date`."""
    opener = gzip.open if path.suffix == ".gz" else open
    rows = []
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            rows.append({"id": str(record["id"]), "text": record["text"], "date": record.get("date") or ""})
            if len(rows) >= limit:
                break
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="../shared/corpus/news-en.jsonl.gz", type=pathlib.Path)
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args()

    spark = SparkSession.builder.master("local[2]").appName("dateline-example").getOrCreate()
    documents = spark.createDataFrame(read_corpus(args.corpus, args.limit), "id string, text string, date string")
    result = extract_frame(documents, dateline.Gazetteer.default())
    result.select("id", "entities", "dates").show(5, truncate=80)
    spark.stop()


if __name__ == "__main__":
    main()
