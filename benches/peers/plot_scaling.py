"""Draws docs/scaling.png from the CSV files of `examples/scaling.rs`.

    benches/peers/.venv/bin/python benches/peers/plot_scaling.py [DIR]

DIR (default docs/) holds scaling-gazetteer.csv and scaling-document.csv;
the PNG is written beside them.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent.parent


def si(x: float, _pos: object = None) -> str:
    for div, unit in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if x >= div:
            return f"{x / div:g}{unit}"
    return f"{x:g}"


def main() -> None:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    gaz = list(csv.DictReader(open(out_dir / "scaling-gazetteer.csv")))
    doc = list(csv.DictReader(open(out_dir / "scaling-document.csv")))

    forms = [int(r["forms"]) for r in gaz]
    fig, axes = plt.subplots(2, 2, figsize=(11, 8.5))
    fig.suptitle("dateline scaling (one thread; 2-core shared machine, timings noisy)", fontsize=13)

    ax = axes[0][0]
    ax.loglog(forms, [float(r["build_s"]) for r in gaz], "o-", label="build time")
    base = float(gaz[0]["build_s"]) / forms[0]
    ax.loglog(forms, [base * f for f in forms], ":", color="grey", label="linear from the smallest")
    ax.set_title("Gazetteer build time")
    ax.set_xlabel("forms in gazetteer")
    ax.set_ylabel("seconds")
    ax.legend()

    ax = axes[0][1]
    ax.loglog(forms, [float(r["build_peak_rss_mb"]) for r in gaz], "o-", label="peak RSS growth while building")
    ax.loglog(forms, [float(r["rss_kept_mb"]) for r in gaz], "s--", label="RSS kept after building")
    ax.loglog(forms, [float(r["saved_mb"]) for r in gaz], "^-.", label="saved compiled size")
    ax.set_title("Gazetteer memory")
    ax.set_xlabel("forms in gazetteer")
    ax.set_ylabel("MB")
    ax.legend(fontsize=9)

    ax = axes[1][0]
    ax.semilogx(forms, [float(r["match_mb_per_s"]) for r in gaz], "o-", color="C3")
    for f, r in zip(forms, gaz):
        ax.annotate(f"{int(r['matches']):,} matches", (f, float(r["match_mb_per_s"])),
                    textcoords="offset points", xytext=(4, 6), fontsize=8)
    ax.set_ylim(0, 1.2 * max(float(r["match_mb_per_s"]) for r in gaz))
    ax.set_title(f"Match speed vs gazetteer size ({int(gaz[0]['text_bytes']) / 1e6:.0f} MB of news)")
    ax.set_xlabel("forms in gazetteer")
    ax.set_ylabel("MB/s")

    ax = axes[1][1]
    series: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for r in doc:
        series[r["component"]].append((int(r["bytes"]), float(r["mb_per_s"])))
    for name, pts in series.items():
        ax.semilogx([p[0] for p in pts], [p[1] for p in pts], "o-", label=name)
    ax.set_ylim(bottom=0)
    ax.set_title("Speed vs document size (one document)")
    ax.set_xlabel("document size (bytes)")
    ax.set_ylabel("MB/s")
    ax.legend(fontsize=9)

    for row in axes:
        for ax in row:
            ax.xaxis.set_major_formatter(FuncFormatter(si))
            ax.grid(True, which="major", alpha=0.3)
    fig.tight_layout()
    png = out_dir / "scaling.png"
    fig.savefig(png, dpi=110)
    print(png)


if __name__ == "__main__":
    main()
