"""`tokenize` returns `Tokens`: a sequence that makes each `Token` when read."""

import gc
import pickle
from collections.abc import Sequence

import pytest

import dateline

TEXT = "Київ said: China's exports rose 3.5% 👩‍👩‍👧 in the U.S."


def test_tokens_is_a_sequence_of_tokens():
    tokens = dateline.tokenize(TEXT)
    assert isinstance(tokens, Sequence)
    assert tokens.text == TEXT
    as_list = list(tokens)
    assert len(tokens) == len(as_list) > 10
    assert all(isinstance(t, dateline.Token) for t in as_list)
    assert [tokens[i] for i in range(len(tokens))] == as_list
    assert tokens[-1] == as_list[-1] and tokens[-len(tokens)] == as_list[0]
    assert tokens[0] == dateline.Token("Київ", 0, 4, "word")
    assert all(TEXT[t.start : t.end] == t.text for t in tokens)
    assert as_list[3] in tokens
    assert list(reversed(tokens)) == as_list[::-1]


def test_slices_are_tokens_of_the_same_text():
    tokens = dateline.tokenize(TEXT)
    as_list = list(tokens)
    for piece in [slice(1, 4), slice(None, None, -2), slice(5, 2), slice(-3, None), slice(0, 100, 3)]:
        sliced = tokens[piece]
        assert isinstance(sliced, dateline.Tokens)
        assert list(sliced) == as_list[piece]
        # Offsets still refer to the whole text.
        assert all(TEXT[t.start : t.end] == t.text for t in sliced)


def test_regression_slice_text_is_the_slice_not_the_whole_text():
    # Issue 16: tokens[2:5].text returned the whole text.
    text = "Talks in Geneva resume next week."
    tokens = dateline.tokenize(text)
    assert tokens.text == text
    assert tokens[2:5].text == "Geneva resume next"
    assert tokens[:].text == "Talks in Geneva resume next week."
    assert tokens[1:2].text == "in"
    assert tokens[5:2].text == ""
    # A stepped or reversed slice covers its first to its last token.
    assert tokens[4:1:-2].text == "Geneva resume next"
    # Slices of slices, and their pickles, keep their own text.
    assert tokens[1:5][1:3].text == "Geneva resume"
    again = pickle.loads(pickle.dumps(tokens[2:5]))
    assert again.text == "Geneva resume next" and again == tokens[2:5]


def test_tokens_span_is_checked():
    with pytest.raises(ValueError, match="not within"):
        dateline.Tokens("abc", [], (2, 4))
    assert dateline.Tokens("abc def", [(4, 7, "word")], (4, 7)).text == "def"


def test_equality_with_tokens_lists_and_tuples():
    tokens = dateline.tokenize(TEXT)
    assert tokens == dateline.tokenize(TEXT)
    assert tokens == list(tokens) and tokens == tuple(tokens)
    assert tokens != list(tokens)[:-1]
    assert tokens != dateline.tokenize(TEXT, mode="treebank")
    assert tokens == dateline.tokenize(TEXT + " ")  # the same tokens, as lists would be
    assert dateline.tokenize("") == [] and dateline.tokenize("") == dateline.tokenize("   ")
    assert tokens != "not tokens"
    with pytest.raises(TypeError):
        hash(tokens)


def test_indexing_errors():
    tokens = dateline.tokenize("one two")
    with pytest.raises(IndexError):
        tokens[2]
    with pytest.raises(IndexError):
        tokens[-3]
    with pytest.raises(TypeError, match="integers or slices"):
        tokens["0"]  # type: ignore[call-overload]


def test_iterators_are_independent_and_stay_exhausted():
    tokens = dateline.tokenize("a b c")
    first, second = iter(tokens), iter(tokens)
    assert next(first).text == "a" and next(first).text == "b"
    assert next(second).text == "a"
    assert [t.text for t in first] == ["c"]
    with pytest.raises(StopIteration):
        next(first)
    with pytest.raises(StopIteration):
        next(first)


def test_tokens_pickle_and_rebuild_from_spans():
    tokens = dateline.tokenize(TEXT)
    again = pickle.loads(pickle.dumps(tokens))
    assert again == tokens and again.text == TEXT
    _, spans, span = tokens.__getnewargs__()
    assert span is None
    assert dateline.Tokens(TEXT, spans) == tokens


def test_tokens_constructor_checks_spans_and_kinds():
    with pytest.raises(ValueError, match="not within"):
        dateline.Tokens("abc", [(1, 4, "word")])
    with pytest.raises(ValueError, match="not within"):
        dateline.Tokens("abc", [(2, 1, "word")])
    with pytest.raises(ValueError, match="unknown token kind"):
        dateline.Tokens("abc", [(0, 3, "noun")])
    with pytest.raises(TypeError):
        dateline.Tokens(b"abc", [])  # type: ignore[arg-type]


def test_repr_shows_the_first_tokens():
    assert repr(dateline.tokenize("Hi.")) == (
        "Tokens([Token(text='Hi', start=0, end=2, kind='word'), Token(text='.', start=2, end=3, kind='punct')])"
    )
    long = repr(dateline.tokenize(" ".join(["x"] * 20)))
    assert long.endswith(", ... 12 more])") and long.count("Token(") == 8


