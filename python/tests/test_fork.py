"""Batch calls in a process forked after the parent used them.

rayon's pool threads exist only in the process that started them; before
`parallel.rs`, a child forked after the parent's first `extract_many` (as
spaCy's `nlp.pipe(n_process=2)` forks) waited forever on its first batch.
"""

import os
import pickle
import select
import sys

import pytest

import dateline

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")

TEXTS = ["Kyiv, yesterday.", "Paris on Monday."] * 50


def in_forked_child(work, timeout=60.0):
    """What `work()` returns in a forked child, or a failure after `timeout` s."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.close(read)
            os.write(write, pickle.dumps(work()))
        finally:
            os._exit(0)
    os.close(write)
    try:
        ready, _, _ = select.select([read], [], [], timeout)
        if not ready:
            os.kill(pid, 9)
            pytest.fail(f"the forked child did not finish in {timeout} s (a pool without threads?)")
        chunks = []
        while chunk := os.read(read, 1 << 16):
            chunks.append(chunk)
    finally:
        os.close(read)
        os.waitpid(pid, 0)
    return pickle.loads(b"".join(chunks))


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # fork with threads, Python 3.12+
def test_batches_run_in_a_child_forked_after_the_parent_used_them():
    gazetteer = dateline.Gazetteer.default()
    expected_docs = dateline.extract_many(TEXTS, reference_date="2024-07-24")
    expected_found = gazetteer.find_many(TEXTS)

    def work():
        docs = dateline.extract_many(TEXTS, reference_date="2024-07-24")
        found = gazetteer.find_many(TEXTS)
        # And a grandchild, forked from the child after its own batches.
        grandchild = in_forked_child(lambda: dateline.extract_many(TEXTS[:4], reference_date="2024-07-24"))
        return docs, found, grandchild

    docs, found, grandchild = in_forked_child(work)
    assert docs == expected_docs
    assert found == expected_found
    assert grandchild == expected_docs[:4]
    # The parent still has its pool.
    assert dateline.extract_many(TEXTS, reference_date="2024-07-24") == expected_docs
    sys.stdout.flush()
