"""Batch calls take any iterable of texts and stream it in bounded chunks."""

import itertools

import pytest

import dateline

TEXTS = ["China met Ukraine on 23 July.", "", "Talks in Geneva next week.", "Kyiv and Washington"]


def generate(texts, log=None):
    for i, text in enumerate(texts):
        if log is not None:
            log.append(i)
        yield text


def test_extract_many_and_find_many_take_any_iterable():
    gazetteer = dateline.Gazetteer.default()
    expected_docs = dateline.extract_many(TEXTS, reference_date="2024-07-24")
    expected_found = gazetteer.find_many(TEXTS)
    for texts in [generate(TEXTS), tuple(TEXTS), iter(TEXTS), (t for t in TEXTS), dict.fromkeys(TEXTS)]:
        assert dateline.extract_many(texts, reference_date="2024-07-24") == expected_docs
    for texts in [generate(TEXTS), tuple(TEXTS), map(str, TEXTS)]:
        assert gazetteer.find_many(texts) == expected_found
    assert dateline.extract_many([], reference_date="2024-07-24") == []
    assert gazetteer.find_many(iter([])) == []


def test_generators_are_read_in_bounded_chunks():
    gazetteer = dateline.Gazetteer.default()
    log: list[int] = []
    texts = itertools.islice(itertools.cycle(TEXTS), 3000)
    docs = dateline.extract_many(generate(texts, log), reference_date="2024-07-24")
    assert len(docs) == 3000 and log == list(range(3000))
    assert docs[2048] == docs[0] and docs[2999] == docs[2999 % len(TEXTS)]
    found = gazetteer.find_many(generate(itertools.islice(itertools.cycle(TEXTS), 3000)))
    assert len(found) == 3000 and found[1024] == found[0]
    # A bad reference date for text 100 stops the run after the first chunk
    # of 1024 texts is read, not after the whole generator is drained.
    log.clear()
    dates = ["2024-07-24"] * 3000
    dates[100] = "2024-02-30"
    with pytest.raises(ValueError, match="2024-02-30"):
        dateline.extract_many(generate(["China"] * 3000, log), reference_date=dates)
    assert len(log) == 1024


def test_per_text_reference_dates_follow_a_generator_across_chunks():
    texts = ["It happened yesterday."] * 1500
    dates = [f"2024-07-{1 + i % 28:02d}" for i in range(1500)]
    docs = dateline.extract_many(iter(texts), reference_date=dates)
    expected = [dateline.extract(texts[0], reference_date=dates[i]).dates for i in (0, 1030, 1499)]
    assert [docs[i].dates for i in (0, 1030, 1499)] == expected
    with pytest.raises(ValueError, match="reference_date has 2 dates for at least 3 texts"):
        dateline.extract_many(iter(["a", "b", "c"]), reference_date=["2024-07-24", "2024-07-25"])
    with pytest.raises(ValueError, match="reference_date has 2 dates for 1 texts"):
        dateline.extract_many(iter(["a"]), reference_date=["2024-07-24", "2024-07-25"])
    with pytest.raises(ValueError, match="reference_date has 2 dates for 3 texts"):
        dateline.extract_many(["a", "b", "c"], reference_date=["2024-07-24", "2024-07-25"])


def test_a_str_is_not_a_list_of_texts():
    # Issue 16: extract_many("str") leaked a Rust type message.
    with pytest.raises(TypeError, match=r"extract_many\(\) takes an iterable of texts .* not a str; for one text, call extract\(text\)"):
        dateline.extract_many("China met Ukraine.")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"find_many\(\) takes an iterable of texts .* not a str; for one text, call find\(text\)"):
        dateline.Gazetteer.default().find_many("China")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"extract_many\(\) takes an iterable of texts .* not int"):
        dateline.extract_many(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"extract_many\(\): text 1 is a bytes, not a str"):
        dateline.extract_many(["China", b"Ukraine"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"find_many\(\): text 0 is a NoneType, not a str"):
        dateline.Gazetteer.default().find_many([None])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"takes an iterable of \(name, label, id\) tuples or dicts, not a str"):
        dateline.Gazetteer("names.tsv")  # type: ignore[arg-type]
