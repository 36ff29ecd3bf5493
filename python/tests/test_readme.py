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
    if re.search(r"^import spacy$", source, re.MULTILINE):
        pytest.importorskip("spacy", reason='the snippet needs spaCy: pip install "./python[spacy]"')
    monkeypatch.chdir(ROOT)
    # Line numbers in tracebacks point into the README.
    code = compile("\n" * (line - 1) + source, str(readme), "exec")
    exec(code, {"__name__": f"readme_snippet_{line}"})


def test_every_readme_with_rust_snippets_is_a_doctest_somewhere():
    # A README's ```rust blocks compile only if some crate includes the
    # README under #[cfg(doctest)]; a new README must not slip through.
    included = set()
    for lib in ROOT.glob("crates/*/src/lib.rs"):
        source = lib.read_text(encoding="utf-8")
        for path in re.findall(r'#\[doc = include_str!\("([^"]+README\.md)"\)\]', source):
            included.add((lib.parent / path).resolve())
    readmes = [
        p
        for p in ROOT.rglob("README.md")
        if not {"target", ".venv", "node_modules"} & set(p.relative_to(ROOT).parts)
        and re.search(r"^```rust", p.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert ROOT / "README.md" in readmes
    missing = sorted(str(p.relative_to(ROOT)) for p in readmes if p.resolve() not in included)
    assert not missing, f"READMEs with Rust snippets that no crate compiles as doctests: {missing}"
