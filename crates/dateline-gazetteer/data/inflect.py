"""Case forms of Ukrainian and Russian names, from a paradigm table per language.

Slavic names change their ending with their case: "Україна", "України",
"Україні", "Україну", "Україною"; "Киев", "Киева", "Киеве", "Киевом".
A gazetteer that held only the nominative would miss most mentions ("в
Україні", "до Києва"), so generate_langs.py writes every case form as a row
of its own (DESIGN.md at the workspace root, "Inflected names", says why
forms are generated here rather than matched as stems in the matcher).

The endings are data, not code: `<lang>/paradigms.tsv` lists each stem class
with the ending its nominative has and the ending of each case (nominative,
genitive, dative, accusative, instrumental, locative; alternatives joined by
`|`). A class is chosen

* by hand, in the `class` column of a name table: `f-а`, `m:Києв` (class
  `m` with the oblique stem "Києв", for stems that change: "Київ" →
  "Києва", "Львів" → "Львова"), `-` (indeclinable: "Токіо", "Осло"), or one
  class per word of a name of several words (`adj.f f-ія` for "Саудівська
  Аравія", `= =` for words that do not change);
* or by ending, when the column is empty: the class whose nominative ending
  is the longest one the word ends with, among the classes marked for that
  use (`noun` for names, `adj` too for demonyms), and, for an empty ending,
  whose `after` letters the word ends with (a consonant: "Пекін").

A class named `adj-ий.m` is one gender (or `.pl`) of the adjective class
`adj-ий`; a demonym in that class gets the forms of all of them ("китайский",
"китайская", "китайское", "китайские" and their cases).

Python 3.11, standard library only; deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The cases, in the order of a paradigm table's columns.
CASES = ("nom", "gen", "dat", "acc", "ins", "loc")


@dataclass(frozen=True)
class Paradigm:
    """One stem class: the nominative ending it replaces and, per case, the
    endings that replace it."""

    name: str
    use: str  # "noun", "adj" or "no" (chosen by hand only)
    ending: str
    after: str  # letters an empty ending must follow ("" for any)
    cases: tuple[tuple[str, ...], ...]
    where: str

    def matches(self, word: str) -> bool:
        """Whether `word`'s nominative ends as this class's does."""
        low = word.lower()
        if not low.endswith(self.ending) or len(low) <= len(self.ending) + 1:
            return False
        if self.after:
            return low[len(low) - len(self.ending) - 1] in self.after
        return True


class Paradigms:
    """A language's paradigm table (`<lang>/paradigms.tsv`)."""

    def __init__(self, path: Path, read_table):
        self.by_name: dict[str, Paradigm] = {}
        self.order: list[Paradigm] = []
        for r in read_table(path):
            cases = tuple(tuple(r[case].split("|")) for case in CASES)
            if any(not all(e == "" or not e.isspace() for e in alts) for alts in cases):
                raise SystemExit(f"{r['_where']}: blank ending in class {r['class']!r}")
            if r["use"] not in ("noun", "adj", "no"):
                raise SystemExit(f"{r['_where']}: use {r['use']!r}: expected noun, adj or no")
            p = Paradigm(r["class"], r["use"], r["ending"], r["after"], cases, r["_where"])
            if p.name in self.by_name:
                raise SystemExit(f"{r['_where']}: class {p.name!r} defined twice")
            if "." not in p.name and cases[0] != (p.ending,):
                # A gender of an adjective class (`adj-ий.f`) keeps the
                # masculine's `ending` (the form demonym tables cite) and
                # has its own nominative ("а").
                raise SystemExit(f"{r['_where']}: the nominative of class {p.name!r} must be its ending {p.ending!r}")
            if len(cases[0]) != 1:
                raise SystemExit(f"{r['_where']}: class {p.name!r} has more than one nominative ending")
            self.by_name[p.name] = p
            self.order.append(p)

    def classify(self, word: str, uses: tuple[str, ...]) -> str | None:
        """The class of `word` by its ending, among the classes of `uses`;
        None when no class fits (a word of another shape, "Токіо")."""
        best = None
        for p in self.order:
            if p.use in uses and not p.name.endswith((".f", ".n", ".pl")) and p.matches(word):
                if best is None or len(p.ending) > len(best.ending):
                    best = p
        if best is None:
            return None
        # An adjective is named by its masculine class: the whole class.
        return best.name.removesuffix(".m")

    def group(self, name: str) -> list[Paradigm]:
        """The classes a class name stands for: itself, or every gender of an
        adjective class (`adj-ий` → `adj-ий.m`, `.f`, `.n`, `.pl`)."""
        if name in self.by_name:
            return [self.by_name[name]]
        members = [p for p in self.order if p.name.startswith(name + ".")]
        if not members:
            raise KeyError(name)
        return members

    def slots(self, word: str, spec: str, where: str, citation: bool = False) -> list[list[str]]:
        """The forms of one word per case (a list of alternatives for each
        of CASES) under a class spec: `=` (unchanged), `class`, or
        `class:stem` (an oblique stem for every case but the nominative).
        The word is in the class's own nominative ("Саудівська" for
        `adj-ий.f`), or, with `citation`, in the form tables cite (the
        masculine "китайський" for every gender)."""
        if spec == "=":
            return [[word] for _ in CASES]
        name, _, stem = spec.partition(":")
        try:
            (p,) = self.group(name)
        except (KeyError, ValueError):
            raise SystemExit(f"{where}: {spec!r} is not one class of the paradigm table") from None
        ending = p.ending if citation else p.cases[0][0]
        if not word.lower().endswith(ending):
            raise SystemExit(f"{where}: {word!r} does not end in {ending!r}, the ending of class {p.name!r}")
        base = word[: len(word) - len(ending)]
        out = []
        nominative = p.cases[0][0]
        for alts in p.cases:
            # An ending equal to the nominative's (the accusative of
            # "Київ") keeps the nominative's stem.
            out.append([(base if not stem or e == nominative else stem) + e for e in alts])
        return out

    def forms(self, name: str, spec: str, where: str, uses: tuple[str, ...] = ("noun",)) -> list[str]:
        """Every case form of `name` (the nominative first), under `spec`:
        empty (classes by ending; a single word only), `-` (indeclinable),
        one class or `class:stem` per word of the name. A word no class
        fits leaves the name indeclinable."""
        words = name.split(" ")
        if spec == "-":
            return [name]
        if not spec or (len(words) == 1 and ":" not in spec and spec not in self.by_name):
            # A class by ending, or an adjective class by its name: every
            # gender of it.
            if len(words) > 1:
                return [name]
            cls = spec or self.classify(name, uses)
            if cls is None:
                return [name]
            try:
                members = self.group(cls)
            except KeyError:
                raise SystemExit(f"{where}: {spec!r} is not a class of the paradigm table") from None
            forms = [name]
            for p in members:
                for alts in self.slots(name, p.name, where, citation=True):
                    forms += alts
            return list(dict.fromkeys(forms))
        specs = spec.split(" ")
        if len(specs) != len(words):
            raise SystemExit(f"{where}: {len(specs)} classes for the {len(words)} words of {name!r}")
        # Words agree in case: the n-th form of the name is made of the
        # n-th forms of its words.
        per_word = [self.slots(w, s, where) for w, s in zip(words, specs)]
        forms = []
        for case in range(len(CASES)):
            combos = [""]
            for word_slots in per_word:
                combos = [f"{c} {w}" if c else w for c in combos for w in word_slots[case]]
            forms += combos
        return list(dict.fromkeys(forms))
