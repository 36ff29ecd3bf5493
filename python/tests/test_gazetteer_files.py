"""`Gazetteer.from_files`: several files into one gazetteer, as the CLI's
repeated `--gazetteer FILE` builds one."""

import pytest

import dateline


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_from_files_reads_every_file_in_order(tmp_path):
    people = write(tmp_path, "people.tsv", "name\tlabel\tid\nLech Wałęsa\tPERSON\twalesa\n")
    orgs = write(tmp_path, "orgs.jsonl", '{"name": "Acme Corp", "label": "ORG", "id": "acme"}\n')
    gazetteer = dateline.Gazetteer.from_files([people, str(orgs)])
    assert len(gazetteer) == 2
    found = gazetteer.find("Lech Walesa joined Acme Corp in Paris.")
    assert [(e.text, e.label, e.id) for e in found] == [
        ("Lech Walesa", "PERSON", "walesa"),
        ("Acme Corp", "ORG", "acme"),
    ]
    # The options are from_file's.
    assert dateline.Gazetteer.from_files([people], accent_folding=False).find("Lech Walesa") == []
    assert dateline.Gazetteer.from_files([orgs], case="exact").find("ACME CORP") == []
    with_default = dateline.Gazetteer.from_files([people], include_default=True)
    assert [e.text for e in with_default.find("Lech Walesa in Paris")] == ["Lech Walesa", "Paris"]


def test_from_files_errors_name_the_file_and_line(tmp_path):
    good = write(tmp_path, "good.tsv", "name\tlabel\tid\nAcme\tORG\tacme\n")
    bad = write(tmp_path, "bad.tsv", "name\tlabel\tid\nAcme\tORG\n")
    with pytest.raises(dateline.GazetteerError) as caught:
        dateline.Gazetteer.from_files([good, bad])
    assert caught.value.path is not None and caught.value.path.endswith("bad.tsv")
    assert caught.value.line == 2
    with pytest.raises(FileNotFoundError):
        dateline.Gazetteer.from_files([good, tmp_path / "missing.tsv"])
    with pytest.raises(TypeError, match="from_file"):
        dateline.Gazetteer.from_files(str(good))  # type: ignore[arg-type]
