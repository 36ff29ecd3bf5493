"""Every Python snippet of README.md and python/README.md runs.

Each ```python block runs on its own (a fresh namespace, so it must import
and define what it uses), from the repository root (so paths such as
`seeds/gazetteer.tsv` resolve). The Rust snippets of README.md are doctests
of the `dateline` crate.
"""

import os
import pathlib
import re
import shlex
import subprocess
import sys

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


def test_the_three_commands_to_a_page_render_it(tmp_path):
    # "From pip install to a rendered page in three commands": the first
    # installs (what scripts/test-python does), the last opens a browser
    # (scripts/test-browser renders the page in one); the middle one runs
    # here as written, with this interpreter as `python`.
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Pages and tables") :]
    block = re.search(r"^```sh\n(.*?)^```", section, re.MULTILINE | re.DOTALL).group(1)
    commands = block.strip().splitlines()
    assert len(commands) == 3 and commands[0].startswith("pip install ")
    assert commands[2].startswith("python -m webbrowser ")
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    env = {**os.environ, "PATH": f"{pathlib.Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(["bash", "-c", commands[1]], cwd=tmp_path, env=env, check=True)
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'data-id="iso3166-1:CN"' in page and 'data-value="2024-09-01"' in page
    assert shlex.split(commands[2])[-1] == "file://$PWD/page.html"
