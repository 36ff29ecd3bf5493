"""Forms of the default gazetteer in other languages than English, for generate.py.

Each language's rows carry its code in the `lang` column, so that they apply
to text in that language only, and link to the id of the English entry they
name ("Pékin" and "Peking" carry Beijing's id, "ONU" the United Nations').
Per language (README.md, "Other languages"):

* country names: the common and official names of mledoze/countries'
  `translations` (`deu`, `fra`, `spa`), and German genitives ("Chinas",
  "Russlands") by rule;
* demonyms and nationality adjectives in every inflected form: French from
  mledoze/countries' `demonyms.fra` (masculine and feminine, plurals by rule),
  German and Spanish from the tables `de/demonyms.tsv` and `es/demonyms.tsv`,
  inflected by the paradigm rules below. Adjectives are lowercase in all
  three languages and match in any case ("chinesische", "Chinesische" at a
  sentence start); German nouns need their capital ("Chinesen");
* organizations' and places' local names and acronyms, continents and seas:
  `<lang>/names.tsv`;
* adjectives and nouns of continents, religions and peoples ("europäisch",
  "musulmanes", "chrétienne"): `<lang>/groups.tsv`, inflected like demonyms;
* capitals smaller than the alternate-name cut-off of English (Bern, Vaduz):
  their GeoNames alternate names, for German, French and Spanish (cities this
  large already have theirs for every language);
* Ukrainian and Russian (Cyrillic) and Chinese (Han): country names (CLDR
  for Ukrainian and traditional Chinese, `--cldr`), local names of
  `<lang>/names.tsv`, demonyms of `<lang>/demonyms.tsv` (Chinese: the
  country's name and 人), and the GeoNames names of cities in those scripts
  (`large.tsv.gz`); Ukrainian and Russian ones in every case form, from the
  paradigm table `<lang>/paradigms.tsv` (inflect.py). A case form that the
  language's treebank writes as a word of its own is dropped.

Words of a language that are names elsewhere are decided from the language's
Universal Dependencies dev treebank (`--ud`, `Treebank` below): a single-word
name the treebank writes as another kind of word with the same capitals
("Essen"), or, for a place, in lowercase often enough ("centro"), is not that
language's name (generate.py's `is_word_of` has the thresholds). Such a form
of the language is dropped, and an existing form of every language (German
"Essen" the city, "Essen" food) is limited to the other languages.

Python 3.11, standard library only; deterministic.
"""

from __future__ import annotations

import collections
import json
import unicodedata
import gzip
import re
import tarfile
from pathlib import Path

import inflect

HERE = Path(__file__).resolve().parent

# The languages generated here, and mledoze/countries' names for them
# (it has no Ukrainian; CLDR, `--cldr`, gives those).
LANGS = {"de": "deu", "fr": "fra", "es": "spa", "uk": "ukr", "ru": "rus", "zh": "zho"}
# The languages whose names inflect by case, with a paradigm table.
INFLECTED = ("uk", "ru")
# The languages whose GeoNames city names are taken from their script, and
# the letters a name must be written in. Ukrainian and Russian share most
# of the Cyrillic alphabet: a name in the letters of both is both
# languages' ("Лондон"); one with і, ї, є, ґ is Ukrainian only, one with ы,
# э, ъ, ё Russian only; one with letters of neither (Belarusian ў, Serbian
# ј, Kazakh ә) is neither's.
SCRIPT_LETTERS = {
    "uk": set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'ʼ’- "),
    "ru": set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя- "),
}
# Chinese: a Han name of two characters or more (one character is a word).
HAN = re.compile(r"^[\u4e00-\u9fff]{2,}$")
# A Han name of two characters is one word of running text away from a
# common one ("胜利", victory, is a city; "城中", in the city, another) or
# inside a longer name ("尼斯", Nice, in "威尼斯", Venice), and Chinese has
# no spaces to tell them apart: such a city name is kept when jieba's
# dictionary (`--jieba`) tags it a place name (ns), and otherwise (a common
# word's or a person's tag, or not in the dictionary: traditional and
# Japanese forms) only for cities of a million ("合肥", "大连" carry common
# tags there).
HAN_SHORT = 2
HAN_NAME_TAGS = ("ns",)
HAN_SHORT_MIN_POPULATION = 1_000_000
# Cities whose names in these scripts are taken. Han names: as the English
# alternates (generate.py's ALTERNATE_MIN_POPULATION). Cyrillic names carry
# no language in GeoNames (Bulgarian, Kazakh, Mari forms are among them),
# and short ones are words once inflected ("Думай" for Dumai, "Гама",
# "Вена"): only cities of a million, whose names news uses, and only names
# whose every word is capitalized ("Лондон ош", "Аден шаары" are Mari and
# Kyrgyz for "London city", "Aden city").
SCRIPT_CITY_MIN_POPULATION = 250_000
CYRILLIC_CITY_MIN_POPULATION = 1_000_000
# An id written in a names table instead of an English name.
ID = re.compile(r"^[a-z0-9-]+:[A-Za-z0-9-]+$")

