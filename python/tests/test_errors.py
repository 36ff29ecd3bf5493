import pytest

import dateline


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError):
        dateline.tokenize(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        dateline.find_dates("today", reference_date=20240724)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        dateline.Gazetteer([42])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        dateline.Gazetteer.default().find_many("not a list of texts")  # type: ignore[arg-type]


def test_bad_values_raise_value_error_with_the_message():
    with pytest.raises(ValueError, match="treebank"):
        dateline.tokenize("x", mode="fancy")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="2024-13-01"):
        dateline.find_dates("today", reference_date="2024-13-01")
    with pytest.raises(ValueError, match="nearest"):
        dateline.find_dates("today", direction="sideways")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="case"):
        dateline.Gazetteer([("A", "B", "C")], case="loud")  # type: ignore[arg-type]


def test_missing_file_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        dateline.Gazetteer.from_file(tmp_path / "missing.tsv")
    with pytest.raises(FileNotFoundError):
        dateline.Gazetteer.load(tmp_path / "missing.dlg")


def test_malformed_gazetteer_raises_gazetteer_error_with_path_and_line(tmp_path):
    path = tmp_path / "names.tsv"
    path.write_text("name\tlabel\tid\nWang Yi\tPERSON\twang-yi\nKuleba\tPERSON\n", encoding="utf-8")
    with pytest.raises(dateline.GazetteerError) as caught:
        dateline.Gazetteer.from_file(path)
    assert isinstance(caught.value, ValueError)
    assert caught.value.path == str(path)
    assert caught.value.line == 3
    assert "line 3" in str(caught.value)


def test_corrupt_saved_gazetteer_is_an_error(tmp_path):
    path = tmp_path / "bad.dlg"
    path.write_bytes(b"not a gazetteer at all")
    with pytest.raises(dateline.GazetteerError):
        dateline.Gazetteer.load(path)
