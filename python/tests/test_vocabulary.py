"""One vocabulary with the CLI, Rust and gazetteer files (issue 16, item 3).

Defaults and option words are the same as `dateline` on the command line and
the Rust builders: accent folding on, case `fold` unless an entry says
otherwise, `exact|fold|auto` for case everywhere, and a user gazetteer added to
the default unless `include_default=False`.
"""

import json
import subprocess
import sys
import textwrap

import pytest

import dateline

WALESA_TSV = "name\tlabel\tid\nLech Wałęsa\tPERSON\twalesa\n"


def test_accent_folding_is_on_by_default_for_every_constructor(tmp_path):
    # The CLI finds "Lech Walesa" with this TSV; so must Python.
    path = tmp_path / "people.tsv"
    path.write_text(WALESA_TSV, encoding="utf-8")
    text = "Lech Walesa spoke."
    for gazetteer in [
        dateline.Gazetteer.from_file(path),
        dateline.Gazetteer([("Lech Wałęsa", "PERSON", "walesa")]),
    ]:
        assert [e.text for e in gazetteer.find(text)] == ["Lech Walesa"]
        assert [e.text for e in dateline.extract(text, "2024-07-24", gazetteer=gazetteer).entities] == [
            "Lech Walesa"
        ]
    assert dateline.Gazetteer.from_file(path, accent_folding=False).find(text) == []


def test_case_takes_the_words_files_use_and_the_old_ones_as_aliases(tmp_path):
    text = "The us and the US met; Acme and ACME and acme too."
    expected = {
        # file word / alias -> what "US" and "Acme" find in the text
        "exact": ["US", "Acme"],
        "fold": ["us", "US", "Acme", "ACME", "acme"],
        "auto": ["US", "Acme", "ACME"],
    }
    aliases = {"sensitive": "exact", "insensitive": "fold"}
    entries = [("US", "GPE", "us"), ("Acme", "ORG", "acme")]
    for case, found in expected.items():
        assert [e.text for e in dateline.Gazetteer(entries, case=case).find(text)] == found
        # The same word in a file's case column gives the same matches.
        path = tmp_path / f"{case}.tsv"
        path.write_text(
            "name\tlabel\tid\tcase\n" + "".join(f"{n}\t{l}\t{i}\t{case}\n" for n, l, i in entries),
            encoding="utf-8",
        )
        assert [e.text for e in dateline.Gazetteer.from_file(path).find(text)] == found
        # And in an entry dict.
        dicts = [{"name": n, "label": l, "id": i, "case": case} for n, l, i in entries]
        assert [e.text for e in dateline.Gazetteer(dicts).find(text)] == found
    for alias, word in aliases.items():
        assert dateline.Gazetteer(entries, case=alias).find(text) == dateline.Gazetteer(entries, case=word).find(
            text
        )
    # Read as files are: ASCII case and surrounding spaces do not matter.
    assert dateline.Gazetteer(entries, case=" EXACT ").find(text) == dateline.Gazetteer(  # type: ignore[arg-type]
        entries, case="exact"
    ).find(text)
    # The default is "fold", as in the CLI and Rust.
    assert dateline.Gazetteer(entries).find(text) == dateline.Gazetteer(entries, case="fold").find(text)


def test_an_unknown_case_names_the_accepted_words():
    with pytest.raises(ValueError, match="'exact', 'fold' or 'auto'"):
        dateline.Gazetteer([("A", "B", "C")], case="loud")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'exact', 'fold' or 'auto'"):
        dateline.Gazetteer([{"name": "A", "label": "B", "id": "C", "case": "LOUD"}])


def test_entry_dicts_take_the_keys_of_jsonl_files(tmp_path):
    # "population" ranks namesakes as "prior" does, in files and in dicts.
    rows = [
        {"name": "Paris", "label": "GPE", "id": "paris-tx", "population": 25_000},
        {"name": "Paris", "label": "GPE", "id": "paris-fr", "population": 2_100_000},
    ]
    path = tmp_path / "paris.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    from_file = dateline.Gazetteer.from_file(path).find("Paris")
    from_dicts = dateline.Gazetteer(rows).find("Paris")
    assert from_dicts == from_file
    assert from_dicts[0].id == "paris-fr"


def test_in_memory_gazetteers_can_include_the_default():
    people = [("Wang Yi", "PERSON", "wang-yi")]
    alone = dateline.Gazetteer(people)
    both = dateline.Gazetteer(people, include_default=True)
    text = "Wang Yi visited China."
    assert [e.text for e in alone.find(text)] == ["Wang Yi"]
    assert [(e.text, e.label) for e in both.find(text)] == [("Wang Yi", "PERSON"), ("China", "GPE")]
    assert len(both) == len(alone) + len(dateline.Gazetteer.default())


