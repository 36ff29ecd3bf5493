"""Runs every ```python block of the given Markdown files, each on its own.

    python scripts/readme-examples.py README.md python/README.md

Run by scripts/test-wheel in a fresh virtual environment with the built
wheel installed and no Rust on PATH, so the examples are shown to work for a
user who only ran `pip install`. Each block runs in a fresh namespace from
the repository root (paths such as `seeds/gazetteer.tsv` resolve), as
python/tests/test_readme.py runs them under pytest in the development
environment. Exits non-zero when a block fails, with its traceback.
"""

import os
import pathlib
import re
import shutil
import sys
import traceback

ROOT = pathlib.Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def main() -> int:
    for tool in ("cargo", "rustc"):
        if shutil.which(tool):
            print(f"readme-examples: {tool} is on PATH ({shutil.which(tool)}); run through scripts/test-wheel", file=sys.stderr)
            return 2
    os.chdir(ROOT)
    # The installed package, not the source tree.
    sys.path = [p for p in sys.path if pathlib.Path(p or ".").resolve() != ROOT]
    import dateline

    installed = pathlib.Path(dateline.__file__).resolve()
    if "site-packages" not in installed.parts:
        print(f"readme-examples: dateline is not an installed package here ({installed})", file=sys.stderr)
        return 2
    failed = ran = 0
    for name in sys.argv[1:]:
        path = ROOT / name
        text = path.read_text(encoding="utf-8")
        for match in BLOCK.finditer(text):
            line = text.count("\n", 0, match.start(1)) + 1
            code = compile("\n" * (line - 1) + match.group(1), str(path), "exec")
            ran += 1
            try:
                exec(code, {"__name__": f"readme_example_{line}"})
            except Exception:
                failed += 1
                print(f"FAILED {name}:{line}", file=sys.stderr)
                traceback.print_exc()
    print(f"readme-examples: {ran - failed} of {ran} examples passed, dateline {dateline.__version__} from {installed.parent}")
    if ran == 0:
        print("readme-examples: no ```python blocks found", file=sys.stderr)
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