def test_results_are_not_tracked_by_the_cycle_collector_and_stay_valid(seed_text):
    # Result objects hold only strings, ints and tuples of strings: no
    # cycles, so the binding takes them out of the collector's care.
    gazetteer = dateline.Gazetteer.default()
    results = [
        *dateline.tokenize(seed_text),
        *gazetteer.find(seed_text),
        *gazetteer.find_many([seed_text, "Georgia"])[0],
        *dateline.find_dates(seed_text, reference_date="2024-07-24"),
        *dateline.sentences(seed_text),
    ]
    document = dateline.extract(seed_text, reference_date="2024-07-24", tokens=True)
    results += [*document.entities, *(document.tokens or [])]
    assert results and not any(gc.is_tracked(r) for r in results)
    copies = [pickle.loads(pickle.dumps(r)) for r in results]
    gc.collect()
    assert copies == results
    assert all(seed_text[r.start : r.end] == r.text for r in results)
    georgia = gazetteer.find_many(["Georgia"])[0][0]
    gc.collect()
    assert georgia.alternatives and all(isinstance(a, tuple) for a in georgia.alternatives)


def test_alternatives_are_shared_but_each_list_is_fresh():
    gazetteer = dateline.Gazetteer.default()
    first, second = (doc[0] for doc in gazetteer.find_many(["Georgia", "in Georgia"]))
    assert first.alternatives == second.alternatives
    first.alternatives.append(("X", "y"))
    assert ("X", "y") not in first.alternatives


def test_token_text_is_cut_by_code_points_on_any_text():
    # Token text comes from PyUnicode_Substring on the caller's str: check it
    # on every kind of storage CPython has (latin-1, UCS-2, UCS-4).
    for text in ["naïve café au lait", "Київ — Україна", "emoji 👩‍👩‍👧 and 🇺🇦 flags", "x" * 10_000 + " y"]:
        tokens = dateline.tokenize(text)
        assert [t.text for t in tokens] == [text[t.start : t.end] for t in tokens]
        assert [t.text for t in tokens] == [tokens[i].text for i in range(len(tokens))]


def test_tokens_equal_when_their_token_lists_are():
    # Same tokens, texts that differ only between them: equal, as the lists are.
    assert list(dateline.tokenize("a  b")) != list(dateline.tokenize("a b"))
    assert dateline.tokenize("a b ") == dateline.tokenize("a b\t")
    assert list(dateline.tokenize("a b ")) == list(dateline.tokenize("a b\t"))
    assert dateline.tokenize("a b") != dateline.tokenize("a c")


def test_token_iterators_pickle_with_their_position():
    tokens = dateline.tokenize("a b c d")
    iterator = iter(tokens)
    next(iterator)
    again = pickle.loads(pickle.dumps(iterator))
    assert [t.text for t in again] == ["b", "c", "d"]
    assert [t.text for t in iterator] == ["b", "c", "d"]
    assert list(pickle.loads(pickle.dumps(iterator))) == []


def test_count_index_and_in_work_as_on_a_list():
    tokens = dateline.tokenize("a b a c a")
    as_list = list(tokens)
    a, b = as_list[0], as_list[1]
    assert tokens.count(a) == 1 and tokens.count(dateline.Token("a", 4, 5, "word")) == 1
    assert tokens.count("a") == 0
    assert tokens.index(b) == as_list.index(b) == 1
    assert tokens.index(as_list[4], 2) == 4 and tokens.index(as_list[4], -1) == 4
    with pytest.raises(ValueError, match="is not in Tokens"):
        tokens.index(a, 1)
    with pytest.raises(ValueError):
        tokens.index(b, 0, 1)
    assert b in tokens and dateline.Token("b", 2, 3, "word") in tokens
    assert dateline.Token("b", 2, 3, "number") not in tokens and "b" not in tokens


# Multi-word tokens: treebank mode in German, French and Spanish keeps
# "zum", "du", "del" as one token that carries its syntactic words.


def test_ordinary_tokens_have_no_words():
    tokens = dateline.tokenize(TEXT, mode="treebank")
    assert all(t.words == () for t in tokens)
    assert all("words" not in t.to_dict() for t in tokens)
    assert dateline.Token("Hi", 0, 2, "word").words == ()


def test_token_words():
    token = dateline.Token("zum", 0, 3, "word", ["zu", "dem"])
    assert token.words == ("zu", "dem")
    assert token.to_dict() == {"text": "zum", "start": 0, "end": 3, "kind": "word", "words": ["zu", "dem"]}
    assert repr(token) == "Token(text='zum', start=0, end=3, kind='word', words=('zu', 'dem'))"
    assert token != dateline.Token("zum", 0, 3, "word")
    assert pickle.loads(pickle.dumps(token)) == token


def test_tokens_carry_words():
    text = "zum Glück"
    tokens = dateline.Tokens(text, [(0, 3, "word", ["zu", "dem"]), (4, 9, "word")])
    assert tokens[0].words == ("zu", "dem")
    assert tokens[1].words == ()
    assert tokens[0] == dateline.Token("zum", 0, 3, "word", ("zu", "dem"))
    assert tokens[0] in tokens
    assert pickle.loads(pickle.dumps(tokens)) == tokens
    assert tokens != dateline.Tokens(text, [(0, 3, "word"), (4, 9, "word")])


def test_tokens_reject_unknown_words():
    with pytest.raises(ValueError, match="not the words of a multi-word token"):
        dateline.Tokens("zum", [(0, 3, "word", ["zu", "den"])])
