import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED_PATH = ROOT / "seeds" / "000_6893e9d60b43f7bd.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gazetteer_path() -> pathlib.Path:
    return ROOT / "seeds" / "gazetteer.tsv"


@pytest.fixture(scope="session")
def cli() -> pathlib.Path:
    """The `dateline` binary: `$DATELINE_CLI` (scripts/test-python builds it and
    sets it), or else the debug build, made with cargo."""
    given = os.environ.get("DATELINE_CLI")
    if given:
        path = pathlib.Path(given)
        assert path.is_file(), f"DATELINE_CLI={given} is not a file"
        return path
    if shutil.which("cargo") is None:
        pytest.skip("no DATELINE_CLI and no cargo to build dateline-cli")
    subprocess.run(["cargo", "build", "--quiet", "-p", "dateline-cli"], cwd=ROOT, check=True)
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "debug" / "dateline"