def test_extract_adds_a_user_gazetteer_to_the_default_unless_told_not_to(seed_gazetteer_path):
    text = "Wang Yi visited China."
    people = dateline.Gazetteer([("Wang Yi", "PERSON", "wang-yi")])
    with_file = dateline.Gazetteer.from_file(seed_gazetteer_path)
    for gazetteer in [people, with_file]:
        merged = dateline.extract(text, "2024-07-24", gazetteer=gazetteer)
        assert [(e.text, e.label) for e in merged.entities] == [("Wang Yi", "PERSON"), ("China", "GPE")]
        alone = dateline.extract(text, "2024-07-24", gazetteer=gazetteer, include_default=False)
        assert [e.text for e in alone.entities] == ["Wang Yi"]
        many = dateline.extract_many([text], "2024-07-24", gazetteer=gazetteer, include_default=False)
        assert many == [alone]
    # A gazetteer that holds the default already is not merged twice: one
    # entry for China, no duplicate alternatives.
    both = dateline.Gazetteer([("Wang Yi", "PERSON", "wang-yi")], include_default=True)
    china = dateline.extract(text, "2024-07-24", gazetteer=both).entities[1]
    assert china == dateline.extract(text, "2024-07-24").entities[0]
    with pytest.raises(ValueError, match="include_default=False leaves no gazetteer"):
        dateline.extract(text, "2024-07-24", include_default=False)


def test_merged_gazetteers_survive_pickling():
    import pickle

    both = pickle.loads(pickle.dumps(dateline.Gazetteer([("Wang Yi", "PERSON", "w")], include_default=True)))
    text = "Wang Yi visited China."
    assert [e.text for e in dateline.extract(text, "2024-07-24", gazetteer=both).entities] == ["Wang Yi", "China"]


def test_day_first_and_mode_reach_extract_and_extract_many():
    text = "Signed on 02/03/2024 after a 15-year wait."
    month_first = dateline.extract(text, "2024-07-24")
    day_first = dateline.extract(text, "2024-07-24", day_first=True)
    assert [d.value for d in month_first.dates] == ["2024-02-03", "P15Y"]
    assert [d.value for d in day_first.dates] == ["2024-03-02", "P15Y"]
    assert dateline.extract_many([text], "2024-07-24", day_first=True) == [day_first]
    default = dateline.extract(text, "2024-07-24", tokens=True)
    treebank = dateline.extract(text, "2024-07-24", tokens=True, mode="treebank")
    assert default.tokens is not None and treebank.tokens is not None
    assert "15-year" in [t.text for t in default.tokens]
    assert "15-year" not in [t.text for t in treebank.tokens]
    assert treebank.tokens == dateline.tokenize(text, mode="treebank")
    assert dateline.extract_many([text], "2024-07-24", tokens=True, mode="treebank") == [treebank]
    with pytest.raises(ValueError, match="treebank"):
        dateline.extract(text, "2024-07-24", mode="fancy")  # type: ignore[arg-type]


WARNING_SCRIPT = textwrap.dedent(
    """
    import warnings
    import dateline

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dateline.find_dates("It happened yesterday.", reference_date="2024-07-24")
        assert caught == [], caught
        dateline.find_dates("It happened yesterday.")
        dateline.extract("It happened yesterday.")
        dateline.extract_many(["yesterday", "today"])
        dateline.extract_many(["yesterday"], reference_date=[None])
    assert len(caught) == 1, [str(w.message) for w in caught]
    warning = caught[0]
    assert issubclass(warning.category, dateline.ReferenceDateWarning)
    assert issubclass(warning.category, UserWarning)
    assert "reference_date" in str(warning.message) and "today" in str(warning.message)
    # It points at the caller's line, not into dateline.
    assert warning.filename == "<string>" and warning.lineno == 9, (warning.filename, warning.lineno)
    print("ok")
    """
)


def test_resolving_against_today_warns_once_per_process():
    # A fresh interpreter: the warning is once per process, and this test
    # process may have given it already.
    result = subprocess.run(
        [sys.executable, "-c", WARNING_SCRIPT], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_the_warning_can_be_made_an_error():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import warnings, dateline\n"
            "warnings.simplefilter('error', dateline.ReferenceDateWarning)\n"
            "dateline.extract('today')",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "ReferenceDateWarning" in result.stderr
