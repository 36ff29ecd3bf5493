import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED_PATH = ROOT / "seeds" / "000_6893e9d60b43f7bd.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gazetteer_path() -> pathlib.Path:
    return ROOT / "seeds" / "gazetteer.tsv"
