"""extract_arrow against extract_many + the same Arrow columns built in Python.

    .venv/bin/python benches/peers/arrow.py [CORPUS.jsonl.gz] [--limit N] [--repeat N] [--spark N]

Runs in the environment scripts/test-python sets up (`.venv`: the dateline
wheel, pyarrow, pyspark), with a release build of the wheel. Both sides
start from the same list of texts and end with the same `pyarrow.RecordBatch`
(checked equal before timing): `extract_arrow` builds it in Rust;
the other side calls `extract_many` and builds it with
`pa.RecordBatch.from_pylist` from each document's `to_dict()` (the fields
`to_dict()` leaves out filled with null, `alternatives` with an empty list).
Passes alternate (arrow, python, arrow, ...) and the median is reported.

`--spark N` also times the Spark example on N documents in `local[2]` both
ways: `mapInArrow` over `extract_arrow` (python/examples/spark_extract.py)
against the former `mapInPandas` over `extract_many`, with the same output
columns, forced with Spark's `noop` writer. Writes benches/peers/RESULTS-arrow.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import importlib.metadata
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Callable, Iterator

import pyarrow as pa

import dateline

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "news-en.jsonl.gz"
FALLBACK_DATE = "2024-07-24"
TARGET = 3.0  # issue 15: extract_arrow >= 3x extract_many + Python columns

ENTITY_DEFAULTS = {"rule": None, "enclosing": None, "alternatives": []}
DATE_DEFAULTS = {"mod": None, "range": None}


def load(path: Path, limit: int) -> list[dict]:
    """`id`, `text` and `date` (the publication date, or FALLBACK_DATE) per document."""
    if not path.exists():
        print(f"{path} not found: using seeds/*.txt", file=sys.stderr)
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
        return [{"id": str(i), "text": t, "date": FALLBACK_DATE} for i, t in enumerate(texts)]
    opener = gzip.open if path.suffix == ".gz" else open
    rows = []
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("text"):
                date = (record.get("date") or FALLBACK_DATE)[:10]
                rows.append({"id": str(record.get("id", len(rows))), "text": record["text"], "date": date})
            if len(rows) >= limit:
                break
    return rows


def python_columns(texts: list[str], references: list[str], schema: pa.Schema) -> pa.RecordBatch:
    """What a caller of extract_many writes to get extract_arrow's batch."""
    return columns_of(dateline.extract_many(texts, reference_date=references), references, schema)


def columns_of(docs: list[dateline.Document], references: list[str], schema: pa.Schema) -> pa.RecordBatch:
    """The batch from documents extract_many made: the Python side's conversion alone."""
    rows = []
    for doc, reference in zip(docs, references):
        d = doc.to_dict()
        rows.append(
            {
                "reference_date": dt.date.fromisoformat(reference),
                "sentences": d["sentences"],
                "entities": [{**ENTITY_DEFAULTS, **e} for e in d["entities"]],
                "dates": [{**DATE_DEFAULTS, **x} for x in d["dates"]],
            }
        )
    return pa.RecordBatch.from_pylist(rows, schema=schema)


