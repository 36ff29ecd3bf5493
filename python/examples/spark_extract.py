"""Run dateline over a Spark DataFrame of documents with mapInPandas.

    python python/examples/spark_extract.py [CORPUS.jsonl.gz] [--limit N]

Reads news documents (`id`, `text`, `date`) into a DataFrame, ships one
gazetteer to the workers with a broadcast variable, and writes each
document's entities and dates as array-of-struct columns. Run it with the
virtual environment's Python on the workers (`PYSPARK_PYTHON`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import pathlib
from typing import Iterator

import pandas as pd
from pyspark.sql import DataFrame, SparkSession

import dateline

# `source` is "gazetteer" or "rule" (then `id` is empty and `rule` names the rule).
ENTITY = "struct<text:string,label:string,id:string,source:string,rule:string,start:int,end:int>"
DATE = "struct<text:string,type:string,value:string,start:int,end:int>"
SCHEMA = f"id string, entities array<{ENTITY}>, dates array<{DATE}>"


def document_rows(doc: dateline.Document) -> tuple[list[dict], list[dict]]:
    """One document's entities and dates as plain rows for Arrow."""
    as_dict = doc.to_dict()
    entities = [
        {k: e.get(k) for k in ("text", "label", "id", "source", "rule", "start", "end")}
        for e in as_dict["entities"]
    ]
    dates = [{k: d[k] for k in ("text", "type", "value", "start", "end")} for d in as_dict["dates"]]
    return entities, dates


def extract_frame(documents: DataFrame, gazetteer: dateline.Gazetteer) -> DataFrame:
    """Adds `entities` and `dates` to a DataFrame with `id`, `text` and `date` columns."""
    shared = documents.sparkSession.sparkContext.broadcast(gazetteer)

    def extract_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for batch in batches:
            references = [d if isinstance(d, str) and d else None for d in batch["date"]]
            docs = dateline.extract_many(list(batch["text"]), reference_date=references, gazetteer=shared.value)
            rows = [document_rows(doc) for doc in docs]
            yield pd.DataFrame(
                {"id": batch["id"], "entities": [r[0] for r in rows], "dates": [r[1] for r in rows]}
            )

    return documents.mapInPandas(extract_batches, schema=SCHEMA)


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
    result.show(5, truncate=80)
    spark.stop()


if __name__ == "__main__":
    main()
