"""Every Python snippet of README.md and python/README.md runs.

Each ```python block runs on its own (a fresh namespace, so it must import
and define what it uses), from the repository root (so paths such as
`seeds/gazetteer.tsv` resolve). The Rust snippets of README.md are doctests
of the `dateline` crate.
"""

import os
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
READMES = [ROOT / "README.md", ROOT / "python" / "README.md"]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def snippets():
    for readme in READMES:
        text = readme.read_text(encoding="utf-8")
        for match in BLOCK.finditer(text):
            line = text.count("\n", 0, match.start(1)) + 1
            yield pytest.param(readme, line, match.group(1), id=f"{readme.relative_to(ROOT)}:{line}")


def test_each_readme_has_python_snippets():
    found = {readme for readme, _, _ in (p.values for p in snippets())}
    assert found == set(READMES)


@pytest.mark.parametrize(("readme", "line", "source"), list(snippets()))
def test_snippet_runs(readme, line, source, monkeypatch):
    monkeypatch.chdir(ROOT)
    # Line numbers in tracebacks point into the README.
    code = compile("\n" * (line - 1) + source, str(readme), "exec")
    exec(code, {"__name__": f"readme_snippet_{line}"})
