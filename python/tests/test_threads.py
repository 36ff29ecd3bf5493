"""Many Python threads at once get the same results as one thread."""

from concurrent.futures import ThreadPoolExecutor

import dateline


def test_concurrent_calls_agree_with_sequential(seed_text):
    texts = [seed_text[i:] for i in range(0, 600, 7)]
    gazetteer = dateline.Gazetteer.default()
    expected = [
        (gazetteer.find(t), dateline.find_dates(t, reference_date="2024-07-24"), dateline.tokenize(t))
        for t in texts
    ]

    def work(text):
        return (
            gazetteer.find(text),
            dateline.find_dates(text, reference_date="2024-07-24"),
            dateline.tokenize(text),
        )

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(work, texts)) == expected


def test_batches_from_several_threads(seed_text):
    texts = [seed_text] * 20
    expected = dateline.extract_many(texts, reference_date="2024-07-24")
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: dateline.extract_many(texts, reference_date="2024-07-24"), range(8)))
    assert all(r == expected for r in results)
