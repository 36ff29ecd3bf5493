"""The command line and the Python module offer the same options.

Walks `dateline <subcommand> --help` of the built binary and the signatures
of the Python functions doing the same job, and fails when one surface has
an option the other lacks, so that an option (`lang`, say) lands in both at
once. The names map mechanically (`--day-first` is `day_first`); the few
exceptions are listed below, each with its reason.

The binary is the `cli` fixture of conftest.py.
"""

import inspect
import pathlib
import re
import subprocess
from typing import Callable

import pytest

import dateline

# Subcommand -> the Python calls that do its job. Each group must offer
# every option of the subcommand, so both the one-text and the batch
# function are checked.
SURFACES: dict[str, list[list[Callable[..., object]]]] = {
    "tokenize": [[dateline.tokenize]],
    "sentences": [[dateline.sentences]],
    "entities": [
        [dateline.Gazetteer.from_file, dateline.Gazetteer.find],
        [dateline.Gazetteer.from_file, dateline.Gazetteer.find_many],
    ],
    "dates": [[dateline.find_dates]],
    "extract": [[dateline.extract], [dateline.extract_many], [dateline.extract_arrow]],
}

# CLI option -> Python parameter, where the name is not the mechanical one.
RENAMED = {
    # --no-default-gazetteer is include_default=False.
    "no-default-gazetteer": "include_default",
}
RENAMED_IN = {
    # `dateline entities --gazetteer FILE` is Gazetteer.from_file(FILE).
    "entities": {"gazetteer": "path"},
}

# Options only the command line has: how it reads files and writes results.
# In Python the caller reads and writes, and batch calls run in parallel.
CLI_ONLY = {
    "help": "clap's own",
    "version": "clap's own",
    "input": "input file format (text or JSON Lines)",
    "on-error": "what to do with a bad input document",
    "max-errors": "how many bad input documents fail a run",
    "id-field": "JSON Lines field mapping",
    "text-field": "JSON Lines field mapping",
    "date-field": "JSON Lines field mapping",
    "lang-field": "JSON Lines field mapping (extract_many takes a lang per text)",
    "keep-field": "JSON Lines fields passed through to the output",
    "format": "output format",
    "output": "output file",
    "threads": "worker threads (batch calls use rayon's pool)",
}

# Parameters only Python has, by subcommand.
PYTHON_ONLY = {
    # The input: the CLI's FILE arguments or stdin.
    "*": {"text", "texts", "self"},
    # Gazetteer construction knobs: files carry a case per entry; the CLI
    # builds with the defaults (case fold, accent folding on), as Python does.
    "entities": {"case", "accent_folding"},
}

OPTION = re.compile(r"^\s+(?:-\w,\s+)?--([a-z][a-z0-9-]*)", re.MULTILINE)


def cli_options(cli: pathlib.Path, subcommand: str) -> set[str]:
    result = subprocess.run(
        [str(cli), subcommand, "--help"], capture_output=True, text=True, check=True
    )
    return set(OPTION.findall(result.stdout))


def python_parameters(group: list[Callable[..., object]]) -> set[str]:
    names: set[str] = set()
    for function in group:
        names |= set(inspect.signature(function).parameters)
    return names


def test_the_help_parser_finds_options(cli):
    # Guards the walk below against a parser that finds nothing.
    assert {"reference-date", "direction", "day-first", "gazetteer", "tokens", "output"} <= cli_options(
        cli, "extract"
    )
    assert python_parameters([dateline.extract]) >= {"reference_date", "day_first", "gazetteer"}


@pytest.mark.parametrize("subcommand", sorted(SURFACES))
def test_cli_and_python_have_the_same_options(cli, subcommand):
    renamed = {**RENAMED, **RENAMED_IN.get(subcommand, {})}
    wanted = {
        renamed.get(option, option.replace("-", "_"))
        for option in cli_options(cli, subcommand)
        if option not in CLI_ONLY
    }
    python_only = PYTHON_ONLY["*"] | PYTHON_ONLY.get(subcommand, set())
    for group in SURFACES[subcommand]:
        names = ", ".join(f.__qualname__ for f in group)
        have = python_parameters(group) - python_only
        assert not wanted - have, (
            f"`dateline {subcommand}` has options that {names} lack: {sorted(wanted - have)}; "
            "add them to Python, or list them in CLI_ONLY with the reason"
        )
        assert not have - wanted, (
            f"{names} take parameters that `dateline {subcommand}` lacks: {sorted(have - wanted)}; "
            "add them to the CLI, or list them in PYTHON_ONLY with the reason"
        )