# UD tags of words that are not names.
NOT_NAMES = {"NOUN", "ADJ", "VERB", "ADV", "ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "NUM", "INTJ"}
# A form is a common word of a language when its treebank has it this many
# times with a tag of NOT_NAMES, and more often so than as PROPN.
UD_MIN_COMMON = 2


def read_table(path: Path) -> list[dict[str, str]]:
    """A TSV with `#` comments and a header: rows as dicts by header name
    (missing trailing fields empty), each with its `_where` ("file:line") for
    error messages. generate.py reads its inputs with it too."""
    rows, header = [], None
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                continue
            if len(fields) > len(header):
                raise SystemExit(
                    f"{path}:{number}: {len(fields)} fields, expected at most {len(header)} ({', '.join(header)})"
                )
            row = dict(zip(header, fields + [""] * (len(header) - len(fields))))
            row["_where"] = f"{path}:{number}"
            rows.append(row)
    return rows


class Treebank:
    """How a UD treebank writes each word: as a proper noun, as another kind of
    word capitalized the same way, and in lowercase. Forms are counted with
    their accents stripped, as the matcher folds them ("Länder" counts for
    the town "Lander", "Para" for "Pará")."""

    def __init__(self, paths: list[Path]):
        self.propn: collections.Counter[str] = collections.Counter()
        self.other: collections.Counter[str] = collections.Counter()
        self.lower: collections.Counter[str] = collections.Counter()
        for path in paths:
            with path.open(encoding="utf-8") as f:
                for line in f:
                    if not line[:1].isdigit():
                        continue
                    cols = line.split("\t")
                    if len(cols) < 4 or "-" in cols[0] or "." in cols[0]:
                        continue
                    form, upos = strip_accents(cols[1]), cols[3]
                    if upos == "PROPN":
                        self.propn[form] += 1
                    elif upos in NOT_NAMES:
                        self.other[form] += 1
                        if form == form.lower():
                            self.lower[form] += 1

    def is_word(self, form: str) -> bool:
        """Whether `form`, as written, is mostly a word other than a name
        (German "Essen", "Länder"; a sentence-initial "Para")."""
        form = strip_accents(form)
        other = self.other[form]
        return other >= UD_MIN_COMMON and other > self.propn[form]

    def is_any_word(self, form: str) -> bool:
        """Whether the treebank writes `form`, in any case, as a word other
        than a name even once: for generated case forms, which need no
        evidence of their own to be left out ("Рима" is also "рима",
        rhyme)."""
        form = strip_accents(form)
        return self.other[form] + self.lower[form.lower()] + self.other[form.lower()] > 0

    def lowercase_share(self, form: str) -> tuple[int, float]:
        """How often `form` is written in lowercase as a word ("centro" for
        "Centro"), and the share of its occurrences that is."""
        form = strip_accents(form)
        low = self.lower[form.lower()] if form != form.lower() else 0
        total = low + self.propn[form] + self.other[form]
        return low, (low / total if total else 0.0)


def jieba_words(sdist: Path) -> dict[str, str]:
    """jieba's dictionary (`jieba/dict.txt` of the PyPI sdist
    jieba-0.42.1.tar.gz, MIT): each word's part-of-speech tag. Lines are
    "word frequency tag"."""
    words = {}
    with tarfile.open(sdist) as tar:
        member = next((m for m in tar.getmembers() if m.name.endswith("/jieba/dict.txt")), None)
        if member is None:
            raise SystemExit(f"{sdist}: no jieba/dict.txt inside")
        f = tar.extractfile(member)
        for number, line in enumerate(f.read().decode("utf-8").splitlines(), 1):
            fields = line.split()
            if len(fields) != 3:
                raise SystemExit(f"{sdist}:jieba/dict.txt:{number}: expected word, frequency, tag")
            words[fields[0]] = fields[2]
    return words


def strip_accents(form: str) -> str:
    """The form as the matcher sees it with accent folding on."""
    decomposed = unicodedata.normalize("NFD", form)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def german_adjective(stem: str) -> list[str]:
    """The forms of a German adjective: "chinesisch", "chinesische",
    "chinesischen", "chinesischer", "chinesisches", "chinesischem"."""
    return [stem + ending for ending in ("", "e", "en", "er", "es", "em")]


def german_nouns(masculine: str, feminine: str, plural: str) -> list[str]:
    """The forms of a German nationality noun: masculine ("Chinese",
    "Amerikaner"), its plural ("Chinesen", "Amerikaner"), dative plural
    ("Amerikanern") and genitive ("des Amerikaners"), the feminine
    ("Chinesin") and its plural ("Chinesinnen")."""
    if not masculine:
        return []
    forms = [masculine]
    if not plural:
        if masculine.endswith("e"):
            plural = masculine + "n"
        elif masculine.endswith(("er", "el")):
            plural = masculine
        else:
            plural = masculine + "en"
    forms.append(plural)
    if plural.endswith(("er", "el")):
        # Dative plural and genitive singular: "Amerikanern", "Amerikaners".
        forms += [plural + "n", masculine + "s"]
    elif plural.endswith("e"):
        forms.append(plural + "n")  # "Muslime", dative "Muslimen"
    if feminine:
        forms += [feminine, feminine + "nen"]
    return forms


def german_genitive(name: str) -> str | None:
    """The genitive of a German country name without an article ("Chinas",
    "Russlands"); None for names that take none: feminine ones ("der
    Türkei", "der Ukraine"), names ending in a sibilant, and names of more
    than one word."""
    if " " in name or "-" in name or name.endswith(("e", "ei", "s", "ß", "x", "z", "en")):
        return None
    return name + "s"


def unaccented_last(word: str) -> str:
    """`word` without the accent of its last vowel: "francés" -> "frances"
    (the accent moves when Spanish adds a syllable: "franceses")."""
    decomposed = unicodedata.normalize("NFD", word)
    at = max(i for i, c in enumerate(decomposed) if not unicodedata.combining(c))
    head, tail = decomposed[: at + 1], decomposed[at + 1 :]
    # The last vowel is the one before the final consonant.
    parts = list(head)
    for i in range(len(parts) - 1, -1, -1):
        if parts[i] in "aeiou":
            if i + 1 < len(parts) and unicodedata.combining(parts[i + 1]):
                del parts[i + 1]
            break
    return unicodedata.normalize("NFC", "".join(parts) + tail)


def spanish_forms(masculine: str, feminine: str, plural: str) -> list[str]:
    """The four forms of a Spanish nationality adjective (also a noun):
    "chino", "china", "chinos", "chinas"; "francés", "francesa",
    "franceses", "francesas"; "canadiense(s)"; "israelí", "israelíes",
    "israelís"."""
    m = masculine
    if m.endswith("o"):
        forms = [m, m[:-1] + "a", m + "s", m[:-1] + "as"]
    elif m.endswith(("e", "a")):
        forms = [m, m + "s"]
    elif m.endswith(("í", "ú")):
        forms = [m, m + "es", m + "s"]
    elif m.endswith(("és", "án", "ín", "ón")):
        base = unaccented_last(m)
        forms = [m, base + "a", base + "es", base + "as"]
    else:
        forms = [m, m + "a", m + "es", m + "as"]
    if feminine:
        forms = [f for f in forms if not f.endswith(("a", "as"))] + [feminine, feminine + "s"]
    if plural:
        forms = [f for f in forms if not f.endswith("s")] + [plural]
    return list(dict.fromkeys(forms))


def french_forms(masculine: str, feminine: str) -> list[str]:
    """The forms of a French nationality adjective, lowercase ("chinois",
    "chinoise", "chinoises"; "américain", "américaine", "américains",
    "américaines"); the capitalized nouns ("les Chinois") match them too."""
    forms = []
    for form in (masculine, feminine):
        form = form.strip().lower()
        if not form or " " in form:
            # "antiguaise et barbudien": two demonyms, not a form in text.
            continue
        forms.append(form)
        forms.append(form if form.endswith(("s", "x")) else form + "s")
    return list(dict.fromkeys(forms))


def other_language_rows(
    countries_json: Path,
    ud: dict[str, list[Path]],
    country_prior: dict[str, str],
    english_ids: dict[tuple[str, str], set[str]],
    capitals: list[tuple[str, list[dict[str, str]]]],
    id_prior: dict[str, str],
    cldr: dict[str, list[Path]],
    script_cities: list[dict[str, str]],
    zh_words: dict[str, str],
    report: dict[str, list[str]],
) -> tuple[list[tuple[str, str, str, str, str, str]], dict[str, Treebank]]:
    """Candidate rows (name, label, id, prior, country, lang) of every
    language, before generate.py's case rules and deduplication; and the
    treebanks, by language.

    `english_ids` maps (folded English name, label) to the ids of the rows
    generate.py wrote, `id_prior` an id to its prior; `capitals` lists, per
    capital too small for English alternates, its city id and its GeoNames
    rows; `cldr` the CLDR country-name files per language;
    `script_cities` the GeoNames rows (large.tsv.gz) of cities large enough,
    in every script; `zh_words` jieba's dictionary (word → part-of-speech
    tag). `report` collects, per kind, what was left out."""
    data = json.loads(countries_json.read_text(encoding="utf-8"))
    treebanks = {lang: Treebank(paths) for lang, paths in ud.items()}
    known_countries = {(c["cca2"], "GPE") for c in data}
    rows: list[tuple[str, str, str, str, str, str]] = []

    def add(name: str, label: str, id_: str, prior: str, country: str, lang: str) -> None:
        rows.append((name, label, id_, prior, country, lang))

    paradigms = {lang: inflect.Paradigms(HERE / lang / "paradigms.tsv", read_table) for lang in INFLECTED}

    def add_forms(
        name: str, spec: str, label: str, id_: str, prior: str, country: str, lang: str, where: str,
        uses: tuple[str, ...] = ("noun",),
    ) -> None:
        """Adds `name` and, in a language that inflects, its case forms; a
        case form of a name that the language's treebank writes as a word
        ("рима" for "Рима") is left out. Demonyms and adjectives (`uses`
        with `adj`) are words by design and are not tested."""
        if lang not in INFLECTED:
            add(name, label, id_, prior, country, lang)
            return
        forms = paradigms[lang].forms(name, spec, where, uses)
        add(forms[0], label, id_, prior, country, lang)
        for form in forms[1:]:
            if "adj" not in uses and treebanks[lang].is_any_word(form):
                report["case form is a word"].append(f"{lang}:{form}")
                continue
            add(form, label, id_, prior, country, lang)

    def english(row: dict[str, str]) -> tuple[str, str, str]:
        """The label, id and prior of the English entry that `row` names in
        its `english` column (a name, or an id); when the name has several
        entries, the one English ranks first (the largest prior); a row
        with no `english` gives its own `label` and a `dateline:` id. An
        error naming the row when there is no such entry, or several of
        equal rank."""
        ref = row.get("english", "")
        if not ref:
            if row.get("label") not in ("GPE", "NORP", "ORG", "LOC") or not row.get("id", "").startswith("dateline:"):
                raise SystemExit(f"{row['_where']}: no English name; expected a label and a dateline: id")
            return row["label"], row["id"], ""
        if ID.match(ref):
            matches = {(label, id_) for (_, label), ids in english_ids.items() for id_ in ids if id_ == ref}
            if len(matches) > 1:
                # A country's id names its demonyms too: the row is a name.
                matches = {m for m in matches if m[0] != "NORP"}
        else:
            matches = {
                (label, id_) for (name, label), ids in english_ids.items() if name == ref.casefold() for id_ in ids
            }
        if len(matches) > 1:
            ranked = sorted(matches, key=lambda m: -int(id_prior.get(m[1]) or 0))
            if int(id_prior.get(ranked[0][1]) or 0) > int(id_prior.get(ranked[1][1]) or 0):
                matches = {ranked[0]}
        if len(matches) != 1:
            raise SystemExit(
                f"{row['_where']}: the English name {ref!r} has {len(matches)} entries "
                f"in the default gazetteer (expected one, or one with the largest prior): {sorted(matches)}"
            )
        ((label, id_),) = matches
        prior = country_prior.get(id_.removeprefix("iso3166-1:"), "") if id_.startswith("iso3166-1:") else ""
        return label, id_, prior or id_prior.get(id_, "")

    country_names: dict[str, set[str]] = collections.defaultdict(set)
    for c in sorted(data, key=lambda c: c["cca2"]):
        code = c["cca2"]
        id_ = f"iso3166-1:{code}"
        prior = country_prior.get(code, "")
        for lang, key in LANGS.items():
            t = c["translations"].get(key, {})
            for name in (t.get("common", ""), t.get("official", "")):
                name = " ".join(name.split())
                if not name or "(" in name or " -" in name:
                    # "Kongo (Dem. Rep.)": a list's label, not a name in
                    # text; "Antigua -et-Barbuda": a typo.
                    continue
                country_names[lang].add(name.casefold())
                add_forms(name, "", "GPE", id_, prior, "", lang, f"countries.json {code}")
                if lang == "de":
                    genitive = german_genitive(name)
                    if genitive:
                        add(genitive, "GPE", id_, prior, "", lang)
            if lang == "zh" and t.get("common"):
                # The demonym: the country's name and 人 ("中国人").
                add(t["common"] + "人", "NORP", id_, prior, "", lang)
        fra = c.get("demonyms", {}).get("fra")
        if fra:
            # Lowercase: "suisse" the adjective; the country "Suisse" needs
            # its capital and ranks first where both match.
            for form in french_forms(fra.get("m", ""), fra.get("f", "")):
                add(form, "NORP", id_, prior, "", "fr")

    for r in read_table(HERE / "de" / "demonyms.tsv"):
        id_ = f"iso3166-1:{r['code']}"
        prior = country_prior.get(r["code"], "")
        for form in german_adjective(r["adjective"]):
            add(form, "NORP", id_, prior, "", "de")
        for form in german_nouns(r["noun_m"], r["noun_f"], r["plural"]):
            # "Polen" (Poles, Poland) and "Ungarn": the country's name wins.
            if form.casefold() not in country_names["de"]:
                add(form, "NORP", id_, prior, "", "de")
    for r in read_table(HERE / "es" / "demonyms.tsv"):
        id_ = f"iso3166-1:{r['code']}"
        prior = country_prior.get(r["code"], "")
        # Lowercase: "china" the demonym, "China" the country.
        for form in spanish_forms(r["masculine"], r["feminine"], r["plural"]):
            add(form, "NORP", id_, prior, "", "es")

    for lang, paths in cldr.items():
        # CLDR's country names (Ukrainian; traditional Chinese): JSON
        # objects from ISO code to name.
        for path in paths:
            names = json.loads(path.read_text(encoding="utf-8"))
            for code, name in sorted(names.items()):
                id_ = f"iso3166-1:{code}"
                if (code, "GPE") not in known_countries or "," in name or "(" in name:
                    # Codes mledoze/countries lacks ("EU", "UN", "XA"), and
                    # list labels ("Гонконг, О.А.Р. Китаю").
                    continue
                add_forms(name, "", "GPE", id_, country_prior.get(code, ""), "", lang, f"{path} {code}")
                if lang == "zh":
                    add(name + "人", "NORP", id_, country_prior.get(code, ""), "", lang)

    for lang in LANGS:
        for r in read_table(HERE / lang / "names.tsv"):
            label, id_, prior = english(r)
            add_forms(r["name"], r.get("class", ""), label, id_, prior, "", lang, r["_where"])

    for lang in INFLECTED:
        # Nationality adjectives and nouns in every gender, number and case.
        for table, key in (("demonyms.tsv", "code"), ("groups.tsv", "english")):
            for r in read_table(HERE / lang / table):
                if key == "code":
                    id_ = f"iso3166-1:{r['code']}"
                    label, prior = "NORP", country_prior.get(r["code"], "")
                else:
                    label, id_, prior = english(r)
                for form in r["forms"].split():
                    word, _, spec = form.partition("/")
                    add_forms(word, spec, label, id_, prior, "", lang, r["_where"], ("noun", "adj"))

    # Cities in the scripts of these languages: GeoNames names of one
    # language's letters, each in its case forms.
    for r in script_cities:
        name, id_ = r["name"], f"geonames:{r['id']}"
        if r["case"] == "exact":
            continue
        for lang, letters in SCRIPT_LETTERS.items():
            if int(r["population"]) >= CYRILLIC_CITY_MIN_POPULATION and all(w[:1].isupper() for w in name.split()) and len(name) >= 4 and set(name.lower()) <= letters and not name.endswith("-"):
                add_forms(name, "", "GPE", id_, r["population"], f"iso3166-1:{r['country']}", lang, f"large.tsv.gz {id_}")
        if HAN.match(name):
            if len(name) <= HAN_SHORT:
                tag = zh_words.get(name)
                if tag not in HAN_NAME_TAGS and int(r["population"]) < HAN_SHORT_MIN_POPULATION:
                    report["short Han name, a word or a small city"].append(f"{name}:{tag}")
                    continue
            add(name, "GPE", id_, r["population"], f"iso3166-1:{r['country']}", "zh")

    # Continents, religions and peoples: the demonyms' paradigms, the
    # English adjective's label and id ("europäisch", "European").
    for r in read_table(HERE / "de" / "groups.tsv"):
        label, id_, prior = english(r)
        for form in german_adjective(r["adjective"]) + german_nouns(r["noun_m"], r["noun_f"], r["plural"]):
            add(form, label, id_, prior, "", "de")
    for r in read_table(HERE / "fr" / "groups.tsv"):
        label, id_, prior = english(r)
        for form in french_forms(r["masculine"], r["feminine"]):
            add(form, label, id_, prior, "", "fr")
    for r in read_table(HERE / "es" / "groups.tsv"):
        label, id_, prior = english(r)
        for form in spanish_forms(r["masculine"], r["feminine"], r["plural"]):
            add(form, label, id_, prior, "", "es")

    for id_, city_rows in capitals:
        for r in city_rows:
            for lang in ("de", "fr", "es"):
                add(r["name"], "GPE", id_, r["population"], f"iso3166-1:{r['country']}", lang)
    return rows, treebanks