def alternate(sides: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median seconds per side, passes interleaved."""
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(repeat):
        for name, run in sides.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def spark_rows(rows: list[dict], repeat: int) -> list[str]:
    """The Spark example both ways in local[2]; markdown lines."""
    import pandas as pd
    from pyspark.sql import SparkSession

    sys.path.insert(0, str(ROOT / "python" / "examples"))
    import spark_extract

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("dateline-arrow-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    spark.sparkContext.addPyFile(str(ROOT / "python" / "examples" / "spark_extract.py"))
    gazetteer = dateline.Gazetteer.default()
    frame = spark.createDataFrame(rows, "id string, text string, date string").repartition(2).cache()
    frame.count()
    arrow_schema = spark_extract.output_schema()
    shared = spark.sparkContext.broadcast(gazetteer)
    names = list(arrow_schema.names)

    def pandas_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        # The example as it was before mapInArrow: extract_many, then dicts.
        for batch in batches:
            references = list(batch["date"])
            docs = dateline.extract_many(list(batch["text"]), reference_date=references, gazetteer=shared.value)
            out = {name: [] for name in names}
            out["id"] = list(batch["id"])
            for doc, reference in zip(docs, references):
                d = doc.to_dict()
                out["reference_date"].append(dt.date.fromisoformat(reference))
                out["sentences"].append(d["sentences"])
                out["entities"].append([{**ENTITY_DEFAULTS, **e} for e in d["entities"]])
                out["dates"].append([{**DATE_DEFAULTS, **x} for x in d["dates"]])
            yield pd.DataFrame(out)

    from pyspark.sql.pandas.types import from_arrow_schema

    spark_schema = from_arrow_schema(arrow_schema)
    ways = {
        "mapInArrow + extract_arrow": lambda: spark_extract.extract_frame(frame, gazetteer),
        "mapInPandas + extract_many": lambda: frame.mapInPandas(pandas_batches, schema=spark_schema),
    }
    # Same results both ways, before timing.
    first, second = (sorted(map(str, w().orderBy("id").collect())) for w in ways.values())
    assert first == second, "mapInArrow and mapInPandas disagree"
    medians = alternate({name: lambda w=w: w().write.format("noop").mode("overwrite").save() for name, w in ways.items()}, repeat)
    spark.stop()
    arrow, pandas = medians.values()
    return [
        f"Spark `local[2]`, {len(rows):,} documents ({sum(len(r['text'].encode()) for r in rows) / 1e6:.1f} MB), "
        f"median of {repeat}, forced with the `noop` writer:",
        "",
        "| way | seconds | docs/s |",
        "|---|---:|---:|",
        *(f"| {name} | {t:.2f} | {len(rows) / t:,.0f} |" for name, t in medians.items()),
        "",
        f"mapInArrow is **{pandas / arrow:.2f}×** mapInPandas.",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=10**9, help="documents to read (default: all)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--spark", type=int, default=0, metavar="N", help="also time the Spark example on N documents")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS-arrow.md")
    args = parser.parse_args()

    rows = load(args.corpus, args.limit)
    texts = [r["text"] for r in rows]
    references = [r["date"] for r in rows]
    size = sum(len(t.encode()) for t in texts)
    load_before = os.getloadavg()

    arrow = dateline.extract_arrow(texts, reference_date=references)
    python = python_columns(texts, references, arrow.schema)
    assert arrow.equals(python), "extract_arrow and the Python-built columns differ"
    docs = dateline.extract_many(texts, reference_date=references)
    items = sum(len(arrow.column(c).flatten()) for c in ("sentences", "entities", "dates"))

    medians = alternate(
        {
            "extract_arrow": lambda: dateline.extract_arrow(texts, reference_date=references),
            "extract_many + pyarrow from dicts": lambda: python_columns(texts, references, arrow.schema),
            "extract_many alone (no columns)": lambda: dateline.extract_many(texts, reference_date=references),
            "pyarrow from dicts alone (of ready documents)": lambda: columns_of(docs, references, arrow.schema),
        },
        args.repeat,
    )
    ratio = medians["extract_many + pyarrow from dicts"] / medians["extract_arrow"]
    lines = [
        "# extract_arrow against extract_many + Python columns",
        "",
        f"- date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; machine: {os.cpu_count()} cores, "
        f"{platform.processor() or platform.machine()}, load {load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after",
        f"- command: `{' '.join([Path(sys.executable).name, *sys.argv])}`",
        f"- dateline {dateline.__version__}, pyarrow {pa.__version__}, Python {platform.python_version()}",
        f"- corpus: {args.corpus.name}, {len(texts):,} documents, {size / 1e6:.1f} MB, "
        f"{items:,} sentences + entities + dates; both sides give equal batches",
        "",
        f"Median of {args.repeat} interleaved passes:",
        "",
        "| side | seconds | rows/s | MB/s |",
        "|---|---:|---:|---:|",
        *(f"| {name} | {t:.3f} | {len(texts) / t:,.0f} | {size / 1e6 / t:.1f} |" for name, t in medians.items()),
        "",
        f"extract_arrow is **{ratio:.2f}×** extract_many + pyarrow from dicts (target ≥ {TARGET:.0f}×). "
        "The pipeline's own work (about the `extract_many alone` row) is common to both sides and runs "
        "on all cores; the Python side's conversion (the last row) runs on one, so the ratio grows with cores.",
    ]
    if args.spark:
        lines += ["", *spark_rows(rows[: args.spark], max(1, min(args.repeat, 3)))]
    report = "\n".join(lines) + "\n"
    args.out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
