"""Memory stays flat over repeated runs: no leaks in the binding.

Each workload runs a warm-up (lazy statics such as the default gazetteer,
allocator pools), then 100 measured runs. Python-side growth is measured
with tracemalloc, native growth with the resident set size from
/proc/self/statm. A run handles ~85 KB of text and creates thousands of
result objects, so leaking the inputs, the results or a document per run
would show as megabytes, far above the tolerances.
"""

import gc
import os
import pathlib
import tracemalloc

import pytest

import dateline

RUNS = 100
WARM_UP = 10
# Python objects still alive after the runs, beyond those after warm-up.
PY_TOLERANCE = 256 * 1024
# Resident memory: allocator caching moves it a little (~0.2 MB over 300
# runs of extract on 85 KB when measured); leaking the input of each run
# alone would add 8.5 MB.
RSS_TOLERANCE = 4 * 1024 * 1024

STATM = pathlib.Path("/proc/self/statm")
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096

pytestmark = pytest.mark.skipif(not STATM.exists(), reason="needs /proc/self/statm (Linux)")


def rss_bytes() -> int:
    return int(STATM.read_text().split()[1]) * PAGE


def measure(work):
    """Runs `work` WARM_UP + RUNS times twice and returns the growth after
    warm-up: (Python bytes, RSS bytes at half time, RSS bytes at the end).

    RSS is measured with tracemalloc off: tracing makes RSS creep by itself
    (~15 KB a run for a pure-Python loop of dicts, on CPython 3.11), which
    would hide or fake a native leak. Python objects are then measured with
    tracemalloc on.
    """
    for _ in range(WARM_UP):
        work()
    gc.collect()
    rss_before = rss_half = rss_bytes()
    for i in range(RUNS):
        work()
        if i == RUNS // 2 - 1:
            gc.collect()
            rss_half = rss_bytes()
    gc.collect()
    rss_after = rss_bytes()

    tracemalloc.start()
    try:
        work()
        gc.collect()
        py_before, _ = tracemalloc.get_traced_memory()
        for _ in range(RUNS):
            work()
        gc.collect()
        py_after, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    growth = (py_after - py_before, rss_half - rss_before, rss_after - rss_before)
    print(
        f"{getattr(work, '__name__', 'work')}: python {growth[0]:+d} B, "
        f"rss {growth[1]:+d} B after {RUNS // 2} runs, {growth[2]:+d} B after {RUNS}"
    )
    return growth


def assert_flat(growth):
    py, rss_half, rss_end = growth
    assert py < PY_TOLERANCE, f"Python memory grew by {py} bytes over {RUNS} runs"
    assert rss_end < RSS_TOLERANCE, f"RSS grew by {rss_end} bytes over {RUNS} runs"
    # Flat, not merely small: the second half adds no more than the tolerance.
    assert rss_end - rss_half < RSS_TOLERANCE / 2, f"RSS still growing: {growth}"


@pytest.fixture(scope="module")
def big_text(seed_text):
    return seed_text * 40


def test_extract_is_flat(big_text):
    def extract():
        document = dateline.extract(big_text, reference_date="2024-07-24", tokens=True)
        assert document.entities and document.dates and document.tokens
        document.to_dict()

    assert_flat(measure(extract))


def test_extract_many_is_flat(seed_text):
    texts = [seed_text] * 40

    def extract_many():
        documents = dateline.extract_many(texts, reference_date="2024-07-24")
        assert len(documents) == len(texts)

    assert_flat(measure(extract_many))


def test_find_many_is_flat(seed_text):
    gazetteer = dateline.Gazetteer.default()
    texts = [seed_text] * 40

    def find_many():
        found = gazetteer.find_many(texts)
        assert len(found) == len(texts) and found[0]

    assert_flat(measure(find_many))


def test_building_and_dropping_gazetteers_is_flat(seed_text):
    entries = [(f"Name{i}", "PERSON", f"id-{i}") for i in range(2000)]
    entries.append(("Kuleba", "PERSON", "dmytro-kuleba"))

    def build_and_find():
        gazetteer = dateline.Gazetteer(entries)
        assert gazetteer.find(seed_text)

    assert_flat(measure(build_and_find))


def test_tokenize_find_dates_and_errors_are_flat(big_text):
    def small_calls():
        assert dateline.tokenize(big_text)
        assert dateline.sentences(big_text)
        assert dateline.find_dates(big_text, reference_date="2024-07-24")
        with pytest.raises(ValueError):
            dateline.find_dates(big_text, reference_date="2024-02-30")

    assert_flat(measure(small_calls))
